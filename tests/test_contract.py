"""The contract integrators build on: the committed OpenAPI document is valid OpenAPI 3.1 (openapi-spec-validator),
and two generators — openapi-python-client and datamodel-code-generator — build a client and models from it that
read the seed's report from a running server."""

from __future__ import annotations

import json

from openapi_spec_validator import OpenAPIV31SpecValidator

from conftest import ROOT

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
