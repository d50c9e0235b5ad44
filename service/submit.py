"""``tadqiq batch FILE.ndjson --server URL``: submit a batch and follow it with a progress bar (rich) until it ends.

The file is streamed, never read whole. Progress comes from the batch's server-sent events; if that stream breaks
(a server restarted behind a load balancer), the command reconnects and goes on. Exit status: 0 when every line
was checked, 1 when some lines failed (they are listed with their problems), 2 when the batch could not be
submitted or was cancelled.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

__all__ = ["submit"]

_PIECE = 1 << 20


def _key(given: str | None) -> str | None:
    if given:
        return given
    if os.environ.get("TADQIQ_KEY"):
        return os.environ["TADQIQ_KEY"]
    local = Path(os.environ.get("TADQIQ_DATA_DIR") or ".tadqiq") / "local-key.txt"
    return local.read_text().strip() if local.exists() else None


def _pieces(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        while piece := f.read(_PIECE):
            yield piece


def _body(path: Path, reports: bool) -> tuple[bytes | Iterator[bytes], dict[str, str]]:
    if reports:
        ids = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        return json.dumps({"reports": ids}).encode(), {"content-type": "application/json"}
    return _pieces(path), {"content-type": "application/x-ndjson", "content-length": str(path.stat().st_size)}


def _events(http: httpx.Client, url: str) -> Iterator[tuple[str, dict]]:
    """(event name, batch) from the server-sent events at ``url``, until the batch ends."""
    with http.stream("GET", url, timeout=httpx.Timeout(30, read=120)) as answer:
        answer.raise_for_status()
        name, data = "message", []
        for line in answer.iter_lines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif not line and data:
                yield name, json.loads("\n".join(data))
                name, data = "message", []


def submit(file: str, server: str, key: str | None = None, *, reports: bool = False, wait: bool = True) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    key = _key(key)
    if not key:
        console.print("tadqiq: no API key: --key, TADQIQ_KEY or .tadqiq/local-key.txt")
        return 2
    path = Path(file)
    if not path.is_file():
        console.print(f"tadqiq: no such file: {file}")
        return 2
    base = server.rstrip("/")
    with httpx.Client(base_url=base, headers={"authorization": f"Bearer {key}"},
                      timeout=httpx.Timeout(30, write=600, read=600)) as http:
        content, headers = _body(path, reports)
        try:
            answer = http.post("/v1/batches", content=content, headers=headers)
        except httpx.HTTPError as exc:
            console.print(f"tadqiq: cannot reach {base}: {exc}")
            return 2
        if answer.status_code != 202:
            problem = answer.json() if "json" in answer.headers.get("content-type", "") else {}
            console.print(f"tadqiq: {answer.status_code} {problem.get('title', answer.reason_phrase)}: "
                          f"{problem.get('detail', '')}")
            return 2
        batch = answer.json()
        location = answer.headers["location"]
        console.print(f"tadqiq: batch {batch['id']}: {batch['counts']['total']} lines queued; {base}{location}")
        if not wait:
            print(batch["id"])
            return 0
        with Progress(TextColumn("[bold]checking"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]}/s, {task.fields[failed]} failed"), TimeRemainingColumn(),
                      console=console) as bar:
            task = bar.add_task("batch", total=batch["counts"]["total"], rate="–", failed=0)
            while batch["state"] not in ("done", "cancelled"):
                try:
                    for _, batch in _events(http, f"{location}/events"):
                        c = batch["counts"]
                        bar.update(task, completed=c["done"] + c["failed"], failed=c["failed"],
                                   rate=f"{batch.get('rate') or 0:,.0f}")
                except (httpx.HTTPError, json.JSONDecodeError):
                    time.sleep(1)  # the stream broke: ask again
        return _summary(http, location, batch, console)


def _summary(http: httpx.Client, location: str, batch: dict, console) -> int:
    c = batch["counts"]
    console.print(f"tadqiq: batch {batch['id']} {batch['state']}: {c['done']} checked, {c['failed']} failed, "
                  f"{c['queued']} not checked")
    shown, after = 0, 0
    while c["failed"] and shown < 20:
        page = http.get(location, params={"after": after, "limit": 1000}).json()
        for line in page["lines"]:
            if line.get("problem") and shown < 20:
                p = line["problem"]
                console.print(f"  line {line['line']}: {p['status']} {p['title']}: {p.get('detail', '')}"
                              + "".join(f"; {e.get('where') or ''} {e['message']}" for e in p.get("errors", [])))
                shown += 1
        if page.get("next") is None:
            break
        after = page["next"]
    if batch["state"] == "cancelled":
        return 2
    return 1 if c["failed"] else 0
