"""Building verdicts: the structured computation every verdict carries, and the slips that explain a miss.

``computation`` lays out a check the way a fact-checker would: the formula, each input as printed with the
range it stands for (and its source, for a reference figure), the computed range, the range it was compared
with, the policy applied to each input, and the margin by which the two miss (0 when they meet).

``cause`` names the likely slip behind a miss. The slips are data (``rules/data/slips.toml``): ×1 000 for
million/billion, a decimal comma read as a thousands separator, ×12 / ×52 / ×365 / ×30 for a period, ×100 for a
fraction read as a percent, an amount in another currency than the one printed (at the rate of the figures'
time); a rule adds the slips only it can test (percentage points for percent, a share of another total in the
same article) as ``Found``. A slip is named when it is the only one that reconciles the
figures; when several do equally, none is named and the cause says which ones fit (code ``several``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files

from rules.context import Item
from rules.explain import Fig, as_range, say
from rules.interval import Interval, outward
from rules.model import Cause, Computation, Derived, Input, Share, Text, Verdict
from rules.normalise.currency import rate
from rules.policy import POLICY, Policy

__all__ = ["SLIPS", "Found", "Slip", "cause", "cause_in_sum", "computation", "derived", "name", "verdict"]


def verdict(module: str, items: Sequence[Item], status: str, explanation: Text,
            computation: Computation | None = None, cause: Cause | None = None,
            derived: Sequence[Derived] = ()) -> Verdict:
    return Verdict(rule=module.rsplit(".", 1)[-1], claims=[i.id for i in items], status=status,  # type: ignore[arg-type]
                   explanation=explanation, computation=computation, cause=cause, derived=list(derived))


@lru_cache(maxsize=16)
def _policy_name(policy: Policy) -> str:
    return policy.name


def computation(policy: Policy, formula: str, inputs: Sequence[tuple[str, Item, Interval, str | None]],
                result: Interval, unit: str | None, compared: Interval | None = None) -> Computation:
    notes = [f"{item.printed}: {', '.join(item.measure.notes) or 'printed precision'}"
             for _, item, _, _ in inputs if item.measure is not None]
    margin = margin_relative = None
    if compared is not None and result.meets(compared):
        margin = margin_relative = "0"
    elif compared is not None:
        gap = result.gap(compared)
        margin = outward(gap, up=True)
        ref = compared.mid if compared.mid else result.mid
        margin_relative = outward(gap / abs(ref), 6, up=True) if ref else None
    return Computation(formula=formula,
                       inputs=[Input(name=n, claim=i.id, printed=i.printed, range=as_range(v, u),
                                     source=i.claim.source if i.reference else None)
                               for n, i, v, u in inputs],
                       result=as_range(result, unit), compared_with=as_range(compared, unit) if compared else None,
                       policy="; ".join([_policy_name(policy), *notes]), margin=margin, margin_relative=margin_relative)


def derived(name: str, label: Text, value: Interval, unit: str | None, formula: str,
            items: Sequence[Item]) -> Derived:
    return Derived(name=name, label=label, range=as_range(value, unit), formula=formula, claims=[i.id for i in items])


# -- likely slips -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Slip:
    code: str
    factor: Interval | None
    needs: str | None
    replaces: str | None
    label: dict[str, str]
    text: dict[str, str]
    currencies: tuple[str, ...] = ()


def _factor(text: str | None) -> Interval | None:
    if text is None:
        return None
    low, _, high = text.partition("..")
    return Interval(Fraction(low), Fraction(high or low))


def _load() -> dict[str, Slip]:
    data = tomllib.loads(files("rules").joinpath("data/slips.toml").read_text("utf-8"))
    return {code: Slip(code=code, factor=_factor(spec.get("factor")), needs=spec.get("needs"),
                       replaces=spec.get("replaces"), label=spec["label"], text=spec["text"],
                       currencies=tuple(spec.get("currencies", ())))
            for code, spec in data.items()}


SLIPS: dict[str, Slip] = _load()

_SHARE_UNITS = frozenset({"percent", "percentage_point", "permille"})


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
        if m.unit in _SHARE_UNITS or isinstance(item.claim, Share):
            out.add("share")
        if m.separator:  # read once, with the figure
            out.add("separator")
        if m.currency is not None:
            out.add("currency")
    return out


#: A mix-up with a currency worth 0.8–1.25 of the printed one cannot be told from rounding.
_NEAR_ONE = Interval(Fraction(4, 5), Fraction(5, 4))


def _currency_mixups(reported: Interval, expected: Interval, items: Sequence[Item]) -> list[Found]:
    """Other currencies in which the reported amount, converted at the rate of the figures' time, meets the
    expected range (``[currency_mixup]`` in slips.toml)."""
    printed = next((i.measure.currency for i in items if i.measure is not None and i.measure.currency), None)
    if printed is None:
        return []
    spans = [(i.time.start, i.time.end) for i in items if i.time is not None and not i.time.open]
    on = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None
    found = []
    for other in SLIPS["currency_mixup"].currencies:
        quote = rate(other, printed, on) if other != printed else None
        if quote is None:
            continue
        k = quote.value.widen(POLICY.rate_margin) if quote.floating else quote.value
        if k.meets(_NEAR_ONE) or not _fits(reported, expected, k):
            continue
        one = Interval.point(1)
        text = lambda code, k=k, other=other: f"{Fig(one, other).text(code)} = {Fig(k, printed).text(code)}"  # noqa: E731
        found.append(Found("currency_mixup", other=text, factor=outward(k.low)))
    return found


def _clear_of_zero(x: Interval) -> bool:
    return x.low is not None and x.high is not None and (x.low > 0 or x.high < 0)


def _fits(reported: Interval, expected: Interval, factor: Interval) -> bool:
    k = factor.low if factor.low == factor.high else factor
    return (reported * k).meets(expected) or (reported / k).meets(expected)  # type: ignore[operator]


def cause(language: str, reported: Interval, expected: Interval, items: Sequence[Item] = (),
          found: Sequence[Found] = ()) -> Cause | None:
    """The slip that reconciles ``reported`` with ``expected``: the only one among the known slips that can apply
    to ``items`` (and the rule's own ``found``); ``several`` when more than one does; None when none does.

    When neither range holds zero, the factors that would reconcile them form one range, expected / reported (and
    its inverse for a division): each slip is then two comparisons, not two interval products."""
    fits = list(found)
    possible = _possible(items)
    ratios = (expected / reported, reported / expected) \
        if _clear_of_zero(reported) and _clear_of_zero(expected) else None
    for slip in _applicable(possible):
        factor = slip.factor
        assert factor is not None
        if ratios is not None and (factor.meets(ratios[0]) or factor.meets(ratios[1])) \
                or ratios is None and _fits(reported, expected, factor):
            fits.append(Found(slip.code, factor=outward(factor.low)))
    if not fits and "currency" in possible:  # rarer than a scale or period slip: tried only when none fits
        fits = _currency_mixups(reported, expected, items)
    return name(language, fits)


def cause_in_sum(language: str, parts: Sequence[tuple[Item, Interval]], expected: Interval,
                 items: Sequence[Item] = ()) -> Cause | None:
    """The slip in one part of a sum that makes the parts add up to ``expected``: each part in turn is multiplied
    or divided by each slip's factor, the others kept (prefix and suffix sums: linear in the number of parts)."""
    possible = _possible(items) - {"separator"}
    values = [v for _, v in parts]
    before = [Interval(Fraction(0), Fraction(0))]
    for v in values:
        before.append(before[-1] + v)
    after = [Interval(Fraction(0), Fraction(0))]
    for v in reversed(values):
        after.append(after[-1] + v)
    after.reverse()
    fits = []
    for i, (item, v) in enumerate(parts):
        others = before[i] + after[i + 1]
        for slip in _applicable(possible | (_possible([item]) & {"separator"})):
            k = slip.factor.low if slip.factor.low == slip.factor.high else slip.factor  # type: ignore[union-attr]
            if (others + v * k).meets(expected) or (others + v / k).meets(expected):  # type: ignore[operator]
                fits.append(Found(slip.code, other=item.printed, claims=(item.id,),
                                  factor=outward(slip.factor.low)))  # type: ignore[union-attr]
    return name(language, fits)


def _applicable(possible: set[str]) -> Iterator[Slip]:
    for slip in SLIPS.values():
        if slip.factor is not None and (slip.needs is None or slip.needs in possible):
            yield slip


def name(language: str, fits: Sequence[Found]) -> Cause | None:
    """The cause to report from the slips that fit: the one, ``several`` (naming none) or None."""
    codes = {f.code for f in fits}
    fits = [f for f in fits if not any(SLIPS[c].replaces == f.code for c in codes)]
    if not fits:
        return None
    if len(fits) == 1:
        f = fits[0]
        return Cause(code=f.code, factor=f.factor, claims=list(f.claims),
                     explanation=say(language, SLIPS[f.code].text, other=f.other))
    names = list(dict.fromkeys(f.code for f in fits))
    claims = list(dict.fromkeys(c for f in fits for c in f.claims))
    labels = lambda code: "; ".join(SLIPS[n].label.get(code, SLIPS[n].label["en"]) for n in names)  # noqa: E731
    return Cause(code="several", candidates=names, claims=claims,
                 explanation=say(language, SLIPS["several"].text, other=labels))
