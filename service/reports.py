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
from msgspec import Meta, Struct

from rules.model import Report, Status
from service.auth import Caller, authorize
from service.body import body, read
from service.exports import ClaimReviewGraph, claimreview, csv_chunks, ld_json, markdown_chunks
from service.pool import run, stream
from service.problems import ProblemError
from service.review import Review, ReviewRequest, Tally, VerdictState, current, problem, tally
from service.routes import BAD, ENCODE, ChecksController, Links, links
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


class StoredReport(Struct, frozen=True, kw_only=True):
    """A stored report: the engine's report as it was made, each verdict's current state, the review trail."""

    id: Annotated[str, Meta(description="The report's id.")]
    created: Annotated[dt.datetime, Meta(description="When it was checked.")]
    created_by: Annotated[str, Meta(description="The key that checked it.")]
    report: Annotated[Report, Meta(description="The report as the engine made it.")]
    verdicts: Annotated[list[VerdictState], Meta(description="Each verdict's current state, after review.")]
    tally: Annotated[Tally, Meta(description="Verdicts by current status.")]
    reviews: Annotated[list[Review], Meta(description="The review trail, oldest first.")]
    links: Annotated[Links, Meta(description="Where to read and export it.")]


class ReportSummary(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A stored report in a list: its id, when and by whom it was checked, its article, its counts."""

    id: Annotated[str, Meta(description="The report's id.")]
    created: Annotated[dt.datetime, Meta(description="When it was checked.")]
    created_by: Annotated[str, Meta(description="The key that checked it.")]
    language: Annotated[str, Meta(description="The article's language.")]
    claims: Annotated[int, Meta(description="Claims in it.")]
    tally: Annotated[Tally, Meta(description="Verdicts by current status.")]
    title: Annotated[str | None, Meta(description="The article's headline.")] = None


class ReportPage(Struct, frozen=True, kw_only=True):
    """Newest first. ``next``: pass it as ``cursor`` for the following page (it is the id of the last report
    listed); null on the last page."""

    items: Annotated[list[ReportSummary], Meta(description="The reports on this page.")]
    next: Annotated[str | None, Meta(description="Pass as `cursor` for the next page; null on the last.")]


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
        """The reports checked with this key's newsroom, newest first, one page at a time, each with its counts
        after review; filter by a verdict status, by the day checked, or both."""
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
        """The report exactly as the engine made it, the current state of each verdict (the engine's status, the
        latest review decision, who made it and when), the counts after review, the whole review trail, and links to
        the page and the exports."""
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
        """Every review decision on the report, oldest first: the verdict, the decision, the status an override
        set, the note, who and when. Nothing is ever removed from it."""
        return (await load(request, await authorize(request), report_id)).reviews

    @get("/{report_id:str}/claimreview", summary="schema.org ClaimReview (JSON-LD), one per reviewed verdict",
         media_type="application/ld+json", responses={**AUTH, **MISSING})
    async def claimreview(self, request: Request[Any, Any, Any], report_id: ReportId,
                          every: Annotated[bool, QueryParameter(name="all", description=(
                              "true: every verdict, reviewed or not (each rated as it stands); by default only "
                              "those a reviewer confirmed or overrode, which are fit to publish."))] = False
                          ) -> ClaimReviewGraph:
        """One ClaimReview per verdict a reviewer confirmed or overrode, rated as it stands after review, in the
        article's language with the English review as its `workTranslation`; each `url` is the verdict on the
        report's page. The JSON-LD escapes ``<``, ``>`` and ``&`` inside strings, so it can be put in a
        ``<script type="application/ld+json">`` element as it is."""
        caller = await authorize(request)
        stored = await load(request, caller, report_id)
        base = str(request.base_url).rstrip("/")
        newsroom = request.app.state.api_keys.newsroom(caller.newsroom)
        body = await run(request, lambda: ld_json(claimreview(stored, newsroom, base, every)))
        return Response(body, media_type="application/ld+json")  # type: ignore[return-value]

    @get("/{report_id:str}/csv", summary="The verdicts as CSV, one row each", media_type="text/csv",
         response_description="The verdicts as CSV (RFC 4180), streamed.", responses={**AUTH, **MISSING})
    async def csv(self, request: Request[Any, Any, Any], report_id: ReportId) -> Stream:
        """One row per verdict: its status after review and the engine's, the review, the claims, the
        explanations in English and the article's language, the formula and the ranges. UTF-8 with a byte order mark,
        so spreadsheets read Arabic right; a cell a spreadsheet would run as a formula starts with an apostrophe."""
        stored = await load(request, await authorize(request), report_id)
        return Stream(stream(request, csv_chunks(stored)), media_type="text/csv",  # Litestar adds the charset
                      headers={"Content-Disposition": f'attachment; filename="tadqiq-{stored.summary.id}.csv"'})

    @get("/{report_id:str}/markdown", summary="The report as Markdown", media_type="text/markdown",
         response_description="The report as Markdown, streamed.", responses={**AUTH, **MISSING})
    async def markdown(self, request: Request[Any, Any, Any], report_id: ReportId) -> Stream:
        """The report as CommonMark: the article's details, then each verdict with its status after review, the
        claims as printed, the explanation and the arithmetic. Text from the request is escaped, never markup."""
        stored = await load(request, await authorize(request), report_id)
        return Stream(stream(request, markdown_chunks(stored)), media_type="text/markdown")  # charset added
