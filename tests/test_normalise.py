"""The value reader beyond its corpus: bounded work on hostile input, structured amounts, readings as the API
shows them, and currency conversion (pegs, ECB reference rates at a date, rates a request gives, no guess)."""

from __future__ import annotations

import datetime as dt
import time
from fractions import Fraction

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.interval import Interval
from rules.model import Amount, Rate
from rules.normalise.currency import PEGS, convert, rate, resolve
from rules.normalise.errors import Unreadable
from rules.normalise.values import MAX_TEXT, read_value

HOSTILE = [
    ("1" * (MAX_TEXT + 1), "too_long"),
    ("١" * 31 + " مليون", "too_many_digits"),
    ("9" * 200, "too_many_digits"),
    ("1E999999999", "notation"),
    ("1e999999999 users", "notation"),
    ("9**9**9", "notation"),
    ("10^1000000", "notation"),
    ("10⁹⁹⁹⁹⁹⁹", "notation"),
    ("2 × 10 ^ 9", "notation"),
    (" ".join(["1"] * 9), "several_numbers"),
    ("1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1", "too_many_digits"),
]


@pytest.mark.parametrize(("text", "code"), HOSTILE, ids=[c for _, c in HOSTILE])
def test_hostile_input_is_refused_with_a_reason(text, code):
    with pytest.raises(Unreadable) as caught:
        read_value(text, "ar")
    assert caught.value.code == code
    assert len(caught.value.message) > 10


def test_hostile_input_is_refused_fast():
    start = time.perf_counter()
    for _ in range(100):
        for text, _ in HOSTILE:
            with pytest.raises(Unreadable):
                read_value(text, "en")
    # 1 100 refusals; each is a length check or one regular expression over at most 300 characters
    assert time.perf_counter() - start < 5


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=MAX_TEXT), st.sampled_from(["ar", "en", "fr", "es", "de", "ar-EG", "es-MX"]))
def test_any_text_reads_or_is_refused_never_crashes(text, language):
    try:
        m = read_value(text, language)
    except Unreadable as exc:
        assert exc.code and exc.message
    else:
        lo, hi = m.value
        assert lo is None or hi is None or lo <= hi


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10 ** 9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["", "about ", "roughly "]), st.sampled_from(["", " million", " billion"]))
def test_a_printed_number_is_inside_its_reading(number, hedge, scale):
    printed = format(number, "f")
    m = read_value(f"{hedge}{printed}{scale}", "en")
    value = Fraction(printed) * {"": 1, " million": 10 ** 6, " billion": 10 ** 9}[scale]
    assert m.value.low <= value <= m.value.high
    assert m.number == value


def test_the_reading_says_what_it_read_and_which_policy():
    reading = read_value("ما يقارب 12.3 مليار دولار سنوياً", "ar").reading()
    assert (reading.low, reading.high, reading.value) == ("11635000000", "12965000000", "12300000000")
    assert reading.currency == "USD" and reading.unit is None and reading.period == "year"
    assert reading.precision == "50000000"
    assert "approximate: ±5 %" in reading.policy and reading.policy.startswith("news-v1")
    assert any("USD" in a for a in reading.assumptions)
    assert reading.span == (0, len("ما يقارب 12.3 مليار دولار سنوياً"))


def test_a_structured_amount_reads_like_the_printed_figure():
    printed = read_value("about $12.3 billion a year", "en")
    structured = read_value(Amount(number="12.3", scale=9, unit="USD", period="year", bound="approximate"), "en")
    assert structured.value == printed.value and structured.unit == "USD" and structured.period == "year"
    dollar = read_value(Amount(number="5", unit="$"), "es-MX")
    assert dollar.unit == "MXN" and dollar.assumptions


def test_the_claim_may_name_the_unit_and_the_denominator():
    m = read_value("107", "ar", unit="دقيقة", per="مستخدم")
    assert (m.unit, m.per) == ("minute", "user")
    assert read_value("12", "en", unit="dollars").unit == "USD"
    with pytest.raises(Unreadable) as caught:
        read_value("12", "en", unit="widgets")
    assert caught.value.code == "unknown_unit"


def test_numbers_that_are_names_or_dates_are_set_aside_and_said():
    m = read_value("مشروع M2 بتكلفة 4.7 مليار دولار بحلول عام 2025", "ar")
    assert m.value == Interval.of("4.65e9", "4.75e9")
    assert any("M2" in a for a in m.assumptions) and any("2025" in a for a in m.assumptions)


# -- currencies -------------------------------------------------------------------------------------------------
def test_words_shared_by_several_currencies_are_settled_by_the_territory_and_said():
    assert resolve("dollar", "$", "en", "AU") == ("AUD", resolve("dollar", "$", "en", "AU")[1])
    assert resolve("riyal", "ريال", "ar", "OM")[0] == "OMR"
    assert resolve("dinar", "دينار", "ar", "IQ")[0] == "IQD"
    code, why = resolve("dollar", "$", "ar", None)
    assert code == "USD" and "no territory" in why
    assert resolve("EUR", "€", "fr", "FR") == ("EUR", None)


def test_pegs_convert_exactly_and_need_no_date():
    assert convert(Interval.of(100), "USD", "SAR") == Interval.of(375)
    assert convert(Interval.of(375), "SAR", "USD") == Interval.of(100)
    assert convert(Interval.of("3.6725"), "AED", "SAR") == Interval.of("3.75")
    assert set(PEGS) == {"SAR", "AED", "QAR", "BHD", "OMR", "JOD"}
    assert convert(Interval.of(1), "USD", "SAR", dt.date(1980, 1, 1)) is None, "no peg before it was set"


def test_ecb_reference_rates_at_the_claims_date():
    # The ECB's reference rate on 2024-03-01 was 1 EUR = 1.0813 USD.
    assert convert(Interval.of("1.0813"), "USD", "EUR", dt.date(2024, 3, 1)) == Interval.of(1)
    quote = rate("USD", "EUR", dt.date(2024, 3, 2))  # a Saturday: Friday's rate
    assert quote is not None and quote.days == (dt.date(2024, 3, 1), dt.date(2024, 3, 1)) and quote.floating
    assert "2024-03-01" in quote.describe()
    year = rate("EUR", "USD", (dt.date(2024, 1, 1), dt.date(2025, 1, 1)))
    assert year is not None and year.value.low < Fraction("1.0813") < year.value.high
    assert "2024-01-02 to 2024-12-31" in year.describe()
    through_peg = rate("EUR", "SAR", dt.date(2024, 3, 1))
    assert through_peg is not None and through_peg.value == Interval.of(Fraction("1.0813") * Fraction("3.75"))


def test_no_rate_is_none_never_a_guess():
    assert convert(Interval.of(1), "USD", "EGP", dt.date(2024, 3, 1)) is None, "the ECB has no Egyptian pound"
    assert convert(Interval.of(1), "USD", "EUR", None) is None, "a floating rate needs a date"
    assert convert(Interval.of(1), "USD", "EUR", dt.date(1990, 1, 1)) is None, "before the ECB's series"
    assert convert(Interval.of(1), "RUB", "EUR", dt.date(2023, 6, 1)) is None, "after the ECB stopped it"


def test_rates_the_request_gives_come_first_and_chain():
    rates = [Rate(base="USD", quote="EGP", rate="48.5", source="central bank")]
    assert convert(Interval.of(2), "USD", "EGP", None, rates) == Interval.of(97)
    assert convert(Interval.of(97), "EGP", "USD", None, rates) == Interval.of(2)
    assert convert(Interval.of(1), "SAR", "EGP", None, rates) == Interval.of(Fraction("48.5") / Fraction("3.75"))
    dated = [Rate(base="EUR", quote="USD", rate="1.2", date=dt.date(2024, 3, 1))]
    assert convert(Interval.of(1), "EUR", "USD", dt.date(2024, 3, 1), dated) == Interval.of("1.2")
    quote = rate("EUR", "USD", dt.date(2024, 3, 4), dated)
    assert quote is not None and quote.value != Interval.of("1.2"), "a dated rate is for its day only"
    assert rate("USD", "EGP", None, [Rate(base="USD", quote="EGP", rate="0")]) is None


def test_conversion_work_in_one_request_is_bounded():
    from rules.arithmetic.conversion import MAX_QUOTES
    from rules.engine import check
    from rules.model import CheckRequest

    claims = []
    for i in range(MAX_QUOTES + 40):  # every pair over its own decade of rates
        when = f"2005-01-{1 + i % 28:02d}/2015-{1 + i // 28:02d}-01"
        claims += [{"kind": "quantity", "id": f"u{i}", "value": "$10 billion", "subject": f"s{i}", "time": when},
                   {"kind": "quantity", "id": f"e{i}", "value": "€7.5 billion", "subject": f"s{i}", "time": when}]
    request = msgspec.convert({"document": {"language": "en"}, "claims": claims}, CheckRequest)
    start = time.perf_counter()
    report = check(request)
    assert time.perf_counter() - start < 20
    mine = [v for v in report.verdicts if v.rule == "conversion"]
    assert len(mine) == MAX_QUOTES + 40
    assert sum("more than" in v.explanation.en for v in mine) == 40


def test_the_request_policy_reads_the_figures():
    """A check under another policy reads its figures with that policy: 'about' widens by its margin, not by the
    process default, and the reading names it."""
    from rules.context import Context
    from rules.engine import check
    from rules.model import CheckRequest
    from rules.policy import Policy

    request = msgspec.convert({"document": {"language": "ar"},
                               "claims": [{"kind": "quantity", "id": "u", "value": "نحو 170 مليون مستخدم"}]},
                              CheckRequest)
    default, wide = Context(request), Context(request, Policy(approximate=Fraction(1, 10)))
    assert (default.items["u"].measure.value.low, default.items["u"].measure.value.high) == (156_500_000, 183_500_000)
    assert (wide.items["u"].measure.value.low, wide.items["u"].measure.value.high) == (148_000_000, 192_000_000)
    read = check(request, policy=Policy(approximate=Fraction(1, 10))).claims[0].value
    assert read is not None and "±10 %" in read.policy and read.low == "148000000"


@pytest.mark.parametrize(("text", "language", "factor", "times"), [
    ("تضاعف 7 مرات", "ar", None, True),  # the number is the factor: never 'doubled' by default
    ("تضاعف", "ar", Fraction(2), False),
    ("ثلاثة أضعاف", "ar", Fraction(3), False),
    ("sevenfold", "en", Fraction(7), False),
    ("three times as many", "en", None, True),
    ("quadruplé", "fr", Fraction(4), False),
    ("se quintuplicó", "es", Fraction(5), False),
    ("verdreifacht", "de", Fraction(3), False),
])
def test_multipliers_are_factors(text, language, factor, times):
    from rules.normalise.changes import movement

    mv = movement(text, language)
    assert mv is not None and mv.direction >= 0 and (mv.factor, mv.times) == (factor, times)
    if times:
        m = read_value(text, language)
        assert m.unit == "times" and m.number in (3, 7)


@pytest.mark.parametrize(("text", "language", "direction"), [
    ("un 20 % más que en 2023", "es", 1),  # a comparative after the number states a change
    ("un 5 % menos", "es", -1),
    ("más de 20 %", "es", None),  # before the number it is a bound
    ("20 % o más", "es", None),
    ("12% more than a year earlier", "en", 1),
    ("2 million fewer visitors", "en", -1),
    ("more than 5 million", "en", None),
    ("5 million or more", "en", None),
    ("20 % de plus qu'en 2023", "fr", 1),
    ("plus de 20 %", "fr", None),
    ("trois ans plus tard", "fr", None),
    ("20 Prozent mehr als im Vorjahr", "de", 1),
    ("mehr als 20 Prozent", "de", None),
    ("أكثر بنسبة 20%", "ar", 1),
    ("أكثر من 20%", "ar", None),
    ("20% أو أكثر", "ar", None),
    ("a down payment of 10 percent", "en", None),  # a payment, not a fall
])
def test_a_comparative_after_the_number_is_a_change_and_before_it_a_bound(text, language, direction):
    from rules.normalise.changes import movement

    mv = movement(text, language)
    assert (mv.direction if mv is not None else None) == direction
