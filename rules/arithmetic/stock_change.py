"""A stock changes by its inflows minus its outflows

What: When an article gives what flowed into a stock, what flowed out and the net change, for the same subject,
scope and period, the net change must be the inflows minus the outflows, within the ranges the printed figures
allow: net migration = immigration − emigration, the natural change of a population = births − deaths (a natural
decrease, a 'Geburtendefizit', is negative), a net flow = inflows − outflows (``rules/data/identities.toml``).
Why: Migration and population figures are quoted in threes, and a net figure that its two flows cannot give —
usually one flow from another year or another definition — changes the story's headline number.
Example: The ONS's year to June 2023: immigration of 1.2 million and emigration of 508,000 make net migration of 642,000
to 742,000; the 672,000 published is within that.

Pairing: all three terms, read, for the same subject, scope, time and source; otherwise nothing is said. Each form
has its own terms: births and deaths never meet net migration.
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


_ONS = "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/internationalmigration/bulletins/longterminternationalmigrationprovisional/latest"
_UK = {"subject": "United Kingdom"}
_DE = {"subject": "Deutschland", "time": "2023"}
EXAMPLES = [
    Example("UK, year ending June 2023: immigration 1.2 million, emigration 508,000, net migration 672,000",
            claims=[{"kind": "quantity", "id": "in", "value": "1.2 million", "metric": "total long-term immigration", **_UK},
                    {"kind": "quantity", "id": "out", "value": "508,000", "metric": "emigration", **_UK},
                    {"kind": "quantity", "id": "net", "value": "672,000", "metric": "net migration", **_UK}],
            expect="consistent", says=("immigration minus emigration",), source=_ONS),
    Example("Ukraine und Deutschland 2023: 277.000 Zuzüge, 156.000 Fortzüge, Nettozuwanderung 121.000", language="de",
            claims=[{"kind": "quantity", "id": "in", "value": "rund 277.000", "metric": "Zuzüge", "scope": "Ukraine", **_DE},
                    {"kind": "quantity", "id": "out", "value": "156.000", "metric": "Fortzüge", "scope": "Ukraine", **_DE},
                    {"kind": "quantity", "id": "net", "value": "121.000", "metric": "Nettozuwanderung", "scope": "Ukraine",
                     **_DE}],
            expect="consistent", source="https://www.hagen-atw.de/Aktuelles/Aktuelle-Statistikinformationen.html"),
    Example("Deutschland 2023: 680.000 bis 700.000 Geborene, mindestens 1,02 Millionen Gestorbene, ein Geburtendefizit "
            "von mindestens 320.000", language="de",
            claims=[{"kind": "quantity", "id": "b", "value": "680.000 bis 700.000", "metric": "Geborene", **_DE},
                    {"kind": "quantity", "id": "d", "value": "mindestens 1,02 Millionen", "metric": "Gestorbene", **_DE},
                    {"kind": "quantity", "id": "n", "value": "mindestens 320.000", "metric": "Geburtendefizit", **_DE}],
            expect="consistent", source="https://www.tagesspiegel.de/politik/847-millionen-menschen-in-der-bundesrepublik-bevolkerungszahl-in-deutschland-klettert-auf-rekordwert-11107594.html"),
    Example("The ONS figures with emigration printed as 608,000: 1.2 million minus 608,000 cannot make 672,000",
            claims=[{"kind": "quantity", "id": "in", "value": "1.2 million", "metric": "immigration", **_UK},
                    {"kind": "quantity", "id": "out", "value": "608,000", "metric": "emigration", **_UK},
                    {"kind": "quantity", "id": "net", "value": "672,000", "metric": "net migration", **_UK}],
            expect="inconsistent", source=_ONS),
    Example("The ONS figures with net migration printed as 743,000: it fits only if 1.2 million was 1.25 million and 508,000 was 507,500",
            claims=[{"kind": "quantity", "id": "in", "value": "1.2 million", "metric": "immigration", **_UK},
                    {"kind": "quantity", "id": "out", "value": "508,000", "metric": "emigration", **_UK},
                    {"kind": "quantity", "id": "net", "value": "743,000", "metric": "net migration", **_UK}],
            expect="doubtful", source=_ONS),
]
