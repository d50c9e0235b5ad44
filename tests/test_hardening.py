"""No request, however shaped, stops the service: ``/health`` stays quick while the heaviest allowed request is
checked (a real server process); throttling holds across instances through the real Redis; every response carries
its safety headers; keys change without a restart."""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
import uuid

import httpx
import pytest
from conftest import KEYS, KEYS_ENV, UNTHROTTLED, UNTHROTTLED_ENV, bearer, sign_in, summary
from litestar.testing import TestClient
from servers import Server
from test_pairing_scales import SHAPES

from service.app import create_app
from service.auth import append_key
from service.settings import Settings

REDIS = os.environ.get("TADQIQ_TEST_REDIS", "redis://127.0.0.1:6379/0")
#: The slowest shapes of tests/test_pairing_scales.py at 10 000 claims: the heaviest requests the limits allow.
HEAVIEST = ("money_one_key_time", "distinct_figures")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Server({"TADQIQ_DATA_DIR": str(tmp_path_factory.mktemp("hardening")), "TADQIQ_KEYS": KEYS_ENV,
                 "TADQIQ_WORKERS": "2", **UNTHROTTLED_ENV}) as s:
        yield s


@pytest.mark.parametrize("shape", HEAVIEST)
def test_health_answers_within_50_ms_while_the_heaviest_request_runs(server, shape):
    body = json.dumps(SHAPES[shape](10_000)).encode()
    done: dict[str, object] = {}

    def heavy() -> None:
        start = time.perf_counter()
        r = httpx.post(server.url + "/v1/checks", content=body, timeout=120,
                       headers={**bearer("desk-submitter"), "content-type": "application/json"})
        done.update(status=r.status_code, seconds=time.perf_counter() - start)

    with httpx.Client(base_url=server.url, timeout=5) as client:
        client.get("/health")
        worker = threading.Thread(target=heavy)
        worker.start()
        latencies = []
        while worker.is_alive():
            start = time.perf_counter()
            assert client.get("/health").status_code == 200
            latencies.append(time.perf_counter() - start)
            time.sleep(0.02)
        worker.join()
    assert done["status"] == 201
    ordered = sorted(latencies)
    p95, slowest = ordered[int(len(ordered) * 0.95)], ordered[-1]
    summary("health while the heaviest request runs",
            f"{shape:20} request {done['seconds']:5.2f} s; /health {len(latencies)} times: median "
            f"{statistics.median(latencies) * 1000:5.1f} ms, 95th percentile {p95 * 1000:5.1f} ms, "
            f"slowest {slowest * 1000:5.1f} ms")
    assert len(latencies) >= 5, "the request ended too soon to measure anything"
    # 19 of 20 within 50 ms; a single answer may wait for a collection of the cycle collector or a long call into
    # C (msgspec) in a worker thread, which hold the interpreter (measured up to about 190 ms on this machine)
    assert p95 <= 0.050, latencies
    assert slowest <= 0.500, latencies
