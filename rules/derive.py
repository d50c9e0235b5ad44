"""The relations between figures, declared as sympy equations and solved for every unknown — ahead of time.

``python -m rules.derive`` (``make equations``) solves each relation below for each of its symbols, prints every
solution as Python source with exact rationals (``Fraction(1, 100)``, never ``1/100``), and writes what it found to
``rules/solved.py``: the formulas shown to readers, the sources compiled at start by ``rules/equations.py``, and
whether each solution uses every figure once (``tight``). A check never imports sympy (it cost 0.66 s of every
process's start); ``tests/test_equations_and_causes.py`` fails when ``rules/solved.py`` differs from what these
declarations give, and checks each solution against its equation with sympy."""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter
from sympy.printing.str import StrPrinter

SOLVED = Path(__file__).with_name("solved.py")


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


def _declare(name: str, lhs: sp.Symbol, rhs: sp.Expr) -> dict:
    equation = sp.Eq(lhs, rhs)
    symbols = tuple(sorted((s for s in equation.free_symbols if isinstance(s, sp.Symbol)), key=lambda s: s.name))
    printer = _Printer()
    solved = {}
    for unknown in symbols:
        solutions = sp.solve(equation, unknown, dict=True)
        if len(solutions) != 1:
            raise ValueError(f"{name}: {unknown} has {len(solutions)} solutions; declare a relation with one")
        solution = sp.simplify(solutions[0][unknown])
        args = [s.name for s in symbols if s != unknown]
        solved[unknown.name] = {"args": tuple(args), "source": printer.doprint(solution),
                                "formula": f"{unknown.name} = {_text(solution)}",
                                "tight": all(solution.count(s) <= 1 for s in solution.free_symbols)}
    return {"name": name, "text": f"{_text(lhs)} = {_text(rhs)}", "symbols": tuple(s.name for s in symbols),
            "solved": solved, "equation": equation}


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

DECLARED = {e["name"]: e for e in (SHARE, PER_UNIT, RATE, CHANGE_PERCENT, CHANGE_BY, CHANGE_FACTOR, SUM)}
del part, share, whole, total, count, each, target, rate, n, before, after, k, pct, delta, parts, rest, whole_sum


def solved() -> dict:
    """What ``rules/solved.py`` must hold: every relation without its sympy equation."""
    return {name: {k: v for k, v in e.items() if k != "equation"} for name, e in DECLARED.items()}


def source() -> str:
    return ('"""Written by ``python -m rules.derive`` (``make equations``) from the sympy declarations in\n'
            '``rules/derive.py``: do not edit."""\n\n'
            f"SOLVED = {pprint.pformat(solved(), width=116, sort_dicts=True)}\n")


if __name__ == "__main__":
    SOLVED.write_text(source(), "utf-8")
    print(f"{SOLVED}: {len(DECLARED)} relations", file=sys.stderr)
