"""``tadqiq worker``: the batch worker, run by taskiq's worker command (it starts the processes and restarts one
that dies). Configured by the same environment as the server: ``TADQIQ_BROKER_URL``, ``TADQIQ_BROKER_QUEUE``,
``TADQIQ_DATABASE_URL`` (and ``TADQIQ_DATABASE_SCHEMA``), so that every worker on every machine shares the queue and
the database with the servers."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import msgspec
from sqlalchemy.exc import DBAPIError, OperationalError
from taskiq import Context, TaskiqDepends, TaskiqEvents, TaskiqState

from rules.engine import check
from rules.model import CheckRequest
from service.body import decode
from service.logs import configure
from service.metrics import observe
from service.problems import ProblemError, details
from service.queue import TASK, make_broker
from service.settings import Settings
from service.storage import Store, report_row
from service.storage.batches import Line, is_cancelled, line_report_id, record, requests
from service.storage.references import Libraries

__all__ = ["broker", "check_chunk", "run"]

log = logging.getLogger("tadqiq.worker")
_PROBLEM = msgspec.json.Encoder()
_REQUEST = msgspec.json.Decoder(CheckRequest)


def _problem(status: int, title: str, detail: str | None = None, errors=None) -> bytes:
    return _PROBLEM.encode(details(status, title, detail, errors))


def _line(batch_id: str, newsroom: str, by: str, n: int, request: CheckRequest, library=None) -> Line:
    try:
        report = check(request, library=library)
    except Exception:  # noqa: BLE001 - a bug in a rule must not stop the batch; it is logged and the line fails
        log.exception("batch %s line %d: the check failed", batch_id, n)
        return Line(n, problem=_problem(500, "Internal error", "This is a bug in tadqiq; it has been logged."))
    observe(report)
    return Line(n, report=report_row(line_report_id(batch_id, n), newsroom, by, request, report))


async def check_chunk(batch: str, newsroom: str, by: str, kind: str, items: list[tuple[int, str]],
                      context: Context = TaskiqDepends()) -> int:
    """Check a chunk of a batch's lines (``kind`` ``lines``: NDJSON check requests; ``reports``: stored report ids
    to check again) and record them; returns how many were new. Skipped when the batch was cancelled."""
    store: Store = context.state.store
    if await _retrying(is_cancelled, store, batch):
        return 0
    stored = await _retrying(requests, store, newsroom, [text for _, text in items]) if kind == "reports" else {}
    done: list[Line] = []
    for n, text in items:
        if kind == "reports":
            raw = stored.get(text)
            if raw is None:
                done.append(Line(n, problem=_problem(404, "Not found", f"No report '{text[:64]}' in this newsroom.")))
                continue
            request = _REQUEST.decode(raw)
        else:
            try:
                request = decode(text.encode(), CheckRequest)
            except ProblemError as exc:
                done.append(Line(n, problem=_problem(exc.status_code, exc.title, exc.problem_detail, exc.errors)))
                continue
        library = await _retrying(context.state.libraries.get, newsroom) if request.use_library else None
        done.append(_line(batch, newsroom, by, n, request, library))
        await asyncio.sleep(0)  # let the broker's heartbeats through between checks
    return await _retrying(record, store, batch, done)


async def _retrying(fn, *args: Any) -> Any:
    """Storage calls of a task, tried again while the database is unreachable (the task stays unacknowledged
    meanwhile, so a worker stopped now loses nothing)."""
    delay = 0.5
    while True:
        try:
            return await fn(*args)
        except (OperationalError, DBAPIError, OSError) as exc:
            log.warning("database unavailable (%s); retrying in %.1fs", type(exc).__name__, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)


settings = Settings.from_env()
broker = make_broker(settings)
broker.register_task(check_chunk, task_name=TASK)


@broker.on_event(TaskiqEvents.WORKER_STARTUP)
async def _open(state: TaskiqState) -> None:
    configure(os.environ.get("TADQIQ_LOG_LEVEL", "info"))
    state.store = Store.from_settings(settings)
    await state.store.open()
    # the newsroom's reference library, as the server consults it (re-read when it changed, at most every
    # TADQIQ_LIBRARY_REFRESH seconds)
    state.libraries = Libraries(state.store, refresh=settings.library_refresh)


@broker.on_event(TaskiqEvents.WORKER_SHUTDOWN)
async def _close(state: TaskiqState) -> None:
    await state.store.close()


#: chunks a worker process runs at once (``service.queue.PREFETCH`` holds one more)
TASKS = 2


def run(processes: int, metrics_port: int | None = None) -> int:
    """Run ``processes`` worker processes until stopped (SIGINT / SIGTERM finish the tasks in hand first).
    ``metrics_port``: serve the processes' metrics (verdicts, reading problems) there, in Prometheus format; the
    caller has set ``PROMETHEUS_MULTIPROC_DIR`` before anything imported prometheus-client."""
    from taskiq.acks import AcknowledgeType
    from taskiq.cli.worker.args import WorkerArgs
    from taskiq.cli.worker.run import run_worker

    configure(os.environ.get("TADQIQ_LOG_LEVEL", "info"))
    if metrics_port:
        from prometheus_client import CollectorRegistry, multiprocess, start_http_server

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        start_http_server(metrics_port, registry=registry)
    # Acknowledged once the chunk's lines are committed (the task returned), never on receipt. Two chunks at a
    # time per process, taking turns a line at a time (and a third prefetched): while one awaits its commit the
    # other is checked. With one at a time a worker sat idle through every commit — 8 % of its wall time, against
    # 1–4 % with two (bench/README.md); a commit waits at most a line's check for its turn.
    args = WorkerArgs(broker="service.worker:broker", modules=[], workers=processes, configure_logging=False,
                      max_async_tasks=TASKS, ack_type=AcknowledgeType.WHEN_EXECUTED, shutdown_timeout=30)
    return run_worker(args) or 0
