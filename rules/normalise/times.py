"""Read a time expression as printed — "بحلول سبتمبر 2025", "by 2025", "20 January 2025" — into a ``TimeSpan``:
the half-open interval [start, end) it names, its grain, and a modifier ("by" = on or before, "before",
"after", "in"). Month names come from babel's CLDR data and ``data/<lang>.toml`` (all Arabic regional series).
Relative expressions are anchored on the publication date given, never on the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rules.model import TimeReading
from rules.normalise.timewords import time_lexicon
from rules.normalise.values import MAX_TEXT, Unreadable
from rules.text import digits, tokens

__all__ = ["OPEN", "TimeSpan", "read_time"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$")
_ISO_INTERVAL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})?\s*$")
#: The end of an open interval ("2025-01-20/": from that day on).
OPEN = dt.date.max


@dataclass(frozen=True, slots=True)
class TimeSpan:
    text: str
    start: dt.date
    end: dt.date  # exclusive
    grain: str
    modifier: str | None = None

    @property
    def last(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    def reading(self) -> TimeReading:
        return TimeReading(text=self.text, start=self.start, end=self.end, grain=self.grain,  # type: ignore[arg-type]
                           modifier=self.modifier)  # type: ignore[arg-type]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1)


def read_time(text: str, language: str, published: dt.date | None = None) -> TimeSpan:
    if len(text) > MAX_TEXT:
        raise Unreadable("too_long", f"the time expression is longer than {MAX_TEXT} characters")
    plain = digits(text)
    interval = _ISO_INTERVAL.match(plain)
    if interval:
        try:
            start = dt.date.fromisoformat(interval[1])
            end = dt.date.fromisoformat(interval[2]) + dt.timedelta(days=1) if interval[2] else OPEN
        except ValueError:
            raise Unreadable("bad_date", f"'{text}' is not an ISO 8601 interval of dates") from None
        if end <= start:
            raise Unreadable("bad_date", f"'{text}' ends before it starts")
        return TimeSpan(text, start, end, "day")
    iso = _ISO.match(plain)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), iso[3]
        try:
            if day:
                start = dt.date(year, month, int(day))
                return TimeSpan(text, start, start + dt.timedelta(days=1), "day")
            return TimeSpan(text, dt.date(year, month, 1), _month_end(year, month), "month")
        except ValueError:
            raise Unreadable("bad_date", f"'{text}' is not a calendar date") from None
    lex = time_lexicon(language)
    toks = tokens(plain)
    words = [t for t, _, _ in toks]
    year = month = day = None
    modifier = None
    i = 0
    while i < len(toks):
        word, start_i, end_i = toks[i]
        if word == "#":
            raw = plain[start_i:end_i]
            if not raw.isdigit() or len(raw) > 4:
                raise Unreadable("bad_date", f"'{raw}' is neither a day nor a year")
            n = int(raw)
            if len(raw) == 4 and year is None:
                year = n
            elif 1 <= n <= 31 and day is None and len(raw) <= 2:
                day = n
            else:
                raise Unreadable("bad_date", f"'{raw}' is neither a day nor a year")
            i += 1
            continue
        hit = lex.match(words, i)
        if hit:
            n_words, entries = hit
            cats = dict(reversed(entries))
            if "month" in cats and month is None:
                month = int(cats["month"])  # type: ignore[call-overload]
            elif "time" in cats and modifier is None and cats["time"] != "in":
                modifier = str(cats["time"])
            i += n_words
        else:
            i += 1
    if year is None:
        raise Unreadable("no_year", "no year in the time expression (relative times need the issue-5 reader)")
    if not 1 <= year <= 9998:
        raise Unreadable("bad_date", f"{year} is out of range")
    try:
        if month is None:
            if day is not None:
                raise Unreadable("bad_date", "a day without a month")
            return TimeSpan(text, dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "year", modifier)
        if day is None:
            return TimeSpan(text, dt.date(year, month, 1), _month_end(year, month), "month", modifier)
        start = dt.date(year, month, day)
        return TimeSpan(text, start, start + dt.timedelta(days=1), "day", modifier)
    except ValueError:
        raise Unreadable("bad_date", f"'{text}' is not a calendar date") from None
