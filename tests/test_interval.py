"""The integer fast paths of interval arithmetic (``rules.interval.ratio`` and ``between``, ``Interval.mid``,
``rules.causes.middle``, ``rules.verdicts.cut_range`` and ``coarse``) give exactly what plain ``Fraction`` arithmetic
gives, for any rationals of either sign."""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from hypothesis import given
from hypothesis import strategies as st

from rules.causes import middle
from rules.interval import Interval, _product, _quotient, between, ratio
from rules.normalise.values import Measure
from rules.verdicts import coarse, cut_range

Q = st.fractions(max_denominator=10 ** 9)
BIG = st.integers(-10 ** 30, 10 ** 30)


@given(BIG, st.integers(1, 10 ** 30))
def test_ratio_is_the_reduced_fraction(n, d):
    x = ratio(n, d)
    assert x == Fraction(n, d) and (x.numerator, x.denominator) == (Fraction(n, d).numerator, Fraction(n, d).denominator)
    assert hash(x) == hash(Fraction(n, d))


@given(Q, Q, Q)
def test_between_is_x_plus_s_times_y_minus_x(x, y, s):
    assert between(x, y, s) == x + s * (y - x)


@given(Q, Q)
def test_mid_and_middle_half(a, b):
    lo, hi = min(a, b), max(a, b)
    assert Interval(lo, hi).mid == (lo + hi) / 2
    quarter = (hi - lo) / 4
    assert middle(Interval(lo, hi)) == Interval(lo + quarter, hi - quarter)
    assert Interval(lo, None).mid is None and middle(Interval(None, hi)) == Interval(None, hi)


@given(Q.filter(bool), Q.filter(lambda p: p > 0), st.sampled_from(["exact", "approximate"]),
       st.sampled_from([None, "percent", "USD"]))
def test_cut_range_and_coarse(n, p, bound, unit):
    m = Measure(text="x", value=Interval(n - p, n + p), bound=bound, unit=unit, precision=p, number=n)
    if bound != "exact" or abs(n) < 200 * p:
        assert cut_range(m) is None
    else:
        assert cut_range(m) == m.value.hull(Interval(n - p, n + 2 * p) if n > 0 else Interval(n - 2 * p, n + p))
    assert coarse(m) == (p * 20 > abs(n) and unit != "percent")


def _endpoint_products(a: Interval, b: Interval) -> Interval:
    products = [x * y for x in a for y in b]
    return Interval(min(products), max(products))


ENDS = st.one_of(Q, st.integers(-10 ** 6, 10 ** 6))  # an end may be an int: the plain path takes it


@given(ENDS, ENDS, ENDS, ENDS)
def test_products_and_quotients_by_integers_are_fraction_arithmetic(a, b, c, d):
    x, y = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))
    for got, want in ((x * y, _endpoint_products(x, y)), (x * c, _endpoint_products(x, Interval(c, c)))):
        assert got == want and all(type(e) is Fraction or type(e) is int for e in got)
    x, y = Interval(*map(Fraction, x)), Interval(*map(Fraction, y))  # quotients: of Fraction ends only
    if y.low > 0:
        assert x / y == _endpoint_products(x, Interval(1 / y.high, 1 / y.low))
    if c != 0:
        assert x / Fraction(c) == _endpoint_products(x, Interval(1 / Fraction(c), 1 / Fraction(c)))
    for end in (*(x * y), *(x / Fraction(c) if c else ())):  # reduced, as Fraction keeps them: same hash, same text
        assert end.denominator > 0 and gcd(end.numerator, end.denominator) == 1
    assert _product(x.low, y.high) == x.low * y.high
    if y.high:
        assert _quotient(x.high, abs(y.high)) == x.high / abs(y.high)
