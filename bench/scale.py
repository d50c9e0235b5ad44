"""Scale-out figures, measured in one run (``make bench``; ``python -m bench --only scale`` alone):

- **stored checks** with ``tadqiq serve --workers 1`` and ``--workers 2`` on one PostgreSQL database, in
  interleaved rounds (1, 2, 1, 2, …) so that a busy moment on a shared machine hits both alike; the ratio 2 / 1;
- **batches**: a generated archive of seed-like articles (``bench/archive.py``) through the real queue (RabbitMQ)
  with ``tadqiq worker --processes 1`` and ``2``, against the in-process engine's articles per second on the same
  articles (decode + check, one process); the big run (``--archive``, 100 000 by default) with two processes,
  one of them killed with SIGKILL half-way (taskiq's supervisor starts another), progress sampled throughout, and
  every line counted exactly once at the end;
- **cold start**: ``tadqiq serve --workers 1`` launched to its first answer to ``POST /v1/checks``, from compiled
  bytecode as an installed service starts;
- **RSS** of each server and worker process after its load.

Needs PostgreSQL (127.0.0.1:5432, database ``test``) and RabbitMQ (127.0.0.1:5672, guest/guest); each run uses a
schema and a queue of its own and deletes them.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import msgspec

from bench.archive import SEED, articles
from bench.load import LAST, rate, request_bytes, send_once
from service.queue import drop

ROOT = Path(__file__).resolve().parent.parent
#: the checkout whose servers and workers run (``PYTHONPATH``): this one; an A/B run sets another
TREE = ROOT
TADQIQ = Path(sys.executable).with_name("tadqiq")
POSTGRES = os.environ.get("TADQIQ_BENCH_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
BROKER = os.environ.get("TADQIQ_BENCH_BROKER", "amqp://guest:guest@127.0.0.1:5672/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", sql], check=True,
                   capture_output=True, timeout=120)


class Deployment:
    """A schema, a queue and a key of their own; servers and workers started in sessions of their own."""

    def __init__(self, chunk: int = 100):
        from service.auth import digest, new_key

        self.key = new_key()
        self.schema = f"tadqiq_bench_{secrets.token_hex(5)}"
        self.queue = f"tadqiq.bench.{secrets.token_hex(5)}"
        self.data = tempfile.mkdtemp(prefix="tadqiq-bench-")
        self.env = {**os.environ, "TADQIQ_DATABASE_URL": POSTGRES, "TADQIQ_DATABASE_SCHEMA": self.schema,
                    "TADQIQ_KEYS": f"bench:bench:submitter:{digest(self.key)}", "TADQIQ_BROKER_URL": BROKER,
                    "TADQIQ_BROKER_QUEUE": self.queue, "TADQIQ_BATCH_CHUNK": str(chunk),
                    "TADQIQ_LOG_LEVEL": "warning", "TADQIQ_DATA_DIR": self.data,
                    "TADQIQ_RATE": "", "TADQIQ_FAILURES": "",  # no throttling: the load comes from one address
                    # this tree's code, not whichever checkout the package is installed (editable) from
                    "PYTHONPATH": os.pathsep.join(filter(None, [str(TREE), os.environ.get("PYTHONPATH")]))}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # start as an installed service does, from bytecode
        self.procs: list[subprocess.Popen] = []

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def serve(self, workers: int) -> tuple[subprocess.Popen, int]:
        port = _free_port()
        proc = subprocess.Popen([str(TADQIQ), "serve", "--workers", str(workers), "--port", str(port)], env=self.env,
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.procs.append(proc)
        _until_up(port, proc, workers)
        return proc, port

    def worker(self, processes: int) -> subprocess.Popen:
        proc = subprocess.Popen([str(TADQIQ), "worker", "--processes", str(processes)], env=self.env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.procs.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)

    def close(self) -> None:
        for proc in self.procs:
            self.stop(proc)
        _psql(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
        asyncio.run(drop(BROKER, self.queue))


def _until_up(port: int, proc: subprocess.Popen, workers: int, timeout: float = 120) -> None:
    """Until ``workers`` distinct processes have answered (each connection may land on any of them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=2).status_code == 200 \
                    and len(_children(proc.pid)) >= (workers if workers > 1 else 0):
                time.sleep(0.5 if workers == 1 else 3)  # the other processes finish starting
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start")


def _children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return []
    return [int(p) for p in out.split()]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _work_pids(pid: int) -> list[int]:
    """The processes that do the work: the children of a supervisor (uvicorn's, taskiq's), but not
    multiprocessing's resource tracker nor a server's fork server (children too, idle: with one server process
    they were taken for the server, whose CPU and RSS then went unmeasured); the process itself when it has none."""
    kids = [k for k in _children(pid) if Path(f"/proc/{k}/status").exists()]
    work = [k for k in kids if not any(helper in Path(f"/proc/{k}/cmdline").read_bytes()
                                       for helper in (b"resource_tracker", b"multiprocessing.forkserver"))]
    return work or [pid]


def _family_rss(pid: int) -> list[float]:
    return [round(rss_mb(p), 1) for p in _work_pids(pid)]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (a figure that a busy machine does not inflate the way
    it inflates elapsed time)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def holders(port: int) -> dict[int, int]:
    """The server process (pid) holding each established connection to ``port``, by the client's port (``ss``)."""
    out = subprocess.run(["ss", "-tnpH", "state", "established", f"( sport = :{port} )"], capture_output=True,
                         text=True, check=False).stdout
    found = {}
    for line in out.splitlines():
        fields, pid = line.split(), line.partition("pid=")[2].partition(",")[0]
        if len(fields) >= 4 and pid.isdigit():
            found[int(fields[3].rsplit(":", 1)[1])] = int(pid)
    return found


def _threads_waiting(pids: list[int]) -> float:
    """Seconds every thread of ``pids`` has spent runnable but waiting for a core (``schedstat``), summed."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[1])
            except OSError:  # a thread that ended meanwhile
                continue
    return total / 1e9


def _loop_sleeps(pids: list[int]) -> int:
    """Voluntary context switches of the event loops (each process's main thread) so far."""
    total = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(status.partition("\nvoluntary_ctxt_switches:")[2].split()[0])
    return total


def _machine() -> list[int]:
    """The machine's CPU time so far, in clock ticks: user, nice, system, idle, iowait, irq, softirq, steal
    (``/proc/stat``)."""
    return [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]


def _switches(pids: list[int]) -> int:
    """Voluntary context switches of every thread of ``pids`` so far: each a thread going to sleep (waiting for the
    interpreter lock, for work, for the network)."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                status = (task / "status").read_text()
            except OSError:
                continue
            total += int(status.partition("\nvoluntary_ctxt_switches:")[2].split()[0])
    return total


def _threads_each(pids: list[int]) -> list[str]:
    """The checking threads each server process was given (``TADQIQ_WORKERS`` in its environment)."""
    from service.settings import Settings

    out = []
    for pid in pids:
        env = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        found = [e.split(b"=", 1)[1].decode() for e in env if e.startswith(b"TADQIQ_WORKERS=")]
        out.append(found[0] if found else f"{Settings.workers} (default)")
    return out


def _commits(schema: str, since: str) -> tuple[int, int]:
    """(reports, commits) stored since ``since`` (UTC): rows written by one statement share its transaction id."""
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-tAc",
                          (f"SELECT count(*), count(DISTINCT xmin::text) FROM \"{schema}\".reports "
                           f"WHERE created >= '{since}'")], capture_output=True, text=True, check=True)
    reports, commits = out.stdout.strip().split("|")
    return int(reports), int(commits)


def stored(seconds: float, rounds: int = 4, connections: int = 16) -> dict:
    """Stored checks (``POST /v1/checks``, committed to PostgreSQL before each answer) with one and two server
    processes, interleaved rounds, ``connections`` keep-alive connections. Besides the rates and the CPU a request
    of the servers (S), PostgreSQL (P) and the load generator (C): how the kernel spread the connections over the
    processes (``SO_REUSEPORT`` hashes each connection to a process: with 16, 8/8 only one time in five), each
    process's share of the servers' CPU, how much of a core each process used and how long its threads waited
    for one (what is left of the wall time, it had nothing to do), and how often an event loop went to sleep a
    request."""
    body = SEED.read_bytes()
    deployment = Deployment()
    try:
        servers = {n: deployment.serve(n) for n in (1, 2)}
        for n, (_, port) in servers.items():  # warm both
            rate("127.0.0.1", port, "/v1/checks", body, 1.0, connections=connections, headers=deployment.auth)
        counts: dict[int, list[float]] = {1: [], 2: []}
        cpu = {1: 0.0, 2: 0.0}
        database = {1: 0.0, 2: 0.0}
        generator = {1: 0.0, 2: 0.0}
        sleeps = {1: 0, 2: 0}
        used = {1: 0.0, 2: 0.0}
        waiting = {1: 0.0, 2: 0.0}
        split: dict[int, list[list[int]]] = {1: [], 2: []}
        shares: dict[int, list[list[float]]] = {1: [], 2: []}
        switches = {1: 0, 2: 0}
        idle = {1: 0.0, 2: 0.0}  # cores idle on average during the rounds
        steal = {1: 0.0, 2: 0.0}
        others = {1: 0.0, 2: 0.0}  # cores busy with what is neither the servers, PostgreSQL nor the generator
        grouped = {1: [0, 0], 2: [0, 0]}  # reports, commits
        threads = {n: _threads_each(_work_pids(proc.pid)) for n, (proc, _) in servers.items()}
        tick = os.sysconf("SC_CLK_TCK")
        for _ in range(rounds):
            for n, (proc, port) in servers.items():
                pids = _work_pids(proc.pid)

                def spread(socks: list[socket.socket], n: int = n, port: int = port, pids: list[int] = pids) -> None:
                    held = holders(port)
                    mine = [held.get(sock.getsockname()[1]) for sock in socks]
                    split[n].append([mine.count(p) for p in pids])

                before = [_cpu_seconds(p) for p in pids]
                db_before, sleeps_before, wait_before = _postgres_cpu(), _loop_sleeps(pids), _threads_waiting(pids)
                switches_before, machine_before = _switches(pids), _machine()
                since = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() - 1))
                start = time.perf_counter()
                counts[n].append(rate("127.0.0.1", port, "/v1/checks", body, seconds / rounds, headers=deployment.auth,
                                      connections=connections, connected=spread))
                wall = time.perf_counter() - start
                machine = [b - a for a, b in zip(machine_before, _machine())]
                spent = [_cpu_seconds(p) - b for p, b in zip(pids, before)]
                cpu[n] += sum(spent)
                shares[n].append([round(x / max(sum(spent), 1e-9), 2) for x in spent])
                pg = _spent(db_before, _postgres_cpu())
                database[n] += pg
                gen = LAST["cpu_us_per_request"] / 1e6 * counts[n][-1] * wall
                generator[n] += LAST["cpu_us_per_request"] / 1000 * counts[n][-1] * seconds / rounds
                switches[n] += _switches(pids) - switches_before
                idle[n] += (machine[3] + machine[4]) / tick / wall / rounds
                steal[n] += machine[7] / tick / wall / rounds
                busy = sum(machine[:3]) + sum(machine[5:7])
                others[n] += (busy / tick - sum(spent) - pg - gen) / wall / rounds
                reports_made, commits_made = _commits(deployment.schema, since)
                grouped[n][0] += reports_made
                grouped[n][1] += commits_made
                sleeps[n] += _loop_sleeps(pids) - sleeps_before
                used[n] += sum(spent) / (wall * n) / rounds
                waiting[n] += (_threads_waiting(pids) - wait_before) / (wall * n) / rounds
        rss = {n: _family_rss(proc.pid) for n, (proc, _) in servers.items()}
    finally:
        deployment.close()
    one, two = sum(counts[1]) / rounds, sum(counts[2]) / rounds
    answered = {n: sum(counts[n]) * seconds / rounds for n in counts}
    per = {n: cpu[n] / answered[n] * 1000 for n in counts}
    db = {n: database[n] / answered[n] * 1000 for n in counts}
    gen = {n: generator[n] / answered[n] for n in counts}
    s, p, c = per[1], db[1], gen[1]
    return {"workers_1_rps": one, "workers_2_rps": two, "ratio_2_over_1": two / one, "rounds": counts,
            "server_cpu_ms_per_request": {str(n): v for n, v in per.items()},
            "postgres_cpu_ms_per_request": {str(n): v for n, v in db.items()},
            "generator_cpu_ms_per_request": {str(n): v for n, v in gen.items()},
            "bound_2S_over_S_P_C": 2 * s / (s + p + c),
            # what the CPU measured with two processes allows: one process at most 1/S1 a second on its core, two at
            # most 2/(S2+P2+C2) on both; below the line above by what a request costs more with two
            "bound_2S1_over_S2_P2_C2": 2 * s / (per[2] + db[2] + gen[2]),
            "connections_per_process": {str(n): v for n, v in split.items()},
            "cpu_share_per_process": {str(n): v for n, v in shares.items()},
            # CPU seconds of each process over the wall time: below 1, a process had nothing to do or waited for a
            # core; how long its threads waited for one (summed, so on a busy machine more than the wall time)
            "cores_used_per_process": {str(n): v for n, v in used.items()},
            "threads_waiting_for_a_core": {str(n): v for n, v in waiting.items()},
            "loop_sleeps_per_request": {str(n): sleeps[n] / answered[n] for n in counts},
            # every thread's sleeps a request: hand-offs of the interpreter lock, of work, waits for the database
            "thread_sleeps_per_request": {str(n): switches[n] / answered[n] for n in counts},
            "threads_per_process": {str(n): v for n, v in threads.items()},
            # the machine's two cores during the rounds: idle (nothing runnable: everyone waited), stolen by the
            # hypervisor, or busy with other people's work; the reports a commit (rows sharing a transaction id)
            "cores_idle": {str(n): v for n, v in idle.items()},
            "cores_stolen": {str(n): v for n, v in steal.items()},
            "cores_for_others": {str(n): v for n, v in others.items()},
            "reports_per_commit": {str(n): r / max(c, 1) for n, (r, c) in grouped.items()},
            "rss_mb": {str(n): v for n, v in rss.items()}, "database": "postgresql", "connections": connections}


def _schedstat(pids: list[int]) -> float:
    """Seconds the main threads of ``pids`` have spent on a core or runnable waiting for one (``schedstat``): what
    is left of the wall time is time they had nothing to do (waiting for the database, the broker, a task)."""
    total = 0
    for pid in pids:
        on_cpu, waiting = Path(f"/proc/{pid}/schedstat").read_text().split()[:2]
        total += int(on_cpu) + int(waiting)
    return total / 1e9


def _postgres_cpu(name: str = "postgres") -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL process on this machine (its server, backends and writers: other
    people's queries too, when there are any) — or of each process whose name starts with ``name`` (``beam``:
    RabbitMQ); ``_spent`` turns two of these into the CPU spent between them."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if text.split(" (", 1)[1].startswith(name):
            fields = text.rsplit(")", 1)[1].split()
            out[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU spent between two ``_postgres_cpu`` (a backend that ended meanwhile is not counted)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


CPU_MS: list[float] = []  # the in-process engine's CPU milliseconds per article, each time it is measured


def in_process(lines: list[bytes]) -> float:
    """Articles per second, decoded and checked in this process (one core), over ``lines``."""
    from rules.engine import check
    from rules.model import CheckRequest

    decoder = msgspec.json.Decoder(CheckRequest)
    check(decoder.decode(lines[0]))
    start, cpu = time.perf_counter(), time.process_time()
    for line in lines:
        check(decoder.decode(line))
    CPU_MS.append((time.process_time() - cpu) / len(lines) * 1000)
    return len(lines) / (time.perf_counter() - start)


def run_batch(deployment: Deployment, server: subprocess.Popen, port: int, path: Path, total: int, processes: int,
              kill_at: float | None = None) -> dict:
    """Submit ``path`` with ``processes`` worker processes running; sample progress every second; optionally
    SIGKILL one worker process when ``kill_at`` of the lines are done. Returns the figures."""
    worker = deployment.worker(processes)
    url = f"http://127.0.0.1:{port}"
    samples: list[dict] = []
    killed = None
    try:
        with httpx.Client(base_url=url, headers=deployment.auth, timeout=httpx.Timeout(60, write=600, read=600)) \
                as http:
            # warm-up: a line per worker process, so that what is timed is checking, not the processes' start
            warm = http.post("/v1/batches", content=b"\n".join(articles(4 * processes, seed=1)),
                             headers={"content-type": "application/x-ndjson"})
            while http.get(warm.headers["location"], params={"limit": 0}).json()["state"] != "done":
                time.sleep(0.2)
            pids = _work_pids(worker.pid)
            servers = _work_pids(server.pid)
            cpu_before = sum(_cpu_seconds(p) for p in pids)
            sched_before = _schedstat(pids)
            server_before = sum(_cpu_seconds(p) for p in servers)
            db_before, broker_before = _postgres_cpu(), _postgres_cpu("beam")
            start = time.perf_counter()

            def pieces():
                with path.open("rb") as f:
                    while piece := f.read(1 << 20):
                        yield piece

            answer = http.post("/v1/batches", content=pieces(), headers={
                "content-type": "application/x-ndjson", "content-length": str(path.stat().st_size)})
            answer.raise_for_status()
            queued = time.perf_counter() - start
            location = answer.headers["location"]
            batch_id = location.rsplit("/", 1)[1]
            while True:
                b = http.get(location, params={"limit": 0}).json()
                c = b["counts"]
                samples.append({"t": round(time.perf_counter() - start, 1), "done": c["done"], "failed": c["failed"],
                                "queued": c["queued"], "rate": b.get("rate"), "eta_seconds": b.get("eta_seconds")})
                if kill_at is not None and killed is None and c["done"] + c["failed"] >= kill_at * total:
                    victims = _work_pids(worker.pid)
                    os.kill(victims[0], signal.SIGKILL)
                    killed = {"pid": victims[0], "at_done": c["done"] + c["failed"]}
                if b["state"] == "done":
                    break
                time.sleep(1)
            elapsed = time.perf_counter() - start
            cpu = None if killed else sum(_cpu_seconds(p) for p in pids) - cpu_before
            # the share of the wall time a worker process had nothing to run: neither on a core nor waiting for one
            idle = None if killed else 1 - (_schedstat(pids) - sched_before) / (elapsed * len(pids))
            server_cpu = sum(_cpu_seconds(p) for p in servers) - server_before
            db_cpu, broker_cpu = _spent(db_before, _postgres_cpu()), _spent(broker_before, _postgres_cpu("beam"))
            first = next((s["t"] for s in samples if s["done"] + s["failed"]), None)
            rss = _family_rss(worker.pid)
            final = http.get(location, params={"limit": 0}).json()["counts"]
    finally:
        deployment.stop(worker)
    per = 1000 / total
    return {"id": batch_id, "lines": total, "processes": processes, "seconds": round(elapsed, 1),
            "queued_after_s": round(queued, 1), "first_done_after_s": first,
            "articles_per_second": total / elapsed, "final": final,
            "worker_cpu_ms_per_article": cpu * per if cpu else None, "worker_idle": idle, "server_cpu_ms_per_article": server_cpu * per,
            "postgres_cpu_ms_per_article": db_cpu * per, "broker_cpu_ms_per_article": broker_cpu * per,
            "killed": killed, "worker_rss_mb": rss,
            "progress_samples": len(samples), "progress": samples[:: max(1, len(samples) // 20)]}


def batches(lines: int, archive: int) -> dict:
    """Batch throughput with 1 and 2 worker processes on ``lines`` articles, then ``archive`` articles with 2 and a
    SIGKILL half-way; each against the in-process engine on the same articles."""
    deployment = Deployment()
    out: dict = {}
    try:
        server, port = deployment.serve(1)
        with tempfile.TemporaryDirectory() as tmp:
            small = Path(tmp) / "small.ndjson"
            small.write_bytes(b"\n".join(articles(lines, seed=41)) + b"\n")
            sample = list(articles(min(lines, 2000), seed=41))
            engine = in_process(sample)
            one = run_batch(deployment, server, port, small, lines, 1)
            two = run_batch(deployment, server, port, small.with_name("small.ndjson"), lines, 2)
            engine_after = in_process(sample)  # again after, so a change of load shows
            out["in_process_articles_per_second"] = [engine, engine_after]
            out["workers_1"], out["workers_2"] = one, two
            base = (engine + engine_after) / 2
            out["ratio_1_over_in_process"] = one["articles_per_second"] / base
            out["ratio_2_over_in_process"] = two["articles_per_second"] / base
            out["in_process_cpu_ms_per_article"] = sum(CPU_MS) / len(CPU_MS)
            out["cpu_bound_2_over_in_process"] = cpu_bound(out["in_process_cpu_ms_per_article"], two)
            if archive:
                big = Path(tmp) / "archive.ndjson"
                with big.open("wb") as f:
                    for line in articles(archive, seed=43):
                        f.write(line + b"\n")
                sample = list(articles(2000, seed=43))
                before = in_process(sample)
                run = run_batch(deployment, server, port, big, archive, 2, kill_at=0.5)
                after = in_process(sample)
                run["in_process_articles_per_second"] = [before, after]
                run["ratio_over_in_process"] = run["articles_per_second"] / ((before + after) / 2)
                where = f"batch_id = '{run['id']}'"
                lines_stored = _count(deployment, f"SELECT count(*) FROM {{s}}.batch_lines WHERE {where}")
                reports = _count(deployment, "SELECT count(*) FROM {s}.reports WHERE id IN (SELECT report_id FROM "
                                             f"{{s}}.batch_lines WHERE {where})")
                c = run["final"]
                run["reports_stored"], run["lines_stored"] = reports, lines_stored
                # ids are primary keys, so a line twice is impossible in the tables; what is checked is that the
                # counts (grown only by rows actually added) match the rows, and every line is there
                run["exactly_once"] = (reports == c["done"] and lines_stored == c["total"] == archive
                                       and c["done"] + c["failed"] == archive and c["queued"] == 0)
                out["archive"] = run
    finally:
        deployment.close()
    return out


def _count(deployment: Deployment, sql: str) -> int:
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-tAc",
                          sql.format(s=f'"{deployment.schema}"')], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def cold_start(tries: int = 3) -> dict:
    """Seconds from launching ``tadqiq serve --workers 1`` (SQLite, as ``make run``) to its first 2xx answer to
    ``POST /v1/checks`` with the seed, stored as every real check is; best of ``tries``, each a new process, in a new
    data directory (the first start: the database is created, from the tables, and stamped at the head), then as
    many restarts on a data directory already made (alembic is not even imported), then as many first starts with
    an empty cache directory (``TADQIQ_CACHE_DIR``: the first start after installing or changing the code, which
    parses the catalogues, the units and the lexicons again and keeps them; the other two use the user's cache, as
    every later start does). Bytecode compiled beforehand. The client only tries to connect every 5 ms and sends
    one request once it can (no HTTP client made per try: on two cores its CPU was the server's loss)."""
    from service.auth import new_key

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "service"), str(ROOT / "rules")],
                   capture_output=True)
    key = new_key()
    request = request_bytes("127.0.0.1", "/v1/checks", SEED.read_bytes(), {"Authorization": f"Bearer {key}"})
    out: dict[str, list[float]] = {f"{kind}{cpu}": [] for kind in ("first", "restart", "uncached")
                                   for cpu in ("", "_cpu")} | {"rss": []}
    with tempfile.TemporaryDirectory() as kept:
        _first_answer(kept, key, request)  # makes the kept directory, and the user's cache if this code has none
        for kind in ("first", "restart", "uncached"):
            for _ in range(tries):
                with tempfile.TemporaryDirectory() as fresh, tempfile.TemporaryDirectory() as cache:
                    data = kept if kind == "restart" else fresh
                    seconds, cpu, rss = _first_answer(data, key, request,
                                                      {"TADQIQ_CACHE_DIR": cache} if kind == "uncached" else {})
                out[kind].append(round(seconds, 3))
                out[f"{kind}_cpu"].append(round(cpu, 3))
                out["rss"].append(round(rss, 1))
    return {"seconds": min(out["first"]), "all": out["first"], "cpu_seconds": min(out["first_cpu"]),
            "cpu_all": out["first_cpu"], "restart_seconds": min(out["restart"]), "restart_all": out["restart"],
            "restart_cpu_all": out["restart_cpu"], "uncached_seconds": min(out["uncached"]),
            "uncached_all": out["uncached"], "uncached_cpu_all": out["uncached_cpu"],
            "rss_mb_after_first_answer": out["rss"], "stored": True}


def _first_answer(data: str, key: str, request: bytes, extra: dict | None = None) -> tuple[float, float, float]:
    """(seconds to the first answer, the server's CPU seconds by then, its RSS in MB) of a server on ``data``."""
    from service.auth import digest

    port = _free_port()
    env = {**os.environ, **(extra or {}), "TADQIQ_DATA_DIR": data, "TADQIQ_KEYS": f"b:b:submitter:{digest(key)}",
           "TADQIQ_LOG_LEVEL": "warning", "TADQIQ_RATE": "", "TADQIQ_FAILURES": "",
           # this tree's code, not whichever checkout the package is installed (editable) from
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen([str(TADQIQ), "serve", "--workers", "1", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while True:
            try:
                status = send_once("127.0.0.1", port, request)
                if not 200 <= status < 300:
                    raise RuntimeError(f"first answer {status}")
                break
            except OSError:
                pass
            if time.perf_counter() - start > 60:
                raise RuntimeError("no answer in 60 s")
            time.sleep(0.005)
        return time.perf_counter() - start, _cpu_seconds(proc.pid), rss_mb(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def cold_summary(c: dict) -> str:
    return (f"start     cold start to first answer (a stored check) {c['seconds']:.2f} s on a new database "
            f"(target ≤ 1.0; tries {c['all']}, server CPU {c['cpu_all']} s), {c['restart_seconds']:.2f} s on a "
            f"made one (tries {c['restart_all']}, CPU {c['restart_cpu_all']} s), {c['uncached_seconds']:.2f} s on a "
            f"new database with an empty cache directory (tries {c['uncached_all']}, CPU {c['uncached_cpu_all']} s); "
            f"RSS {c['rss_mb_after_first_answer']} MB")


def load_now() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def measure(seconds: float, lines: int, archive: int) -> dict:
    out = {"load_before": load_now()}
    out["cold_start"] = cold_start()
    out["stored"] = stored(seconds)
    out["batches"] = batches(lines, archive)
    out["load_after"] = load_now()
    return out


def _where(run: dict) -> str:
    """Where a batch run's time went: when its lines were all queued and its first was done, and the CPU an
    article of the workers (W), the server (S, receiving and queueing the upload, answering the progress polls),
    PostgreSQL (P) and RabbitMQ (B)."""
    return (f"queued after {run['queued_after_s']} s, first done after {run['first_done_after_s']} s, "
            f"workers idle {run['worker_idle']:.0%} of the time, W {run['worker_cpu_ms_per_article']:.2f} S {run['server_cpu_ms_per_article']:.2f} "
            f"P {run['postgres_cpu_ms_per_article']:.2f} B {run['broker_cpu_ms_per_article']:.2f} ms")


def cpu_bound(engine_ms: float, run: dict) -> float:
    """What the CPU an article allows two workers on two cores against the in-process engine (E ms an article,
    one core): 2E / (W + S + P + B), whatever else the machine is doing meanwhile (a busy machine lowers the rates
    measured, hardly these CPU times)."""
    spent = sum(run[f"{k}_cpu_ms_per_article"] for k in ("worker", "server", "postgres", "broker"))
    return 2 * engine_ms / spent


def stored_summary(st: dict) -> str:
    return (f"stored    1 worker {st['workers_1_rps']:.0f} req/s, 2 workers {st['workers_2_rps']:.0f} req/s, "
            f"ratio {st['ratio_2_over_1']:.2f} (target ≥ 1.8; PostgreSQL, interleaved rounds); server CPU per "
            f"request {st['server_cpu_ms_per_request']['1']:.2f} / {st['server_cpu_ms_per_request']['2']:.2f} ms, "
            f"PostgreSQL {st['postgres_cpu_ms_per_request']['1']:.2f} / {st['postgres_cpu_ms_per_request']['2']:.2f} "
            f"ms, load generator {st['generator_cpu_ms_per_request']['1']:.3f} / "
            f"{st['generator_cpu_ms_per_request']['2']:.3f} ms (bound 2S/(S+P+C) = {st['bound_2S_over_S_P_C']:.2f}, "
            f"with the CPU a request of two processes 2S1/(S2+P2+C2) = {st['bound_2S1_over_S2_P2_C2']:.2f}); "
            f"connections per process {st['connections_per_process']['2']}, their shares of the servers' CPU "
            f"{st['cpu_share_per_process']['2']}; each process used {st['cores_used_per_process']['1']:.2f} / "
            f"{st['cores_used_per_process']['2']:.2f} of a core, its threads waited for one "
            f"{st['threads_waiting_for_a_core']['1']:.2f} / {st['threads_waiting_for_a_core']['2']:.2f} of the time; "
            f"event-loop sleeps a request "
            f"{st['loop_sleeps_per_request']['1']:.2f} / {st['loop_sleeps_per_request']['2']:.2f}, every thread's "
            f"{st['thread_sleeps_per_request']['1']:.2f} / {st['thread_sleeps_per_request']['2']:.2f} (checking "
            f"threads a process {st['threads_per_process']['1']} / {st['threads_per_process']['2']}); reports a "
            f"commit {st['reports_per_commit']['1']:.2f} / {st['reports_per_commit']['2']:.2f}; the machine's cores "
            f"idle {st['cores_idle']['1']:.2f} / {st['cores_idle']['2']:.2f}, stolen {st['cores_stolen']['1']:.2f} / "
            f"{st['cores_stolen']['2']:.2f}, busy with others' work {st['cores_for_others']['1']:.2f} / "
            f"{st['cores_for_others']['2']:.2f}; "
            f"RSS per process {st['rss_mb']} MB")


def summary(s: dict) -> str:
    st, b, c = s["stored"], s["batches"], s["cold_start"]
    lines = [stored_summary(st),
             f"batch     in-process engine {b['in_process_articles_per_second'][0]:.0f} / "
             f"{b['in_process_articles_per_second'][1]:.0f} articles/s (before / after); "
             f"1 worker {b['workers_1']['articles_per_second']:.0f}/s ({b['ratio_1_over_in_process']:.2f}×), "
             f"2 workers {b['workers_2']['articles_per_second']:.0f}/s ({b['ratio_2_over_in_process']:.2f}×) "
             f"on {b['workers_1']['lines']} articles; CPU per article: in-process "
             f"{b['in_process_cpu_ms_per_article']:.2f} ms, then with 1 / 2 workers: {_where(b['workers_1'])} / "
             f"{_where(b['workers_2'])}; CPU bound of 2 workers on 2 cores 2E/(W+S+P+B) = "
             f"{cpu_bound(b['in_process_cpu_ms_per_article'], b['workers_2']):.2f}"]
    if "archive" in b:
        a = b["archive"]
        lines.append(f"batch     archive {a['lines']} articles, 2 workers, SIGKILL of one at {a['killed']['at_done']}: "
                     f"{a['seconds']:.0f} s, {a['articles_per_second']:.0f}/s = {a['ratio_over_in_process']:.2f}× "
                     f"in-process (target ≥ 0.8); queued after {a['queued_after_s']} s, first line done after "
                     f"{a['first_done_after_s']} s; CPU per article server {a['server_cpu_ms_per_article']:.2f}, "
                     f"PostgreSQL {a['postgres_cpu_ms_per_article']:.2f}, RabbitMQ {a['broker_cpu_ms_per_article']:.2f} "
                     f"ms; final {a['final']}; exactly once: {a['exactly_once']}; "
                     f"{a['progress_samples']} progress samples; worker RSS {a['worker_rss_mb']} MB")
    lines.append(cold_summary(c))
    lines.append(f"machine   load average before {s['load_before']}, after {s['load_after']} (2 cores)")
    return "\n".join(lines)

