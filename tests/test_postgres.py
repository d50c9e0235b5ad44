"""Two server processes on one PostgreSQL database (127.0.0.1:5432, database ``test``) serve the same reports
and reviews. Each run uses a fresh schema, dropped at the end; the servers start together, so their migrations
race (an advisory lock orders them)."""

from __future__ import annotations

import os
import secrets
import subprocess
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from conftest import KEYS, KEYS_ENV, SEEDS, UNTHROTTLED_ENV, bearer
from servers import Server

URL = os.environ.get("TADQIQ_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-v", "ON_ERROR_STOP=1", "-qc", sql],
                   check=True, capture_output=True, timeout=30)


@pytest.fixture
def schema():
    name = f"tadqiq_test_{secrets.token_hex(6)}"
    yield name
    _psql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def test_two_instances_serve_the_same_reports_and_reviews(schema):
    env = {"TADQIQ_DATABASE_URL": URL, "TADQIQ_DATABASE_SCHEMA": schema, "TADQIQ_KEYS": KEYS_ENV,
           "TADQIQ_SECRET": secrets.token_hex(16), **UNTHROTTLED_ENV}
    a, b = Server(env), Server(env)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda s: s.start(), (a, b)))
    try:
        with httpx.Client(base_url=a.url, headers=bearer("desk-reviewer")) as on_a, \
                httpx.Client(base_url=b.url, headers=bearer("desk-reviewer")) as on_b:
            body = (SEEDS[0] / "claims.json").read_bytes()
            made = on_a.post("/v1/checks", content=body, headers={"content-type": "application/json"})
            assert made.status_code == 201
            location = made.headers["location"]
            rid = location.rsplit("/", 1)[1]

            seen = on_b.get(location)
            created = {k: v for k, v in made.json().items() if k not in ("id", "links")}  # the 201's own
            assert seen.status_code == 200 and seen.json()["report"] == created and made.json()["id"] == rid

            r = on_b.post(f"{location}/reviews", json={"verdict": 0, "decision": "dispute",
                                                       "note": "reviewed on the second instance"})
            assert r.status_code == 201
            state = on_a.get(location).json()["verdicts"][0]
            assert state["review"] == "disputed" and state["note"] == "reviewed on the second instance"

            for n in range(3):  # writes on both, one list on each
                (on_a if n % 2 else on_b).post("/v1/checks", json={"document": {"language": "en", "title": f"t{n}"},
                                                                   "claims": []})
            ids_a = [i["id"] for i in on_a.get("/v1/checks").json()["items"]]
            ids_b = [i["id"] for i in on_b.get("/v1/checks").json()["items"]]
            assert ids_a == ids_b and len(ids_a) == 4 and ids_a[-1] == rid

            def review(client_and_note):
                client, note = client_and_note
                return client.post(f"{location}/reviews", json={"verdict": 1, "decision": "dispute", "note": note})

            with ThreadPoolExecutor(8) as pool:  # concurrent reviews on both instances: none lost
                answers = list(pool.map(review, [((on_a, on_b)[n % 2], f"n{n}") for n in range(16)]))
            assert [r.status_code for r in answers] == [201] * 16
            trail = on_b.get(f"{location}/reviews").json()
            assert sorted(t["note"] for t in trail if t["verdict"] == 1) == sorted(f"n{n}" for n in range(16))
            assert on_a.get(location).json()["tally"]["reviewed"] == 2

            with httpx.Client(base_url=a.url) as browser:  # signed in on one instance, the session serves on both
                token = browser.get("/login").text.split('name="_csrf_token" value="')[1].split('"')[0]
                signed = browser.post("/login", data={"key": KEYS["desk-reviewer"], "_csrf_token": token})
                assert signed.status_code == 303
                session = {"tadqiq_session": browser.cookies["tadqiq_session"]}
            page = httpx.get(f"{b.url}/reports/{rid}", cookies=session)
            assert page.status_code == 200 and "reviewed on the second instance" in page.text
    finally:
        a.stop()
        b.stop()


def test_stored_reports_are_compressed_with_lz4(schema):
    """A stored check's request and report (some 24 KB of JSON: TOASTed) go in with LZ4 where the server has it, not
    PostgreSQL's default pglz (a third of a check's CPU again, bench/README.md), and read back byte for byte."""
    import asyncio

    import msgspec
    from sqlalchemy import text

    from service.storage import Store
    from service.work import check_json

    checked = check_json((SEEDS[0] / "claims.json").read_bytes())

    async def scenario():
        store = Store(URL, schema)
        await store.open()
        try:
            async with store.engine.connect() as conn:
                if not (await conn.execute(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                                "WHERE name = 'default_toast_compression'"))).scalar():
                    pytest.skip("this PostgreSQL has no LZ4")
            summary = await store.add("desk", "k", checked)
            async with store.engine.connect() as conn:
                row = (await conn.execute(text(
                    "SELECT pg_column_compression(report), pg_column_compression(request), report, request "
                    "FROM reports WHERE id = :id"), {"id": summary.id})).one()
            stored = await store.get("desk", summary.id)
            return tuple(row), stored
        finally:
            await store.close()

    (report_how, request_how, report, request), stored = asyncio.run(scenario())
    assert (report_how, request_how) == ("lz4", "lz4")
    assert (bytes(report), bytes(request)) == (checked.report, checked.request)
    assert msgspec.json.encode(stored.report) == checked.report


def test_stored_checks_commit_on_a_connection_of_their_own_and_survive_losing_it(schema):
    """A stored check is committed on the group commit's own connection (one statement in autocommit mode: one round
    trip, where the shared pool's ping and transaction took seven): it neither waits for the pool that reads and
    reviews use, even when every connection of that pool is held, nor for the pool's ping; and when PostgreSQL
    closes that connection (a restart, an administrator), the next report is stored all the same, on a new one."""
    import asyncio

    from sqlalchemy import text

    from service.storage import Store
    from service.work import check_json

    checked = check_json((SEEDS[0] / "claims.json").read_bytes())

    async def scenario():
        store = Store(URL, schema)
        await store.open()
        held = []
        try:
            first = await store.add("desk", "k", checked)
            pool = store.engine.sync_engine.pool
            for _ in range(pool.size() + store.engine.sync_engine.pool._max_overflow):
                conn = await store.engine.connect()
                await conn.execute(text("SELECT 1"))
                held.append(conn)
            # every connection of the shared pool is taken: a report is stored all the same, at once
            second = await asyncio.wait_for(store.add("desk", "k", checked), 10)
            for conn in held:
                await conn.close()
            held.clear()
            mine = store._group.engine.held  # the group commit's connection, held while it works
            writer_pid = await (await mine.get_raw_connection()).driver_connection.fetchval("SELECT pg_backend_pid()")
            async with store.engine.connect() as conn:
                killed = (await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": writer_pid})).scalar()
            third = await asyncio.wait_for(store.add("desk", "k", checked), 10)
            together = await asyncio.gather(*(store.add("desk", "k", checked) for _ in range(8)))  # shared commits
            found = [await store.get("desk", s.id) for s in (first, second, third, *together)]
            return killed, found
        finally:
            for conn in held:
                await conn.close()
            await store.close()

    killed, found = asyncio.run(scenario())
    assert killed is True
    assert len(found) == 11 and all(f is not None and f.report.verdicts for f in found)


def test_a_group_of_stored_checks_is_one_statement_and_a_bad_report_fails_alone(schema):
    """Reports that arrive together are written by one statement (one array a column) on the group commit's
    connection; when one of them cannot be stored (here a title longer than the column), the others are stored all
    the same, one at a time, and only its caller gets the error."""
    import asyncio

    import msgspec
    from sqlalchemy import text

    from service.storage import Store
    from service.work import check_json

    checked = check_json((SEEDS[0] / "claims.json").read_bytes())
    bad = msgspec.structs.replace(checked, title="x" * 301)

    async def scenario():
        store = Store(URL, schema)
        await store.open()
        try:
            good = await asyncio.gather(*(store.add("desk", "k", checked) for _ in range(5)))
            mixed = await asyncio.gather(*(store.add("desk", "k", c) for c in (checked, bad, checked)),
                                         return_exceptions=True)
            async with store.engine.connect() as conn:  # rows written by one statement share its transaction
                commits = (await conn.execute(text(
                    "SELECT count(DISTINCT xmin::text) FROM reports WHERE id = ANY(:ids)"),
                    {"ids": [s.id for s in good]})).scalar()
            found = [await store.get("desk", s.id) for s in (*good, mixed[0], mixed[2])]
            return mixed, commits, found, await store.count("desk")
        finally:
            await store.close()

    mixed, commits, found, count = asyncio.run(scenario())
    assert isinstance(mixed[1], Exception) and not isinstance(mixed[0], Exception)
    assert commits == 1
    assert all(f is not None and f.report.verdicts for f in found) and count == 7
