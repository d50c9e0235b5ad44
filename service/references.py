"""The newsroom's reference library over HTTP: ``/v1/references``.

A reference is a claim in one of the API's shapes (quantity, share, event, role) with its source named and
addressed, the other spellings of its labels, the language of its printed words and the day it was checked
(``rules.library.LibraryEntry``). Every check of the newsroom consults the library (``rules.library``), unless
the request says ``use_library: false``.

Newsroom-scoped like reports: a reference of another newsroom does not exist for a key (404). Submitters read;
reviewers and admins add, supersede and import; only admins delete. Nothing is overwritten: superseding adds a
version and keeps the old one with who added it and when (``GET /v1/references/{id}/versions``); a deletion is
kept in the same history. Before anything is written the library checks itself with the new entries
(``rules.library.conflicts``): an inconsistent write is refused whole with the problems listed.

Import and export: CSV (one row per reference, the columns of ``COLUMNS``; several spellings in one cell are
separated by `` | ``; a structured value is written as its JSON) and JSON (a list of entries). An import is all
or nothing: every bad row is reported and none is imported; it may hold at most ``MAX_ROWS`` rows and
``MAX_IMPORT`` bytes (413 beyond).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.params import PathParameter, QueryParameter
from msgspec import Meta, Struct

from rules.library import LANGUAGES, Held, LibraryEntry, entry_problems
from rules.model import Problem
from rules.text import fold, key
from service.auth import authorize
from service.body import body, read
from service.exports import _cell
from service.problems import Issue, ProblemError
from service.reports import AUTH, SECURITY
from service.routes import BAD, problem
from service.storage.references import Missing, Refused, Taken, Version, Written

__all__ = ["COLUMNS", "ReferencesController", "entries_from_csv", "entries_to_csv"]

MAX_IMPORT = 4 * 1024 * 1024
MAX_ROWS = 20_000
#: paths under /v1/references that are not references
RESERVED = frozenset({"import", "export.csv", "export.json", "starter"})


class Reference(Struct, frozen=True, kw_only=True):
    """A reference as the library holds it: the current version, who added it and when."""

    id: Annotated[str, Meta(description="The reference's id.")]
    version: Annotated[int, Meta(description="Its version in force, from 1.")]
    entry: Annotated[LibraryEntry, Meta(description="The library entry.")]
    added: Annotated[dt.datetime | None, Meta(description="When this version was added.")]
    added_by: Annotated[str | None, Meta(description="Who added it.")]


class ReferenceVersion(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One version of a reference, or its deletion; ``current`` marks the version in force."""

    id: Annotated[str, Meta(description="The reference's id.")]
    version: Annotated[int, Meta(description="This version's number, from 1.")]
    current: Annotated[bool, Meta(description="True for the version in force.")]
    deleted: Annotated[bool, Meta(description="True when this version is the deletion.")]
    added: Annotated[dt.datetime, Meta(description="When it was made.")]
    added_by: Annotated[str, Meta(description="Who made it.")]
    entry: Annotated[LibraryEntry | None, Meta(description="The library entry; absent for a deletion.")] = None


class ReferencePage(Struct, frozen=True, kw_only=True):
    """In order of id. ``next``: pass it as ``cursor`` for the following page; null on the last."""

    items: Annotated[list[Reference], Meta(description="The references on this page.")]
    next: Annotated[str | None, Meta(description="Pass as `cursor` for the next page; null on the last.")]


class WriteResult(Struct, frozen=True, kw_only=True):
    """What an import (or the starter library) changed, by id; ``version`` is the library's version after it."""

    created: Annotated[list[str], Meta(description="Ids of references added.")]
    superseded: Annotated[list[str], Meta(description="Ids of references given a new version.")]
    unchanged: Annotated[list[str], Meta(description="Ids sent that the library already held as they are.")]
    version: Annotated[int, Meta(description="The library's version after the write.")]


def _reference(h: Held) -> Reference:
    return Reference(id=h.id, version=h.version, entry=h.entry, added=h.added, added_by=h.added_by)


def _issues(problems: list[Problem], rows: dict[str, str] | None = None) -> list[Issue]:
    rows = rows or {}
    return [Issue(message=p.message, code=p.code,
                  where=" ".join(x for x in (rows.get(p.claim or "", ""), p.field or "") if x) or p.claim)
            for p in problems]


def _refused(exc: Refused, rows: dict[str, str] | None = None) -> ProblemError:
    return ProblemError(422, "The library would be inconsistent",
                        "Nothing was written: the problems are listed in 'errors'.", _issues(exc.problems, rows))


def _check_entries(entries: list[LibraryEntry], rows: list[str]) -> list[Issue]:
    issues = []
    seen: dict[str, str] = {}
    for entry, where in zip(entries, rows, strict=True):
        ref_id = entry.claim.id
        if ref_id in RESERVED:
            issues.append(Issue(message=f"'{ref_id}' names a route, not a reference: choose another id",
                                where=f"{where} claim.id".strip(), code="reserved_id"))
        if ref_id in seen:
            issues.append(Issue(message=f"the id '{ref_id}' is used again ({seen[ref_id]})",
                                where=f"{where} claim.id".strip(), code="duplicate_id"))
        seen.setdefault(ref_id, where or "before")
        issues += _issues(entry_problems(entry), {ref_id: where})
    return issues


async def _write(request: Request[Any, Any, Any], newsroom: str, by: str, entries: list[LibraryEntry],
                 mode: Literal["create", "supersede", "upsert"], rows: list[str] | None = None) -> Written:
    rows = rows or [""] * len(entries)
    issues = _check_entries(entries, rows)
    if issues:
        raise ProblemError(422, "References that cannot be kept",
                           "Nothing was written: the problems are listed in 'errors'.", issues)
    try:
        return await request.app.state.libraries.write(newsroom, by, entries, mode)
    except Refused as exc:
        raise _refused(exc, {e.claim.id: r for e, r in zip(entries, rows, strict=True)}) from None
    except Taken as exc:
        raise ProblemError(409, "Conflict", str(exc)) from None
    except Missing as exc:
        raise ProblemError(404, "Not found", str(exc)) from None


# -- CSV ----------------------------------------------------------------------------------------------------------
_CLAIM_COLUMNS = ["person", "role", "status", "subject", "metric", "what", "scope", "of", "value", "unit", "per",
                  "time", "term", "tense", "modality", "source", "url", "sentence"]
_ALSO = ["person", "role", "subject", "metric", "what", "scope"]
COLUMNS = ["id", "kind", "language", *_CLAIM_COLUMNS, "checked", "throughout", "note", *(f"also_{a}" for a in _ALSO)]
_SEPARATOR = " | "


def _uncell(text: str) -> str:
    """A cell as exported (``service.exports``: a leading apostrophe keeps a spreadsheet from running it)."""
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def entries_from_csv(text: str) -> tuple[list[LibraryEntry], list[str], list[Issue]]:
    """Read a CSV of references: the entries, where each came from ('row 3'), and every bad row's problem."""
    reader = csv.DictReader(io.StringIO(text))
    unknown = [c for c in reader.fieldnames or [] if c not in COLUMNS]
    if not reader.fieldnames or unknown or not {"id", "kind"} <= set(reader.fieldnames):
        raise ProblemError(422, "Not a CSV of references",
                           f"The first row names the columns: id, kind and any of {', '.join(COLUMNS[2:])}"
                           + (f"; unknown: {', '.join(unknown)}" if unknown else "") + ".")
    entries, rows, issues = [], [], []
    for n, row in enumerate(reader, start=2):
        if n - 1 > MAX_ROWS:
            raise ProblemError(413, "Too many references", f"An import holds at most {MAX_ROWS} rows.")
        where = f"row {n}"
        cells = {k: _uncell(v.strip()) for k, v in row.items() if k and isinstance(v, str) and v.strip()}
        if None in row:
            issues.append(Issue(message="the row has more cells than the header has columns", where=where,
                                code="bad_row"))
            continue
        try:
            entries.append(_entry(cells))
            rows.append(where)
        except (msgspec.ValidationError, ValueError) as exc:
            message, _, at = str(exc).partition(" - at `")
            issues.append(Issue(message=message, where=f"{where} {at.rstrip('`').removeprefix('$.')}".strip(),
                                code="bad_row"))
    return entries, rows, issues


def _entry(cells: dict[str, str]) -> LibraryEntry:
    claim: dict[str, Any] = {"kind": cells.get("kind", ""), "id": cells.get("id", "")}
    for name in _CLAIM_COLUMNS:
        if name in cells:
            claim[name] = json.loads(cells[name]) if name == "value" and cells[name].startswith("{") else cells[name]
    throughout = cells.get("throughout", "false").lower()
    if throughout not in ("true", "false", "1", "0", "yes", "no"):
        raise ValueError(f"'throughout' is true or false, not '{cells['throughout']}'")
    entry: dict[str, Any] = {"claim": claim, "throughout": throughout in ("true", "1", "yes"),
                             "also": {a: [s.strip() for s in cells[f"also_{a}"].split("|") if s.strip()]
                                      for a in _ALSO if f"also_{a}" in cells}}
    for name in ("language", "checked", "note"):
        if name in cells:
            entry[name] = cells[name]
    return msgspec.convert(entry, LibraryEntry)


#: Where a claim sat in an article's text means nothing in a library: not a column.
_NOT_KEPT = frozenset({"span", "extracted"})


def entries_to_csv(entries: list[LibraryEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        claim = msgspec.to_builtins(entry.claim)
        row = {"id": claim.pop("id"), "kind": claim.pop("kind"), "language": entry.language,
               "checked": entry.checked.isoformat() if entry.checked else "",
               "throughout": "true" if entry.throughout else "", "note": entry.note or ""}
        for name, value in claim.items():
            if name in _NOT_KEPT:
                continue
            row[name] = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
        for a in _ALSO:
            row[f"also_{a}"] = _SEPARATOR.join(getattr(entry.also, a))
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _entries_from_json(raw: bytes) -> tuple[list[LibraryEntry], list[str], list[Issue]]:
    try:
        items = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise ProblemError(400, "Malformed request", f"The body is not valid JSON: {exc}") from None
    if not isinstance(items, list):
        raise ProblemError(422, "Not a list of references", "Send a JSON array of references.")
    if len(items) > MAX_ROWS:
        raise ProblemError(413, "Too many references", f"An import holds at most {MAX_ROWS} references.")
    entries, rows, issues = [], [], []
    for i, item in enumerate(items):
        try:
            entries.append(msgspec.convert(item, LibraryEntry, strict=True))
            rows.append(f"[{i}]")
        except msgspec.ValidationError as exc:
            message, _, at = str(exc).partition(" - at `")
            issues.append(Issue(message=message, where=f"[{i}]{at.rstrip('`').removeprefix('$')}", code="bad_row"))
    return entries, rows, issues


# -- routes -------------------------------------------------------------------------------------------------------
ENTRY = body("/v1/references", "post", LibraryEntry)
body("/v1/references/{ref_id}/versions", "post", LibraryEntry)
#: A reference id is a claim id that is not one of the library's own paths (``RESERVED``).
RefId = Annotated[str, PathParameter(
    min_length=1, max_length=64, pattern=r"^(?!(?:import|starter|export\.csv|export\.json)$)[A-Za-z0-9_.:\-]+$",
    description="The reference's id (its claim's id); never `import`, `starter`, `export.csv` or `export.json`.")]
WRITE = {**AUTH, 409: problem("A reference with this id is already in the library."), **BAD}
MISSING = {404: problem("No such reference in this key's newsroom."), 400: BAD[400]}


def _matches(h: Held, kind: str | None, subject: str | None, metric: str | None, scope: str | None,
             time: dt.date | None, source: str | None) -> bool:
    claim = h.entry.claim
    if kind and type(claim).__name__.lower() != kind:
        return False
    for wanted, keys in ((subject, h.firsts), (metric, h.seconds), (scope, h.scopes)):
        if wanted and not any(key(wanted, lang) in keys for lang in LANGUAGES):
            return False
    if time:
        if h.time is None:
            return False
        lo, hi = h.time.window()
        if (lo and time < lo) or (hi and time > hi):
            return False
    if source:
        wanted = fold(source)
        if wanted not in fold(claim.source or "") and wanted not in fold(claim.url or ""):
            return False
    return True


class ReferencesController(Controller):
    path = "/v1/references"
    tags = ["references"]
    security = SECURITY

    @post("/", summary="Add a reference to the newsroom's library (reviewers)", status_code=201,
          responses={**WRITE, 422: problem("The reference cannot be kept: no source, a time that cannot be read, "
                                           "or it contradicts the library; 'errors' says which.")})
    async def create(self, request: Request[Any, Any, Any]) -> Response[Reference]:
        """The library checks itself with the new reference first (overlapping terms of one office, an end
        before a start, a figure contradicting another): an inconsistent reference is refused with the
        problems listed."""
        caller = await authorize(request, "reviewer")
        entry = await read(request, ENTRY)
        await _write(request, caller.newsroom, caller.who, [entry], "create")
        held = (await request.app.state.libraries.get(caller.newsroom)).held[entry.claim.id]
        return Response(_reference(held), status_code=201, headers={"Location": f"{self.path}/{held.id}"})

    @get("/", summary="List the newsroom's references",
         responses={**AUTH, 400: BAD[400]})
    async def list_references(
        self, request: Request[Any, Any, Any],
        kind: Annotated[Literal["quantity", "share", "event", "role"] | None, QueryParameter()] = None,
        subject: Annotated[str | None, QueryParameter(max_length=300, description=(
            "The subject (a person, for a role), or any of its spellings, folded as pairing folds it."))] = None,
        metric: Annotated[str | None, QueryParameter(max_length=300, description=(
            "The metric (a role; what happened, for an event), or any of its spellings."))] = None,
        scope_: Annotated[str | None, QueryParameter(name="scope", max_length=300)] = None,
        time: Annotated[dt.date | None, QueryParameter(description="References that hold on this day.")] = None,
        source: Annotated[str | None, QueryParameter(max_length=300, description=(
            "Words in the source's name or address."))] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
        cursor: Annotated[str | None, QueryParameter(max_length=64, description="`next` of the previous page.")] = None,
    ) -> ReferencePage:
        """The newsroom's references in force, in order of id, filtered by kind, subject, metric, scope (any
        spelling), a day they hold on, or words of their source."""
        caller = await authorize(request)
        library = await request.app.state.libraries.get(caller.newsroom)
        found = sorted(i for i, h in library.held.items() if (cursor is None or i > cursor)
                       and _matches(h, kind, subject, metric, scope_, time, source))
        page = found[:limit]
        return ReferencePage(items=[_reference(library.held[i]) for i in page],
                             next=page[-1] if len(found) > limit else None)

    @get("/export.csv", summary="The newsroom's references as CSV (the columns an import reads)",
         media_type="text/csv; charset=utf-8", responses=AUTH)
    async def export_csv(self, request: Request[Any, Any, Any]) -> Response[str]:
        """Every reference in force, one row each, in the columns ``POST /v1/references/import`` reads."""
        caller = await authorize(request)
        return Response(entries_to_csv(await self._entries(request, caller.newsroom)),
                        media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="references-{caller.newsroom}.csv"'})

    @get("/export.json", summary="The newsroom's references as JSON (what an import reads)", responses=AUTH)
    async def export_json(self, request: Request[Any, Any, Any]) -> list[LibraryEntry]:
        """Every reference in force, as the list ``POST /v1/references/import`` reads."""
        caller = await authorize(request)
        return await self._entries(request, caller.newsroom)

    @staticmethod
    async def _entries(request: Request[Any, Any, Any], newsroom: str) -> list[LibraryEntry]:
        library = await request.app.state.libraries.get(newsroom)
        return [library.held[i].entry for i in sorted(library.held)]

    @post("/import", summary="Import references from CSV or JSON: all or nothing (reviewers)", status_code=200,
          request_max_body_size=MAX_IMPORT,
          responses={**AUTH, **BAD, 413: problem(f"Over {MAX_IMPORT} bytes or {MAX_ROWS} references."),
                     422: problem("Bad rows or an inconsistent library: every one is listed; none was imported.")})
    async def import_(self, request: Request[Any, Any, Any]) -> WriteResult:
        """``text/csv`` (the columns of an export) or ``application/json`` (a list of references). An id the
        library has is superseded when the row differs, and left as it is when it does not."""
        caller = await authorize(request, "reviewer")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = await request.body()
        if not raw.strip():
            raise ProblemError(422, "Nothing to import", "Send a CSV (text/csv) or a JSON array of references.")
        if media == "text/csv":
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ProblemError(400, "Malformed request", "The CSV is not UTF-8.") from None
            entries, rows, issues = entries_from_csv(text)
        elif media in ("application/json", ""):
            entries, rows, issues = _entries_from_json(raw)
        else:
            raise ProblemError(415, "Unsupported media type", f"send text/csv or application/json, not {media}")
        issues += _check_entries(entries, rows)
        if issues:
            raise ProblemError(422, "References that cannot be imported",
                               "Nothing was imported: every bad row is listed in 'errors'.", issues)
        written = await _write(request, caller.newsroom, caller.who, entries, "upsert", rows)
        return WriteResult(created=written.created, superseded=written.superseded, unchanged=written.unchanged,
                           version=written.version)

    @post("/starter", summary="Load the starter library into the newsroom's (reviewers)", status_code=200,
          responses={**WRITE, 422: problem("The starter library contradicts the newsroom's references.")})
    async def starter(self, request: Request[Any, Any, Any]) -> WriteResult:
        """Terms of office of heads of state and government since 2000 (the Arab League's countries, the
        United States, the United Kingdom, France, Spain, Germany) and the fixed currency pegs, each with its
        source (``service/data/starter``). Loading again changes only what a newer starter library changed."""
        from service.starter import starter_entries

        caller = await authorize(request, "reviewer")
        written = await _write(request, caller.newsroom, caller.who, starter_entries(), "upsert")
        return WriteResult(created=written.created, superseded=written.superseded, unchanged=written.unchanged,
                           version=written.version)

    @get("/{ref_id:str}", summary="A reference: its current version", responses={**AUTH, **MISSING})
    async def get_reference(self, request: Request[Any, Any, Any], ref_id: RefId) -> Reference:
        """The reference's version in force, who added it and when."""
        caller = await authorize(request)
        held = (await request.app.state.libraries.get(caller.newsroom)).held.get(ref_id)
        if held is None:
            raise ProblemError(404, "Not found", "No such reference in this key's newsroom.")
        return _reference(held)

    @get("/{ref_id:str}/versions", summary="Every version of a reference, oldest first, with who and when",
         responses={**AUTH, **MISSING})
    async def versions(self, request: Request[Any, Any, Any], ref_id: RefId) -> list[ReferenceVersion]:
        """Every version of the reference, oldest first, a deletion too, each with who added it and when."""
        caller = await authorize(request)
        found: list[Version] = await request.app.state.libraries.versions(caller.newsroom, ref_id)
        if not found:
            raise ProblemError(404, "Not found", "No such reference in this key's newsroom.")
        return [ReferenceVersion(id=v.id, version=v.version, current=v.current, deleted=v.deleted, added=v.created,
                                 added_by=v.created_by, entry=None if v.deleted else v.entry) for v in found]

    @post("/{ref_id:str}/versions", summary="Supersede a reference with a new version (reviewers)", status_code=201,
          responses={**AUTH, **MISSING, **BAD, 422: problem("The new version cannot be kept; 'errors' says why.")})
    async def supersede(self, request: Request[Any, Any, Any], ref_id: RefId) -> Response[Reference]:
        """The new version is in force from now; the old one is kept, with who added it and when."""
        caller = await authorize(request, "reviewer")
        entry = await read(request, LibraryEntry)
        if entry.claim.id != ref_id:
            raise ProblemError(422, "The new version names another reference",
                               f"claim.id is '{entry.claim.id}', the path names '{ref_id}'.",
                               [Issue(message="must be the id in the path", where="claim.id")])
        await _write(request, caller.newsroom, caller.who, [entry], "supersede")
        held = (await request.app.state.libraries.get(caller.newsroom)).held[ref_id]
        return Response(_reference(held), status_code=201, headers={"Location": f"{self.path}/{ref_id}"})

    @delete("/{ref_id:str}", summary="Delete a reference (admins); its versions are kept",
            responses={**AUTH, **MISSING})
    async def delete_reference(self, request: Request[Any, Any, Any], ref_id: RefId) -> None:
        """The reference is no longer in force; its versions and the deletion stay in its history."""
        caller = await authorize(request, "admin")
        try:
            await request.app.state.libraries.write(caller.newsroom, caller.who, delete=[ref_id])
        except Missing:
            raise ProblemError(404, "Not found", "No such reference in this key's newsroom.") from None
