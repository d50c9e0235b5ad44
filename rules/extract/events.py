"""Events and roles that no time expression opens: an office held now or before by the person who leads it ('the
current administration under Trump', 'الإدارة الحالية تحت قيادة ترمب'), a law passed with no date ('إلى إصدار
الكونغرس قانونًا', 'Congress passed a law'), and the headline's event restated in the body ('تخطط لإطلاق نسخة
أميركية … بحلول 2025' and 'أن تُطرح هذه النسخة بحلول سبتمبر 2025': one launch, two times to compare).

The cue words are data (``rules/data/extract/<lang>.toml``): ``office``, ``led_by``, ``enact``, ``law``, with the
``former`` / ``current`` status words and the tense words the rest of extraction reads.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from rules.extract.actors import actor_at, actor_cues
from rules.model import Event, Role, Same
from rules.text import fold, key

if TYPE_CHECKING:
    from rules.extract import _Scan

__all__ = ["HEADLINE", "event_subjects", "law_events", "office_roles", "restated_headline"]

#: the most events of a headline that are looked for in the body (a headline states one or two)
HEADLINE = 4


def _cue(scan: _Scan, i: int, category: str) -> int:
    """How many words the ``category`` cue of the actors' lexicon at token ``i`` has (0: none)."""
    hit = actor_cues(scan).get(i)
    return hit[0] if hit and category in hit[1] else 0


def _status(scan: _Scan, i: int) -> str | None:
    if 0 <= i < len(scan.toks):
        if scan.is_cue(i, "former"):
            return "former"
        if scan.is_cue(i, "current"):
            return "current"
    return None


def _person(scan: _Scan, j: int, sentence: int) -> list[int]:
    """The person's name that starts at token ``j``: capitalised words (up to three) in a Latin script, one word
    that is no cue in Arabic."""
    toks, n = scan.toks, len(scan.toks)
    if j >= n or toks[j].sentence != sentence or not toks[j].word[:1].isalpha() or scan.cue(j) or scan.kinds(j) or \
            scan.place_word(j) is not None:  # 'el gobierno actual de España': a country, not who leads it
        return []
    if scan.lang == "ar":
        return [j]
    person = []
    while j < n and len(person) < 3 and toks[j].sentence == sentence and toks[j].raw[:1].isupper() and \
            not scan.cue(j) and not scan.kinds(j):
        person.append(j)
        j += 1
    return person


def office_roles(scan: _Scan) -> list[Role]:
    """'والإدارة الحالية تحت قيادة ترمب', 'the current administration under Trump', 'le gouvernement actuel dirigé
    par X': an office word with a status word next to it, then a 'led by' word and a name, is the role of leading
    that office, held now or before by that person. Without the status word, nothing: 'a government led by X' says
    not when."""
    toks = scan.toks
    out: list[Role] = []
    for i in sorted(k for k, (_, c) in actor_cues(scan).items() if "office" in c):
        size = _cue(scan, i, "office")
        if not size:
            continue
        sentence = toks[i].sentence
        start, j = i, i + size
        status = _status(scan, j)
        if status is not None:
            j += 1
        else:
            status = _status(scan, i - 1)
            start = i - 1
        if status is None:
            continue
        led = _cue(scan, j, "led_by")
        if not led:
            continue
        person = _person(scan, j + led, sentence)
        if not person:
            continue
        end = toks[person[-1]].end
        role = scan.printed(list(range(i, i + size)))
        if scan.lang == "ar" and role.startswith("وال"):
            role = role[1:]  # 'والإدارة': the 'and' glued on is not the office's
        out.append(Role(id=scan._id(), person=scan.printed(person), role=role,
                        status=status, sentence=scan.sentence_text(sentence, toks[start].start, end),  # type: ignore[arg-type]
                        span=(toks[start].start, end), extracted=True))
    return out


def law_events(scan: _Scan) -> list[Event]:
    """'وأدت المخاوف … إلى إصدار الكونغرس قانونًا صارمًا', 'Congress passed a law': a word of enacting and, within
    three words after it in its clause, a word for a law, in a sentence with a tense, is an event with no time (a
    reference joined to it may give one); who enacted it is the word after an Arabic verbal noun ('إصدار الكونغرس'),
    else the actor named before it in its clause."""
    toks, n = scan.toks, len(scan.toks)
    out: list[Event] = []
    i = 0
    for start in sorted(k for k, (_, c) in actor_cues(scan).items() if "enact" in c):
        if start < i:
            continue  # inside the event before
        i, size = start, _cue(scan, start, "enact")
        clause, sentence = toks[i].clause, toks[i].sentence
        law = next((k for k in range(i + size, min(n, i + size + 4)) if toks[k].clause == clause and
                    _cue(scan, k, "law")), None)
        marks = scan.marks.get(sentence, set())
        tense = "future" if "future" in marks else "past" if "past" in marks else None
        if law is None or tense is None:
            i += size
            continue
        end = law + _cue(scan, law, "law")
        agent = [k for k in range(i + size, law) if toks[k].word[:1].isalpha() and not scan.cue(k)]
        subject = scan.printed(agent) if scan.lang == "ar" and agent else None
        if subject is None and scan.lang != "ar":
            subject = _named_before(scan, i)
        what = [k for k in range(i, end) if k not in agent]
        out.append(Event(id=scan._id(), what=scan.printed(what)[:300], subject=subject, tense=tense,  # type: ignore[arg-type]
                         modality="planned" if "planned" in marks else "expected" if "expected" in marks else "asserted",
                         sentence=scan.sentence_text(sentence, toks[i].start, toks[end - 1].end),
                         span=(toks[i].start, toks[end - 1].end), extracted=True))
        i = end
    return out


def _named_before(scan: _Scan, i: int) -> str | None:
    """The name printed before token ``i`` in its clause ('Congress passed'), none carried from elsewhere."""
    toks = scan.toks
    j = i - 1
    name: list[int] = []
    while j >= 0 and toks[j].clause == toks[i].clause and i - j <= 4:
        if toks[j].raw[:1].isupper() and not scan.cue(j) and key(toks[j].raw, scan.lang):
            name.append(j)
        elif name:
            break
        j -= 1
    return scan.printed(name[::-1]) if name else None


def event_subjects(scan: _Scan, events: list[Event]) -> list[Event]:
    """Each event from a time expression with the actor it is about (``rules.extract.actors``)."""
    import msgspec

    out = []
    for e in events:
        if e.subject is None and e.span is not None:
            k = bisect.bisect_left(scan.tok_starts, e.span[0])
            actor = actor_at(scan, k) if k < len(scan.toks) else None
            e = msgspec.structs.replace(e, subject=actor) if actor else e
        out.append(e)
    return out


def restated_headline(scan: _Scan, events: list[Event]) -> list[Same]:
    """'شركة تيك توك تخطط لإطلاق نسخة أميركية مستقلة بحلول عام 2025' (the headline) and, in the body, 'يُتوقع أن
    تُطرح هذه النسخة بحلول سبتمبر 2025': an event of the first sentence and the one event of the body, in the same
    tense, whose words share a word that is not its actor's nor a tense word, are one event stated twice. Two body
    events sharing words with it: which one is not said, nothing is proposed."""
    timed = [e for e in events if e.time and e.span is not None]
    if len(timed) < 2:
        return []
    first = scan.out.sentences[0][1] if scan.out.sentences else 0
    head = [e for e in timed if e.span[0] < first][:HEADLINE]  # type: ignore[index]
    body = [(e, _words(scan, e)) for e in timed if e.span[0] >= first]  # type: ignore[index]
    out = []
    for h in head:
        words = _words(scan, h)
        matched = [b for b, theirs in body if b.tense == h.tense and words & theirs]
        if len(matched) == 1:
            out.append(Same(claims=[h.id, matched[0].id]))
    return out


def _words(scan: _Scan, event: Event) -> set[str]:
    """The stems of what an event says, less its actor's words and the cue words (tense, modality) in it."""
    kept = [w for w in event.what.split() if not scan.cues.lex.match([fold(w)], 0)]
    words = set(key(" ".join(kept), scan.lang).split())
    return words - set(key(event.subject, scan.lang).split()) - scan.cues.generic
