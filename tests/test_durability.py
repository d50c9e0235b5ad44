"""A report whose creation was acknowledged survives ``kill -9`` of the server in the middle of a stream of
writes: a real server process on SQLite (the default), several clients posting, SIGKILL while requests are in
flight, a new server on the same file, and every acknowledged report read back whole."""

from __future__ import annotations

import json
import threading
import time

import httpx
from conftest import KEYS_ENV, UNTHROTTLED_ENV, bearer
from servers import Server

WRITERS = 4


def _body(writer: int, n: int) -> bytes:
    return json.dumps({"document": {"language": "en", "title": f"w{writer}-{n}"},
                       "claims": [{"kind": "share", "id": "s", "value": f"{n % 120}%", "of": "x"},
                                  {"kind": "quantity", "id": "q", "value": f"{n} million users"}]}).encode()


def test_acknowledged_reports_survive_kill_9(tmp_path):
    env = {"TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": KEYS_ENV, **UNTHROTTLED_ENV}
    acknowledged: dict[str, str] = {}  # report id -> title
    lock = threading.Lock()
    stop = threading.Event()
    errors_after_kill = [0]

    def writer(w: int, url: str) -> None:
        headers = {**bearer("desk-submitter"), "content-type": "application/json"}
        with httpx.Client(timeout=5) as http:
            n = 0
            while not stop.is_set() and n < 2000:
                try:
                    r = http.post(url + "/v1/checks", content=_body(w, n), headers=headers)
                except httpx.TransportError:
                    errors_after_kill[0] += 1
                    return  # the server is gone: this request was never acknowledged
                if r.status_code == 201:
                    with lock:
                        acknowledged[r.headers["location"].rsplit("/", 1)[1]] = f"w{w}-{n}"
                n += 1

    server = Server(env).start()
    try:
        threads = [threading.Thread(target=writer, args=(w, server.url)) for w in range(WRITERS)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill9()  # mid-stream: every writer has a request in flight or about to be
        stop.set()
        for t in threads:
            t.join(10)
    finally:
        server.stop()
    assert len(acknowledged) >= 60, f"too few writes before the kill: {len(acknowledged)}"
    assert errors_after_kill[0] >= 1, "the kill did not interrupt the stream"

    with Server(env) as again, httpx.Client(base_url=again.url, headers=bearer("desk-reviewer"), timeout=10) as http:
        lost = []
        for rid, title in acknowledged.items():
            r = http.get(f"/v1/checks/{rid}")
            if r.status_code != 200 or r.json()["report"]["document"]["title"] != title:
                lost.append((rid, title, r.status_code))
        assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged reports lost: {lost[:5]}"
        total, cursor = 0, None
        while True:
            page = http.get("/v1/checks", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
            total += len(page["items"])
            cursor = page["next"]
            if not cursor:
                break
        assert total >= len(acknowledged)
        r = http.post("/v1/checks", content=_body(9, 9), headers={"content-type": "application/json"})
        assert r.status_code == 201, "the database is writable after the crash"
