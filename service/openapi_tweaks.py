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
from typing import Any

import msgspec
from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin
from litestar.openapi.spec import OpenAPI
from litestar.openapi.spec import OpenAPIHeader, OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Reference, Schema

import rules.library
import rules.model
import service.batches
import service.exports
import service.metrics
import service.problems
import service.references
import service.reports
import service.review
import service.routes
from service.body import BODIES, document_bodies
from service.examples import Verbatim, attach
from service.problems import MEDIA_TYPE
from service.routes import markdown_code

__all__ = ["tighten"]

MODULES: list[Any] = [rules.model, rules.library, service.problems, service.routes, service.review, service.reports,
                      service.references, service.exports, service.batches, service.metrics]


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
    """Tighten the document when it is first built (``/schema``, ``tadqiq openapi``), not at start-up: building it
    cost a server 0.2 s before its first answer."""
    plugin = app.plugins.get(OpenAPIPlugin)
    plugin.__class__ = _Tightened


class _Tightened(OpenAPIPlugin):
    __slots__ = ()

    def _build_openapi(self) -> OpenAPI:
        self._openapi = document = super()._build_openapi()  # what the steps below read as app.openapi_schema
        _tighten(self.app, document)
        return document


def _tighten(app: Litestar, document: OpenAPI) -> None:
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
    _describe_tags(components)
    _name(components, "Recheck", "reports", "ReportId")
    document_bodies(app)
    attach(document)
    _problems(document)
    finish(document)


def _describe_tags(components: dict[str, Any]) -> None:
    """A tagged Struct's tag (``kind``, ``@type``) is written by msgspec, where no annotation can describe it."""
    for kind in _structs():
        config = kind.__struct_config__
        schema = components.get(kind.__name__)
        if config.tag_field is None or not isinstance(schema, dict):
            continue
        prop = schema.get("properties", {}).get(config.tag_field)
        if prop is None or prop.get("description"):
            continue
        if config.tag_field == "@type":
            prop["description"] = f"The schema.org type: `{config.tag}`."
        elif issubclass(kind, rules.model.ClaimBase):
            prop["description"] = f"The kind of claim, which decides its other fields: `{config.tag}`."
        else:
            prop["description"] = f"The kind of relation, which decides its other fields: `{config.tag}`."


def _name(components: dict[str, Any], struct: str, field: str, name: str) -> None:
    """Move the item schema of ``struct.field`` (an array) into a component of its own, ``name``. Generators name an
    inline item after its field: ``Recheck.reports`` would become a model ``Report``, pushing the report itself
    aside as ``Report1``."""
    schema = components.get(struct)
    items = schema.get("properties", {}).get(field, {}) if isinstance(schema, dict) else {}
    if isinstance(items.get("items"), dict) and "$ref" not in items["items"]:
        components[name] = {"title": name, **items["items"]}
        items["items"] = {"$ref": f"#/components/schemas/{name}"}


_METHODS = ("get", "put", "post", "delete", "patch")


def _problems(document: Any) -> None:
    """Every 4xx answer is a problem document (``service.problems`` makes it one); Litestar documents the 400 it adds
    for a route with parameters as its own ``ValidationException`` shape, which the server never sends."""
    problem = {MEDIA_TYPE: OpenAPIMediaType(schema=Reference(ref="#/components/schemas/ProblemDetails"))}
    for item in (document.paths or {}).values():
        for method in _METHODS:
            operation = getattr(item, method, None)
            for status, response in ((operation.responses or {}).items() if operation else ()):
                if str(status).startswith("4") and isinstance(response, OpenAPIResponse) \
                        and MEDIA_TYPE not in (response.content or {}):
                    response.content = problem
                    if str(status) == "400":
                        response.description = ("Malformed request: a path or query parameter is wrong ('errors' "
                                                "says which).")


def _fixed_length(schema: dict[str, Any]) -> None:
    """msgspec writes a tuple as ``prefixItems`` with ``items: false``, which openapi-python-client cannot read (it
    wants ``items`` to be a schema). A tuple of one type becomes an array of that type with ``minItems`` =
    ``maxItems``, the same set of values; for a tuple of mixed types, ``items: false`` goes (``maxItems`` says the
    same). The server's decoder is msgspec's own, so what it accepts does not change."""
    prefix = schema.get("prefixItems")
    if not isinstance(prefix, list) or schema.get("items") is not False:
        return
    same = prefix and all(p == prefix[0] for p in prefix)
    if same and schema.get("minItems") == schema.get("maxItems") == len(prefix):
        del schema["prefixItems"]
        schema["items"] = prefix[0]
    else:
        del schema["items"]


def finish(node: Any) -> None:
    """Walk the document (Litestar's spec dataclasses and msgspec's plain dicts): a string schema for any response
    header without one (``Location``), fixed-length arrays generators can read, Markdown code spans in every
    description and summary."""
    if isinstance(node, OpenAPIHeader) and node.schema is None and node.content is None:
        node.schema = Schema(type=OpenAPIType.STRING)
    if isinstance(node, Verbatim):
        return  # an example is what the server answered, not part of the schema
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if f.name in ("description", "summary") and isinstance(value, str):
                setattr(node, f.name, markdown_code(value))
            else:
                finish(value)
    elif isinstance(node, dict):
        _fixed_length(node)
        for key, value in node.items():
            if key in ("description", "summary") and isinstance(value, str):
                node[key] = markdown_code(value)
            else:
                finish(value)
    elif isinstance(node, list):
        for value in node:
            finish(value)
