"""Batches over HTTP: ``POST /v1/batches`` (NDJSON check requests, or stored report ids to check again), its
progress (``GET``, and server-sent events), cancel (``DELETE``). Workers (``tadqiq worker``) do the checking off the
task queue (``service.queue``); results and counts are in the database (``service.storage.batches``).

Batches belong to a newsroom as reports do: another newsroom's batch is not found. A line that is not JSON, not a
valid request, or names a report the newsroom does not have is recorded as failed with its line number and its
problem (RFC 9457), and the rest go on. A batch over its limits (``TADQIQ_BATCH_MAX_LINES``,
``TADQIQ_BATCH_MAX_BYTES``) is a 413 before anything is queued: the body is spooled to a temporary file as it
arrives and counted, and its chunks are queued only once it is all in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import tempfile
from collections.abc import AsyncIterator
from typing import IO, Annotated, Any, Literal

import anyio
import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.openapi.spec.enums import OpenAPIType
from litestar.openapi.spec import OpenAPIMediaType, Schema
from litestar.params import PathParameter, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from msgspec import Meta, Struct

from service.auth import authorize
from service.body import body, decode
from service.problems import ProblemDetails, ProblemError, details
from service.queue import connect, enqueue
from service.reports import AUTH, SECURITY
from service.routes import BAD
from service.routes import problem as problem_spec
from service.storage.batches import Batch, Line, cancel, create, find, lines, queued

__all__ = ["BatchesController"]

NDJSON = ("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines")
State = Literal["receiving", "queued", "running", "done", "cancelled"]
MISSING = {404: problem_spec("No such batch in this key's newsroom.")}
_PROBLEM = msgspec.json.Decoder(ProblemDetails)
_ENCODE = msgspec.json.Encoder()


class Recheck(Struct, frozen=True, forbid_unknown_fields=True):
    """Stored reports of the newsroom to check again (each with the request it was made from), one line each."""

    reports: Annotated[list[Annotated[str, Meta(min_length=1, max_length=64, description="A stored report's id.")]],
                       Meta(min_length=1, description="The reports to check again, by id.")]


RECHECK = body("/v1/batches", "post", Recheck, {"application/x-ndjson": OpenAPIMediaType(schema=Schema(
    type=OpenAPIType.STRING, description="One check request (the body of `POST /v1/checks`) per line."))})


class BatchCounts(Struct, frozen=True, kw_only=True):
    """A batch's lines by state."""

    total: Annotated[int, Meta(description="Lines in the batch.")]
    queued: Annotated[int, Meta(description="Lines not yet checked.")]
    done: Annotated[int, Meta(description="Lines checked (their reports stored).")]
    failed: Annotated[int, Meta(description="Lines that could not be checked (each has its problem).")]


class BatchLine(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A finished line (numbered from 1 as in the file; for a re-check, the id's place in the list): its report,
    or the problem that stopped it."""

    line: Annotated[int, Meta(description="The line's number, from 1.")]
    report: Annotated[str | None, Meta(description="The stored report's id, when the line was checked.")] = None
    href: Annotated[str | None, Meta(description="Where the report is: `/v1/checks/{id}`.")] = None
    problem: Annotated[ProblemDetails | None, Meta(description="Why the line could not be checked.")] = None


class BatchStatus(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A batch: its state, counts, rate (lines a second since it was queued) and estimated seconds left, and a page
    of its finished lines (``after`` / ``next``)."""

    id: Annotated[str, Meta(description="The batch's id.")]
    state: Annotated[State, Meta(description="`receiving`, `queued`, `running`, `done` or `cancelled`.")]
    kind: Annotated[Literal["lines", "reports"], Meta(description=(
        "`lines` (NDJSON check requests) or `reports` (stored reports checked again)."))]
    created: Annotated[dt.datetime, Meta(description="When it was submitted.")]
    created_by: Annotated[str, Meta(description="The key that submitted it.")]
    counts: Annotated[BatchCounts, Meta(description="Its lines by state.")]
    rate: Annotated[float | None, Meta(description="Lines checked a second since it was queued.")] = None
    eta_seconds: Annotated[float | None, Meta(description="Seconds it is expected to need yet.")] = None
    lines: Annotated[list[BatchLine], Meta(description="A page of finished lines.")] = []
    next: Annotated[int | None, Meta(description=(
        "Pass as `after` for the next page of lines; absent on the last."))] = None
    events: Annotated[str, Meta(description="Where its progress streams as server-sent events.")]
    href: Annotated[str, Meta(description="Where it is: `/v1/batches/{id}`.")]


def _state(b: Batch) -> State:
    if b.state == "cancelled":
        return "cancelled"
    if b.done + b.failed >= b.total and b.state == "queued":
        return "done"
    if b.state == "receiving":
        return "receiving"
    return "running" if b.done + b.failed else "queued"


def status(b: Batch, page: list[tuple[int, str | None, bytes | None]] | None = None, limit: int = 0) -> BatchStatus:
    finished = b.done + b.failed
    state = _state(b)
    end = b.updated if state in ("done", "cancelled") and b.updated else dt.datetime.now(dt.UTC)
    elapsed = (end - b.created).total_seconds()
    rate = finished / elapsed if finished and elapsed > 0 else None
    left = b.total - finished
    eta = left / rate if rate and state in ("queued", "running") else None
    shown = [BatchLine(line=n, report=r, href=f"/v1/checks/{r}" if r else None,
                       problem=_PROBLEM.decode(p) if p else None) for n, r, p in page or []]
    base = f"/v1/batches/{b.id}"
    return BatchStatus(id=b.id, state=state, kind=b.kind, created=b.created, created_by=b.created_by,  # type: ignore[arg-type]
                       counts=BatchCounts(total=b.total, queued=left if state != "cancelled" else 0, done=b.done,
                                     failed=b.failed),
                       rate=round(rate, 3) if rate else None, eta_seconds=round(eta, 1) if eta is not None else None,
                       lines=shown, next=shown[-1].line if limit and len(shown) == limit else None,
                       events=f"{base}/events", href=base)


def _failed(n: int, status_code: int, title: str, detail: str) -> Line:
    return Line(n, problem=_ENCODE.encode(details(status_code, title, detail)))


async def _spool(request: Request[Any, Any, Any], max_bytes: int, max_lines: int) -> IO[bytes]:
    """The body, written to a temporary file as it arrives; 413 as soon as it is over a limit."""
    if (request.content_length or 0) > max_bytes:
        raise ProblemError(413, "The batch is too large", f"at most {max_bytes} bytes (TADQIQ_BATCH_MAX_BYTES)")
    spool = tempfile.TemporaryFile()
    size = newlines = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            newlines += chunk.count(b"\n")
            if size > max_bytes:
                raise ProblemError(413, "The batch is too large", f"at most {max_bytes} bytes (TADQIQ_BATCH_MAX_BYTES)")
            if newlines > max_lines:
                raise ProblemError(413, "The batch has too many lines", f"at most {max_lines} (TADQIQ_BATCH_MAX_LINES)")
            await anyio.to_thread.run_sync(spool.write, chunk) if len(chunk) > 1 << 20 else spool.write(chunk)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _lines(spool: IO[bytes], max_line: int):
    """(line number, text) for each line that is not blank, or (line number, failed Line) for one that cannot be a
    request at all (not UTF-8, longer than a request may be)."""
    spool.seek(0)
    for n, raw in enumerate(spool, start=1):
        raw = raw.strip()
        if not raw:
            continue
        if len(raw) > max_line:
            yield n, _failed(n, 413, "Request body too large", f"the line is longer than {max_line} bytes")
            continue
        try:
            yield n, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield n, _failed(n, 400, "Malformed request", f"the line is not UTF-8: {exc}")


def _survey(spool: IO[bytes], max_line: int, max_lines: int) -> tuple[int, list[Line]]:
    total, failed = 0, []
    for _, item in _lines(spool, max_line):
        total += 1
        if isinstance(item, Line):
            failed.append(item)
    if total > max_lines:
        raise ProblemError(413, "The batch has too many lines", f"at most {max_lines} (TADQIQ_BATCH_MAX_LINES)")
    return total, failed


BatchId = Annotated[str, PathParameter(max_length=64, description="The batch's id, from `POST /v1/batches`.")]


class BatchesController(Controller):
    path = "/v1/batches"
    tags = ["batches"]
    security = SECURITY

    @post("/", summary="Check many articles through the task queue", status_code=202, request_max_body_size=None,
          responses={**AUTH, **BAD, 503: problem_spec("No task queue is configured, or it cannot be reached.")})
    async def submit(self, request: Request[Any, Any, Any]) -> Response[BatchStatus]:
        """NDJSON (``application/x-ndjson``): one check request per line, as ``POST /v1/checks`` takes it. Or JSON
        ``{"reports": [ids]}``: stored reports of the newsroom, checked again from the requests they were made from.
        Answers 202 with the batch and its ``Location`` once every line is on the queue; workers store a report
        per line (listed in ``GET /v1/batches/{id}``; each is also in ``GET /v1/checks``)."""
        caller = await authorize(request)
        settings = request.app.state.settings
        store = request.app.state.store
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in NDJSON and media not in ("application/json", ""):
            raise ProblemError(415, "Unsupported media type",
                               f"send application/x-ndjson (check requests) or application/json (report ids), "
                               f"not {media}")
        broker = await connect(request.app.state)  # 503 before reading a byte when there is no queue
        chunk = max(1, settings.batch_chunk)
        if media in NDJSON:
            spool = await _spool(request, settings.batch_max_bytes, settings.batch_max_lines)
            try:
                total, failed = await anyio.to_thread.run_sync(_survey, spool, settings.max_body,
                                                               settings.batch_max_lines)
                if not total:  # nothing to check: a batch of no line would sit "done" and tell nobody why
                    raise ProblemError(422, "The batch is empty", "send one check request per line; every line "
                                       "was blank")
                batch = await create(store, caller.newsroom, caller.key, "lines", total, failed)

                async def publish() -> None:
                    items: list[tuple[int, str]] = []
                    pending: set[asyncio.Task] = set()
                    for n, item in _lines(spool, settings.max_body):
                        if isinstance(item, str):
                            items.append((n, item))
                        if len(items) >= chunk:
                            pending = await _send(pending, enqueue(broker, batch.id, caller.newsroom, caller.key,
                                                                   "lines", items))
                            items = []
                    if items:
                        pending = await _send(pending, enqueue(broker, batch.id, caller.newsroom, caller.key,
                                                               "lines", items))
                    await _drain(pending)

                await _all_or_cancel(store, caller.newsroom, batch.id, publish())
            finally:
                spool.close()
        else:
            with await _spool(request, settings.max_body, 1 << 62) as spool:
                ids = decode(spool.read(), RECHECK).reports
            if len(ids) > settings.batch_max_lines:
                raise ProblemError(413, "The batch has too many lines",
                                   f"at most {settings.batch_max_lines} (TADQIQ_BATCH_MAX_LINES)")
            batch = await create(store, caller.newsroom, caller.key, "reports", len(ids), [])

            async def publish_ids() -> None:
                pending: set[asyncio.Task] = set()
                for start in range(0, len(ids), chunk):
                    part = [(start + i + 1, rid) for i, rid in enumerate(ids[start:start + chunk])]
                    pending = await _send(pending, enqueue(broker, batch.id, caller.newsroom, caller.key, "reports",
                                                           part))
                await _drain(pending)

            await _all_or_cancel(store, caller.newsroom, batch.id, publish_ids())
        await queued(store, batch.id)
        made = await find(store, caller.newsroom, batch.id)
        assert made is not None
        return Response(status(made), status_code=202, headers={"Location": f"/v1/batches/{batch.id}"})

    @get("/{batch_id:str}", summary="A batch's state, counts, rate, time left and finished lines",
         responses={**AUTH, **MISSING, 400: BAD[400]})
    async def get_batch(
        self, request: Request[Any, Any, Any], batch_id: BatchId,
        after: Annotated[int, QueryParameter(ge=0, description="Lines after this line number.")] = 0,
        limit: Annotated[int, QueryParameter(ge=0, le=1000, description="At most this many lines.")] = 100,
    ) -> BatchStatus:
        """The batch's state, its counts, its rate and the seconds it is expected to need yet, and a page of its
        finished lines (each its report or its problem) after line ``after``."""
        store = request.app.state.store
        batch = await _load(request, batch_id)
        return status(batch, await lines(store, batch.id, after, limit) if limit else [], limit)

    @get("/{batch_id:str}/events", summary="The batch's progress as server-sent events, until it ends",
         media_type="text/event-stream", responses={**AUTH, **MISSING, 400: BAD[400]})
    async def events(self, request: Request[Any, Any, Any], batch_id: BatchId,
                     every: Annotated[float, QueryParameter(ge=0.2, le=60, description="Seconds between events.")] = 1
                     ) -> ServerSentEvent:
        """A ``progress`` event (the batch without its lines) every ``every`` seconds while the counts move, and a
        last event named after how it ended (``done`` or ``cancelled``)."""
        batch = await _load(request, batch_id)
        store, newsroom = request.app.state.store, batch.newsroom

        async def stream() -> AsyncIterator[ServerSentEventMessage]:
            current: Batch | None = batch
            seq = 0
            while current is not None:
                now = status(current)
                seq += 1
                ending = now.state in ("done", "cancelled")
                yield ServerSentEventMessage(data=_ENCODE.encode(now).decode(), id=seq,
                                             event=now.state if ending else "progress")
                if ending:
                    return
                await asyncio.sleep(every)
                current = await find(store, newsroom, batch_id)

        return ServerSentEvent(stream(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @delete("/{batch_id:str}", summary="Cancel a batch: its lines still queued are skipped", status_code=200,
            responses={**AUTH, **MISSING, 400: BAD[400]})
    async def cancel_batch(self, request: Request[Any, Any, Any], batch_id: BatchId) -> BatchStatus:
        """The lines not yet checked are skipped; those already checked keep their reports."""
        caller = await authorize(request)
        made = await cancel(request.app.state.store, caller.newsroom, batch_id)
        if made is None:
            raise ProblemError(404, "Not found", "No such batch in this key's newsroom.")
        return status(made)


async def _load(request: Request[Any, Any, Any], batch_id: str) -> Batch:
    caller = await authorize(request)
    batch = await find(request.app.state.store, caller.newsroom, batch_id)
    if batch is None:
        raise ProblemError(404, "Not found", "No such batch in this key's newsroom.")
    return batch


async def _all_or_cancel(store, newsroom: str, batch_id: str, publishing) -> None:
    """Every chunk on the queue, or the batch cancelled and a 503: a batch half queued would never finish (the
    chunks already queued are skipped by the workers, as for any cancelled batch)."""
    try:
        await publishing
    except Exception as exc:  # noqa: BLE001 - the broker went away mid-way; nothing about the request was wrong
        logging.getLogger("tadqiq.queue").warning("batch %s: queueing failed (%s); cancelled", batch_id, exc)
        await cancel(store, newsroom, batch_id)
        raise ProblemError(503, "The task queue is unavailable",
                           f"The broker failed while the batch was being queued; batch {batch_id} was cancelled. "
                           "Submit it again.") from None


_WINDOW = 16  # chunks being confirmed by the broker at once


async def _send(pending: set[asyncio.Task], publish) -> set[asyncio.Task]:
    pending.add(asyncio.ensure_future(publish))
    if len(pending) >= _WINDOW:
        finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in finished:
            task.result()
    return pending


async def _drain(pending: set[asyncio.Task]) -> None:
    if pending:
        for result in await asyncio.gather(*pending, return_exceptions=True):
            if isinstance(result, BaseException):
                raise result
