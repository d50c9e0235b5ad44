"""``POST /v1/normalise/times``: read time expressions on their own — the interval [start, end), grain, modifier and
calendar each stands for — the way ``POST /v1/checks`` reads the times of claims (``rules.normalise.times``).
An expression that cannot be read gets a problem with a stable code and the reason; the others are still read."""

from __future__ import annotations

from typing import Any

from litestar import MediaType, Request, Response, post

from rules.messages import problem
from rules.model import TimeResult, TimesReport, TimesRequest
from rules.normalise.times import read_time
from rules.normalise.values import Unreadable
from service.body import body, raw
from service.pool import compute
from service.routes import BAD
from service.work import Refused, times_json

__all__ = ["normalise_times", "read_times"]

TIMES = body("/v1/normalise/times", "post", TimesRequest)


def read_times(data: TimesRequest) -> TimesReport:
    results = []
    for n, text in enumerate(data.times):
        try:
            results.append(TimeResult(text=text, time=read_time(
                text, data.language, data.published,
                (data.fiscal_year.start, data.fiscal_year.named_by) if data.fiscal_year else None).reading()))
        except Unreadable as exc:
            results.append(TimeResult(text=text, problem=problem(data.language, exc.code, exc.said,
                                                                 field=f"times[{n}]")))
    return TimesReport(language=data.language, published=data.published, times=results)


@post("/v1/normalise/times", tags=["normalise"], summary="Read time expressions as intervals", status_code=200,
      responses=BAD)
async def normalise_times(request: Request[Any, Any, Any]) -> TimesReport:
    """Read each expression as printed ("بحلول سبتمبر 2025", "Q3 2025", "15 رمضان 1446 هـ", "last year") into the
    half-open interval [start, end) it names, with its grain, modifier and calendar. Relative expressions are read
    from ``published``; without it they come back with the problem ``needs_publication_date``."""
    answer = await compute(request, times_json, await raw(request))
    if isinstance(answer, Refused):
        raise answer.error()
    return Response(answer, media_type=MediaType.JSON)  # type: ignore[return-value]
