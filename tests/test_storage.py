"""Opening the store: migrations run when the database is behind, and alembic is not even imported when it is not
(every server process after the supervisor has migrated, every restart) nor when the database is new (created from
the tables in one step and stamped at the head): the schema made that way is the one the migrations make, on SQLite
and on PostgreSQL."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from service.storage import _MIGRATIONS, _head

POSTGRES = os.environ.get("TADQIQ_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

ROOT = Path(__file__).resolve().parent.parent

OPEN = """
import asyncio, sys
from sqlalchemy import text
from service.storage import Store

async def main():
    store = Store(sys.argv[1])
    await store.open()
    async with store.engine.connect() as conn:
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        tables = (await conn.execute(text("SELECT count(*) FROM reports"))).scalar()
    await store.close()
    print(version, tables, "alembic" in sys.modules)

asyncio.run(main())
"""


def test_the_head_read_from_the_files_is_alembics():
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    assert [_head()] == ScriptDirectory.from_config(config).get_heads()


def _open(url: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", OPEN, url], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_a_new_database_is_created_at_the_head_and_one_at_the_head_opens_without_alembic(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/tadqiq.db"
    assert _open(url) == [_head(), "0", "False"]  # new: created from the tables and stamped, alembic not imported
    assert _open(url) == [_head(), "0", "False"]  # at the head: nothing to run, nothing imported


def test_a_database_behind_the_head_is_migrated(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/tadqiq.db"
    _open(url)
    import sqlite3

    with sqlite3.connect(tmp_path / "tadqiq.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '0004_sessions'")
        db.execute("DROP TABLE batch_lines")
        db.execute("DROP TABLE batches")
    assert _open(url) == [_head(), "0", "True"]
    with sqlite3.connect(tmp_path / "tadqiq.db") as db:
        assert db.execute("SELECT count(*) FROM batches").fetchone() == (0,)


# What an inspector sees of a schema: per table, its columns in order (type, nullability, default, autoincrement),
# its primary key, foreign keys, indexes and unique constraints, all named; and the version alembic reads.
SCHEMA = """
import asyncio, json, sys
from sqlalchemy import inspect, text
from service.storage import Store

def describe(conn):
    i = inspect(conn)
    out = {}
    for t in sorted(i.get_table_names()):
        out[t] = {
            "columns": [[c["name"], str(c["type"]), c["nullable"], c["default"], c.get("autoincrement")]
                        for c in i.get_columns(t)],
            "pk": i.get_pk_constraint(t),
            "fks": sorted(i.get_foreign_keys(t), key=repr),
            "indexes": sorted(i.get_indexes(t), key=lambda x: x["name"]),
            "unique": sorted(i.get_unique_constraints(t), key=lambda x: x["name"] or ""),
        }
    out["version"] = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if conn.dialect.name == "sqlite":  # and the DDL itself (but of reports, where 0002's ALTER wrote its own text)
        out["ddl"] = conn.execute(text("SELECT type, name, sql FROM sqlite_master WHERE tbl_name != 'reports' "
                                       "ORDER BY name")).all()
    return out

async def main():
    store = Store(sys.argv[1], sys.argv[3] or None)
    if sys.argv[2] == "migrate":  # the migration chain, as every database made before this change was made
        import service.storage as storage
        storage._new = lambda tables: False  # never taken for new: alembic runs every migration
    await store.open()
    async with store.engine.connect() as conn:
        schema = await conn.run_sync(describe)
    await store.close()
    print(json.dumps([schema, "alembic" in sys.modules], default=repr))

asyncio.run(main())
"""


def _schema(url: str, how: str, schema: str = "") -> tuple[dict, bool]:
    import json

    out = subprocess.run([sys.executable, "-c", SCHEMA, url, how, schema], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return tuple(json.loads(out.stdout))  # type: ignore[return-value]


def test_a_new_sqlite_database_has_the_migrated_schema(tmp_path):
    created, imported = _schema(f"sqlite+aiosqlite:///{tmp_path}/created.db", "create")
    migrated, ran = _schema(f"sqlite+aiosqlite:///{tmp_path}/migrated.db", "migrate")
    assert not imported and ran  # each made as it says
    assert created["reports"]["columns"][-1][0] == "doubtful"  # added last by migration 0002
    assert created == migrated
    assert created["version"] == [_head()]


@pytest.fixture
def pg_schemas():
    names = [f"tadqiq_test_{secrets.token_hex(6)}" for _ in range(2)]
    yield names
    for name in names:
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc",
                        f'DROP SCHEMA IF EXISTS "{name}" CASCADE'], check=True, capture_output=True, timeout=30)


def test_a_new_postgres_database_has_the_migrated_schema(pg_schemas):
    created, imported = _schema(POSTGRES, "create", pg_schemas[0])
    migrated, ran = _schema(POSTGRES, "migrate", pg_schemas[1])
    assert not imported and ran
    assert created == migrated
    assert created["version"] == [_head()]
