"""Who a figure is about: the actors an article names, and the one each figure's claim is given as its ``subject``.

An actor is a name the text prints: a short quoted name ('"تيك توك"', '«Free»'), the name after a noun that
introduces one (``organisation`` cues: 'شركة تيك توك', 'وزارة الأمن الداخلي', 'der Konzern Siemens'), or, in Latin
scripts, a run of capitalised words that are none of the reader's or the cue lists' words, no place (a place is a
figure's scope), no time and no abbreviation of a metric (``metric`` cues: 'EBITDA', 'PIB') ('Cegedim', 'Bank of
America'). A capitalised word opening a sentence is a name only when the article never prints it in lower case
('Revenue' is not one); German capitalises every noun, so there a
name is two capitalised words or more, quoted, or after an ``organisation`` cue.

Each figure's actor is the name nearest before it in its clause, else the first name of its sentence before it,
else the actor carried from the sentences before (each sentence that names one passes on its first); a pronoun or
a noun that refers back ('the company', 'الشركة': ``pronoun`` and ``anaphor`` cues) carries the last actor. The
headline's, or the first sentence's, actor is the first one carried.

Pairing ignores these subjects (``rules.context``: an extracted subject is an ``actor``); it only keeps apart two
extracted figures whose actors both exist and clearly differ, so a subject found wrongly never splits a pair.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from babel import Locale

from rules.places import place
from rules.text import key

if TYPE_CHECKING:
    from rules.extract import _Scan

__all__ = ["actor_at", "actor_cues", "adjective_place", "named", "owners", "subjects"]

_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„\n]{1,60})[\"”»“]")
_CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.&-]*$")
_ARTICLE = "ال"
#: the most words a name has
_LONGEST = 4
#: a name or a word that refers back to the last one, at a token: (first token, last token + 1, the name or None)
_Mention = tuple[int, int, str | None]


def subjects(scan: _Scan) -> dict[int, str]:
    """The actor of each figure (by its first token), as printed; figures with none are left out."""
    out: dict[int, str] = {}
    for fig in scan.figs:
        actor = actor_at(scan, fig.first)
        if actor:
            out[fig.first] = actor
    return out


def actor_at(scan: _Scan, i: int) -> str | None:
    """The actor token ``i`` is about: the name nearest before it in its clause, else the first of its sentence
    before it, else the one carried from the sentences before (a pronoun or 'the company' before any name, too)."""
    toks = scan.toks
    sentence = toks[i].sentence
    carried, by_sentence, ends = _carried(scan)
    here = by_sentence.get(sentence, [])
    k = bisect.bisect_right(ends.get(sentence, []), i)  # the mentions that end before it: here[:k], in order
    m = None
    if k:  # the nearest one before it, when in its clause; else the sentence's first (a walk of one step each)
        m = here[k - 1] if toks[here[k - 1][0]].clause == toks[i].clause else here[0]
    return carried[sentence] if m is None or m[2] is None else m[2]


def _carried(scan: _Scan) -> tuple[list[str | None], dict[int, list[_Mention]], dict[int, list[int]]]:
    """The actor carried into each sentence (each sentence that names one passes on its first; one that opens
    with a word referring back passes on what it was given), and the mentions of each sentence; once per scan."""
    found = getattr(scan, "_carried", None)
    if found is None:
        toks = scan.toks
        by_sentence: dict[int, list[_Mention]] = {}
        for m in _mentions(scan):
            by_sentence.setdefault(toks[m[0]].sentence, []).append(m)
        carried: list[str | None] = []
        current: str | None = None
        for sentence in range((toks[-1].sentence + 1) if toks else 0):
            carried.append(current)
            here = by_sentence.get(sentence, [])
            first = next((m[2] for m in here if m[2] is not None), None)
            if here and here[0][2] is None and current is not None:
                first = current  # 'The company … ; Google …': the sentence is still about the company
            current = first or current
        ends = {sentence: [m[1] for m in here] for sentence, here in by_sentence.items()}
        found = scan._carried = (carried, by_sentence, ends)  # type: ignore[attr-defined]
    return found


def _mentions(scan: _Scan) -> list[_Mention]:
    """The article's names and words that refer back, in order; worked out once per scan."""
    found = getattr(scan, "_mentions", None)
    if found is not None:
        return found
    toks, n, lang = scan.toks, len(scan.toks), scan.lang
    quoted = _quoted(scan)
    lower = {t.raw for t in toks if t.raw[:1].islower()}
    inside = _capitalised_inside(scan)
    hits = actor_cues(scan)
    out: list[_Mention] = []
    i = 0
    while i < n:
        hit = hits.get(i)
        if hit is None and toks[i].raw[:1].islower() and i not in quoted and not scan.is_cue(i, "pronoun"):
            i += 1  # the commonest word: no name, cue or quote starts here
            continue
        if hit is not None and "metric" in hit[1]:
            i += hit[0]  # 'L'EBITDA s'est établi à …': what a figure measures, not who it is about
            continue
        if i in quoted:
            b = quoted[i]
            out.append((i, b, _printed(scan, i, b)))
            i = b
            continue
        size = scan.is_cue(i, "pronoun") or _actor_cue(scan, i, "anaphor")
        named = _name_after(scan, i + size, lower) if size and lang != "ar" and i + size < n and \
            toks[i + size].sentence == toks[i].sentence else None
        if named:  # 'der Konzern Siemens', 'la société Cegedim': the noun introduces the name after it
            out.append((i + size, named, _printed(scan, i + size, named)))
            i = named
            continue
        if size and not toks[i].used:
            out.append((i, i + size, None))
            i += size
            continue
        size = _actor_cue(scan, i, "organisation")
        if size and i + size < n and toks[i + size].sentence == toks[i].sentence:
            b = quoted.get(i + size) or _name_after(scan, i + size, lower)
            if b:
                out.append((i + size, b, _printed(scan, i + size, b)))
                i = b
                continue
        if lang != "ar" and _name_word(scan, i, lower):
            b = _run(scan, i, lower)
            if _a_name(scan, i, b, inside):
                out.append((i, b, _printed(scan, i, b)))
            i = b
            continue
        i += 1
    sources = {k + _actor_cue(scan, k, "source") for k, (_, c) in actor_cues(scan).items() if "source" in c}
    if sources:  # 'según el Instituto Nacional de Estadística (INE)': who says it, not whom it is about
        kept: list[_Mention] = []
        said_by = -10
        for m in out:
            if any(e in sources for e in range(m[0] - 2, m[0] + 1)) or m[0] - said_by <= 1:
                said_by = m[1]  # the source, and its short name in brackets right after it
            else:
                kept.append(m)
        out = kept
    scan._mentions = out  # type: ignore[attr-defined]
    return out


def _run(scan: _Scan, i: int, lower: set[str]) -> int:
    """The end of the run of capitalised words from token ``i``, a 'link' word between two of them included ('Bank
    of America', 'Instituto Nacional de Estadística'); at most ``_LONGEST`` words."""
    toks, n = scan.toks, len(scan.toks)
    b, words = i + 1, 1
    while b < n and words < _LONGEST and toks[b].sentence == toks[i].sentence:
        if _name_word(scan, b, lower):
            b, words = b + 1, words + 1
        elif _hyphened(scan, b) and _name_word(scan, b + 1, lower):
            b, words = b + 2, words + 1  # 'Saint-Gobain', 'Mercedes-Benz': one name, not two
        elif scan.is_cue(b, "link") and b + 1 < n and toks[b + 1].sentence == toks[i].sentence and \
                _name_word(scan, b + 1, lower):
            b, words = b + 2, words + 1
        else:
            break
    return b


def _hyphened(scan: _Scan, k: int) -> bool:
    """Whether token ``k`` is a hyphen written against the words on both sides ('Saint-Gobain')."""
    toks = scan.toks
    return 0 < k < len(toks) - 1 and toks[k].word == "-" and toks[k - 1].end == toks[k].start and \
        toks[k].end == toks[k + 1].start


def named(scan: _Scan) -> dict[int, str]:
    """The tokens of the names the article prints (quoted, after an organisation cue, capitalised runs), each with
    its name."""
    found = getattr(scan, "_named", None)
    if found is None:
        found = scan._named = {k: name for a, b, name in _mentions(scan) if name  # type: ignore[attr-defined]
                               for k in range(a, b)}
    return found


def owners(scan: _Scan) -> dict[int, str]:
    """The tokens of the names the article is about — each carried past the sentence that names it, as the actor of
    the sentences after — with their name: who owns what a figure measures, which its label leaves to the subject
    ('Le chiffre d'affaires de Somfy a atteint …. Le résultat …'); a name met in one sentence only ('A box of Roses
    went from £4.47 …') stays in the label."""
    found = getattr(scan, "_owners", None)
    if found is None:
        carried = set(_carried(scan)[0])
        found = scan._owners = {k: name for k, name in named(scan).items()  # type: ignore[attr-defined]
                                if name in carried}
    return found


def _a_name(scan: _Scan, a: int, b: int, inside: set[str]) -> bool:
    """Whether the capitalised run [a, b) is a name: not a place ('Reino Unido'); in German two words at least; one
    word opening its sentence only when the article prints it capitalised inside a sentence too, or it is written
    in mixed case ('TikTok'): 'Public safety takes …' opens with a common word."""
    if place(key(_printed(scan, a, b), scan.lang), scan.lang):
        return False
    if scan.lang == "de":  # a compound written with a hyphen is one word there ('EU-Staaten', 'Corona-Pandemie')
        return b - a - 2 * sum(_hyphened(scan, k) for k in range(a + 1, b - 1)) > 1
    if b - a > 1:
        return True
    raw = scan.toks[a].raw
    opening = a == 0 or scan.toks[a - 1].sentence != scan.toks[a].sentence
    return not opening or raw in inside or (any(c.isupper() for c in raw[1:]) and any(c.islower() for c in raw))


def _capitalised_inside(scan: _Scan) -> set[str]:
    """The capitalised words printed inside a sentence (not opening it), outside sentences in title case (a
    headline that capitalises every word says nothing of names)."""
    toks = scan.toks
    words: dict[int, list[str]] = {}
    for k, t in enumerate(toks):
        if t.word[:1].isalpha() and k and toks[k - 1].sentence == t.sentence:
            words.setdefault(t.sentence, []).append(t.raw)
    out: set[str] = set()
    for found in words.values():
        capitals = [w for w in found if w[:1].isupper()]
        if len(capitals) * 2 < len(found) or len(found) < 4:
            out.update(capitals)
    return out


def _printed(scan: _Scan, a: int, b: int) -> str:
    """Tokens ``a`` to ``b`` as printed ('M2', 'Bank of America'), their spaces as one."""
    return " ".join(scan.text[scan.toks[a].start:scan.toks[b - 1].end].split())


def actor_cues(scan: _Scan) -> dict[int, tuple[int, frozenset[str]]]:
    """The cues of ``ACTOR_CATEGORIES`` (organisation, anaphor, office, led_by, enact, law) by the token they start
    at: (number of words, categories); looked up once per token for every rule that asks."""
    found = getattr(scan, "_actor_cues", None)
    if found is None:
        found = {i: hit for i, hit in enumerate(scan.cues.actors.categories(scan.words)) if hit}
        scan._actor_cues = found  # type: ignore[attr-defined]
    return found


def _actor_cue(scan: _Scan, i: int, category: str) -> int:
    """How many words the ``category`` cue (``ACTOR_CATEGORIES``) at token ``i`` has (0: none)."""
    hit = actor_cues(scan).get(i)
    return hit[0] if hit and category in hit[1] else 0


def _quoted(scan: _Scan) -> dict[int, int]:
    """Short quoted names ('"بايت دانس"', '«Free»'): first token → last token + 1. Not a quoted term
    ('"السيادة الرقمية"': every word with the article), nor words in lower case in a Latin script."""
    out: dict[int, int] = {}
    starts = scan.tok_starts
    import bisect

    for m in _QUOTED.finditer(scan.text):
        a = bisect.bisect_left(starts, m.start(1))
        b = bisect.bisect_left(starts, m.end(1))
        if not 0 < b - a <= _LONGEST or any(scan.toks[k].sentence != scan.toks[a].sentence for k in range(a, b)):
            continue
        words = [scan.toks[k] for k in range(a, b)]
        if any(t.word == "#" and not scan.glued(t, k) for k, t in zip(range(a, b), words, strict=True)):
            continue
        if scan.lang == "ar":
            if all(t.word.startswith(_ARTICLE) or not t.word[:1].isalpha() for t in words):
                continue
        elif not words[0].raw[:1].isupper():
            continue
        if place(key(scan.printed(list(range(a, b))), scan.lang), scan.lang):
            continue
        out[a] = b
    return out


def _name_after(scan: _Scan, i: int, lower: set[str]) -> int | None:
    """The end of the name that starts at token ``i``, right after an ``organisation`` cue, or None. Arabic: the
    words with the article that follow ('وزارة الأمن الداخلي'), else one word without it ('شركة أرامكو'), two when
    the article prints the pair more than once ('شركة تيك توك … تيك توك'); Latin scripts: capitalised words."""
    toks, n = scan.toks, len(scan.toks)
    if scan.lang != "ar":
        b = i
        while b < n and b - i < _LONGEST and toks[b].sentence == toks[i].sentence and _CAPITAL.match(toks[b].raw) \
                and not scan.cue(b) and not scan.kinds(b):
            b += 1
        return b if b > i else None

    def plain(k: int) -> bool:
        return k < n and toks[k].sentence == toks[i].sentence and toks[k].word[:1].isalpha() and \
            not toks[k].used and not scan.cue(k) and not scan.kinds(k) and not scan.time_categories(k)

    if not plain(i):
        return None
    if toks[i].word.startswith(_ARTICLE):
        b = i
        while b - i < 3 and plain(b) and toks[b].word.startswith(_ARTICLE) and toks[b].clause == toks[i].clause:
            b += 1
        return b
    if plain(i + 1) and not toks[i + 1].word.startswith(_ARTICLE) and _pairs(scan).get(
            (toks[i].word, toks[i + 1].word), 0) > 1:
        return i + 2
    return i + 1


def _pairs(scan: _Scan) -> dict[tuple[str, str], int]:
    found = getattr(scan, "_pair_counts", None)
    if found is None:
        found = {}
        for a, b in zip(scan.words, scan.words[1:]):
            found[(a, b)] = found.get((a, b), 0) + 1
        scan._pair_counts = found  # type: ignore[attr-defined]
    return found


def _name_word(scan: _Scan, i: int, lower: set[str]) -> bool:
    """A capitalised word that may be part of a name: no cue, reader, time or place word, no stop word, and — at
    the start of a sentence — a word the article never prints in lower case."""
    t = scan.toks[i]
    if t.used or not _CAPITAL.match(t.raw) or scan.cue(i) or scan.covered.get(i) or scan.kinds(i) or \
            scan.time_categories(i) or not key(t.raw, scan.lang):
        return False
    if place(key(t.raw, scan.lang), scan.lang):
        return False
    opening = i == 0 or scan.toks[i - 1].sentence != t.sentence
    return not (opening and t.raw.lower() in lower)


def adjective_place(scan: _Scan, j: int) -> str | None:
    """The country an adjective names ('الأميركية' → 'الولايات المتحدة'), when the reader's data ties the word to
    a territory (``[nationality]`` of ``rules/normalise/data/<lang>.toml``), named as CLDR names it in the
    document's language (babel); else None. No adjective is guessed from a country's name."""
    hit = scan.lex.lookup(scan.words, j)
    if hit is None or hit[0] != 1 or not hit[1].nationality:
        return None
    return _territory(scan.lang, str(hit[1].nationality))


def _territory(lang: str, code: str) -> str | None:
    try:
        return Locale.parse(lang).territories.get(code)
    except (ValueError, TypeError):
        return None
