"""Real server processes for the tests that need one (kill -9, two instances, the browser): ``tadqiq serve`` in
a subprocess on a free loopback port, configured by environment, with its log kept for the failure message."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TADQIQ = Path(sys.executable).with_name("tadqiq")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``with Server(env) as s: httpx.get(s.url + "/health")``; ``kill9()`` ends it the hard way. It runs in a
    session of its own, so that its worker processes end with it."""

    def __init__(self, env: dict[str, str], port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env, "TADQIQ_PORT": str(self.port), "TADQIQ_HOST": "127.0.0.1"}
        self.log = tempfile.TemporaryFile()
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> Server:
        self.proc = subprocess.Popen([str(TADQIQ), "serve"], env=self.env, cwd=ROOT, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start in {timeout}s:\n{self.output()}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-4000:]

    def kill9(self) -> None:
        """SIGKILL to the server and its worker processes (``tadqiq serve`` runs one per core)."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.log.close()
