"""Starting a server process: ``tadqiq serve`` imports with the collector off, and the app's start-up turns it back
on with what start-up built frozen (a process left with it off would never free a cycle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
