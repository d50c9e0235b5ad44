"""Two statements of one change

What: When an article states the same change twice — as a factor and as a percentage ("quadrupled", "up 400 %"),
as two percentages, or as two factors — the two must agree once both are factors: ×4 is a rise of 300 %, "halved"
is a fall of 50 %. "N times more" is read both ways (×N and ×(N + 1)) and flagged only when neither fits.
Why: Writers convert factors to percentages in their heads, and the conversion is the slip: "quadrupled, a rise of
400 %" tells the reader two different things, and neither the levels nor a reference are needed to see it.
Example: "Quadrupled" (×3.8–4.2, read as approximate) and "rose 400 %" (×5) do not agree; "doubled" and "rose
100 %" do.

Pairing: claims stating a change (``Context.changes``) with the same subject, metric, scope and time; each is
compared with the first of them that can be read as a factor. A change in percentage points or in an amount
cannot be read as a factor without its levels (the ``change`` rule checks those against the levels).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from rules.arithmetic.change import TIMES_MORE
from rules.causes import cause
from rules.context import Context, Item
from rules.equations import CHANGE_PERCENT
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_
from rules.model import Text, Verdict
from rules.registry import Example
from rules.verdicts import Term, fixed, term, verdict, weigh

FIT = N_("'{a}' is a factor of {fa} and '{b}' a factor of {fb}: the two statements of the change agree.")
MISS = N_("'{a}' is a factor of {fa}, but '{b}' is a factor of {fb}: one change cannot be both (a factor of k is a "
          "change of (k − 1) × 100 %).")
ONE = Interval.point(1)


def statement(ctx: Context, item: Item) -> tuple[Term, int, bool] | None:
    """A stated change as a term that reads as a factor: the term (a factor, or a percentage), its direction
    (+1, −1, 0 for either) and whether it is a percentage; None when it cannot be read as a factor."""
    mv, m = item.movement, item.measure
    if mv is None:
        return None
    if mv.factor is not None:
        k = Interval.point(mv.factor)
        return fixed("factor", item, k.widen(ctx.policy.approximate), None, core=k), 0, False
    if m is None:
        return None
    if mv.times:
        k = term("factor", item, None)
        if mv.direction > 0 and k.value.high is not None and k.core.high is not None:  # "rose three times": ×3 or ×4
            k = replace(k, value=Interval(k.value.low, k.value.high + 1), core=Interval(k.core.low, k.core.high + 1))
        return k, 0, False
    if m.unit == "percent":
        return term("change", item, "percent"), mv.direction, True
    return None


def _factor(value: Interval, direction: int, is_percent: bool, near: Interval | None = None) -> Interval:
    """A statement's range as a factor: a percentage p is 1 + p/100 for a rise and 1 − p/100 for a fall; with no
    direction word, whichever sign is nearer ``near``."""
    if not is_percent:
        return value
    options = [CHANGE_PERCENT.solve("after", before=ONE, pct=value if d > 0 else -value)
               for d in ((direction,) if direction else (1, -1))]
    return options[0] if near is None else min(options, key=lambda k: k.gap(near))


def _compare(ctx: Context, first: Item, a: tuple[Term, int, bool], other: Item,
             b: tuple[Term, int, bool]) -> Verdict:
    lang = ctx.language
    (ta, da, pa), (tb, db, pb) = a, b

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        fa = _factor(v[0], da, pa, None if pb and not db else _factor(v[1], db, pb))
        return fa, _factor(v[1], db, pb, fa)

    w = weigh(ctx.policy, "factor = 1 + change / 100", [ta, tb], relation, None)
    figs = dict(a=first.printed, b=other.printed, fa=Fig(w.result), fb=Fig(w.compared))
    notes = [say(lang, TIMES_MORE, printed=i.printed) for i in (first, other)
             if i.movement is not None and i.movement.times and i.movement.direction > 0]
    if w.meets:
        return verdict(__name__, [first, other], w.status, _noted(w.explain(lang, FIT, **figs), notes), w.computation)
    return verdict(__name__, [first, other], "inconsistent", _noted(say(lang, MISS, **figs), notes), w.computation,
                   cause=cause(ctx, w.compared, w.result, [first, other]))


def _noted(text: Text, notes: list[Text]) -> Text:
    for note in notes:
        text = Text(en=f"{text.en} {note.en}", local=f"{text.local} {note.local}" if text.local and note.local
                    else text.local, language=text.language)
    return text


def applies(ctx: Context) -> bool:
    """Only claims that state a change are compared."""
    return bool(ctx.changes)


def check(ctx: Context) -> Iterator[Verdict]:
    groups: dict[tuple[str, str, str, str], list[tuple[Item, tuple[Term, int, bool]]]] = defaultdict(list)
    for item in ctx.changes:
        if item.reference:
            continue
        read = statement(ctx, item)
        if read is not None and item.metric:  # no metric: nothing says two changes are of one thing
            groups[(item.subject, item.metric, item.scope, item.when)].append((item, read))
    for found in groups.values():
        (first, a), *rest = found
        for other, b in rest:
            yield _compare(ctx, first, a, other, b)


_JOBS = {"subject": "solar industry", "metric": "jobs", "time": "2014–2024"}
EXAMPLES = [
    Example("'Doubled' and 'up 100 %' say the same",
            claims=[{"kind": "quantity", "id": "a", "value": "doubled", **_JOBS},
                    {"kind": "quantity", "id": "b", "value": "up 100%", **_JOBS}],
            expect="consistent"),
    Example("'Quadrupled' is a rise of 300 %, not 400 %",
            claims=[{"kind": "quantity", "id": "a", "value": "quadrupled", **_JOBS},
                    {"kind": "quantity", "id": "b", "value": "rose 400%", **_JOBS}],
            expect="inconsistent", says=["3.8 to 4.2", "5"]),
    Example("«تراجعت إلى النصف» لا تعني تراجعاً بنسبة 60%", language="ar",
            claims=[{"kind": "quantity", "id": "a", "value": "تراجعت إلى النصف", "subject": "الصادرات",
                     "metric": "القيمة", "time": "2023"},
                    {"kind": "quantity", "id": "b", "value": "تراجعت بنسبة 60%", "subject": "الصادرات",
                     "metric": "القيمة", "time": "2023"}],
            expect="inconsistent"),
    Example("'Rose 3 times' and 'up 200 %': one reading of 'rose 3 times' fits",
            claims=[{"kind": "quantity", "id": "a", "value": "rose 3 times", **_JOBS},
                    {"kind": "quantity", "id": "b", "value": "up 200%", **_JOBS}],
            expect="consistent", says=["either factor"]),
    Example("'Grew 5 times' and 'up 545 %': only if the 5 was nearly 5.5",
            claims=[{"kind": "quantity", "id": "a", "value": "grew 5 times", **_JOBS},
                    {"kind": "quantity", "id": "b", "value": "up 545%", **_JOBS}],
            expect="doubtful", says=["either factor"]),
]
