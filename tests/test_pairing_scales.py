"""Pairing stays linear: claims that all share one key (the worst case for pairing) give a number of verdicts
proportional to the number of claims, never to its square or cube — so no request, however crafted, makes the
engine compare all pairs."""

from __future__ import annotations

import msgspec

from rules.engine import check
from rules.model import CheckRequest


def _crowd(n: int, references: int) -> CheckRequest:
    claims = []
    for i in range(n):
        claims += [
            {"kind": "quantity", "id": f"q{i}", "value": f"${i % 50 + 1} billion", "subject": "s", "metric": "m"},
            {"kind": "share", "id": f"s{i}", "value": f"{i % 90 + 1}%", "of": "all", "subject": "s", "metric": "m"},
            {"kind": "quantity", "id": f"w{i}", "value": f"${i % 70 + 30} billion", "subject": "s", "metric": "all"},
            {"kind": "quantity", "id": f"c{i}", "value": f"rose {i % 30}%", "subject": "s", "metric": "m",
             "time": "2024"},
            {"kind": "quantity", "id": f"u{i}", "value": f"{i % 40 + 1} million users", "subject": "s"},
            {"kind": "quantity", "id": f"y{i}", "value": f"${i % 60 + 1} billion a year", "subject": "s",
             "metric": "m"},
            {"kind": "quantity", "id": f"o{i}", "value": f"${i % 9 + 1} a month", "per": "user", "subject": "s",
             "metric": "m"},
        ]
    refs = [{"kind": "quantity", "id": f"r{i}", "value": f"${i + 1} billion", "subject": "s", "metric": "m",
             "source": "filing"} for i in range(references)]
    return msgspec.convert({"document": {"language": "en"}, "claims": claims, "references": refs}, CheckRequest)


def test_verdicts_grow_with_the_claims_not_with_their_pairs():
    small, large = check(_crowd(100, 20)), check(_crowd(400, 80))
    assert len(large.verdicts) <= 4.5 * len(small.verdicts), (len(small.verdicts), len(large.verdicts))
    assert len(large.derived) <= 4.5 * max(len(small.derived), 1)
    assert len(large.verdicts) <= 3 * len(large.claims)
