"""Per-language time words, loaded once per process: month names from babel's CLDR data plus
``data/time/<lang>.toml`` (all Arabic regional month series, and the words that introduce a time: by, before,
after, in). Phrases are folded like every lexicon's (``rules.normalise.lexicon.Lexicon``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

from babel import Locale

from rules.normalise.lexicon import Lexicon, locale_of
from rules.text import fold

__all__ = ["time_lexicon"]

_DATA = files("rules.normalise").joinpath("data/time")
_LANGUAGES = {p.name[:-5] for p in _DATA.iterdir() if p.name.endswith(".toml")}


@lru_cache(maxsize=64)
def time_lexicon(language: str) -> Lexicon:
    locale = locale_of(language)
    lang = locale.language if locale.language in _LANGUAGES else "en"
    lex = Lexicon(lang=lang, locale=locale, arabic=lang == "ar")
    data = tomllib.loads(_DATA.joinpath(f"{lang}.toml").read_text("utf-8"))
    for relation, words in data.get("time", {}).items():
        for word in words:
            lex.add(word, "time", relation)
    _add_months(lex, locale, data.get("month", {}))
    return lex


def _add_months(lex: Lexicon, locale: Locale, extra: dict[str, int]) -> None:
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months.get(context, {}).get(width, {}).items():
                if len(fold(name)) > 2:
                    lex.add(name, "month", number)
    for name, number in extra.items():
        lex.add(name, "month", number)
