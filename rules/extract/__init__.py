"""From article text to claims: the figures and times an article prints, with their character spans, what each
figure counts, its place and time, the events and roles it tells, and the relations its wording proposes.

One reader, no second grammar: the text is split into tokens once, candidate spans are found with the reader's
own tables (``rules.normalise.lexicon``: digits, number words, scale words, hedges, currencies, units, periods;
``rules.normalise.timewords``: month names, years, relative words), and each candidate is handed to the reader —
``read_value`` for figures, ``read_time`` for times. What the reader refuses is not a figure (a date, a name
like 'M2'); what it cannot read with confidence comes back as a problem with its span, never as a guess.

Around each figure, in its clause: the words it counts (the nearest content words before it, else the noun after
it; for a percentage of people before 'said', the answer after it), a place among them (``rules.places``, CLDR
territory names), the nearest time (else the sentence's); a later mention that refers back to an earlier figure
takes its words (with a qualifier that names part of the group), and a pronoun brings the actor last named. The cue
words of ``rules/data/extract/<lang>.toml`` propose relations: a share and its part ("12.3 billion … 68 % of",
"$1.29 billion (31 %)"), parts after "of which" / "منها" / "dont", a change ("from X to Y", "X compared with Y",
with the percentage that states it), a figure per unit with its total and count; and tense, modality and roles
("الرئيس السابق بايدن", "former president Biden").

Bounded: at most ``MAX_TEXT`` characters; every step walks the tokens once, and each candidate is a window of a
few tokens. Markup (HTML tags, entities), control characters and bidi controls are blanked with spaces of the same
length before reading, so spans index the text as sent (in Unicode code points).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

import msgspec
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count

from rules.containment import not_additive, qualifiers, split
from rules.extract.actors import adjective_place, named, owners, subjects
from rules.extract.cues import LANGUAGES, cues
from rules.extract.events import event_subjects, law_events, office_roles, restated_headline
from rules.identities import roles as identity_terms
from rules.messages import N_, problem
from rules.model import (MAX_CLAIMS, MAX_RELATIONS, Age, Amount, Change, CheckRequest, Claim, Event, PerUnit, Problem, Quantity, Relation, Role, Same,
                         Share, ShareOf, SumOf, TimeReading)
from rules.normalise.changes import Movement, movement
from rules.normalise.errors import Unreadable
from rules.normalise.lexicon import Kind, lexicon
from rules.normalise.numbers import dot_groups
from rules.normalise.times import read_time
from rules.normalise.units import KINDS
from rules.normalise.timewords import time_words
from rules.normalise.values import Measure, read_value
from rules.places import place
from rules.text import NUMBER_SPACED, digits, fold, key

__all__ = ["LANGUAGES", "MAX_FIGURES", "MAX_TEXT", "MAX_TIME_WORDS", "Crowded", "Extraction", "Found", "Unsupported",
           "blank", "crowded", "extract", "with_text"]

MAX_TEXT = 200_000
#: A text with more figures than this (read, or tried and not read) is not read (``Crowded``): a long statistics
#: release prints a few hundred.
MAX_FIGURES = 5_000
#: The words the time reader may be asked to read for one text (each run of time words is tried a few ways, a word
#: once per way; an article of 20 000 characters asks for about a thousand): past it the text is not read.
MAX_TIME_WORDS = 40_000
#: Markup and characters that must not be read but must not shift spans either: replaced by spaces one for one.
_BLANK = re.compile(r"<!--.{0,20000}?-->|<[A-Za-z/!?][^<>]{0,2000}>|&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});"
                    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]",
                    re.S)
_SENTENCE_END = frozenset(".!?؟…")
_SIGNS = frozenset("+-−–")  # a sign before a percentage: a change, not a share
_BARE_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")
_YEAR = re.compile(r"^(1[89][0-9]{2}|20[0-9]{2}|2100)$")
_SMALL = re.compile(r"^[0-9]{1,2}$")
_CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_TIME_ANCHORS = frozenset({"month", "hmonth", "quarter", "relative", "rel", "decade", "century", "abbr", "rolling",
                           "century_rel"})
_LEFT = int(Kind.HEDGE | Kind.CURRENCY | Kind.MINUS | Kind.PLUS | Kind.BELOW_ZERO)
_HEDGE = int(Kind.HEDGE)
_RIGHT = int(Kind.SCALE | Kind.SCALE_DUAL | Kind.SCALE_PLURAL | Kind.CURRENCY | Kind.UNIT | Kind.PERIOD | Kind.PER
             | Kind.PER_UNIT | Kind.PER_ENTITY | Kind.NATIONALITY | Kind.MINOR)
_ANCHOR_WORDS = int(Kind.SCALE_PLURAL | Kind.SCALE_DUAL | Kind.VAGUE)
_AFTER_NUMBER_WORD = int(Kind.SCALE | Kind.SCALE_DUAL | Kind.SCALE_PLURAL | Kind.CURRENCY | Kind.UNIT)
#: Words of a figure that are never what it counts (a unit or currency word before a figure may be: 'الأفراد').
#: Period and fraction words stay: 'gasto medio diario' is daily average spending, not spending.
_FIGURE_WORDS = int(Kind.SCALE | Kind.SCALE_DUAL | Kind.SCALE_PLURAL | Kind.NUMBER | Kind.PER | Kind.HEDGE
                    | Kind.VAGUE | Kind.MONTH)
# the kinds as plain ints: an int test per token, not an enum operation
_K_NUMBER, _K_HEDGE, _K_PERIOD, _K_SCALES = int(Kind.NUMBER), int(Kind.HEDGE), int(Kind.PERIOD), int(
    Kind.SCALE | Kind.SCALE_DUAL | Kind.SCALE_PLURAL)
_K_SCALE, _K_CURRENCY, _K_UNIT = int(Kind.SCALE), int(Kind.CURRENCY), int(Kind.UNIT)
_K_MONEY_UNIT, _K_PER, _K_PERIOD_UNIT = int(Kind.CURRENCY | Kind.UNIT), int(Kind.PER | Kind.PER_ENTITY), int(
    Kind.PERIOD | Kind.PER_UNIT)
_K_CURRENCY_PERIOD = int(Kind.CURRENCY | Kind.PERIOD)
_K_ONE, _K_FRACTION, _K_TO = int(Kind.ONE), int(Kind.FRACTION), int(Kind.TO)
_K_ONE_FRACTION = _K_ONE | _K_FRACTION
_LEFT_SYMBOLS = frozenset("$€£¥~≈+-−")
_RIGHT_SYMBOLS = frozenset("%‰$€£¥")
_DASHES = frozenset("-–—")
_QUOTES = frozenset("'’‘\"«»“”„")
#: Reader codes that say the span is not an amount at all (a date, a name): not a figure, not a problem.
_NO_YEAR = "no_year"  # the time reader's answer for a part of a year with no year ('النصف الأول'): ``_time_read``
_NOT_FIGURES = frozenset({"not_an_amount", "no_number", "empty", "vague", "no_unit"})
_WINDOW = 8
_STAND_IN = dt.date(2000, 1, 1)  # a publication date to try a relative time's words with, never to read it
#: references with the same words tried for each figure (``named_by_references``): a few, whatever was sent
PER_BAG = 8
#: The Arabic article, alone or with a proclitic glued on ('والعجز'), as folded
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_SHARES = frozenset({"percent", "permille", "percentage_point", "tenth_point", "basis_point"})
_POINTS = frozenset({"percentage_point", "tenth_point", "basis_point"})  # a move of a rate, never its level
#: Cue categories of words that never name what a figure counts (``content``).
_NOT_CONTENT = frozenset({"drop", "clause", "share", "parts", "since", "from", "to", "roles", "former", "current",
                          "article", "that", "comes_to", "then", "now", "each", "year_before", "qualified"})
#: Units that are not what a figure counts ('107 minutes a day' counts time spent, not minutes).
_MEASURED = frozenset({"mass", "volume", "length", "area", "energy", "power", "data", "speed", "temperature"})
_NOT_COUNTED = frozenset({None, "percent", "permille", "percentage_point", "second", "minute", "hour", "day", "week",
                          "month", "quarter", "year"})


class Crowded(ValueError):
    """A text with more figures (``MAX_FIGURES``) or more words that may be dates (``MAX_TIME_WORDS``) than one
    request reads: not read at all, rather than read in part or for seconds. ``code``: "too_many_figures" or
    "too_many_time_words"; ``where``: the character reached."""

    def __init__(self, code: str, most: int, where: int):
        what = "figures" if code == "too_many_figures" else "words that may be dates"
        super().__init__(f"the text holds more than {most} {what} (by character {where}); send it in parts")
        self.code, self.most, self.where = code, most, where


class Unsupported(ValueError):
    """Text in a language extraction has no cue words for."""

    def __init__(self, language: str):
        super().__init__(f"extraction reads text in {', '.join(LANGUAGES)}; not '{language}'")
        self.language = language


@dataclass(frozen=True, slots=True)
class Found:
    """A figure or time found in the text: its span, the sentence it is in, and how the reader read it."""

    kind: str  # "figure" | "time"
    start: int
    end: int
    text: str
    sentence: int
    claim: str | None = None  # the id of the claim it became (figures)
    time: TimeReading | None = None


@dataclass
class Extraction:
    """What a text gives: claims (each with its span, ``extracted``), proposed relations, the figures and times
    found, the sentences' spans, and what could not be read."""

    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


#: a date in a form the reader reads in every language, by its grain (a quarter or a half as its months: 'Q'
#: and 'H' are read in English only)
_ISO = {"year": lambda d: f"{d.year}", "half": lambda d: f"{d.year}-{d.month:02d}",
        "quarter": lambda d: f"{d.year}-{d.month:02d}", "month": lambda d: f"{d.year}-{d.month:02d}",
        "day": lambda d: d.isoformat()}


@dataclass(slots=True)
class _Tok:
    word: str  # folded; '#' for a number; punctuation as printed
    start: int
    end: int
    raw: str
    sentence: int = 0
    clause: int = 0
    used: bool = False  # part of a figure or a time already


@dataclass(slots=True)
class _Fig:
    id: str
    first: int  # token indices [first, last)
    last: int
    start: int
    end: int
    measure: Measure | None
    value: str
    percent: bool = False
    share: bool = False
    of: str = ""
    factor: bool = False
    index: int = 0  # its place in the article's figures
    part: str | None = None  # a share: the id of the figure it is the share of
    noun: str | None = None  # the noun after it that it counts ('turistas'), as printed
    of_parts: bool = False  # a share after 'of which' / 'davon': of the total the cue refers to
    is_level: bool | None = None  # a level, not a change (worked out once)
    metric: str | None = None
    stems: frozenset[str] = frozenset()  # the stems of what it counts
    context: frozenset[str] = frozenset()  # the stems of its clause's content words
    carried: _Fig | None = None  # the earlier figure whose label a shorter mention took ('these fees')
    time: str | None = None  # the time its claim was given
    listed: bool = False  # a share of the whole the share before it names ('52 % of the vote and Yes 58 %')
    comes_to: tuple[_Fig, _Fig] | None = None  # a share: the amount it comes to (its part) and the whole before it
    of_unread: bool = False  # a share 'of it', 'of them': its whole named by a word that names nothing read
    of_stems: frozenset[str] = frozenset()  # a share: the stems of the whole it names
    of_owner: str | None = None  # a share: the name its whole is said to be of ('du chiffre d'affaires de Somfy')
    of_owned: str = ""  # its whole with that name, as printed


@lru_cache(maxsize=8)
def factor_words(lang: str) -> re.Pattern[str] | None:
    """The reader's words for a change by a factor ('doubled', 'تضاعف'; ``[change.factor]`` of its data), as one
    pattern over folded words."""
    from rules.normalise.changes import _words

    return _words(lang).factor


def _near(figs: list[_Fig], n: int, reach: int = 20) -> tuple[list[_Fig], int]:
    """The figures of a sentence within ``reach`` of the ``n``-th, and its index among them."""
    lo = max(0, n - reach)
    return figs[lo:n + reach + 1], n - lo


def blank(text: str) -> str:
    """``text`` with markup, control and bidi characters as spaces: the same length, so spans still index it."""
    return _BLANK.sub(lambda m: " " * len(m.group()), text)


def extract(text: str, language: str, published: dt.date | None = None, *, taken: frozenset[str] = frozenset(),
            prefix: str = "x", references: Sequence[Claim] = ()) -> Extraction:
    """The claims ``text`` (in ``language``) prints; ids are ``prefix`` and a number, skipping ``taken`` ids; the
    trusted figures sent with it (``references``) may be what a relation needs and the text does not print (the
    count of a figure per head; the two ends of a change the text states alone). Raises ``Unsupported`` for a
    language without cue words, ``ValueError`` past ``MAX_TEXT`` characters."""
    lang = language.replace("_", "-").split("-")[0].lower()
    if lang not in LANGUAGES:
        raise Unsupported(language)
    if len(text) > MAX_TEXT:
        raise ValueError(f"the text has {len(text)} characters; at most {MAX_TEXT} are read")
    return _Scan(text, language, lang, published, taken, prefix, references).run()


class _Scan:
    def __init__(self, text: str, language: str, lang: str, published: dt.date | None, taken: frozenset[str],
                 prefix: str, references: Sequence[Claim] = ()):
        self.text = blank(text)
        self.plain = digits(self.text)
        self.language, self.lang, self.published = language, lang, published
        self.dot_groups = dot_groups(text)  # '83.000' in a French text whose decimals are commas: 83000
        self.lex = lexicon(language)
        self.tw = time_words(language).lex
        self.cues = cues(lang)
        self.taken, self.prefix, self.next_id = taken, prefix, 0
        self.references = list(references)
        self.yearly: list[tuple[str, tuple[dt.date, dt.date], frozenset[str]]] | None = None  # ``_over_the_year``
        self.subject_of: dict[str, str] = {}  # each figure's actor, by its id (``subjects``)
        self.sentence_times: dict[int, list[tuple[int, str]]] = {}
        self.by_id: dict[str, Claim] = {}
        self.out = Extraction()
        self.toks: list[_Tok] = []
        self.words: list[str] = []
        self.figs: list[_Fig] = []
        self.times: list[tuple[int, int, str]] = []  # token range and printed text of each time read
        self.time_starts: list[int] = []
        self.unread: set[int] = set()  # the first token of each relative time read without a publication date
        self._times: dict[str, TimeReading | bool | str | None] = {}  # ``_time_read``
        self._if_dated: dict[str, TimeReading | bool | None] = {}
        self._yearless: set[str] = set()  # times the reader refuses for want of a year ('en junio')
        self._to_date: set[str] = set()  # and those of them that end the period the article gives ('hasta junio')
        self._to_month: dict[str, int] = {}  # of those, the ones that end with a month named: the month's number
        self.read_times: dict[str, TimeReading] = {}  # each time read, by its printed words
        self.time_words = 0  # how many words the time reader was asked to read, and how many tries (``_time_read``)
        # for each token, the longest phrase starting there (``tokenize``): of the reader's (number of words, kinds),
        # and its kinds alone (0: none); of the cue words and of the time words (number of words, categories)
        self._meaning: list[tuple[int, int] | None] = []
        self._kinds: list[int] = []
        self._cue: list[tuple[int, frozenset[str]] | None] = []
        self._when: list[tuple[int, frozenset[str]] | None] = []  # ``time_categories``
        self._before: dict[tuple[int, str, int], int | None] = {}  # ``cue_before``
        self.marks: dict[int, set[str]] = {}  # each sentence's cue categories
        self.changed: set[frozenset[str]] = set()  # the pairs a change relation joins already
        self.unscaled: set[str] = set()  # 'from 800 to 1.2 million': the first end, whose scale is not said
        self.other_end: set[str] = set()  # the second end of 'from X … to Y' whose only time near is X's (``time_for``)
        self.dates: set[str] = set()  # bare years read as the date an age counts from, not as amounts
        self.compared: list[tuple[_Fig, _Fig, _Fig]] = []  # base, level and the percentage that compares them
        self._brackets: list[int | None] | None = None  # ``bracket``
        self.factors = factor_words(lang)
        self.vocab: set[str] | None = None  # the article's folded words (Arabic labels)
        self.document_time: str | None = None
        self.fig_starts: set[int] = set()  # the first token of every figure
        self.candidates = 0  # figures read, or tried (``_candidate``)
        self.tok_starts: list[int] = []
        self.covered: dict[int, frozenset[str]] = {}  # words inside a cue phrase that starts before them
        self.opening: dict[int, int] = {}  # each sentence's first figure's first token
        self._counted: dict[str, list[Quantity]] | None = None  # the references that count a unit, by unit
        self._moves: dict[str, Movement | None] = {}  # ``movement``
        self._sentence_texts: dict[tuple[int, int], str] = {}  # ``sentence_text``
        self._content: list[bool] | None = None  # ``content``, for each token

    # -- tokens ----------------------------------------------------------------------------------------------------
    def tokenize(self) -> None:
        sentence = clause = 0
        prev_end, prev_word = 0, ""
        starts = [0]
        for m in NUMBER_SPACED.finditer(self.plain):
            s, e = m.start(), m.end()
            if m.lastgroup == "number":
                word = "#"
            elif m.lastgroup == "word":
                word = fold(m.group())
                if not word:
                    continue
            elif m.group() in _QUOTES:
                continue  # "d'euros", «…»: quotes and apostrophes separate nothing
            else:
                word = fold(m.group()) or m.group()
            if self.toks:
                gap = self.plain[prev_end:s]
                if "\n" in gap or prev_word in _SENTENCE_END:
                    sentence += 1
                    clause += 1
                    starts.append(s)
                elif prev_word in self.cues.marks:
                    clause += 1
            self.toks.append(_Tok(word, s, e, self.text[s:e], sentence, clause))
            prev_end, prev_word = e, word
        self.words = words = [t.word for t in self.toks]
        self.tok_starts = [t.start for t in self.toks]
        self._meaning = [(hit[0], hit[1].kinds) if hit else None for hit in self.lex.meanings(words)]
        self._kinds = [m[1] if m else 0 for m in self._meaning]
        self._cue = self.cues.lex.categories(words)
        self._when = self.tw.categories(words)
        if "." in words:
            self._abbreviations(starts)
        self._split_clauses()
        ends = [*starts[1:], len(self.text)]
        self.out.sentences = [(s, e) for s, e in zip(starts, ends, strict=True)]

    def _abbreviations(self, starts: list[int]) -> None:
        """'5,4 Mrd. Euro', '1,2 Mio. Einwohner': the point of an abbreviated scale word ends no sentence
        when a currency, a unit or a word in lower case follows on its line ('… 5,4 Mrd. Der Gewinn …' still does);
        the sentences after it are numbered again (once, whatever the number of such points)."""
        toks, kinds, merged, shift = self.toks, self._kinds, set(), 0
        for i in compress(count(), map(".".__eq__, self.words)):  # the points only, found without a loop in Python
            if not 0 < i < len(toks) - 1 or not kinds[i - 1] & _K_SCALES:
                continue
            t = toks[i]
            if toks[i + 1].sentence != t.sentence and toks[i - 1].end == t.start and \
                    "\n" not in self.plain[t.end:toks[i + 1].start] and \
                    (toks[i + 1].raw[:1].islower() or kinds[i + 1] & _K_MONEY_UNIT):
                merged.add(toks[i + 1].sentence)
        if not merged:
            return
        sentence = -1
        for t in toks:
            if t.sentence != sentence:
                sentence = t.sentence
                shift += sentence in merged
            t.sentence -= shift
            t.clause -= shift
        starts[:] = [starts[0], *(s for n, s in enumerate(starts[1:], 1) if n not in merged)]

    def _split_clauses(self) -> None:
        """Number the clauses: a new one at each sentence, after each clause mark, and at a clause word ('which',
        'إذ'); and gather each sentence's cue categories (tense, modality)."""
        clause, prev_sentence, prev_clause = 0, -1, -1
        for i, (t, cue) in enumerate(zip(self.toks, self._cue, strict=True)):
            raw_clause = t.clause
            new = t.sentence != prev_sentence or raw_clause != prev_clause
            if not new and i:
                new = bool(cue and "clause" in cue[1])
            if new and i:
                clause += 1
            prev_sentence, prev_clause = t.sentence, raw_clause
            t.clause = clause
            if cue:
                self.marks.setdefault(t.sentence, set()).update(cue[1])
                for k in range(i + 1, min(i + cue[0], len(self.toks))):  # the other words of a cue phrase
                    self.covered[k] = self.covered.get(k, frozenset()) | cue[1]

    def meaning(self, i: int) -> tuple[int, int] | None:
        """(words, kinds) of the reader's longest phrase at token ``i``."""
        return self._meaning[i] if 0 <= i < len(self._meaning) else None

    def cue(self, i: int) -> tuple[int, frozenset[str]] | None:
        return self._cue[i] if 0 <= i < len(self._cue) else None

    def kinds(self, i: int) -> int:
        return self._kinds[i] if 0 <= i < len(self._kinds) else 0

    def is_cue(self, i: int, category: str) -> int:
        """How many words the cue of ``category`` at ``i`` has (0: none)."""
        c = self._cue[i] if 0 <= i < len(self._cue) else None
        return c[0] if c and category in c[1] else 0

    def cue_before(self, i: int, category: str, reach: int = 3) -> int | None:
        """The start of a ``category`` cue ending just before token ``i`` (within ``reach`` words), same clause."""
        asked = (i, category, reach)
        if asked not in self._before:
            self._before[asked] = None
            for j in range(i - 1, max(i - 1 - reach, -1), -1):
                if self.toks[j].sentence != self.toks[i].sentence:
                    break
                n = self.is_cue(j, category)
                if n and j + n <= i:  # the cue ends within ``reach`` words of the figure ('contre une perte de 7,4 M€')
                    self._before[asked] = j
                    break
        return self._before[asked]

    # -- times -----------------------------------------------------------------------------------------------------
    def time_categories(self, i: int) -> tuple[int, frozenset[str]] | None:
        return self._when[i]

    def year_like(self, i: int) -> bool:
        t = self.toks[i]
        if t.word != "#" or not _YEAR.match(self.plain[t.start:t.end]):
            return False
        after = self.kinds(i + 1) if i + 1 < len(self.toks) else 0
        if after & _AFTER_NUMBER_WORD or (i + 1 < len(self.toks) and self.toks[i + 1].word in ("%", "‰")):
            return False
        return not (i and self.toks[i - 1].word in _LEFT_SYMBOLS)

    def scan_times(self) -> None:
        toks, n = self.toks, len(self.toks)
        i = 0
        while i < n:
            cats = self.time_categories(i)
            named = bool(cats and cats[1] & {"unit", "ordinal"}) and self.period_name(i)
            anchor = self.year_like(i) or bool(cats and cats[1] & _TIME_ANCHORS) or named
            if not anchor or toks[i].used:
                i += 1
                continue
            sentence = toks[i].sentence
            # the run around the anchor holds one date: it stops at the year or month of another ('in March 2024
            # in March 2024 …' is read one date at a time, a few tries each)
            first = i
            while first > 0 and i - first < _WINDOW and (k := self._time_before(first, sentence)) is not None:
                first = k
            last = i + (cats[0] if cats else 1)
            years = int(self.year_like(i))
            months = int(bool(cats and cats[1] & {"month", "hmonth"}))
            while last < n and last - first < 2 * _WINDOW and toks[last].sentence == sentence:
                more = self.time_categories(last)
                if more and "mod" in more[1] and more[1] <= {"mod", "marker", "hedge", "range"} and last > i and \
                        not self._time_follows(last + more[0]):
                    break  # 'في 2024 بعد 10.2 مليار', 'in December 2009 about the bill', '2007 نحو 183 مليون': 'after',
                    # 'about' open what follows, they do not end this date ('from 2009 to about 2011' goes on)
                year = self.year_like(last)
                month = bool(more and more[1] & {"month", "hmonth"})
                if (year and years) or (month and months and years):
                    if not (toks[last - 1].word in _DASHES | {"/"} or (more and more[1] & {"range"})):
                        break
                years += year
                months += month
                if more:
                    last += more[0]
                elif self._timeish(last) or (toks[last].word in _DASHES | {"/"} and last + 1 < n
                                             and toks[last + 1].word == "#"):
                    last += 1
                else:
                    break
            hit = self._read_time(first, i, last, yearless=named)
            if hit is None:
                i += 1
                continue
            a, b, span = hit
            for t in toks[a:b]:
                t.used = True
            printed = self.text[toks[a].start:toks[b - 1].end]
            self.times.append((a, b, printed))
            self.time_starts.append(a)
            if span is None:  # 'last year' with no publication date: the figure's time, unread (a problem on its
                self.unread.add(a)  # claim), rather than the article's time, which would be a wrong reading
            else:
                self.read_times[printed] = span
                self.out.found.append(Found("time", toks[a].start, toks[b - 1].end, printed, toks[a].sentence,
                                            time=span))
            i = b

    def _time_follows(self, k: int) -> bool:
        """Whether a time word other than a filler ('the', 'in') starts at token ``k``, after at most two fillers; a
        number before a scale word, a currency or a unit is an amount ('نحو 5 مليارات دولار')."""
        n = len(self.toks)
        for j in range(k, min(k + 3, n)):
            hit = self.time_categories(j)
            if not (hit and hit[1] == {"filler"}):
                amount = self.toks[j].word == "#" and j + 1 < n and (
                    self.kinds(j + 1) & _AFTER_NUMBER_WORD or self.toks[j + 1].word in _RIGHT_SYMBOLS)
                return self._timeish(j) and not amount and not (hit and hit[1] <= {"filler", "marker"})
        return False

    def _time_before(self, j: int, sentence: int) -> int | None:
        """The start of the time word ('since', 'early') or phrase ('the beginning of', 'the end of') that ends just
        before token ``j`` in its sentence, not the end of an earlier date nor words read already; else None."""
        toks = self.toks
        for k in range(max(j - 4, 0), j - 1):  # a phrase of several words, the longest first
            hit = self.time_categories(k)
            if hit and k + hit[0] == j and not hit[1] & {"month", "hmonth"} and \
                    all(toks[m].sentence == sentence and not toks[m].used for m in range(k, j)):
                return k
        k = j - 1
        if toks[k].sentence == sentence and self._timeish(k) and not self._dated(k) and not toks[k].used:
            return k
        return None

    def _dated(self, j: int) -> bool:
        """A year, or a month name: the end of an earlier date."""
        hit = self.time_categories(j)
        return self.year_like(j) or bool(hit and hit[1] & {"month", "hmonth"})

    def _timeish(self, j: int) -> bool:
        t = self.toks[j]
        if t.word == "#":
            return bool(_SMALL.match(self.plain[t.start:t.end])) or self.year_like(j)
        hit = self.time_categories(j)
        return bool(hit and hit[0] == 1)

    def _read_time(self, first: int, anchor: int, last: int, yearless: bool = False
                   ) -> tuple[int, int, TimeReading | None] | None:
        """The widest window around ``anchor`` the time reader reads (left edge first, then the right); else the
        widest it refused only for want of a publication date and reads with one (any: 'last year to' and 'الخامس
        خلال السنوات الثلاث المقبلة' read with none), with no reading; or a month it refused for want of a year ('Solo
        en junio', not 'hasta junio', the period to date), with no reading; else, for a part of a year (``yearless``:
        'وفي النصف الأول من العام', 'in the first half'), the widest it refused for want of a year, with no reading:
        the figure's time is that part, unread, not the article's time nor an earlier sentence's."""
        tries, to_date = 0, False
        relative: tuple[int, int, None] | None = None
        no_year: tuple[int, int, None] | None = None
        until: tuple[int, int, None] | None = None  # 'by January', 'hasta septiembre': up to a month, no year
        for a in range(first, anchor + 1):
            for b in range(last, anchor, -1):
                if b - 1 > anchor and self._dangles(b - 1):
                    continue  # 'de marzo al', 'in January to': the 'to' of what follows, not the end of this time
                tries += 1
                if tries > 40:
                    return relative or no_year
                printed = self.text[self.toks[a].start:self.toks[b - 1].end]
                read = self._time_read(printed, self.toks[a].start)
                to_date |= printed in self._to_date  # 'hasta septiembre': not 'septiembre' alone either
                if read is None and not (yearless and printed in self._yearless):
                    if relative is None and (printed in self._yearless and not to_date or
                                             self._time_read(printed, self.toks[a].start, dated=True)):
                        relative = (a, b, None)
                    continue
                if isinstance(read, TimeReading):
                    return a, b, read
                if until is None and read == _NO_YEAR and printed in self._to_month and a <= anchor < b and \
                        self._time_ends(b - 1):
                    until = (a, b, None)
                if yearless and no_year is None and read in (_NO_YEAR, None) and a <= anchor < b and \
                        all(t.word != "#" for t in self.toks[a:b]) and self._time_ends(b - 1):
                    no_year = (a, b, None)  # words only, ending on a word of its own: 'in the first half', not
                    # 'in the first half and to' (of 'and to $12m in 2019')
        return relative or no_year or until

    def _dangles(self, k: int) -> bool:
        """Whether token ``k`` is only a filler or a range word ('al', 'hasta', 'el', 'to'): no time ends on it."""
        hit = self.time_categories(k)
        return hit is not None and hit[0] == 1 and hit[1] <= {"filler", "range"}

    def _time_ends(self, k: int) -> bool:
        """Whether token ``k`` may end a time: a time word that is not only a filler or a range word ('and', 'to')."""
        hit = self.time_categories(k)
        return hit is not None and not hit[1] <= {"filler", "range"}

    def _time_read(self, printed: str, at: int, dated: bool = False) -> TimeReading | bool | str | None:
        """The time reader's answer for ``printed``, asked once per text: its reading; None when it needs a
        publication date the request does not give; False when it does not read. ``dated``: whether it reads once
        a publication date is given (a stand-in: only its words are tried); ``_NO_YEAR`` when it names a part of a
        year but not the year. Each try counts a word, each reading its words: past ``MAX_TIME_WORDS``, ``Crowded``
        (``at``: where ``printed`` starts)."""
        memo = self._if_dated if dated else self._times
        self.time_words += 1 if printed in memo else len(printed.split()) + 1
        if self.time_words > MAX_TIME_WORDS:
            raise Crowded("too_many_time_words", MAX_TIME_WORDS, at)
        if printed not in memo:
            try:
                span = read_time(printed, self.language, _STAND_IN if dated else self.published)
                memo[printed] = True if dated else span.reading()
            except Unreadable as exc:
                if exc.code == "no_year" and not dated and self._a_month_of_its_own(printed):
                    self._yearless.add(printed)  # 'Solo en junio': a time, but which year's is not guessed; unread,
                    memo[printed] = None  # rather than the time of a figure before it
                elif exc.code == "no_year" and not dated:
                    self._to_date.add(printed)
                    memo[printed] = _NO_YEAR
                else:
                    memo[printed] = None if exc.code == "needs_publication_date" and not dated else False
        return memo[printed]

    def _a_month_of_its_own(self, printed: str) -> bool:
        """Whether a time printed without its year names a period of its own ('en junio', 'in June'), not the end of
        the period the article gives ('hasta septiembre', 'bis Juni': the year to date, which the figure shares)."""
        try:
            read = read_time(f"{printed} 2000", self.language)
        except Unreadable:
            return False
        if read.modifier == "by" and read.grain == "month":
            self._to_month[printed] = (read.end - dt.timedelta(days=1)).month
        return read.modifier != "by"

    # -- figures ---------------------------------------------------------------------------------------------------
    def names(self) -> None:
        """'Antena 3', 'La 1', 'Canal 24': a capitalised word no table knows (or an article capitalised inside a
        sentence) and a small whole number after it, with nothing after the number that makes it an amount (a unit, a scale, a currency, a sign), printed so at least
        twice in the text and once inside a sentence (not as its first word), or once after an article capitalised
        inside a sentence, or listed in the language's ``numbered`` names, is a name: its number is no figure.
        'Antena 3 superó a Telecinco … Por grupos, Antena 3 y Mediaset …' had been read as the figure 3 of
        'Antena', paired as the part a share of 13,6 % is of, and twice restated."""
        toks, n = self.toks, len(self.toks)
        seen: dict[tuple[str, str], list[int]] = {}
        inside: set[tuple[str, str]] = set()
        articles: set[tuple[str, str]] = set()
        for i in range(1, n):
            t, w = toks[i], toks[i - 1]
            if t.word != "#" or t.used or w.used or w.sentence != t.sentence or len(t.raw) > 3 or \
                    not t.raw.isdigit() or w.end + 1 != t.start or not _CAPITAL.match(w.raw) or \
                    self.kinds(i - 1):
                continue
            opening = i < 2 or toks[i - 2].sentence != t.sentence
            c, when = self.cue(i - 1), self.time_categories(i - 1)
            if (c or when) and (opening or not c or not c[1] <= {"article"} or when and not when[1] <= {"filler"}):
                continue  # an article capitalised inside a sentence opens a name ('seguida de La 1')
            if i + 1 < n and toks[i + 1].sentence == t.sentence and (
                    self.kinds(i + 1) & _RIGHT or toks[i + 1].word in _RIGHT_SYMBOLS or
                    toks[i + 1].start == t.end and (toks[i + 1].word[:1].isalnum() or toks[i + 1].word in _DASHES)):
                continue  # ('Antena 3.', 'Antena 3,': a mark may follow; '3-4', '3a' are no name)
            pair = (w.word, t.raw)
            seen.setdefault(pair, []).append(i)
            if not opening:
                inside.add(pair)
                if c:  # 'y La 1 un 10,2%': an article capitalised inside a sentence is a name's, even once
                    articles.add(pair)
        for pair, at in seen.items():
            if len(at) >= 2 and pair in inside or pair in articles or pair in self.cues.numbered:
                for i in at:
                    toks[i].used = True

    def scan_figures(self) -> None:
        toks, n = self.toks, len(self.toks)
        # the words that name a change by a factor, with no number ('doubled', 'tripled', 'تضاعف'): matched once per
        # distinct word rather than once per token
        factor = frozenset(filter(self.factors.fullmatch, set(self.words))) if self.factors is not None else ()
        all_kinds = self._kinds
        i = 0
        while i < n:
            t = toks[i]
            kinds = all_kinds[i]
            if t.word in factor and not t.used and t.word != "#" and not self.period_name(i):
                fig = self._factor(i)
                if fig is not None:
                    self._candidate(i)
                    self._add(fig)
                    i = fig.last
                    continue
            anchor = not t.used and ((t.word == "#" and not self.glued(t, i)) or bool(kinds & _ANCHOR_WORDS) or (
                bool(kinds & _K_NUMBER) and bool(self.kinds(i + (self.meaning(i) or (1,))[0]) & _AFTER_NUMBER_WORD))
                or bool(kinds & _K_ONE_FRACTION) and self.in_words(i, kinds) or
                bool(kinds & (_K_NUMBER | _K_ONE)) and self.hyphened_point(i + 1))
            if not anchor:
                i += 1
                continue
            first, last = self._window(i)
            self._candidate(i)
            fig = self._read_figure(first, last)
            if fig is not None:
                self._add(fig)
                i = max(fig.last, i + 1)
            else:
                i = max(last, i + 1)

    def levels_reached(self) -> None:
        """'subió un 50%, hasta 5.470 millones de euros', 'bajó en 70.800 personas, hasta 4.574.700 desempleados':
        a word the reader takes for 'up to' that is also a 'to' cue ('hasta'), right after a change (only marks, a
        time, an article or a rate's basis between), opens the level the change reached, not a bound: the figure is
        read without it. 'hasta 500 euros' after no change stays 'up to 500 euros'."""
        toks = self.toks
        for n, fig in enumerate(self.figs):
            size = self.is_cue(fig.first, "to")
            if not n or not size or not self.kinds(fig.first) & _HEDGE or fig.first + size >= fig.last or \
                    (self.meaning(fig.first) or (0,))[0] > size:
                continue  # the reader's longer phrase says 'up to': 'hasta un 20%', after a change too
            prev = self.figs[n - 1]
            if toks[prev.first].sentence != toks[fig.first].sentence or prev.factor or not self.moved(prev.value) \
                    or not self._bare(prev.last, fig.first):
                continue
            first = fig.first + size
            try:
                measure = self.read(self.text[toks[first].start:fig.end])
            except Unreadable:
                continue
            for t in toks[fig.first:first]:
                t.used = False
            unit = measure.unit
            fig.first, fig.start, fig.measure, fig.value = first, toks[first].start, measure, self.text[
                toks[first].start:fig.end]
            fig.percent, fig.is_level = unit in _SHARES, None

    def _candidate(self, i: int) -> None:
        """One more figure to read, at token ``i`` (read or not, each is a reading): past ``MAX_FIGURES``,
        ``Crowded``."""
        self.candidates += 1
        if self.candidates > MAX_FIGURES:
            raise Crowded("too_many_figures", MAX_FIGURES, self.toks[i].start)

    def _add(self, fig: _Fig) -> None:
        """The figure found: its words are used."""
        for tk in self.toks[fig.first:fig.last]:
            tk.used = True
        fig.index = len(self.figs)
        self.figs.append(fig)

    def shared_tail(self) -> None:
        """'de 312 a 2.275 millones de euros', 'from 5 to 10 percent', 'من 312 إلى 2275 مليون يورو': a bare number
        right after a 'from' word and right before the 'to' word of a level printed with a scale or a unit shares
        that level's words after its number, printed once for both; its claim's value is the number with them
        ('312 millones de euros'). Not when the first number has words of its own ('from $312 to …', '312 millones
        a …'), nor when the two numbers are more than a hundred-fold apart ('from 800 to 1.2 million': 800 of what
        is not said). A first number under a thousand with no scale of its own before a level with one ('from $3 to
        $5 billion', 'from 800 to 1.2 million') that does not share it may be three dollars or three billion: the
        pair is no change (``unscaled``)."""
        toks = self.toks
        for x, y in zip(self.figs, self.figs[1:]):
            if x.measure is None or y.measure is None or x.factor or y.factor or x.measure.unit is not None or \
                    x.measure.number is None or toks[x.last - 1].word != "#" or \
                    self.cue_before(x.first, "from", 1) is None or x.last + self.is_cue(x.last, "to") != y.first or \
                    x.last == y.first or not self.level(y):
                continue
            numbers = [k for k in range(y.first, y.last) if toks[k].word == "#"]
            if len(numbers) != 1 or y.measure.number is None:
                continue
            tail = self.text[toks[numbers[0]].end:y.end]
            try:
                printed = self.read(self.text[toks[numbers[0]].start:toks[numbers[0]].end]).number
                measure = self.read(x.value + tail)
            except Unreadable:
                continue
            if not tail.strip() or not printed or not x.measure.number or measure.unit is None and \
                    measure.number == x.measure.number or not 1 <= max(printed, x.measure.number) / min(
                    printed, x.measure.number) <= 100:
                continue
            x.value, x.measure, x.percent, x.is_level = x.value + tail, measure, measure.unit in _SHARES, None
        for x, y in zip(self.figs, self.figs[1:]):
            xm, ym = x.measure, y.measure
            if xm is not None and ym is not None and xm.number is not None and xm.number < 1000 and \
                    xm.unit in (None, ym.unit) and self.cue_before(x.first, "from", 1) is not None and \
                    x.last + self.is_cue(x.last, "to") == y.first and x.last < y.first and \
                    any(self.kinds(k) & _K_SCALES for k in range(y.first, y.last)):
                self.unscaled.add(x.id)  # '800' may be 800 thousand, '$3' three billion: the scale is not said

    def ranges(self) -> None:
        """'680.000 bis 700.000 Geborene', '680,000 to 700,000 births', '3 bis 5 Milliarden Euro': two figures joined
        by a 'to' word of the reader's alone are one figure, a range, when the reader reads them as one (one unit,
        ends at most a hundred-fold apart); read apart, each end was a figure of its own, labelled by the words
        around it (one end by 'Destatis expected', the other by 'births'). Not after a 'from' or 'since' word ('rose
        from 800 to 1.2 million', 'von 16 auf 6 Prozent': a change or a range, ``shared_tail`` and ``_change``
        tell), nor with a word of change in either ('up 5% to $3bn')."""
        toks, out, k = self.toks, [], 0
        while k < len(self.figs):
            x = self.figs[k]
            y = self.figs[k + 1] if k + 1 < len(self.figs) else None
            merged = self._range(x, y) if y is not None else None
            out.append(merged or x)
            k += 2 if merged else 1
        if len(out) != len(self.figs):
            for n, f in enumerate(out):
                f.index = n
            self.figs = out
            for f in out:
                for tk in toks[f.first:f.last]:
                    tk.used = True

    def _range(self, x: _Fig, y: _Fig) -> _Fig | None:
        xm, ym = x.measure, y.measure
        m = self.meaning(x.last) if x.last < y.first else None
        if xm is None or ym is None or x.factor or y.factor or \
                not (m and m[1] & _K_TO and x.last + m[0] == y.first) or \
                self.cue_before(x.first, "from", 1) is not None or \
                self.cue_before(x.first, "since", 2) is not None or xm.unit not in (None, ym.unit) or \
                movement(x.value, self.language) is not None or movement(y.value, self.language) is not None:
            return None
        value = self.text[x.start:y.end]
        try:
            measure = self.read(value)
        except Unreadable:
            return None
        ends = measure.ends
        if measure.bound != "range" or measure.unit != ym.unit or measure.span is None or measure.span[0] or \
                measure.span[1] <= y.start - x.start or not ends or \
                not all(ends) or not 1 <= max(ends) / min(ends) <= 100:
            return None
        return _Fig(id=x.id, first=x.first, last=y.last, start=x.start, end=y.end, measure=measure, value=value,
                    percent=measure.unit in _SHARES, noun=y.noun)

    def in_words(self, i: int, kinds: int) -> bool:
        """'a million', 'half a million pounds': a word for one or a fraction before a scale word (with 'a' between
        for a fraction) opens a figure written in words; so does a word for one before a point after a change word
        (``one_point``)."""
        if not kinds & _K_ONE_FRACTION or i + 1 >= len(self.toks):
            return False
        j = i + 1
        if kinds & _K_FRACTION and self.kinds(j) & _K_ONE:
            j += 1
        if self.kinds(j) & _K_SCALES and not self.toks[j].used:
            return True
        return bool(kinds & _K_ONE) and self.one_point(i)

    def one_point(self, i: int) -> bool:
        """'subió una décima', 'stieg um einen Prozentpunkt', 'rose a percentage point': a word for one before a
        point of a rate (``_SHARES``) is the size of the move a change word just before it states; without one ('un
        punto de inflexión', 'à un point près') it is no figure."""
        if not self.kinds(i + 1) & _K_UNIT or self.toks[i + 1].used:
            return False
        hit = self.lex.lookup(self.words, i + 1)
        if hit is None or hit[1].unit not in _SHARES or hit[1].unit == "percent":
            return False
        clause, end = self.toks[i].clause, self.toks[i + hit[0]].end
        return any(self.toks[j].clause == clause and not self.toks[j].used and
                   self.movement(self.text[self.toks[j].start:end]) is not None
                   for j in range(i - 1, max(i - 3, -1), -1))

    def hyphened_point(self, k: int) -> bool:
        """'two-tenths of a percentage point', 'one-tenth of a point': token ``k`` is a dash glued between a number
        word and a point of a rate (``_SHARES`` but percent), the size of a move printed as one word. Nothing else
        after a dash is a figure's unit: 'a three-year plan', 'a two-thirds majority' are no amounts."""
        toks = self.toks
        if not 0 < k < len(toks) - 1 or toks[k].word not in _DASHES or toks[k - 1].end != toks[k].start or \
                toks[k].end != toks[k + 1].start or not self.kinds(k + 1) & _K_UNIT:
            return False
        hit = self.lex.lookup(self.words, k + 1)
        return hit is not None and hit[1].unit in _SHARES and hit[1].unit != "percent"

    def period_name(self, i: int) -> bool:
        """'النصف الأول', 'الربع الأخير', 'the first half': a time unit word next to an ordinal names a part of the
        year (read as a time when its year is printed, else left unread), not a fraction ('انخفض إلى النصف' halves).
        True at the first of the two words."""
        if i + 1 >= len(self.toks) or self.toks[i].sentence != self.toks[i + 1].sentence:
            return False
        here, there = self.time_categories(i), self.time_categories(i + 1)
        if not (here and there and here[0] == 1):
            return False
        return ("unit" in here[1] and "ordinal" in there[1]) or ("ordinal" in here[1] and "unit" in there[1])

    def _factor(self, i: int) -> _Fig | None:
        first = i
        while first > 0 and i - first < 3 and self.toks[first - 1].clause == self.toks[i].clause and \
                self.kinds(first - 1) & _K_HEDGE and not self.toks[first - 1].used:
            first -= 1
        s, e = self.toks[first].start, self.toks[i].end
        value = self.text[s:e]
        moved = self.movement(value)
        if moved is None or moved.factor is None:
            return None
        return _Fig(id=self._id(), first=first, last=i + 1, start=s, end=e, measure=None, value=value, factor=True)

    def glued(self, t: _Tok, i: int) -> bool:
        """A number glued to Latin letters is part of a name: 'M2', '5G', 'COVID-19', 'A320'; not an amount of money
        with its scale glued on ('£850m', '$2bn')."""
        before = self.plain[t.start - 2:t.start] if t.start >= 2 else " " + self.plain[:t.start]
        after = self.plain[t.end:t.end + 1]
        if before[-1:] in _LEFT_SYMBOLS and before[-1:] not in "+-−~≈" and i + 1 < len(self.toks) and \
                self.kinds(i + 1) & _K_SCALES and self.toks[i + 1].start == t.end and \
                not self.plain[self.toks[i + 1].end:self.toks[i + 1].end + 1].isalnum():
            return False
        return (before[-1:].isascii() and before[-1:].isalpha()) or (after.isascii() and after.isalpha()) or \
            (before[-1:] == "-" and before[:1].isascii() and before[:1].isalpha())

    def _window(self, i: int) -> tuple[int, int]:
        toks, n = self.toks, len(self.toks)
        sentence = toks[i].sentence
        clause = toks[i].clause
        first = i
        while first > 0 and i - first < 4:
            j = first - 1
            if toks[j].used or toks[j].clause != clause:
                break
            if toks[j].word in _LEFT_SYMBOLS:
                first = j
                continue
            found = None
            for k in range(max(j - 3, 0), j + 1):  # the longest phrase ending here: 'ما يقارب', 'more than'
                m = self.meaning(k)
                if m and k + m[0] == first and m[1] & _LEFT and not toks[k].used:
                    found = k
                    break
            if found is None:
                break
            first = found
        m = self.meaning(i)
        last = i + (m[0] if m and toks[i].word != "#" else 1)
        counted = True  # the figure so far ends in a number or scale word: a noun may follow
        while last < n and last - i < _WINDOW and toks[last].sentence == sentence and not toks[last].used:
            t = toks[last]
            m = self.meaning(last)
            if m and m[1] & _K_PERIOD and not m[1] & _K_SCALE:
                after = self.time_categories(last + m[0]) if last + m[0] < n else None
                if after and after[1] & {"marker"} or self.is_cue(last, "year_before"):
                    break  # '39.4 million a year earlier', '23 مليونا في الشهر نفسه من العام الماضي': a time, no rate
            c = self.cue(last)
            if c and c[1] & {"since", "from", "to", "share", "parts"} and not (m and m[1] & _K_CURRENCY) and \
                    not ("link" in c[1] and last + 1 < n and self.kinds(last + 1) & _K_MONEY_UNIT):
                break  # 'par rapport à', 'of which': a cue, not the figure's own words
            if m and m[1] & _RIGHT:
                counted = bool(m[1] & _K_SCALES) and not m[1] & _K_MONEY_UNIT
                per = m[1] & _K_PER and not m[1] & _K_PERIOD_UNIT
                last += m[0]
                if per and last < n and toks[last].word != "#" and toks[last].sentence == sentence:
                    last += 1  # the noun of 'per user', 'لكل مستخدم'
                continue
            if t.word in _RIGHT_SYMBOLS:
                last += 1
                counted = False
                continue
            if t.word == "." and t.start == toks[last - 1].end and self.kinds(last - 1) & _K_SCALES and \
                    last + 1 < n and toks[last + 1].sentence == sentence:
                last += 1  # '5,4 Mrd. Euro': the point of the abbreviation, inside its sentence (``_abbreviations``)
                continue
            if self.is_cue(last, "link") and last + 1 < n and self.kinds(last + 1) & _K_MONEY_UNIT:
                last += 1  # 'milliards d'euros', 'millones de euros': the currency after 'of'
                continue
            if self.hyphened_point(last) and last - 1 == i:
                last += 1  # 'two-tenths of a percentage point': the unit after the dash is read next
                continue
            if t.word in _DASHES and last + 1 < n and toks[last + 1].word == "#" and toks[last - 1].word == "#":
                last += 2
                counted = True
                continue
            if t.word == "#" and toks[last - 1].word == "#" and self.plain[toks[last - 1].end:t.start].strip() == "":
                break
            break
        if counted and last + 1 < n and self.is_cue(last, "link") and toks[last + 1].sentence == sentence and \
                toks[last + 1].word[:1].isalpha() and not self.cue(last + 1) and not self.kinds(last + 1) and \
                not self.time_categories(last + 1):
            return first, last + 2  # '73,9 millones de turistas': the noun after 'de'
        if counted and last < n and toks[last].sentence == sentence and not toks[last].used and \
                toks[last].word not in self.cues.marks and toks[last].word[0].isalpha() and not self.cue(last) and \
                not self.time_categories(last):
            last += 1  # the noun it counts: 'مستخدم', 'residents'; the reader takes it as a unit when it knows it
        return first, last

    def _read_figure(self, first: int, last: int) -> _Fig | None:
        toks = self.toks
        s, e = toks[first].start, toks[last - 1].end
        # the noun the window ends with, which it counts ('73,9 millones de turistas'), before the reader trims it
        noun = toks[last - 1].raw if last - 1 > first and toks[last - 1].word[:1].isalpha() and \
            not self.kinds(last - 1) and not self.cue(last - 1) else None
        value = self.text[s:e]
        if len(value) > 300:
            return None
        try:
            measure = self.read(value)
        except Unreadable as exc:
            if exc.code in _NOT_FIGURES or not any(c.isdigit() for c in self.plain[s:e]):
                return None
            self.out.problems.append(problem(self.language, exc.code, N_(
                "'{text}' (characters {start}–{end}) was not read: {reason}"), field="text", text=value, start=s,
                end=e, reason=exc.said))
            return None
        if measure.unit is None and measure.number is not None and measure.number == measure.number.numerator and \
                _YEAR.match(str(measure.number)) and e - s == 4:
            return None  # a bare year the time reader did not take: not an amount
        if measure.span:
            a, b = measure.span
            lo = next((k for k in range(first, last) if toks[k].end > s + a), first)
            hi = next((k + 1 for k in range(last - 1, first - 1, -1) if toks[k].start < s + b), last)
            first, last, s, e = lo, hi, toks[lo].start, toks[hi - 1].end
        # the words that make it a change ('up 8%', 'بنمو نسبته 11%', 'falls to $210 million')
        clause = toks[first].clause
        unit = measure.unit
        for j in range(first - 1, max(first - 4, -1), -1):
            if toks[j].used or toks[j].clause != clause or toks[j].word == "#":
                break
            if j == first - 1 and (self.is_cue(j, "from") or self.is_cue(j, "since")) and unit not in _SHARES:
                break  # 'rose from $4.1 billion': the level it rose from, not a change ('hausse de 24,7 %' is one)
            if j < first - 2 and (self.is_cue(first - 1, "link") or self.is_cue(first - 1, "share")):
                break  # 'a down payment of 10 percent': the words before 'of' name what it counts, unless the change
                # word stands right before it ('an increase of 10 percent')
            if self.movement(self.text[s:e]) is None and \
                    self.movement(self.text[toks[j].start:e]) is not None:  # (a figure that moves tries no word)
                if j and toks[j - 1].clause == clause and \
                        self.movement(self.text[toks[j - 1].start:e]) is None:
                    break  # 'make up 0.38%': the word belongs to a phrase that is no change
                first, s = j, toks[j].start
                break
        # a change word right after it ('un 10,9% más', '5 % plus'); not after 'to': 'auf 45 000 gestiegen' is the
        # level reached
        if last < len(toks) and toks[last].clause == clause and toks[last].word != "#" and \
                self.movement(self.text[s:e]) is None and self.cue_before(first, "to", 1) is None and \
                self.movement(self.text[s:toks[last].end]) is not None:
            last, e = last + 1, toks[last].end
        value = self.text[s:e]
        return _Fig(id=self._id(), first=first, last=last, start=s, end=e, measure=measure, value=value,
                    percent=unit in _SHARES, noun=noun)

    def read(self, value: str | Amount, unit: str | None = None, per: str | None = None) -> Measure:
        """``read_value`` in the document's language, with its publication date and its marks."""
        return read_value(value, self.language, unit, per, published=self.published, dot_groups=self.dot_groups)

    def movement(self, printed: str) -> Movement | None:
        """The change ``printed`` states (``rules.normalise.changes.movement``), asked once per text: a figure's
        words are tried with and without their neighbours, and again by the relations."""
        if printed not in self._moves:
            self._moves[printed] = movement(printed, self.language)
        return self._moves[printed]

    def _id(self) -> str:
        while True:
            self.next_id += 1
            candidate = f"{self.prefix}{self.next_id}"
            if candidate not in self.taken:
                return candidate

    # -- labels ----------------------------------------------------------------------------------------------------
    def content(self, j: int) -> bool:
        """Whether token ``j`` is a word that may name what a figure counts; once the figures are read (the words
        they and the times use no longer change), each token's answer is worked out once (``claims``)."""
        if self._content is not None:
            return self._content[j]
        return self._content_word(j)

    def _content_word(self, j: int) -> bool:
        t = self.toks[j]
        if t.word == "#" or t.used or not t.word[:1].isalpha() or t.word in self.cues.marks:
            return False
        c = self.cue(j)
        categories = (c[1] if c else frozenset()) | self.covered.get(j, frozenset())
        if "variant" in categories and "year_before" not in categories:
            return True  # 'profit before tax': what the measure leaves out is part of its label
        if self.kinds(j) & _FIGURE_WORDS or self.time_categories(j):
            return False
        return not categories & _NOT_CONTENT

    def opens(self, j: int) -> bool:
        """Whether the words before token ``j`` are not part of the phrase after it: a reported clause opens at
        ``j`` ('said that …', 'أشارت إلى أن …'), or an article with no preposition before it ('criticised an
        overtime bill', not 'the number of the users')."""
        if self.is_cue(j, "that"):
            return True
        if not self.is_cue(j, "article") or not j:
            return False
        before = self.toks[j - 1]
        return before.word[:1].isalpha() and bool(key(before.raw, self.lang)) and not self.is_cue(j - 1, "link")

    def generic(self, j: int) -> bool:
        """A word that names an amount or refers back ('bill', 'القطاع'): it tells one thing counted from no other."""
        c = self.cue(j)
        return "generic" in (c[1] if c else frozenset()) | self.covered.get(j, frozenset())

    def label_before(self, fig: _Fig, previous: bool = False) -> list[int]:
        """The content words of the figure's clause before it (nearest three, in order); with ``previous``, of the
        clause before that in the same sentence ('هذه الرسوم، التي تقارب 420 مليون ريال')."""
        out: list[int] = []
        j = fig.first - 1
        clause = self.toks[fig.first].clause
        if previous:
            stop = max(-1, j - 40)  # bounded: a clause of thousands of words is not walked for every figure
            while j > stop and self.toks[j].clause == clause:
                j -= 1
            if j == stop:
                return out
            if j < 0 or self.toks[j].sentence != self.toks[fig.first].sentence:
                return out
            clause = self.toks[j].clause
            k = j
            while k > max(-1, j - 40) and self.toks[k].clause == clause:
                if self.toks[k].used and self.toks[k].word == "#" or self.is_figure_start(k):
                    return out  # that clause's words are its own figure's ('X, dont Y'), not this one's
                k -= 1
        top, free = j, 0
        while j >= 0 and len(out) - free < 3 and self.toks[j].clause == clause and top - j < 12:
            if (self.toks[j].word == "#" or self.toks[j].used) and not previous and (
                    out or not self.in_time(j) or fig.noun is not None or
                    fig.measure is not None and KINDS.get(fig.measure.unit or "") == "count"):
                break  # another figure, or a time before the words; a time right before a figure that names no
                # noun of its own is passed, to its words ('وبلغ العجز في العام السابق 100 مليار ريال'; not
                # 'StreamCo ended 2024 with 42.5 million subscribers')
            if out and self.opens(j):
                break
            if self.content(j):
                out.append(j)
                # a place is the scope, and a generic word ('the sector') names nothing of its own: three words
                free += self.place_word(j) is not None or self.generic(j)  # besides them
            j -= 1
        if len(out) - free >= 3:
            # the word that makes the figure a ratio, a rate or an average is kept when the nearest three leave it
            # out: in French and Spanish it heads the phrase ('un ratio commandes sur chiffre d'affaires de 1,4' is
            # no 'chiffre d'affaires'), in English it may stand before the words ('average monthly household bill')
            rates = not_additive(self.lang)
            while j >= 0 and self.toks[j].clause == clause and top - j < 12 and self.toks[j].word != "#" and \
                    not self.toks[j].used and not self.opens(j):
                if self.content(j) and set(key(self.toks[j].raw, self.lang).split()) & rates:
                    out.append(j)
                    break
                j -= 1
        return out[::-1]

    def from_to(self, fig: _Fig) -> list[int]:
        """'La tasa de ahorro bajó del 12,1% de su renta en el segundo trimestre al 12% en el tercero': the second
        level of 'from X to Y' in one clause (a share of what the first is a share of); its words before it."""
        if not fig.index or fig.noun is not None:
            return []
        prev = self.figs[fig.index - 1]
        k = self.cue_before(fig.first, "to", 2)
        if k is None or prev.factor or fig.factor or prev.percent != fig.percent or \
                self.toks[prev.first].clause != self.toks[fig.first].clause or \
                self.cue_before(prev.first, "from", 2) is None:
            return []
        return self.label_before(prev)

    def reached(self, fig: _Fig) -> list[int]:
        """'Die Ausfuhren stiegen um 1,6 Prozent auf 92,41 Mrd. Euro', 'exports rose 1.6% to €92.41bn': the level a
        change right before it reached (only marks and a 'to' word between them) counts what the change's words
        name; not the second level of 'from X to Y', whose first is no change."""
        if not fig.index or fig.noun is not None:
            return []  # '… hasta 4.574.700 desempleados': a noun of its own says what it counts
        prev = self.figs[fig.index - 1]
        k = self.cue_before(fig.first, "to", 2)
        if k is None or prev.factor or self.toks[prev.first].sentence != self.toks[fig.first].sentence or \
                not self._bare(prev.last, k) or self.cue_before(prev.first, "from", 2) is not None or \
                not self.moved(prev.value):
            return []
        return self.label_before(prev)

    def in_time(self, j: int) -> bool:
        """Whether token ``j`` is part of a time read."""
        k = bisect.bisect_right(self.time_starts, j) - 1
        return k >= 0 and j < self.times[k][1]

    def restating(self, fig: _Fig) -> list[int]:
        """'500 مليون دولار يومياً، أي 6 مليارات دولار سنوياً', 'soit …': a figure that restates the one before it in
        its sentence counts what that one counts."""
        if self.cue_before(fig.first, "same", 3) is None or not fig.index:
            return []
        prev = self.figs[fig.index - 1]
        if self.toks[prev.first].sentence != self.toks[fig.first].sentence:
            return []
        return self.label_before(prev) or self.label_before(prev, previous=True)

    def rate_restated(self, fig: _Fig) -> list[int]:
        """'£850m every single year, the prime minister will say: half a million pounds every single day': a rate
        right after a colon, in the unit of the rate before it in its sentence over another period, restates that
        one and counts what it counts (the words before the colon are the speaker's). Any other figure after a
        colon may be a part or something else: it keeps its own words."""
        if not fig.index or fig.percent or fig.first == 0 or self.toks[fig.first - 1].word != ":":
            return []
        prev = self.figs[fig.index - 1]
        a, b = prev.measure, fig.measure
        if self.toks[prev.first].sentence != self.toks[fig.first].sentence or prev.percent or a is None or \
                b is None or a.period is None or b.period is None or a.period == b.period or a.unit != b.unit or \
                a.per != b.per:
            return []
        return self.label_before(prev) or self.label_before(prev, previous=True)

    def answer(self, fig: _Fig) -> list[int]:
        """'34 percent said it would change things for the better, 37 percent said for the worse': a percentage
        right before a verb of saying is the share of the people asked who gave the answer after it; the
        answer's first three words (stop words left out) join its label, and tell the poll's answers apart."""
        k = fig.last
        size = self.is_cue(k, "said") if fig.percent and k < len(self.toks) else 0
        if not size or self.toks[k].clause != self.toks[fig.first].clause:
            return []
        return [j for j in self.words_after(k + size, 12) if key(self.toks[j].raw, self.lang)][:3]

    def qualified(self, fig: _Fig) -> list[int]:
        """'Von den Nächtigungen entfielen 335.200 auf Gäste aus Österreich', '… Waren im Wert von 52,1 Milliarden
        Euro versandt': where the language puts after a figure the words that say which of the thing it counts
        (German's clause-final verb, 'entfallen auf', 'stammen von'), the cue after it in its clause — past its
        noun and a bracketed aside — with the content words between ('… 63,4 Milliarden Euro aus diesen Staaten
        importiert') and the first three after the cue, join its label: the figure is that part, not a second
        statement of the whole ('qualified' cues, ``rules/data/extract/<lang>.toml``)."""
        toks, n = self.toks, len(self.toks)
        clause, j, steps = toks[fig.first].clause, fig.last, 0
        for k in range(fig.first - 1, max(fig.first - 6, -1), -1):  # 'Eingeführt wurden Waren für 3,2 Mrd. Euro':
            if toks[k].clause != clause or toks[k].word == "#" or toks[k].used:  # the participle opens the clause
                break
            if self.is_cue(k, "qualified") == 1 and (not k or toks[k - 1].clause != clause):
                return [k]
        between: list[int] = []
        verb = toks[fig.first - 1].word if fig.first and toks[fig.first - 1].clause == clause else None
        while j < n and steps < 6:
            steps += 1
            if toks[j].word == "(":  # '335.200 Nächtigungen (+17,1 Prozent) stammen von …': past the aside
                close = next((k for k in range(j + 1, min(j + 10, n)) if toks[k].word == ")"), None)
                if close is None or close + 1 >= n or toks[close + 1].sentence != toks[fig.first].sentence:
                    return []
                j, clause = close + 1, toks[close + 1].clause
                continue
            if toks[j].clause != clause or toks[j].word == "#":
                return []
            size = self.is_cue(j, "qualified")
            if not size and verb is not None and toks[j].word[:1].isalpha():
                # the verb before the figure and its particle after it: 'Davon entfielen 335.200 auf Gäste …'
                split = self.cues.lex.categories([verb, toks[j].word])[0]
                size = int(split is not None and split[0] == 2 and "qualified" in split[1])
            if size:
                own = [k for k in range(j, j + size) if toks[k].word[:1].isalpha() and not self.is_cue(k, "drop")
                       and key(toks[k].raw, self.lang)]
                after = self.words_after(j + size, 6) if j + size < n and toks[j + size].clause == toks[j].clause \
                    else []
                return between[:3] + own[:1] + [k for k in after if key(toks[k].raw, self.lang)][:3]
            if self.content(j) and key(toks[j].raw, self.lang):
                between.append(j)
            j += 1
        return []

    def is_figure_start(self, k: int) -> bool:
        return k in self.fig_starts

    def words_after(self, k: int, limit: int = 5, stop: tuple[str, ...] = ()) -> list[int]:
        out: list[int] = []
        n = len(self.toks)
        if k >= n:
            return out
        clause = self.toks[k].clause
        while k < n and len(out) < limit and self.toks[k].clause == clause and self.toks[k].word != "#" and \
                not self.toks[k].used and not (out and any(self.is_cue(k, c) for c in stop)):
            if self.content(k):
                out.append(k)
            k += 1
        return out

    def printed(self, idx: list[int]) -> str:
        return " ".join(self.text[self.toks[j].start:self.toks[j].end] for j in idx)

    def label(self, idx: list[int]) -> str:
        """A label as printed; an Arabic word with a glued 'و' or a possessive ending as its bare (folded) word."""
        if self.lang != "ar":
            return self.printed(idx)
        words = []
        for j in idx:
            t = self.toks[j]
            bare = self.base(t.word)
            words.append(self.text[t.start:t.end] if bare == t.word else bare)
        return " ".join(words)

    def place_word(self, j: int) -> str | None:
        """The place token ``j`` names, as printed ('Egypt'; 'لمصر' → 'مصر': an Arabic preposition glued on)."""
        raw = self.toks[j].raw
        if place(key(raw, self.lang), self.lang):
            return raw
        if self.lang == "ar" and len(raw) > 3 and raw[0] in "لبوف" and place(key(raw[1:], self.lang), self.lang):
            return raw[1:]
        return None

    def scope_of(self, idx: list[int]) -> tuple[str | None, list[int]]:
        """A place among the label's words (one word or two), and the words left."""
        for a in range(len(idx) - 1):
            part = idx[a:a + 2]
            if place(key(self.printed(part), self.lang), self.lang):
                return self.printed(part), [j for j in idx if j not in part]
        for n, j in enumerate(idx):
            if (name := self.place_word(j)) is not None and not (
                    n + 1 < len(idx) and self.qualifier(j) and self.qualifier(idx[n + 1])):
                return name, [k for k in idx if k != j]
        for n, j in enumerate(idx):  # 'السوق الأميركية': an adjective the reader's data ties to a country
            if n and (name := adjective_place(self, j)) is not None and not self.qualifier(j):
                return name, [k for k in idx if k != j]
        return None, idx

    def qualifier(self, j: int) -> bool:
        """A word that names part of a group ('women', 'Saudi': ``[subgroups]`` of rules/data/containment.toml);
        'Saudi women' names women of a nationality, not women in a place."""
        stems = frozenset(key(self.toks[j].raw, self.lang).split())
        return bool(stems) and any(q.stems == stems for q in qualifiers(self.lang))

    def time_for(self, fig: _Fig) -> str | None:
        """The nearest time in the figure's clause, else in its sentence, with no other figure in between."""
        here = bisect.bisect_left(self.time_starts, fig.first)
        near = self.times[max(0, here - 3):here + 3]
        prev = self.figs[fig.index - 1] if fig.index else None
        nxt = self.figs[fig.index + 1] if fig.index + 1 < len(self.figs) else None
        for level in ("clause", "sentence"):
            mine = getattr(self.toks[fig.first], level)
            best: tuple[int, str] | None = None
            for a, b, printed in near:
                if getattr(self.toks[a], level) != mine:
                    continue
                if a >= fig.last:
                    if nxt is not None and nxt.first < a:
                        continue
                    distance = a - fig.last
                else:
                    if prev is not None and prev.first >= b:
                        continue
                    if self._base_time(a) and (not self.level(fig) or fig.measure is not None and
                                               fig.measure.unit in _POINTS):
                        continue  # 'sank im Vergleich zum August um 0,3 Punkte': the time the change is measured
                        # from, not the time of the change (nor of the level after it)
                    if prev is not None and prev.last <= a and self._compared_time(a, prev):
                        continue  # '9,6 millones, un 9,1% más que en septiembre de 2023, y gastaron 12.615 millones':
                        # the time a change is compared with is its base's, not the time of the figures after it
                    if prev is not None and self.level(prev) and not (
                            prev.measure is not None and prev.measure.unit in _POINTS) and (
                            0 <= a - prev.last <= 1 or prev.share and prev.of and 0 <= a - prev.last <= 4 and
                            self.is_cue(prev.last, "share")) and fig.first - b <= 2 and any(
                            self.is_cue(k, c) for k in range(b, fig.first) for c in ("to", "from", "since")):
                        self.other_end.add(fig.id)
                        continue  # 'from 1.333 million votes in 2003 to 1.009 million votes in 2008': the time
                        # right after the earlier figure (its noun between at most), right before 'to', is that
                        # figure's, the other end of the change (past the whole a share names: 'del 12,1% de su
                        # renta en el segundo trimestre al 12%'); after a change it is the time of both ('bajó en
                        # 70.800 personas en el tercer trimestre de 2010, hasta 4.574.700', 'reculé de 0,1 point au
                        # premier trimestre 2015, à 10,0 %')
                    distance = fig.first - b
                if best is None or distance < best[0]:
                    best = (distance, printed)
            if best is not None:
                return best[1]
        # 'وفي الربع الثالث بلغت الإيرادات X والمصروفات Y والعجز Z', 'In 2024, A was X, B Y and C Z': a time that
        # opens its sentence, before its first figure, is the time of every figure after it that has none nearer
        sentence = self.toks[fig.first].sentence
        if not self.opening:
            for f in reversed(self.figs):
                self.opening[self.toks[f.first].sentence] = f.first
        fronted = [printed for a, b, printed in near if self.toks[a].sentence == sentence and
                   b <= self.opening[sentence] and not self._base_time(a)]
        return fronted[-1] if fronted else None

    def _base_time(self, a: int) -> bool:
        """Whether the time at token ``a`` opens right after a comparison cue ('im Vergleich zum August', 'frente a
        diciembre', 'compared with August'): the time of the base a change is measured from."""
        j = self.cue_before(a, "since", 4)
        return j is not None and j + self.is_cue(j, "since") >= a - 1

    def to_date(self, fig: _Fig, printed: str) -> str:
        """A figure 'up to' a month with no year ('by January', 'hasta septiembre', 'bis Juni', 'حتى يناير'): the
        period to date of the time before it that runs up to the end of that month ('entre enero y septiembre de
        2024 … hasta septiembre'), nearest first, then the article's; else the printed words, unread (a problem on
        the claim) — never a time that ends elsewhere ('in 2023 … by January': January of which year is not said)."""
        month = self._to_month[printed]
        earlier = [p for a, _, p in self.times if a < fig.first and p in self.read_times]
        for candidate in (*reversed(earlier[-1:]), self.document_time):
            read = self.read_times.get(candidate or "")
            if read is None or read.start is None or read.end is None or read.modifier is not None:
                continue
            last = read.end - dt.timedelta(days=1)
            if last.month == month and read.start < last.replace(day=1):  # a period that runs up to that month
                return candidate  # type: ignore[return-value]
        return printed

    def _compared_time(self, a: int, prev: _Fig) -> bool:
        """Whether the time at token ``a`` is what the figure before it is compared with: a comparison cue right
        after that figure and right before the time ('en hausse de 9,1 % par rapport à septembre 2023', 'up 9.1% from
        September 2023'), 'que'/'than' there ('un 9,1% más que en septiembre de 2023'), or the time right after a
        figure compared ('frente a 8 millones en mayo de 2019')."""
        cue = self.cue_before(a, "since", 4)
        if cue is not None and prev.last <= cue <= prev.last + 1:
            return True
        if a - prev.last <= 1 and self.cue_before(prev.first, "since", 4) is not None:
            return True
        j = a - 1
        return j == prev.last and self.toks[j].word in ("que", "than", "qu")

    def stems(self, idx: list[int]) -> frozenset[str]:
        """The stems of a label's words, its generic words ('bill', 'the sector') left out."""
        idx = [j for j in idx if not self.generic(j)]
        if not idx:
            return frozenset()
        if self.lang != "ar":
            return frozenset(key(self.printed(idx), self.lang).split())
        return frozenset(key(" ".join(self.base(self.toks[j].word) for j in idx), self.lang).split())

    def base(self, word: str) -> str:
        """An Arabic word without a glued 'و' / 'ف' / 'ب' / 'ل' or a possessive ending ('وقطاع', 'بعجز',
        'إيراداتها'), when the article prints the bare word too, alone or with the article ('العجز', 'والعجز'): the
        stemmer leaves both on."""
        if self.vocab is None:
            self.vocab = {t.word for t in self.toks}
            self.vocab |= {w[len(a):] for w in self.vocab for a in _ARTICLES if w.startswith(a) and len(w) > len(a) + 2}
        for cut in ((1, 0), (0, 2), (1, 2), (0, 1)):
            if len(word) - sum(cut) < 3 or (cut[0] and word[0] not in "وفبل") or \
                    (cut[1] and not word.endswith(("ها", "هم") if cut[1] == 2 else ("ه",))):
                continue
            bare = word[cut[0]:len(word) - cut[1]]
            if bare in self.vocab:
                return bare
        return word

    def context_of(self, fig: _Fig) -> frozenset[str]:
        clause, toks = self.toks[fig.first].clause, self.toks
        idx = [j for j in range(max(0, fig.first - 12), min(len(toks), fig.last + 12))
               if toks[j].clause == clause and j not in range(fig.first, fig.last) and self.content(j)]
        return self.stems(idx)

    def actor(self, fig: _Fig) -> frozenset[str]:
        """'Bloomberg spent $500 million on his campaign. … he could have given $1 million per person': a figure
        whose clause has a personal pronoun before it, with no verb of saying or new noun phrase between them, is
        said of the actor last named before the pronoun (the nearest capitalised name, in the pronoun's sentence or
        the one before): the name's stems join the words the figure is paired by."""
        toks, clause = self.toks, self.toks[fig.first].clause
        j, stop = fig.first - 1, max(-1, fig.first - 40)  # bounded: a clause of thousands of words is not walked
        while j > stop and toks[j].clause == clause and not self.is_cue(j, "pronoun"):
            j -= 1
        if j <= stop or toks[j].clause != clause or \
                any(self.opens(k) or self.is_cue(k, "said") for k in range(j + 1, fig.first)):
            return frozenset()  # 'he said the fund would give …': the figure is another subject's
        name: list[int] = []
        for k in range(j - 1, max(-1, j - 80), -1):
            if toks[k].sentence < toks[j].sentence - 1:
                break
            if _CAPITAL.match(toks[k].raw) and self.content(k):
                name.append(k)
            elif name:
                break
        return self.stems(name[::-1])

    def carry(self, fig: _Fig, label: list[int]) -> None:
        """A shorter mention of what an earlier figure counts ('these fees' after 'licence fees') takes its label;
        a mention of part of that group, named by a qualifier (rules/data/containment.toml), takes it with the
        qualifier when it refers back to it: by a generic word ('Saudi women employed in the sector' after 'women
        employed in the private sector') or as a part of it ('…, including 147,978 expatriate women'). A part with
        no qualifier is not the whole ('$630 million, including spending of $200 million'), and a mention that
        drops words with nothing referring back may name the wider group ('Women employed in the sector totalled
        308,766. Women totalled 2 million.'): it takes the narrower label only when its figure is smaller, where
        either reading makes the two disagree."""
        if not fig.stems or fig.measure is None:
            return
        found: _Fig | None = None
        qualified: frozenset[str] = frozenset()
        back = any(self.generic(j) for j in label)
        for other in reversed(self.figs[max(0, fig.index - 30):fig.index]):
            if found is not None and self.toks[other.first].sentence != self.toks[found.first].sentence:
                break
            if other.measure is None or other.measure.unit != fig.measure.unit or not other.metric:
                continue
            q = frozenset() if fig.stems <= other.stems else next(
                (q.stems for q, rest in split(" ".join(sorted(fig.stems)), self.lang)
                 if not q.stems & other.stems and set(rest.split()) <= other.stems and
                 not any(o.stems <= other.stems - fig.stems for o in qualifiers(self.lang))),  # not another part
                None) if back or self.part_of(fig, other) else None
            if q is None:
                continue
            if found is not None and (other.stems != found.stems or q != qualified):
                return  # 'education spending and transit spending …; the sector's spending': which one is not said
            found, qualified = found or other, q
        if found is None or not qualified and fig.stems < found.stems and (
                self.part_of(fig, found) or not back and self.may_be_wider(fig, found)):
            return
        if not qualified and fig.stems < found.stems and not back and \
                self.places_near(fig) - self.places_near(found):
            return  # 'Francia … se acerca al millón de turistas (958.000), e Italia superó el cuarto de millón de
            # turistas (270.000)': a smaller figure beside a place the earlier one is not beside may be that place's
        if (found.stems - fig.stems) & self.cues.variants:
            return  # 'profit before tax' … 'profit for the year': another measure, not a shorter mention of it
        fig.metric, fig.stems, fig.carried = found.metric, found.stems | qualified, found
        if qualified:
            words = [j for j in label if set(key(self.toks[j].raw, self.lang).split()) <= qualified]
            fig.metric = f"{self.label(words)} {found.metric}"

    def places_near(self, fig: _Fig) -> set[str]:
        """The places named in the figure's clause and the clause before it, in its sentence (a few words back)."""
        toks, out = self.toks, set()
        clauses = {toks[fig.first].clause, toks[fig.first].clause - 1}
        for j in range(fig.first - 1, max(-1, fig.first - 25), -1):
            if toks[j].clause not in clauses or toks[j].sentence != toks[fig.first].sentence:
                break
            if (name := self.place_word(j)) is not None and (code := place(key(name, self.lang), self.lang)):
                out.add(code)
        return out

    @staticmethod
    def may_be_wider(fig: _Fig, narrower: _Fig) -> bool:
        """Whether ``fig`` may count more than ``narrower`` (the same unit, period and 'per'): what a wider group
        counts. In another period or per unit the two are not compared here."""
        a, b = fig.measure, narrower.measure
        assert a is not None and b is not None
        if a.period != b.period or a.per != b.per:
            return False
        return a.value.high is None or b.value.low is None or a.value.high >= b.value.low

    def apposed(self, fig: _Fig) -> list[int]:
        """'Jet fuel, at $3.17 a gallon, has doubled since 2007': a figure with no words before it in its clause, right
        after a clause that is only an apposition (a figure with no words of its own, labelled by the clause before
        it), shares the subject the apposition is set beside: it counts what that clause names. Not when either
        clause has words of its own ('Jet fuel, at $3.17 a gallon, and diesel have doubled')."""
        if not fig.index:
            return []
        prev, toks = self.figs[fig.index - 1], self.toks

        def bare(a: int, b: int) -> bool:  # no word of its own, no other figure or time, in tokens [a, b)
            return not any(self.content(k) or toks[k].used for k in range(a, b))

        clause, j = toks[fig.first].clause, fig.first - 1
        while j >= 0 and fig.first - j < 40 and toks[j].clause == clause:
            j -= 1
        a = prev.first
        while a > 0 and prev.first - a < 40 and toks[a - 1].clause == toks[prev.first].clause:
            a -= 1
        if j < 0 or toks[j].clause != toks[prev.first].clause or toks[j].sentence != toks[fig.first].sentence or \
                not bare(j + 1, fig.first) or not bare(a, prev.first) or not bare(prev.last, j + 1):
            return []
        return self.label_before(prev, previous=True)

    def price_per(self, fig: _Fig, label: list[int]) -> None:
        """'Jet fuel, at $3.17 a gallon, … the price per gallon is up 200 percent': a figure labelled only by a price
        word and the unit it is per ('the price per gallon', 'le prix par litre') refers back to the earlier price per
        that unit: it counts what that one counts. Not when the earlier prices per that unit count different things
        ('diesel at $4 a gallon, petrol at $3 a gallon'), nor when its own words name something else ('the price
        per gallon of diesel')."""
        toks = self.toks
        units = [j for j in label if j and self.kinds(j) & _K_UNIT and self.kinds(j - 1) & _K_PER and j - 1 > 0 and
                 self.is_cue(j - 2, "price")]
        if len(units) != 1 or any(j not in units and not self.is_cue(j, "price") for j in label):
            return
        m = self.meaning(units[0])
        unit = self.lex.lookup(self.words, units[0])[1].unit if m else None
        earlier = [f for f in self.figs[max(0, fig.index - 30):fig.index] if f.measure is not None and
                   f.measure.per == unit and f.measure.unit is not None and len(f.measure.unit) == 3 and f.stems]
        if unit is None or not earlier or len({f.stems for f in earlier}) != 1 or toks[units[0]].used:
            return
        fig.metric, fig.stems = earlier[-1].metric, earlier[-1].stems

    def part_of(self, fig: _Fig, other: _Fig) -> bool:
        """'308,766, including 147,978 …': the figure follows a parts cue right after ``other``, in its sentence."""
        cue = self.cue_before(fig.first, "parts", 3)
        return cue is not None and other.index == fig.index - 1 and other.last <= cue and \
            self.toks[other.first].sentence == self.toks[fig.first].sentence

    # -- claims ----------------------------------------------------------------------------------------------------
    def sentence_text(self, sentence: int, s: int, e: int) -> str:
        a, b = self.out.sentences[sentence]
        a, b = max(a, s - 1500), min(b, e + 1500)
        if (a, b) not in self._sentence_texts:  # each of a sentence's figures, times and roles quotes it
            self._sentence_texts[a, b] = " ".join(self.text[a:b].split())[:4000]
        return self._sentence_texts[a, b]

    def claims(self) -> None:
        self._content = [self._content_word(j) for j in range(len(self.toks))]
        self.comparisons()
        self.fig_starts = {f.first for f in self.figs}
        for fig in self.figs:
            t = self.toks[fig.first]
            after = fig.last
            share_cue = self.is_cue(after, "share") if after < len(self.toks) and fig.percent else 0
            if share_cue and self.time_only(after + share_cue):
                share_cue = 0  # 'creció un 86,8% de 2021 a 2022': a time after 'de', not the whole it is a share of
            before = self.rate_restated(fig) or self.label_before(fig) or self.reached(fig) or \
                self.label_before(fig, previous=True) or self.restating(fig) or self.apposed(fig)
            before = before + self.answer(fig)  # 'among women, 55 percent said …': who answered, then what
            scope, label = self.scope_of(before)
            if label:  # 'le chiffre d'affaires de Somfy': who owns the measure is its subject,
                owned = owners(self)  # not part of what it measures (different owners stay apart by their subjects)
                if any(j in owned for j in label) and not all(j in owned for j in label):
                    label = [j for j in label if j not in owned]
            if label:  # 'aus Drittstaaten kamen Waren für 63,4 Milliarden Euro': from there, not there
                j = min(label) - 1
                j -= j > 0 and bool(self.is_cue(j, "article"))
                if j >= 0 and self.is_cue(j, "direction") and self.toks[j].clause == self.toks[min(label)].clause:
                    label = [j, *label]
            if not label and not fig.percent:
                # the noun after it, in its clause ('5 million residents'; not '… and spending $300 billion')
                counted = self.words_after(fig.last, 2) if fig.last < len(self.toks) and \
                    self.toks[fig.last].clause == t.clause else []
                scope2, label = self.scope_of(counted)
                scope = scope or scope2
                if not label:  # the noun the reader took as the unit counted: 'مليون مستخدم', 'residents'
                    label = [j for j in range(fig.first, fig.last) if self.toks[j].word != "#" and
                             self.kinds(j) & _K_UNIT and not self.time_categories(j) and
                             not self.kinds(j) & _K_CURRENCY_PERIOD and fig.measure is not None and
                             fig.measure.unit not in _NOT_COUNTED and
                             KINDS.get(fig.measure.unit) not in _MEASURED][:1]
                    # (a unit of measure names no thing counted: 'metric' of '1.5 million metric tons' is no label)
            label = label + [j for j in self.qualified(fig) if j not in label]  # '335.200 Nächtigungen stammen von Gästen aus Österreich': which
            # of them (a place there is whom the figure counts, not where: part of the label, not the scope)
            fig.metric, fig.stems = self.label(label) or None, self.stems(label)
            fig.context = self.context_of(fig) | self.actor(fig)
            self.carry(fig, label)
            if fig.carried is None:
                self.price_per(fig, label)
            metric = fig.metric
            earlier = self.year_earlier(fig)
            time = earlier or self.time_for(fig)
            if time in self._to_month:
                time = self.to_date(fig, time)
            if time is None and fig.carried is not None and fig.id not in self.other_end:
                time = fig.carried.time  # a shorter mention of an earlier figure, with no time of its own: that one's
            if time is None and fig.id not in self.other_end:
                time = self.document_time  # (not the time of the other end of 'from X in May to Y', unread rather)
            elif self.document_time is None and fig.measure is not None and not self._unread(time) and \
                    earlier is None:
                self.document_time = time  # the first time a figure is given for: the article's, for the rest
            fig.time = time
            fig.comes_to = self.amount_of(fig) if fig.percent and not fig.factor else None
            common = dict(id=fig.id, value=fig.value, sentence=self.sentence_text(t.sentence, fig.start, fig.end),
                          span=(fig.start, fig.end), extracted=True, metric=metric, scope=scope, time=time)
            if share_cue:
                of_words = self.words_after(after + share_cue, 5, stop=("share", "from", "since", "to"))
                fig.share, fig.of = True, self.printed(of_words)
                fig.of_stems = self.stems(of_words)
                owner = of_words[-1] + 1 if of_words else len(self.toks)
                owner += bool(owner < len(self.toks) and self.is_cue(owner, "link"))
                fig.of_owner = named(self).get(owner)
                if fig.of_owner is not None:
                    end = owner
                    while named(self).get(end + 1) == fig.of_owner:
                        end += 1
                    fig.of_owned = " ".join(self.text[self.toks[of_words[0]].start:self.toks[end].end].split())
                k = after + share_cue  # '39% of it': a pronoun, not a whole left unsaid (whose latest is guessed)
                fig.of_unread = not of_words and bool(self.is_cue(k, "referent"))
                if fig.of_unread:  # the whole as the text names it ('it'), which names no figure: not '' in what
                    fig.of = self.text[self.toks[k].start:self.toks[k + self.is_cue(k, "referent") - 1].end]  # is said
                self.out.claims.append(Share(of=fig.of, **common))
            elif fig.comes_to is not None or fig.percent and self._parenthesised(fig):
                fig.share = True
                self.out.claims.append(Share(of="", **common))
            elif fig.percent and self.cue_before(fig.first, "parts", 3) is not None:
                fig.share, fig.of_parts = True, True  # 'Davon waren 25,9 % …', 'dont 40 %': a share of that total
                self.out.claims.append(Share(of="", **common))
            elif fig.percent and (self.listed(fig) or self.from_to(fig) and self.figs[fig.index - 1].share and
                                  self.figs[fig.index - 1].of):
                prev = self.figs[fig.index - 1]  # (the second level of 'from X % of W to Y %' is a share of W too)
                fig.share, fig.listed, fig.of = True, True, prev.of
                self.out.claims.append(Share(of=fig.of, **common))
            else:
                self.out.claims.append(Quantity(**common))
            self.out.found.append(Found("figure", fig.start, fig.end, fig.value, t.sentence, claim=fig.id))
        self.in_currency()

    def year_earlier(self, fig: _Fig) -> str | None:
        """'125.3 billion riyals a year earlier', 'un an plus tôt', 'في الفترة نفسها من العام السابق': the figure's
        time is the year before the time its sentence gives before it ('in September 2023' → '2022-09', as the
        reader reads a date in every language); with no such time, or one that is not whole years, halves,
        quarters, months or days (or reads back otherwise), the words as printed, which the reader does not date (a problem on the claim, not the sentence's time).
        None when no such words follow the figure (at most three words between, no other figure or time)."""
        toks, sentence = self.toks, self.toks[fig.first].sentence
        for k in range(fig.last, min(fig.last + 4, len(toks))):
            if toks[k].sentence != sentence or k in self.fig_starts or toks[k].used and not self.in_time(k):
                return None
            size = self.is_cue(k, "year_before")
            if size:
                break
            if self.in_time(k):
                return None
        else:
            return None
        printed = self.text[toks[k].start:toks[k + size - 1].end]
        base = None  # the nearest time before the figure in its sentence (a few looked at: a crowded text is bounded)
        for a, b, t in reversed(self.times[max(0, bisect.bisect_left(self.time_starts, fig.first) - 4):
                                           bisect.bisect_left(self.time_starts, fig.first)]):
            if toks[a].sentence != sentence:
                break
            if b <= fig.first:
                base = None if a in self.unread else t  # 'last year' with no publication date: no base either
                break
        if base is None:
            return printed
        try:
            read = read_time(base, self.language, self.published).reading()
        except Unreadable:
            return printed
        if read.modifier or read.calendar != "gregorian" or read.grain not in _ISO:
            return printed
        try:
            start, end = read.start.replace(year=read.start.year - 1), read.end.replace(year=read.end.year - 1)
        except ValueError:  # 29 February
            return printed
        a, b = _ISO[read.grain](start), _ISO[read.grain](end - dt.timedelta(days=1))
        iso = a if a == b else f"{a}/{b}"  # 'في الأشهر التسعة الأولى من 2023' → '2022-01/2022-09'
        try:
            again = read_time(iso, self.language, None).reading()
        except Unreadable:
            return printed
        return iso if (again.start, again.end) == (start, end) else printed

    def in_currency(self) -> None:
        """'Eine Pleite würde eine Billion kosten. Die Kosten lägen kaum unter einer Trillion Euro': a bare amount (a
        number and a scale word, no unit; after it no word but one the next figure's words name) and the next
        figure, in the next clause or sentence, in a currency, whose words are all words of the bare amount's clause
        ('kosten' … 'Die Kosten'), state one amount: the bare one is in that currency, and both count what the
        second's words name, in the place either names."""
        index = {c.id: k for k, c in enumerate(self.out.claims)}
        toks = self.toks
        for a, b in zip(self.figs, self.figs[1:]):
            am, bm = a.measure, b.measure
            if am is None or bm is None or am.unit is not None or am.per or am.period or a.percent or a.factor or \
                    not self.level(a) or not any(self.kinds(k) & _K_SCALES for k in range(a.first, a.last)):
                continue
            if bm.unit is None or len(bm.unit) != 3 or bm.per or bm.period or b.percent or b.share or \
                    not self.level(b) or not b.stems or not b.stems <= a.context | a.stems or \
                    (a.noun and not set(key(a.noun, self.lang).split()) <= b.stems) or \
                    toks[b.first].sentence - toks[a.first].sentence not in (0, 1) or \
                    toks[b.first].clause == toks[a.first].clause:
                continue
            first, second = self.out.claims[index[a.id]], self.out.claims[index[b.id]]
            assert isinstance(first, Quantity) and isinstance(second, Quantity)
            if first.scope and second.scope and key(first.scope, self.lang) != key(second.scope, self.lang):
                continue
            scope = first.scope or second.scope
            self.out.claims[index[a.id]] = msgspec.structs.replace(first, unit=bm.unit, metric=second.metric,
                                                                    scope=scope)
            self.out.claims[index[b.id]] = msgspec.structs.replace(second, scope=scope)
            a.metric, a.stems = b.metric, b.stems

    def named_by_references(self) -> None:
        """'إن قيس سعيد فاز في جولة الإعادة عام 2019 بعدد من الأصوات بلغ 2.3 مليون صوت', with the electoral
        authority's count of Saied's run-off votes in 2019 sent as a reference: a figure alone in its clause whose
        clause's words (after 'that', the figure's own words and its time left out) are exactly a reference's
        words (subject, metric and scope together), for the same time, counts what the reference counts: its label
        is those words. A clause that says anything else ('… أمام نبيل القروي') keeps its own label."""
        refs = [r for r in self.references if isinstance(r, Quantity | Share)]
        if not refs:
            return
        bags: dict[frozenset[str], list[Quantity | Share]] = {}
        for r in refs:
            bag = frozenset(f"{key(r.subject, self.lang)} {key(r.metric, self.lang)} {key(r.scope, self.lang)}".split())
            bags.setdefault(bag, []).append(r)
        by_id = {c.id: n for n, c in enumerate(self.out.claims)}
        for fig in self.figs:
            idx = self.clause_words(fig)
            words = self.stems(idx) if idx else frozenset()
            claim = self.out.claims[by_id[fig.id]] if fig.id in by_id else None
            if not words or claim is None:
                continue
            ref = next((r for r in bags.get(words, ())[:PER_BAG] if type(r) is type(claim) and
                        self.same_time(r.time, claim.time)), None)
            if ref is not None:
                fig.metric, fig.stems = self.label(idx), words
                self.out.claims[by_id[fig.id]] = msgspec.structs.replace(claim, metric=fig.metric, scope=None)

    def clause_words(self, fig: _Fig) -> list[int]:
        """The content words of the figure's clause, after a 'that' that opens it, less the noun it counts ('مليون
        صوت'); none when the clause holds another figure."""
        toks, clause, n = self.toks, self.toks[fig.first].clause, len(self.toks)
        a = fig.first
        while a > 0 and fig.first - a < 40 and toks[a - 1].clause == clause and not self.opens(a - 1):
            a -= 1
        b = fig.last
        while b < n and b - fig.last < 40 and toks[b].clause == clause:
            b += 1
        if any(k in self.fig_starts for k in range(a, b) if not fig.first <= k < fig.last):
            return []
        own = fig.last if fig.noun is not None and fig.last < n and toks[fig.last].raw == fig.noun else -1
        return [j for j in range(a, b) if j != own and self.content(j)]

    def same_time(self, a: str | None, b: str | None) -> bool:
        """Whether two printed times are read as the same span (or both are unsaid)."""
        if a is None or b is None:
            return a is None and b is None
        try:
            x, y = (read_time(t, self.language, self.published) for t in (a, b))
        except Unreadable:
            return False
        return (x.start, x.end) == (y.start, y.end)

    def amount_of(self, fig: _Fig) -> tuple[_Fig, _Fig] | None:
        """'fees of 1 percent, or just over $2 billion' (after a $21.1 billion offering), 'a down payment of 10
        percent comes to $16,000', '7 % des Einkommens, also 10.000 €': a percentage followed, in its sentence, by a
        'comes to' word and an amount is the share that amount is of the latest earlier amount in the same unit.
        (the part, the whole), or None when either is missing: then nothing is proposed from the cue."""
        toks = self.toks
        if not self.level(fig) or fig.index + 1 >= len(self.figs):
            return None
        part = self.figs[fig.index + 1]
        sentence = toks[fig.first].sentence
        # the cue just before the amount ('or about' may end inside it: 'about' is its hedge)
        cue = any(self.is_cue(j, "comes_to") for j in range(max(fig.last, part.first - 3), part.first))
        if not cue or part.first - fig.last > 8 or toks[part.first].sentence != sentence or \
                part.percent or part.factor or part.measure is None or part.measure.per is not None or \
                not self.level(part):
            return None
        whole = next((f for f in reversed(self.figs[max(0, fig.index - 10):fig.index])
                      if toks[f.first].sentence == sentence and not f.percent and not f.factor and
                      f.measure is not None and f.measure.per is None and f.measure.unit == part.measure.unit and
                      self.level(f)), None)
        return (part, whole) if whole is not None else None

    def listed(self, fig: _Fig) -> bool:
        """'No has 52 per cent of the vote and Yes 58 per cent': a percentage with no whole of its own, listed in
        the next clause of its sentence right after a share of a named whole, is a share of that whole (no cue
        between them that relates figures otherwise: 'from', 'of which', 'or', a comparison)."""
        if not fig.index or fig.factor or not self.level(fig):
            return False
        prev = self.figs[fig.index - 1]
        toks = self.toks
        if not (prev.share and prev.of and not prev.of_parts and prev.comes_to is None) or \
                toks[prev.first].sentence != toks[fig.first].sentence or fig.first - prev.last > 6:
            return False
        between = range(prev.last, fig.first)
        if toks[prev.first].clause == toks[fig.first].clause and not (
                self.lang == "ar" and any(toks[j].word.startswith("و") for j in between)):
            return False
        blocking = {"share", "parts", "since", "from", "to", "comes_to", "same", "more", "less", "breakdown", "rest"}
        clause = toks[fig.first].clause  # the words of its own clause (the share before has its 'of')
        return not any((c := self.cue(j)) and c[1] & blocking for j in between if toks[j].clause == clause)

    def time_only(self, k: int) -> bool:
        """Whether the words from token ``k`` to the end of its clause, or to the 'to' of the next level, are a time
        ('de 2021 a 2022,', 'desde el 3% de diciembre hasta el 3,3%'; not 'of the 2024 total')."""
        toks, n = self.toks, len(self.toks)
        j = k
        while j < n and j - k < 12 and toks[j].clause == toks[k].clause and (
                toks[j].used and j not in self.fig_starts or  # a time's words, and the 'to' between two ('a 2022')
                self._day_name(j) or  # 'el 8,4% del lunes': a day the time reader gives no date to
                self.is_cue(j, "to") and j + 1 < n and toks[j + 1].used and j + 1 not in self.fig_starts):
            j += 1
        return j > k and (j == n or toks[j].clause != toks[k].clause or toks[j].word in self.cues.marks or
                          toks[j].word in _SENTENCE_END or self._to_level(j))

    def _day_name(self, j: int) -> bool:
        """A weekday's name ('lunes', 'Monday'), which no time is read from without its date."""
        hit = self.time_categories(j)
        return hit is not None and hit[0] == 1 and "weekday" in hit[1]

    def _to_level(self, j: int) -> bool:
        """A 'to' cue at token ``j`` right before a figure (an article between at most): 'hasta el 3,3%'."""
        size = self.is_cue(j, "to")
        if not size:
            return False
        k = j + size
        k += self.is_cue(k, "article") == 1
        return k in self.fig_starts

    def comparisons(self) -> None:
        """'978 Euro pro Jahr, 43 Prozent weniger als … 1401 Euro pro Jahr', '200,000 jobs per month, 50 percent lower
        than … about 300,000': a percentage followed by a comparison word is the change from the level after the
        word (the base) to the level before the percentage, in its sentence, in the same unit; the word joins the
        percentage's value ('43 Prozent weniger'), which says the direction."""
        toks, n = self.toks, len(self.toks)
        for fig in self.figs:
            k = fig.last
            if not fig.percent or k >= n or toks[k].sentence != toks[fig.first].sentence:
                continue
            size = 0 if toks[k].used else self.is_cue(k, "more") or self.is_cue(k, "less")
            held = self.is_cue(k - 1, "more") or self.is_cue(k - 1, "less")  # the reader took the word in: '43
            if not size and held < 2:  # Prozent weniger' ends the figure, 'als' follows
                continue
            sentence = toks[fig.first].sentence
            base = next((f for f in self.figs[fig.index + 1:fig.index + 6] if toks[f.first].sentence == sentence
                         and not f.percent and not f.factor and f.measure is not None and self.level(f)), None)
            if base is None:
                continue
            level = next((f for f in reversed(self.figs[max(0, fig.index - 5):fig.index])
                          if toks[f.first].sentence == sentence and not f.percent and not f.factor and
                          f.measure is not None and self.level(f) and f.measure.unit == base.measure.unit and
                          f.measure.per == base.measure.per), None)
            if level is None:
                continue
            if size:  # the word says the direction, not 'than'
                last = k + max(1, size - 1)
                fig.last, fig.end = last, toks[last - 1].end
                fig.value, fig.is_level = self.text[fig.start:fig.end], None
            self.compared.append((base, level, fig))

    def _converted(self) -> None:
        """'8,000 sq ft (740 square metres)', '223 Millionen Dollar (etwa 158 Millionen Euro)': a figure in brackets
        right after a figure in another unit or currency states the same amount converted."""
        for prev, fig in zip(self.figs, self.figs[1:]):
            j = fig.first - 1
            a, b = prev.measure, fig.measure
            if j < 1 or self.toks[j].word != "(" or prev.last != j or a is None or b is None or prev.percent or \
                    fig.percent or a.unit is None or b.unit is None or a.unit == b.unit or a.per != b.per or \
                    (len(a.unit) == 3) != (len(b.unit) == 3):  # a currency is converted into a currency only
                continue
            self.out.relations.append(Same(claims=[prev.id, fig.id]))

    def _parenthesised(self, fig: _Fig) -> bool:
        """'$1.29 billion (31%)': a percentage in brackets right after a figure is its share of the total; with a
        sign it is the figure's change ('102,6 millones de euros (-4,8%)', '34 200 demandeurs (+1,0 %)')."""
        j = fig.first - 1  # a figure ending at the bracket is the one before it
        return j >= 1 and self.toks[j].word == "(" and fig.index > 0 and self.figs[fig.index - 1].last == j and \
            not self.figs[fig.index - 1].percent and self.text[fig.start:fig.end].lstrip()[:1] not in _SIGNS

    # -- relations -------------------------------------------------------------------------------------------------
    def relations(self) -> None:
        self._converted()
        for base, level, fig in self.compared:
            self.changed.add(frozenset((base.id, level.id)))
            self.out.relations.append(Change(before=base.id, after=level.id, change=fig.id))
        by_sentence: dict[int, list[_Fig]] = {}
        for fig in self.figs:
            by_sentence.setdefault(self.toks[fig.first].sentence, []).append(fig)
        # each figure is related to the 20 figures on either side of it in its sentence: linear in a sentence of
        # thousands of figures
        for figs in by_sentence.values():  # shares first: the lists of shares below need their parts
            for n, fig in enumerate(figs):
                if fig.share:
                    self._share(*_near(figs, n), fig)
        for sentence, figs in by_sentence.items():
            self._age(figs)
            self._then_now(figs)
            self._rest(by_sentence, sentence, figs)
            self._breakdown(figs)
            self._by_origin(sentence, figs)
            for n, fig in enumerate(figs):
                self._change(*_near(figs, n), fig)
                self._parts(*_near(figs, n), fig)
                self._per(*_near(figs, n), fig)
            self._each(figs)
            self._over_the_year(sentence, figs)
        self._restated()
        if self.dates:  # a bare year read as the date of an age: no relation between amounts has it
            self.out.relations = [r for r in self.out.relations if not self.dates & set(_relation_ids(r))]

    def _restated(self) -> None:
        """'Transit gets $630 million (15%), parks $210 million (5%) … Parks spending falls to $210 million from $240
        million': a level stated again in a later sentence, read the same (number, unit, per unit, period), for the
        same time, whose words hold the earlier mention's or are held by them, is one figure stated twice (a
        ``same`` relation): what is related to either mention is related to that figure. Not when their words
        differ ('parks maintenance' and 'parks spending'), nor their times, nor when a change relates the two."""
        firsts: dict[tuple[object, ...], list[_Fig]] = {}
        for fig in self.figs:
            m = fig.measure
            if m is None or fig.percent or fig.factor or not fig.stems or not self.level(fig):
                continue
            group = firsts.setdefault((m.value, m.unit, m.per, m.period, fig.time), [])
            first = next((f for f in group[:20] if self.toks[f.first].sentence != self.toks[fig.first].sentence
                          and (f.stems <= fig.stems or fig.stems <= f.stems) and
                          frozenset((f.id, fig.id)) not in self.changed), None)
            if first is not None:
                self.out.relations.append(Same(claims=[first.id, fig.id]))
            else:
                group.append(fig)

    def _share(self, figs: list[_Fig], n: int, fig: _Fig) -> None:
        if fig.listed:
            return  # its part is not said: only its whole
        if fig.comes_to is not None:
            part, whole = fig.comes_to
            fig.part = part.id
            self.out.relations.append(ShareOf(share=fig.id, part=part.id, whole=whole.id))
            return
        if fig.of_parts:  # the total before the cue: in this sentence, else the first level of the one before
            sentence = self.toks[fig.first].sentence
            earlier = [f for f in figs[:n] if self.level(f) and not f.percent] or \
                [f for f in self.figs[max(0, fig.index - 10):fig.index]
                 if self.toks[f.first].sentence == sentence - 1 and self.level(f) and not f.percent][:1]
            if earlier and earlier[-1].measure is not None:
                self.out.relations.append(ShareOf(share=fig.id, whole=earlier[-1].id))
            return
        before = [f for f in figs[:n] if not f.percent and not f.factor]
        after = [f for f in figs[n + 1:] if not f.percent and not f.factor]
        part = before[-1] if before else after[0] if after else None
        if part is not None and any(f.share for f in figs[min(part.index, fig.index) - figs[0].index + 1:
                                                              max(part.index, fig.index) - figs[0].index]):
            part = None  # '254,400 more births than deaths, 61% of the increase, and net migration made up 39% of
            # it': another share stands between them, which that figure is the part of
        whole = self.owned_whole(fig)
        if part is None or part.measure is None or part.measure.per is not None:
            if whole is not None:
                self.out.relations.append(ShareOf(share=fig.id, whole=whole.id))
            return
        fig.part = part.id
        if whole is None and not fig.of and not fig.of_unread and part.stems:  # 'of the total': the latest earlier
            # figure of the more general thing
            unit = part.measure.unit
            whole = next((f for f in reversed(self.figs[max(0, part.index - 30):part.index]) if f.measure and
                          not f.percent and f.measure.per is None and f.stems and f.stems < part.stems and
                          (f.measure.unit == unit or (unit is None and f.measure.unit is not None and
                                                      len(f.measure.unit) != 3))), None)
        self.out.relations.append(ShareOf(share=fig.id, part=part.id, whole=whole.id if whole else None))

    def owned_whole(self, fig: _Fig) -> _Fig | None:
        """A share's whole when earlier figures of what it names belong to different actors ('Le chiffre d'affaires
        de Legrand … celui de Somfy … 12 % du chiffre d'affaires de Somfy'): the latest one of the owner it names
        after its whole, else of its own subject; None when they have one owner (pairing finds it by its label) or
        none is that owner's."""
        if not fig.of_stems:
            return None
        owner = fig.of_owner or self.subject_of.get(fig.id)
        same = [f for f in reversed(self.figs[max(0, fig.index - 30):fig.index]) if f.measure is not None and
                not f.percent and f.measure.per is None and f.stems == fig.of_stems]
        if fig.of_owner is not None and same and all(self.subject_of.get(f.id) != owner for f in same):
            # 'Le chiffre d'affaires de Legrand … 12 % du chiffre d'affaires de Somfy': another owner's figure is not
            # its whole; the whole keeps its owner's name, as printed, and meets none of them
            self.out.claims = [msgspec.structs.replace(c, of=fig.of_owned) if c.id == fig.id else c
                               for c in self.out.claims]
            return None
        if owner is None or len({self.subject_of.get(f.id) for f in same}) < 2:
            return None
        return next((f for f in same if self.subject_of.get(f.id) == owner), None)

    def _age(self, figs: list[_Fig]) -> None:
        """'It is 247 years since Mozart was born in Salzburg in 1756': a number of years right before an 'elapsed'
        word counts the time since what follows it in its clause, dated by the year that ends it (a year the time
        reader took, or a bare four-digit number there, read then as that year and not as an amount): that event,
        and the age from it on the publication date."""
        for n, fig in enumerate(figs):
            m = fig.measure
            if m is None or m.unit != "year" or m.per is not None or fig.percent or fig.factor or \
                    fig.last >= len(self.toks) or not self.is_cue(fig.last, "elapsed") or \
                    (fig.first and self.is_cue(fig.first - 1, "article")):
                continue  # 'in the three years since 2019' is a period the figures are for, not an age
            sentence, clause = self.toks[fig.first].sentence, self.toks[fig.last].clause
            start = fig.last + self.is_cue(fig.last, "elapsed")
            later = figs[n + 1:]
            time = next(((a, b, printed) for a, b, printed in self.times if a >= start and
                         self.toks[a].clause == clause and a not in self.unread), None)
            year = later[0] if len(later) == 1 and later[0].measure is not None and later[0].measure.unit is None \
                and _BARE_YEAR.match(later[0].value) and self.toks[later[0].first].clause == clause else None
            if (time is None) == (year is None):
                continue  # no date, or two: which one the age counts from is not said
            a, b, printed = time if time is not None else \
                (year.first, year.last, year.value)  # type: ignore[union-attr]
            what = [j for j in range(start, a) if self.content(j) and self.toks[j].word != "#"]
            if not what:
                continue
            if year is not None:  # the bare year is the date, not an amount
                self.out.claims = [c for c in self.out.claims if c.id != year.id]
                self.out.found = [f for f in self.out.found if f.claim != year.id]
                self.dates.add(year.id)
            event = Event(id=self._id(), what=self.printed(what)[:300], time=printed,
                          sentence=self.sentence_text(sentence, self.toks[a].start, self.toks[b - 1].end),
                          span=(self.toks[a].start, self.toks[b - 1].end), extracted=True)
            self.out.claims.append(event)
            self.out.relations.append(Age(start=event.id, age=fig.id))

    def _then_now(self, figs: list[_Fig]) -> None:
        """'211 Prozent mehr Rundfunkgebühren: bislang 32.227 Euro, künftig 68.000 Euro': in a sentence, a level
        right after a 'then' word and a later one right after a 'now' word, in one unit, are the two ends of a
        change; the sentence's percentage that states a change (the nearest) is the change they make."""
        if len(figs) < 2 or len(figs) > 40:
            return
        then = next((f for f in figs if self.cue_before(f.first, "then", 2) is not None and self.level(f) and
                     not f.percent and f.measure is not None), None)
        if then is None:
            return
        now = next((f for f in figs if f.index > then.index and self.cue_before(f.first, "now", 2) is not None and
                    self.level(f) and not f.percent and f.measure is not None and
                    f.measure.unit == then.measure.unit and f.measure.per == then.measure.per), None)
        if now is None or frozenset((then.id, now.id)) in self.changed:
            return
        self.changed.add(frozenset((then.id, now.id)))
        stated = [f for f in figs if f.percent and not f.share and not self.level(f)]
        change = min(stated, key=lambda f: abs(f.index - then.index)) if stated else None
        self.out.relations.append(Change(before=then.id, after=now.id, change=change.id if change else None))

    def _rest(self, by_sentence: dict[int, list[_Fig]], sentence: int, figs: list[_Fig]) -> None:
        """'… 31% from Europe and 27% from the rest of the world', '… and everything else $880 million (21%)': shares
        listed up to 'the rest' make up their whole (this sentence's and the two before, while they list shares)."""
        if sum(f.share for f in figs) < 1 or "rest" not in self.marks.get(sentence, ()):
            return
        shares = [f for f in figs if f.share]
        ofs = {f.of for f in shares}
        for back in range(sentence - 1, max(sentence - 3, -1), -1):  # earlier sentences listing shares of that whole
            listed = by_sentence.get(back, [])
            if any(f.percent and not f.share for f in listed) or len(ofs) != 1 or \
                    any(f.of not in ofs for f in listed if f.share):
                break
            shares = [f for f in listed if f.share] + shares
        if len(shares) < 2:
            return
        self.out.relations.append(SumOf(parts=[f.id for f in shares][:100], exhaustive=True))
        parts = [f.part for f in shares if f.part]
        if len(parts) == len(shares):
            self.out.relations.append(SumOf(parts=parts[:100], exhaustive=True))

    def _breakdown(self, figs: list[_Fig]) -> None:
        """'وتوزعت الإيرادات على ثلاثة قطاعات: …', 'revenue was split between …': the sentence's figures after the
        cue are parts of the latest earlier figure that counts what the cue's words name."""
        if not figs:
            return
        first = figs[0]
        toks = self.toks
        start = first.first
        while start > 0 and toks[start - 1].sentence == toks[first.first].sentence:
            start -= 1
        cue = next((k for k in range(start, first.first) if self.is_cue(k, "breakdown")), None)
        if cue is None or first.measure is None:
            return
        words = self.stems([k for k in range(cue + 1, first.first) if self.content(k)])
        unit = first.measure.unit
        parts = [f for f in figs if not f.percent and f.measure and f.measure.unit == unit and f.measure.per is None]
        total = next((f for f in reversed(self.figs[max(0, first.index - 30):first.index]) if f.measure and
                      f.measure.unit == unit and f.measure.per is None and not f.percent and f.stems & words), None)
        if total is not None and len(parts) >= 2:
            self.out.relations.append(SumOf(parts=[f.id for f in parts][:100], total=total.id))

    def _by_origin(self, sentence: int, figs: list[_Fig]) -> None:
        """'Reino Unido fue el primer país emisor, con 14,7 millones de turistas hasta septiembre, seguido de Francia,
        con 10,3 millones, y Alemania, con 9,4 millones': in a sentence with a word for where those counted come from
        ('país emisor', 'source market'), figures in one unit, each next to a country of its own, count those from
        each country: they are parts (not all: other countries are not listed) of the latest earlier total in that
        unit, for their time, whose clause names what the first of them counts ('turistas') in a place none of them
        is.
        Not without the word ('Francia recibió 100 millones, Italia 60 millones': countries side by side), nor when
        a figure of the sentence has no country of its own."""
        if "origin" not in self.marks.get(sentence, ()) or len(figs) > 40:
            return
        parts = [f for f in figs if not f.percent and not f.factor and f.measure is not None and self.level(f)]
        places = [self.own_place(f) for f in parts]
        if len(parts) < 2 or None in places or len(set(places)) != len(parts) or \
                len({(f.measure.unit, f.measure.per, f.time) for f in parts}) != 1:  # type: ignore[union-attr]
            return
        first = parts[0]
        words = frozenset(key(first.noun, self.lang).split()) if first.noun else first.stems
        by_id = {c.id: c for c in self.out.claims}
        total = next((f for f in reversed(self.figs[max(0, first.index - 30):first.index]) if f.measure is not None
                      and not f.percent and not f.factor and self.level(f) and f.measure.unit == first.measure.unit
                      and f.measure.per is None and f.time == first.time and words and words <= f.stems | f.context), None)
        scope = getattr(by_id.get(total.id), "scope", None) if total is not None else None
        if total is not None and scope and place(key(scope, self.lang), self.lang) not in places:
            self.out.relations.append(SumOf(parts=[f.id for f in parts][:100], total=total.id))

    def own_place(self, fig: _Fig) -> str | None:
        """The country (or place) named next before a figure, in its clause or the clause before, with no other figure
        between ('seguido de Francia, con 10,3 millones'): its code."""
        toks = self.toks
        clauses = {toks[fig.first].clause, toks[fig.first].clause - 1}
        for j in range(fig.first - 1, max(-1, fig.first - 20), -1):
            if toks[j].clause not in clauses or toks[j].sentence != toks[fig.first].sentence or toks[j].used:
                return None
            if j + 1 < fig.first and (code := place(key(self.printed([j, j + 1]), self.lang), self.lang)):
                return code
            if (name := self.place_word(j)) is not None:
                return place(key(name, self.lang), self.lang)
        return None

    def near_cue(self, fig: _Fig, category: str) -> bool:
        """A ``category`` cue just before the figure or among its first words ('fell to 2.1 hours')."""
        return self.cue_before(fig.first, category, 2) is not None or \
            any(self.is_cue(k, category) for k in range(fig.first, min(fig.first + 3, fig.last)))

    def _by_factor(self, figs: list[_Fig], n: int, fig: _Fig) -> None:
        """'Transit spending has nearly doubled since 2020, when it stood at $410 million': the level then is the
        figure after the factor in its sentence; the level now, the latest earlier figure in that unit that counts
        the same thing."""
        before = next((f for f in figs[n + 1:] if not f.percent and not f.factor and f.measure), None)
        if before is None or not fig.stems:
            return
        after = next((f for f in reversed(self.figs[max(0, fig.index - 30):fig.index]) if f.measure and not f.percent
                      and f.measure.unit == before.measure.unit and f.measure.per is None and f.stems & fig.stems
                      and f.stems <= fig.stems), None)
        if after is not None:
            self.changed.add(frozenset((before.id, after.id)))
            self.out.relations.append(Change(before=before.id, after=after.id, change=fig.id))

    def sentence_stems(self, sentence: int) -> frozenset[str]:
        """The stems of a sentence's content words (a figure's own words left out)."""
        a, b = self.out.sentences[sentence]
        lo = bisect.bisect_left(self.tok_starts, a)
        hi = bisect.bisect_left(self.tok_starts, b)
        return self.stems([j for j in range(lo, min(hi, lo + 200)) if self.content(j)])

    def level(self, fig: _Fig) -> bool:
        """A level, not a change: 'rises by $150 million' is not what education spending was."""
        if fig.is_level is None:
            moved = self.movement(fig.value)
            fig.is_level = not fig.factor and (moved is None or not moved.is_change)
        return fig.is_level

    def _change(self, figs: list[_Fig], n: int, fig: _Fig) -> None:
        if fig.factor:
            self._by_factor(figs, n, fig)
            return
        if fig.share or not self.level(fig):
            return
        every = figs  # the change stated may be any of them ('von 16 auf 6 Prozent und damit um 10 Prozent gesunken')
        figs = [f for f in figs if f is fig or self.level(f)]
        n = next(k for k, f in enumerate(figs) if f is fig)
        start = self.cue_before(fig.first, "from", 2)
        since = self.cue_before(fig.first, "since", 4)
        if start is not None:  # 'from X to Y', in one unit: 'de 312 a 2.275 millones de euros' shares a scale and a
            unit = fig.measure.unit if fig.measure else None  # currency the reader does not give 312: no pair
            # the level next to it, the nearer of the two: 'rose to A from B, and … to C from D' pairs B with A
            near = [f for f in (*figs[max(0, n - 1):n], *figs[n + 1:n + 2]) if f.percent == fig.percent and
                    not f.factor and self.near_cue(f, "to") and f.measure is not None and f.measure.unit == unit]
            if near:  # 'from X to Y', 'falls to Y from X'
                other = min(near, key=lambda f: f.first - fig.last if f.first > fig.first else fig.first - f.last)
                lo, hi = min(fig.index, other.index), max(fig.index, other.index)
                if hi - lo > 1:  # another figure between them: 'fue de 1.100 euros, un 3,2% más, y el gasto
                    return  # diario subió un 6,2%, hasta 152 euros' is no 'from X to Y', and no range either
                if self.moves(fig, other) and not self.unscaled & {fig.id, other.id}:
                    self._add_change(every, fig, other)
                return  # 'will cost from $3 to $5 billion' is a range, 'from 800 to 1.2 million' says no scale
        if since is not None and any(since < f.first < fig.first for f in every):
            since = None  # 'from $3 to $5 billion': the word is the first figure's
        if since is not None:  # 'Y, up 8 % from X', 'Y مقارنة بـX'
            # 'حوالي 132 مليون دينار مقابل 109 ملايين': a bare amount (a scale word, no unit) right after the level
            # it is compared with, in its clause, counts in that level's currency, printed once
            bare = fig.measure is not None and fig.measure.unit is None and not fig.percent and \
                any(self.kinds(k) & _K_SCALES for k in range(fig.first, fig.last))
            earlier = next((f for k, f in reversed(list(enumerate(figs[:n]))) if f.percent == fig.percent and
                            not f.share and not f.factor and f.measure and fig.measure and
                            (f.measure.unit == fig.measure.unit or bare and k == n - 1 and f.measure.per is None and
                             not f.measure.period and self.toks[f.first].clause == self.toks[fig.first].clause)),
                           None)
            if earlier is None and fig.index:  # 'Il progresse de 13,5 % par rapport aux 108,8 M€': the level the
                sentence = self.toks[fig.first].sentence  # sentence before gave first
                before = [f for f in self.figs[max(0, fig.index - 10):fig.index]
                          if self.toks[f.first].sentence == sentence - 1]
                levels = [f for f in before if self.level(f) and not f.percent and f.measure and fig.measure
                          and f.measure.unit == fig.measure.unit and f.measure.per is None]
                words = self.sentence_stems(sentence)
                # the one this sentence names ('Education spending … from $1.14 billion'), or, when it names
                # nothing ('Il progresse de 13,5 % par rapport aux …'), the first
                earlier = next((f for f in levels if f.stems & words), None) if words else \
                    (levels[0] if levels else None)
                if earlier is not None:
                    figs, every = [earlier, *figs], [earlier, *every]
            if earlier is not None:
                self._add_change(every, fig, earlier)

    def moves(self, a: _Fig, b: _Fig) -> bool:
        """Whether 'from X to Y' tells a change, not a range: its ends given for two times ('from £4.47 last year to
        £4.71 this year'), or a word of change near it in its sentence ('rose from', 'est passé de', 'went from',
        'falls to $210 million') — in another figure only before the pair ('creció un 86,8%, de 312 a …'), in its
        clauses ('climbed by 50% to $9 billion from …') or in a clause after it that a clause word joins ('… und
        damit um 3 Prozent erhöht'), and never a comparison ('40% more than planned'); 'will cost from $3 to $5
        billion', 'range from' tell none."""
        if a.time and b.time and a.time != b.time:
            return True
        if any(self.moved(f.value) for f in (a, b)):
            return True
        toks = self.toks
        first = min(a.index, b.index)
        if first and a.percent and b.percent:  # 'dropped three tenths of a point in the latest jobs report, to 7.8
            f = self.figs[first - 1]  # percent from 8.1 percent': a move in points before two levels in percent
            if toks[f.first].sentence == toks[min(a.first, b.first)].sentence and f.measure is not None and \
                    f.measure.unit in _POINTS and self.moved(f.value):
                return True
        lo, hi = min(a.first, b.first), max(a.last, b.last)
        clauses = {toks[lo].clause, toks[hi - 1].clause}
        owner = {k: f for f in self.figs[max(0, min(a.index, b.index) - 5):max(a.index, b.index) + 6]
                 for k in range(f.first, f.last)}
        for j in range(max(0, lo - 12), min(len(toks), hi + 12)):
            f = owner.get(j)
            if toks[j].sentence != toks[lo].sentence or f is a or f is b or not toks[j].word[:1].isalpha() or \
                    self.is_cue(j, "more") or self.is_cue(j, "less") or f is not None and \
                    toks[f.first].clause not in clauses and f.first > lo and not self.joined(f):
                continue
            if self.is_cue(j, "moved") or self.moved(toks[j].raw):
                return True
        return False

    def joined(self, fig: _Fig) -> bool:
        """Whether the figure's clause opens with a clause word ('und damit …', 'and'), not a mark (',')."""
        k, stop = fig.first, max(0, fig.first - 20)
        while k > stop and self.toks[k - 1].clause == self.toks[fig.first].clause:
            k -= 1
        return self.toks[k].word[:1].isalpha() and bool(self.is_cue(k, "clause"))

    def moved(self, printed: str) -> bool:
        m = self.movement(printed)
        return m is not None and bool(m.direction or m.factor)

    def _add_change(self, figs: list[_Fig], before: _Fig, after: _Fig) -> None:
        pair = frozenset((before.id, after.id))
        if pair in self.changed:
            return
        self.changed.add(pair)
        lo, hi = min(before.first, after.first), max(before.last, after.last)
        stated = [f for f in figs if f is not before and f is not after and not f.share and
                  self.movement(f.value) is not None and f.percent != before.percent and not (
                      self.level(f) and not f.percent) or
                  (f is not before and f is not after and f.percent and not before.percent and
                   self.movement(f.value) is not None)]
        # (a level reached is no change: 'die Zahl der Erwerbslosen sank auf 2,34 Millionen, die Quote ging von 5,7 %
        # auf 5,3 % zurück' — the count is not the change of the rate)
        stated = [f for f in stated if f is not before and f is not after] or \
            [f for f in figs if f.factor and f.first >= hi] or \
            [f for f in figs if f.percent and not f.share and f.first >= hi and not before.percent and not f.stems]
        # (a percentage with words of its own names something else: '…, and its margin was 12%')
        clauses = {self.toks[lo].clause, self.toks[hi - 1].clause}
        stated = [f for f in stated if f.first < hi or self.toks[f.first].clause in clauses or
                  not self.names_other(f, before.stems | after.stems | before.context | after.context)]
        # a change with another level between it and the pair states that level's change ('8,2 millones de
        # turistas, frente a 8 millones …, y su gasto alcanzó 9.723 millones de euros, un 20,8% más')
        stated = [f for f in stated if not any(
            g is not before and g is not after and not g.percent and not g.factor and g.measure is not None and
            self.level(g) and (hi <= g.first and g.last <= f.first or f.last <= g.first and g.last <= lo)
            for g in self.figs[max(0, f.index - 6):f.index + 7])]
        # brackets: a pair inside one ('(+0,5 % après +0,3 %)') states its change inside it, if anywhere; a bracket
        # that holds another figure besides the change is a statement of its own ('les importations (-0,7 % après
        # +0,1 %)'), not the gloss of a pair outside it ('rose to 100 from 95 (+5.3 %)' is one)
        ends = (self.bracket(before.first), self.bracket(after.first))

        def bracketed(f: _Fig) -> bool:
            b = self.bracket(f.first)
            if ends[0] is not None and ends[0] == ends[1]:
                return b == ends[0]
            return b is None or b in ends or not any(g is not f and self.bracket(g.first) == b
                                                     for g in self.figs[max(0, f.index - 6):f.index + 7])
        stated = [f for f in stated if bracketed(f)]
        if before.percent and not stated:  # 'bajó un 0,4%, hasta el 6,1%, frente al 6,5%'
            stated = [f for f in (self._leading_change(before, after),) if f is not None]
        if before.percent and not stated:  # 'من 41% إلى 44%، أي بنسبة 3%': the percentage after them states it
            owner = {k: g for g in figs for k in range(g.first, g.last)}  # another statement of the change between
            stated = [f for f in figs if f.percent and not f.share and f.first >= hi and bracketed(f) and
                      self.cue_before(f.first, "from", 2) is None and not self.near_cue(f, "to") and
                      all(self.toks[j].word in self.cues.marks or self.cue(j) or j in self.covered or
                          self.in_time(j) or self.is_cue(j + 1, "from") or j in owner and (
                              not self.level(owner[j]) or owner[j].measure is not None and
                              owner[j].measure.unit in _POINTS)
                          for j in range(hi, f.first))][:1]
            # (not an end of the next pair: '… au lieu de 0,5 %, et celle du quatrième trimestre, passée de 0,5 % à
            # 0,6 %')
            # (between them, marks, cue words, a time, another statement of the change and the noun before a 'from'
            # word ('ein Verlust von') only: 'pasando de un 9,4% a un 9,3%, por el pobre 8,4% del lunes' is another
            # day's level, not the change)
        change = min(stated, key=lambda f: min(abs(f.first - hi), abs(lo - f.last))) if stated else None
        self.out.relations.append(Change(before=before.id, after=after.id, change=change.id if change else None))

    def _leading_change(self, before: _Fig, after: _Fig) -> _Fig | None:
        """'El IPC bajó un 0,4% en enero, hasta el 6,1%, frente al 6,5%', 'recule de 0,4 %, à 6,1 %, contre 6,5 %',
        'fell 0.4% in January to 6.1% from 6.5%': a change in percent (a word of change in its own words) printed
        right before two levels in percent is their change when the first level opens with its cue ('hasta',
        'à', 'to', 'desde') and nothing between the change and that cue names anything: marks, a time, an article
        and the words that say the rate's basis ('en tasa anual') only. 'El número de parados subió un 3,36%, y la
        tasa de paro, hasta el 11,84%, frente al 11,60%' names the rate between them: the 3,36% is the count's;
        'subió un 0,6% respecto a febrero, hasta …' is compared with a base of its own; no other figure between,
        nor a change over another period ('0,1% mensual')."""
        first = before if before.first < after.first else after
        if not first.index:
            return None
        f = self.figs[first.index - 1]
        toks = self.toks
        if toks[f.first].sentence != toks[first.first].sentence or not f.percent or f.share or f.factor or \
                not self.moved(f.value) or f.measure is None or first.measure is None or \
                f.measure.period != first.measure.period:
            return None
        cue = next((k for k in (self.cue_before(first.first, c, 2) for c in ("to", "from", "since"))
                    if k is not None), None)
        if cue is None:
            return None
        # nothing but marks, a time, an article and basis words between: a word of its own, a clause word ('y la
        # tasa'), a base ('respecto a febrero') say the change is another's
        return f if self._bare(f.last, cue) else None

    def _bare(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) are only marks (no bracket), a time, an article, and the words of a rate's basis."""
        toks, j = self.toks, a
        while j < b:
            basis = self.is_cue(j, "basis")
            if basis:
                j += basis
                continue
            t = toks[j]
            if t.word in self.cues.marks and t.word not in "()" or self.in_time(j) or \
                    self.is_cue(j, "article") == 1 or self.is_cue(j, "link") == 1 and j + 1 < b and \
                    self.in_time(j + 1):
                j += 1
                continue
            return False
        return True

    def bracket(self, k: int) -> int | None:
        """The token that opens the innermost bracket token ``k`` stands in, in its sentence; None outside any."""
        if self._brackets is None:
            self._brackets, stack, sentence = [], [], -1
            for t in self.toks:
                if t.sentence != sentence:
                    stack, sentence = [], t.sentence
                if t.word == ")" and stack:
                    stack.pop()
                self._brackets.append(stack[-1] if stack else None)
                if t.word == "(":
                    stack.append(len(self._brackets) - 1)
        return self._brackets[k]

    def names_other(self, fig: _Fig, words: frozenset[str]) -> bool:
        """Whether the figure's clause, up to its end, names a quantity of its own that is not in ``words``: a
        content word, or a word the identities name as a term even where the cues drop it as a verb ('… from $3bn
        to $5bn, and costs rose 12%', 'وارتفعت التكاليف 12%'): a change in that clause is the costs', not the
        revenue's. 'an increase of 67%', 'und damit um 3 Prozent', 'أي بنسبة 3%' name none."""
        toks, clause = self.toks, self.toks[fig.first].clause
        j = fig.first
        while j > 0 and fig.first - j < 12 and toks[j - 1].clause == clause:
            j -= 1
        for k in range(j, fig.last):
            t = toks[k]
            if not t.word[:1].isalpha() or not (not t.used and self.content(k) or
                                                      identity_terms(key(t.raw, self.lang), self.lang)):
                continue
            if not frozenset(self.stems([k])) & words and not self.moved(t.raw):
                return True
        return False

    def _parts(self, figs: list[_Fig], n: int, fig: _Fig) -> None:
        """'4,2 milliards d'euros en 2024, dont 1,1 milliard …', 'X. Davon entfielen Y': the figures after a parts
        cue, in the total's unit (or counted without one), are parts of the figure before it."""
        if fig.percent or fig.measure is None:
            return
        stop = figs[n + 1].first if n + 1 < len(figs) else min(fig.last + 12, len(self.toks))
        sentence = self.toks[fig.first].sentence
        cue = next((k for k in range(fig.last, min(stop, fig.last + 12))
                    if self.toks[k].sentence == sentence and self.is_cue(k, "parts")), None)
        rest = figs[n + 1:]
        if cue is None and n + 1 == len(figs):  # the next sentence opens with the cue
            k = fig.last
            while k < len(self.toks) and self.toks[k].sentence == self.toks[fig.first].sentence:
                k += 1
            if k < len(self.toks) and self.is_cue(k, "parts"):
                sentence = self.toks[k].sentence
                rest = [f for f in self.figs[fig.index + 1:fig.index + 101] if self.toks[f.first].sentence == sentence]
                cue = k
        if cue is None:
            return
        unit = fig.measure.unit
        parts = [f.id for f in rest if not f.percent and f.measure and f.measure.per is None and
                 (f.measure.unit == unit or (f.measure.unit is None and (unit is None or len(unit) != 3)))][:100]
        if parts:
            self.out.relations.append(SumOf(parts=parts, total=fig.id))
            self._part_labels(fig, [f for f in rest if f.id in parts])

    def _part_labels(self, total: _Fig, parts: list[_Fig]) -> None:
        """'Die Ankünfte erreichten 23,89 Millionen, davon 7,93 Millionen inländische …': a part after a parts cue
        counts some of what its total counts: its label gains the total's words when it has none of them and a figure
        outside the sum is labelled alike, so it is not taken for that figure ('22,36 Millionen entfielen auf
        inländische' Nächtigungen, a false restatement) but stays apart from it."""
        if not total.metric or not total.stems:
            return
        index = {c.id: n for n, c in enumerate(self.out.claims)}
        mine = {total.id, *(f.id for f in parts)}
        words = lambda c: (frozenset(key(c.metric, self.lang).split())  # noqa: E731
                           if getattr(c, "metric", None) else None)
        others = [w for c in self.out.claims if c.id not in mine and (w := words(c))]
        for f in parts:
            n = index.get(f.id)
            claim = self.out.claims[n] if n is not None else None
            own = words(claim) if claim is not None else None
            if own is None or f.stems & total.stems or not any(own <= w or w <= own for w in others):
                continue  # (only a label another figure outside the sum has too, or holds, is made apart)
            self.out.claims[n] = msgspec.structs.replace(claim, metric=f"{total.metric} {claim.metric}")

    def _per(self, figs: list[_Fig], n: int, fig: _Fig) -> None:
        m = fig.measure
        if m is None or m.per is None:
            return
        # the count and the total are looked for among the 30 figures before it (the same paragraph, or the lead)
        here = fig.index
        near = self.figs[max(0, here - 30):here + 5]
        per_key = key(m.per, self.lang)
        here = self.toks[fig.first].sentence  # the count is given before, in this sentence or the one before
        counts = [f for f in near if f.index < fig.index and f.measure and f.measure.per is None and not f.percent
                  and here - self.toks[f.first].sentence in (0, 1)
                  and (f.measure.unit == m.per or (f.noun and key(f.noun, self.lang) == per_key))]
        if not counts:
            self._per_reference(fig)
            return
        count = min(counts, key=lambda f: abs(f.index - fig.index))  # the nearest count
        # the total: a figure in the same unit whose words meet the per-unit figure's, or, stated in the count's
        # sentence, the count's ('Acme earned $5 million. Acme has 2 million customers, who pay $10 per customer':
        # the name alone does not say the earnings are what the customers pay)
        own = fig.context | fig.stems
        words = own | count.stems | count.context
        where = self.toks[count.first].sentence
        # a rate per head ('a month for every resident') comes from a rate: the total states a period too
        totals = [f for f in near if f is not fig and f is not count and f.measure and f.measure.per is None and
                  f.measure.unit == m.unit and m.unit is not None and not f.percent and
                  (f.stems | f.context) & (words if self.toks[f.first].sentence == where else own)
                  and (m.period is None or f.measure.period is not None)]
        # the total stated with the count (the same sentence), else the nearest to it
        if any(self.toks[f.first].sentence == where for f in totals):
            totals = [f for f in totals if self.toks[f.first].sentence == where]
        total = min(totals, key=lambda f: abs(f.index - count.index)) if totals else None
        if total is not None:
            self.out.relations.append(PerUnit(total=total.id, count=count.id, each=fig.id))

    def _per_reference(self, fig: _Fig) -> None:
        """'La deuda de Adif, de 17.000 millones de euros, supone 358 millones de euros por habitante', with the
        country's population sent as a reference: a figure per head whose count the text does not print is the
        total before it in its sentence (the only one in its unit) over the one reference that counts that unit.
        Not when the sentence names a place the reference is not about (a city's debt per head is not over the
        country's people), nor when the figure is for a time the reference's does not fall in."""
        m = fig.measure
        assert m is not None and m.per is not None
        counts = self.counted().get(m.per, [])
        sentence = self.toks[fig.first].sentence
        totals = [f for f in self.figs[max(0, fig.index - 20):fig.index] if self.toks[f.first].sentence == sentence
                  and f.measure is not None and f.measure.per is None and f.measure.unit == m.unit and
                  m.unit is not None and not f.percent and self.level(f)]
        if len(counts) != 1 or len(totals) != 1:
            return
        count = counts[0]
        ref_places = {place(key(label, self.lang), self.lang) for label in (count.subject, count.scope)} - {None}
        if not self.places(sentence) <= ref_places or not self.falls_in(count.time, fig.time):
            return
        self.out.relations.append(PerUnit(total=totals[0].id, count=count.id, each=fig.id))

    def counted(self) -> dict[str, list[Quantity]]:
        """The references that count something ('48.085.361 habitantes'), by the unit they count; read once."""
        if self._counted is None:
            self._counted = {}
            for ref in self.references:
                if not isinstance(ref, Quantity):
                    continue
                try:
                    read = self.read(ref.value, ref.unit, ref.per)
                except Unreadable:
                    continue
                if read.unit is not None and read.per is None and read.currency is None:
                    self._counted.setdefault(read.unit, []).append(ref)
        return self._counted

    def places(self, sentence: int) -> set[str]:
        """The places a sentence names (one word or two)."""
        a, b = self.out.sentences[sentence]
        lo, hi = bisect.bisect_left(self.tok_starts, a), bisect.bisect_left(self.tok_starts, b)
        found: set[str | None] = set()
        for j in range(lo, min(hi, lo + 200)):
            found.add(place(key(self.printed([j, j + 1]), self.lang), self.lang) if j + 1 < hi else None)
            name = self.place_word(j)
            found.add(place(key(name, self.lang), self.lang) if name else None)
        return found - {None}  # type: ignore[return-value]

    def falls_in(self, inner: str | None, outer: str | None) -> bool:
        """Whether the time printed ``inner`` (a reference's) falls within ``outer`` (a figure's); either unsaid
        is no objection, either unreadable is."""
        if inner is None or outer is None:
            return True
        try:
            a, b = (read_time(t, self.language, self.published) for t in (inner, outer))
        except Unreadable:
            return False
        return b.start <= a.start and a.end <= b.end

    def _each(self, figs: list[_Fig]) -> None:
        """'auf 1,2 Billionen Dollar: Das Buch sei 650 Millionen Mal verkauft worden, je 20 Dollar', '500 employees
        got $2,000 each': an amount of money marked as each one's ('je', 'each', 'chacun') right after a count (a
        number of times, of people) is the amount per thing counted; the sentence's one other amount in that
        currency is their product, the total (none, or two: which one is not said), when it comes before the count
        and a colon stands between them (what follows explains it) or its words meet theirs ('a bonus pool …
        went to 500 employees'); 'revenue was $3 billion; it hired 500 employees at $2,000 each' proposes nothing."""
        if len(figs) > 40:
            return  # a list of dozens of amounts: which one is the total is not said
        for n, fig in enumerate(figs):
            m = fig.measure
            if not n or m is None or m.per is not None or m.unit is None or len(m.unit) != 3 or fig.percent or \
                    not self.level(fig) or not self.marked_each(fig):
                continue
            count = figs[n - 1]
            cm = count.measure
            if cm is None or cm.per is not None or count.percent or count.factor or not (
                    KINDS.get(cm.unit or "") == "count" and self.level(count) or cm.unit == "times" and
                    self.times_counted(count)):
                continue
            totals = [f for f in figs if f is not fig and f is not count and f.measure is not None and
                      f.measure.unit == m.unit and f.measure.per is None and f.measure.period == m.period and
                      not f.percent and self.level(f)]
            words = fig.stems | fig.context | count.stems | count.context
            if len(totals) == 1 and totals[0].index < count.index and (
                    any(self.toks[k].word == ":" for k in range(totals[0].last, count.first)) or
                    (totals[0].stems | totals[0].context) & words):
                self.out.relations.append(PerUnit(total=totals[0].id, count=count.id, each=fig.id))

    def _over_the_year(self, sentence: int, figs: list[_Fig]) -> None:
        """'Les actes antisémites ont connu une hausse de 1000 % en 2023', with the references the request sends for
        what it counts in 2022 and in 2023: a change stated alone in its sentence (no other figure; one time, a
        year; no word comparing it with anything else: 'par rapport à', 'since', 'bislang') is the change over that
        year, from the year before; the two references with its labels (its subject, metric and scope together),
        one for each year, are its ends. Several for one year: which one is not said."""
        if len(figs) != 1 or not self.references:
            return
        fig = figs[0]
        if fig.share or self.level(fig) or fig.time is None or \
                self.marks.get(sentence, set()) & {"since", "then", "now", "order", "elapsed", "more", "less"}:
            return
        if self.yearly is None:  # worked out once: the references for a year, and the times of each sentence
            self.yearly = [(r.id, span, self.bag(r)) for r in self.references
                           if isinstance(r, Quantity | Share) and r.time and (span := self.year(r.time))]
            for a, _, printed in self.times:
                self.sentence_times.setdefault(self.toks[a].sentence, []).append((a, printed))
            self.by_id = {c.id: c for c in self.out.claims}
        times = self.sentence_times.get(sentence, [])
        if len(times) != 1 or times[0][1] != fig.time or times[0][0] in self.unread:
            return
        year = self.year(fig.time)
        claim = self.by_id.get(fig.id)
        if year is None or not isinstance(claim, Quantity):
            return
        bag = self.bag(claim)
        ends: dict[bool, list[str]] = {True: [], False: []}  # the year's references, the year before's
        for ref, span, words in self.yearly:
            if (span == year or span[1] == year[0]) and words == bag and bag:
                ends[span == year].append(ref)
        if len(ends[True]) == 1 and len(ends[False]) == 1:
            self.out.relations.append(Change(before=ends[False][0], after=ends[True][0], change=fig.id))

    def year(self, printed: str) -> tuple[dt.date, dt.date] | None:
        """The year ``printed`` reads as, [start, end); None for any other time, or one not read."""
        try:
            span = read_time(printed, self.language, self.published)
        except Unreadable:
            return None
        return (span.start, span.end) if span.grain == "year" and span.modifier is None else None

    def bag(self, claim: Quantity | Share) -> frozenset[str]:
        """The stems of a claim's subject, metric and scope together (where the words fall is a labeller's choice),
        its generic words left out: 'nombre' with 'actes antisémites' names what 'actes antisémites' does."""
        words = " ".join(key(x, self.lang) for x in (claim.subject, claim.metric, claim.scope)).split()
        return frozenset(words) - self.cues.generic

    def times_counted(self, fig: _Fig) -> bool:
        """'650 Millionen Mal verkauft': a number of times something happened, not a factor ('20 Mal mehr', '3 times
        as much'): no direction or comparison word in it or right after it."""
        k = fig.last
        if k < len(self.toks) and (self.is_cue(k, "more") or self.is_cue(k, "less") or (
                (moved := self.movement(self.text[fig.start:self.toks[k].end])) and moved.direction)):
            return False
        moved = self.movement(fig.value)
        return moved is not None and not moved.direction

    def marked_each(self, fig: _Fig) -> bool:
        """An 'each' cue right before the figure ('je 20 Dollar'), or right after it at the end of its clause
        ('$20 each.', '20 euros chacun,'; not '$20 each year')."""
        if self.cue_before(fig.first, "each", 1) is not None:
            return True
        k = fig.last
        size = self.is_cue(k, "each") if k < len(self.toks) else 0
        if not size:
            return False
        after = k + size
        return after >= len(self.toks) or self.toks[after].clause != self.toks[k].clause or \
            self.toks[after].word in self.cues.marks or self.toks[after].word in _SENTENCE_END

    def subjects(self) -> None:
        """Each figure's claim is given the actor it is about as its subject (``rules.extract.actors``)."""
        found = subjects(self)
        if not found:
            return
        actor = self.subject_of = {f.id: found[f.first] for f in self.figs if f.first in found}
        self.out.claims = [msgspec.structs.replace(c, subject=actor[c.id]) if c.id in actor and
                           isinstance(c, Quantity | Share) and not c.subject else c for c in self.out.claims]

    # -- events and roles ------------------------------------------------------------------------------------------
    def _unread(self, printed: str) -> bool:
        return any(self.times[k][2] == printed for k in range(len(self.times)) if self.times[k][0] in self.unread)

    def events(self) -> None:
        figure_sentences = {self.toks[f.first].sentence for f in self.figs}
        for a, b, printed in self.times:
            sentence = self.toks[a].sentence
            if sentence in figure_sentences or a in self.unread:
                continue
            marks = self.marks.get(sentence, set())
            tense = "future" if "future" in marks else "past" if "past" in marks else None
            if tense is None:
                continue
            modality = "expected" if "expected" in marks else "planned" if "planned" in marks else "asserted"
            clause = self.toks[a].clause
            what = [j for j in range(max(a - 8, 0), a) if self.toks[j].clause == clause and self.content(j)]
            if not what:
                continue
            self.out.claims.append(Event(
                id=self._id(), what=self.printed(what)[:300], time=printed, tense=tense, modality=modality,
                sentence=self.sentence_text(sentence, self.toks[a].start, self.toks[b - 1].end),
                span=(self.toks[a].start, self.toks[b - 1].end), extracted=True))

    def roles(self) -> None:
        toks, n = self.toks, len(self.toks)
        for i, cue in enumerate(self._cue):
            size = cue[0] if cue and "roles" in cue[1] else 0
            if not size:
                continue
            status, j = None, i + size
            if i and (self.is_cue(i - 1, "former") or self.is_cue(i - 1, "current")):
                status = "former" if self.is_cue(i - 1, "former") else "current"
            elif j < n and (self.is_cue(j, "former") or self.is_cue(j, "current")):
                status = "former" if self.is_cue(j, "former") else "current"
                j += 1
            if status is None or j >= n or toks[j].sentence != toks[i].sentence or not toks[j].word[:1].isalpha():
                continue
            person = [j]
            if self.lang != "ar":
                if not _CAPITAL.match(toks[j].raw):
                    continue
                while len(person) < 3 and person[-1] + 1 < n and _CAPITAL.match(toks[person[-1] + 1].raw):
                    person.append(person[-1] + 1)
            start = toks[min(i, i - 1 if status and i and self.is_cue(i - 1, status) else i)].start
            self.out.claims.append(Role(
                id=self._id(), person=self.printed(person), role=self.printed(list(range(i, i + size))),
                status=status, sentence=self.sentence_text(toks[i].sentence, start, toks[person[-1]].end),
                span=(start, toks[person[-1]].end), extracted=True))

    def untimed(self) -> None:
        """Events and roles no time opens (``rules.extract.events``): an office held now or before by the one who
        leads it, a law passed with no date; every event's actor; the headline's event restated in the body."""
        self.out.claims = [*self.out.claims, *office_roles(self), *law_events(self)]
        events = event_subjects(self, [c for c in self.out.claims if isinstance(c, Event)])
        by_id = {e.id: e for e in events}
        self.out.claims = [by_id.get(c.id, c) for c in self.out.claims]
        self.out.relations.extend(restated_headline(self, events))

    def run(self) -> Extraction:
        self.tokenize()
        self.scan_times()
        self.names()
        self.scan_figures()
        self.shared_tail()
        self.ranges()
        self.levels_reached()
        self.claims()
        self.named_by_references()
        self.subjects()
        self.relations()
        self.events()
        self.roles()
        self.untimed()
        self.out.found.sort(key=lambda f: f.start)
        return self.out


def with_text(request: CheckRequest) -> tuple[CheckRequest, list[Relation], list[Problem]]:
    """``request`` with the claims and relations its ``text`` gives joined to its own (extracted ids skip the
    request's), the relations proposed, and the problems: a language extraction does not read, a text with no
    figure, a figure that could not be read. Never raises for what a client sends."""
    if not request.text:
        return request, [], []
    doc = request.document
    try:
        found = extract(request.text, doc.language, doc.published,
                        taken=frozenset(c.id for c in (*request.claims, *request.references)),
                        references=request.references)
    except Unsupported as exc:
        return request, [], [problem(doc.language, "unsupported_language", N_(
            "extraction reads text in {languages}; not '{language}': the text was not read (its claims may still be "
            "sent as claims)"), field="document.language", languages=", ".join(LANGUAGES), language=exc.language)]
    except Crowded as exc:
        return request, [], [crowded(doc.language, exc)]
    problems = list(found.problems)
    if not any(f.kind == "figure" for f in found.found):
        problems.append(problem(doc.language, "no_figures", N_(
            "no figure was found in the text; nothing from it was checked"), field="text"))
    room = max(0, MAX_CLAIMS - len(request.claims))
    claims = found.claims[:room]
    if len(found.claims) > room:
        problems.append(problem(doc.language, "too_many_claims", N_(
            "the text gives {count} claims; {added} were added (a request holds {most})"), field="text",
            count=len(found.claims), added=room, most=MAX_CLAIMS))
    kept = {c.id for c in (*claims, *request.references)}
    relations = [r for r in found.relations if all(i in kept for i in _relation_ids(r))]
    relations = relations[:max(0, MAX_RELATIONS - len(request.relations))]
    return msgspec.structs.replace(request, claims=[*request.claims, *claims],
                                   relations=[*request.relations, *relations]), relations, problems


def crowded(language: str, exc: Crowded) -> Problem:
    """The problem that says why a crowded text was not read."""
    if exc.code == "too_many_figures":
        return problem(language, exc.code, N_(
            "the text holds more than {most} figures (by character {where}); it was not read: send it in parts"),
            field="text", most=exc.most, where=exc.where)
    return problem(language, exc.code, N_(
        "the text holds more than {most} words that may be dates (by character {where}); it was not read: send it "
        "in parts"), field="text", most=exc.most, where=exc.where)


def _relation_ids(relation: Relation) -> list[str]:
    out: list[str] = []
    for name in relation.__struct_fields__:
        value = getattr(relation, name)
        if isinstance(value, list):
            out += value
        elif isinstance(value, str) and name not in ("gap", "times"):
            out.append(value)
    return out
