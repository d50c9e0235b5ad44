"""Likely slips: the mistake that turns a right figure into the wrong one printed, named only when it explains the
figures far better than rounding does, and only when a writer could plausibly have made it.

The slips are data (``rules/data/slips.toml``): ×1 000 for million/billion, a decimal comma read as a thousands
separator, ×12 / ×52 / ×365 / ×30 for a period, ×100 for a fraction read as a percent, an amount in a currency a
writer can confuse with the one printed; a rule adds the slips only it can test (percentage points for percent, a
share of another total in the same article) as ``Found``. A slip is named when it is the only one that reconciles
the figures; when several do equally, none is named and the cause says which ones fit (code ``several``).

Temporal causes ("age not updated", "role changed", "stale or misdated") are named only when the dates support them:
the text would have been right at most ``STALE_DAYS`` before its publication (``supported``).

"Far better than rounding" is two conditions, whatever the slip:

- the figures pin the factor down: the factors that would reconcile them span at most ×3 (a vague "billions"
  against a precise figure fits ×12, ×30 and ×1 000 alike, so it names none) — at most ×1.1 for a currency
  mix-up, whose rates can be anything from 1.25 to thousands;
- once the slip is undone, the figures meet with every figure within half of its reading allowance
  (``HALF``): a slip that only fits at the far ends of the rounding explains nothing.

A currency mix-up is tried only between currencies that share a name or symbol (dollar, riyal, dinar, pound,
franc, crown, peso, dirham, lira, rupee: ``[currency_mixup] families``) and between the document territory's own
currency and the one printed, and only when the document's language tag names its territory (with ten dollars
to choose from, one of them fits a wrong ratio by chance: a US city's budget "nearly doubled" from $410 M to
$630 M was once put down to New Zealand dollars); the rates come from a table made once per currency and time
(``_rates``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files

from babel.core import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies

from rules.arithmetic._align import is_share
from rules.context import Context, Item
from rules.explain import Fig, say
from rules.interval import Interval, outward, ratio
from rules.messages import joined, translate
from rules.model import Cause
from rules.normalise.currency import rate
from rules.text import digits
from rules.verdicts import Relation, Term

__all__ = ["HALF", "SLIPS", "STALE_DAYS", "Found", "Slip", "cause", "cause_in_sum", "cause_in_terms", "middle", "name",
           "supported"]


@dataclass(frozen=True)
class Slip:
    code: str
    factor: Interval | None
    needs: str | None
    replaces: str | None
    label: str  # English, translated in the catalogues (rules.messages)
    text: str


def _factor(text: str | None) -> Interval | None:
    if text is None:
        return None
    low, _, high = text.partition("..")
    return Interval(Fraction(low), Fraction(high or low))


_DATA = tomllib.loads(files("rules").joinpath("data/slips.toml").read_text("utf-8"))
SLIPS: dict[str, Slip] = {code: Slip(code=code, factor=_factor(spec.get("factor")), needs=spec.get("needs"),
                                     replaces=spec.get("replaces"), label=spec["label"], text=spec["text"])
                          for code, spec in _DATA.items()}
#: currencies a writer can take for one another: one name or symbol for all of them
_FAMILIES: dict[str, frozenset[str]] = {}
for _family in _DATA["currency_mixup"]["families"]:
    for _code in _family:
        _FAMILIES[_code] = _FAMILIES.get(_code, frozenset()) | frozenset(_family) - {_code}

#: Temporal causes are named only when the dates support them: an age "not updated", a text written before a
#: role changed hands, a future already past ("stale or misdated") — each only when the dates it explains lie
#: within this many days of the publication (a text a year or so old reused; beyond that, a wrong date is likelier
#: than an old text).
STALE_DAYS = 3 * 366


def supported(days_off: int | None) -> bool:
    """Whether a temporal cause is borne out by the dates: the text would have been right no more than
    ``STALE_DAYS`` before (or after) it was published."""
    return days_off is not None and 0 < days_off <= STALE_DAYS


#: Once a slip is undone, the figures must meet with each within this share of its allowance.
HALF = Fraction(1, 2)
#: The factors that reconcile the figures (from the middle halves of their ranges) must span at most this ratio
#: for any slip to be named; for a currency mix-up at most this one (rates lie anywhere from 1.25 to thousands, so
#: only figures that pin the factor down within a few per cent can name one).
_SPREAD = 3
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_CURRENCY_SPREAD = Fraction(11, 10)


@dataclass(frozen=True)
class Found:
    """A slip a rule tested itself and found to reconcile the figures; ``other`` fills the slip's {other}."""

    code: str
    other: Fig | Callable[[str], str] | str = ""
    claims: tuple[str, ...] = ()
    factor: str | None = None


def _possible(items: Sequence[Item]) -> set[str]:
    """What the figures of a check involve, and so which slips are possible at all."""
    out: set[str] = set()
    for item in items:
        m = item.measure
        if m is None:
            continue
        if m.period is not None:
            out.add("period")
        if is_share(item):
            out.add("share")
        if m.separator:  # read once, with the figure
            out.add("separator")
        if m.currency is not None:
            out.add("currency")
    printed = [(n.group(), n.group().replace(",", "").replace(".", "")) for item in items
               if (m := item.measure) is not None and (n := _NUMBER.search(digits(m.text))) is not None]
    if any(a[1] == b[1] and a[0] != b[0] and len(a[1]) >= 2
           for n, a in enumerate(printed) for b in printed[n + 1:n + 8]):
        out.add("same_digits")  # '2139%' and '21,39%': one figure, its decimal mark dropped (not '4.7 billion' and
        # '4.7 million', printed alike)
    return out


def _applicable(possible: set[str]) -> Iterator[Slip]:
    for slip in SLIPS.values():
        if slip.factor is not None and (slip.needs is None or slip.needs in possible):
            yield slip


def _clear_of_zero(x: Interval) -> bool:
    return x.low is not None and x.high is not None and (x.low > 0 or x.high < 0)


def middle(x: Interval) -> Interval:
    """The middle half of a bounded range: where a figure sits when rounding is not stretched (an unbounded range
    stays as it is)."""
    lo, hi = x
    if lo is None or hi is None:
        return x
    ln, ld, hn, hd = lo.numerator, lo.denominator, hi.numerator, hi.denominator
    d = 4 * ld * hd  # low + (high − low) / 4 and high − (high − low) / 4, by integers
    return Interval(ratio(3 * ln * hd + hn * ld, d), ratio(ln * hd + 3 * hn * ld, d))


def _ratios(reported: Interval, expected: Interval) -> tuple[Interval, Interval] | None:
    """The factors that would reconcile the two ranges, from their middle halves (expected / reported and its
    inverse), or None when the ranges do not pin a factor down (unbounded, holding zero, or spanning more than
    ×3 between them)."""
    if not (_clear_of_zero(reported) and _clear_of_zero(expected)):
        return None
    r = middle(expected) / middle(reported)
    if r.low is None or r.high is None or r.low <= 0 or r.high > r.low * _SPREAD:
        return None
    return r, r.reciprocal()


def cause(ctx: Context, reported: Interval, expected: Interval, items: Sequence[Item] = (),
          found: Sequence[Found] = ()) -> Cause | None:
    """The slip that reconciles ``reported`` with ``expected`` (one of the figures multiplied or divided by the
    slip's factor): the only one among the known slips that can apply to ``items`` (and the rule's own
    ``found``); ``several`` when more than one does; None when none does or when the figures cannot tell."""
    fits = list(found)
    ratios = _ratios(reported, expected)
    if ratios is not None:
        possible = _possible(items)
        for slip in _applicable(possible):
            assert slip.factor is not None
            if slip.factor.meets(ratios[0]) or slip.factor.meets(ratios[1]):
                factor = slip.factor.low
                if slip.needs == "same_digits":  # the power of ten the mark moved by, not the range's low end
                    factor = next((k for k in (10, 100, 1000) if any(
                        Interval(Fraction(k), Fraction(k)).meets(r) for r in ratios)), None)
                    if factor is None:
                        continue
                fits.append(Found(slip.code, factor=outward(factor)))
        if not fits and "currency" in possible and ratios[0].high <= ratios[0].low * _CURRENCY_SPREAD:  # type: ignore[operator]
            fits = _currency_mixups(ctx, ratios, items)  # rarer than a scale or period slip: tried only when none fits
    return name(ctx.language, fits)


def cause_in_terms(ctx: Context, terms: Sequence[Term], relation: Relation,
                   found: Sequence[Found] = ()) -> Cause | None:
    """The slip in one figure of a check that is not a plain product (a change between two levels, parts of a
    whole): each figure in turn is multiplied or divided by each slip's factor, and the check run again with every
    figure within half of its allowance. A figure with an open end ("more than 100 %") cannot tell which factor
    it needs (any large enough one fits), so no slip is sought then."""
    fits = list(found)
    half = [t.at(HALF) for t in terms]
    if not all(x.bounded for x in (*half, *relation(half))):
        return name(ctx.language, fits)
    for i, t in enumerate(terms):
        if t.item is None or t.item.measure is None:
            continue
        for slip in _applicable(_possible([t.item])):
            assert slip.factor is not None
            for scaled in _scaled(half[i], slip.factor):
                values = list(half)
                values[i] = scaled
                result, compared = relation(values)
                if result.meets(compared):
                    fits.append(Found(slip.code, other=t.shown(), claims=(t.item.id,), factor=outward(slip.factor.low)))
                    break
    return name(ctx.language, fits)


def _scaled(x: Interval, factor: Interval) -> tuple[Interval, Interval]:
    k = factor.low if factor.low == factor.high else factor
    return x * k, x / k  # type: ignore[arg-type, operator]


def cause_in_sum(ctx: Context, parts: Sequence[Term], target: Callable[[Interval], Interval],
                 whole: Term | None = None) -> Cause | None:
    """The slip in one part of a sum that makes the parts add up to the target: each part in turn multiplied or
    divided by each slip's factor, the others kept, every figure within half of its allowance (prefix and suffix
    sums: linear in the number of parts)."""
    if not all(t.value.bounded for t in (*parts, *([whole] if whole is not None else []))):
        return None  # an open end fits many factors: the figures cannot tell
    values = [p.at(HALF) for p in parts]
    expected = target(whole.at(HALF) if whole is not None else Interval.point(100))
    zero = Interval(Fraction(0), Fraction(0))
    before, after = [zero], [zero]
    for v in values:
        before.append(before[-1] + v)
    for v in reversed(values):
        after.append(after[-1] + v)
    after.reverse()
    fits = []
    for i, (p, v) in enumerate(zip(parts, values, strict=True)):
        if p.item is None:
            continue
        others = before[i] + after[i + 1]
        for slip in _applicable(_possible([p.item])):
            assert slip.factor is not None
            if any((others + scaled).meets(expected) for scaled in _scaled(v, slip.factor)):
                fits.append(Found(slip.code, other=p.shown(), claims=(p.item.id,), factor=outward(slip.factor.low)))
    return name(ctx.language, fits)


# -- currency mix-ups -----------------------------------------------------------------------------------------------
#: A mix-up with a currency worth 0.8–1.25 of the printed one cannot be told from rounding.
_NEAR_ONE = Interval(Fraction(4, 5), Fraction(5, 4))


def _territory_currency(language: str) -> str | None:
    """The currency of the document's territory (the region of its language tag: ar-SA → SAR), if it names one."""
    try:
        territory = Locale.parse(language.replace("-", "_")).territory
    except (ValueError, UnknownLocaleError):
        return None
    if not territory:
        return None
    tender = get_territory_currencies(territory, tender=True)
    return tender[0] if tender else None


def _confusable(printed: str, local: str | None) -> frozenset[str]:
    """The currencies a writer could have meant when printing ``printed``: those sharing its name or symbol, and
    the territory's own currency (or the dollar, when the printed one is the territory's own)."""
    out = set(_FAMILIES.get(printed, ()))
    if local is not None:
        out.add("USD" if printed == local else local)
    out.discard(printed)
    return frozenset(out)


@lru_cache(maxsize=1024)
def _rates(printed: str, others: frozenset[str], on: tuple[dt.date, dt.date] | None,
           margin: Fraction) -> tuple[tuple[str, Interval], ...]:
    """What one unit of each other currency is worth in ``printed`` over the span ``on``: the table the mix-up
    search reads, made once per currency, span and margin (the rates themselves are a scan of the ECB series)."""
    out = []
    for other in sorted(others):
        quote = rate(other, printed, on)
        if quote is None:
            continue
        k = quote.value.widen(margin) if quote.floating else quote.value
        if not k.meets(_NEAR_ONE):
            out.append((other, k))
    return tuple(out)


def _span(ctx: Context, items: Sequence[Item]) -> tuple[dt.date, dt.date] | None:
    """The days whose rates apply: the figures' own times, else the week before publication."""
    spans = [(i.time.start, i.time.end) for i in items if i.time is not None and not i.time.open]
    if spans:
        return min(a for a, _ in spans), max(b for _, b in spans)
    published = ctx.document.published
    if published is not None:
        return published - dt.timedelta(days=ctx.policy.rate_days), published + dt.timedelta(days=1)
    return None


def _currency_mixups(ctx: Context, ratios: tuple[Interval, Interval], items: Sequence[Item]) -> list[Found]:
    """Currencies a writer can confuse with the printed one whose rate reconciles the figures."""
    printed = next((i.measure.currency for i in items if i.measure is not None and i.measure.currency), None)
    if printed is None:
        return []
    local = _territory_currency(ctx.document.language)
    if local is None:  # no territory: ten dollars to choose from, one of them fits a wrong ratio by chance
        return []
    others = _confusable(printed, local)
    found = []
    for other, k in _rates(printed, others, _span(ctx, items), ctx.policy.rate_margin):
        if k.meets(ratios[0]) or k.meets(ratios[1]):
            one = Interval.point(1)
            text = lambda code, k=k, other=other: f"{Fig(one, other).text(code)} = {Fig(k, printed).text(code)}"  # noqa: E731
            found.append(Found("currency_mixup", other=text, factor=outward(k.low)))
    return found


def name(language: str, fits: Sequence[Found]) -> Cause | None:
    """The cause to report from the slips that fit: the one, ``several`` (naming none) or None."""
    codes = {f.code for f in fits}
    fits = [f for f in fits if not any(SLIPS[c].replaces == f.code for c in codes)]
    if not fits:
        return None
    codes = {f.code for f in fits}
    if len(codes) == 1:
        f = fits[0]
        claims = list(dict.fromkeys(c for g in fits for c in g.claims))
        return Cause(code=f.code, factor=f.factor, claims=claims,
                     explanation=say(language, SLIPS[f.code].text, other=f.other))
    names = list(dict.fromkeys(f.code for f in fits))
    claims = list(dict.fromkeys(c for f in fits for c in f.claims))
    labels = lambda code: joined((translate(SLIPS[n].label, code) for n in names), code)  # noqa: E731
    return Cause(code="several", candidates=names, claims=claims,
                 explanation=say(language, SLIPS["several"].text, other=labels))
