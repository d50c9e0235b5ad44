"""Pictures of a verdict, as geometry for the report's inline SVG (no script, no external file).

``ranges``: the computed range against the range it was compared with, on one axis (logarithmic when they lie
orders of magnitude apart, as a million-for-billion slip does), with the ends labelled in the article's language.
``timeline``: the dates a temporal verdict compared (or, without a computation, each claim's time), as bars on
one date axis.

The verdict is decided on exact rationals by the rules; here numbers only become pixel positions, so floats are
fine. Coordinates are rounded to one decimal.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from fractions import Fraction

from rules.model import Computation, ReadClaim
from service.people import speaker

__all__ = ["Bar", "Figure", "ranges", "timeline"]

#: The drawing's own units. Narrow, so that on a 390 px phone the SVG is drawn at about its own size and its 12-unit
#: labels stay at least 11 px high; on a desktop the stylesheet caps its width (``figure.fig svg``).
WIDTH, LEFT, RIGHT = 360, 8, 352
ROW, TOP = 34, 10
#: An estimate of a label's width per character, in the drawing's units (12-unit text), to keep tick labels apart.
CHAR = 8.0


@dataclass(frozen=True)
class Bar:
    kind: str  # css class: result | compared | time
    label: str
    x: float
    width: float
    y: float
    low_label: str
    high_label: str
    open_low: bool = False
    open_high: bool = False

    @property
    def end(self) -> float:
        return round(self.x + self.width, 1)

    @property
    def caption(self) -> str:
        ends = f"{self.low_label or '…'} – {self.high_label or '…'}"
        return f"{self.label}: {ends}" if self.label else ends



@dataclass(frozen=True)
class Figure:
    bars: list[Bar]
    width = WIDTH
    left = LEFT
    right = RIGHT
    height: int
    axis_y: float
    scale: str  # linear | log | time
    ticks: list[tuple[float, str]] = field(default_factory=list)
    description: str = ""


def _f(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


def ranges(c: Computation, lang: str, labels: dict[str, str]) -> Figure | None:
    """The computed range (``result``) against ``compared_with``; None when the computation has no bounded end."""
    rows = [("result", labels["fig_result"], c.result)]
    if c.compared_with is not None:
        rows.append(("compared", labels["fig_compared"], c.compared_with))
    ends = [x for _, _, r in rows for x in (_f(r.low), _f(r.high)) if x is not None]
    if not ends:
        return None
    lo, hi = min(ends), max(ends)
    say = speaker(lang)
    unit = c.result.unit
    log = lo > 0 and hi / lo > 50
    if log:
        a, b = math.log10(lo), math.log10(hi)
        pad = max((b - a) * 0.08, 0.05)
        a, b = a - pad, b + pad
        pos = lambda x: LEFT + (math.log10(x) - a) / (b - a) * (RIGHT - LEFT)  # noqa: E731
    else:
        span = hi - lo or abs(hi) or Fraction(1)
        a, b = float(lo - span * Fraction(15, 100)), float(hi + span * Fraction(15, 100))
        pos = lambda x: LEFT + (float(x) - a) / (b - a) * (RIGHT - LEFT)  # noqa: E731
    bars = []
    for i, (kind, label, r) in enumerate(rows):
        low, high = _f(r.low), _f(r.high)
        low_label, high_label = say.ends(r)
        x0 = LEFT if low is None or (log and low <= 0) else pos(low)
        x1 = RIGHT if high is None else pos(high)
        x0, x1 = max(LEFT, min(x0, RIGHT)), max(LEFT, min(x1, RIGHT))
        width = max(x1 - x0, 2.0)
        bars.append(Bar(kind=kind, label=label, x=round(x0, 1), width=round(width, 1), y=TOP + i * ROW,
                        low_label=low_label, high_label=high_label, open_low=low is None, open_high=high is None))
    axis_y = TOP + len(rows) * ROW + 4
    # ticks name the number only (a currency is named by the bars' captions): short enough for a phone
    tick_unit = "percent" if unit == "percent" else None
    if log:
        marks = [[Fraction(10) ** k for k in range(math.ceil(a), math.floor(b) + 1)]]
    else:
        marks = _steps(Fraction(a), Fraction(b))
    ticks: list[tuple[float, str]] = []
    best: list[tuple[float, str]] = []
    for candidate in marks:  # the densest set of round values whose labels do not touch
        digits = _digits(candidate)
        ticks = _thin([(round(pos(m), 1), say.short(m, tick_unit, digits)) for m in candidate
                       if LEFT <= pos(m) <= RIGHT])
        if len(ticks) >= 3 or len(ticks) == len(candidate):
            break
        best = max(best, ticks, key=len)
    else:
        ticks = best  # none fitted three: the set that kept the most
    return Figure(bars=bars, height=int(axis_y + 22), axis_y=axis_y, scale="log" if log else "linear",
                  ticks=ticks,
                  description=" / ".join(f"{b.label}: {b.low_label or '…'} – {b.high_label or '…'}" for b in bars))


def _digits(values: list[Fraction]) -> int:
    """Significant digits that tell neighbouring ticks apart (12.55 B and 12.6 B, not 12.6 B twice): at least 3."""
    if len(values) < 2:
        return 3
    step, top = abs(values[1] - values[0]), max(abs(v) for v in values)
    if step == 0 or top == 0:
        return 3
    return max(3, math.floor(math.log10(top)) - math.floor(math.log10(step)) + 1)


def _steps(a: Fraction, b: Fraction) -> list[list[Fraction]]:
    """Sets of round values between ``a`` and ``b`` for an axis, densest first: multiples of 1, 2 or 5 × 10^k, from
    at most eight of them down to two."""
    width = b - a
    if width <= 0:
        return []
    k = math.floor(math.log10(width)) - 1
    out = []
    for m in (1, 2, 5, 10, 20, 50, 100):
        step = Fraction(m) * Fraction(10) ** k
        if width / step > 8:
            continue
        values = [step * n for n in range(math.ceil(a / step), math.floor(b / step) + 1)]
        if len(values) >= 2:
            out.append(values)
    return out


def _thin(ticks: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """Every other tick until neighbouring labels cannot touch, and none runs past the drawing's edges."""
    half = lambda t: len(t[1]) * CHAR / 2  # noqa: E731
    apart = lambda a, b: b[0] - a[0] >= half(a) + half(b) + 8  # noqa: E731
    ticks = [t for t in ticks if t[0] - half(t) >= 2 and t[0] + half(t) <= WIDTH - 2]
    every = ticks
    while len(ticks) > 2 and not all(apart(a, b) for a, b in zip(ticks, ticks[1:])):
        ticks = ticks[::2]
    if len(ticks) == 2 and not apart(*ticks):
        ticks = ticks[:1]
    if len(ticks) < 2 and len(every) >= 2 and apart(every[0], every[-1]):
        ticks = [every[0], every[-1]]  # the two farthest apart: an axis keeps a scale
    return ticks


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def timeline(claims: list[ReadClaim], lang: str, c: Computation | None = None) -> Figure | None:
    """The dates a temporal verdict compared, as bars on one date axis: each input of its computation that is a
    range of dates, then the range it computed (both ends included, as the rules write them). Without such a
    computation, each claim's own time [start, end). None when there is nothing dated to draw."""
    rows: list[tuple[str, str, dt.date | None, dt.date | None]] = []  # kind, label, first day, last day
    if c is not None:
        rows = [("time", i.name, _day(i.range.low), _day(i.range.high)) for i in c.inputs if i.range.unit == "date"]
        if rows and c.result.unit == "date":
            rows.append(("result", "⇒", _day(c.result.low), _day(c.result.high)))
    if not rows:
        rows = [("time", cl.id, cl.time.start, cl.time.end - dt.timedelta(days=1) if cl.time.end else None)
                for cl in claims if cl.time is not None and (cl.time.start or cl.time.end)]
    rows = [r for r in rows if r[2] is not None or r[3] is not None]
    if not rows:
        return None
    days = [d for r in rows for d in (r[2], r[3]) if d is not None]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 30)
    a = lo - dt.timedelta(days=span * 0.12)
    b = hi + dt.timedelta(days=span * 0.12)

    def pos(d: dt.date) -> float:
        return LEFT + (d - a).days / (b - a).days * (RIGHT - LEFT)

    say = speaker(lang)
    bars = []
    for i, (kind, label, first, last) in enumerate(rows):
        x0 = LEFT if first is None else pos(first)
        x1 = RIGHT if last is None else pos(last + dt.timedelta(days=1))
        bars.append(Bar(kind=kind, label=label, x=round(x0, 1), width=round(max(x1 - x0, 2.0), 1),
                        y=TOP + i * ROW, low_label=say.date(first) if first else "",
                        high_label=say.date(last) if last else "", open_low=first is None, open_high=last is None))
    axis_y = TOP + len(bars) * ROW + 4
    ticks = [(round(pos(dt.date(y, 1, 1)), 1), say.year(y)) for y in range(a.year + 1, b.year + 1)
             if a < dt.date(y, 1, 1) < b]
    return Figure(bars=bars, height=int(axis_y + 22), axis_y=axis_y, scale="time", ticks=_thin(ticks),
                  description=" / ".join(bar.caption for bar in bars))
