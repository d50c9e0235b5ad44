"""A profit is revenue minus costs

What: When an article gives a company's (or a club's, a project's) revenue, its costs and its profit — or loss, a
negative profit — for the same period, the profit must be revenue minus costs, within the ranges the printed figures
allow. Three forms are known, each with its own terms so that they never mix: profit = revenue − costs, operating
profit = revenue − operating costs (résultat d'exploitation = produits − charges d'exploitation), gross profit =
revenue − cost of sales (``rules/data/identities.toml``).
Why: Results stories copy three figures from a statement; a loss printed as a profit, or costs from another line of
the statement, leaves a profit that the other two figures cannot give.
Example: French handball's first division in 2017/2018: operating income of €72,216,457 and operating costs of
€72,078,467 leave an operating result of €137,990, as the league's audit committee reported.

Pairing: all three terms, read, for the same subject, scope, time and source, with the same qualifier ('financial'
income, charges and result meet each other, not the operating ones); otherwise nothing is said. A 'net profit' is not
revenue minus costs (taxes and financial items lie between), so it is not one of the terms.
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.arithmetic._identity import difference, identified
from rules.context import Context
from rules.model import Verdict
from rules.registry import Example


def applies(ctx: Context) -> bool:
    """Only when the labels name every term of its identity (``rules.identities.found``)."""
    return identified(ctx, __name__)


def check(ctx: Context) -> Iterator[Verdict]:
    yield from difference(ctx, __name__)


_LNH = "https://docs.lnh.fr/cnacg2022/48-49/"
_D1 = {"subject": "clubs de première division", "time": "2017/2018"}
_D2 = {"subject": "clubs de première division", "time": "2018/2019"}
EXAMPLES = [
    Example("Handball, première division, 2017/2018 : produits 72 216 457 €, charges 72 078 467 €, résultat "
            "d'exploitation 137 990 €", language="fr",
            claims=[{"kind": "quantity", "id": "p", "value": "72 216 457 €", "metric": "total produits d'exploitation", **_D1},
                    {"kind": "quantity", "id": "c", "value": "72 078 467 €", "metric": "total charges d'exploitation", **_D1},
                    {"kind": "quantity", "id": "r", "value": "137 990 €", "metric": "résultat d'exploitation", **_D1}],
            expect="consistent", says=("charges d'exploitation",), source=_LNH),
    Example("2018/2019 : produits financiers 17 087 €, charges financières 119 751 €, résultat financier -102 664 €",
            language="fr",
            claims=[{"kind": "quantity", "id": "p", "value": "17 087 €", "metric": "total produits financiers", **_D2},
                    {"kind": "quantity", "id": "c", "value": "119 751 €", "metric": "total charges financières", **_D2},
                    {"kind": "quantity", "id": "r", "value": "-102 664 €", "metric": "résultat financier", **_D2}],
            expect="consistent", source=_LNH),
    Example("2018/2019 with the operating loss printed without its minus sign: €10,903,603 cannot be a profit when "
            "costs of €73.9 million exceed €63.0 million of income", language="fr",
            claims=[{"kind": "quantity", "id": "p", "value": "63 025 090 €", "metric": "produits d'exploitation", **_D2},
                    {"kind": "quantity", "id": "c", "value": "73 928 693 €", "metric": "charges d'exploitation", **_D2},
                    {"kind": "quantity", "id": "r", "value": "10 903 603 €", "metric": "résultat d'exploitation", **_D2}],
            expect="inconsistent", source=_LNH),
    Example("2018/2019 in millions: €63.0 million of income and €73.9 million of costs against an operating loss "
            "printed as €11.0 million: it meets only at the end of every rounding", language="fr",
            claims=[{"kind": "quantity", "id": "p", "value": "63,0 millions d'euros", "metric": "produits d'exploitation", **_D2},
                    {"kind": "quantity", "id": "c", "value": "73,9 millions d'euros", "metric": "charges d'exploitation", **_D2},
                    {"kind": "quantity", "id": "r", "value": "11,00 millions d'euros", "metric": "perte d'exploitation", **_D2}],
            expect="doubtful", source=_LNH),
]
