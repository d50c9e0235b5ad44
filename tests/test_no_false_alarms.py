"""No false alarms from rounding, as a property: articles are generated from true figures that fit together exactly
(a part is the share of its whole, parts add up to their total, a total is count × amount per head, a yearly figure
is twelve monthly ones, a change is the difference of two levels), then every figure is printed the way a newsroom
rounds it — to two to four significant digits, shares to whole percents, scale words for large numbers, with and
without "about", in English or Arabic. Whatever the figures, the engine must find nothing inconsistent, and it may
call them doubtful (they fit only at the edge of their rounding) in under 1 % of checks. And whatever a client
sends, the engine answers without raising."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

import msgspec
from conftest import summary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import check
from rules.model import CheckRequest
from rules.policy import POLICY

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


HEDGE = {"en": "about {}", "ar": "نحو {}"}


def hedged(text: str, lang: str, on: bool) -> str:
    """The figure as a careful writer hedges it: 'about $12.3 billion', 'نحو 12.3 مليار دولار'."""
    return HEDGE[lang].format(text) if on else text


# -- articles of true figures, printed rounded: one builder per shape, shared by the properties and the rate --------
def share_article(whole: Fraction, share: Fraction, lang: str, n: int, hedge: bool) -> dict:
    claims = [{"kind": "quantity", "id": "part", "value": hedged(money(whole * share, lang, n), lang, hedge),
               "subject": "s", "metric": "m"},
              {"kind": "share", "id": "pct", "value": percent(share), "of": "all", "subject": "s", "metric": "m"},
              {"kind": "quantity", "id": "whole", "value": money(whole, lang, n), "subject": "s", "metric": "all"}]
    return {"document": {"language": lang}, "claims": claims}


def parts_article(parts: list[Fraction], lang: str, n: int, hedge: bool) -> dict:
    whole = sum(parts)
    claims = [{"kind": "quantity", "id": "total", "value": money(whole, lang, n), "metric": "total"}]
    for i, p in enumerate(parts):
        claims.append({"kind": "quantity", "id": f"p{i}", "value": hedged(money(p, lang, n), lang, hedge and i == 0),
                       "metric": f"item {i}"})
        claims.append({"kind": "share", "id": f"s{i}", "value": percent(p / whole), "of": "total",
                       "metric": f"item {i}"})
    relations = [{"kind": "sum", "parts": [f"p{i}" for i in range(len(parts))], "total": "total", "exhaustive": True},
                 {"kind": "sum", "parts": [f"s{i}" for i in range(len(parts))], "exhaustive": True}]
    return {"document": {"language": lang}, "claims": claims, "relations": relations}


def per_head_article(count: int, each: Fraction, lang: str, n: int, hedge: bool) -> dict:
    users = _round(Fraction(count, 10 ** 6), n)
    claims = [{"kind": "quantity", "id": "users", "value": hedged(f"{users:f} million users" if lang == "en"
                                                                   else f"{users:f} مليون مستخدم", lang, hedge),
               "subject": "s"},
              {"kind": "quantity", "id": "monthly", "value": money(count * each, lang, n, "month"), "subject": "s",
               "metric": "revenue"},
              {"kind": "quantity", "id": "yearly", "value": money(count * each * 12, lang, n, "year"), "subject": "s",
               "metric": "revenue"},
              {"kind": "quantity", "id": "each", "value": money(each, lang, n, "month"), "per": "user",
               "subject": "s", "metric": "revenue"}]
    return {"document": {"language": lang}, "claims": claims}


def change_article(before: Fraction, ratio: Fraction, share_before: Fraction, share_after: Fraction, lang: str,
                   n: int, hedge: bool) -> dict:
    after = before * ratio
    pct = (ratio - 1) * 100
    word = ("rose" if pct >= 0 else "fell") if lang == "en" else ("ارتفعت" if pct >= 0 else "تراجعت")
    points = (share_after - share_before) * 100
    claims = [{"kind": "quantity", "id": "b", "value": money(before, lang, n), "metric": "sales", "time": "2023"},
              {"kind": "quantity", "id": "a", "value": hedged(money(after, lang, n), lang, hedge), "metric": "sales",
               "time": "2024"},
              {"kind": "quantity", "id": "c", "value": f"{word} {percent(abs(pct) / 100)}", "metric": "sales",
               "time": "2024"},
              {"kind": "share", "id": "sb", "value": percent(share_before), "of": "market", "metric": "share"},
              {"kind": "share", "id": "sa", "value": percent(share_after), "of": "market", "metric": "share"},
              {"kind": "quantity", "id": "sc", "value": f"{_round(abs(points), 2) if points else 0:f} points",
               "metric": "share"}]
    relations = [{"kind": "change", "before": "sb", "after": "sa", "change": "sc"}]
    return {"document": {"language": lang}, "claims": claims, "relations": relations}


def restated_article(value: Fraction, lang: str, n: int, m: int, hedge: bool) -> dict:
    claims = [{"kind": "quantity", "id": "a", "value": hedged(money(value, lang, n), lang, hedge), "subject": "s",
               "metric": "cost"},
              {"kind": "quantity", "id": "b", "value": money(value, lang, m), "subject": "s", "metric": "cost"}]
    references = [{"kind": "quantity", "id": "r", "value": money(value, lang, 4), "subject": "s", "metric": "cost",
                   "source": "filing"}]
    return {"document": {"language": lang}, "claims": claims, "references": references}


amounts = st.integers(min_value=10 ** 5, max_value=10 ** 12).map(Fraction)
fractions = st.integers(min_value=2, max_value=98).flatmap(
    lambda p: st.integers(min_value=0, max_value=99).map(lambda q: Fraction(100 * p + q, 10000)))
langs = st.sampled_from(["en", "ar"])
digits = st.integers(min_value=2, max_value=4)
hedges = st.booleans()


def _statuses(request: dict) -> list[tuple[str, str, str]]:
    report = check(msgspec.convert(request, CheckRequest))
    return [(v.status, v.rule, v.explanation.en) for v in report.verdicts]


def _alarms(request: dict) -> list[tuple[str, str]]:
    return [(rule, text) for status, rule, text in _statuses(request) if status == "inconsistent"]


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@SLOW
@given(whole=amounts, share=fractions, lang=langs, n=digits, hedge=hedges)
def test_a_rounded_share_of_a_rounded_whole(whole, share, lang, n, hedge):
    assert not _alarms(share_article(whole, share, lang, n, hedge))


@SLOW
@given(parts=st.lists(amounts, min_size=2, max_size=6), lang=langs, n=digits, hedge=hedges)
def test_rounded_parts_and_shares_of_a_rounded_total(parts, lang, n, hedge):
    assert not _alarms(parts_article(parts, lang, n, hedge))


@SLOW
@given(count=st.integers(min_value=10 ** 4, max_value=10 ** 9), each=st.integers(min_value=100, max_value=10 ** 6),
       lang=langs, n=digits, hedge=hedges)
def test_rounded_count_times_rounded_amount_per_head(count, each, lang, n, hedge):
    assert not _alarms(per_head_article(count, Fraction(each, 100), lang, n, hedge))


@SLOW
@given(before=amounts, ratio=st.integers(min_value=20, max_value=400).map(lambda r: Fraction(r, 100)),
       share_before=fractions, share_after=fractions, lang=langs, n=digits, hedge=hedges)
def test_a_rounded_change_between_rounded_levels(before, ratio, share_before, share_after, lang, n, hedge):
    assert not _alarms(change_article(before, ratio, share_before, share_after, lang, n, hedge))


@SLOW
@given(value=amounts, lang=langs, n=digits, m=digits, hedge=hedges)
def test_the_same_figure_rounded_twice(value, lang, n, m, hedge):
    assert not _alarms(restated_article(value, lang, n, m, hedge))


#: Articles drawn for the rate of doubtful verdicts (a fixed seed: the same articles every run).
RATE_ARTICLES = 1500


def _random_article(rnd: random.Random, shape: int) -> dict:
    lang, n, hedge = rnd.choice(["en", "ar"]), rnd.randint(2, 4), rnd.random() < 0.3
    amount = lambda: Fraction(rnd.randint(10 ** 5, 10 ** 12))  # noqa: E731
    share = lambda: Fraction(rnd.randint(200, 9899), 10000)  # noqa: E731
    if shape == 0:
        return share_article(amount(), share(), lang, n, hedge)
    if shape == 1:
        return parts_article([amount() for _ in range(rnd.randint(2, 6))], lang, n, hedge)
    if shape == 2:
        return per_head_article(rnd.randint(10 ** 4, 10 ** 9), Fraction(rnd.randint(100, 10 ** 6), 100), lang, n,
                                hedge)
    if shape == 3:
        return change_article(amount(), Fraction(rnd.randint(20, 400), 100), share(), share(), lang, n, hedge)
    return restated_article(amount(), lang, n, rnd.randint(2, 4), hedge)


def test_true_rounded_figures_are_doubtful_in_under_one_percent_of_checks():
    """The fit measure's calibration (rules/policy.py): true figures printed rounded to 2–4 significant digits, with
    and without hedges, in English and Arabic. None may be inconsistent; under 1 % of the checks that weigh them
    (and of the articles) may be doubtful. The rate is printed in the test run's summary."""
    rnd = random.Random(20250101)
    weighed = doubtful = articles_doubtful = 0
    examples = []
    for i in range(RATE_ARTICLES):
        found = _statuses(_random_article(rnd, i % 5))
        assert not [f for f in found if f[0] == "inconsistent"], found
        mine = [f for f in found if f[0] in ("consistent", "doubtful")]
        weighed += len(mine)
        doubts = [f for f in mine if f[0] == "doubtful"]
        doubtful += len(doubts)
        articles_doubtful += bool(doubts)
        examples += doubts[:1]
    rate, per_article = doubtful / weighed, articles_doubtful / RATE_ARTICLES
    summary("rounding: true figures printed rounded", f"rounding property: {RATE_ARTICLES} articles of true figures printed rounded (2-4 digits, hedges, "
                   f"en/ar), {weighed} checks: 0 inconsistent, {doubtful} doubtful ({rate:.2%} of checks, "
                   f"{per_article:.2%} of articles; threshold fit > {float(POLICY.doubtful):g})")
    assert rate < 0.01 and per_article < 0.01, examples[:3]


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
    assert all(v.status in ("consistent", "doubtful", "inconsistent", "unverifiable") for v in report.verdicts)


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
