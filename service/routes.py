"""The HTTP routes: ``POST /v1/checks``, ``GET /v1/rules``, ``GET /health`` (stored reports: service/reports.py)."""

from __future__ import annotations

import re
from functools import lru_cache
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


@lru_cache(maxsize=1)
def _catalogue() -> list[RuleInfo]:
    """Made when first asked for, not at start (the titles read every language's catalogue)."""
    return [RuleInfo(id=r.id, family=r.family, title=markdown_code(r.title), titles=r.titles,
                     what=markdown_code(r.what), why=markdown_code(r.why), example=markdown_code(r.example),
                     examples=[ExampleInfo(title=e.title, expect=e.expect, request=e.request(), cause=e.cause,
                                           source=e.source)
                               for e in r.examples]) for r in RULES]


@get("/v1/rules", tags=["rules"], summary="The rule catalogue: what each rule checks, why, and its examples")
async def rules_catalogue() -> list[RuleInfo]:
    """Every rule the engine runs: its id and family, what it checks and why a wrong figure matters to a
    reader, its title in each language, and its examples, each a request ``POST /v1/checks`` accepts as it is."""
    return _catalogue()


CHECK = body("/v1/checks", "post", CheckRequest)


class Links(Struct, frozen=True, kw_only=True):
    """Where the report is: itself, its page for people, its exports."""

    self_: Annotated[str, Meta(description="The stored report: `GET` it for its current state.")] = msgspec.field(
        name="self")
    page: Annotated[str, Meta(description="The report's page for people.")]
    csv: Annotated[str, Meta(description="The verdicts as CSV.")]
    markdown: Annotated[str, Meta(description="The report as Markdown.")]
    claimreview: Annotated[str, Meta(description="The verdicts as schema.org ClaimReview (JSON-LD).")]


def links(report_id: str) -> Links:
    base = f"/v1/checks/{report_id}"
    return Links(self_=base, page=f"/reports/{report_id}", csv=f"{base}/csv", markdown=f"{base}/markdown",
                 claimreview=f"{base}/claimreview")


class CreatedReport(Report, kw_only=True):
    """The report as the engine made it, stored: with its id and where it is."""

    id: Annotated[str, Meta(description="The stored report's id (the `Location` ends with it).")]
    links: Annotated[Links, Meta(description="Where to read and export it.")]


def created(report: bytes, report_id: str) -> bytes:
    """The engine's report (JSON) with its ``id`` and ``links`` written first: a ``CreatedReport``."""
    head = ENCODE.encode({"id": report_id, "links": links(report_id)})
    return head[:-1] + b"," + report[1:]


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
                         description="false: check without storing (200, no `Location`).")] = True
                     ) -> Response[CreatedReport]:
        """Read every claim, run every rule, store the report (committed before the answer) and answer 201 with
        the report, its ``id`` and ``links``, and its ``Location``; with ``store=false``, answer 200 and keep nothing.

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
        return Response(created(done.report, stored.id), status_code=201,  # type: ignore[arg-type]
                        media_type=MediaType.JSON, headers={"Location": f"/v1/checks/{stored.id}"})


ENCODE = msgspec.json.Encoder()
