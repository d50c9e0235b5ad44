"""Every rule's examples, run through the engine: the examples are the rule's definition and its tests."""

from __future__ import annotations

from fractions import Fraction

import pytest

from rules.engine import RULES, check
from rules.policy import POLICY

#: Rules whose verdicts weigh figures (``rules.verdicts.weigh``): each must show a doubtful case among its examples.
WEIGHING = {r.id for r in RULES if r.family == "arithmetic"}

CASES = [pytest.param(rule, ex, id=f"{rule.id}:{n}") for rule in RULES for n, ex in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example):
    report = check(example.request())
    mine = [v for v in report.verdicts if v.rule == rule.id]
    assert example.expect in {v.status for v in mine}, \
        f"{example.title}: expected {example.expect}, got {[(v.status, v.explanation.en) for v in mine]}"
    chosen = next(v for v in mine if v.status == example.expect)
    assert chosen.explanation.en
    if example.language != "en":
        assert chosen.explanation.local, "a non-English document gets an explanation in its language too"
    if example.cause:
        assert chosen.cause is not None and chosen.cause.code == example.cause, chosen.cause
    said = [chosen.explanation] + ([chosen.cause.explanation] if chosen.cause else [])
    for word in example.says:
        assert any(word in t.en + (t.local or "") for t in said), (word, said)
    if example.expect == "inconsistent":
        assert chosen.computation is None or chosen.computation.margin not in (None, "0")
        assert chosen.computation is None or chosen.computation.fit is None
    if example.expect in ("consistent", "doubtful"):
        false_alarms = [v for v in report.verdicts if v.status == "inconsistent"]
        assert not false_alarms, f"a {example.expect} example raised {[v.explanation.en for v in false_alarms]}"
    if example.expect == "doubtful":  # the figures meet, only at the edge: the fit says how far, the words say why
        assert chosen.computation is not None and chosen.computation.margin == "0"
        assert Fraction(chosen.computation.fit) > POLICY.doubtful
        assert "only at the edge" in chosen.explanation.en and "only if" in chosen.explanation.en
    if example.expect == "consistent" and rule.id in WEIGHING and chosen.computation is not None:
        assert Fraction(chosen.computation.fit) <= POLICY.doubtful
    for code in example.problems:
        assert code in {p.code for p in report.problems} | {p.code for c in report.claims for p in c.problems}
    for name, (low, high) in example.derived.items():
        found = [d for d in report.derived if d.name == name]
        assert found, f"no derived figure {name}"
        got = found[0].range
        assert abs(Fraction(got.low) - Fraction(low)) <= abs(Fraction(low)) / 100, (name, got)
        assert abs(Fraction(got.high) - Fraction(high)) <= abs(Fraction(high)) / 100, (name, got)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples_both_ways(rule):
    statuses = {ex.expect for ex in rule.examples}
    assert "consistent" in statuses and "inconsistent" in statuses, f"{rule.id} needs examples both ways"
    if rule.id in WEIGHING:
        assert "doubtful" in statuses, f"{rule.id} weighs figures: it needs a doubtful example"
    assert rule.what and rule.why and rule.example


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_its_title_in_the_five_languages(rule):
    """The report pages name each check in the page's language: no English title on a French page."""
    assert {"ar", "en", "fr", "es", "de"} <= rule.titles.keys(), sorted(rule.titles)
    assert all(rule.titles[lang].strip() for lang in ("ar", "en", "fr", "es", "de"))
