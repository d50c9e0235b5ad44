"""The relations between figures, declared once as equations and solved for every unknown when the process starts.

Each relation is a sympy equation over named figures (``part = share × whole``). At import, sympy solves it for
each of its symbols, and each solution is printed as Python source with exact rationals (``Fraction(1, 100)``,
never ``1/100``) and compiled into a function of ``Interval``s. Rules call the compiled functions:

>>> SHARE.solve("whole", part=Interval.of("12.25e9", "12.35e9"), share=Interval.of("0.675", "0.685")).low
Fraction(2450000000000, 137)

Nothing here ever sees request text: the equations are written below, in code, and a request only supplies the
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

import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter
from sympy.printing.str import StrPrinter

from rules.interval import Interval

__all__ = ["CHANGE_BY", "CHANGE_FACTOR", "CHANGE_PERCENT", "EQUATIONS", "Equation", "PER_UNIT", "RATE", "SHARE",
           "SUM"]


class _Printer(PythonCodePrinter):
    """Python source for a solution, with exact rationals: ``Fraction(1, 100)``, not the float ``1/100``."""

    def _print_Rational(self, expr: sp.Rational) -> str:
        return f"Fraction({expr.p}, {expr.q})"

    def _print_Integer(self, expr: sp.Integer) -> str:
        return str(expr.p)


class _Text(StrPrinter):
    """The formula as shown to readers: positive terms first ('sum - parts'), × and / spaced."""

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        out = ""
        for term in sorted(expr.args, key=lambda t: (t.could_extract_minus_sign(), sp.default_sort_key(t))):
            negative = term.could_extract_minus_sign()
            text = self.parenthesize(-term if negative else term, precedence(expr))
            out += (" - " if negative else " + ") + text if out else ("-" if negative else "") + text
        return out


def _text(expr: sp.Expr) -> str:
    return _Text().doprint(expr).replace("*", " × ").replace("/", " / ")


@dataclass(frozen=True)
class Equation:
    """One relation: its equation as text, and for each figure in it the formula and compiled solver."""

    name: str
    equation: sp.Eq
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


def _declare(name: str, lhs: sp.Symbol, rhs: sp.Expr) -> Equation:
    equation = sp.Eq(lhs, rhs)
    symbols = tuple(sorted((s for s in equation.free_symbols if isinstance(s, sp.Symbol)), key=lambda s: s.name))
    formulas: dict[str, str] = {}
    tight: dict[str, bool] = {}
    solvers: dict[str, Callable[..., Interval]] = {}
    printer = _Printer()
    for unknown in symbols:
        solutions = sp.solve(equation, unknown, dict=True)
        if len(solutions) != 1:
            raise ValueError(f"{name}: {unknown} has {len(solutions)} solutions; declare a relation with one")
        solution = sp.simplify(solutions[0][unknown])
        args = [s.name for s in symbols if s != unknown]
        source = f"def solve({', '.join(args)}):\n    return {printer.doprint(solution)}\n"
        namespace: dict[str, object] = {"Fraction": Fraction}
        exec(compile(source, f"<equation {name}: {unknown}>", "exec"), namespace)  # our own equations, never input
        solvers[unknown.name] = namespace["solve"]  # type: ignore[assignment]
        formulas[unknown.name] = f"{unknown.name} = {_text(solution)}"
        tight[unknown.name] = all(solution.count(s) <= 1 for s in solution.free_symbols)
    return Equation(name=name, equation=equation, text=f"{_text(lhs)} = {_text(rhs)}", symbols=tuple(s.name for s in symbols),
                    formulas=formulas, tight=tight, solvers=solvers)


_pos = {"positive": True}
part, share, whole = sp.symbols("part share whole", **_pos)
total, count, each = sp.symbols("total count each", **_pos)
target, rate, n = sp.symbols("target rate n", **_pos)
before, after, k = sp.symbols("before after k", **_pos)
pct, delta = sp.symbols("pct delta", real=True)
parts, rest, whole_sum = sp.symbols("parts rest sum", real=True)

#: a share of a whole: "68 % of global revenue is $12.3 B"
SHARE = _declare("share", part, share * whole)
#: a total spread over a count: "$12.3 B from 170 M users, $72 each"
PER_UNIT = _declare("per_unit", total, count * each)
#: the same flow over another period: n source periods in a target period ("× 12 months")
RATE = _declare("rate", target, rate * n)
#: a change stated in percent: "rose 25 %"
CHANGE_PERCENT = _declare("change_percent", after, before * (1 + pct / 100))
#: a change stated as an amount or in percentage points: "rose by $2 B", "up 3 points"
CHANGE_BY = _declare("change_by", after, before + delta)
#: a change stated as a factor: "doubled", "tripled", "halved", "2.5 times"
CHANGE_FACTOR = _declare("change_factor", after, before * k)
#: a total and its parts: the parts stated add up to ``parts``; what they leave out is ``rest``
SUM = _declare("sum", whole_sum, parts + rest)

EQUATIONS: dict[str, Equation] = {e.name: e for e in (SHARE, PER_UNIT, RATE, CHANGE_PERCENT, CHANGE_BY,
                                                      CHANGE_FACTOR, SUM)}
del part, share, whole, total, count, each, target, rate, n, before, after, k, pct, delta, parts, rest, whole_sum
