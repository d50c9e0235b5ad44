"""Every report the engine writes for the seeds and the corpora, in one file: run it before and after a change
meant to make the engine faster (or otherwise not to change what it says) and compare the two files byte for byte.

``python -m bench.dump OUT`` writes, one line each, the report (``service.work.check_json``, as the service
encodes it) of: every seed's claims; every slip and passage of ``tests/corpus/slips`` with claims, as published
and as corrected, and from its text alone, as published and as corrected; the generated articles of the engine
bench (100 and 1 000 claims). Each line is checked twice in a row, after ``rules.engine.forget`` and again with the
memos warm: the two must be equal, or the line says so.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def requests() -> list[tuple[str, bytes]]:
    from test_slips_corpus import _request, _text_request  # the corpus read as its test reads it

    from bench.__main__ import generated

    out = [(f"seed {path.parent.name}", path.read_bytes()) for path in sorted((ROOT / "seeds").glob("*/claims.json"))]
    enc = msgspec.json.Encoder()
    for lang in ("ar", "en", "fr", "es", "de"):
        data = tomllib.loads((ROOT / "tests" / "corpus" / "slips" / f"{lang}.toml").read_text("utf-8"))
        for entry in data.get("slip", []) + data.get("passage", []):
            entry = {**entry, "file": lang}
            for corrected in (False, True):
                if corrected and not entry.get("corrected"):
                    continue
                if entry.get("claims"):
                    out.append((f"{entry['id']} claims{' corrected' * corrected}",
                                enc.encode(_request(entry, corrected))))
                if entry.get("text"):
                    out.append((f"{entry['id']} text{' corrected' * corrected}",
                                enc.encode(_text_request(entry, corrected))))
    for n in (100, 1000):
        out.append((f"generated {n}", enc.encode(generated(n))))
    return out


def main() -> None:
    from rules.engine import forget
    from service.work import Checked, check_json

    lines = []
    for name, raw in requests():
        forget()
        cold = check_json(raw)
        warm = check_json(raw)
        body = cold.report if isinstance(cold, Checked) else msgspec.json.encode(cold)
        again = warm.report if isinstance(warm, Checked) else msgspec.json.encode(warm)
        lines.append(f"{name}\t{body.decode()}" + ("" if body == again else "\tWARM DIFFERS"))
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} reports -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
