"""Roles and their terms

What: A person called the "former", "current" or "future" holder of a role ("former president Biden", "the
current Trump administration") must be so on the publication date, given the terms of office sent as references
("2021-01-20/2025-01-20", "2025-01-20/" for a term still running). Without a publication date, what the role
implies about when the article was written is shown instead; without any term, the role cannot be checked.
Why: "Current" and "former" date a text: a "current" president whose term has ended means the article is older
than it looks, or was not updated; fact-checkers need that before they trust anything else in it.
Example: "former president Biden" is right from 2025-01-20 (his term ended that day); in an article dated
2024-06-01 it is wrong.

Pairing: role claims of the article with every claim or reference giving a ``term`` for the same person in the
same role (and scope, when both give one), each distinct term once. On a handover day both the outgoing and the
incoming holder count. The terms of a person's role are read once for all the claims about it; at most 50 verdicts
per person, role and status, the rest counted in a problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from rules.causes import supported
from rules.context import Context, Item
from rules.crowds import summarised
from rules.explain import say
from rules.messages import N_, Said, translate
from rules.model import Cause, Role, Verdict
from rules.normalise.times import TimeSpan
from rules.registry import Example
from rules.temporal._time import Days, computation, days_text, term_sources, unreadable
from rules.verdicts import verdict

__all__ = ["role_days"]


_ONE = dt.timedelta(days=1)

STATUS = {"former": N_("former"), "current": N_("current"), "future": N_("future")}
FIT = N_("{person} is the {status} {role} on the publication date, {published}: the terms given are {terms}.")
MISS = N_("{person} is called the {status} {role}, which holds on {window}; the publication date, {published}, is "
          "{days} away (terms: {terms}).")
IMPLIES = N_("{person} as the {status} {role} puts the writing in {window} (terms: {terms}). The document gives no "
             "publication date to check this against.")
NO_TERM = N_("No term is given for {person} as {role}: send the term of office as a reference to check '{status}'.")
UNREADABLE = N_("The term of {person} as {role} cannot be read: {why}.")
_CHANGED = N_("The role changed hands on {date}: the text was probably written on the other side of that date (an old "
              "text republished, or not updated), or its date is wrong.")


def role_days(status: str, terms: Sequence[TimeSpan]) -> Days:
    """The days on which someone with these terms is the former / current / future holder of the role. The first
    and last day of a term count as both (handover days); a term given in years ('2009–2017') may end on any day
    of its last year, so 'former' may be true from that year's first day. Memoised (both are frozen): the terms
    of an office recur in every article about it, and two rules ask for them in each (this one and
    ``document_date``)."""
    return _role_days(status, tuple(terms))


@lru_cache(maxsize=4096)
def _role_days(status: str, terms: tuple[TimeSpan, ...]) -> Days:
    windows = [t.window() for t in terms]
    held = Days.union(Days.of(lo, hi) for lo, hi in windows)
    if status == "current":
        return held
    edges = [t.edges() for t in terms]
    inside = Days.union(Days.of(None if begun is None else begun + _ONE, None if ended is None else ended - _ONE)
                        for begun, ended in edges)
    if status == "former":
        return Days.union(Days.of(ended, None) for _, ended in edges if ended is not None).without(inside)
    return Days.union(Days.of(None, begun) for begun, _ in edges if begun is not None).without(inside)


def _edge(terms: Sequence[TimeSpan], published: dt.date) -> dt.date | None:
    """The term boundary nearest the publication date: the handover the text is on the wrong side of."""
    ends = [d for t in terms for d in t.window() if d is not None]
    return min(ends, key=lambda d: abs((d - published).days), default=None)


def check(ctx: Context) -> Iterator[Verdict]:
    groups: dict[tuple[str, str, str, str], list[Item]] = {}
    for item in ctx.of_kind(Role):
        if not item.reference:
            groups.setdefault((item.subject, item.metric, item.scope, item.claim.status), []).append(item)  # type: ignore[union-attr]
    for items in groups.values():
        claim = items[0].claim
        assert isinstance(claim, Role)
        status = claim.status
        label = Said(N_("'{person}' as {status} '{role}'"), person=claim.person, role=claim.role,
                     status=lambda code, status=status: translate(STATUS[status], code))
        yield from summarised(ctx.problems, "role_terms", label, _judged(ctx, items), language=ctx.language)


def _judged(ctx: Context, group: list[Item]) -> Iterator[tuple[bool, Callable[[], Verdict]]]:
    """Each role claim of a group (same person, role, scope and status) judged against the group's terms, which
    are read and turned into days once."""
    lang = ctx.language
    published = ctx.document.published
    claim = group[0].claim
    assert isinstance(claim, Role)
    sources = term_sources(ctx, group[0])
    status = claim.status
    names = dict(person=claim.person, role=claim.role, status=lambda code: translate(STATUS[status], code))
    if not sources or any(s.time is None for s in sources):
        text = say(lang, UNREADABLE, why=unreadable(s for s in sources if s.time is None), **names) if sources \
            else say(lang, NO_TERM, **names)
        for item in group:
            items: list[Item] = [item, *(s for s in sources if s is not item)]
            yield True, lambda items=items: verdict(__name__, items, "unverifiable", text)
        return
    terms = [s.time for s in sources if s.time is not None]
    days = role_days(status, terms)
    lo, hi = days.hull
    figs = dict(terms="; ".join(t.describe() for t in terms), window=days.text() or "—", **names)
    inputs = [("term", s, s.time.window(), getattr(s.claim, "term", None)) for s in sources if s.time is not None]
    for item in group:
        items = [item, *(s for s in sources if s is not item)]
        if published is None:
            comp = computation(f"days on which the {status} holder fits the terms", inputs, (lo, hi), None, None)
            yield True, lambda items=items, comp=comp: verdict(__name__, items, "unverifiable",
                                                               say(lang, IMPLIES, **figs), comp)
        elif published in days:
            yield True, lambda items=items: verdict(
                __name__, items, "consistent", say(lang, FIT, published=published.isoformat(), **figs),
                computation(f"publication date ∈ days on which the {status} holder fits the terms", inputs, (lo, hi),
                            (published, published), 0))
        else:
            yield False, lambda items=items: _miss(lang, items, terms, days, published, inputs, figs)


def _miss(lang: str, items: list[Item], terms: list[TimeSpan], days: Days, published: dt.date, inputs: list,  # type: ignore[type-arg]
          figs: dict) -> Verdict:  # type: ignore[type-arg]
    status = items[0].claim.status  # type: ignore[union-attr]
    margin = days.distance(published) if not days.empty else None
    comp = computation(f"publication date ∈ days on which the {status} holder fits the terms", inputs, days.hull,
                       (published, published), margin)
    edge = _edge(terms, published)
    cause = Cause(code="role_changed", explanation=say(lang, _CHANGED, date=edge.isoformat())) \
        if edge and supported(abs((published - edge).days)) else None
    return verdict(__name__, items, "inconsistent",
                   say(lang, MISS, published=published.isoformat(), days=days_text(margin or 0), **figs), comp, cause)


_PRES = {"kind": "role", "role": "President of the United States", "scope": "US"}
_TERMS = [{**_PRES, "id": "biden_term", "person": "Biden", "term": "2021-01-20/2025-01-20", "source": "archives.gov"},
          {**_PRES, "id": "trump_term", "person": "Trump", "term": "2025-01-20/", "source": "archives.gov"}]
EXAMPLES = [
    Example("'Former president Biden' in an article of March 2025", published="2025-03-01",
            claims=[{**_PRES, "id": "biden", "person": "Biden", "status": "former"}], references=_TERMS,
            expect="consistent"),
    Example("«الرئيس الحالي ترمب» في مقال من فبراير 2025", language="ar", published="2025-02-10",
            claims=[{"kind": "role", "id": "trump", "person": "ترمب", "role": "رئيس الولايات المتحدة",
                     "status": "current"}],
            references=[{"kind": "role", "id": "t", "person": "ترمب", "role": "رئيس الولايات المتحدة",
                         "term": "2025-01-20/", "source": "archives.gov"}],
            expect="consistent"),
    Example("'Former president Biden' in an article of June 2024", published="2024-06-01",
            claims=[{**_PRES, "id": "biden", "person": "Biden", "status": "former"}], references=_TERMS,
            expect="inconsistent", cause="role_changed"),
    Example("«الرئيس الحالي بايدن» في مقال من مارس 2025", language="ar", published="2025-03-01",
            claims=[{"kind": "role", "id": "biden", "person": "بايدن", "role": "رئيس الولايات المتحدة",
                     "status": "current"}],
            references=[{"kind": "role", "id": "b", "person": "بايدن", "role": "رئيس الولايات المتحدة",
                         "term": "2021-01-20/2025-01-20", "source": "archives.gov"}],
            expect="inconsistent", cause="role_changed"),
    Example("'Former president Obama' (term given in years, 2009–2017) in February 2017", published="2017-02-01",
            claims=[{**_PRES, "id": "obama", "person": "Obama", "status": "former"}],
            references=[{**_PRES, "id": "o", "person": "Obama", "term": "2009–2017", "source": "archives.gov"}],
            expect="consistent"),
    Example("Without a publication date, 'former' shows when the text was written", claims=[
        {**_PRES, "id": "biden", "person": "Biden", "status": "former"}], references=_TERMS, expect="unverifiable"),
    Example("Without a term, a role cannot be checked", published="2025-03-01",
            claims=[{**_PRES, "id": "x", "person": "Macron", "role": "President of France", "status": "current"}],
            expect="unverifiable"),
]
