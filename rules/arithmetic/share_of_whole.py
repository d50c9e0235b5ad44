"""Share of a whole

What: A share ("68 % of global revenue") with the part it describes and the whole it is a share of must satisfy
part = share × whole, within the ranges the printed figures allow. With two of the three known, the third is
implied and shown.
Why: A share that does not fit its part and whole misstates how much depends on what; and the implied whole
("68 % is $12.3 B, so global revenue is about $18 B") is a figure readers take away, whether the article prints
it or not.
Example: US users bring in $12.3 B a year, 68 % of global revenue: global revenue is then $17.9–18.3 B (17.0–19.2 B
when the article says "about $12.3 B").

Pairing: the part is the quantity with the share's subject, metric, scope and time; the whole is a quantity or
reference whose metric (or "scope metric") is what the share is "of"; a ``share`` relation overrides both. Only
totals pair (a figure per head is neither part nor whole), and the first figure of each unit and period stands for
its restatements. A whole that is a reference figure is named with its source. A part for a period and a whole
stating none are compared as they stand: the whole is taken to be for the same period.

Likely cause: besides the scale and period slips, a share that fits another total the article gives (for the same
time and in the same unit) was probably a share of that total ("other_total").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from rules.arithmetic._align import convert, percent
from rules.causes import Found, cause
from rules.context import Context, Item, first_per_unit
from rules.equations import SHARE
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_, problem
from rules.model import Derived, Quantity, Share, ShareOf, Verdict
from rules.registry import Example
from rules.text import key
from rules.verdicts import computation, derived, term, verdict, weigh

FIT = N_("{share} of {whole} is {implied}; the reported {part} is within that range.")
MISS = N_("{share} of {whole} is {implied}, but the article says {part}: they miss by {margin}.")
IMPLIED_WHOLE = N_("If {part} is {share} of '{of}', then '{of}' is {implied}. No figure for it was given, so this "
                   "cannot be checked yet; a reference figure would settle it.")
IMPLIED_PART = N_("{share} of {whole} is {implied}; no figure for the part was given, so this cannot be checked yet.")
IMPLIED = N_("Implied '{of}'")
IMPLIED_PART_LABEL = N_("Implied part of '{of}'")
#: the same when the share names no whole ('$630 million (15%)'): no empty quotes in what a reader sees
IMPLIED_WHOLE_UNNAMED = N_("If {part} is {share} of a whole the article does not name, that whole is {implied}. No "
                           "figure for it was given, so this cannot be checked yet; a reference figure would settle it.")
IMPLIED_UNNAMED = N_("Implied whole")
IMPLIED_PART_UNNAMED = N_("Implied part")
UNITS = N_("The part ({part}) and the whole ({whole}) are in different units or currencies; they cannot be compared "
           "without a conversion.")


def _whole_fig(whole: Item, value: Interval, unit: str | None, period: str | None) -> Fig | Callable[[str], str]:
    """The whole as written in a verdict; a reference figure names its source."""
    fig = Fig(value, unit, period=period)
    if not whole.reference:
        return fig
    source = whole.claim.source or "?"
    return lambda code: f"{fig.text(code)} ({source})"


def partners(ctx: Context, share: Item) -> list[tuple[Item | None, Item | None]]:
    """(part, whole) pairs for a share: from ``share`` relations naming it, else the quantity with the share's
    subject, metric, scope and time (the part) and the quantities whose metric is what the share is 'of'.

    Implicit partners are found once per key and whole, and only the first figure of each unit and period stands
    for the part (and for the whole): the others are restatements of it, which the ``restated`` rule checks. So the
    pairs stay few however many claims share a key."""
    explicit = ctx.memo.get(ShareOf)
    if explicit is None:
        explicit = ctx.memo[ShareOf] = defaultdict(list)
        for r in ctx.relations.get(ShareOf, []):
            explicit[r.share].append(r)
    claim = share.claim
    assert isinstance(claim, Share)
    if share.id in explicit:  # a relation naming the part only: the whole is still found by the share's 'of'
        return [(ctx.get(r.part), w) for r in explicit[share.id]
                for w in ([ctx.get(r.whole)] if r.whole else _wholes(ctx, share, claim, ctx.get(r.part)) or [None])]
    memo_key = ("share_partners", share.actor, share.subject, share.metric, share.scope, share.when,
                key(claim.of, ctx.language))
    found = ctx.memo.get(memo_key)
    if found is None:
        # totals only: a figure per head ("$72 per user") is neither the part nor the whole of a share
        # no metric: nothing says which figure the share is of ('170 million users' is not '68 %' of revenue)
        parts = first_per_unit(p for p in ctx.same_key(share, Quantity)
                               if p.measure is not None and p.measure.per is None) if share.metric else []
        wholes = first_per_unit(w for w in ctx.by_metric(memo_key[-1], share.when, Quantity)
                                if w.measure is not None and w.measure.per is None
                                and (w.subject, w.metric, w.scope, w.when) != memo_key[2:6])
        found = ctx.memo[memo_key] = [(p, w) for p in parts or [None] for w in wholes or [None]
                                      if p is not None or w is not None]
    return found


def _other_totals(ctx: Context, share: Item, part: Item, whole: Item, s: Interval) -> list[Found]:
    """Other totals in the article that the share, applied to them, would give the part: 'a share of another
    total'. Bounded: ``Context.same_unit`` returns at most 64 candidates."""
    pm = part.measure
    assert pm is not None
    found = []
    fitting = SHARE.solve("whole", part=pm.value, share=s / 100)  # the wholes the share of the part would fit
    for other in ctx.same_unit(whole.measure.unit if whole.measure else None, share.when):
        if other is part or other is whole or other.reference or other.measure is None:
            continue
        value = convert(other.measure, pm.unit, pm.period)
        if value is not None and value.meets(fitting):
            found.append(Found("other_total", other=f"{other.printed} ({other.id})", claims=(other.id,)))
    return found


def _of(v: list[Interval]) -> tuple[Interval, Interval]:
    """share (in percent), whole → (the part they imply, the part printed)."""
    return SHARE.solve("part", share=v[0] / 100, whole=v[1]), v[2]


def _wholes(ctx: Context, share: Item, claim: Share, part: Item | None) -> list[Item]:
    """The totals whose metric is what the share is 'of', for its time (the first of each unit and period)."""
    found = ctx.by_metric(key(claim.of, ctx.language), share.when, Quantity) if claim.of.strip() else []
    return first_per_unit(w for w in found if w is not part and w.measure is not None and w.measure.per is None)


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    for share in ctx.of_kind(Share):
        if share.measure is None:
            continue
        claim = share.claim
        assert isinstance(claim, Share)
        sm = share.measure
        s = percent(sm)
        share_fig = Fig(s, "percent")
        share_term = term("share", share, "percent", lambda v, m=sm: percent(m, v))
        pairs = partners(ctx, share)
        if claim.of.strip() and not any(w is not None for _, w in pairs):
            share.problems.append(problem(lang, "unmatched_of", N_(
                "'of': no claim matches '{whole}'; the whole is not checked (send it as a claim or a reference, or "
                "relate it with a share relation)"), claim=share.id, field="of", whole=claim.of))
        for part, whole in pairs:
            if part is not None and whole is not None and part.measure and whole.measure:
                pm, wm = part.measure, whole.measure
                whole_value = convert(wm, pm.unit, pm.period)
                if whole_value is None:
                    yield verdict(__name__, [share, part, whole], "unverifiable",
                                  say(lang, UNITS, part=part.printed, whole=whole.printed))
                    continue
                terms = [share_term, term("whole", whole, pm.unit, lambda v, m=wm: convert(m, pm.unit, pm.period, v),
                                          pm.period),
                         term("part", part, pm.unit)]
                w = weigh(ctx.policy, SHARE.formula("part"), terms, _of, pm.unit)
                figs = dict(share=share_fig, whole=_whole_fig(whole, whole_value, pm.unit, pm.period),
                            implied=Fig(w.result, pm.unit, period=pm.period),
                            part=Fig(pm.value, pm.unit, period=pm.period))
                items = [share, part, whole]
                if w.meets:
                    yield verdict(__name__, items, w.status, w.explain(lang, FIT, **figs), w.computation)
                else:
                    gap = Fig(Interval.point(w.result.gap(pm.value)), pm.unit)
                    found = cause(ctx, pm.value, w.result, items, _other_totals(ctx, share, part, whole, s))
                    yield verdict(__name__, items, "inconsistent", say(lang, MISS, margin=gap, **figs),
                                  w.computation, cause=found)
            elif part is not None and part.measure is not None:
                pm = part.measure
                implied = SHARE.solve("whole", part=pm.value, share=s / 100)
                named = bool(claim.of.strip())
                d = derived("implied_whole", say(lang, IMPLIED, of=claim.of) if named else say(lang, IMPLIED_UNNAMED),
                            implied, pm.unit, SHARE.formula("whole"), [part, share])
                comp = computation(ctx.policy, SHARE.formula("whole"), [term("part", part, pm.unit), share_term],
                                   implied, pm.unit)
                figs = dict(part=Fig(pm.value, pm.unit, period=pm.period), share=share_fig,
                            implied=Fig(implied, pm.unit, period=pm.period))
                said = say(lang, IMPLIED_WHOLE, of=claim.of, **figs) if named else \
                    say(lang, IMPLIED_WHOLE_UNNAMED, **figs)
                yield verdict(__name__, [share, part], "unverifiable", said, comp, derived=[d])
            elif whole is not None and whole.measure is not None:
                wm = whole.measure
                implied = SHARE.solve("part", share=s / 100, whole=wm.value)
                label = say(lang, IMPLIED_PART_LABEL, of=claim.of) if claim.of.strip() else \
                    say(lang, IMPLIED_PART_UNNAMED)
                d = derived("implied_part", label, implied, wm.unit, SHARE.formula("part"), [share, whole])
                comp = computation(ctx.policy, SHARE.formula("part"), [share_term, term("whole", whole, wm.unit)],
                                   implied, wm.unit)
                yield verdict(__name__, [share, whole], "unverifiable",
                              say(lang, IMPLIED_PART, share=share_fig,
                                  whole=_whole_fig(whole, wm.value, wm.unit, wm.period),
                                  implied=Fig(implied, wm.unit, period=wm.period)), comp, derived=[d])


_US = {"subject": "TikTok", "metric": "revenue", "scope": "US"}
EXAMPLES = [
    Example("68 % of a $18.1 B global revenue fits $12.3 B",
            claims=[{"kind": "quantity", "id": "rev", "value": "$12.3 billion a year", **_US},
                    {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue", **_US}],
            references=[{"kind": "quantity", "id": "global", "value": "$18.1 billion a year", "metric": "revenue",
                         "scope": "global", "subject": "TikTok", "source": "company filing"}],
            expect="consistent"),
    Example("٦٨٪ من إيرادات عالمية قدرها 18 مليار دولار تتسق مع 12.3 مليار دولار",
            language="ar",
            claims=[{"kind": "quantity", "id": "rev", "value": "ما يقارب 12.3 مليار دولار سنوياً",
                     "subject": "تيك توك", "metric": "الإيرادات", "scope": "أمريكا"},
                    {"kind": "share", "id": "pct", "value": "٦٨٪", "of": "الإيرادات العالمية",
                     "subject": "تيك توك", "metric": "إيرادات", "scope": "أميركا"}],
            relations=[{"kind": "share", "share": "pct", "part": "rev", "whole": "global"}],
            references=[{"kind": "quantity", "id": "global", "value": "18 مليار دولار سنوياً", "source": "تقرير الشركة",
                         "metric": "الإيرادات العالمية"}],
            expect="consistent"),
    Example("68 % of $18.1 B is not $12.3 million: million for billion",
            claims=[{"kind": "quantity", "id": "rev", "value": "$12.3 million a year", **_US},
                    {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue", **_US}],
            references=[{"kind": "quantity", "id": "global", "value": "$18.1 billion a year",
                         "metric": "global revenue", "source": "company filing"}],
            expect="inconsistent", cause="scale_1000"),
    Example("A share of a monthly whole stated as yearly",
            claims=[{"kind": "quantity", "id": "part", "value": "€40 million a year", "subject": "Acme",
                     "metric": "sales", "scope": "France"},
                    {"kind": "share", "id": "pct", "value": "40%", "of": "group sales", "subject": "Acme",
                     "metric": "sales", "scope": "France"},
                    {"kind": "quantity", "id": "group", "value": "€100 million a month", "subject": "Acme",
                     "metric": "group sales"}],
            expect="inconsistent", cause="period_12"),
    Example("A share of another total in the same article",
            claims=[{"kind": "quantity", "id": "eu", "value": "€1.2 billion", "subject": "Acme", "metric": "sales",
                     "scope": "Europe", "time": "2024"},
                    {"kind": "share", "id": "pct", "value": "30%", "of": "group sales", "subject": "Acme",
                     "metric": "sales", "scope": "Europe", "time": "2024"},
                    {"kind": "quantity", "id": "group", "value": "€6 billion", "subject": "Acme",
                     "metric": "group sales", "time": "2024"},
                    {"kind": "quantity", "id": "intl", "value": "€4 billion", "subject": "Acme",
                     "metric": "international sales", "time": "2024"}],
            expect="inconsistent", cause="other_total", says=["€4 billion"]),
    Example("18 % of a $2.1 B budget can be $400 M once rounding is allowed for",
            claims=[{"kind": "quantity", "id": "police", "value": "$400 million", "subject": "city",
                     "metric": "police budget"},
                    {"kind": "share", "id": "pct", "value": "18%", "of": "city budget", "subject": "city",
                     "metric": "police budget"},
                    {"kind": "quantity", "id": "budget", "value": "$2.1 billion", "subject": "city",
                     "metric": "city budget"}],
            expect="consistent"),
    Example("The whole from a trusted source is named in the verdict",
            claims=[{"kind": "quantity", "id": "exp", "value": "٣٫٢ مليار دولار", "subject": "مصر",
                     "metric": "الصادرات الزراعية", "time": "2023"},
                    {"kind": "share", "id": "pct", "value": "٨٪", "of": "إجمالي الصادرات", "subject": "مصر",
                     "metric": "الصادرات الزراعية", "time": "2023"}],
            references=[{"kind": "quantity", "id": "all", "value": "40 مليار دولار", "subject": "مصر",
                         "metric": "إجمالي الصادرات", "time": "2023", "source": "الجهاز المركزي للتعبئة والإحصاء"}],
            language="ar", expect="consistent", says=["الجهاز المركزي للتعبئة والإحصاء"]),
    Example("A figure per head with the whole's metric is not the whole",
            claims=[{"kind": "quantity", "id": "all", "value": "$4.2 billion a year", "subject": "city",
                     "metric": "budget"},
                    {"kind": "quantity", "id": "each", "value": "$410 a month", "per": "resident", "subject": "city",
                     "metric": "budget"},
                    {"kind": "quantity", "id": "parks", "value": "$210 million", "subject": "city", "metric": "parks"},
                    {"kind": "share", "id": "pct", "value": "5%", "of": "budget", "subject": "city",
                     "metric": "parks"}],
            expect="consistent"),
    Example("Without a figure for the whole, the implied whole is shown",
            claims=[{"kind": "quantity", "id": "rev", "value": "about $12.3 billion a year", **_US},
                    {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue", **_US}],
            expect="unverifiable", derived={"implied_whole": ("17000000000", "19200000000")}),
    Example("45 % of 6 million is 2.7 million, not 2 million, unless every figure sits at the end of its rounding",
            claims=[{"kind": "quantity", "id": "part", "value": "2 million", "subject": "the region",
                     "metric": "jobs in services"},
                    {"kind": "share", "id": "pct", "value": "45%", "of": "all jobs", "subject": "the region",
                     "metric": "jobs in services"},
                    {"kind": "quantity", "id": "all", "value": "6 million", "subject": "the region",
                     "metric": "all jobs"}],
            expect="doubtful", says=["2.7 million", "5.54 million"]),
]
