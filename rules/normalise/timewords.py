"""Per-language time words, loaded once per process.

Where the words come from:
- babel's CLDR data: Gregorian month names (wide and abbreviated, format and stand-alone), weekday names, quarter
  names without digits ("الربع الثالث"), relative words for day / week / month / quarter / year ("last year",
  "السنة الماضية", "avant-hier"), the order of a numeric date ("d/M/y", "M/d/yy") and the first day of the week;
- hijridate: the Hijri month names in Arabic and English;
- ``data/time/<lang>.toml``: everything else (regional Arabic month series, modifiers, units, counts, ordinals,
  relative words, eras, decades, range words, fillers, duration hedges). ``ar.toml`` describes the format.

Every phrase is folded like every lexicon's (``rules.normalise.lexicon.Lexicon``); a phrase may carry several
readings ("قبل" is both "before" and "ago"), and the reader (``rules.normalise.times``) picks one by context.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from babel import Locale
from babel.dates import get_date_format
from hijridate import Hijri

from rules.normalise.lexicon import Lexicon, locale_of
from rules.text import tokens

__all__ = ["TimeWords", "time_words"]

_DATA = files("rules.normalise").joinpath("data/time")
_LANGUAGES = {p.name[:-5] for p in _DATA.iterdir() if p.name.endswith(".toml")}
_CLDR_UNITS = ("year", "quarter", "month", "week", "day")
_RELATIVE = {"last": -1, "this": 0, "next": 1}
_ROLLING = {"past": -1, "coming": 1}
_HIJRI_NAMES = ("en", "ar")

@dataclass(frozen=True)
class TimeWords:
    """One language's time words (``lex``), the order of its numeric dates and its first day of the week."""

    lang: str
    locale: Locale
    lex: Lexicon
    order: str  # "dmy", "mdy" or "ymd": how the locale writes a short numeric date
    week_start: int  # 0 = Monday


@lru_cache(maxsize=64)
def time_words(language: str) -> TimeWords:
    """The time words for a BCP 47 tag (cached: built once per language per process)."""
    locale = locale_of(language)
    lang = locale.language if locale.language in _LANGUAGES else "en"
    lex = Lexicon(lang=lang, locale=locale, arabic=lang == "ar")
    data = tomllib.loads(_DATA.joinpath(f"{lang}.toml").read_text("utf-8"))
    _add_cldr(lex, locale)
    for name in _HIJRI_NAMES if lang == "ar" else ("en",):
        for month in range(1, 13):
            lex.add(Hijri(1446, month, 1).month_name(name), "hmonth", month)  # type: ignore[arg-type]
    _add_data(lex, data)
    pattern = get_date_format("short", locale=locale).pattern
    order = "".join(sorted("dMy", key=lambda c: pattern.find(c) if c in pattern else 99)).lower()
    return TimeWords(lang=lang, locale=locale, lex=lex, order=order, week_start=locale.first_week_day)


def _plain(phrase: str) -> bool:
    """A CLDR phrase is used only when it has no digits ('Q3', '3rd quarter' are read by the grammar)."""
    return all(t != "#" for t, _, _ in tokens(phrase)) and len(phrase.strip(". ")) > 2


def _add_cldr(lex: Lexicon, locale: Locale) -> None:
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months.get(context, {}).get(width, {}).items():
                if _plain(name):
                    lex.add(name, "month", number)
            for number, name in locale.quarters.get(context, {}).get(width, {}).items():
                if _plain(name):
                    lex.add(name, "quarter", number)
        for number, name in locale.days.get(context, {}).get("wide", {}).items():
            lex.add(name, "weekday", number)
    fields: Any = locale._data.get("date_fields", {})
    for unit in _CLDR_UNITS:
        for offset, phrase in dict(fields.get(unit, {}).get("relative", {})).items():
            if _plain(phrase):
                lex.add(phrase, "relative", (unit, int(offset)))


def _add_data(lex: Lexicon, data: dict[str, Any]) -> None:
    for word, number in data.get("month", {}).items():
        lex.add(word, "month", number)
    for word, number in data.get("hijri_month", {}).items():
        lex.add(word, "hmonth", number)
    for table, category in (("era", "era"), ("modifier", "mod"), ("unit", "unit"), ("dual", "dual"),
                            ("marker", "marker"), ("decade_mark", "decade_mark"), ("abbreviation", "abbr"),
                            ("range", "range"), ("duration", "hedge")):
        for value, words in data.get(table, {}).items():
            for word in words:
                lex.add(word, category, value)
    for table, category in (("number", "number"), ("ordinal", "ordinal"), ("decade", "decade"),
                            ("century", "century")):
        for word, value in data.get(table, {}).items():
            lex.add(word, category, value)
    for name, words in data.get("relative", {}).items():
        category, value = ("rel", _RELATIVE[name]) if name in _RELATIVE else ("rolling", _ROLLING[name])
        for word in words:
            lex.add(word, category, value)
    for name, words in data.get("century_relative", {}).items():
        for word in words:
            lex.add(word, "century_rel", _RELATIVE[name])
    for word in data.get("filler", {}).get("words", []):
        lex.add(word, "filler", True)
    for word in data.get("fiscal", {}).get("words", []):
        lex.add(word, "fiscal", True)
    for phrase, (unit, offset) in data.get("relative_phrase", {}).items():
        lex.add(phrase, "relative", (unit, int(offset)))
    for word in data.get("plural", {}).get("words", []):
        lex.add(word, "plural", True)
