"""What the rules of unstated relations share: checking an identity found in the labels (``rules.identities``), the
answers of a poll, and a part that must not exceed its whole (a month its year, a region its country, a subgroup its
group). Each verdict begins with what it assumed, in the article's language, so a fact-checker sees at once which
relation the engine supplied."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction

from rules.arithmetic._align import convert, is_share, metric, percent
from rules.causes import cause_in_sum, cause_in_terms
from rules.context import Context, Item
from rules.explain import Fig, say
from rules.identities import Found, found
from rules.interval import Interval, total
from rules.messages import N_, translate
from rules.model import Quantity, Share, Text, Verdict
from rules.text import digits
from rules.verdicts import Term, term, verdict, weigh

__all__ = ["QUOTE", "answers", "difference", "folded", "identified", "placed", "sentences", "within"]

# -- an identity: one term is the difference of the two others -----------------------------------------------------
FIT = N_("Assumed: {assumed}. {plus} minus {minus} is {computed}; {result} as stated is within that range.")
MISS = N_("Assumed: {assumed}. {plus} minus {minus} is {computed}, but the article gives {result}: they miss by "
          "{margin}.")
QUOTE = N_("'{label}' ({value})")

#: Figures of one role tried as the first term of one identity: restatements of a figure in other units (the rest
#: are the ``restated`` rule's business).
_TRIED = 3


def _named(item: Item, fig: Fig) -> Callable[[str], str]:
    label = metric(item)
    return lambda code: translate(QUOTE, code).format(label=label, value=fig.text(code))


def _assumed(identity: Found) -> Callable[[str], str]:
    texts = identity.identity.assumed
    return lambda code: translate(texts, code)


def _signed(item: Item, sign: int) -> Callable[[Interval], Interval] | None | bool:
    """How the first term's figure becomes a signed balance: negated for a deficit printed as a positive amount,
    as it is otherwise; False when the sign cannot be told (a deficit whose range straddles zero)."""
    value = item.measure.value  # type: ignore[union-attr]
    if sign < 0:
        if value.low is not None and value.low >= 0:
            return lambda v: -v
        return None if value.high is not None and value.high <= 0 else False
    if sign > 0 and value.high is not None and value.high < 0:
        return False  # 'a surplus of −5': not a reading to guess at
    return None


def _unit(item: Item) -> tuple[str | None, str | None]:
    m = item.measure
    assert m is not None
    return ("percent" if is_share(item) else m.unit), m.period


def _term(name: str, item: Item, unit: str | None, period: str | None,
          after: Callable[[Interval], Interval] | None = None) -> Term | None:
    """``item``'s figure in ``unit`` per ``period`` (then through ``after``), or None when it measures something
    else."""
    m = item.measure
    assert m is not None
    if unit == "percent":
        if not is_share(item):
            return None
        inner = lambda v, m=m: percent(m, v)  # noqa: E731
    elif convert(m, unit, period) is None:
        return None
    else:
        inner = lambda v, m=m: convert(m, unit, period, v)  # type: ignore[misc]  # noqa: E731
    if after is not None:
        return term(name, item, unit, lambda v: after(inner(v)), period)
    return term(name, item, unit, inner, period)


def identified(ctx: Context, module: str) -> bool:
    """Whether the request holds an identity of the rule ``module`` (the precondition of ``difference`` and
    ``answers``: each finds nothing without one)."""
    return bool(found(ctx, module.rsplit(".", 1)[-1]))


def difference(ctx: Context, module: str) -> Iterator[Verdict]:
    """Every identity of the rule ``module`` found in the request: the first role against the second minus the
    third, all in the first's unit and period."""
    rule = module.rsplit(".", 1)[-1]
    for group in found(ctx, rule):
        roles = group.identity.roles
        for first, sign in group.terms[roles[0]][:_TRIED]:
            signed = _signed(first, sign)
            if signed is False:
                continue
            unit, period = _unit(first)
            result = _term(roles[0], first, unit, period, signed or None)  # type: ignore[arg-type]
            others = [_first(group.terms[r], r, unit, period, first) for r in roles[1:]]
            if result is None or None in others:
                continue
            yield _difference(ctx, module, group, [result, *others], unit)  # type: ignore[list-item]


def _first(items: Sequence[tuple[Item, int]], role: str, unit: str | None, period: str | None,
           besides: Item) -> Term | None:
    """The first figure of a role that measures what the first term measures."""
    for item, _ in items:
        if item is not besides:
            t = _term(role, item, unit, period)
            if t is not None:
                return t
    return None


def _minus(v: list[Interval]) -> tuple[Interval, Interval]:
    return v[1] - v[2], v[0]


def _difference(ctx: Context, module: str, group: Found, terms: list[Term], unit: str | None) -> Verdict:
    lang = ctx.language
    roles = group.identity.roles
    w = weigh(ctx.policy, f"{roles[0]} = {roles[1]} − {roles[2]}", terms, _minus, unit)
    items = [t.item for t in terms]
    figs = dict(assumed=_assumed(group),
                result=_named(items[0], Fig(terms[0].value, unit, period=terms[0].period)),  # type: ignore[arg-type]
                plus=_named(items[1], Fig(terms[1].value, unit, period=terms[1].period)),  # type: ignore[arg-type]
                minus=_named(items[2], Fig(terms[2].value, unit, period=terms[2].period)),  # type: ignore[arg-type]
                computed=Fig(w.result, unit, period=terms[0].period))
    if w.meets:
        return verdict(module, items, w.status, w.explain(lang, FIT, **figs), w.computation)  # type: ignore[arg-type]
    margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
    return verdict(module, items, "inconsistent", say(lang, MISS, margin=margin, **figs), w.computation,  # type: ignore[arg-type]
                   cause=cause_in_terms(ctx, terms, _minus))


# -- answers that exclude each other ---------------------------------------------------------------------------------
ANSWERS_FIT = N_("Assumed: {assumed}. {parts} add up to {sum}, which fits within 100 %.")
ANSWERS_WHOLE = N_("Assumed: {assumed}. {parts} add up to {sum}, which makes 100 % once rounding is allowed for.")
ANSWERS_OVER = N_("Assumed: {assumed}. {parts} add up to {sum}: more than 100 % by at least {margin}, so they cannot "
                  "all be shares of the same people.")
ANSWERS_SHORT = N_("Assumed: {assumed}. {parts} add up to {sum}: short of 100 % by {margin}.")
HUNDRED = Interval.of(100)
UP_TO_HUNDRED = Interval(Fraction(0), Fraction(100))


def answers(ctx: Context, module: str) -> Iterator[Verdict]:
    """The answers of one question, found in the labels: at most 100 % together (exactly 100 % when they exhaust
    the question). An answer such as 'undecided' is counted only when the others leave room for it: pollsters
    often give yes and no as shares of those who answered, and the undecided as a share of everyone asked."""
    rule = module.rsplit(".", 1)[-1]
    for group in found(ctx, rule):
        ident = group.identity
        chosen = {r: next((i for i, _ in group.terms.get(r, []) if is_share(i)), None) for r in ident.roles}
        sure = [r for r in ident.roles if r != ident.unsure and chosen[r] is not None]
        terms = [_term(r, chosen[r], "percent", None) for r in sure]  # type: ignore[arg-type]
        if ident.unsure and chosen[ident.unsure] is not None and terms:
            so_far = total(t.value for t in terms)  # type: ignore[union-attr]
            if so_far.high is not None and so_far.high < 100:
                terms.append(_term(ident.unsure, chosen[ident.unsure], "percent", None))  # type: ignore[arg-type]
        if len(terms) < 2 or None in terms:
            continue
        target = HUNDRED if ident.exhaustive else UP_TO_HUNDRED
        w = weigh(ctx.policy, "sum of the answers " + ("= 100 %" if ident.exhaustive else "≤ 100 %"), terms,  # type: ignore[arg-type]
                  lambda v: (total(v), target), "percent")
        items = [t.item for t in terms]  # type: ignore[union-attr]
        figs = dict(assumed=_assumed(group), sum=Fig(w.result, "percent"),
                    parts=_listed([(t.item, Fig(t.core if t.core.low == t.core.high else t.value, "percent"))  # type: ignore[union-attr]
                                   for t in terms]))
        if w.meets:
            yield verdict(module, items, w.status,  # type: ignore[arg-type]
                          w.explain(ctx.language, ANSWERS_WHOLE if ident.exhaustive else ANSWERS_FIT, **figs),
                          w.computation)
            continue
        over = w.result.low is not None and w.result.low > 100
        margin = Fig(Interval.point(w.result.gap(target)), "percentage_point")
        yield verdict(module, items, "inconsistent", say(ctx.language, ANSWERS_OVER if over else ANSWERS_SHORT,  # type: ignore[arg-type]
                                                         margin=margin, **figs), w.computation,
                      cause=cause_in_sum(ctx, terms, lambda _: target) if ident.exhaustive else None)  # type: ignore[arg-type]


JOIN = N_(" + ")


def _listed(named: Sequence[tuple[Item, Fig]]) -> Callable[[str], str]:
    parts = [_named(item, fig) for item, fig in named]
    return lambda code: translate(JOIN, code).join(p(code) for p in parts)


# -- a part within its whole ------------------------------------------------------------------------------------------
WITHIN_FIT = N_("Assumed: {assumed}. {part} is not more than {whole}.")
WITHIN_MISS = N_("Assumed: {assumed}. But {part} is more than {whole}, by at least {margin}.")


def _below(v: list[Interval]) -> tuple[Interval, Interval]:
    return v[0], Interval(None, v[1].high)


def within(ctx: Context, module: str, part: Item, whole: Item, assumed: Callable[[str], str] | Text,
           labels: tuple[str, str] | None = None) -> Verdict | None:
    """``part`` ≤ ``whole`` in the whole's unit, or None when they measure different things. ``labels``: how to
    name the two figures (default: their metrics)."""
    if part is whole or (part.reference and whole.reference):
        return None
    unit, period = _unit(whole)
    if unit == "percent":
        return None  # shares of different wholes: no order between them
    p, w_ = _term("part", part, unit, period), _term("whole", whole, unit, period)
    if p is None or w_ is None:
        return None
    w = weigh(ctx.policy, "part ≤ whole", [p, w_], _below, unit)
    names = labels or (metric(part), metric(whole))

    def fig(label: str, t: Term) -> Callable[[str], str]:
        value = Fig(t.value, unit, period=period)
        return lambda code: translate(QUOTE, code).format(label=label, value=value.text(code))

    said = assumed if callable(assumed) else (lambda code: (assumed.local if code != "en" and assumed.local
                                                             else assumed.en))
    figs = dict(assumed=said, part=fig(names[0], p), whole=fig(names[1], w_))
    if w.meets:
        return verdict(module, [part, whole], w.status, w.explain(ctx.language, WITHIN_FIT, **figs), w.computation)
    margin = Fig(Interval.point(p.value.gap(w.compared)), unit)
    return verdict(module, [part, whole], "inconsistent", say(ctx.language, WITHIN_MISS, margin=margin, **figs),
                   w.computation)


# -- what a sentence says about its figures ----------------------------------------------------------------------------
def sentences(ctx: Context) -> dict[str, list[Item]]:
    """The article's readable levels grouped by the sentence they were taken from (``claim.sentence``), built once
    per request."""
    memo = ctx.memo.get("sentences")
    if memo is None:
        memo = ctx.memo["sentences"] = {}
        for kind in (Quantity, Share):
            for item in ctx.of_kind(kind):
                if item.measure is not None and item.claim.sentence and not item.reference:
                    memo.setdefault(item.claim.sentence, []).append(item)
    return memo


def folded(ctx: Context, sentence: str) -> str:
    """``sentence`` as ``placed`` reads it (digits made ASCII, casefolded), made once per request whichever rules
    read it."""
    memo = ctx.memo.get("folded")
    if memo is None:
        memo = ctx.memo["folded"] = {}
    text = memo.get(sentence)
    if text is None:
        text = memo[sentence] = digits(sentence).casefold()
    return text


def cue_beside_figures(ctx: Context, words: Iterable[str]) -> bool:
    """Whether a sentence holding two figures or more contains one of ``words`` (folded as ``folded`` folds): the
    cheap precondition of the rules that read a cue word between figures of one sentence."""
    words = tuple(words)
    if words:
        for sentence, items in sentences(ctx).items():
            if len(items) > 1:
                text = folded(ctx, sentence)
                for w in words:
                    if w in text:
                        return True
    return False


def placed(text: str, items: Sequence[Item]) -> dict[int, Item] | None:
    """Where each figure was printed in ``text`` (digits made ASCII, casefolded), by position; None unless every
    figure is found there exactly where it was printed, once."""
    at: dict[int, Item] = {}
    for item in items:
        printed = digits(item.printed).casefold()
        where = text.find(printed)
        if where < 0 or where in at or text.find(printed, where + 1) >= 0:
            return None
        at[where] = item
    return at
