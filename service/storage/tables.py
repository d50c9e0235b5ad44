"""The tables, for queries (the migrations in ``migrations/versions`` create them).

``reports`` holds one row per stored check: the request and the engine's report as msgspec JSON, who sent it, and
the verdict counts *as currently reviewed* (a cache of ``reviews``, updated in the same transaction as each
review, so lists can filter by status without reading every report). ``reviews`` is the audit trail: one row per
decision, appended, never updated or deleted. ``sessions`` holds the browser sessions (the SHA-256 of the opaque
cookie, the digest of the key signed in with, when it ends); ``revoked_keys`` the digests of revoked keys, read on
every request by every instance. Times are naive UTC (the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

__all__ = ["metadata", "reports", "reviews", "revoked_keys", "sessions"]

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
