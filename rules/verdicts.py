"""Building verdicts: the structured computation every verdict carries, and how well the figures fit.

``computation`` lays out a check the way a fact-checker would: the formula, each input as printed with the range
it stands for (and its source, for a reference figure), the computed range, the range it was compared with, the
policy applied to each input, the margin by which the two miss (0 when they meet) and, for arithmetic, the fit:
how much of the reading allowance the figures need to meet (``rules.policy`` defines it). Temporal rules lay out
their days with the same builder (``laid_out``).

``weigh`` runs an arithmetic check on its ``Term``s — each figure with its whole reading allowance and the part of
it that is the figure as printed — and says ``consistent``, ``doubtful`` or ``inconsistent``: the figures miss
even at the ends of their allowances, fit only at the edge of them, or fit within ordinary rounding. A doubtful
verdict's explanation says what the printed figures give and which figures must be stretched how far.

The slips that explain a miss are ``rules.causes``'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import ceil

from rules.context import Item
from rules.explain import Fig, as_range, say
from rules.interval import Interval, between, outward, ratio
from rules.messages import N_, translate
from rules.model import Cause, Computation, Derived, Input, Range, Text, Verdict
from rules.normalise.values import Measure
from rules.policy import Policy

__all__ = ["Term", "Weighed", "computation", "derived", "laid_out", "term", "verdict", "weigh"]

Relation = Callable[[list[Interval]], tuple[Interval, Interval]]


def verdict(module: str, items: Sequence[Item], status: str, explanation: Text,
            computation: Computation | None = None, cause: Cause | None = None,
            derived: Sequence[Derived] = ()) -> Verdict:
    return Verdict(rule=module.rsplit(".", 1)[-1], claims=[i.id for i in items], status=status,  # type: ignore[arg-type]
                   explanation=explanation, computation=computation, cause=cause, derived=list(derived))


def derived(name: str, label: Text, value: Interval, unit: str | None, formula: str,
            items: Sequence[Item]) -> Derived:
    return Derived(name=name, label=label, range=as_range(value, unit), formula=formula, claims=[i.id for i in items])


# -- the figures of a check -----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Term:
    """One figure in a check, in the check's unit: ``value`` is its whole reading allowance, ``core`` the part of
    it that is the figure as printed (a point for a printed number, the whole range for a range, a bound or a
    vague amount). ``coarse``: one significant digit ("2 million" stands for 1.5–2.5 million), whose far ends are
    not ordinary rounding. ``cut``: for a figure of three or more significant digits, what it stands for if its
    digits were cut rather than rounded (21.372 for anything from 21.372 to 21.373)."""

    name: str
    item: Item | None
    value: Interval
    core: Interval
    unit: str | None = None
    coarse: bool = False
    printed: str | None = None  # for an input that is not a claim (a rate)
    period: str | None = None
    measure: Measure | None = None  # the reading, and the conversion into the check's unit, for ``cut``
    convert: Callable[[Interval], Interval] | None = None

    @property
    def cut(self) -> Interval | None:
        """What the figure stands for if its digits were cut rather than rounded (worked out only when a check
        misses, so not kept)."""
        whole = None if self.measure is None else cut_range(self.measure)
        return whole if whole is None or self.convert is None else self.convert(whole)

    @property
    def loose(self) -> bool:
        """Whether the figure has an allowance beyond its printed value."""
        return self.value != self.core

    def at(self, s: Fraction) -> Interval:
        """The figure with ``s`` (0–1) of its allowance on each side of its printed value; from 1 to 2, widened
        towards what it stands for if cut (a figure that cannot have been cut stays at its allowance)."""
        if s == 0:
            return self.core
        if s == 1:
            return self.value
        if s > 1:
            whole = self.cut
            return self.value if whole is None else _between(self.value, whole, s - 1)
        lo, hi = self.value
        c_lo, c_hi = self.core
        return Interval(None if lo is None or c_lo is None else between(c_lo, lo, s),
                        None if hi is None or c_hi is None else between(c_hi, hi, s))

    def shown(self) -> str:
        return self.item.printed if self.item is not None else self.printed or self.name


def _between(a: Interval, b: Interval, s: Fraction) -> Interval:
    """``s`` (0–1) of the way from range ``a`` to range ``b``, end by end."""
    return Interval(None if a.low is None or b.low is None else between(a.low, b.low, s),
                    None if a.high is None or b.high is None else between(a.high, b.high, s))


def cut_range(m: Measure) -> Interval | None:
    """What a printed number of three or more significant digits stands for if its last digit was cut rather
    than rounded (statements and exchanges often print 21.37281 as 21.372): from its allowance's near end to one
    step beyond it, away from zero. None for ranges, bounds, hedged and round figures."""
    n, p = m.number, m.precision
    if n is None or not p or m.bound != "exact":
        return None
    nn, nd, pn, pd = n.numerator, n.denominator, p.numerator, p.denominator
    if abs(nn) * pd < 200 * pn * nd:
        return None
    d = nd * pd  # the ends n − p and n + 2p (or n − 2p and n + p), by integers: this runs for every figure that misses
    near, far = (nn * pd - pn * nd, nn * pd + 2 * pn * nd) if nn > 0 else (nn * pd - 2 * pn * nd, nn * pd + pn * nd)
    return m.value.hull(Interval(ratio(near, d), ratio(far, d)))


def core(m: Measure) -> Interval:
    """The part of a reading that is the figure as printed: its printed number, unless it is a range, a bound or
    a vague amount, which stand for their whole range."""
    if m.number is not None and m.bound in ("exact", "approximate"):
        return Interval.point(m.number)
    return m.value


def coarse(m: Measure) -> bool:
    """An amount of one significant digit: the printed digits allow more than ±5 % ("2 million"). Not a
    percentage: whole percents are how shares are printed ("9 %" for 8.6 %), not a choice of one digit."""
    n, p = m.number, m.precision
    return n is not None and p is not None and n != 0 and m.bound in ("exact", "approximate") and \
        p.numerator * 20 * n.denominator > abs(n.numerator) * p.denominator and \
        m.unit not in ("percent", "percentage_point", "permille")


def term(name: str, item: Item, unit: str | None, convert: Callable[[Interval], Interval] | None = None,
         period: str | None = None) -> Term:
    """A claim's figure as a term, brought into the check's unit by ``convert`` (applied to the whole allowance
    and to the printed value alike)."""
    m = item.measure
    assert m is not None
    value, printed = m.value, core(m)
    if convert is not None:
        value, printed = convert(value), convert(printed)
    return Term(name, item, value, printed, unit, coarse(m), period=period if period is not None else m.period,
                measure=m, convert=convert)


def fixed(name: str, item: Item | None, value: Interval, unit: str | None = None, printed: str | None = None,
          core: Interval | None = None) -> Term:
    """A term that is not a printed figure of the article (a rate, a factor word): ``core`` defaults to the value."""
    return Term(name, item, value, value if core is None else core, unit, printed=printed)


# -- how well they fit ----------------------------------------------------------------------------------------------
#: Halvings of the fit's bracket: its value is known to 1/64 of the allowance (each halving is one evaluation of
#: the check per loose figure).
_STEPS = 6
#: made once: each ``Fraction(n)`` checks ``numbers.Rational``, an ABC (~2 µs a call)
_ZERO, _ONE, _TWO = Fraction(0), Fraction(1), Fraction(2)


def _fits_at(terms: Sequence[Term], relation: Relation, s: Fraction) -> int | None:
    """Whether the figures meet with each within ``s`` of its allowance, except one figure that is not coarse,
    which may take its whole allowance: the index of that figure (-1 when none is needed), or None."""
    stretched = [t.at(s) for t in terms]
    free = [i for i, t in enumerate(terms) if t.loose and not t.coarse] if s <= 1 else []
    if not free:
        result, compared = relation(stretched)
        return -1 if result.meets(compared) else None
    for j in free:
        values = list(stretched)
        values[j] = terms[j].value
        result, compared = relation(values)
        if result.meets(compared):
            return j
    return None


def fit_measure(terms: Sequence[Term], relation: Relation, threshold: Fraction) -> tuple[Fraction, int]:
    """The fit of figures that meet: the least share ``s`` of their allowances with which they still meet (one
    figure of two or more significant digits being free to sit anywhere in its allowance), to 1/64; and the free
    figure's index (-1 for none). Exact: every step is an interval evaluation on rationals."""
    found = _fits_at(terms, relation, _ZERO)
    if found is not None:
        return _ZERO, found
    low, high = _ZERO, _ONE
    at = _fits_at(terms, relation, threshold)
    if at is not None:
        high = threshold
    else:
        low, at = threshold, _fits_at(terms, relation, _ONE)
    for _ in range(_STEPS):
        mid = (low + high) / 2
        found = _fits_at(terms, relation, mid)
        if found is None:
            low = mid
        else:
            high, at = mid, found
    return high, -1 if at is None else at


def cut_measure(terms: Sequence[Term], relation: Relation) -> Fraction | None:
    """The fit, between 1 and 2, of figures that miss as rounded but meet if some of them were cut rather than
    rounded: 1 plus the least share of the step beyond each allowance they need, to 1/64; None if they miss
    even then."""
    cuts = [t.cut for t in terms]
    if all(c is None for c in cuts):
        return None

    def meets(s: Fraction) -> bool:
        result, compared = relation([t.value if c is None else _between(t.value, c, s - 1)
                                     for t, c in zip(terms, cuts, strict=True)])
        return result.meets(compared)

    if not meets(_TWO):
        return None
    low, high = _ONE, _TWO
    for _ in range(_STEPS):
        mid = (low + high) / 2
        low, high = (low, mid) if meets(mid) else (mid, high)
    return high


def _fit_text(x: Fraction) -> str:
    """The fit to two decimals, rounded up (so that a fit above the threshold never prints as the threshold)."""
    if not x:  # the commonest fit: figures that meet as printed
        return "0"
    return outward(Fraction(ceil(x * 100), 100)) or "0"


@dataclass(frozen=True)
class Weighed:
    """An arithmetic check, run: its status, the ranges compared (at the whole allowance), its fit and its laid-out
    computation; ``explain`` writes the rule's sentence, with what the printed figures give when it is doubtful."""

    status: str
    result: Interval
    compared: Interval
    fit: Fraction | None
    computation: Computation
    terms: tuple[Term, ...]
    relation: Relation
    free: int
    unit: str | None

    @property
    def meets(self) -> bool:
        return self.status != "inconsistent"

    def explain(self, language: str, message: str, **figures) -> Text:  # type: ignore[no-untyped-def]
        text = say(language, message, **figures)
        if self.status != "doubtful":
            return text
        doubt = self._doubt(language)
        local = f"{text.local} {doubt.local}" if text.local and doubt.local else text.local
        return Text(en=f"{text.en} {doubt.en}", local=local, language=text.language)

    def _doubt(self, language: str) -> Text:
        assert self.fit is not None
        result, compared = self.relation([t.core for t in self.terms])
        needs = _needs(self.terms, self.relation, self.fit, self.free)
        return say(language, DOUBT if self.fit <= 1 else DOUBT_CUT, fit=_fit_text(self.fit),
                   printed=Fig(result, self.unit),
                   compared=Fig(compared, self.unit),
                   needs=lambda code: translate(JOIN, code).join(
                       f"{translate(QUOTE, code).format(figure=t.shown())} {translate(WAS, code)} {fig.text(code)}"
                       for t, fig in needs))


def _needs(terms: Sequence[Term], relation: Relation, s: Fraction, free: int) -> list[tuple[Term, Fig]]:
    """The figures a doubtful fit moves away from their printed values, each with the value it must take, in its
    own unit and period: the end of its stretched range that the fit needs (for the free figure, as far as it must
    go, to 1/64 of its allowance)."""
    values = [t.value if i == free else t.at(s) for i, t in enumerate(terms)]

    def meets(vals: list[Interval]) -> bool:
        result, compared = relation(vals)
        return result.meets(compared)

    out = []
    for i, t in enumerate(terms):
        pinned = list(values)
        pinned[i] = t.core
        if not t.loose or meets(pinned):
            continue  # it need not move
        sides = []
        for side, end in (("low", values[i].low), ("high", values[i].high)):
            if end is not None:
                pinned[i] = Interval(end, end)
                if meets(pinned):
                    sides.append(side)
        if len(sides) != 1:
            continue
        reach = s
        if i == free:  # how far the free figure must go: the least share of its allowance that still meets
            low, reach = _ZERO, _ONE
            for _ in range(_STEPS):
                mid = (low + reach) / 2
                pinned[i] = t.at(mid)
                low, reach = (low, mid) if meets(pinned) else (mid, reach)
        out.append((t, _witness(t, sides[0], reach)))
    return out


def _witness(t: Term, side: str, reach: Fraction) -> Fig:
    """The value a figure takes ``reach`` of the way to the ``side`` end of its allowance, written in the figure's
    own unit and period, with one digit more than it was printed with."""
    m = t.item.measure if t.item is not None else None
    if m is not None:
        own = Term(t.name, t.item, m.value, core(m), m.unit, period=m.period, measure=m)
        span = own.at(reach)
        digits = 3
        if m.number is not None and m.precision:
            digits = min(7, max(3, len(str(int(abs(m.number) / m.precision))) + 1))
        return Fig(Interval.point(span.low if side == "low" else span.high), m.unit, per=m.per,  # type: ignore[arg-type]
                   period=m.period, digits=digits)
    span = t.at(reach)
    return Fig(Interval.point(span.low if side == "low" else span.high), t.unit, digits=4)  # type: ignore[arg-type]


DOUBT = N_("But only at the edge of what the printed figures allow (fit {fit}): as printed they give {printed} against "
           "{compared}; they meet only if {needs}.")
DOUBT_CUT = N_("But only if a figure was cut rather than rounded (fit {fit}): as printed they give {printed} against "
               "{compared}; they meet only if {needs}.")
WAS = N_("was")
JOIN = N_(" and ")
QUOTE = N_("'{figure}'")


def weigh(policy: Policy, formula: str, terms: Sequence[Term], relation: Relation, unit: str | None) -> Weighed:
    """Run a check: ``relation`` maps the terms' ranges (in order) to the range computed and the range it must
    meet. Inconsistent when they miss at the whole allowance; otherwise the fit (``rules.policy``) decides
    between consistent and doubtful."""
    result, compared = relation([t.value for t in terms])
    fit: Fraction | None = None
    free = -1
    if result.meets(compared):
        fit, free = fit_measure(terms, relation, policy.doubtful)
        status = "consistent" if fit <= policy.doubtful else "doubtful"
    elif (fit := cut_measure(terms, relation)) is not None:
        status = "doubtful"
        result, compared = relation([t.at(fit) for t in terms])
    else:
        status = "inconsistent"
    comp = computation(policy, formula, terms, result, unit, compared, fit)
    return Weighed(status, result, compared, fit, comp, tuple(terms), relation, free, unit)


# -- laying a check out ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _policy_name(policy: Policy) -> str:
    return policy.name


def laid_out(formula: str, inputs: list[Input], result: Range, compared: Range | None, policy: str,
             margin: str | None, margin_relative: str | None = None, fit: str | None = None) -> Computation:
    """The one shape of a computation, for arithmetic and temporal checks alike."""
    return Computation(formula=formula, inputs=inputs, result=result, compared_with=compared, policy=policy,
                       margin=margin, margin_relative=margin_relative, fit=fit)


def computation(policy: Policy, formula: str, terms: Sequence[Term], result: Interval, unit: str | None,
                compared: Interval | None = None, fit: Fraction | None = None) -> Computation:
    notes = [f"{t.item.printed}: {', '.join(t.item.measure.notes) or 'printed precision'}"
             for t in terms if t.item is not None and t.item.measure is not None]
    margin = margin_relative = None
    if compared is not None and result.meets(compared):
        margin = margin_relative = "0"
    elif compared is not None:
        gap = result.gap(compared)
        margin = outward(gap, up=True)
        ref = compared.mid if compared.mid else result.mid
        margin_relative = outward(gap / abs(ref), 6, up=True) if ref else None
    inputs = [Input(name=t.name, claim=t.item.id if t.item is not None else None, printed=t.shown(),
                    range=as_range(t.at(fit) if fit is not None and fit > 1 else t.value, t.unit),
                    source=t.item.claim.source if t.item is not None and t.item.reference else None) for t in terms]
    return laid_out(formula, inputs, as_range(result, unit), as_range(compared, unit) if compared else None,
                    "; ".join([_policy_name(policy), *notes]), margin, margin_relative,
                    None if fit is None else _fit_text(fit))
