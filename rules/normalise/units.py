"""The allow-listed units, one pint registry per process, and exact conversions between periods.

Units come from ``data/units.toml``; nothing else becomes a unit. Conversions between units of the same kind
(minutes and days, percent and plain fractions) are pint's, made exact by building the registry with
``non_int_type=Fraction``. Conversions between calendar periods are not one number: a month has 28 to 31 days
and a year 365 or 366, so ``periods(a, b)`` returns an exact interval (12 months a year exactly; 28–31 days a
month).
"""

from __future__ import annotations

import os
import tomllib
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pint
import platformdirs
from babel import Locale

from rules.interval import Interval

__all__ = ["KINDS", "NAMES", "PERIODS", "REGISTRY", "factor", "kind", "name", "pattern", "periods"]

_DATA = tomllib.loads(files("rules.normalise").joinpath("data/units.toml").read_text("utf-8"))

def _cache() -> Path | None:
    """Where pint keeps its parsed definitions between starts (a fifth of a start's time otherwise; pint keys the
    cache by the file's content and ``non_int_type``); None when that place cannot be written."""
    folder = Path(os.environ.get("TADQIQ_CACHE_DIR") or platformdirs.user_cache_path("tadqiq")) / "pint"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


REGISTRY = pint.UnitRegistry(non_int_type=Fraction, autoconvert_offset_to_baseunit=False, cache_folder=_cache())
for _spec in _DATA.values():
    if "define" in _spec:
        REGISTRY.define(_spec["define"])

KINDS: dict[str, str] = {name: spec["kind"] for name, spec in _DATA.items()}
NAMES: dict[str, dict[str, list[str]]] = {
    name: {lang: words for lang, words in spec.items() if isinstance(words, list)} for name, spec in _DATA.items()
}
_DISPLAY: dict[str, dict[str, list[str]]] = {name: spec.get("display", {}) for name, spec in _DATA.items()}
_CLDR = {"second": "duration-second", "minute": "duration-minute", "hour": "duration-hour",
         "day": "duration-day", "week": "duration-week", "month": "duration-month", "year": "duration-year",
         "kilometer": "length-kilometer", "meter": "length-meter", "tonne": "mass-tonne",
         "kilogram": "mass-kilogram", "mile": "length-mile", "square_kilometer": "area-square-kilometer", "megawatt": "power-megawatt",
         "percent": "concentr-percent"}

PERIODS = ("hour", "day", "week", "month", "quarter", "year")
_FIXED = {"hour": Fraction(1, 24), "day": Fraction(1), "week": Fraction(7)}
_CALENDAR = {"month": Fraction(1), "quarter": Fraction(3), "year": Fraction(12)}
_DAYS = {"month": Interval.of(28, 31), "quarter": Interval.of(89, 92), "year": Interval.of(365, 366)}


def kind(unit: str | None) -> str | None:
    if unit is None:
        return None
    if len(unit) == 3 and unit.isupper():
        return "currency"
    return KINDS.get(unit)


@lru_cache(maxsize=4096)
def factor(src: str, dst: str) -> Fraction | None:
    """How many ``dst`` make one ``src`` (pint, exact), or None when they measure different things."""
    if src == dst:
        return Fraction(1)
    if src not in KINDS or dst not in KINDS or {src, dst} == {"percent", "percentage_point"}:
        return None  # percent and percentage points measure different things, whatever pint says
    try:
        return Fraction(REGISTRY.Quantity(Fraction(1), src).to(dst).magnitude)
    except pint.DimensionalityError:
        return None


@lru_cache(maxsize=64)
def periods(src: str, dst: str) -> Interval:
    """How many ``dst`` periods there are in one ``src`` period, as an exact interval."""
    if src == dst:
        return Interval.point(1)
    if src in _CALENDAR and dst in _CALENDAR:
        return Interval.point(_CALENDAR[src] / _CALENDAR[dst])
    if src in _FIXED and dst in _FIXED:
        return Interval.point(_FIXED[src] / _FIXED[dst])
    if src in _CALENDAR:  # e.g. days in a month
        return _DAYS[src] / _FIXED[dst]
    return Interval.point(_FIXED[src]) / _DAYS[dst]


@lru_cache(maxsize=4096)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang.replace("-", "_"))


def pattern(unit: str, lang: str, count: Fraction = Fraction(2)) -> str:
    """How ``count`` of ``unit`` is written in ``lang``, e.g. '{0} minutes': babel's CLDR where it knows the unit."""
    locale = _locale(lang)
    if unit in _CLDR:
        patterns = locale._data["unit_patterns"].get(_CLDR[unit], {}).get("long", {})
        found = patterns.get(locale.plural_form(abs(count) if count.denominator == 1 else float(abs(count))))
        if not found or "{0}" not in found:  # Arabic duals are written without the number
            found = patterns.get("other")
        if found:
            return found
    names = _DISPLAY.get(unit, {})
    words = names.get(locale.language) or names.get("en") or [unit.replace("_", " ")] * 2
    return "{0} " + (words[0] if count == 1 else words[-1])


def name(unit: str, lang: str, count: Fraction = Fraction(1)) -> str:
    """The unit's name alone: 'user', 'مستخدم', 'day'."""
    return pattern(unit, lang, count).replace("{0}", "").strip()
