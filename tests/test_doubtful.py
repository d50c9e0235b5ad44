"""The doubtful status end to end: figures that fit only at the edge of their rounding are counted, stored,
listed, filtered, shown with their own badge and fit, exported (ClaimReview rating, CSV, Markdown) and reviewed
like any other status; a request may set its own threshold; a database made before the status gains its column."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from conftest import KEYS_ENV, bearer, sign_in
from litestar.testing import TestClient

from service.app import create_app
from service.settings import Settings

TRIPLED = {"document": {"language": "en", "title": "Subscribers tripled"},
           "claims": [{"kind": "quantity", "id": "a", "value": "2 million", "metric": "subscribers", "time": "2020"},
                      {"kind": "quantity", "id": "b", "value": "4 million", "metric": "subscribers", "time": "2024"},
                      {"kind": "quantity", "id": "c", "value": "tripled", "metric": "subscribers", "time": "2024"}]}


@pytest.fixture
def fresh(tmp_path):
    with TestClient(create_app(Settings(data_dir=str(tmp_path), keys=KEYS_ENV))) as c:
        c.headers.update(bearer("desk-reviewer"))
        yield c


def _store(client, body) -> tuple[str, dict]:
    r = client.post("/v1/checks", content=json.dumps(body), headers={"content-type": "application/json"})
    assert r.status_code == 201, r.text
    return r.headers["location"].rsplit("/", 1)[1], r.json()


def test_a_doubtful_verdict_is_counted_stored_filtered_exported_and_reviewed(fresh):
    rid, report = _store(fresh, TRIPLED)
    change = next(v for v in report["verdicts"] if v["rule"] == "change")
    assert change["status"] == "doubtful" and float(change["computation"]["fit"]) > 0.8
    assert "1.56 million" in change["explanation"]["en"] and report["counts"]["doubtful"] == 1
    stored = fresh.get(f"/v1/checks/{rid}").json()
    assert stored["tally"]["doubtful"] == 1
    listed = fresh.get("/v1/checks", params={"status": "doubtful"}).json()["items"]
    assert [i["id"] for i in listed] == [rid] and listed[0]["tally"]["doubtful"] == 1
    assert fresh.get("/v1/checks", params={"status": "inconsistent"}).json()["items"] == []

    n = report["verdicts"].index(change)
    rating = fresh.get(f"/v1/checks/{rid}/claimreview", params={"all": "true"}).json()["@graph"][n]["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"], rating["bestRating"]) == (2, "Doubtful", 4)
    rows = list(csv.DictReader(io.StringIO(fresh.get(f"/v1/checks/{rid}/csv").text)))
    assert rows[n]["status"] == "doubtful" and float(rows[n]["fit"]) > 0.8
    assert "doubtful" in fresh.get(f"/v1/checks/{rid}/markdown").text

    sign_in(fresh, "desk-reviewer")
    try:
        page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
        assert 'class="badge badge-doubtful"' in page and f"/reports/{rid}?status=doubtful" in page
        only = fresh.get(f"/reports/{rid}?status=doubtful", headers={"authorization": ""}).text
        assert only.count('data-status="doubtful"') >= 2  # the filter chip and the one verdict
        listing = fresh.get("/reports?status=doubtful", headers={"authorization": ""}).text
        assert rid in listing
    finally:
        fresh.cookies.clear()

    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": n, "decision": "override", "status": "inconsistent",
                                                     "note": "the company's filing says 3.9 million"})
    assert r.status_code == 201
    assert fresh.get(f"/v1/checks/{rid}").json()["tally"]["doubtful"] == 0
    assert fresh.get("/v1/checks", params={"status": "doubtful"}).json()["items"] == []
    r = fresh.post(f"/v1/checks/{rid}/reviews", json={"verdict": n, "decision": "override", "status": "doubtful",
                                                     "note": "back to the engine's reading"})
    assert r.status_code == 201 and fresh.get(f"/v1/checks/{rid}").json()["tally"]["doubtful"] == 1


def test_a_request_sets_its_own_threshold(fresh):
    strict = {**TRIPLED, "policy": {"doubtful": "0.95"}}
    r = fresh.post("/v1/checks?store=false", json=strict)
    assert r.status_code == 200, r.text
    change = next(v for v in r.json()["verdicts"] if v["rule"] == "change")
    assert change["status"] == "consistent" and "0.95" in r.json()["policy"]
    bad = fresh.post("/v1/checks?store=false", json={**TRIPLED, "policy": {"doubtful": "2"}})
    assert bad.status_code == 422


def test_a_database_made_before_the_doubtful_status_gains_the_column(tmp_path):
    """Revision 0001 alone, as a server of the previous version left it; the next start adds the column."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    import service.storage as storage

    db = tmp_path / "tadqiq.db"
    config = Config()
    config.set_main_option("script_location", str(storage._MIGRATIONS))
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql(
            "INSERT INTO reports (id, newsroom, created, created_by, language, claims, verdicts, consistent, "
            "inconsistent, unverifiable, reviewed, request, report) VALUES ('old', 'desk', '2025-01-01 00:00:00', "
            "'x', 'en', 0, 0, 0, 0, 0, 0, x'', x'')")
    engine.dispose()
    with TestClient(create_app(Settings(data_dir=str(tmp_path), keys=KEYS_ENV))) as c:
        c.headers.update(bearer("desk-reviewer"))
        rid, _ = _store(c, TRIPLED)
        assert c.get(f"/v1/checks/{rid}").json()["tally"]["doubtful"] == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT doubtful FROM reports WHERE id = 'old'").fetchone() == (0,)
