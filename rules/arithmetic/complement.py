"""The rest of a whole

What: Parts that together make all of one whole — given as shares of it ("the state pays 87 %") or, when the
whole is given, as amounts ("the passenger pays the rest, €0.20 of the €1.35 fare") — must make exactly all of
it: the shares add up to 100 %, and shares of the whole plus amounts add up to the whole. With the whole given,
each part is shown both ways: a share's amount, an amount's share.
Why: "The rest" is arithmetic the reader does in their head: if the state pays 87 % of €1.35, the passenger pays
13 %, about €0.18; an article that says €0.20 has one of its three figures wrong, and usually the reader cannot
tell which.
Example: A €1.35 fare of which the state pays 87 %: the rest is 12.5–13.5 % of 1.345–1.355, €0.168–0.183;
"€0.20" does not fit, "€0.18" does.

Pairing: ``complement`` relations only (``parts``: shares of the whole or amounts; ``whole``: the amount they make
up, needed when any part is an amount). A share part's "of" is not consulted: the relation says what it is a share
of.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rules.arithmetic._align import convert, is_share, metric, percent
from rules.arithmetic.parts_sum import joined
from rules.causes import cause_in_terms
from rules.context import Context, Item
from rules.equations import SHARE
from rules.explain import Fig, say
from rules.interval import Interval, total
from rules.messages import N_, reasons
from rules.model import Complement, Derived, Verdict
from rules.registry import Example
from rules.verdicts import Term, derived, term, verdict, weigh

FIT = N_("{parts} make {sum} of {whole}: all of it, as the article says.")
MISS = N_("{parts} make {sum}, but together they are all of {whole}: they miss by {margin}.")
UNREADABLE = N_("The parts of the whole cannot be added: {why}.")
AMOUNT = N_("'{metric}' as an amount")
SHARE_OF = N_("'{metric}' as a share of the whole")
HUNDRED = Interval.of(100)


def _terms(parts: list[Item], whole: Item | None) -> list[Term] | str:
    """Each part as a term in the whole's unit (a share as a share of it), and the whole last; or why not."""
    wm = whole.measure if whole is not None else None
    out: list[Term] = []
    for n, p in enumerate(parts):
        pm = p.measure
        assert pm is not None
        if is_share(p):
            out.append(term(f"share {n + 1}", p, "percent", lambda v, m=pm: percent(m, v)))
        elif wm is None:
            return f"'{p.printed}' is an amount, and the relation names no whole to take it from"
        elif convert(pm, wm.unit, wm.period) is None:
            return f"'{p.printed}' is not in the unit of the whole ('{whole.printed}')"  # type: ignore[union-attr]
        else:
            out.append(term(f"part {n + 1}", p, wm.unit, lambda v, m=pm: convert(m, wm.unit, wm.period, v),
                            wm.period))
    if whole is not None:
        out.append(term("whole", whole, wm.unit if wm else None))
    return out


def _relation(shares: list[bool], whole: bool) -> Callable[[list[Interval]], tuple[Interval, Interval]]:
    """The parts' sum and what it must make, with each figure appearing once (so the ranges are exact): without a
    whole, the shares against 100 %; with one, the amounts against what the shares leave of the whole
    (whole × (100 % − shares)), or the amounts against the whole when no part is a share."""
    if not whole:
        return lambda v: (total(v), HUNDRED)
    if not any(shares):
        return lambda v: (total(v[:-1]), v[-1])

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        pct = total(x for x, s in zip(v[:-1], shares, strict=True) if s)
        amounts = total(x for x, s in zip(v[:-1], shares, strict=True) if not s)
        return amounts, SHARE.solve("part", share=(HUNDRED - pct) / 100, whole=v[-1])

    return relation


def _made(terms: list[Term], shares: list[bool], whole: bool) -> Interval:
    """What the parts make, in the whole's unit (for the explanation)."""
    if not whole:
        return total(t.value for t in terms)
    w = terms[-1].value
    return total(SHARE.solve("part", share=t.value / 100, whole=w) if s else t.value
                 for t, s in zip(terms[:-1], shares, strict=True))


def _shown(ctx: Context, terms: list[Term], whole: Term) -> Iterator[Derived]:
    """Each part the other way: a share's amount, an amount's share of the whole."""
    for t in terms:
        assert t.item is not None
        if t.unit == "percent":
            value = SHARE.solve("part", share=t.value / 100, whole=whole.value)
            yield derived("part_amount", say(ctx.language, AMOUNT, metric=metric(t.item)), value, whole.unit,
                          SHARE.formula("part"), [t.item, whole.item])  # type: ignore[list-item]
        else:
            value = SHARE.solve("share", part=t.value, whole=whole.value) * 100
            yield derived("part_share", say(ctx.language, SHARE_OF, metric=metric(t.item)), value, "percent",
                          "share = part / whole × 100", [t.item, whole.item])  # type: ignore[list-item]


def applies(ctx: Context) -> bool:
    """Only ``complement`` relations are checked."""
    return Complement in ctx.relations


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    for rel in ctx.relations.get(Complement, []):
        parts = [p for p in (ctx.get(i) for i in rel.parts) if p is not None]
        whole = ctx.get(rel.whole)
        items = [*parts, *([whole] if whole else [])]
        unread = [i for i in items if i.measure is None]
        if unread:
            why = reasons((pr for i in unread for pr in i.problems), "a figure could not be read")
            yield verdict(__name__, items, "unverifiable", say(lang, UNREADABLE, why=why))
            continue
        terms = _terms(parts, whole)
        if isinstance(terms, str):
            yield verdict(__name__, items, "unverifiable", say(lang, UNREADABLE, why=terms))
            continue
        shares = [t.unit == "percent" for t in terms[: len(parts)]]
        relation = _relation(shares, whole is not None)
        unit = terms[-1].unit if whole is not None else "percent"
        formula = "sum of the shares = 100 %" if whole is None else "sum of the amounts = whole × (100 % − shares)"
        w = weigh(ctx.policy, formula, terms, relation, unit)
        whole_fig = Fig(terms[-1].value, unit, period=terms[-1].period) if whole is not None else Fig(HUNDRED,
                                                                                                     "percent")
        figs = dict(parts=joined(terms[: len(parts)]), sum=Fig(_made(terms, shares, whole is not None), unit),
                    whole=whole_fig)
        shown = list(_shown(ctx, terms[:-1], terms[-1])) if whole is not None else []
        if w.meets:
            yield verdict(__name__, items, w.status, w.explain(lang, FIT, **figs), w.computation, derived=shown)
        else:
            margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if whole is None else unit)
            yield verdict(__name__, items, "inconsistent", say(lang, MISS, margin=margin, **figs), w.computation,
                          cause=cause_in_terms(ctx, terms, relation), derived=shown)


_FARE = {"subject": "metro ticket"}
EXAMPLES = [
    Example("The state pays 87 % of a €1.35 fare; the passenger's rest is €0.18",
            claims=[{"kind": "quantity", "id": "fare", "value": "€1.35", "metric": "fare", **_FARE},
                    {"kind": "share", "id": "state", "value": "87%", "of": "fare", "metric": "state's part", **_FARE},
                    {"kind": "quantity", "id": "rider", "value": "€0.18", "metric": "passenger's part", **_FARE}],
            relations=[{"kind": "complement", "parts": ["state", "rider"], "whole": "fare"}],
            expect="consistent", derived={"part_amount": ("1.16", "1.19")}),
    Example("The state pays 87 %, the passenger the rest, €0.20 of the €1.35 fare: 87 % leaves €0.18",
            claims=[{"kind": "quantity", "id": "fare", "value": "€1.35", "metric": "fare", **_FARE},
                    {"kind": "share", "id": "state", "value": "87%", "of": "fare", "metric": "state's part", **_FARE},
                    {"kind": "quantity", "id": "rider", "value": "€0.20", "metric": "passenger's part", **_FARE}],
            relations=[{"kind": "complement", "parts": ["state", "rider"], "whole": "fare"}],
            expect="inconsistent", derived={"part_share": ("14.3", "15.3")}),
    Example("تدفع الدولة 60٪ والأسر 45٪ من كلفة الدعم: أكثر من الكل", language="ar",
            claims=[{"kind": "share", "id": "state", "value": "60%", "of": "كلفة الدعم", "metric": "حصة الدولة"},
                    {"kind": "share", "id": "homes", "value": "45%", "of": "كلفة الدعم", "metric": "حصة الأسر"}],
            relations=[{"kind": "complement", "parts": ["state", "homes"]}],
            expect="inconsistent"),
    Example("Two thirds and a third of one estate make all of it",
            claims=[{"kind": "share", "id": "a", "value": "two thirds", "of": "the estate", "metric": "widow"},
                    {"kind": "share", "id": "b", "value": "a third", "of": "the estate", "metric": "son"}],
            relations=[{"kind": "complement", "parts": ["a", "b"]}],
            expect="consistent"),
    Example("2 million owners and 55 % renters of 3 million households: all of them only at the edge of the rounding",
            claims=[{"kind": "quantity", "id": "all", "value": "3 million households", "metric": "households"},
                    {"kind": "quantity", "id": "own", "value": "2 million households", "metric": "owners"},
                    {"kind": "share", "id": "rent", "value": "55%", "of": "households", "metric": "renters"}],
            relations=[{"kind": "complement", "parts": ["own", "rent"], "whole": "all"}],
            expect="doubtful"),
]
