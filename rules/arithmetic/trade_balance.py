"""A trade balance is exports minus imports

What: When an article gives exports, imports and the trade balance (a surplus, or a deficit, which is a negative
balance) of one country or partner for the same period, the balance must be exports minus imports within the ranges
the printed figures allow. The terms are found from the claims' labels in every language (exports / صادرات /
exportations / exportaciones / Ausfuhren, imports / واردات / importations / importaciones / Einfuhren, trade deficit
/ عجز الميزان التجاري / déficit commercial / déficit comercial / Handelsdefizit: ``rules/data/identities.toml``).
Why: Trade releases give three figures and articles copy them by hand: a deficit that is not the gap between the
exports and imports printed beside it tells the reader one of them was mistyped or taken from another month.
Example: Morocco in 2017: imports of 435.2 billion dirhams and exports of 245 billion leave a deficit of 190.2
billion dirhams, as the Office des changes said.

Pairing: all three terms, read, for the same subject (country), scope (partner), time and source, with the same
qualifier ('goods exports' meets only 'goods imports' and a goods balance); otherwise nothing is said. The verdict
names the identity it assumed.
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


_MA = {"subject": "Maroc", "time": "2017"}
_EG = {"subject": "مصر", "time": "يوليو 2015"}
_CN = {"subject": "United States", "scope": "China", "time": "2017"}
EXAMPLES = [
    Example("Maroc, 2017 : importations de 435,2 milliards de dirhams, exportations de 245 milliards, déficit de 190,2 "
            "milliards", language="fr",
            claims=[{"kind": "quantity", "id": "imp", "value": "435,2 milliards de dirhams", "metric": "importations", **_MA},
                    {"kind": "quantity", "id": "exp", "value": "245 milliards de dirhams", "metric": "exportations", **_MA},
                    {"kind": "quantity", "id": "def", "value": "190,2 milliards de dirhams", "metric": "déficit commercial",
                     **_MA}],
            expect="consistent", says=("exportations moins les importations",),
            source="http://allafrica.com/stories/201802020928.html"),
    Example("عجز الميزان التجاري المصري في يوليو: 34.7 مليار جنيه، صادرات 13.1 مليار وواردات 47.8 مليار",
            language="ar",
            claims=[{"kind": "quantity", "id": "def", "value": "34.7 مليار جنيه", "metric": "عجز الميزان التجاري", **_EG},
                    {"kind": "quantity", "id": "exp", "value": "13.1 مليار جنيه", "metric": "الصادرات المصرية", **_EG},
                    {"kind": "quantity", "id": "imp", "value": "47.8 مليار جنيه", "metric": "قيمة الواردات", **_EG}],
            expect="consistent",
            source="https://arabi21.co/story/868707/"),
    Example("'We lost $504 billion' to China in 2017: imports of $505 billion and exports of $130 billion make a "
            "deficit of about $375 billion",
            claims=[{"kind": "quantity", "id": "lost", "value": "$504 billion", "metric": "trade deficit", **_CN}],
            references=[{"kind": "quantity", "id": "imp", "value": "$505 billion", "metric": "imports", **_CN,
                         "source": "U.S. Census Bureau"},
                        {"kind": "quantity", "id": "exp", "value": "$130 billion", "metric": "exports", **_CN,
                         "source": "U.S. Census Bureau"}],
            expect="inconsistent",
            source="https://www.ajc.com/news/national-govt--politics/politifact-trump-inflates-size-trade-deficit-with-china/Zr5d7qW8mL58JrdKarXqOP/"),
    Example("Egypt, August 2013: a deficit of 16.8 billion pounds, imports of 30.7 billion, exports printed as 13.80 "
            "billion (two decimals) instead of 13.8: it fits only at the edge of the rounding",
            claims=[{"kind": "quantity", "id": "def", "value": "EGP 16.8 billion", "metric": "trade deficit",
                     "subject": "Egypt", "time": "August 2013"},
                    {"kind": "quantity", "id": "imp", "value": "EGP 30.7 billion", "metric": "imports",
                     "subject": "Egypt", "time": "August 2013"},
                    {"kind": "quantity", "id": "exp", "value": "EGP 13.80 billion", "metric": "exports",
                     "subject": "Egypt", "time": "August 2013"}],
            expect="doubtful",
            source="https://arabi21.org/storyamp/713300/"),
]
