"""Shared fixtures: one app per test session, a test client, and the seed directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.app import create_app
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if (p / "claims.json").exists())


@pytest.fixture(scope="session")
def app() -> Litestar:
    return create_app(Settings(max_body=2 * 1024 * 1024))


@pytest.fixture(scope="session")
def client(app: Litestar) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
