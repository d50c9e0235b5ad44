"""Every example of ``rules/normalise/data/examples/<lang>.toml``: figures as printed and how they read, and strings
that are not amounts. The corpus is the reader's definition; this one test runs it all."""

from __future__ import annotations

import json
import tomllib
from fractions import Fraction
from importlib.resources import files

import pytest
from conftest import SEEDS

from rules.normalise.errors import Unreadable
from rules.normalise.values import read_value

EXAMPLES = files("rules.normalise").joinpath("data/examples")
CORPUS = {p.name[:-5]: tomllib.loads(p.read_text("utf-8")) for p in EXAMPLES.iterdir() if p.name.endswith(".toml")}


def _cases():
    for lang, data in sorted(CORPUS.items()):
        for what in ("read", "refuse"):
            for n, example in enumerate(data.get(what, [])):
                yield pytest.param(lang, what, example, id=f"{lang}:{what}:{n}:{example['text']}")


def _range(text: str) -> tuple[Fraction | None, Fraction | None]:
    low, high = (part.strip() for part in text.split(".."))
    return (Fraction(low) if low else None), (Fraction(high) if high else None)


@pytest.mark.parametrize(("lang", "what", "example"), list(_cases()))
def test_corpus(lang, what, example):
    tag = example.get("tag", lang)
    if what == "refuse":
        with pytest.raises(Unreadable) as caught:
            read_value(example["text"], tag)
        assert caught.value.code == example["code"], caught.value.message
        assert caught.value.message
        return
    m = read_value(example["text"], tag)
    got = {"range": (m.value.low, m.value.high), "bound": m.bound, "unit": m.unit, "period": m.period, "per": m.per}
    want = {"range": _range(example["range"]), "bound": example.get("bound", "exact"), "unit": example.get("unit"),
            "period": example.get("period"), "per": example.get("per")}
    assert got == want, (m.notes, m.assumptions)
    if "assume" in example:
        assert any(example["assume"] in a for a in m.assumptions), m.assumptions
    reading = m.reading()
    assert reading.policy.startswith("news-v1")
    assert m.span is not None and 0 <= m.span[0] < m.span[1] <= len(example["text"])


def test_the_corpus_is_large_and_covers_every_language():
    reads = {lang: len(data.get("read", [])) for lang, data in CORPUS.items()}
    refusals = {lang: len(data.get("refuse", [])) for lang, data in CORPUS.items()}
    assert set(reads) >= {"ar", "en", "fr", "es", "de"}
    assert sum(reads.values()) + sum(refusals.values()) >= 300, (reads, refusals)
    assert all(n >= 8 for n in refusals.values()), refusals


def test_every_figure_of_the_seed_articles_is_in_the_corpus():
    for seed in SEEDS:
        request = json.loads((seed / "claims.json").read_text("utf-8"))
        data = CORPUS[request["document"]["language"].split("-")[0]]
        corpus = {e["text"] for e in data["read"] + data.get("refuse", [])}
        printed = [c["value"] for c in request["claims"] + request.get("references", []) if isinstance(c.get("value"), str)]
        assert printed and not set(printed) - corpus, set(printed) - corpus
