"""Within natural bounds

What: Figures that have natural limits must respect them: a share of a whole is at most 100 %, time spent per
person within a period fits in that period (107 minutes a day ≤ 1 440), a count is not negative.
Why: A share above 100 % or a person spending 30 hours a day is an error a reader spots at once, and it
discredits everything around it; usually a wrong unit or a misplaced decimal.
Example: "107 minutes a day per user" fits in a 1 440-minute day; "68 % of revenue" fits in 100 %.

No likely cause is named for a figure out of bounds: dividing by almost any factor brings it back, so none of
them is more likely than another from this figure alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from rules.context import Context, Example
from rules.explain import Fig, say
from rules.interval import Interval
from rules.model import Quantity, Share, Verdict
from rules.normalise.units import KINDS, factor, name, periods
from rules.verdicts import computation, verdict

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
}
HUNDRED = Interval.of(0, 100)


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    for item in ctx.of_kind(Share):
        m = item.measure
        if m is None or m.unit == "percentage_point":
            continue
        pct = m.fraction() * 100
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
            figs = dict(value=Fig(m.value, m.unit, per=m.per, period=m.period), period=lambda code: name(period, code),
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
    Example("2,000 minutes a day per person is more than a day",
            claims=[{"kind": "quantity", "id": "t", "value": "2,000 minutes a day", "per": "person"}],
            expect="inconsistent"),
]
