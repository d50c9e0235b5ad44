"""The HTTP routes: ``POST /v1/checks``, ``GET /v1/rules``, ``GET /health`` (stored reports: service/reports.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec
from litestar import Controller, MediaType, Request, Response, get, post
from litestar.datastructures import ResponseHeader
from litestar.openapi import ResponseSpec
from litestar.params import QueryParameter
from msgspec import Meta, Struct

from rules.engine import RULES
from rules.model import CheckRequest, Report
from service.auth import authorize
from service.body import body, raw
from service.metrics import count
from service.pool import SMALL, compute, run
from service.work import Refused, check_json, meet_json
from service.problems import MEDIA_TYPE, ProblemDetails

__all__ = ["ChecksController", "health", "rules_catalogue"]

def problem(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=ProblemDetails, description=description, media_type=MEDIA_TYPE,
                        generate_examples=False)


BAD = {400: problem("Malformed request: the body is not JSON or a parameter is wrong."),
       413: problem("The request body is larger than the limit."),
       415: problem("The body is not sent as application/json."),
       422: problem("The body is JSON but does not match the schema; 'errors' says where.")}


class Health(Struct, frozen=True):
    """The process answers."""

    status: Annotated[str, Meta(description="`ok`.")]
    rules: Annotated[int, Meta(description="How many rules the engine runs.")]


@get("/health", tags=["service"], summary="Liveness", responses={})
async def health() -> Health:
    """The process is up and answers; it says how many rules it runs. No dependency is asked (that is
    ``/health/ready``)."""
    return Health(status="ok", rules=len(RULES))


class ExampleInfo(Struct, frozen=True, omit_defaults=True):
    """One example of a rule, as a request `POST /v1/checks` takes."""

    title: Annotated[str, Meta(description="What it shows.")]
    expect: Annotated[str, Meta(description="The status the rule gives it.")]
    request: Annotated[CheckRequest, Meta(description="The request.")]
    cause: Annotated[str | None, Meta(description="The likely slip the rule names, when it names one.")] = None
    source: Annotated[str | None, Meta(description="Where the example's figures were published.")] = None


class RuleInfo(Struct, frozen=True):
    """A rule: what it checks, why it matters, and its examples."""

    id: Annotated[str, Meta(description="The rule's id, as verdicts name it.")]
    family: Annotated[str, Meta(description="`arithmetic` or `temporal`.")]
    title: Annotated[str, Meta(description="A short title, in English.")]
    titles: Annotated[dict[str, str], Meta(description="The title in each language, by language code.")]
    what: Annotated[str, Meta(description="What it checks.")]
    why: Annotated[str, Meta(description="Why a wrong figure matters to a reader.")]
    example: Annotated[str, Meta(description="One example, in words.")]
    examples: Annotated[list[ExampleInfo], Meta(description="Its examples, each a runnable request.")]


_RST_CODE = re.compile(r"``(.+?)``", re.S)


def markdown_code(text: str) -> str:
    """reStructuredText's ````code```` (the docstrings') as Markdown's `code`, which OpenAPI's descriptions and the
    catalogue's readers take."""
    return _RST_CODE.sub(r"`\1`", text)


def _catalogue() -> list[RuleInfo]:
    return [RuleInfo(id=r.id, family=r.family, title=markdown_code(r.title), titles=r.titles,
                     what=markdown_code(r.what), why=markdown_code(r.why), example=markdown_code(r.example),
                     examples=[ExampleInfo(title=e.title, expect=e.expect, request=e.request(), cause=e.cause,
                                           source=e.source)
                               for e in r.examples]) for r in RULES]


_CATALOGUE = _catalogue()


@get("/v1/rules", tags=["rules"], summary="The rule catalogue: what each rule checks, why, and its examples")
async def rules_catalogue() -> list[RuleInfo]:
    """Every rule the engine runs: its id and family, what it checks and why a wrong figure matters to a
    reader, its title in each language, and its examples, each a request ``POST /v1/checks`` accepts as it is."""
    return _CATALOGUE


CHECK = body("/v1/checks", "post", CheckRequest)


class ChecksController(Controller):
    path = "/v1/checks"
    tags = ["checks"]

    @post("/", summary="Check an article's claims and store the report", status_code=201,
          responses={200: ResponseSpec(data_container=Report, description="Checked and not stored (`store=false`).",
                                       generate_examples=False),
                     401: problem("No API key, or one this server does not know."),
                     403: problem("The key's role may not do this."), **BAD},
          response_headers=[ResponseHeader(name="Location", documentation_only=True, required=True,
                                           description="Where the stored report is: `/v1/checks/{id}`.")])
    async def create(self, request: Request[Any, Any, Any],
                     store: Annotated[bool, QueryParameter(
                         description="false: check without storing (200, no `Location`).")] = True) -> Response[Report]:
        """Read every claim, run every rule, store the report (committed before the answer) and answer 201 with
        the report and its ``Location``; with ``store=false``, answer 200 and keep nothing.

        A figure that cannot be read, a duplicate claim id or a relation naming a missing claim does not fail the
        request: it is listed under ``problems`` and the rest is still checked."""
        caller = await authorize(request)
        body = await raw(request)
        library = await request.app.state.libraries.get(caller.newsroom)
        if library.held and len(body) >= SMALL:  # a worker process gets what the library adds, not the library
            met = await run(request, meet_json, body, library)
            if isinstance(met, Refused):
                raise met.error()
            library = met
        done = await compute(request, check_json, body, library)
        if isinstance(done, Refused):
            raise done.error()
        count(done.verdicts, done.problems)
        if not store:
            return Response(done.report, status_code=200, media_type=MediaType.JSON)  # type: ignore[arg-type]
        stored = await request.app.state.store.add(caller.newsroom, caller.key, done)
        return Response(done.report, status_code=201, media_type=MediaType.JSON,  # type: ignore[arg-type]
                        headers={"Location": f"/v1/checks/{stored.id}"})


ENCODE = msgspec.json.Encoder()
