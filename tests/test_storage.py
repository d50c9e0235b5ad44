"""Opening the store: migrations run when the database is behind, and alembic is not even imported when it is not
(every server process after the supervisor has migrated, every restart)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from service.storage import _MIGRATIONS, _head

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


def test_a_fresh_database_is_migrated_and_one_at_the_head_opens_without_alembic(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/tadqiq.db"
    assert _open(url) == [_head(), "0", "True"]  # migrated: alembic ran
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
