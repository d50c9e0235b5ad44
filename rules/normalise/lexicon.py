"""Per-language reading data for figures, loaded once per process.

A ``Lexicon`` gathers, for one language, every phrase the value reader looks for: scale words, hedges, range
words, periods, "per" words, units (``data/units.toml``) and currencies (babel's CLDR names and symbols plus
``data/<lang>.toml``). Phrases are folded (``rules.text.fold``) so lookups ignore case, diacritics and letter
variants. A language without a data file reads with English words and its own CLDR names and numbers. Time words
live apart, in ``rules.normalise.timewords``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from rules.normalise.units import NAMES
from rules.text import fold, tokens

__all__ = ["LANGUAGES", "Lexicon", "lexicon", "locale_of"]

_DATA = files("rules.normalise").joinpath("data")
LANGUAGES = tuple(sorted(p.name[:-5] for p in _DATA.iterdir() if p.name.endswith(".toml") and p.name != "units.toml"))
#: Arabic proclitics that may be glued to a word: و ف ب ل ك, and "لـ" / "بـ" with tatweel (folded away).
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
#: Symbols read in every language: they are not words of any one of them.
_SYMBOLS = {"%": ("unit", "percent"), "‰": ("unit", "permille"), "$": ("currency", "$"), "€": ("currency", "EUR"),
            "£": ("currency", "GBP"), "us$": ("currency", "USD"), "usd": ("currency", "USD")}


@dataclass
class Lexicon:
    lang: str
    locale: Locale
    phrases: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    longest: int = 1
    arabic: bool = False
    display: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, category: str, value: object) -> None:
        folded = " ".join(t for t, _, _ in tokens(phrase))
        if not folded:
            return
        entries = self.phrases.setdefault(folded, [])
        if (category, value) not in entries:
            entries.append((category, value))
        self.longest = max(self.longest, folded.count(" ") + 1)

    def match(self, words: list[str], i: int) -> tuple[int, list[tuple[str, object]]] | None:
        """The longest phrase starting at ``words[i]``: (number of words, its entries)."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            found = self.phrases.get(phrase)
            if found is None and self.arabic:
                found = self._without_proclitic(phrase)
            if found is not None:
                return n, found
        return None

    def _without_proclitic(self, phrase: str) -> list[tuple[str, object]] | None:
        for clitic in _PROCLITICS:
            if phrase.startswith(clitic) and len(phrase) > len(clitic) + 1:
                rest = phrase[len(clitic):]
                found = self.phrases.get(rest) or (self.phrases.get(rest[2:]) if rest.startswith("ال") else None)
                if found is None and not rest.startswith("ال"):
                    found = self.phrases.get("ال" + rest)
                if found is not None:
                    return found
        return None

    def first(self, words: list[str], i: int, category: str) -> tuple[int, object] | None:
        hit = self.match(words, i)
        if hit:
            for cat, value in hit[1]:
                if cat == category:
                    return hit[0], value
        return None


def locale_of(language: str) -> Locale:
    """The babel locale for a BCP 47 tag, falling back to its language, then to English."""
    tag = language.replace("-", "_")
    for candidate in (tag, tag.split("_")[0], "en"):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("babel has no English locale")


@lru_cache(maxsize=64)
def lexicon(language: str) -> Lexicon:
    """The lexicon for a BCP 47 language tag (cached: built once per language per process)."""
    locale = locale_of(language)
    lang = locale.language if locale.language in LANGUAGES else "en"
    data = tomllib.loads(_DATA.joinpath(f"{lang}.toml").read_text("utf-8"))
    lex = Lexicon(lang=lang, locale=locale, arabic=lang == "ar", display=data.get("display", {}))
    for word, power in data.get("scale", {}).items():
        lex.add(word, "scale", power)
    for bound, words in data.get("hedge", {}).items():
        for word in words:
            lex.add(word, "hedge", bound)
    for side, words in data.get("range", {}).items():
        for word in words:
            lex.add(word, "range_" + side, True)
    for word, period in data.get("period", {}).items():
        lex.add(word, "period", period)
    for word in data.get("per", {}).get("words", []):
        lex.add(word, "per", True)
    for unit, names in NAMES.items():
        for word in names.get(lang, []) + (names.get("en", []) if lang != "en" else []):
            lex.add(word, "unit", unit)
    _add_currencies(lex, locale)
    for word, code in data.get("currency", {}).items():
        lex.add(word, "currency", code)
    for symbol, (category, value) in _SYMBOLS.items():
        lex.add(symbol, category, value)
    return lex


def _add_currencies(lex: Lexicon, locale: Locale) -> None:
    """Currency names (singular and plural) and unambiguous symbols from babel's CLDR data."""
    english = Locale.parse("en")
    plural_names = locale._data.get("currency_names_plural", {})
    for code in list_currencies():
        for source in (locale, english):
            name = source.currencies.get(code)
            if name:
                lex.add(name, "currency", code)
        for name in plural_names.get(code, {}).values():
            lex.add(name, "currency", code)
        lex.add(code, "currency", code)
        symbol = locale.currency_symbols.get(code)
        if symbol and symbol not in ("$", "¥") and symbol != code and len(fold(symbol)) > 0:
            lex.add(symbol, "currency", code)
