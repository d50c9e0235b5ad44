"""The engine: reads every claim once, indexes them, runs every rule, and collects a report.

A rule is one module in ``rules/arithmetic/`` or ``rules/temporal/``. Its docstring says what it checks (first
line: the title; then ``What:``, ``Why:``, ``Example:``; ``TITLES`` may give the title in other languages); it
defines ``check(ctx)`` yielding ``Verdict``s and
``Derived`` figures, and ``EXAMPLES``, the cases that define it (run by ``tests/test_rules.py`` and served by
``GET /v1/rules``). Adding a rule is adding such a file.

Pairing is shared (``rules.context``): ``Context`` indexes claims by their folded subject / metric / scope / time, so a rule
looks up its partners instead of comparing all pairs, and explicit relations from the request come first.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import pkgutil
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from rules import arithmetic, temporal
from rules.context import Context, Example
from rules.model import CheckRequest, Claim, Counts, Derived, Problem, ReferenceUsed, Report, Verdict
from rules.policy import POLICY, Policy

if TYPE_CHECKING:
    from rules.library import Library

__all__ = ["RULES", "Rule", "check", "forget"]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    title: str
    what: str
    why: str
    example: str
    check: Callable[[Context], Iterable[Verdict | Derived]]
    examples: tuple[Example, ...]
    titles: dict[str, str] = field(default_factory=dict)  # the title by language; English always

    def title_in(self, language: str) -> str:
        return self.titles.get(language.split("-")[0], self.title)


_SECTION = re.compile(r"^(What|Why|Example):\s*", re.M)


def _rule(module: ModuleType, family: str) -> Rule:
    doc = inspect.getdoc(module) or ""
    title, _, rest = doc.partition("\n")
    parts = _SECTION.split(rest)
    sections = {parts[i]: " ".join(parts[i + 1].split()) for i in range(1, len(parts) - 1, 2)}
    missing = {"What", "Why", "Example"} - sections.keys()
    if missing or not getattr(module, "EXAMPLES", None):
        raise TypeError(f"rule {module.__name__} needs What/Why/Example in its docstring and EXAMPLES")
    title = title.strip().rstrip(".")
    return Rule(id=module.__name__.rsplit(".", 1)[1], family=family, title=title,
                what=sections["What"], why=sections["Why"], example=sections["Example"], check=module.check,
                examples=tuple(module.EXAMPLES), titles={"en": title, **getattr(module, "TITLES", {})})


def _discover() -> tuple[Rule, ...]:
    found = []
    for package in (arithmetic, temporal):
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                found.append(_rule(module, package.__name__.rsplit(".", 1)[1]))
    return tuple(found)


RULES: tuple[Rule, ...] = _discover()


# -- running ----------------------------------------------------------------------------------------------------
def _clean(request: CheckRequest) -> tuple[CheckRequest, list[Problem]]:
    """Set aside what cannot be used — a claim whose id was already used, a relation naming a claim that is not
    in the request — and say so, so that the rest is still checked."""
    problems: list[Problem] = []
    seen: set[str] = set()
    kept: dict[str, list[Claim]] = {"claims": [], "references": []}
    for where, claims in (("claims", request.claims), ("references", request.references)):
        for i, claim in enumerate(claims):
            if claim.id in seen:
                problems.append(Problem(code="duplicate_id", claim=claim.id, field=f"{where}[{i}].id",
                                        message=f"claim id '{claim.id}' is used twice; this one was set aside"))
                continue
            seen.add(claim.id)
            kept[where].append(claim)
    relations = []
    for i, relation in enumerate(request.relations):
        unknown = [(name, claim_id) for name in relation.__struct_fields__ if name != "gap"
                   for claim_id in _ids(getattr(relation, name)) if claim_id not in seen]
        for name, claim_id in unknown:
            problems.append(Problem(code="unknown_claim", claim=claim_id, field=f"relations[{i}].{name}",
                                    message=f"the relation names claim '{claim_id}', which is not in the request; "
                                            "the relation was set aside"))
        if not unknown:
            relations.append(relation)
    if not problems:
        return request, problems
    return CheckRequest(document=request.document, claims=kept["claims"], relations=relations,
                        references=kept["references"]), problems


def _ids(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


_PAUSE = threading.Lock()
_pausing = 0
_was_enabled = False


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while checks run (counted, so concurrent checks in threads nest).

    A check allocates many objects that live until the report is written (fractions, ranges, verdicts) and almost
    no cyclic garbage, so full collections during a large check traverse the heap for nothing: measured at a
    quarter of the time of a 10 000-claim check. Reference counting still frees everything as usual, and every
    request is bounded (``rules.model`` limits), so the pause cannot let memory grow without bound."""
    global _pausing, _was_enabled
    with _PAUSE:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()


def check(request: CheckRequest, rules: Iterable[Rule] = RULES, policy: Policy = POLICY,
          library: Library | None = None) -> Report:
    """Check every claim of ``request`` with every rule, consulting the newsroom's ``library`` unless the request
    opts out (``rules.library``); nothing a client sends makes this raise."""
    with _cycle_collector_paused():
        return _check(request, rules, policy, library)


def _check(request: CheckRequest, rules: Iterable[Rule], policy: Policy, library: Library | None = None) -> Report:
    used: list[ReferenceUsed] = []
    stale: list[Problem] = []
    if library is not None and request.use_library:
        request, used, stale = library.meet(request)
    request, problems = _clean(request)
    problems += stale
    ctx = Context(request, policy)
    verdicts: list[Verdict] = []
    derived: list[Derived] = []
    for rule in rules:
        for out in rule.check(ctx):
            if isinstance(out, Verdict):
                verdicts.append(out)
                derived.extend(out.derived)
            else:
                derived.append(out)
    unused = {u.id for u in used} - {c for v in verdicts for c in v.claims}  # left out of the report
    used = [u for u in used if u.id not in unused]
    claims = [item.read() for item in ctx.items.values() if item.id not in unused]
    status: dict[str, int] = defaultdict(int)
    for v in verdicts:
        status[v.status] += 1
    counts = Counts(claims=len(request.claims), problems=len(problems) + sum(len(c.problems) for c in claims),
                    verdicts=len(verdicts), consistent=status["consistent"], inconsistent=status["inconsistent"],
                    unverifiable=status["unverifiable"])
    return Report(document=request.document, claims=claims, verdicts=verdicts, derived=_unique(derived),
                  counts=counts, policy=policy.name, problems=problems, references_used=used)


def forget() -> None:
    """Empty the per-figure memo caches (readings, changes, formatted numbers and figures, unit names, folded
    text), keeping what is built once per process (lexicons, locales, rules, equations): a cold check, as for an
    article whose figures were never seen, for benchmarks."""
    from rules import context, explain, text

    for memo in (context._measure, context._movement, text.fold, text.key):
        memo.cache_clear()
    explain.forget()


def _unique(derived: list[Derived]) -> list[Derived]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for d in derived:
        k = (d.name, tuple(d.claims))
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


