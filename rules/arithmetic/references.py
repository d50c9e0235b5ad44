"""Against references

What: A figure in the article is compared with a trusted figure sent with the request as a reference (a
statistics office, a company filing, a regulator), once both are in the same unit and period; the verdict names
the source. Shares are compared with reference shares of the same whole.
Why: Internal consistency cannot catch a figure that is wrong everywhere it appears; a newsroom that knows the
official figure wants every article checked against it, and the reader of the verdict needs to know whose figure
settled it.
Example: The article's "47 billion views a month" against a platform report of 560 billion views a year: 47 × 12
= 564 B, which fits.

Pairing: a reference pairs with the article's claims of the same kind, subject, metric, scope and time (folded as
everywhere) and the same "per" (a figure per head is not the total), so figures for other times or other scopes
are never held against it. At most three references per key are used (``PER_KEY``), so the work stays linear in
the number of claims; at most 50 verdicts per reference, misses first, the rest counted in a problem
(``rules.crowds``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rules.arithmetic._align import convert, percent
from rules.causes import cause
from rules.context import Context, Item
from rules.crowds import summarised
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_, Said
from rules.model import Quantity, Share, Verdict
from rules.registry import Example
from rules.text import key
from rules.verdicts import term, verdict, weigh

FIT = N_("The article's {claim} agrees with the figure from {source}, {reference}.")
MISS = N_("The article's {claim} does not fit the figure from {source}, {reference}: they miss by {margin}.")
UNITS = N_("The article's {claim} and the figure from {source}, {reference}, are in different units or currencies, or "
           "one is a rate and the other gives no period; they cannot be compared as they stand.")


def _value(item: Item, like: Item, value: Interval | None = None) -> Interval | None:
    m, lm = item.measure, like.measure
    assert m is not None and lm is not None
    if isinstance(like.claim, Share):
        return percent(m, value)
    return convert(m, lm.unit, lm.period, value)


def _compare(ctx: Context, claim: Item, ref: Item) -> tuple[bool, Callable[[], Verdict]]:
    """Whether the claim meets the reference (an incomparable pair does not miss), and the verdict (made only when
    shown: ``rules.crowds``)."""
    rm, cm = ref.measure, claim.measure
    assert rm is not None and cm is not None
    ref_value = percent(rm) if isinstance(ref.claim, Share) else rm.value
    value = None if (cm.period is None) != (rm.period is None) else _value(claim, ref)
    return value is None or value.meets(ref_value), lambda: _verdict(ctx, claim, ref, value, ref_value)


def _verdict(ctx: Context, claim: Item, ref: Item, value: Interval | None, ref_value: Interval) -> Verdict:
    lang = ctx.language
    rm, cm = ref.measure, claim.measure
    assert rm is not None and cm is not None
    source = ref.claim.source or "?"
    share = isinstance(ref.claim, Share)
    unit = "percent" if share else rm.unit
    if value is None:  # other units, or a rate against a figure for no stated period: not comparable as they stand
        return verdict(__name__, [claim, ref], "unverifiable",
                       say(lang, UNITS, claim=claim.printed, reference=ref.printed, source=source))
    terms = [term("article", claim, unit, lambda v: _value(claim, ref, v), rm.period),  # type: ignore[arg-type, return-value]
             term("reference", ref, unit, lambda v: percent(rm, v) if share else v)]
    w = weigh(ctx.policy, "article = reference", terms, lambda v: (v[0], v[1]), unit)
    printed = Fig(cm.value, cm.unit, per=cm.per, period=cm.period)
    converted = Fig(value, unit, per=rm.per, period=rm.period)
    shown = printed if share or printed == converted else (lambda code: f"{printed.text(code)} (= {converted.text(code)})")
    figs = dict(claim=shown, source=source, reference=Fig(ref_value, unit, per=rm.per, period=rm.period))
    if w.meets:
        return verdict(__name__, [claim, ref], w.status, w.explain(lang, FIT, **figs), w.computation)
    margin = Fig(Interval.point(value.gap(ref_value)), "percentage_point" if share else unit)
    return verdict(__name__, [claim, ref], "inconsistent", say(lang, MISS, margin=margin, **figs), w.computation,
                   cause=cause(ctx, value, ref_value, [claim, ref]))


#: references compared per key: more sources for the same figure add little, and every claim is compared with each
PER_KEY = 3


def check(ctx: Context) -> Iterator[Verdict]:
    for kind in (Quantity, Share):
        used: dict[tuple[str, str, str, str], int] = {}
        for ref in ctx.of_kind(kind):
            if not ref.reference or ref.measure is None:
                continue
            k = (ref.subject, ref.metric, ref.scope, ref.when)
            used[k] = used.get(k, 0) + 1
            if used[k] > PER_KEY:
                continue
            outcomes = []
            for claim in ctx.same_key(ref, kind):
                if claim.reference or claim.measure is None or claim.measure.per != ref.measure.per:
                    continue  # a figure per head is not the total it shares a metric with
                if kind is Share and key(claim.claim.of) != key(ref.claim.of):  # type: ignore[union-attr]
                    continue
                outcomes.append(_compare(ctx, claim, ref))
            yield from summarised(ctx.problems, "references", Said(N_("the figures against '{reference}'"),
                                                                   reference=ref.id), outcomes, language=ctx.language)


_VIEWS = {"subject": "TikTok", "metric": "ad views", "scope": "US"}
EXAMPLES = [
    Example("صندوق سعودي بأصول 3.75 مليار دولار في المقال و1.00 مليار دولار في تقريره: ريالات كُتبت دولارات",
            language="ar-SA",
            claims=[{"kind": "quantity", "id": "assets", "value": "3.75 مليار دولار", "subject": "صندوق التنمية",
                     "metric": "الأصول", "time": "2023"}],
            references=[{"kind": "quantity", "id": "annual", "value": "1.00 مليار دولار", "subject": "صندوق التنمية",
                         "metric": "الأصول", "time": "2023", "source": "التقرير السنوي للصندوق"}],
            expect="inconsistent", cause="currency_mixup", says=["ريال سعودي", "Saudi"]),
    Example("47 billion views a month fits a report of 560 billion a year",
            claims=[{"kind": "quantity", "id": "views", "value": "47 billion views a month", **_VIEWS}],
            references=[{"kind": "quantity", "id": "report", "value": "560 billion views a year", **_VIEWS,
                         "source": "platform transparency report"}],
            expect="consistent", says=["platform transparency report"]),
    Example("نسبة البطالة في المقال لا تطابق رقم جهاز الإحصاء", language="ar",
            claims=[{"kind": "share", "id": "rate", "value": "9.7%", "of": "قوة العمل", "subject": "الأردن",
                     "metric": "معدل البطالة", "time": "2024"}],
            references=[{"kind": "share", "id": "dos", "value": "21.4%", "of": "قوة العمل", "subject": "الأردن",
                         "metric": "معدل البطالة", "time": "2024", "source": "دائرة الإحصاءات العامة"}],
            expect="inconsistent", says=["دائرة الإحصاءات العامة"]),
    Example("A yearly figure given for a monthly one in the reference's terms",
            claims=[{"kind": "quantity", "id": "rev", "value": "$1.5 billion a month", "subject": "Acme",
                     "metric": "revenue", "time": "2024"}],
            references=[{"kind": "quantity", "id": "filing", "value": "$1.5 billion a year", "subject": "Acme",
                         "metric": "revenue", "time": "2024", "source": "annual report"}],
            expect="inconsistent", cause="period_12"),
    Example("A figure per head is not held against a total",
            claims=[{"kind": "quantity", "id": "arpu", "value": "$11.96 a month", "per": "subscriber",
                     "subject": "StreamCo", "metric": "revenue", "time": "2024"},
                    {"kind": "quantity", "id": "rev", "value": "$6.1 billion a year", "subject": "StreamCo",
                     "metric": "revenue", "time": "2024"}],
            references=[{"kind": "quantity", "id": "filing", "value": "$6.09 billion a year", "subject": "StreamCo",
                         "metric": "revenue", "time": "2024", "source": "annual report"}],
            expect="consistent"),
    Example("A monthly figure against a reference for no stated period is not judged",
            claims=[{"kind": "quantity", "id": "rev", "value": "$1.5 billion a month", "subject": "Acme",
                     "metric": "revenue", "time": "2024"}],
            references=[{"kind": "quantity", "id": "filing", "value": "$18 billion", "subject": "Acme",
                         "metric": "revenue", "time": "2024", "source": "annual report"}],
            expect="unverifiable"),
    Example("A figure for another year is not held against the reference",
            claims=[{"kind": "quantity", "id": "rev", "value": "$9 billion", "subject": "Acme", "metric": "revenue",
                     "time": "2021"},
                    {"kind": "quantity", "id": "rev2", "value": "$12.1 billion", "subject": "Acme",
                     "metric": "revenue", "time": "2024"}],
            references=[{"kind": "quantity", "id": "filing", "value": "$12.13 billion", "subject": "Acme",
                         "metric": "revenue", "time": "2024", "source": "annual report"}],
            expect="consistent"),
    Example("'$4 billion' against a filing of $4.46 billion: one digit stretched almost half a unit",
            claims=[{"kind": "quantity", "id": "rev", "value": "$4 billion", "subject": "Acme", "metric": "revenue",
                     "time": "2024"}],
            references=[{"kind": "quantity", "id": "filing", "value": "$4.46 billion", "subject": "Acme",
                         "metric": "revenue", "time": "2024", "source": "annual report"}],
            expect="doubtful", says=["annual report"]),
]
