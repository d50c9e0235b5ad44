"""The number formatting of explanations (``rules.explain``): its own copy of babel's steps writes exactly what
babel writes, in every locale of the five languages, for the numbers a report formats (3 to 7 significant digits,
from millionths to beyond babel's largest compact magnitude, either sign)."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from babel import Locale, localedata

from rules.explain import _SIG, _babel, _formatted, number
from rules.normalise.lexicon import LANGUAGES

LOCALES = sorted(i for i in localedata.locale_identifiers() if i.split("_")[0] in LANGUAGES)

#: Where the formats change: the compact threshold, magnitudes and their rounding carry ('999.9999995 million'
#: reads as 1 billion), zero, a negative, and numbers past 10^14 (babel's largest magnitude) and past 28 digits.
EDGES = ["0", "1", "-1", "0.5", "1234.5", "-1234.5", "999999", "999999.5", "1000000", "-1000000", "1.5E+6", "2E+6",
         "999999999.5", "999999999", "1E+9", "1.0E+9", "-2.5E+9", "1.81E+10", "1.23E+12", "9.99999999E+14", "1E+15",
         "4.56E+20", "1.2345678E+40", "0.000001234", "3.0", "100", "12.30", "1E+3", "1001", "21", "103", "11", "2",
         "12345.67", "-0.0001"]


def _random(rnd: random.Random) -> Decimal:
    digits = rnd.randint(3, 7)
    x = Fraction(rnd.choice((1, 1, -1)) * rnd.randint(1, 10 ** digits)) * Fraction(10) ** rnd.randint(-9, 22)
    return _SIG[digits].divide(Decimal(x.numerator), Decimal(x.denominator))


@pytest.mark.parametrize("tag", LOCALES)
def test_numbers_are_formatted_as_babel_formats_them(tag: str) -> None:
    locale = Locale.parse(tag)
    rnd = random.Random(tag)
    for d in [Decimal(e) for e in EDGES] + [_random(rnd) for _ in range(60)]:
        assert _formatted.__wrapped__(d, locale) == _babel(d, locale), (tag, d)


def test_figures_in_words() -> None:
    assert number(Fraction(181, 10) * 10 ** 9, "en") == "18.1 billion"
    assert number(Fraction(181, 10) * 10 ** 9, "fr") == "18,1 milliards"
    assert number(Fraction(181, 10) * 10 ** 9, "ar") == "18.1 مليار"
    assert number(Fraction(-123456, 10), "de", 6) == "-12.345,6"
    assert number(Fraction(-123456, 10), "de") == "-12.300"


@pytest.mark.parametrize("tag", LOCALES)
def test_plural_forms_are_babels(tag: str) -> None:
    """``units.plural_form`` answers from its table (whole numbers 0–999) and beyond it exactly as babel's rule."""
    from rules.normalise.units import plural_form

    locale = Locale.parse(tag)
    numbers = [*range(1100), 10 ** 6, 10 ** 9 + 3, -1, -3, 1.5, 0.5, 2.0, Decimal("1.0"), Decimal("12.3"), True]
    for n in numbers:
        assert plural_form(locale, n) == locale.plural_form(n), (tag, n)
