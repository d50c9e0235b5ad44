"""A net figure is the gross figure minus the deductions

What: When an article gives a gross amount (a salary, a wage, an income), the deductions taken from it and the net
amount that is left, for the same subject and period, the net must be the gross minus the deductions, within the
ranges the printed figures allow. The terms are the same thing named net and gross (net salary / gross salary,
صافي الراتب / إجمالي الراتب, salaire net / brut, salario neto / bruto, Nettogehalt / Bruttogehalt) and the
deductions (deductions / الاستقطاعات / retenues / deducciones / Abzüge), which may be named without the thing.
Why: Pay and benefit stories turn on what is left after tax; a net figure that the gross and the deductions beside
it cannot give misleads every reader who compares it with their own payslip.
Example: A gross monthly salary of €2,000 with €622.57 of deductions leaves €1,377.43 net.

Pairing: the net and the gross must name the same thing (the words besides 'net' and 'gross' must be the same); the
deductions may be named alone. All three for the same subject, scope, time and source; otherwise nothing is said.
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


_SRC = "https://emigrate4work.com/gehalt/"
_A = {"subject": "Beispiel A, Steuerklasse 1"}
_B = {"subject": "Beispiel B, Steuerklasse 3"}
EXAMPLES = [
    Example("Steuerklasse 1: 2.000 Euro brutto im Monat, Abzüge 622,57 Euro, netto 1.377,43 Euro", language="de",
            claims=[{"kind": "quantity", "id": "g", "value": "2.000 Euro monatlich", "metric": "Brutto-Gehalt", **_A},
                    {"kind": "quantity", "id": "d", "value": "622,57 Euro monatlich", "metric": "Abzüge gesamt", **_A},
                    {"kind": "quantity", "id": "n", "value": "1.377,43 Euro monatlich", "metric": "Nettogehalt", **_A}],
            expect="consistent", says=("Bruttobetrag minus Abzüge",), source=_SRC),
    Example("Steuerklasse 3, im Jahr: 24.000 Euro brutto, Abzüge 5.021,28 Euro, netto 18.978,72 Euro", language="de",
            claims=[{"kind": "quantity", "id": "g", "value": "24.000 Euro jährlich", "metric": "Brutto-Gehalt", **_B},
                    {"kind": "quantity", "id": "d", "value": "5.021,28 Euro jährlich", "metric": "Abzüge gesamt", **_B},
                    {"kind": "quantity", "id": "n", "value": "18.978,72 Euro jährlich", "metric": "Nettogehalt", **_B}],
            expect="consistent", source=_SRC),
    Example("Steuerklasse 3 with the class 1 deductions copied in: 2.000 Euro minus 622,57 Euro is not 1.581,56 Euro",
            language="de",
            claims=[{"kind": "quantity", "id": "g", "value": "2.000 Euro monatlich", "metric": "Brutto-Gehalt", **_B},
                    {"kind": "quantity", "id": "d", "value": "622,57 Euro monatlich", "metric": "Abzüge gesamt", **_B},
                    {"kind": "quantity", "id": "n", "value": "1.581,56 Euro monatlich", "metric": "Nettogehalt", **_B}],
            expect="inconsistent", source=_SRC),
    Example("Gross pay of €2,000.0 a month, deductions of €623 and take-home pay of €1,376.4: they meet only at the "
            "end of every rounding",
            claims=[{"kind": "quantity", "id": "g", "value": "€2,000.0 a month", "metric": "gross salary", **_A},
                    {"kind": "quantity", "id": "d", "value": "€623 a month", "metric": "deductions", **_A},
                    {"kind": "quantity", "id": "n", "value": "€1,376.4 a month", "metric": "net salary", **_A}],
            expect="doubtful", source=_SRC),
]
