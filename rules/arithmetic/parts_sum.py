"""Parts and totals

What: Parts must add up to their total, and shares of one whole that exclude each other must add up to at most
100 % — exactly 100 % when they cover the whole. The parts' ranges are added end by end, as XBRL Calculations 1.1
adds rounded facts, so figures that only miss before rounding (33 % + 33 % + 33 %) are not flagged. When the
parts need not cover the total, what they leave out is shown.
Why: Breakdowns are where readers check an article with a pocket calculator: vote shares over 100 %, a budget
whose items exceed it, or a total that is not the sum of its parts discredit the whole piece; usually one part
has the wrong scale or the shares are of different totals.
Example: Three parties with 46 %, 28 % and 27 % of the vote (said to be all of it) fit: 101 % is within the
rounding of three shares (100.5–102.5 %… the range reaches 100 %); 52 %, 31 % and 24 % (107 %) do not.

Pairing: only from ``sum`` relations (``parts``, optional ``total``, ``exhaustive``): whether shares exclude each
other, and whether parts cover their total, is something the article says and the client knows, not something the
engine can tell from the figures. Without a total, the parts must be shares, compared with 100 %.

Likely cause: when the parts must make the total (``exhaustive``), the slip in one part (×1 000, ×12, ×100, a
decimal comma…) that makes them add up, found by trying each part in turn. When they need only stay below it, no
cause is named: shrinking any part by any factor would do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction

from rules.arithmetic._align import convert, is_share, metric, percent
from rules.causes import cause_in_sum
from rules.context import Context, Item
from rules.equations import SUM
from rules.explain import Fig, say
from rules.interval import Interval, total
from rules.messages import N_, reasons
from rules.model import Derived, SumOf, Verdict
from rules.registry import Example
from rules.verdicts import Term, derived, term, verdict, weigh

ADD_UP = N_("{parts} add up to {sum}; the total given, {total}, is within that range.")
WITHIN = N_("{parts} add up to {sum}, which does not exceed the total given, {total}.")
MISS = N_("{parts} add up to {sum}, but the total given is {total}: they miss by {margin}.")
OVER = N_("{parts} add up to {sum}, more than the total given, {total}, by at least {margin}.")
SHARES_FIT = N_("The shares {parts} add up to {sum}, which fits within 100 %.")
SHARES_WHOLE = N_("The shares {parts} are said to make up the whole; they add up to {sum}, which reaches 100 % once "
                  "rounding is allowed for.")
SHARES_OVER = N_("The shares {parts} add up to {sum}: more than 100 % by at least {margin}, so they cannot all be "
                 "shares of the same whole that exclude each other.")
SHARES_SHORT = N_("The shares {parts} are said to make up the whole, but they add up to {sum}: short of 100 % by "
                  "{margin}.")
UNREADABLE = N_("The parts cannot be added: {why}.")
REST = N_("The rest of '{total}' not in the parts")
REST_SHARE = N_("The share not covered by the parts")
HUNDRED = Interval.of(100)
_UP_TO_HUNDRED = Interval(Fraction(0), Fraction(100))


def joined(terms: Sequence[Term]) -> Callable[[str], str]:
    """The parts as printed, written in each language: the printed number for a printed figure, else its range."""
    figs = [Fig(t.core if t.core.low == t.core.high else t.value, t.unit, period=t.period) for t in terms]
    return lambda code: " + ".join(f.text(code) for f in figs)


def share_term(name: str, item: Item) -> Term:
    m = item.measure
    assert m is not None
    return term(name, item, "percent", lambda v: percent(m, v))


def _adds_up(exhaustive: bool) -> Callable[[Interval], Interval]:
    """The range the parts' sum must meet, from the total's."""
    return (lambda t: t) if exhaustive else (lambda t: Interval(None, t.high))


def _shares(ctx: Context, rel: SumOf, parts: list[Item]) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    terms = [share_term(f"share {n + 1}", p) for n, p in enumerate(parts)]
    target = HUNDRED if rel.exhaustive else _UP_TO_HUNDRED
    w = weigh(ctx.policy, "sum = " + " + ".join(t.name for t in terms), terms, lambda v: (total(v), target),
              "percent")
    s = w.result
    figs = dict(parts=joined(terms), sum=Fig(s, "percent"))
    rest: list[Derived] = []
    if not rel.exhaustive:
        left = SUM.solve("rest", sum=HUNDRED, parts=s).clamp_low(0)
        rest = [derived("rest_share", say(lang, REST_SHARE), left, "percent", SUM.formula("rest"), parts)]
    if w.meets:
        yield verdict(__name__, parts, w.status,
                      w.explain(lang, SHARES_WHOLE if rel.exhaustive else SHARES_FIT, **figs), w.computation,
                      derived=rest)
    else:
        over = s.low is not None and s.low > 100
        margin = Fig(Interval.point(s.gap(target)), "percentage_point")
        yield verdict(__name__, parts, "inconsistent", say(lang, SHARES_OVER if over else SHARES_SHORT,
                                                            margin=margin, **figs), w.computation,
                      cause=cause_in_sum(ctx, terms, lambda _: target) if rel.exhaustive else None)


def _amounts(ctx: Context, rel: SumOf, parts: list[Item], whole: Item) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    wm = whole.measure
    assert wm is not None
    unit = wm.unit or ("percent" if is_share(whole) else None)
    terms: list[Term] = []
    for n, p in enumerate(parts):
        pm = p.measure
        assert pm is not None
        if unit == "percent" and is_share(p):
            terms.append(share_term(f"part {n + 1}", p))
        elif convert(pm, wm.unit, wm.period) is not None:
            terms.append(term(f"part {n + 1}", p, unit, lambda v, m=pm: convert(m, wm.unit, wm.period, v), wm.period))
        else:
            yield verdict(__name__, [*parts, whole], "unverifiable",
                          say(lang, UNREADABLE,
                              why=f"'{p.printed}' is not in the unit of the total ('{whole.printed}')"))
            return
    whole_term = share_term("total", whole) if unit == "percent" and is_share(whole) else term("total", whole, unit)
    target = _adds_up(rel.exhaustive)
    w = weigh(ctx.policy, "sum = " + " + ".join(t.name for t in terms), [*terms, whole_term],
              lambda v: (total(v[:-1]), target(v[-1])), unit)
    s, total_value = w.result, whole_term.value
    figs = dict(parts=joined(terms), sum=Fig(s, unit, period=wm.period), total=Fig(total_value, unit, period=wm.period))
    rest: list[Derived] = []
    if not rel.exhaustive:
        left = SUM.solve("rest", sum=total_value, parts=s).clamp_low(0)
        rest = [derived("rest", say(lang, REST, total=metric(whole)), left, unit, SUM.formula("rest"),
                        [*parts, whole])]
    items = [*parts, whole]
    if w.meets:
        yield verdict(__name__, items, w.status, w.explain(lang, ADD_UP if rel.exhaustive else WITHIN, **figs),
                      w.computation, derived=rest)
    else:
        margin = Fig(Interval.point(s.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
        yield verdict(__name__, items, "inconsistent", say(lang, MISS if rel.exhaustive else OVER, margin=margin,
                                                           **figs), w.computation,
                      cause=cause_in_sum(ctx, terms, target, whole_term) if rel.exhaustive else None)


def applies(ctx: Context) -> bool:
    """Only ``sum`` relations are checked."""
    return SumOf in ctx.relations


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    for rel in ctx.relations.get(SumOf, []):
        parts = [p for p in (ctx.get(i) for i in rel.parts) if p is not None]
        whole = ctx.get(rel.total)
        unread = [i for i in [*parts, *([whole] if whole else [])] if i.measure is None]
        if unread:
            why = reasons((pr for i in unread for pr in i.problems), "a figure could not be read")
            yield verdict(__name__, [*parts, *([whole] if whole else [])], "unverifiable",
                          say(ctx.language, UNREADABLE, why=why))
        elif whole is not None:
            yield from _amounts(ctx, rel, parts, whole)
        elif all(is_share(p) for p in parts):
            yield from _shares(ctx, rel, parts)
        else:
            yield verdict(__name__, parts, "unverifiable",
                          say(ctx.language, UNREADABLE, why="without a total, only shares can be added (to 100 %)"))


_VOTE = {"kind": "share", "of": "valid votes", "metric": "vote share", "time": "2024"}
EXAMPLES = [
    Example("46 % + 28 % + 27 % can be all the votes: 101 % is within rounding",
            claims=[{**_VOTE, "id": "a", "value": "46%", "subject": "Party A"},
                    {**_VOTE, "id": "b", "value": "28%", "subject": "Party B"},
                    {**_VOTE, "id": "c", "value": "27%", "subject": "Party C"}],
            relations=[{"kind": "sum", "parts": ["a", "b", "c"], "exhaustive": True}], expect="consistent"),
    Example("52 % + 31 % + 24 % is 107 %: shares of one vote cannot add up to that",
            claims=[{**_VOTE, "id": "a", "value": "52%", "subject": "Party A"},
                    {**_VOTE, "id": "b", "value": "31%", "subject": "Party B"},
                    {**_VOTE, "id": "c", "value": "24%", "subject": "Party C"}],
            relations=[{"kind": "sum", "parts": ["a", "b", "c"]}], expect="inconsistent", says=["105.5 to 108.5", "more than 100 %"]),
    Example("أبواب الميزانية تساوي مجموعها", language="ar",
            claims=[{"kind": "quantity", "id": "edu", "value": "1.2 مليار دينار", "metric": "التعليم"},
                    {"kind": "quantity", "id": "health", "value": "850 مليون دينار", "metric": "الصحة"},
                    {"kind": "quantity", "id": "other", "value": "2.35 مليار دينار", "metric": "أبواب أخرى"},
                    {"kind": "quantity", "id": "all", "value": "4.4 مليار دينار", "metric": "الميزانية"}],
            relations=[{"kind": "sum", "parts": ["edu", "health", "other"], "total": "all", "exhaustive": True}],
            expect="consistent"),
    Example("A part a thousand times too large breaks the total: '1,600' was 1.6",
            claims=[{"kind": "quantity", "id": "police", "value": "$1.1 billion", "metric": "police"},
                    {"kind": "quantity", "id": "schools", "value": "$1,600 billion", "metric": "schools"},
                    {"kind": "quantity", "id": "rest", "value": "$1.5 billion", "metric": "other items"},
                    {"kind": "quantity", "id": "all", "value": "$4.2 billion", "metric": "city budget"}],
            relations=[{"kind": "sum", "parts": ["police", "schools", "rest"], "total": "all", "exhaustive": True}],
            expect="inconsistent", cause="decimal_comma"),
    Example("Items of a budget may leave a rest; the rest is shown",
            claims=[{"kind": "quantity", "id": "police", "value": "$1.1 billion", "metric": "police"},
                    {"kind": "quantity", "id": "schools", "value": "$1.6 billion", "metric": "schools"},
                    {"kind": "quantity", "id": "all", "value": "$4.2 billion", "metric": "city budget"}],
            relations=[{"kind": "sum", "parts": ["police", "schools"], "total": "all"}],
            expect="consistent", derived={"rest": ("1350000000", "1650000000")}),
    Example("Shares said to cover the whole fall short",
            claims=[{"kind": "share", "id": "a", "value": "45%", "of": "exports", "subject": "oil"},
                    {"kind": "share", "id": "b", "value": "30%", "of": "exports", "subject": "gas"},
                    {"kind": "share", "id": "c", "value": "15%", "of": "exports", "subject": "other"}],
            relations=[{"kind": "sum", "parts": ["a", "b", "c"], "exhaustive": True}], expect="inconsistent"),
    Example("26 % + 26 % + 26 % + 24 % said to be all: 102 % reaches 100 % only if every share was rounded up",
            claims=[{**_VOTE, "id": "a", "value": "26%", "subject": "Party A"},
                    {**_VOTE, "id": "b", "value": "26%", "subject": "Party B"},
                    {**_VOTE, "id": "c", "value": "26%", "subject": "Party C"},
                    {**_VOTE, "id": "d", "value": "24%", "subject": "Party D"}],
            relations=[{"kind": "sum", "parts": ["a", "b", "c", "d"], "exhaustive": True}], expect="doubtful",
            says=["102 percent", "25.5 percent"]),
]
