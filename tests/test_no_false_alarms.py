"""No false alarms from rounding, as a property: articles are generated from true figures that fit together exactly
(a part is the share of its whole, parts add up to their total, a total is count × amount per head, a yearly figure
is twelve monthly ones, a change is the difference of two levels), then every figure is printed the way a newsroom
rounds it — to two or three significant digits, shares to whole percents, scale words for large numbers, in English
or Arabic. Whatever the figures, the engine must find nothing inconsistent. And whatever a client sends, the engine
answers without raising."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import check
from rules.model import CheckRequest

SCALES = {"en": ((9, "billion"), (6, "million"), (3, "thousand")), "ar": ((9, "مليار"), (6, "مليون"), (3, "ألف"))}
CURRENCY = {"en": "${} {}", "ar": "{} {} دولار"}
PERIOD = {"en": {"year": "a year", "month": "a month"}, "ar": {"year": "سنوياً", "month": "شهرياً"}}


def _round(x: Fraction, digits: int) -> Decimal:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return Context(prec=digits, rounding=ROUND_HALF_UP).plus(d)


def money(x: Fraction, lang: str, digits: int, period: str | None = None) -> str:
    """'$12.3 billion a year' / '12.3 مليار دولار سنوياً': rounded to ``digits`` significant digits."""
    for power, word in SCALES[lang]:
        if x >= 10 ** power:
            mantissa = _round(x / 10 ** power, digits)
            text = CURRENCY[lang].format(format(mantissa.normalize(), "f"), word)
            break
    else:
        text = f"${_round(x, digits).normalize():f}" if lang == "en" else f"{_round(x, digits).normalize():f} دولار"
    return f"{text} {PERIOD[lang][period]}" if period else text


def percent(x: Fraction, decimals: int = 0) -> str:
    return f"{_round(x * 100, len(str(int(x * 100))) + decimals):f}%"


amounts = st.integers(min_value=10 ** 5, max_value=10 ** 12).map(Fraction)
fractions = st.integers(min_value=2, max_value=98).flatmap(
    lambda p: st.integers(min_value=0, max_value=99).map(lambda q: Fraction(100 * p + q, 10000)))
langs = st.sampled_from(["en", "ar"])
digits = st.integers(min_value=2, max_value=4)


def _alarms(request: dict) -> list[tuple[str, str]]:
    report = check(msgspec.convert(request, CheckRequest))
    return [(v.rule, v.explanation.en) for v in report.verdicts if v.status == "inconsistent"]


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@SLOW
@given(whole=amounts, share=fractions, lang=langs, n=digits)
def test_a_rounded_share_of_a_rounded_whole(whole, share, lang, n):
    claims = [{"kind": "quantity", "id": "part", "value": money(whole * share, lang, n), "subject": "s", "metric": "m"},
              {"kind": "share", "id": "pct", "value": percent(share), "of": "all", "subject": "s", "metric": "m"},
              {"kind": "quantity", "id": "whole", "value": money(whole, lang, n), "subject": "s", "metric": "all"}]
    assert not _alarms({"document": {"language": lang}, "claims": claims})


@SLOW
@given(parts=st.lists(amounts, min_size=2, max_size=6), lang=langs, n=digits)
def test_rounded_parts_and_shares_of_a_rounded_total(parts, lang, n):
    whole = sum(parts)
    claims = [{"kind": "quantity", "id": "total", "value": money(whole, lang, n), "metric": "total"}]
    for i, p in enumerate(parts):
        claims.append({"kind": "quantity", "id": f"p{i}", "value": money(p, lang, n), "metric": f"item {i}"})
        claims.append({"kind": "share", "id": f"s{i}", "value": percent(p / whole), "of": "total",
                       "metric": f"item {i}"})
    relations = [{"kind": "sum", "parts": [f"p{i}" for i in range(len(parts))], "total": "total", "exhaustive": True},
                 {"kind": "sum", "parts": [f"s{i}" for i in range(len(parts))], "exhaustive": True}]
    assert not _alarms({"document": {"language": lang}, "claims": claims, "relations": relations})


@SLOW
@given(count=st.integers(min_value=10 ** 4, max_value=10 ** 9), each=st.integers(min_value=100, max_value=10 ** 6),
       lang=langs, n=digits)
def test_rounded_count_times_rounded_amount_per_head(count, each, lang, n):
    each = Fraction(each, 100)
    users = _round(Fraction(count, 10 ** 6), n)
    claims = [{"kind": "quantity", "id": "users", "value": f"{users:f} million users" if lang == "en"
               else f"{users:f} مليون مستخدم", "subject": "s"},
              {"kind": "quantity", "id": "monthly", "value": money(count * each, lang, n, "month"), "subject": "s",
               "metric": "revenue"},
              {"kind": "quantity", "id": "yearly", "value": money(count * each * 12, lang, n, "year"), "subject": "s",
               "metric": "revenue"},
              {"kind": "quantity", "id": "each", "value": money(each, lang, n, "month"), "per": "user",
               "subject": "s", "metric": "revenue"}]
    assert not _alarms({"document": {"language": lang}, "claims": claims})


@SLOW
@given(before=amounts, ratio=st.integers(min_value=20, max_value=400).map(lambda r: Fraction(r, 100)),
       share_before=fractions, share_after=fractions, lang=langs, n=digits)
def test_a_rounded_change_between_rounded_levels(before, ratio, share_before, share_after, lang, n):
    after = before * ratio
    pct = (ratio - 1) * 100
    word = ("rose" if pct >= 0 else "fell") if lang == "en" else ("ارتفعت" if pct >= 0 else "تراجعت")
    points = (share_after - share_before) * 100
    claims = [{"kind": "quantity", "id": "b", "value": money(before, lang, n), "metric": "sales", "time": "2023"},
              {"kind": "quantity", "id": "a", "value": money(after, lang, n), "metric": "sales", "time": "2024"},
              {"kind": "quantity", "id": "c", "value": f"{word} {percent(abs(pct) / 100)}", "metric": "sales",
               "time": "2024"},
              {"kind": "share", "id": "sb", "value": percent(share_before), "of": "market", "metric": "share"},
              {"kind": "share", "id": "sa", "value": percent(share_after), "of": "market", "metric": "share"},
              {"kind": "quantity", "id": "sc", "value": f"{_round(abs(points), 2) if points else 0:f} points",
               "metric": "share"}]
    relations = [{"kind": "change", "before": "sb", "after": "sa", "change": "sc"}]
    assert not _alarms({"document": {"language": lang}, "claims": claims, "relations": relations})


@SLOW
@given(value=amounts, lang=langs, n=digits, m=digits)
def test_the_same_figure_rounded_twice(value, lang, n, m):
    claims = [{"kind": "quantity", "id": "a", "value": money(value, lang, n), "subject": "s", "metric": "cost"},
              {"kind": "quantity", "id": "b", "value": money(value, lang, m), "subject": "s", "metric": "cost"}]
    references = [{"kind": "quantity", "id": "r", "value": money(value, lang, 4), "subject": "s", "metric": "cost",
                   "source": "filing"}]
    assert not _alarms({"document": {"language": lang}, "claims": claims, "references": references})


figure = st.one_of(st.text(min_size=1, max_size=20), st.sampled_from(
    ["0%", "-5%", "up to -3%", "doubled", "halved", "rose 0%", "fell to 0", "0 users", "$0 a month", "between 5 and 1",
     "more than 100%", "about 0", "1,250", "12,5 million", "٫٥", "3 times", "0 times", "tripled", "up 3 points"]))
claim = st.fixed_dictionaries({"kind": st.sampled_from(["quantity", "share"]), "id": st.sampled_from("abcdef"),
                               "value": figure, "of": st.sampled_from(["x", "y"]),
                               "metric": st.sampled_from(["x", "y", "m"]),
                               "time": st.sampled_from(["2023", "2024", "2024"])})
relation = st.one_of(
    st.fixed_dictionaries({"kind": st.just("sum"), "parts": st.lists(st.sampled_from("abcdef"), min_size=1, max_size=4),
                           "total": st.sampled_from("abcdef"), "exhaustive": st.booleans()}),
    st.fixed_dictionaries({"kind": st.just("change"), "before": st.sampled_from("abcdef"),
                           "after": st.sampled_from("abcdef"), "change": st.sampled_from("abcdef")}),
    st.fixed_dictionaries({"kind": st.just("share"), "share": st.sampled_from("abcdef"),
                           "part": st.sampled_from("abcdef"), "whole": st.sampled_from("abcdef")}),
    st.fixed_dictionaries({"kind": st.just("per"), "total": st.sampled_from("abcdef"),
                           "count": st.sampled_from("abcdef"), "each": st.sampled_from("abcdef")}))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(claims=st.lists(claim, max_size=8), relations=st.lists(relation, max_size=4), lang=langs)
def test_odd_requests_never_raise(claims, relations, lang):
    for c in claims:
        if c["kind"] == "quantity":
            c.pop("of")
    report = check(msgspec.convert({"document": {"language": lang}, "claims": claims, "relations": relations},
                                   CheckRequest))
    assert all(v.status in ("consistent", "inconsistent", "unverifiable") for v in report.verdicts)


def test_a_monthly_amount_per_head_is_not_held_against_a_total_for_no_stated_period():
    claims = [{"kind": "quantity", "id": "users", "value": "2 million users", "subject": "s"},
              {"kind": "quantity", "id": "total", "value": "$240 million", "subject": "s", "metric": "revenue",
               "time": "2024"},
              {"kind": "quantity", "id": "each", "value": "$10 a month", "per": "user", "subject": "s",
               "metric": "revenue", "time": "2024"}]
    relations = [{"kind": "per", "total": "total", "count": "users", "each": "each"}]
    report = check(msgspec.convert({"document": {"language": "en"}, "claims": claims, "relations": relations},
                                   CheckRequest))
    assert not [v for v in report.verdicts if v.status == "inconsistent"]
    assert [d for d in report.derived if d.name == "total"], "the implied total per month is still shown"
