"""Each seed article's claims, posted over HTTP, give the verdicts and derived figures a fact-checker expects
(``seeds/*/expected.json``, each entry with why)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from conftest import SEEDS


def _cases():
    for seed in SEEDS:
        expected = json.loads((seed / "expected.json").read_text("utf-8"))
        for n, entry in enumerate(expected["verdicts"]):
            marks = [pytest.mark.xfail(reason=entry["pending"], strict=True)] if entry.get("pending") else []
            yield pytest.param(seed, "verdict", entry, id=f"{seed.name}:verdict:{entry['rule']}:{n}", marks=marks)
        for n, entry in enumerate(expected.get("derived", [])):
            yield pytest.param(seed, "derived", entry, id=f"{seed.name}:derived:{entry['name']}:{n}")


_REPORTS: dict[str, dict] = {}


def _report(client, seed):
    if seed.name not in _REPORTS:
        body = (seed / "claims.json").read_bytes()
        r = client.post("/v1/checks", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 201, r.text
        assert r.headers["location"].startswith("/v1/checks/")
        _REPORTS[seed.name] = r.json()
    return _REPORTS[seed.name]


@pytest.mark.parametrize(("seed", "what", "entry"), list(_cases()))
def test_seed(client, seed, what, entry):
    report = _report(client, seed)
    if what == "verdict":
        found = [v for v in report["verdicts"] if v["rule"] == entry["rule"] and set(v["claims"]) == set(entry["claims"])]
        assert found, f"no {entry['rule']} verdict on {entry['claims']}: {entry['why']}"
        v = found[0]
        assert v["status"] == entry["status"], (entry["why"], v["explanation"]["en"])
        if "cause" in entry:
            assert v["cause"] and v["cause"]["code"] == entry["cause"]
        said = [v["explanation"]] + ([v["cause"]["explanation"]] if v.get("cause") else [])
        for word in entry.get("says", []):
            assert any(word in t["en"] + (t.get("local") or "") for t in said), (word, said)
        if report["document"]["language"] != "en":
            assert v["explanation"]["local"]
    else:
        found = [d for d in report["derived"] if d["name"] == entry["name"] and set(d["claims"]) == set(entry["claims"])]
        assert found, f"no derived {entry['name']} from {entry['claims']}: {entry['why']}"
        low, high = Fraction(found[0]["range"]["low"]), Fraction(found[0]["range"]["high"])
        assert low <= Fraction(entry["contains"]) <= high, (entry["why"], low, high)
        lo_limit, hi_limit = map(Fraction, entry["within"])
        assert lo_limit <= low and high <= hi_limit, (f"range too wide: {entry['why']}", low, high)
        if "unit" in entry:
            assert found[0]["range"]["unit"] == entry["unit"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_has_no_false_alarm_and_no_server_problem(client, seed):
    expected = json.loads((seed / "expected.json").read_text("utf-8"))
    report = _report(client, seed)
    wanted = {(e["rule"], frozenset(e["claims"])) for e in expected["verdicts"] if e["status"] == "inconsistent"}
    alarms = [(v["rule"], v["claims"], v["explanation"]["en"]) for v in report["verdicts"]
              if v["status"] == "inconsistent" and (v["rule"], frozenset(v["claims"])) not in wanted]
    assert not alarms, f"inconsistent verdicts nobody expected: {alarms}"
