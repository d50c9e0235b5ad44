"""Shared fixtures: one app per test session (its own SQLite file and API keys), a test client authenticated as a
submitter, and the seed directories."""

from __future__ import annotations

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


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[name]}"}


@pytest.fixture(scope="session")
def app(tmp_path_factory) -> Litestar:
    data = tmp_path_factory.mktemp("tadqiq-data")
    return create_app(Settings(max_body=2 * 1024 * 1024, data_dir=str(data), keys=KEYS_ENV))


@pytest.fixture(scope="session")
def client(app: Litestar) -> Iterator[TestClient]:
    """Sends the desk's submitter key unless a test passes another ``Authorization``."""
    with TestClient(app) as c:
        c.headers.update(bearer("desk-submitter"))
        yield c



#: Lines a test wants in the run's closing summary (the published corpus's tallies), printed whatever the options.
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    if SUMMARY:
        terminalreporter.section("readings of published text")
        for line in SUMMARY:
            terminalreporter.write_line(line)
