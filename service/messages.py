"""The words of the pages for people. They are messages of the one catalogue per language that the rules' sentences
use too (``rules/locale/<lang>/LC_MESSAGES/messages.po``, read once at start by ``rules.messages``; ``make messages``
extracts the messages from the code and the templates and updates every catalogue; a test fails when any message is
missing in any language). Here: the catalogues as ``gettext`` translations for Jinja, the words looked up by a
value of the report, and the page's language and direction.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rules.messages import LANGUAGES, LOCALE_DIR, N_, translations
from rules.normalise.lexicon import locale_of

if TYPE_CHECKING:
    from babel.support import Translations

__all__ = ["LANGUAGES", "LOCALE_DIR", "N_", "WORDS", "direction", "gettext", "page_language", "page_tag", "words"]


@cache
def gettext(lang: str) -> Translations:
    """The catalogue of a page language as ``gettext`` translations, made when first asked (the five cost a server
    30 ms of its start, and a check draws no page)."""
    return translations(lang)

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
    return lang if lang in LANGUAGES else "en"


def page_tag(language: str, chosen: str | None = None) -> str:
    """The tag a page is written in: ``chosen`` (a page language asked for) or the document's, when there are pages
    in its language (a regional tag kept: ``ar-MA`` writes شتنبر), else English."""
    if chosen and chosen in LANGUAGES:
        return chosen if page_language(language) != chosen else language
    return language if page_language(language) == language.replace("_", "-").split("-")[0].lower() else "en"


def direction(tag: str) -> str:
    """``rtl`` or ``ltr``, from CLDR's character order for the language."""
    return "rtl" if locale_of(tag).character_order == "right-to-left" else "ltr"


def words(lang: str) -> dict[str, str]:
    """``WORDS`` in a page language."""
    return _words(page_language(lang))


@cache
def _words(lang: str) -> dict[str, str]:
    return {key: gettext(lang).gettext(message) for key, message in WORDS.items()}
