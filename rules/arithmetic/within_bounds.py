"""Within natural bounds

What: Figures that have natural limits must respect them: a share of a whole is at most 100 %, time spent per
person within a period fits in that period (107 minutes a day ≤ 1 440), a count is not negative, and a part is
not larger than its whole (the part and whole of a share, the parts of a ``sum`` relation and its total).
Why: A share above 100 % or a person spending 30 hours a day is an error a reader spots at once, and it
discredits everything around it; usually a wrong unit or a misplaced decimal.
Example: "107 minutes a day per user" fits in a 1 440-minute day; "68 % of revenue" fits in 100 %.

No likely cause is named for a figure out of bounds: dividing by almost any factor brings it back, so none of
them is more likely than another from this figure alone.

Pairing: part and whole as the ``share_of_whole`` rule pairs them (``Context.share_partners``), and the largest
part of a ``sum`` relation with its total (if it fits, the others do), compared in the same unit and period.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from rules.arithmetic._align import convert, percent
from rules.context import Context, Item
from rules.registry import Example
from rules.explain import Fig, say, unit_name
from rules.interval import Interval
from rules.model import Quantity, Share, SumOf, Verdict
from rules.normalise.units import KINDS, factor, periods
from rules.verdicts import computation, verdict

TITLES = {"ar": "ضمن الحدود الطبيعية"}  # the title in other languages (English: the docstring's first line)

SHARE_FIT = {
    "en": "{value} is a share of a whole, and it is within 0–100 %.",
    "ar": "{value} حصة من كلّ، وهي ضمن النطاق من 0 إلى 100٪.",
    "fr": "{value} est une part d'un tout, comprise entre 0 et 100 %.",
    "es": "{value} es una parte de un todo y está entre el 0 y el 100 %.",
    "de": "{value} ist ein Anteil an einem Ganzen und liegt zwischen 0 und 100 %.",
}
SHARE_MISS = {
    "en": "{value} is given as a share of '{of}', but no share can exceed 100 %.",
    "ar": "{value} مذكورة حصةً من «{of}»، لكن لا يمكن لحصة أن تتجاوز 100٪.",
    "fr": "{value} est donné comme part de « {of} », mais une part ne peut dépasser 100 %.",
    "es": "{value} se da como parte de «{of}», pero ninguna parte puede superar el 100 %.",
    "de": "{value} wird als Anteil an „{of}“ genannt, aber kein Anteil kann 100 % übersteigen.",
}
TIME_FIT = {
    "en": "{value} is {fraction} of a {period}: it fits.",
    "ar": "{value} تعادل {fraction} من {period}، فهي ممكنة.",
    "fr": "{value} représentent {fraction} de la période ({period}) : c'est possible.",
    "es": "{value} son el {fraction} de la duración del periodo ({period}): cabe.",
    "de": "{value} sind {fraction} der Dauer des Zeitraums ({period}): das passt.",
}
TIME_MISS = {
    "en": "{value} is more than a whole {period} ({fraction} of it): nobody can spend that much.",
    "ar": "{value} أكثر من {period} كامل، أي {fraction} منه: لا يمكن لأحد أن يقضي ذلك.",
    "fr": "{value} dépassent la durée de la période ({period}) : {fraction}. C'est impossible.",
    "es": "{value} superan la duración del periodo ({period}): {fraction}. Es imposible.",
    "de": "{value} übersteigen die Dauer des Zeitraums ({period}): {fraction}. Das ist unmöglich.",
}
NEGATIVE = {
    "en": "{value} is a count and cannot be negative.",
    "ar": "{value} عدد، ولا يمكن أن يكون سالبًا.",
    "fr": "{value} est un nombre de personnes ou de choses : il ne peut être négatif.",
    "es": "{value} es un recuento y no puede ser negativo.",
    "de": "{value} ist eine Anzahl und kann nicht negativ sein.",
}
PART_FIT = {
    "en": "The part, {part}, is not larger than the whole it belongs to, {whole}.",
    "ar": "الجزء ({part}) لا يتجاوز الكل الذي ينتمي إليه ({whole}).",
    "fr": "La partie, {part}, ne dépasse pas le tout auquel elle appartient, {whole}.",
    "es": "La parte, {part}, no es mayor que el todo al que pertenece, {whole}.",
    "de": "Der Teil, {part}, ist nicht größer als das Ganze, zu dem er gehört, {whole}.",
}
PART_MISS = {
    "en": "The part, {part}, is larger than the whole it belongs to, {whole}, by at least {margin}.",
    "ar": "الجزء ({part}) أكبر من الكل الذي ينتمي إليه ({whole}) بما لا يقل عن {margin}.",
    "fr": "La partie, {part}, dépasse le tout auquel elle appartient, {whole}, d'au moins {margin}.",
    "es": "La parte, {part}, es mayor que el todo al que pertenece, {whole}, en al menos {margin}.",
    "de": "Der Teil, {part}, ist um mindestens {margin} größer als das Ganze, zu dem er gehört, {whole}.",
}
HUNDRED = Interval.of(0, 100)


def _parts_and_wholes(ctx: Context) -> Iterator[tuple[Item, Item]]:
    seen: set[tuple[str, str]] = set()
    for share in ctx.of_kind(Share):
        for part, whole in ctx.share_partners(share):
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


def _part_within_whole(ctx: Context, part: Item, whole: Item) -> Verdict | None:
    pm, wm = part.measure, whole.measure
    if pm is None or wm is None:
        return None
    value = convert(pm, wm.unit, wm.period)
    if value is None:
        return None
    ceiling = Interval(None, wm.value.high)
    unit = wm.unit or ("percent" if isinstance(whole.claim, Share) else None)
    comp = computation(ctx.policy, "part ≤ whole", [("part", part, value, unit), ("whole", whole, wm.value, unit)],
                       value, unit, ceiling)
    figs = dict(part=Fig(value, unit, period=wm.period), whole=Fig(wm.value, unit, period=wm.period))
    if value.meets(ceiling):
        return verdict(__name__, [part, whole], "consistent", say(ctx.language, PART_FIT, **figs), comp)
    margin = Fig(Interval.point(value.gap(ceiling)), "percentage_point" if unit == "percent" else unit)
    return verdict(__name__, [part, whole], "inconsistent", say(ctx.language, PART_MISS, margin=margin, **figs), comp)


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    for part, whole in _parts_and_wholes(ctx):
        found = _part_within_whole(ctx, part, whole)
        if found:
            yield found
    for item in ctx.of_kind(Share):
        m = item.measure
        if m is None or m.unit == "percentage_point":
            continue
        pct = percent(m)
        comp = computation(ctx.policy, "0 % ≤ share ≤ 100 %", [("share", item, pct, "percent")], pct, "percent",
                           HUNDRED)
        claim = item.claim
        assert isinstance(claim, Share)
        if pct.meets(HUNDRED):
            yield verdict(__name__, [item], "consistent", say(lang, SHARE_FIT, value=Fig(pct, "percent")), comp)
        else:
            yield verdict(__name__, [item], "inconsistent", say(lang, SHARE_MISS, value=Fig(pct, "percent"),
                                                                     of=claim.of), comp)
    for item in ctx.of_kind(Quantity):
        m = item.measure
        if m is None:
            continue
        if KINDS.get(m.unit or "") == "time" and m.period and m.per:
            length = periods(m.period, "day") * factor("day", m.unit)  # type: ignore[operator]
            used = m.value / length
            comp = computation(ctx.policy, f"time per {m.per} ÷ length of a {m.period} ≤ 1",
                               [("time", item, m.value, m.unit)], used, None, Interval.of(0, 1))
            period = m.period
            figs = dict(value=Fig(m.value, m.unit, per=m.per, period=m.period), period=lambda code: unit_name(period, code),
                        fraction=Fig(used * 100, "percent"))
            if used.meets(Interval.of(0, 1)):
                yield verdict(__name__, [item], "consistent", say(lang, TIME_FIT, **figs), comp)
            else:
                yield verdict(__name__, [item], "inconsistent", say(lang, TIME_MISS, **figs), comp)
        elif KINDS.get(m.unit or "") == "count" and m.value.high is not None and m.value.high < 0:
            comp = computation(ctx.policy, "count ≥ 0", [("count", item, m.value, m.unit)], m.value, m.unit,
                               Interval(Fraction(0), None))
            yield verdict(__name__, [item], "inconsistent", say(lang, NEGATIVE, value=Fig(m.value, m.unit)), comp)


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
]
