"""Printed numbers: digits with the document's separators, read exactly, and the half-width their printed
precision allows (``rules.policy``).

Digits arrive ASCII (``rules.text.digits`` has turned ٠–٩, ۰–۹, ٫ and ٬ into 0–9, '.' and ','). A number with
separators is parsed by babel in strict mode for the document's locale, so '12,3' is never silently 123; when
strict parsing fails but the separator can only be a decimal mark (one separator, not followed by exactly three
digits: '12.3' in a German text), the number is read that way and the reading says so; when it could be either
('1.234' in a French text), it is refused with both readings named.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from rules.messages import N_, translate
from rules.normalise.errors import Unreadable
from rules.policy import Policy

__all__ = ["half_width", "parse"]

NOT_A_NUMBER = N_("'{text}' is not a number in this document's locale ({locale})")
AMBIGUOUS = N_("'{text}' is ambiguous in this document's locale ({locale}): it could be {options}")
OR = N_(" or ")
_SPACES = " \u00a0\u202f\u2009"
_SPACE = re.compile(f"[{_SPACES}]")
_TEN = [Fraction(10) ** k for k in range(64)]


_COMMA_DECIMAL = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)")  # '6,1 %', '1.234,5': a comma no reader takes for a group
_DOT_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?!\d)")  # '3.5', '12.03.2024': a point that groups no thousands
DOT_GROUPS = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")  # one point before three digits: '83.000'


def dot_groups(*texts: str) -> bool:
    """Whether a document whose locale marks decimals with a comma and groups otherwise (French: '83 000') groups
    thousands with a point, as Belgian and wire copy print them ('432.484 demandeurs d'emploi, soit une hausse de
    3,6 %'): it marks decimals with a comma itself, somewhere, and nowhere with a point. Then '83.000' is 83000;
    in any other document it stays ambiguous. ``texts``: the article's text, or its claims' values and sentences."""
    return any(_COMMA_DECIMAL.search(t) for t in texts) and not any(_DOT_DECIMAL.search(t) for t in texts)


def parse(raw: str, locale: str, group: str, arabic_marks: bool = False,
          both_conventions: bool = False) -> tuple[Fraction, int, str | None]:
    """``raw`` as (value, digits after the decimal mark, assumption or None) in the locale tagged ``locale`` ('fr_FR',
    a babel locale's string). Raises ``Unreadable``.

    Where the press prints both conventions (``both_conventions``: Arabic in the Maghreb and Lebanon, Spanish in
    Mexico), one mark followed by exactly three digits ('18.789 مليار', '90,000 ل.ل', '4.414 millones') is refused as
    ambiguous."""
    if raw.isdigit():
        return Fraction(int(raw)), 0, None
    if raw[0] in ".," and raw[1:].isdigit():  # '.77', '٫٧٧': a leading mark can only be a decimal mark
        return Fraction(int(raw[1:]), 10 ** (len(raw) - 1)), len(raw) - 1, None
    if group not in _SPACES and _SPACE.search(raw):
        raw = _spaced(raw, locale)
    if arabic_marks:  # ٫ and ٬ were printed: their meaning does not depend on the locale
        return _parse(raw, "en", ",")
    marks = [c for c in raw if not c.isdigit()] if both_conventions else ()
    if both_conventions and len(marks) == 1 and marks[0] in ".," and \
            len(raw) - raw.index(marks[0]) - 1 == 3 and raw[0] != "0":
        head, tail = raw.split(marks[0])
        raise Unreadable("ambiguous_separator", N_("'{text}' is ambiguous in this document's locale ({locale}), "
                                                   "whose press prints both conventions: it could be {whole} or "
                                                   "{decimal}"), text=raw, locale=locale, whole=head + tail,
                         decimal=f"{head}.{tail}")
    return _parse(raw, locale, group)


def _spaced(raw: str, locale: str) -> str:
    """'156 000' in a text whose locale groups with commas (Arabic and English press print both): spaces between
    groups of three digits group thousands, and are dropped; any other spacing is not a number."""
    head, *groups = [g for g in re.split(f"[{_SPACES}]", raw)]
    last = groups[-1] if groups else ""
    tail = re.match(r"^[0-9]{3}", last)
    if not (head.isdigit() and 1 <= len(head) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups[:-1])
            and tail is not None):
        raise Unreadable("bad_number", NOT_A_NUMBER, text=raw, locale=locale)
    return head + "".join(groups)


@lru_cache(maxsize=8192)
def _parse(raw: str, locale: str, group: str) -> tuple[Fraction, int, str | None]:
    text = raw
    if group in _SPACES or group in "’'":
        for c in _SPACES + "’'":
            text = text.replace(c, group)
    marks = {c for c in text if not c.isdigit()}
    decimal = _decimal(locale)
    if marks - {group, decimal}:  # a mark the locale does not use: babel would take it as decimal
        return _foreign(raw, marks, locale)
    plain = _plain(group, decimal).match(text)
    if plain:  # what babel's strict parsing accepts, read without it (babel formats the number back: slow)
        whole, fraction = plain[1].replace(group, ""), plain[2] or ""
        return Fraction(int(whole + fraction), 10 ** len(fraction)), len(fraction), None
    try:
        number = parse_decimal(text, locale=_locale(locale), strict=True)
    except NumberFormatError as exc:
        separators = [c for c in raw if not c.isdigit()]
        if len(separators) == 1 and separators[0] in ".," and len(raw) - raw.index(separators[0]) - 1 != 3:
            mark = separators[0]
            number = Decimal(raw.replace(mark, "."))
            return _exact(number) + (f"'{raw}' read as {format(number, 'f')}: '{mark}' followed by "
                                     f"{len(raw) - raw.index(mark) - 1} digit(s) can only be a decimal mark",)
        head, *groups = re.split(r"[.,]", raw)
        if len(separators) > 1 and len(set(separators)) == 1 and separators[0] in ".," and 1 <= len(head) <= 3 \
                and all(len(g) == 3 for g in groups):  # '32.175.224' in a text that groups with commas
            whole = head + "".join(groups)
            return Fraction(int(whole)), 0, (f"'{raw}' read as {whole}: '{separators[0]}' printed more than once, "
                                             "between groups of three digits, can only group thousands")
        options = getattr(exc, "suggestions", None) or []
        if len(separators) == 1 and separators[0] in ".,":
            whole = raw.replace(separators[0], "")
            options = [whole, raw.replace(separators[0], ".")]
        if options:
            raise Unreadable("ambiguous_separator", AMBIGUOUS, text=raw, locale=locale,
                             options=lambda lang: translate(OR, lang).join(options)) from None
        raise Unreadable("bad_number", NOT_A_NUMBER, text=raw, locale=locale) from None
    except InvalidOperation:
        raise Unreadable("bad_number", N_("'{text}' is not a number"), text=raw) from None
    return _exact(number) + (None,)


@lru_cache(maxsize=64)
def _plain(group: str, decimal: str) -> re.Pattern[str]:
    """Numbers grouped by threes and/or with a decimal part, in a locale's marks: '12,345,678.9', '1234,5'."""
    g, d = re.escape(group), re.escape(decimal)
    return re.compile(rf"^((?:[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+)|(?:0|[1-9][0-9]*))(?:{d}([0-9]+))?$")


@lru_cache(maxsize=64)
def _locale(tag: str) -> Locale:
    return Locale.parse(tag)


@lru_cache(maxsize=64)
def _decimal(tag: str) -> str:
    return _locale(tag).number_symbols.get("latn", {}).get("decimal", ".")


def _foreign(raw: str, marks: set[str], locale: str) -> tuple[Fraction, int, str | None]:
    """A number written with a mark its locale does not use ('1.234' in a French text)."""
    if len(marks) == 1:
        mark = next(iter(marks))
        head, *groups = raw.split(mark)
        if len(groups) > 1 and 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups):
            return Fraction(int(head + "".join(groups))), 0, \
                f"'{raw}' read as {head + ''.join(groups)}: '{mark}' between groups of three digits groups thousands"
        if len(groups) == 1 and len(groups[0]) != 3:
            number = Decimal(f"{head}.{groups[0]}")
            return _exact(number) + (f"'{raw}' read as {number}: '{mark}' followed by {len(groups[0])} digit(s) "
                                     "can only be a decimal mark",)
        if len(groups) == 1:
            raise Unreadable("ambiguous_separator", AMBIGUOUS, text=raw, locale=locale,
                             options=lambda lang: translate(OR, lang).join((head + groups[0], f"{head}.{groups[0]}")))
    raise Unreadable("bad_number", NOT_A_NUMBER, text=raw, locale=locale)


def _exact(number: Decimal) -> tuple[Fraction, int]:
    sign, digit_tuple, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    n = int("".join(map(str, digit_tuple)) or "0")
    if exponent >= 0:
        return Fraction(-n if sign else n) * _TEN[exponent], 0
    return Fraction(-n if sign else n, 10 ** -exponent), -exponent


def half_width(value: Fraction, decimals: int, policy: Policy) -> tuple[Fraction, bool]:
    """The half-width the printed digits allow, in units of the number's last printed place, and whether
    trailing zeros were read as rounding. ``value`` is the number as printed (without its scale word)."""
    if decimals:
        return Fraction(1, 2 * 10 ** decimals), False
    if value.denominator != 1:
        return Fraction(1, 2), False
    integer = abs(value.numerator)
    zeros = 0
    while integer and integer % 10 == 0 and zeros < 60:
        integer //= 10
        zeros += 1
    if not zeros:
        return Fraction(1, 2), False
    return min(_TEN[zeros] / 2, max(abs(value) * policy.zeros_cap, Fraction(1, 2))), True
