"""The allow-listed units, exact conversions between them, and exact conversions between periods.

Units come from ``data/units.toml`` (countable things, and words CLDR lacks) and from babel's CLDR unit names for
measures (``CLDR_KINDS``: lengths, areas, volumes, masses, temperatures, energy, power, speeds, data sizes,
durations, shares), each one pint knows (``pint_facts``: pint's answers, kept in a file); nothing else becomes a
unit.
``words(lang)`` is every name and symbol a language writes them with (CLDR's long, short and narrow forms, every
plural form), built once per language; a CLDR form written without its number names one or two of the unit
(Arabic "يومان" is two days). Conversions between units of the same kind
(minutes and days, percent and plain fractions) are pint's, made exact by building the registry with
``non_int_type=Fraction`` (its factors to root units, kept; the registry itself is built only for a conversion
they do not answer). Conversions between calendar periods are not one number: a month has 28 to 31 days
and a year 365 or 366, so ``periods(a, b)`` returns an exact interval (12 months a year exactly; 28–31 days a
month).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files

from babel import Locale

from rules.interval import Interval
from rules.normalise.pint_facts import CLDR_KINDS, facts, registry

__all__ = ["KINDS", "NAMES", "PERIODS", "PINT_NAMES", "factor", "kind", "name", "pattern", "periods", "registry",
           "words"]

_DATA = tomllib.loads(files("rules.normalise").joinpath("data/units.toml").read_text("utf-8"))
#: What pint answers (``pint_facts``: kept in a file, so that a start needs neither pint nor its registry).
_FACTS = facts()

KINDS: dict[str, str] = {name: spec["kind"] for name, spec in _DATA.items()}
NAMES: dict[str, dict[str, list[str]]] = {
    name: {lang: words for lang, words in spec.items() if isinstance(words, list)} for name, spec in _DATA.items()
}
DUALS: dict[str, dict[str, list[str]]] = {name: spec.get("dual", {}) for name, spec in _DATA.items()}
_DISPLAY: dict[str, dict[str, list[str]]] = {name: spec.get("display", {}) for name, spec in _DATA.items()}

#: CLDR unit id → our unit name, for the measures pint knows (CLDR's units pint spells otherwise are aliases in
#: pint's registry: 'kilometer_per_hour = (kilometer) / (hour)'); each is a unit of its category's kind.
_CLDR_IDS: dict[str, str] = _FACTS.cldr
for _cldr, _ours in _CLDR_IDS.items():
    KINDS.setdefault(_ours, CLDR_KINDS[_cldr.partition("-")[0]])
#: Every unit name and alias pint defines, folded (no prefixes: 'units' is not micro-nits): a word after a figure
#: that is one of them, and no unit tadqiq reads, is refused rather than counted ('10 furlongs').
PINT_NAMES = _FACTS.names
_CLDR = {ours: cldr for cldr, ours in _CLDR_IDS.items()}
_ROOTS = _FACTS.roots

PERIODS = ("hour", "day", "week", "month", "quarter", "year")
_FIXED = {"hour": Fraction(1, 24), "day": Fraction(1), "week": Fraction(7)}
_CALENDAR = {"month": Fraction(1), "quarter": Fraction(3), "year": Fraction(12)}
_DAYS = {"month": Interval.of(28, 31), "quarter": Interval.of(89, 92), "year": Interval.of(365, 366)}


@lru_cache(maxsize=64)
def words(lang: str) -> dict[str, tuple[str, int | None, bool]]:
    """Every word ``lang`` names a unit with: word → (unit, the count it names alone or None, whether only CLDR
    has it). From units.toml (the language's words, its duals, and English's) and CLDR's unit names in the
    language and in English."""
    out: dict[str, tuple[str, int | None, bool]] = {}
    for unit, names in NAMES.items():
        for word in names.get(lang, []) + (names.get("en", []) if lang != "en" else []):
            out.setdefault(word, (unit, None, False))
        for word in DUALS[unit].get(lang, []):
            out.setdefault(word, (unit, 2, False))
    for tag in dict.fromkeys((lang, "en", "en_GB")):
        locale = _locale(tag)
        patterns = locale._data.get("unit_patterns", {})
        display = locale._data.get("unit_display_names", {})
        for cldr, unit in _CLDR_IDS.items():
            for width in ("long", "short", "narrow"):
                name = display.get(cldr, {}).get(width)
                if name:
                    out.setdefault(name.strip(), (unit, None, True))
                for plural, pattern in patterns.get(cldr, {}).get(width, {}).items():
                    if plural == "per" or not isinstance(pattern, str):
                        continue
                    word = pattern.replace("{0}", "").strip(" \u00a0\u202f")
                    if not word:
                        continue
                    count = None if "{0}" in pattern else {"one": 1, "two": 2}.get(plural)
                    if word not in out or count is not None and out[word][:2] == (unit, None):
                        out[word] = (unit, count, out[word][2] if word in out else True)
    return out


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
    a, b = _ROOTS.get(src), _ROOTS.get(dst)
    if a is not None and b is not None:  # what pint computes: each unit's factor to the same root units
        return a[1] / b[1] if a[0] == b[0] else None
    import pint

    try:
        return Fraction(registry().Quantity(Fraction(1), src).to(dst).magnitude)
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


#: Whole numbers below this have their plural form from a table of babel's answers (``plural_form``)
_COUNTS = 1000


@lru_cache(maxsize=64)
def _plurals(locale: Locale) -> tuple[str, ...]:
    """babel's plural form of each whole number 0 … 999 in ``locale``, asked once per process."""
    return tuple(locale.plural_form(n) for n in range(_COUNTS))


def plural_form(locale: Locale, n: float | Decimal) -> str:
    """``locale.plural_form(n)``: a whole number below 1 000 (most counts a report writes: '170 million' is 170 of
    a million) looked up in babel's answers, instead of evaluating its rule again (1–4 µs a call)."""
    if type(n) is int and 0 <= n < _COUNTS:
        return _plurals(locale)[n]
    return locale.plural_form(n)


@lru_cache(maxsize=1024)
def _long(locale: Locale, cldr: str) -> dict[str, str]:
    """CLDR's long patterns of a unit by plural form ('one': '{0} minute'), from babel once per process."""
    return dict(locale._data["unit_patterns"].get(cldr, {}).get("long", {}))


def pattern(unit: str, lang: str, count: Fraction = Fraction(2)) -> str:
    """How ``count`` of ``unit`` is written in ``lang``, e.g. '{0} minutes': babel's CLDR where it knows the unit."""
    locale = _locale(lang)
    if unit in _CLDR:
        patterns = _long(locale, _CLDR[unit])
        # a whole count as an int: the same plural operands as the Fraction, and babel's rules compare ints faster
        found = patterns.get(plural_form(locale, abs(count.numerator) if count.denominator == 1
                                         else float(abs(count))))
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
