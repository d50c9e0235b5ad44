"""What people read: every message the rules, their data files, the service's code and the templates use is in every
language's catalogue (``rules/locale/<lang>/LC_MESSAGES/messages.po``), translated, with the same named
placeholders; a rule file holds no sentences by language; and the pages say it in the language they declare."""

from __future__ import annotations

import ast
import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from rules.engine import RULES
from rules.explain import say
from rules.messages import C_, CATALOGUES, LANGUAGES, LOCALE_DIR, N_, english, translate, translated
from service.messages import WORDS, gettext, page_language

ROOT = LOCALE_DIR.parent.parent
#: Jinja's ``%(name)s`` in the templates, ``{name}`` (str.format) in the rules.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")
LANGUAGE_KEYS = set(LANGUAGES)


def _used() -> set[tuple[str | None, str]]:
    """The messages (context, id) ``pybabel extract`` finds in rules/ and service/, with the map and the keywords
    ``make messages`` uses (rules/locale/babel.cfg)."""
    with (LOCALE_DIR / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for top in ("rules", "service"):
        for _file, _line, message, _comments, context in extract_from_dir(
                str(ROOT / top), method_map, options_map,
                keywords={**DEFAULT_KEYWORDS, "N_": None, "C_": ((1, "c"), 2)}):
            found.add((context, message if isinstance(message, str) else message[0]))
    return found


USED = _used()
IDS = {i for _c, i in USED}


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def test_the_code_templates_and_data_use_messages_at_all():
    assert {"Sign out", "Consistent", "What the figures imply"} <= IDS, "the pages' words"
    assert set(WORDS.values()) <= IDS, "the words looked up by value are extracted too"
    assert {rule.title for rule in RULES} <= IDS, "every rule's title (its docstring's first line)"
    assert "million for billion (×1 000)" in IDS, "the slips' labels (data/slips.toml)"
    assert "a profit is revenue minus costs (a loss is a negative profit)" in IDS, "data/identities.toml"
    from rules.arithmetic.per_unit import FIT
    assert FIT in IDS, "a rule's sentence"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_in_every_language(lang):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    have = {(m.context, m.id): m for m in catalog if m.id}
    missing = sorted(USED - set(have), key=str)
    assert not missing, f"{lang}: not in the catalogue (run `make messages`, then translate): {missing}"
    empty = sorted((k for k in USED if not have[k].string or have[k].fuzzy), key=str)
    assert not empty, f"{lang}: untranslated or fuzzy: {empty}"
    stale = sorted(set(have) - USED, key=str)
    assert not stale, f"{lang}: no longer used (run `make messages`): {stale}"
    for key in USED:
        assert _placeholders(key[1]) == _placeholders(have[key].string), (lang, key, have[key].string)
    if lang != "en":
        same = sorted(i for (_c, i) in USED if have[_c, i].string == i and len(i) > 3 and " " in i
                      and re.search(r"[^\W\d_]{3}", re.sub(r"\{\w+\}", "", i)))
        assert not same, f"{lang}: left in English: {same}"


def test_placeholders_are_named():
    positional = sorted(i for i in IDS if re.search(r"\{\d*\}", i))
    assert not positional, f"name every placeholder ('{{figure}}', not '{{}}'): {positional}"


def _language_dicts(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Dict) and len(node.keys) >= 2
            and all(isinstance(k, ast.Constant) and k.value in LANGUAGE_KEYS for k in node.keys)]


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for folder in ("arithmetic", "temporal")
                                        for p in (ROOT / "rules" / folder).glob("*.py")))
def test_rule_files_hold_no_sentences_by_language(path):
    """A rule file holds its logic, docstring and examples; its sentences are message ids (``N_``), translated in
    the catalogues, not dictionaries keyed by language."""
    found = _language_dicts(ast.parse((ROOT / path).read_text("utf-8")))
    assert not found, f"{path}: sentences by language at lines {found}: mark the English with N_ (rules/messages.py)"


def test_catalogues_are_read_once_at_start_and_answer_in_their_language():
    assert gettext("ar").gettext("Sign out") == "تسجيل الخروج"
    assert gettext("fr").gettext("Consistent") == "Cohérent"
    assert page_language("fr-CA") == "fr" and page_language("xx") == "en" and page_language("AR_eg") == "ar"
    assert set(CATALOGUES) == set(LANGUAGES)


def test_a_rule_sentence_is_said_in_english_and_the_document_language():
    message = N_("'{metric}' per {unit}")
    text = say("ar-EG", message, metric="الإيرادات", unit="مستخدم")
    assert text.en == "'الإيرادات' per مستخدم"
    assert text.local == "«الإيرادات» لكل مستخدم" and text.language == "ar"
    assert say("en", message, metric="m", unit="u").local is None
    assert say("pt", message, metric="m", unit="u").local is None, "no catalogue for Portuguese: English only"
    assert translate(message, "pt") == message and translated(message, "pt") is None
    assert translate(message, "de") == "„{metric}“ je {unit}"


def test_a_context_separates_one_english_phrase_with_two_meanings():
    message = C_("test", "former")
    assert english(message) == "former" and translate(message, "en") == "former"
    assert translated(message, "ar") is None, "a context no catalogue has: no translation, not the other meaning's"


# -- problem messages ---------------------------------------------------------------------------------------------
UNREAD = {"document": {"language": "ar-EG"}, "claims": [
    {"kind": "quantity", "id": "q", "value": "1e9 دولار", "subject": "تيك توك", "metric": "الإيرادات",
     "time": "العام الماضي"}]}


def _check(body: dict):
    import msgspec

    from rules.engine import check
    from rules.model import CheckRequest
    return check(msgspec.convert(body, CheckRequest))


def test_a_reading_problem_is_said_in_english_and_in_the_document_language():
    """The reader's reasons keep their English (``message``, as API clients have always read it) and add the
    document's language (``local``), the printed text inside the language's quotes; no ``local`` for English."""
    problems = {p.field: p for p in _check(UNREAD).claims[0].problems}
    value, time = problems["value"], problems["time"]
    assert value.code == "notation"
    assert value.message == "scientific, power, hexadecimal or binary notation is not read; write the number out"
    assert value.local == "لا تُقرأ الصيغة العلمية أو الأسية أو الست عشرية أو الثنائية؛ اكتب العدد كاملًا"
    assert time.code == "needs_publication_date"
    assert time.message == ("'العام الماضي' is relative: it is read from the document's publication date, which the "
                            "request does not give")
    assert time.local == "«العام الماضي» نسبي: يُقرأ انطلاقًا من تاريخ نشر المقال، والطلب لا يذكره"
    english = _check({**UNREAD, "document": {"language": "en"}}).claims[0].problems
    assert english and all(p.local is None for p in english), "an English document: the message is enough"
    import msgspec
    assert b'"local"' not in msgspec.json.encode(english[0]), "absent, not null"


def test_a_value_inside_a_problem_is_said_in_its_language_too():
    """What a message holds by language — a weekday, a kind of quantity, 'or' — is said in the message's language,
    and the English stays as it was."""
    from rules.normalise.errors import Unreadable
    from rules.normalise.times import read_time
    from rules.normalise.values import read_value
    with pytest.raises(Unreadable) as exc:
        read_time("lundi 4 mars 2025", "fr")
    said = exc.value.said
    assert exc.value.message == "2025-03-04 was a Tuesday, not a Monday ('lundi')"
    assert said.local("fr") == "le 2025-03-04 était un mardi, pas un lundi (« lundi »)"
    assert said.local("ar").startswith("2025-03-04 كان يوم الثلاثاء، لا يوم الاثنين")
    with pytest.raises(Unreadable) as exc:
        read_value("1 hour 30 minutes", "en")
    assert "second unit of time after 'hour'" in exc.value.message
    assert "unidad de tiempo" in exc.value.said.local("es") and "(Zeit)" in exc.value.said.local("de")
    assert exc.value.said.local("en") is None and exc.value.said.local(None) is None
    import pickle
    back = pickle.loads(pickle.dumps(exc.value))  # out of a worker process: its English, its code
    assert (back.code, back.message) == (exc.value.code, exc.value.message)


def test_a_crowd_summary_and_a_duplicate_are_said_in_the_document_language():
    events = [{"kind": "event", "id": f"e{i}", "subject": "x", "what": "الإطلاق", "time": f"{2000 + i}"}
              for i in range(60)]
    report = _check({"document": {"language": "ar"}, "claims": [*events, events[0]]})
    by_code = {p.code: p for p in report.problems}
    duplicate = by_code["duplicate_id"]
    assert duplicate.message == "claim id 'e0' is used twice; this one was set aside"
    assert duplicate.local == "المعرّف «e0» مستعمل مرتين؛ وقد استُبعد هذا الادعاء"
    crowd = by_code["crowd_summarised"]
    assert crowd.message.startswith("same_event_times: the events 'الإطلاق': ")
    assert crowd.local.startswith("same_event_times: أحداث «الإطلاق»: "), crowd.local


def _message_argument(call: ast.Call) -> ast.expr | None:
    """The message a call makes a problem of: ``Unreadable(code, message, …)``, ``problem(lang, code, message,
    …)`` (``rules.messages``; the library's ``problem(code, field, message)`` alike)."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)
    at = {"Unreadable": 1, "problem": 2, "said_problem": 2}.get(name or "")
    return call.args[at] if at is not None and len(call.args) > at else None


def test_every_problem_message_is_a_catalogue_message():
    """A problem is made with ``rules.messages.problem`` (or raised as ``Unreadable``) from a message id, never
    from an f-string or a bare sentence: so every problem is in every catalogue, and said in the document's
    language."""
    found = []
    for top in ("rules", "service"):
        for path in sorted((ROOT / top).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                if getattr(node.func, "id", None) == "Problem" and where != "rules/messages.py":
                    found.append(f"{where}:{node.lineno}: Problem(...) (use rules.messages.problem)")
                message = _message_argument(node)
                if isinstance(message, (ast.JoinedStr, ast.Constant, ast.BinOp)):
                    found.append(f"{where}:{node.lineno}: a sentence, not a message id (mark it with N_)")
    assert not found, found


def _parsed(locale_dir) -> dict[str, dict[str, str]]:
    from rules.messages import _table

    out = {}
    for lang in LANGUAGES:
        with (locale_dir / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
            out[lang] = _table(read_po(f, locale=lang))
    return out


def test_the_catalogues_at_start_are_the_files_as_they_are_now():
    assert CATALOGUES == _parsed(LOCALE_DIR)  # read from the cache or not, never stale


def test_the_catalogue_cache_is_read_when_the_files_are_unchanged_and_made_again_when_one_changes(tmp_path,
                                                                                                   monkeypatch):
    import shutil

    import babel.messages.pofile

    from rules.messages import catalogues

    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    monkeypatch.setenv("TADQIQ_CACHE_DIR", str(tmp_path / "cache"))
    kept = tmp_path / "cache" / "messages"
    first = catalogues(locale)
    assert first == _parsed(locale)
    assert sorted(p.name[:2] for p in kept.iterdir()) == sorted(LANGUAGES)  # one table a language

    parse = babel.messages.pofile.read_po
    parsed = []

    def refused(fileobj, locale, **kwargs):
        parsed.append(locale)
        raise AssertionError("parsed again")

    monkeypatch.setattr(babel.messages.pofile, "read_po", refused)
    assert catalogues(locale) == first  # from the cache, not parsed

    po = locale / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr " ou "', 'msgstr " ou bien "', 1), "utf-8")
    with pytest.raises(AssertionError, match="parsed again"):
        catalogues(locale)  # a changed file is parsed, not served from the cache
    assert parsed == ["fr"]  # only the language that changed
    before = {p.name for p in kept.iterdir()}
    monkeypatch.setattr(babel.messages.pofile, "read_po", parse)
    changed = catalogues(locale)
    assert changed == _parsed(locale) != first
    assert " ou bien " in changed["fr"].values()
    after = {p.name for p in kept.iterdir()}  # French's new table replaced its old one; the others stayed
    assert len(after) == len(LANGUAGES) and len(before - after) == 1 and next(iter(before - after))[:3] == "fr-"
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("TADQIQ_CACHE_DIR", str(tmp_path / "file" / "cache"))  # a cache that cannot be made is no
    po.write_text(po.read_text("utf-8").replace(" ou bien ", " ou alors "), "utf-8")  # cache, not an error
    assert " ou alors " in catalogues(locale)["fr"].values()


FIRST_CHECK = """
from pathlib import Path
import babel.messages.pofile as pofile
parse = pofile.read_po
parsed = []
pofile.read_po = lambda fileobj, locale, **kw: parsed.append(locale) or parse(fileobj, locale, **kw)
from service.work import check_json
assert b'"verdicts"' in check_json(Path("seeds/tiktok-m2/claims.json").read_bytes()).report
print(" ".join(sorted(parsed)))
"""


def test_a_first_check_reads_only_the_catalogues_it_writes_in(tmp_path):
    """With an empty cache directory (a first start), checking an Arabic article parses Arabic's and English's
    catalogues, not the other three (each is read when first used)."""
    import subprocess
    import sys

    root = LOCALE_DIR.parent.parent
    out = subprocess.run([sys.executable, "-c", FIRST_CHECK], check=False, cwd=root, capture_output=True, text=True,
                         timeout=120,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root), "TADQIQ_CACHE_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() in (["ar"], ["ar", "en"])
    assert {p.name[:3] for p in (tmp_path / "messages").iterdir()} <= {"ar-", "en-"}
