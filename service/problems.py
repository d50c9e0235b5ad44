"""Errors as RFC 9457 problem details (``application/problem+json``): what was wrong and where.

Every exception a request can cause ends here. Client errors say what to fix; anything else is logged with its
trace on the server and answered with a bare 500 that reveals nothing (and is a bug to fix).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from msgspec import Meta, Struct

__all__ = ["MEDIA_TYPE", "Issue", "ProblemDetails", "ProblemError", "details", "handlers"]

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("tadqiq")


class Issue(Struct, frozen=True, omit_defaults=True):
    """One thing wrong with a request: where (a JSON path like ``claims[3].value``) and what."""

    message: Annotated[str, Meta(description="What is wrong.")]
    where: Annotated[str | None, Meta(description=(
        "Where: a JSON path like `claims[3].value`, a parameter, or a row."))] = None
    code: Annotated[str | None, Meta(description="A stable code for the problem, when it has one.")] = None


class ProblemDetails(Struct, frozen=True, omit_defaults=True):
    """RFC 9457 problem details."""

    type: Annotated[str, Meta(description="A URI naming the kind of problem.")]
    title: Annotated[str, Meta(description="A short summary of the kind of problem.")]
    status: Annotated[int, Meta(description="The HTTP status code.")]
    detail: Annotated[str | None, Meta(description="What went wrong with this request, and what to do.")] = None
    instance: Annotated[str | None, Meta(description="The path of the request.")] = None
    errors: Annotated[list[Issue], Meta(description="Each thing wrong, with where.")] = []


class ProblemError(HTTPException):
    """Raise to answer with a problem: ``ProblemError(422, "Invalid claims", errors=[...])``."""

    def __init__(self, status: int, title: str, detail: str | None = None, errors: list[Issue] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(detail=detail or title, status_code=status, headers=headers)
        self.title = title
        self.problem_detail = detail
        self.errors = errors or []


_TYPES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
          409: "conflict", 413: "too-large", 415: "unsupported-media-type", 422: "invalid", 429: "too-many-requests",
          500: "internal", 503: "unavailable"}


def details(status: int, title: str, detail: str | None = None, errors: list[Issue] | None = None,
            instance: str | None = None) -> ProblemDetails:
    return ProblemDetails(type=f"https://tadqiq.dev/problems/{_TYPES.get(status, 'error')}", title=title,
                          status=status, detail=detail, instance=instance, errors=errors or [])


def _respond(request: Request[Any, Any, Any], status: int, title: str, detail: str | None,
             errors: list[Issue] | None = None, headers: dict[str, str] | None = None) -> Response[ProblemDetails]:
    problem = details(status, title, detail, errors, request.url.path)
    return Response(problem, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[ProblemDetails]:
    extra = exc.extra if isinstance(exc.extra, list) else []
    issues = [Issue(message=str(e.get("message")), where=e.get("key") or e.get("source")) for e in extra
              if isinstance(e, dict)]
    if issues and all(isinstance(e, dict) and e.get("source") == "body" for e in extra):
        return _respond(request, 422, "The request body does not match the schema",
                        "Fix the fields listed in 'errors'.", issues)
    detail = exc.detail if exc.detail and not issues else "Fix the parameters listed in 'errors'."
    return _respond(request, 400, "Malformed request", detail, issues)


def _http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[ProblemDetails]:
    if isinstance(exc, ProblemError):
        return _respond(request, exc.status_code, exc.title, exc.problem_detail, exc.errors, exc.headers)
    status = exc.status_code
    titles = {404: "Not found", 405: "Method not allowed", 413: "Request body too large",
              415: "Unsupported media type"}
    headers = {k: v for k, v in (exc.headers or {}).items() if k.lower() == "allow"}
    return _respond(request, status, titles.get(status, exc.detail or "Error"), exc.detail or None, headers=headers)


def _internal(request: Request[Any, Any, Any], exc: Exception) -> Response[ProblemDetails]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _respond(request, 500, "Internal error", "This is a bug in tadqiq; it has been logged.")


handlers = {ValidationException: _validation, HTTPException: _http, Exception: _internal}
