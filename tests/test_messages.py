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
from service.messages import TRANSLATIONS, WORDS, page_language

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
    assert TRANSLATIONS["ar"].gettext("Sign out") == "تسجيل الخروج"
    assert TRANSLATIONS["fr"].gettext("Consistent") == "Cohérent"
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
