"""Order and gaps between events

What: When the article says one event came before another ("the law forced the sale; the launch followed"), or
gives the gap ("two months after"), the events' times must allow it: the later event cannot lie wholly before the
earlier one, and the days between them must fit the gap. An event that gives no time of its own takes the time
of a reference joined to it by a ``same`` relation (the law ↔ "signed 2024-04-24", Public Law 118-50).
Why: A sequence the dates contradict ("launched in 2023, after the 2024 law") tells the reader a story that did
not happen; it is usually a year slip, or two events confused.
Example: The law signed on 2024-04-24 precedes a launch expected by September 2025; a launch in June 2023 cannot
follow it.

Pairing: ``order`` relations (``first``, ``then`` and an optional ``gap`` as printed: "two months", "بعد شهرين").
Tolerance follows the grain: a gap of two months is 1½–2½ months of 28–31 days; a date is its whole period.
Relations that go round in a circle (A before B and B before A) are inconsistent whatever the dates, one verdict
per circle; a relation naming one claim twice is set aside as a problem (``self_relation``) before any rule runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.context import Context, Item
from rules.explain import say
from rules.messages import N_, Said, joined
from rules.model import Order, Verdict
from rules.normalise.times import span_text
from rules.normalise.values import Unreadable
from rules.registry import Example
from rules.temporal._time import Window, computation, day_range, days_span, days_text, timed, unreadable, year_slip
from rules.verdicts import verdict

FIT = N_("'{first}' ({first_range}) can come before '{then}' ({then_range}), as the article says.")
MISS = N_("'{then}' ({then_range}) cannot come after '{first}' ({first_range}): it ends {days} before the earlier "
          "event can begin.")
GAP_FIT = N_("'{then}' ({then_range}) comes {gap} after '{first}' ({first_range}): the dates allow {between} between "
             "them, and {gap} is {gap_days}.")
GAP_MISS = N_("The article puts '{then}' ({then_range}) {gap} ({gap_days}) after '{first}' ({first_range}), but the "
              "dates leave {between} between them: {days} off.")
CYCLE = N_("The article puts these events each before the next in a circle ({chain}): they cannot all come before one "
           "another, whatever their dates.")
UNREADABLE = N_("The order of '{first}' and '{then}' cannot be checked: {why}.")


def _what(item: Item) -> str:
    return str(getattr(item.claim, "what", None) or item.id)


def _differences(first: Window, then: Window) -> tuple[int | None, int | None]:
    """The fewest and most days from the first event to the next that the two windows allow."""
    low = (then[0] - first[1]).days if then[0] is not None and first[1] is not None else None
    high = (then[1] - first[0]).days if then[1] is not None and first[0] is not None else None
    return low, high


def _miss(diff: tuple[int | None, int | None], gap: tuple[int, int | None]) -> int:
    """Days by which the allowed differences miss the stated gap; 0 when they meet."""
    low, high = diff
    if high is not None and high < gap[0]:
        return gap[0] - high
    if gap[1] is not None and low is not None and low > gap[1]:
        return low - gap[1]
    return 0


def cycles(relations: list[Order]) -> list[list[str]]:
    """The claims caught in a cycle of ``order`` relations (A before B, B before C, C before A), one list per cycle,
    in the order the relations first name them: the strongly connected components of the 'before' graph that hold
    more than one claim (Tarjan's algorithm, iterative: linear in the number of relations)."""
    graph: dict[str, list[str]] = {}
    for rel in relations:
        graph.setdefault(rel.first, []).append(rel.then)
        graph.setdefault(rel.then, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(graph[node]):
                work.append((node, i + 1))
                nxt = graph[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    order = {c: n for n, c in enumerate(graph)}
                    found.append(sorted(component, key=order.__getitem__))
    return found


def applies(ctx: Context) -> bool:
    """Only ``order`` relations are checked."""
    return Order in ctx.relations


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    for cycle in cycles(ctx.relations.get(Order, [])):
        items = [i for i in (ctx.get(c) for c in cycle) if i is not None]
        chain = " → ".join(f"'{_what(i)}'" for i in [*items, items[0]])
        yield verdict(__name__, items, "inconsistent", say(lang, CYCLE, chain=chain))
    for rel in ctx.relations.get(Order, []):
        first, then = ctx.get(rel.first), ctx.get(rel.then)
        if first is None or then is None:
            continue
        (tf, from_f), (tt, from_t) = timed(ctx, first), timed(ctx, then)
        items = [first, *from_f, then, *from_t]
        names = dict(first=_what(first), then=_what(then))
        if tf is None or tt is None:
            missing = [i for i, t in ((first, tf), (then, tt)) if t is None]
            whys = [Said(N_("'{what}': {why}"), what=_what(i), why=unreadable([i])) for i in missing]
            why = lambda code, whys=whys: joined((w.text(code) for w in whys), code)  # noqa: E731
            yield verdict(__name__, items, "unverifiable", say(lang, UNREADABLE, why=why, **names))
            continue
        wf, wt = tf.window(), tt.window()
        figs = dict(first_range=span_text(*wf), then_range=span_text(*wt), **names)
        inputs = [("first", first, wf, tf.text), ("then", then, wt, tt.text)]
        diff = _differences(wf, wt)
        if rel.gap:
            try:
                gap = ctx.gap(rel.gap)
            except Unreadable as exc:
                yield verdict(__name__, items, "unverifiable",
                              say(lang, UNREADABLE, why=Said(N_("the gap '{gap}': {why}"), gap=rel.gap, why=exc.said.text), **names))
                continue
            bounds = (int(gap.low), None if gap.high is None else -int(-gap.high // 1))
            margin = _miss(diff, bounds)
            comp = computation("days from first to then ∈ gap", inputs, day_range(*diff), day_range(*bounds), margin)
            fig = dict(gap=rel.gap, gap_days=days_span(*bounds), between=days_span(*diff), **figs)
            if margin == 0:
                yield verdict(__name__, items, "consistent", say(lang, GAP_FIT, **fig), comp)
            else:
                cause = year_slip(lang, wt, lambda w: _miss(_differences(wf, w), bounds) == 0)
                yield verdict(__name__, items, "inconsistent", say(lang, GAP_MISS, days=days_text(margin), **fig),
                              comp, cause)
            continue
        margin = max(0, -diff[1]) if diff[1] is not None else 0
        comp = computation("days from first to then ≥ 0", inputs, day_range(*diff), day_range(0, None), margin)
        if margin == 0:
            yield verdict(__name__, items, "consistent", say(lang, FIT, **figs), comp)
        else:
            cause = year_slip(lang, wt, lambda w: (_differences(wf, w)[1] or 0) >= 0)
            yield verdict(__name__, items, "inconsistent", say(lang, MISS, days=days_text(margin), **figs), comp,
                          cause)


_LAW = {"kind": "event", "id": "law", "what": "law forcing the sale", "subject": "Congress"}
_SIGNED = {"kind": "event", "id": "signed", "what": "law signed", "time": "2024-04-24", "source": "congress.gov"}
EXAMPLES = [
    Example("The law (signed 2024-04-24, a reference) precedes a launch by September 2025",
            claims=[_LAW, {"kind": "event", "id": "launch", "what": "US app launch", "time": "by September 2025",
                           "tense": "future"}],
            references=[_SIGNED],
            relations=[{"kind": "same", "claims": ["law", "signed"]},
                       {"kind": "order", "first": "law", "then": "launch"}],
            expect="consistent"),
    Example("«بعد شهرين» من توقيع القانون في أبريل 2024 يتسق مع الإطلاق في يونيو 2024", language="ar",
            claims=[{"kind": "event", "id": "law", "what": "توقيع القانون", "time": "24 أبريل 2024"},
                    {"kind": "event", "id": "launch", "what": "الإطلاق", "time": "يونيو 2024"}],
            relations=[{"kind": "order", "first": "law", "then": "launch", "gap": "شهرين"}],
            expect="consistent"),
    Example("A launch in June 2023 cannot follow the law of April 2024",
            claims=[_LAW, {"kind": "event", "id": "launch", "what": "US app launch", "time": "in June 2023"}],
            references=[_SIGNED],
            relations=[{"kind": "same", "claims": ["law", "signed"]},
                       {"kind": "order", "first": "law", "then": "launch"}],
            expect="inconsistent", cause="year_slip"),
    Example("«بعد شهرين» لا يتسق مع إطلاق بعد ستة أشهر", language="ar",
            claims=[{"kind": "event", "id": "law", "what": "توقيع القانون", "time": "24 نيسان 2024"},
                    {"kind": "event", "id": "launch", "what": "الإطلاق", "time": "تشرين الأول 2024"}],
            relations=[{"kind": "order", "first": "law", "then": "launch", "gap": "بعد شهرين"}],
            expect="inconsistent"),
    Example("The vote came before the debate and the debate before the vote: a circle",
            claims=[{"kind": "event", "id": "vote", "what": "the vote"},
                    {"kind": "event", "id": "debate", "what": "the debate"}],
            relations=[{"kind": "order", "first": "vote", "then": "debate"},
                       {"kind": "order", "first": "debate", "then": "vote"}],
            expect="inconsistent", says=["'the vote' → 'the debate' → 'the vote'"]),
    Example("قبل الحدث نفسه: علاقة تربط الخبر بنفسه تُستبعد وتُذكر مشكلةً", language="ar",
            claims=[{"kind": "event", "id": "law", "what": "توقيع القانون", "time": "2024"},
                    {"kind": "event", "id": "launch", "what": "الإطلاق", "time": "2025"}],
            relations=[{"kind": "order", "first": "law", "then": "law"},
                       {"kind": "order", "first": "law", "then": "launch"}],
            expect="consistent", problems=("self_relation",)),
    Example("Without any time for the law, the order cannot be checked",
            claims=[_LAW, {"kind": "event", "id": "launch", "what": "US app launch", "time": "2025"}],
            relations=[{"kind": "order", "first": "law", "then": "launch"}],
            expect="unverifiable"),
]
