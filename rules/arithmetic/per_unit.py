"""Per unit

What: A total, a count and an amount per unit must satisfy total = count × amount per unit (revenue per user,
minutes per user, views per user). With two of them known, the third is derived and shown: revenue per user,
views per user per day, minutes spent by all users together.
Why: Per-head figures are how readers grasp totals ("$72 for every user"), and a per-head figure that does not
match its total and count usually hides a period or scale slip.
Example: $12.3 B a year from 170 M users is $72 per user a year; 47 B views a month among them is about 9 views per
user a day.

Pairing: a count (a quantity of users, people, subscribers…) pairs with the quantities of the same subject, scope
and time: those without a "per" are totals, those "per" the counted unit are amounts per unit; a ``per``
relation names the three explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from rules.arithmetic._align import convert, metric
from rules.causes import cause
from rules.context import Context, Item
from rules.equations import PER_UNIT
from rules.explain import Fig, say, unit_name
from rules.interval import Interval
from rules.messages import N_
from rules.model import Derived, PerUnit, Quantity, Verdict
from rules.normalise.units import KINDS, periods
from rules.registry import Example
from rules.verdicts import derived, term, verdict, weigh

FIT = N_("{count} × {each} makes {implied}; the reported total, {total}, is within that range.")
MISS = N_("{count} × {each} makes {implied}, but the article gives {total}: they miss by {margin}.")
PER = N_("'{metric}' per {unit}")
PER_DAY = N_("'{metric}' per {unit} a day")
TOTAL = N_("'{metric}' summed over all {count}")
_SHORT = ("hour", "day")


def _per(ctx: Context, total: Item, count: Item) -> Iterator[Derived]:
    tm, cm = total.measure, count.measure
    assert tm is not None and cm is not None and cm.unit is not None
    lang = ctx.language
    each = PER_UNIT.solve("each", total=tm.value, count=cm.value)
    unit = cm.unit
    label = say(lang, PER, metric=metric(total), unit=lambda code: unit_name(unit, code))
    yield derived(f"per_{unit}", label, each, tm.unit, PER_UNIT.formula("each"), [total, count])
    if tm.period and tm.period not in _SHORT and tm.currency is None:
        daily = each * periods("day", tm.period)
        label = say(lang, PER_DAY, metric=metric(total), unit=lambda code: unit_name(unit, code))
        yield derived(f"per_{unit}_per_day", label, daily, tm.unit,
                      f"each per day = total / count / days per {tm.period}", [total, count])


_ONE, _TWO = Fraction(1), Fraction(2)  # made once: Fraction(n) checks an ABC


def _total(ctx: Context, each: Item, count: Item) -> Derived:
    em, cm = each.measure, count.measure
    assert em is not None and cm is not None and cm.unit is not None
    unit = cm.unit
    label = say(ctx.language, TOTAL, metric=metric(each),
                count=lambda code: unit_name(unit, code, _ONE if code == "ar" else _TWO))
    return derived("total", label, PER_UNIT.solve("total", count=cm.value, each=em.value), em.unit,
                   PER_UNIT.formula("total"), [each, count])


def _compare(ctx: Context, total: Item, count: Item, each: Item) -> Verdict | None:
    tm, cm, em = total.measure, count.measure, each.measure
    if tm is None or cm is None or em is None or (em.period is not None and tm.period is None):
        return None  # a rate per head against a total for no stated period: the period of the total is unknown
    if convert(em, tm.unit, tm.period) is None:
        return None
    terms = [term("count", count, cm.unit), term("each", each, tm.unit, lambda v: convert(em, tm.unit, tm.period, v),
                                                 tm.period),
             term("total", total, tm.unit)]
    w = weigh(ctx.policy, PER_UNIT.formula("total"), terms,
              lambda v: (PER_UNIT.solve("total", count=v[0], each=v[1]), v[2]), tm.unit)
    figs = dict(count=Fig(cm.value, cm.unit), each=Fig(em.value, em.unit, per=em.per, period=em.period),
                implied=Fig(w.result, tm.unit, period=tm.period), total=Fig(tm.value, tm.unit, period=tm.period))
    items = [total, count, each]
    if w.meets:
        return verdict(__name__, items, w.status, w.explain(ctx.language, FIT, **figs), w.computation)
    margin = Fig(Interval.point(w.result.gap(tm.value)), tm.unit)
    return verdict(__name__, items, "inconsistent", say(ctx.language, MISS, margin=margin, **figs),
                   w.computation, cause=cause(ctx, tm.value, w.result, items))


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    for rel in ctx.relations.get(PerUnit, []):
        total, count, each = ctx.get(rel.total), ctx.get(rel.count), ctx.get(rel.each)
        if total and count and each:
            found = _compare(ctx, total, count, each)
            if found:
                yield found
            elif each.measure and count.measure and count.measure.unit:
                yield _total(ctx, each, count)
        elif total and count and total.measure and count.measure and count.measure.unit:
            yield from _per(ctx, total, count)
    done: set[tuple[str, str, str, str]] = set()
    for count in ctx.of_kind(Quantity):
        cm = count.measure
        if cm is None or cm.per is not None or KINDS.get(cm.unit or "") != "count" or count.reference:
            continue
        unit = cm.unit
        assert unit is not None
        if (count.subject, count.scope, count.when, unit) in done:
            continue  # the first count of a unit stands for its restatements: linear in the size of the group
        done.add((count.subject, count.scope, count.when, unit))
        group = [o for o in ctx.group(count, Quantity) if o.measure is not None and not o.reference]
        totals = [o for o in group if o.measure.per is None and o.measure.unit != unit]  # type: ignore[union-attr]
        first_total: dict[str, Item] = {}
        for total in totals:
            first_total.setdefault(total.metric, total)
            yield from _per(ctx, total, count)
        for each in (o for o in group if o.measure.per == unit):  # type: ignore[union-attr]
            total = first_total.get(each.metric)
            found = _compare(ctx, total, count, each) if total is not None else None
            yield found if found is not None else _total(ctx, each, count)


_US = {"subject": "TikTok", "scope": "US"}
EXAMPLES = [
    Example("$72 per user fits $12.3 B from 170 M users",
            claims=[{"kind": "quantity", "id": "users", "value": "170 million users", **_US},
                    {"kind": "quantity", "id": "rev", "value": "$12.3 billion a year", "metric": "revenue", **_US},
                    {"kind": "quantity", "id": "arpu", "value": "$72 a year", "per": "user", "metric": "revenue",
                     **_US}],
            expect="consistent", derived={"per_user": ("70", "74.85")}),
    Example("170 مليون مستخدم × 72 دولاراً لا تساوي 12.3 مليون دولار", language="ar",
            claims=[{"kind": "quantity", "id": "users", "value": "170 مليون مستخدم", "subject": "تيك توك"},
                    {"kind": "quantity", "id": "rev", "value": "12.3 مليون دولار سنوياً", "metric": "الإيرادات",
                     "subject": "تيك توك"},
                    {"kind": "quantity", "id": "arpu", "value": "72 دولاراً سنوياً", "per": "مستخدم",
                     "metric": "إيرادات", "subject": "تيك توك"}],
            expect="inconsistent", cause="scale_1000"),
    Example("$6 per user a month is not $72 a year… stated as monthly",
            claims=[{"kind": "quantity", "id": "users", "value": "170 million users", **_US},
                    {"kind": "quantity", "id": "rev", "value": "$12.3 billion a year", "metric": "revenue", **_US},
                    {"kind": "quantity", "id": "arpu", "value": "$72 a month", "per": "user", "metric": "revenue",
                     **_US}],
            expect="inconsistent", cause="period_12"),
    Example("An explicit relation names the three figures",
            claims=[{"kind": "quantity", "id": "n", "value": "2,000 employees"},
                    {"kind": "quantity", "id": "pay", "value": "€50 million a year", "metric": "payroll"},
                    {"kind": "quantity", "id": "each", "value": "€25,000 a year", "per": "employee"}],
            relations=[{"kind": "per", "total": "pay", "count": "n", "each": "each"}],
            expect="consistent"),
    Example("2 million users paying $15 a month is $360 million a year; $275 million fits only at the edges",
            claims=[{"kind": "quantity", "id": "users", "value": "2 million users", "subject": "StreamCo"},
                    {"kind": "quantity", "id": "rev", "value": "$275 million a year", "subject": "StreamCo",
                     "metric": "revenue"},
                    {"kind": "quantity", "id": "each", "value": "$15 a month", "per": "user", "subject": "StreamCo",
                     "metric": "revenue"}],
            expect="doubtful", says=["360 million"]),
]
