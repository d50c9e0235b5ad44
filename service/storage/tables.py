"""The tables, for queries (the migrations in ``migrations/versions`` create them).

``reports`` holds one row per stored check: the request and the engine's report as msgspec JSON, who sent it, and
the verdict counts *as currently reviewed* (a cache of ``reviews``, updated in the same transaction as each
review, so lists can filter by status without reading every report). ``reviews`` is the audit trail: one row per
decision, appended, never updated or deleted. Times are naive UTC (the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

__all__ = ["batch_lines", "batches", "metadata", "reports", "reviews"]

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
