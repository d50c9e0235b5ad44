"""The HTTP contract: verdicts for good requests, RFC 9457 problems for bad ones, never a 500."""

from __future__ import annotations

import json
import re

PROBLEM = "application/problem+json"
DOC = {"language": "en"}


def post(client, body, **kw):
    """POST /v1/checks; a stored report (201) must say where it is."""
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    headers = {"content-type": "application/json", **kw.pop("headers", {})}
    r = client.post("/v1/checks", content=data, headers=headers, **kw)
    if r.status_code == 201:
        assert re.fullmatch(r"/v1/checks/[A-Za-z0-9_-]{22}", r.headers["location"]), r.headers.get("location")
    return r


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_rules_catalogue_comes_from_the_rules(client):
    rules = client.get("/v1/rules").json()
    ids = {r["id"] for r in rules}
    assert {"share_of_whole", "within_bounds", "per_unit", "rate_periods", "same_event_times"} <= ids
    share = next(r for r in rules if r["id"] == "share_of_whole")
    assert share["what"] and share["why"] and share["examples"]
    assert {e["expect"] for e in share["examples"]} >= {"consistent", "inconsistent"}
    assert share["examples"][0]["request"]["claims"], "examples are runnable requests"


def test_a_catalogue_example_posted_back_gives_its_verdict(client):
    rule = next(r for r in client.get("/v1/rules").json() if r["id"] == "share_of_whole")
    example = next(e for e in rule["examples"] if e["expect"] == "inconsistent")
    r = post(client, example["request"])
    assert r.status_code == 201
    report = r.json()
    assert any(v["rule"] == "share_of_whole" and v["status"] == "inconsistent" for v in report["verdicts"])


def test_malformed_json_is_a_400_problem(client):
    r = post(client, b"{not json")
    assert r.status_code == 400
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == 400 and body["title"] and body["type"].startswith("https://")


def test_wrong_shape_is_a_422_problem_that_says_where(client):
    r = post(client, {"document": DOC, "claims": [{"kind": "quantity", "id": "a", "value": 12}]})
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)
    errors = r.json()["errors"]
    assert any("claims[0].value" in (e.get("where") or "") for e in errors), errors


def test_unknown_fields_are_rejected(client):
    r = post(client, {"document": DOC, "claims": [], "extra": 1})
    assert r.status_code == 422
    assert "extra" in json.dumps(r.json())


def test_duplicate_ids_and_unknown_relation_targets_are_set_aside_and_said(client):
    body = {"document": DOC,
            "claims": [{"kind": "share", "id": "a", "value": "5%", "of": "x"},
                       {"kind": "share", "id": "a", "value": "160%", "of": "x"}],
            "relations": [{"kind": "share", "share": "a", "whole": "ghost"}]}
    r = post(client, body)
    assert r.status_code == 201
    report = r.json()
    assert {(p["code"], p["field"]) for p in report["problems"]} == {("duplicate_id", "claims[1].id"),
                                                                     ("unknown_claim", "relations[0].whole")}
    assert [v["status"] for v in report["verdicts"]] == ["consistent"], "the first 'a' (5 %) is the one checked"
    assert [p["code"] for c in report["claims"] for p in c.get("problems", [])] == ["unmatched_of"], \
        "the share's whole 'x' meets no claim, and the relation naming it was set aside"
    assert report["counts"]["problems"] == 3


def test_too_many_claims_is_refused(client):
    claims = [{"kind": "share", "id": f"c{i}", "value": "1%", "of": "x"} for i in range(10_001)]
    r = post(client, {"document": DOC, "claims": claims})
    assert r.status_code == 422
    assert "10000" in json.dumps(r.json())


def test_body_over_the_limit_is_a_413_problem(client):
    big = {"document": DOC, "claims": [{"kind": "share", "id": "a", "value": "1%", "of": "x" * 200,
                                        "sentence": "y" * 3000}] * 1000}
    r = post(client, big)
    assert r.status_code == 413 and r.headers["content-type"].startswith(PROBLEM)


def test_over_long_strings_are_refused(client):
    r = post(client, {"document": DOC, "claims": [{"kind": "quantity", "id": "a", "value": "1" * 301}]})
    assert r.status_code == 422


def test_unreadable_figures_become_problems_and_unverifiable_not_errors(client):
    body = {"document": DOC, "claims": [
        {"kind": "quantity", "id": "a", "value": "1E999999999 users", "subject": "x"},
        {"kind": "quantity", "id": "b", "value": "9**9**9", "subject": "x"},
        {"kind": "quantity", "id": "c", "value": "lots of money"},
        {"kind": "share", "id": "d", "value": "a big share", "of": "the market"},
        {"kind": "event", "id": "e", "what": "launch", "time": "someday soon"},
        {"kind": "event", "id": "f", "what": "launch", "time": "by 2025"}]}
    r = post(client, body)
    assert r.status_code == 201
    report = r.json()
    problems = {c["id"]: c.get("problems", []) for c in report["claims"]}
    assert problems["a"][0]["code"] == "notation" and problems["b"][0]["code"] == "notation"
    assert problems["c"][0]["code"] == "no_number"
    assert problems["e"][0]["field"] == "time"
    assert report["counts"]["problems"] == 5
    launch = [v for v in report["verdicts"] if v["rule"] == "same_event_times"]
    assert launch and launch[0]["status"] == "unverifiable"


def test_unknown_route_and_method_are_problems(client):
    r = client.get("/v1/nothing")
    assert r.status_code == 404 and r.headers["content-type"].startswith(PROBLEM)
    r = client.delete("/v1/rules")
    assert r.status_code == 405 and r.headers["content-type"].startswith(PROBLEM)


def test_arabic_document_gets_arabic_explanations(client):
    body = {"document": {"language": "ar"}, "claims": [
        {"kind": "share", "id": "s", "value": "١٣٠٪", "of": "السوق"}]}
    r = post(client, body)
    assert r.status_code == 201
    verdict = r.json()["verdicts"][0]
    assert verdict["status"] == "inconsistent"
    assert verdict["explanation"]["language"] == "ar" and "100٪" in verdict["explanation"]["local"]
    assert verdict["computation"]["margin"] == "25"  # 130 is read as 125–135: trailing zero, see rules.policy


def test_checking_needs_a_key_with_or_without_storing(client):
    body = {"document": DOC, "claims": [{"kind": "share", "id": "a", "value": "5%", "of": "x"}]}
    for query in ("", "?store=false"):
        r = client.post(f"/v1/checks{query}", content=json.dumps(body),
                        headers={"content-type": "application/json", "authorization": ""})
        assert r.status_code == 401 and r.headers["content-type"].startswith(PROBLEM)
        assert r.headers["www-authenticate"].startswith("Bearer")
        r = client.post(f"/v1/checks{query}", content=json.dumps(body),
                        headers={"content-type": "application/json", "authorization": "Bearer tq_not-a-key"})
        assert r.status_code == 401


def test_a_check_without_storing_answers_200_and_keeps_nothing(client):
    body = {"document": {"language": "en", "title": "not kept"},
            "claims": [{"kind": "share", "id": "a", "value": "130%", "of": "x"}]}
    r = post(client, body, params={"store": "false"})
    assert r.status_code == 200 and "location" not in r.headers
    assert r.json()["verdicts"][0]["status"] == "inconsistent"
    titles = [i.get("title") for i in client.get("/v1/checks", params={"limit": 100}).json()["items"]]
    assert "not kept" not in titles
