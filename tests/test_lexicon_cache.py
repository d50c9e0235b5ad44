"""A language's lexicon is kept in the cache directory between starts (``rules.normalise.lexicon._lexicon``): the one
read from there is the one built from the sources, it is read rather than built when nothing changed, built again
when any source changed, and a cache that is unreadable or cannot be written is no cache, not an error."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from rules.normalise import lexicon as L


def _snapshot(lex: L.Lexicon) -> dict:
    meanings = {phrase: tuple(getattr(m, slot) for slot in L.Meaning.__slots__) for phrase, m in lex.meaning.items()}
    fields = [f.name for f in dataclasses.fields(lex) if f.name not in ("meaning", "locale", "_starts")]
    return {"locale": str(lex.locale), "meaning": meanings, **{name: getattr(lex, name) for name in fields}}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TADQIQ_CACHE_DIR", str(tmp_path / "cache"))
    L._lexicon.cache_clear()
    yield tmp_path / "cache" / "lexicons"
    L._lexicon.cache_clear()


@pytest.mark.parametrize("tag", ["en", "ar", "fr", "de", "es", "ar-MA", "fr-CH", "pt"])
def test_a_lexicon_from_the_cache_is_the_one_built(tag, cache_dir):
    locale = L.locale_of(tag)
    territory = L._territory(tag) or locale.territory
    built = L._lexicon(str(locale), territory)  # built and kept
    assert len(list(cache_dir.iterdir())) == 1
    L._lexicon.cache_clear()
    read = L._lexicon(str(locale), territory)
    assert read is not built
    assert _snapshot(read) == _snapshot(built) == _snapshot(L._build(str(locale), territory))


def test_the_cache_is_read_when_nothing_changed_and_built_again_when_a_source_changed(cache_dir, tmp_path,
                                                                                        monkeypatch):
    source = tmp_path / "words.toml"
    source.write_text("a = 1\n")
    monkeypatch.setattr(L, "_SOURCE_FILES", (*L._SOURCE_FILES, str(source)))
    L._sources.cache_clear()
    built = []
    build = L._build
    monkeypatch.setattr(L, "_build", lambda tag, territory: built.append(tag) or build(tag, territory))
    L._lexicon("en", None)
    L._lexicon("fr", "FR")
    L._lexicon.cache_clear()
    L._lexicon("en", None)
    assert built == ["en", "fr"]  # the second English from the cache
    first = {p.name for p in cache_dir.iterdir()}

    source.write_text("a = 2\n")  # a source changed: another key, built again
    L._sources.cache_clear()
    L._lexicon.cache_clear()
    L._lexicon("en", None)
    assert built == ["en", "fr", "en"]
    now = {p.name for p in cache_dir.iterdir()}  # English's new lexicon replaced its old one; French's is left
    assert len(now) == 2 and first - now == {n for n in first if n.endswith("-en-None.pickle")}
    assert {n for n in first if "-fr-FR" in n} <= now
    built.remove("fr")

    for kept in cache_dir.iterdir():  # a damaged file: built again (and written whole)
        kept.write_bytes(b"\x80\x05garbage")
    L._lexicon.cache_clear()
    lex = L._lexicon("en", None)
    assert built == ["en"] * 3 and lex.lookup(["billion"], 0) is not None
    L._sources.cache_clear()


def test_a_cache_that_cannot_be_made_is_no_cache(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("TADQIQ_CACHE_DIR", str(tmp_path / "file" / "cache"))
    L._lexicon.cache_clear()
    try:
        assert _snapshot(L._lexicon("en", None)) == _snapshot(L._build("en", None))
    finally:
        L._lexicon.cache_clear()


def test_a_kept_lexicon_of_another_layout_is_not_used(cache_dir):
    L._lexicon("en", None)
    (kept,) = cache_dir.iterdir()
    data = pickle.loads(kept.read_bytes())
    kept.write_bytes(pickle.dumps({**data, "format": -1, "longest": 99}))
    L._lexicon.cache_clear()
    assert L._lexicon("en", None).longest != 99
