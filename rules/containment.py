"""What a part may not exceed, and how parts are recognised: additive figures, subgroups and partitions.

``rules/data/containment.toml`` says which metrics are non-negative flows (a month's exports are part of the
year's), which are sums over places and groups (population, employees), which never are (averages, rates, prices,
balances), and which qualifiers name part of a group ('women employees') or split it in full (men and women). Words
are matched as bags of stems, like pairing labels (``rules.text.key``), in the document's language.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rules.arithmetic._align import SHARE_UNITS

if TYPE_CHECKING:
    from rules.context import Item

from rules.text import key

__all__ = ["Qualifier", "additive", "flow", "qualifiers"]

_DATA = tomllib.loads(files("rules").joinpath("data/containment.toml").read_text("utf-8"))


def _stems(words: list[str], lang: str) -> frozenset[str]:
    return frozenset(s for w in words for s in key(w, lang).split())


@lru_cache(maxsize=8)
def _words(table: str, lang: str) -> frozenset[str]:
    return _stems(_DATA.get(table, {}).get(lang, []), lang)


def not_additive(lang: str) -> frozenset[str]:
    """The stems of the words that make a figure an average, a rate, a ratio or a balance (``[not_additive]``)."""
    return _words("not_additive", lang)


def _amount(item: Item) -> bool:
    """A total (not a rate per period or per head, not a share) that is not negative."""
    m = item.measure
    return m is not None and m.per is None and m.period is None and m.unit not in SHARE_UNITS \
        and m.value.low is not None and m.value.low >= 0


def flow(item: Item, lang: str) -> bool:
    """A non-negative flow over a period: its figure for part of the period is at most the whole period's."""
    stems = set(item.metric.split())
    return _amount(item) and bool(stems & _words("flows", lang)) and not stems & _words("not_additive", lang)


def additive(metric_key: str, item: Item, lang: str) -> bool:
    """A figure that is the sum of its parts over places or groups (population, exports), not an average or a rate."""
    stems = set(metric_key.split())
    return _amount(item) and bool(stems & (_words("flows", lang) | _words("stocks", lang))) \
        and not stems & _words("not_additive", lang)


@dataclass(frozen=True)
class Qualifier:
    """A qualifier naming part of a group: its stems, and which side of which partition it is (or None)."""

    stems: frozenset[str]
    partition: tuple[int, int] | None


@lru_cache(maxsize=8)
def qualifiers(lang: str) -> tuple[Qualifier, ...]:
    """Every subgroup qualifier of ``lang``, longest first ('غير السعوديين' before 'السعوديين')."""
    sides: dict[frozenset[str], tuple[int, int]] = {}
    for p, partition in enumerate(_DATA.get("partitions", {}).get(lang, [])):
        for s, side in enumerate(partition):
            for word in side:
                sides[frozenset(key(word, lang).split())] = (p, s)
    words = {frozenset(key(w, lang).split()) for w in _DATA.get("subgroups", {}).get(lang, [])} | set(sides)
    return tuple(sorted((Qualifier(w, sides.get(w)) for w in words if w), key=lambda q: -len(q.stems)))


@lru_cache(maxsize=8)
def _by_stem(lang: str) -> dict[str, tuple[Qualifier, ...]]:
    out: dict[str, list[Qualifier]] = {}
    for q in qualifiers(lang):
        for stem in q.stems:
            out.setdefault(stem, []).append(q)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1 << 14)
def split(label_key: str, lang: str) -> tuple[tuple[Qualifier, str], ...]:
    """Each subgroup qualifier a label holds, with the label without it ('employe women' → women, 'employe'),
    longest first: a label with two qualifiers ('Saudi women employees') is a part of each of two groups."""
    stems = frozenset(label_key.split())
    index = _by_stem(lang)
    found = {q for s in stems for q in index.get(s, ()) if q.stems <= stems and q.stems != stems}
    return tuple((q, " ".join(sorted(stems - q.stems))) for q in sorted(found, key=lambda q: (-len(q.stems),
                                                                                             sorted(q.stems))))
