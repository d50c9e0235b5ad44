"""Stored reports over HTTP: read one, list them, review verdicts, export.

Every route needs an API key (``service.auth``) and sees only its newsroom's reports: another newsroom's report
answers 404, exactly as a report that does not exist. Reviewing needs the reviewer (or admin) role.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import MediaType, Request, Response, get, post
from litestar.response import Stream
from litestar.params import PathParameter, QueryParameter
from msgspec import Struct

from rules.model import Report, Status
from service.auth import Caller, authorize
from service.body import body, read
from service.exports import ClaimReviewGraph, claimreview, csv_chunks, ld_json, markdown_chunks
from service.pool import run, stream
from service.problems import ProblemError
from service.review import Review, ReviewRequest, Tally, VerdictState, current, problem, tally
from service.routes import BAD, ENCODE, ChecksController
from service.routes import problem as problem_spec
from service.storage import BadCursor, Stored, Summary

__all__ = ["AUTH", "SECURITY", "ReportsController", "load"]

#: The OpenAPI security requirement of every route that needs a key (the scheme is declared in service/app.py).
SECURITY = [{"apiKey": []}]
AUTH = {401: problem_spec("No API key, or one this server does not know."),
        403: problem_spec("The key's role may not do this (only reviewers and admins review).")}
MISSING = {404: problem_spec("No such report in this key's newsroom.")}
#: A review the schema allows but the report does not: a verdict index it does not have, a dispute or override
#: without its note, a status without an override. The schema cannot say which indices a report has, so this is
#: a conflict with the report (409), as announced, not a schema error (422).
CONFLICT = {409: problem_spec("The review cannot apply to this report: it has no such verdict, or a dispute or "
                              "override lacks its note, or a status comes without an override ('detail' says).")}


class Links(Struct, frozen=True, kw_only=True):
    """Where to see the report in a browser and to export it."""

    html: str
    csv: str
    markdown: str
    claimreview: str


class StoredReport(Struct, frozen=True, kw_only=True):
    """A stored report: the engine's report as it was made, each verdict's current state, the review trail."""

    id: str
    created: dt.datetime
    created_by: str
    report: Report
    verdicts: list[VerdictState]
    tally: Tally
    reviews: list[Review]
    links: Links


class ReportSummary(Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: str
    created: dt.datetime
    created_by: str
    language: str
    claims: int
    tally: Tally
    title: str | None = None


class ReportPage(Struct, frozen=True, kw_only=True):
    """Newest first. ``next``: pass it as ``cursor`` for the following page (it is the id of the last report
    listed); null on the last page."""

    items: list[ReportSummary]
    next: str | None


def links(report_id: str) -> Links:
    base = f"/v1/checks/{report_id}"
    return Links(html=f"/reports/{report_id}", csv=f"{base}/csv", markdown=f"{base}/markdown",
                 claimreview=f"{base}/claimreview")


def summary(s: Summary) -> ReportSummary:
    return ReportSummary(id=s.id, created=s.created, created_by=s.created_by, language=s.language, title=s.title,
                         claims=s.claims, tally=Tally(verdicts=s.verdicts, consistent=s.consistent,
                                                      inconsistent=s.inconsistent, unverifiable=s.unverifiable,
                                                      doubtful=s.doubtful,
                                                      reviewed=s.reviewed))


def _stored_report(stored: Stored) -> bytes:
    states = current(stored.report, stored.reviews)
    return ENCODE.encode(StoredReport(id=stored.summary.id, created=stored.summary.created,
                                      created_by=stored.summary.created_by, report=stored.report, verdicts=states,
                                      tally=tally(states), reviews=stored.reviews, links=links(stored.summary.id)))


async def load(request: Request[Any, Any, Any], caller: Caller, report_id: str) -> Stored:
    stored = await request.app.state.store.get(caller.newsroom, report_id)
    if stored is None:
        raise ProblemError(404, "Not found", "No such report in this key's newsroom.")
    return stored


def refuse_bad_review(report: Report, decision: ReviewRequest) -> None:
    why = problem(report, decision)
    if why:
        raise ProblemError(409, "The review cannot apply to this report", why)


REVIEW = body("/v1/checks/{report_id}/reviews", "post", ReviewRequest)
ReportId = Annotated[str, PathParameter(description="The report's id, from the `Location` of `POST /v1/checks`.")]


class ReportsController(ChecksController):
    """``POST /v1/checks`` (from ``service.routes``) and the stored reports under the same path: one controller,
    because Litestar cannot share a path between two."""

    security = SECURITY

    @get("/", summary="List the newsroom's reports, newest first",
         responses={**AUTH, 400: BAD[400], 404: problem_spec("`cursor` names no report of this newsroom.")})
    async def list_reports(
        self, request: Request[Any, Any, Any],
        status: Annotated[Status | None, QueryParameter(
            description="Only reports with at least one verdict in this status (after review).")] = None,
        since: Annotated[dt.date | None, QueryParameter(description="Checked on or after this day (UTC).")] = None,
        until: Annotated[dt.date | None, QueryParameter(description="Checked on or before this day (UTC).")] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100, description="At most this many reports.")] = 20,
        cursor: Annotated[str | None, QueryParameter(
            max_length=64, description="`next` of the previous page: the id of the last report it listed.")] = None,
    ) -> ReportPage:
        caller = await authorize(request)
        try:
            page = await request.app.state.store.page(caller.newsroom, status=status, since=since, until=until,
                                                      limit=limit, cursor=cursor)
        except BadCursor as exc:
            raise ProblemError(404, "Not found", str(exc)) from None
        return ReportPage(items=[summary(s) for s in page.items], next=page.next)

    @get("/{report_id:str}", summary="A stored report, each verdict's current state and its review trail",
         responses={**AUTH, **MISSING})
    async def get_report(self, request: Request[Any, Any, Any], report_id: ReportId) -> StoredReport:
        caller = await authorize(request)
        stored = await load(request, caller, report_id)
        body = await run(request, _stored_report, stored)
        return Response(body, media_type=MediaType.JSON)  # type: ignore[return-value]

    @post("/{report_id:str}/reviews", summary="Confirm, dispute or override a verdict (reviewers)",
          status_code=201, responses={**AUTH, **MISSING, **BAD, **CONFLICT})
    async def review(self, request: Request[Any, Any, Any], report_id: ReportId) -> Review:
        """Appends a decision to the report's audit trail (who, when, what, why); earlier decisions are kept."""
        caller = await authorize(request, "reviewer")
        decision = await read(request, REVIEW)
        made = await request.app.state.store.review(caller.newsroom, report_id, decision, caller.who, caller.role,
                                                     refuse_bad_review)
        if made is None:
            raise ProblemError(404, "Not found", "No such report in this key's newsroom.")
        return made

    @get("/{report_id:str}/reviews", summary="The report's review trail, oldest first", responses={**AUTH, **MISSING})
    async def reviews(self, request: Request[Any, Any, Any], report_id: ReportId) -> list[Review]:
        return (await load(request, await authorize(request), report_id)).reviews

    @get("/{report_id:str}/claimreview", summary="schema.org ClaimReview (JSON-LD), one per verdict",
         media_type="application/ld+json", responses={**AUTH, **MISSING})
    async def claimreview(self, request: Request[Any, Any, Any], report_id: ReportId) -> ClaimReviewGraph:
        """The JSON-LD escapes ``<``, ``>`` and ``&`` inside strings, so it can be embedded in a page as it is."""
        caller = await authorize(request)
        stored = await load(request, caller, report_id)
        body = await run(request, lambda: ld_json(claimreview(stored, caller.newsroom)))
        return Response(body, media_type="application/ld+json")  # type: ignore[return-value]

    @get("/{report_id:str}/csv", summary="The verdicts as CSV, one row each", media_type="text/csv; charset=utf-8",
         response_description="The verdicts as CSV (RFC 4180), streamed.", responses={**AUTH, **MISSING})
    async def csv(self, request: Request[Any, Any, Any], report_id: ReportId) -> Stream:
        stored = await load(request, await authorize(request), report_id)
        return Stream(stream(request, csv_chunks(stored)), media_type="text/csv; charset=utf-8",
                      headers={"Content-Disposition": f'attachment; filename="tadqiq-{stored.summary.id}.csv"'})

    @get("/{report_id:str}/markdown", summary="The report as Markdown", media_type="text/markdown; charset=utf-8",
         response_description="The report as Markdown, streamed.", responses={**AUTH, **MISSING})
    async def markdown(self, request: Request[Any, Any, Any], report_id: ReportId) -> Stream:
        stored = await load(request, await authorize(request), report_id)
        return Stream(stream(request, markdown_chunks(stored)), media_type="text/markdown; charset=utf-8")
