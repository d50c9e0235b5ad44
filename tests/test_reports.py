"""Stored reports over HTTP: what was answered is what is stored, lists page and filter, reviews are kept as an
audit trail, exports say what the page says, and a key sees only its own newsroom's reports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import stat

import pytest
from conftest import KEYS, KEYS_ENV, SEEDS, UNTHROTTLED, bearer, form_token, sign_in
from litestar.testing import TestClient

from service.app import create_app
from service.auth import Keys, digest, ensure_local_key
from service.settings import Settings

PROBLEM = "application/problem+json"
JSON = {"content-type": "application/json"}


def share(value: str, title: str, sentence: str | None = None) -> dict:
    claim = {"kind": "share", "id": "s", "value": value, "of": "the market"}
    if sentence:
        claim["sentence"] = sentence
    return {"document": {"language": "en", "title": title}, "claims": [claim]}


def store(client, body, key="desk-submitter") -> str:
    r = client.post("/v1/checks", content=json.dumps(body), headers={**JSON, **bearer(key)})
    assert r.status_code == 201, r.text
    return r.headers["location"].rsplit("/", 1)[1]


@pytest.fixture
def fresh(tmp_path):
    """A client on an empty database of its own."""
    with TestClient(create_app(Settings(data_dir=str(tmp_path), keys=KEYS_ENV, **UNTHROTTLED))) as c:
        c.headers.update(bearer("desk-reviewer"))
        yield c


def test_the_stored_report_is_the_one_answered(client):
    body = (SEEDS[0] / "claims.json").read_bytes()
    r = client.post("/v1/checks", content=body, headers=JSON)
    assert r.status_code == 201
    got = client.get(r.headers["location"])
    assert got.status_code == 200
    stored = got.json()
    assert stored["report"] == {k: v for k, v in r.json().items() if k not in ("id", "links")}
    assert stored["links"] == r.json()["links"]
    assert stored["id"] == r.headers["location"].rsplit("/", 1)[1]
    assert stored["created_by"] == "desk-submitter" and stored["reviews"] == []
    assert [v["status"] for v in stored["verdicts"]] == [v["status"] for v in r.json()["verdicts"]]
    assert {v["review"] for v in stored["verdicts"]} == {"unreviewed"}
    counts = r.json()["counts"]
    assert {k: stored["tally"][k] for k in ("consistent", "doubtful", "inconsistent", "unverifiable")} == \
        {k: counts[k] for k in ("consistent", "doubtful", "inconsistent", "unverifiable")}
    assert stored["links"]["page"] == f"/reports/{stored['id']}"


def test_ids_are_unguessable(fresh):
    ids = [store(fresh, share("5%", f"r{n}")) for n in range(20)]
    assert len(set(ids)) == 20
    for i in ids:
        assert len(i) == 22  # 16 random bytes, base64url: 128 bits
        assert re.fullmatch(r"[A-Za-z0-9_-]{22}", i)
    assert sorted(ids) != ids or sorted(ids, reverse=True) != ids, "not a counter"


def test_the_list_pages_newest_first_and_filters_by_status_and_date(fresh):
    made = [store(fresh, share("130%" if n % 2 else "5%", f"report {n}")) for n in range(5)]
    seen, cursor, pages = [], None, 0
    while True:
        r = fresh.get("/v1/checks", params={"limit": 2, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200
        page = r.json()
        seen += [i["id"] for i in page["items"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == made[::-1] and pages == 3
    items = fresh.get("/v1/checks", params={"status": "inconsistent"}).json()["items"]
    assert [i["title"] for i in items] == ["report 3", "report 1"]
    assert all(i["tally"]["inconsistent"] >= 1 for i in items)
    assert len(fresh.get("/v1/checks", params={"status": "consistent"}).json()["items"]) == 3
    today = dt.datetime.now(dt.UTC).date()
    assert len(fresh.get("/v1/checks", params={"since": today.isoformat()}).json()["items"]) == 5
    assert fresh.get("/v1/checks", params={"since": (today + dt.timedelta(days=1)).isoformat()}).json()["items"] == []
    assert fresh.get("/v1/checks", params={"until": (today - dt.timedelta(days=1)).isoformat()}).json()["items"] == []
    r = fresh.get("/v1/checks", params={"cursor": "no-such-report"})
    assert r.status_code == 404 and r.headers["content-type"].startswith(PROBLEM)
    assert fresh.get("/v1/checks", params={"limit": 0}).status_code == 400


def test_reviews_are_kept_as_an_audit_trail_and_change_the_current_state(fresh):
    rid = store(fresh, share("5%", "to review"))
    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "confirm"})
    assert r.status_code == 201 and r.json()["reviewer"] == "desk-reviewer" and r.json()["role"] == "reviewer"
    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "override", "status": "inconsistent",
                                                      "note": "the market share is of a different market"},
                   headers=bearer("desk-admin"))
    assert r.status_code == 201
    stored = fresh.get(f"/v1/checks/{rid}").json()
    state = stored["verdicts"][0]
    assert (state["status"], state["engine"], state["review"]) == ("inconsistent", "consistent", "overridden")
    assert state["reviewer"] == "desk-admin" and "different market" in state["note"]
    trail = stored["reviews"]
    assert [(t["decision"], t["reviewer"]) for t in trail] == [("confirm", "desk-reviewer"), ("override", "desk-admin")]
    assert trail[0]["at"] <= trail[1]["at"]
    assert fresh.get(f"/v1/checks/{rid}/reviews").json() == trail
    assert stored["report"]["verdicts"][0]["status"] == "consistent", "the engine's report is kept as it was made"
    assert stored["tally"]["inconsistent"] == 1 and stored["tally"]["reviewed"] == 1
    listed = fresh.get("/v1/checks", params={"status": "inconsistent"}).json()["items"]
    assert [i["id"] for i in listed] == [rid], "lists filter on the reviewed status"


@pytest.mark.parametrize(("decision", "why"), [
    ({"verdict": 0, "decision": "dispute"}, "note"),
    ({"verdict": 0, "decision": "override", "note": "x"}, "status"),
    ({"verdict": 0, "decision": "confirm", "status": "consistent"}, "status"),
    ({"verdict": 7, "decision": "confirm"}, "no verdict 7"),
])
def test_a_review_that_cannot_apply_is_a_409_as_the_schema_says_and_writes_nothing(fresh, decision, why):
    rid = store(fresh, share("5%", "bad review"))
    r = fresh.post(f"/v1/checks/{rid}/reviews", json=decision)
    assert r.status_code == 409 and r.headers["content-type"].startswith(PROBLEM)
    documented = create_app().openapi_schema.to_schema()["paths"]["/v1/checks/{report_id}/reviews"]["post"]
    assert "409" in documented["responses"], "schemathesis' ST202: the answer is one the schema announces"
    assert why in r.json()["detail"]
    assert fresh.get(f"/v1/checks/{rid}").json()["reviews"] == []


def test_only_reviewers_review(fresh):
    rid = store(fresh, share("5%", "submitters read"))
    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "confirm"},
                   headers=bearer("desk-submitter"))
    assert r.status_code == 403 and r.headers["content-type"].startswith(PROBLEM)
    assert fresh.get(f"/v1/checks/{rid}", headers=bearer("desk-submitter")).status_code == 200
    assert fresh.get(f"/v1/checks/{rid}").json()["reviews"] == []


def test_another_newsrooms_report_is_a_404_everywhere(fresh):
    rid = store(fresh, share("130%", "desk only"))
    rival = bearer("rival-reviewer")
    missing = fresh.get("/v1/checks/AAAAAAAAAAAAAAAAAAAAAA", headers=rival)
    for path in (f"/v1/checks/{rid}", f"/v1/checks/{rid}/reviews", f"/v1/checks/{rid}/csv",
                 f"/v1/checks/{rid}/markdown", f"/v1/checks/{rid}/claimreview"):
        r = fresh.get(path, headers=rival)
        assert r.status_code == 404, path
        assert r.json()["detail"] == missing.json()["detail"], "indistinguishable from a report that does not exist"
    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "confirm"}, headers=rival)
    assert r.status_code == 404
    assert rid not in [i["id"] for i in fresh.get("/v1/checks", headers=rival).json()["items"]]
    assert fresh.get(f"/v1/checks/{rid}").json()["reviews"] == []
    sign_in(fresh, "rival-reviewer")
    try:
        page = fresh.get(f"/reports/{rid}", headers={"authorization": ""})
        assert page.status_code == 404 and "desk only" not in page.text
    finally:
        fresh.cookies.clear()


def test_protected_routes_need_a_known_key_and_open_ones_do_not(fresh):
    rid = store(fresh, share("5%", "auth"))
    routes = [("get", "/v1/checks"), ("get", f"/v1/checks/{rid}"), ("get", f"/v1/checks/{rid}/reviews"),
              ("get", f"/v1/checks/{rid}/csv"), ("get", f"/v1/checks/{rid}/markdown"),
              ("get", f"/v1/checks/{rid}/claimreview"), ("post", f"/v1/checks/{rid}/reviews"), ("post", "/v1/checks")]
    for auth in ("", "Bearer", "Bearer tq_unknown", f"Basic {KEYS['desk-reviewer']}", "Bearer " + "x" * 5000):
        for method, path in routes:
            r = fresh.request(method, path, headers={"authorization": auth}, json={})
            assert r.status_code == 401, (auth[:20], method, path)
            assert r.headers["www-authenticate"].startswith('Bearer realm="tadqiq"')
    for path in ("/health", "/v1/rules", "/schema/openapi.json"):
        assert fresh.get(path, headers={"authorization": ""}).status_code == 200


def test_keys_are_read_from_a_file_and_kept_only_as_digests(tmp_path):
    made = ensure_local_key(tmp_path / "data")
    keys_file, key_file = made
    key = key_file.read_text().strip()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert key not in keys_file.read_text() and digest(key) in keys_file.read_text()
    caller = Keys.load(keys_file).find(key)
    assert caller and (caller.newsroom, caller.role) == ("local", "admin")
    assert ensure_local_key(tmp_path / "data") == made and key_file.read_text().strip() == key, "made once"
    with pytest.raises(ValueError):
        Keys.load(env="someone:desk:overlord:" + "0" * 64)
    both = Keys.load(keys_file, f"extra:desk:submitter:{digest('tq_x')}")
    assert both.find("tq_x").role == "submitter" and both.find(key).role == "admin"


# -- exports ----------------------------------------------------------------------------------------------------
def test_claimreview_has_one_review_per_verdict_rated_as_reviewed(fresh):
    body = share("130%", "A share too big", sentence="=HYPERLINK(\"http://x\") holds 130% of the market.")
    body["document"] |= {"url": "https://example.org/a", "published": "2025-03-01", "source": "The Daily"}
    rid = store(fresh, body)
    assert fresh.get(f"/v1/checks/{rid}/claimreview").json()["@graph"] == [], "nothing reviewed, nothing to publish"
    r = fresh.get(f"/v1/checks/{rid}/claimreview", params={"all": "true"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert doc["@context"] == "https://schema.org"
    reviews = doc["@graph"]
    verdicts = fresh.get(f"/v1/checks/{rid}").json()["report"]["verdicts"]
    assert len(reviews) == len(verdicts) >= 1
    first = reviews[0]
    assert first["@type"] == "ClaimReview" and "130%" in first["claimReviewed"]
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1,
                                     "alternateName": "Inconsistent"}
    assert first["itemReviewed"]["appearance"]["url"] == "https://example.org/a"
    assert first["itemReviewed"]["author"]["name"] == "The Daily" and first["author"]["name"] == "desk"
    fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "override", "status": "consistent",
                                                  "note": "the article means 130 % of last year's market"})
    (after,) = fresh.get(f"/v1/checks/{rid}/claimreview").json()["@graph"]
    assert after["reviewRating"]["ratingValue"] == 4 and "last year" in after["reviewBody"]

    rows = list(csv.DictReader(io.StringIO(fresh.get(f"/v1/checks/{rid}/csv").text)))
    assert len(rows) == len(verdicts)
    assert (rows[0]["status"], rows[0]["engine_status"], rows[0]["review"]) == ("consistent", "inconsistent",
                                                                                 "overridden")
    assert rows[0]["explanation_en"] == verdicts[0]["explanation"]["en"]
    assert rows[0]["result_low"] == verdicts[0]["computation"]["result"]["low"]

    md = fresh.get(f"/v1/checks/{rid}/markdown")
    assert md.headers["content-type"].startswith("text/markdown")
    assert "# A share too big" in md.text and "overridden" in md.text and "The Daily" in md.text
    assert verdicts[0]["computation"]["formula"] in md.text


def test_exports_neutralise_untrusted_text(fresh):
    evil = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) 5% | pipe"
    body = {"document": {"language": "en", "title": "=cmd|' /C calc'!A0 <script>alert(1)</script>"},
            "claims": [{"kind": "share", "id": "s", "value": "130%", "of": "x", "sentence": "=1+1 " + evil}]}
    rid = store(fresh, body)
    md = fresh.get(f"/v1/checks/{rid}/markdown").text
    assert not re.search(r"(?<!\\)<", md), "no HTML a Markdown renderer would pass through"
    assert not re.search(r"(?<!\\)\]\(", md), "no link"
    assert "\\<script\\>" in md and "\\<img src=x onerror=alert(1)\\>" in md
    rows = list(csv.reader(io.StringIO(fresh.get(f"/v1/checks/{rid}/csv").text)))
    header, first = rows[0], rows[1]
    assert first[header.index("claim_text")].startswith("130%")
    fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": 0, "decision": "dispute", "note": "=2+2 no"})
    rows = list(csv.reader(io.StringIO(fresh.get(f"/v1/checks/{rid}/csv").text)))
    assert rows[1][header.index("note")] == "'=2+2 no", "a formula is not left for a spreadsheet to run"


# -- the pages, without a browser (the browser tests drive them for real) ---------------------------------------
def test_pages_sign_in_with_a_session_and_refuse_forms_without_their_token(fresh):
    rid = store(fresh, share("5%", "pages"))
    fresh.headers.pop("authorization")
    assert fresh.get(f"/reports/{rid}", follow_redirects=False).status_code == 303
    assert fresh.post("/login", data={"key": KEYS["desk-reviewer"]}).status_code == 403, "no form token"
    token = form_token(fresh)
    bad = fresh.post("/login", data={"key": "tq_nope", "_csrf_token": token})
    assert bad.status_code == 401 and "not known" in bad.text
    r = fresh.post("/login", data={"key": KEYS["desk-reviewer"], "next": "//evil.example/", "_csrf_token": token},
                   follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/reports"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert KEYS["desk-reviewer"].lower() not in cookie, "the cookie is a session id, not the key"
    page = fresh.get(f"/reports/{rid}")
    assert page.status_code == 200 and "pages" in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no script at all
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    r = fresh.post(f"/reports/{rid}/review", data={"verdict": "0", "decision": "confirm"})
    assert r.status_code == 403, "a form without its token (another site's) is refused"
    assert fresh.get(f"/v1/checks/{rid}", headers=bearer("desk-reviewer")).json()["reviews"] == []
    r = fresh.post(f"/reports/{rid}/review", data={"verdict": "0", "decision": "dispute", "note": "",
                                                   "_csrf_token": token})
    assert r.status_code == 422 and "say why" in r.text
    for verdict in ("-1", "x", "999999999"):
        r = fresh.post(f"/reports/{rid}/review", data={"verdict": verdict, "decision": "confirm",
                                                       "_csrf_token": token})
        assert r.status_code == 422 and "not recorded" in r.text or "no verdict" in r.text, verdict
    r = fresh.post(f"/reports/{rid}/review", data={"verdict": "0", "decision": "confirm", "note": "x" * 4001,
                                                   "_csrf_token": token})
    assert r.status_code == 422, "the API's limit on notes, not a silent cut"
    r = fresh.post(f"/reports/{rid}/review", data={"verdict": "0", "decision": "confirm", "note": "checked",
                                                   "_csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert fresh.get(f"/v1/checks/{rid}", headers=bearer("desk-reviewer")).json()["verdicts"][0]["review"] == \
        "confirmed"
    assert [x["verdict"] for x in fresh.get(f"/v1/checks/{rid}", headers=bearer("desk-reviewer")).json()["reviews"]] \
        == [0], "nothing the API would refuse was stored"
    fresh.post("/logout", data={"_csrf_token": token})
    assert fresh.get(f"/reports/{rid}", follow_redirects=False).status_code == 303, "signed out"


def test_the_document_declares_the_key_scheme_on_exactly_the_protected_routes():
    doc = json.loads((SEEDS[0].parent.parent / "openapi" / "openapi.json").read_text("utf-8"))
    scheme = doc["components"]["securitySchemes"]["apiKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    for path, item in doc["paths"].items():
        for method, op in item.items():
            protected = path.startswith(("/v1/checks", "/v1/references", "/v1/batches"))
            assert bool(op.get("security")) == protected, (method, path)
            if protected:
                assert {"401", "403"} <= set(op["responses"]), (method, path)
                assert "application/problem+json" in op["responses"]["401"]["content"]
            if "{report_id}" in path:
                assert "404" in op["responses"], (method, path)
    assert doc["paths"]["/v1/checks"]["post"]["responses"]["201"]["headers"]["Location"]["required"] is True


def test_the_page_exports_follow_the_cookie(fresh):
    rid = store(fresh, share("130%", "page exports"))
    fresh.headers.pop("authorization")
    assert fresh.get(f"/reports/{rid}/export/csv", follow_redirects=False).status_code == 303
    sign_in(fresh, "desk-submitter")
    got = {kind: fresh.get(f"/reports/{rid}/export/{kind}") for kind in ("csv", "markdown", "claimreview")}
    assert got["csv"].headers["content-type"].startswith("text/csv")
    assert got["csv"].text.startswith("\ufeffverdict,rule,status")
    assert got["markdown"].text.startswith("# page exports")
    assert all(got[k].headers["content-type"].lower().count("charset") == 1 for k in ("csv", "markdown"))
    assert got["claimreview"].json()["@graph"] == [], "nothing reviewed: nothing fit to publish"
    every = fresh.get(f"/reports/{rid}/export/claimreview?all=true").json()["@graph"]
    assert every[0]["reviewRating"]["alternateName"] == "Inconsistent" and every[0]["url"].startswith("http")
    assert fresh.get(f"/reports/{rid}/export/pdf").status_code == 404
    page = fresh.get(f"/reports/{rid}")
    assert "form class=\"review\"" not in page.text, "a submitter gets no review controls"
