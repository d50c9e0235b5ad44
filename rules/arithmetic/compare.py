"""A figure said to be larger than another is larger

What: When an article says one figure is more than another — 'more than', 'أكبر من', 'يفوق', 'plus que', 'más
que', 'mehr als' — the first must be at least the second, within the ranges the printed figures allow; when it says
it is a multiple of it — 'twice as many as', 'ضعف', 'le double de', 'el triple de', 'doppelt so viele wie' — the
first must be about that multiple (within the policy's 'about'). The comparison is a ``compare`` relation
(``larger``, ``smaller``, ``times``) or, when the request has none, is read from a sentence that holds both figures
with a comparison word between them (``rules/data/compare.toml``).
Why: 'Larger than' that is smaller, or 'twice as many' that is three times as many, is a slip a reader checks at a
glance once both figures are printed side by side.
Example: 186,139 visitors for the Amenhotep exhibition were 'far more than' the 120,000 for the Kusama show: they
were.

Reading the wording: the two figures must be found in the claim's sentence as printed, next to each other (no other
figure between), of the same kind (convertible units), with the comparison word between them, at most a few words
from either and no clause break after it; a word directly followed by the second figure ('more than 5 million') is a
hedge on that figure, not a comparison, and is never read as one. Superlatives ('the largest') range over things the
article may not name and are not inferred (send a ``compare`` relation for each).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files

from rules.arithmetic._align import convert, is_share, metric, percent
from rules.arithmetic._identity import QUOTE, cue_beside_figures, folded, placed, sentences
from rules.causes import cause_in_terms
from rules.context import Context, Item
from rules.explain import Fig, say
from rules.interval import Interval
from rules.messages import N_, reasons, translate
from rules.model import Compare, Verdict
from rules.registry import Example
from rules.text import digits, key
from rules.verdicts import Term, fixed, term, verdict, weigh

_DATA = tomllib.loads(files("rules").joinpath("data/compare.toml").read_text("utf-8"))

SAID = N_("The article says {larger} is {how} {smaller}")
HOW = N_("more than")
HOW_TIMES = N_("{k} times")
MORE_FIT = N_("{said}: it is.")
MORE_MISS = N_("{said}, but it is less, by at least {margin}.")
TIMES_FIT = N_("{said}: {smaller_fig} × {k} is {computed}, and {larger_fig} is within that range.")
TIMES_MISS = N_("{said}, but {smaller_fig} × {k} is {computed}, not {larger_fig}: they miss by {margin}.")
UNCOMPARABLE = N_("'{larger}' and '{smaller}' cannot be compared: {why}.")

#: Words allowed between the first figure and the comparison word, and between the word and the second figure.
_NOT_NEGATIVE = Interval(Fraction(0), None)  # made once: Fraction(n) checks an ABC
_NEAR = 4
_BREAK = re.compile(r"[.;:؛!?؟]")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Cue:
    words: str
    sign: int  # +1: the first figure is the larger; -1: the smaller
    times: Fraction | None
    pattern: re.Pattern[str]


def _cue(words: str, sign: int, times: Fraction | None) -> _Cue:
    words = words.casefold()
    return _Cue(words, sign, times, re.compile(r"(?<!\w)" + re.escape(words) + (r"(?!\w)" if words[-1].isalnum() else "")))


@lru_cache(maxsize=8)
def _cues(lang: str) -> tuple[_Cue, ...]:
    """The comparison words of ``lang``, compiled once, longest first."""
    table = _DATA.get(lang, {})
    cues = [_cue(w, 1, None) for w in table.get("more", [])]
    cues += [_cue(w, -1, None) for w in table.get("less", [])]
    cues += [_cue(w, 1, Fraction(k)) for w, k in table.get("times", {}).items()]
    return tuple(sorted(cues, key=lambda c: -len(c.words)))


@lru_cache(maxsize=8)
def _stop(lang: str) -> frozenset[str]:
    from rules.text import _LABELS  # the stop words pairing drops: articles and prepositions

    return _LABELS.get(lang, _LABELS["en"])[0]


@dataclass(frozen=True)
class _Said:
    larger: str
    smaller: str
    times: Fraction | None
    cue: str | None  # the words read from the sentence; None for a relation sent


def _read(text: str, first: Item, second: Item, lang: str) -> _Said | None:
    """A comparison between two neighbouring figures, from the words printed between them."""
    for cue in _cues(lang):
        found = cue.pattern.search(text) if cue.words in text else None
        if found is None:
            continue
        before, after = text[: found.start()], text[found.end():]
        if _BREAK.search(before) or _BREAK.search(after) or before.count(",") + before.count("،") > 1 \
                or "," in after or "،" in after:
            return None
        near, far = _WORD.findall(before), _WORD.findall(after)
        if len(near) > _NEAR or len(far) > _NEAR or not far:
            return None  # 'more than 5 million': a hedge on the second figure, not a comparison
        labels = set(second.subject.split()) | set(second.metric.split()) | set(second.scope.split())
        if not (all(w in _stop(lang) for w in far) or {s for w in far for s in key(w, lang).split()} & labels):
            return None  # the words after the comparison must name the second figure, or be only articles
        k = cue.times
        if k is not None and k < 1:
            return _Said(second.id, first.id, 1 / k, cue.words)
        if cue.sign > 0:
            return _Said(first.id, second.id, k, cue.words)
        return _Said(second.id, first.id, k, cue.words)
    return None


def _inferred(ctx: Context) -> Iterator[_Said]:
    lang = ctx.language.split("-")[0].lower()
    if not _cues(lang):
        return
    for sentence, items in sentences(ctx).items():
        if len(items) < 2:
            continue
        text = folded(ctx, sentence)
        at = placed(text, items)
        if at is None:
            continue
        order = sorted(at)
        for a, b in zip(order, order[1:]):
            first, second = at[a], at[b]
            end = a + len(digits(first.printed))
            said = _read(text[end:b], first, second, lang)
            if said is not None:
                yield said


def _comparisons(ctx: Context) -> Iterator[_Said]:
    sent = ctx.relations.get(Compare, [])
    for rel in sent:
        yield _Said(rel.larger, rel.smaller, Fraction(rel.times) if rel.times else None, None)
    if not sent:
        yield from _inferred(ctx)


def _in(larger: Item, smaller: Item) -> tuple[Term, Term] | str:
    """The two figures in the larger's unit and period, or why they cannot be."""
    lm, sm = larger.measure, smaller.measure
    assert lm is not None and sm is not None
    if is_share(larger) != is_share(smaller):
        return "one is a share, the other an amount"
    if is_share(larger):
        return (term("larger", larger, "percent", lambda v, m=lm: percent(m, v)),
                term("smaller", smaller, "percent", lambda v, m=sm: percent(m, v)))
    if convert(sm, lm.unit, lm.period) is None:
        return "they measure different things"
    return (term("larger", larger, lm.unit),
            term("smaller", smaller, lm.unit, lambda v, m=sm: convert(m, lm.unit, lm.period, v), lm.period))


def _labels(a: Item, b: Item) -> tuple[str, str]:
    """How to name two figures: their metrics, with the label that tells them apart when the metrics are alike."""
    if metric(a) != metric(b):
        return metric(a), metric(b)
    for field in ("scope", "subject", "time"):
        x, y = getattr(a.claim, field, None), getattr(b.claim, field, None)
        if x != y:
            return f"{metric(a)}, {x or '—'}", f"{metric(b)}, {y or '—'}"
    return metric(a), metric(b)


def _named(item: Item, t: Term) -> Fig | object:
    fig = Fig(t.value, t.unit, period=t.period)
    label = metric(item)
    return lambda code: translate(QUOTE, code).format(label=label, value=fig.text(code))


def applies(ctx: Context) -> bool:
    """A ``compare`` relation, or a sentence holding two figures and one of the language's comparison words."""
    cues = _cues(ctx.language.split("-")[0].lower())
    return Compare in ctx.relations or cue_beside_figures(ctx, (c.words for c in cues))


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    seen: set[tuple[str, str]] = set()
    for said in _comparisons(ctx):
        larger, smaller = ctx.get(said.larger), ctx.get(said.smaller)
        if larger is None or smaller is None or (said.larger, said.smaller) in seen:
            continue
        seen.add((said.larger, said.smaller))
        if larger.measure is None or smaller.measure is None:
            if said.cue is None:
                why = reasons((p for i in (larger, smaller) for p in i.problems), "a figure was not read")
                yield verdict(__name__, [larger, smaller], "unverifiable",
                              say(lang, UNCOMPARABLE, larger=metric(larger), smaller=metric(smaller), why=why))
            continue
        terms = _in(larger, smaller)
        if isinstance(terms, str):
            if said.cue is None:
                yield verdict(__name__, [larger, smaller], "unverifiable",
                              say(lang, UNCOMPARABLE, larger=metric(larger), smaller=metric(smaller), why=terms))
            continue
        yield _weighed(ctx, larger, smaller, terms, said)


def _weighed(ctx: Context, larger: Item, smaller: Item, terms: tuple[Term, Term], said: _Said) -> Verdict:
    lang = ctx.language
    big, small = terms
    unit = big.unit
    k = said.times
    how = (lambda code: translate(HOW_TIMES, code).format(k=Fig(Interval.point(k)).text(code))) \
        if k is not None else (lambda code: translate(HOW, code))
    names = _labels(larger, smaller)
    quoted = lambda code, cue=said.cue: f"{translate(SAID, code)}" + (f" («{cue}»)" if cue else "")  # noqa: E731
    said_text = lambda code: quoted(code).format(  # noqa: E731
        larger=translate(QUOTE, code).format(label=names[0], value=Fig(big.value, unit, period=big.period).text(code)),
        smaller=translate(QUOTE, code).format(label=names[1], value=Fig(small.value, unit, period=big.period).text(code)),
        how=how(code))
    if k is None:
        w = weigh(ctx.policy, "larger − smaller ≥ 0", [big, small],
                  lambda v: (v[0] - v[1], _NOT_NEGATIVE), unit)
        if w.meets:
            return verdict(__name__, [larger, smaller], w.status, w.explain(lang, MORE_FIT, said=said_text),
                           w.computation)
        margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
        return verdict(__name__, [larger, smaller], "inconsistent", say(lang, MORE_MISS, said=said_text, margin=margin),
                       w.computation)
    factor = fixed("k", None, Interval.point(k).widen(ctx.policy.approximate), None, printed=str(k),
                   core=Interval.point(k))

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        return v[1] * v[2], v[0]

    all_terms = [big, small, factor]
    w = weigh(ctx.policy, "larger = smaller × k", all_terms, relation, unit)
    figs = dict(said=said_text, smaller_fig=_named(smaller, small), larger_fig=_named(larger, big),
                k=Fig(factor.value), computed=Fig(w.result, unit, period=big.period))
    if w.meets:
        return verdict(__name__, [larger, smaller], w.status, w.explain(lang, TIMES_FIT, **figs), w.computation)  # type: ignore[arg-type]
    margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
    return verdict(__name__, [larger, smaller], "inconsistent", say(lang, TIMES_MISS, margin=margin, **figs),  # type: ignore[arg-type]
                   w.computation, cause=cause_in_terms(ctx, [big, small], lambda v: relation([*v, factor.value])))


_CLEVELAND = ("The Amenhotep exhibition drew 186,139 visitors, far more than the 120,000 attendees for the Kusama "
              "show.")
_MUSEUM = {"subject": "Cleveland Museum of Art", "metric": "exhibition visitors", "sentence": _CLEVELAND}
_SRC = "https://www.kleinhenzassociates.com/tag/cleveland/"
EXAMPLES = [
    Example("Cleveland: 186,139 visitors for Amenhotep, 'far more than' the 120,000 for Kusama",
            claims=[{"kind": "quantity", "id": "amen", "value": "186,139 visitors", "scope": "Amenhotep", **_MUSEUM},
                    {"kind": "quantity", "id": "kusama", "value": "120,000 attendees", "scope": "Kusama", **_MUSEUM}],
            expect="consistent", says=("more than",), source=_SRC),
    Example("Membership topped 30,000, more than the 29,491 households of June 2016 (a relation sent)",
            claims=[{"kind": "quantity", "id": "now", "value": "30,000", "subject": "Cleveland Museum of Art",
                     "metric": "memberships", "time": "2018"},
                    {"kind": "quantity", "id": "then", "value": "29,491", "subject": "Cleveland Museum of Art",
                     "metric": "memberships", "time": "June 2016"}],
            relations=[{"kind": "compare", "larger": "now", "smaller": "then"}],
            expect="consistent", source=_SRC),
    Example("The same sentence with the figures swapped: 120,139 visitors cannot be 'far more than' 186,000",
            claims=[{"kind": "quantity", "id": "amen", "value": "120,139 visitors", "scope": "Amenhotep",
                     **{**_MUSEUM, "sentence": _CLEVELAND.replace("186,139", "120,139").replace("120,000", "186,000")}},
                    {"kind": "quantity", "id": "kusama", "value": "186,000 attendees", "scope": "Kusama",
                     **{**_MUSEUM, "sentence": _CLEVELAND.replace("186,139", "120,139").replace("120,000", "186,000")}}],
            expect="inconsistent", source=_SRC),
    Example("Egypt's second-quarter exports ($8.4 billion) called double its imports ($15.9 billion): the published "
            "figures in a sentence written for this example", language="ar",
            claims=[{"kind": "quantity", "id": "x", "value": "8.4 مليار دولار", "subject": "مصر", "metric": "الصادرات",
                     "sentence": "بلغت الصادرات 8.4 مليار دولار، ضعف الواردات البالغة 15.9 مليار دولار"},
                    {"kind": "quantity", "id": "m", "value": "15.9 مليار دولار", "subject": "مصر", "metric": "الواردات",
                     "sentence": "بلغت الصادرات 8.4 مليار دولار، ضعف الواردات البالغة 15.9 مليار دولار"}],
            expect="inconsistent",
            source="https://ahlmasrnews.com/news/talk-show/13174524/"),
    Example("Cleveland with Kusama's attendance printed as 186,200: 'more than' holds only if both were rounded "
            "towards each other",
            claims=[{"kind": "quantity", "id": "amen", "value": "186,100 visitors", "scope": "Amenhotep",
                     **{**_MUSEUM, "sentence": _CLEVELAND.replace("186,139", "186,100").replace("120,000", "186,200")}},
                    {"kind": "quantity", "id": "kusama", "value": "186,200 attendees", "scope": "Kusama",
                     **{**_MUSEUM, "sentence": _CLEVELAND.replace("186,139", "186,100").replace("120,000", "186,200")}}],
            expect="doubtful", source=_SRC),
]
