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

from rules.context import Context
from rules.causes import supported
from rules.registry import Example
from rules.explain import say
from rules.model import Cause, Event, Verdict
from rules.normalise.times import span_text
from rules.temporal._time import Window, computation, days_text, unreadable, year_slip
from rules.verdicts import verdict

#: the title in other languages (English: the docstring's first line)
TITLES = {"ar": "زمن الفعل وتاريخ النشر",
          "fr": "Le temps du verbe et la date de publication",
          "es": "El tiempo verbal y la fecha de publicación",
          "de": "Tempus und Veröffentlichungsdatum"}

FUTURE_FIT = {
    "en": "'{time}' ({range}) is still ahead on the publication date, {published}, as the future tense says.",
    "ar": "«{time}» ({range}) لم يحِن بعد في تاريخ النشر {published}، كما تقول صيغة المستقبل.",
    "fr": "« {time} » ({range}) est encore à venir à la date de publication, {published}, comme le dit le futur.",
    "es": "«{time}» ({range}) aún está por llegar en la fecha de publicación, {published}, como dice el futuro.",
    "de": "„{time}“ ({range}) liegt am Erscheinungsdatum {published} noch vor uns, wie das Futur sagt.",
}
FUTURE_MISS = {
    "en": "'{time}' ({range}) is told in the future, but it was over {days} before the publication date, "
          "{published}.",
    "ar": "«{time}» ({range}) مروي بصيغة المستقبل، لكنه انقضى قبل تاريخ النشر {published} بـ{days}.",
    "fr": "« {time} » ({range}) est au futur, mais était passé {days} avant la date de publication, {published}.",
    "es": "«{time}» ({range}) está en futuro, pero había pasado {days} antes de la fecha de publicación, "
          "{published}.",
    "de": "„{time}“ ({range}) steht im Futur, war aber {days} vor dem Erscheinungsdatum {published} vorbei.",
}
PAST_FIT = {
    "en": "'{time}' ({range}) can lie before the publication date, {published}, as the past tense says.",
    "ar": "«{time}» ({range}) يمكن أن يسبق تاريخ النشر {published}، كما تقول صيغة الماضي.",
    "fr": "« {time} » ({range}) peut précéder la date de publication, {published}, comme le dit le passé.",
    "es": "«{time}» ({range}) puede ser anterior a la fecha de publicación, {published}, como dice el pasado.",
    "de": "„{time}“ ({range}) kann vor dem Erscheinungsdatum {published} liegen, wie die Vergangenheit sagt.",
}
PAST_MISS = {
    "en": "'{time}' ({range}) is told in the past, but it begins {days} after the publication date, {published}.",
    "ar": "«{time}» ({range}) مروي بصيغة الماضي، لكنه يبدأ بعد تاريخ النشر {published} بـ{days}.",
    "fr": "« {time} » ({range}) est au passé, mais commence {days} après la date de publication, {published}.",
    "es": "«{time}» ({range}) está en pasado, pero empieza {days} después de la fecha de publicación, {published}.",
    "de": "„{time}“ ({range}) steht in der Vergangenheit, beginnt aber {days} nach dem Erscheinungsdatum "
          "{published}.",
}
UNREADABLE = {
    "en": "The time of '{what}' cannot be placed: {why}.",
    "ar": "يتعذر تحديد موعد «{what}»: {why}.",
    "fr": "La date de « {what} » ne peut pas être située : {why}.",
    "es": "No se puede situar la fecha de «{what}»: {why}.",
    "de": "Die Zeit von „{what}“ lässt sich nicht bestimmen: {why}.",
}
_STALE = {
    "en": "The text was probably written at another time than its publication date says (republished without an "
          "update, or misdated), or the event's year is wrong.",
    "ar": "الأرجح أن النص كُتب في وقت غير الذي يقوله تاريخ نشره (أُعيد نشره دون تحديث أو أُرّخ خطأً)، أو أن سنة الحدث "
          "خاطئة.",
    "fr": "Le texte a sans doute été écrit à un autre moment que sa date de publication (republié sans mise à jour, "
          "ou mal daté), ou l'année de l'événement est fausse.",
    "es": "El texto se escribió probablemente en otro momento que su fecha de publicación (republicado sin "
          "actualizar, o mal fechado), o el año del hecho es erróneo.",
    "de": "Der Text wurde wohl zu einer anderen Zeit geschrieben, als sein Datum sagt (ohne Aktualisierung neu "
          "veröffentlicht oder falsch datiert), oder das Jahr des Ereignisses ist falsch.",
}


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
