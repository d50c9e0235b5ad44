"""The committed OpenAPI document is the one the app generates."""

from __future__ import annotations

import json

from conftest import ROOT

from service.app import create_app

COMMITTED = ROOT / "openapi" / "openapi.json"


def test_committed_openapi_matches_the_app():
    generated = json.loads(json.dumps(create_app().openapi_schema.to_schema()))
    committed = json.loads(COMMITTED.read_text("utf-8"))
    assert committed == generated, "openapi/openapi.json is stale: regenerate it with `make openapi`"


def test_every_route_documents_its_errors():
    doc = json.loads(COMMITTED.read_text("utf-8"))
    post = doc["paths"]["/v1/checks"]["post"]["responses"]
    for status in ("400", "413", "422"):
        assert "application/problem+json" in post[status]["content"], status


def test_request_structs_reject_unknown_fields_in_the_document():
    schemas = json.loads(COMMITTED.read_text("utf-8"))["components"]["schemas"]
    for name in ("CheckRequest", "Document", "Quantity", "Share", "Event", "Role", "Amount"):
        assert schemas[name]["additionalProperties"] is False, name
