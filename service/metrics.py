"""What the service is doing, for operators: ``/metrics`` (Prometheus text format), ``/health/ready``, and the one
middleware that times each request, gives it a request id and writes its access-log line.

Metrics (prometheus-client; with several server processes, ``tadqiq serve`` points them all at one
``PROMETHEUS_MULTIPROC_DIR`` so that any of them answers for all):

- ``tadqiq_request_duration_seconds{method, route, status}``: a histogram per route template (``/v1/checks/{id}``,
  never the id itself, so the label set stays small);
- ``tadqiq_verdicts_total{rule, status}`` and ``tadqiq_reading_problems_total{code}``: every check's verdicts and
  the problems its figures had, whether checked over HTTP or in a batch;
- ``tadqiq_batch_lines{state}`` (queued, done, failed) and ``tadqiq_batches_open``: the batches still running, read
  from the database when scraped; ``tadqiq_queue_messages``: tasks waiting on the broker.

``/health`` says the process is alive; ``/health/ready`` says whether it can serve: the database answers (and the
broker, when batches are configured); 503 otherwise, with what failed.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import Counter as Tally
from typing import Annotated, Any

from litestar import MediaType, Request, Response, get
from litestar.openapi import ResponseSpec
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from msgspec import Meta, Struct
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from sqlalchemy import text

from rules.model import Report
from service.logs import REQUEST_ID, SANE_ID

__all__ = ["Ready", "RequestMiddleware", "count", "metrics", "observe", "ready", "tallies"]

log = logging.getLogger("tadqiq.access")

REQUESTS = Histogram("tadqiq_request_duration_seconds", "Time to answer a request, by route template and status.",
                     ["method", "route", "status"],
                     buckets=(.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10))
VERDICTS = Counter("tadqiq_verdicts_total", "Verdicts given, by rule and status.", ["rule", "status"])
PROBLEMS = Counter("tadqiq_reading_problems_total", "Figures, times and claims that could not be read, by code.",
                   ["code"])
#: each label set's child, looked up once (prometheus-client's ``labels`` validates and locks on every call)
_VERDICTS: dict[str, Any] = {}
_REQUESTS: dict[tuple[str, str, int], Any] = {}
_PROBLEMS: dict[str, Any] = {}


def tallies(report: Report) -> tuple[dict[str, int], dict[str, int]]:
    """A report's verdicts by ``"rule status"`` and its problems by code (plain dicts: they cross from a worker
    process to the server's)."""
    verdicts = Tally(f"{v.rule} {v.status}" for v in report.verdicts)
    problems = Tally(p.code for p in report.problems)
    for claim in report.claims:
        for p in claim.problems:
            problems[p.code] += 1
    return dict(verdicts), dict(problems)


def count(verdicts: dict[str, int], problems: dict[str, int]) -> None:
    """Add a check's tallies to the counters (once per label, not once per verdict: a check of 10 000 claims costs
    a few increments)."""
    for labels, n in verdicts.items():
        child = _VERDICTS.get(labels)
        if child is None:
            child = _VERDICTS[labels] = VERDICTS.labels(*labels.split(" ", 1))
        child.inc(n)
    for code, n in problems.items():
        child = _PROBLEMS.get(code)
        if child is None:
            child = _PROBLEMS[code] = PROBLEMS.labels(code)
        child.inc(n)


def observe(report: Report) -> None:
    """Count a report's verdicts and problems."""
    count(*tallies(report))


class RequestMiddleware:
    """Times the request, names it with a request id (``X-Request-ID`` in and out) and writes one access-log line.
    Plain ASGI, so it costs a few microseconds."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                request_id = value.decode() if SANE_ID.match(value) else None
                break
        request_id = request_id or secrets.token_hex(8)
        token = REQUEST_ID.set(request_id)
        status = [500]
        header = (b"x-request-id", request_id.encode())

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        start = time.perf_counter()
        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - start
            route = scope.get("path_template") or scope["path"]
            labels = (scope["method"], route, status[0])
            child = _REQUESTS.get(labels)
            if child is None:
                child = _REQUESTS[labels] = REQUESTS.labels(*labels)
            child.observe(seconds)
            if log.isEnabledFor(logging.INFO):
                log.info("%s %s %d", scope["method"], scope["path"], status[0],
                         extra={"route": route, "status": status[0], "ms": round(seconds * 1000, 3)})
            REQUEST_ID.reset(token)


def _registry() -> CollectorRegistry:
    """This process's metrics, or every server process's when they share ``PROMETHEUS_MULTIPROC_DIR``."""
    import os

    from prometheus_client import REGISTRY, multiprocess

    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


async def _batch_metrics(request: Request[Any, Any, Any]) -> bytes:
    """Batch progress from the database and queue depth from the broker, read now (one process answers for the
    whole deployment, so these are not per-process values)."""
    from service.queue import queue_depth
    from service.storage.batches import progress

    registry = CollectorRegistry()
    lines = Gauge("tadqiq_batch_lines", "Lines of the batches still running, by state.", ["state"],
                  registry=registry)
    open_ = Gauge("tadqiq_batches_open", "Batches still running (not finished, not cancelled).", registry=registry)
    state = request.app.state
    try:
        p = await asyncio.wait_for(progress(state.store), 2)
    except Exception:  # the database is down: /health/ready says so; metrics still answer
        logging.getLogger("tadqiq").warning("metrics: batch progress unavailable", exc_info=True)
    else:
        for name, value in (("queued", p.queued), ("done", p.done), ("failed", p.failed)):
            lines.labels(name).set(value)
        open_.set(p.batches)
    depth = await queue_depth(state)
    if depth is not None:
        Gauge("tadqiq_queue_messages", "Tasks waiting on the broker's queue.", registry=registry).set(depth)
    return generate_latest(registry)


@get("/metrics", tags=["service"], summary="Metrics in Prometheus text format", media_type=CONTENT_TYPE_PLAIN_0_0_4,
     include_in_schema=True)
async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
    """Request latency per route, verdicts by rule and status, reading problems by code, queue depth and
    batch progress, in Prometheus text format."""
    body = generate_latest(_registry()) + await _batch_metrics(request)
    return Response(body, media_type=CONTENT_TYPE_PLAIN_0_0_4)


class Ready(Struct, frozen=True):
    """``ready`` when everything this process needs answers; each dependency: ``ok`` or what went wrong."""

    status: Annotated[str, Meta(description="`ready`, or `unavailable` when something is down.")]
    checks: Annotated[dict[str, str], Meta(description=(
        "Each dependency (`database`, `broker`, `workers`): `ok` or what went wrong."))]


async def _database(request: Request[Any, Any, Any]) -> str:
    engine = await request.app.state.store.ready()
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    return "ok"


async def _workers(request: Request[Any, Any, Any]) -> str:
    """The worker processes that check large bodies (``service.pool``) are running: started now if they were not
    (they start after the first answer otherwise), so a probe, not a request, waits for them."""
    await request.app.state.pool.started()
    return "ok"


@get("/health/ready", tags=["service"],
     summary="Readiness: the database (and the broker, when configured) answer, the worker processes run",
     responses={503: ResponseSpec(data_container=Ready, description="Not ready: `checks` says what failed.",
                                  generate_examples=False)})
async def ready(request: Request[Any, Any, Any]) -> Response[Ready]:
    """Whether this process can serve: the database answers, and the broker when batches are configured; its
    worker processes run (a large body would otherwise wait seconds for the first to start); 503 saying what is
    down or not yet up when not."""
    from service.queue import broker_ready

    checks: dict[str, str] = {}
    probes = {"database": _database(request), "workers": _workers(request)}
    if request.app.state.settings.broker_url:
        probes["broker"] = broker_ready(request.app.state)
    for name, probe in probes.items():
        try:
            checks[name] = await asyncio.wait_for(probe, 3)
        except TimeoutError:
            checks[name] = "unavailable: no answer within 3 s"
        except Exception as exc:  # noqa: BLE001 - any failure means not ready; say which
            checks[name] = f"unavailable: {type(exc).__name__}: {exc}"[:300]
    ok = all(v == "ok" for v in checks.values())
    return Response(Ready(status="ready" if ok else "unavailable", checks=checks), status_code=200 if ok else 503,
                    media_type=MediaType.JSON)
