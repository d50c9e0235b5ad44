"""Restated figures

What: The same figure stated twice — same subject, metric, scope and time, same period — must agree: the ranges
the two printings stand for must meet. Shares restated must be shares of the same whole.
Why: An article that gives revenue as $4.7 B in one paragraph and $4.7 M in another (or 68 % and 86 %) is wrong
at least once, and readers cannot tell which; it is often a scale word or a separator mistyped.
Example: "$4.7 billion" and later "$4.68 billion" agree (4.65–4.75 meets 4.675–4.685); "4.7 billion" and "4.7
million" do not.

Pairing: claims with the same folded subject, metric, scope and time (``Context.restatements``), in the same
period and "per" (figures in different periods are the ``rate_periods`` rule's), shares with the same "of".
Each figure is compared with the one most of the others agree with (a sweep over the ranges), so the odd one out
is the one flagged, and the work stays linear in the number of claims; at most 50 verdicts per figure, misses first,
the rest counted in a problem (``rules.crowds``). References are the ``references`` rule's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from rules.arithmetic._align import SHARE_UNITS, convert, metric
from rules.causes import cause
from rules.context import Context, Item
from rules.crowds import summarised
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_, Said
from rules.model import Quantity, Share, Verdict
from rules.registry import Example
from rules.text import key
from rules.verdicts import term, verdict, weigh

FIT = N_("'{metric}' is given as {a} and again as {b}; the two agree (their ranges meet).")
MISS = N_("'{metric}' is given as {a} and again as {b}: the same figure cannot be both; they miss by {margin}.")
SHORTER = N_("'{metric}' is given as {a}, and a later mention that drops some of these words as {b}: whether it "
             "restates '{metric}' or counts a wider group, it cannot be smaller; they miss by {margin}.")


def _consensus(items: list[Item]) -> Item:
    """The item whose range holds the point most of the ranges share (the first one when only two)."""
    if len(items) == 2:
        return items[0]
    events: list[tuple[object, int, int]] = []
    inf = float("inf")
    for n, item in enumerate(items):
        low, high = item.measure.value  # type: ignore[union-attr]
        events.append((-inf if low is None else low, 0, n))  # starts sort before ends at the same point
        events.append((inf if high is None else high, 1, n))
    events.sort(key=lambda e: (e[0], e[1]))
    best, depth, open_now, winner = -1, 0, set(), 0
    for _, end, n in events:
        if end:
            depth -= 1
            open_now.discard(n)
        else:
            depth += 1
            open_now.add(n)
            if depth > best:
                best, winner = depth, n
    return items[winner]


def _compare(ctx: Context, anchor: Item, other: Item) -> tuple[bool, Callable[[], Verdict]] | None:
    """Whether ``other`` agrees with ``anchor``, and the verdict (made only when shown: ``rules.crowds``)."""
    am, om = anchor.measure, other.measure
    assert am is not None and om is not None
    if (am.unit in SHARE_UNITS) != (om.unit in SHARE_UNITS):
        return None  # a percentage and an amount are not one figure, whichever comes first ('270.000 … el 4,2%')
    value = convert(om, am.unit, am.period)
    if value is None:
        return None  # different units or currencies: not the same figure restated (conversion is another rule)
    return value.meets(am.value), lambda: _verdict(ctx, anchor, other, value)


def _verdict(ctx: Context, anchor: Item, other: Item, value: Interval) -> Verdict:
    am, om = anchor.measure, other.measure
    assert am is not None and om is not None
    lang = ctx.language
    unit = am.unit or ("percent" if isinstance(anchor.claim, Share) else None)
    terms = [term("first", anchor, unit), term("restated", other, unit, lambda v: convert(om, am.unit, am.period, v),
                                               am.period)]
    w = weigh(ctx.policy, "first = restated", terms, lambda v: (v[1], v[0]), unit)
    figs = dict(metric=metric(anchor), a=Fig(am.value, unit, per=am.per, period=am.period),
                b=Fig(value, unit, per=am.per, period=am.period))
    if w.meets:
        return verdict(__name__, [anchor, other], w.status, w.explain(lang, FIT, **figs), w.computation)
    margin = Fig(Interval.point(value.gap(am.value)), unit)
    smaller = value.high is not None and am.value.low is not None and value.high < am.value.low
    message = SHORTER if smaller and _shorter(other, lang) else MISS
    return verdict(__name__, [anchor, other], "inconsistent", say(lang, message, margin=margin, **figs),
                   w.computation, cause=cause(ctx, value, am.value, [anchor, other]))


def _shorter(item: Item, language: str) -> bool:
    """Whether an extracted claim's sentence leaves out words of its metric: a mention that drops words ('Oil
    exports … Exports were $150bn') took the label of an earlier figure (``rules.extract``), and may as well count
    a wider group, so the verdict does not say the two are the same figure."""
    claim = item.claim
    if not getattr(claim, "extracted", False) or not claim.sentence or not getattr(claim, "metric", None):
        return False
    lang = language.split("-")[0].lower()
    return not set(key(claim.metric, lang).split()) <= set(key(claim.sentence, lang).split())


def applies(ctx: Context) -> bool:
    """Only figures stated more than once (same kind, subject, metric, scope and time) are compared."""
    return bool(ctx.repeated()) and any(True for kind in (Quantity, Share) for _ in ctx.restatements(kind))


def check(ctx: Context) -> Iterator[Verdict]:
    for kind in (Quantity, Share):
        for group in ctx.restatements(kind):
            if not group[0].metric:  # no metric: nothing says two figures count one thing
                continue
            buckets: dict[object, list[Item]] = defaultdict(list)
            for o in group:
                m = o.measure
                assert m is not None
                buckets[key(o.claim.of) if isinstance(o.claim, Share) else (m.period, m.per)].append(o)
            for items in buckets.values():
                if len(items) < 2:
                    continue
                anchor = _consensus(items)
                outcomes = [found for other in items if other is not anchor and not ctx.apart(anchor, other)
                            for found in (_compare(ctx, anchor, other),) if found]
                label = Said(N_("'{metric}' stated {count} times"), metric=metric(anchor), count=len(items))
                yield from summarised(ctx.problems, "restated", label, outcomes, language=ctx.language)


_M2 = {"subject": "M2 project", "metric": "infrastructure cost", "scope": "US"}
EXAMPLES = [
    Example("$4.7 billion and $4.68 billion agree once rounding is allowed for",
            claims=[{"kind": "quantity", "id": "a", "value": "$4.7 billion", **_M2},
                    {"kind": "quantity", "id": "b", "value": "$4.68 billion", **_M2}],
            expect="consistent"),
    Example("4.7 مليار دولار ثم 4.7 مليون دولار: خلط بين المليار والمليون", language="ar",
            claims=[{"kind": "quantity", "id": "a", "value": "بتكلفة تقديرية تبلغ 4.7 مليار دولار",
                     "subject": "مشروع M2", "metric": "تكلفة البنية التحتية"},
                    {"kind": "quantity", "id": "b", "value": "4.7 مليون دولار", "subject": "مشروع M2",
                     "metric": "تكلفة البنيه التحتيه"}],
            expect="inconsistent", cause="scale_1000"),
    Example("'1,250 million' next to '1.25 million': a decimal comma read as a thousands separator",
            claims=[{"kind": "quantity", "id": "a", "value": "€1.25 million", "subject": "festival",
                     "metric": "subsidy", "time": "2024"},
                    {"kind": "quantity", "id": "b", "value": "€1,250 million", "subject": "festival",
                     "metric": "subsidy", "time": "2024"}],
            expect="inconsistent", cause="decimal_comma"),
    Example("The odd one out of three is the one flagged",
            claims=[{"kind": "share", "id": "a", "value": "68%", "of": "global revenue", "metric": "US revenue"},
                    {"kind": "share", "id": "b", "value": "86%", "of": "global revenue", "metric": "US revenue"},
                    {"kind": "share", "id": "c", "value": "68.2%", "of": "global revenue", "metric": "US revenue"}],
            expect="inconsistent", says=["86"]),
    Example("A percentage is not a count restated, whichever comes first: '270,000 tourists … 4.2%'",
            claims=[{"kind": "quantity", "id": "a", "value": "270,000", "subject": "Spain", "metric": "tourists",
                     "scope": "Italy", "time": "October 2015"},
                    {"kind": "quantity", "id": "b", "value": "more than 270,000", "subject": "Spain",
                     "metric": "tourists", "scope": "Italy", "time": "October 2015"},
                    {"kind": "quantity", "id": "c", "value": "4.2%", "subject": "Spain", "metric": "tourists",
                     "scope": "Italy", "time": "October 2015"}],
            expect="consistent"),
    Example("Figures for different years are not compared",
            claims=[{"kind": "quantity", "id": "a", "value": "$12.3 billion", "subject": "TikTok", "metric": "revenue",
                     "time": "2024"},
                    {"kind": "quantity", "id": "b", "value": "$16 billion", "subject": "TikTok", "metric": "revenue",
                     "time": "2025"},
                    {"kind": "quantity", "id": "c", "value": "about $12 billion", "subject": "TikTok",
                     "metric": "revenue", "time": "2024"}],
            expect="consistent"),
    Example("'2 million users' and later '2.45 million users': the same figure only at the end of its rounding",
            claims=[{"kind": "quantity", "id": "a", "value": "2 million users", "subject": "the app",
                     "metric": "users", "time": "2024"},
                    {"kind": "quantity", "id": "b", "value": "2.45 million users", "subject": "the app",
                     "metric": "users", "time": "2024"}],
            expect="doubtful", says=["2.45 million users"]),
]
