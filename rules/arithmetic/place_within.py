"""A part of a place is at most the whole place

What: For a figure that adds up over places — population, employees, exports, cases, output — the figure for a
place is at most the figure for the place it lies in: a region's at most its country's, a city's at most its
region's, for the same metric, time and other labels. Countries are named from CLDR (babel) and subdivisions and
large cities from ``rules/data/places.toml`` (Saudi Arabia, the UAE, Egypt, Morocco, the United States, the United
Kingdom, Germany, France and Spain); which metrics add up over places is data (``rules/data/containment.toml``): an
average, a rate, a price or a balance never does (a region's average wage may exceed the country's).
Why: A region credited with more people, jobs or exports than its whole country is a slip of scale or of label
that discredits every figure beside it.
Example: The 2022 census counted 8.6 million people in the Riyadh region of Saudi Arabia's 32,175,224; a Riyadh region
of 86 million would be more than the kingdom.

Pairing: a place is the claim's subject or its scope (the other label, the metric and the time must be the same);
each place meets only the nearest place it lies in that the request names, found by looking it up — linear in the
number of claims. Totals only (no figure per head, per period or in percent), not negative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from rules.arithmetic._align import metric
from rules.arithmetic._identity import within
from rules.containment import additive
from rules.context import Context, Item
from rules.messages import N_, translate
from rules.model import Quantity, Verdict
from rules.places import ancestors, place
from rules.registry import Example

ASSUMED = N_("{part} lies within {whole}, and '{metric}' adds up over places, so {part}'s figure is at most {whole}'s")


def _label(item: Item, field: str) -> str:
    return getattr(item.claim, field) or ""


def _assumed(part: str, whole: str, what: str) -> Callable[[str], str]:
    return lambda code: translate(ASSUMED, code).format(part=part, whole=whole, metric=what)


def applies(ctx: Context) -> bool:
    """Two read quantities with one metric for one time (a part and its whole differ only by place)."""
    seen = set()
    for item in ctx.of_kind(Quantity):
        if item.measure is not None and item.metric:
            k = (item.metric, item.when)
            if k in seen:
                return True
            seen.add(k)
    return False


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language.split("-")[0].lower()
    places: dict[tuple[str, str, str, str], dict[str, tuple[Item, str]]] = defaultdict(dict)
    for item in ctx.of_kind(Quantity):
        if item.measure is None or not item.metric:
            continue
        for field, other in (("subject", item.scope), ("scope", item.subject)):
            code = place(getattr(item, field), lang)
            if code is not None:
                places[(field, item.metric, other, item.when)].setdefault(code, (item, field))
    for found in places.values():
        if len(found) < 2:
            continue
        for code, (part, field) in found.items():
            whole = next((found[a] for a in ancestors(code) if a in found), None)
            if whole is None or not additive(part.metric, part, lang) or not additive(whole[0].metric, whole[0], lang):
                continue
            p_name, w_name = _label(part, field), _label(whole[0], field)
            verdict = within(ctx, __name__, part, whole[0], _assumed(p_name, w_name, metric(part)),
                             labels=(f"{metric(part)}, {p_name}", f"{metric(whole[0])}, {w_name}"))
            if verdict is not None:
                yield verdict


_CENSUS = {"metric": "عدد السكان", "time": "2022"}
_SRC = "https://www.almowaten.net/2023/05/متوسط-أفراد-الأسرة-السعودية-4-8-ونسبة-ال"
_GOSI = {"metric": "private-sector jobs for Saudi women", "time": "the third quarter of 2016"}
_ARAB_NEWS = "https://www.arabnews.pk/node/1073161/saudi-arabia"
EXAMPLES = [
    Example("تعداد 2022: 8.6 مليون نسمة في منطقة الرياض من 32.2 مليون نسمة في المملكة (32,175,224)", language="ar",
            claims=[{"kind": "quantity", "id": "riyadh", "value": "8.6 مليون نسمة", "subject": "منطقة الرياض", **_CENSUS},
                    {"kind": "quantity", "id": "sa", "value": "32.2 مليون نسمة", "subject": "السعودية", **_CENSUS}],
            expect="consistent", says=("جزء من",), source=_SRC),
    Example("GOSI, third quarter of 2016: 203,600 of the 496,800 private-sector jobs held by Saudi women were in "
            "Riyadh",
            claims=[{"kind": "quantity", "id": "riyadh", "value": "203,600", "scope": "Riyadh", **_GOSI},
                    {"kind": "quantity", "id": "sa", "value": "496,800", "scope": "Saudi Arabia", **_GOSI}],
            expect="consistent", says=("lies within",), source=_ARAB_NEWS),
    Example("The census with the Riyadh region printed as 86 million: more people than the whole kingdom", language="ar",
            claims=[{"kind": "quantity", "id": "riyadh", "value": "86 مليون نسمة", "subject": "منطقة الرياض", **_CENSUS},
                    {"kind": "quantity", "id": "sa", "value": "32.2 مليون نسمة", "subject": "السعودية", **_CENSUS}],
            expect="inconsistent", source=_SRC),
    Example("GOSI figures with the kingdom's jobs printed as 203,100 beside Riyadh's 203,600: they meet only if both "
            "were rounded towards each other",
            claims=[{"kind": "quantity", "id": "riyadh", "value": "203,600", "scope": "Riyadh", **_GOSI},
                    {"kind": "quantity", "id": "sa", "value": "203,500", "scope": "Saudi Arabia", **_GOSI}],
            expect="doubtful", source=_ARAB_NEWS),
]
