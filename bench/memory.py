"""Resident memory of a server process under load: a real ``tadqiq serve`` with its worker pool, driven for a fixed
time by clients that store the seed article's check, read it back, export it, and — one at a time — send the
heaviest request the limits allow (10 000 same-key money figures with a time). The server's VmRSS is sampled
every 0.2 s, and that of each worker process (``service.pool``); the peaks are the figures (the target: at most
200 MB for each process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tiktok-m2" / "claims.json"


def heaviest(n: int = 10_000) -> bytes:
    return json.dumps({"document": {"language": "en"}, "claims": [
        {"kind": "quantity", "id": f"q{i}", "value": f"${i % 50 + 1} billion", "subject": "s", "metric": "revenue",
         "time": "2024"} for i in range(n)]}).encode()


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):  # gone meanwhile (a worker replaced)
        return 0.0


def _descendants(pid: int) -> list[int]:
    """The processes under ``pid``: its fork server and the worker processes forked from it."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = [], [pid]
    while frontier:
        children = [c for c, p in parents.items() if p in frontier]
        found += children
        frontier = children
    return found


def soak(seconds: float = 60.0, clients: int = 4) -> dict:
    from service.auth import digest, new_key

    key = new_key()
    data = tempfile.mkdtemp(prefix="tadqiq-soak-")
    port = _free_port()
    env = {**os.environ, "TADQIQ_DATA_DIR": data, "TADQIQ_KEYS": f"soak:soak:reviewer:{digest(key)}",
           "TADQIQ_PORT": str(port), "TADQIQ_RATE": "", "TADQIQ_FAILURES": ""}
    server = subprocess.Popen([str(Path(sys.executable).with_name("tadqiq")), "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url, auth = f"http://127.0.0.1:{port}", {"authorization": f"Bearer {key}", "content-type": "application/json"}
    counts = {"requests": 0, "heavy": 0, "errors": 0}
    samples: list[float] = []
    workers: list[float] = []
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        start = _rss_mb(server.pid)
        until = time.monotonic() + seconds
        body, heavy = SEED.read_bytes(), heaviest()

        def light() -> None:
            with httpx.Client(base_url=url, headers=auth, timeout=60) as c:
                while time.monotonic() < until:
                    r = c.post("/v1/checks", content=body)
                    ok = r.status_code == 201
                    if ok:
                        where = r.headers["location"]
                        ok = c.get(where).status_code == 200 and c.get(where + "/csv").status_code == 200
                    counts["requests"] += 3
                    counts["errors"] += not ok

        def heavy_one() -> None:
            with httpx.Client(base_url=url, headers=auth, timeout=120) as c:
                while time.monotonic() < until:
                    r = c.post("/v1/checks?store=false", content=heavy)
                    counts["heavy"] += 1
                    counts["errors"] += r.status_code != 200

        threads = [threading.Thread(target=light) for _ in range(clients)] + [threading.Thread(target=heavy_one)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            samples.append(_rss_mb(server.pid))
            workers.append(max((_rss_mb(p) for p in _descendants(server.pid)), default=0.0))
            time.sleep(0.2)
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(10)
    return {"seconds": seconds, "start_mb": start, "peak_mb": max(samples), "end_mb": samples[-1],
            "worker_peak_mb": max(workers), **counts}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def summary(m: dict) -> str:
    return (f"memory    {m['seconds']:.0f} s load ({m['requests']} requests, {m['heavy']} of the heaviest, "
            f"{m['errors']} errors): server RSS {m['start_mb']:.0f} MB at start, peak {m['peak_mb']:.0f} MB, "
            f"{m['end_mb']:.0f} MB at the end; the largest worker process peaked at {m['worker_peak_mb']:.0f} MB "
            "(target ≤ 200 MB each)")
