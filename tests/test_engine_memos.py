"""The engine's memos: ``rules.engine.forget`` empties every one keyed by what a request carries, so that a "cold"
check (benchmarks, ``bench.dump``) is as cold as an article whose figures were never seen; what it keeps is keyed
only by a closed vocabulary (languages, unit and currency codes, policies), and does not grow with new figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import msgspec
import pytest

import rules
from bench.__main__ import varied
from rules.engine import _per_input, check, forget
from rules.model import CheckRequest

SEEDS = sorted(Path(__file__).resolve().parent.parent.glob("seeds/*/claims.json"))

#: Memos built once per process, each keyed only by a closed vocabulary: every other memo in ``rules`` must be one
#: ``forget`` empties (a new memo fails this test until it is put on one side or the other).
PER_PROCESS = {
    "rules.messages._base", "rules.verdicts._policy_name", "rules.normalise.units.words",
    "rules.normalise.units.factor", "rules.normalise.units._plurals", "rules.normalise.units._long", "rules.normalise.units.periods", "rules.normalise.units._locale",
    "rules.normalise.currency.resolve", "rules.normalise.currency._converter", "rules.normalise.currency._series",
    "rules.normalise.timewords.time_words", "rules.normalise.values._policy_notes", "rules.normalise.numbers._plain",
    "rules.normalise.numbers._locale", "rules.normalise.numbers._decimal", "rules.normalise.changes._words",
    "rules.normalise.lexicon.lexicon", "rules.normalise.lexicon._lexicon", "rules.normalise.lexicon._sources",
    "rules.messages._read", "rules.extract.factor_words", "rules.normalise.pint_facts._built",
    "rules.normalise.pint_facts.facts", "rules.normalise.pint_facts.key",
    "rules.extract.cues.cues", "rules.identities._index", "rules.identities._sign_words",
    "rules.identities.exhaustive_cues", "rules.library._document", "rules.containment._words",
    "rules.containment.qualifiers", "rules.containment._by_stem", "rules.explain._numbers",
    "rules.policy.percent_text", "rules.arithmetic.compare._cues", "rules.arithmetic.compare._stop",
    "rules.places._index", "rules.ratios._words", "rules.context._dated", "rules.context._comma_decimals",
}


def _memos() -> dict[int, tuple[object, set[str]]]:
    """Every ``functools.lru_cache`` in the ``rules`` package: id → (the memo, the names it is found under)."""
    for info in pkgutil.walk_packages(rules.__path__, "rules."):
        importlib.import_module(info.name)
    found: dict[int, tuple[object, set[str]]] = {}
    for name, module in list(sys.modules.items()):
        if name != "rules" and not name.startswith("rules."):
            continue
        for attr, value in vars(module).items():
            if hasattr(value, "cache_clear") and hasattr(value, "cache_info"):
                found.setdefault(id(value), (value, set()))[1].add(f"{name}.{attr}")
    return found


def test_every_memo_is_either_emptied_by_forget_or_kept_per_process():
    emptied = {id(m) for m in _per_input()}
    kept = {k for k, (_, names) in _memos().items() if names & PER_PROCESS}
    unsorted = sorted(min(names) for k, (_, names) in _memos().items() if k not in emptied | kept)
    assert unsorted == []
    assert not emptied & kept
    stale = PER_PROCESS - {n for _, names in _memos().values() for n in names}
    assert stale == set()  # a name that no longer exists


def test_forget_empties_every_per_input_memo():
    for path in SEEDS:
        check(msgspec.json.decode(path.read_bytes(), type=CheckRequest))
    assert any(m.cache_info().currsize for m in _per_input())
    forget()
    assert [m for m in _per_input() if m.cache_info().currsize] == []
    from rules import explain, messages
    assert not explain._TEXTS and not explain._RANGES and not messages._PROBLEMS


#: Checks of the same words with new figures (``bench.varied``): a memo keyed by figures grows with each, one keyed
#: by a closed vocabulary hardly at all.
VARIANTS = 24


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.parent.name)
def test_what_forget_keeps_does_not_grow_with_new_figures(path):
    check(varied(1, path))
    kept = {min(names): m for _, (m, names) in _memos().items() if names & PER_PROCESS}
    before = {name: m.cache_info().currsize for name, m in kept.items()}
    for k in range(2, VARIANTS + 2):
        check(varied(k, path))
    grew = {name: m.cache_info().currsize - before[name] for name, m in kept.items()}
    assert {name: n for name, n in grew.items() if n >= VARIANTS // 4} == {}
    forget()
    changed = varied(1000, path)
    assert check(changed) == check(changed)  # cold and warm say the same
