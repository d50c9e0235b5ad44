"""Tense against the publication date

What: An event told in the future tense ("is expected by September 2025") must still be possible on the
publication date: the days its time allows cannot all lie before it. An event asserted in the past tense ("was
signed in 2026") cannot lie wholly after it. Present-tense events are not checked (news uses the present for
scheduled events), nor past expectations ("was expected by…"), nor events whose tense is not given. A time that
cannot be read — a relative one ("last year") in a document without a publication date, for instance — makes the
event unverifiable, with the reason.
Why: A future that has already passed, or a past that has not happened yet, means the article, or its date, is
not what it seems: a story republished without an update, a wrong publication date, or a year slip.
Example: "expected by September 2025" in an article published on 2025-11-04 is 35 days late.

Pairing: every event of the article (not references) with a time, against ``document.published``. Without a
publication date there is nothing to compare; ``document_date`` then says what the tenses imply about it.
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.causes import supported
from rules.context import Context
from rules.explain import say
from rules.messages import N_
from rules.model import Cause, Event, Verdict
from rules.normalise.times import span_text
from rules.registry import Example
from rules.temporal._time import Window, computation, days_text, unreadable, year_slip
from rules.verdicts import verdict

FUTURE_FIT = N_("'{time}' ({range}) is still ahead on the publication date, {published}, as the future tense says.")
FUTURE_MISS = N_("'{time}' ({range}) is told in the future, but it was over {days} before the publication date, "
                 "{published}.")
PAST_FIT = N_("'{time}' ({range}) can lie before the publication date, {published}, as the past tense says.")
PAST_MISS = N_("'{time}' ({range}) is told in the past, but it begins {days} after the publication date, {published}.")
UNREADABLE = N_("The time of '{what}' cannot be placed: {why}.")
_STALE = N_("The text was probably written at another time than its publication date says (republished without an "
            "update, or misdated), or the event's year is wrong.")


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language
    published = ctx.document.published
    for item in ctx.of_kind(Event):
        claim = item.claim
        assert isinstance(claim, Event)
        if item.reference or not claim.time:
            continue
        if item.time is None:
            yield verdict(__name__, [item], "unverifiable", say(lang, UNREADABLE, what=claim.what,
                                                                why=unreadable([item])))
            continue
        if published is None or claim.tense not in ("past", "future") or \
                (claim.tense == "past" and claim.modality != "asserted"):
            continue
        window: Window = item.time.window()
        figs = dict(time=item.time.text, range=span_text(*window), published=published.isoformat())
        inputs = [("event", item, window, None)]
        if claim.tense == "future":
            margin = (published - window[1]).days if window[1] is not None and window[1] < published else 0
            comp = computation("last day the event may fall on ≥ publication date", inputs, window,
                               (published, None), margin)
            if margin == 0:
                yield verdict(__name__, [item], "consistent", say(lang, FUTURE_FIT, **figs), comp)
            else:
                cause = Cause(code="stale_or_misdated", explanation=say(lang, _STALE)) if supported(margin) else None
                yield verdict(__name__, [item], "inconsistent", say(lang, FUTURE_MISS, days=days_text(margin), **figs),
                              comp, cause)
        else:
            margin = (window[0] - published).days if window[0] is not None and window[0] > published else 0
            comp = computation("first day the event may fall on ≤ publication date", inputs, window,
                               (None, published), margin)
            if margin == 0:
                yield verdict(__name__, [item], "consistent", say(lang, PAST_FIT, **figs), comp)
            else:
                cause = year_slip(lang, window, lambda w: w[0] is None or w[0] <= published) or \
                    (Cause(code="stale_or_misdated", explanation=say(lang, _STALE)) if supported(margin) else None)
                yield verdict(__name__, [item], "inconsistent", say(lang, PAST_MISS, days=days_text(margin), **figs),
                              comp, cause)


_M2 = {"kind": "event", "id": "m2", "what": "طرح النسخة الأميركية", "time": "بحلول سبتمبر 2025", "tense": "future",
       "modality": "expected"}
EXAMPLES = [
    Example("«يُتوقع بحلول سبتمبر 2025» في مقال منشور في مارس 2025", language="ar", published="2025-03-10",
            claims=[_M2], expect="consistent"),
    Example("A law signed 'last year', in an article of 2025", published="2025-06-01",
            claims=[{"kind": "event", "id": "law", "what": "law signed", "time": "last year", "tense": "past"}],
            expect="consistent"),
    Example("«يُتوقع بحلول سبتمبر 2025» في مقال منشور في نوفمبر 2025", language="ar", published="2025-11-04",
            claims=[_M2], expect="inconsistent", cause="stale_or_misdated"),
    Example("A past event dated after publication: a year slip", published="2025-03-01",
            claims=[{"kind": "event", "id": "deal", "what": "deal signed", "time": "in January 2026", "tense": "past"}],
            expect="inconsistent", cause="year_slip"),
    Example("«العام الماضي» بلا تاريخ نشر لا يُقرأ", language="ar",
            claims=[{"kind": "event", "id": "law", "what": "إقرار القانون", "time": "العام الماضي", "tense": "past"}],
            expect="unverifiable"),
]
