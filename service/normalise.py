"""``POST /v1/normalise``: printed figures in, exact readings out (``rules.normalise.batch``)."""

from __future__ import annotations

from typing import Any

from litestar import MediaType, Request, Response, post

from rules.model import NormaliseRequest, NormaliseResponse
from service.body import body, raw
from service.pool import compute
from service.routes import BAD
from service.work import Refused, normalise_json

__all__ = ["normalise_figures"]

NORMALISE = body("/v1/normalise", "post", NormaliseRequest)


@post("/v1/normalise", tags=["normalise"], summary="Read printed figures into exact ranges", status_code=200,
      responses=BAD)
async def normalise_figures(request: Request[Any, Any, Any]) -> NormaliseResponse:
    """Read each figure as printed in the document's language: the exact range it stands for, its bound (exact,
    approximate, lower, upper, range), printed precision, unit or currency, period and per-unit denominator,
    the policy applied and any assumption made. Amounts of money are also given in ``currencies`` at the rates
    of ``published``. A figure that cannot be read gets a ``problem`` saying why; the others are still read."""
    answer = await compute(request, normalise_json, await raw(request))
    if isinstance(answer, Refused):
        raise answer.error()
    return Response(answer, media_type=MediaType.JSON)  # type: ignore[return-value]
