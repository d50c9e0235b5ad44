"""The bench app: the real app plus ``POST /bench/echo``, which exists only here.

The echo route reads and decodes its body exactly as ``POST /v1/checks`` does, then answers with a fixed body of
the same size as the seed's report, so the two differ only by the engine's work and the report's encoding."""

from __future__ import annotations

import os
from typing import Any

from litestar import Request, Response, post

from rules.model import CheckRequest
from service.app import create_app
from service.body import read

ECHO_SIZE = int(os.environ.get("TADQIQ_BENCH_ECHO_SIZE", "4096"))
_PAYLOAD = b'{"echo":"' + b"x" * max(0, ECHO_SIZE - 11) + b'"}'


@post("/bench/echo", status_code=200, include_in_schema=False)
async def echo(request: Request[Any, Any, Any]) -> Response[bytes]:
    await read(request, CheckRequest)
    return Response(_PAYLOAD, media_type="application/json")


app = create_app(extra_routes=[echo])
