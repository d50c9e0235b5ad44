"""Within natural bounds

What: Figures that have natural limits must respect them: a share of a whole is at most 100 % (a ratio to
something it is not part of — "debt is 140 % of GDP" — is not a share), time spent per person within a period
fits in that period (107 minutes a day ≤ 1 440), a count is not negative, a stated fall is not more than 100 %,
and a part is not larger than its whole (the part and whole of a share, the parts of a ``sum`` relation and its
total).
Why: A share above 100 % or a person spending 30 hours a day is an error a reader spots at once, and it
discredits everything around it; usually a wrong unit or a misplaced decimal.
Example: "107 minutes a day per user" fits in a 1 440-minute day; "68 % of revenue" fits in 100 %.

No likely cause is named for a figure out of bounds: dividing by almost any factor brings it back, so none of
them is more likely than another from this figure alone.

Ratios: a ``share`` claim with ``ratio`` set, or whose wording shows a ratio (``rules.ratios``: "of GDP", "debt",
"equal to", "يعادل"), is not held to 100 % nor its figure to its "whole".

Pairing: part and whole as the ``share_of_whole`` rule pairs them (``share_of_whole.partners``), and the largest
part of a ``sum`` relation with its total (if it fits, the others do), compared in the same unit and period.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from rules.arithmetic._align import convert, percent
from rules.arithmetic.share_of_whole import partners
from rules.context import Context, Item
from rules.explain import Fig, say, unit_name
from rules.interval import Interval
from rules.messages import N_
from rules.model import Quantity, Share, SumOf, Verdict
from rules.normalise.units import KINDS, factor, periods
from rules.ratios import is_ratio
from rules.registry import Example
from rules.verdicts import computation, term, verdict, weigh

SHARE_FIT = N_("{value} is a share of a whole, and it is within 0–100 %.")
SHARE_MISS = N_("{value} is given as a share of '{of}', but no share can exceed 100 %.")
TIME_FIT = N_("{value} is {fraction} of a {period}: it fits.")
TIME_MISS = N_("{value} is more than a whole {period} ({fraction} of it): nobody can spend that much.")
NEGATIVE = N_("{value} is a count and cannot be negative.")
PART_FIT = N_("The part, {part}, is not larger than the whole it belongs to, {whole}.")
PART_MISS = N_("The part, {part}, is larger than the whole it belongs to, {whole}, by at least {margin}.")
FALL_MISS = N_("A fall of {value} is more than all of it: a figure that cannot go below zero can fall by 100 % at most.")
HUNDRED = Interval.of(0, 100)
_WHOLE = Interval.of(0, 1)  # made once, not at every evaluation: Fraction(n) checks an ABC
_NOT_NEGATIVE = Interval(Fraction(0), None)


def _parts_and_wholes(ctx: Context) -> Iterator[tuple[Item, Item]]:
    seen: set[tuple[str, str]] = set()
    for share in ctx.of_kind(Share):
        if is_ratio(share, ctx.language):
            continue  # a ratio's figure is not part of what it is compared with
        for part, whole in partners(ctx, share):
            if part is not None and whole is not None and (part.id, whole.id) not in seen:
                seen.add((part.id, whole.id))
                yield part, whole
    for rel in ctx.relations.get(SumOf, []):  # the largest part stands for all: if it fits, they all do
        whole = ctx.get(rel.total)
        parts = [p for p in (ctx.get(i) for i in rel.parts) if p is not None and p.measure is not None]
        if whole is not None and parts:
            part = max(parts, key=lambda p: (p.measure.value.high is None, p.measure.value.high or 0))  # type: ignore[union-attr]
            if (part.id, whole.id) not in seen:
                seen.add((part.id, whole.id))
                yield part, whole


def _below(v: list[Interval]) -> tuple[Interval, Interval]:
    return v[0], Interval(None, v[1].high)


def _part_within_whole(ctx: Context, part: Item, whole: Item) -> Verdict | None:
    pm, wm = part.measure, whole.measure
    if pm is None or wm is None:
        return None
    value = convert(pm, wm.unit, wm.period)
    if value is None:
        return None
    unit = wm.unit or ("percent" if isinstance(whole.claim, Share) else None)
    w = weigh(ctx.policy, "part ≤ whole", [term("part", part, unit, lambda v: convert(pm, wm.unit, wm.period, v),
                                                wm.period), term("whole", whole, unit)], _below, unit)
    figs = dict(part=Fig(value, unit, period=wm.period), whole=Fig(wm.value, unit, period=wm.period))
    if w.meets:
        return verdict(__name__, [part, whole], w.status, w.explain(ctx.language, PART_FIT, **figs), w.computation)
    margin = Fig(Interval.point(value.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
    return verdict(__name__, [part, whole], "inconsistent", say(ctx.language, PART_MISS, margin=margin, **figs),
                   w.computation)


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    for part, whole in _parts_and_wholes(ctx):
        found = _part_within_whole(ctx, part, whole)
        if found:
            yield found
    for item in ctx.of_kind(Share):
        m = item.measure
        if m is None or m.unit == "percentage_point" or is_ratio(item, lang):
            continue
        w = weigh(ctx.policy, "0 % ≤ share ≤ 100 %", [term("share", item, "percent", lambda v, m=m: percent(m, v))],
                  lambda v: (v[0], HUNDRED), "percent")
        claim = item.claim
        assert isinstance(claim, Share)
        value = Fig(w.result, "percent")
        if w.meets:
            yield verdict(__name__, [item], w.status, w.explain(lang, SHARE_FIT, value=value), w.computation)
        else:
            yield verdict(__name__, [item], "inconsistent", say(lang, SHARE_MISS, value=value, of=claim.of),
                          w.computation)
    yield from _falls(ctx)
    for item in ctx.of_kind(Quantity):
        m = item.measure
        if m is None:
            continue
        if KINDS.get(m.unit or "") == "time" and m.period and m.per:
            length = periods(m.period, "day") * factor("day", m.unit)  # type: ignore[operator]
            w = weigh(ctx.policy, f"time per {m.per} ÷ length of a {m.period} ≤ 1", [term("time", item, m.unit)],
                      lambda v, length=length: (v[0] / length, _WHOLE), None)
            period = m.period
            figs = dict(value=Fig(m.value, m.unit, per=m.per, period=m.period),
                        period=lambda code, period=period: unit_name(period, code),
                        fraction=Fig(w.result * 100, "percent"))
            if w.meets:
                yield verdict(__name__, [item], w.status, w.explain(lang, TIME_FIT, **figs), w.computation)
            else:
                yield verdict(__name__, [item], "inconsistent", say(lang, TIME_MISS, **figs), w.computation)
        elif KINDS.get(m.unit or "") == "count" and m.value.high is not None and m.value.high < 0:
            comp = computation(ctx.policy, "count ≥ 0", [term("count", item, m.unit)], m.value, m.unit,
                               _NOT_NEGATIVE)
            yield verdict(__name__, [item], "inconsistent", say(lang, NEGATIVE, value=Fig(m.value, m.unit)), comp)


def _falls(ctx: Context) -> Iterator[Verdict]:
    """Stated falls of more than 100 %: nothing that cannot go below zero falls by more than all of it."""
    for item in ctx.changes:
        m, mv = item.measure, item.movement
        if m is None or mv is None or mv.direction >= 0 or m.unit != "percent" or mv.times or mv.factor is not None:
            continue
        w = weigh(ctx.policy, "fall ≤ 100 %", [term("fall", item, "percent")], lambda v: (v[0], HUNDRED), "percent")
        if not w.meets:
            yield verdict(__name__, [item], "inconsistent", say(ctx.language, FALL_MISS, value=Fig(m.value, "percent")),
                          w.computation)


EXAMPLES = [
    Example("68 % fits in 100 %", claims=[{"kind": "share", "id": "s", "value": "68%", "of": "global revenue"}],
            expect="consistent"),
    Example("نسبة 100٪ ممكنة", language="ar",
            claims=[{"kind": "share", "id": "s", "value": "100٪", "of": "الأسهم"}], expect="consistent"),
    Example("A share of 130 % is impossible",
            claims=[{"kind": "share", "id": "s", "value": "130%", "of": "the market"}], expect="inconsistent"),
    Example("107 minutes a day per user fit in a day",
            claims=[{"kind": "quantity", "id": "t", "value": "about 107 minutes a day", "per": "user"}],
            expect="consistent"),
    Example("يقضي المستخدم 107 دقائق يومياً", language="ar",
            claims=[{"kind": "quantity", "id": "t", "value": "حوالي 107 دقائق يوميًا", "per": "مستخدم"}],
            expect="consistent"),
    Example("30 hours a day per user cannot be",
            claims=[{"kind": "quantity", "id": "t", "value": "30 hours a day", "per": "user"}],
            expect="inconsistent"),
    Example("US revenue of $12.3 billion fits within global revenue of $18 billion",
            claims=[{"kind": "quantity", "id": "us", "value": "$12.3 billion", "subject": "TikTok", "metric": "revenue",
                     "scope": "US"},
                    {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue", "subject": "TikTok",
                     "metric": "revenue", "scope": "US"},
                    {"kind": "quantity", "id": "all", "value": "$18 billion", "subject": "TikTok",
                     "metric": "global revenue"}],
            expect="consistent"),
    Example("إيرادات فرع أكبر من إيرادات المجموعة كلها", language="ar",
            claims=[{"kind": "quantity", "id": "gulf", "value": "2.4 مليار ريال", "subject": "المجموعة",
                     "metric": "إيرادات الخليج"},
                    {"kind": "quantity", "id": "all", "value": "1.9 مليار ريال", "subject": "المجموعة",
                     "metric": "إجمالي الإيرادات"}],
            relations=[{"kind": "sum", "parts": ["gulf"], "total": "all"}],
            expect="inconsistent", says=["أكبر من الكل"]),
    Example("2,000 minutes a day per person is more than a day",
            claims=[{"kind": "quantity", "id": "t", "value": "2,000 minutes a day", "per": "person"}],
            expect="inconsistent"),
    Example("A branch's 2.45 million riyals within a group total of 2 million: only if 2 million was 2.45",
            language="ar",
            claims=[{"kind": "quantity", "id": "gulf", "value": "2.45 مليون ريال", "subject": "المجموعة",
                     "metric": "إيرادات الخليج"},
                    {"kind": "quantity", "id": "all", "value": "2 مليون ريال", "subject": "المجموعة",
                     "metric": "إجمالي الإيرادات"}],
            relations=[{"kind": "sum", "parts": ["gulf"], "total": "all"}],
            expect="doubtful"),
]
