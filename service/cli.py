"""The ``tadqiq`` command: ``serve``, ``worker``, ``batch FILE.ndjson``, ``key`` (make one), ``key list``,
``key revoke ID``, ``check FILE.json``, ``openapi``, ``examples``, ``references``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import replace
from pathlib import Path

import msgspec

__all__ = ["main"]


def server():  # type: ignore[no-untyped-def]
    """The app of one of ``tadqiq serve``'s server processes (uvicorn's factory), started with the collector off."""
    import gc

    gc.disable()  # until the app's start-up freezes what importing built (service/app.py)
    from service.app import create_app

    return create_app()


def _serve(args: argparse.Namespace) -> int:
    import gc

    # start-up builds some 130 000 objects that live as long as the process: collecting them while they are made
    # cost 0.1–0.2 s of a server's start; the app's start-up freezes them and turns the collector on again
    gc.disable()
    import asyncio
    import os
    import shutil
    import tempfile

    import uvicorn

    from service.logs import uvicorn_config
    from service.settings import Settings

    settings = Settings.from_env()
    if not settings.keys_file and not settings.keys:
        from service.auth import ensure_local_key

        keys_file, key_file = ensure_local_key(settings.data_dir)
        settings = replace(settings, keys_file=str(keys_file))
        os.environ["TADQIQ_KEYS_FILE"] = str(keys_file)  # for every worker process
        where = f"your key is in {key_file}" if key_file else f"keys: {keys_file}"
        print(f"tadqiq: no keys configured, using {keys_file} ({where}); reports: "
              f"{settings.database_url or Path(settings.data_dir) / 'tadqiq.db'}", file=sys.stderr)
    host, port = args.host or settings.host, args.port or settings.port
    workers = args.workers or int(os.environ.get("TADQIQ_PROCESSES") or 0) or os.cpu_count() or 1
    level = os.environ.get("TADQIQ_LOG_LEVEL", "info").lower()
    print(f"tadqiq: report pages at http://{host}:{port}/reports ({workers} worker process"
          f"{'es' if workers > 1 else ''})", file=sys.stderr)
    from service.serving import NoDelayHTTP

    common = {"host": host, "port": port, "log_config": uvicorn_config(level), "access_log": False,
              "timeout_graceful_shutdown": 10, "http": NoDelayHTTP}
    if workers == 1:
        from service.app import create_app

        uvicorn.run(create_app(settings), **common)
        return 0
    # Several processes on one port: each imports the app and reads the same environment (database, keys,
    # throttling), so nothing is kept in one process's memory that another would need. Migrations run here first,
    # once; the workers' metrics meet in one directory so that any of them answers /metrics for all.
    from service.storage import Store

    async def migrate() -> None:
        store = Store.from_settings(settings)
        await store.open()
        await store.close()

    asyncio.run(migrate())
    gc.enable()  # this supervisor serves nothing itself; each server process starts with the collector off again
    metrics_dir = tempfile.mkdtemp(prefix="tadqiq-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    from service.serving import serve_processes

    try:
        serve_processes(uvicorn.Config("service.cli:server", factory=True, workers=workers, **common))
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def _worker(args: argparse.Namespace) -> int:
    import os

    from service.settings import Settings

    if not Settings.from_env().broker_url:
        print("tadqiq: set TADQIQ_BROKER_URL (e.g. amqp://guest:guest@127.0.0.1:5672/) and TADQIQ_DATABASE_URL "
              "to the broker and database the servers use", file=sys.stderr)
        return 2
    if args.metrics_port:  # before prometheus-client is imported: the processes write their metrics there
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="tadqiq-worker-metrics-")
    from service.worker import run

    return run(args.processes or os.cpu_count() or 1, args.metrics_port)


def _batch(args: argparse.Namespace) -> int:
    from service.submit import submit

    return submit(args.file, args.server, args.key, reports=args.reports, wait=not args.no_wait)


def _key(args: argparse.Namespace) -> int:
    from service.auth import append_key
    from service.settings import Settings

    if args.action == "list":
        return _key_list()
    if args.action == "revoke":
        return _key_revoke(args.key_id)
    if args.action is not None or not (args.id and args.newsroom and args.role):
        print("tadqiq: tadqiq key --id ID --newsroom NEWSROOM --role ROLE | key list | key revoke ID", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    file = Path(args.file or settings.keys_file or Path(settings.data_dir) / "keys.toml")
    try:
        key = append_key(file, args.id, args.newsroom, args.role, args.name)
    except ValueError as exc:
        print(f"tadqiq: {exc}", file=sys.stderr)
        return 2
    print(f"tadqiq: key {args.id} ({args.role}, newsroom {args.newsroom}) added to {file}; it is shown only now:",
          file=sys.stderr)
    print(key)
    return 0


def _configured():  # type: ignore[no-untyped-def]
    """The keys and the store of the server this environment configures (as ``tadqiq serve`` would)."""
    from service.auth import Keys
    from service.settings import Settings
    from service.storage import Store

    settings = Settings.from_env()
    file = settings.keys_file or (None if settings.keys else str(Path(settings.data_dir) / "keys.toml"))
    return Keys.load(file, settings.keys), Store.from_settings(settings)


def _key_list() -> int:
    keys, store = _configured()

    async def revoked() -> set[str]:
        try:
            return await store.revoked()
        finally:
            await store.close()

    gone = asyncio.run(revoked())
    print(f"{'id':<24} {'newsroom':<16} {'role':<10} {'state':<8} sha256   name")
    for c in sorted(keys.by_digest.values(), key=lambda c: (c.newsroom, c.key)):
        print(f"{c.key:<24} {c.newsroom:<16} {c.role:<10} {'revoked' if c.digest in gone else 'active':<8} "
              f"{c.digest[:8]} {c.name or ''}")
    return 0


def _key_revoke(key_id: str) -> int:
    keys, store = _configured()
    found = keys.with_id(key_id)
    if not found:
        print(f"tadqiq: no key with id {key_id!r} is configured", file=sys.stderr)
        return 2

    async def revoke() -> int:
        try:
            return await store.revoke([c.digest for c in found], key_id)
        finally:
            await store.close()

    new = asyncio.run(revoke())
    print(f"tadqiq: key {key_id} revoked ({new} newly); its sessions are ended, on every instance sharing the "
          "database, from the next request on", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    from rules.engine import check
    from rules.model import CheckRequest

    try:
        request = msgspec.json.decode(Path(args.file).read_bytes(), type=CheckRequest)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
        print(f"tadqiq: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    report = check(request)
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(report), indent=2).decode() + "\n")
        return 0
    from service.people import speaker

    local = args.local
    say = speaker(request.document.language if local else "en")
    for v in report.verdicts:
        text = (v.explanation.local if local and v.explanation.local else v.explanation.en)
        print(f"{v.status.upper():<13} {v.rule:<18} {','.join(v.claims):<20} {text}")
        if v.cause:
            cause = v.cause.explanation
            print(f"{'':<13} likely cause: {cause.local if local and cause.local else cause.en}")
    for d in report.derived:
        label = d.label.local if local and d.label.local else d.label.en
        print(f"{'DERIVED':<13} {d.name:<18} {','.join(d.claims):<20} {label}: {say.of(d.range)}")
    for p in report.problems:
        print(f"{'PROBLEM':<13} {p.code:<18} {p.field or '':<20} {p.message}")
    for c in report.claims:
        for p in c.problems:
            print(f"{'PROBLEM':<13} {p.code:<18} {c.id:<20} {p.message}")
    c = report.counts
    print(f"\n{c.claims} claims: {c.consistent} consistent, {c.doubtful} doubtful, {c.inconsistent} inconsistent, "
          f"{c.unverifiable} unverifiable, {c.problems} problems")
    return 1 if c.inconsistent else 0


def _openapi(args: argparse.Namespace) -> int:
    from service.app import create_app

    document = create_app().openapi_schema.to_schema()
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _examples(args: argparse.Namespace) -> int:
    from service.examples import EXAMPLES, write

    write(Path(args.output) if args.output else EXAMPLES)
    return 0


def _references(args: argparse.Namespace) -> int:
    from service.references_cli import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tadqiq", description="Claim-consistency checks for newsrooms.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API (default 127.0.0.1:8000)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int,
                       help="server processes (default: TADQIQ_PROCESSES or the number of cores)")
    serve.set_defaults(run=_serve)
    worker = sub.add_parser("worker", help="run batch workers (TADQIQ_BROKER_URL, TADQIQ_DATABASE_URL)")
    worker.add_argument("--processes", type=int, help="worker processes (default: the number of cores)")
    worker.add_argument("--metrics-port", type=int, help="serve the workers' metrics (Prometheus) on this port")
    worker.set_defaults(run=_worker)
    batch = sub.add_parser("batch", help="check an NDJSON file of check requests through the queue, with progress")
    batch.add_argument("file", help="NDJSON, one check request per line (with --reports: one report id per line)")
    batch.add_argument("--server", required=True, help="the server's address, e.g. http://127.0.0.1:8000")
    batch.add_argument("--key", help="API key (default: TADQIQ_KEY, or .tadqiq/local-key.txt)")
    batch.add_argument("--reports", action="store_true", help="the file lists stored report ids to check again")
    batch.add_argument("--no-wait", action="store_true", help="submit, print the batch's address, and return")
    batch.set_defaults(run=_batch)
    key = sub.add_parser("key", help="make an API key (prints it once, stores its hash); `key list`; `key revoke ID`")
    key.add_argument("action", nargs="?", choices=["list", "revoke"], help="list the keys, or revoke one by its id")
    key.add_argument("key_id", nargs="?", help="with revoke: the key's id")
    key.add_argument("--id", help="the key's name in the audit trail")
    key.add_argument("--newsroom")
    key.add_argument("--role", choices=["submitter", "reviewer", "admin"])
    key.add_argument("--name", help="who holds it")
    key.add_argument("--file", help="keys file (default: TADQIQ_KEYS_FILE or .tadqiq/keys.toml)")
    key.set_defaults(run=_key)
    chk = sub.add_parser("check", help="check a request file and print the verdicts")
    chk.add_argument("file")
    chk.add_argument("--json", action="store_true", help="print the whole report as JSON")
    chk.add_argument("--local", action="store_true", help="explanations in the document's language")
    chk.set_defaults(run=_check)
    api = sub.add_parser("openapi", help="print (or write) the OpenAPI document generated from the app")
    api.add_argument("--output", "-o")
    api.set_defaults(run=_openapi)
    examples = sub.add_parser("examples", help="record the OpenAPI document's examples from a real app "
                                               "(service/data/examples.json)")
    examples.add_argument("-o", "--output")
    examples.set_defaults(run=_examples)
    refs = sub.add_parser("references", help="a newsroom's reference library: load the starter library or a file, "
                                             "export it")
    refs.add_argument("action", choices=["load", "export"])
    refs.add_argument("what", nargs="?", help="load: 'starter', or a .csv / .json file of references")
    refs.add_argument("--newsroom", required=True)
    refs.add_argument("--by", default="cli", help="who the audit trail names (default: cli)")
    refs.add_argument("--format", choices=["csv", "json"], default="csv", help="export: the format")
    refs.set_defaults(run=_references)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
