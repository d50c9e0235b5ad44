"""A catalogue of hostile and careless requests to every route — bodies, forms, headers, query strings, paths and
methods — each answered without a 500, each 4xx of the API an RFC 9457 problem (the pages answer theirs as an HTML
page, or a problem when a form's token is missing), and each within 100 ms. The counts are printed in the terminal
summary of ``make test``.

Odd figures and dates (other-script digits, hex, reversed ranges, unknown units, a change from zero, order cycles)
are the reading and rules tests' business, not this catalogue's."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
from conftest import KEYS, KEYS_ENV, UNTHROTTLED, bearer, ready, sign_in, slowdown, summary
from litestar.testing import TestClient

from service.app import create_app
from service.settings import Settings

PROBLEM = "application/problem+json"
SECONDS = 0.100
_CLAIM = {"kind": "share", "id": "s", "value": "68%", "of": "global revenue"}
_CHECK = {"document": {"language": "en"}, "claims": [_CLAIM]}


def _with(**changes):  # a check request with some part replaced
    return json.dumps({**_CHECK, **changes}).encode()


def _claim(**changes):
    return json.dumps({**_CHECK, "claims": [{**_CLAIM, **changes}]}).encode()


#: JSON bodies that are not what a route wants, sent to each route that reads one.
BODIES: dict[str, bytes] = {
    "empty": b"", "null": b"null", "array": b"[]", "object": b"{}", "number": b"1", "string": b'"x"',
    "truncated": b'{"document": {"language": "en"}, "claims": [', "trailing garbage": b"{}x",
    "byte order mark": b"\xef\xbb\xbf{}", "NaN": b'{"a": NaN}', "Infinity": b"[Infinity]",
    "huge exponent": b'{"a": 1e999999}', "deep arrays": b"[" * 5000 + b"]" * 5000,
    "deep objects": b'{"a":' * 3000 + b"1" + b"}" * 3000, "invalid UTF-8": b'{"a": "\xff\xfe"}',
    "UTF-16": '{"a": 1}'.encode("utf-16"), "lone surrogate": b'{"a": "\\ud800"}', "NUL bytes": b'{"a": "\x00"}',
    "duplicate keys": b'{"language": "en", "language": "ar"}', "3 MB": b'{"a": "' + b"x" * (3 * 1024 * 1024) + b'"}',
    "wide array": b"[" + b"1," * 200_000 + b"1]", "many keys": b"{" + b",".join(b'"k%d":1' % i for i in range(20_000)) + b"}",
}
CHECK_BODIES: dict[str, bytes] = {
    "unknown field": _with(extra=1), "claims not a list": _with(claims={"a": 1}),
    "claims missing": json.dumps({"document": {"language": "en"}}).encode(),
    "10 001 claims": _with(claims=[{**_CLAIM, "id": f"c{i}"} for i in range(10_001)]),
    "1 001 references": _with(references=[{**_CLAIM, "id": f"r{i}", "source": "x"} for i in range(1001)]),
    "relations name 20 100 claims": _with(claims=[{**_CLAIM, "id": f"c{i}"} for i in range(100)], relations=[
        {"kind": "sum", "parts": [f"c{j}" for j in range(100)]} for _ in range(201)]),
    "101 parts in a sum": _with(relations=[{"kind": "sum", "parts": ["s"] * 101}]),
    "bad id": _claim(id="a b<script>"), "id of 65 characters": _claim(id="x" * 65), "empty id": _claim(id=""),
    "value of 301 characters": _claim(value="1" * 301), "value empty": _claim(value=""),
    "value a number": _claim(value=68), "value null": _claim(value=None), "value a list": _claim(value=["68%"]),
    "31 digits": _claim(value={"number": "1" * 31}), "scale 99": _claim(value={"number": "1", "scale": 99}),
    "scale 1.5": _claim(value={"number": "1", "scale": 1.5}), "unknown kind": _claim(kind="rumour"),
    "no kind": json.dumps({**_CHECK, "claims": [{"id": "x", "value": "1"}]}).encode(),
    "unknown relation": _with(relations=[{"kind": "cause", "a": "s"}]),
    "language of symbols": _with(document={"language": "!!"}), "language too long": _with(document={"language": "e" * 40}),
    "published 2025-13-45": _with(document={"language": "en", "published": "2025-13-45"}),
    "published a number": _with(document={"language": "en", "published": 2025}),
    "title of 5 000 characters": _with(document={"language": "en", "title": "t" * 5000}),
    "101 rates": _with(rates=[{"base": "USD", "quote": "EUR", "rate": "1"}] * 101),
    "rate not a number": _with(rates=[{"base": "USD", "quote": "EUR", "rate": "1e3"}]),
    "currency lowercase": _with(rates=[{"base": "usd", "quote": "EUR", "rate": "1"}]),
    "sentence of 4 001 characters": _claim(sentence="s" * 4001), "role without person": _with(claims=[
        {"kind": "role", "id": "r", "role": "president", "status": "former"}]),
    "event with tense maybe": _with(claims=[{"kind": "event", "id": "e", "what": "x", "tense": "maybe"}]),
}
NORMALISE_BODIES: dict[str, bytes] = {
    "1 001 figures": json.dumps({"language": "en", "figures": ["1"] * 1001}).encode(),
    "figure of 301 characters": json.dumps({"language": "en", "figures": ["1" * 301]}).encode(),
    "9 currencies": json.dumps({"language": "en", "figures": ["1"], "currencies": ["EUR"] * 9}).encode(),
    "figures an object": json.dumps({"language": "en", "figures": {"a": 1}}).encode(),
}
TIMES_BODIES: dict[str, bytes] = {
    "no times": json.dumps({"language": "en", "times": []}).encode(),
    "1 001 times": json.dumps({"language": "en", "times": ["2025"] * 1001}).encode(),
    "time of 301 characters": json.dumps({"language": "en", "times": ["2" * 301]}).encode(),
}
REVIEW_BODIES: dict[str, bytes] = {
    "verdict -1": b'{"verdict": -1, "decision": "confirm"}', "verdict a string": b'{"verdict": "0", "decision": "confirm"}',
    "verdict 1.5": b'{"verdict": 1.5, "decision": "confirm"}', "verdict 10^20": b'{"verdict": 100000000000000000000, "decision": "confirm"}',
    "verdict beyond the report": b'{"verdict": 99999, "decision": "confirm"}',
    "decision unknown": b'{"verdict": 0, "decision": "approve"}', "note of 4 001": json.dumps(
        {"verdict": 0, "decision": "dispute", "note": "n" * 4001}).encode(),
    "dispute without a note": b'{"verdict": 0, "decision": "dispute"}',
    "override without status": b'{"verdict": 0, "decision": "override", "note": "x"}',
    "confirm with a status": b'{"verdict": 0, "decision": "confirm", "status": "consistent"}',
    "status unknown": b'{"verdict": 0, "decision": "override", "status": "maybe", "note": "x"}',
    "extra field": b'{"verdict": 0, "decision": "confirm", "who": "me"}',
}
MEDIA = {"text/plain": "text/plain", "form": "application/x-www-form-urlencoded", "multipart": "multipart/form-data",
         "xml": "application/xml", "odd parameters": "application/json;;;charset=nope",
         "no slash": "json", "very long": "application/" + "j" * 5000}
AUTH = {"empty": "", "scheme only": "Bearer", "spaces": "Bearer    ", "lower scheme unknown key": "bearer tq_x",
        "basic": f"Basic {KEYS['desk-reviewer']}", "5 000 characters": "Bearer " + "x" * 5000,
        "two keys": f"Bearer {KEYS['desk-reviewer']} {KEYS['desk-admin']}", "control characters": "Bearer tq_\t\x0b",
        "key of another scheme": f"Token {KEYS['desk-reviewer']}"}
QUERIES = ["limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1e3", "limit=", "limit=1&limit=2",
           "status=bogus", "status=", "since=2025-13-01", "until=yesterday", "since=2025-01-01T00:00",
           "cursor=" + "x" * 65, "cursor=..%2F..%2Fetc", "cursor=%00", "cursor=nosuch", "q=" + "x" * 6000,
           "status=consistent&status=inconsistent", "%zz=1", "limit=%F0%9F%92%A5"]


def _cases(rid: str) -> list[tuple[str, str, str, dict]]:
    cases = []
    for route in ("/v1/checks", "/v1/normalise", "/v1/normalise/times", "/v1/extract", f"/v1/checks/{rid}/reviews"):
        for name, body in BODIES.items():
            cases.append((f"{route} body: {name}", "POST", route, {"content": body}))
    for route, bodies in (("/v1/checks", CHECK_BODIES), ("/v1/normalise", NORMALISE_BODIES),
                          ("/v1/normalise/times", TIMES_BODIES), (f"/v1/checks/{rid}/reviews", REVIEW_BODIES)):
        for name, body in bodies.items():
            cases.append((f"{route} body: {name}", "POST", route, {"content": body}))
    for name, media in MEDIA.items():
        for route in ("/v1/checks", "/v1/normalise"):
            cases.append((f"{route} content-type {name}", "POST", route,
                          {"content": json.dumps(_CHECK).encode(), "headers": {"content-type": media}}))
    for name, value in AUTH.items():
        for method, route in (("GET", "/v1/checks"), ("POST", "/v1/checks"), ("GET", f"/v1/checks/{rid}/csv")):
            cases.append((f"{method} {route} authorization {name}", method, route,
                          {"headers": {"authorization": value}, "content": json.dumps(_CHECK).encode()}))
    for query in QUERIES:
        cases.append((f"GET /v1/checks?{query[:40]}", "GET", f"/v1/checks?{query}", {}))
    for query in ("store=maybe", "store=", "store=1&store=0"):
        cases.append((f"POST /v1/checks?{query}", "POST", f"/v1/checks?{query}", {"content": json.dumps(_CHECK).encode()}))
    for path in ("/v1/checks/%00", "/v1/checks/%3Cscript%3E", "/v1/checks/..%2F..%2Fetc%2Fpasswd", "/v1/checks/" + "a" * 5000,
                 f"/v1/checks/{rid}/nothing", f"/v1/checks/{rid}/reviews/1", "/v1/rules/x", "/v2/checks", "/%ff",
                 "/v1//checks", "/v1/checks/" + rid.lower(), "/schema/nothing", "/static/../service/app.py",
                 "/static/%2e%2e/app.py", "/viewer/../../etc/passwd", f"/v1/checks/{rid}/claimreview?x=" + "<" * 1000):
        cases.append((f"GET {path[:60]}", "GET", path, {}))
    for method in ("PUT", "DELETE", "PATCH"):
        for path in ("/v1/checks", f"/v1/checks/{rid}", "/v1/rules", "/health", "/login"):
            cases.append((f"{method} {path}", method, path, {}))
    cases.append(("OPTIONS /v1/checks", "OPTIONS", "/v1/checks", {}))
    cases.append(("HEAD /health", "HEAD", "/health", {}))
    return cases


def _page_cases(rid: str, token: str) -> list[tuple[str, str, str, dict]]:
    form = "application/x-www-form-urlencoded"
    review = f"/reports/{rid}/review"
    cases = [
        ("login without a token", "POST", "/login", {"data": {"key": "x"}}),
        ("login with a forged token", "POST", "/login", {"data": {"key": "x", "_csrf_token": "forged"}}),
        ("login, empty key", "POST", "/login", {"data": {"key": "", "_csrf_token": token}}),
        ("login, key of 5 000", "POST", "/login", {"data": {"key": "k" * 5000, "_csrf_token": token}}),
        ("login, next=javascript:", "POST", "/login", {"data": {"key": "x", "next": "javascript:alert(1)", "_csrf_token": token}}),
        ("login, 20 KB form", "POST", "/login", {"content": b"key=" + b"a" * 20_000, "headers": {"content-type": form}}),
        ("login, JSON", "POST", "/login", {"content": b'{"key": "x"}', "headers": {"content-type": "application/json"}}),
        ("login, multipart", "POST", "/login", {"files": {"key": ("k.txt", b"x")}}),
        ("login form, next of 5 000", "GET", "/login?next=/reports" + "x" * 5000, {}),
        ("logout without a token", "POST", "/logout", {}),
        ("review without a token", "POST", review, {"data": {"verdict": "0", "decision": "confirm"}}),
        ("review verdict -1", "POST", review, {"data": {"verdict": "-1", "decision": "confirm", "_csrf_token": token}}),
        ("review verdict abc", "POST", review, {"data": {"verdict": "abc", "decision": "confirm", "_csrf_token": token}}),
        ("review verdict 10^30", "POST", review, {"data": {"verdict": "1" + "0" * 30, "decision": "confirm", "_csrf_token": token}}),
        ("review verdict beyond", "POST", review, {"data": {"verdict": "9999", "decision": "confirm", "_csrf_token": token}}),
        ("review decision unknown", "POST", review, {"data": {"verdict": "0", "decision": "nuke", "_csrf_token": token}}),
        ("review note of 4 001", "POST", review, {"data": {"verdict": "0", "decision": "dispute", "note": "n" * 4001, "_csrf_token": token}}),
        ("review status unknown", "POST", review, {"data": {"verdict": "0", "decision": "override", "status": "x", "note": "n", "_csrf_token": token}}),
        ("review of a report not there", "POST", "/reports/nosuch/review", {"data": {"verdict": "0", "decision": "confirm", "_csrf_token": token}}),
        ("review, 20 KB form", "POST", review, {"content": b"note=" + b"a" * 20_000, "headers": {"content-type": form}}),
        ("report page, page=-1", "GET", f"/reports/{rid}?page=-1", {}),
        ("report page, page=abc", "GET", f"/reports/{rid}?page=abc", {}),
        ("report page, claims=10^30", "GET", f"/reports/{rid}?claims=" + "1" * 31, {}),
        ("report page, status=<script>", "GET", f"/reports/{rid}?status=%3Cscript%3E", {}),
        ("report page, id of 5 000", "GET", "/reports/" + "a" * 5000, {}),
        ("reports, since=nonsense", "GET", "/reports?since=nonsense", {}),
        ("reports, cursor of 5 000", "GET", "/reports?cursor=" + "c" * 5000, {}),
        ("export, unknown kind", "GET", f"/reports/{rid}/export/pdf", {}),
        ("export, kind ..", "GET", f"/reports/{rid}/export/..", {}),
        ("session cookie of 5 000", "GET", "/reports", {"cookies": {"tadqiq_session": "s" * 5000}}),
    ]
    return cases


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    app = create_app(Settings(max_body=2 * 1024 * 1024, data_dir=str(tmp_path_factory.mktemp("hostile")),
                              keys=KEYS_ENV, **UNTHROTTLED))
    with TestClient(app) as client:  # one client, one event loop, as under a server
        api, browser = _Keyed(client), client
        r = api.post("/v1/checks", json={**_CHECK, "claims": [{**_CLAIM, "value": "130%"}]})
        rid = r.headers["location"].rsplit("/", 1)[1]
        token = sign_in(browser, "desk-reviewer")
        for path in (f"/reports/{rid}", "/reports", "/nowhere"):  # templates compile once per process: warm them
            browser.get(path)
        ready(client)  # the first large body would wait for the worker processes to start: seconds, not a bound
        yield api, browser, rid, token


class _Keyed:
    """The same client, sending the desk reviewer's key unless a case sends its own ``authorization``."""

    def __init__(self, client):  # type: ignore[no-untyped-def]
        self.client, self.cookies = client, client.cookies

    def request(self, method, path, headers=None, **kw):  # type: ignore[no-untyped-def]
        return self.client.request(method, path, headers={**bearer("desk-reviewer"), **(headers or {})}, **kw)

    def get(self, path, **kw):  # type: ignore[no-untyped-def]
        return self.request("GET", path, **kw)

    def post(self, path, **kw):  # type: ignore[no-untyped-def]
        return self.request("POST", path, **kw)


def _send(client, method: str, path: str, kw: dict):
    kw = dict(kw)
    cookies = kw.pop("cookies", None)
    if cookies:
        for k, v in cookies.items():
            client.cookies.set(k, v)
    try:
        start = time.perf_counter()
        r = client.request(method, path, follow_redirects=False, **kw)
        return r, time.perf_counter() - start
    finally:
        if cookies:
            for k in cookies:
                client.cookies.delete(k)


def test_the_catalogue_of_hostile_inputs(clients):
    api, browser, rid, token = clients
    cases = [(name, method, path, kw, api) for name, method, path, kw in _cases(rid)]
    cases += [(name, method, path, kw, browser) for name, method, path, kw in _page_cases(rid, token)]
    assert len(cases) >= 150, len(cases)
    statuses: Counter[int] = Counter()
    slow, errors, not_problems = [], [], []
    budget = SECONDS * slowdown()  # the bound is for a quiet machine; a crowded one stretches every request
    for name, method, path, kw, client in cases:
        r, seconds = _send(client, method, path, kw)
        statuses[r.status_code] += 1
        if r.status_code >= 500:
            errors.append((name, r.status_code, r.text[:200]))
        if seconds > budget:
            slow.append((name, round(seconds * 1000)))
        # the pages, and the OpenAPI viewer's own router under /schema, answer a browser with an HTML page
        page = (client is browser or path.startswith("/schema/")) and \
            r.headers.get("content-type", "").startswith("text/html")
        if 400 <= r.status_code < 500 and not page and method != "HEAD":
            body = r.json() if r.headers.get("content-type", "").startswith(PROBLEM) else None
            if not body or body.get("status") != r.status_code or not body.get("title") or not body.get("type"):
                not_problems.append((name, r.status_code, r.headers.get("content-type"), r.text[:100]))
    summary("hostile and careless inputs", f"{len(cases)} requests to every route: " + ", ".join(
        f"{n} × {code}" for code, n in sorted(statuses.items())) + f"; {len(errors)} × 5xx; slowest over "
        f"{budget * 1000:.0f} ms: {len(slow)}")
    assert not errors, errors
    assert not slow, slow
    assert not not_problems, not_problems
    # and nothing the careless requests sent was stored as a review
    assert api.get(f"/v1/checks/{rid}/reviews").json() == []
