"""tadqiq's benchmarks, measured in one run (``make bench``):

1. HTTP: ``POST /v1/checks`` with the seed article against ``POST /bench/echo`` with the same body and a response
   of the same size, same server (uvicorn, one worker), same load generator: the ratio check/echo.
2. Engine: the seed checked in process; then generated articles of 100, 1 000 and 10 000 claims, time per claim,
   and time(10 000) / time(1 000).
3. Normaliser: typical news figures read per second of CPU time on one core, per language (``FIGURES``: templates filled
   with varied numbers); and the same English strings through quantulum3 (``pip install -e '.[bench]'``), with
   the ratio. ``python -m bench --only normaliser`` runs this part alone.
4. Library: a newsroom library of 100 000 references (the starter library and generated figures and terms):
   the index built, the lookup (``Library.meet``) for the seed and for a 1 000-claim article against each one's
   check, and a check consulting the library against the same references sent in the request. ``python -m bench
   --only library`` runs this part alone.
6. Extraction: characters of article text read into claims per second per core, cold (``bench/extract.py``;
   ``python -m bench --only extract``).
5. Causes: an inconsistent money verdict whose likely cause is a currency mix-up (``MIXUP``: dollars printed for
   riyals), checked with the per-date rate table already built (as for every later verdict of the day) and with
   it emptied before each check (the first verdict of a day). ``python -m bench --only causes`` runs it alone.

The scale part's cold start (``tadqiq serve`` to its first answer) runs alone with ``python -m bench --only
coldstart [--tries N]``.

Prints a summary and writes ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from rules.model import CheckRequest

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
    that recur across articles), cold (every per-input memo emptied before each run by ``rules.engine.forget``:
    figures, times, labels and words never seen; what is built once per process stays) and, for the seed, varied
    (each run a request never checked before: the first number of every value moved by one more each time, so the
    figures are new and the words, labels and times are not, as for the next article of a running server). Times
    are this process's CPU time: other people's load on a shared machine moves elapsed time, hardly CPU time."""
    from rules.engine import check, forget
    from rules.model import CheckRequest

    def timed(request: CheckRequest, cold: bool) -> float:
        if cold:
            forget()
        start = time.process_time()
        check(request)
        return time.process_time() - start

    seed = msgspec.json.decode(SEED.read_bytes(), type=CheckRequest)
    check(seed)
    out: dict = {"seed_ms": min(timed(seed, False) for _ in range(200)) * 1000,
                 "seed_cold_ms": min(timed(seed, True) for _ in range(50)) * 1000,
                 "seed_varied_ms": min(timed(varied(k), False) for k in range(1, 201)) * 1000}
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


def varied(k: int, path: Path = SEED) -> CheckRequest:
    """The article of ``path`` with the first number of every value moved by ``k`` ('170 million' → '171 million'):
    figures never seen, in the same words."""
    from rules.model import CheckRequest

    data = msgspec.json.decode(path.read_bytes())
    for claim in data["claims"] + data.get("references", []):
        if isinstance(claim.get("value"), str):
            claim["value"] = re.sub(r"[0-9]+", lambda m: str(int(m[0]) + k), claim["value"], count=1)
    return msgspec.convert(data, CheckRequest)


#: A figure against its reference that miss by the dollar-riyal peg: the verdict is inconsistent and names the
#: currency mix-up, which needs the table of rates between confusable currencies.
MIXUP = {"document": {"language": "ar-SA"},
         "claims": [{"kind": "quantity", "id": "assets", "value": "3.75 مليار دولار", "subject": "صندوق التنمية",
                     "metric": "الأصول", "time": "2023"}],
         "references": [{"kind": "quantity", "id": "annual", "value": "1.00 مليار دولار", "subject": "صندوق التنمية",
                         "metric": "الأصول", "time": "2023", "source": "التقرير السنوي للصندوق"}]}


def causes(repeat: int = 200) -> dict:
    """Milliseconds per inconsistent money verdict that names a currency mix-up: with the rate table built, and
    with it emptied before each check."""
    from rules import causes as found
    from rules.engine import check
    from rules.model import CheckRequest

    request = msgspec.convert(MIXUP, CheckRequest)
    verdict = check(request).verdicts[0]
    assert verdict.status == "inconsistent" and verdict.cause is not None and verdict.cause.code == "currency_mixup"
    warm = _best(lambda: check(request), repeat)

    def cold() -> None:
        found._rates.cache_clear()
        check(request)

    return {"mixup_ms": warm * 1000, "mixup_table_cold_ms": _best(cold, max(5, repeat // 10)) * 1000}


#: Typical news figures per language, as templates; ``figures`` fills them with varied numbers so that no cache
#: sees the same string twice in a row (numbers drawn once, with a fixed seed).
TEMPLATES = {
    "ar": ["نحو {i} مليون مستخدم", "ما يقارب {d} مليار دولار سنوياً", "{p}%", "حوالي {i} دقائق يوميًا",
           "{i} مليار مشاهدة شهرياً", "بتكلفة تقديرية تبلغ {d} مليار دولار", "أكثر من {a} ألف موظف", "{a}٪",
           "{a}٫{a1} مليون دينار كويتي", "بين {i} و{j} مليار درهم", "قد تصل إلى {i} مليون يورو",
           "{i} مليارات و{h} مليون دولار", "ثلاثة ملايين ونصف", "عشرات الآلاف من المستخدمين", "{d} نقطة مئوية"],
    "en": ["about {i} million users", "${d} billion a year", "{p}%", "{i} minutes a day", "{i} billion views a month",
           "${d}bn", "more than {k} employees", "up to {p} percent", "€{d} million per year",
           "between {i} and {j} billion dollars", "£{d}m", "nearly {d} billion people", "{i}-{j}%",
           "two and a half million", "$72 per user"],
    "fr": ["environ {d_fr} milliards d'euros par an", "{p} %", "plus de {k_fr} salariés", "{i} minutes par jour",
           "de {i} à {j} millions de dollars"],
    "es": ["unos {k_es} millones de dólares al año", "{p} %", "más de {k_es} empleados", "{i} minutos al día",
           "entre {i} y {j} millones"],
    "de": ["rund {d_fr} Mrd. Euro pro Jahr", "{p} Prozent", "mehr als {k_es} Mitarbeiter", "{i} Minuten pro Tag",
           "zwischen {i} und {j} Mio."],
}


def figures(lang: str, count: int = 3000, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for n in range(count):
        i = rnd.randint(2, 900)
        values = {"i": i, "j": i + rnd.randint(1, 50), "h": rnd.randint(1, 9) * 100, "p": rnd.randint(1, 99),
                  "d": f"{rnd.randint(1, 99)}.{rnd.randint(1, 9)}", "a": _arabic(rnd.randint(2, 900)),
                  "a1": _arabic(rnd.randint(1, 9)), "k": f"{rnd.randint(1, 999)},{rnd.randint(0, 999):03d}",
                  "d_fr": f"{rnd.randint(1, 99)},{rnd.randint(1, 9)}",
                  "k_fr": f"{rnd.randint(1, 999)}\u202f{rnd.randint(0, 999):03d}",
                  "k_es": f"{rnd.randint(1, 999)}.{rnd.randint(0, 999):03d}"}
        templates = TEMPLATES[lang]
        out.append(templates[n % len(templates)].format(**values))
    return out


def _arabic(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


FIGURES = {lang: figures(lang) for lang in TEMPLATES}


def _rate(fn, items: list[str], seconds: float) -> float:
    """Items handled per second of this process's CPU time by ``fn`` (one core's work, whatever else a shared
    machine runs meanwhile), over at least ``seconds`` (whole passes over ``items``)."""
    for item in items[:50]:
        fn(item)
    count, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            fn(item)
        count += len(items)
    return count / (time.process_time() - start)


def normaliser(seconds: float = 3.0) -> dict:
    """Figures read per second, per language; and the same English strings through quantulum3 (the ``bench``
    extra), with the ratio."""
    from rules.normalise.values import Unreadable, read_value

    def reader(lang: str):
        def read(text: str) -> None:
            try:
                read_value(text, lang)
            except Unreadable:
                pass
        return read

    out: dict = {f"{lang}_per_second": _rate(reader(lang), items, seconds) for lang, items in FIGURES.items()}
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
    except ImportError:
        out["quantulum3"] = "not installed: pip install -e '.[bench]'"
        return out
    english = FIGURES["en"][:300]  # quantulum3 is slow: a tenth of the strings, still every template
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q3 = _rate(quantulum.parse, english, seconds)
    ours = _rate(reader("en"), english, seconds)
    out["quantulum3_en_per_second"] = q3
    out["en_same_strings_per_second"] = ours
    out["ratio_over_quantulum3"] = ours / q3
    return out


def generated_library(n: int, seed: int = 5) -> list:
    """``n`` references: the starter library, then figures of companies by metric and year and terms of office of
    generated offices, as a data desk would keep them (labels that other articles' claims also use)."""
    import msgspec

    from rules.library import LibraryEntry
    from service.starter import starter_entries

    rnd = random.Random(seed)
    out = list(starter_entries())
    metrics = ["revenue", "views", "users", "time spent", "employees", "market value"]
    k = 0
    while len(out) < n:
        if k % 4:
            year = 2000 + k % 25
            claim = {"kind": "quantity", "id": f"fig.{k}", "value": f"${rnd.randint(1, 900)} billion",
                     "subject": f"company {k // 24}", "metric": metrics[k % len(metrics)], "time": str(year),
                     "source": "annual report", "url": f"https://example.org/reports/{k}"}
            out.append(msgspec.convert({"claim": claim, "also": {"subject": [f"firm {k // 24}"]}}, LibraryEntry))
        else:
            start = 1990 + k % 30
            claim = {"kind": "role", "id": f"term.{k}", "person": f"person {k}", "role": f"mayor of town {k // 3}",
                     "term": f"{start}-01-01/{start + 1}-01-01", "source": "town records",
                     "url": f"https://example.org/towns/{k}"}
            out.append(msgspec.convert({"claim": claim, "checked": "2025-06-30"}, LibraryEntry))
        k += 1
    return out[:n]


def library(size: int = 100_000) -> dict:
    """The lookup's cost against the check's, at ``size`` stored references; seed and a 1 000-claim article."""
    from rules.engine import check
    from rules.library import Held, Library
    from rules.model import CheckRequest, Role

    entries = generated_library(size)
    start = time.perf_counter()
    held = [Held.of(e.claim.id, 1, e) for e in entries]
    lib = Library.of(held)
    built = time.perf_counter() - start
    seed = msgspec.json.decode(SEED.read_bytes(), type=CheckRequest)
    bare = msgspec.structs.replace(seed, references=[r for r in seed.references if not isinstance(r, Role)])
    article = msgspec.convert(generated(1000), CheckRequest)
    out: dict = {"references": len(lib), "index_build_s": built, **_stored(entries)}
    for name, request, repeat in (("seed", bare, 100), ("claims_1000", article, 3)):
        met, used, _ = lib.meet(request)
        check(met)
        runs = {"lookup": lambda: lib.meet(request), "alone": lambda: check(request),  # the article, no library
                "sent": lambda: check(met),  # the references the library would add, sent in the request instead
                "consulted": lambda: check(request, library=lib)}
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(5):  # interleaved rounds, so that a busy moment on a shared machine hits them alike
            for what, fn in runs.items():
                best[what] = min(best[what], _best(fn, repeat))
        out[name] = {"lookup_ms": best["lookup"] * 1000, "check_ms": best["alone"] * 1000,
                     "with_library_ms": best["consulted"] * 1000, "references_sent_ms": best["sent"] * 1000,
                     "added": len(used), "lookup_share": best["lookup"] / best["alone"],
                     "library_over_sent": best["consulted"] / best["sent"]}
    return out


def _stored(entries: list) -> dict:
    """The same references written to a SQLite library in one import (checked, then committed), read back whole
    by a new instance, and the per-check version read once it holds them."""
    import asyncio

    from service.storage import Store
    from service.storage.references import Libraries

    async def run() -> dict:
        data = tempfile.mkdtemp(prefix="tadqiq-bench-library-")
        store = Store(f"sqlite+aiosqlite:///{data}/bench.db")
        try:
            start = time.perf_counter()
            await Libraries(store).write("bench", "bench", entries, "upsert")
            written = time.perf_counter() - start
            fresh = Libraries(store, refresh=0)  # the version read before every check
            start = time.perf_counter()
            await fresh.get("bench")
            loaded = time.perf_counter() - start
            out = {"import_s": written, "first_load_s": loaded}
            for name, libraries in (("version_read_ms", fresh), ("cached_get_ms", Libraries(store))):
                await libraries.get("bench")
                start = time.perf_counter()
                for _ in range(200):
                    await libraries.get("bench")
                out[name] = (time.perf_counter() - start) / 200 * 1000
            return out
        finally:
            await store.close()
            shutil.rmtree(data, ignore_errors=True)

    return asyncio.run(run())


def _library_summary(lib: dict) -> str:
    lines = [f"library   {lib['references']:,} references: index built in {lib['index_build_s']:.2f} s; into SQLite "
             f"in one checked import {lib['import_s']:.1f} s; a new instance's first load {lib['first_load_s']:.1f} s "
             f"(in a worker thread); the version read {lib['version_read_ms']:.3f} ms, a check's get with the read at "
             f"most once a second {lib['cached_get_ms']:.4f} ms"]
    for name in ("seed", "claims_1000"):
        r = lib[name]
        lines.append(f"library   {name}: lookup {r['lookup_ms']:.3f} ms = {r['lookup_share']:.1%} of its check "
                     f"({r['check_ms']:.3f} ms; target ≤ 10 %); {r['added']} references added; check consulting the "
                     f"library {r['with_library_ms']:.3f} ms vs the same references sent {r['references_sent_ms']:.3f} "
                     f"ms ({r['library_over_sent']:.2f}×)")
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(seconds: float, workers: int = 1) -> dict:
    """check/echo on one server of ``workers`` processes (uvicorn's, with the HTTP protocol ``tadqiq serve``
    uses)."""
    from bench.load import rate
    from rules.engine import check
    from rules.model import CheckRequest

    body = SEED.read_bytes()
    report_size = len(msgspec.json.encode(check(msgspec.json.decode(body, type=CheckRequest))))
    port = _free_port()
    from service.auth import digest, new_key

    key = new_key()
    data = tempfile.mkdtemp(prefix="tadqiq-bench-")
    env = {**os.environ, "TADQIQ_BENCH_ECHO_SIZE": str(report_size), "TADQIQ_DATA_DIR": data,
           "TADQIQ_KEYS": f"bench:bench:submitter:{digest(key)}", "TADQIQ_RATE": "", "TADQIQ_FAILURES": ""}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    auth = {"Authorization": f"Bearer {key}"}
    run = ("import uvicorn; from service.serving import NoDelayHTTP; uvicorn.run('bench.app:app', host='127.0.0.1', "
           f"port={port}, log_level='warning', access_log=False, workers={workers}, http=NoDelayHTTP)")
    server = subprocess.Popen([sys.executable, "-c", run], cwd=ROOT, env=env, start_new_session=True)
    try:
        for _ in range(600):  # the server starts its warm worker processes before it listens: seconds
            try:
                if socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        time.sleep(3 if workers > 1 else 0)  # the other processes finish starting
        connections = 8 * workers
        rate("127.0.0.1", port, "/bench/echo", body, 1.0, connections=connections)  # warm up both routes
        rate("127.0.0.1", port, "/v1/checks?store=false", body, 1.0, headers=auth, connections=connections)
        rounds = 5  # interleaved, so that a busy moment on a shared machine hits both routes alike
        echoes, checks = [], []
        for _ in range(rounds):
            echoes.append(rate("127.0.0.1", port, "/bench/echo", body, seconds / rounds, connections=connections))
            checks.append(rate("127.0.0.1", port, "/v1/checks?store=false", body, seconds / rounds, headers=auth,
                               connections=connections))
        echo, checks_rps = sum(echoes) / rounds, sum(checks) / rounds
        stored = rate("127.0.0.1", port, "/v1/checks", body, seconds, headers=auth,
                      connections=connections)  # SQLite, committed before the answer
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        shutil.rmtree(data, ignore_errors=True)
    return {"workers": workers, "echo_rps": echo, "check_rps": checks_rps, "ratio_check_over_echo": checks_rps / echo,
            "ratio_by_round": [c / e for c, e in zip(checks, echoes)], "stored_rps": stored,
            "body_bytes": len(body), "response_bytes": report_size}


def _normaliser_summary(n: dict) -> str:
    rates = ", ".join(f"{k.split('_')[0]} {v:,.0f}/s" for k, v in n.items() if k.endswith("_per_second")
                      and not k.startswith(("quantulum3", "en_same")))
    line = f"normalise {rates} (target ≥ 20 000/s)"
    if "ratio_over_quantulum3" in n:
        line += (f"\nnormalise same English strings: tadqiq {n['en_same_strings_per_second']:,.0f}/s, quantulum3 "
                 f"{n['quantulum3_en_per_second']:,.0f}/s, ratio {n['ratio_over_quantulum3']:.1f}×")
    elif "quantulum3" in n:
        line += f"\nnormalise quantulum3 {n['quantulum3']}"
    return line


def _engine_summary(e: dict) -> str:
    lines = [(f"engine    seed {e['seed_ms']:.3f} ms CPU (target < 1 ms); cold {e['seed_cold_ms']:.3f} ms; "
              f"new figures {e['seed_varied_ms']:.3f} ms")]
    for k in ("claims_100", "claims_1000", "claims_10000"):
        lines.append(f"engine    {k[7:]:>6} claims {e[k]['ms']:9.1f} ms, {e[k]['us_per_claim']:.1f} µs/claim; "
                     f"cold {e[k]['cold_ms']:.1f} ms")
    lines.append(f"engine    time(10 000)/time(1 000) = {e['ratio_10000_over_1000']:.2f} (target ≤ 12; 10 000 ≤ 1 s); "
                 f"cold {e['ratio_cold']:.2f}")
    return "\n".join(lines)


def _causes_summary(c: dict) -> str:
    return (f"causes    currency mix-up verdict {c['mixup_ms']:.2f} ms with the day's rate table, "
            f"{c['mixup_table_cold_ms']:.2f} ms building it")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per HTTP measurement")
    parser.add_argument("--only", choices=["engine", "normaliser", "library", "causes", "memory", "scale", "http",
                                           "stored", "extract", "coldstart"],
                        help="run one part only")
    parser.add_argument("--batch-lines", type=int, default=5000,
                        help="articles in the batches run with 1 and 2 worker processes")
    parser.add_argument("--archive", type=int, default=100_000,
                        help="articles in the archive batch (2 workers, one killed half-way); 0: skip it")
    parser.add_argument("--tries", type=int, default=3, help="cold starts of each kind (--only coldstart)")
    parser.add_argument("--connections", type=int, default=16,
                        help="keep-alive connections of the stored checks' load generator (--only stored)")
    args = parser.parse_args()
    if args.only == "engine":
        print(_engine_summary(engine()))
        return 0
    if args.only == "normaliser":
        print(_normaliser_summary(normaliser()))
        return 0
    from bench.memory import soak, summary

    if args.only == "memory":
        print(summary(soak()))
        return 0
    if args.only == "extract":
        from bench import extract as extraction

        print(extraction.summary(extraction.measure()))
        return 0
    if args.only == "library":
        print(_library_summary(library()))
        return 0
    if args.only == "causes":
        print(_causes_summary(causes()))
        return 0
    if args.only in ("http", "stored"):  # quick looks at one figure; `make bench` measures them all
        from bench import scale

        part = ({"http": http(args.seconds, os.cpu_count() or 1), "http_1_worker": http(args.seconds, 1)}
                if args.only == "http" else {"stored": scale.stored(args.seconds, connections=args.connections)})
        print(json.dumps(part, indent=1))
        if args.only == "stored":
            print(scale.stored_summary(part["stored"]))
        return 0
    if args.only == "coldstart":  # the cold start alone (``make bench`` measures it with the scale part)
        from bench import scale

        print(scale.cold_summary(scale.cold_start(args.tries)))
        return 0
    if args.only == "scale":
        from bench import scale

        results = {"scale": scale.measure(args.seconds, args.batch_lines, args.archive)}
        print(scale.summary(results["scale"]))
        _write(results)
        return 0
    from bench import scale

    cores = os.cpu_count() or 1
    from bench import extract as extraction

    results = {"engine": engine(), "causes": causes(), "normaliser": normaliser(), "extract": extraction.measure(),
               "library": library(),
               "http": http(args.seconds, cores), "http_1_worker": http(args.seconds, 1), "memory": soak(),
               "scale": scale.measure(args.seconds, args.batch_lines, args.archive)}
    e, n = results["engine"], results["normaliser"]
    for h in (results["http"], results["http_1_worker"]):
        print(f"http      {h['workers']} worker process{'es' if h['workers'] > 1 else ''}: check "
              f"{h['check_rps']:.0f} req/s, echo {h['echo_rps']:.0f} req/s, ratio {h['ratio_check_over_echo']:.2f} "
              f"(target ≥ 0.5; rounds {', '.join(f'{r:.2f}' for r in h['ratio_by_round'])}); "
              f"stored (SQLite) {h['stored_rps']:.0f} req/s")
    print(_engine_summary(e))
    print(_causes_summary(results["causes"]))
    print(_normaliser_summary(n))
    print(extraction.summary(results["extract"]))
    print(_library_summary(results["library"]))
    print(summary(results["memory"]))
    print(scale.summary(results["scale"]))
    _write(results)
    return 0


def _write(results: dict) -> None:
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    raise SystemExit(main())
