"""The OpenAPI document's schemas, as msgspec describes its own Structs.

Litestar's generator drops constraints on union members (the ``minLength`` of a printed value that may also be a
structured ``Amount``), leaves out ``additionalProperties: false`` for Structs that reject unknown fields, and
adds no discriminator for tagged unions; msgspec's ``schema_components`` gets all three right. Once at start-up,
every component that is one of our Structs is replaced by msgspec's schema for it, so the document describes
exactly what the decoder accepts.

Then the whole document is made valid OpenAPI 3.1 for validators and generators (``finish``): every response header
gets a schema, and descriptions use Markdown code spans (one backtick), not reStructuredText's double ones.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import msgspec
from litestar import Litestar
from litestar.openapi.spec import OpenAPIHeader, OpenAPIType, Schema

import rules.model
import service.batches
import service.exports
import service.metrics
import service.problems
import service.reports
import service.review
import service.routes
from service.body import BODIES, document_bodies

__all__ = ["tighten"]

MODULES: list[Any] = [rules.model, service.problems, service.routes, service.review, service.reports,
                      service.exports, service.batches, service.metrics]


def _structs() -> list[type[msgspec.Struct]]:
    found = {}
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, msgspec.Struct) and value.__module__ == module.__name__:
                found[value.__name__] = value
    return list(found.values())


def _refs(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        return [v for k, v in schema.items() if k == "$ref" and isinstance(v, str)] + \
            [r for v in schema.values() for r in _refs(v)]
    if isinstance(schema, list):
        return [r for v in schema for r in _refs(v)]
    return []


def tighten(app: Litestar) -> None:
    document = app.openapi_schema
    if document.components is None or document.components.schemas is None:
        return
    components = document.components.schemas
    _, ours = msgspec.json.schema_components(_structs(), ref_template="#/components/schemas/{name}")
    referenced = set(components) | {kind.__name__ for kind in BODIES.values()}
    while True:  # and every Struct those schemas refer to (a body's nested Structs appear nowhere else)
        more = {ref.rsplit("/", 1)[1] for name in referenced if name in ours
                for ref in _refs(ours[name])} - referenced
        if not more:
            break
        referenced |= more
    for name, schema in ours.items():
        if name in referenced:
            components[name] = schema  # type: ignore[assignment]
    document_bodies(app)
    finish(document)


_RST_CODE = re.compile(r"``(.+?)``", re.S)


def markdown_code(text: str) -> str:
    """reStructuredText's ````code```` as Markdown's `code` (what OpenAPI's CommonMark descriptions mean)."""
    return _RST_CODE.sub(r"`\1`", text)


def finish(node: Any) -> None:
    """Walk the document (Litestar's spec dataclasses and msgspec's plain dicts): a string schema for any response
    header without one (``Location``), Markdown code spans in every description and summary."""
    if isinstance(node, OpenAPIHeader) and node.schema is None and node.content is None:
        node.schema = Schema(type=OpenAPIType.STRING)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if f.name in ("description", "summary") and isinstance(value, str):
                setattr(node, f.name, markdown_code(value))
            else:
                finish(value)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("description", "summary") and isinstance(value, str):
                node[key] = markdown_code(value)
            else:
                finish(value)
    elif isinstance(node, list):
        for value in node:
            finish(value)
