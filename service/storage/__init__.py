"""Stored reports and their reviews: SQLAlchemy 2 async, SQLite (aiosqlite) by default, PostgreSQL (asyncpg) when
``TADQIQ_DATABASE_URL`` says so; the same code for both.

Durability: a report is committed before ``POST /v1/checks`` answers, so an acknowledged report survives a crash
of the server. Reports that arrive together share a commit (``_GroupCommit``), so concurrent checks do not queue
for one fsync each; on PostgreSQL a group is one statement on a connection of its own in autocommit mode: one round
trip, itself the transaction (its commit flushed as ``synchronous_commit`` says, as any other). SQLite runs in WAL
mode with ``synchronous=FULL`` (each commit is on disk, not only in the OS's cache), through one connection (SQLite
has one writer; one connection avoids busy errors between our own connections). Several processes can share a
PostgreSQL database: migrations take an advisory lock, a review locks its report's row, and nothing is cached in a
process.

Every query names the newsroom: a report of another newsroom is not found, exactly like one that does not exist.
Ids are 128 random bits (``secrets.token_urlsafe(16)``), so they cannot be guessed.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import fcntl
import functools
import importlib
import importlib.util
import logging
import re
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from sqlalchemy import (Column, MetaData, PrimaryKeyConstraint, String, Table, and_, delete, event, func, insert,
                        inspect, or_, select, text, update)
from sqlalchemy.engine import Connection

from rules.model import CheckRequest, Report
from service.review import Review, ReviewRequest, current, tally
from service.storage.tables import metadata, reports, reviews, revoked_keys, sessions

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine


def _async_engines():  # type: ignore[no-untyped-def]
    """SQLAlchemy's ``sqlalchemy.ext.asyncio.engine`` without its package's ``__init__``, which also imports the
    asyncio ORM session and with it ``sqlalchemy.orm``, used nowhere here: 0.05–0.09 s of every server's start
    (bench/README.md, cold start). The package's module is made from its spec but not run, only while its
    ``engine`` (and what that imports: ``base``, ``result``, ``exc``) is imported; code that later imports
    ``sqlalchemy.ext.asyncio`` itself runs it as usual, and it finds those modules imported."""
    name = "sqlalchemy.ext.asyncio"
    if name in sys.modules:
        return importlib.import_module(f"{name}.engine")
    spec = importlib.util.find_spec(name)
    assert spec is not None
    sys.modules[name] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module(f"{name}.engine")
    finally:
        del sys.modules[name]


create_async_engine = _async_engines().create_async_engine

__all__ = ["BadCursor", "Page", "Stored", "Store", "Summary", "report_row"]

_MIGRATIONS = Path(__file__).with_name("migrations")
_ENCODE = msgspec.json.Encoder()
_REQUEST = msgspec.json.Decoder(CheckRequest)
_INSERT_REPORT = insert(reports)


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Summary:
    id: str
    created: dt.datetime
    created_by: str
    language: str
    title: str | None
    claims: int
    verdicts: int
    consistent: int
    inconsistent: int
    unverifiable: int
    reviewed: int
    doubtful: int = 0


@dataclass(frozen=True)
class Stored:
    summary: Summary
    request: CheckRequest
    report: Report
    reviews: list[Review]


@dataclass(frozen=True)
class Page:
    items: list[Summary]
    next: str | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _utc(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)


_SUMMARY = [reports.c.id, reports.c.created, reports.c.created_by, reports.c.language, reports.c.title,
            reports.c.claims, reports.c.verdicts, reports.c.consistent, reports.c.inconsistent,
            reports.c.unverifiable, reports.c.reviewed, reports.c.doubtful]


def _summary(row) -> Summary:
    m = row._mapping
    return Summary(**{c.name: m[c.name] for c in _SUMMARY} | {"created": _utc(m["created"])})


def _review(row) -> Review:
    m = row._mapping
    return Review(verdict=m["verdict"], decision=m["decision"], status=m["status"], note=m["note"],
                  reviewer=m["reviewer"], role=m["role"], at=_utc(m["at"]))


def report_row(report_id: str, newsroom: str, by: str, request: CheckRequest, report: Report,
               encoded: bytes | None = None, created: dt.datetime | None = None) -> dict:
    """The ``reports`` row of a new report (its counts as made: nothing reviewed yet)."""
    states = tally(current(report, []))
    return {"id": report_id, "newsroom": newsroom, "created": created or _now(), "created_by": by,
            "language": report.document.language, "title": report.document.title, "claims": len(report.claims),
            "verdicts": states.verdicts, "consistent": states.consistent, "inconsistent": states.inconsistent,
            "unverifiable": states.unverifiable, "doubtful": states.doubtful, "reviewed": 0,
            "request": _ENCODE.encode(request),
            "report": encoded if encoded is not None else _ENCODE.encode(report)}


class Store:
    def __init__(self, url: str, schema: str | None = None):
        self.url = url
        self.schema = schema
        self.postgres = url.startswith("postgresql")
        self.engine: AsyncEngine | None = None
        self._opening = asyncio.Lock()
        self.writer: AsyncEngine | None = None  # PostgreSQL: the group commit's connection (``open``)
        self._group: _GroupCommit | None = None
        self.pool = None  # service.pool.Pool, set by the app

    @classmethod
    def from_settings(cls, settings) -> Store:
        if settings.database_url:
            return cls(settings.database_url, settings.database_schema)
        return cls(f"sqlite+aiosqlite:///{Path(settings.data_dir).resolve() / 'tadqiq.db'}")

    async def off(self, fn, *args):  # type: ignore[no-untyped-def]
        """``fn(*args)`` in the app's worker pool when it has given one (decoding a large report is CPU work)."""
        return await self.pool.run(fn, *args) if self.pool is not None else fn(*args)

    async def ready(self) -> AsyncEngine:
        """The engine, opened (and migrated) on first use if the app's start-up has not opened it."""
        if self.engine is None:
            async with self._opening:
                if self.engine is None:
                    await self.open()
        assert self.engine is not None
        return self.engine

    async def open(self) -> None:
        if self.url.startswith("sqlite") and ":///" in self.url:
            Path(self.url.split(":///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
        if self.postgres:
            args = {"server_settings": {"search_path": self.schema}} if self.schema else {}
            self.engine = create_async_engine(self.url, pool_size=5, max_overflow=5, pool_pre_ping=True,
                                              connect_args=args)
            # The group commit's own: a group of reports is one INSERT, which in autocommit mode is its own
            # transaction, committed before its answer; with the engine above it was seven round trips (the pool's
            # ping, BEGIN and ROLLBACK; BEGIN, SET LOCAL, INSERT, COMMIT), 1.5 ms of a server's CPU and 0.5 ms of
            # PostgreSQL's a group, more than the rest of storing a report (bench/README.md). No ping: a group that
            # fails on a connection PostgreSQL closed is tried again one report at a time, on a new connection
            # (SQLAlchemy discards a connection that failed so). Groups are written one after another: one
            # connection, a second while the first is being replaced.
            self.writer = create_async_engine(self.url, pool_size=1, max_overflow=1, isolation_level="AUTOCOMMIT",
                                              connect_args=args)
            for made in (self.engine, self.writer):
                event.listen(made.sync_engine, "connect", _postgres_session)
        else:
            self.engine = create_async_engine(self.url, pool_size=1, max_overflow=0, pool_timeout=60,
                                              connect_args={"timeout": 30})
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        engine = self.engine
        try:
            await self._migrate(engine)
        except BaseException:
            self.engine = None
            await engine.dispose()
            if self.writer is not None:
                await self.writer.dispose()
                self.writer = None
            raise

    async def _migrate(self, engine: AsyncEngine) -> None:
        with self._file_lock():
            async with engine.begin() as conn:
                if self.postgres:
                    await conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('tadqiq:migrate'))"))
                    if self.schema:
                        await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
                await conn.run_sync(_migrate)

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """On a SQLite file, migrations of processes that start together take turns (as the advisory lock orders
        them on PostgreSQL): SQLite runs DDL outside a transaction, so two would both create the tables."""
        if self.postgres or ":///" not in self.url or self.url.endswith(":memory:"):
            yield
            return
        with open(self.url.split(":///", 1)[1] + ".migrate-lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # start-up only; held while this process migrates
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    async def close(self) -> None:
        if self._group is not None:
            group, self._group = self._group, None
            await group.close()
        if self.engine is not None:
            await self.engine.dispose()
            self.engine = None
        if self.writer is not None:
            await self.writer.dispose()
            self.writer = None

    # -- writing ---------------------------------------------------------------------------------------------
    async def add(self, newsroom: str, by: str, checked) -> Summary:  # type: ignore[no-untyped-def]
        """Store a check done (``service.work.Checked``: the request and report as JSON, and what the list shows of
        it); returns once it is committed (with the other reports that arrived meanwhile: ``_GroupCommit``)."""
        engine = await self.ready()
        statuses = checked.statuses
        summary = Summary(id=secrets.token_urlsafe(16), created=_now(), created_by=by, language=checked.language,
                          title=checked.title, claims=checked.claims, verdicts=sum(statuses.values()),
                          consistent=statuses.get("consistent", 0), inconsistent=statuses.get("inconsistent", 0),
                          unverifiable=statuses.get("unverifiable", 0), reviewed=0,
                          doubtful=statuses.get("doubtful", 0))
        row = {c.name: getattr(summary, c.name) for c in _SUMMARY} | {
            "newsroom": newsroom, "request": checked.request, "report": checked.report}
        loop = asyncio.get_running_loop()
        if self._group is None or self._group.loop is not loop:
            self._group = _GroupCommit(_Writer(self.writer) if self.writer is not None else engine, loop)
        await self._group.add(row)
        return Summary(**{**summary.__dict__, "created": _utc(summary.created)})

    async def review(self, newsroom: str, report_id: str, decision: ReviewRequest, reviewer: str,
                     role: str, check) -> Review | None:
        """Append a decision and update the report's counts, in one transaction with the report's row locked.
        ``check(report, decision)`` may refuse (raise) before anything is written. None: no such report."""
        async with (await self.ready()).begin() as conn:
            row = (await conn.execute(select(reports.c.report).where(
                reports.c.id == report_id, reports.c.newsroom == newsroom).with_for_update())).first()
            if row is None:
                return None
            report = _reports().decode(row.report)
            check(report, decision)
            at = _now()
            await conn.execute(insert(reviews).values(
                report_id=report_id, verdict=decision.verdict, decision=decision.decision, status=decision.status,
                note=decision.note, reviewer=reviewer, role=role, at=at))
            trail = [_review(r) for r in await conn.execute(
                select(reviews).where(reviews.c.report_id == report_id).order_by(reviews.c.seq))]
            t = tally(current(report, trail))
            await conn.execute(update(reports).where(reports.c.id == report_id).values(
                consistent=t.consistent, inconsistent=t.inconsistent, unverifiable=t.unverifiable,
                doubtful=t.doubtful, reviewed=t.reviewed))
        return trail[-1]

    # -- reading ---------------------------------------------------------------------------------------------
    async def get(self, newsroom: str, report_id: str) -> Stored | None:
        async with (await self.ready()).connect() as conn:
            row = (await conn.execute(select(*_SUMMARY, reports.c.request, reports.c.report).where(
                reports.c.id == report_id, reports.c.newsroom == newsroom))).first()
            if row is None:
                return None
            trail = [_review(r) for r in await conn.execute(
                select(reviews).where(reviews.c.report_id == report_id).order_by(reviews.c.seq))]
        return await self.off(_stored, _summary(row), row.request, row.report, trail)

    async def page(self, newsroom: str, *, status: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None, limit: int = 20, cursor: str | None = None) -> Page:
        """Newest first, ``limit`` at a time. ``next`` is the last item's id: passed back as ``cursor`` it continues
        after that report (keyset pagination: stable while reports are added)."""
        engine = await self.ready()
        where = [reports.c.newsroom == newsroom]
        if status:
            where.append(reports.c[status] > 0)
        if since:
            where.append(reports.c.created >= dt.datetime.combine(since, dt.time()))
        if until:
            where.append(reports.c.created < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
        query = (select(*_SUMMARY).where(*where).order_by(reports.c.created.desc(), reports.c.id.desc())
                 .limit(limit + 1))
        async with engine.connect() as conn:
            if cursor:
                when = (await conn.execute(select(reports.c.created).where(
                    reports.c.id == cursor, reports.c.newsroom == newsroom))).scalar_one_or_none()
                if when is None:
                    raise BadCursor("'cursor' names no report of this newsroom")
                query = query.where(or_(reports.c.created < when,
                                        and_(reports.c.created == when, reports.c.id < cursor)))
            items = [_summary(r) for r in await conn.execute(query)]
        more = len(items) > limit
        items = items[:limit]
        return Page(items=items, next=items[-1].id if more else None)

    async def count(self, newsroom: str) -> int:
        async with (await self.ready()).connect() as conn:
            return (await conn.execute(select(func.count()).select_from(reports).where(
                reports.c.newsroom == newsroom))).scalar_one()


    # -- sessions and revoked keys -------------------------------------------------------------------------
    async def open_session(self, session_id: str, key_digest: str, hours: int) -> None:
        """Keep a session: ``session_id`` is the SHA-256 of the cookie (the cookie itself is never stored)."""
        now = _now()
        async with (await self.ready()).begin() as conn:
            await conn.execute(delete(sessions).where(sessions.c.expires < now))  # forget the expired ones
            await conn.execute(insert(sessions).values(id=session_id, key_digest=key_digest, created=now,
                                                       expires=now + dt.timedelta(hours=hours)))

    async def session(self, session_id: str) -> str | None:
        """The key digest of a live session (not expired, its key not revoked), or None."""
        async with (await self.ready()).connect() as conn:
            return (await conn.execute(select(sessions.c.key_digest).where(
                sessions.c.id == session_id, sessions.c.expires > _now(),
                ~select(revoked_keys.c.digest).where(revoked_keys.c.digest == sessions.c.key_digest).exists(),
            ))).scalar_one_or_none()

    async def close_session(self, session_id: str) -> None:
        async with (await self.ready()).begin() as conn:
            await conn.execute(delete(sessions).where(sessions.c.id == session_id))

    async def revoke(self, digests: list[str], key_id: str) -> int:
        """Revoke keys by digest, ending their sessions; returns how many were newly revoked."""
        async with (await self.ready()).begin() as conn:
            known = set((await conn.execute(select(revoked_keys.c.digest).where(
                revoked_keys.c.digest.in_(digests)))).scalars())
            new = [d for d in digests if d not in known]
            if new:
                await conn.execute(insert(revoked_keys), [{"digest": d, "key_id": key_id, "at": _now()} for d in new])
            await conn.execute(delete(sessions).where(sessions.c.key_digest.in_(digests)))
        return len(new)

    async def revoked(self, key_digest: str | None = None) -> set[str]:
        """The revoked digests (only ``key_digest``'s, if given)."""
        query = select(revoked_keys.c.digest)
        if key_digest is not None:
            query = query.where(revoked_keys.c.digest == key_digest)
        async with (await self.ready()).connect() as conn:
            return set((await conn.execute(query)).scalars())


@functools.cache
def _reports() -> msgspec.json.Decoder:
    """The decoder of stored reports, made when one is first read (13 ms of a server's start otherwise)."""
    return msgspec.json.Decoder(Report)


def _stored(summary: Summary, request: bytes, report: bytes, trail: list[Review]) -> Stored:
    return Stored(summary=summary, request=_REQUEST.decode(request), report=_reports().decode(report), reviews=trail)


class _GroupCommit:
    """Group commit: the reports that arrive while one transaction commits are inserted together by the next, so
    concurrent checks share a commit (one fsync) instead of queueing for one each; each caller still returns only
    once its report is committed. Alone, a report is committed at once: nothing waits for company.

    A group that fails is retried one report at a time, so that each caller gets its own answer."""

    MAX = 200

    def __init__(self, engine: AsyncEngine | _Writer, loop: asyncio.AbstractEventLoop):
        self.engine = engine
        self.loop = loop
        self.pending: list[tuple[dict, asyncio.Future]] = []
        self.draining = False

    async def add(self, row: dict) -> None:
        done = self.loop.create_future()
        self.pending.append((row, done))
        if not self.draining:
            self.draining = True
            self.loop.create_task(self._drain())
        await done

    async def _drain(self) -> None:
        try:
            while self.pending:
                group, self.pending = self.pending[:self.MAX], self.pending[self.MAX:]
                try:
                    await self._insert([row for row, _ in group])
                except Exception:  # noqa: BLE001 - each caller gets its own answer below
                    for row, done in group:
                        try:
                            await self._insert([row])
                        except Exception as exc:  # noqa: BLE001
                            _settle(done, exc)
                        else:
                            _settle(done, None)
                else:
                    for _, done in group:
                        _settle(done, None)
        finally:
            self.draining = False

    async def _insert(self, rows: list[dict]) -> None:
        if isinstance(self.engine, _Writer):
            await self.engine.insert(rows)
            return
        async with self.engine.begin() as conn:  # SQLite: one transaction, one connection
            await conn.execute(_INSERT_REPORT, rows)

    async def close(self) -> None:
        if isinstance(self.engine, _Writer) and self.loop is asyncio.get_running_loop():
            await self.engine.close()


class _Writer:
    """PostgreSQL: the group commit's own connection, held, and a group of reports written as one statement through
    asyncpg itself: ``INSERT ... SELECT * FROM unnest($1, $2, ...)``, one array a column, prepared once, so any
    number of reports is one Bind and Execute, one round trip, and in autocommit mode its own transaction (all or
    nothing, committed — flushed as ``synchronous_commit`` says — before ``insert`` returns).

    Through SQLAlchemy's async layer (a pool checkout, the statement's parameters processed per row, every call
    carried by a greenlet, asyncpg's executemany) a report stored alone cost the server 0.40–0.52 ms of CPU and one
    of eight stored together 0.09–0.14 ms; this way 0.22–0.30 and 0.06–0.08 (bench/README.md, 2026-12-03);
    PostgreSQL's own CPU is the same either way. Any failure drops the connection (PostgreSQL may have closed it):
    the next insert opens another through the same engine (its ``connect_args`` and session settings)."""

    def __init__(self, engine: AsyncEngine):
        self.engine = engine
        self.held = None  # sqlalchemy's AsyncConnection, checked out for as long as it works
        self.raw = None  # its asyncpg connection

    async def insert(self, rows: list[dict]) -> None:
        if self.held is None:
            self.held = await self.engine.connect()
        held = self.held
        try:
            if self.raw is None:
                self.raw = (await held.get_raw_connection()).driver_connection
            await self.raw.execute(_UNNEST, *[[row[name] for row in rows] for name in _COLUMNS])
        except BaseException:
            self.held = self.raw = None
            with contextlib.suppress(Exception):
                await held.invalidate()
                await held.close()
            raise

    async def close(self) -> None:
        if self.held is not None:
            held, self.held, self.raw = self.held, None, None
            await held.close()


#: the columns of a new report's row, and their types in PostgreSQL's arrays (the row is ``Store.add``'s)
_ARRAYS = {"id": "varchar", "newsroom": "varchar", "created": "timestamp", "created_by": "varchar",
           "language": "varchar", "title": "varchar", "claims": "int4", "verdicts": "int4", "consistent": "int4",
           "inconsistent": "int4", "unverifiable": "int4", "reviewed": "int4", "doubtful": "int4",
           "request": "bytea", "report": "bytea"}
_COLUMNS = tuple(_ARRAYS)
_UNNEST = (f"INSERT INTO reports ({', '.join(_COLUMNS)}) SELECT * FROM unnest("
           + ", ".join(f"${n}::{kind}[]" for n, kind in enumerate(_ARRAYS.values(), 1)) + ")")


def _settle(done: asyncio.Future, error: BaseException | None) -> None:
    if not done.done():
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)


def dialect_insert(store: Store, table):
    """The database's own INSERT (with ``on_conflict_do_nothing``), imported when first used: a server on SQLite never
    imports PostgreSQL's (20 ms of its start)."""
    if store.postgres:
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)



#: LZ4 rather than PostgreSQL's default, pglz, for what is TOASTed (a report's request and report, some 24 KB of JSON
#: together), where the server was built with it (14 and later): pglz cost more CPU a stored report than a third of
#: the check itself (bench/README.md: 0.37–0.43 → 0.10 ms a batch line). Rows read back the same (PostgreSQL
#: decompresses either). Set once per connection, not per transaction (a round trip each).
_LZ4 = ("SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings "
        "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")


def _postgres_session(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(_LZ4)
    cursor.close()
    dbapi_connection.commit()  # outside autocommit the SELECT began a transaction, whose rollback would undo it


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _migrate(connection: Connection) -> None:
    """Bring the database to the newest migration. Alembic is imported only when there is one to run: a process
    starting on a database already at the head (every server process after ``tadqiq serve``'s supervisor has
    migrated, every restart) saves a sixth of its start and the memory of alembic, mako and pygments. A new
    database (none of the tables, no ``alembic_version``) is created from ``tables.metadata`` in one step and
    stamped at the head, as the migrations would leave it (``tests/test_storage.py`` and ``tests/test_postgres.py``
    compare the two schemas): 0.11 s of a first start's CPU was alembic importing and running the chain."""
    head = _head()
    found = set(inspect(connection).get_table_names())
    if head is not None and "alembic_version" in found and \
            connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]:
        return
    if head is not None and _new(found):
        metadata.create_all(connection)
        _ALEMBIC_VERSION.create(connection)
        connection.execute(insert(_ALEMBIC_VERSION).values(version_num=head))
        return
    from alembic import command
    from alembic.config import Config

    logging.getLogger("alembic").setLevel(logging.WARNING)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")



def _new(tables: set[str]) -> bool:
    """Whether a database with these tables is new: none of tadqiq's, and alembic has not been there."""
    return not tables & (set(metadata.tables) | {"alembic_version"})


#: alembic's own table, as ``alembic upgrade`` makes it (a new database is stamped at the head in it)
_ALEMBIC_VERSION = Table("alembic_version", MetaData(),
                         Column("version_num", String(32), nullable=False),
                         PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))

_REVISION = re.compile(r'^(down_revision|revision) = "([^"]+)"', re.M)


def _head() -> str | None:
    """The newest migration's revision, read from the migration files as alembic reads them (the one revision no
    other revises); None when that is not a single one (alembic then decides)."""
    revisions, revised = set(), set()
    for path in (_MIGRATIONS / "versions").glob("*.py"):
        for field, value in _REVISION.findall(path.read_text("utf-8")):
            (revisions if field == "revision" else revised).add(value)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None
