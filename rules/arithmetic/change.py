"""Change

What: A figure that moved from one value to another must fit the change the article states: a percent change
("rose 25 %"), a change in percentage points ("up 3 points"), an amount ("rose by $2 billion"), a factor
("doubled", "tripled", "halved", "2.5 times"), or a direction ("fell to 40 %"). The change between the two figures
is shown in any case.
Why: Changes are where the arithmetic of news goes wrong most: percentage points written as percent (unemployment
from 8 % to 10 % is a rise of 2 points, or 25 %, not "2 %"), "doubled" for a rise of 40 %, or "fell to" for a
figure that rose.
Example: From 8 % to 10 % is a rise of 11.8–40 % (the printed figures are rounded), or 1–3 points; "a rise of
2 %" does not fit, "a rise of 2 points" does.

Pairing: a ``change`` relation names the figure before, the figure after and, optionally, the change. Without
one, a claim whose printed value states a change ("rose 12 %", "ارتفعت بنسبة 12%", "doubled") is paired with the
figures of the same subject, metric and scope at exactly two times, the earlier one being "before" (and, when the
change has a time, the later one at that time); so is a figure that states the level reached ("fell to 40 %").
Figures for the same time are never treated as a change.

Reading: a factor named by a word ("doubled") is read as approximate, by the policy's "about" width; "N times"
after a rise word is read as ×N to ×(N + 1), since "rose three times" is written for both. A change with no
direction word may be a rise or a fall.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from fractions import Fraction

from rules.arithmetic._align import POINT_UNITS, SHARE_UNITS, convert, is_share, metric, percent
from rules.causes import Found, cause, cause_in_terms
from rules.context import Context, Item
from rules.equations import CHANGE_BY, CHANGE_FACTOR, CHANGE_PERCENT
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_, Said, reasons, translate
from rules.model import Change, Derived, Quantity, Share, Text, Verdict
from rules.registry import Example
from rules.verdicts import Term, derived, fixed, term, verdict, weigh

#: the side of zero a change said to be a rise (or a fall) must fall on, made once
_UP, _DOWN = Interval(Fraction(0), None), Interval(None, Fraction(0))
FIT = N_("From {before} to {after} is a change of {computed}; the stated {stated} is within that range.")
MISS = N_("From {before} to {after} is a change of {computed}, but the article says {stated}: they miss by {margin}.")
FACTOR_FIT = N_("{before} × {factor} makes {expected}; the article's {after} is within that range.")
FACTOR_MISS = N_("{before} × {factor} makes {expected}, but the article gives {after}: they miss by {margin}; the "
                 "actual factor is {actual}.")
DIRECTION_FIT = N_("From {before} to {after} is a change of {computed}: a {way}, as the article says.")
DIRECTION_MISS = N_("The article says the figure reached {after} after a {way}, but it was {before} before: a "
                    "{other_way} of {computed}, not a {way}.")
TIMES_MORE = N_("'{printed}' is read as either factor: writers use \"N times more\" for ×N and for ×(N + 1).")
WAY = (N_("fall"), N_("rise"))
UNVERIFIABLE = N_("The change cannot be checked: {why}.")
CHANGE_LABEL = N_("Change in '{metric}', percent")
POINTS_LABEL = N_("Change in '{metric}', percentage points")
# -- pairing ------------------------------------------------------------------------------------------------------
def _pairs(ctx: Context) -> Iterator[tuple[Item, Item, Item | None]]:
    named: set[str] = set()
    for rel in ctx.relations.get(Change, []):
        before, after, change = ctx.get(rel.before), ctx.get(rel.after), ctx.get(rel.change)
        named.update(i for i in (rel.before, rel.after, rel.change) if i)
        if before is not None and after is not None:
            yield before, after, change
    movers = [*ctx.changes, *(i for kind in (Quantity, Share) for i in ctx.of_kind(kind)
                              if i.movement is not None and i.movement.to)]
    memo: dict[tuple[object, ...], dict[str, list[Item]]] = {}
    for mover in movers:
        if mover.id in named:
            continue
        found = _implicit(ctx, mover, memo)
        if found is not None:
            yield found


def _candidates(ctx: Context, mover: Item, memo: dict[tuple[object, ...], dict[str, list[Item]]]
                ) -> dict[str, list[Item]]:
    """The levels a change (or a level reached) can be about, by time: same subject, metric and scope, read, with a
    time; of the same kind of figure — shares for points, amounts convertible to the change's unit, and for a
    percent or a factor amounts first, shares when there are none. Found once per topic and kind of change."""
    m = mover.measure
    is_level = mover.id not in ctx.change_ids
    if is_level or (m is not None and m.unit not in SHARE_UNITS):
        kind: tuple[object, ...] = ("level", is_share(mover), m.unit if m is not None else None)
    else:
        kind = ("points",) if m is not None and m.unit in POINT_UNITS else ("relative",)
    memo_key = (mover.subject, mover.metric, mover.scope, *kind)
    found = memo.get(memo_key)
    if found is not None:
        return found
    levels = [o for o in ctx.topic(mover) if o.time is not None and o.measure is not None and not o.reference]
    if kind[0] == "level":
        if kind[1]:
            levels = [o for o in levels if is_share(o)]
        else:
            levels = [o for o in levels if not is_share(o) and m is not None
                      and convert(o.measure, m.unit, None) is not None]  # type: ignore[arg-type]
    elif kind[0] == "points":
        levels = [o for o in levels if is_share(o)]
    else:
        levels = [o for o in levels if not is_share(o)] or [o for o in levels if is_share(o)]
    by_time: dict[str, list[Item]] = defaultdict(list)
    for o in levels:
        by_time[o.when].append(o)
    memo[memo_key] = by_time
    return by_time


def _implicit(ctx: Context, mover: Item, memo: dict[tuple[object, ...], dict[str, list[Item]]]
              ) -> tuple[Item, Item, Item | None] | None:
    """Before and after for a change (or a level reached) stated alone: the topic's figures at exactly two times."""
    if not mover.metric and not mover.subject:  # nothing says which figures it is a change of
        return None
    by_time = _candidates(ctx, mover, memo)
    if mover.id not in ctx.change_ids:  # a level reached: the one figure before it
        if mover.time is None:
            return None
        earlier = [items for items in by_time.values() if items[0].time.end <= mover.time.start]  # type: ignore[union-attr]
        if len(earlier) != 1 or len(earlier[0]) != 1:
            return None
        return earlier[0][0], mover, None
    if len(by_time) != 2 or any(len(items) != 1 for items in by_time.values()):
        return None
    first, second = sorted((items[0] for items in by_time.values()), key=lambda o: o.time.start)  # type: ignore[union-attr]
    if first.time.end > second.time.start:  # type: ignore[union-attr]
        return None  # overlapping times: not one before the other
    if mover.when and mover.when != second.when:
        return None
    return first, second, mover


# -- checking -----------------------------------------------------------------------------------------------------
def _level(item: Item, like: Item, value: Interval | None = None) -> Interval | None:
    """``item``'s value (or ``value``, in its terms) in ``like``'s terms: shares as percent, amounts in the same unit
    and period."""
    m, lm = item.measure, like.measure
    assert m is not None and lm is not None
    if is_share(like):
        return percent(m, value) if is_share(item) else None
    return convert(m, lm.unit, lm.period, value)


def _unverifiable(ctx: Context, items: list[Item], why: Said | Callable[[str], str]) -> Verdict:
    return verdict(__name__, items, "unverifiable", say(ctx.language, UNVERIFIABLE, why=why))


def _signed(stated: Interval, direction: int) -> list[Interval]:
    """The change as stated, with its sign: a fall is negative; with no direction word, either sign."""
    if direction < 0:
        return [-stated]
    if direction > 0:
        return [stated]
    return [stated, -stated]


def _nearest(computed: Interval, stated: Interval, direction: int) -> Interval:
    return min(_signed(stated, direction), key=lambda s: computed.gap(s))


def _from_zero(b: Interval) -> bool:
    """A level that may be zero (or below): no percent change or factor can be taken from it."""
    return b.low is None or b.low <= 0


def _check(ctx: Context, before: Item, after: Item, change: Item | None) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    items = [before, after, *([change] if change else [])]
    if before.measure is None or after.measure is None:
        yield _unverifiable(ctx, items, Said(N_("a figure could not be read")))
        return
    bm = before.measure
    share = is_share(before)
    unit = "percent" if share else bm.unit
    if _level(after, before) is None:
        yield _unverifiable(ctx, items, Said(N_("'{before}' and '{after}' are not in the same unit"), before=before.printed,
                                               after=after.printed))
        return
    levels = [term("before", before, unit, lambda v: _level(before, before, v)),  # type: ignore[arg-type, return-value]
              term("after", after, unit, lambda v: _level(after, before, v))]  # type: ignore[arg-type, return-value]
    b, a = levels[0].value, levels[1].value
    zero = _from_zero(b)
    delta = CHANGE_BY.solve("delta", before=b, after=a)
    found: list[Derived] = []
    if not zero:
        pct = CHANGE_PERCENT.solve("pct", before=b, after=a)
        found.append(derived("change_percent", say(lang, CHANGE_LABEL, metric=metric(before)), pct, "percent",
                             CHANGE_PERCENT.formula("pct"), [before, after]))
    if share:
        found.append(derived("change_points", say(lang, POINTS_LABEL, metric=metric(before)), delta,
                             "percentage_point", CHANGE_BY.formula("delta"), [before, after]))
    figs = dict(before=Fig(b, unit, period=bm.period), after=Fig(a, unit, period=bm.period))
    mv = change.movement if change is not None else after.movement
    direction = mv.direction if mv is not None else 0

    if change is None:
        if direction == 0:
            yield from found
            return
        way = lambda code: translate(WAY[direction > 0], code)  # noqa: E731
        other_way = lambda code: translate(WAY[direction < 0], code)  # noqa: E731
        side = _UP if direction > 0 else _DOWN
        w = weigh(ctx.policy, CHANGE_BY.formula("delta"), levels,
                  lambda v: (CHANGE_BY.solve("delta", before=v[0], after=v[1]), side), unit)
        computed = Fig(delta, unit) if zero else Fig(CHANGE_PERCENT.solve("pct", before=b, after=a), "percent")
        template = DIRECTION_FIT if w.meets else DIRECTION_MISS
        yield verdict(__name__, items, w.status, w.explain(lang, template, way=way, other_way=other_way,
                                                           computed=computed, **figs),
                      w.computation, derived=found)
        return

    cm = change.measure
    if mv is not None and (mv.factor is not None or mv.times):
        if zero:
            yield _unverifiable(ctx, items, Said(N_("'{before}' may be zero: no factor can be taken from it"),
                                                   before=before.printed))
            return
        yield from _factor(ctx, levels, change, unit, found)
        return
    if cm is None:
        yield _unverifiable(ctx, items, reasons(change.problems, Said(N_("the change could not be read"))))
        return
    if cm.unit in ("percent", "permille"):
        if zero:
            yield _unverifiable(ctx, items, Said(N_("'{before}' may be zero: a change from zero has no percentage"),
                                                   before=before.printed))
            return
        stated = term("change", change, "percent", lambda v: percent(cm, v))
        solve = lambda v: CHANGE_PERCENT.solve("pct", before=v[0], after=v[1])  # noqa: E731
        formula, out_unit = CHANGE_PERCENT.formula("pct"), "percent"
        other = (delta, "percentage_point", "points_for_percent") if share else None
    elif cm.unit in POINT_UNITS:  # percentage points, or tenths of one ('subió tres décimas'), or basis points
        if not share:
            yield _unverifiable(ctx, items, Said(N_("a change in percentage points needs two shares")))
            return
        stated = term("change", change, "percentage_point", None if cm.unit == "percentage_point" else
                      lambda v: percent(cm, v))
        solve = lambda v: CHANGE_BY.solve("delta", before=v[0], after=v[1])  # noqa: E731
        formula, out_unit = CHANGE_BY.formula("delta"), "percentage_point"
        other = None if zero else (CHANGE_PERCENT.solve("pct", before=b, after=a), "percent", "percent_for_points")
    else:
        if convert(cm, bm.unit, bm.period) is None:
            yield _unverifiable(ctx, items, Said(N_("the change '{change}' is not in the unit of '{before}'"),
                                                   change=change.printed, before=before.printed))
            return
        stated = term("change", change, unit, lambda v: convert(cm, bm.unit, bm.period, v), bm.period)
        solve = lambda v: CHANGE_BY.solve("delta", before=v[0], after=v[1])  # noqa: E731
        formula, out_unit = CHANGE_BY.formula("delta"), unit
        other = None
    terms = [*levels, stated]

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        computed = solve(v)
        return computed, _nearest(computed, v[2], direction)

    w = weigh(ctx.policy, formula, terms, relation, out_unit)
    texts = dict(computed=Fig(w.result, out_unit), stated=Fig(w.compared, out_unit), **figs)
    if w.meets:
        yield verdict(__name__, items, w.status, w.explain(lang, FIT, **texts), w.computation, derived=found)
        return
    slips = []
    if other is not None:
        value, other_unit, code = other
        if any(value.meets(s) for s in _signed(stated.value, direction)):
            slips.append(Found(code, other=Fig(value, other_unit)))
    if out_unit == "percent":
        slips += _base_slips(b, a, stated.value, direction)
    margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if out_unit == "percent" else out_unit)
    yield verdict(__name__, items, "inconsistent", say(lang, MISS, margin=margin, **texts), w.computation,
                  cause=cause(ctx, w.compared, w.result, [change], slips) or cause_in_terms(ctx, levels, relation_of(
                      relation, stated)), derived=found)


def _base_slips(b: Interval, a: Interval, stated: Interval, direction: int) -> list[Found]:
    """Slips in the arithmetic of a percent change: the new figure as a percentage of the old written as the rise
    ("up 332 %" for ×3.33), and the difference taken of the other figure ("86 % less" for a gap that is 86 % of the
    smaller). The slip must bring the figures within one unit of the stated percentage's last digit (writers
    truncate as often as they round), where rounding alone leaves them far apart."""
    if stated.low is None or stated.high is None:
        return []
    slack = (stated.high - stated.low) / 2
    near = Interval(stated.low - slack, stated.high + slack)
    found = []
    ratio = CHANGE_FACTOR.solve("k", before=b, after=a) * 100
    if direction >= 0 and near.meets(ratio):
        found.append(Found("ratio_for_change", other=Fig(ratio, "percent")))
    if not _from_zero(a):
        swapped = CHANGE_PERCENT.solve("pct", before=a, after=b)
        if near.meets(swapped) or near.meets(-swapped):
            found.append(Found("other_base", other=Fig(swapped, "percent")))
    return found


def relation_of(relation, stated: Term):  # type: ignore[no-untyped-def]
    """The check as a function of the two levels alone (the stated change held as printed)."""
    return lambda v: relation([*v, stated.value])


def _factor(ctx: Context, levels: list[Term], change: Item, unit: str | None,
            found: list[Derived]) -> Iterator[Verdict]:
    lang = ctx.language
    mv = change.movement
    assert mv is not None
    before, after = levels[0].item, levels[1].item
    assert before is not None and after is not None
    items = [before, after, change]
    note = ""
    if mv.factor is not None:
        k = fixed("k", change, Interval.point(mv.factor).widen(ctx.policy.approximate), None,
                  core=Interval.point(mv.factor))
    elif change.measure is not None:
        k = term("k", change, None)
        if mv.direction > 0 and k.value.high is not None:  # "rose three times": ×3 or ×4
            k = replace(k, value=Interval(k.value.low, k.value.high + 1),
                        core=Interval(k.core.low, k.core.high + 1))  # type: ignore[operator]
            note = say(lang, TIMES_MORE, printed=change.printed)
    else:
        yield _unverifiable(ctx, items, Said(N_("the factor could not be read")))
        return
    terms = [*levels, k]

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        return CHANGE_FACTOR.solve("after", before=v[0], k=v[2]), v[1]

    w = weigh(ctx.policy, CHANGE_FACTOR.formula("after"), terms, relation, unit)
    b, a = levels[0].value, levels[1].value
    actual = CHANGE_FACTOR.solve("k", before=b, after=a)
    figs = dict(before=Fig(b, unit), factor=Fig(k.value), expected=Fig(w.result, unit), after=Fig(a, unit),
                actual=Fig(actual))
    if w.meets:
        text = w.explain(lang, FACTOR_FIT, **figs)
        yield verdict(__name__, items, w.status, _noted(text, note), w.computation, derived=found)
    else:
        margin = Fig(Interval.point(w.result.gap(a)), "percentage_point" if unit == "percent" else unit)
        yield verdict(__name__, items, "inconsistent", _noted(say(lang, FACTOR_MISS, margin=margin, **figs), note),
                      w.computation, cause=cause(ctx, a, w.result, items) or cause_in_terms(
                          ctx, levels, relation_of(relation, k)), derived=found)


def _noted(text: Text, note: Text | str) -> Text:
    if not note:
        return text
    assert isinstance(note, Text)
    return Text(en=f"{text.en} {note.en}", local=f"{text.local} {note.local}" if text.local and note.local else
                text.local, language=text.language)


def applies(ctx: Context) -> bool:
    """A ``change`` relation, a claim stating a change, or a level said to be reached ('rose to 40 %')."""
    return Change in ctx.relations or bool(ctx.changes) or ctx.moved


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    for before, after, change in _pairs(ctx):
        yield from _check(ctx, before, after, change)


_REV = {"subject": "Acme", "metric": "revenue"}
_JOBLESS = {"kind": "share", "of": "labour force", "subject": "البلاد", "metric": "معدل البطالة"}
EXAMPLES = [
    Example("Revenue rose 25 %, from $4.0 billion to $5.0 billion",
            claims=[{"kind": "quantity", "id": "y1", "value": "$4.0 billion", "time": "2023", **_REV},
                    {"kind": "quantity", "id": "y2", "value": "$5.0 billion", "time": "2024", **_REV},
                    {"kind": "quantity", "id": "up", "value": "rose 25%", "time": "2024", **_REV}],
            expect="consistent", derived={"change_percent": ("22.2", "27.9")}),
    Example("البطالة من 8% إلى 10%: ارتفاع بنقطتين لا بنسبة 2%", language="ar",
            claims=[{**_JOBLESS, "id": "a", "value": "8%", "time": "2023"},
                    {**_JOBLESS, "id": "b", "value": "10%", "time": "2024"},
                    {"kind": "quantity", "id": "c", "value": "ارتفع بنسبة 2%", "subject": "البلاد",
                     "metric": "معدل البطالة"}],
            relations=[{"kind": "change", "before": "a", "after": "b", "change": "c"}],
            expect="inconsistent", cause="points_for_percent", says=["نقاط"]),
    Example("Up 3 points, from 45 % to 48 %",
            claims=[{"kind": "share", "id": "a", "value": "45%", "of": "voters", "metric": "approval",
                     "time": "January 2025"},
                    {"kind": "share", "id": "b", "value": "48%", "of": "voters", "metric": "approval",
                     "time": "February 2025"},
                    {"kind": "quantity", "id": "c", "value": "up 3 points", "metric": "approval",
                     "time": "February 2025"}],
            expect="consistent", derived={"change_points": ("2", "4")}),
    Example("Users doubled, from 80 million to 170 million",
            claims=[{"kind": "quantity", "id": "a", "value": "80 million users", "subject": "app", "metric": "users"},
                    {"kind": "quantity", "id": "b", "value": "170 million users", "subject": "app", "metric": "users"},
                    {"kind": "quantity", "id": "c", "value": "doubled", "subject": "app", "metric": "users"}],
            relations=[{"kind": "change", "before": "a", "after": "b", "change": "c"}], expect="consistent"),
    Example("'Tripled' from 2 million to 4.1 million",
            claims=[{"kind": "quantity", "id": "a", "value": "2.0 million", "metric": "subscribers"},
                    {"kind": "quantity", "id": "b", "value": "4.1 million", "metric": "subscribers"},
                    {"kind": "quantity", "id": "c", "value": "tripled", "metric": "subscribers"}],
            relations=[{"kind": "change", "before": "a", "after": "b", "change": "c"}], expect="inconsistent",
            says=["the actual factor is 1.98 to 2.13"]),
    Example("تراجعت الصادرات إلى 3.2 مليار دولار بعد 2.9 مليار: ليس تراجعاً", language="ar",
            claims=[{"kind": "quantity", "id": "a", "value": "2.9 مليار دولار", "metric": "الصادرات", "time": "2023"},
                    {"kind": "quantity", "id": "b", "value": "تراجعت إلى 3.2 مليار دولار", "metric": "صادرات",
                     "time": "2024"}],
            expect="inconsistent", says=["ارتفاع"]),
    Example("Fell to 40 % from 46 %",
            claims=[{"kind": "share", "id": "a", "value": "46%", "of": "market", "subject": "Nokia", "time": "2008"},
                    {"kind": "share", "id": "b", "value": "fell to 40%", "of": "market", "subject": "Nokia",
                     "time": "2009"}],
            expect="consistent"),
    Example("Rose by $2 billion is not a rise from $3.1 billion to $4.3 billion",
            claims=[{"kind": "quantity", "id": "a", "value": "$3.1 billion", "metric": "exports", "time": "2022"},
                    {"kind": "quantity", "id": "b", "value": "$4.3 billion", "metric": "exports", "time": "2023"},
                    {"kind": "quantity", "id": "c", "value": "rose by $2 billion", "metric": "exports",
                     "time": "2023"}],
            expect="inconsistent"),
    Example("'Tripled' from 2 million to 4 million: the printed figures show a doubling",
            claims=[{"kind": "quantity", "id": "a", "value": "2 million", "metric": "subscribers", "time": "2020"},
                    {"kind": "quantity", "id": "b", "value": "4 million", "metric": "subscribers", "time": "2024"},
                    {"kind": "quantity", "id": "c", "value": "tripled", "metric": "subscribers", "time": "2024"}],
            expect="doubtful", says=["1.56 million", "4.44 million"]),
]
