"""Share of a whole

What: A share ("68 % of global revenue") with the part it describes and the whole it is a share of must satisfy
part = share × whole, within the ranges the printed figures allow. With two of the three known, the third is
implied and shown.
Why: A share that does not fit its part and whole misstates how much depends on what; and the implied whole
("68 % is $12.3 B, so global revenue is about $18 B") is a figure readers take away, whether the article prints
it or not.
Example: US users bring in $12.3 B a year, 68 % of global revenue: global revenue is then $17.1–19.1 B.

Pairing: the part is the quantity with the share's subject, metric, scope and time; the whole is a quantity or
reference whose metric (or "scope metric") is what the share is "of"; a ``share`` relation overrides both.
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.arithmetic._align import convert
from rules.context import Context, Example, Item
from rules.explain import Fig, say
from rules.model import Derived, Quantity, Share, ShareOf, Verdict
from rules.text import key
from rules.verdicts import computation, derived, slip, verdict

FIT = {
    "en": "{share} of {whole} is {implied}; the reported {part} is within that range.",
    "ar": "{share} من {whole} تساوي {implied}، والرقم المذكور {part} يقع ضمن هذا النطاق.",
    "fr": "{share} de {whole} font {implied} ; le chiffre publié, {part}, est dans cette fourchette.",
    "es": "El {share} de {whole} es {implied}; la cifra publicada, {part}, está dentro de ese rango.",
    "de": "{share} von {whole} sind {implied}; die genannte Zahl {part} liegt in diesem Bereich.",
}
MISS = {
    "en": "{share} of {whole} is {implied}, but the article says {part}: they miss by {margin}.",
    "ar": "{share} من {whole} تساوي {implied}، لكن المقال يذكر {part}، بفارق {margin}.",
    "fr": "{share} de {whole} font {implied}, mais l'article indique {part} : un écart de {margin}.",
    "es": "El {share} de {whole} es {implied}, pero el artículo dice {part}: una diferencia de {margin}.",
    "de": "{share} von {whole} sind {implied}, der Artikel nennt aber {part}: eine Abweichung von {margin}.",
}
IMPLIED_WHOLE = {
    "en": "If {part} is {share} of '{of}', then '{of}' is {implied}. No figure for it was given, so this cannot "
          "be checked yet; a reference figure would settle it.",
    "ar": "إذا كان {part} يمثل {share} من «{of}»، فإن «{of}» تبلغ {implied}. لم يُذكر رقم لها، فلا يمكن التحقق "
          "بعد؛ رقم مرجعي موثوق يحسم الأمر.",
    "fr": "Si {part} représentent {share} de « {of} », alors « {of} » vaut {implied}. Aucun chiffre n'est donné : "
          "une référence permettrait de vérifier.",
    "es": "Si {part} son el {share} de «{of}», entonces «{of}» es {implied}. No se da esa cifra: una referencia "
          "permitiría comprobarlo.",
    "de": "Wenn {part} {share} von „{of}“ sind, dann beträgt „{of}“ {implied}. Dafür fehlt eine Zahl; eine "
          "Referenz würde es klären.",
}
IMPLIED_PART = {
    "en": "{share} of {whole} is {implied}; no figure for the part was given, so this cannot be checked yet.",
    "ar": "{share} من {whole} تساوي {implied}؛ لم يُذكر رقم للجزء، فلا يمكن التحقق بعد.",
    "fr": "{share} de {whole} font {implied} ; aucun chiffre n'est donné pour la partie.",
    "es": "El {share} de {whole} es {implied}; no se da la cifra de la parte.",
    "de": "{share} von {whole} sind {implied}; für den Teil fehlt eine Zahl.",
}
UNITS = {
    "en": "The part ({part}) and the whole ({whole}) are in different units or currencies; they cannot be compared "
          "without a conversion.",
    "ar": "الجزء ({part}) والكل ({whole}) بوحدتين أو عملتين مختلفتين، ولا تمكن المقارنة دون تحويل.",
}


def _partners(ctx: Context, share: Item) -> list[tuple[Item | None, Item | None]]:
    explicit = [r for r in ctx.relations.get(ShareOf, []) if r.share == share.id]
    if explicit:
        return [(ctx.get(r.part), ctx.get(r.whole)) for r in explicit]
    claim = share.claim
    assert isinstance(claim, Share)
    parts = [p for p in ctx.same_key(share, Quantity) if p.measure is not None]
    wholes = [w for w in ctx.by_metric(key(claim.of), share.when, Quantity) if w.measure is not None]
    wholes = [w for w in wholes if all(w is not p for p in parts)]
    return [(p, w) for p in parts or [None] for w in wholes or [None] if p is not None or w is not None]


def check(ctx: Context) -> Iterator[Verdict | Derived]:
    lang = ctx.language
    for share in ctx.of_kind(Share):
        if share.measure is None:
            continue
        claim = share.claim
        assert isinstance(claim, Share)
        s = share.measure.fraction()
        share_fig = Fig(share.measure.value, share.measure.unit or "percent")
        for part, whole in _partners(ctx, share):
            if part is not None and whole is not None and part.measure and whole.measure:
                pm, wm = part.measure, whole.measure
                whole_value = convert(wm, pm.unit, pm.period)
                if whole_value is None:
                    yield verdict(__name__, [share, part, whole], "unverifiable",
                                  say(lang, UNITS, part=part.printed, whole=whole.printed))
                    continue
                implied = s * whole_value
                comp = computation(ctx.policy, "part = share × whole",
                                   [("share", share, s, None), ("whole", whole, whole_value, pm.unit),
                                    ("part", part, pm.value, pm.unit)], implied, pm.unit, pm.value)
                figs = dict(share=share_fig, whole=Fig(whole_value, pm.unit, period=pm.period),
                            implied=Fig(implied, pm.unit, period=pm.period),
                            part=Fig(pm.value, pm.unit, period=pm.period))
                if implied.meets(pm.value):
                    yield verdict(__name__, [share, part, whole], "consistent", say(lang, FIT, **figs), comp)
                else:
                    gap = Fig(implied.__class__.point(implied.gap(pm.value)), pm.unit)
                    yield verdict(__name__, [share, part, whole], "inconsistent", say(lang, MISS, margin=gap, **figs),
                                  comp, cause=slip(lang, pm.value, implied))
            elif part is not None and part.measure is not None:
                pm = part.measure
                implied = pm.value / s
                d = derived("implied_whole", say(lang, {"en": "Implied '{of}'", "ar": "«{of}» المستنتجة"},
                                                of=claim.of), implied, pm.unit, "whole = part / share", [part, share])
                comp = computation(ctx.policy, "whole = part / share",
                                   [("part", part, pm.value, pm.unit), ("share", share, s, None)], implied, pm.unit)
                yield verdict(__name__, [share, part], "unverifiable",
                              say(lang, IMPLIED_WHOLE, part=Fig(pm.value, pm.unit, period=pm.period), share=share_fig,
                                  of=claim.of, implied=Fig(implied, pm.unit, period=pm.period)), comp, derived=[d])
            elif whole is not None and whole.measure is not None:
                wm = whole.measure
                implied = s * wm.value
                d = derived("implied_part", say(lang, {"en": "Implied part of '{of}'", "ar": "الجزء المستنتج من «{of}»"},
                                                of=claim.of), implied, wm.unit, "part = share × whole", [share, whole])
                comp = computation(ctx.policy, "part = share × whole",
                                   [("share", share, s, None), ("whole", whole, wm.value, wm.unit)], implied, wm.unit)
                yield verdict(__name__, [share, whole], "unverifiable",
                              say(lang, IMPLIED_PART, share=share_fig, whole=Fig(wm.value, wm.unit, period=wm.period),
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
    Example("Without a figure for the whole, the implied whole is shown",
            claims=[{"kind": "quantity", "id": "rev", "value": "about $12.3 billion a year", **_US},
                    {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue", **_US}],
            expect="unverifiable", derived={"implied_whole": ("17000000000", "19200000000")}),
]
