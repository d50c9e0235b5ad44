"""The relations rules check, and the slips named when figures miss: what a fact-checker relies on when a verdict
says "part = share × whole" or "a monthly figure given as yearly"."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import msgspec
import pytest
import sympy as sp

from rules.context import Context
from rules.equations import EQUATIONS, SHARE
from rules.interval import Interval
from rules.model import CheckRequest
from rules.causes import cause

ROOT = Path(__file__).resolve().parent.parent


def test_the_solutions_a_check_compiles_are_those_sympy_derives():
    """rules/solved.py is written by ``make equations`` from rules/derive.py; a change to either shows here."""
    from rules import derive

    assert (ROOT / "rules" / "solved.py").read_text("utf-8") == derive.source(), "run `make equations`"
    assert sorted(EQUATIONS) == sorted(derive.DECLARED)


def test_a_check_never_imports_sympy():
    import subprocess
    import sys

    code = "import sys, rules.engine, service.app; print('sympy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False", "the equations are solved ahead of time (rules/solved.py)"


@pytest.mark.parametrize("equation", EQUATIONS.values(), ids=lambda e: e.name)
def test_each_compiled_solution_satisfies_its_equation_exactly(equation):
    from rules.derive import DECLARED

    rnd = random.Random(4)
    declared = DECLARED[equation.name]["equation"]
    symbols = {s.name: s for s in declared.free_symbols}
    for unknown in equation.symbols:
        for _ in range(20):
            known = {name: Fraction(rnd.randint(1, 10 ** 6), rnd.randint(1, 10 ** 3)) for name in equation.symbols
                     if name != unknown}
            value = equation.solve(unknown, **{k: Interval.point(v) for k, v in known.items()})
            assert value.low == value.high and isinstance(value.low, Fraction)  # exact, never a float
            subs = {symbols[k]: sp.Rational(v.numerator, v.denominator) for k, v in {**known, unknown: value.low}.items()}
            eq = declared
            assert sp.simplify(eq.lhs.subs(subs) - eq.rhs.subs(subs)) == 0, (equation.name, unknown, known)
        assert equation.tight[unknown], f"{equation.formula(unknown)} repeats a figure: its range would be too wide"


def test_a_share_solved_for_the_whole_gives_the_exact_range():
    whole = SHARE.solve("whole", part=Interval.of("12.25e9", "12.35e9"), share=Interval.of("0.675", "0.685"))
    assert whole == Interval(Fraction("12.25e9") / Fraction("0.685"), Fraction("12.35e9") / Fraction("0.675"))
    assert SHARE.formula("whole") == "whole = part / share"


def _items(*claims, language="en"):
    ctx = Context(msgspec.convert({"document": {"language": language}, "claims": list(claims)}, CheckRequest))
    return ctx, list(ctx.items.values())


def test_one_slip_that_fits_is_named():
    ctx, items = _items({"kind": "quantity", "id": "m", "value": "47 billion views a month"},
                        {"kind": "quantity", "id": "y", "value": "47 billion views a year"})
    found = cause(ctx, Interval.of(46_500_000_000, 47_500_000_000), Interval.of(558_000_000_000, 570_000_000_000),
                  items)
    assert found is not None and found.code == "period_12" and "monthly" in found.explanation.en


def test_when_several_slips_fit_equally_none_is_named_and_the_cause_says_so():
    ctx, items = _items({"kind": "quantity", "id": "a", "value": "مليون يومياً"},
                        {"kind": "quantity", "id": "b", "value": "بين 2 و40 مليون شهرياً"}, language="ar")
    found = cause(ctx, Interval.of(1), Interval.of("2.25", "39.25"), items)
    assert found is not None and found.code == "several"
    assert set(found.candidates) == {"period_12", "period_30"}
    assert "none is named" in found.explanation.en and found.explanation.local
    # the slips are listed with each language's separator: the Arabic semicolon in Arabic
    assert "(×12)؛ " in found.explanation.local and "(×12); " in found.explanation.en


def test_a_period_slip_is_not_offered_when_no_figure_is_a_rate():
    ctx, items = _items({"kind": "quantity", "id": "a", "value": "12 employees"},
                        {"kind": "quantity", "id": "b", "value": "144 employees"})
    assert cause(ctx, Interval.of(12), Interval.of(144), items) is None


def test_a_separator_in_the_printed_figure_turns_a_thousand_times_into_a_decimal_comma():
    ctx, with_comma = _items({"kind": "quantity", "id": "a", "value": "€1,250 million"})
    ctx2, without = _items({"kind": "quantity", "id": "a", "value": "€1250 million"})
    assert cause(ctx, Interval.of(1250), Interval.of("1.25"), with_comma).code == "decimal_comma"  # type: ignore[union-attr]
    assert cause(ctx2, Interval.of(1250), Interval.of("1.25"), without).code == "scale_1000"  # type: ignore[union-attr]


def _change(before: str, after: str, change: str):
    from rules.engine import check
    request = msgspec.convert({"document": {"language": "en"}, "claims": [
        {"kind": "quantity", "id": "b", "value": before, "metric": "revenue", "time": "2024"},
        {"kind": "quantity", "id": "a", "value": after, "metric": "revenue", "time": "2025"},
        {"kind": "quantity", "id": "c", "value": change, "metric": "revenue"}],
        "relations": [{"kind": "change", "before": "b", "after": "a", "change": "c"}]}, CheckRequest)
    return next(v for v in check(request).verdicts if v.rule == "change")


def test_a_percentage_cut_rather_than_rounded_is_doubtful_and_says_so():
    # East Pipes' disclosure: 21.37281 % printed as 21.372 %
    v = _change("527,902,502 riyals", "640,730,104 riyals", "21.372%")
    assert v.status == "doubtful" and 1 < Fraction(v.computation.fit) <= 2
    assert "cut rather than rounded" in v.explanation.en and v.computation.margin == "0"
    assert _change("527,902,502 riyals", "640,730,104 riyals", "21.375%").status == "inconsistent"
    assert _change("527,902,502 riyals", "640,730,104 riyals", "21.373%").status == "consistent"


def test_no_slip_is_named_against_an_open_bound():
    # "by more than 100% to $10 billion from $6.6 billion": any large factor would reach the bound
    v = _change("$6.6 billion", "$10 billion", "by more than 100%")
    assert v.status == "inconsistent" and v.cause is None
