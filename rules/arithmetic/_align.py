"""What the arithmetic rules share: bringing two figures to the same unit and period before comparing them (pint for
units, the calendar for periods: see ``rules.normalise.units``), telling shares from amounts, and naming a figure.
A figure with no unit is taken to count the same thing as the other."""

from __future__ import annotations

from rules.context import Item
from rules.interval import Interval
from rules.model import Share
from rules.normalise.units import factor, periods
from rules.normalise.values import Measure

__all__ = ["POINT_UNITS", "SHARE_UNITS", "convert", "is_share", "metric", "percent"]

#: differences of shares: percentage points, and the tenths ('tres décimas') and hundredths of them (basis points)
POINT_UNITS = frozenset({"percentage_point", "tenth_point", "basis_point"})
SHARE_UNITS = frozenset({"percent", "permille"}) | POINT_UNITS


def convert(m: Measure, unit: str | None, period: str | None, value: Interval | None = None) -> Interval | None:
    """``m``'s value (or ``value``, a range in ``m``'s terms) in ``unit`` per ``period``, or None when they measure
    different things (or currencies)."""
    value = m.value if value is None else value
    if (m.unit in SHARE_UNITS) != (unit in SHARE_UNITS) and unit is not None:
        return None  # a percentage and an amount do not measure the same thing
    if m.unit is not None and unit is not None and m.unit != unit:
        k = factor(m.unit, unit)
        if k is None:
            return None
        value = value * k
    if m.period is not None and period is not None and m.period != period:
        value = value * periods(period, m.period)
    return value


def percent(m: Measure, value: Interval | None = None) -> Interval:
    """A share in percent: 68 % stays [67.5, 68.5]; 0.68 becomes [67.5, 68.5] too (no arithmetic when already so)."""
    value = m.value if value is None else value
    if m.unit in ("percent", "percentage_point"):
        return value
    if m.unit in POINT_UNITS:
        return value * factor(m.unit, "percentage_point")
    if m.unit == "permille":
        return value / 10
    return value * 100


def is_share(item: Item) -> bool:
    return isinstance(item.claim, Share) or (item.measure is not None and item.measure.unit in SHARE_UNITS)


def metric(item: Item) -> str:
    """What a figure measures, as the article names it: its metric, else its subject, else its id."""
    claim = item.claim
    return getattr(claim, "metric", None) or getattr(claim, "subject", None) or item.id
