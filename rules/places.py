"""Places inside places: which labels name a place, and what it lies in.

Countries are named from CLDR (babel's territory names in the document's language, ``locale=`` given) and the short
names of ``rules/data/places.toml``; the first-level subdivisions of the countries the press covers most, and some
cities, come from the same file. A label names a place when its pairing key (``rules.text.key``) is one of the
place's names' keys; a key two places share names neither. Built once per language.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

from babel import Locale
from babel.core import UnknownLocaleError

from rules.text import key

__all__ = ["ancestors", "place"]

_DATA = tomllib.loads(files("rules").joinpath("data/places.toml").read_text("utf-8"))
_PARENT: dict[str, str] = {p["code"]: p["parent"] for p in _DATA.get("place", [])}


def _names(entry: dict, lang: str) -> list[str]:
    return [*entry.get(lang, []), *(entry.get("latin", []) if lang != "ar" else [])]


@lru_cache(maxsize=8)
def _index(lang: str) -> dict[str, str]:
    """Place key → code, for ``lang``; keys two places share are left out."""
    found: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        k = key(name, lang)
        if k:
            found.setdefault(k, set()).add(code)

    try:
        territories = Locale.parse(lang).territories
    except (ValueError, TypeError, UnknownLocaleError):  # a language CLDR does not know: no country names
        territories = {}
    for code, name in territories.items():
        if len(code) == 2 and code.isalpha():  # countries, not the world's regions ('001', '419')
            add(name, code)
    for code, entry in _DATA.get("countries", {}).items():
        for name in _names(entry, lang):
            add(name, code)
    for entry in _DATA.get("place", []):
        for name in _names(entry, lang):
            add(name, entry["code"])
    return {k: next(iter(codes)) for k, codes in found.items() if len(codes) == 1}


def place(label_key: str, lang: str) -> str | None:
    """The place a label (as a pairing key) names, or None."""
    return _index(lang.split("-")[0].lower()).get(label_key) if label_key else None


def ancestors(code: str) -> tuple[str, ...]:
    """The places ``code`` lies in, nearest first ('SA-jeddah' → 'SA-02', 'SA')."""
    out = []
    while code in _PARENT and len(out) < 8:
        code = _PARENT[code]
        out.append(code)
    return tuple(out)
