"""tadqiq's benchmarks, measured in one run (``make bench``):

1. HTTP: ``POST /v1/checks`` with the seed article against ``POST /bench/echo`` with the same body and a response
   of the same size, same server (uvicorn, one worker), same load generator: the ratio check/echo.
2. Engine: the seed checked in process; then generated articles of 100, 1 000 and 10 000 claims, time per claim,
   and time(10 000) / time(1 000).
3. Normaliser: figures read per second on one core.

Prints a summary and writes ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tiktok-m2" / "claims.json"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def generated(n: int, seed: int = 7) -> dict:
    """An article of ``n`` claims: groups of eight related figures (a count, totals, a share, a per-unit figure, a
    rate restated, two events), as an extraction pipeline would send them."""
    rnd = random.Random(seed)
    claims: list[dict] = []
    g = 0
    while len(claims) < n:
        subject, scope = f"company {g}", f"market {g % 97}"
        users = rnd.randint(10, 900)
        revenue = round(users * rnd.uniform(20, 90) / 1000, 1)
        base = {"subject": subject, "scope": scope}
        claims += [
            {"kind": "quantity", "id": f"u{g}", "value": f"about {users} million users", **base},
            {"kind": "quantity", "id": f"r{g}", "value": f"${revenue} billion a year", "metric": "revenue", **base},
            {"kind": "share", "id": f"s{g}", "value": f"{rnd.randint(5, 95)}%", "of": "global revenue",
             "metric": "revenue", **base},
            {"kind": "quantity", "id": f"m{g}", "value": f"{rnd.randint(20, 200)} minutes a day", "per": "user",
             "metric": "time spent", **base},
            {"kind": "quantity", "id": f"v{g}", "value": f"{rnd.randint(1, 90)} billion views a month",
             "metric": "views", **base},
            {"kind": "quantity", "id": f"w{g}", "value": f"{rnd.randint(12, 1000)} billion views a year",
             "metric": "views", **base},
            {"kind": "event", "id": f"e{g}", "what": f"launch {g}", "subject": subject, "time": "by 2025"},
            {"kind": "event", "id": f"f{g}", "what": f"launch {g}", "subject": subject,
             "time": f"by {rnd.choice(['March', 'September', 'December'])} 202{rnd.randint(4, 5)}"},
        ]
        g += 1
    return {"document": {"language": "en"}, "claims": claims[:n]}


def engine() -> dict:
    """The engine in process, warm (best of several runs of the same request: per-figure memos hit, as for figures
    that recur across articles) and cold (those memos emptied before each run, as for an article whose figures were
    never seen; what is built once per process stays)."""
    from rules.engine import check, forget
    from rules.model import CheckRequest

    def timed(request: CheckRequest, cold: bool) -> float:
        if cold:
            forget()
        start = time.perf_counter()
        check(request)
        return time.perf_counter() - start

    seed = msgspec.json.decode(SEED.read_bytes(), type=CheckRequest)
    check(seed)
    out: dict = {"seed_ms": min(timed(seed, False) for _ in range(200)) * 1000,
                 "seed_cold_ms": min(timed(seed, True) for _ in range(50)) * 1000}
    sizes = (100, 1000, 10_000)
    requests = {n: msgspec.convert(generated(n), CheckRequest) for n in sizes}
    best = {(n, cold): float("inf") for n in sizes for cold in (False, True)}
    for _ in range(5):  # rounds over all sizes, so that a busy moment on a shared machine hits them alike
        for n in sizes:
            check(requests[n])
            for cold in (False, True):
                best[n, cold] = min(best[n, cold], timed(requests[n], cold))
    for n in sizes:
        seconds = best[n, False]
        out[f"claims_{n}"] = {"ms": seconds * 1000, "us_per_claim": seconds / n * 1e6, "cold_ms": best[n, True] * 1000}
    out["ratio_10000_over_1000"] = out["claims_10000"]["ms"] / out["claims_1000"]["ms"]
    out["ratio_cold"] = out["claims_10000"]["cold_ms"] / out["claims_1000"]["cold_ms"]
    return out


FIGURES = {
    "ar": ["نحو 170 مليون مستخدم", "ما يقارب 12.3 مليار دولار سنوياً", "68%", "حوالي 107 دقائق يوميًا",
           "47 مليار مشاهدة شهرياً", "4.7 مليار دولار", "أكثر من ٣٠٠ ألف موظف", "٦٨٪", "١٢٫٥ مليون دينار كويتي",
           "بين 10 و12 مليار درهم"],
    "en": ["about 170 million users", "$12.3 billion a year", "68%", "107 minutes a day", "47 billion views a month",
           "$4.7bn", "more than 300,000 employees", "up to 25 percent", "€1.2 million per year", "between 10 and 12 "
           "billion dollars"],
}


def normaliser(seconds: float = 2.0) -> dict:
    from rules.normalise.values import read_value

    out = {}
    for lang, figures in FIGURES.items():
        for f in figures:
            read_value(f, lang)
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for f in figures:
                read_value(f, lang)
            count += len(figures)
        out[f"{lang}_per_second"] = count / (time.perf_counter() - start)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(seconds: float) -> dict:
    from bench.load import rate
    from rules.engine import check
    from rules.model import CheckRequest

    body = SEED.read_bytes()
    report_size = len(msgspec.json.encode(check(msgspec.json.decode(body, type=CheckRequest))))
    port = _free_port()
    env = {**os.environ, "TADQIQ_BENCH_ECHO_SIZE": str(report_size)}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.app:app", "--host", "127.0.0.1", "--port",
                               str(port), "--log-level", "warning", "--no-access-log"], cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        rate("127.0.0.1", port, "/bench/echo", body, 1.0)  # warm up both routes
        rate("127.0.0.1", port, "/v1/checks", body, 1.0)
        echo = rate("127.0.0.1", port, "/bench/echo", body, seconds)
        checks = rate("127.0.0.1", port, "/v1/checks", body, seconds)
    finally:
        server.terminate()
        server.wait(10)
    return {"echo_rps": echo, "check_rps": checks, "ratio_check_over_echo": checks / echo,
            "body_bytes": len(body), "response_bytes": report_size}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per HTTP measurement")
    args = parser.parse_args()
    results = {"engine": engine(), "normaliser": normaliser(), "http": http(args.seconds)}
    e, h, n = results["engine"], results["http"], results["normaliser"]
    print(f"http      check {h['check_rps']:.0f} req/s, echo {h['echo_rps']:.0f} req/s, "
          f"ratio {h['ratio_check_over_echo']:.2f} (target ≥ 0.5)")
    print(f"engine    seed {e['seed_ms']:.3f} ms (target < 1 ms); cold {e['seed_cold_ms']:.3f} ms")
    for k in ("claims_100", "claims_1000", "claims_10000"):
        print(f"engine    {k[7:]:>6} claims {e[k]['ms']:9.1f} ms, {e[k]['us_per_claim']:.1f} µs/claim; "
              f"cold {e[k]['cold_ms']:.1f} ms")
    print(f"engine    time(10 000)/time(1 000) = {e['ratio_10000_over_1000']:.2f} (target ≤ 12; 10 000 ≤ 1 s); "
          f"cold {e['ratio_cold']:.2f}")
    print("normalise " + ", ".join(f"{k.split('_')[0]} {v:,.0f}/s" for k, v in n.items()) + " (target ≥ 20 000/s)")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
