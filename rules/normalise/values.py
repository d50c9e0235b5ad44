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

import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

from babel.numbers import list_currencies

from rules.interval import Interval, exact
from rules.model import Amount, Reading
from rules.normalise import currency as currencies
from rules.normalise.lexicon import NUMBER, SYMBOL, WORD, Lexicon, lexicon, split
from rules.normalise.numbers import BadNumber, half_width, parse
from rules.normalise.units import KINDS, PERIODS
from rules.policy import POLICY, Policy, percent_text
from rules.text import digits

__all__ = ["MAX_DIGITS", "MAX_TEXT", "Measure", "Unreadable", "read_value"]

MAX_TEXT = 300
MAX_DIGITS = 30
MAX_NUMBERS = 8
_NOTATION = re.compile(r"[0-9]\s*[eE]\s*[+\-−]?\s*[0-9]|\*\*|\^|[0-9]\s*[x×]\s*10|[0-9]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SPACES = " \u00a0\u202f\u2009"
_CODES = frozenset(list_currencies())
_TEN = [Fraction(10) ** k for k in range(40)]
_SCALES = ("scale", "scale_dual", "scale_plural")


class Unreadable(ValueError):
    """A figure that cannot be read; ``code`` is stable, ``message`` says why in English."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


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
               policy: Policy = POLICY) -> Measure:
    """Read a printed figure (or a structured ``Amount``) in ``language``; ``unit`` names what is counted when
    the text does not say, ``per`` what each unit of the figure is for ('user'). Raises ``Unreadable``."""
    lex = lexicon(language)
    measure = _read_amount(value, lex, language, unit, policy) if isinstance(value, Amount) else \
        _read_text(value, lex, language, unit, policy)
    if per and measure.per is None:
        measure = replace(measure, per=_hint(per, lex)[0])
    return measure


# -- tokens, classified -----------------------------------------------------------------------------------------
_NUM, _LEX, _SYM, _CODE, _OTHER, _SKIP = range(6)
_NONE: dict[str, object] = {}


class _Item:
    __slots__ = ("kind", "value", "start", "end", "raw")

    def __init__(self, kind: int, value: object, start: int, end: int, raw: str):
        self.kind, self.value, self.start, self.end, self.raw = kind, value, start, end, raw

    @property
    def meaning(self) -> dict[str, object]:
        return self.value if self.kind == _LEX else _NONE  # type: ignore[return-value]


def _items(value: str, text: str, lex: Lexicon) -> list[_Item]:
    toks = split(text, lex.group in _SPACES)
    words = [w if kind != NUMBER else "#" for kind, w, _, _ in toks]
    items: list[_Item] = []
    numbers = 0
    i = 0
    while i < len(toks):
        kind, w, s, e = toks[i]
        if kind == NUMBER:
            numbers += 1
            if numbers > MAX_NUMBERS:
                raise Unreadable("several_numbers", f"more than {MAX_NUMBERS} numbers in one figure; send them as "
                                                    "separate claims")
            if sum(c.isdigit() for c in w) > MAX_DIGITS:
                raise Unreadable("too_many_digits", f"a number has more than {MAX_DIGITS} digits")
            items.append(_Item(_NUM, None, s, e, w))
            i += 1
            continue
        if kind == WORD and e - s == 3 and text[s:e] in _CODES:
            items.append(_Item(_CODE, text[s:e], s, e, text[s:e]))
            i += 1
            continue
        hit = lex.lookup(words, i)
        if hit is not None:
            n, meaning = hit
            end = toks[i + n - 1][3]
            items.append(_Item(_LEX, meaning, s, end, value[s:end]))
            i += n
            continue
        items.append(_Item(_SYM if kind == SYMBOL else _OTHER, w, s, e, value[s:e]))
        i += 1
    _set_aside(items, text, value)
    for item in items:
        if item.kind == _NUM:
            printed = value[item.start:item.end]
            try:
                item.value = parse(item.raw, lex.locale, lex.group, "٫" in printed or "٬" in printed)
            except BadNumber as exc:
                raise Unreadable(exc.code, exc.message) from None
    return items


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
        dated = k > 1 and prev is not None and prev.kind == _SYM and "year" in items[k - 2].meaning
        if not dated and (_latin(before) or before == "-" and s > 1 and text[s - 2].isalpha()):
            why = ("name",) + _word_at(text, s, e)
        elif after in ":/" and e + 1 < len(text) and text[e + 1].isdigit() or \
                before in ":/" and s > 1 and text[s - 2].isdigit():
            why = ("time_of_day" if ":" in (after, before) else "ratio",) + _pair_at(text, s, e)
        elif nxt is not None and (suffix := next((c for c in ("date_suffix", "ordinal_suffix", "time_suffix")
                                                  if c in nxt.meaning), None)) and \
                (suffix == "time_suffix" or suffix == "date_suffix" and raw.isdigit() and len(raw) == 4 or
                 nxt.start == e or nxt.start == e + 1 and after == "."):
            why = (_SUFFIX[suffix], s, nxt.end)
            nxt.kind, nxt.value = _SKIP, None
        elif after.isalpha() and nxt is not None and nxt.start == e:
            m = nxt.meaning
            if _latin(after) and not any(c in m for c in ("scale", "scale_dual", "scale_plural", "unit",
                                                            "currency", "period", "hedge", "per")) \
                    and nxt.kind != _CODE:
                why = ("name",) + _word_at(text, s, e)
        if prev is not None and "date_link" in prev.meaning and k > 1 and "month" in items[k - 2].meaning:
            prev = items[k - 2]  # 'marzo de 2025'
        if nxt is not None and "date_link" in nxt.meaning and k + 2 < len(items) and \
                "month" in items[k + 2].meaning:
            nxt = items[k + 2]  # '15 de marzo'
        month_before = prev is not None and "month" in prev.meaning
        if why is None and (month_before or nxt is not None and "month" in nxt.meaning or
                            prev is not None and prev.kind == _SKIP and prev.value and prev.value[0] == "date"
                            and raw.isdigit() and len(raw) == 4):
            why = ("date", prev.start if month_before else s,  # type: ignore[union-attr]
                   nxt.end if nxt is not None and "month" in nxt.meaning else e)
        if why is None and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100:
            word = prev if prev is not None and "year" in prev.meaning else \
                items[k - 2] if k > 1 and prev is not None and prev.kind == _SYM and prev.value in "-–" and \
                "year" in items[k - 2].meaning else None
            follows = nxt.meaning if nxt is not None else _NONE
            if word is not None and not any(c in follows for c in (*_SCALES, "unit", "currency")) and \
                    (nxt is None or nxt.kind != _CODE):
                why = ("date", word.start, e)
                word.kind = _SKIP
                word.value = None
        if why is not None:
            item.kind, item.value = _SKIP, why


_SUFFIX = {"date_suffix": "date", "ordinal_suffix": "ordinal", "time_suffix": "time_of_day"}
_SET_ASIDE = {
    "name": "'{}' is a name or a code, not an amount",
    "date": "'{}' is a date, not an amount: send it as a time",
    "ordinal": "'{}' is an ordinal, not an amount",
    "time_of_day": "'{}' is a time of day, not an amount",
    "ratio": "'{}': a slash between numbers may be a date, a ratio or a fraction; write the amount out",
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
        total = parts[0][0] * _TEN[parts[0][2]] if len(parts) == 1 else sum(v * _TEN[pw] for v, _, pw in parts)
        notes = list(self.notes)
        if self.words_fraction:
            half = abs(total) * policy.zeros_cap
            notes.append(f"a fraction in words: ±{percent_text(policy.zeros_cap)} of the amount")
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


def _at(items: list[_Item], k: int) -> _Item | None:
    return items[k] if k < len(items) else None


def _has(item: _Item | None, *categories: str) -> bool:
    return item is not None and item.kind == _LEX and any(c in item.value for c in categories)  # type: ignore[operator]


def _starts_amount(items: list[_Item], k: int, have_amount: bool) -> bool:
    item = items[k]
    if item.kind == _NUM:
        return True
    if item.kind != _LEX:
        return False
    m = item.meaning
    if "number" in m or "vague" in m:
        return True
    if "fraction" in m:
        return not ("period" in m and have_amount)
    if "one" in m:
        return _has(_at(items, k + 1), *_SCALES, "number", "fraction")
    if any(c in m for c in _SCALES):
        return len(item.raw.strip(". ")) > 2
    return False


def _words(items: list[_Item], k: int) -> tuple[Fraction, int]:
    """Number words from ``k``: 'three hundred twenty', 'خمسة وعشرون', 'أحد عشر'."""
    current = 0
    while True:
        item = _at(items, k)
        m = item.meaning if item is not None else _NONE
        if "number" in m:
            v = int(m["number"])  # type: ignore[call-overload]
            current = current * v if v == 100 and 0 < current < 100 else current + v
            k += 1
        elif "one" in m and _has(_at(items, k + 1), "number"):
            current += 1
            k += 1
        elif "and" in m and current and _has(_at(items, k + 1), "number") and \
                int(items[k + 1].meaning["number"]) < 100 <= current:  # type: ignore[call-overload]
            k += 1
        else:
            return Fraction(current), k


def _amount(items: list[_Item], k: int, lex: Lexicon, compound: bool = True) -> tuple[_Amount, int]:
    item = items[k]
    m = item.meaning
    amount = _Amount(parts=[], start=item.start, end=item.end)
    value: Fraction | None = None
    decimals = 0
    if item.kind == _NUM:
        value, decimals, assumption = item.value  # type: ignore[misc]
        if assumption:
            amount.assumptions.append(assumption)
        k += 1
        glued = _at(items, k)
        if _has(glued, "fraction") and glued.start == item.end and decimals == 0:  # type: ignore[union-attr]
            value += glued.meaning["fraction"]  # type: ignore[operator]
            amount.words_fraction = True
            k += 1
    elif "vague" in m:
        low, high = m["vague"]  # type: ignore[misc]
        k += 1
        if _has(_at(items, k), "number") and items[k].meaning["number"] == 100:
            low, high = low * 100, high * 100
            k += 1
        amount.vague = (low, high)
        amount.notes.append(f"'{item.raw}' read as {exact(low)} to {exact(high)}")
    elif "fraction" in m:
        value = m["fraction"]  # type: ignore[assignment]
        amount.words_fraction = True
        k += 1
    elif "number" in m or "one" in m and _has(_at(items, k + 1), "number"):
        value, k = _words(items, k)
    elif "one" in m and _has(_at(items, k + 1), "fraction"):
        k += 1  # 'a third', 'one half': the article
        value = items[k].meaning["fraction"]  # type: ignore[assignment]
        amount.words_fraction = True
        k += 1
    elif "one" in m:
        value = Fraction(1)
        k += 1
    if value is not None and not amount.words_fraction and item.kind != _NUM:
        nxt = _at(items, k)
        if _has(nxt, "fraction") and not _has(nxt, *_SCALES):
            f = nxt.meaning["fraction"]  # type: ignore[union-attr]
            additive = lex.arabic and nxt.raw.startswith("و")  # type: ignore[union-attr]
            value = value + f if additive else value * f  # type: ignore[operator]
            amount.words_fraction = True
            k += 1
    if value is not None and not amount.words_fraction:
        j = k + 1 if _has(_at(items, k), "and") else k
        if _has(_at(items, j), "one") and _has(_at(items, j + 1), "fraction"):
            j += 1
        if j > k and _has(_at(items, j), "fraction") and not _has(_at(items, j), *_SCALES):
            value += items[j].meaning["fraction"]  # type: ignore[operator]
            amount.words_fraction = True
            k = j + 1
    if amount.words_fraction and _has(_at(items, k), "one") and _has(_at(items, k + 1), *_SCALES):
        k += 1  # 'half a million'
    scale_item = _at(items, k)
    if _has(scale_item, *_SCALES):  # after the number, or the amount's first word ('مليارات الدولارات')
        sm = scale_item.meaning  # type: ignore[union-attr]
        section = next(c for c in _SCALES if c in sm)
        power = int(sm[section])  # type: ignore[call-overload]
        amount.power = power
        if value is None and amount.vague is None:
            if section == "scale_plural":
                amount.several = True
                amount.notes.append("a plural scale word alone read as 'several': 2 to 1000 of it")
            elif section == "scale_dual":
                value = Fraction(2)
                amount.notes.append(f"'{scale_item.raw}' read as two of it")  # type: ignore[union-attr]
            else:
                value = Fraction(1)
                amount.notes.append(f"'{scale_item.raw}' alone read as one of it")  # type: ignore[union-attr]
        k += 1
    if value is not None:
        amount.parts.append((value, decimals, amount.power or 0))
    if amount.power is not None and value is not None:
        # 'مليون ونصف', 'a million and a half', 'un million et demi'
        j = k + 1 if _has(_at(items, k), "and") else k
        if _has(_at(items, j), "one") and _has(_at(items, j + 1), "fraction"):
            j += 1
        trailing = _at(items, j)
        if _has(trailing, "fraction") and not _has(_at(items, j + 1), *_SCALES) and \
                (j > k or lex.arabic and trailing.raw.startswith("و")):  # type: ignore[union-attr]
            amount.parts.append((trailing.meaning["fraction"] * _TEN[amount.power], 0, 0))  # type: ignore[union-attr,operator]
            amount.words_fraction = True
            k = j + 1
        elif compound and not amount.words_fraction:
            # '3 مليارات و200 مليون', '2 million 500 thousand', 'ألفان وخمسمائة'
            j = k + 1 if _has(_at(items, k), "and") else k
            if j < len(items) and _starts_amount(items, j, True) and not _has(items[j], "vague", "fraction"):
                sub, j2 = _amount(items, j, lex)
                sub_value = sum((v * _TEN[pw] for v, _, pw in sub.parts), Fraction(0))
                if not sub.several and sub.vague is None and sub.parts and \
                        (sub.power is not None and sub.power < amount.power or
                         sub.power is None and 0 < sub_value < _TEN[amount.power] and
                         (j > k or items[j].kind != _NUM)):
                    amount.parts.extend(sub.parts)
                    amount.words_fraction |= sub.words_fraction
                    amount.assumptions.extend(sub.assumptions)
                    k = j2
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
    span: list[int] = field(default_factory=lambda: [1 << 30, -1])

    def touch(self, item: _Item) -> None:
        self.span[0] = min(self.span[0], item.start)
        self.span[1] = max(self.span[1], item.end)


def _read_text(value: str, lex: Lexicon, language: str, unit_hint: str | None, policy: Policy) -> Measure:
    if len(value) > MAX_TEXT:
        raise Unreadable("too_long", f"the figure is longer than {MAX_TEXT} characters")
    text = digits(value)
    if _NOTATION.search(text):
        raise Unreadable("notation", "scientific or power notation is not read; write the number out")
    items = _items(value, text, lex)
    state = _State()
    amounts: list[_Amount] = []
    skipped: list[tuple[str, int, int]] = []
    between: set[str] = set()
    negative = False
    k = 0
    while k < len(items):
        item = items[k]
        if _starts_amount(items, k, bool(amounts)):
            amount, after = _amount(items, k, lex)
            k = max(after, k + 1)
            amount.negative = negative
            amount.joined = frozenset(between)
            negative = False
            between = set()
            amounts.append(amount)
            state.touch(item)
            state.touch(items[k - 1])
            continue
        k += 1
        kind, m = item.kind, item.meaning
        nxt = _at(items, k)
        if kind == _SKIP:
            if item.value:
                skipped.append(item.value)  # type: ignore[arg-type]
        elif kind == _CODE:
            if state.currency is None:
                state.currency, state.currency_printed = str(item.value), item.raw
                state.touch(item)
        elif kind == _SYM:
            if item.value in "-–—" and amounts and _amount_follows(items, k):
                between.add("dash")
            elif item.value in "-−" and not amounts and nxt is not None and nxt.kind == _NUM and \
                    nxt.start == item.end:
                negative = True
                state.touch(item)
            elif item.value == "/" and _has(nxt, "unit"):
                _per(state, str(nxt.meaning["unit"]))  # type: ignore[union-attr]
                state.touch(nxt)  # type: ignore[arg-type]
                k += 1
        elif kind == _LEX:
            if amounts and ("to" in m or "and" in m) and _amount_follows(items, k):
                between.add("to" if "to" in m else "and")
            elif "plus" in m:
                if amounts and state.hedge is None:
                    state.hedge = "lower"
                    state.touch(item)
            elif "hedge" in m and state.hedge is None:
                state.hedge = str(m["hedge"])
                state.touch(item)
            elif "per_unit" in m:
                state.per = str(m["per_unit"])
                state.touch(item)
            elif "per" in m and _has(nxt, "unit") and (amounts or state.unit or state.currency):
                _per(state, str(nxt.meaning["unit"]))  # type: ignore[union-attr]
                state.touch(nxt)  # type: ignore[arg-type]
                k += 1
            elif "period" in m and state.period is None:
                state.period = str(m["period"])
                state.touch(item)
            elif "currency" in m and state.currency is None:
                state.currency, state.currency_printed = str(m["currency"]), item.raw
                state.touch(item)
            elif "unit" in m and state.unit is None:
                state.unit = str(m["unit"])
                state.touch(item)
            elif "from" in m and not amounts:
                state.from_word = True
    return _compose(value, amounts, skipped, state, lex, unit_hint, policy)


def _amount_follows(items: list[_Item], k: int) -> bool:
    """Whether an amount starts at ``k``, past a currency, a hedge or an article ('to $12bn', 'y el 30 %')."""
    skipped_word = False
    while k < len(items) and not _starts_amount(items, k, True) and \
            (items[k].kind == _CODE or _has(items[k], "currency", "hedge") or
             items[k].kind == _OTHER and not skipped_word and len(items[k].raw) <= 3):
        skipped_word |= items[k].kind == _OTHER
        k += 1
    return k < len(items) and _starts_amount(items, k, True)


def _per(state: _State, unit: str) -> None:
    if unit in PERIODS:
        state.period = state.period or unit
    else:
        state.per = state.per or unit


def _compose(text: str, amounts: list[_Amount], skipped: list[tuple[str, int, int]], state: _State, lex: Lexicon,
             unit_hint: str | None, policy: Policy) -> Measure:
    groups: dict[str, tuple[int, int]] = {}
    for code, start, end in skipped:
        low, high = groups.get(code, (start, end))
        groups[code] = (min(low, start), max(high, end))
    if not amounts:
        if groups:
            code, (start, end) = next(iter(groups.items()))
            raise Unreadable(code, _SET_ASIDE[code].format(text[start:end]))
        raise Unreadable("no_number", "no number found in the figure")
    if len(amounts) > 2:
        raise Unreadable("several_numbers", "more than two amounts in one figure; send them as separate claims")
    assumptions = [a for amount in amounts for a in amount.assumptions]
    assumptions += [f"{_SET_ASIDE[code].format(text[start:end]).split(':')[0]}; it is not part of the figure"
                    for code, (start, end) in groups.items()]
    first = amounts[0]
    number: Fraction | None = None
    precision: Fraction | None = None
    if len(amounts) == 2:
        second = amounts[1]
        if not (second.joined & {"dash", "to"} or "and" in second.joined and state.from_word):
            raise Unreadable("two_numbers", "two numbers and no range words between them; send them as separate "
                                            "claims")
        b_lo, b_hi, b_mid, _, b_notes = second.interval(policy)
        a_lo, a_hi, a_mid, _, a_notes = first.interval(policy)
        if first.power is None and second.power is not None:
            shared = first.interval(policy, second.power)
            if shared[0] <= b_hi:
                a_lo, a_hi, a_mid, _, a_notes = shared
        if a_lo > b_hi:
            raise Unreadable("bad_range", "the range ends below where it starts")
        lo, hi, bound = a_lo, b_hi, "range"
        notes = list(dict.fromkeys(a_notes + b_notes))
        widths = (abs(a_mid if a_mid is not None else a_lo), abs(b_mid if b_mid is not None else b_hi))
    else:
        lo, hi, number, precision, notes = first.interval(policy)
        bound = "range" if number is None else "exact"
        widths = (abs(number if number is not None else lo), abs(number if number is not None else hi))
    value = Interval(lo, hi)
    if state.hedge == "approximate":
        value = Interval(lo - widths[0] * policy.approximate, hi + widths[1] * policy.approximate)
        bound = "approximate"
        notes.append(f"approximate: ±{percent_text(policy.approximate)} of the value")
    elif state.hedge == "lower":
        value, bound = Interval(lo, None), "lower"
        notes.append("lower bound: no upper end")
    elif state.hedge == "upper":
        value, bound = Interval(Fraction(0) if hi >= 0 else None, hi), "upper"
        notes.append("upper bound: from zero")
    unit, unit_assumption = _unit(state, lex, unit_hint)
    if unit_assumption:
        assumptions.append(unit_assumption)
    if state.currency is None and len(amounts) == 1 and first.words_fraction and first.power is None and \
            first.parts and abs(sum((v for v, _, _ in first.parts), Fraction(0))) <= 1:
        value, number, precision = value * 100, number * 100 if number is not None else None, \
            precision * 100 if precision is not None else None
        unit = "percent"
        notes.append("a fraction in words alone read as a share, in percent")
    span = (state.span[0], state.span[1]) if state.span[1] >= 0 else None
    return Measure(text=text, value=value, bound=bound, unit=unit, per=state.per, period=state.period,
                   precision=precision, span=span, notes=tuple(notes), assumptions=tuple(assumptions),
                   number=number)


def _unit(state: _State, lex: Lexicon, hint: str | None) -> tuple[str | None, str | None]:
    if state.currency is not None:
        return currencies.resolve(state.currency, state.currency_printed.strip(), lex.locale.language,
                                  lex.territory, lex.families.get(state.currency))
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
        if "currency" in m:
            return currencies.resolve(str(m["currency"]), hint.strip(), lex.locale.language, lex.territory,
                                      lex.families.get(str(m["currency"])))
        if "unit" in m:
            return str(m["unit"]), None
    raise Unreadable("unknown_unit", f"'{hint}' is not a unit tadqiq knows")


def _read_amount(amount: Amount, lex: Lexicon, language: str, unit_hint: str | None, policy: Policy) -> Measure:
    number = Fraction(amount.number)
    decimals = len(amount.number.split(".")[1]) if "." in amount.number else 0
    h, zeros = half_width(number, decimals, policy)
    scale = _TEN[abs(amount.scale)] if amount.scale >= 0 else 1 / _TEN[-amount.scale]
    lo, hi = (number - h) * scale, (number + h) * scale
    notes = ["trailing zeros read as rounding"] if zeros else []
    if amount.to is not None:
        to = Fraction(amount.to)
        to_decimals = len(amount.to.split(".")[1]) if "." in amount.to else 0
        to_h, _ = half_width(to, to_decimals, policy)
        hi = (to + to_h) * scale
    if lo > hi:
        raise Unreadable("bad_range", "the range ends below where it starts")
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
