"""Read a figure as printed — "ما يقارب 12.3 مليار دولار سنوياً", "68%", "$72 per user", "3 مليارات و200 مليون",
"tens of thousands" — into a ``Measure``: an exact interval, what it measures (unit or currency), the period of a
rate, a per-unit denominator, and the policy that turned the printed precision and hedges into that interval
(``rules.policy``).

How: the text is split into numbers, folded words and symbols (``rules.normalise.lexicon.split``); phrases are
looked up longest first in the language's lexicon; numbers glued to Latin letters ('M2', '5G', 'COVID-19'),
next to a month name or after a year word ('عام 2025', 'in 2025'), ordinals ('3rd'), clock times ('10:30') and
slashed pairs ('24/7') are set aside as not amounts. What is left is read as at most two amounts — a number or
number words with a scale word, a compound ("3 مليارات و200 مليون", "مليون ونصف"), a fraction, a vague quantity —
joined by range words, with hedges, a unit or currency, a period and a "per" anywhere around them.

Nothing here evaluates text: numbers are recognised by a regular expression and parsed by babel in strict mode
(``rules.normalise.numbers``); everything is bounded before any work (300 characters, 30 digits a number, at
most eight numbers; scientific and power notation refused).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache

from babel.numbers import list_currencies

from rules.interval import Interval, exact
from rules.interval import ratio as _q
from rules.messages import C_, N_, translate
from rules.model import Amount, Reading
from rules.normalise import currency as currencies
from rules.normalise.errors import Unreadable
from rules.normalise.lexicon import EMPTY, NUMBER, SYMBOL, WORD, Kind, Lexicon, Meaning, lexicon, split, tokens
from rules.normalise.numbers import DOT_GROUPS, half_width, parse
from rules.normalise.units import KINDS, PERIODS, PINT_NAMES, words
from rules.policy import POLICY, Policy, percent_text
from rules.text import digits, fold

__all__ = ["MAX_DIGITS", "MAX_TEXT", "Measure", "Unreadable", "read_value"]

MAX_TEXT = 300
MAX_DIGITS = 30
MAX_NUMBERS = 8
_NOTATION = re.compile(r"[0-9]\s*[eE]\s*[+\-−]?\s*[0-9]|\*\*|\^|[0-9]\s*[x×]\s*10|[0-9]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]|"
                       r"(?<![0-9A-Za-z])0[xXbBoO][0-9A-Fa-f]")
#: Algerian wire copy prints 4.6 as "6ر4": the letter ر for the decimal mark, the digits around it the other way.
_REVERSED = re.compile(r"(?<![0-9])([0-9]+)ر([0-9]+)(?![0-9])")
#: The Arabic comma between digits: a decimal mark in some copy ("1،9" for 9.1), a list in other.
_ARABIC_COMMA = re.compile(r"[0-9]،[0-9]")
#: Anything the rare checks below look for: most figures have none of it, and one search says so.
_RARE = re.compile(r"[0-9]\s*[eExX×⁰¹²³⁴⁵⁶⁷⁸⁹،ر]|\*\*|\^|0[bBoO]|[$€£¥]\s*\(|[0-9][.,][0-9]{3}(?![0-9])")
#: A mark before exactly three digits, not all zeros: read as the locale says, but a decimal comma misread would be
#: a ×1 000 slip ('1,250', '4.700'; a writer who meant 95 does not write '95,000').
_SEPARATED = re.compile(r"[0-9][.,](?!000(?![0-9]))[0-9]{3}(?![0-9])")
#: A currency symbol before a parenthesised number: an accountant's negative ("$(118,000,000)").
_ACCOUNTING = re.compile(r"[$€£¥]\s*\(\s*[0-9]")
#: A number alone in parentheses ('(26.9 %)', '(108.23)'): a results table's negative, or an aside — not said which.
_BRACKETED = re.compile(r"\(\s*[0-9][0-9.,٫٬ \u00a0\u202f]*(?:%|٪)?\s*\)\s*(?:%|٪)?\s*")
_SPACES = " \u00a0\u202f\u2009"
_CODES = frozenset(list_currencies())
_TEN = [10 ** k for k in range(40)]  # ints: a Fraction times an int skips a gcd
_new = object.__new__
_interval = tuple.__new__  # Interval(lo, hi) without the named tuple's Python-level __new__


@lru_cache(maxsize=64)
def _policy_notes(policy: Policy) -> tuple[str, str]:
    """The notes a policy writes on readings: an approximation's margin, a fraction in words' margin."""
    return (f"approximate: ±{percent_text(policy.approximate)} of the value",
            f"a fraction in words: ±{percent_text(policy.zeros_cap)} of the amount")
# The kinds of ``rules.normalise.lexicon.Kind`` as plain ints: ``Meaning.kinds & _SCALE`` stays an int test.
_SCALE = int(Kind.SCALE)
_SCALE_DUAL = int(Kind.SCALE_DUAL)
_SCALE_PLURAL = int(Kind.SCALE_PLURAL)
_NUMBER = int(Kind.NUMBER)
_ONE = int(Kind.ONE)
_FRACTION = int(Kind.FRACTION)
_VAGUE = int(Kind.VAGUE)
_HEDGE = int(Kind.HEDGE)
_FROM = int(Kind.FROM)
_TO = int(Kind.TO)
_AND = int(Kind.AND)
_VERSUS = int(Kind.VERSUS)
_EVERY = int(Kind.EVERY)
_PERIOD = int(Kind.PERIOD)
_PER = int(Kind.PER)
_PER_UNIT = int(Kind.PER_UNIT)
_PER_ENTITY = int(Kind.PER_ENTITY)
_CURRENCY = int(Kind.CURRENCY)
_NATIONALITY = int(Kind.NATIONALITY)
_MINOR = int(Kind.MINOR)
_UNIT = int(Kind.UNIT)
_UNIT_COUNT = int(Kind.UNIT_COUNT)
_YEAR = int(Kind.YEAR)
_DATE_SUFFIX = int(Kind.DATE_SUFFIX)
_ORDINAL_SUFFIX = int(Kind.ORDINAL_SUFFIX)
_TIME_SUFFIX = int(Kind.TIME_SUFFIX)
_DATE_LINK = int(Kind.DATE_LINK)
_ORDINAL = int(Kind.ORDINAL)
_ORDINAL_ARTICLE = int(Kind.ORDINAL_ARTICLE)
_MONTH = int(Kind.MONTH)
_MINUS = int(Kind.MINUS)
_BELOW_ZERO = int(Kind.BELOW_ZERO)
_PLUS = int(Kind.PLUS)
_SCALES = _SCALE | _SCALE_DUAL | _SCALE_PLURAL
#: What a phrase that may start an amount means (``_starts_amount``).
_STARTS = _NUMBER | _VAGUE | _FRACTION | _ONE | _SCALES
#: What may follow an amount and join it: a fraction, 'and', a number word, another scaled amount.
_JOINS = _FRACTION | _AND | _ONE | _NUMBER | _VAGUE | _SCALES


@dataclass(frozen=True, slots=True)
class Measure:
    text: str
    value: Interval
    bound: str = "exact"
    unit: str | None = None  # a unit from data/units.toml, an ISO 4217 code, or None for a plain count
    per: str | None = None
    period: str | None = None
    precision: Fraction | None = None  # half-width the printed digits allow, in the value's scale
    span: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()  # the policy as applied to this figure
    assumptions: tuple[str, ...] = field(default=())
    number: Fraction | None = None  # the amount as printed, scaled (12.3 مليار → 12300000000); None for ranges
    ends: tuple[Fraction, Fraction] | None = None  # a range's two ends as printed, scaled ("10–12 مليار")
    separator: bool = False  # a mark before three digits ('1,250'): a decimal comma misread would be ×1 000

    @property
    def currency(self) -> str | None:
        return self.unit if self.unit is not None and len(self.unit) == 3 and self.unit.isupper() else None

    def fraction(self) -> Interval:
        """A share as a plain fraction: 68 % → [0.675, 0.685]."""
        if self.unit in ("percent", "percentage_point"):
            return self.value / 100
        if self.unit == "permille":
            return self.value / 1000
        return self.value

    def reading(self, policy: Policy = POLICY) -> Reading:
        return Reading(text=self.text, low=exact(self.value.low), high=exact(self.value.high), bound=self.bound,
                       precision=exact(self.precision), unit=None if self.currency else self.unit,
                       currency=self.currency, per=self.per, period=self.period, span=self.span,
                       policy="; ".join((policy.name, *self.notes)), assumptions=list(self.assumptions),
                       value=exact(self.number))


def read_value(value: str | Amount, language: str, unit: str | None = None, per: str | None = None,
               policy: Policy = POLICY, published: dt.date | None = None, dot_groups: bool = False) -> Measure:
    """Read a printed figure (or a structured ``Amount``) in ``language``; ``unit`` names what is counted when
    the text does not say, ``per`` what each unit of the figure is for ('user'); ``published``, the document's
    date, settles a currency word whose meaning changed (French 'francs' before the euro); ``dot_groups``: the
    document groups thousands with a point though its locale does not (``numbers.dot_groups``). Raises
    ``Unreadable``."""
    lex = lexicon(language)
    measure = _read_amount(value, lex, language, unit, policy) if isinstance(value, Amount) else \
        _read_text(value, lex, language, unit, policy, published, dot_groups)
    if per and measure.per is None:
        try:
            per = _hint(per, lex)[0]
        except Unreadable:  # a noun tadqiq has no unit for ('job', 'household'): an opaque entity, as in text
            per = fold(per)
        measure = replace(measure, per=per)
    return measure


# -- tokens, classified -----------------------------------------------------------------------------------------
_NUM, _LEX, _SYM, _CODE, _OTHER, _SKIP = range(6)


class _Item:
    __slots__ = ("end", "kind", "meaning", "raw", "start", "value")

    def __init__(self, kind: int, value: object, start: int, end: int, raw: str):
        self.kind, self.value, self.start, self.end, self.raw = kind, value, start, end, raw
        self.meaning: Meaning = value if kind == _LEX else EMPTY  # type: ignore[assignment]

    def skip(self, why: tuple[str, int, int] | None = None) -> None:
        """Set aside: not part of the amount (``why``: the code and span the problem names, if any)."""
        self.kind, self.value, self.meaning = _SKIP, why, EMPTY


def _items(value: str, text: str, lex: Lexicon, dot_groups: bool = False) -> list[_Item]:
    toks = split(text, True)
    words = [w if kind != NUMBER else "#" for kind, w, _, _ in toks]
    items: list[_Item] = []
    numbers: list[_Item] = []
    kinds = 0  # every kind of phrase met
    lookup, count, i = lex.lookup, len(toks), 0
    while i < count:
        kind, w, s, e = toks[i]
        if kind == NUMBER:
            if len(numbers) == MAX_NUMBERS:
                raise Unreadable("several_numbers", N_("more than {count} numbers in one figure; send them as "
                                                       "separate claims"), count=MAX_NUMBERS)
            if len(w) > MAX_DIGITS and sum(c.isdigit() for c in w) > MAX_DIGITS:
                raise Unreadable("too_many_digits", N_("a number has more than {count} digits"), count=MAX_DIGITS)
            item = _Item(_NUM, None, s, e, w)
            items.append(item)
            numbers.append(item)
            i += 1
            continue
        if kind == WORD and e - s == 3 and text[s:e] in _CODES:
            items.append(_Item(_CODE, text[s:e], s, e, text[s:e]))
            i += 1
            continue
        hit = lookup(words, i)
        if hit is not None:
            n, meaning = hit
            end = toks[i + n - 1][3]
            items.append(_Item(_LEX, meaning, s, end, value[s:end]))
            kinds |= meaning.kinds
            i += n
            continue
        items.append(_Item(_SYM if kind == SYMBOL else _OTHER, w, s, e, value[s:e]))
        i += 1
    if "-" in text:  # '36-tausend': a dash glued between a number and its scale word is not a range
        items[:] = [it for j, it in enumerate(items) if not (
            it.kind == _SYM and it.value == "-" and 0 < j < len(items) - 1 and items[j - 1].kind == _NUM and
            items[j - 1].end == it.start and it.end == items[j + 1].start and _has(items[j + 1], _SCALES))]
    if "/" in text:
        _mixed_fractions(items, text)
    if numbers:
        _set_aside(items, text, value)
    if kinds & (_ORDINAL | _FRACTION):  # (phrases set aside above are neither)
        _set_aside_ordinals(items, text)
    for item in numbers:
        if item.kind == _NUM and item.value is None:  # not set aside, nor joined into a mixed fraction
            if item.raw.isdigit():
                item.value = (_q(int(item.raw), 1), 0, None)
                continue
            printed = value[item.start:item.end]
            if dot_groups and lex.decimal == "," and lex.group != "." and DOT_GROUPS.fullmatch(item.raw):
                whole = item.raw.replace(".", "")
                why = f"'{item.raw}' read as {whole}: the document marks decimals with a comma and groups thousands " \
                      "with a point"
                item.value = (_q(int(whole), 1), 0, why)
                continue
            item.value = parse(item.raw, lex.tag, lex.group, "٫" in printed or "٬" in printed or "ر" in printed,
                               lex.both_conventions)
    return items


def _mixed_fractions(items: list[_Item], text: str) -> None:
    """'2 1/2': a whole number, a space and a proper fraction are one number (2.5), read as a fraction is."""
    k = 0
    while k + 3 < len(items):
        a, n, slash, d = items[k:k + 4]
        if a.kind == n.kind == d.kind == _NUM and slash.kind == _SYM and slash.value == "/" and \
                a.raw.isdigit() and n.raw.isdigit() and d.raw.isdigit() and text[a.end:n.start] == " " and \
                n.end == slash.start and slash.end == d.start and 0 < int(n.raw) < int(d.raw) <= 100 and \
                (k + 4 == len(items) or items[k + 4].start > d.end):
            mixed = _Item(_NUM, (int(a.raw) + Fraction(int(n.raw), int(d.raw)), 0, None), a.start, d.end,
                          text[a.start:d.end])
            items[k:k + 4] = [mixed]
        k += 1


def _set_aside_ordinals(items: list[_Item], text: str) -> None:
    """Ordinals are not amounts: 'الحادي عشر', 'the twenty-fifth', 'the third', 'twenty-fifth'."""
    for k, item in enumerate(items):
        if item.kind != _LEX:
            continue
        m = item.meaning
        ordinal = m.kinds & _ORDINAL and not m.kinds & (_NUMBER | _FRACTION | _UNIT)
        if not ordinal and m.kinds & _FRACTION and k:
            prev = items[k - 1]
            ordinal = prev.kind == _LEX and prev.meaning.kinds & _NUMBER and text[prev.end:item.start] == "-" and \
                int(prev.meaning.number) >= 20 or \
                _has(prev, _ORDINAL_ARTICLE)  # 'twenty-fifth', 'the third'
            if _has(prev, _ORDINAL_ARTICLE) and not ordinal:
                continue
        if not ordinal:
            continue
        start, end = item.start, item.end
        j = k - 1
        while j >= 0 and items[j].kind == _LEX and (items[j].meaning.kinds & _NUMBER or items[j].meaning.kinds & _AND
                                                    or items[j].meaning.kinds & _ORDINAL_ARTICLE):
            start = items[j].start
            items[j].skip()
            j -= 1
        j = k + 1
        while j < len(items) and items[j].kind == _LEX and items[j].meaning.kinds & _NUMBER and \
                not items[j].meaning.kinds & _UNIT:
            end = items[j].end
            items[j].skip()
            j += 1
        item.skip(("ordinal", start, end))


def _latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _set_aside(items: list[_Item], text: str, value: str) -> None:
    """Mark the numbers that are not amounts: names, dates, ordinals, clock times, slashed pairs."""
    for k, item in enumerate(items):
        if item.kind != _NUM:
            continue
        s, e, raw = item.start, item.end, item.raw
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        prev = items[k - 1] if k else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        why = None
        dated = k > 1 and prev is not None and prev.kind == _SYM and items[k - 2].meaning.kinds & _YEAR
        glued_money = prev is not None and prev.end == s and (_has(prev, _CURRENCY) or prev.kind == _CODE)
        if not dated and not glued_money and \
                (before.isascii() and before.isalpha() or before == "-" and s > 1 and text[s - 2].isalpha()):
            if nxt is not None and _has(nxt, _SCALES):  # 'SR309 billion': a scale word says it is an amount
                a, b = _word_at(text, s, e)
                raise Unreadable("unknown_prefix", N_("'{text}' glues letters tadqiq does not know to an amount; "
                                                      "write the currency or unit apart from the number"),
                                 text=value[a:b])
            why = ("name",) + _word_at(text, s, e)
        elif after in ":/" and e + 1 < len(text) and text[e + 1].isdigit() or \
                before in ":/" and s > 1 and text[s - 2].isdigit():
            why = ("time_of_day" if ":" in (after, before) else "ratio",) + _pair_at(text, s, e)
        elif nxt is not None and nxt.meaning.kinds & _SUFFIXES and \
                (suffix := next(c for c in _SUFFIX if nxt.meaning.kinds & c)) and \
                (suffix == _TIME_SUFFIX or suffix == _DATE_SUFFIX and raw.isdigit() and len(raw) == 4 or
                 nxt.start == e or nxt.start == e + 1 and after == "."):
            why = (_SUFFIX[suffix], s, nxt.end)
            nxt.skip()
        elif after == "-" and k + 3 < len(items) and items[k + 2].start == e + 1 and \
                _has(items[k + 2], _UNIT | _PERIOD) and items[k + 3].kind == _OTHER:
            why = ("adjective", s, items[k + 2].end)  # 'a 17-year high': it says what follows, not how much
        elif after.isalpha() and nxt is not None and nxt.start == e and after.isupper() and _latin(after) and \
                nxt.end == e + 1 and not _has(nxt, _SCALES | _CURRENCY):
            why = ("name",) + _word_at(text, s, e)  # '5G', '3D': one capital letter against a number names a thing
        elif after.isalpha() and nxt is not None and nxt.start == e:
            m = nxt.meaning
            if _latin(after) and not m.kinds & (_SCALES | _UNIT | _CURRENCY | _PERIOD | _HEDGE | _PER) \
                    and nxt.kind != _CODE:
                why = ("name",) + _word_at(text, s, e)
        if prev is not None and prev.meaning.kinds & _DATE_LINK and k > 1 and items[k - 2].meaning.kinds & _MONTH:
            prev = items[k - 2]  # 'marzo de 2025'
        if nxt is not None and nxt.meaning.kinds & _DATE_LINK and k + 2 < len(items) and \
                items[k + 2].meaning.kinds & _MONTH:
            nxt = items[k + 2]  # '15 de marzo'
        month_before = prev is not None and prev.meaning.kinds & _MONTH
        if why is None and (month_before or nxt is not None and nxt.meaning.kinds & _MONTH or
                            prev is not None and prev.kind == _SKIP and prev.value and prev.value[0] == "date"
                            and raw.isdigit() and len(raw) == 4):
            why = ("date", prev.start if month_before else s,  # type: ignore[union-attr]
                   nxt.end if nxt is not None and nxt.meaning.kinds & _MONTH else e)
        if why is None and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100:
            word = prev if prev is not None and prev.meaning.kinds & _YEAR else \
                items[k - 2] if k > 1 and prev is not None and prev.kind == _SYM and prev.value in "-–" and \
                items[k - 2].meaning.kinds & _YEAR else None
            follows = nxt.meaning if nxt is not None else EMPTY
            if word is not None and not follows.kinds & (_SCALES | _UNIT | _CURRENCY) and \
                    (nxt is None or nxt.kind != _CODE):
                why = ("date", word.start, e)
                word.skip()
        if why is not None:
            item.skip(why)


_SUFFIX = {_DATE_SUFFIX: "date", _ORDINAL_SUFFIX: "ordinal", _TIME_SUFFIX: "time_of_day"}
_SUFFIXES = _DATE_SUFFIX | _ORDINAL_SUFFIX | _TIME_SUFFIX
SECOND_UNIT = N_("'{text}' is a second unit of {kind} after '{unit}' with a number between ('1 hour 30 minutes', "
                 "'5ft 10in'): send the quantity in one unit")
BELOW_START = N_("the range ends below where it starts")
#: The kinds of quantity (``units.KINDS``) as words people read.
_KINDS = {"area": C_("kind", "area"), "count": C_("kind", "count"), "data": C_("kind", "data"),
          "energy": C_("kind", "energy"), "event": C_("kind", "event"), "factor": C_("kind", "factor"),
          "length": C_("kind", "length"), "mass": C_("kind", "mass"), "power": C_("kind", "power"),
          "share": C_("kind", "share"), "speed": C_("kind", "speed"), "temperature": C_("kind", "temperature"),
          "time": C_("kind", "time"), "volume": C_("kind", "volume")}


def _kind(kind: str) -> Callable[[str], str] | str:
    """A kind of quantity as a message's value: said in the message's language."""
    word = _KINDS.get(kind)
    return kind if word is None else (lambda lang: translate(word, lang))


_SET_ASIDE = {
    "name": N_("'{text}' is a name or a code, not an amount"),
    "date": N_("'{text}' is a date, not an amount: send it as a time"),
    "ordinal": N_("'{text}' is an ordinal, not an amount"),
    "time_of_day": N_("'{text}' is a time of day, not an amount"),
    "ratio": N_("'{text}': a slash between numbers may be a date, a ratio or a fraction; write the amount out"),
    "adjective": N_("'{text}' describes what follows it (a 17-year high), it is not an amount"),
}


def _word_at(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "-"):
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return s, e


def _pair_at(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and (text[s - 1].isdigit() or text[s - 1] in ":/"):
        s -= 1
    while e < len(text) and (text[e].isdigit() or text[e] in ":/"):
        e += 1
    return s, e


# -- amounts ----------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Amount:
    parts: list[tuple[Fraction, int, int]]  # (value as printed, digits after the mark, power of ten of its scale)
    start: int
    end: int
    power: int | None = None  # the scale word's power, when one was printed
    words_fraction: bool = False  # a fraction in words is part of it ("مليون ونصف")
    vague: tuple[Fraction, Fraction] | None = None
    several: bool = False
    negative: bool = False
    notes: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    joined: frozenset[str] = frozenset()

    def interval(self, policy: Policy, power: int | None = None
                 ) -> tuple[Fraction, Fraction, Fraction | None, Fraction | None, list[str]]:
        """(low, high, the amount as printed, half-width, notes), taking ``power`` when it has no scale word."""
        p = self.power if self.power is not None else (power or 0)
        scale = _TEN[p]
        if self.vague is not None:
            return self.vague[0] * scale, self.vague[1] * scale, None, None, list(self.notes)
        if self.several:
            return 2 * scale, 1000 * scale, None, None, list(self.notes)
        parts = self.parts if self.power is not None else [(v, d, p) for v, d, _ in self.parts]
        if len(parts) == 1 and not self.words_fraction:
            value, decimals, power = parts[0]
            if decimals and _TEN[decimals] % value.denominator == 0:
                return self._decimal(parts[0])  # '12.3 مليار', '68.5%': the common case, in integers
            if not decimals and value.denominator == 1:
                return self._whole(value.numerator, power, policy)  # '107 دقائق', '170 مليون', '68%'
        total = parts[0][0] * _TEN[parts[0][2]] if len(parts) == 1 else sum(v * _TEN[pw] for v, _, pw in parts)
        notes = list(self.notes)
        if self.words_fraction:
            half = abs(total) * policy.zeros_cap
            notes.append(_policy_notes(policy)[1])
        else:
            _, decimals, last = parts[-1]
            if decimals:
                half = Fraction(1, 2 * 10 ** decimals) * _TEN[last]
            else:
                in_last = total / _TEN[last]
                h, zeros = half_width(in_last, 0, policy)
                half = h * _TEN[last]
                if zeros:
                    notes.append("trailing zeros read as rounding")
        if self.negative:
            total = -total
        return total - half, total + half, total, half, notes

    def _decimal(self, part: tuple[Fraction, int, int]) -> tuple[Fraction, Fraction, Fraction, Fraction, list[str]]:
        """``interval`` of one number printed with decimals: n / 10^d × 10^p, ± half a unit of its last digit, in
        integers over the denominator 2 × 10^d (one reduction per end, not one per operation)."""
        value, decimals, power = part
        n = value.numerator * (_TEN[decimals] // value.denominator)  # the printed digits: 12.50 → 1250
        scale, den = _TEN[power], 2 * _TEN[decimals]
        if self.negative:
            n = -n
        return (_q((2 * n - 1) * scale, den), _q((2 * n + 1) * scale, den), _q(2 * n * scale, den),
                _q(scale, den), list(self.notes))

    def _whole(self, n: int, power: int, policy: Policy
               ) -> tuple[Fraction, Fraction, Fraction, Fraction, list[str]]:
        """``interval`` of a whole number n × 10^p, in integers: ± half a unit ('107'), or with trailing zeros
        read as rounding, never wider than the policy's share of it ('170' is 165–175; ``numbers.half_width``)."""
        scale = _TEN[power]
        zeros, rest = 0, abs(n)
        while rest and rest % 10 == 0 and zeros < 60:
            rest //= 10
            zeros += 1
        notes = list(self.notes)
        if not zeros:  # ± half a unit
            hn, hd = 1, 2
        else:  # min(10^zeros / 2, max(n × cap, 1/2)): the half-width in units, as hn / hd
            notes.append("trailing zeros read as rounding")
            cap = policy.zeros_cap
            hn, hd = (abs(n) * cap.numerator, cap.denominator) if 2 * abs(n) * cap.numerator > cap.denominator \
                else (1, 2)
            if 2 * hn > _TEN[zeros] * hd:
                hn, hd = _TEN[zeros], 2
        if self.negative:
            n = -n
        hn *= scale
        total = n * scale * hd
        return _q(total - hn, hd), _q(total + hn, hd), _q(n * scale, 1), _q(hn, hd), notes


def _at(items: list[_Item], k: int) -> _Item | None:
    return items[k] if k < len(items) else None


def _is(items: list[_Item], k: int, kinds: int) -> int:
    """Whether ``items[k]`` exists and is a phrase meaning any of ``kinds``: ``_has(_at(items, k), kinds)``."""
    return k < len(items) and items[k].meaning.kinds & kinds


def _has(item: _Item | None, kinds: int) -> int:
    """Whether ``item`` is a phrase meaning any of ``kinds`` (an int of ``Kind`` flags)."""
    return item is not None and item.meaning.kinds & kinds


def _starts_amount(items: list[_Item], k: int, have_amount: bool) -> bool:
    item = items[k]
    if item.kind == _NUM:
        return True
    if item.kind != _LEX:
        return False
    m = item.meaning
    if m.kinds & _NUMBER or m.kinds & _VAGUE:
        return True
    if m.kinds & _FRACTION:
        return not (m.kinds & _PERIOD and have_amount)
    if m.kinds & _ONE:
        return _is(items, k + 1, _SCALES | _NUMBER | _FRACTION | _EVERY) or \
            _is(items, k + 1, _TO) and _amount_follows(items, k + 2)  # 'one to two years'
    if m.kinds & _SCALES:
        return len(item.raw.strip(". ")) > 2
    return False


def _words(items: list[_Item], k: int) -> tuple[Fraction, int]:
    """Number words from ``k``: 'three hundred twenty', 'خمسة وعشرون', 'خمسة و عشرون', 'أحد عشر', 'twenty-one',
    'vingt et un', 'ثلاثمائة وواحد'. A number word followed by a fraction is left for the fraction ('مئة وثلاثة
    أرباع' is 100 + 3/4)."""
    current = 0
    while True:
        item = _at(items, k)
        m = item.meaning if item is not None else EMPTY
        if current and m.kinds & _NUMBER and _is(items, k + 1, _FRACTION):
            return Fraction(current), k
        if m.kinds & _NUMBER:
            v = int(m.number)  # type: ignore[call-overload]
            current = current * v if v == 100 and 0 < current < 100 else current + v
            k += 1
        elif m.kinds & _ONE and (_is(items, k + 1, _NUMBER) or _tens(current)):
            current += 1  # 'أحد عشر', 'twenty-one', 'ثلاثمائة وواحد'
            k += 1
        elif m.kinds & _AND and current and _joins(current, _at(items, k + 1), _at(items, k + 2)):
            k += 1
        else:
            return Fraction(current), k


def _tens(current: int) -> bool:
    """Whether a 'one' word after ``current`` adds to it: 'twenty-one', 'vingt et un', 'ثلاثمائة وواحد'."""
    return current >= 20 and current % 10 == 0


def _joins(current: int, nxt: _Item | None, after: _Item | None) -> bool:
    """Whether 'and' between ``current`` and the next word joins one number: 'three hundred and twenty', 'خمسة و
    عشرون', 'vingt et un'; not before a number word that a fraction follows."""
    if _has(nxt, _ONE) and not _has(nxt, _NUMBER):
        return _tens(current) and not _has(after, _FRACTION | _SCALES | _NUMBER)
    if not _has(nxt, _NUMBER) or _has(after, _FRACTION):
        return False
    v = int(nxt.meaning.number)  # type: ignore[union-attr, call-overload]
    return v < 100 <= current or 0 < current < 10 and v >= 20 and v % 10 == 0 and v < 100 or \
        _tens(current) and current < 100 and 0 < v < 10


def _head(items: list[_Item], k: int, amount: _Amount, lex: Lexicon) -> tuple[Fraction | None, int, int]:
    """The first part of an amount: (value or None, digits after the decimal mark, where it ends)."""
    item = items[k]
    m = item.meaning
    if item.kind == _NUM:
        value, decimals, assumption = item.value  # type: ignore[misc]
        if assumption:
            amount.assumptions.append(assumption)
        amount.words_fraction = "/" in item.raw  # '2 1/2'
        glued = _at(items, k + 1)
        if _has(glued, _FRACTION) and glued.start == item.end and decimals == 0:  # type: ignore[union-attr]
            amount.words_fraction = True  # '2½'
            return value + glued.meaning.fraction, 0, k + 2  # type: ignore[union-attr, operator]
        return value, decimals, k + 1
    if m.kinds & _VAGUE:  # 'عشرات', 'tens of', 'hundreds of thousands'
        low, high = m.vague  # type: ignore[misc]
        k += 1
        if _is(items, k, _NUMBER) and items[k].meaning.number == 100:
            low, high, k = low * 100, high * 100, k + 1
        amount.vague = (low, high)
        amount.notes.append(f"'{item.raw}' read as {exact(low)} to {exact(high)}")
        return None, 0, k
    if m.kinds & _FRACTION:
        amount.words_fraction = True
        return m.fraction, 0, k + 1
    if m.kinds & _NUMBER or m.kinds & _ONE and _is(items, k + 1, _NUMBER):
        value, k = _words(items, k)
        return value, 0, k
    if m.kinds & _ONE and _is(items, k + 1, _FRACTION):
        # 'a third', 'one half': the article; 'واحد ونصف': one and a half
        fraction = items[k + 1].meaning.fraction
        amount.words_fraction = True
        whole = lex.arabic and items[k + 1].raw.startswith("و")
        return (1 + fraction if whole else fraction), 0, k + 2  # type: ignore[operator]
    if m.kinds & _ONE:
        return Fraction(1), 0, k + 1
    return None, 0, k


def _fraction_after(items: list[_Item], k: int, value: Fraction, words: bool, amount: _Amount,
                    lex: Lexicon) -> tuple[Fraction, int]:
    """A fraction after the head: 'ثلاثة أخماس' (3/5), 'ثلاثة ونصف' (3.5), 'two and a half', 'مئة وثلاثة أرباع'."""
    nxt = _at(items, k)
    if words and _has(nxt, _FRACTION) and not _has(nxt, _SCALES):
        f = nxt.meaning.fraction  # type: ignore[union-attr]
        additive = lex.arabic and nxt.raw.startswith("و")  # type: ignore[union-attr]
        amount.words_fraction = True
        return (value + f if additive else value * f), k + 1  # type: ignore[operator]
    j = k + 1 if _has(nxt, _AND) else k
    if _is(items, j, _ONE) and _is(items, j + 1, _FRACTION):
        j += 1
    glued = lex.arabic and _is(items, j, _NUMBER) and items[j].raw.startswith("و")
    if (j > k or glued) and _is(items, j, _NUMBER) and _is(items, j + 1, _FRACTION):
        amount.words_fraction = True  # 'مئة وثلاثة أرباع': a hundred and three quarters
        fraction = int(items[j].meaning.number) * items[j + 1].meaning.fraction  # type: ignore[arg-type, operator]
        return value + fraction, j + 2
    if j > k and _is(items, j, _FRACTION) and not _is(items, j, _SCALES):
        amount.words_fraction = True
        return value + items[j].meaning.fraction, j + 1  # type: ignore[operator]
    return value, k


def _scale(item: _Item, value: Fraction | None, amount: _Amount) -> Fraction | None:
    """A scale word: its power; alone it is one ('مليون'), two ('ملياري') or several ('مليارات') of it."""
    section = item.meaning.kinds & _SCALES
    amount.power = int(item.meaning.scale)  # type: ignore[arg-type]
    if value is not None or amount.vague is not None:
        return value
    if section == _SCALE_PLURAL:
        amount.several = True
        amount.notes.append("a plural scale word alone read as 'several': 2 to 1000 of it")
        return None
    if section == _SCALE_DUAL and "\u064b" not in item.raw:
        amount.notes.append(f"'{item.raw}' read as two of it")
        return Fraction(2)
    amount.notes.append(f"'{item.raw}' read as one of it")  # 'مليون', or 'تريليوناً': the accusative of one
    return Fraction(1)


def _joined(items: list[_Item], k: int, amount: _Amount, lex: Lexicon, compound: bool) -> int:
    """What joins a scaled amount: a fraction ('مليون ونصف', 'a million and a half') or a smaller amount ('3 مليارات
    و200 مليون', '2 million 500 thousand', 'ألفان وخمسمائة'). Returns where the amount ends."""
    power = amount.power
    assert power is not None
    j = k + 1 if _is(items, k, _AND) else k
    if _is(items, j, _ONE) and _is(items, j + 1, _FRACTION):
        j += 1
    trailing = _at(items, j)
    if _has(trailing, _FRACTION) and not _is(items, j + 1, _SCALES) and \
            (j > k or lex.arabic and trailing.raw.startswith("و")):  # type: ignore[union-attr]
        amount.parts.append((trailing.meaning.fraction * _TEN[power], 0, 0))  # type: ignore[union-attr, operator]
        amount.words_fraction = True
        return j + 1
    if not compound or amount.words_fraction:
        return k
    j = k + 1 if _is(items, k, _AND) else k
    if j < len(items) and _starts_amount(items, j, True) and not _has(items[j], _VAGUE | _FRACTION):
        sub, after = _amount(items, j, lex)
        sub_value = sum((v * _TEN[pw] for v, _, pw in sub.parts), Fraction(0))
        if power == 3 and j == k and items[j].kind == _NUM and len(amount.parts) == 1 and len(sub.parts) == 1 and \
                sub.power is not None and \
                sub.power > 3 and 0 <= sub.parts[0][0] < 1000 and not sub.several and sub.vague is None:
            # 'seis mil 215.53 millones', '5 mil 194 millones': the thousands and the rest of one number, scaled
            value, decimals, sub_power = sub.parts[0]
            amount.parts[:] = [(amount.parts[0][0] * 1000 + value, decimals, sub_power)]
            amount.power = sub_power
            amount.assumptions.extend(sub.assumptions)
            return after
        if not sub.several and sub.vague is None and sub.parts and \
                (sub.power is not None and sub.power < power or
                 sub.power is None and 0 < sub_value < _TEN[power] and (j > k or items[j].kind != _NUM)):
            amount.parts.extend(sub.parts)
            amount.words_fraction |= sub.words_fraction
            amount.assumptions.extend(sub.assumptions)
            return after
    return k


def _amount(items: list[_Item], k: int, lex: Lexicon, compound: bool = True) -> tuple[_Amount, int]:
    """The amount that starts at ``k`` and where it ends: its head (digits, a vague word, a fraction, number words),
    a fraction after it, its scale word, then a fraction or a smaller amount joined to it."""
    item = items[k]
    amount = _Amount(parts=[], start=item.start, end=item.end)
    value, decimals, k = _head(items, k, amount, lex)
    if value is not None and not amount.words_fraction and _is(items, k, _JOINS):
        value, k = _fraction_after(items, k, value, item.kind != _NUM, amount, lex)
    if amount.words_fraction and _is(items, k, _ONE) and _is(items, k + 1, _SCALES):
        k += 1  # 'half a million'
    if _is(items, k, _SCALES):  # after the number, or the amount's first word ('مليارات الدولارات')
        value = _scale(items[k], value, amount)
        k += 1
    if value is not None:
        amount.parts.append((value, decimals, amount.power or 0))
    if amount.power is not None and value is not None and k < len(items) and \
            (items[k].kind == _NUM or items[k].meaning.kinds & _JOINS):
        k = _joined(items, k, amount, lex, compound)
    amount.end = items[k - 1].end
    return amount, k


# -- the figure -------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _State:
    hedge: str | None = None
    unit: str | None = None
    currency: str | None = None
    currency_printed: str = ""
    period: str | None = None
    per: str | None = None
    from_word: bool = False
    nationality: str | None = None  # 'دنانير أردنية': the territory an adjective names
    minor: tuple[tuple[str, ...], int] | None = None  # 'cents', 'فلس': the families it is a part of, and how small
    count: int | None = None  # a unit word that names one or two of it alone ('شهر', 'عامين')
    period_one: bool = False  # the period was written with 'a' / 'an' ('a year')
    mass: bool = False  # 'pounds of flour': the pound is a weight
    unit_at: int = -1  # the item that named the unit
    on: dt.date | None = None  # the document's publication date (a currency word whose meaning changed)
    span: list[int] = field(default_factory=lambda: [1 << 30, -1])

    def touch(self, item: _Item) -> None:
        span = self.span
        if item.start < span[0]:
            span[0] = item.start
        if item.end > span[1]:
            span[1] = item.end


def _read_text(value: str, lex: Lexicon, language: str, unit_hint: str | None, policy: Policy,
               published: dt.date | None = None, dot_groups: bool = False) -> Measure:
    if len(value) > MAX_TEXT:
        raise Unreadable("too_long", N_("the figure is longer than {count} characters"), count=MAX_TEXT)
    text = digits(value)
    rare = _RARE.search(text) is not None
    if rare and _NOTATION.search(text):
        raise Unreadable("notation", N_("scientific, power, hexadecimal or binary notation is not read; write the "
                                        "number out"))
    if rare and _ARABIC_COMMA.search(text):
        raise Unreadable("ambiguous_separator", N_("an Arabic comma between digits may be a decimal mark or a list; "
                                                   "write the number with ٫ or a point"))
    if text.lstrip().startswith("(") and _BRACKETED.fullmatch(text.strip()):
        raise Unreadable("bracketed", N_("'{text}' is a number alone in parentheses: a results table's way of "
                                         "printing a negative, or an aside; send it without them (with a minus sign "
                                         "if it is negative)"), text=value.strip())
    reversed_decimal = _REVERSED.search(text) if rare else None
    if reversed_decimal:  # same length: spans still index the text as printed
        text = _REVERSED.sub(lambda m: f"{m[2]}.{m[1]}", text)
    figure = _Figure(_items(value, text, lex, dot_groups), lex, rare and _ACCOUNTING.search(text) is not None)
    figure.read()
    if len(figure.at) == 2:
        _mixed_ends(figure, value)
    figure.state.on = published
    if reversed_decimal and figure.amounts:
        figure.amounts[0].assumptions.append(
            f"'{reversed_decimal[0]}' read as {reversed_decimal[2]}.{reversed_decimal[1]}: wire copy's decimal written "
            "with ر, its digits the other way round")
    return _compose(value, figure.amounts, figure.skipped, figure.state, lex, unit_hint, policy,
                    rare and _SEPARATED.search(text) is not None)


def _end_kind(item: _Item | None) -> tuple[str, str] | None:
    """What a range's end is counted in, when the item next to it says: a unit ('%', 'km') or a currency ('$',
    'euros', 'USD'; a family such as 'dollar' in lower case), and the words that say it."""
    if item is None:
        return None
    if item.kind == _CODE:
        return str(item.value), item.raw
    m = item.meaning
    if m.kinds & _CURRENCY:
        return str(m.currency), item.raw
    if m.kinds & _UNIT:
        return str(m.unit), item.raw
    return None


def _same_kind(a: str, b: str) -> bool:
    """Two ends' units or currencies: the same, or a currency and the family it belongs to ('$' and 'USD')."""
    if a == b:
        return True
    family, code = (a, b) if a.islower() else (b, a)
    return code.isupper() and family in currencies.FAMILIES and code in currencies.FAMILIES[family].codes


def _mixed_ends(figure: _Figure, text: str) -> None:
    """A range whose two ends each say what they count, and say different things ('5% to $3bn', '$5 to 10%'), is
    no range: most often a change and the level it reached read as one figure ('rose 5% to $3bn'). Refused, never
    read as a range in the last end's unit. An end says it with the word just before it (a currency symbol) or
    just after it (a unit, a currency, a percent sign); an end that says nothing takes the other's ('5 to 10%')."""
    joined = figure.amounts[1].joined
    if not (joined & {"dash", "to"} or "and" in joined and figure.state.from_word):
        return  # not a range: said otherwise when the figure is composed
    items = figure.items
    (a, a_after), (b, b_after) = figure.at
    first = (_end_kind(items[a - 1]) if a else None) or (_end_kind(items[a_after]) if a_after < b else None)
    second = (_end_kind(items[b - 1]) if b - 1 > a_after else None) or \
        (_end_kind(items[b_after]) if b_after < len(items) else None)
    if first and second and not _same_kind(first[0], second[0]):
        raise Unreadable("mixed_range", N_("'{text}' joins two figures of different kinds ('{first}', '{second}'): "
                                           "not a range; send them as separate claims"),
                         text=text.strip(), first=first[1].strip(), second=second[1].strip())


def _per_clitic(item: _Item, lex: Lexicon) -> bool:
    """An Arabic word glued to ل ('للدولار', 'ليورو') that the table knows only without it: 'for each'."""
    if not lex.arabic or not item.raw.startswith("ل"):
        return False
    word = " ".join(t for t, _, _ in tokens(item.raw))
    return word not in lex.meaning


class _Figure:
    """One pass over a figure's items: amounts, and around them what they are (one method per kind of
    expression: range and sign words, money, 'per', hedges, periods, units). Each method takes the item at ``k``
    and returns where to go on."""

    def __init__(self, items: list[_Item], lex: Lexicon, negative: bool):
        self.items, self.lex = items, lex
        self.state = _State()
        self.amounts: list[_Amount] = []
        self.skipped: list[tuple[str, int, int]] = []
        self.between: set[str] = set()
        self.negative = negative  # the next amount is negative ('−5', 'سالب 5', '$(118,000,000)')
        self.after_amount = -1  # the index of the item just after the last amount
        self.at: list[tuple[int, int]] = []  # each amount's first item and the item just after it

    def read(self) -> None:
        items, k = self.items, 0
        while k < len(items):
            item = items[k]
            if item.kind == _NUM or item.meaning.kinds & _STARTS and _starts_amount(items, k, bool(self.amounts)):
                k = self.amount(k)
            elif item.kind == _LEX:
                k = self.word(item, k)
            elif item.kind == _SKIP:
                if item.value:
                    self.skipped.append(item.value)  # type: ignore[arg-type]
                k += 1
            elif item.kind == _CODE:
                if self.state.currency is None:
                    self.state.currency, self.state.currency_printed = str(item.value), item.raw
                    self.state.touch(item)
                k += 1
            elif item.kind == _SYM:
                k = self.symbol(item, k)
            else:
                k = self.other(item, k)

    def amount(self, k: int) -> int:
        items, state = self.items, self.state
        amount, after = _amount(items, k, self.lex)
        start, first, k = items[k], k, max(after, k + 1)
        self.after_amount = k
        self.at.append((first, k))
        amount.negative, self.negative = self.negative, False
        amount.joined, self.between = frozenset(self.between), set()
        self.amounts.append(amount)
        state.touch(start)
        state.touch(items[k - 1])
        j = k + 1 if k < len(items) and (items[k].kind == _OTHER or _has(items[k], _UNIT)) else k
        if _is(items, j, _BELOW_ZERO):  # '12 درجة تحت الصفر', '5 degrees below zero'
            amount.negative = True
            state.unit = state.unit or _celsius(items[k])
            state.touch(items[j])
            k = j + 1
        return k

    def symbol(self, item: _Item, k: int) -> int:
        """A dash between amounts, a sign before one, '/' before a unit ('km/h')."""
        items, nxt = self.items, _at(self.items, k + 1)
        if item.value in "-–—" and self.amounts and _amount_follows(items, k + 1):
            self.between.add("dash")
        elif item.value in "-−–" and not self.amounts and nxt is not None and nxt.start - item.end <= 1 and (
                nxt.kind == _NUM or (_has(nxt, _CURRENCY) or nxt.kind == _CODE) and _at(items, k + 2) is not None
                and items[k + 2].kind == _NUM):
            self.negative = True  # '−5', '(–12 800', 'mit – 0,3', '-$5 billion'
            self.state.touch(item)
        elif item.value == "/" and _has(nxt, _UNIT):
            _per(self.state, str(nxt.meaning.unit))  # type: ignore[union-attr]
            self.state.touch(nxt)  # type: ignore[arg-type]
            return k + 2
        return k + 1

    def other(self, item: _Item, k: int) -> int:
        """A word the lexicon does not know: a counted thing, unless it is a unit tadqiq cannot place or stands
        between a number and its currency."""
        if item.kind == _OTHER and k == self.after_amount:
            _unknown_unit(item)
            link = _at(self.items, k + 1)  # '1,4 gazillion de dollars', '5 foo of dollars': a linking word between
            linked = link is not None and (link.meaning.kinds & _DATE_LINK or fold(link.raw) == "d") and \
                _is(self.items, k + 2, _CURRENCY | _MINOR)
            if (linked or _is(self.items, k + 1, _CURRENCY | _MINOR)) and self.state.currency is None:
                raise Unreadable("unknown_word", N_("'{text}' stands between the number and its currency and is "
                                                    "not a word tadqiq reads (a scale word misspelt?)"), text=item.raw)
        return k + 1

    def word(self, item: _Item, k: int) -> int:
        kinds = item.meaning.kinds
        methods = _METHODS.get(kinds)
        if methods is None:
            methods = _METHODS[kinds] = tuple(method for handles, method in _WORD_HANDLERS if kinds & handles)
        for method in methods:
            after = method(self, item, k)
            if after is not None:
                return after
        return k + 1

    def joiner(self, item: _Item, k: int) -> int | None:
        """Words between amounts ('to', 'و', 'versus', 'one in three'), a minus word before one, 'from' / 'بين'."""
        m, amounts = item.meaning, self.amounts
        if amounts and m.kinds & (_VERSUS | _EVERY) and _amount_follows(self.items, k + 1):
            self.between.add("versus" if m.kinds & _VERSUS else "every")
        elif amounts and m.kinds & (_TO | _AND) and _amount_follows(self.items, k + 1):
            self.between.add("to" if m.kinds & _TO else "and")
        elif m.kinds & _MINUS and not amounts and _at(self.items, k + 1) is not None and \
                self.items[k + 1].kind == _NUM:
            self.negative = True  # 'سالب 5', 'minus 5', 'ناقص 1,8'
            self.state.touch(item)
        elif m.kinds & _FROM and not amounts and not m.kinds & (_CURRENCY | _UNIT | _HEDGE | _PERIOD | _PER):
            self.state.from_word = True
        else:
            return None
        return k + 1

    def money(self, item: _Item, k: int) -> int | None:
        """A currency, a nationality that settles its family ('دنانير أردنية'), a minor unit ('cents', 'فلس')."""
        m, state = item.meaning, self.state
        family = state.currency is not None and state.currency.islower()
        if m.kinds & _CURRENCY and state.currency is not None and self.amounts and _per_clitic(item, self.lex):
            if state.per is not None:
                return None
            state.per = str(m.currency)  # '3.75 ريال للدولار', '5 دولارات لليورو': a rate of exchange
        elif m.kinds & _NATIONALITY and family:
            state.nationality = str(m.nationality)  # 'دنانير أردنية', 'ريالا قطريا'
        elif m.kinds & _CURRENCY and family and str(m.currency).isupper():
            state.currency, state.currency_printed = str(m.currency), item.raw  # 'جنيهات إسترلينية'
        elif m.kinds & _MINOR and state.currency is None and state.minor is None:
            state.minor = m.minor
            state.currency_printed = item.raw
        elif m.kinds & _CURRENCY and state.currency is None and state.minor is None and \
                not (m.kinds & _UNIT and _is(self.items, k + 1, _DATE_LINK)):
            state.currency, state.currency_printed = str(m.currency), item.raw
            state.mass = bool(m.kinds & _UNIT)  # 'pounds': money or weight, as the territory says
        else:
            return None
        state.touch(item)
        return k + 1

    def per(self, item: _Item, k: int) -> int | None:
        """'per user', 'للفرد', 'per household' (an entity the lexicon does not know)."""
        m, state, nxt = item.meaning, self.state, _at(self.items, k + 1)
        if m.kinds & _PER_ENTITY and nxt is not None and nxt.kind == _OTHER and self.amounts:
            state.per = state.per or str(nxt.value)  # 'per household', 'por ciudadano': an opaque entity
            state.touch(nxt)
            return k + 2
        if m.kinds & _PER_ENTITY and _has(nxt, _CURRENCY) and state.currency is not None and self.amounts:
            state.per = state.per or str(nxt.meaning.currency)  # '18.37 pesos por dólar': a rate of exchange
            state.touch(nxt)  # type: ignore[arg-type]
            return k + 2
        if m.kinds & _PER_UNIT:
            state.per = str(m.per_unit)
            state.touch(item)
            return k + 1
        if m.kinds & _ONE and len(self.amounts) == 1 and self.amounts[0].words_fraction and _has(nxt, _UNIT):
            return None  # 'half a century', 'half a percentage point': a part of one unit, not a rate per unit
        if m.kinds & _PER and _has(nxt, _UNIT) and (self.amounts or state.unit or state.currency):
            _per(state, str(nxt.meaning.unit))  # type: ignore[union-attr]
            state.touch(nxt)  # type: ignore[arg-type]
            return k + 2
        return None

    def hedge(self, item: _Item, k: int) -> int | None:
        m, state = item.meaning, self.state
        if m.kinds & _PLUS:  # '10,000+'
            if self.amounts and state.hedge is None:
                state.hedge = "lower"
                state.touch(item)
            return k + 1
        if m.hedge == "negation":  # 'nicht unter', 'not less than': the bound after it, turned round
            nxt = _at(self.items, k + 1)
            bound = str(nxt.meaning.hedge) if nxt is not None and _has(nxt, _HEDGE) else None
            if bound == "approximate":
                raise Unreadable("negated_bound", N_("'{text}' negates an approximation: it says what the figure is "
                                                     "not, not what it is"),
                                 text=f"{item.raw} {nxt.raw}")  # type: ignore[union-attr]
            turned = _TURNED.get(bound or "")
            if turned is None or state.hedge is not None:
                return None  # a negation elsewhere is no part of the figure
            state.hedge = turned
            state.touch(item)
            state.touch(nxt)  # type: ignore[arg-type]
            return k + 2
        if state.hedge is None:
            state.hedge = str(m.hedge)
            state.touch(item)
            return k + 1
        return None

    def period(self, item: _Item, k: int) -> int | None:
        if self.state.period is not None:
            return None
        self.state.period = str(item.meaning.period)
        self.state.period_one = not self.amounts and item.raw.split()[0].casefold() in ("a", "an")  # 'a year'
        self.state.touch(item)
        return k + 1

    def unit(self, item: _Item, k: int) -> int | None:
        """A unit ('45g', 'pounds of flour'), one the word names alone ('شهر', 'عامين'), or the numeral after its
        noun ('نقطة مئوية واحدة')."""
        m, state = item.meaning, self.state
        if m.kinds & _ONE and not self.amounts and state.unit is not None and state.count is None and \
                k >= 1 and _has(self.items[k - 1], _UNIT):
            state.count = 1  # 'نقطة مئوية واحدة': the numeral after its noun
        elif m.kinds & _ONE and not self.amounts and state.unit is None and state.count is None and \
                _has(_at(self.items, k + 1), _UNIT) and not _has(_at(self.items, k + 1), _CURRENCY):
            state.count = 1  # 'una décima', 'ein Prozentpunkt': the word for one before its unit ('a pound' may be
            # money: left to the currency's reading, which needs a number)
        elif m.kinds & _UNIT and state.unit is None and (not _letter(item.raw) or _glued(self.items, k)):
            state.unit, state.unit_at = str(m.unit), k  # a one-letter symbol only glued: '45g'
            if not self.amounts and m.kinds & _UNIT_COUNT:
                state.count = int(m.unit_count)  # type: ignore[arg-type]
        elif m.kinds & _UNIT and state.unit is not None and str(m.unit) != state.unit and \
                KINDS.get(str(m.unit)) in _MEASURED and KINDS.get(str(m.unit)) == KINDS.get(state.unit) and \
                any(i.kind == _NUM or (i.kind == _SKIP and i.value and i.value[0] == "name")
                    for i in self.items[state.unit_at + 1:k]):
            raise Unreadable("compound_quantity", SECOND_UNIT, text=item.raw, kind=_kind(KINDS[state.unit]),
                             unit=state.unit)
        else:
            return None
        state.touch(item)
        return k + 1


#: Kinds of units that a compound quantity writes in two ('ساعة و30 دقيقة', '5ft 10in', '3 kg 200 g').
_MEASURED = frozenset({"time", "length", "mass", "volume", "area"})

#: A bound turned round by a negation before it: not below X is at least X.
_TURNED = {"lower": "upper", "upper": "lower"}

#: Which method reads a word of which kinds, in the order they are tried.
_WORD_HANDLERS = ((_VERSUS | _EVERY | _TO | _AND | _MINUS | _FROM, _Figure.joiner),
                  (_NATIONALITY | _CURRENCY | _MINOR, _Figure.money), (_PER_ENTITY | _PER_UNIT | _PER, _Figure.per),
                  (_PLUS | _HEDGE, _Figure.hedge), (_PERIOD, _Figure.period), (_ONE | _UNIT, _Figure.unit))
#: The methods of ``_WORD_HANDLERS`` that read a phrase of the given kinds, by kinds: filled as phrases are met
#: (at most one entry per combination of kinds the lexicons hold).
_METHODS: dict[int, tuple] = {}


@lru_cache(maxsize=4096)
def _letter(raw: str) -> bool:
    """A one-letter word ('g', 'd', 'م'): a unit symbol only when glued to its number."""
    word = fold(raw).replace(" ", "")
    return len(word) == 1 and word.isalpha()


def _glued(items: list[_Item], k: int) -> bool:
    """Whether ``items[k]`` is written against the number before it ('45g', '60mph')."""
    return k > 0 and items[k - 1].kind == _NUM and items[k - 1].end == items[k].start


def _unknown_unit(item: _Item) -> None:
    """A word after a figure that pint knows as a unit but tadqiq does not read ('10 furlongs') is a problem: a
    unit the reader cannot place is never dropped. Any other noun is a counted thing ('5 widgets')."""
    word = str(item.value)
    if 3 <= len(word) <= 30 and word.isascii() and word.isalpha() and \
            (word in PINT_NAMES or word.endswith("s") and (word[:-1] in PINT_NAMES or word[:-2] in PINT_NAMES)):
        raise Unreadable("unknown_unit", N_("'{text}' is a unit tadqiq does not read; send the figure in a unit it "
                                            "knows"), text=item.raw)


def _celsius(item: _Item) -> str:
    """'درجة', 'degrees' before 'below zero': degrees Celsius, unless the word named another temperature."""
    unit = str(item.meaning.unit) if item.kind == _LEX else ""
    return unit if KINDS.get(unit) == "temperature" else "celsius"


def _amount_follows(items: list[_Item], k: int) -> bool:
    """Whether an amount starts at ``k``, past a currency, a hedge or an article ('to $12bn', 'y el 30 %')."""
    skipped_word = False
    while k < len(items) and not _starts_amount(items, k, True) and \
            (items[k].kind == _CODE or _has(items[k], _CURRENCY | _HEDGE) or
             items[k].kind == _SYM and items[k].value in "-−–+" and _at(items, k + 1) is not None and
             items[k + 1].kind == _NUM or
             items[k].kind == _OTHER and not skipped_word and len(items[k].raw) <= 3):
        skipped_word |= items[k].kind == _OTHER
        k += 1
    return k < len(items) and _starts_amount(items, k, True)


_RUNS = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[^\W\d_]+")


def _compound_word(word: str, unit: str, lang: str) -> None:
    """A word set aside as a name that is the rest of a compound quantity ('5ft 10in', '1h30'): a number glued to
    a unit of the figure's kind, or a unit between two numbers, is not a name but a second unit with its number.
    Reading the first unit alone would be wrong, so it is a problem ('M25' or '5G' start with a letter or name no
    unit of the kind: they stay names)."""
    runs = _RUNS.findall(word)
    if len(runs) < 2 or not runs[0][0].isdigit() or KINDS.get(unit) not in _MEASURED:
        return
    known = words(lang)
    for r in runs[1:]:
        if not r[0].isdigit() and KINDS.get(known.get(fold(r), (r,))[0]) == KINDS[unit] and \
                (known[fold(r)][0] != unit or len(runs) > 2):
            raise Unreadable("compound_quantity", N_("'{text}' is a second unit of {kind} after '{unit}' with a "
                                                     "number ('1 hour 30 minutes', '5ft 10in'): send the quantity in "
                                                     "one unit"), text=word, kind=_kind(KINDS[unit]), unit=unit)


def _per(state: _State, unit: str) -> None:
    if unit in PERIODS:
        state.period = state.period or unit
    else:
        state.per = state.per or unit


def _compose(text: str, amounts: list[_Amount], skipped: list[tuple[str, int, int]], state: _State, lex: Lexicon,
             unit_hint: str | None, policy: Policy, separator: bool = False) -> Measure:
    groups: dict[str, tuple[int, int]] = {}
    for code, start, end in skipped:
        if code == "name" and state.unit is not None:
            _compound_word(text[start:end], state.unit, lex.lang)
        low, high = groups.get(code, (start, end))
        groups[code] = (min(low, start), max(high, end))
    if not amounts and not skipped and state.count is not None:  # 'شهر' is one month, 'عامين' two years
        amounts = [_Amount(parts=[(Fraction(state.count), 0, 0)], start=0, end=0,
                           notes=[f"the unit alone read as {state.count} of it"])]
    elif not amounts and not skipped and state.period_one and state.unit is None:  # 'a year' is one year
        amounts = [_Amount(parts=[(Fraction(1), 0, 0)], start=0, end=0, notes=["'a' read as one"])]
        state.unit, state.period = state.period, None
    if not amounts:
        if groups:
            code, (start, end) = next(iter(groups.items()))
            raise Unreadable("not_an_amount" if code == "adjective" else code, _SET_ASIDE[code],
                             text=text[start:end])
        raise Unreadable("no_number", N_("no number found in the figure"))
    if len(amounts) > 2:
        raise Unreadable("several_numbers", N_("more than two amounts in one figure; send them as separate claims"))
    assumptions = [a for amount in amounts for a in amount.assumptions]
    if groups:
        assumptions += [f"{_SET_ASIDE[code].format(text=text[start:end]).split(':')[0]}; it is not part of the figure"
                        for code, (start, end) in groups.items()]
    first = amounts[0]
    number: Fraction | None = None
    precision: Fraction | None = None
    ends: tuple[Fraction, Fraction] | None = None
    if len(amounts) == 2:
        second = amounts[1]
        if "versus" in second.joined:
            raise Unreadable("two_numbers", N_("two figures set against each other ('3 points versus 3.8'); send "
                                               "them as separate claims"))
        if "every" in second.joined:
            return _one_in(text, first, second, state, policy, assumptions)
        if not (second.joined & {"dash", "to"} or "and" in second.joined and state.from_word):
            raise Unreadable("two_numbers", N_("two numbers and no range words between them; send them as separate "
                                               "claims"))
        b_lo, b_hi, b_mid, _, b_notes = second.interval(policy)
        shared = first.interval(policy, second.power) if first.power is None and second.power is not None else None
        if shared is not None and shared[0] <= b_hi:  # '10–12 مليار': the first end takes the second's scale
            a_lo, a_hi, a_mid, _, a_notes = shared
        else:
            a_lo, a_hi, a_mid, _, a_notes = first.interval(policy)
        if a_lo > b_hi or a_mid is not None and b_mid is not None and a_mid > b_mid:
            raise Unreadable("bad_range", BELOW_START)
        lo, hi, bound = a_lo, b_hi, "range"
        if a_mid is not None and b_mid is not None:
            ends = (a_mid, b_mid)
        notes = list(dict.fromkeys(a_notes + b_notes))
        widths = (a_mid if a_mid is not None else a_lo, b_mid if b_mid is not None else b_hi)
    else:
        lo, hi, number, precision, notes = first.interval(policy)
        bound = "range" if number is None else "exact"
        width = number if number is not None else lo
        widths = (width, width if number is not None else hi)
    if state.hedge is None:
        value = _interval(Interval, (lo, hi))
    elif state.hedge == "approximate":
        value = Interval(_widen(lo, widths[0], policy.approximate, -1), _widen(hi, widths[1], policy.approximate, 1))
        bound = "approximate"
        notes.append(_policy_notes(policy)[0])
    elif state.hedge == "lower":  # "more than 60 %" is above 60 %, not above 59.5 %
        value, bound = Interval(number if number is not None else lo, None), "lower"
        notes.append("lower bound at the printed value: no upper end")
    elif state.hedge == "upper":
        top = number if number is not None else hi
        value, bound = Interval(Fraction(0) if top >= 0 else None, top), "upper"
        notes.append("upper bound at the printed value: from zero")
    else:
        value = _interval(Interval, (lo, hi))
    unit, unit_assumption = _unit(state, lex, unit_hint)
    if unit_assumption:
        assumptions.append(unit_assumption)
    if state.minor is not None:  # '50 cents' is half a dollar
        part = Fraction(1, state.minor[1] or 10 ** currencies.digits(unit or ""))
        value = value * part
        number = number * part if number is not None else None
        precision = precision * part if precision is not None else None
        ends = (ends[0] * part, ends[1] * part) if ends is not None else None
        notes.append(f"'{state.currency_printed.strip()}' read as {part} of the currency")
    lone_fraction = len(amounts) == 1 and first.words_fraction and first.power is None and first.parts and \
        abs(sum((v for v, _, _ in first.parts), Fraction(0))) <= 1
    if lone_fraction and unit is None and state.period is not None and state.currency is None:
        unit, state.period = state.period, None  # 'half an hour' is a duration, not 50 % an hour
    if lone_fraction and unit is None and state.per is not None and state.currency is None:
        # 'half a point', 'a tenth of a point': a part of one thing the reader knows as no unit — neither a share
        # (it was read as 50 % per point) nor a rate; 'half a percentage point' reads, 'point' alone is ambiguous
        raise Unreadable("unknown_unit", N_("'{text}' is a unit tadqiq does not read; send the figure in a unit it "
                                            "knows"), text=state.per)
    if lone_fraction and state.currency is None and state.minor is None and KINDS.get(unit or "") in _GROUPS:
        # a part of a group ('a third of the population', 'half of users'); of a measure's unit, a part of one unit:
        # 'a quarter of a mile' is 0.25 mile (it was read as 25 %, the mile dropped)
        value, number, precision = value * 100, number * 100 if number is not None else None, \
            precision * 100 if precision is not None else None
        unit = "percent"
        notes.append("a fraction in words alone read as a share, in percent")
    span = tuple(state.span) if state.span[1] >= 0 else None
    per = state.per
    if per in currencies.FAMILIES:  # '18.37 pesos por dólar', '3.75 ريال للدولار': a rate against a family's main currency
        per = currencies.FAMILIES[state.per].default
        assumptions.append(f"'per {state.per}' read as per {per}, the {state.per} rates of exchange are quoted against")
    return Measure(text, value, bound, unit, per, state.period, precision, span,  # the fields' order: faster
                   tuple(notes), tuple(assumptions), number, ends, separator)


#: Kinds whose unit names members of a group (or none): a fraction in words alone of them is a share.
_GROUPS = (None, "count", "event")


def _widen(x: Fraction | int, width: Fraction | int, share: Fraction, sign: int) -> Fraction:
    """x + sign × |width| × share, exactly, in integers: one reduction instead of three Fraction operations."""
    xn, xd, wd, sd = x.numerator, x.denominator, width.denominator, share.denominator
    return _q(xn * wd * sd + sign * abs(width.numerator) * share.numerator * xd, xd * wd * sd)


def _one_in(text: str, first: _Amount, second: _Amount, state: _State, policy: Policy,
            assumptions: list[str]) -> Measure:
    """'واحد من كل ثلاثة', 'one in three', 'un sur cinq': a share, first / second, in percent; a round figure, so
    ±5 % of it like a fraction in words."""
    a, b = first.interval(policy)[2], second.interval(policy)[2]
    if a is None or b is None or b <= 0 or not 0 <= a <= b:
        raise Unreadable("not_an_amount", N_("'{text}' sets two numbers against each other in a way that is not "
                                             "a share; send them as separate claims"), text=text)
    share = a / b * 100
    half = share * policy.zeros_cap
    span = (state.span[0], state.span[1]) if state.span[1] >= 0 else None
    value, bound = Interval(share - half, share + half), "exact"
    notes = [f"'{text}' read as a share of {percent_text(share / 100)}, ±{percent_text(policy.zeros_cap)} of it"]
    if state.hedge == "approximate":  # 'about one in five'
        wider = share * policy.approximate
        value, bound = Interval(share - half - wider, share + half + wider), "approximate"
        notes.append(f"approximate: ±{percent_text(policy.approximate)} of the value")
    elif state.hedge == "lower":  # 'more than one in four' is above 25 %
        value, bound = Interval(share, None), "lower"
        notes.append("lower bound at the printed value: no upper end")
    elif state.hedge == "upper":
        value, bound = Interval(Fraction(0), share), "upper"
        notes.append("upper bound at the printed value: from zero")
    return Measure(text=text, value=value, bound=bound, unit="percent", precision=half, span=span, number=share,
                   assumptions=tuple(assumptions), notes=tuple(notes))


def _unit(state: _State, lex: Lexicon, hint: str | None) -> tuple[str | None, str | None]:
    if state.minor is not None:  # 'cents', 'فلس': a part of the territory's currency of those families
        families, _ = state.minor
        return currencies.resolve_part(families, state.currency_printed.strip(), lex.locale.language,
                                       lex.territory, lex.families.get(families[0]))
    if state.currency is not None and state.mass and state.currency.islower() and lex.territory and \
            not currencies.of_family(state.currency, lex.territory):
        return "pound", f"'{state.currency_printed.strip()}' read as a weight: the document's territory " \
                        f"({lex.territory}) has no {state.currency} of its own"
    if state.currency is not None:
        territory = state.nationality or lex.territory
        default = lex.families.get(state.currency) if not state.nationality else None
        return currencies.resolve(state.currency, state.currency_printed.strip(), lex.locale.language, territory,
                                  default, state.on if default and " until " in default else None)
    if state.unit is not None:
        return state.unit, None
    if hint:
        return _hint(hint, lex)
    return None, None


def _hint(hint: str, lex: Lexicon) -> tuple[str, str | None]:
    """The unit a claim names in its ``unit`` field: a unit name, a word for one, or a currency code."""
    if hint in KINDS:
        return hint, None
    if len(hint) == 3 and hint.isalpha() and hint.upper() in _CODES:
        return hint.upper(), None
    if hint in ("%", "٪"):
        return "percent", None
    toks = split(digits(hint))
    words = [w for _, w, _, _ in toks]
    hit = lex.lookup(words, 0) if words else None
    if hit is not None and hit[0] == len(words):
        m = hit[1]
        if m.kinds & _CURRENCY:
            return currencies.resolve(str(m.currency), hint.strip(), lex.locale.language, lex.territory,
                                      lex.families.get(str(m.currency)))
        if m.kinds & _UNIT:
            return str(m.unit), None
    raise Unreadable("unknown_unit", N_("'{text}' is not a unit tadqiq knows"), text=hint)


def _read_amount(amount: Amount, lex: Lexicon, language: str, unit_hint: str | None, policy: Policy) -> Measure:
    number = Fraction(amount.number)
    decimals = len(amount.number.split(".")[1]) if "." in amount.number else 0
    h, zeros = half_width(number, decimals, policy)
    scale = Fraction(_TEN[abs(amount.scale)]) if amount.scale >= 0 else Fraction(1, _TEN[-amount.scale])
    lo, hi = (number - h) * scale, (number + h) * scale
    notes = ["trailing zeros read as rounding"] if zeros else []
    if amount.to is not None:
        to = Fraction(amount.to)
        to_decimals = len(amount.to.split(".")[1]) if "." in amount.to else 0
        to_h, _ = half_width(to, to_decimals, policy)
        hi = (to + to_h) * scale
    if lo > hi:
        raise Unreadable("bad_range", BELOW_START)
    width = abs(number * scale) * policy.approximate
    value = {"exact": Interval(lo, hi), "range": Interval(lo, hi), "lower": Interval(lo, None),
             "upper": Interval(Fraction(0) if hi >= 0 else None, hi),
             "approximate": Interval(lo - width, hi + width)}[amount.bound]
    unit_text = amount.unit or unit_hint
    unit: str | None = None
    assumptions: list[str] = []
    if unit_text in ("pp", "percentage_point"):
        unit = "percentage_point"
    elif unit_text in ("$",):
        unit, why = currencies.resolve("dollar", "$", lex.locale.language, lex.territory)
        assumptions.append(why or "")
    elif unit_text:
        unit, why = _hint(unit_text, lex)
        if why:
            assumptions.append(why)
    per = _hint(amount.per, lex)[0] if amount.per else None
    text = amount.number + (f"–{amount.to}" if amount.to else "") + (f"e{amount.scale}" if amount.scale else "")
    return Measure(text=text, value=value, bound=amount.bound, unit=unit, per=per, period=amount.period,
                   precision=h * scale if amount.to is None else None, notes=tuple(notes),
                   assumptions=tuple(assumptions), number=number * scale if amount.to is None else None)
