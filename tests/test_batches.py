"""Batches through the real task queue: RabbitMQ (127.0.0.1:5672), PostgreSQL (127.0.0.1:5432, database ``test``),
a real server and two real worker processes; one worker is killed with SIGKILL in the middle of the batch and
every line must still be stored exactly once. Each run uses its own queue, exchange and schema, deleted at the end,
so that parallel runs never meet."""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time

import httpx
import msgspec
import pytest
from conftest import KEYS, KEYS_ENV, ROOT, UNTHROTTLED_ENV, bearer
from servers import TADQIQ, Server, free_port
from test_postgres import URL, _psql

sys.path.insert(0, str(ROOT))
from bench.archive import articles  # noqa: E402
from service.queue import drop  # noqa: E402

BROKER = os.environ.get("TADQIQ_TEST_BROKER", "amqp://guest:guest@127.0.0.1:5672/")
LINES = 240
CHUNK = 4


async def _delete_queue(name: str) -> None:
    await drop(BROKER, name)


@pytest.fixture
def deployment():
    """A schema and a queue of this run's own, and the environment servers and workers share."""
    schema, queue = f"tadqiq_test_{secrets.token_hex(6)}", f"tadqiq.test.{secrets.token_hex(6)}"
    env = {"TADQIQ_DATABASE_URL": URL, "TADQIQ_DATABASE_SCHEMA": schema, "TADQIQ_KEYS": KEYS_ENV,
           "TADQIQ_BROKER_URL": BROKER, "TADQIQ_BROKER_QUEUE": queue, "TADQIQ_BATCH_CHUNK": str(CHUNK),
           "TADQIQ_BATCH_MAX_LINES": "1000", "TADQIQ_PROCESSES": "1", "TADQIQ_LOG_LEVEL": "warning",
           "PYTHONDONTWRITEBYTECODE": "",  # real processes start as deployed ones do, from compiled bytecode
           **UNTHROTTLED_ENV}
    yield env
    _psql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    asyncio.run(_delete_queue(queue))


class Worker:
    """``tadqiq worker --processes 1`` in a session of its own (the taskiq supervisor and its worker process), so
    that ``kill9`` ends both at once, as a machine that dies would."""

    def __init__(self, env: dict[str, str], *args: str):
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([str(TADQIQ), "worker", "--processes", "1", *args], env={**os.environ, **env},
                                     cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill9()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-3000:]


def _ndjson() -> tuple[bytes, dict[int, str]]:
    """LINES lines: seed-like articles, with a line that is not JSON, one that is not a valid request and a blank
    line among them. Returns the body and, by line number, what should fail (status)."""
    lines = [a.decode() for a in articles(LINES - 3, seed=29)]
    bad = {17: ("{not json", "400"), 101: ('{"document": {"language": "ar"}, "claims": 7}', "422")}
    for n, (text, _) in sorted(bad.items()):
        lines.insert(n - 1, text)
    lines.insert(150 - 1, "   ")  # blank: not a line of the batch
    return ("\n".join(lines) + "\n").encode(), {n: status for n, (_, status) in bad.items()}


def _metric(text: str, name: str, **labels: str) -> float | None:
    want = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith(name + ("{" + want + "}" if want else " ")) or (
                want and line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items())):
            return float(line.rsplit(" ", 1)[1])
    return None


def _wait(fn, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_batch_survives_a_worker_killed_mid_batch(deployment):
    body, failing = _ndjson()
    with Server(deployment) as server, httpx.Client(base_url=server.url, headers=bearer("desk-submitter"),
                                                    timeout=30) as http:
        ndjson = {"content-type": "application/x-ndjson"}
        # over the line limit: refused before anything is queued
        too_many = b"{}\n" * 1001
        refused = http.post("/v1/batches", content=too_many, headers=ndjson)
        assert refused.status_code == 413 and refused.headers["content-type"] == "application/problem+json"
        assert "1000" in refused.json()["detail"]
        assert _metric(http.get("/metrics").text, "tadqiq_queue_messages") == 0
        # no line to check (blank lines only): a problem, not a batch that is "done" with nothing in it
        empty = http.post("/v1/batches", content=b"\n  \n", headers=ndjson)
        assert empty.status_code == 422 and empty.json()["title"] == "The batch is empty", empty.text
        assert _metric(http.get("/metrics").text, "tadqiq_queue_messages") == 0

        made = http.post("/v1/batches", content=body, headers=ndjson)
        assert made.status_code == 202, made.text
        batch = made.json()
        location = made.headers["location"]
        assert location == f"/v1/batches/{batch['id']}" and batch["counts"]["total"] == LINES - 1
        chunks = -(-(LINES - 1) // CHUNK)
        assert _metric(http.get("/metrics").text, "tadqiq_queue_messages") == chunks
        assert http.get(location, headers=bearer("rival-reviewer")).status_code == 404  # another newsroom's

        # cancelled before any worker runs: its tasks are on the queue, after the first batch's, and are skipped
        more = http.post("/v1/batches", content=b"\n".join(list(articles(12, seed=3))), headers=ndjson)
        cancelled = more.headers["location"]
        gone = http.delete(cancelled)
        assert gone.status_code == 200 and gone.json()["state"] == "cancelled"
        assert http.delete(cancelled, headers=bearer("rival-reviewer")).status_code == 404

        events: list[tuple[str, dict]] = []

        def follow() -> None:
            with httpx.Client(base_url=server.url, headers=bearer("desk-submitter"), timeout=60) as sse, \
                    sse.stream("GET", f"{location}/events", params={"every": 0.3}) as answer:
                name = None
                for line in answer.iter_lines():
                    if line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("data:"):
                        events.append((name, json.loads(line[5:])))

        follower = threading.Thread(target=follow, daemon=True)
        follower.start()

        a, b = Worker(deployment), Worker(deployment)
        try:
            def finished() -> int:
                c = http.get(location, params={"limit": 0}).json()["counts"]
                return c["done"] + c["failed"]

            _wait(lambda: finished() >= 40, 60, "the workers to start")
            a.kill9()  # mid-batch: its unacknowledged tasks go back to the queue
            assert finished() < LINES - 1, "the batch ended before the kill; make it longer"
            _wait(lambda: http.get(location, params={"limit": 0}).json()["state"] == "done", 90,
                  f"the batch to finish\n{b.output()}")
            follower.join(10)

            final = http.get(location, params={"limit": 1000}).json()
            counts = final["counts"]
            assert counts == {"total": LINES - 1, "queued": 0, "done": LINES - 3, "failed": 2}
            numbers = [line["line"] for line in final["lines"]]
            assert numbers == sorted(set(numbers)) and len(numbers) == LINES - 1 and 150 not in numbers
            for line in final["lines"]:
                if line["line"] in failing:
                    assert str(line["problem"]["status"]) == failing[line["line"]] and "report" not in line
                else:
                    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", line["report"]) and "problem" not in line
            assert final["rate"] > 0

            # exactly once: one report per good line, each the check of that line's article
            listed = []
            cursor = None
            while True:
                page = http.get("/v1/checks", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
                listed += [i["id"] for i in page["items"]]
                if not (cursor := page["next"]):
                    break
            reports = [line["report"] for line in final["lines"] if "report" in line]
            assert sorted(listed) == sorted(reports)
            sample = next(line for line in final["lines"] if line["line"] == 200)
            stored = http.get(sample["href"]).json()
            raw = body.split(b"\n")[199]
            assert stored["report"]["document"]["title"] == json.loads(raw)["document"]["title"]

            assert events and events[-1][0] == "done" and events[-1][1]["counts"]["done"] == LINES - 3
            assert any(name == "progress" for name, _ in events)

            _wait(lambda: _metric(http.get("/metrics").text, "tadqiq_queue_messages") == 0, 30, "the queue to empty")

            # re-check two stored reports and one that is not there
            again = http.post("/v1/batches", json={"reports": [reports[0], "no-such-report", reports[5]]})
            assert again.status_code == 202
            again_url = again.headers["location"]
            _wait(lambda: http.get(again_url).json()["state"] == "done", 30, "the re-check")
            lines = http.get(again_url).json()["lines"]
            assert [line["line"] for line in lines] == [1, 2, 3]
            assert lines[1]["problem"]["status"] == 404 and "report" in lines[0] and "report" in lines[2]
            first = http.get(lines[0]["href"]).json()["report"]
            assert first == http.get(f"/v1/checks/{reports[0]}").json()["report"]

            # the cancelled batch's tasks were skipped: nothing of it was checked
            after = http.get(cancelled).json()
            assert after["state"] == "cancelled" and after["counts"] == {"total": 12, "queued": 0, "done": 0,
                                                                         "failed": 0}
        finally:
            a.stop()
            b.stop()


def test_without_a_broker_batches_are_a_clear_503(client):
    answer = client.post("/v1/batches", content=b"{}\n", headers={"content-type": "application/x-ndjson"})
    assert answer.status_code == 503 and answer.headers["content-type"] == "application/problem+json"
    assert "TADQIQ_BROKER_URL" in answer.json()["detail"]
    assert client.post("/v1/batches", content=b"x", headers={"content-type": "text/csv"}).status_code == 415
    assert client.get("/v1/batches/nope").status_code == 404


def test_a_chunk_that_runs_twice_is_stored_and_counted_once(tmp_path):
    """What makes redelivery safe, without a broker: the same finished lines recorded twice, and twice at once,
    store each line's report once and count it once."""
    from service.storage import Store, report_row
    from service.storage.batches import Line, create, find, line_report_id, record

    from rules.engine import check
    from rules.model import CheckRequest
    import msgspec

    async def scenario() -> None:
        store = Store(f"sqlite+aiosqlite:///{tmp_path / 'once.db'}")
        await store.open()
        try:
            batch = await create(store, "desk", "k", "lines", 4, [])
            requests = [msgspec.json.decode(a, type=CheckRequest) for a in articles(3, seed=1)]
            done = [Line(n + 1, report=report_row(line_report_id(batch.id, n + 1), "desk", "k", r, check(r)))
                    for n, r in enumerate(requests)] + [Line(4, problem=b'{"status":422}')]
            assert await record(store, batch.id, done) == 4
            assert await record(store, batch.id, done) == 0
            assert sorted(await asyncio.gather(record(store, batch.id, done[:2]), record(store, batch.id, done))) \
                == [0, 0]
            again = await find(store, "desk", batch.id)
            assert (again.done, again.failed, again.total) == (3, 1, 4)
            assert await store.count("desk") == 3
            assert line_report_id(batch.id, 1) == line_report_id(batch.id, 1) != line_report_id(batch.id, 2)
        finally:
            await store.close()

    asyncio.run(scenario())


def test_batch_reports_are_compressed_with_lz4_on_postgresql():
    """pglz, PostgreSQL's default, cost more CPU a stored line than a third of the check itself (bench/README.md):
    a batch's reports go in with LZ4 where the server has it, and read back the same."""
    from sqlalchemy import text

    from rules.engine import check
    from rules.model import CheckRequest
    from service.storage import Store, report_row
    from service.storage.batches import Line, create, line_report_id, record

    schema = f"tadqiq_test_{secrets.token_hex(6)}"
    request = msgspec.json.decode(next(articles(1, seed=3)), type=CheckRequest)

    async def scenario() -> tuple:
        store = Store(URL, schema)
        await store.open()
        try:
            async with store.engine.connect() as conn:
                if not (await conn.execute(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                                "WHERE name = 'default_toast_compression'"))).scalar():
                    pytest.skip("this PostgreSQL has no LZ4")
            batch = await create(store, "desk", "k", "lines", 1, [])
            row = report_row(line_report_id(batch.id, 1), "desk", "k", request, check(request))
            assert await record(store, batch.id, [Line(1, report=row)]) == 1
            async with store.engine.connect() as conn:
                stored = (await conn.execute(text(
                    "SELECT pg_column_compression(report), pg_column_compression(request), report, request "
                    "FROM reports"))).one()
            return tuple(stored), row
        finally:
            await store.close()

    try:
        (report_how, request_how, report, sent), row = asyncio.run(scenario())
    finally:
        _psql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    assert (report_how, request_how) == ("lz4", "lz4")
    assert (report, sent) == (row["report"], row["request"])


def test_chunks_travel_as_utf8_json_and_either_kind_reads_the_other():
    """A chunk on the queue is UTF-8 JSON (not an escape of six bytes for every Arabic letter, which doubled the
    bytes the broker writes to disk), and still plain JSON: a message written by taskiq's default serializer (a
    server not yet upgraded) is read the same, and the reverse."""
    import json

    from service.queue import make_broker
    from service.settings import Settings

    serializer = make_broker(Settings(broker_url=BROKER, broker_queue="tadqiq.test.format")).serializer
    line = next(articles(1, seed=3)).decode()
    message = {"args": ["batch", "desk", "k", "lines", [[1, line]]], "kwargs": {}}
    sent = serializer.dumpb(message)
    assert "مليار".encode() in sent and b"\\u0645" not in sent
    assert len(sent) < 1.2 * len(line.encode())
    assert serializer.loadb(json.dumps(message).encode()) == message == json.loads(sent)


def _children(pid: int) -> list[int]:
    return sorted(int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                  text=True).stdout.split())


class Proxy:
    """A TCP proxy in front of the broker that the test can cut: ``cut(s)`` aborts every connection through it and
    refuses new ones for ``s`` seconds, as a network that fails between a worker and RabbitMQ would."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.writers: set[asyncio.StreamWriter] = set()
        self.up = True
        self.cuts = 0

    def __enter__(self) -> Proxy:
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", self.port), self.loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self._abort)
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.transport.abort()
            return
        try:
            upstream_reader, upstream = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self.writers |= {writer, upstream}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(1 << 16):
                    sink.write(data)
                    await sink.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, upstream), pipe(upstream_reader, writer))

    def _abort(self) -> None:
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()

    def cut(self, seconds: float) -> None:
        def down() -> None:
            self.up = False
            self.cuts += 1
            self._abort()

        self.loop.call_soon_threadsafe(down)
        time.sleep(seconds)
        self.loop.call_soon_threadsafe(setattr, self, "up", True)


def test_a_worker_that_loses_the_broker_reconnects_and_loses_nothing(deployment):
    from urllib.parse import urlsplit

    broker = urlsplit(BROKER)
    lines = 120
    body = b"\n".join(articles(lines, seed=53)) + b"\n"
    with Server(deployment) as server, Proxy(broker.hostname, broker.port or 5672) as proxy, \
            httpx.Client(base_url=server.url, headers=bearer("desk-submitter"), timeout=30) as http, \
            tempfile.NamedTemporaryFile(suffix=".ndjson") as file:
        file.write(body)
        file.flush()
        # submitted the way a newsroom would: `tadqiq batch`, which follows the batch with a progress bar
        cli = subprocess.Popen([str(TADQIQ), "batch", file.name, "--server", server.url, "--key",
                                KEYS["desk-submitter"]], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env={**os.environ, "COLUMNS": "120"})
        first = cli.stdout.readline()
        found = re.search(r"(/v1/batches/[A-Za-z0-9_-]+)", first)
        assert found, first
        location = found.group(1)
        through = {**deployment, "TADQIQ_BROKER_URL": f"amqp://{broker.username}:{broker.password}@127.0.0.1:"
                                                      f"{proxy.port}{broker.path or '/'}"}
        metrics_port = free_port()
        worker = Worker(through, "--metrics-port", str(metrics_port))
        try:
            def finished() -> int:
                c = http.get(location, params={"limit": 0}).json()["counts"]
                return c["done"] + c["failed"]

            _wait(lambda: finished() >= 12, 60, "the worker to start")
            children = _children(worker.proc.pid)
            proxy.cut(3)  # mid-batch: the worker's connection is gone, its unacknowledged tasks go back
            assert finished() < lines, "the batch ended before the cut; make it longer"
            _wait(lambda: http.get(location, params={"limit": 0}).json()["state"] == "done", 90,
                  f"the batch to finish after the worker reconnected\n{worker.output()}")
            final = http.get(location, params={"limit": 1000}).json()
            assert final["counts"] == {"total": lines, "queued": 0, "done": lines, "failed": 0}
            assert [line["line"] for line in final["lines"]] == list(range(1, lines + 1))
            assert _children(worker.proc.pid) == children  # the same process, reconnected, not restarted
            counted = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics").text
            verdicts = sum(float(line.rsplit(" ", 1)[1]) for line in counted.splitlines()
                           if line.startswith("tadqiq_verdicts_total{"))
            per_article = len(http.get(final["lines"][0]["href"]).json()["report"]["verdicts"])
            assert verdicts >= per_article * lines  # every line's verdicts (a line checked again counts again)
            output, _ = cli.communicate(timeout=60)
            assert cli.returncode == 0, first + output
            assert f"done: {lines} checked, 0 failed" in output
        finally:
            worker.stop()
