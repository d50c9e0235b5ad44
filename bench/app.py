"""The bench app: the real app plus ``POST /bench/echo``, which exists only here.

The echo route reads and decodes its body exactly as ``POST /v1/checks`` does, then answers with a fixed body of
the same size as the seed's report, so the two differ only by the engine's work and the report's encoding.

With ``TADQIQ_BENCH_ENGINE=1`` (``bench.cpu`` sets it) the check route's ``check_json`` is timed where it runs (its
thread's CPU, ``time.thread_time_ns``, about a microsecond a check) and ``GET /bench/engine`` says how many checks
and how much CPU so far: the engine's cost inside the server, measured in the same run as the server's, so that what
the server spends around the engine is told apart from the engine itself. Only for bodies checked in the server's
own threads (under ``service.pool.SMALL``, as the seed is)."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from litestar import Request, Response, get, post

from rules.model import CheckRequest
from service import routes
from service.app import create_app
from service.body import read

ECHO_SIZE = int(os.environ.get("TADQIQ_BENCH_ECHO_SIZE", "4096"))
_PAYLOAD = b'{"echo":"' + b"x" * max(0, ECHO_SIZE - 11) + b'"}'


@post("/bench/echo", status_code=200, include_in_schema=False)
async def echo(request: Request[Any, Any, Any]) -> Response[bytes]:
    await read(request, CheckRequest)
    return Response(_PAYLOAD, media_type="application/json")


#: checks timed and their CPU in ns (``TADQIQ_BENCH_ENGINE``)
_ENGINE = [0, 0]
_LOCK = threading.Lock()
_check_json = routes.check_json


def _timed_check_json(raw: bytes, library: Any = None) -> Any:
    start = time.thread_time_ns()
    try:
        return _check_json(raw, library)
    finally:
        spent = time.thread_time_ns() - start
        with _LOCK:
            _ENGINE[0] += 1
            _ENGINE[1] += spent


@get("/bench/engine", include_in_schema=False)
async def engine() -> dict[str, int]:
    return {"checks": _ENGINE[0], "ns": _ENGINE[1]}


if os.environ.get("TADQIQ_BENCH_ENGINE") == "1":
    routes.check_json = _timed_check_json  # type: ignore[assignment]
    app = create_app(extra_routes=[echo, engine])
else:
    app = create_app(extra_routes=[echo])
