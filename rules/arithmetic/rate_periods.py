"""Rates and periods

What: The same flow stated per day, week, month or year must agree once converted (12 months a year exactly; a
month is 28–31 days and a year 365–366, so conversions across them are ranges). Every rate that is not yearly also
gets its yearly equivalent, shown as a derived figure.
Why: "A month" written for "a year" is the commonest slip in rates: it multiplies or divides a figure by 12, 52
or 365 while every digit looks right.
Example: 47 B views a month is 564 B views a year; "47 B a month" and "560 B a year" agree.

Pairing: quantities with the same subject, metric, scope and time but different periods: the first figure for
each period is compared with the first figure of the group (figures for the same period are the ``restated``
rule's; a reference figure is compared by the ``references`` rule).
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.arithmetic._align import convert, metric
from rules.causes import cause
from rules.context import Context, Item
from rules.equations import RATE
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_
from rules.model import Derived, Quantity, Verdict
from rules.normalise.units import periods
from rules.registry import Example
from rules.verdicts import derived, term, verdict, weigh

YEARLY = N_("'{metric}' a year")
FIT = N_("{a} is {converted}; the article's {b} is within that range.")
MISS = N_("{a} is {converted}, but the article also gives {b}: they miss by {margin}.")


def _compare(ctx: Context, item: Item, other: Item) -> Verdict | None:
    m, om = item.measure, other.measure
    assert m is not None and om is not None and m.period is not None and om.period is not None
    if convert(m, om.unit, om.period) is None:
        return None
    lang = ctx.language
    terms = [term("rate", item, om.unit, lambda v: convert(m, om.unit, om.period, v), om.period),
             term("restated", other, om.unit)]
    w = weigh(ctx.policy, f"{om.period}ly = {m.period}ly × {m.period}s per {om.period}", terms,
              lambda v: (v[0], v[1]), om.unit)
    converted = w.result
    figs = dict(a=Fig(m.value, m.unit, per=m.per, period=m.period),
                converted=Fig(converted, om.unit, per=m.per, period=om.period),
                b=Fig(om.value, om.unit, per=om.per, period=om.period))
    if w.meets:
        return verdict(__name__, [item, other], w.status, w.explain(lang, FIT, **figs), w.computation)
    return verdict(__name__, [item, other], "inconsistent",
                   say(lang, MISS, margin=Fig(Interval.point(converted.gap(om.value)), om.unit), **figs),
                   w.computation, cause=cause(ctx, om.value, converted, [item, other]))


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    for item in ctx.of_kind(Quantity):
        m = item.measure
        if m is None or m.period is None or item.reference:
            continue
        if m.period != "year" and m.per is None:
            yearly = RATE.solve("target", rate=m.value, n=periods("year", m.period))
            yield derived("per_year", say(lang, YEARLY, metric=metric(item)), yearly, m.unit,
                          f"yearly = {m.period}ly × {m.period}s in a year", [item])
    for group in ctx.restatements(Quantity):
        if not group[0].metric:  # no metric: nothing says two figures count one thing
            continue
        # one figure per period and "per" stands for the others (the restated rule checks those among themselves);
        # each period's figure is compared with the first one: linear in the size of the group
        firsts: dict[tuple[str | None, str], Item] = {}
        for o in group:
            m = o.measure
            if m is not None and m.period is not None:
                firsts.setdefault((m.per, m.period), o)
        anchors: dict[str | None, Item] = {}
        for (per, _), o in firsts.items():
            anchor = anchors.setdefault(per, o)
            if anchor is not o and not ctx.apart(anchor, o):
                found = _compare(ctx, anchor, o)
                if found:
                    yield found


_V = {"subject": "TikTok", "metric": "ad views", "scope": "US"}
EXAMPLES = [
    Example("47 B views a month and 560 B a year agree",
            claims=[{"kind": "quantity", "id": "m", "value": "47 billion views a month", **_V},
                    {"kind": "quantity", "id": "y", "value": "560 billion views a year", **_V}],
            expect="consistent"),
    Example("47 مليار مشاهدة شهرياً ليست 47 مليار سنوياً", language="ar",
            claims=[{"kind": "quantity", "id": "m", "value": "47 مليار مشاهدة شهرياً", "metric": "المشاهدات"},
                    {"kind": "quantity", "id": "y", "value": "47 مليار مشاهدة سنوياً", "metric": "مشاهدات"}],
            expect="inconsistent", cause="period_12"),
    Example("1,000 a day is 30,000 a month",
            claims=[{"kind": "quantity", "id": "d", "value": "1,000 downloads a day", "metric": "downloads"},
                    {"kind": "quantity", "id": "m", "value": "30,000 downloads a month", "metric": "downloads"}],
            expect="consistent"),
    Example("A daily figure stated as yearly",
            claims=[{"kind": "quantity", "id": "d", "value": "2 million barrels a day", "metric": "output"},
                    {"kind": "quantity", "id": "y", "value": "2 million barrels a year", "metric": "output"}],
            expect="inconsistent", cause="period_365"),
    Example("5 million a month is 60 million a year; 66 million a year fits only if 5 million was nearly 5.5",
            claims=[{"kind": "quantity", "id": "m", "value": "5 million downloads a month", "metric": "downloads"},
                    {"kind": "quantity", "id": "y", "value": "66 million downloads a year", "metric": "downloads"}],
            expect="doubtful", says=["5.46 million"]),
]
