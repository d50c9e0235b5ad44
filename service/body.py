"""Request bodies, decoded strictly by msgspec.

Litestar converts bodies in lax mode (``0`` is accepted for ``false``, ``"12"`` for ``12``); a checker of figures
must not guess what a client meant, so routes read their body through ``read`` instead: strict conversion (only
JSON's own rule that ``3.0`` is the integer 3 is honoured), a 400 for bytes that are not JSON, a 415 for another
media type, and a 422 that lists every place the body departs from the schema, up to ``MAX_ISSUES`` (nesting past
the schema included; past about a thousand levels, a 400). Large bodies are decoded in the worker pool. ``document_bodies`` writes the same types into the OpenAPI document, once at start-up.
"""

from __future__ import annotations

import re
import types
import typing
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
        data = _JSON.decode(raw)
        return msgspec.convert(data, kind, strict=True)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).partition(" - at `")
        where = where.rstrip("`").removeprefix("$").lstrip(".") or None
        # a check of the whole body (``__post_init__``: too many claims named in all) is the one thing to say
        whole = where is None and not message.startswith(("Expected", "Object", "Invalid"))
        issues = [] if whole else schema_issues(data, kind)
        if not any(i.where == where for i in issues):  # msgspec's own finding is always listed
            issues = [Issue(message=_say(message, where), where=where), *issues][:MAX_ISSUES]
        raise ProblemError(422, "The request body does not match the schema",
                           f"Fix the {'field' if len(issues) == 1 else 'fields'} listed in 'errors'"
                           + (f" (the first {MAX_ISSUES})." if len(issues) >= MAX_ISSUES else "."), issues) from None
    except msgspec.DecodeError as exc:
        raise ProblemError(400, "Malformed request", f"The body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ProblemError(400, "Malformed request", "The body nests arrays or objects too deep.") from None


#: At most this many schema errors are listed; a body with more is wrong throughout, and the first say how.
MAX_ISSUES = 50


def schema_issues(data: Any, kind: Any) -> list[Issue]:
    """Every place ``data`` departs from ``kind``, up to ``MAX_ISSUES``, each with where. msgspec stops at the first
    error; this walks the Structs and lists below it and asks msgspec again of each field and each item (a claim is
    checked as the kind its ``kind`` names), so every claim, relation and field that is wrong is listed, in msgspec's
    own words. It runs only once a body has failed, and costs a few msgspec passes over it."""
    found: list[Issue] = []
    _walk(data, kind, "", found)
    return found[:MAX_ISSUES]


def _walk(data: Any, kind: Any, where: str, found: list[Issue]) -> None:
    if len(found) >= MAX_ISSUES:
        return
    before = len(found)
    base, metas = _strip(kind)
    struct = _struct(base, data)
    if struct is not None:
        config = struct.__struct_config__
        fields = {f.encode_name: f for f in msgspec.structs.fields(struct)}
        for key in data:
            if key not in fields and key != config.tag_field and config.forbid_unknown_fields:
                found.append(Issue(message=f"Object contains unknown field `{key}`", where=where or None))
                if len(found) >= MAX_ISSUES:
                    return
        for name, f in fields.items():
            if name in data:
                _walk(data[name], f.type, _join(where, name), found)
            elif f.required:
                found.append(Issue(message=f"Object missing required field `{name}`", where=where or None))
    elif isinstance(data, list) and typing.get_origin(base) is list:
        try:  # the list's own bounds, without its items
            msgspec.convert(data, typing.Annotated[list, *metas] if metas else list, strict=True)
        except msgspec.ValidationError as exc:
            found.append(_issue(str(exc), where))
        item = typing.get_args(base)[0] if typing.get_args(base) else Any
        try:  # the items in one pass; one by one only when some are wrong
            msgspec.convert(data, list[item], strict=True)  # type: ignore[valid-type]
            return
        except msgspec.ValidationError:
            pass
        for index, value in enumerate(data):
            _walk(value, item, f"{where}[{index}]", found)
            if len(found) >= MAX_ISSUES:
                return
        return
    if len(found) == before:  # nothing below is wrong on its own (a value, or a check of the whole Struct)
        try:
            msgspec.convert(data, kind, strict=True)
        except msgspec.ValidationError as exc:
            found.append(_issue(str(exc), where))
        except RecursionError:
            pass


def _strip(kind: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, Meta(...)]`` → (T, its Metas); ``T | None`` with a dict or list given → T."""
    metas: tuple[Any, ...] = ()
    while typing.get_origin(kind) is typing.Annotated:
        metas += kind.__metadata__
        kind = kind.__origin__
    return kind, metas


def _struct(kind: Any, data: Any) -> type[msgspec.Struct] | None:
    """The Struct ``data`` (an object) is meant to be: ``kind`` itself, or the member of a union that its tag
    names, or the union's one Struct."""
    if not isinstance(data, dict):
        return None
    members = typing.get_args(kind) if typing.get_origin(kind) in (typing.Union, types.UnionType) else (kind,)
    structs = [m for m in (_strip(m)[0] for m in members) if isinstance(m, type) and issubclass(m, msgspec.Struct)]
    for s in structs:
        config = s.__struct_config__
        if config.tag_field is not None and data.get(config.tag_field) == config.tag:
            return s
    untagged = [s for s in structs if s.__struct_config__.tag_field is None]
    return untagged[0] if len(untagged) == 1 else None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _issue(text: str, where: str) -> Issue:
    message, _, at = text.partition(" - at `")
    place = where + at.rstrip("`").removeprefix("$") if at else where
    place = place.lstrip(".") or None
    return Issue(message=_say(message, place), where=place)


def _path(parts: Any) -> str | None:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


#: A language field: a reader is told which languages tadqiq reads, not a regular expression.
_LANGUAGE = re.compile(r"(^|\.)language$")


def _say(message: str, where: str | None) -> str:
    if where and _LANGUAGE.search(where) and message.startswith(("Expected `str` matching", "Expected `str` of")):
        return "not a language tadqiq reads: send ar, en, fr, es or de (a region may follow: ar-EG, en-US)"
    return message


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
