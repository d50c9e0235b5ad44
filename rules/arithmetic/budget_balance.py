"""A budget balance is revenue minus spending

What: When an article gives a government's (or any budget's) revenue, its spending and its balance — a surplus, or
a deficit, which is a negative balance — for the same subject, scope and period, the balance must be revenue minus
spending, within the ranges the printed figures allow. Nobody states the identity; the terms are found from the
claims' own labels in every language (revenue / receipts / إيرادات / recettes / ingresos / Einnahmen, spending /
expenditure / مصروفات / dépenses / gastos / Ausgaben, deficit / عجز / déficit / Defizit, surplus / فائض / excédent /
superávit / Überschuss: ``rules/data/identities.toml``), matched as bags of stems like pairing labels.
Why: A deficit that is not the gap between the two figures beside it is the commonest slip in budget stories: a
transposed digit, a figure from the wrong quarter, revenue and spending swapped. The reader cannot tell which of
the three is wrong, but can see that they do not fit.
Example: Saudi Arabia's third quarter of 2024: revenue SR309 billion, spending SR339 billion, deficit SR30 billion:
309 − 339 = −31 to −29 billion, and a deficit of 30 billion is a balance of −30.5 to −29.5 billion: they fit.

Pairing: the identity is applied only when all three terms are present, read, for the same subject, scope, time,
whole (``of``, for shares of GDP) and source, with the same qualifier ('oil revenue' meets only 'oil spending'); a
missing term, another period or another source means nothing is said. The verdict says which identity it assumed.
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.arithmetic._identity import difference, identified
from rules.context import Context
from rules.model import Verdict
from rules.registry import Example

_SA = {"subject": "Saudi Arabia"}
_SA_AR = {"subject": "السعودية"}


def applies(ctx: Context) -> bool:
    """Only when the labels name every term of its identity (``rules.identities.found``)."""
    return identified(ctx, __name__)


def check(ctx: Context) -> Iterator[Verdict]:
    yield from difference(ctx, __name__)


EXAMPLES = [
    Example("Saudi Arabia, third quarter of 2024: SR309 billion in, SR339 billion out, a deficit of SR30 billion",
            claims=[{"kind": "quantity", "id": "rev", "value": "309 billion riyals", "metric": "revenues", "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "exp", "value": "339 billion riyals", "metric": "total expenditures",
                     "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "def", "value": "30 billion riyals", "metric": "budget deficit",
                     "time": "Q3 2024", **_SA}],
            expect="consistent", says=("revenue minus spending",),
            source="https://sauress.com/en/saudigazette/1646761"),
    Example("ميزانية الربع الثالث 2024: إيرادات 309.2 مليارات ريال وإنفاق 339.44 مليار ريال وعجز يقارب 30 مليار ريال",
            language="ar",
            claims=[{"kind": "quantity", "id": "rev", "value": "309.2 مليارات ريال", "metric": "إيرادات الميزانية",
                     "time": "الربع الثالث من 2024", **_SA_AR},
                    {"kind": "quantity", "id": "exp", "value": "339.44 مليار ريال", "metric": "الإنفاق",
                     "time": "الربع الثالث من 2024", **_SA_AR},
                    {"kind": "quantity", "id": "def", "value": "ما يقارب 30 مليار ريال", "metric": "العجز في الميزانية",
                     "time": "الربع الثالث من 2024", **_SA_AR}],
            expect="consistent", says=("الإيرادات ناقص المصروفات",),
            source="https://sauress.com/alriyadh/2103144"),
    Example("عكاظ، الأشهر التسعة الأولى من 2025: مصروفات 1,106.8 مليار ريال وإيرادات 835,085 مليون ريال لا تعطي عجزاً "
            "قدره 181,758 مليون ريال (المصروفات كانت 1,016.8 مليار)", language="ar",
            claims=[{"kind": "quantity", "id": "exp", "value": "1,106.8 مليار ريال", "metric": "مصروفات الدولة",
                     "time": "الأشهر التسعة الأولى من 2025", **_SA_AR},
                    {"kind": "quantity", "id": "rev", "value": "835,085 مليون ريال", "metric": "الإيرادات",
                     "time": "الأشهر التسعة الأولى من 2025", **_SA_AR},
                    {"kind": "quantity", "id": "def", "value": "181,758 مليون ريال", "metric": "العجز",
                     "time": "الأشهر التسعة الأولى من 2025", **_SA_AR}],
            expect="inconsistent", says=("بفارق",),
            source="https://www.okaz.com.sa/economy/na/2219951"),
    Example("The same figures with the deficit printed as a surplus: SR30 billion cannot be a surplus when spending "
            "exceeds revenue",
            claims=[{"kind": "quantity", "id": "rev", "value": "309 billion riyals", "metric": "revenues", "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "exp", "value": "339 billion riyals", "metric": "expenditures",
                     "time": "Q3 2024", **_SA},
                    {"kind": "quantity", "id": "sur", "value": "a surplus of 30 billion riyals", "metric": "budget balance",
                     "time": "Q3 2024", **_SA}],
            expect="inconsistent", source="https://sauress.com/en/saudigazette/1646761"),
    Example("Second quarter of 2024 (SR353 billion in, SR369 billion out) with the deficit printed as SR17.0 billion "
            "instead of SR15.3 billion: it fits only if every figure sits at the end of its rounding",
            claims=[{"kind": "quantity", "id": "rev", "value": "353 billion riyals", "metric": "revenues", "time": "Q2 2024", **_SA},
                    {"kind": "quantity", "id": "exp", "value": "369 billion riyals", "metric": "expenditures",
                     "time": "Q2 2024", **_SA},
                    {"kind": "quantity", "id": "def", "value": "17.0 billion riyals", "metric": "deficit",
                     "time": "Q2 2024", **_SA}],
            expect="doubtful", source="https://sauress.com/en/saudigazette/1646761"),
]
