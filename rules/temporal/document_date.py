"""When the article was written

What: Every dated claim says something about when the article was written: a "former" or "current" holder of a
role, given the terms sent as references, puts it on the days those words are true; an event in the future tense
puts it on or before the last day the event may fall on ("expected by September 2025": by 2025-09-30); an event
asserted in the past tense on or after the first; an age counted from a dated event near that event plus the age. Together
they give a window. With a publication date, the date must fall in it; without one, the window is shown; claims
that leave no common day contradict each other.
Why: Articles are republished, syndicated and archived without their dates, or with the wrong ones. The window
tells a fact-checker when the text was really written, and which claim dates it.
Example: "former president Biden", "the current Trump administration" and "expected by September 2025" put the
writing between 2025-01-20 and 2025-09-30.

Pairing: every role of the article with terms (``role_terms``), every event of the article with a time (its own,
or a reference's joined to it by a ``same`` relation) and a past or future tense, and every ``age`` relation. The
verdict names the claims that set the window's ends. Run when there is no publication date, or when two claims
or more date the text (one alone is checked by its own rule).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from math import ceil

from rules.context import Context, Item
from rules.explain import say
from rules.messages import N_, joined, translate
from rules.model import Age, Derived, Event, Role, Verdict
from rules.normalise.values import Unreadable
from rules.registry import Example
from rules.temporal._time import Days, computation, date_range, days_text, term_sources, timed
from rules.temporal.role_terms import STATUS, role_days
from rules.verdicts import verdict

WINDOW = N_("The claims put the writing between {low} and {high} ({why}). The document gives no publication date to "
            "check this against.")
FIT = N_("The claims put the writing between {low} and {high} ({why}); the publication date, {published}, fits.")
MISS = N_("The claims put the writing between {low} and {high} ({why}), but the publication date is {published}: "
          "{days} outside.")
CONFLICT = N_("The claims cannot all hold on one day: {late} puts the writing on or after {low}, but {early} puts it "
              "on or before {high}, {days} earlier.")
APART = N_("The claims cannot all hold on one day — {listing}: the nearest day misses one of them by {days}.")
LABEL = N_("When the article was written, as its claims imply")
_OPEN = N_("open")
WHY = {
    "role": N_("{status} {person}"),
    "future": N_("'{time}' in the future tense"),
    "past": N_("'{time}' in the past tense"),
    "age": N_("'{age}' since '{time}'"),
}


@dataclass(frozen=True)
class _Constraint:
    kind: str  # a key of WHY: what dates the text
    figures: dict[str, str]
    items: tuple[Item, ...]
    days: Days
    said: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # ``why`` by language, once

    def why(self, code: str) -> str:
        found = self.said.get(code)
        if found is None:
            figures = dict(self.figures)
            if "status" in figures:
                figures["status"] = translate(STATUS[figures["status"]], code)
            found = self.said[code] = translate(WHY[self.kind], code).format(**figures)
        return found


def _why(constraints: list[_Constraint]) -> Callable[[str], str]:
    return lambda code: joined((c.why(code) for c in constraints), code)


def _constraints(ctx: Context) -> list[_Constraint]:
    found: list[_Constraint] = []
    days: dict[tuple[str, str, str, str], Days] = {}  # the same terms and status allow the same days
    for item in ctx.of_kind(Role):
        claim = item.claim
        assert isinstance(claim, Role)
        sources = term_sources(ctx, item)
        if item.reference or not sources or any(s.time is None for s in sources):
            continue
        group = (item.subject, item.metric, item.scope, claim.status)
        if group not in days:
            days[group] = role_days(claim.status, [s.time for s in sources if s.time is not None])
        found.append(_Constraint("role", {"status": claim.status, "person": claim.person},
                                 (item, *[s for s in sources if s is not item]), days[group]))
    for item in ctx.of_kind(Event):
        claim = item.claim
        assert isinstance(claim, Event)
        if item.reference or claim.tense not in ("past", "future") or \
                (claim.tense == "past" and claim.modality != "asserted"):
            continue
        span, borrowed = timed(ctx, item)
        if span is None:
            continue
        lo, hi = span.window()
        if claim.tense == "future" and hi is not None:
            found.append(_Constraint("future", {"time": span.text}, (item, *borrowed), Days.of(None, hi)))
        elif claim.tense == "past" and lo is not None:
            found.append(_Constraint("past", {"time": span.text}, (item, *borrowed), Days.of(lo, None)))
    for rel in ctx.relations.get(Age, []):
        start, age = ctx.get(rel.start), ctx.get(rel.age)
        if start is None or age is None:
            continue
        span, borrowed = timed(ctx, start)
        value = getattr(age.claim, "value", None)
        if span is None or value is None:
            continue
        try:
            duration = ctx.duration(age)
        except Unreadable:
            continue
        lo, hi = span.window()
        if lo is None or hi is None:
            continue
        last = None if duration.high is None else hi + dt.timedelta(days=ceil(duration.high))
        found.append(_Constraint("age", {"age": age.printed, "time": span.text}, (start, *borrowed, age),
                                 Days.of(lo + dt.timedelta(days=int(duration.low)), last)))
    return found


def _conflict(lang: str, constraints: list[_Constraint], inputs: list) -> Verdict:  # type: ignore[type-arg]
    """The claims leave no common day: name the latest 'on or after' and the earliest 'on or before' that clash,
    or else two claims that share no day."""
    lows = [(c.days.hull[0], c) for c in constraints if c.days.hull[0] is not None]
    highs = [(c.days.hull[1], c) for c in constraints if c.days.hull[1] is not None]
    low, late = max(lows, key=lambda x: x[0]) if lows else (None, None)
    high, early = min(highs, key=lambda x: x[0]) if highs else (None, None)
    if low is not None and high is not None and late is not None and early is not None and low > high:
        margin = (low - high).days
        comp = computation("∩ of the days each claim allows", inputs, (low, None), (None, high), margin)
        return verdict(__name__, _ids([late, early]), "inconsistent",
                       say(lang, CONFLICT, late=late.why, early=early.why, low=low.isoformat(), high=high.isoformat(),
                           days=days_text(margin)), comp)
    distinct = list({c.days: c for c in reversed(constraints)}.values())[::-1]  # one per set of days: few
    pair = next(([a, b] for n, a in enumerate(distinct) for b in distinct[n + 1:] if (a.days & b.days).empty),
                constraints)
    ends = sorted({d for c in pair for part in c.days.parts for d in part if d not in (dt.date.min, dt.date.max)})
    days = ends + [a + (b - a) / 2 for a, b in zip(ends, ends[1:])]
    margin = min(max(c.days.distance(d) for c in pair) for d in days)
    comp = computation("∩ of the days each claim allows", inputs, pair[0].days.hull, pair[-1].days.hull, margin)
    listing = lambda code: joined((f"{c.why(code)} ({c.days.text()})" for c in pair), code)  # noqa: E731
    return verdict(__name__, _ids(pair), "inconsistent", say(lang, APART, listing=listing, days=days_text(margin)),
                   comp)


def _ids(constraints: list[_Constraint]) -> list[Item]:
    seen: dict[str, Item] = {}
    for c in constraints:
        for item in c.items:
            seen.setdefault(item.id, item)
    return list(seen.values())


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    published = ctx.document.published
    constraints = _constraints(ctx)
    if not constraints or (published is not None and len(constraints) < 2):
        return
    days = Days.union([Days.of(None, None)])
    for c in constraints:
        days = days & c.days
    inputs = [(c.why("en"), c.items[0], c.days.hull, None) for c in constraints]
    if days.empty:
        yield _conflict(lang, constraints, inputs)
        return
    low, high = days.hull
    bounds = [c for c in constraints if (low is not None and c.days.hull[0] == low) or
              (high is not None and c.days.hull[1] == high)]
    figs = dict(low=low.isoformat() if low else (lambda code: translate(_OPEN, code)),
                high=high.isoformat() if high else (lambda code: translate(_OPEN, code)),
                why=_why(bounds or constraints))
    implied = Derived(name="written_between", label=say(lang, LABEL), range=date_range((low, high)),
                      formula="∩ of the days each claim allows", claims=[i.id for i in _ids(bounds or constraints)])
    if published is None:
        comp = computation("∩ of the days each claim allows", inputs, (low, high), None, None)
        yield verdict(__name__, _ids(bounds or constraints), "unverifiable", say(lang, WINDOW, **figs), comp,
                      derived=[implied])
        return
    margin = days.distance(published)
    comp = computation("publication date ∈ ∩ of the days each claim allows", inputs, (low, high),
                       (published, published), margin)
    if published in days:
        yield verdict(__name__, _ids(bounds or constraints), "consistent",
                      say(lang, FIT, published=published.isoformat(), **figs), comp,
                      derived=[implied])
    else:
        against = [c for c in constraints if published not in c.days]
        yield verdict(__name__, _ids(against), "inconsistent",
                      say(lang, MISS, published=published.isoformat(), days=days_text(margin), **figs), comp,
                      derived=[implied])


_PRES = {"kind": "role", "role": "President of the United States"}
_TERMS = [{**_PRES, "id": "biden_term", "person": "Biden", "term": "2021-01-20/2025-01-20", "source": "archives.gov"},
          {**_PRES, "id": "trump_term", "person": "Trump", "term": "2025-01-20/", "source": "archives.gov"}]
_ROLES = [{**_PRES, "id": "biden", "person": "Biden", "status": "former"},
          {**_PRES, "id": "trump", "person": "Trump", "status": "current"}]
_LAUNCH = {"kind": "event", "id": "launch", "what": "US app launch", "time": "by September 2025", "tense": "future",
           "modality": "expected"}
EXAMPLES = [
    Example("Former Biden, current Trump and a launch expected by September 2025: published in May 2025",
            published="2025-05-12", claims=[*_ROLES, _LAUNCH], references=_TERMS, expect="consistent"),
    Example("«تأسست عام 2012» و«عمرها 13 عامًا» و«الرئيس الحالي ترمب» في مقال من 2025", language="ar",
            published="2025-05-01",
            claims=[{"kind": "event", "id": "f", "what": "تأسيس الشركة", "time": "عام 2012"},
                    {"kind": "quantity", "id": "a", "value": "عمرها 13 عامًا", "metric": "العمر"},
                    {"kind": "role", "id": "t", "person": "ترمب", "role": "رئيس الولايات المتحدة",
                     "status": "current"}],
            relations=[{"kind": "age", "start": "f", "age": "a"}],
            references=[{"kind": "role", "id": "tt", "person": "ترمب", "role": "رئيس الولايات المتحدة",
                         "term": "2025-01-20/", "source": "archives.gov"}],
            expect="consistent"),
    Example("The same claims in an article dated December 2025: the launch should be past",
            published="2025-12-01", claims=[*_ROLES, _LAUNCH], references=_TERMS, expect="inconsistent"),
    Example("'Former president Biden' and a launch still expected 'by December 2024' cannot both hold",
            claims=[{**_PRES, "id": "biden", "person": "Biden", "status": "former"},
                    {**_LAUNCH, "time": "by December 2024"}],
            references=_TERMS, expect="inconsistent"),
    Example("'Current president Trump' (two terms), a deal signed in 2022 and a vote expected by 2023: no day fits",
            claims=[{**_PRES, "id": "trump", "person": "Trump", "status": "current"},
                    {"kind": "event", "id": "deal", "what": "deal signed", "time": "in 2022", "tense": "past"},
                    {"kind": "event", "id": "vote", "what": "vote", "time": "by 2023", "tense": "future"}],
            references=[{**_PRES, "id": "t1", "person": "Trump", "term": "2017-01-20/2021-01-20", "source": "archives"},
                        {**_PRES, "id": "t2", "person": "Trump", "term": "2025-01-20/", "source": "archives"}],
            expect="inconsistent"),
    Example("«الرئيس السابق بايدن» و«بحلول سبتمبر 2025» بلا تاريخ نشر: نافذة الكتابة", language="ar",
            claims=[{"kind": "role", "id": "b", "person": "بايدن", "role": "رئيس الولايات المتحدة", "status": "former"},
                    {"kind": "event", "id": "m2", "what": "طرح النسخة", "time": "بحلول سبتمبر 2025",
                     "tense": "future"}],
            references=[{"kind": "role", "id": "bt", "person": "بايدن", "role": "رئيس الولايات المتحدة",
                         "term": "2021-01-20/2025-01-20", "source": "archives.gov"}],
            expect="unverifiable"),
]
