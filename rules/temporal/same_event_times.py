"""Same event, compatible times

What: When an article states the time of the same event twice ("by 2025" in the headline, "by September 2025" in
the body), the two times must be compatible: the periods they name must overlap, so a finer one lies within a
coarser one.
Why: A headline and a body that disagree about when something happens leave the reader with two dates; one of
them is wrong, often a year slip or a draft left unedited.
Example: "by September 2025" fits "by 2025"; "by March 2025" does not fit "by 2024".

Pairing: events with the same subject and the same "what", or named together in a ``same`` relation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rules.context import Context, Example, Item
from rules.explain import say
from rules.model import Event, Same, Verdict
from rules.verdicts import verdict

FIT = {
    "en": "'{a}' ({a_range}) and '{b}' ({b_range}) are compatible: {inner} lies within {outer}.",
    "ar": "«{a}» ({a_range}) و«{b}» ({b_range}) متوافقان: {inner} تقع ضمن {outer}.",
    "fr": "« {a} » ({a_range}) et « {b} » ({b_range}) sont compatibles : {inner} est compris dans {outer}.",
    "es": "«{a}» ({a_range}) y «{b}» ({b_range}) son compatibles: {inner} está dentro de {outer}.",
    "de": "„{a}“ ({a_range}) und „{b}“ ({b_range}) passen zusammen: {inner} liegt in {outer}.",
}
OVERLAP = {
    "en": "'{a}' ({a_range}) and '{b}' ({b_range}) overlap, so they can both be true.",
    "ar": "«{a}» ({a_range}) و«{b}» ({b_range}) متداخلان، فيمكن أن يصحّا معًا.",
}
MISS = {
    "en": "'{a}' ({a_range}) and '{b}' ({b_range}) name periods that do not overlap: {days} days apart. The same "
          "event cannot have both times.",
    "ar": "«{a}» ({a_range}) و«{b}» ({b_range}) فترتان لا تتداخلان، وبينهما {days} يومًا. لا يمكن أن يكون للحدث "
          "نفسه الموعدان معًا.",
    "fr": "« {a} » ({a_range}) et « {b} » ({b_range}) ne se recouvrent pas : {days} jours d'écart.",
    "es": "«{a}» ({a_range}) y «{b}» ({b_range}) no se solapan: {days} días de diferencia.",
    "de": "„{a}“ ({a_range}) und „{b}“ ({b_range}) überschneiden sich nicht: {days} Tage Abstand.",
}


def _pairs(ctx: Context) -> Iterator[tuple[Item, Item]]:
    seen: set[tuple[str, str]] = set()
    for rel in ctx.relations.get(Same, []):
        events = [i for i in (ctx.get(c) for c in rel.claims) if i is not None and isinstance(i.claim, Event)]
        for n, a in enumerate(events):
            for b in events[n + 1:]:
                if (a.id, b.id) not in seen:
                    seen.add((a.id, b.id))
                    yield a, b
    by_what: dict[tuple[str, str], list[Item]] = {}
    for item in ctx.of_kind(Event):
        by_what.setdefault((item.subject, item.metric), []).append(item)
    for items in by_what.values():
        for n, a in enumerate(items):
            for b in items[n + 1:]:
                if (a.id, b.id) not in seen:
                    seen.add((a.id, b.id))
                    yield a, b


def _range(start: dt.date, end: dt.date) -> str:
    last = end - dt.timedelta(days=1)
    return start.isoformat() if start == last else f"{start.isoformat()} – {last.isoformat()}"


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    for a, b in _pairs(ctx):
        if not a.claim.time or not b.claim.time:  # type: ignore[union-attr]
            continue  # one of them names no time: nothing to compare
        if a.time is None or b.time is None:
            missing = [i for i in (a, b) if i.time is None]
            reasons = "; ".join(p.message for i in missing for p in i.problems) or "a time could not be read"
            yield verdict(__name__, [a, b], "unverifiable",
                          say(lang, {"en": "Cannot compare the two times: {why}.", "ar": "تتعذر مقارنة الموعدين: {why}."},
                              why=reasons))
            continue
        ta, tb = a.time, b.time
        figs = dict(a=ta.text, b=tb.text, a_range=_range(ta.start, ta.end), b_range=_range(tb.start, tb.end))
        if ta.start < tb.end and tb.start < ta.end:
            if ta.start <= tb.start and tb.end <= ta.end:
                text = say(lang, FIT, inner=figs["b_range"], outer=figs["a_range"], **figs)
            elif tb.start <= ta.start and ta.end <= tb.end:
                text = say(lang, FIT, inner=figs["a_range"], outer=figs["b_range"], **figs)
            else:
                text = say(lang, OVERLAP, **figs)
            yield verdict(__name__, [a, b], "consistent", text)
        else:
            days = (tb.start - ta.end).days + 1 if ta.end <= tb.start else (ta.start - tb.end).days + 1
            yield verdict(__name__, [a, b], "inconsistent", say(lang, MISS, days=days, **figs))


_LAUNCH = {"kind": "event", "subject": "TikTok", "what": "launch of the US app", "tense": "future",
           "modality": "expected"}
EXAMPLES = [
    Example("'by September 2025' fits 'by 2025'",
            claims=[{**_LAUNCH, "id": "head", "time": "by 2025"}, {**_LAUNCH, "id": "body", "time": "by September 2025"}],
            expect="consistent"),
    Example("«بحلول سبتمبر 2025» ضمن «بحلول عام 2025»", language="ar",
            claims=[{"kind": "event", "id": "h", "what": "إطلاق نسخة أميركية", "time": "بحلول عام 2025"},
                    {"kind": "event", "id": "b", "what": "طرح تطبيق M2", "time": "بحلول أيلول 2025"}],
            relations=[{"kind": "same", "claims": ["h", "b"]}], expect="consistent"),
    Example("'by March 2025' does not fit 'by 2024'",
            claims=[{**_LAUNCH, "id": "head", "time": "by 2024"}, {**_LAUNCH, "id": "body", "time": "by March 2025"}],
            expect="inconsistent"),
    Example("Le même lancement en juin 2025 et en 2026", language="fr",
            claims=[{"kind": "event", "id": "a", "what": "lancement", "time": "en juin 2025"},
                    {"kind": "event", "id": "b", "what": "lancement", "time": "en 2026"}],
            expect="inconsistent"),
]
