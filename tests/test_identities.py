"""The relations nobody states (identities, containment, comparisons) apply only when they must, in every language.

Each identity is found from the labels alone, in ar, en, fr, es and de (its names are read from the data file, so
adding a name is tested by this file); and a missing term, another period, another source, another qualifier, a
figure that is not additive or a hedge is never taken for the relation — the verdicts it would give are not given.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import msgspec
import pytest

from rules.engine import check
from rules.identities import IDENTITIES
from rules.model import CheckRequest

LANGUAGES = ("ar", "en", "fr", "es", "de")
DATA = tomllib.loads((Path(__file__).parents[1] / "rules" / "data" / "identities.toml").read_text("utf-8"))


def _run(claims: list[dict], language: str = "en", relations: list[dict] | None = None, references=()) -> list:
    request = msgspec.convert({"document": {"language": language}, "claims": claims, "relations": relations or [],
                               "references": list(references)}, CheckRequest)
    return check(request).verdicts


def _rule(verdicts: list, rule: str) -> list[str]:
    return [v.status for v in verdicts if v.rule == rule]


def _name(identity: str, role: str, language: str) -> str:
    table = DATA[identity][role]
    return (table.get(language) or table["negative"][language])[0]


def _difference(identity: str, language: str, result: str) -> list[dict]:
    roles = IDENTITIES[identity].roles
    values = {roles[0]: result, roles[1]: "100", roles[2]: "60"}
    return [{"kind": "quantity", "id": f"t{n}", "value": values[role], "metric": _name(identity, role, language),
             "subject": "X", "time": "2023"} for n, role in enumerate(roles)]


DIFFERENCES = [(i.id, i.rule, lang) for i in IDENTITIES.values() if i.kind == "difference" for lang in LANGUAGES]


@pytest.mark.parametrize(("identity", "rule", "language"), DIFFERENCES, ids=lambda x: str(x))
def test_every_identity_is_found_from_its_labels_in_every_language(identity, rule, language):
    """100 − 60 is 40 and not 55, in every language, for every identity, with the terms named as the data names
    them; where the first term has only signed names (a deficit), 40 named a deficit is −40 and does not fit."""
    neutral = DATA[identity][IDENTITIES[identity].roles[0]].get(language)
    if not neutral:
        assert _rule(_run(_difference(identity, language, "40"), language), rule) == ["inconsistent"]
        return
    assert _rule(_run(_difference(identity, language, "40"), language), rule) == ["consistent"]
    assert _rule(_run(_difference(identity, language, "55"), language), rule) == ["inconsistent"]


def _budget(**changes) -> list[dict]:
    claims = [{"kind": "quantity", "id": "rev", "value": "309 billion riyals", "metric": "revenue", "subject": "Saudi Arabia",
               "time": "Q3 2024"},
              {"kind": "quantity", "id": "exp", "value": "339 billion riyals", "metric": "spending",
               "subject": "Saudi Arabia", "time": "Q3 2024"},
              {"kind": "quantity", "id": "def", "value": "50 billion riyals", "metric": "deficit",
               "subject": "Saudi Arabia", "time": "Q3 2024"}]
    for claim in claims:
        claim.update(changes.get(claim["id"], {}))
    return [c for c in claims if c["id"] not in changes.get("drop", ())]


def test_an_identity_with_its_terms_is_applied_and_says_what_it_assumed():
    verdicts = [v for v in _run(_budget()) if v.rule == "budget_balance"]
    assert [v.status for v in verdicts] == ["inconsistent"]
    assert verdicts[0].explanation.en.startswith("Assumed: a budget balance is revenue minus spending")


@pytest.mark.parametrize("changes", [
    {"drop": ("exp",)},  # a missing term
    {"exp": {"time": "Q2 2024"}},  # another period
    {"exp": {"time": None}},  # a period not said
    {"def": {"subject": "Egypt"}},  # another subject
    {"exp": {"scope": "Riyadh region"}},  # another scope
    {"def": {"source": "IMF"}},  # another source
    {"rev": {"metric": "oil revenue"}},  # another qualifier: oil revenue is not all revenue
    {"exp": {"value": "rose 5%"}},  # a change, not a level
    {"def": {"metric": "net profit"}},  # not a term of the identity
], ids=["missing term", "other period", "no period", "other subject", "other scope", "other source",
        "other qualifier", "a change", "not a term"])
def test_an_identity_missing_a_term_or_for_another_period_is_not_applied(changes):
    assert _rule(_run(_budget(**changes)), "budget_balance") == []


def test_a_reference_may_supply_a_term_and_a_term_alone_is_never_checked():
    refs = [{"kind": "quantity", "id": "rexp", "value": "339 billion riyals", "metric": "spending",
             "subject": "Saudi Arabia", "time": "Q3 2024", "source": "Ministry of Finance"}]
    assert _rule(_run(_budget(drop=("exp",)), references=refs), "budget_balance") == ["inconsistent"]
    only_refs = [dict(c, source="MoF") for c in _budget()]
    assert _rule(_run([{"kind": "quantity", "id": "x", "value": "1", "metric": "other"}], references=only_refs),
                 "budget_balance") == []


def test_a_surplus_or_deficit_in_the_value_gives_the_sign():
    claims = _budget(**{"def": {"metric": "budget balance", "value": "a deficit of 30 billion riyals"}})
    assert _rule(_run(claims), "budget_balance") == ["consistent"]
    claims = _budget(**{"def": {"metric": "budget balance", "value": "a surplus of 30 billion riyals"}})
    assert _rule(_run(claims), "budget_balance") == ["inconsistent"]


def test_answers_of_two_polls_or_of_two_wholes_do_not_add_up():
    yes = {"kind": "share", "id": "yes", "value": "58%", "metric": "yes", "of": "voters", "subject": "referendum"}
    no = {"kind": "share", "id": "no", "value": "52%", "metric": "no", "of": "voters", "subject": "referendum"}
    assert _rule(_run([yes, no]), "poll_answers") == ["inconsistent"]
    assert _rule(_run([dict(yes, source="YouGov"), dict(no, source="ICM")]), "poll_answers") == []
    assert _rule(_run([yes, dict(no, of="decided voters")]), "poll_answers") == []
    favourable = [{"kind": "share", "id": n, "value": v, "metric": "favourable", "of": "Republicans", "subject": n}
                  for n, v in (("Palin", "70%"), ("Huckabee", "63%"), ("Romney", "60%"))]
    assert _rule(_run(favourable), "poll_answers") == []  # three questions, one about each: not one question's answers


def test_undecided_counts_only_when_the_answers_leave_room_for_it():
    ifop = [{"kind": "share", "id": i, "value": v, "metric": m, "of": "personnes interrogées", "subject": "référendum"}
            for i, v, m in (("o", "50%", "oui"), ("n", "50%", "non"), ("d", "9%", "ne se prononcent pas"))]
    verdicts = [v for v in _run(ifop, "fr") if v.rule == "poll_answers"]
    assert [v.status for v in verdicts] == ["consistent"] and set(verdicts[0].claims) == {"o", "n"}


def _flows(metric: str, month: str, year: str, **extra) -> list[dict]:
    return [{"kind": "quantity", "id": "m", "value": month, "metric": metric, "subject": "Egypt", "time": "March 2024",
             **extra},
            {"kind": "quantity", "id": "y", "value": year, "metric": metric, "subject": "Egypt", "time": "2024", **extra}]


def test_a_month_above_its_year_is_flagged_only_for_flows_that_cannot_be_negative():
    assert _rule(_run(_flows("exports", "$5.2 billion", "$4.1 billion")), "period_within") == ["inconsistent"]
    assert _rule(_run(_flows("exports", "$3 billion", "$40 billion")), "period_within") == ["consistent"]
    assert _rule(_run(_flows("trade deficit", "$5 billion", "$4 billion")), "period_within") == []  # a balance
    assert _rule(_run(_flows("average price of exports", "$5", "$4")), "period_within") == []  # an average
    assert _rule(_run(_flows("exports", "$5 billion a year", "$4 billion")), "period_within") == []  # a rate
    assert _rule(_run(_flows("unemployment", "5%", "4%")), "period_within") == []  # a share


def _places(metric: str, region: str, country: str) -> list[dict]:
    return [{"kind": "quantity", "id": "r", "value": region, "metric": metric, "subject": "California", "time": "2023"},
            {"kind": "quantity", "id": "c", "value": country, "metric": metric, "subject": "United States",
             "time": "2023"}]


def test_a_region_above_its_country_is_flagged_only_for_figures_that_add_up():
    assert _rule(_run(_places("population", "390 million", "335 million")), "place_within") == ["inconsistent"]
    assert _rule(_run(_places("population", "39 million", "335 million")), "place_within") == ["consistent"]
    assert _rule(_run(_places("average wage", "$80,000", "$65,000")), "place_within") == []
    assert _rule(_run(_places("budget deficit", "$30 billion", "$20 billion")), "place_within") == []
    ar = [{"kind": "quantity", "id": "r", "value": "9.6 مليون نسمة", "metric": "السكان", "subject": "منطقة الرياض"},
          {"kind": "quantity", "id": "c", "value": "8.2 مليون نسمة", "metric": "السكان", "subject": "السعودية"}]
    assert _rule(_run(ar, "ar"), "place_within") == ["inconsistent"]


def test_a_subgroup_is_checked_against_its_group_only_when_the_figure_adds_up():
    def claims(metric_part: str, metric_whole: str, part: str, whole: str) -> list[dict]:
        return [{"kind": "quantity", "id": "p", "value": part, "metric": metric_part, "subject": "firm"},
                {"kind": "quantity", "id": "w", "value": whole, "metric": metric_whole, "subject": "firm"}]
    assert _rule(_run(claims("women employees", "employees", "5,000", "4,000")), "subgroup_within") == ["inconsistent"]
    assert _rule(_run(claims("average salary of women", "average salary", "$5,000", "$4,000")),
                 "subgroup_within") == []
    assert _rule(_run(claims("Frauen Beschäftigte", "Beschäftigte", "5.000", "4.000"), "de"),
                 "subgroup_within") == ["inconsistent"]


def test_a_hedge_is_not_a_comparison():
    sentence = "Exports reached $2 billion, while imports were more than $3 billion."
    claims = [{"kind": "quantity", "id": "x", "value": "$2 billion", "metric": "exports", "sentence": sentence},
              {"kind": "quantity", "id": "m", "value": "more than $3 billion", "metric": "imports",
               "sentence": sentence}]
    assert _rule(_run(claims), "compare") == []
    claims[1]["value"] = "$3 billion"
    assert _rule(_run(claims), "compare") == []  # 'more than' directly before the figure: its hedge
    said = "Exports of $2.1 billion were more than imports of $3.4 billion."
    claims = [{"kind": "quantity", "id": "x", "value": "$2.1 billion", "metric": "exports", "sentence": said},
              {"kind": "quantity", "id": "m", "value": "$3.4 billion", "metric": "imports", "sentence": said}]
    assert _rule(_run(claims), "compare") == ["inconsistent"]
    sent = [dict(c, sentence=None) for c in claims]
    assert _rule(_run(sent, relations=[{"kind": "compare", "larger": "m", "smaller": "x", "times": "1.5"}]),
                 "compare") == ["consistent"]


def test_a_breakdown_with_an_uncounted_category_need_only_stay_within_its_total():
    sentence = "The $4.2 billion budget is split between police ($1.1 billion), schools ($1.6 billion) and roads."
    claims = [{"kind": "quantity", "id": i, "value": v, "metric": m, "sentence": sentence}
              for i, v, m in (("t", "$4.2 billion", "budget"), ("p", "$1.1 billion", "police"),
                              ("s", "$1.6 billion", "schools"))]
    verdicts = [v for v in _run(claims) if v.rule == "exhaustive_total"]
    assert [v.status for v in verdicts] == ["consistent"] and "need only stay within" in verdicts[0].explanation.en


BREAKDOWNS = {
    "ar": ("بلغت الميزانية 4.4 مليار دينار موزعة على التعليم (1.2 مليار دينار) والصحة (850 مليون دينار) وأبواب أخرى "
           "(2.35 مليار دينار).", ["4.4 مليار دينار", "1.2 مليار دينار", "850 مليون دينار", "2.35 مليار دينار"]),
    "en": ("The $4.4 billion budget is split between education ($1.2 billion), health ($850 million) and other items "
           "($2.35 billion).", ["$4.4 billion", "$1.2 billion", "$850 million", "$2.35 billion"]),
    "fr": ("Le budget de 4,4 milliards d'euros est réparti entre l'éducation (1,2 milliard d'euros), la santé "
           "(850 millions d'euros) et les autres postes (2,35 milliards d'euros).",
           ["4,4 milliards d'euros", "1,2 milliard d'euros", "850 millions d'euros", "2,35 milliards d'euros"]),
    "es": ("El presupuesto de 4,4 millones de euros se reparte entre educación (1,2 millones de euros), sanidad "
           "(850.000 euros) y otras partidas (2,35 millones de euros).",
           ["4,4 millones de euros", "1,2 millones de euros", "850.000 euros", "2,35 millones de euros"]),
    "de": ("Der Haushalt von 4,4 Milliarden Euro ist verteilt auf Bildung (1,2 Milliarden Euro), Gesundheit "
           "(850 Millionen Euro) und Sonstiges (2,35 Milliarden Euro).",
           ["4,4 Milliarden Euro", "1,2 Milliarden Euro", "850 Millionen Euro", "2,35 Milliarden Euro"]),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_breakdown_a_sentence_calls_complete_adds_up_in_every_language(language):
    sentence, values = BREAKDOWNS[language]
    claims = [{"kind": "quantity", "id": f"c{n}", "value": v, "metric": f"m{n}", "sentence": sentence}
              for n, v in enumerate(values)]
    assert _rule(_run(claims, language), "exhaustive_total") == ["consistent"]
    wrong = sentence.replace(values[2], values[2].replace("850", "350"))
    claims = [dict(c, sentence=wrong, value=c["value"].replace("850", "350")) for c in claims]
    assert _rule(_run(claims, language), "exhaustive_total") == ["inconsistent"]
