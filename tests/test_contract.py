"""The contract integrators build on: the committed OpenAPI document is valid OpenAPI 3.1 (openapi-spec-validator),
and two generators — openapi-python-client and datamodel-code-generator — build a client and models from it that
read the seed's report from a running server."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from conftest import KEYS, KEYS_ENV, ROOT, UNTHROTTLED_ENV
from servers import Server

COMMITTED = ROOT / "openapi" / "openapi.json"


def _document() -> dict:
    return json.loads(COMMITTED.read_text("utf-8"))


def test_the_document_is_valid_openapi_3_1():
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
              for e in OpenAPIV31SpecValidator(_document()).iter_errors()]
    assert not errors, errors


def test_security_is_listed_once_per_operation():
    for path, item in _document()["paths"].items():
        for method, operation in item.items():
            security = operation.get("security", [])
            assert len(security) == len({json.dumps(s, sort_keys=True) for s in security}), (method, path)


def test_descriptions_use_markdown_not_restructuredtext():
    assert "``" not in COMMITTED.read_text("utf-8")


# -- the generators -------------------------------------------------------------------------------------------------
BIN = Path(sys.executable).parent
SEED = ROOT / "seeds" / "tiktok-m2"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Iterator[tuple[Any, Any]]:
    """openapi-python-client's client package and datamodel-code-generator's pydantic models, both built from the
    committed document (no network: both run from the test environment), imported as ``tadqiq_client`` and
    ``tadqiq_models``."""
    where = tmp_path_factory.mktemp("generated")
    (where / "client.yaml").write_text("post_hooks: []\n")  # no formatter runs; the code is imported as generated
    made = subprocess.run([BIN / "openapi-python-client", "generate", "--path", COMMITTED, "--meta", "none",
                           "--config", where / "client.yaml", "--output-path", where / "tadqiq_client"],
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0 and (where / "tadqiq_client" / "client.py").exists(), made.stdout + made.stderr
    assert "Failed" not in made.stdout, made.stdout
    skipped = re.findall(r"WARNING parsing (\S+ \S+)", made.stdout)
    # the one part a generator of JSON clients cannot write: the NDJSON form of POST /v1/batches (its JSON form is)
    assert skipped in ([], ["POST /v1/batches"]), made.stdout
    models = subprocess.run([BIN / "datamodel-codegen", "--input", COMMITTED, "--input-file-type", "openapi",
                             "--output-model-type", "pydantic_v2.BaseModel", "--formatters", "black", "isort",
                             "--output", where / "tadqiq_models.py"], capture_output=True, text=True, timeout=300)
    assert models.returncode == 0, models.stderr
    sys.path.insert(0, str(where))
    try:
        yield importlib.import_module("tadqiq_client"), importlib.import_module("tadqiq_models")
    finally:
        sys.path.remove(str(where))
        for name in [n for n in sys.modules if n.split(".")[0] in ("tadqiq_client", "tadqiq_models")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with Server({"TADQIQ_DATA_DIR": str(tmp_path_factory.mktemp("contract-data")), "TADQIQ_KEYS": KEYS_ENV,
                 **UNTHROTTLED_ENV}) as s:
        yield s


def test_the_generated_client_checks_the_seed_on_a_running_server(generated, server):
    client_package, models = generated
    from tadqiq_client.api.checks import v1_checks_create, v1_checks_report_id_get_report
    from tadqiq_client.models import CheckRequest, CreatedReport, ProblemDetails, StoredReport

    sent = json.loads((SEED / "claims.json").read_text("utf-8"))
    body = CheckRequest.from_dict(sent)
    assert body.to_dict() == sent, "the client's models carry the seed's request unchanged"
    with client_package.AuthenticatedClient(base_url=server.url, token=KEYS["desk-submitter"]) as api:
        made = v1_checks_create.sync_detailed(client=api, body=body)
        assert made.status_code == 201, made.content[:500]
        report = made.parsed
        assert isinstance(report, CreatedReport)
        assert made.headers["location"] == report.links.self_ == f"/v1/checks/{report.id}"
        assert report.to_dict() == json.loads(made.content), "the client reads every field of the answer"
        expected = json.loads((SEED / "expected.json").read_text("utf-8"))["verdicts"]
        got = {(v.rule, frozenset(v.claims)): v.status for v in report.verdicts}
        for entry in expected:
            assert got.get((entry["rule"], frozenset(entry["claims"]))) == entry["status"], entry["why"]

        stored = v1_checks_report_id_get_report.sync_detailed(report.id, client=api)
        assert stored.status_code == 200 and isinstance(stored.parsed, StoredReport)
        assert stored.parsed.report.to_dict() == {k: v for k, v in report.to_dict().items() if k not in ("id", "links")}

        # the models from datamodel-code-generator read the same answers
        assert models.CreatedReport.model_validate_json(made.content).model_dump(
            mode="json", by_alias=True, exclude_unset=True) == report.to_dict()
        models.StoredReport.model_validate_json(stored.content)

        missing = v1_checks_report_id_get_report.sync_detailed("no-such-report", client=api)
        assert missing.status_code == 404 and isinstance(missing.parsed, ProblemDetails)

    with client_package.Client(base_url=server.url) as anonymous:
        refused = v1_checks_create.sync_detailed(client=anonymous, body=body)
        assert refused.status_code == 401 and isinstance(refused.parsed, ProblemDetails)


# -- quality: what an integrator reads ------------------------------------------------------------------------------
def _operations(document: dict) -> Iterator[tuple[str, str, dict]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield method.upper(), path, operation


def test_every_operation_has_a_summary_and_a_description():
    bare = [f"{m} {p}" for m, p, op in _operations(_document()) if not (op.get("summary") and op.get("description"))]
    assert not bare, bare


def test_every_schema_and_property_is_described():
    schemas = _document()["components"]["schemas"]
    bare = [name for name, s in schemas.items() if not s.get("description")]
    bare += [f"{name}.{prop}" for name, s in schemas.items() for prop, p in s.get("properties", {}).items()
             if not p.get("description")]
    assert not bare, f"{len(bare)} undescribed: {bare}"


def test_every_4xx_is_a_problem_document():
    wrong = [f"{m} {p} {status}" for m, p, op in _operations(_document()) for status, r in op["responses"].items()
             if status.startswith("4") and list(r.get("content", {})) != ["application/problem+json"]]
    assert not wrong, wrong


def test_every_operation_shows_its_request_and_answers_by_example():
    """The seed's request and the answers it gets, recorded from a real app (service/examples.py)."""
    missing = []
    for method, path, op in _operations(_document()):
        for media, content in op.get("requestBody", {}).get("content", {}).items():
            if "example" not in content and media != "application/x-ndjson":  # a line a request: described
                missing.append(f"{method} {path} request {media}")
        for status, response in op["responses"].items():
            for media, content in response.get("content", {}).items():
                if status.startswith("2") and "example" not in content:
                    missing.append(f"{method} {path} {status} {media}")
    assert not missing, missing


def test_every_example_fits_its_schema_and_the_server_reads_every_request_example():
    from openapi_schema_validator import OAS31Validator

    from service.body import BODIES, decode

    document = _document()
    checked = 0
    for method, path, op in _operations(document):
        bodies = [("request", c) for c in op.get("requestBody", {}).get("content", {}).values()]
        bodies += [(status, c) for status, r in op["responses"].items() for c in r.get("content", {}).values()]
        for where, content in bodies:
            if "example" in content and "schema" in content:
                schema = {**content["schema"], "components": document["components"]}
                errors = [e.message[:300] for e in OAS31Validator(schema).iter_errors(content["example"])]
                assert not errors, (method, path, where, errors)
                checked += 1
        kind = BODIES.get((path, method.lower()))
        example = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("example")
        if kind is not None and example is not None:
            decode(json.dumps(example).encode(), kind)
    assert checked >= 30


def test_the_api_viewer_loads_nothing_from_elsewhere(client):
    """Swagger UI from the server's own files (tests/test_browser.py renders it with every other address blocked)."""
    page = client.get("/schema/swagger")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


# -- behaviour the contract promises ---------------------------------------------------------------------------------
def _seed() -> dict:
    return json.loads((SEED / "claims.json").read_text("utf-8"))


@pytest.mark.parametrize("route", ["/v1/checks", "/v1/normalise", "/v1/normalise/times"])
def test_a_language_tadqiq_does_not_read_is_refused_naming_the_ones_it_does(client, route):
    body = {"/v1/checks": {"document": {"language": "xx"}, "claims": []},
            "/v1/normalise": {"language": "pt-BR", "figures": ["12"]},
            "/v1/normalise/times": {"language": "tr", "times": ["2025"]}}[route]
    r = client.post(route, json=body, params={"store": "false"} if route == "/v1/checks" else None)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    (issue,) = r.json()["errors"]
    assert issue["where"].endswith("language")
    assert all(code in issue["message"] for code in ("ar", "en", "fr", "es", "de")), issue
    ok = client.post(route, json={**body, "document": {"language": "ar-EG"}} if route == "/v1/checks"
                     else {**body, "language": "ar-EG"}, params={"store": "false"} if route == "/v1/checks" else None)
    assert ok.status_code == 200, ok.text


def test_every_schema_error_is_reported_not_only_the_first(client):
    request = _seed()
    request["document"]["published"] = "2025-02-30"
    figure = next(n for n, c in enumerate(request["claims"]) if c["kind"] == "quantity")
    request["claims"][figure]["value"] = ""
    request["claims"][3]["colour"] = "red"
    del request["claims"][5]["id"]
    request["relations"] = [{"kind": "sum", "parts": []}]
    r = client.post("/v1/checks", json=request)
    assert r.status_code == 422, r.text
    found = {(e["where"], e["message"].split(" ")[0]) for e in r.json()["errors"]}
    assert found == {("document.published", "Invalid"), (f"claims[{figure}].value", "Expected"),
                     ("claims[3]", "Object"), ("claims[5]", "Object"), ("relations[0].parts", "Expected")}, found


def test_many_schema_errors_are_listed_up_to_a_bound_and_quickly(client):
    from service.body import MAX_ISSUES

    request = {"document": {"language": "en"},
               "claims": [{"kind": "quantity", "id": f"c{i}", "value": ""} for i in range(5000)]}
    r = client.post("/v1/checks", json=request)
    assert r.status_code == 422 and len(r.json()["errors"]) == MAX_ISSUES
    assert f"first {MAX_ISSUES}" in r.json()["detail"]


def test_the_201_carries_the_reports_id_and_links(client):
    r = client.post("/v1/checks", json=_seed())
    assert r.status_code == 201
    body = r.json()
    assert r.headers["location"] == f"/v1/checks/{body['id']}"
    assert body["links"] == {"self": f"/v1/checks/{body['id']}", "page": f"/reports/{body['id']}",
                             "csv": f"/v1/checks/{body['id']}/csv", "markdown": f"/v1/checks/{body['id']}/markdown",
                             "claimreview": f"/v1/checks/{body['id']}/claimreview"}
    assert body["verdicts"] and body["document"]["language"] == "ar"
    for link in body["links"].values():
        assert client.get(link).status_code in (200, 303), link  # the page sends a browser with no session to log in
    assert client.get(body["links"]["self"]).json()["links"] == body["links"]


def test_a_missing_key_a_malformed_header_and_a_wrong_key_are_told_apart(client):
    answers = {}
    for name, headers in {"missing": {"Authorization": ""}, "malformed": {"Authorization": "Token tq_abc"},
                          "wrong": {"Authorization": "Bearer tq_" + "x" * 43}}.items():
        r = client.get("/v1/checks", headers=headers)
        assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")
        assert r.headers["www-authenticate"].startswith('Bearer realm="tadqiq"')
        answers[name] = (r.json()["title"], r.json()["detail"])
    assert len(set(answers.values())) == 3, answers
    assert "Bearer" in answers["missing"][1] and "Token" in answers["malformed"][1]
    assert "not known" in answers["wrong"][1]
