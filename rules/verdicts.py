"""Building verdicts: the structured computation every verdict carries, and the slips that explain a miss.

``computation`` lays out a check the way a fact-checker would: the formula, each input as printed with the
range it stands for, the computed range, the range it was compared with, the policy applied to each input,
and the margin by which the two miss (0 when they meet). ``slip`` tries the factors newsrooms get wrong
(×1 000 for million/billion, ×12 / ×52 / ×365 for a period, ×100 for a fraction read as a percent) and names
the one that reconciles the figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from rules.context import Item
from rules.explain import as_range, say
from rules.interval import Interval, outward
from rules.model import Cause, Computation, Derived, Input, Text, Verdict
from rules.policy import Policy

__all__ = ["computation", "derived", "slip", "verdict"]


def verdict(module: str, items: Sequence[Item], status: str, explanation: Text,
            computation: Computation | None = None, cause: Cause | None = None,
            derived: Sequence[Derived] = ()) -> Verdict:
    return Verdict(rule=module.rsplit(".", 1)[-1], claims=[i.id for i in items], status=status,  # type: ignore[arg-type]
                   explanation=explanation, computation=computation, cause=cause, derived=list(derived))


def computation(policy: Policy, formula: str, inputs: Sequence[tuple[str, Item, Interval, str | None]],
                result: Interval, unit: str | None, compared: Interval | None = None) -> Computation:
    notes = [f"{item.printed}: {', '.join(item.measure.notes) or 'printed precision'}"
             for _, item, _, _ in inputs if item.measure is not None]
    margin = margin_relative = None
    if compared is not None:
        gap = result.gap(compared)
        margin = outward(gap, up=True)
        ref = compared.mid if compared.mid else result.mid
        margin_relative = outward(gap / abs(ref), 6, up=True) if ref else None
    return Computation(formula=formula,
                       inputs=[Input(name=n, claim=i.id, printed=i.printed, range=as_range(v, u))
                               for n, i, v, u in inputs],
                       result=as_range(result, unit), compared_with=as_range(compared, unit) if compared else None,
                       policy="; ".join([policy.name, *notes]), margin=margin, margin_relative=margin_relative)


def derived(name: str, label: Text, value: Interval, unit: str | None, formula: str,
            items: Sequence[Item]) -> Derived:
    return Derived(name=name, label=label, range=as_range(value, unit), formula=formula, claims=[i.id for i in items])


_SLIPS: tuple[tuple[str, Fraction, dict[str, str]], ...] = (
    ("scale_1000", Fraction(1000), {
        "en": "The figures fit if one of them is a thousand times off: million and billion (or thousand and "
              "million) confused.",
        "ar": "تتسق الأرقام إذا كان أحدها مضروبًا في ألف خطأً: خلط بين المليون والمليار (أو الألف والمليون).",
        "fr": "Les chiffres concordent si l'un est mille fois trop grand ou petit : millions et milliards confondus.",
        "es": "Las cifras cuadran si una está multiplicada por mil: millones y miles de millones confundidos.",
        "de": "Die Zahlen passen, wenn eine um den Faktor tausend abweicht: Millionen und Milliarden verwechselt."}),
    ("period_12", Fraction(12), {
        "en": "The figures fit if a monthly figure was given as yearly (or the reverse): a factor of 12.",
        "ar": "تتسق الأرقام إذا قُدّم رقم شهري على أنه سنوي (أو العكس): فارق بمعامل 12.",
        "fr": "Les chiffres concordent si un chiffre mensuel a été présenté comme annuel (ou l'inverse) : ×12.",
        "es": "Las cifras cuadran si una cifra mensual se dio como anual (o al revés): un factor de 12.",
        "de": "Die Zahlen passen, wenn ein Monatswert als Jahreswert angegeben wurde (oder umgekehrt): Faktor 12."}),
    ("period_52", Fraction(52), {
        "en": "The figures fit if a weekly figure was given as yearly (or the reverse): a factor of 52.",
        "ar": "تتسق الأرقام إذا قُدّم رقم أسبوعي على أنه سنوي (أو العكس): فارق بمعامل 52.",
        "fr": "Les chiffres concordent si un chiffre hebdomadaire a été présenté comme annuel : ×52.",
        "es": "Las cifras cuadran si una cifra semanal se dio como anual (o al revés): un factor de 52.",
        "de": "Die Zahlen passen, wenn ein Wochenwert als Jahreswert angegeben wurde: Faktor 52."}),
    ("period_365", Fraction(365), {
        "en": "The figures fit if a daily figure was given as yearly (or the reverse): a factor of 365.",
        "ar": "تتسق الأرقام إذا قُدّم رقم يومي على أنه سنوي (أو العكس): فارق بمعامل 365.",
        "fr": "Les chiffres concordent si un chiffre quotidien a été présenté comme annuel : ×365.",
        "es": "Las cifras cuadran si una cifra diaria se dio como anual (o al revés): un factor de 365.",
        "de": "Die Zahlen passen, wenn ein Tageswert als Jahreswert angegeben wurde: Faktor 365."}),
    ("percent_100", Fraction(100), {
        "en": "The figures fit if a fraction was read as a percentage (or the reverse): a factor of 100.",
        "ar": "تتسق الأرقام إذا قُرئ كسر على أنه نسبة مئوية (أو العكس): فارق بمعامل 100.",
        "fr": "Les chiffres concordent si une fraction a été lue comme un pourcentage : ×100.",
        "es": "Las cifras cuadran si una fracción se leyó como porcentaje (o al revés): un factor de 100.",
        "de": "Die Zahlen passen, wenn ein Bruch als Prozentwert gelesen wurde: Faktor 100."}),
)


def slip(language: str, reported: Interval, expected: Interval,
         candidates: Sequence[str] | None = None) -> Cause | None:
    """The first known slip whose factor (either way) makes ``reported`` meet ``expected``."""
    for code, k, text in _SLIPS:
        if candidates is not None and code not in candidates:
            continue
        for factor in (k, 1 / k):
            if (reported * factor).meets(expected):
                return Cause(code=code, factor=outward(factor), explanation=say(language, text))
    return None
