"""Read a time expression as printed — "بحلول أيلول 2025", "the third quarter of 2025", "منذ عامين", "15 رمضان
1446 هـ" — into a ``TimeSpan``: the half-open interval [start, end) it names, its grain, its calendar and a
modifier in the spirit of TIMEX3.

What is read (words from ``rules.normalise.timewords``: CLDR, hijridate and ``data/time/<lang>.toml``):
- ISO 8601 dates, months and date intervals ("2025-01-20", "2025-09", "2021-01-20/2025-01-20", "2025-01-20/" open);
  numeric dates in the locale's order ("20/01/2025", "1/20/2025", "20.01.2025"; when only one order gives a
  valid date, that one);
- a year, a month and year, a day month and year in any regional series and with Arabic-Indic digits; a quarter
  ("Q3 2025", "الربع الثالث من 2025", "3e trimestre 2025"), a half ("H1 2025", "النصف الأول من 2025"), a decade
  ("the 1990s", "die 1990er", "تسعينيات القرن العشرين");
- Hijri dates, months and years ("15 رمضان 1446 هـ", "1446 هـ"), converted with hijridate (Umm al-Qura, 1343–1500
  AH); in an Arabic document a bare year in that range is ambiguous and is not guessed;
- two times joined as a range ("2021–2025", "من يناير إلى مارس 2025", "between 2020 and 2022") or as two
  namings of one time, which must agree ("15 رمضان 1446 هـ الموافق 15 مارس 2025");
- modifiers: by (on or before), before, after, since (on or after), approximately; early / mid / late narrow the
  period to its first, middle or last half;
- relative times ("last year", "العام الماضي", "منذ عامين", "in three months", "خلال العامين الماضيين",
  "سبتمبر الماضي", "earlier this year"), anchored on the publication date — never on the clock; without it they are
  ``Unreadable("needs_publication_date")``.

Nothing is guessed: a word that is not a time word, a year without its calendar, a day without a month, a
relative time without a publication date are ``Unreadable`` with a stable code and a reason. Inputs are bounded:
300 characters, 40 words, numbers of at most 4 digits, years 1000–2999, counts up to 1000.

``read_duration`` reads a duration ("two months", "10-year-old", "نحو عشر سنوات") as a range of days.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from fractions import Fraction
from typing import Any

import tomllib
from importlib.resources import files

from hijridate import Hijri

from babel.dates import get_day_names

from rules.messages import C_, N_, translate
from rules.model import Amount, TimeReading
from rules.normalise.timewords import TimeWords, time_words
from rules.normalise.errors import Unreadable
from rules.normalise.values import MAX_TEXT
from rules.text import digits, fold

__all__ = ["DAYS", "OPEN", "Duration", "TimeSpan", "read_duration", "read_time"]

#: The end of an open interval ("2025-01-20/": from that day on).
OPEN = dt.date.max
MAX_WORDS = 40
MAX_COUNT = 1000
YEARS = (1000, 2999)
HIJRI_YEARS = (1343, 1500)
#: Days a unit may last: a month is 28–31 days, a year 365–366.
DAYS: dict[str, tuple[int, int]] = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "quarter": (89, 92),
                                    "half": (181, 184), "year": (365, 366), "decade": (3652, 3653)}
_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}
GRAINS = ("day", "week", "month", "quarter", "half", "year", "decade")
RELATIONS = ("by", "before", "after", "since", "approximately")
_ONE = dt.timedelta(days=1)

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$")
_ISO_INTERVAL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})?\s*$")
#: an open interval from a year or a month: '2006/', '2006-01/' (from then on, not that year or month alone)
_ISO_OPEN = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*/\s*$")
_WORD = r"(?:[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED])+"
_TOKEN = re.compile(rf"(?P<num>[0-9]+)|(?P<word>{_WORD})|(?P<sym>\S)")
_DASHES = set("-‐‑‒–—―")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENDS_BEFORE = N_("'{text}' ends before it starts")
NOT_A_DATE = N_("'{text}' is not a calendar date")
OUTSIDE_YEARS = N_("{year} is outside the years {first}–{last}")
TOO_MANY_WORDS = N_("a time expression has at most {count} words")
EMPTY = N_("the time expression is empty")
NO_COUNT = N_("'{text}' gives no count ('{word}'); it is not read as one")
BAD_COUNT = N_("a count of {count} units is not read (1–{most})")
NO_SUCH_PART = N_("'{text}': there is no {unit} {number} in a year")
#: The periods as words people read.
_PERIODS = {"day": C_("period", "day"), "week": C_("period", "week"), "month": C_("period", "month"),
            "quarter": C_("period", "quarter"), "half": C_("period", "half"), "year": C_("period", "year"),
            "decade": C_("period", "decade")}


def _period(unit: str) -> Callable[[str], str] | str:
    """A period (``month``, ``quarter``) as a message's value: said in the message's language."""
    word = _PERIODS.get(unit)
    return unit if word is None else (lambda lang: translate(word, lang))
TWO_MODIFIERS = N_("'{text}' has two modifiers: {modifiers}")


def _weekday(day: int) -> Callable[[str], str]:
    """A day of the week (0 is Monday) as a message's value: CLDR's name in the message's language."""
    return lambda lang: _WEEKDAYS[day] if lang == "en" else str(get_day_names("wide", locale=lang)[day])
#: Fiscal-year conventions by territory (data/fiscal.toml): the month the state's year starts in.
FISCAL: dict[str, tuple[int]] = {
    t: (int(c["start"]),)
    for t, c in tomllib.loads(files("rules.normalise").joinpath("data/fiscal.toml").read_text("utf-8")).items()}


# -- the reading ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time as read: [start, end) (``end`` is ``OPEN`` for an open interval), its grain and modifier."""

    text: str
    start: dt.date
    end: dt.date  # exclusive
    grain: str
    modifier: str | None = None
    calendar: str = "gregorian"
    anchor: dt.date | None = None  # the publication date a relative expression was read from

    @property
    def last(self) -> dt.date:
        return self.end - _ONE

    @property
    def open(self) -> bool:
        return self.end == OPEN

    def window(self) -> tuple[dt.date | None, dt.date | None]:
        """The days on which what it dates may fall, both ends included; None is unbounded. 'By 2025' is up
        to 2025-12-31; 'after 2024' from 2025-01-01; 'about 2020' one unit of the grain either side."""
        lo: dt.date | None = self.start
        hi: dt.date | None = None if self.open else self.last
        match self.modifier:
            case "by":
                return None, hi
            case "before":
                return None, _safe(lambda: self.start - _ONE)
            case "after":
                return (None if hi is None else _safe(lambda: hi + _ONE)), None
            case "since":
                return lo, None
            case "approximately":
                unit, n = ("day", 3) if self.grain == "day" else (self.grain, 1)
                return _safe(lambda: _shift(self.start, unit, -n)), \
                    None if hi is None else _safe(lambda: _shift(self.end, unit, n) - _ONE)
        return lo, hi

    def edges(self) -> tuple[dt.date | None, dt.date | None]:
        """The latest day it may begin on and the earliest day it may end on, at its grain: '2021–2025' (years)
        may begin as late as 2021-12-31 and end as early as 2025-01-01; a day-grain interval's own first and last
        days. None for an open end."""
        lo, hi = self.window()
        begun = None if lo is None else _safe(lambda: _shift(lo, self.grain, 1) - _ONE)
        ended = None if hi is None else _safe(lambda: _shift(hi + _ONE, self.grain, -1))
        return begun, ended

    def describe(self) -> str:
        """The interval as ISO dates: '2025-09-01 – 2025-09-30', '2024-04-24', '2025-01-20 –'."""
        return span_text(self.start, None if self.open else self.last)

    def reading(self) -> TimeReading:
        return TimeReading(text=self.text, start=self.start, end=None if self.open else self.end,
                           grain=self.grain, modifier=self.modifier, calendar=self.calendar,  # type: ignore[arg-type]
                           anchor=self.anchor)


def span_text(lo: dt.date | None, hi: dt.date | None) -> str:
    """Both ends included; an open end is left blank: '2025-01-20 – 2025-09-30', '– 2025-09-30'."""
    if lo is not None and lo == hi:
        return lo.isoformat()
    return f"{lo.isoformat() if lo else ''} – {hi.isoformat() if hi else ''}".strip()


def read_time(text: str, language: str, published: dt.date | None = None,
              fiscal: tuple[int, str] | None = None) -> TimeSpan:
    """Read ``text`` in ``language``; relative expressions are anchored on ``published``; fiscal years by
    ``fiscal`` (the month the fiscal year starts in, and whether a year is named by the calendar year it starts or
    ends in), else by the territory's state convention (``data/fiscal.toml``). Raises ``Unreadable``."""
    if len(text) > MAX_TEXT:
        raise Unreadable("too_long", N_("the time expression is longer than {count} characters"), count=MAX_TEXT)
    return _read_time(text, language, published, fiscal)


@lru_cache(maxsize=8192)
def _read_time(text: str, language: str, published: dt.date | None,
               fiscal: tuple[int, str] | None = None) -> TimeSpan:
    """``read_time``, remembered: an article repeats its times ("by 2025"), and a reading is a frozen value."""
    plain = digits(text)
    try:
        iso = _iso(text, plain)
        if iso is not None:
            _bounded(text, iso.start, iso.end)
            return iso
        words = time_words(language)
        reader = _Reader(words, published, fiscal)
        span = reader.read(_atoms(plain, words))
    except Unreadable:
        raise
    except (ValueError, OverflowError):
        raise Unreadable("out_of_range", N_("'{text}' names a date outside the calendar"), text=text) from None
    _bounded(text, span.start, span.end)
    return TimeSpan(text, span.start, span.end, span.grain, span.modifier, span.calendar,
                    published if reader.anchored else None)


def _bounded(text: str, start: dt.date, end: dt.date) -> None:
    if start.year < YEARS[0] or (end != OPEN and end.year > YEARS[1] + 1):
        raise Unreadable("year_range", N_("'{text}' is outside the years {first}–{last}"), text=text,
                         first=YEARS[0], last=YEARS[1])


def _iso(text: str, plain: str) -> TimeSpan | None:
    interval = _ISO_INTERVAL.match(plain)
    if interval:
        try:
            start = dt.date.fromisoformat(interval[1])
            end = dt.date.fromisoformat(interval[2]) + _ONE if interval[2] else OPEN
        except ValueError:
            raise Unreadable("bad_date", N_("'{text}' is not an ISO 8601 interval of dates"), text=text) from None
        if end <= start:
            raise Unreadable("bad_range", ENDS_BEFORE, text=text)
        return TimeSpan(text, start, end, "day")
    opened = _ISO_OPEN.match(plain)
    if opened:
        month = int(opened[2] or 1)
        if not 1 <= month <= 12:
            raise Unreadable("bad_date", N_("'{text}' is not an ISO 8601 month"), text=text)
        return TimeSpan(text, dt.date(int(opened[1]), month, 1), OPEN, "month" if opened[2] else "year")
    iso = _ISO.match(plain)
    if iso and not iso[3] and int(iso[2]) > 12:
        return None  # '2013-14': a split year, not a month
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), iso[3]
        try:
            if day:
                start = dt.date(year, month, int(day))
                return TimeSpan(text, start, start + _ONE, "day")
            return TimeSpan(text, dt.date(year, month, 1), _add_months(dt.date(year, month, 1), 1), "month")
        except ValueError:
            raise Unreadable("bad_date", NOT_A_DATE, text=text) from None
    return None


# -- calendar arithmetic ----------------------------------------------------------------------------------------
def _safe(make: Any) -> dt.date | None:
    try:
        return make()
    except (OverflowError, ValueError):
        return None


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (a month from 31 January is the last day of February)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(days=7 * n)
    return _add_months(d, n * _MONTHS[unit])


def _unit_span(d: dt.date, unit: str, offset: int, week_start: int) -> tuple[dt.date, dt.date]:
    """The calendar unit containing ``d``, moved by ``offset`` units: last year, this quarter, next week."""
    if unit == "day":
        start = d + dt.timedelta(days=offset)
        return start, start + _ONE
    if unit == "week":
        start = d - dt.timedelta(days=(d.weekday() - week_start) % 7) + dt.timedelta(days=7 * offset)
        return start, start + dt.timedelta(days=7)
    size = _MONTHS[unit]
    index = (d.year * 12 + d.month - 1) // size * size + offset * size
    start = dt.date(index // 12, index % 12 + 1, 1)
    return start, _add_months(start, size)


def _narrow(start: dt.date, end: dt.date, how: str) -> tuple[dt.date, dt.date]:
    """Early / mid / late: the first, middle or last half of [start, end) — whole months for years and decades."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if start.day == 1 and end.day == 1 and months and months % 4 == 0:
        half, quarter = months // 2, months // 4
        return {"start": (start, _add_months(start, half)), "end": (_add_months(start, months - half), end),
                "mid": (_add_months(start, quarter), _add_months(start, months - quarter))}[how]
    days = (end - start).days
    half_days, quarter_days = dt.timedelta(days=-(-days // 2)), dt.timedelta(days=days // 4)
    return {"start": (start, start + half_days), "end": (end - half_days, end),
            "mid": (start + quarter_days, end - quarter_days)}[how]


def _hijri(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if not HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        raise Unreadable("hijri_range", N_("Hijri year {year} is outside the Umm al-Qura calendar ({first}–{last} "
                                           "AH)"), year=year, first=HIJRI_YEARS[0], last=HIJRI_YEARS[1])

    def greg(y: int, m: int, d: int) -> dt.date:
        g = Hijri(y, m, d).to_gregorian()
        return dt.date(g.year, g.month, g.day)

    try:
        if day is not None:
            start = greg(year, month or 1, day)
            return start, start + _ONE
        if month is not None:
            start = greg(year, month, 1)
            return start, start + dt.timedelta(days=Hijri(year, month, 1).month_length())
        start = greg(year, 1, 1)
        last = Hijri(year, 12, 1)
        return start, greg(year, 12, 1) + dt.timedelta(days=last.month_length())
    except ValueError:
        raise Unreadable("bad_date", N_("{date} AH is not a date of the Umm al-Qura calendar"),
                         date=f"{day}/{month}/{year}") from None


# -- words ------------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Atom:
    text: str  # as printed
    kind: str  # "num", "sep" or "word"
    num: int = 0
    width: int = 0
    read: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.kind} {self.text!r} {self.read or ''}>"


def _atoms(plain: str, words: TimeWords) -> list[_Atom]:
    raw: list[tuple[str, str, int, int]] = []
    for m in _TOKEN.finditer(plain):
        if m.lastgroup == "num":
            raw.append(("num", "#", m.start(), m.end()))
        elif m.lastgroup == "word":
            folded = fold(m.group())
            if folded:
                raw.append(("word", folded, m.start(), m.end()))
        elif m.group() in _DASHES or m.group() in "/.":
            raw.append(("sep", "-" if m.group() in _DASHES else m.group(), m.start(), m.end()))
        elif fold(m.group()):
            raw.append(("word", fold(m.group()), m.start(), m.end()))
    if len(raw) > 2 * MAX_WORDS:
        raise Unreadable("too_many_words", TOO_MANY_WORDS, count=MAX_WORDS)
    # a dot separates only numbers (20.01.2025); elsewhere it ends an abbreviation ("Sept.", "20. Januar")
    raw = [r for n, r in enumerate(raw) if r[1] != "." or r[0] != "sep" or
           (0 < n < len(raw) - 1 and raw[n - 1][0] == "num" and raw[n + 1][0] == "num")]
    index = [n for n, r in enumerate(raw) if r[0] != "sep"]
    if len(index) > MAX_WORDS:
        raise Unreadable("too_many_words", TOO_MANY_WORDS, count=MAX_WORDS)
    if not index:
        raise Unreadable("empty", EMPTY)
    folded = [raw[n][1] for n in index]
    placed: list[tuple[int, int, _Atom]] = []
    j = 0
    while j < len(index):
        kind, _, start, end = raw[index[j]]
        if kind == "num":
            text = plain[start:end]
            if len(text) > 4:
                raise Unreadable("bad_number", N_("'{text}' is neither a day, a count nor a year"), text=text)
            placed.append((index[j], index[j], _Atom(text, "num", num=int(text), width=len(text))))
            j += 1
            continue
        hit = _match(words, folded, j)
        if hit is None:
            raise Unreadable("unknown_word", N_("'{text}' is not read as part of a time expression"),
                             text=plain[start:end])
        n, entries = hit
        read: dict[str, Any] = {}
        for category, value in entries:
            read.setdefault(category, value)
        last = index[j + n - 1]
        placed.append((index[j], last, _Atom(plain[start:raw[last][3]], "word", read=read)))
        j += n
    atoms: list[_Atom] = []
    for k, (first, _, atom) in enumerate(placed):
        if k:
            seps = [raw[n][1] for n in range(placed[k - 1][1] + 1, first) if raw[n][0] == "sep"]
            if seps:
                atoms.append(_Atom(seps[0], "sep"))
        atoms.append(atom)
    return atoms


def _match(words: TimeWords, folded: list[str], j: int) -> tuple[int, list[tuple[str, object]]] | None:
    hit = words.lex.match(folded, j)
    if hit is None and words.lex.arabic and len(folded[j]) > 2:
        word = folded[j]
        other = word[2:] if word.startswith("ال") and len(word) > 4 else "ال" + word
        hit = words.lex.match([*folded[:j], other, *folded[j + 1:]], j)
    return hit


# -- the grammar ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Span:
    start: dt.date
    end: dt.date
    grain: str
    calendar: str = "gregorian"
    modifier: str | None = None
    year: int | None = None  # in its calendar, for the other end of a range to borrow
    month: int | None = None


class _Reader:
    def __init__(self, words: TimeWords, published: dt.date | None, fiscal: tuple[int, str] | None = None):
        self.words = words
        self.published = published
        self.fiscal = fiscal  # the request's fiscal-year convention: (first month, "start" | "end")
        self.anchored = False

    def anchor(self, what: str) -> dt.date:
        if self.published is None:
            raise Unreadable("needs_publication_date",
                             N_("'{text}' is relative: it is read from the document's publication date, which the "
                                "request does not give"), text=what)
        self.anchored = True
        return self.published

    # -- two times: one time named twice, or a range
    def read(self, atoms: list[_Atom]) -> _Span:
        atoms = _split_years(atoms)
        for k, atom in enumerate(atoms):
            if atom.read.get("range") == "equals" and 0 < k < len(atoms) - 1:
                left, right = atoms[:k], atoms[k + 1:]
                for day, date in ((left, right), (right, left)):
                    if all("weekday" in a.read or "filler" in a.read or a.kind == "sep" for a in day):
                        return self.point(date + day)  # 'الأربعاء الموافق 13 شباط 2013': the weekday must fit
                return self._same(left, right)
        return self._ending(atoms) or self._range_or_point(atoms)

    def _ending(self, atoms: list[_Atom]) -> _Span | None:
        """'the year to June 2023', 'the 12 months ended 31 March 2024', 'للسنة المنتهية في 31 ديسمبر 2023': a
        period counted back from where it ends (July 2022 – June 2023), not the calendar year it ends in."""
        for k, atom in enumerate(atoms):
            how = atom.read.get("range")
            if how not in ("ending", "to") or not 0 < k < len(atoms) - 1:
                continue
            left = [a for a in atoms[:k] if a.kind != "sep"]
            units = [a for a in left if "unit" in a.read or "dual" in a.read] or \
                [a for a in left if "fiscal" in a.read]  # 'the fiscal year ended 30 June 2023', 'l'exercice clos le'
            counts = [a for a in left if "number" in a.read or "dual" in a.read or (a.kind == "num" and a.width <= 3)]
            plain = all(a in units or a in counts or {"filler", "fiscal"} & a.read.keys() for a in left)
            if not units or not plain:
                if how == "ending":
                    raise Unreadable("unknown_word", N_("'{text}': '{word}' names no period that ends (the year, "
                                                        "the 12 months, the quarter)"), text=_text(atoms),
                                     word=atom.text)
                continue
            names = {a.read.get("unit") or a.read.get("dual") or "year" for a in units}
            if len(names) > 1 or len(counts) > 1:
                raise Unreadable("two_units", N_("'{text}' names more than one period"), text=_text(atoms))
            unit = str(names.pop())
            n = 1
            if counts:
                c = counts[0]
                n = 2 if "dual" in c.read and "number" not in c.read else int(c.read.get("number", c.num))
            elif any("plural" in a.read for a in units):
                raise Unreadable("vague", NO_COUNT, text=_text(atoms), word=units[0].text)
            if unit not in _MONTHS and unit not in ("day", "week") or not 0 < n <= MAX_COUNT:
                raise Unreadable("bad_count", N_("'{text}': a period of {count} {unit} is not read"),
                                 text=_text(atoms), count=n, unit=_period(unit))
            end = self.point(atoms[k + 1:])
            if end.modifier is not None:
                raise Unreadable("modified_range", N_("'{text}': a period whose end carries 'by', 'before' or "
                                                      "'after' is not read"), text=_text(atoms))
            return _Span(_shift(end.end, unit, -n), end.end, end.grain, end.calendar)
        return None

    def _same(self, left: list[_Atom], right: list[_Atom]) -> _Span:
        a, b = self._range_or_point(left), self._range_or_point(right)
        if not (a.start < b.end and b.start < a.end):
            raise Unreadable("dates_disagree", N_("'{a}' is {a_dates} but '{b}' is {b_dates}: the two namings of "
                                                  "one date disagree"), a=_text(left),
                             a_dates=span_text(a.start, a.end - _ONE), b=_text(right),
                             b_dates=span_text(b.start, b.end - _ONE))
        return min((a, b), key=lambda s: (s.end - s.start))

    def _range_or_point(self, atoms: list[_Atom]) -> _Span:
        try:
            return self.point(atoms)
        except Unreadable as exc:
            error = exc
        lead = 1 if atoms and atoms[0].read.get("range") == "from" else 0
        for k in range(lead + 1, len(atoms) - 1):
            atom = atoms[k]
            joins = (atom.kind == "sep" and atom.text in "-/") or atom.read.get("range") == "to" or \
                (lead and atom.read.get("range") == "and")
            if not joins:
                continue
            try:
                right = self.point(atoms[k + 1:])
                left = self.point(atoms[lead:k], borrow=right)
            except Unreadable:
                continue
            if left.modifier in RELATIONS or right.modifier in RELATIONS:
                raise Unreadable("modified_range", N_("'{text}': a range whose ends carry 'by', 'before' or "
                                                      "'after' is not read; send the two times apart"),
                                 text=_text(atoms))
            if left.start >= right.end:
                raise Unreadable("bad_range", ENDS_BEFORE, text=_text(atoms))
            if (left.start, left.end) == (right.start, right.end):
                return right  # one time named twice: "أيلول/سبتمبر 2025"
            grain = min(left.grain, right.grain, key=GRAINS.index)
            return _Span(left.start, right.end, grain, right.calendar)
        raise error

    # -- one time
    def point(self, atoms: list[_Atom], borrow: _Span | None = None) -> _Span:
        if not atoms:
            raise Unreadable("empty", EMPTY)
        anchored = self.anchored
        try:
            p = _Point(self, atoms)
            span = p.read(borrow)
            p.finish(span)
        except Unreadable:
            self.anchored = anchored  # a reading tried and given up does not count
            raise
        return span


class _Point:
    """One time, from its atoms: which atom plays which part is decided by what else is there."""

    def __init__(self, reader: _Reader, atoms: list[_Atom]):
        self.r = reader
        self.atoms = atoms
        self.used: set[int] = set()
        self.words = [a for a in atoms if a.kind == "word"]
        self.categories = {c for a in self.words for c in a.read}  # what any of its words is read as

    def use(self, *atoms: _Atom | None) -> None:
        self.used.update(id(a) for a in atoms if a is not None)

    def having(self, category: str, value: object = None) -> list[_Atom]:
        if category not in self.categories:  # most categories asked for (about twenty a reading): no word has it
            return []
        return [a for a in self.words if category in a.read and (value is None or a.read[category] == value)
                and id(a) not in self.used]

    def free_numbers(self) -> list[_Atom]:
        return [a for a in self.atoms if a.kind == "num" and id(a) not in self.used]

    # -- which frame
    def read(self, borrow: _Span | None) -> _Span:
        numeric = self.numeric_date()
        years = [a for a in self.free_numbers() if a.width == 4]
        units = self.having("unit") + self.having("dual")
        months = [a for a in self.having("month") if not ("number" in a.read and units and not years)]
        hmonths = self.having("hmonth")
        if numeric is not None:
            self.weekday(numeric)  # '2026-01-20 - الثلاثاء'
            return numeric
        if not years and borrow is None:
            if months or hmonths:
                span = self.relative_unit(units) or self.relative_name()
            else:
                span = self.counted(units) or self.relative_unit(units) or self.relative_name() or self.decade(None)
            if span is not None:
                return span
        return self.absolute(years, months, hmonths, units, borrow)

    def numeric_date(self) -> _Span | None:
        if self.having("abbr") or self.having("unit") or self.having("ordinal") or self.having("quarter"):
            return None
        a = self.atoms
        order = self.r.words.order
        for i in range(len(a) - 2):
            if not (a[i].kind == "num" and a[i + 1].kind == "sep" and a[i + 2].kind == "num"):
                continue
            if i + 4 < len(a) and a[i + 3].kind == "sep" and a[i + 4].kind == "num" and a[i + 3].text == a[i + 1].text:
                x, y, z = a[i], a[i + 2], a[i + 4]
                self.use(*a[i:i + 5])
                if x.width == 4:
                    return self.day(x.num, y.num, z.num)
                if z.width != 4:
                    raise Unreadable("two_digit_year", N_("'{text}': write the year with four digits"),
                                     text=_text(a[i:i + 5]))
                first = (x.num, y.num) if order.index("d") < order.index("m") else (y.num, x.num)
                options = [o for o in (first, first[::-1]) if 1 <= o[1] <= 12 and 1 <= o[0] <= 31]
                if not options:
                    raise Unreadable("bad_date", NOT_A_DATE, text=_text(a[i:i + 5]))
                day, month = options[0]
                return self.day(z.num, month, day)
            x, y = a[i], a[i + 2]
            if a[i + 1].text in "/-." and {x.width, y.width} in ({4, 1}, {4, 2}):
                year, month = (x.num, y.num) if x.width == 4 else (y.num, x.num)
                if not 1 <= month <= 12:
                    return None
                self.use(*a[i:i + 3])
                start = dt.date(year, month, 1)
                return _Span(start, _add_months(start, 1), "month", year=year, month=month)
        return None

    def day(self, year: int, month: int, day: int) -> _Span:
        try:
            start = dt.date(year, month, day)
        except ValueError:
            raise Unreadable("bad_date", N_("{date} is not a calendar date"),
                             date=f"{year:04d}-{month:02d}-{day:02d}") from None
        return _Span(start, start + _ONE, "day", year=year, month=month)

    def count(self) -> tuple[int, list[_Atom]] | None:
        found: list[tuple[int, _Atom]] = [(2, a) for a in self.having("dual")]
        found += [(int(a.read["number"]), a) for a in self.having("number")]
        found += [(a.num, a) for a in self.free_numbers() if a.width <= 3]
        if not found:
            return None
        if len(found) > 1:
            raise Unreadable("two_counts", N_("'{text}' has more than one count"), text=_text(self.atoms))
        n, atom = found[0]
        if not 0 < n <= MAX_COUNT:
            raise Unreadable("bad_count", BAD_COUNT, count=n, most=MAX_COUNT)
        return n, [atom]

    def unit_of(self, units: list[_Atom]) -> tuple[str, _Atom] | None:
        names = {a.read.get("unit") or a.read.get("dual") for a in units}
        if not names:
            return None
        if len(names) > 1:
            raise Unreadable("two_units", N_("'{text}' names more than one unit of time"), text=_text(self.atoms))
        return str(names.pop()), units[0]

    def counted(self, units: list[_Atom]) -> _Span | None:
        """'two years ago', 'in three months', 'within two years', 'the past two years', 'منذ عامين'."""
        rels, rolling = self.having("rel"), self.having("rolling")
        markers = {a.read["marker"]: a for a in self.having("marker")}
        if not units or not (rels or rolling or {"ago", "later", "within"} & markers.keys()):
            return None
        ends = [a for a in self.having("ordinal") if int(a.read["ordinal"]) in (1, -1)]
        last_n = all(int(a.read["ordinal"]) == -1 and "rel" in a.read for a in ends) and len(units) == 1 and \
            not self.having("relative")  # "the last 12 months", not "the last five months of this year"
        if ends and not rolling and not (last_n and self.count()):
            return None  # 'the first five months of this year': a part of the year, not a count back
        counted = self.count()
        if not (counted or rolling or {"ago", "later", "within"} & markers.keys()):
            return None
        unit = self.unit_of(units)
        if unit is None:
            return None
        name, unit_atom = unit
        if counted is None and unit_atom.text.startswith("ال") and "plural" not in unit_atom.read:
            return None  # 'منذ العام الماضي', 'منذ بداية العام': since the year, not a year ago
        direction: int | None = None
        if counted and (rels or rolling):
            direction = int((rolling or rels)[0].read.get("rolling", (rolling or rels)[0].read.get("rel")))
            self.use(*(rolling or rels)[:1])
        elif rolling:
            direction = int(rolling[0].read["rolling"])
            self.use(rolling[0])
        if direction is None and not ({"ago", "later", "within"} & markers.keys()):
            return None
        if counted is None and "plural" in unit_atom.read:
            raise Unreadable("vague", NO_COUNT, text=_text(self.atoms), word=unit_atom.text)
        n, count_atoms = counted or (1, [])
        self.use(unit_atom, *[u for u in units if u is not unit_atom], *count_atoms)
        anchor = self.r.anchor(_text(self.atoms))
        if direction is not None:
            self.use(markers.get("within"))
            if direction < 0:
                return _Span(_shift(anchor, name, -n), anchor + _ONE, name)
            if direction > 0:
                return _Span(anchor, _shift(anchor, name, n) + _ONE, name)
            raise Unreadable("bad_relative", N_("'{text}': 'this' does not take a count"), text=_text(self.atoms))
        for marker, sign in (("ago", -1), ("later", 1)):
            if marker in markers:
                self.use(markers[marker])
                start, end = _unit_span(anchor, name, sign * n, self.r.words.week_start)
                return _Span(start, end, name)
        self.use(markers["within"])
        return _Span(anchor, _shift(anchor, name, n) + _ONE, name)

    def relative_unit(self, units: list[_Atom]) -> _Span | None:
        """'last year', 'العام المقبل', 'this quarter', 'yesterday', 'earlier this year'."""
        found = self.relative_offset(units)
        if found is None:
            return None
        name, offset = found
        anchor = self.r.anchor(_text(self.atoms))
        if name == "year" and (self.having("month") or self.having("quarter") or self.having("ordinal")
                               or self.having("abbr") or self.having("unit", "quarter")
                               or self.having("unit", "half")):
            return self.absolute([], self.having("month"), [], self.having("unit"), None,
                                 year=anchor.year + offset)
        start, end = _unit_span(anchor, name, offset, self.r.words.week_start)
        return _Span(start, end, name, year=start.year)

    def relative_offset(self, units: list[_Atom]) -> tuple[str, int] | None:
        phrases = self.having("relative")
        if phrases:
            self.use(phrases[0])
            unit, offset = phrases[0].read["relative"]
            return str(unit), int(offset)
        rels = self.having("rel")
        candidates = [u for u in units if "unit" in u.read and id(u) not in self.used]
        if not rels or not candidates:
            return None
        where = {id(a): n for n, a in enumerate(self.atoms)}
        unit = min(candidates, key=lambda u: abs(where[id(u)] - where[id(rels[0])]))  # the unit the word qualifies
        self.use(rels[0], unit)
        return str(unit.read["unit"]), int(rels[0].read["rel"])

    def relative_name(self) -> _Span | None:
        """'سبتمبر الماضي' (the last September before publication), 'next March', 'last Monday'."""
        rels = self.having("rel")
        named = self.having("month") or self.having("weekday")
        if not rels or not named:
            return None
        anchor = self.r.anchor(_text(self.atoms))
        offset = int(rels[0].read["rel"])
        self.use(rels[0], named[0])
        if "month" in named[0].read:
            month = int(named[0].read["month"])
            year = anchor.year
            if offset < 0 and month >= anchor.month:
                year -= 1
            elif offset > 0 and month <= anchor.month:
                year += 1
            day = self.days()
            if day is not None:
                return self.day(year, month, day)
            start = dt.date(year, month, 1)
            return _Span(start, _add_months(start, 1), "month", year=year, month=month)
        weekday = int(named[0].read["weekday"])
        delta = (weekday - anchor.weekday()) % 7
        if offset < 0:
            start = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
        elif offset > 0:
            start = anchor + dt.timedelta(days=delta or 7)
        else:
            start, _ = _unit_span(anchor, "week", 0, self.r.words.week_start)
            start += dt.timedelta(days=(weekday - start.weekday()) % 7)
        return _Span(start, start + _ONE, "day")

    def days(self) -> int | None:
        days = [a for a in self.free_numbers() if a.width <= 2]
        if not days:
            return None
        if len(days) > 1:
            raise Unreadable("two_days", N_("'{text}' has more than one day"), text=_text(self.atoms))
        self.use(days[0])
        return days[0].num

    def decade(self, year: int | None) -> _Span | None:
        """'the 1990s', 'die 1990er Jahre', 'les années 1990', 'تسعينيات القرن العشرين', 'the 90s'."""
        words = self.having("decade")
        marks = self.having("decade_mark")
        if words:
            tens = int(words[0].read["decade"])
            self.use(words[0], *self.having("unit", "decade"))
            centuries = self.having("century")
            relative = self.having("century_rel")
            if centuries:
                self.use(centuries[0])
                start_year = (int(centuries[0].read["century"]) - 1) * 100 + tens
            elif relative:
                self.use(relative[0])
                anchor = self.r.anchor(_text(self.atoms))
                start_year = (anchor.year // 100 + int(relative[0].read["century_rel"])) * 100 + tens
            else:
                start_year = self.latest_decade(tens)
        elif marks and year is not None and year % 10 == 0:
            self.use(marks[0])
            start_year = year
        elif marks:
            two = [a for a in self.free_numbers() if a.width == 2 and a.num % 10 == 0]
            if not two:
                return None
            self.use(marks[0], two[0])
            start_year = self.latest_decade(two[0].num)
        else:
            return None
        start = dt.date(start_year, 1, 1)
        return _Span(start, dt.date(start_year + 10, 1, 1), "decade", year=start_year)

    def latest_decade(self, tens: int) -> int:
        """A decade named without its century ('the 90s', 'التسعينيات'): the latest one begun by publication."""
        anchor = self.r.anchor(_text(self.atoms))
        start = anchor.year // 100 * 100 + tens
        return start if start <= anchor.year else start - 100

    def absolute(self, years: list[_Atom], months: list[_Atom], hmonths: list[_Atom], units: list[_Atom],
                 borrow: _Span | None, year: int | None = None) -> _Span:
        """A time named by its calendar: a fiscal year, a Hijri date, a day or a month, the first months of a year,
        a quarter or a half, a decade, a year."""
        text = _text(self.atoms)
        eras = self.eras(months, hmonths)
        hijri = bool(hmonths) or eras == {"hijri"} or (borrow is not None and borrow.calendar == "hijri")
        if len(years) > 1:
            raise Unreadable("two_years", N_("'{text}' has more than one year"), text=text)
        split = bool(years) and "split" in years[0].read
        if years:
            year = years[0].num
            self.use(years[0])
        fiscal = self.having("fiscal")
        if (fiscal or split) and year is not None and not hijri:
            self.use(*fiscal)
            return self.fiscal(year, split, bool(fiscal))
        month = self.month(hmonths if hijri else months, "hmonth" if hijri else "month")
        if year is None and borrow is not None:
            year = borrow.year
            if month is None and borrow.grain == "day":
                month = borrow.month
        if year is None:
            return self.no_year()
        decade = self.decade(year)
        if decade is not None:
            return decade
        if hijri and hmonths and not eras and year > HIJRI_YEARS[1] and YEARS[0] <= year <= YEARS[1]:
            return self.hijri_month_in(year, month)  # 'رمضان 2019': the Ramadan that fell in 2019
        if hijri:
            return self.hijri(year, month)
        if not eras and self.r.words.lang == "ar" and not months and HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
            raise Unreadable("ambiguous_calendar", N_("{year} could be a Hijri or a Gregorian year: write {year} هـ "
                                                      "or {year}م"), year=year)
        if not YEARS[0] <= year <= YEARS[1]:
            raise Unreadable("year_range", OUTSIDE_YEARS, year=year, first=YEARS[0], last=YEARS[1])
        if month is not None:
            return self.day_or_month(year, month)
        return self.first_months(year) or self.part_of(year) or self.whole_year(year)

    def eras(self, months: list[_Atom], hmonths: list[_Atom]) -> set[str]:
        """The calendars the words mark ('هـ', 'م'), refusing a mix."""
        text = _text(self.atoms)
        eras = {a.read["era"] for a in self.having("era")}
        self.use(*self.having("era"))
        if len(eras) > 1:
            raise Unreadable("mixed_calendars", N_("'{text}' is marked both Hijri and Gregorian"), text=text)
        if months and hmonths:
            raise Unreadable("mixed_calendars", N_("'{text}' names a Gregorian and a Hijri month; join two namings "
                                                   "of one date with 'الموافق'"), text=text)
        return eras

    def month(self, atoms: list[_Atom], category: str) -> int | None:
        month = None
        for atom in atoms:
            if month is not None and month != int(atom.read[category]):
                raise Unreadable("two_months", N_("'{text}' names two different months"), text=_text(self.atoms))
            month = int(atom.read[category])
            self.use(atom)
        return month

    def no_year(self) -> _Span:
        """No year: a decade named alone ('the 90s'), else a problem."""
        span = self.decade(None)
        if span is not None:
            return span
        short = [a for a in self.free_numbers() if a.width == 3]
        if short:
            raise Unreadable("year_range", OUTSIDE_YEARS, year=short[0].text, first=YEARS[0], last=YEARS[1])
        raise Unreadable("no_year", N_("'{text}' gives no year; a date without its year is not guessed"),
                         text=_text(self.atoms))

    def hijri(self, year: int, month: int | None) -> _Span:
        if self.having("quarter") or self.having("abbr") or self.having("unit", "quarter") or \
                self.having("unit", "half"):
            raise Unreadable("hijri_grain", N_("'{text}': Hijri quarters and halves are not read"),
                             text=_text(self.atoms))
        day = self.days() if month is not None else None
        start, end = _hijri(year, month, day)
        grain = "day" if day is not None else "month" if month is not None else "year"
        return _Span(start, end, grain, "hijri", year=year, month=month)

    def day_or_month(self, year: int, month: int) -> _Span:
        """'15 مارس 2025', 'اليوم الثالث من أكتوبر 2024' (an ordinal day), 'الخميس 7 أغسطس 2025', 'مارس 2025'."""
        day = self.days()
        today = [a for a in self.having("relative") if tuple(a.read["relative"]) == ("day", 0)]
        ordinals = [a for a in self.having("ordinal") if int(a.read["ordinal"]) > 0]
        day_words = self.having("unit", "day") + today
        if day is None and ordinals and day_words:
            day = int(ordinals[0].read["ordinal"])  # 'اليوم الثالث من أكتوبر': the third day of October
            self.use(ordinals[0], *day_words)
        if day is not None:
            span = self.day(year, month, day)
            self.weekday(span)
            self.use(*today)  # 'اليوم الخميس 7 أغسطس 2025': 'today' beside the full date adds nothing
            return span
        start = dt.date(year, month, 1)
        return _Span(start, _add_months(start, 1), "month", year=year, month=month)

    def part_of(self, year: int) -> _Span | None:
        """A quarter or a half of the year."""
        part = self.part()
        if part is None:
            return None
        unit, n = part
        size = _MONTHS[unit]
        count = 12 // size
        n = count if n == -1 else n
        if not 1 <= n <= count:
            raise Unreadable("bad_date", NO_SUCH_PART, text=_text(self.atoms), unit=_period(unit), number=n)
        start = dt.date(year, (n - 1) * size + 1, 1)
        return _Span(start, _add_months(start, size), unit, year=year)

    def whole_year(self, year: int) -> _Span:
        if self.having("weekday") or [a for a in self.free_numbers() if a.width <= 2]:
            raise Unreadable("no_month", N_("'{text}' gives a day without its month"), text=_text(self.atoms))
        return _Span(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "year", year=year)

    def fiscal(self, year: int, split: bool, named: bool) -> _Span:
        """A split fiscal year ('العام المالي 2022/2023', '2013-14') or a quarter or half of one, placed by the
        request's fiscal-year convention, else the document's territory's (data/fiscal.toml); without one a split
        year is both calendar years. A fiscal year named by one year ('FY2024') is read only by the request's
        convention, which says whether the year named is the one it starts or ends in: a company's fiscal year and
        the state's differ."""
        text = _text(self.atoms)
        territory = self.r.words.locale.territory
        convention = FISCAL.get(territory or "")
        if self.r.fiscal is not None:
            first, named_by = self.r.fiscal
            convention = (first,)
            if not split:  # 'FY2024' ends in 2024 (US federal, named by its end) or starts in it (Japan's)
                year = year - 1 if named_by == "end" and first != 1 else year
                split = True
        if not split:  # 'FY2024', 'fiscal 2024': a company's year or the state's, and companies keep their own
            raise Unreadable("fiscal_year", N_("'{text}' names a fiscal year by one year, and whose fiscal year (a "
                                               "company's or the state's) decides when it starts; send the dates"),
                             text=text)
        if convention is None or convention[0] == 1 and self.r.fiscal is None:
            if split and not named and self.part() is None:
                return _Span(dt.date(year, 1, 1), dt.date(year + 2, 1, 1), "year", year=year)
            if territory:
                raise Unreadable("fiscal_year", N_("'{text}' is a fiscal year, and the document's territory "
                                                   "({territory}) gives no fiscal-year convention tadqiq knows; send "
                                                   "the dates"), text=text, territory=territory)
            raise Unreadable("fiscal_year", N_("'{text}' is a fiscal year, and the document's language tag, which "
                                               "names no territory, gives no fiscal-year convention tadqiq knows; "
                                               "send the dates"), text=text)
        start = dt.date(year, convention[0], 1)  # a split year starts in its first year
        part = self.part()
        if part is None:
            return _Span(start, _add_months(start, 12), "year", year=year)
        unit, n = part
        size = _MONTHS[unit]
        count = 12 // size
        n = count if n == -1 else n
        if not 1 <= n <= count:
            raise Unreadable("bad_date", NO_SUCH_PART, text=text, unit=_period(unit), number=n)
        begin = _add_months(start, (n - 1) * size)
        return _Span(begin, _add_months(begin, size), unit, year=year)

    def hijri_month_in(self, year: int, month: int | None) -> _Span:
        """A Hijri month with a Gregorian year: the one that fell in that year; refused when two did."""
        assert month is not None
        spans = []
        for h in range(year - 580, year - 576):
            if HIJRI_YEARS[0] <= h <= HIJRI_YEARS[1]:
                start, end = _hijri(h, month, None)
                if start.year == year or (end - _ONE).year == year:
                    spans.append((start, end, h))
        if len(spans) != 1:
            raise Unreadable("ambiguous_calendar", N_("'{text}': two such months fell in that year") if spans
                             else N_("'{text}': no such month fell in that year"), text=_text(self.atoms))
        start, end, h = spans[0]
        return _Span(start, end, "month", "hijri", year=h, month=month)

    def first_months(self, year: int) -> _Span | None:
        """'the first nine months of 2024', 'الثمانية أشهر الأولى من سنة 2018', 'the last three months of 2024'."""
        units = self.having("unit", "month")
        ordinals = [a for a in self.having("ordinal") if int(a.read["ordinal"]) in (1, -1)]
        if not units or not ordinals:
            return None
        counted = self.count()
        if counted is None or not 1 <= counted[0] <= 12:
            return None
        n, atoms = counted
        self.use(units[0], ordinals[0], *atoms)
        if int(ordinals[0].read["ordinal"]) == 1:
            start = dt.date(year, 1, 1)
            return _Span(start, _add_months(start, n), "month", year=year)
        end = dt.date(year + 1, 1, 1)
        return _Span(_add_months(end, -n), end, "month", year=year)

    def part(self) -> tuple[str, int] | None:
        """A quarter or a half of the year: 'Q3', 'الربع الثالث', '3e trimestre', 'النصف الأول', 'H1'."""
        names = self.having("quarter")
        if names:
            self.use(names[0], *self.having("unit", "quarter"))
            return "quarter", int(names[0].read["quarter"])
        last = [a for a in self.having("relative") if a.read["relative"] in (("quarter", -1),)]
        if last:  # "the last quarter of 2025" (CLDR's 'last quarter' with a year)
            self.use(last[0])
            return "quarter", -1
        for unit in ("quarter", "half"):
            marks = self.having("unit", unit) + self.having("abbr", unit)
            if not marks:
                continue
            ordinals = self.having("ordinal")
            if ordinals:
                self.use(marks[0], ordinals[0])
                return unit, int(ordinals[0].read["ordinal"])
            numbers = [a for a in self.free_numbers() if a.width == 1]
            if numbers:
                self.use(marks[0], numbers[0])
                return unit, numbers[0].num
        return None

    def weekday(self, span: _Span) -> None:
        names = self.having("weekday")
        if names:
            self.use(*names)
            said = int(names[0].read["weekday"])
            if span.start.weekday() != said:
                raise Unreadable("weekday_mismatch", N_("{date} was a {actual}, not a {said} ('{text}')"),
                                 date=span.start.isoformat(), actual=_weekday(span.start.weekday()),
                                 said=_weekday(said), text=names[0].text)

    # -- modifiers, and every word accounted for
    def finish(self, span: _Span) -> None:
        text = _text(self.atoms)
        relations = {a.read["mod"]: a for a in self.having("mod") if a.read["mod"] in RELATIONS}
        narrowing = {a.read["mod"]: a for a in self.having("mod") if a.read["mod"] not in RELATIONS}
        if len(relations) > 1:
            raise Unreadable("two_modifiers", TWO_MODIFIERS, text=text, modifiers=", ".join(relations))
        if len(narrowing) > 1:
            raise Unreadable("two_modifiers", TWO_MODIFIERS, text=text, modifiers=", ".join(narrowing))
        for mod, atom in relations.items():
            k = next(i for i, a in enumerate(self.atoms) if a is atom)
            if mod != "approximately" and not any(a.kind == "num" or a.kind == "word" and set(a.read) - {"mod"}
                                                  for a in self.atoms[k + 1:]):
                raise Unreadable("trailing_modifier", N_("'{word}' follows the time in '{text}': it introduces what "
                                                         "comes next, not this time; send the time without it"),
                                 word=atom.text, text=text)
        self.use(*relations.values(), *narrowing.values())
        if narrowing:
            how = next(iter(narrowing))
            span.start, span.end = _narrow(span.start, span.end, how)
            span.modifier = how
        if relations:
            span.modifier = next(iter(relations))
        for marker, atom in ((a.read["marker"], a) for a in self.having("marker")):
            if marker in ("earlier", "later_in"):
                anchor = self.r.anchor(text)
                self.use(atom)
                if marker == "earlier":
                    span.end = min(span.end, anchor + _ONE)
                else:
                    span.start = max(span.start, anchor)
                if span.start >= span.end:
                    raise Unreadable("bad_relative", N_("'{text}' names no time around the publication date"),
                                     text=text)
        left = [a for a in self.atoms if id(a) not in self.used and a.kind != "sep" and "filler" not in a.read]
        if left:
            atom = left[0]
            if atom.kind == "num" and atom.width == 3:
                raise Unreadable("year_range", OUTSIDE_YEARS, year=atom.text, first=YEARS[0], last=YEARS[1])
            raise Unreadable("unread_word", N_("'{word}' does not fit in '{text}'"), word=atom.text, text=text)


def _split_years(atoms: list[_Atom]) -> list[_Atom]:
    """'2022/2023', '2022-2023', '2013-14': two consecutive years written as one, a fiscal or season year, become one
    atom when the second is written with two digits or the expression names a fiscal year or a part of one (a range
    of two calendar years otherwise)."""
    fiscal = any("fiscal" in a.read or "quarter" in a.read or a.read.get("unit") in ("quarter", "half") or
                 "abbr" in a.read for a in atoms)
    out: list[_Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if k + 2 < len(atoms) and a.kind == "num" and a.width == 4 and atoms[k + 1].kind == "sep" and \
                atoms[k + 1].text in "-/" and atoms[k + 2].kind == "num" and \
                (atoms[k + 2].width == 2 and atoms[k + 2].num == (a.num + 1) % 100 or
                 fiscal and atoms[k + 2].width == 4 and atoms[k + 2].num == a.num + 1) and \
                (k + 3 == len(atoms) or atoms[k + 3].kind != "sep"):
            b = atoms[k + 2]
            out.append(_Atom(f"{a.text}{atoms[k + 1].text}{b.text}", "num", num=a.num, width=4,
                             read={"split": True}))
            k += 3
            continue
        out.append(a)
        k += 1
    return out


def _text(atoms: Sequence[_Atom]) -> str:
    return " ".join(a.text for a in atoms if a.kind != "sep")


# -- durations --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time as read: ``count`` ``unit``s, and the range of days it stands for (``high`` None:
    unbounded). The count is rounded to its unit (two months = 1½–2½ months) unless hedged."""

    text: str
    count: Fraction
    unit: str
    low: Fraction
    high: Fraction | None
    hedge: str | None = None

    def describe(self) -> str:
        high = "" if self.high is None else _days(self.high)
        return f"{_days(self.low)}–{high} days"


def _days(x: Fraction) -> str:
    return str(int(x)) if x.denominator == 1 else f"{float(x):.1f}"


def read_duration(value: str | Amount, language: str, age: bool = False) -> Duration:
    """Read 'two months', 'نحو عشر سنوات', '10-year-old' (or an ``Amount`` with a unit of time). An ``age`` in
    whole units may be rounded or completed: 10 years old is 9½ to 11 years."""
    if isinstance(value, Amount):
        return _amount_duration(value, age)
    if len(value) > MAX_TEXT:
        raise Unreadable("too_long", N_("the duration is longer than {count} characters"), count=MAX_TEXT)
    words = time_words(language)
    atoms = _atoms(digits(value), words)
    point = _Point(_Reader(words, None), atoms)
    units = point.having("unit") + point.having("dual")
    unit = point.unit_of(units)
    if unit is None:
        raise Unreadable("no_unit", N_("'{text}' names no unit of time"), text=value)
    counted = point.count()
    n, count_atoms = counted or (1, [])
    point.use(*units, *count_atoms)
    hedges = point.having("hedge") + point.having("mod", "approximately")
    point.use(*hedges, *point.having("marker"), *point.having("mod", "after"), *point.having("mod", "since"))
    hedge = None
    if hedges:
        hedge = str(hedges[0].read.get("hedge", "approximately"))
    left = [a for a in atoms if id(a) not in point.used and a.kind != "sep" and "filler" not in a.read]
    if left:
        raise Unreadable("unread_word", N_("'{word}' does not fit in the duration '{text}'"), word=left[0].text,
                         text=value)
    return _duration(value, Fraction(n), unit[0], hedge, age)


def _amount_duration(amount: Amount, age: bool) -> Duration:
    unit = (amount.unit or "").lower().rstrip("s")
    if unit not in DAYS:
        raise Unreadable("no_unit", N_("'{text}' is not a unit of time"), text=amount.unit)
    count = Fraction(amount.number) * Fraction(10) ** amount.scale
    if not 0 < count <= MAX_COUNT:
        raise Unreadable("bad_count", BAD_COUNT, count=count, most=MAX_COUNT)
    hedge = {"approximate": "approximately", "lower": "more", "upper": "less"}.get(amount.bound)
    return _duration(f"{amount.number} {unit}", count, unit, hedge, age)


def _duration(text: str, n: Fraction, unit: str, hedge: str | None, age: bool) -> Duration:
    least, most = DAYS[unit]
    half = Fraction(1, 2)
    low, high = {"approximately": (n - 1, n + 1), "more": (n, None), "less": (Fraction(0), n)}.get(
        hedge or "", (n - half, n + (1 if age else half)))
    return Duration(text, n, unit, max(Fraction(0), low) * least, None if high is None else high * most, hedge)
