"""Extraction throughput: characters of article text read into claims per second on one core (``rules.extract``).

The texts: every seed's ``article.txt``, one text per language, and the sentences the published-slip corpus's
claims quote (``tests/corpus/slips``), joined as one article per language (a language with none is left out). Each run starts cold for everything an unseen
article would not find cached (``rules.engine.forget`` and the time reader's memo): only what is built once per
process (lexicons, cue tables, compiled patterns) is kept. Best of ``repeat`` runs. ``python -m bench --only
extract`` runs this part alone.
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> dict[str, str]:
    """Language → one text to read: the seeds' articles and the slip corpus's sentences."""
    out: dict[str, list[str]] = {}
    for seed in sorted((ROOT / "seeds").iterdir()):
        if (seed / "article.txt").exists():
            import json

            lang = json.loads((seed / "claims.json").read_text("utf-8"))["document"]["language"]
            out.setdefault(lang, []).append((seed / "article.txt").read_text("utf-8"))
    for path in sorted((ROOT / "tests" / "corpus" / "slips").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        sentences = [c["sentence"] for e in [*data.get("slip", []), *data.get("passage", [])]
                     for c in e.get("claims", []) if c.get("sentence")]
        out.setdefault(path.stem, []).append("\n".join(dict.fromkeys(sentences)))
    return {lang: "\n\n".join(parts) for lang, parts in out.items() if "".join(parts).strip()}


#: CPU milliseconds of ``_speed_unit`` on this 2-core machine when quiet (as tests/conftest.py measures it).
QUIET_UNIT_MS = 36


def _speed_unit() -> float:
    """How long pure-Python exact arithmetic takes right now (a loaded machine stretches CPU time too)."""
    from fractions import Fraction

    start, x = time.process_time(), Fraction(0)
    for i in range(1, 20_001):
        x += Fraction(i % 97 + 1, i % 89 + 2)
    return (time.process_time() - start) * 1000


def measure(repeat: int = 15) -> dict:
    from rules import engine
    from rules.extract import extract
    from rules.normalise import times

    results: dict[str, dict] = {}
    total_chars = total_seconds = 0.0
    for lang, text in texts().items():
        extract(text, lang)  # builds the language's tables once, as a server does at its first article
        best = float("inf")
        found = 0
        for _ in range(repeat):
            engine.forget()
            times._read_time.cache_clear()
            start = time.process_time()
            x = extract(text, lang)
            best = min(best, time.process_time() - start)
            found = len(x.found)
        results[lang] = {"chars": len(text), "found": found, "seconds": best, "chars_per_second": len(text) / best}
        total_chars += len(text)
        total_seconds += best
    slowdown = max(1.0, min(_speed_unit() for _ in range(3)) / QUIET_UNIT_MS)
    return {"languages": results, "chars_per_second": total_chars / total_seconds, "slowdown": slowdown}


def summary(r: dict) -> str:
    parts = ", ".join(f"{lang} {v['chars_per_second'] / 1000:.0f} k ({v['chars']} chars, {v['found']} found)"
                      for lang, v in r["languages"].items())
    return (f"extract   {r['chars_per_second'] / 1000:.0f} k characters/s per core, cold (target ≥ 200 k; machine "
            f"{r['slowdown']:.1f}× slower than quiet right now); {parts}")


if __name__ == "__main__":
    print(summary(measure()))
