"""A rule's precondition (``applies``, ``rules.registry``) is a necessary condition: wherever it says a rule cannot
find anything and the engine skips the rule, the rule run anyway yields nothing.

Over every request ``bench.dump`` covers (the seeds, the slips corpus as published and as corrected, from claims and
from text, the generated articles) and every rule's examples, each request is checked by the engine with its
``Context`` recorded; then, on a context built the same way, the rules run in the engine's order, each one whether
its precondition holds or not, and a rule whose precondition is False must yield nothing."""

from __future__ import annotations

import msgspec
import pytest

from bench.dump import requests
from rules import engine
from rules.context import Context
from rules.engine import RULES
from rules.model import CheckRequest
from service.body import decode


def _requests() -> list[tuple[str, CheckRequest]]:
    out = []
    for name, raw in requests():
        try:
            out.append((name, decode(raw, CheckRequest)))
        except Exception:  # refused requests (a problem answer) never reach the rules
            continue
    out += [(f"{rule.id}: {example.title}", example.request()) for rule in RULES for example in rule.examples]
    return out


def test_rules_have_preconditions() -> None:
    """The rules that most articles give nothing to say why, so the engine can skip them."""
    have = {r.id for r in RULES if r.applies is not None}
    assert {"compare", "conversion", "place_within", "restated", "exhaustive_total", "subgroup_within",
            "budget_balance", "poll_answers", "complement", "parts_sum", "elapsed_age", "event_order"} <= have


def test_a_skipped_rule_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[CheckRequest, object]] = []

    def recording(request: CheckRequest, policy: object) -> Context:
        built.append((request, policy))
        return Context(request, policy)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "Context", recording)
    skipped: dict[str, int] = {}
    ran: dict[str, int] = {}
    found: list[str] = []
    for name, request in _requests():
        built.clear()
        engine.check(request)
        (prepared, policy), = built
        ctx = Context(prepared, policy)  # type: ignore[arg-type]
        for rule in RULES:
            applies = rule.applies is None or rule.applies(ctx)
            outputs = list(rule.check(ctx))
            if applies:
                ran[rule.id] = ran.get(rule.id, 0) + 1
            else:
                skipped[rule.id] = skipped.get(rule.id, 0) + 1
                if outputs:
                    found.append(f"{rule.id} on {name}: {msgspec.json.encode(outputs[0])[:200]!r}")
    assert not found, "\n".join(found)
    # every precondition was put to the test: each skipped its rule somewhere, and let it run somewhere else
    for rule in RULES:
        if rule.applies is not None:
            assert skipped.get(rule.id) and ran.get(rule.id), rule.id
