"""``POST /v1/normalise``: printed figures in, exact readings out (``rules.normalise.batch``)."""

from __future__ import annotations

from typing import Any

from litestar import Request, post

from rules.model import NormaliseRequest, NormaliseResponse
from rules.normalise.batch import normalise
from service.body import body, read
from service.pool import run
from service.routes import BAD

__all__ = ["normalise_figures"]

NORMALISE = body("/v1/normalise", "post", NormaliseRequest)


@post("/v1/normalise", tags=["normalise"], summary="Read printed figures into exact ranges", status_code=200,
      responses=BAD)
async def normalise_figures(request: Request[Any, Any, Any]) -> NormaliseResponse:
    """Read each figure as printed in the document's language: the exact range it stands for, its bound (exact,
    approximate, lower, upper, range), printed precision, unit or currency, period and per-unit denominator,
    the policy applied and any assumption made. Amounts of money are also given in ``currencies`` at the rates
    of ``published``. A figure that cannot be read gets a ``problem`` saying why; the others are still read."""
    data = await read(request, NORMALISE)
    return await run(request, normalise, data)
