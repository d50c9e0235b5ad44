"""Starting a server process: ``tadqiq serve`` imports with the collector off, and the app's start-up turns it back
on with what start-up built frozen (a process left with it off would never free a cycle)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import KEYS_ENV, UNTHROTTLED_ENV
from servers import TADQIQ, Server

ROOT = Path(__file__).resolve().parent.parent

START = """
import gc, sys
from litestar.testing import TestClient
from service.cli import server

app = server()
print(gc.isenabled())
with TestClient(app) as client:
    assert client.get("/health").status_code == 200
    print(gc.isenabled(), gc.get_freeze_count() > 50_000)
"""


def test_a_server_process_collects_again_once_started(tmp_path):
    out = subprocess.run([sys.executable, "-c", START], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": ""})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True"]


def _tcp(port: int) -> list[tuple[str, int]]:
    """(state, socket inode) of the IPv4 TCP sockets whose local port is ``port`` ('0A' listening, '01' open)."""
    out = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        f = line.split()
        if int(f[1].rsplit(":", 1)[1], 16) == port:
            out.append((f[3], int(f[9])))
    return out


def _sockets(pid: int) -> set[int]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def test_server_processes_share_the_connections_opened_together(tmp_path):
    """With two server processes, kept-alive connections opened at once are spread over both (each process listens
    on a socket of its own, SO_REUSEPORT): on one shared socket, the process that woke first took them all and the
    other sat idle."""
    env = {"TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": KEYS_ENV, "TADQIQ_PROCESSES": "2", **UNTHROTTLED_ENV}
    with Server(env) as server:
        deadline = time.monotonic() + 60
        while sum(state == "0A" for state, _ in _tcp(server.port)) < 2:  # both processes listening
            assert time.monotonic() < deadline, server.output()
            time.sleep(0.2)
        connections = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(16)]
        try:
            for c in connections:
                c.sendall(b"GET /health HTTP/1.1\r\nHost: tadqiq\r\n\r\n")
            for c in connections:
                assert c.recv(4096).startswith(b"HTTP/1.1 200")
            open_inodes = {inode for state, inode in _tcp(server.port) if state == "01"}
            kids = subprocess.run(["pgrep", "-P", str(server.proc.pid)], capture_output=True, text=True).stdout
            served = [len(_sockets(int(pid)) & open_inodes) for pid in kids.split()]
            assert sum(served) == 16 and sorted(served)[-2] > 0, served  # both processes hold connections
        finally:
            for c in connections:
                c.close()


def test_a_port_in_use_is_a_clear_error_with_several_processes(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        out = subprocess.run([str(TADQIQ), "serve", "--workers", "2", "--port", str(port), "--host", "127.0.0.1"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60,
                             env={**os.environ, "TADQIQ_DATA_DIR": str(tmp_path), "TADQIQ_KEYS": KEYS_ENV})
    finally:
        taken.close()
    assert out.returncode != 0 and "Address already in use" in out.stderr, out.stderr[-2000:]


WITHOUT_THROTTLING = """
import sys
from service.app import create_app
from service.settings import Settings
from service.throttle import Throttle

create_app(Settings(data_dir=sys.argv[1], keys="", rate="", failures=""))
print("limits" in sys.modules)
assert Throttle("2/second", "").rate
print("limits" in sys.modules)
"""


def test_a_server_without_throttling_does_not_import_limits(tmp_path):
    """``limits`` imports every storage backend it has (memcached, MongoDB, Redis…): a server that counts nothing
    (``TADQIQ_RATE`` and ``TADQIQ_FAILURES`` empty) does without it; one that counts imports it."""
    out = subprocess.run([sys.executable, "-c", WITHOUT_THROTTLING, str(tmp_path)], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]


WITHOUT_ORM = """
import asyncio, sys
from service.app import create_app
from service.settings import Settings
from service.storage import Store
from service.work import check_json

create_app(Settings(data_dir=sys.argv[1], keys="", rate="", failures=""))
store = Store.from_settings(Settings(data_dir=sys.argv[1]))

async def first():
    await store.open()
    try:
        return await store.add("desk", "k", check_json(open(sys.argv[2], "rb").read()))
    finally:
        await store.close()

print(asyncio.run(first()).verdicts > 0, "sqlalchemy.orm" in sys.modules)
import sqlalchemy.ext.asyncio  # run as usual when asked for, on the engine module already imported
print(sqlalchemy.ext.asyncio.create_async_engine is sys.modules["service.storage"].create_async_engine)
"""


def test_a_server_storing_its_first_check_does_not_import_sqlalchemys_orm(tmp_path):
    """The store uses SQLAlchemy's asyncio engine, not its ORM, which the asyncio extension's package imports (its
    session): a server's start and first stored check do without it."""
    seed = ROOT / "seeds" / "tiktok-m2" / "claims.json"
    out = subprocess.run([sys.executable, "-c", WITHOUT_ORM, str(tmp_path), str(seed)], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False", "True"]
