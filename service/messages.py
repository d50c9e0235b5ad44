"""The words of the pages for people, as gettext catalogues managed with Babel: one ``.po`` per language in
``service/locale/<lang>/LC_MESSAGES/messages.po`` (``make messages`` extracts the messages from the code and the
templates and updates every catalogue; a test fails when any message is missing in any language).

The catalogues are read with babel when the process starts (``read_po``, compiled in memory): nothing to compile
before ``make run`` or ``make test``, and nothing read again per request.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from rules.normalise.lexicon import locale_of

__all__ = ["LANGUAGES", "LOCALE_DIR", "N_", "TRANSLATIONS", "WORDS", "direction", "page_language", "words"]

#: The page languages, English first (the source language of the messages).
LANGUAGES = ("en", "ar", "fr", "es", "de")
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract`` where it is defined; translated where it is shown."""
    return message


def _load(lang: str) -> Translations:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain="messages")


TRANSLATIONS: dict[str, Translations] = {lang: _load(lang) for lang in LANGUAGES}

#: Words the pages look up by a value of the report (a status, a review state, a decision, a role).
WORDS: dict[str, str] = {
    "consistent": N_("Consistent"), "doubtful": N_("Doubtful"), "inconsistent": N_("Inconsistent"),
    "unverifiable": N_("Unverifiable"),
    "unreviewed": N_("Not reviewed"), "confirmed": N_("Confirmed"), "disputed": N_("Disputed"),
    "overridden": N_("Overridden"),
    "confirm": N_("Confirm"), "dispute": N_("Dispute"), "override": N_("Override to"),
    "submitter": N_("submitter"), "reviewer": N_("reviewer"), "admin": N_("administrator"),
    "fig_result": N_("computed"), "fig_compared": N_("compared with"),
}


def page_language(tag: str | None) -> str:
    """The page language for a BCP 47 tag: its language when there are pages in it, else English."""
    lang = (tag or "en").replace("_", "-").split("-")[0].lower()
    return lang if lang in TRANSLATIONS else "en"


def direction(tag: str) -> str:
    """``rtl`` or ``ltr``, from CLDR's character order for the language."""
    return "rtl" if locale_of(tag).character_order == "right-to-left" else "ltr"


_WORDS = {lang: {key: TRANSLATIONS[lang].gettext(message) for key, message in WORDS.items()} for lang in LANGUAGES}


def words(lang: str) -> dict[str, str]:
    """``WORDS`` in a page language."""
    return _WORDS[page_language(lang)]
