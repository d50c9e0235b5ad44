"""What handing a check to a thread costs, beyond the check: ``python -m bench.handoff [--rounds 16]``.

Eight coroutines at once (as the bench's eight connections) each await ``Pool.run(check_json, seed)`` in turn, on one
event loop with no HTTP around it; the process's CPU is read around each run, and ``check_json``'s own CPU in its
thread is taken from it: what is left is the hand-off (the queue, the futures, waking the loop, the GIL passing
between the threads). The same with the check run inline in the coroutine is the floor. With ``--against TREE``,
that checkout's ``service/pool.py`` is measured too, in the same rounds."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from service.pool import Pool
from service.work import check_json

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tiktok-m2" / "claims.json"
_SPENT = [0]
_LOCK = threading.Lock()


def _timed(raw: bytes) -> Any:
    start = time.thread_time_ns()
    done = check_json(raw, None)
    spent = time.thread_time_ns() - start
    with _LOCK:
        _SPENT[0] += spent
    return done


class _Inline:
    async def run(self, fn: Any, *args: Any) -> Any:
        return fn(*args)


async def _drive(pool: Any, body: bytes, checks: int) -> None:
    async def one(n: int) -> None:
        for _ in range(n):
            await pool.run(_timed, body)

    await asyncio.gather(*(one(checks // 8) for _ in range(8)))


async def _main(args: argparse.Namespace) -> None:
    body = SEED.read_bytes()
    pools: dict[str, Any] = {"this tree": Pool(args.threads)}
    if args.against:
        spec = importlib.util.spec_from_file_location("_other_pool", Path(args.against) / "service" / "pool.py")
        assert spec is not None and spec.loader is not None
        other = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(other)
        pools = {args.against: other.Pool(args.threads), **pools}
    pools["inline"] = _Inline()
    for pool in pools.values():
        await _drive(pool, body, 80)
    rows: dict[str, list[tuple[float, float]]] = {name: [] for name in pools}
    for _ in range(args.rounds):
        for name, pool in pools.items():
            _SPENT[0] = 0
            start = time.process_time()
            await _drive(pool, body, args.checks)
            total = (time.process_time() - start) * 1e6 / args.checks
            rows[name].append((total, total - _SPENT[0] / 1e3 / args.checks))
    med = statistics.median
    print(f"load average {os.getloadavg()[0]:.1f}; {args.rounds} rounds of {args.checks} seed checks, "
          f"8 at once, {args.threads} threads")
    for name, got in rows.items():
        print(f"  {name}: CPU a check {med(r[0] for r in got):.0f} µs, of which beyond check_json "
              f"{med(r[1] for r in got):.0f} µs (rounds {min(r[1] for r in got):.0f}–{max(r[1] for r in got):.0f})")
    if args.against:
        q = [b[1] / a[1] for a, b in zip(rows[args.against], rows["this tree"])]
        print(f"  this tree / {args.against}, beyond check_json round by round: ×{med(q):.2f} "
              f"({min(q):.2f}–{max(q):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.handoff", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--checks", type=int, default=160, help="checks per pool per round")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--against", help="another checkout whose service/pool.py is measured in the same rounds")
    asyncio.run(_main(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
