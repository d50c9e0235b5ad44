"""Reading times: the endpoint ``POST /v1/normalise/times``, the days a modifier allows, durations, the bounds on
input, and that nothing a client sends makes the reader fail with anything but a stated problem."""

from __future__ import annotations

import datetime as dt
import json
import time
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.model import Amount
from rules.normalise.times import _read_time, read_duration, read_time
from rules.normalise.timewords import time_words
from rules.normalise.errors import Unreadable

PROBLEM = "application/problem+json"
D = dt.date


def post(client, body):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/v1/normalise/times", content=data, headers={"content-type": "application/json"})


# -- the endpoint -----------------------------------------------------------------------------------------------
def test_times_are_read_as_intervals_with_grain_modifier_and_calendar(client):
    r = post(client, {"language": "ar", "times": ["بحلول أيلول 2025", "15 رمضان 1446 هـ", "2025-01-20/", "1446"]})
    assert r.status_code == 200, r.text
    sep, ramadan, open_term, bare = r.json()["times"]
    assert sep["time"] == {"text": "بحلول أيلول 2025", "start": "2025-09-01", "end": "2025-10-01", "grain": "month",
                           "modifier": "by"}  # the calendar is Gregorian unless it says "hijri"
    assert ramadan["time"]["start"] == "2025-03-15" and ramadan["time"]["calendar"] == "hijri"
    assert open_term["time"]["start"] == "2025-01-20" and open_term["time"]["end"] is None
    assert bare["problem"]["code"] == "ambiguous_calendar" and bare["problem"]["field"] == "times[3]"
    assert "هـ" in bare["problem"]["message"]


def test_relative_times_are_read_from_the_publication_date_never_the_clock(client):
    without = post(client, {"language": "ar", "times": ["العام الماضي"]}).json()["times"][0]
    assert without["problem"]["code"] == "needs_publication_date"
    with_date = post(client, {"language": "ar", "published": "2001-06-01", "times": ["العام الماضي"]}).json()
    reading = with_date["times"][0]["time"]
    assert (reading["start"], reading["end"], reading["anchor"]) == ("2000-01-01", "2001-01-01", "2001-06-01")
    assert with_date["published"] == "2001-06-01"


@pytest.mark.parametrize("body", [
    {"language": "ar", "times": []},
    {"language": "ar", "times": ["x" * 301]},
    {"language": "ar", "times": ["2025"] * 1001},
    {"language": "ar", "times": [2025]},
    {"language": "ar", "times": ["2025"], "extra": True},
    {"language": "not a tag", "times": ["2025"]},
    {"language": "ar", "published": "2025-13-01", "times": ["2025"]},
])
def test_a_body_off_the_schema_is_a_422_problem(client, body):
    r = post(client, body)
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM), r.text


def test_malformed_json_is_a_400_problem(client):
    r = post(client, b"{")
    assert r.status_code == 400 and r.headers["content-type"].startswith(PROBLEM)


def test_a_claims_time_reading_carries_its_anchor_in_the_report(client):
    body = {"document": {"language": "en", "published": "2025-03-15"},
            "claims": [{"kind": "event", "id": "e", "what": "deal", "time": "two years ago"}]}
    r = client.post("/v1/checks", content=json.dumps(body), headers={"content-type": "application/json"})
    assert r.json()["claims"][0]["time"] == {"text": "two years ago", "start": "2023-01-01", "end": "2024-01-01",
                                             "grain": "year", "anchor": "2025-03-15"}


# -- what a modifier allows -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "window"), [
    ("by September 2025", (None, D(2025, 9, 30))),
    ("before 2020", (None, D(2019, 12, 31))),
    ("after 2020", (D(2021, 1, 1), None)),
    ("since 2020", (D(2020, 1, 1), None)),
    ("around 2020", (D(2019, 1, 1), D(2021, 12, 31))),
    ("about 20 January 2025", (D(2025, 1, 17), D(2025, 1, 23))),
    ("early 2025", (D(2025, 1, 1), D(2025, 6, 30))),
    ("2025-01-20/", (D(2025, 1, 20), None)),
])
def test_the_days_a_modifier_allows(text, window):
    assert read_time(text, "en").window() == window


# -- durations --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "language", "age", "low", "high"), [
    ("two months", "en", False, 42, Fraction(155, 2)),  # 1½–2½ months of 28–31 days
    ("بعد شهرين", "ar", False, 42, Fraction(155, 2)),
    ("10-year-old", "en", True, Fraction(6935, 2), 4026),  # 9½ to 11 years
    ("عمرها 13 عامًا", "ar", True, Fraction(9125, 2), 5124),
    ("نحو عشر سنوات", "ar", False, 9 * 365, 11 * 366),
    ("more than two years", "en", False, 730, None),
    ("vor drei Wochen", "de", False, Fraction(35, 2), Fraction(49, 2)),
])
def test_durations_are_ranges_of_days(text, language, age, low, high):
    d = read_duration(text, language, age=age)
    assert (d.low, d.high) == (low, high)


def test_a_structured_amount_is_a_duration_too():
    d = read_duration(Amount(number="10", unit="years", bound="approximate"), "en", age=True)
    assert (d.low, d.high) == (9 * 365, 11 * 366)
    with pytest.raises(Unreadable):
        read_duration(Amount(number="10", unit="USD"), "en")


# -- bounds and robustness --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "code"), [
    ("x" * 301, "too_long"),
    ("2025 " + "في " * 45, "too_many_words"),
    ("0 years ago", "bad_count"),
    ("999 decades ago", "out_of_range"),
    ("20251", "bad_number"),
    ("2025-02-30", "bad_date"),
    ("0900-01-01", "year_range"),
])
def test_input_is_bounded(text, code):
    with pytest.raises(Unreadable) as caught:
        read_time(text, "en", D(2025, 3, 15))
    assert caught.value.code == code


def test_relative_times_near_the_ends_of_the_calendar_are_refused_not_crashed():
    for published in (D(1, 1, 1), D(9999, 12, 31)):
        for text in ("last year", "in 900 years", "within 1000 years", "the '90s", "next week"):
            with pytest.raises(Unreadable):
                read_time(text, "en", published)


_WORDS = ["2025", "١٤٤٦", "هـ", "رمضان", "أيلول", "بحلول", "العام", "الماضي", "منذ", "عامين", "من", "إلى", "/", "-",
          "Q3", "by", "last", "year", "ago", "2", "20", "January", "the", "s", "between", "and", "mid", "الموافق",
          "مارس", "early", "٣٠", ".", "within", "الربع", "الأخير", "week", "Monday", "الاثنين"]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from(["ar", "en", "fr", "de", "es", "zz"]),
       st.sampled_from([None, D(2025, 3, 15)]))
def test_any_string_of_time_words_is_read_or_refused_quickly(words, language, published):
    time_words(language)  # built once per process, not timed

    def once() -> float:
        _read_time.cache_clear()
        start = time.perf_counter()
        try:
            span = read_time(" ".join(words), language, published)
        except Unreadable as exc:
            assert exc.code and exc.message
        else:
            assert span.start < span.end
            span.reading()
            span.window()
        return time.perf_counter() - start

    # the best of three: a slow reading is slow every time, a busy machine only now and then
    assert any(once() < 0.05 for _ in range(3))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=80), st.sampled_from(["ar", "en"]))
def test_any_text_is_read_or_refused(text, language):
    try:
        read_time(text, language, D(2025, 3, 15))
    except Unreadable:
        pass


# -- no false alarm from what the article does not say -----------------------------------------------------------
def test_an_event_without_a_tense_or_a_past_expectation_is_not_checked_against_publication(client):
    body = {"document": {"language": "en", "published": "2025-03-15"},
            "claims": [{"kind": "event", "id": "a", "what": "launch", "time": "in 2026"},
                       {"kind": "event", "id": "b", "what": "vote", "time": "by 2024", "tense": "past",
                        "modality": "expected"},
                       {"kind": "event", "id": "c", "what": "sale", "time": "in 2027", "tense": "present"}]}
    r = client.post("/v1/checks", content=json.dumps(body), headers={"content-type": "application/json"})
    verdicts = r.json()["verdicts"]
    assert not [v for v in verdicts if v["rule"] in ("tense_publication", "document_date")], verdicts


@pytest.mark.parametrize(("text", "tag", "first", "last"), [
    ("the year to June 2023", "en", "2022-07-01", "2023-06-30"),  # not January–June 2023
    ("the quarter ended 30 June 2024", "en", "2024-04-01", "2024-06-30"),
    ("the fiscal year ended 30 June 2023", "en", "2022-07-01", "2023-06-30"),
    ("للسنة المنتهية في 31 ديسمبر 2023", "ar", "2023-01-01", "2023-12-31"),
    ("الأشهر التسعة المنتهية في 30 سبتمبر 2024", "ar", "2024-01-01", "2024-09-30"),
    ("السنة المالية المنتهية في 30 يونيو 2023", "ar", "2022-07-01", "2023-06-30"),
    ("l'exercice clos le 31 mars 2024", "fr", "2023-04-01", "2024-03-31"),
    ("los doce meses terminados en junio de 2023", "es", "2022-07-01", "2023-06-30"),
    ("die zwölf Monate bis Juni 2023", "de", "2022-07-01", "2023-06-30"),
])
def test_a_period_is_counted_back_from_where_it_ends(text, tag, first, last):
    span = read_time(text, tag)
    assert (span.start.isoformat(), span.last.isoformat()) == (first, last)


@pytest.mark.parametrize(("text", "code"), [
    ("ending June 2023", "unread_word"),  # what ends is not said
    ("the months to June 2023", "vague"),  # how many is not said
    ("the year ending by June 2023", "modified_range"),
])
def test_a_period_that_ends_says_what_and_how_long_or_is_refused(text, code):
    with pytest.raises(Unreadable) as caught:
        read_time(text, "en")
    assert caught.value.code == code


@pytest.mark.parametrize(("text", "tag", "first", "last"), [
    ("العام المالي 2022/2023", "ar-EG", "2022-07-01", "2023-06-30"),
    ("الربع الثانى من 2022-2023", "ar-EG", "2022-10-01", "2022-12-31"),
    ("2013-14", "en-GB", "2013-04-01", "2014-03-31"),
    ("Q1 2024-25", "en-IN", "2024-04-01", "2024-06-30"),
    ("the 2023/24 fiscal year", "en-AU", "2023-07-01", "2024-06-30"),
])
def test_fiscal_years_follow_the_territory(text, tag, first, last):
    span = read_time(text, tag)
    assert (span.start.isoformat(), span.last.isoformat()) == (first, last)


@pytest.mark.parametrize(("text", "tag"), [("FY2024", "en-US"), ("fiscal 2024", "en-AU"),
                                          ("العام المالي 2024", "ar-EG")])
def test_a_fiscal_year_named_by_one_year_is_refused(text, tag):
    with pytest.raises(Unreadable) as caught:
        read_time(text, tag)
    assert caught.value.code == "fiscal_year"


@pytest.mark.parametrize(("text", "fiscal", "start", "end"), [
    ("FY2024", {"start": 10, "named_by": "end"}, "2023-10-01", "2024-10-01"),  # the US federal year
    ("FY2024", {"start": 4, "named_by": "start"}, "2024-04-01", "2025-04-01"),  # Japan's
    ("Q1 FY2025", {"start": 10, "named_by": "end"}, "2024-10-01", "2025-01-01"),
    ("2013-14", {"start": 7, "named_by": "start"}, "2013-07-01", "2014-07-01"),  # overrides the territory's
])
def test_a_fiscal_year_convention_sent_with_the_request_places_fiscal_years(client, text, fiscal, start, end):
    body = {"language": "en-GB", "times": [text], "fiscal_year": fiscal}
    got = client.post("/v1/normalise/times", json=body).json()["times"][0]["time"]
    assert (got["start"], got["end"]) == (start, end)
    without = client.post("/v1/normalise/times", json={"language": "en", "times": ["FY2024"]}).json()["times"][0]
    assert without["problem"]["code"] == "fiscal_year", "a company's fiscal year and the state's differ: not guessed"


def test_a_checks_fiscal_year_convention_reaches_its_claims_times(client):
    body = {"document": {"language": "en", "fiscal_year": {"start": 10, "named_by": "end"}},
            "claims": [{"kind": "quantity", "id": "d", "value": "$1.8 trillion", "subject": "US federal government",
                        "metric": "deficit", "time": "FY2024"}]}
    read = client.post("/v1/checks?store=false", json=body).json()["claims"][0]
    assert (read["time"]["start"], read["time"]["end"]) == ("2023-10-01", "2024-10-01")
