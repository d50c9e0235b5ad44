"""``/metrics``, ``/health/ready``, request ids and JSON logs: in process, and on a real server of two worker
processes whose metrics ``/metrics`` must add up whichever process answers."""

from __future__ import annotations

import json
import time
from collections import Counter

import httpx
import pytest
from conftest import KEYS_ENV, SEEDS, UNTHROTTLED, UNTHROTTLED_ENV, bearer, ready
from litestar.testing import TestClient
from prometheus_client.parser import text_string_to_metric_families
from servers import Server

from service.app import create_app
from service.settings import Settings


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[s.name, tuple(sorted(s.labels.items()))] = s.value
    return out


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_verdicts_problems_and_requests(client):
    body = (SEEDS[-1] / "claims.json").read_bytes()
    before = client.get("/metrics")
    assert before.status_code == 200 and before.headers["content-type"].startswith("text/plain; version=0.0.4")
    report = client.post("/v1/checks?store=false", content=body, headers={"content-type": "application/json"}).json()
    unreadable = client.post("/v1/checks?store=false", json={"document": {"language": "en"}, "claims": [
        {"kind": "quantity", "id": "q", "value": "M2"}]}).json()
    after = client.get("/metrics").text
    by_rule = Counter((v["rule"], v["status"]) for v in report["verdicts"])
    assert by_rule, "the seed should give verdicts"
    for (rule, status), n in by_rule.items():
        assert value(after, "tadqiq_verdicts_total", rule=rule, status=status) - \
            value(before.text, "tadqiq_verdicts_total", rule=rule, status=status) == n
    code = unreadable["claims"][0]["problems"][0]["code"]
    assert value(after, "tadqiq_reading_problems_total", code=code) - \
        value(before.text, "tadqiq_reading_problems_total", code=code) == 1
    route = {"method": "POST", "route": "/v1/checks", "status": "200"}
    assert value(after, "tadqiq_request_duration_seconds_count", **route) - \
        value(before.text, "tadqiq_request_duration_seconds_count", **route) == 2
    # per route template, never per id: one series for every report read
    client.get("/v1/checks/nope-1")
    client.get("/v1/checks/nope-2")
    text = client.get("/metrics").text
    assert value(text, "tadqiq_request_duration_seconds_count", method="GET", route="/v1/checks/{report_id}",
                 status="404") >= 2
    assert "nope-1" not in text
    assert value(text, "tadqiq_batches_open") == 0


def test_request_ids(client):
    mine = client.get("/health", headers={"x-request-id": "desk-42.a_b"})
    assert mine.headers["x-request-id"] == "desk-42.a_b"
    for bad in ("x" * 65, "no spaces", "é"):
        made = client.get("/health", headers={"x-request-id": bad.encode("utf-8")}).headers["x-request-id"]
        assert made != bad and len(made) == 16 and int(made, 16) >= 0


def test_ready_says_what_is_down(tmp_path, client):
    ready(client)  # the worker processes start when first asked for: not ready until they run
    ok = client.get("/health/ready")
    assert ok.status_code == 200 and ok.json() == {"status": "ready", "checks": {"database": "ok", "workers": "ok"}}
    settings = Settings(data_dir=str(tmp_path), keys=KEYS_ENV, broker_url="amqp://guest:guest@127.0.0.1:1/",
                        **UNTHROTTLED)
    with TestClient(create_app(settings)) as other:
        down = other.get("/health/ready")
        assert down.status_code == 503
        checks = down.json()["checks"]
        assert checks["database"] == "ok" and checks["broker"].startswith("unavailable")
        batch = other.post("/v1/batches", content=b"{}\n", headers={"content-type": "application/x-ndjson",
                                                                    **bearer("desk-submitter")})
        assert batch.status_code == 503 and "nothing was queued" in batch.json()["detail"]


@pytest.mark.parametrize("workers", [2])
def test_several_processes_one_metrics_and_json_logs(tmp_path, workers):
    env = {"TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": KEYS_ENV, "TADQIQ_PROCESSES": str(workers),
           "PYTHONDONTWRITEBYTECODE": "", **UNTHROTTLED_ENV}
    body = (SEEDS[0] / "claims.json").read_bytes()
    with Server(env) as server:
        _until(lambda: server.output().count("Application startup complete") >= workers, 60)
        with httpx.Client(base_url=server.url, headers=bearer("desk-submitter")) as http:
            for n in range(40):  # new connections: the kernel spreads them over both processes
                with httpx.Client(base_url=server.url, headers=bearer("desk-submitter")) as one:
                    answer = one.post("/v1/checks", content=body, headers={"content-type": "application/json",
                                                                           "x-request-id": f"req-{n}"})
                    assert answer.status_code == 201
            # a request's time is recorded once its answer is sent, so the last one may land a moment after the
            # client has read it: wait for it (at most 10 s), then every one of the 40 must be counted, none twice

            def counted() -> float:
                return value(http.get("/metrics").text, "tadqiq_request_duration_seconds_count", method="POST",
                             route="/v1/checks", status="201")

            _until(lambda: counted() == 40, 10)
            assert counted() == 40
            ready(http)  # each process's worker processes started after its first answer: wait for them
            assert http.get("/health/ready").json()["status"] == "ready"
        server.log.seek(0)
        log = server.log.read().decode()
        lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
        access = [line for line in lines if line.get("logger") == "tadqiq.access" and line.get("route") == "/v1/checks"]
        assert {line["request_id"] for line in access} >= {f"req-{n}" for n in range(30, 40)}
        assert all(line["status"] == 201 and line["ms"] > 0 for line in access)
        assert len({line["pid"] for line in access}) == workers  # both processes answered; /metrics counted all


def _until(fn, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not fn():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_processes_starting_together_on_a_fresh_sqlite_file_both_serve(tmp_path):
    """Their migrations take turns (a file lock beside the database), as they do on PostgreSQL (an advisory
    lock): SQLite runs DDL outside transactions, so racing processes would both create the tables."""
    from concurrent.futures import ThreadPoolExecutor

    env = {"TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": KEYS_ENV, "TADQIQ_PROCESSES": "1",
           "PYTHONDONTWRITEBYTECODE": ""}
    a, b = Server(env), Server(env)
    try:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda s: s.start(), (a, b)))
        for server in (a, b):
            made = httpx.post(server.url + "/v1/checks", json={"document": {"language": "en"}, "claims": []},
                              headers=bearer("desk-submitter"))
            assert made.status_code == 201
    finally:
        a.stop()
        b.stop()
