"""Where a server's CPU goes per request: ``python -m bench.cpu [TREE ...]``.

The same server as ``python -m bench --only http`` (``bench.app``, uvicorn with ``tadqiq serve``'s protocol, one
process) gets a fixed number of seed requests on ``POST /bench/echo`` and on ``POST /v1/checks?store=false``, and
its CPU is read from ``/proc`` around each run: in all, on the event loop's thread and on the others (the check's
worker threads), user and system, and context switches. Elapsed rates on a shared machine move with other people's
load; CPU per request moves much less, and interleaved rounds let a busy moment hit every server alike.

Each TREE is a checkout (``/work/main``, a worktree), optionally with environment settings after ``@``
(``.@TADQIQ_WORKERS=1``): each gets its server, all started before the first round, and every round measures each
in turn. Between rounds the engine's own CPU for the same check (``service.work.check_json``, in this process, the
first tree's code) is read too, so the floor of check/echo — echo's CPU over echo's plus the engine's — is taken at
the same moment as the server's figures. With two trees or more, the others are compared to the first round by
round (the median of the per-round quotients).
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tiktok-m2" / "claims.json"
CHECK = "/v1/checks?store=false"
ECHO = "/bench/echo"


def _threads(pid: int) -> dict[int, int]:
    """Each thread's time on a CPU so far, in ns (``schedstat``: finer than ``stat``'s clock ticks)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                out[int(tid)] = int(f.read().split()[0])
        except OSError:  # the thread ended
            pass
    return out


def _user_system(pid: int) -> tuple[int, int]:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]), int(fields[12])  # clock ticks


def _switches(pid: int) -> tuple[int, int]:
    voluntary = forced = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        voluntary += int(line.split()[1])
                    elif line.startswith("nonvoluntary_ctxt_switches"):
                        forced += int(line.split()[1])
        except OSError:
            pass
    return voluntary, forced


def send(port: int, request: bytes, count: int, connections: int = 8) -> int:
    """``count`` requests on ``connections`` kept-alive connections, each sent once the last answer on its
    connection is in (the generator of ``bench.load``, for a number of requests rather than a time)."""
    from bench.load import _Answer

    selector = selectors.DefaultSelector()
    socks = []
    for _ in range(connections):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setblocking(False)
        socks.append(sock)
        selector.register(sock, selectors.EVENT_READ, _Answer())
    sent = answered = 0
    try:
        for sock in socks:
            sock.sendall(request)
            sent += 1
        open_ = len(socks)
        while open_:
            for key, _ in selector.select(10.0):
                data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                if not data:
                    raise RuntimeError("the server closed a connection")
                status = key.data.feed(data)
                if status is None:
                    continue
                if not 200 <= status < 300:
                    raise RuntimeError(f"status {status}")
                answered += 1
                if sent < count:
                    key.fileobj.sendall(request)  # type: ignore[union-attr]
                    sent += 1
                else:
                    selector.unregister(key.fileobj)
                    open_ -= 1
    finally:
        selector.close()
        for sock in socks:
            sock.close()
    return answered


class Server:
    """``bench.app`` served from ``tree`` in a process of its own, on a free port, with a bench key."""

    def __init__(self, spec: str, body: bytes):
        from bench.load import request_bytes
        from service.auth import digest, new_key

        tree, _, settings = spec.partition("@")
        self.name, self.tree = spec, tree
        extra = dict(kv.split("=", 1) for kv in settings.split(",") if kv)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        key = new_key()
        self.data = tempfile.mkdtemp(prefix="tadqiq-bench-cpu-")
        env = {**os.environ, "TADQIQ_BENCH_ECHO_SIZE": "18194", "TADQIQ_DATA_DIR": self.data,
               "TADQIQ_KEYS": f"bench:bench:submitter:{digest(key)}", "TADQIQ_RATE": "", "TADQIQ_FAILURES": "",
               "TADQIQ_BENCH_ENGINE": "1", **extra}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run = ("import uvicorn; from service.serving import NoDelayHTTP; uvicorn.run('bench.app:app', "
               f"host='127.0.0.1', port={self.port}, log_level='warning', access_log=False, workers=1, "
               "http=NoDelayHTTP)")
        self.process = subprocess.Popen([sys.executable, "-c", run], cwd=tree, env=env, start_new_session=True)
        self.requests = {ECHO: request_bytes("127.0.0.1", ECHO, body),
                         CHECK: request_bytes("127.0.0.1", CHECK, body, {"Authorization": f"Bearer {key}"})}

    def ready(self) -> None:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        for path in (ECHO, CHECK):
            send(self.port, self.requests[path], 300)

    def engine(self) -> tuple[int, int] | None:
        """Checks the server timed so far and their CPU in ns (``GET /bench/engine``; None from a tree without it)."""
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            sock.sendall(b"GET /bench/engine HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        if not answer.startswith(b"HTTP/1.1 200"):
            return None
        got = json.loads(answer.split(b"\r\n\r\n", 1)[1])
        return got["checks"], got["ns"]

    def measure(self, path: str, count: int) -> dict[str, float]:
        pid = self.process.pid
        engine = self.engine() if path == CHECK else None  # read outside the CPU counted
        threads, ticks, switches = _threads(pid), _user_system(pid), _switches(pid)
        n = send(self.port, self.requests[path], count)
        threads_after, ticks_after, switches_after = _threads(pid), _user_system(pid), _switches(pid)
        engine_after = self.engine() if engine is not None else None
        tick = 1e6 / os.sysconf("SC_CLK_TCK")
        total = sum(ns - threads.get(tid, 0) for tid, ns in threads_after.items()) / n / 1e3
        loop = (threads_after[pid] - threads[pid]) / n / 1e3
        out = {"us": total, "loop_us": loop, "other_us": total - loop,
               "user_us": (ticks_after[0] - ticks[0]) * tick / n, "system_us": (ticks_after[1] - ticks[1]) * tick / n,
               "switches": (switches_after[0] - switches[0]) / n, "forced": (switches_after[1] - switches[1]) / n}
        if engine is not None and engine_after is not None and engine_after[0] > engine[0]:
            out["engine_us"] = (engine_after[1] - engine[1]) / (engine_after[0] - engine[0]) / 1e3
        return out

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)
        shutil.rmtree(self.data, ignore_errors=True)


def engine_alone(body: bytes, count: int) -> float:
    """``check_json`` of the body, mean thread CPU in µs over ``count`` runs in this process."""
    from service.work import check_json

    spent = 0
    for _ in range(count):
        start = time.thread_time_ns()
        check_json(body, None)
        spent += time.thread_time_ns() - start
    return spent / count / 1e3


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="*", default=[str(ROOT)], help="checkouts to serve from (TREE[@K=V,...])")
    parser.add_argument("--requests", type=int, default=600, help="requests per route per round")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    body = SEED.read_bytes()
    servers = [Server(spec, body) for spec in args.trees]
    runs: dict[str, dict[str, list[dict[str, float]]]] = {s.name: {ECHO: [], CHECK: []} for s in servers}
    alone: list[float] = []
    try:
        for server in servers:
            server.ready()
        engine_alone(body, 200)  # warm
        time.sleep(2.5)  # the worker processes start after the first answer; let them settle
        for _ in range(args.rounds):
            for server in servers:
                for path in (ECHO, CHECK):
                    runs[server.name][path].append(server.measure(path, args.requests))
            alone.append(engine_alone(body, 100))
    finally:
        for server in servers:
            server.stop()
    med = statistics.median
    engine = med(alone)
    print(f"load average {os.getloadavg()[0]:.1f}; {args.rounds} rounds of {args.requests} requests a route; "
          f"engine alone (check_json, this process) {engine:.0f} µs a check")
    for name, by_path in runs.items():
        echo, check = (med([r["us"] for r in by_path[p]]) for p in (ECHO, CHECK))
        print(f"{name}\n  CPU a request, µs (median of rounds): echo {echo:.0f}, check {check:.0f}; "
              f"check/echo by CPU {echo / check:.3f}; floor echo/(echo+engine alone) {echo / (echo + engine):.3f}")
        for path, label in ((ECHO, "echo "), (CHECK, "check")):
            rows = by_path[path]
            print(f"  {label}: event loop {med([r['loop_us'] for r in rows]):.0f}, other threads "
                  f"{med([r['other_us'] for r in rows]):.0f}; user {med([r['user_us'] for r in rows]):.0f}, system "
                  f"{med([r['system_us'] for r in rows]):.0f}; switches {med([r['switches'] for r in rows]):.1f} "
                  f"+ {med([r['forced'] for r in rows]):.1f} forced")
        timed = [(r, e, a) for r, e, a in zip(by_path[CHECK], by_path[ECHO], alone) if "engine_us" in r]
        if timed:  # the engine where it ran in the server, against the same check alone in this process
            print(f"  engine in the server (check_json's own CPU, in its thread) "
                  f"{med([r['engine_us'] for r, _, _ in timed]):.0f} µs, ×{med([r['engine_us'] / a for r, _, a in timed]):.3f} "
                  f"of alone round by round; the rest of a check {med([r['us'] - r['engine_us'] for r, _, _ in timed]):.0f}"
                  f" µs, {med([r['us'] - r['engine_us'] - e['us'] for r, e, _ in timed]):.0f} more than an echo "
                  f"(event loop {med([r['loop_us'] - e['loop_us'] for r, e, _ in timed]):.0f}, threads beyond the "
                  f"engine {med([r['other_us'] - r['engine_us'] for r, _, _ in timed]):.0f})")
    first = servers[0].name
    for server in servers[1:]:
        quotients = {p: [a["us"] / b["us"] for a, b in zip(runs[server.name][p], runs[first][p])]
                     for p in (ECHO, CHECK)}
        print(f"{server.name} / {first}, round by round: check CPU ×{med(quotients[CHECK]):.3f} "
              f"({min(quotients[CHECK]):.2f}–{max(quotients[CHECK]):.2f}), echo CPU ×{med(quotients[ECHO]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
