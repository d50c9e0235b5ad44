"""Closed intervals over exact rationals, with unbounded ends.

Every figure becomes an interval; every computation is interval arithmetic on ``Fraction``s, so no rounding
error can flip a verdict. ``None`` as an end means unbounded (−∞ below, +∞ above).

>>> Interval.of("12.25", "12.35") / Interval.of("0.675", "0.685")
Interval(low=Fraction(245, 137), high=Fraction(494, 27))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from fractions import Fraction
from math import gcd
from typing import NamedTuple

__all__ = ["Interval", "between", "exact", "outward", "ratio", "total"]

F = Fraction
_ZERO = F(0)  # constants made once: Fraction(0) checks numbers.Rational, an ABC (~2 µs a call)
_new = object.__new__


def ratio(n: int, d: int) -> Fraction:
    """The Fraction n / d (d > 0), reduced here: ``Fraction(n, d)`` without its checks of types and signs, which
    take most of its time; the attributes are those CPython's ``Fraction._from_coprime_ints`` sets. Where a hot
    path works on the ends' integers, one of these replaces several Fraction operations (each reduces its result)."""
    g = gcd(n, d)
    if g != 1:
        n //= g
        d //= g
    f = _new(Fraction)
    f._numerator, f._denominator = n, d
    return f


def _product(x: Fraction, y: Fraction) -> Fraction:
    """``x × y`` of two Fractions by their integers, reduced once (``Fraction.__mul__`` checks types, reduces twice
    and builds its result through ``Fraction.__new__``: five times the time)."""
    return ratio(x._numerator * y._numerator, x._denominator * y._denominator)


def _quotient(x: Fraction, y: Fraction) -> Fraction:
    """``x / y`` of two Fractions, ``y`` > 0, by their integers."""
    return ratio(x._numerator * y._denominator, x._denominator * y._numerator)


def between(x: Fraction, y: Fraction, s: Fraction) -> Fraction:
    """``x + s × (y − x)``, ``s`` of the way from ``x`` to ``y``, as one reduced Fraction of the integers (three
    Fraction operations would reduce three times): figures stretched within their allowances, step by step."""
    xn, xd, yn, yd, sn, sd = x.numerator, x.denominator, y.numerator, y.denominator, s.numerator, s.denominator
    return ratio(xn * yd * sd + sn * (yn * xd - xn * yd), xd * yd * sd)


assert ratio(-1250, 100) == Fraction(-25, 2) and hash(ratio(6, 3)) == hash(2), "fractions.Fraction's layout changed"


class Interval(NamedTuple):
    low: Fraction | None
    high: Fraction | None

    @classmethod
    def of(cls, low: object, high: object | None = ...) -> Interval:  # type: ignore[assignment]
        lo = None if low is None else F(low)  # type: ignore[arg-type]
        hi = lo if high is ... else (None if high is None else F(high))  # type: ignore[arg-type]
        return cls(lo, hi)

    @classmethod
    def point(cls, x: Fraction | int) -> Interval:
        x = x if type(x) is F else F(x)  # a Fraction is immutable: the same one serves for both ends
        return cls(x, x)

    # -- arithmetic: an operand that is not an Interval is a point (so compiled equations can mix in constants) -----
    def __add__(self, other: Interval | Fraction | int) -> Interval:  # type: ignore[override]
        other = _lift(other)
        return Interval(_add(self.low, other.low), _add(self.high, other.high))

    __radd__ = __add__

    def __sub__(self, other: Interval | Fraction | int) -> Interval:
        other = _lift(other)
        return Interval(_add(self.low, _neg(other.high)), _add(self.high, _neg(other.low)))

    def __rsub__(self, other: Fraction | int) -> Interval:
        return _lift(other) - self

    def __neg__(self) -> Interval:
        return Interval(_neg(self.high), _neg(self.low))

    # The common cases (Fraction ends, positive ranges) work on the ends' integers (``_product``, ``_quotient``):
    # Fraction's own operators and comparisons check types through ``numbers.Rational`` (an ABC) at every step.
    def __mul__(self, other: Interval | Fraction | int) -> Interval:  # type: ignore[override]
        a0, a1 = self
        if not isinstance(other, Interval):
            k = other if isinstance(other, (int, Fraction)) else F(other)  # int first: the ABC is slow for an int
            if type(k) is F and k._numerator >= 0 and type(a0) is F and type(a1) is F:
                return Interval(_product(a0, k), _product(a1, k))
            return Interval(_mul(a0, k), _mul(a1, k)) if k >= 0 else Interval(_mul(a1, k), _mul(a0, k))
        b0, b1 = other
        if type(a0) is F and type(a1) is F and type(b0) is F and type(b1) is F and \
                a0._numerator >= 0 and b0._numerator >= 0:  # both ranges positive: two products, not four
            return Interval(_product(a0, b0), _product(a1, b1))
        if a0 is not None and a1 is not None and b0 is not None and b1 is not None:
            if a0 >= 0 and b0 >= 0:
                return Interval(a0 * b0, a1 * b1)
            products = (a0 * b0, a0 * b1, a1 * b0, a1 * b1)
            return Interval(min(products), max(products))
        return _hull_products(self, other)

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | Fraction | int) -> Interval:
        if not isinstance(other, Interval):
            if type(other) is F and other._numerator > 0:  # a positive Fraction: its reciprocal by its integers
                return self * ratio(other._denominator, other._numerator)
            return self * (1 / F(other))
        a0, a1 = self
        b0, b1 = other
        if type(a0) is F and type(a1) is F and type(b0) is F and type(b1) is F:
            if a0._numerator >= 0 and b0._numerator > 0 and \
                    b0._numerator * b1._denominator <= b1._numerator * b0._denominator:
                return Interval(_quotient(a0, b1), _quotient(a1, b0))  # positive ranges: two divisions
        elif a0 is not None and a1 is not None and b0 is not None and b1 is not None and a0 >= 0 and 0 < b0 <= b1:
            return Interval(a0 / b1, a1 / b0)
        return self * other.reciprocal()

    def __rtruediv__(self, other: Fraction | int) -> Interval:
        return _lift(other) * self.reciprocal()

    def reciprocal(self) -> Interval:
        lo, hi = self.low, self.high
        if lo is not None and hi is not None and lo > hi:
            return Interval(None, None)  # an empty range: nothing can be said, and nothing divides by zero
        if (lo is None or lo <= 0) and (hi is None or hi >= 0):
            if lo == 0 and hi is not None and hi > 0:
                return Interval(1 / hi, None)
            if hi == 0 and lo is not None and lo < 0:
                return Interval(None, 1 / lo)
            return Interval(None, None)  # contains zero: anything goes
        return Interval(None if hi is None else 1 / hi, None if lo is None else 1 / lo)

    # -- comparison ------------------------------------------------------------------------------------------------
    def meets(self, other: Interval) -> bool:
        """Whether the two ranges share a point: comparisons of cross-products of integers, no subtraction."""
        a0, a1 = self
        b0, b1 = other
        if type(a0) is F and type(a1) is F and type(b0) is F and type(b1) is F:  # the slots, not the properties
            return a1._numerator * b0._denominator >= b0._numerator * a1._denominator and \
                b1._numerator * a0._denominator >= a0._numerator * b1._denominator
        if a1 is not None and b0 is not None and a1.numerator * b0.denominator < b0.numerator * a1.denominator:
            return False
        if b1 is not None and a0 is not None and b1.numerator * a0.denominator < a0.numerator * b1.denominator:
            return False
        return True

    def gap(self, other: Interval) -> Fraction:
        """Distance between the two intervals; 0 when they meet."""
        if self.high is not None and other.low is not None and self.high < other.low:
            return other.low - self.high
        if other.high is not None and self.low is not None and other.high < self.low:
            return self.low - other.high
        return _ZERO

    def contains(self, other: Interval) -> bool:
        return (self.low is None or (other.low is not None and self.low <= other.low)) and \
            (self.high is None or (other.high is not None and other.high <= self.high))

    def intersect(self, other: Interval) -> Interval | None:
        lo = _max(self.low, other.low)
        hi = _min(self.high, other.high)
        return None if lo is not None and hi is not None and lo > hi else Interval(lo, hi)

    def hull(self, other: Interval) -> Interval:
        lo = None if self.low is None or other.low is None else min(self.low, other.low)
        hi = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(lo, hi)

    def clamp_low(self, floor: Fraction | int) -> Interval:
        """The interval with its lower end raised to ``floor`` (e.g. counts are never negative)."""
        lo = F(floor) if self.low is None or self.low < floor else self.low
        return Interval(lo, self.high)

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def mid(self) -> Fraction | None:
        lo, hi = self
        if lo is None or hi is None:
            return None
        return ratio(lo.numerator * hi.denominator + hi.numerator * lo.denominator, 2 * lo.denominator * hi.denominator)

    def widen(self, relative: Fraction) -> Interval:
        """Widen each bounded end by ``relative`` × its own magnitude (outward)."""
        lo = None if self.low is None else self.low - abs(self.low) * relative
        hi = None if self.high is None else self.high + abs(self.high) * relative
        return Interval(lo, hi)


def _lift(x: Interval | Fraction | int) -> Interval:
    return x if isinstance(x, Interval) else Interval(F(x), F(x))


def total(intervals: Iterable[Interval]) -> Interval:
    """The sum of intervals, end by end (XBRL Calculations 1.1: the parts' rounding ranges add up)."""
    low: Fraction | None = F(0)
    high: Fraction | None = F(0)
    for x in intervals:
        low, high = _add(low, x.low), _add(high, x.high)
    return Interval(low, high)


def _neg(x: Fraction | None) -> Fraction | None:
    return None if x is None else -x


def _add(a: Fraction | None, b: Fraction | None) -> Fraction | None:
    return None if a is None or b is None else a + b


def _mul(a: Fraction | None, k: Fraction) -> Fraction | None:
    if a is None:
        return _ZERO if k == 0 else None
    return a * k


def _max(a: Fraction | None, b: Fraction | None) -> Fraction | None:
    return b if a is None else a if b is None else max(a, b)


def _min(a: Fraction | None, b: Fraction | None) -> Fraction | None:
    return b if a is None else a if b is None else min(a, b)


_INF = float("inf")


def _hull_products(a: Interval, b: Interval) -> Interval:
    """[a]·[b]: the hull of the endpoint products, with ±∞ for unbounded ends (0·∞ taken as 0)."""
    ends_a = (a.low if a.low is not None else -_INF, a.high if a.high is not None else _INF)
    ends_b = (b.low if b.low is not None else -_INF, b.high if b.high is not None else _INF)
    products = []
    for x in ends_a:
        for y in ends_b:
            if x == 0 or y == 0:
                products.append(_ZERO)
            elif isinstance(x, float) or isinstance(y, float):
                products.append(_INF if (x > 0) == (y > 0) else -_INF)
            else:
                products.append(x * y)
    lo, hi = min(products), max(products)
    return Interval(None if lo == -_INF else lo, None if hi == _INF else hi)  # type: ignore[arg-type]


_ROUNDING: dict[tuple[int, bool], Context] = {}


def _decimal(x: Fraction) -> str | None:
    """``x`` written out in full when its decimal terminates (its denominator has no prime but 2 and 5), else None.
    Integer arithmetic only: this runs for every end of every range in a report."""
    d = x.denominator
    twos = (d & -d).bit_length() - 1
    rest = d >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    places = max(twos, fives)
    n = x.numerator * (10 ** places // d)
    if places == 0:
        return str(n)
    digits = str(abs(n)).rjust(places + 1, "0")
    text = (digits[:-places] + "." + digits[-places:]).rstrip("0").rstrip(".")
    return "-" + text if n < 0 else text


def exact(x: Fraction | None) -> str | None:
    """An exact rational as text: a decimal when it terminates, else ``p/q``."""
    if x is None:
        return None
    return _decimal(x) or f"{x.numerator}/{x.denominator}"


def outward(x: Fraction | None, digits: int = 12, up: bool = False) -> str | None:
    """``x`` as a decimal with at most ``digits`` significant digits, rounded down (or up when ``up``)."""
    if x is None:
        return None
    if x.denominator == 1:  # whole numbers, the commonest ends
        text = str(x.numerator)
        if len(text.lstrip("-").rstrip("0")) <= digits:
            return text
    else:
        text = _decimal(x)  # type: ignore[assignment]
        if text is not None and len(text.replace("-", "").replace(".", "").strip("0")) <= digits:
            return text
    ctx = _ROUNDING.get((digits, up)) or _ROUNDING.setdefault(
        (digits, up), Context(prec=digits, rounding=ROUND_CEILING if up else ROUND_FLOOR))
    text = format(ctx.divide(Decimal(x.numerator), Decimal(x.denominator)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
