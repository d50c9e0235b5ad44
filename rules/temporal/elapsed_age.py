"""Age and elapsed time

What: An age ("the 10-year-old company", "عمرها 13 عامًا") must match the time elapsed, on the publication date,
since the event it counts from ("founded in 2012"). An age in whole years may be rounded or completed, so 10
years old is read as 9½ to 11 years; a founding year is its whole year. Without a publication date, the age
shows when the text was written.
Why: Ages are copied from one article to the next and go stale: a company "10 years old" in 2022 is not in 2025.
A stale age tells the reader the text was not updated — or that the founding date is wrong.
Example: founded in 2012 and "10 years old" fits an article of June 2022; in June 2025 it is a year behind.

Pairing: ``age`` relations (``start``: the event counted from, ``age``: the claim giving the age). The start may
take its time from a reference joined to it by a ``same`` relation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from math import ceil

from rules.causes import supported
from rules.context import Context
from rules.explain import say
from rules.messages import N_
from rules.model import Age, Cause, Verdict
from rules.normalise.times import span_text
from rules.normalise.values import Unreadable
from rules.registry import Example
from rules.temporal._time import computation, day_range, days_span, days_text, timed, unreadable, year_slip
from rules.verdicts import verdict

FIT = N_("From '{start}' ({start_range}) to the publication date, {published}, is {elapsed}; '{age}' is {age_days}: "
         "they fit.")
MISS = N_("From '{start}' ({start_range}) to the publication date, {published}, is {elapsed}, but '{age}' is "
          "{age_days}: {days} off.")
IMPLIES = N_("'{age}' counted from '{start}' ({start_range}) puts the writing in {window}. The document gives no "
             "publication date to check this against.")
UNREADABLE = N_("The age '{age}' cannot be checked: {why}.")
_STALE = N_("The age fits a date about {years} year(s) before publication: probably carried over from an older text "
            "without an update.")


def applies(ctx: Context) -> bool:
    """Only ``age`` relations are checked."""
    return Age in ctx.relations


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    published = ctx.document.published
    for rel in ctx.relations.get(Age, []):
        start, age = ctx.get(rel.start), ctx.get(rel.age)
        if start is None or age is None:
            continue
        span, borrowed = timed(ctx, start)
        items = [start, *borrowed, age]
        value = getattr(age.claim, "value", None) or getattr(age.claim, "time", None) or ""
        printed = age.printed or str(value)
        try:
            duration = ctx.duration(age)
        except Unreadable as exc:
            yield verdict(__name__, items, "unverifiable", say(lang, UNREADABLE, age=printed, why=exc.said.text))
            continue
        window = span.window() if span is not None else (None, None)
        if span is None or None in window:
            why = unreadable([start]) if span is None else Said(N_("'{time}' is open-ended"), time=span.text)
            yield verdict(__name__, items, "unverifiable", say(lang, UNREADABLE, age=printed, why=why))
            continue
        s_lo, s_hi = window
        assert s_lo is not None and s_hi is not None
        a_lo, a_hi = int(duration.low), None if duration.high is None else ceil(duration.high)
        figs = dict(start=span.text, start_range=span_text(s_lo, s_hi), age=printed, age_days=days_span(a_lo, a_hi))
        inputs = [("start", start, window, span.text), ("age", age, day_range(a_lo, a_hi), printed)]
        if published is None:
            written = (s_lo + dt.timedelta(days=a_lo), None if a_hi is None else s_hi + dt.timedelta(days=a_hi))
            comp = computation("written = start + age", inputs, written, None, None)
            yield verdict(__name__, items, "unverifiable", say(lang, IMPLIES, window=span_text(*written), **figs), comp)
            continue
        e_lo, e_hi = (published - s_hi).days, (published - s_lo).days
        margin = a_lo - e_hi if a_lo > e_hi else e_lo - a_hi if a_hi is not None and a_hi < e_lo else 0
        comp = computation("days from start to publication ∈ age", inputs, day_range(e_lo, e_hi),
                           day_range(a_lo, a_hi), margin)
        figs.update(published=published.isoformat(), elapsed=days_span(e_lo, e_hi))
        if margin == 0:
            yield verdict(__name__, items, "consistent", say(lang, FIT, **figs), comp)
            continue
        if a_hi is not None and a_hi < e_lo:
            years = max(1, round(margin / 365))
            cause: Cause | None = Cause(code="age_not_updated", factor=str(years),
                                        explanation=say(lang, _STALE, years=years)) if supported(margin) else None
        else:
            cause = year_slip(lang, window, lambda w: (published - w[1]).days >= a_lo if w[1] else False)
        yield verdict(__name__, items, "inconsistent", say(lang, MISS, days=days_text(margin), **figs), comp, cause)


_FOUNDED = {"kind": "event", "id": "founded", "what": "company founded", "subject": "Acme", "time": "in 2012"}
_AGE = {"kind": "quantity", "id": "age", "value": "10-year-old", "subject": "Acme", "metric": "age"}
EXAMPLES = [
    Example("Founded in 2012, 'the 10-year-old company' in June 2022", published="2022-06-01",
            claims=[_FOUNDED, _AGE], relations=[{"kind": "age", "start": "founded", "age": "age"}],
            expect="consistent"),
    Example("«تأسست عام 2012» و«عمرها 13 عامًا» في مقال من 2025", language="ar", published="2025-05-01",
            claims=[{"kind": "event", "id": "f", "what": "تأسيس الشركة", "time": "عام 2012"},
                    {"kind": "quantity", "id": "a", "value": "عمرها 13 عامًا", "metric": "العمر"}],
            relations=[{"kind": "age", "start": "f", "age": "a"}], expect="consistent"),
    Example("Founded in 2012, still 'the 10-year-old company' in June 2025", published="2025-06-01",
            claims=[_FOUNDED, _AGE], relations=[{"kind": "age", "start": "founded", "age": "age"}],
            expect="inconsistent", cause="age_not_updated"),
    Example("«منذ نحو عشر سنوات» لا يتسق مع تأسيس في 2020", language="ar", published="2025-05-01",
            claims=[{"kind": "event", "id": "f", "what": "تأسيس الشركة", "time": "2020"},
                    {"kind": "quantity", "id": "a", "value": "نحو عشر سنوات", "metric": "العمر"}],
            relations=[{"kind": "age", "start": "f", "age": "a"}], expect="inconsistent"),
    Example("Without a publication date, the age shows when the text was written",
            claims=[_FOUNDED, _AGE], relations=[{"kind": "age", "start": "founded", "age": "age"}],
            expect="unverifiable"),
]
