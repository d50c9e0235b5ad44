"""The relations between figures, solved ahead of time for every unknown and compiled when the process starts.

Each relation is an equation over named figures (``part = share × whole``), declared with sympy in
``rules/derive.py``, which solves it for each of its symbols and writes the solutions as Python source with exact
rationals (``Fraction(1, 100)``, never ``1/100``) to ``rules/solved.py`` (``make equations``). Here each solution is
compiled into a function of ``Interval``s; no check imports sympy. Rules call the compiled functions:

>>> SHARE.solve("whole", part=Interval.of("12.25e9", "12.35e9"), share=Interval.of("0.675", "0.685")).low
Fraction(2450000000000, 137)

Nothing here ever sees request text: the solutions are our own committed source, and a request only supplies the
intervals the compiled functions are called with. Evaluated on intervals, a solution in which every symbol appears
once gives the exact range of the unknown (``Equation.tight``); otherwise the range is wider than exact, which can
hide a miss but never invent one.

Sums of any number of parts are the one n-ary relation: the parts' intervals are added end by end
(``rules.interval.total``, as XBRL Calculations 1.1 does), and ``SUM`` relates that sum to the total and the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from rules.interval import Interval
from rules.solved import SOLVED

__all__ = ["CHANGE_BY", "CHANGE_FACTOR", "CHANGE_PERCENT", "EQUATIONS", "Equation", "PER_UNIT", "RATE", "SHARE",
           "SUM"]


@dataclass(frozen=True)
class Equation:
    """One relation: its equation as text, and for each figure in it the formula and compiled solver."""

    name: str
    text: str
    symbols: tuple[str, ...]
    formulas: Mapping[str, str]
    tight: Mapping[str, bool]
    solvers: Mapping[str, Callable[..., Interval]]

    def solve(self, unknown: str, **known: Interval | Fraction | int) -> Interval:
        """The range of ``unknown`` given the ranges of the other figures (keyword arguments by symbol name)."""
        return self.solvers[unknown](**known)

    def formula(self, unknown: str) -> str:
        """'whole = part / share': the equation solved for ``unknown``, as shown in verdicts."""
        return self.formulas[unknown]


def _compiled(name: str, unknown: str, args: tuple[str, ...], expression: str) -> Callable[..., Interval]:
    namespace: dict[str, object] = {"Fraction": Fraction}
    source = f"def solve({', '.join(args)}):\n    return {expression}\n"
    exec(compile(source, f"<equation {name}: {unknown}>", "exec"), namespace)  # our own solutions, never input
    return namespace["solve"]  # type: ignore[return-value]


def _equation(found: dict) -> Equation:
    solved = found["solved"]
    return Equation(name=found["name"], text=found["text"], symbols=tuple(found["symbols"]),
                    formulas={u: s["formula"] for u, s in solved.items()},
                    tight={u: s["tight"] for u, s in solved.items()},
                    solvers={u: _compiled(found["name"], u, tuple(s["args"]), s["source"]) for u, s in solved.items()})


EQUATIONS: dict[str, Equation] = {name: _equation(found) for name, found in SOLVED.items()}
#: a share of a whole: "68 % of global revenue is $12.3 B"
SHARE = EQUATIONS["share"]
#: a total spread over a count: "$12.3 B from 170 M users, $72 each"
PER_UNIT = EQUATIONS["per_unit"]
#: the same flow over another period: n source periods in a target period ("× 12 months")
RATE = EQUATIONS["rate"]
#: a change stated in percent: "rose 25 %"
CHANGE_PERCENT = EQUATIONS["change_percent"]
#: a change stated as an amount or in percentage points: "rose by $2 B", "up 3 points"
CHANGE_BY = EQUATIONS["change_by"]
#: a change stated as a factor: "doubled", "tripled", "halved", "2.5 times"
CHANGE_FACTOR = EQUATIONS["change_factor"]
#: a total and its parts: the parts stated add up to ``parts``; what they leave out is ``rest``
SUM = EQUATIONS["sum"]
