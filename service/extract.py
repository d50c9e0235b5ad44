"""``POST /v1/extract``: article text in, the claims it prints out (``rules.extract``), unchecked — for tools that
review the claims before sending them to ``POST /v1/checks`` (which also takes ``text`` and does both)."""

from __future__ import annotations

from typing import Any

from litestar import MediaType, Request, Response, post

from rules.model import Extracted, ExtractRequest
from service.body import body, raw
from service.pool import compute
from service.routes import BAD
from service.work import Refused, extract_json

__all__ = ["extract_claims"]

EXTRACT = body("/v1/extract", "post", ExtractRequest)


@post("/v1/extract", tags=["extract"], summary="Find the claims an article's text prints", status_code=200,
      responses=BAD)
async def extract_claims(request: Request[Any, Any, Any]) -> Extracted:
    """Find the figures and times the text prints (read by the same reader as ``/v1/normalise``), what each figure
    counts, its place and time, the events and roles the text tells, and the relations its cue words propose
    (a share and its part, parts of a total, a change, a figure per unit). Each claim carries its ``span`` in the
    text as sent and ``extracted: true``; the answer is ready to send to ``POST /v1/checks``.

    The text may hold up to 200 000 characters, in ar, de, en, es or fr (the document's language; another language
    is a 422 that names these). HTML markup, control characters and bidi controls are read as spaces. A text with
    more than 5 000 figures, or more than 40 000 words that may be dates to try, is a 422 (``too_many_figures``,
    ``too_many_time_words``): it is not read, rather than read for seconds. A figure the
    reader cannot read with confidence is listed under ``problems`` with its span; a text with no figure gives an
    empty list and a ``no_figures`` problem."""
    answer = await compute(request, extract_json, await raw(request))
    if isinstance(answer, Refused):
        raise answer.error()
    return Response(answer, media_type=MediaType.JSON)  # type: ignore[return-value]
