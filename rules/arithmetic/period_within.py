"""A part of a period is at most the whole period

What: For a flow that cannot be negative — exports, revenue, spending, arrivals, births, cases — the figure for a
part of a period (a month, a quarter, a half, the year to date) is at most the figure for the whole period (its
year, its half, a fiscal year), for the same subject, metric and scope. The periods come from the claims' times as
read (``rules.normalise.times``); which metrics are such flows is data (``rules/data/containment.toml``), and a
metric that is a balance, a rate, an average or a price never is (a month's deficit can exceed the year's).
Why: 'One month's exports larger than the twelve-month total that includes it' is a slip of scale or of period
that any reader of the two figures can see, and the story cannot stand with both.
Example: Saudi Arabia's revenue of SR309 billion in the third quarter of 2024 is within the SR956 billion of the
first nine months; a third quarter of SR309 billion against nine months of SR95.6 billion is not.

Pairing: the claims of one subject, metric and scope (``Context.topic``) whose times are whole periods ('on', not
'by' or 'after', and closed); the periods that may contain a period are looked up by their first day (the first day
of its year, half, quarter or month, or its own), so each figure meets only its few containers — linear however
many claims. Totals only: a figure per head or per period ('a month') is a rate, not a flow summed over the period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator

from rules.arithmetic._align import metric
from rules.arithmetic._identity import within
from rules.containment import flow
from rules.context import Context, Item
from rules.messages import N_, translate
from rules.model import Quantity, Verdict
from rules.registry import Example

ASSUMED = N_("{part} is part of {whole}, and '{metric}' is a flow that cannot be negative, so the part of the period "
             "is at most the whole period")
#: Containers tried for each period (the tightest first): a month meets its quarter, half and year, not more.
_CONTAINERS = 3


def _starts(day: dt.date) -> list[dt.date]:
    """The first days a period containing one that starts on ``day`` may start on."""
    q = (day.month - 1) // 3 * 3 + 1
    h = 1 if day.month <= 6 else 7
    return list(dict.fromkeys([day, day.replace(day=1), dt.date(day.year, q, 1), dt.date(day.year, h, 1),
                               dt.date(day.year, 1, 1)]))


def _whole_period(item: Item) -> bool:
    t = item.time
    return t is not None and not t.open and t.modifier in (None, "on")


def _assumed(part: Item, whole: Item, lang: str) -> Callable[[str], str]:
    p, w, m = part.claim.time, whole.claim.time, metric(part)
    return lambda code: translate(ASSUMED, code).format(part=p, whole=w, metric=m)


def applies(ctx: Context) -> bool:
    """Two quantities with a time (a period and one within it)."""
    timed = 0
    for item in ctx.of_kind(Quantity):
        if item.time is not None:
            timed += 1
            if timed > 1:
                return True
    return False


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language.split("-")[0].lower()
    done: set[tuple[str, str, str]] = set()
    for item in ctx.of_kind(Quantity):
        topic = (item.subject, item.metric, item.scope)
        if topic in done or not _whole_period(item) or not flow(item, lang):
            continue
        done.add(topic)
        spans: dict[tuple[dt.date, dt.date], Item] = {}
        for o in ctx.topic(item):
            if isinstance(o.claim, Quantity) and _whole_period(o) and flow(o, lang):
                spans.setdefault((o.time.start, o.time.end), o)  # type: ignore[union-attr]  # the first stands for its restatements
        if len(spans) < 2:
            continue
        by_start: dict[dt.date, list[tuple[dt.date, Item]]] = defaultdict(list)
        for (start, end), o in spans.items():
            by_start[start].append((end, o))
        for ends in by_start.values():
            ends.sort(key=lambda e: e[0])
        for (start, end), part in spans.items():
            containers = sorted(((e, o) for s in _starts(start) for e, o in by_start.get(s, ())[:_CONTAINERS]
                                 if e >= end and (s, e) != (start, end)), key=lambda e: e[0])
            for _, whole in containers[:_CONTAINERS]:
                found = within(ctx, __name__, part, whole, _assumed(part, whole, lang),
                               labels=(f"{metric(part)}, {part.claim.time}", f"{metric(whole)}, {whole.claim.time}"))
                if found is not None:
                    yield found


_SA = {"subject": "Saudi Arabia", "metric": "revenues"}
_SRC = "https://sauress.com/en/saudigazette/1646761"
EXAMPLES = [
    Example("Saudi revenue: SR309 billion in the third quarter of 2024, SR956 billion in the first nine months",
            claims=[{"kind": "quantity", "id": "q3", "value": "309 billion riyals", "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "ytd", "value": "956 billion riyals",
                     "time": "the first nine months of 2024", **_SA}],
            expect="consistent", says=("is part of",), source=_SRC),
    Example("الإيرادات النفطية: 213 مليار ريال في الربع الثاني من 2024 و395 مليار ريال في النصف الأول", language="ar",
            claims=[{"kind": "quantity", "id": "q2", "value": "213 مليار ريال", "time": "الربع الثاني من 2024",
                     "subject": "السعودية", "metric": "الإيرادات النفطية"},
                    {"kind": "quantity", "id": "h1", "value": "395 مليار ريال", "time": "النصف الأول من 2024",
                     "subject": "السعودية", "metric": "الإيرادات النفطية"}],
            expect="consistent", says=("جزء من",), source=_SRC),
    Example("The nine months' revenue printed as SR95.6 billion: a quarter of SR309 billion cannot exceed it",
            claims=[{"kind": "quantity", "id": "q3", "value": "309 billion riyals", "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "ytd", "value": "95.6 billion riyals",
                     "time": "the first nine months of 2024", **_SA}],
            expect="inconsistent", source=_SRC),
    Example("A quarter printed as SR312 billion against nine months printed as SR311 billion (for SR956 billion): "
            "it fits only if both were rounded towards each other",
            claims=[{"kind": "quantity", "id": "q3", "value": "312 billion riyals", "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "ytd", "value": "311 billion riyals",
                     "time": "the first nine months of 2024", **_SA}],
            expect="doubtful", source=_SRC),
]
