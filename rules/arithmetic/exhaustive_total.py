"""Categories said to make a whole add up to it

What: A total and the categories that make all of it must add up: (1) when a sentence calls a breakdown complete —
a total, then a cue ('split between', 'موزعة على', 'répartis entre', 'se reparte entre', 'verteilt auf':
``[exhaustive]`` in ``rules/data/identities.toml``), then the categories, each list item with its figure — the
categories add up to the total (or, with no total before the cue, shares add up to 100 %); (2) when a group's two
sides of a partition are given with the group itself — men and women, citizens and foreigners
(``[partitions]`` in ``rules/data/containment.toml``) — the two add up to the group. Ranges are added end by end,
as the ``parts_sum`` rule adds them.
Why: 'The budget is split between…' promises the reader that the parts are all of it; a breakdown that does not add
up, or Saudi and foreign women who are more than all the women counted, has a wrong figure in it.
Example: Saudi women employed in the private sector (166,848) and expatriate women (147,978) make 314,826, not the
308,766 women the same report counted.

Pairing: a breakdown is read from one claim's ``sentence`` when every claim in it is found there as printed; when a
list item after the cue has no figure (a category the article does not count), the categories need only stay within
the total. A partition needs the group and both sides for the same subject, scope and time. Otherwise nothing is said.
Likely cause: the slip in one category (×1 000, a decimal comma…) that makes them add up, when one does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from rules.arithmetic._align import is_share, metric
from rules.arithmetic._identity import QUOTE, _listed, _term, cue_beside_figures, folded, placed, sentences
from rules.arithmetic.subgroup_within import groups
from rules.causes import cause_in_sum
from rules.context import Context, Item
from rules.explain import Fig, say
from rules.identities import exhaustive_cues
from rules.interval import Interval, total
from rules.messages import N_, translate
from rules.model import Verdict
from rules.registry import Example
from rules.text import digits
from rules.verdicts import Term, verdict, weigh

CUE = N_("the sentence says the whole is {cue} them")
PARTITION = N_("'{a}' and '{b}' are all of '{whole}', with nobody in both")
FIT = N_("Assumed: {assumed}. {parts} add up to {sum}; {whole} is within that range.")
MISS = N_("Assumed: {assumed}. {parts} add up to {sum}, but the article gives {whole}: they miss by {margin}.")
WITHIN = N_("Assumed: {assumed} (not every category has a figure, so they need only stay within it). {parts} add up to "
            "{sum}, which does not exceed {whole}.")
OVER = N_("Assumed: {assumed}. {parts} add up to {sum}, more than {whole}, by at least {margin}.")
HUNDRED = Interval.of(100)
#: List items end at these marks ('and' joins the last two items, and words inside one: 'finance and commercial').
_ITEMS = re.compile(r"[،;؛]|,(?!\d)")  # a comma before a digit is a decimal mark ('1,2 milliard')


def _breakdown(text: str, items: list[Item], lang: str) -> tuple[str, Item | None, list[Item], bool] | None:
    """(cue, total, categories, complete) when the sentence (``folded``) calls a breakdown complete; else None."""
    cue = next(((c, text.find(c)) for c in exhaustive_cues(lang) if c in text), None)
    at = placed(text, items) if cue is not None else None
    if cue is None or at is None:
        return None
    cue_start, cue_end = cue[1], cue[1] + len(cue[0])
    before = [at[p] for p in sorted(at) if p + len(digits(at[p].printed)) <= cue_start]
    after = sorted(p for p in at if p >= cue_end)
    if len(after) < 2:
        return None
    complete, start = True, cue_end
    for end in [m.start() for m in _ITEMS.finditer(text, cue_end)] + [len(text)]:
        if start > after[0] and not any(start <= p < end for p in after) and re.search(r"[^\W\d_]", text[start:end]):
            complete = False  # a list item with no figure: a category the article does not count
        start = end + 1
    last = after[-1] + len(digits(at[after[-1]].printed))
    if re.search(r"[^\W\d_]", text[last:]):
        complete = False  # words after the last figure: another category, uncounted
    return cue[0], (before[-1] if before else None), [at[p] for p in after], complete


def _quoted(item: Item, t: Term) -> Callable[[str], str]:
    label, fig = metric(item), Fig(t.value, t.unit, period=t.period)
    return lambda code: translate(QUOTE, code).format(label=label, value=fig.text(code))


def _add_up(ctx: Context, parts: Sequence[Item], whole: Item | None, assumed: Callable[[str], str],
            complete: bool) -> Verdict | None:
    """The categories against their whole (or 100 % for shares without one), in the whole's unit."""
    if whole is None:
        if not all(is_share(p) for p in parts):
            return None
        unit, period = "percent", None
    else:
        unit, period = ("percent" if is_share(whole) else whole.measure.unit), whole.measure.period  # type: ignore[union-attr]
    terms = [_term(f"part {n + 1}", p, unit, period) for n, p in enumerate(parts)]
    whole_term = _term("total", whole, unit, period) if whole is not None else None
    if None in terms or (whole is not None and whole_term is None):
        return None
    target = (lambda w: w) if complete else (lambda w: Interval(None, w.high))
    all_terms = [*terms, *([whole_term] if whole_term else [])]

    def relation(v: list[Interval]) -> tuple[Interval, Interval]:
        return (total(v[:-1]), target(v[-1])) if whole_term else (total(v), target(HUNDRED))

    w = weigh(ctx.policy, "sum of the categories " + ("= " if complete else "≤ ") + ("total" if whole else "100 %"),
              all_terms, relation, unit)  # type: ignore[arg-type]
    items = [t.item for t in all_terms]  # type: ignore[union-attr]
    whole_fig = _quoted(whole, whole_term) if whole is not None and whole_term is not None else Fig(HUNDRED, "percent")
    figs = dict(assumed=assumed, parts=_listed([(t.item, Fig(t.value, unit, period=t.period)) for t in terms]),  # type: ignore[union-attr]
                sum=Fig(w.result, unit, period=period), whole=whole_fig)
    if w.meets:
        return verdict(__name__, items, w.status, w.explain(ctx.language, FIT if complete else WITHIN, **figs),  # type: ignore[arg-type]
                       w.computation)
    over = not complete or (w.result.low is not None and w.compared.high is not None and w.result.low > w.compared.high)
    margin = Fig(Interval.point(w.result.gap(w.compared)), "percentage_point" if unit == "percent" else unit)
    cause = cause_in_sum(ctx, terms, lambda x: x, whole_term) if complete else None  # type: ignore[arg-type]
    return verdict(__name__, items, "inconsistent", say(ctx.language, OVER if over else MISS, margin=margin, **figs),  # type: ignore[arg-type]
                   w.computation, cause=cause)


def applies(ctx: Context) -> bool:
    """A sentence holding two figures and a word that calls a breakdown complete, or both sides of a partition of
    a group the request names (``groups``)."""
    if cue_beside_figures(ctx, exhaustive_cues(ctx.language.split("-")[0].lower())):
        return True
    return any(qualifier.partition is not None for _, _, qualifier in groups(ctx))  # type: ignore[attr-defined]


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language.split("-")[0].lower()
    for sentence, items in sentences(ctx).items():
        if len(items) < 2:
            continue
        found = _breakdown(folded(ctx, sentence), items, lang)
        if found is None:
            continue
        cue, whole, parts, complete = found
        if len({p.when for p in parts} | ({whole.when} if whole else set())) != 1:
            continue  # figures for different times are not parts of one whole
        said = lambda code, cue=cue: translate(CUE, code).format(cue=cue)  # noqa: E731
        v = _add_up(ctx, parts, whole, said, complete)
        if v is not None:
            yield v
    yield from _partitions(ctx)


def _partitions(ctx: Context) -> Iterator[Verdict]:
    """A group and both sides of a partition of it (men and women): the sides add up to the group."""
    sides: dict[tuple[int, int], dict[int, Item]] = defaultdict(dict)  # (group, partition) → side → first subgroup
    wholes: dict[int, Item] = {}
    for part, whole, qualifier in groups(ctx):
        if qualifier.partition is not None:  # type: ignore[attr-defined]
            p, side = qualifier.partition  # type: ignore[attr-defined]
            sides[(id(whole), p)].setdefault(side, part)
            wholes[id(whole)] = whole
    for (whole_id, _), found in sides.items():
        if len(found) < 2:
            continue
        whole = wholes[whole_id]
        a, b = found[0], found[1]
        names = (metric(a), metric(b), metric(whole))
        said = lambda code, n=names: translate(PARTITION, code).format(a=n[0], b=n[1], whole=n[2])  # noqa: E731
        v = _add_up(ctx, [a, b], whole, said, True)
        if v is not None:
            yield v


_NORFOLK = {"subject": "Norfolk County Council", "time": "2022-23"}
_NORFOLK_SRC = ("https://www.norfolk.gov.uk/what-we-do-and-how-we-work/our-budget-and-council-tax/our-budget/"
                "where-the-money-is-spent")
_NORFOLK_SENTENCE = ("Norfolk's total budget of £1.637 billion for 2022-23 is split between children's services "
                     "(£617m), adult social services (£495m), community and environmental services (£340m), general "
                     "finance (£107m), running the council (£24m) and finance and commercial services (£54m).")


def _norfolk(values: Sequence[str]) -> list[dict]:
    labels = ["total budget", "children's services", "adult social services", "community and environmental services",
              "general finance", "running the council", "finance and commercial services"]
    sentence = _NORFOLK_SENTENCE
    for old, new in zip(["£1.637 billion", "£617m", "£495m", "£340m", "£107m", "£24m", "£54m"], values, strict=True):
        sentence = sentence.replace(old, new)
    return [{"kind": "quantity", "id": f"c{n}", "value": v, "metric": label, "sentence": sentence, **_NORFOLK}
            for n, (v, label) in enumerate(zip(values, labels, strict=True))]


_GOSI = {"subject": "Saudis registered in employment", "time": "the third quarter of 2023"}
_GASTAT = {"subject": "private sector"}
_OKAZ = {"subject": "القطاع الخاص", "time": "نوفمبر 2025"}
EXAMPLES = [
    Example("Norfolk's £1.637 billion budget split between six services that add up to it",
            claims=_norfolk(["£1.637 billion", "£617m", "£495m", "£340m", "£107m", "£24m", "£54m"]),
            expect="consistent", says=("split between",),
            source=_NORFOLK_SRC),
    Example("Third quarter of 2023: 2,357,785 men and 1,563,536 women make the 3,921,321 Saudi employees",
            claims=[{"kind": "quantity", "id": "men", "value": "2,357,785", "metric": "male employees", **_GOSI},
                    {"kind": "quantity", "id": "women", "value": "1,563,536", "metric": "women employees", **_GOSI},
                    {"kind": "quantity", "id": "all", "value": "3,921,321", "metric": "employees", **_GOSI}],
            expect="consistent",
            source="https://www.zawya.com/en/economy/gcc/39mln-saudis-registered-in-employment-market-in-3q-ippw6wri"),
    Example("السعوديون في القطاع الخاص: 1.48 مليون من الذكور و1.05 مليون من الإناث من أصل 2.53 مليون", language="ar",
            claims=[{"kind": "quantity", "id": "m", "value": "1.48 مليون", "metric": "العاملين السعوديين الذكور", **_OKAZ},
                    {"kind": "quantity", "id": "f", "value": "1.05 مليون", "metric": "العاملين السعوديين الإناث", **_OKAZ},
                    {"kind": "quantity", "id": "all", "value": "2.53 مليون", "metric": "العاملين السعوديين", **_OKAZ}],
            expect="consistent", source="https://www.okaz.com.sa/economy/na/2222093"),
    Example("GaStat via Saudi Gazette: 166,848 Saudi women and 147,978 expatriate women are not the 308,766 women "
            "employed in the private sector",
            claims=[{"kind": "quantity", "id": "saudi", "value": "166,848", "metric": "Saudi women employed", **_GASTAT},
                    {"kind": "quantity", "id": "expat", "value": "147,978", "metric": "expatriate women employed",
                     **_GASTAT},
                    {"kind": "quantity", "id": "all", "value": "308,766", "metric": "women employed", **_GASTAT}],
            expect="inconsistent", source="https://saudigazette.com.sa/article/561388"),
    Example("Norfolk's budget with general finance printed as £107 billion: the services no longer make the total",
            claims=_norfolk(["£1.637 billion", "£617m", "£495m", "£340m", "£107 billion", "£24m", "£54m"]),
            expect="inconsistent", cause="scale_1000",
            source=_NORFOLK_SRC),
    Example("Norfolk's services with £341m for £340m and £56m for £54m: £1,640m "
            "against £1,637m meets only at the edge of every rounding",
            claims=_norfolk(["£1.637 billion", "£617m", "£495m", "£341m", "£107m", "£24m", "£56m"]),
            expect="doubtful",
            source=_NORFOLK_SRC),
]
