"""``tadqiq references load starter|FILE --newsroom N`` and ``tadqiq references export --newsroom N``: the same
checks and the same storage as ``/v1/references``, on the database the server is configured with
(``TADQIQ_DATABASE_URL``, or SQLite in ``TADQIQ_DATA_DIR``)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import msgspec

from rules.library import LibraryEntry, entry_problems
from service.problems import ProblemError

__all__ = ["run"]


def _entries(what: str) -> list[LibraryEntry]:
    from service.references import entries_from_csv
    from service.starter import starter_entries

    if what == "starter":
        return list(starter_entries())
    path = Path(what)
    if path.suffix.lower() == ".csv":
        entries, _, issues = entries_from_csv(path.read_text("utf-8-sig"))
        if issues:
            raise ValueError("\n".join(f"{i.where}: {i.message}" for i in issues))
        return entries
    return msgspec.json.decode(path.read_bytes(), type=list[LibraryEntry])


async def _run(args: argparse.Namespace) -> int:
    from service.references import entries_to_csv
    from service.settings import Settings
    from service.storage import Store
    from service.storage.references import Libraries, Refused

    store = Store.from_settings(Settings.from_env())
    await store.open()
    try:
        libraries = Libraries(store)
        if args.action == "export":
            library = await libraries.get(args.newsroom)
            entries = [library.held[i].entry for i in sorted(library.held)]
            sys.stdout.write(entries_to_csv(entries) if args.format == "csv"
                             else msgspec.json.format(msgspec.json.encode(entries)).decode() + "\n")
            return 0
        entries = _entries(args.what or "")
        problems = [p for e in entries for p in entry_problems(e)]
        try:
            if problems:
                raise Refused(problems)
            written = await libraries.write(args.newsroom, args.by, entries, "upsert")
        except Refused as exc:
            for p in exc.problems:
                print(f"tadqiq: {p.claim or ''} {p.field or ''} [{p.code}] {p.message}", file=sys.stderr)
            print(f"tadqiq: nothing was loaded ({len(exc.problems)} problems)", file=sys.stderr)
            return 1
        print(f"tadqiq: newsroom {args.newsroom}: {len(written.created)} references added, {len(written.superseded)} "
              f"superseded, {len(written.unchanged)} unchanged (library version {written.version})", file=sys.stderr)
        return 0
    finally:
        await store.close()


def run(args: argparse.Namespace) -> int:
    if args.action == "load" and not args.what:
        print("tadqiq: load what? 'starter', or a .csv / .json file", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_run(args))
    except (OSError, ValueError, msgspec.DecodeError, msgspec.ValidationError, ProblemError) as exc:
        print(f"tadqiq: {getattr(exc, 'detail', None) or exc}", file=sys.stderr)
        return 2
