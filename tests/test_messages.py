"""The pages' words: every message the code and the templates use is in every language's catalogue, translated,
with the same named placeholders; and the pages say it in the language they declare."""

from __future__ import annotations

import re
from configparser import ConfigParser

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from service.messages import LANGUAGES, LOCALE_DIR, TRANSLATIONS, WORDS, page_language

SERVICE = LOCALE_DIR.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _used() -> set[str]:
    """The messages ``pybabel extract`` finds, with the map ``make messages`` uses (service/locale/babel.cfg)."""
    cfg = ConfigParser()
    cfg.read(LOCALE_DIR / "babel.cfg")
    method_map, options_map = [], {}
    for section in cfg.sections():
        method, pattern = (x.strip() for x in section.split(":", 1))
        method_map.append((pattern, method))
        options_map[pattern] = dict(cfg.items(section))
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(SERVICE), method_map, options_map, keywords={**DEFAULT_KEYWORDS, "N_": None}):
        found.add(message if isinstance(message, str) else message[0])
    return found


USED = _used()


def test_the_code_and_templates_use_messages_at_all():
    assert {"Sign out", "Consistent", "What the figures imply"} <= USED
    assert set(WORDS.values()) <= USED, "the words looked up by value are extracted too"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_in_every_language(lang):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    have = {m.id: m for m in catalog if m.id}
    missing = sorted(USED - set(have))
    assert not missing, f"{lang}: not in the catalogue (run `make messages`, then translate): {missing}"
    empty = sorted(i for i in USED if not have[i].string or have[i].fuzzy)
    assert not empty, f"{lang}: untranslated or fuzzy: {empty}"
    stale = sorted(set(have) - USED)
    assert not stale, f"{lang}: no longer used (run `make messages`): {stale}"
    for i in USED:
        assert set(PLACEHOLDER.findall(i)) == set(PLACEHOLDER.findall(have[i].string)), (lang, i)
    if lang != "en":
        same = sorted(i for i in USED if have[i].string == i and len(i) > 3 and " " in i)
        assert not same, f"{lang}: left in English: {same}"


def test_catalogues_are_read_once_at_start_and_answer_in_their_language():
    assert TRANSLATIONS["ar"].gettext("Sign out") == "تسجيل الخروج"
    assert TRANSLATIONS["fr"].gettext("Consistent") == "Cohérent"
    assert page_language("fr-CA") == "fr" and page_language("xx") == "en" and page_language("AR_eg") == "ar"
