"""Settings, read once from the environment (``TADQIQ_*``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    #: Largest JSON body (bytes); forms (sign-in, reviews) have their own, ``service.pages.FORM_BYTES``.
    max_body: int = 16 * 1024 * 1024
    debug: bool = False
    #: Where the embedded database and the local key live (``make run``); relative to the working directory.
    data_dir: str = ".tadqiq"
    #: SQLAlchemy URL; empty: SQLite at ``<data_dir>/tadqiq.db``. PostgreSQL: ``postgresql+asyncpg://user@host/db``.
    database_url: str | None = None
    #: PostgreSQL schema to keep the tables in (created when missing); empty: the server's search path.
    database_schema: str | None = None
    #: API keys, hashed (see service/auth.py): a TOML file, and/or entries in ``TADQIQ_KEYS``.
    keys_file: str | None = None
    keys: str | None = None
    #: The task queue for batches (RabbitMQ, ``amqp://user:pass@host:5672/vhost``); empty: batches answer 503.
    broker_url: str | None = None
    #: The queue (and exchange) name on the broker; servers and workers of one deployment use the same.
    broker_queue: str = "tadqiq.batches"
    #: Limits of one batch: lines, bytes of NDJSON; and lines per task on the queue.
    batch_max_lines: int = 1_000_000
    batch_max_bytes: int = 4 * 1024 * 1024 * 1024
    batch_chunk: int = 100
    #: Seconds between two reads of a newsroom's reference-library version (service/storage/references.py).
    library_refresh: float = 1.0
    #: Threads that check, render pages and write exports, so the event loop only answers (``service/pool.py``).
    workers: int = 2
    #: Hours a browser session lasts after signing in.
    session_hours: int = 12
    #: Signs the CSRF cookie of the forms; every instance behind one address needs the same (else one per data dir).
    secret: str | None = None
    #: Throttling (``service/throttle.py``): shared through Redis when set, in this process's memory otherwise.
    redis_url: str | None = None
    redis_prefix: str = "tadqiq"
    #: Requests per key, and per client address, in ``limits`` notation; empty: no limit.
    rate: str = "600/minute"
    #: Wrong keys per client address: past the first, slowed; past the second, locked out until it resets.
    failures: str = "10/minute;100/day"

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(host=env.get("TADQIQ_HOST", cls.host), port=int(env.get("TADQIQ_PORT", cls.port)),
                   max_body=int(env.get("TADQIQ_MAX_BODY", cls.max_body)),
                   debug=env.get("TADQIQ_DEBUG", "") == "1",
                   data_dir=env.get("TADQIQ_DATA_DIR") or cls.data_dir,
                   database_url=env.get("TADQIQ_DATABASE_URL") or None,
                   database_schema=env.get("TADQIQ_DATABASE_SCHEMA") or None,
                   keys_file=env.get("TADQIQ_KEYS_FILE") or None,
                   keys=env.get("TADQIQ_KEYS") or None,
                   broker_url=env.get("TADQIQ_BROKER_URL") or None,
                   broker_queue=env.get("TADQIQ_BROKER_QUEUE") or cls.broker_queue,
                   batch_max_lines=int(env.get("TADQIQ_BATCH_MAX_LINES") or cls.batch_max_lines),
                   batch_max_bytes=int(env.get("TADQIQ_BATCH_MAX_BYTES") or cls.batch_max_bytes),
                   batch_chunk=int(env.get("TADQIQ_BATCH_CHUNK") or cls.batch_chunk),
                   library_refresh=float(env.get("TADQIQ_LIBRARY_REFRESH", cls.library_refresh)),
                   workers=int(env.get("TADQIQ_WORKERS", cls.workers)),
                   session_hours=int(env.get("TADQIQ_SESSION_HOURS", cls.session_hours)),
                   secret=env.get("TADQIQ_SECRET") or None,
                   redis_url=env.get("TADQIQ_REDIS_URL") or None,
                   redis_prefix=env.get("TADQIQ_REDIS_PREFIX") or cls.redis_prefix,
                   rate=env.get("TADQIQ_RATE", cls.rate),
                   failures=env.get("TADQIQ_FAILURES", cls.failures))
