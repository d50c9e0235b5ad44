"""Explanations: figures written for people, in English and the document's language.

Numbers are formatted by babel for the language (``18.1 billion``, ``18.1 مليار``, ``18,1 milliards``), units
and currencies named from CLDR where it knows them (``rules.normalise.units.pattern``), periods and "per" from
``[display]`` in ``data/<lang>.toml``. A rule marks its sentence with ``N_`` (the English, translated in the
catalogues of ``rules.messages``) and passes figures as ``Fig``; ``say`` renders them. English is always present;
the document's language is added when it is not English and its catalogue translates the sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.numbers import (NumberPattern, format_compact_decimal, format_decimal, get_currency_name,
                           get_decimal_symbol, get_group_symbol, parse_pattern)

from rules.interval import Interval, outward
from rules.messages import Said, translate, translated
from rules.model import Range, Text
from rules.normalise.lexicon import lexicon
from rules.normalise.units import name, pattern, plural_form

__all__ = ["Fig", "as_range", "number", "say", "unit_name"]

_SIG = {n: Context(prec=n, rounding=ROUND_HALF_EVEN) for n in range(3, 8)}


@lru_cache(maxsize=1 << 16)
def _formatted(d: Decimal, locale: Locale) -> str:
    """babel's formatting of an already rounded number, memoised: a report writes the same figures many times."""
    size = abs(d)
    if size >= 1_000_000:  # d carries its significant digits; babel drops the zeros beyond them
        if size < _EXACT:
            return _numbers(locale).compact(d)
        with localcontext(prec=80):  # babel rounds in the current context: 28 digits fail past 10^40
            return _numbers(locale).compact(d)
    return _numbers(locale).plain(d)


#: Below this, every step of a compact format (a number of at most 7 significant digits over a power of ten, to 8
#: places) is exact in the default context's 28 digits: the wider context would give the same text, slower.
_EXACT = Decimal(10) ** 15


def _babel(d: Decimal, locale: Locale) -> str:
    """What ``_formatted`` writes, by babel's own functions (the reference ``_Numbers`` is tested against)."""
    if abs(d) >= 1_000_000:
        with localcontext(prec=80):
            return format_compact_decimal(d, format_type="long", locale=locale, fraction_digits=8)
    return format_decimal(d, locale=locale, decimal_quantization=False)


class _Numbers:
    """babel's ``format_decimal(d, decimal_quantization=False)`` and ``format_compact_decimal(d, format_type="long",
    fraction_digits=8)`` for one locale, with the locale's symbols and patterns looked up once: babel looks them up
    on every call (about 15 and 30–50 µs a number, most of a cold report's formatting). The steps are babel's
    (``NumberPattern.apply``, ``_get_compact_format``), in the same decimal context; tests/test_explain.py compares
    the two on random numbers in every locale of the five languages."""

    def __init__(self, locale: Locale):
        self.locale = locale
        self.decimal = get_decimal_symbol(locale)
        self.group = get_group_symbol(locale)
        self.default = parse_pattern(locale.decimal_formats[None])
        compact = locale.compact_decimal_formats["long"]
        self.forms = {form: dict(by_magnitude) for form, by_magnitude in compact.items()}
        self.patterns: dict[str, NumberPattern] = {}
        other = self.forms["other"]
        #: per magnitude, largest first: (the magnitude, as text, as a Decimal, its "other" pattern, what a number
        #: is divided by to be written in it, or None when the pattern is "0": the number is written in full)
        self.steps = [(m, str(m), Decimal(m), p, None if p.pattern == "0" else m // 10 ** (p.pattern.count("0") - 1))
                      for m in sorted((int(m) for m in other), reverse=True) for p in [self._pattern(other[str(m)])]]
        self.singular = self.forms.get("1", {})

    def plain(self, d: Decimal) -> str:
        return self._apply(self.default, d)

    def compact(self, d: Decimal) -> str:
        number, pattern = self._compact(d)
        return self._apply(pattern if pattern is not None else self.default, number)

    def _pattern(self, text: str) -> NumberPattern:
        found = self.patterns.get(text)
        if found is None:
            found = self.patterns[text] = parse_pattern(text)
        return found

    def _compact(self, number: Decimal) -> tuple[Decimal, NumberPattern | None]:
        if number.is_nan() or number.is_infinite():
            return number, None
        forms, steps = self.forms, self.steps
        size = abs(number)
        for index, (magnitude, text, bound, whole, divisor) in enumerate(steps):
            if size < bound:
                continue
            if divisor is None:
                return number, whole
            rounded = round(number / divisor, 8)
            if index > 0 and abs(rounded) * divisor >= steps[index - 1][0]:
                return self._compact(steps[index - 1][2].copy_sign(number))
            plain = abs(rounded).normalize()
            # a whole number's plural form asked as an int: the same operands (no fraction digits), and babel's
            # rules run two to three times faster on ints than on Decimals
            form = plural_form(self.locale, int(plain) if plain.as_tuple().exponent >= 0 else plain)
            if form not in forms:
                form = "other"
            if rounded == 1 and text in self.singular:
                form = "1"
            if text not in forms[form]:
                form = "other"
            return rounded, self._pattern(forms[form][text])
        return number, None

    def _apply(self, p: NumberPattern, value: Decimal) -> str:
        if p.exp_prec or "@" in p.pattern:  # scientific or significant-digit patterns: none of ours, babel's way
            return p.apply(value, self.locale, decimal_quantization=False)  # pragma: no cover
        value = value.scaleb(p.scale)
        negative = int(value.is_signed())
        value = abs(value).normalize()
        if value.is_infinite():  # pragma: no cover - rounded figures are finite
            return p.apply(value, self.locale, decimal_quantization=False)
        exponent = value.as_tuple().exponent
        least, most = p.frac_prec[0], max(p.frac_prec[1], -exponent if isinstance(exponent, int) and exponent < 0
                                          else 0)
        a, _, b = f"{value.quantize(_QUANTA[most] if most < 40 else Decimal(10) ** -most):f}".partition(".")
        if len(a) < p.int_prec[0]:
            a = "0" * (p.int_prec[0] - len(a)) + a
        size, grouped = p.grouping[0], ""
        while len(a) > size:
            grouped = self.group + a[-size:] + grouped
            a = a[:-size]
            size = p.grouping[1]
        b = b or "0"
        if len(b) < least:
            b += "0" * (least - len(b))
        if most == 0 or (least == 0 and int(b) == 0):
            fraction = ""
        else:
            while len(b) > least and b[-1] == "0":
                b = b[:-1]
            fraction = self.decimal + b
        text = p.prefix[negative] + (a + grouped + fraction if p.number_pattern != "" else "") + p.suffix[negative]
        if "'" in text:
            text = re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text)
        return text


_QUANTA = [Decimal(10) ** -k for k in range(40)]  # 1, 0.1, 0.01, …: what a number is quantized to


@lru_cache(maxsize=64)
def _numbers(locale: Locale) -> _Numbers:
    return _Numbers(locale)


def number(x: Fraction, lang: str, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, large values in words: 18.1 billion / 18.1 مليار."""
    d = _SIG[digits].divide(Decimal(x.numerator), Decimal(x.denominator)) if x else Decimal(0)
    return _formatted(d, lexicon(lang).locale)


@dataclass(frozen=True)
class Fig:
    """A figure to write: an interval with its unit, per-unit denominator and period."""

    value: Interval
    unit: str | None = None
    per: str | None = None
    period: str | None = None
    digits: int = 3  # significant digits of a single value (3 to 7)

    def text(self, lang: str) -> str:
        memo_key = (*_ends(self.value), self.unit, self.per, self.period, lang, self.digits)
        found = _TEXTS.get(memo_key)
        if found is None:
            if len(_TEXTS) >= _MEMO_SIZE:
                _TEXTS.clear()
            found = _TEXTS[memo_key] = _text(self, lang)
        return found


#: Memos keyed by the ends' integers: hashing a Fraction costs a modular inverse, hashing two ints does not.
_MEMO_SIZE = 1 << 15
_TEXTS: dict[tuple[object, ...], str] = {}
_RANGES: dict[tuple[object, ...], Range] = {}


def _ends(value: Interval) -> tuple[int | None, int | None, int | None, int | None]:
    low, high = value
    if type(low) is Fraction and type(high) is Fraction:  # the slots: ``numerator`` is a property, called in Python
        return low._numerator, low._denominator, high._numerator, high._denominator
    return (None if low is None else low.numerator, None if low is None else low.denominator,
            None if high is None else high.numerator, None if high is None else high.denominator)


def _text(fig: Fig, lang: str) -> str:
    lex = lexicon(lang)
    low, high = fig.value
    if low is not None and high is not None and low == high:
        core, count = number(low, lang, fig.digits), low
    elif low is not None and high is not None:
        n = _digits(low, high)
        core, count = lex.display["range"].format(number(low, lang, n), number(high, lang, n)), high
    elif low is not None:
        core, count = lex.display["at_least"].format(number(low, lang)), low
    elif high is not None:
        core, count = lex.display["at_most"].format(number(high, lang)), high
    else:
        core, count = "?", Fraction(2)
    text = _with_unit(core, fig.unit, lex.lang, count)
    if fig.per:
        text += " " + lex.display["per"].format(unit_name(fig.per, lex.lang))
    if fig.period:
        text += " " + lex.display[fig.period]
    return text


def _digits(low: Fraction, high: Fraction) -> int:
    """Enough significant digits (3 to 7) that rounding moves neither end by more than a tenth of the range's
    width. Only the display depends on this choice, so it is made in floating point; verdicts never are."""
    ln, ld, hn, hd = low.numerator, low.denominator, high.numerator, high.denominator
    width = (hn * ld - ln * hd) / (hd * ld)  # the floats of the exact values (correctly rounded), without Fractions
    top = max(abs(ln / ld), abs(hn / hd))
    if width <= 0 or top == 0:
        return 3
    needed = math.floor(math.log10(top)) + 1 - math.log10(width / 5)
    return min(7, max(3, math.ceil(needed - 1e-9)))


def _with_unit(core: str, unit: str | None, lang: str, count: Fraction) -> str:
    if unit is None:
        return core
    # French and Spanish put "de" between a scale word and its noun ([display] of: "15,8 milliards de minutes")
    word = lexicon(lang).display.get("of")
    of = f"{word} " if word and core[-1:].isalpha() else ""
    if len(unit) == 3 and unit.isupper():
        n = int(count) if count.denominator == 1 and abs(count) < 10 ** 15 else 2
        return f"{core} {of}{get_currency_name(unit, count=n, locale=lexicon(lang).locale)}"
    text = _pattern(unit, lang, count)
    if of and text.startswith("{0} "):
        text = text.replace("{0} ", "{0} " + of, 1)
    return text.replace("{0}", core)


_pattern = lru_cache(maxsize=1 << 12)(pattern)


@lru_cache(maxsize=1 << 12)
def unit_name(unit: str, lang: str, count: Fraction = Fraction(1)) -> str:
    """The unit's name alone, in ``lang`` ('user', 'مستخدم', 'day'), from CLDR or units.toml; memoised."""
    return name(unit, lang, count)


def say(language: str, message: str, **figures: Fig | Said | Callable[[str], str] | str | int) -> Text:
    """Render ``message`` (an English message id, ``rules.messages``) with ``figures``, in English and in the
    document's language when its catalogue translates it: a ``Fig``, a ``Said`` (a message of its own), a function
    of the language (``lambda lang: name("day", lang)``), or plain text used as is in every language."""
    said = _SAID.get((message, language))
    if said is None:
        lang = language.split("-")[0]
        said = (translate(message, "en"), None if lang == "en" else translated(message, lang), lang)
        if len(_SAID) >= _MEMO_SIZE:
            _SAID.clear()
        _SAID[(message, language)] = said
    english, local, lang = said
    if local is None:
        return Text(en=_render("en", english, figures))
    return Text(en=_render("en", english, figures), local=_render(lang, local, figures), language=lang)


#: (message, document language) → the English text, the document language's (None when it has none) and that
#: language's code: looked up in the catalogues once, not twice for every sentence said. Keyed by message ids and
#: language tags, a closed vocabulary, so kept by ``forget`` (bounded all the same: a client chooses the tag)
_SAID: dict[tuple[str, str], tuple[str, str | None, str]] = {}


def _render(code: str, text: str, figures: dict[str, Fig | Said | Callable[[str], str] | str | int]) -> str:
    return text.format_map({k: v if type(v) is str else v.text(code) if isinstance(v, _WRITTEN) else v(code)
                            if callable(v) else str(v) for k, v in figures.items()})


_WRITTEN = (Fig, Said)


def as_range(value: Interval, unit: str | None = None) -> Range:
    """The interval as text for machines: outward-rounded, so it contains the exact one. Memoised (a ``Range`` is
    frozen): the same figure's range appears in every verdict that uses it."""
    memo_key = (*_ends(value), unit)
    found = _RANGES.get(memo_key)
    if found is None:
        if len(_RANGES) >= _MEMO_SIZE:
            _RANGES.clear()
        found = _RANGES[memo_key] = Range(low=outward(value.low), high=outward(value.high, up=True), unit=unit)
    return found


def forget() -> None:
    """Empty this module's memos of texts and ranges (``rules.engine.forget``); ``_SAID`` is keyed by message ids and
    languages, a closed vocabulary, and kept."""
    _TEXTS.clear()
    _RANGES.clear()
