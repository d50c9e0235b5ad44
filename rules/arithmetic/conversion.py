"""Same amount in two currencies or units

What: Two figures for the same thing in different currencies ("$12.3 billion, or €11.4 billion") or in different
units of one kind ("107 minutes, 1.8 hours") must agree once converted: money at the rate of its dates — the
ECB's reference rates over the figures' time or the week before publication (±2 %, the policy's allowance for
other sources and days), a fixed peg (SAR, AED, QAR, BHD, OMR, JOD to the dollar), or a rate the request gives —
and units by their exact factor.
Why: A conversion made with an inverted or stale rate, or with million and billion confused, gives the reader two
amounts for one fact, and nothing tells them which one is right.
Example: "$12.3 billion (€11.4 billion)" in an article of 1 March 2024 fits the ECB's 1.0813 dollars a euro;
"€13.3 billion" does not: the dollars were multiplied by the rate instead of divided.

Pairing: quantities with the same subject, metric, scope and time whose units are two currencies, or two units
of one kind; a ``same`` relation pairs claims explicitly. Without a rate (a currency nobody gives a rate for, or
a floating rate and no date at all) the verdict is unverifiable and says which rate is missing; tadqiq does not
guess one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import combinations

import msgspec

from rules.causes import cause, middle
from rules.context import Context, Item, first_per_unit
from rules.explain import Fig, say
from rules.interval import Interval, exact
from rules.messages import N_
from rules.model import Cause, Quantity, Same, Verdict
from rules.normalise.currency import Quote, rate
from rules.normalise.times import OPEN
from rules.normalise.units import factor, kind, periods
from rules.registry import Example
from rules.verdicts import fixed, term, verdict, weigh

FIT = N_("{a} is {converted}{at}; the article's {b} is within that range.")
MISS = N_("{a} is {converted}{at}, but the article says {b}: they miss by {margin}.")
AT = N_(" at {rate} ({source})")
NO_RATE = N_("{a} and {b} are the same amount in {src} and {dst}, but there is no exchange rate between them {when}; "
             "tadqiq does not guess one. A rate sent in the request's 'rates' would settle it.")
WHEN_NONE = N_("without a date (the article has no publication date and the figures no time)")
WHEN_DAYS = N_("for {first} – {last}")
TOO_MANY = N_("This request asks for more than {n} different exchange rates; this pair was not converted. Send fewer "
              "currency pairs or dates in one request.")
INVERSE = N_("The figures fit if the amount was divided by the exchange rate instead of multiplied (or the reverse): "
             "an inverted rate.")
UNCONVERTED = N_("The figures fit if the number was given a new unit or currency without being converted.")


def _pairs(ctx: Context) -> Iterator[tuple[Item, Item]]:
    """Figures named together by a ``same`` relation, and figures stated more than once for one subject, metric,
    scope and time: in each, the first figure in each unit stands for its restatements (``restated`` compares those), so
    the pairs grow with the number of units, not with the square of the claims."""
    seen: set[frozenset[str]] = set()
    explicit = [first_per_unit(i for i in map(ctx.get, r.claims)
                               if i is not None and i.measure is not None and isinstance(i.claim, Quantity))
                for r in ctx.relations.get(Same, [])]
    implicit = [first_per_unit(group) for group in ctx.restatements(Quantity)]
    for group in explicit + implicit:
        for a, b in combinations([i for i in group if isinstance(i.claim, Quantity)], 2):
            key = frozenset((a.id, b.id))
            if key not in seen and _convertible(a, b):
                seen.add(key)
                yield a, b


def _convertible(a: Item, b: Item) -> bool:
    am, bm = a.measure, b.measure
    if am is None or bm is None or am.unit is None or bm.unit is None or am.unit == bm.unit or am.per != bm.per:
        return False
    if am.currency and bm.currency:
        return True
    return kind(am.unit) == kind(bm.unit) and factor(am.unit, bm.unit) is not None


def _days(ctx: Context, a: Item, b: Item) -> tuple[dt.date, dt.date] | None:
    """The days whose rates apply: the figures' own time and the week before publication."""
    spans = [(i.time.start, i.time.end) for i in (a, b) if i.time is not None and i.time.end != OPEN]
    published = ctx.document.published
    if published is not None:
        spans.append((published - dt.timedelta(days=ctx.policy.rate_days), published + dt.timedelta(days=1)))
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


#: Distinct (currency, currency, days) rates one request may ask for; each is a scan of the ECB series.
MAX_QUOTES = 256


def applies(ctx: Context) -> bool:
    """Figures stated more than once, or a ``same`` relation naming two read quantities."""
    if ctx.repeated() and next(ctx.restatements(Quantity), None) is not None:
        return True
    for r in ctx.relations.get(Same, ()):
        read = 0
        for c in r.claims:
            i = ctx.items.get(c)
            if i is not None and i.measure is not None and isinstance(i.claim, Quantity):
                read += 1
        if read > 1:
            return True
    return False


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    quotes: dict[tuple[str, str, tuple[dt.date, dt.date] | None], Quote | None] = {}
    for a, b in _pairs(ctx):
        am, bm = a.measure, b.measure
        assert am is not None and bm is not None and am.unit is not None and bm.unit is not None
        quote: Quote | None = None
        if am.currency and bm.currency:
            days = _days(ctx, a, b)
            key = (am.currency, bm.currency, days)
            if key not in quotes and len(quotes) >= MAX_QUOTES:
                yield verdict(__name__, [a, b], "unverifiable", say(lang, TOO_MANY, n=MAX_QUOTES))
                continue
            if key not in quotes:
                quotes[key] = rate(am.currency, bm.currency, days, ctx.rates)
            quote = quotes[key]
            if quote is None:
                when = (say(lang, WHEN_DAYS, first=str(days[0]), last=str(days[1] - dt.timedelta(days=1)))
                        if days else say(lang, WHEN_NONE))
                yield verdict(__name__, [a, b], "unverifiable", say(
                    lang, NO_RATE, a=a.printed, b=b.printed, src=am.currency, dst=bm.currency,
                    when=lambda code: (when.local if code != "en" and when.local else when.en)))
                continue
            k = quote.value.widen(ctx.policy.rate_margin) if quote.floating else quote.value
            rated = fixed("rate", None, k, f"{bm.unit}/{am.unit}", quote.describe(), core=quote.value)
        else:
            k = Interval.point(factor(am.unit, bm.unit))  # type: ignore[arg-type]
            rated = fixed("factor", None, k, f"{bm.unit}/{am.unit}",
                          f"exact factor: 1 {am.unit} = {exact(k.low)} {bm.unit}")
        per = periods(bm.period, am.period) if am.period and bm.period and am.period != bm.period else None
        terms = [term("amount", a, am.unit), rated, term("restated", b, bm.unit)]
        w = weigh(ctx.policy, f"{bm.unit} = {am.unit} × rate" if quote else f"{bm.unit} = {am.unit} × factor", terms,
                  lambda v, per=per: (v[0] * v[1] if per is None else v[0] * v[1] * per, v[2]), bm.unit)
        converted = w.result
        comp = w.computation
        if quote is not None and quote.floating:
            comp = msgspec.structs.replace(comp, policy="; ".join([comp.policy, ctx.policy.rates]))
        at = _at(lang, quote, k, am.unit, bm.unit)
        figs = dict(a=Fig(am.value, am.unit, per=am.per, period=am.period),
                    b=Fig(bm.value, bm.unit, per=bm.per, period=bm.period),
                    converted=Fig(converted, bm.unit, per=am.per, period=bm.period or am.period), at=at)
        if w.meets:
            yield verdict(__name__, [a, b], w.status, w.explain(lang, FIT, **figs), comp)
        else:
            margin = Fig(Interval.point(converted.gap(bm.value)), bm.unit)
            yield verdict(__name__, [a, b], "inconsistent", say(lang, MISS, margin=margin, **figs), comp,
                          cause=_cause(ctx, am.value, bm.value, k, converted, quote is not None, [a, b]))


def _at(lang: str, quote: Quote | None, k: Interval, src: str, dst: str):  # type: ignore[no-untyped-def]
    if quote is None:
        return ""
    text = say(lang, AT, rate=lambda code: f"1 {src} = {Fig(k, dst).text(code)}", source=quote.describe())
    return lambda code: text.local if code != "en" and text.local else text.en


def _cause(ctx: Context, a: Interval, b: Interval, k: Interval, converted: Interval, money: bool,
           items: list[Item]) -> Cause | None:
    """An inverted rate, an unconverted number, or a slip of ``rules.causes``; each only when the middle halves of
    the figures' ranges fit it, and none when the first two both do."""
    am, bm = middle(a), middle(b)
    inverse = money and (am / k).meets(bm) and not (am * k).meets(bm)
    unconverted = am.meets(bm)
    if inverse and unconverted:
        return None
    if inverse:
        return Cause(code="inverse_rate", explanation=say(ctx.language, INVERSE))
    if unconverted:
        return Cause(code="not_converted", explanation=say(ctx.language, UNCONVERTED))
    return cause(ctx, b, converted, items)


_ACME = {"subject": "Acme", "metric": "revenue", "scope": "Europe"}
_AR = {"subject": "أرامكو", "metric": "الاستثمارات", "scope": "مصر"}
EXAMPLES = [
    Example("$12.3 B and €11.4 B on 1 March 2024 fit the ECB's rate of 1.0813 dollars a euro",
            published="2024-03-01",
            claims=[{"kind": "quantity", "id": "usd", "value": "$12.3 billion", **_ACME},
                    {"kind": "quantity", "id": "eur", "value": "€11.4 billion", **_ACME}],
            expect="consistent"),
    Example("$12.3 B restated as €13.3 B: multiplied by the rate instead of divided",
            published="2024-03-01",
            claims=[{"kind": "quantity", "id": "usd", "value": "$12.3 billion", **_ACME},
                    {"kind": "quantity", "id": "eur", "value": "€13.3 billion", **_ACME}],
            expect="inconsistent", cause="inverse_rate"),
    Example("Without a date there is no floating rate: the verdict says so and guesses none",
            claims=[{"kind": "quantity", "id": "usd", "value": "$12.3 billion", **_ACME},
                    {"kind": "quantity", "id": "eur", "value": "€11.4 billion", **_ACME}],
            expect="unverifiable"),
    Example("5 مليارات ريال سعودي هي 1.33 مليار دولار بسعر الربط الثابت 3.75",
            language="ar",
            claims=[{"kind": "quantity", "id": "sar", "value": "5 مليارات ريال سعودي", **_AR},
                    {"kind": "quantity", "id": "usd", "value": "1.33 مليار دولار", **_AR}],
            expect="consistent"),
    Example("367 مليون درهم ليست 100 مليار دولار: خلط بين المليون والمليار",
            language="ar",
            claims=[{"kind": "quantity", "id": "aed", "value": "367 مليون درهم إماراتي", **_AR},
                    {"kind": "quantity", "id": "usd", "value": "100 مليار دولار", **_AR}],
            expect="inconsistent", cause="scale_1000"),
    Example("لا سعر للجنيه المصري لدى البنك المركزي الأوروبي: لا حكم دون سعر",
            language="ar", published="2024-03-01",
            claims=[{"kind": "quantity", "id": "egp", "value": "500 مليون جنيه مصري", **_AR},
                    {"kind": "quantity", "id": "usd", "value": "10 ملايين دولار", **_AR}],
            expect="unverifiable"),
    Example("A rate the request gives settles the Egyptian pound",
            language="ar", published="2024-03-01",
            claims=[{"kind": "quantity", "id": "egp", "value": "500 مليون جنيه مصري", **_AR},
                    {"kind": "quantity", "id": "usd", "value": "10 ملايين دولار", **_AR}],
            rates=[{"base": "USD", "quote": "EGP", "rate": "48.5", "source": "Central Bank of Egypt"}],
            expect="consistent"),
    Example("107 minutes a day is 1.8 hours a day",
            claims=[{"kind": "quantity", "id": "min", "value": "107 minutes a day", "subject": "US users",
                     "metric": "time spent"},
                    {"kind": "quantity", "id": "hours", "value": "1.8 hours a day", "subject": "US users",
                     "metric": "time spent"}],
            expect="consistent"),
    Example("12 miles is not 12 km: the number was relabelled, not converted",
            claims=[{"kind": "quantity", "id": "mi", "value": "12 miles", "subject": "the new line",
                     "metric": "length"},
                    {"kind": "quantity", "id": "km", "value": "12 km", "subject": "the new line", "metric": "length"}],
            relations=[{"kind": "same", "claims": ["mi", "km"]}],
            expect="inconsistent", cause="not_converted"),
    Example("$5 billion as €5.2 billion on 1 March 2024: only with the dollars and the rate both stretched",
            published="2024-03-01",
            claims=[{"kind": "quantity", "id": "usd", "value": "$5 billion", **_ACME},
                    {"kind": "quantity", "id": "eur", "value": "€5.2 billion", **_ACME}],
            expect="doubtful", says=["4.606 billion to 4.626 billion"]),
]
