"""Figures and dates written for people, in one locale: what the report page, its figures and the CLI show.

The report keeps its exact values (``Range``: decimal or rational strings, ISO dates) for machines; a person reads
them through ``Speaker``: babel's currency, percent, decimal and compact formats in the locale, with the locale's
digits (``ar-EG`` writes ٠١٢), decimal mark and minus sign, ranges written the way the explanations write them
("17 billion to 19.2 billion" → ``lex.display["range"]``), and dates in the locale's words. One interval convention
for people: both ends included ("1 Jan – 31 Dec 2025" for "in 2025", whose machine form ends on 2026-01-01).

A ``Speaker`` is built once per language tag per process (``speaker``); its formats are memoised.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.dates import format_datetime, format_interval, format_skeleton
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    format_scientific,
    get_currency_symbol,
)
from hijridate import Gregorian, Hijri

from rules.model import Computation, Range, Reading
from rules.normalise.lexicon import lexicon, locale_of
from rules.normalise.units import pattern

__all__ = ["Speaker", "speaker"]

#: Digits of the numbering systems CLDR makes the default for a locale we serve (Egypt, the Gulf: ``arab``).
_DIGITS = {"arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}
_SIG = {n: Context(prec=n, rounding=ROUND_HALF_EVEN) for n in range(1, 8)}
_BIG = 1_000_000  # from here on, compact forms: "17 billion", "US$17B"
_HUGE = 10**15  # beyond CLDR's largest compact form (trillions): scientific notation


def _round(x: Fraction, digits: int) -> Decimal:
    """``x`` to ``digits`` significant digits, exactly (no float on the way)."""
    return _SIG[digits].divide(Decimal(x.numerator), Decimal(x.denominator)) if x else Decimal(0)


def _digits(low: Fraction, high: Fraction) -> int:
    """Enough significant digits (3 to 7) that the two ends of a range stay apart when written."""
    try:
        width, top = abs(float(high - low)), max(abs(float(low)), abs(float(high)))
    except OverflowError:  # beyond a float: the display needs no more than the default
        return 3
    if width <= 0 or top == 0:
        return 3
    return min(7, max(3, math.ceil(math.floor(math.log10(top)) + 1 - math.log10(width / 5) - 1e-9)))


class Speaker:
    """Formats for one locale (a BCP 47 tag: ``ar-MA`` writes شتنبر, ``ar-EG`` Arabic-Indic digits)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.locale: Locale = locale_of(tag)
        self.lex = lexicon(tag)
        self.lang = self.lex.lang
        self.rtl = self.locale.character_order == "right-to-left"
        #: ASCII digits → the locale's own (babel applies a numbering system's symbols, not its digits)
        own = _DIGITS.get(self.locale.default_numbering_system or "latn")
        self._digits = {ord(str(i)): own[i] for i in range(10)} if own else {}
        self.number = lru_cache(maxsize=4096)(lambda x, unit=None, digits=3: self._number(x, unit, digits).translate(
            self._digits))
        self.range = lru_cache(maxsize=4096)(self._range)

    # -- numbers --------------------------------------------------------------------------------------------------
    def _core(self, d: Decimal, long: bool) -> str:
        with localcontext(prec=80):  # babel rounds in the current context: 28 digits fail past 10^40
            if abs(d) >= _HUGE:
                return format_scientific(d, "#.##E0", locale=self.locale, numbering_system="default")
            if abs(d) >= _BIG:
                return format_compact_decimal(d, format_type="long" if long else "short", locale=self.locale,
                                              fraction_digits=8, numbering_system="default")
            return format_decimal(d, locale=self.locale, decimal_quantization=False, numbering_system="default")

    def _number(self, x: Fraction, unit: str | None = None, digits: int = 3) -> str:
        """One figure with its unit: ``$17B`` / ``‏17 مليار US$``, ``67.5%``, ``15.8 billion minutes``."""
        d = _round(x, digits)
        with localcontext(prec=80):
            if unit and len(unit) == 3 and unit.isupper():  # an ISO 4217 currency
                if abs(d) >= _HUGE:
                    return f"{self._core(d, long=False)} {get_currency_symbol(unit, locale=self.locale)}"
                if abs(d) >= _BIG:
                    return format_compact_currency(d, unit, locale=self.locale, fraction_digits=8,
                                                   numbering_system="default")
                return format_currency(d, unit, locale=self.locale, currency_digits=False,
                                       decimal_quantization=False, numbering_system="default")
            if unit == "percent":
                if abs(d) >= _HUGE:
                    return self._core(d, long=False) + "%"
                return format_percent(d / 100, locale=self.locale, decimal_quantization=False,
                                      numbering_system="default")
        if unit and "/" in unit:  # a rate between units: USD/user → "$72 per user"
            top, _, per = unit.partition("/")
            return f"{self._number(x, top, digits)} " + self.lex.display["per"].format(self.unit_name(per))
        core = self._core(d, long=True)
        if not unit:
            return core
        return self._with_unit(core, unit, x if x.denominator == 1 else Fraction(2))

    def _with_unit(self, core: str, unit: str, count: Fraction) -> str:
        """``core`` with the unit's CLDR pattern; in French and Spanish a scale word takes "de" before the noun
        ("15,8 milliards de minutes", "15,8 mil millones de minutos")."""
        text = _pattern(unit, self.lang, count)
        of = self.lex.display.get("of")
        if of and core[-1:].isalpha() and text.startswith("{0} "):
            text = text.replace("{0} ", "{0} " + of + " ", 1)
        return text.replace("{0}", core)

    def count(self, n: int) -> str:
        """A whole number in the locale's digits (page numbers, counts)."""
        return format_decimal(n, locale=self.locale, numbering_system="default").translate(self._digits)

    def unit_name(self, unit: str) -> str:
        return _pattern(unit, self.lang, Fraction(1)).replace("{0}", "").strip()

    def _range(self, low: str | None, high: str | None, unit: str | None) -> str:
        if unit == "date":
            return self.days(None if low is None else dt.date.fromisoformat(low),
                             None if high is None else dt.date.fromisoformat(high))
        lo, hi = (None if low is None else Fraction(low)), (None if high is None else Fraction(high))
        display = self.lex.display
        if lo is not None and hi is not None:
            if lo == hi:
                return self.number(lo, unit)
            n = _digits(lo, hi)
            if unit and unit != "percent" and "/" not in unit and not (len(unit) == 3 and unit.isupper()):
                a, b = self.number(lo, None, n), self.number(hi, None, n)  # the unit named once
                core = a if a == b else display["range"].format(a, b)
                return self._with_unit(core, unit, hi if hi.denominator == 1 else Fraction(2))
            a, b = self.number(lo, unit, n), self.number(hi, unit, n)
            return a if a == b else display["range"].format(a, b)
        if lo is not None:
            return display["at_least"].format(self.number(lo, unit))
        if hi is not None:
            return display["at_most"].format(self.number(hi, unit))
        return "…"

    def of(self, r: Range | Reading | None) -> str:
        """A range (or a claim's reading, with its "per" and period) as a person reads it; '' for none."""
        if r is None:
            return ""
        text = self.range(r.low, r.high, r.unit)
        per, period = getattr(r, "per", None), getattr(r, "period", None)
        if per:
            text += " " + self.lex.display["per"].format(self.unit_name(per))
        if period and period in self.lex.display:
            text += " " + self.lex.display[period]
        return text

    def ends(self, r: Range) -> tuple[str, str]:
        """Each end of a range alone, short (the figure's labels); '' for an open end."""
        if r.unit == "date":
            return tuple("" if e is None else self.date(dt.date.fromisoformat(e))  # type: ignore[return-value]
                         for e in (r.low, r.high))
        lo, hi = (None if r.low is None else Fraction(r.low)), (None if r.high is None else Fraction(r.high))
        n = _digits(lo, hi) if lo is not None and hi is not None else 3
        return tuple("" if e is None else self.short(e, r.unit, n) for e in (lo, hi))  # type: ignore[return-value]

    def short(self, x: Fraction, unit: str | None, digits: int = 3) -> str:
        """A figure for a label: compact short forms ('$17B', '15.8B'), currencies and percent as ``number``."""
        if unit and (unit == "percent" or (len(unit) == 3 and unit.isupper())):
            return self.number(x, unit, digits)
        with localcontext(prec=80):
            return self._core(_round(x, digits), long=False).translate(self._digits)

    def percent(self, text: str | None, digits: int = 2) -> str:
        """A fraction (0.213493) as a percent for people (21%); '' for none."""
        if text is None:
            return ""
        return format_percent(_round(Fraction(text), digits), locale=self.locale, decimal_quantization=False,
                              numbering_system="default").translate(self._digits)

    def margin(self, c: Computation) -> str:
        """How far apart the figures are, in the result's unit, and relative to the compared figure."""
        if c.margin is None:
            return ""
        text = self.number(Fraction(c.margin), c.result.unit if c.result.unit != "date" else None)
        return f"{text} ({self.percent(c.margin_relative)})" if c.margin_relative not in (None, "0") else text

    # -- dates ----------------------------------------------------------------------------------------------------
    def date(self, d: dt.date) -> str:
        return format_skeleton("yMMMd", d, locale=self.locale).translate(self._digits)

    def days(self, first: dt.date | None, last: dt.date | None) -> str:
        """Both days included; an open end says so ('from 20 Jan 2025', 'until 30 Sep 2025')."""
        if first is not None and last is not None:
            if first == last:
                return self.date(first)
            return format_interval(first, last, "yMMMd", locale=self.locale).translate(self._digits)
        if first is not None:
            return f"{self.date(first)} – …"
        if last is not None:
            return f"… – {self.date(last)}"
        return "…"

    def hijri(self, start: dt.date | None, end: dt.date | None) -> str:
        """A claim's time as the report keeps it, [start, end), in the Umm al-Qura calendar (hijridate), both ends
        included: '1–29 رمضان 1446 هـ', '15 رمضان 1446 هـ', '1 رمضان – 29 شوال 1446 هـ'; '' outside that calendar
        (1343–1500 AH). Month names in Arabic on Arabic pages, in English otherwise."""
        last = None if end is None else end - dt.timedelta(days=1)
        try:
            a, b = (None if d is None else Gregorian.fromdate(d).to_hijri() for d in (start, last))
        except (OverflowError, ValueError):
            return ""
        name = "ar" if self.lang == "ar" else "en"
        era = a.notation(name) if a is not None else b.notation(name) if b is not None else ""

        def day(h: Hijri, year: bool = True) -> str:
            return f"{h.day} {h.month_name(name)}" + (f" {h.year}" if year else "")

        if a is not None and b is not None:
            if a == b:
                text = f"{day(a)} {era}"
            elif (a.year, a.month) == (b.year, b.month):
                text = f"{a.day}–{b.day} {a.month_name(name)} {a.year} {era}"
            else:
                text = f"{day(a, a.year != b.year)} – {day(b)} {era}"
        elif a is not None:
            text = f"{day(a)} {era} – …"
        elif b is not None:
            text = f"… – {day(b)} {era}"
        else:
            return ""
        return text.translate(self._digits)

    def year(self, y: int) -> str:
        return str(y).translate(self._digits)

    def span(self, start: dt.date | None, end: dt.date | None) -> str:
        """A claim's time as the report keeps it, [start, end), for people: both ends included."""
        return self.days(start, None if end is None else end - dt.timedelta(days=1))

    def moment(self, t: dt.datetime) -> str:
        """A time of day in the report's trail (UTC)."""
        return format_datetime(t, "medium", tzinfo=dt.UTC, locale=self.locale).translate(self._digits)


_pattern = lru_cache(maxsize=1 << 12)(pattern)


@lru_cache(maxsize=64)
def speaker(tag: str) -> Speaker:
    """The formats of a language tag, built once per process."""
    return Speaker(tag)
