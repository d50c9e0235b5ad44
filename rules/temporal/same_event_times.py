"""Same event, compatible times

What: When an article states the time of the same event twice ("by 2025" in the headline, "by September 2025" in
the body), the two times must be compatible: the days each allows must overlap. Two deadlines ("by 2025", "by
September 2025") are compared as the periods they name, so a finer one must lie within a coarser one; otherwise
the days allowed by each modifier are compared ("by 2025" allows March 2025, "after 2024" does not allow 2023).
Why: A headline and a body that disagree about when something happens leave the reader with two dates; one of
them is wrong, often a year slip or a draft left unedited.
Example: "by September 2025" fits "by 2025"; "by March 2025" does not fit "by 2024".

Pairing: events with the same subject and the same "what", or named together in a ``same`` relation: every pair
of a few; in a crowd, each event with the events that bound the group (``rules.crowds``), at most 50 verdicts
per group and the rest counted in a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rules.context import Context, Item
from rules.crowds import FEW, extremes, pairs, summarised
from rules.explain import say
from rules.messages import N_, Said
from rules.model import Event, Same, Verdict
from rules.normalise.times import TimeSpan, span_text
from rules.registry import Example
from rules.temporal._time import Window, computation, days_text, distance, unreadable, year_slip
from rules.verdicts import verdict

FIT = N_("'{a}' ({a_range}) and '{b}' ({b_range}) are compatible: {inner} lies within {outer}.")
OVERLAP = N_("'{a}' ({a_range}) and '{b}' ({b_range}) overlap, so they can both be true.")
MISS = N_("'{a}' ({a_range}) and '{b}' ({b_range}) name times that do not overlap: {days} apart. The same event cannot "
          "have both times.")
UNREADABLE = N_("Cannot compare the two times: {why}.")


def _groups(ctx: Context) -> Iterator[tuple[str, list[Item]]]:
    """Events that name one event: those of a ``same`` relation, then those with the same subject and "what"."""
    for n, rel in enumerate(ctx.relations.get(Same, [])):
        yield Said(N_("the events of same relation {number}"), number=n), [i for i in (ctx.get(c) for c in rel.claims)
                                                     if i is not None and isinstance(i.claim, Event)]
    by_what: dict[tuple[str, str], list[Item]] = {}
    for item in ctx.of_kind(Event):
        by_what.setdefault((item.subject, item.metric), []).append(item)
    for items in by_what.values():
        yield Said(N_("the events '{what}'"), what=items[0].claim.what), items  # type: ignore[union-attr]


def _partners(members: list[Item]) -> Callable[[Item], list[Item]]:
    """For a crowd: whom each event is compared with — the events that bound the group, in the way the pair is
    compared (two deadlines as the periods they name, anything else as the days it allows)."""
    readable = [i for i in members if i.time is not None]
    deadlines = [i for i in readable if i.time.modifier == "by"]  # type: ignore[union-attr]
    period = extremes(deadlines, lambda i: compared(i.time, i.time)[0])  # type: ignore[arg-type]
    window = extremes(readable, lambda i: i.time.window())  # type: ignore[union-attr]
    not_deadline = extremes((i for i in readable if i.time.modifier != "by"), lambda i: i.time.window())  # type: ignore[union-attr]

    def partners(item: Item) -> list[Item]:
        if item.time is None:
            return members[:2]
        return period + not_deadline if item.time.modifier == "by" else window

    return partners


def compared(a: TimeSpan, b: TimeSpan) -> tuple[Window, Window]:
    """Two deadlines are compared as the periods they name; anything else as the days it allows."""
    if a.modifier == "by" and b.modifier == "by":
        return (a.start, None if a.open else a.last), (b.start, None if b.open else b.last)
    return a.window(), b.window()


def _within(inner: Window, outer: Window) -> bool:
    return (outer[0] is None or (inner[0] is not None and outer[0] <= inner[0])) and \
        (outer[1] is None or (inner[1] is not None and inner[1] <= outer[1]))


def check(ctx: Context) -> Iterator[Verdict]:
    seen: set[frozenset[str]] = set()
    for label, group in _groups(ctx):
        members = [i for i in group if i.claim.time]  # type: ignore[union-attr]  # one naming no time: nothing to compare
        outcomes = []
        for a, b in pairs(members, _partners(members) if len(members) > FEW else lambda _: ()):
            if frozenset((a.id, b.id)) not in seen:
                seen.add(frozenset((a.id, b.id)))
                outcomes.append(_compare(ctx.language, a, b))
        yield from summarised(ctx.problems, "same_event_times", label, outcomes, language=ctx.language)


def _compare(lang: str, a: Item, b: Item) -> tuple[bool, Callable[[], Verdict]]:
    """Whether the two times fit (unreadable ones count as fitting: nothing says they miss), and the verdict."""
    if a.time is None or b.time is None:
        why = unreadable(i for i in (a, b) if i.time is None)
        return True, lambda: verdict(__name__, [a, b], "unverifiable", say(lang, UNREADABLE, why=why))
    wa, wb = compared(a.time, b.time)
    margin = distance(wa, wb)
    return margin == 0, lambda: _verdict(lang, a, b, wa, wb, margin)


def _verdict(lang: str, a: Item, b: Item, wa: Window, wb: Window, margin: int) -> Verdict:
    assert a.time is not None and b.time is not None
    figs = dict(a=a.time.text, b=b.time.text, a_range=span_text(*wa), b_range=span_text(*wb))
    comp = computation("the two times share a day", [("a", a, wa, None), ("b", b, wb, None)], wa, wb, margin)
    if margin == 0:
        if _within(wb, wa):
            text = say(lang, FIT, inner=figs["b_range"], outer=figs["a_range"], **figs)
        elif _within(wa, wb):
            text = say(lang, FIT, inner=figs["a_range"], outer=figs["b_range"], **figs)
        else:
            text = say(lang, OVERLAP, **figs)
        return verdict(__name__, [a, b], "consistent", text, comp)
    cause = year_slip(lang, wb, lambda w: distance(wa, w) == 0) or \
        year_slip(lang, wa, lambda w: distance(w, wb) == 0)
    return verdict(__name__, [a, b], "inconsistent", say(lang, MISS, days=days_text(margin), **figs), comp, cause)


_LAUNCH = {"kind": "event", "subject": "TikTok", "what": "launch of the US app", "tense": "future",
           "modality": "expected"}
EXAMPLES = [
    Example("'by September 2025' fits 'by 2025'",
            claims=[{**_LAUNCH, "id": "head", "time": "by 2025"},
                    {**_LAUNCH, "id": "body", "time": "by September 2025"}],
            expect="consistent"),
    Example("«بحلول سبتمبر 2025» ضمن «بحلول عام 2025»", language="ar",
            claims=[{"kind": "event", "id": "h", "what": "إطلاق نسخة أميركية", "time": "بحلول عام 2025"},
                    {"kind": "event", "id": "b", "what": "طرح تطبيق M2", "time": "بحلول أيلول 2025"}],
            relations=[{"kind": "same", "claims": ["h", "b"]}], expect="consistent"),
    Example("A Hijri date and a Gregorian one for the same opening agree", language="ar",
            claims=[{"kind": "event", "id": "h", "what": "افتتاح المعرض", "time": "15 رمضان 1446 هـ"},
                    {"kind": "event", "id": "g", "what": "افتتاح المعرض", "time": "منتصف مارس 2025"}],
            expect="consistent"),
    Example("'by March 2025' does not fit 'by 2024'",
            claims=[{**_LAUNCH, "id": "head", "time": "by 2024"}, {**_LAUNCH, "id": "body", "time": "by March 2025"}],
            expect="inconsistent", cause="year_slip"),
    Example("Le même lancement en juin 2025 et en 2026", language="fr",
            claims=[{"kind": "event", "id": "a", "what": "lancement", "time": "en juin 2025"},
                    {"kind": "event", "id": "b", "what": "lancement", "time": "en 2026"}],
            expect="inconsistent"),
    Example("«بعد 2024» لا يتسق مع «في الربع الثالث من 2023»", language="ar",
            claims=[{"kind": "event", "id": "a", "what": "الطرح العام", "time": "بعد 2024"},
                    {"kind": "event", "id": "b", "what": "الطرح العام", "time": "في الربع الثالث من 2023"}],
            expect="inconsistent"),
    Example("'last year' cannot be compared without a publication date",
            claims=[{"kind": "event", "id": "a", "what": "merger", "time": "last year", "subject": "Acme"},
                    {"kind": "event", "id": "b", "what": "merger", "time": "in 2023", "subject": "Acme"}],
            expect="unverifiable"),
]
