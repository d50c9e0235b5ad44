"""Batches in the database: the batch, its counts, and one row per finished line (its report, or its problem).

At-least-once delivery, results once: the queue may run a line twice (a worker killed before it acknowledged its
task), so a line's report id is derived from the batch id and the line number (``line_report_id``), and a chunk's
lines, their reports and the batch's counts are written in one transaction whose inserts ignore rows already there.
The counts grow only by the lines this transaction actually added: a chunk that runs twice stores and counts each
line once. Every query names the newsroom where a caller asks, as for reports.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import and_, func, insert, select, update

from service.storage import Store, _now, _utc, dialect_insert
from service.storage.tables import batch_lines, batches, reports

__all__ = ["Batch", "Line", "Progress", "cancel", "create", "find", "is_cancelled", "line_report_id", "lines",
           "progress", "queued", "record", "requests"]


@dataclass(frozen=True)
class Batch:
    id: str
    newsroom: str
    created: dt.datetime
    created_by: str
    kind: str
    state: str
    total: int
    done: int
    failed: int
    updated: dt.datetime | None


@dataclass(frozen=True)
class Line:
    """A finished line: ``report`` is its ``reports`` row (see ``service.storage.report_row``), or ``problem`` is
    the RFC 9457 JSON of what stopped it."""

    line: int
    report: dict | None = None
    problem: bytes | None = None


@dataclass(frozen=True)
class Progress:
    """Across the batches still running: lines waiting and lines finished (for ``/metrics``)."""

    batches: int
    queued: int
    done: int
    failed: int


def line_report_id(batch_id: str, line: int) -> str:
    """The report id of a batch line: 128 bits of SHA-256 over the batch id (itself 128 random bits) and the line
    number — the same every time the line runs, and as hard to guess as any report id."""
    digest = hashlib.sha256(f"tadqiq-batch:{batch_id}:{line}".encode()).digest()[:16]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _batch(row) -> Batch:
    m = row._mapping
    return Batch(**{c.name: m[c.name] for c in batches.columns} | {
        "created": _utc(m["created"]), "updated": _utc(m["updated"]) if m["updated"] else None})


def _insert(store: Store, table):
    return dialect_insert(store, table).on_conflict_do_nothing()


async def create(store: Store, newsroom: str, by: str, kind: str, total: int, failed: list[Line]) -> Batch:
    """A new batch in state ``receiving`` (its tasks not all queued yet), with the lines that failed before any
    worker saw them (not UTF-8, too long) already recorded."""
    row = {"id": secrets.token_urlsafe(16), "newsroom": newsroom, "created": _now(), "created_by": by, "kind": kind,
           "state": "receiving", "total": total, "done": 0, "failed": len(failed), "updated": None}
    async with (await store.ready()).begin() as conn:
        await conn.execute(insert(batches).values(**row))
        if failed:
            await conn.execute(insert(batch_lines), [{"batch_id": row["id"], "line": f.line, "report_id": None,
                                                      "problem": f.problem} for f in failed])
    return Batch(**row | {"created": _utc(row["created"])})


async def queued(store: Store, batch_id: str) -> None:
    """Every task of the batch is on the queue."""
    async with (await store.ready()).begin() as conn:
        await conn.execute(update(batches).where(batches.c.id == batch_id, batches.c.state == "receiving")
                           .values(state="queued"))


async def find(store: Store, newsroom: str, batch_id: str) -> Batch | None:
    async with (await store.ready()).connect() as conn:
        row = (await conn.execute(select(batches).where(batches.c.id == batch_id,
                                                        batches.c.newsroom == newsroom))).first()
    return _batch(row) if row else None


async def cancel(store: Store, newsroom: str, batch_id: str) -> Batch | None:
    """Stop the batch: workers skip its tasks still on the queue; lines already finished stay."""
    async with (await store.ready()).begin() as conn:
        await conn.execute(update(batches).where(batches.c.id == batch_id, batches.c.newsroom == newsroom,
                                                 batches.c.done + batches.c.failed < batches.c.total)
                           .values(state="cancelled"))
    return await find(store, newsroom, batch_id)


async def is_cancelled(store: Store, batch_id: str) -> bool:
    async with (await store.ready()).connect() as conn:
        state = (await conn.execute(select(batches.c.state).where(batches.c.id == batch_id))).scalar_one_or_none()
    return state in (None, "cancelled")


async def lines(store: Store, batch_id: str, after: int, limit: int) -> list[tuple[int, str | None, bytes | None]]:
    """Finished lines after line ``after``, in order: (line, report id, problem)."""
    async with (await store.ready()).connect() as conn:
        rows = await conn.execute(select(batch_lines.c.line, batch_lines.c.report_id, batch_lines.c.problem)
                                  .where(batch_lines.c.batch_id == batch_id, batch_lines.c.line > after)
                                  .order_by(batch_lines.c.line).limit(limit))
        return [(r.line, r.report_id, r.problem) for r in rows]


async def requests(store: Store, newsroom: str, report_ids: list[str]) -> dict[str, bytes]:
    """The stored requests of these reports of the newsroom (msgspec JSON), by report id."""
    async with (await store.ready()).connect() as conn:
        rows = await conn.execute(select(reports.c.id, reports.c.request).where(
            reports.c.newsroom == newsroom, reports.c.id.in_(report_ids)))
        return {r.id: r.request for r in rows}


async def record(store: Store, batch_id: str, done: list[Line]) -> int:
    """Store a chunk's finished lines and count them, in one transaction; a line already stored (its task ran
    before) is neither stored nor counted again. Returns how many lines were new."""
    if not done:
        return 0
    async with (await store.ready()).begin() as conn:
        added = {r.line for r in await conn.execute(
            _insert(store, batch_lines).returning(batch_lines.c.line),
            [{"batch_id": batch_id, "line": d.line, "report_id": d.report["id"] if d.report else None,
              "problem": d.problem} for d in done])}
        fresh = [d for d in done if d.line in added]
        made = [d.report for d in fresh if d.report]
        if made:
            await conn.execute(_insert(store, reports), made)
        if fresh:
            await conn.execute(update(batches).where(batches.c.id == batch_id).values(
                done=batches.c.done + len(made), failed=batches.c.failed + (len(fresh) - len(made)),
                updated=_now()))
    return len(fresh)


async def progress(store: Store) -> Progress:
    """Lines waiting and finished in the batches not yet finished nor cancelled."""
    open_ = and_(batches.c.state != "cancelled", batches.c.done + batches.c.failed < batches.c.total)
    async with (await store.ready()).connect() as conn:
        row = (await conn.execute(select(func.count(), func.coalesce(func.sum(batches.c.total), 0),
                                         func.coalesce(func.sum(batches.c.done), 0),
                                         func.coalesce(func.sum(batches.c.failed), 0)).where(open_))).one()
    count, total, done, failed = (int(v) for v in row)
    return Progress(batches=count, queued=total - done - failed, done=done, failed=failed)
