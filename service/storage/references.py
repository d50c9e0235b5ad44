"""The reference library in the database, and each newsroom's library in memory.

Rows (``reference_entries``): every version of every reference, appended; a version's content is never changed.
Superseding a reference adds its next version and clears ``current`` on the one before; deleting adds a row that
says so. Who and when are on every row, so the history of a reference is its rows in order.

Versions (``reference_libraries``): every write raises its newsroom's library version in the write's own
transaction. That update locks the newsroom's row until the write commits, so writes to one library are applied
one after another, in the order of their versions, on SQLite and PostgreSQL alike.

In memory (``Libraries``): each newsroom's library is a ``rules.library.Library`` index, built on first use (in
a worker thread: a large library takes seconds, and the event loop keeps serving) and brought up to date by a
version counter: a primary-key read of the library's version and — only when a write on this instance or another
has raised it — the rows written since (``change`` greater than the version held), never the whole library again.
The version is read at most once per ``refresh`` seconds per newsroom (``TADQIQ_LIBRARY_REFRESH``, default 1; 0
reads it before every check): a write on this instance is used by its very next check, a write on another within
``refresh``. Why not read it before every check: through aiosqlite on a busy machine the read measured several
milliseconds, ten times the seed's whole check (``make bench``), for a freshness a second does not change.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import anyio
import msgspec
from sqlalchemy import func, insert, select, update

from rules.library import Held, Library, LibraryEntry, conflicts
from rules.messages import N_, problem
from rules.model import Problem
from service.storage import dialect_insert
from service.storage.tables import reference_entries as rows
from service.storage.tables import reference_libraries as versions

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

__all__ = ["Libraries", "Missing", "Refused", "Taken", "Version", "Written"]

_ENCODE = msgspec.json.Encoder()
_ENTRY = msgspec.json.Decoder(LibraryEntry)
_CHUNK = 500  # ids per IN (...) list: well under SQLite's and asyncpg's limits on parameters


class Refused(ValueError):
    """The library would be inconsistent, or too large: nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class Taken(ValueError):
    """Creating a reference whose id the library already has."""


class Missing(LookupError):
    """Superseding or deleting a reference the library does not have."""


@dataclass(frozen=True)
class Version:
    """One row: a version of a reference (``entry``), or its deletion."""

    id: str
    version: int
    entry: LibraryEntry | None
    deleted: bool
    current: bool
    created: dt.datetime
    created_by: str


@dataclass(frozen=True)
class Written:
    created: list[str]
    superseded: list[str]
    unchanged: list[str]
    deleted: list[str]
    version: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _utc(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)


def _check(made: list, library: Library, at: dt.datetime, by: str) -> tuple[list[Held], list[Problem]]:
    """The new versions as held, and what the library finds wrong with them (``rules.library.conflicts``)."""
    held = [Held.of(ref_id, version, entry, at, by) for ref_id, version, entry in made]
    return held, conflicts(held, library)


def _apply(library: Library, found: Sequence) -> Library:
    """``library`` with rows written since applied in order: a deletion removes, a version replaces."""
    upserts: dict[str, Held] = {}
    removed: set[str] = set()
    for r in found:
        if r.deleted:
            upserts.pop(r.ref_id, None)
            removed.add(r.ref_id)
        else:
            removed.discard(r.ref_id)
            upserts[r.ref_id] = _held(r)
    return library.changed(upserts.values(), removed)


def _held(row) -> Held:
    m = row._mapping
    return Held.of(m["ref_id"], m["version"], _ENTRY.decode(m["entry"]), _utc(m["created"]), m["created_by"])


_COLUMNS = [rows.c.ref_id, rows.c.version, rows.c.entry, rows.c.deleted, rows.c.created, rows.c.created_by]


class Libraries:
    """Every newsroom's library: read from and written to the database, held in memory for checks."""

    def __init__(self, store, limit: int = 200_000, refresh: float = 1.0):
        self.store = store
        self.limit = limit  # references one newsroom may keep
        self.refresh = refresh  # seconds between two reads of a newsroom's library version
        self._held: dict[str, tuple[int, Library]] = {}
        self._read_at: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def get(self, newsroom: str) -> Library:
        """The newsroom's library as of its latest committed write (as of at most ``refresh`` seconds ago for
        another instance's writes)."""
        have = self._held.get(newsroom)
        if have is not None and time.monotonic() - self._read_at.get(newsroom, -1e9) < self.refresh:
            return have[1]
        engine = await self.store.ready()
        async with engine.connect() as conn:
            version = (await conn.execute(select(versions.c.version).where(
                versions.c.newsroom == newsroom))).scalar_one_or_none() or 0
        self._read_at[newsroom] = time.monotonic()
        have = self._held.get(newsroom)
        if have is not None and have[0] == version:
            return have[1]
        # one reload at a time per newsroom; the lock is taken before a connection, as writes take it (SQLite
        # has one connection: the other order could wait on each other)
        async with self._locks.setdefault(newsroom, asyncio.Lock()):
            have = self._held.get(newsroom)
            if have is not None and have[0] >= version:
                return have[1]
            async with engine.connect() as conn:
                return await self._load(conn, newsroom, version)

    async def _load(self, conn: AsyncConnection, newsroom: str, version: int) -> Library:
        have = self._held.get(newsroom)
        if have is not None and have[0] == version:
            return have[1]
        if have is None or version < have[0]:  # first use (or a database that went back): the current rows
            found = (await conn.execute(select(*_COLUMNS).where(rows.c.newsroom == newsroom, rows.c.current))).all()
            library = await anyio.to_thread.run_sync(lambda: Library.of(_held(r) for r in found))
        else:  # the rows written since the version held, in the order they were written
            found = (await conn.execute(select(*_COLUMNS).where(rows.c.newsroom == newsroom,
                                                                rows.c.change > have[0])
                                        .order_by(rows.c.change, rows.c.seq))).all()
            library = await anyio.to_thread.run_sync(_apply, have[1], found)
        self._keep(newsroom, version, library)
        return library

    def _keep(self, newsroom: str, version: int, library: Library) -> None:
        have = self._held.get(newsroom)
        if have is None or version >= have[0]:
            self._held[newsroom] = (version, library)

    # -- writing ---------------------------------------------------------------------------------------------
    async def write(self, newsroom: str, by: str, entries: Sequence[LibraryEntry] = (),
                    mode: Literal["create", "supersede", "upsert"] = "upsert",
                    delete: Sequence[str] = ()) -> Written:
        """Add, supersede or delete references in one transaction, after the library has checked itself with
        them (``rules.library.conflicts``): ``Refused`` lists the problems and nothing is written. ``create``
        refuses an id the library has (``Taken``); ``supersede`` and ``delete`` one it does not (``Missing``);
        ``upsert`` adds or supersedes, leaving unchanged entries as they are."""
        engine = await self.store.ready()
        async with self._locks.setdefault(newsroom, asyncio.Lock()), engine.begin() as conn:
            version = await self._raise_version(conn, newsroom)
            library = await self._load(conn, newsroom, version - 1)
            ids = [e.claim.id for e in entries] + list(delete)
            last = await self._last_versions(conn, newsroom, ids)
            made: list = []  # (id, version, entry), then the versions as held
            out = Written(created=[], superseded=[], unchanged=[], deleted=[], version=version)
            now = _now()
            for entry in entries:
                ref_id = entry.claim.id
                kept = library.held.get(ref_id)
                if kept is not None and mode == "create":
                    raise Taken(f"the library already has a reference '{ref_id}': supersede it instead")
                if kept is None and mode == "supersede":
                    raise Missing(f"the library has no reference '{ref_id}'")
                if kept is not None and kept.entry == entry:
                    out.unchanged.append(ref_id)
                    continue
                (out.superseded if kept is not None else out.created).append(ref_id)
                made.append((ref_id, last.get(ref_id, 0) + 1, entry))
            for ref_id in delete:
                if ref_id not in library.held:
                    raise Missing(f"the library has no reference '{ref_id}'")
                out.deleted.append(ref_id)
            size = len(library) + len(out.created) - len(out.deleted)
            if size > self.limit:
                raise Refused([problem(None, "library_full", N_(
                    "a newsroom's library keeps at most {most} references; this would make {count}"),
                    most=self.limit, count=size)])
            made, problems = await anyio.to_thread.run_sync(_check, made, library, _utc(now), by)
            if problems:
                raise Refused(problems)
            changed = [h.id for h in made] + out.deleted
            for i in range(0, len(changed), _CHUNK):
                await conn.execute(update(rows).where(rows.c.newsroom == newsroom, rows.c.current,
                                                      rows.c.ref_id.in_(changed[i:i + _CHUNK])).values(current=False))
            new_rows = [dict(newsroom=newsroom, ref_id=h.id, version=h.version, change=version, current=True,
                             deleted=False, kind=type(h.entry.claim).__name__.lower(),
                             entry=_ENCODE.encode(h.entry), created=now, created_by=by) for h in made]
            new_rows += [dict(newsroom=newsroom, ref_id=ref_id, version=last.get(ref_id, 0) + 1, change=version,
                              current=False, deleted=True, kind=type(library.held[ref_id].entry.claim).__name__.lower(),
                              entry=_ENCODE.encode(library.held[ref_id].entry), created=now, created_by=by)
                         for ref_id in delete]
            if new_rows:
                await conn.execute(insert(rows), new_rows)
            after = await anyio.to_thread.run_sync(library.changed, made, delete)
        self._keep(newsroom, version, after)
        self._read_at[newsroom] = time.monotonic()
        return out

    async def _raise_version(self, conn: AsyncConnection, newsroom: str) -> int:
        """Raise the newsroom's library version (locking its row until commit) and return it."""
        await conn.execute(dialect_insert(self.store, versions).values(newsroom=newsroom, version=0)
                           .on_conflict_do_nothing(index_elements=["newsroom"]))
        return (await conn.execute(update(versions).where(versions.c.newsroom == newsroom)
                                   .values(version=versions.c.version + 1)
                                   .returning(versions.c.version))).scalar_one()

    async def _last_versions(self, conn: AsyncConnection, newsroom: str, ids: Sequence[str]) -> dict[str, int]:
        """The last version number of each id, deleted or not (versions go on after a deletion)."""
        out: dict[str, int] = {}
        unique = sorted(set(ids))
        for i in range(0, len(unique), _CHUNK):
            found = await conn.execute(select(rows.c.ref_id, func.max(rows.c.version)).where(
                rows.c.newsroom == newsroom, rows.c.ref_id.in_(unique[i:i + _CHUNK])).group_by(rows.c.ref_id))
            out.update({ref_id: v for ref_id, v in found})
        return out

    # -- reading the history ---------------------------------------------------------------------------------
    async def versions(self, newsroom: str, ref_id: str) -> list[Version]:
        """Every version of a reference, oldest first (empty when the library never had it)."""
        engine = await self.store.ready()
        async with engine.connect() as conn:
            found = await conn.execute(select(*_COLUMNS, rows.c.current).where(
                rows.c.newsroom == newsroom, rows.c.ref_id == ref_id).order_by(rows.c.version))
            return [Version(id=r.ref_id, version=r.version, entry=_ENTRY.decode(r.entry), deleted=r.deleted,
                            current=r.current, created=_utc(r.created), created_by=r.created_by) for r in found]
