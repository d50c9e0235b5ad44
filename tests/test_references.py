"""The newsroom's reference library: kept per newsroom, versions never overwritten, imports all or nothing, the
library checking itself, and every check consulting it — the seed article's "former president Biden" and "the
current Trump administration" checked against the starter library with no reference in the request."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import secrets
import subprocess

import pytest
from conftest import KEYS_ENV, SEEDS, bearer, sign_in
from litestar.testing import TestClient

from rules.library import Held, Library, conflicts, entry_problems
from service.app import create_app
from service.pool import SMALL
from service.references import MAX_IMPORT, entries_from_csv
from service.settings import Settings
from service.starter import starter_entries
from service.storage import Store
from service.storage.references import Libraries

PROBLEM = "application/problem+json"
SEED = next(s for s in SEEDS if s.name == "tiktok-m2")
US = {"role": "President of the United States", "scope": "United States"}
WH = {"source": "The White House", "url": "https://www.whitehouse.gov/about-the-white-house/presidents/"}


def role(ref_id: str, person: str, term: str, **more) -> dict:
    return {"claim": {"kind": "role", "id": ref_id, "person": person, "term": term, **US, **WH},
            "also": {"person": more.pop("names", [])}, "checked": "2025-06-30", **more}


def revenue(ref_id: str, value: str, time: str = "2024") -> dict:
    return {"claim": {"kind": "quantity", "id": ref_id, "value": value, "subject": "ByteDance",
                      "metric": "global revenue", "time": time, "source": "ByteDance annual report",
                      "url": "https://www.bytedance.com/en/"}}


@pytest.fixture
def fresh(tmp_path):
    """A client on an empty database of its own, as the desk's reviewer."""
    with TestClient(create_app(Settings(data_dir=str(tmp_path), keys=KEYS_ENV))) as c:
        c.headers.update(bearer("desk-reviewer"))
        yield c


def seed_without_references() -> dict:
    body = json.loads((SEED / "claims.json").read_text("utf-8"))
    dropped = {r["id"] for r in body.pop("references")}
    body["relations"] = [r for r in body["relations"] if not dropped & set(r.get("claims", []))]
    return body


# -- create, read, list, tenancy -----------------------------------------------------------------------------------
def test_reviewers_add_references_that_submitters_read_and_other_newsrooms_never_see(fresh):
    made = fresh.post("/v1/references", json=role("us.biden", "Joe Biden", "2021-01-20/2025-01-20", names=["بايدن"]))
    assert made.status_code == 201, made.text
    assert made.headers["location"] == "/v1/references/us.biden"
    got = fresh.get("/v1/references/us.biden", headers=bearer("desk-submitter")).json()
    assert (got["version"], got["added_by"], got["entry"]["claim"]["source"]) == (1, "desk-reviewer", "The White House")

    refused = fresh.post("/v1/references", json=role("us.x", "X", "2001-01-20/2009-01-20"),
                         headers=bearer("desk-submitter"))
    assert refused.status_code == 403 and refused.headers["content-type"].startswith(PROBLEM)
    again = fresh.post("/v1/references", json=role("us.biden", "Joe Biden", "2021-01-20/2025-01-20"))
    assert again.status_code == 409

    rival = bearer("rival-reviewer")
    assert fresh.get("/v1/references/us.biden", headers=rival).status_code == 404
    assert fresh.get("/v1/references", headers=rival).json()["items"] == []
    assert fresh.get("/v1/references/us.biden/versions", headers=rival).status_code == 404
    assert fresh.delete("/v1/references/us.biden", headers=rival).status_code == 403  # a reviewer may not delete
    check = {"document": {"language": "ar", "published": "2025-03-01"}, "claims": [
        {"kind": "role", "id": "b", "person": "بايدن", "status": "former", **US}]}
    mine = fresh.post("/v1/checks?store=false", json=check).json()
    theirs = fresh.post("/v1/checks?store=false", json=check, headers=rival).json()
    assert [u["reference"] for u in mine["references_used"]] == ["us.biden"]
    assert theirs.get("references_used", []) == [] and theirs["verdicts"][0]["status"] == "unverifiable"


def test_the_list_filters_by_subject_metric_scope_time_source_and_kind(fresh):
    for body in (role("us.biden", "Joe Biden", "2021-01-20/2025-01-20", names=["بايدن"]),
                 role("us.obama", "Barack Obama", "2009-01-20/2017-01-20", names=["أوباما"]),
                 revenue("bd.2024", "$155 billion")):
        assert fresh.post("/v1/references", json=body).status_code == 201

    def ids(**query) -> list[str]:
        r = fresh.get("/v1/references", params=query)
        assert r.status_code == 200, r.text
        return [i["id"] for i in r.json()["items"]]

    assert ids() == ["bd.2024", "us.biden", "us.obama"]
    assert ids(subject="بايدن") == ["us.biden"]  # a spelling the press uses, not only the name as stored
    assert ids(metric="global revenue") == ["bd.2024"]
    assert ids(scope="United States") == ["us.biden", "us.obama"]
    assert ids(time="2015-06-01") == ["us.obama"]
    assert ids(source="whitehouse.gov") == ["us.biden", "us.obama"]
    assert ids(kind="quantity") == ["bd.2024"]
    first = fresh.get("/v1/references", params={"limit": 2}).json()
    assert first["next"] == "us.biden"
    assert [i["id"] for i in fresh.get("/v1/references", params={"cursor": first["next"]}).json()["items"]] == \
        ["us.obama"]
    assert fresh.get("/v1/references", params={"time": "not a day"}).status_code == 400


# -- versions, deletion ----------------------------------------------------------------------------------------------
def test_superseding_keeps_every_version_with_who_and_when_and_only_admins_delete(fresh):
    assert fresh.post("/v1/references", json=revenue("bd.2024", "$120 billion")).status_code == 201
    newer = revenue("bd.2024", "$155 billion")
    r = fresh.post("/v1/references/bd.2024/versions", json=newer, headers=bearer("desk-admin"))
    assert r.status_code == 201, r.text
    assert r.json()["version"] == 2 and r.json()["entry"]["claim"]["value"] == "$155 billion"
    history = fresh.get("/v1/references/bd.2024/versions").json()
    assert [(v["version"], v["current"], v["added_by"], v["entry"]["claim"]["value"]) for v in history] == \
        [(1, False, "desk-reviewer", "$120 billion"), (2, True, "desk-admin", "$155 billion")]
    assert history[0]["added"] < history[1]["added"]

    other = fresh.post("/v1/references/bd.2024/versions", json=revenue("bd.2023", "$1"))
    assert other.status_code == 422 and other.json()["errors"][0]["where"] == "claim.id"
    assert fresh.post("/v1/references/none/versions", json=revenue("none", "$1")).status_code == 404

    assert fresh.delete("/v1/references/bd.2024").status_code == 403
    assert fresh.delete("/v1/references/bd.2024", headers=bearer("desk-admin")).status_code == 204
    assert fresh.get("/v1/references/bd.2024").status_code == 404
    assert fresh.delete("/v1/references/bd.2024", headers=bearer("desk-admin")).status_code == 404
    history = fresh.get("/v1/references/bd.2024/versions").json()
    assert [(v["version"], v["deleted"], v["added_by"]) for v in history] == \
        [(1, False, "desk-reviewer"), (2, False, "desk-admin"), (3, True, "desk-admin")]
    back = fresh.post("/v1/references", json=revenue("bd.2024", "$155 billion"))
    assert back.status_code == 201 and back.json()["version"] == 4


# -- bad input, the library checking itself --------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "code", "where"), [
    ({"claim": {"kind": "role", "id": "x", "person": "X", "role": "mayor", "term": "2020-01-01/",
                "url": "https://x.example"}}, "no_source", "claim.source"),
    ({"claim": {**role("x", "X", "2020-01-01/")["claim"], "url": "whitehouse.gov"}}, "no_source_url", "claim.url"),
    (role("x", "X", "sometime next year"), None, "claim.term"),
    (role("x", "X", "2025-01-20/2021-01-20"), "end_before_start", "claim.term"),
    (role("x", "X", "last year"), "needs_publication_date", "claim.term"),
    ({**revenue("x", "M2")}, None, "claim.value"),
    ({**revenue("x", "$1 billion"), "also": {"person": ["y"]}}, "bad_spelling_field", "also.person"),
    ({"claim": {**revenue("x", "$1 billion")["claim"], "time": None}}, "no_time", "claim.time"),
])
def test_a_reference_that_cannot_be_read_is_refused_naming_the_field(fresh, body, code, where):
    r = fresh.post("/v1/references", json=body)
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM), r.text
    errors = r.json()["errors"]
    assert [e.get("where") for e in errors] == [where], errors
    if code:  # None: the reader's own code (a figure or time it cannot read)
        assert errors[0]["code"] == code, errors
    assert fresh.get("/v1/references").json()["items"] == []


def test_a_shape_the_api_does_not_have_is_a_422_that_says_where(fresh):
    r = fresh.post("/v1/references", json={"claim": {"kind": "rumour", "id": "x", "source": "s"}})
    assert r.status_code == 422 and "claim" in json.dumps(r.json()["errors"])


def test_the_library_refuses_overlapping_terms_and_contradicting_figures(fresh):
    assert fresh.post("/v1/references", json=role("us.obama", "Barack Obama", "2009-01-20/2017-01-20")).status_code \
        == 201
    handover = fresh.post("/v1/references", json=role("us.trump", "Donald Trump", "2017-01-20/2021-01-20"))
    assert handover.status_code == 201, "a handover day belongs to both terms"
    r = fresh.post("/v1/references", json=role("us.bush", "George W. Bush", "2001-01-20/2009-06-01"))
    assert r.status_code == 422
    assert [e["code"] for e in r.json()["errors"]] == ["overlapping_terms"]
    assert "us.obama" in r.json()["errors"][0]["message"]

    assert fresh.post("/v1/references", json=revenue("bd.a", "$155 billion")).status_code == 201
    r = fresh.post("/v1/references", json=revenue("bd.b", "$155 million"))
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "contradicts"
    assert fresh.post("/v1/references", json=revenue("bd.c", "$155.2 billion")).status_code == 201
    assert fresh.post("/v1/references", json=revenue("bd.d", "$155 million", time="2019")).status_code == 201


# -- import and export --------------------------------------------------------------------------------------------
CSV_GOOD = [
    {"id": "us.obama", "kind": "role", "person": "Barack Obama", "role": "President of the United States",
     "term": "2009-01-20/2017-01-20", "source": "The White House", "url": WH["url"],
     "also_person": "Obama | أوباما", "checked": "2025-06-30"},
    {"id": "sa.peg", "kind": "quantity", "language": "en", "subject": "Saudi riyal", "metric": "exchange rate",
     "value": '{"number": "3.75", "unit": "SAR"}', "time": "1986-06-01/", "throughout": "true",
     "source": "Saudi Central Bank", "url": "https://www.sama.gov.sa/", "also_subject": "riyal | SAR"},
    {"id": "bd.2024", "kind": "quantity", "subject": "ByteDance", "metric": "revenue", "value": "-$1 billion",
     "time": "2024", "source": "=HYPERLINK(\"x\")", "url": "https://www.bytedance.com/"},
]


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, sorted({k for r in rows for k in r}))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_csv_import_with_bad_rows_reports_every_one_and_imports_none(fresh):
    bad = [*CSV_GOOD,
           {"id": "x1", "kind": "role", "person": "X", "role": "mayor", "term": "2020-01-01/"},  # no source
           {"id": "x2", "kind": "planet", "source": "s", "url": "https://s"},  # no such shape
           {"id": "x3", "kind": "quantity", "value": "1", "subject": "s", "metric": "m", "time": "in a while",
            "source": "s", "url": "https://s"},  # a time that cannot be read
           {"id": "us.obama", "kind": "role", "person": "B", "role": "r", "term": "2009-01-20/", "source": "s",
            "url": "https://s"}]  # the same id twice
    r = fresh.post("/v1/references/import", content=to_csv(bad), headers={"content-type": "text/csv"})
    assert r.status_code == 422, r.text
    where = {e["where"].split(" ")[0] + " " + e["where"].split(" ")[1] for e in r.json()["errors"]}
    assert where == {"row 5", "row 6", "row 7", "row 8"}, r.json()["errors"]
    assert fresh.get("/v1/references").json()["items"] == []

    r = fresh.post("/v1/references/import", content=to_csv(CSV_GOOD), headers={"content-type": "text/csv"})
    assert r.status_code == 200, r.text
    assert sorted(r.json()["created"]) == ["bd.2024", "sa.peg", "us.obama"]
    again = fresh.post("/v1/references/import", content=to_csv(CSV_GOOD), headers={"content-type": "text/csv"})
    assert sorted(again.json()["unchanged"]) == ["bd.2024", "sa.peg", "us.obama"]

    exported = fresh.get("/v1/references/export.csv").text
    assert "'=HYPERLINK" in exported, "a cell a spreadsheet would run is neutralised"
    entries, _, issues = entries_from_csv(exported)
    assert not issues
    assert {e.claim.id: e for e in entries} == {i["id"]: _entry(fresh, i["id"]) for i in CSV_GOOD}
    as_json = fresh.get("/v1/references/export.json").json()
    r = fresh.post("/v1/references/import", json=as_json)
    assert r.status_code == 200 and sorted(r.json()["unchanged"]) == ["bd.2024", "sa.peg", "us.obama"]


def _entry(client, ref_id):
    import msgspec

    from rules.library import LibraryEntry

    return msgspec.convert(client.get(f"/v1/references/{ref_id}").json()["entry"], LibraryEntry)


def test_an_import_over_its_limit_is_a_413_and_other_media_a_415(fresh):
    header, line = to_csv(CSV_GOOD[:1]).split("\n", 1)
    big = header + "\n" + line * (MAX_IMPORT // len(line) + 2)
    r = fresh.post("/v1/references/import", content=big, headers={"content-type": "text/csv"})
    assert r.status_code == 413 and r.headers["content-type"].startswith(PROBLEM)
    r = fresh.post("/v1/references/import", content=b"<x/>", headers={"content-type": "application/xml"})
    assert r.status_code == 415
    r = fresh.post("/v1/references/import", content=b"[", headers={"content-type": "application/json"})
    assert r.status_code == 400


# -- the starter library ----------------------------------------------------------------------------------------------
def test_the_starter_library_checks_itself_and_every_entry_is_sourced_and_dated():
    entries = starter_entries()
    assert len(entries) > 100
    assert [p for e in entries for p in entry_problems(e)] == []
    assert conflicts([Held.of(e.claim.id, 1, e) for e in entries]) == []
    for e in entries:
        assert e.claim.source and e.claim.url.startswith(("https://", "http://")) and e.checked, e.claim.id
    ids = {e.claim.id for e in entries}
    assert {"us_president.biden.2021", "us_president.trump.2017", "us_president.trump.2025",
            "sa_prime_minister.mbs.2022", "peg.SAR"} <= ids


def test_a_broken_starter_term_would_be_refused():
    entries = list(starter_entries())
    biden = next(e for e in entries if e.claim.id == "us_president.biden.2021")
    import msgspec

    longer = msgspec.structs.replace(biden, claim=msgspec.structs.replace(biden.claim, id="us_president.biden.x",
                                                                          term="2021-01-20/2025-06-01"))
    library = Library.of(Held.of(e.claim.id, 1, e) for e in entries)
    found = conflicts([Held.of("us_president.biden.x", 1, longer)], library)
    assert {p.code for p in found} == {"overlapping_terms"}
    assert {"us_president.trump.2025", "us_president.biden.2021"} <= {w for p in found for w in p.message.split()
                                                                      if w.startswith("us_")} | \
        {w.strip("(),") for p in found for w in p.message.split()}


def test_the_seed_without_references_is_checked_against_the_starter_library(fresh):
    loaded = fresh.post("/v1/references/starter")
    assert loaded.status_code == 200 and len(loaded.json()["created"]) == len(starter_entries())
    assert fresh.post("/v1/references/starter").json()["unchanged"], "loading again changes nothing"

    r = fresh.post("/v1/checks", json=seed_without_references())
    assert r.status_code == 201, r.text
    report = r.json()
    roles = {v["claims"][0]: v for v in report["verdicts"] if v["rule"] == "role_terms"}
    assert roles["biden"]["claims"] == ["biden", "lib:us_president.biden.2021"]
    assert {"lib:us_president.trump.2025", "lib:us_president.trump.2017"} <= set(roles["trump"]["claims"])
    assert {v["status"] for v in roles.values()} == {"unverifiable"}  # the seed gives no publication date
    assert "2021-01-20" in roles["biden"]["explanation"]["en"]
    writing = next(v for v in report["verdicts"] if v["rule"] == "document_date")
    assert "2025-01-20" in writing["explanation"]["en"] and "2025-09-30" in writing["explanation"]["en"]
    used = {u["reference"]: u for u in report["references_used"]}
    assert set(used) == {"us_president.biden.2021", "us_president.trump.2017", "us_president.trump.2025"}
    assert used["us_president.biden.2021"]["claim"]["url"].startswith("https://")
    assert used["us_president.biden.2021"]["claim"]["person"] == "بايدن", "labelled as the article writes it"

    dated = seed_without_references()
    dated["document"]["published"] = "2025-03-01"
    report = fresh.post("/v1/checks?store=false", json=dated).json()
    assert {v["status"] for v in report["verdicts"] if v["rule"] in ("role_terms", "document_date")} == {"consistent"}
    dated["document"]["published"] = "2024-06-01"
    report = fresh.post("/v1/checks?store=false", json=dated).json()
    biden = next(v for v in report["verdicts"] if v["rule"] == "role_terms" and v["claims"][0] == "biden")
    assert biden["status"] == "inconsistent" and biden["cause"]["code"] == "role_changed"

    dated["use_library"] = False
    report = fresh.post("/v1/checks?store=false", json=dated).json()
    assert report.get("references_used", []) == []
    assert {v["status"] for v in report["verdicts"] if v["rule"] == "role_terms"} == {"unverifiable"}


def test_a_large_request_checked_in_a_worker_process_uses_the_library_too(fresh):
    """Bodies of 64 KiB and more are checked in a worker process, which does not hold the library: the server
    works out what the library adds and sends that along (``service.work.meet_json``)."""
    assert fresh.post("/v1/references/starter").status_code == 200
    body = seed_without_references()
    body["document"]["published"] = "2024-06-01"
    body["claims"] += [{"kind": "quantity", "id": f"pad{n}", "value": f"{n} users", "subject": f"app {n}",
                        "sentence": "x" * 200} for n in range(300)]
    raw = json.dumps(body).encode()
    assert len(raw) >= SMALL
    report = fresh.post("/v1/checks?store=false", content=raw, headers={"content-type": "application/json"}).json()
    assert {u["reference"] for u in report["references_used"]} == {
        "us_president.biden.2021", "us_president.trump.2017", "us_president.trump.2025"}
    biden = next(v for v in report["verdicts"] if v["rule"] == "role_terms" and v["claims"][0] == "biden")
    assert biden["status"] == "inconsistent" and biden["cause"]["code"] == "role_changed"
    body["use_library"] = False
    report = fresh.post("/v1/checks?store=false", json=body).json()
    assert report.get("references_used", []) == []


def test_terms_are_not_used_for_articles_published_after_they_were_checked(fresh):
    assert fresh.post("/v1/references/starter").status_code == 200
    late = seed_without_references()
    late["document"]["published"] = "2026-11-30"
    report = fresh.post("/v1/checks?store=false", json=late).json()
    assert report.get("references_used", []) == []
    assert {p["code"] for p in report["problems"]} == {"library_not_checked_since"}
    assert {v["status"] for v in report["verdicts"] if v["rule"] == "role_terms"} == {"unverifiable"}


def test_a_peg_meets_a_figure_in_its_language_and_time(fresh):
    assert fresh.post("/v1/references/starter").status_code == 200
    body = {"document": {"language": "ar", "published": "2025-03-01"}, "claims": [
        {"kind": "quantity", "id": "rate", "value": "3.75 ريال للدولار", "subject": "الريال السعودي",
         "metric": "سعر الصرف"},
        {"kind": "quantity", "id": "wrong", "value": "3.57 ريال للدولار", "subject": "الريال السعودي",
         "metric": "سعر الصرف", "time": "2024"}]}
    report = fresh.post("/v1/checks?store=false", json=body).json()
    by_claim = {v["claims"][0]: v for v in report["verdicts"] if v["rule"] == "references"}
    assert by_claim["rate"]["status"] == "consistent" and by_claim["wrong"]["status"] == "inconsistent"
    assert {u["reference"] for u in report["references_used"]} == {"peg.SAR"}

    assert "Saudi Central Bank" in by_claim["rate"]["explanation"]["en"]


def test_a_printed_figure_meets_only_articles_where_it_reads_the_same():
    import msgspec

    from rules.library import LibraryEntry
    from rules.model import CheckRequest

    entry = msgspec.convert({"language": "ar-SA", "claim": {
        "kind": "quantity", "id": "fund", "value": "3.75 مليار ريال", "subject": "صندوق التنمية", "metric": "الأصول",
        "time": "2023", "source": "التقرير السنوي", "url": "https://example.org/report"}}, LibraryEntry)
    library = Library.of([Held.of("fund", 1, entry)])

    def met(language: str) -> list[str]:
        request = msgspec.convert({"document": {"language": language}, "claims": [
            {"kind": "quantity", "id": "a", "value": "3.75 مليار ريال", "subject": "صندوق التنمية", "metric": "الأصول",
             "time": "2023"}]}, CheckRequest)
        return [u.reference for u in library.meet(request)[1]]

    assert met("ar-SA") == ["fund"]
    assert met("ar-QA") == [], "'ريال' is the Qatari riyal there: the entry's figure would be read as another"


def test_the_report_page_shows_the_references_used_with_their_source_links(fresh):
    fresh.post("/v1/references/starter")
    rid = fresh.post("/v1/checks", json=seed_without_references()).headers["location"].rsplit("/", 1)[1]
    sign_in(fresh, "desk-submitter")
    try:
        page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    finally:
        fresh.cookies.clear()
    assert 'class="references-used"' in page and "us_president.biden.2021" in page
    assert 'href="https://en.wikipedia.org/wiki/List_of_presidents_of_the_United_States"' in page
    assert page.count("مراجع من مكتبة غرفة الأخبار") == 1


# -- every instance sees the others' writes ----------------------------------------------------------------------------
def test_one_instance_sees_anothers_writes_on_sqlite(tmp_path):
    async def run() -> None:
        url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
        a, b = Store(url), Store(url)
        try:
            await _two_instances(a, b)
        finally:
            await a.close()
            await b.close()

    asyncio.run(run())


POSTGRES = os.environ.get("TADQIQ_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def test_one_instance_sees_anothers_writes_on_postgresql():
    schema = f"tadqiq_refs_{secrets.token_hex(6)}"

    async def run() -> None:
        a, b = Store(POSTGRES, schema), Store(POSTGRES, schema)
        try:
            await _two_instances(a, b)
        finally:
            await a.close()
            await b.close()

    try:
        asyncio.run(run())
    finally:
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc",
                        f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'], check=True, capture_output=True, timeout=30)


async def _two_instances(a: Store, b: Store) -> None:
    import msgspec

    from rules.library import LibraryEntry

    one, two = Libraries(a, refresh=0), Libraries(b, refresh=0)  # the version read before every check
    assert len(await two.get("desk")) == 0
    entry = msgspec.convert(revenue("bd.2024", "$120 billion"), LibraryEntry)
    await one.write("desk", "a", [entry], "create")
    seen = await two.get("desk")
    assert seen.held["bd.2024"].entry == entry
    newer = msgspec.convert(revenue("bd.2024", "$155 billion"), LibraryEntry)
    await two.write("desk", "b", [newer], "supersede")
    assert (await one.get("desk")).held["bd.2024"].entry == newer
    await one.write("desk", "a", delete=["bd.2024"])
    assert "bd.2024" not in (await two.get("desk")).held
    assert [(v.version, v.deleted, v.created_by) for v in await two.versions("desk", "bd.2024")] == \
        [(1, False, "a"), (2, False, "b"), (3, True, "a")]
    assert len(await one.get("rival")) == 0
    # reads and writes at once on one instance (SQLite: one connection) neither wait on each other for ever
    later = msgspec.convert(revenue("bd.2023", "$110 billion", time="2023"), LibraryEntry)
    got = await asyncio.wait_for(asyncio.gather(one.get("desk"), one.write("desk", "a", [later], "create"),
                                                one.get("desk"), two.get("desk")), timeout=30)
    assert "bd.2023" in (await two.get("desk")).held and got[1].created == ["bd.2023"]
    # with the default, another instance's write is seen once the refresh interval has passed
    three = Libraries(b, refresh=0.3)
    assert "bd.2023" in (await three.get("desk")).held
    await one.write("desk", "a", delete=["bd.2023"])
    await asyncio.sleep(0.35)
    assert "bd.2023" not in (await three.get("desk")).held


def test_the_command_loads_the_starter_library_and_exports_it(tmp_path, monkeypatch, capsys):
    from service.cli import main

    monkeypatch.setenv("TADQIQ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TADQIQ_DATABASE_URL", raising=False)
    assert main(["references", "load", "starter", "--newsroom", "desk"]) == 0
    assert f"{len(starter_entries())} references added" in capsys.readouterr().err
    assert main(["references", "load", "starter", "--newsroom", "desk"]) == 0
    assert "0 references added, 0 superseded" in capsys.readouterr().err
    assert main(["references", "export", "--newsroom", "desk"]) == 0
    entries, _, issues = entries_from_csv(capsys.readouterr().out)
    assert not issues and len(entries) == len(starter_entries())
    bad = tmp_path / "bad.csv"
    bad.write_text(to_csv([{"id": "x", "kind": "role", "person": "X", "role": "mayor", "term": "2020-01-01/2019-01-01",
                            "source": "s", "url": "https://s.example"}]), "utf-8")
    assert main(["references", "load", str(bad), "--newsroom", "desk"]) == 1
    assert "end_before_start" in capsys.readouterr().err


def test_a_reference_sent_with_a_span_still_exports(fresh):
    """Schemathesis found a 500: a claim's `span` (where an article printed it) has no column in the library's CSV."""
    body = revenue("bd.spanned", "$110 billion")
    body["claim"].update(span=[0, 12], extracted=True)
    assert fresh.post("/v1/references", json=body).status_code == 201
    r = fresh.get("/v1/references/export.csv")
    assert r.status_code == 200 and "bd.spanned" in r.text and "span" not in r.text.splitlines()[0]
