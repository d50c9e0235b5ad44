"""The time corpus (``tests/corpus/times/<lang>.toml``): every expression read into the interval, grain, modifier
and calendar written beside it, and every unreadable one refused with its code. Relative expressions are read from
the file's publication date, and refused without it."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from conftest import ROOT

from rules.normalise.times import read_time
from rules.normalise.errors import Unreadable

CORPUS = sorted((ROOT / "tests" / "corpus" / "times").glob("*.toml"))


def _cases():
    for path in CORPUS:
        data = tomllib.loads(path.read_text("utf-8"))
        published = dt.date.fromisoformat(data["published"])
        for text, expected in data["read"].items():
            yield pytest.param(path.stem, text, published, expected, id=f"{path.stem}:{text}")
        for text, code in data.get("unreadable", {}).items():
            yield pytest.param(path.stem, text, published, Unreadable(code, ""), id=f"{path.stem}:{text}:{code}")


CASES = list(_cases())


@pytest.mark.parametrize(("language", "text", "published", "expected"), CASES)
def test_corpus(language, text, published, expected):
    if isinstance(expected, Unreadable):
        with pytest.raises(Unreadable) as caught:
            read_time(text, language, published)
        assert caught.value.code == expected.code, caught.value.message
        return
    first, last, grain, *rest = expected.split()
    span = read_time(text, language, published)
    got = (span.start.isoformat(), "-" if span.open else span.last.isoformat(), span.grain,
           span.modifier or "-", span.calendar)
    assert got == (first, last, grain, rest[0] if rest else "-", rest[1] if len(rest) > 1 else "gregorian")
    if span.anchor is not None:
        assert span.anchor == published
        with pytest.raises(Unreadable) as caught:
            read_time(text, language, None)
        assert caught.value.code == "needs_publication_date"


def test_the_corpus_covers_every_language_and_series():
    languages = {c.values[0] for c in CASES}
    assert {"ar", "en", "fr", "es", "de"} <= languages
    readable = [c for c in CASES if not isinstance(c.values[3], Unreadable)]
    assert len(readable) >= 150
    arabic = " ".join(c.values[1] for c in readable if c.values[0] == "ar")
    for word in ("سبتمبر", "أيلول", "تشرين الأول", "جانفي", "جويلية", "أوت", "يوليوز", "غشت", "شتنبر", "دجنبر",
                 "رمضان", "ذو الحجة", "هـ", "الربع", "النصف", "٢٠٢٥"):
        assert word in arabic, word
    assert any(c.values[3].endswith("hijri") for c in readable)
