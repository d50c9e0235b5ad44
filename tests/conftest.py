"""Shared fixtures: one app per test session (its own SQLite file and API keys), a test client authenticated as a
submitter, and the seed directories."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.app import create_app
from service.auth import digest, new_key
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if (p / "claims.json").exists())
ARTIFACTS = ROOT / "tests" / "artifacts"

#: key id → (newsroom, role); the keys themselves are made fresh for each test session.
KEY_ROLES = {"desk-submitter": ("desk", "submitter"), "desk-reviewer": ("desk", "reviewer"),
             "desk-admin": ("desk", "admin"), "rival-reviewer": ("rival", "reviewer")}
KEYS = {name: new_key() for name in KEY_ROLES}
KEYS_ENV = ",".join(f"{name}:{nr}:{role}:{digest(KEYS[name])}" for name, (nr, role) in KEY_ROLES.items())


#: Throttling high enough for a test session's thousands of requests from one address (the throttling tests set
#: their own limits).
UNTHROTTLED = {"rate": "1000000/minute", "failures": "1000000/minute"}
UNTHROTTLED_ENV = {"TADQIQ_RATE": UNTHROTTLED["rate"], "TADQIQ_FAILURES": UNTHROTTLED["failures"]}

#: Figures tests measure, printed in the terminal summary: section → lines.
SUMMARY: dict[str, list[str]] = {}


def summary(section: str, line: str) -> None:
    SUMMARY.setdefault(section, []).append(line)


#: CPU milliseconds of ``_speed_unit`` on this 2-core machine when quiet (measured: 35–38 ms).
QUIET_UNIT_MS = 36


def _speed_unit() -> float:
    from fractions import Fraction
    start, x = time.process_time(), Fraction(0)
    for i in range(1, 20_001):
        x += Fraction(i % 97 + 1, i % 89 + 2)
    return (time.process_time() - start) * 1000


def slowdown() -> float:
    """How much slower than when quiet this machine runs pure Python right now (at least 1). CPU time alone does not
    shield a timing test from a crowded machine: shared caches, a throttled clock and a stolen core all stretch it
    too (CI once measured every shape 3.5× its quiet time). Budgets are written for the quiet machine and scaled."""
    return max(1.0, min(_speed_unit() for _ in range(3)) / QUIET_UNIT_MS)


def pytest_terminal_summary(terminalreporter) -> None:
    for section, lines in SUMMARY.items():
        terminalreporter.section(section)
        for line in lines:
            terminalreporter.line(line)


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[name]}"}


def ready(client, timeout: float = 300) -> None:
    """Until ``GET /health/ready`` answers 200 (``client``: a TestClient or an httpx client of a server): its database
    answers and its worker processes run, so that no timed request waits for them to start."""
    deadline = time.monotonic() + timeout
    while (r := client.get("/health/ready")).status_code != 200:
        assert r.status_code == 503 and time.monotonic() < deadline, r.text
        time.sleep(0.1)


_TOKEN = re.compile(r'name="_csrf_token" value="([^"]+)"')


def form_token(client, path: str = "/login") -> str:
    """The CSRF token a page's forms carry (the page also sets the matching cookie in ``client``)."""
    found = _TOKEN.search(client.get(path).text)
    assert found, f"no form token on {path}"
    return found.group(1)


def sign_in(client, name: str) -> str:
    """Sign ``client`` in at /login with key ``name``, as a browser would; returns the form token."""
    token = form_token(client)
    r = client.post("/login", data={"key": KEYS[name], "_csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return token


@pytest.fixture(scope="session")
def app(tmp_path_factory) -> Litestar:
    data = tmp_path_factory.mktemp("tadqiq-data")
    return create_app(Settings(max_body=2 * 1024 * 1024, data_dir=str(data), keys=KEYS_ENV, **UNTHROTTLED))


@pytest.fixture(scope="session")
def client(app: Litestar) -> Iterator[TestClient]:
    """Sends the desk's submitter key unless a test passes another ``Authorization``."""
    with TestClient(app) as c:
        c.headers.update(bearer("desk-submitter"))
        yield c

