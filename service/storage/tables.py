"""The tables, for queries (the migrations in ``migrations/versions`` create them; a new database is created from
these, so they must say what the migrations make, column order included: ``tests/test_storage.py`` compares).

``reports`` holds one row per stored check: the request and the engine's report as msgspec JSON, who sent it, and
the verdict counts *as currently reviewed* (a cache of ``reviews``, updated in the same transaction as each
review, so lists can filter by status without reading every report). ``reviews`` is the audit trail: one row per
decision, appended, never updated or deleted. ``sessions`` holds the browser sessions (the SHA-256 of the opaque
cookie, the digest of the key signed in with, when it ends); ``revoked_keys`` the digests of revoked keys, read on
every request by every instance. Times are naive UTC (the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint)

__all__ = ["batch_lines", "batches", "metadata", "reference_entries", "reference_libraries", "reports", "reviews",
           "revoked_keys", "sessions"]

metadata = MetaData()

reports = Table(
    "reports", metadata,
    Column("id", String(32), primary_key=True),
    Column("newsroom", String(64), nullable=False),
    Column("created", DateTime(timezone=False), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("language", String(35), nullable=False),
    Column("title", String(300)),
    Column("claims", Integer, nullable=False),
    Column("verdicts", Integer, nullable=False),
    Column("consistent", Integer, nullable=False),
    Column("inconsistent", Integer, nullable=False),
    Column("unverifiable", Integer, nullable=False),
    Column("reviewed", Integer, nullable=False),
    Column("request", LargeBinary, nullable=False),
    Column("report", LargeBinary, nullable=False),
    Column("doubtful", Integer, nullable=False, server_default="0"),  # last, where migration 0002 adds it
    Index("reports_by_newsroom", "newsroom", "created", "id"),
)

reviews = Table(
    "reviews", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("report_id", String(32), ForeignKey("reports.id"), nullable=False),
    Column("verdict", Integer, nullable=False),
    Column("decision", String(16), nullable=False),
    Column("status", String(16)),
    Column("note", Text, nullable=False),
    Column("reviewer", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("at", DateTime(timezone=False), nullable=False),
    Index("reviews_by_report", "report_id", "seq"),
)

#: A batch of checks run by workers off the task queue (``service/batches.py``): one row per batch, its counts kept
#: in the same transaction as the lines they count, so a line that runs twice is counted once.
batches = Table(
    "batches", metadata,
    Column("id", String(32), primary_key=True),
    Column("newsroom", String(64), nullable=False),
    Column("created", DateTime(timezone=False), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("kind", String(16), nullable=False),      # lines (NDJSON check requests) | reports (stored ids re-checked)
    Column("state", String(16), nullable=False),     # receiving | queued | cancelled
    Column("total", Integer, nullable=False),
    Column("done", Integer, nullable=False),
    Column("failed", Integer, nullable=False),
    Column("updated", DateTime(timezone=False)),     # the last line finished
    Index("batches_by_newsroom", "newsroom", "created", "id"),
)

#: One row per finished line of a batch: its report, or the problem that stopped it (RFC 9457 JSON).
batch_lines = Table(
    "batch_lines", metadata,
    Column("batch_id", String(32), ForeignKey("batches.id"), primary_key=True),
    Column("line", Integer, primary_key=True, autoincrement=False),
    Column("report_id", String(32)),
    Column("problem", LargeBinary),
)

# -- the reference library (service/storage/references.py) -------------------------------------------------------
#: one row per version of a reference, appended, its content never changed: ``current`` marks the version in force
#: (cleared when a newer one supersedes it or it is deleted); a deletion is a row of its own (``deleted``). ``change``
#: is the newsroom's library version that wrote it (``reference_libraries``), so an instance reads only what changed.
reference_entries = Table(
    "reference_entries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("newsroom", String(64), nullable=False),
    Column("ref_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("change", Integer, nullable=False),
    Column("current", Boolean, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("entry", LargeBinary, nullable=False),
    Column("created", DateTime(timezone=False), nullable=False),
    Column("created_by", String(64), nullable=False),
    UniqueConstraint("newsroom", "ref_id", "version", name="reference_entries_version"),
    Index("reference_entries_current", "newsroom", "current", "ref_id"),
    Index("reference_entries_changes", "newsroom", "change"),
)

#: per newsroom, the library's version: raised by every write in the write's transaction (which also locks the row,
#: so writes to one library commit in order); an instance compares it with the version it holds before each check.
reference_libraries = Table(
    "reference_libraries", metadata,
    Column("newsroom", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
)


sessions = Table(
    "sessions", metadata,
    Column("id", String(64), primary_key=True),
    Column("key_digest", String(64), nullable=False),
    Column("created", DateTime(timezone=False), nullable=False),
    Column("expires", DateTime(timezone=False), nullable=False),
    Index("sessions_by_key", "key_digest"),
)

revoked_keys = Table(
    "revoked_keys", metadata,
    Column("digest", String(64), primary_key=True),
    Column("key_id", String(64), nullable=False),
    Column("at", DateTime(timezone=False), nullable=False),
)
