"""The figure reader's golden record: every string of the reader's examples (``rules/normalise/data/examples``),
of the published corpus (``tests/corpus/published``, figures and times), of the times corpus
(``tests/corpus/times``) and of the benchmark (``bench.__main__.FIGURES``, all five languages) read with
``read_value``, and the whole result written down — every field of the ``Measure``, or the ``Unreadable``'s code
and message. The corpora and the benchmark strings under the default policy; the corpora again under a wider one,
so that a memo keyed without the policy would show.

A change that is meant to leave the readings alone (a faster reader) must leave this record byte-identical; a
change that means to read differently rewrites it (``make golden``) and the diff shows every reading it changed.

``make golden`` (``python tests/test_reader_golden.py --write``) rewrites ``tests/golden/readings.jsonl.gz``: one
JSON line per reading, gzipped (15 000 readings are 5.8 MB of text, 0.4 MB compressed); ``zcat`` reads it, and
this test prints the first readings that changed.
"""

from __future__ import annotations

import gzip
import json
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rules.normalise.errors import Unreadable  # noqa: E402
from rules.normalise.lexicon import _SILENT, _SPLIT, _SPLIT_SPACED, NUMBER, SYMBOL, WORD, split  # noqa: E402
from rules.normalise.values import Measure, read_value  # noqa: E402
from rules.policy import POLICY, Policy  # noqa: E402
from rules.text import fold  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "readings.jsonl.gz"
#: A second policy, every margin different from the default's.
WIDE = Policy(approximate=Fraction(1, 10), zeros_cap=Fraction(3, 100))


def _corpus() -> list[tuple[str, str]]:
    """(tag, text) of every corpus string, in file order."""
    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "rules" / "normalise" / "data" / "examples").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for what in ("read", "refuse"):
            out += [(e.get("tag", path.stem), e["text"]) for e in data.get(what, [])]
    for path in sorted((ROOT / "tests" / "corpus" / "published").glob("*.toml")):
        for page in tomllib.loads(path.read_text("utf-8"))["page"]:
            tag = page.get("tag", path.stem)
            out += [(tag, e["text"]) for what in ("figures", "times") for e in page.get(what, [])]
    for path in sorted((ROOT / "tests" / "corpus" / "times").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        out += [(path.stem, text) for what in ("read", "unreadable") for text in data.get(what, {})]
    return out


def _bench() -> list[tuple[str, str]]:
    from bench.__main__ import FIGURES

    return [(lang, text) for lang, texts in FIGURES.items() for text in texts]


def _fraction(x: Fraction | None) -> str | None:
    return None if x is None else str(x)


def _record(m: Measure) -> dict:
    return {"text": m.text, "low": _fraction(m.value.low), "high": _fraction(m.value.high), "bound": m.bound,
            "unit": m.unit, "per": m.per, "period": m.period, "precision": _fraction(m.precision),
            "span": list(m.span) if m.span is not None else None, "notes": list(m.notes),
            "assumptions": list(m.assumptions), "number": _fraction(m.number),
            "ends": [str(e) for e in m.ends] if m.ends is not None else None, "separator": m.separator}


def reading(text: str, tag: str, policy: Policy) -> dict:
    try:
        return _record(read_value(text, tag, policy=policy))
    except Unreadable as exc:
        return {"code": exc.code, "message": exc.message}


def lines() -> list[str]:
    """One JSON line per (policy, tag, text), each string once, in a stable order."""
    cases = [("default", POLICY, tag, text) for tag, text in dict.fromkeys(_corpus() + _bench())]
    cases += [("wide", WIDE, tag, text) for tag, text in dict.fromkeys(_corpus())]
    return [json.dumps({"policy": name, "tag": tag, "text": text, "read": reading(text, tag, policy)},
                       ensure_ascii=False, sort_keys=True) for name, policy, tag, text in cases]


def test_every_reading_is_as_recorded():
    want = gzip.decompress(GOLDEN.read_bytes()).decode("utf-8").splitlines()
    got = lines()
    changed = [f"want {w}\n got {g}" for w, g in zip(want, got) if w != g]
    assert len(got) == len(want), f"{len(got)} readings, {len(want)} recorded: rewrite with `make golden`"
    assert not changed, f"{len(changed)} readings changed, the first ones:\n" + "\n".join(changed[:5])


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_splits_as_any_text(text):
    """``split`` reads ASCII text with its own patterns: they must cut it exactly as the general ones do."""
    for spaced in (False, True):
        general = _SPLIT_SPACED if spaced else _SPLIT
        assert split(text, spaced) == [t for t in _split_with(general, text)]


def _split_with(pattern, text: str) -> list[tuple[int, str, int, int]]:
    out = []
    for m in pattern.finditer(text):
        kind = m.lastgroup
        if kind == "n":
            out.append((NUMBER, m.group(), *m.span()))
        elif kind == "w" and fold(m.group()):
            out.append((WORD, fold(m.group()).replace(" ", ""), *m.span()))
        elif kind == "s" and m.group() not in _SILENT:
            out.append((SYMBOL, m.group(), *m.span()))
    return out


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python tests/test_reader_golden.py --write")
    GOLDEN.parent.mkdir(exist_ok=True)
    out = lines()
    GOLDEN.write_bytes(gzip.compress(("\n".join(out) + "\n").encode("utf-8"), mtime=0))
    print(f"{GOLDEN.relative_to(ROOT)}: {len(out)} readings")
