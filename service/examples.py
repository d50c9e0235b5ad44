"""The OpenAPI document's examples: what tadqiq answers to the seed article (``seeds/tiktok-m2``) and to the
requests a newsroom makes around it.

``record`` sends those requests to a real app (its own temporary database, its own keys) and keeps each request and
answer, with the report's id, the times and the day made the same on every run, in ``service/data/examples.json``
(``make openapi`` runs it). ``attach`` writes them into the document at start-up. Batches need a broker, so their
answers are built from the same Structs the routes answer with. ``tests/test_contract.py`` checks every example
against its schema, so an example that no longer fits its route fails there.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from litestar.openapi.spec import OpenAPIMediaType
from litestar.openapi.spec.base import BaseSchemaObject

__all__ = ["EXAMPLES", "attach", "record"]

EXAMPLES = Path(__file__).parent / "data" / "examples.json"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "tiktok-m2" / "claims.json"

#: What the examples show instead of what changes between runs.
REPORT_ID = "Vb0q3Zt8kR2mXw5yLc7uHA"
BATCH_ID = "n4Pq8sWk1YzT6bR0vJx3Ug"
NOW = "2025-03-10T09:30:00Z"
TODAY = "2025-03-10"
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")

#: A reference a reviewer adds: the law that forced the sale, as Congress published it.
LAW = {"claim": {"kind": "event", "id": "pl-118-50", "subject": "الكونغرس",
                 "what": "توقيع قانون حماية الأميركيين من التطبيقات التي يسيطر عليها خصوم أجانب",
                 "time": "2024-04-24", "tense": "past", "source": "Public Law 118-50 (congress.gov)",
                 "url": "https://www.congress.gov/bill/118th-congress/house-bill/815"},
       "also": {"what": ["Protecting Americans from Foreign Adversary Controlled Applications Act"]},
       "language": "ar", "checked": "2025-03-01"}


def _short(value: Any, items: int = 2) -> Any:
    """Long lists cut to their first ``items`` (an example shows the shape, not the whole library)."""
    if isinstance(value, list):
        return [_short(v, items) for v in value[:items]]
    if isinstance(value, dict):
        return {k: _short(v, items) for k, v in value.items()}
    return value


def record() -> dict[str, Any]:
    """Every operation's request and answer, as ``{"METHOD /path": {"request": …, "responses": {status: …}}}``."""
    from litestar.testing import TestClient

    from service.app import create_app
    from service.auth import digest, new_key
    from service.settings import Settings

    key = new_key()
    made: dict[str, Any] = {}
    seed = json.loads(SEED.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as data:
        keys = Path(data) / "keys.toml"  # the key, and the newsroom as it publishes (ClaimReview's author)
        keys.write_text(f'[[key]]\nid = "desk-admin"\nnewsroom = "desk"\nrole = "admin"\nsha256 = "{digest(key)}"\n'
                        '[[newsroom]]\nid = "desk"\nname = "أخبارنا"\nurl = "https://www.akhbarona.com/"\n', "utf-8")
        app = create_app(Settings(data_dir=data, keys_file=str(keys)))
        with TestClient(app) as http:
            http.headers["Authorization"] = f"Bearer {key}"

            def keep(method: str, path: str, status: int, sent: Any = None, *, at: str | None = None,
                     text: bool = False, short: bool = False, **params: Any) -> Any:
                answer = http.request(method, at or path, json=sent, params=params or None)
                assert answer.status_code == status, (method, path, answer.status_code, answer.text)
                body: Any = answer.text if text else (answer.json() if answer.content else None)
                entry = made.setdefault(f"{method} {path}", {"responses": {}})
                if sent is not None:
                    entry["request"] = sent
                if body is not None:
                    entry["responses"][str(status)] = _short(body) if short else body
                return answer

            keep("POST", "/v1/checks", 200, seed, store="false")
            created = keep("POST", "/v1/checks", 201, seed)
            real_id = created.headers["location"].rsplit("/", 1)[1]
            at = f"/v1/checks/{real_id}"
            share = next(n for n, v in enumerate(created.json()["verdicts"]) if v["rule"] == "share_of_whole")
            keep("POST", "/v1/checks/{report_id}/reviews", 201, {
                "verdict": share, "decision": "confirm",
                "note": "ByteDance does not publish its revenue; no reference figure to check the implied total."},
                at=f"{at}/reviews")
            keep("GET", "/v1/checks", 200, short=True)
            keep("GET", "/v1/checks/{report_id}", 200, at=at)
            keep("GET", "/v1/checks/{report_id}/reviews", 200, at=f"{at}/reviews")
            keep("GET", "/v1/checks/{report_id}/claimreview", 200, at=f"{at}/claimreview")
            keep("GET", "/v1/checks/{report_id}/csv", 200, at=f"{at}/csv", text=True)
            keep("GET", "/v1/checks/{report_id}/markdown", 200, at=f"{at}/markdown", text=True)
            keep("POST", "/v1/normalise", 200, {"language": "ar", "published": "2025-03-01", "currencies": ["EUR"],
                                                "figures": ["ما يقارب 12.3 مليار دولار سنوياً", "68%",
                                                            {"text": "170 مليون", "unit": "مستخدم"}]})
            keep("POST", "/v1/normalise/times", 200, {"language": "ar", "published": "2025-03-01",
                                                      "times": ["بحلول سبتمبر 2025", "العام الماضي"]})
            keep("POST", "/v1/extract", 200, {"document": {"language": "ar"}, "text": (
                "تحقق تيك توك ما يقارب 12.3 مليار دولار سنوياً من الإعلانات في الولايات المتحدة، وهو ما يشكل 68% من "
                "إيراداتها العالمية.")}, short=True)
            keep("POST", "/v1/references", 201, LAW)
            keep("GET", "/v1/references/{ref_id}", 200, at="/v1/references/pl-118-50")
            superseded = {**LAW, "checked": "2025-03-10"}
            keep("POST", "/v1/references/{ref_id}/versions", 201, superseded, at="/v1/references/pl-118-50/versions")
            keep("GET", "/v1/references/{ref_id}/versions", 200, at="/v1/references/pl-118-50/versions")
            keep("POST", "/v1/references/starter", 200, short=True)
            keep("GET", "/v1/references", 200, short=True, kind="role", scope="الولايات المتحدة", time="2025-03-01")
            keep("GET", "/v1/references/export.json", 200, short=True)
            csv_text = keep("GET", "/v1/references/export.csv", 200, text=True).text
            made["GET /v1/references/export.csv"]["responses"]["200"] = "\r\n".join(csv_text.split("\r\n")[:3]) + "\r\n"
            keep("POST", "/v1/references/import", 200, [superseded])
            keep("DELETE", "/v1/references/{ref_id}", 204, at="/v1/references/pl-118-50")
            rules = keep("GET", "/v1/rules", 200).json()
            made["GET /v1/rules"]["responses"]["200"] = [r for r in rules if r["id"] == "share_of_whole"]
            keep("GET", "/health", 200)
            deadline = time.monotonic() + 300
            while http.get("/health/ready").status_code == 503 and time.monotonic() < deadline:
                time.sleep(0.1)  # until the worker processes run
            keep("GET", "/health/ready", 200)
            metrics = keep("GET", "/metrics", 200, text=True).text
            made["GET /metrics"]["responses"]["200"] = "\n".join(
                [line for line in metrics.splitlines() if "tadqiq_verdicts" in line][:8]) + "\n"
    made.update(_batches())
    text = json.dumps(made, ensure_ascii=False, sort_keys=True).replace(real_id, REPORT_ID)
    text = _DATETIME.sub(NOW, text).replace(dt.date.today().isoformat(), TODAY).replace(
        "http://testserver.local", "https://tadqiq.example.org")
    return json.loads(text)


def _batches() -> dict[str, Any]:
    """Batches run on the broker: their answers, built as the routes build them. (The NDJSON form of a batch has no
    example: schemathesis would send it, and it cannot write NDJSON; the JSON form is shown.)"""
    from service.batches import BatchCounts, BatchLine, BatchStatus

    base = f"/v1/batches/{BATCH_ID}"
    queued = BatchStatus(id=BATCH_ID, state="queued", kind="reports", created=dt.datetime(2025, 3, 10, 9, 30),
                         created_by="desk-admin", counts=BatchCounts(total=1, queued=1, done=0, failed=0),
                         events=f"{base}/events", href=base)
    done = msgspec.structs.replace(queued, state="done", counts=BatchCounts(total=1, queued=0, done=1, failed=0),
                                   rate=4.0, eta_seconds=0.0,
                                   lines=[BatchLine(line=1, report=REPORT_ID, href=f"/v1/checks/{REPORT_ID}")])
    cancelled = msgspec.structs.replace(queued, state="cancelled")
    as_json = msgspec.to_builtins
    event = json.dumps(as_json(msgspec.structs.replace(done, lines=[])), ensure_ascii=False)
    return {"POST /v1/batches": {"request": {"reports": [REPORT_ID]}, "responses": {"202": as_json(queued)}},
            "GET /v1/batches/{batch_id}": {"responses": {"200": as_json(done)}},
            "GET /v1/batches/{batch_id}/events": {"responses": {"200": f"id: 1\nevent: done\ndata: {event}\n\n"}},
            "DELETE /v1/batches/{batch_id}": {"responses": {"200": as_json(cancelled)}}}


def write(path: Path = EXAMPLES) -> None:
    path.write_text(json.dumps(record(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


@dataclass
class Verbatim(BaseSchemaObject):
    """An example written into the document as it is: Litestar drops every null from the dicts it writes, which
    would take the ``"next": null`` out of a page and make the example contradict its schema."""

    value: Any

    def to_schema(self) -> Any:  # type: ignore[override]
        return self.value


def attach(document: Any) -> None:
    """Each recorded request and answer as the ``example`` of its operation's media type."""
    if not EXAMPLES.exists():
        return
    examples = json.loads(EXAMPLES.read_text("utf-8"))
    for key, shown in examples.items():
        method, path = key.split(" ", 1)
        item = (document.paths or {}).get(path)
        operation = getattr(item, method.lower(), None) if item else None
        if operation is None:
            continue
        body = operation.request_body
        if body is not None and not isinstance(body, dict) and body.content:
            for media, content in body.content.items():
                if media == "application/json" and "request" in shown:
                    content.example = Verbatim(shown["request"])
        for status, answer in shown["responses"].items():
            response = (operation.responses or {}).get(status)
            for content in ((response.content or {}).values() if response is not None else ()):
                if isinstance(content, OpenAPIMediaType):
                    content.example = Verbatim(answer)
