"""What the temporal rules share: the time policy shown in their verdicts, where a claim's time comes from, sets
of days (for 'when could this have been written'), margins in days and the year slip.

Days are whole calendar days; a window is a pair of dates, both included, where ``None`` is unbounded (what
``TimeSpan.window`` returns). A ``Days`` set is a union of such windows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel.numbers import format_decimal
from babel.units import format_unit

from rules.context import Context, Item
from rules.explain import say
from rules.messages import N_, Said, reasons
from rules.model import Cause, Computation, Event, Input, Range, Role, Same
from rules.normalise.lexicon import locale_of
from rules.normalise.times import TimeSpan, span_text
from rules.verdicts import laid_out

__all__ = ["TIME_POLICY", "Days", "Window", "computation", "date_range", "day_range", "days_span", "days_text",
           "distance", "term_sources", "timed", "unreadable", "year_slip"]

Window = tuple[dt.date | None, dt.date | None]

#: How times are read and compared; shown in every temporal verdict.
TIME_POLICY = ("time-v1: a date names its whole period (September 2025 = 2025-09-01…2025-09-30); 'by' = on or "
               "before its end; 'before' / 'after' = outside it; 'since' = on or after its start; early / mid / late "
               "= first / middle / last half; 'about' = one unit of the grain either side (3 days for a day); a "
               "duration of N units is N ± ½ units (an age N − ½ to N + 1), a month 28–31 days, a year 365–366; "
               "relative times read from the publication date; Hijri dates by Umm al-Qura (hijridate); margins in "
               "days")

_LOW, _HIGH = dt.date.min, dt.date.max
_ONE = dt.timedelta(days=1)


# -- where a claim's time comes from ----------------------------------------------------------------------------
def timed(ctx: Context, item: Item) -> tuple[TimeSpan | None, list[Item]]:
    """The claim's own time, or — when it gives none — the time of a claim joined to it by a ``same`` relation
    (a reference first): 'the law' with the reference 'signed 2024-04-24'. Returns the time and the claims it
    came from (empty when it is the claim's own)."""
    if item.time is not None or getattr(item.claim, "time", None):
        return item.time, []
    partners = [ctx.get(c) for rel in _index(ctx).same.get(item.id, ()) for c in rel.claims if c != item.id]
    timed_partners = sorted((p for p in partners if p is not None and p.time is not None and
                             isinstance(p.claim, Event)), key=lambda p: not p.reference)
    if timed_partners:
        return timed_partners[0].time, [timed_partners[0]]
    return None, []


@dataclass
class _Index:
    """Built once per request: ``same`` relations by the claims they name, term sources by person and role."""

    same: dict[str, list[Same]]
    terms: dict[tuple[str, str], list[Item]]
    sources: dict[tuple[str, str, str], list[Item]]


def _index(ctx: Context) -> _Index:
    found = ctx.memo.get("time_index")  # the request's memos: a weak-keyed table made a weak reference at every look-up
    if found is None:
        same: dict[str, list[Same]] = defaultdict(list)
        for rel in ctx.relations.get(Same, []):
            for c in dict.fromkeys(rel.claims):
                same[c].append(rel)
        terms: dict[tuple[str, str], list[Item]] = defaultdict(list)
        for other in ctx.of_kind(Role):
            if other.claim.term:  # type: ignore[union-attr]
                terms[(other.subject, other.metric)].append(other)
        found = ctx.memo["time_index"] = _Index(same, terms, {})
    return found


def unreadable(items: Iterable[Item]) -> Callable[[str], str]:
    """Why the times of ``items`` could not be read, in a sentence's language: their problems, or that none was
    given."""
    return reasons((p for i in items for p in i.problems if p.field in ("time", "term")), Said(N_("no time is given")))


def term_sources(ctx: Context, role: Item) -> list[Item]:
    """Every claim or reference giving a term for the same person in the same role (and scope, when both say),
    one for each distinct term (the same term sent twice is one term). Found once per person, role and scope."""
    index = _index(ctx)
    known = index.sources.get((role.subject, role.metric, role.scope))
    if known is not None:
        return known
    found: dict[tuple[object, object] | str, Item] = {}
    for other in index.terms.get((role.subject, role.metric), ()):
        if not role.scope or not other.scope or other.scope == role.scope:
            found.setdefault((other.time.start, other.time.end) if other.time else other.id, other)
    known = index.sources[(role.subject, role.metric, role.scope)] = list(found.values())
    return known


# -- sets of days -----------------------------------------------------------------------------------------------
def _merged(parts: list[tuple[dt.date, dt.date]]) -> tuple[tuple[dt.date, dt.date], ...]:
    """Windows of days in order, those that overlap or touch made one."""
    merged: list[tuple[dt.date, dt.date]] = []
    for lo, hi in parts:
        if merged and (merged[-1][1] == _HIGH or lo <= merged[-1][1] + _ONE):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return tuple(merged)


@dataclass(frozen=True)
class Days:
    """A union of disjoint windows of days, in order; ``Days.ALL`` is every day."""

    parts: tuple[tuple[dt.date, dt.date], ...]

    @classmethod
    def of(cls, lo: dt.date | None, hi: dt.date | None) -> Days:
        lo, hi = lo or _LOW, hi or _HIGH
        return cls(((lo, hi),)) if lo <= hi else cls(())

    @classmethod
    def union(cls, sets: Iterable[Days]) -> Days:
        return cls(_merged(sorted(p for s in sets for p in s.parts)))

    def __and__(self, other: Days) -> Days:
        out = []
        for a_lo, a_hi in self.parts:
            for b_lo, b_hi in other.parts:
                lo, hi = max(a_lo, b_lo), min(a_hi, b_hi)
                if lo <= hi:
                    out.append((lo, hi))
        out.sort()
        return Days(_merged(out))  # the union of one set, without making that set first

    def without(self, other: Days) -> Days:
        """The days of ``self`` that are not in ``other``."""
        rest: list[tuple[dt.date, dt.date]] = []
        cursor = _LOW
        for lo, hi in other.parts:
            if lo > cursor:
                rest.append((cursor, lo - _ONE))
            if hi == _HIGH:
                cursor = None  # type: ignore[assignment]
                break
            cursor = hi + _ONE
        if cursor is not None:
            rest.append((cursor, _HIGH))
        return self & Days(tuple(rest))

    @property
    def empty(self) -> bool:
        return not self.parts

    @property
    def hull(self) -> Window:
        if not self.parts:
            return None, None
        lo, hi = self.parts[0][0], self.parts[-1][1]
        return (None if lo == _LOW else lo), (None if hi == _HIGH else hi)

    def __contains__(self, day: dt.date) -> bool:
        return any(lo <= day <= hi for lo, hi in self.parts)

    def distance(self, day: dt.date) -> int:
        """Days from ``day`` to the nearest day of the set (0 inside)."""
        return min((max((lo - day).days, (day - hi).days, 0) for lo, hi in self.parts), default=0)

    def text(self) -> str:
        return " ∪ ".join(span_text(None if lo == _LOW else lo, None if hi == _HIGH else hi) for lo, hi in self.parts)


# -- comparing windows ------------------------------------------------------------------------------------------
def distance(a: Window, b: Window) -> int:
    """Days between two windows; 0 when they share a day."""
    if a[1] is not None and b[0] is not None and a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] is not None and a[0] is not None and b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def shift_years(w: Window, years: int) -> Window:
    def move(d: dt.date | None) -> dt.date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + years)
        except ValueError:  # 29 February
            return d.replace(year=d.year + years, day=28)
    return move(w[0]), move(w[1])


_YEAR_SLIP = N_("The dates fit if one year is off by one ({a} for {b}): a likely typo or a draft left unedited.")


def year_slip(language: str, window: Window, fits: Callable[[Window], bool]) -> Cause | None:
    """A year slip is the likely cause when moving ``window`` by one year either way makes ``fits`` true."""
    for years in (1, -1):
        if fits(shift_years(window, years)):
            year = (window[0] or window[1])
            if year is None:
                return None
            return Cause(code="year_slip", factor=str(years),
                         explanation=say(language, _YEAR_SLIP, a=year.year, b=year.year + years))
    return None


# -- writing ----------------------------------------------------------------------------------------------------
def days_text(n: int) -> Callable[[str], str]:
    """'36 days', '36 يومًا', '36 jours': a number of days in each language, by CLDR's plural rules."""
    return lambda code: format_unit(n, "duration-day", length="long", locale=locale_of(code))


def days_span(low: int | None, high: int | None) -> Callable[[str], str]:
    """'42–78 days', '≥ 42 days': a range of days in each language."""
    def text(code: str) -> str:
        if high is None:
            return f"≥ {days_text(low or 0)(code)}"
        if low is None:
            return f"≤ {days_text(high)(code)}"
        return f"{format_decimal(low, locale=locale_of(code))}–{days_text(high)(code)}"
    return text


@lru_cache(maxsize=1 << 12)
def date_range(w: Window) -> Range:
    """A window as a report's range of dates; memoised (a ``Range`` is frozen): every temporal verdict lays out the
    windows of its claims, and the same few windows recur from rule to rule."""
    return Range(low=w[0].isoformat() if w[0] else None, high=w[1].isoformat() if w[1] else None, unit="date")


def day_range(low: int | None, high: int | None) -> Range:
    """A number of days (from one event to another), as a range."""
    return Range(low=None if low is None else str(low), high=None if high is None else str(high), unit="day")


def computation(formula: str, inputs: Sequence[tuple[str, Item, Window | Range, str | None]], result: Window | Range,
                compared: Window | Range | None, margin: int | None) -> Computation:
    """A temporal check laid out: each time as printed with the days it allows (a ``date`` range, both ends
    included), the range computed, the range it is compared with, and the margin in days (0 when they meet)."""
    def as_range(r: Window | Range) -> Range:
        return r if isinstance(r, Range) else date_range(r)

    return laid_out(formula, [Input(name=name, claim=item.id, printed=printed or item.printed, range=as_range(w))
                              for name, item, w, printed in inputs],
                    as_range(result), as_range(compared) if compared is not None else None, TIME_POLICY,
                    None if margin is None else str(margin))
