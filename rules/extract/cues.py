"""The cue words of extraction, per language: which words relate figures ('of', 'منها', 'from … to'), mark a
sentence's tense and modality, a role's status, and end a clause. Data in ``rules/data/extract/<lang>.toml`` (the
format is described at the top of ``en.toml``); comparison words come from ``rules/data/compare.toml``, which the
``compare`` rule reads too. Built once per language per process, as a ``Lexicon`` (the reader's phrase table:
longest phrase first, Arabic proclitics and article found)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rules.normalise.lexicon import Lexicon, locale_of
from rules.text import fold, key

__all__ = ["ACTOR_CATEGORIES", "CATEGORIES", "LANGUAGES", "Cues", "cues"]

_DATA = files("rules").joinpath("data/extract")
LANGUAGES = tuple(sorted(p.name[:-5] for p in _DATA.iterdir() if p.name.endswith(".toml")))
CATEGORIES = ("share", "parts", "from", "to", "since", "order", "future", "past", "expected", "planned", "former",
              "current", "roles", "drop", "clause", "link", "rest", "breakdown", "same", "more", "less", "article",
              "that", "generic", "comes_to", "then", "now", "elapsed", "each", "pronoun", "said", "moved",
              "price", "origin", "year_before", "variant", "qualified", "referent", "direction", "basis")
#: the words around names (``rules.extract.actors``), in a lexicon of their own: 'the company' must not hide 'the'
ACTOR_CATEGORIES = ("organisation", "anaphor", "source", "office", "led_by", "enact", "law", "metric")


@dataclass(frozen=True)
class Cues:
    """A language's cue phrases (``lex``: phrase → its categories) and the punctuation that ends a clause."""

    lex: Lexicon
    marks: frozenset[str]
    generic: frozenset[str]  # the stems of the generic words (``rules.text.key``): 'nombre', 'montant'
    actors: Lexicon  # ``ACTOR_CATEGORIES``: nouns before a name ('شركة'), that refer back ('the company'), offices…
    variants: frozenset[str] = frozenset()  # the stems of the 'variant' words ('before': 'befor')
    numbered: frozenset[tuple[str, str]] = frozenset()  # names ending in a number, as (folded word, digits)


@lru_cache(maxsize=8)
def cues(language: str) -> Cues:
    """The cues of ``language`` (one of ``LANGUAGES``)."""
    data = tomllib.loads(_DATA.joinpath(f"{language}.toml").read_text("utf-8"))
    compare = tomllib.loads(files("rules").joinpath("data/compare.toml").read_text("utf-8")).get(language, {})
    lex = Lexicon(lang=language, locale=locale_of(language), arabic=language == "ar")
    marks = frozenset(p for p in data.get("clause", []) if len(p) == 1 and not p.isalnum())
    for category in CATEGORIES:
        for phrase in data.get(category, compare.get(category, [])):
            if phrase not in marks:
                lex.add(phrase, category, True)
    generic = frozenset(w for phrase in data.get("generic", []) for w in key(phrase, language).split())
    actors = Lexicon(lang=language, locale=locale_of(language), arabic=language == "ar")
    for category in ACTOR_CATEGORIES:
        for phrase in data.get(category, []):
            actors.add(phrase, category, True)
    variants = frozenset(w for phrase in data.get("variant", []) for w in key(phrase, language).split())
    numbered = frozenset((fold(words[-2]), words[-1]) for name in data.get("numbered", [])
                         if len(words := name.split()) >= 2 and words[-1].isdigit())
    return Cues(lex=lex, marks=marks, generic=generic, actors=actors, variants=variants, numbered=numbered)
