"""Bringing two figures to the same unit and period before comparing them (pint for units, the calendar for
periods: see ``rules.normalise.units``). A figure with no unit is taken to count the same thing as the other."""

from __future__ import annotations

from rules.interval import Interval
from rules.normalise.units import factor, periods
from rules.normalise.values import Measure

__all__ = ["convert", "percent"]


def convert(m: Measure, unit: str | None, period: str | None) -> Interval | None:
    """``m``'s value in ``unit`` per ``period``, or None when they measure different things (or currencies)."""
    value = m.value
    if m.unit is not None and unit is not None and m.unit != unit:
        k = factor(m.unit, unit)
        if k is None:
            return None
        value = value * k
    if m.period is not None and period is not None and m.period != period:
        value = value * periods(period, m.period)
    return value


def percent(m: Measure) -> Interval:
    """A share in percent: 68 % stays [67.5, 68.5]; 0.68 becomes [67.5, 68.5] too (no arithmetic when already so)."""
    return m.value if m.unit in ("percent", "percentage_point") else m.fraction() * 100
