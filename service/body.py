"""Request bodies, decoded strictly by msgspec.

Litestar converts bodies in lax mode (``0`` is accepted for ``false``, ``"12"`` for ``12``); a checker of figures
must not guess what a client meant, so routes read their body through ``read`` instead: strict conversion (only
JSON's own rule that ``3.0`` is the integer 3 is honoured), a 400
for bytes that are not JSON, a 415 for another media type, and a 422 that says where the body departs from the
schema (nesting past the schema included; past about a thousand levels, a 400). Large bodies are decoded in the
worker pool. ``document_bodies`` writes the same types into the OpenAPI document, once at start-up.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import msgspec
from litestar import Litestar, Request
from litestar.openapi.spec import OpenAPIMediaType, Reference, RequestBody

from service.pool import SMALL, run
from service.problems import Issue, ProblemError

__all__ = ["BODIES", "body", "decode", "document_bodies", "raw", "read"]

T = TypeVar("T")

#: (path, method) → the Struct its body decodes to; routes register theirs with ``body`` at import time.
BODIES: dict[tuple[str, str], type] = {}


#: (path, method) → other media types the route also reads, as OpenAPI media type objects
OTHER_MEDIA: dict[tuple[str, str], dict[str, OpenAPIMediaType]] = {}


def body(path: str, method: str, kind: type[T], other: dict[str, OpenAPIMediaType] | None = None) -> type[T]:
    """Declare that ``method path`` reads a ``kind`` body (for the OpenAPI document), and ``other`` media types
    besides JSON; returns ``kind``."""
    BODIES[(path, method)] = kind
    if other:
        OTHER_MEDIA[(path, method)] = other
    return kind


async def raw(request: Request[Any, Any, Any]) -> bytes:
    """The body's bytes, after a 415 for another media type (a 413 over the limit comes from Litestar)."""
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if media not in ("application/json", "") and not media.endswith("+json"):
        raise ProblemError(415, "Unsupported media type", f"send application/json, not {media}")
    return await request.body()


async def read(request: Request[Any, Any, Any], kind: type[T]) -> T:
    raw_ = await raw(request)
    if len(raw_) < SMALL:  # well under a millisecond
        return decode(raw_, kind)
    return await run(request, decode, raw_, kind)


def decode(raw: bytes, kind: type[T]) -> T:
    """``raw`` as a ``kind``, or the problem: 400 (not JSON, or nested past the decoder's depth), 422 (not the
    schema, with where). Nesting deeper than the schema is a 422 at the first level that departs from it; past
    about a thousand levels the decoder stops at once (``RecursionError``), which is a 400, never a 500.

    A body is decoded once, straight into its Struct; only when that fails (a ``3.0`` where an integer is due, or a
    real mistake) is it decoded again generically and converted, which honours JSON's ``3.0`` and words the error."""
    decoder = _TYPED.get(kind)
    if decoder is None:
        decoder = _TYPED.setdefault(kind, msgspec.json.Decoder(kind, strict=True))
    try:
        return decoder.decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        pass
    try:
        return msgspec.convert(_JSON.decode(raw), kind, strict=True)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).partition(" - at `")
        where = where.rstrip("`").removeprefix("$").lstrip(".") or None
        raise ProblemError(422, "The request body does not match the schema", "Fix the fields listed in 'errors'.",
                           [Issue(message=message, where=where)]) from None
    except msgspec.DecodeError as exc:
        raise ProblemError(400, "Malformed request", f"The body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ProblemError(400, "Malformed request", "The body nests arrays or objects too deep.") from None


def _integral(text: str) -> int | float:
    """JSON has one number type: ``3.0`` is the integer 3 (as JSON Schema says); other floats stay floats."""
    try:
        d = Decimal(text)
    except InvalidOperation:
        return float(text)
    return int(d) if d.is_finite() and d == d.to_integral_value() and abs(d) < 10**18 else float(text)


_JSON = msgspec.json.Decoder(float_hook=_integral)
_TYPED: dict[type, msgspec.json.Decoder] = {}


def document_bodies(app: Litestar) -> None:
    document = app.openapi_schema
    for (path, method), kind in BODIES.items():
        item = document.paths.get(path) if document.paths else None
        operation = getattr(item, method, None) if item else None
        if operation is not None:
            operation.request_body = RequestBody(
                content={"application/json": OpenAPIMediaType(schema=Reference(ref=f"#/components/schemas/{kind.__name__}")),
                         **OTHER_MEDIA.get((path, method), {})},
                required=True)
