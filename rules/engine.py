"""The engine: reads every claim once, indexes them, runs every rule, and collects a report.

A rule is one module in ``rules/arithmetic/`` or ``rules/temporal/`` (``rules.registry`` says what it holds and
finds them); a rule whose precondition (``applies``) says it cannot find anything in the request is skipped.

Pairing is shared (``rules.context``): ``Context`` indexes claims by their folded subject / metric / scope / time, so a rule
looks up its partners instead of comparing all pairs, and explicit relations from the request come first.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from rules.context import Context
from rules.extract import with_text
from rules.messages import N_, problem
from rules.model import CheckRequest, Claim, Counts, Derived, Problem, ReferenceUsed, Report, Verdict
from rules.policy import POLICY, Policy
from rules.registry import Rule, discover

if TYPE_CHECKING:
    from typing import Protocol

    class Library(Protocol):
        """What the engine needs of a newsroom's library (``rules.library.Library``, or what it added to one
        request, carried to another process): the request with the references that meet its claims."""

        def meet(self, request: CheckRequest) -> tuple[CheckRequest, list[ReferenceUsed], list[Problem]]: ...

__all__ = ["RULES", "Rule", "check", "forget"]


RULES: tuple[Rule, ...] = discover()


# -- running ----------------------------------------------------------------------------------------------------
def _clean(request: CheckRequest) -> tuple[CheckRequest, list[Problem]]:
    """Set aside what cannot be used — a claim whose id was already used, a relation naming a claim that is not
    in the request, a relation that relates a claim to itself — and say so, so that the rest is still checked."""
    problems: list[Problem] = []
    lang = request.document.language
    seen: set[str] = set()
    kept: dict[str, list[Claim]] = {"claims": [], "references": []}
    for where, claims in (("claims", request.claims), ("references", request.references)):
        for i, claim in enumerate(claims):
            if claim.id in seen:
                problems.append(problem(lang, "duplicate_id", N_("claim id '{id}' is used twice; this one was set "
                                                                 "aside"), claim=claim.id, id=claim.id,
                                        field=f"{where}[{i}].id"))
                continue
            seen.add(claim.id)
            kept[where].append(claim)
    relations = []
    for i, relation in enumerate(request.relations):
        unknown = [(name, claim_id) for name in relation.__struct_fields__ if name not in _NOT_IDS
                   for claim_id in _ids(getattr(relation, name)) if claim_id not in seen]
        for name, claim_id in unknown:
            problems.append(problem(lang, "unknown_claim", N_("the relation names claim '{id}', which is not in "
                                                              "the request; the relation was set aside"),
                                    claim=claim_id, id=claim_id, field=f"relations[{i}].{name}"))
        named = [claim_id for name in relation.__struct_fields__ if name not in _NOT_IDS
                 for claim_id in _ids(getattr(relation, name))]
        twice = sorted({c for c in named if named.count(c) > 1})
        for claim_id in twice:
            problems.append(problem(lang, "self_relation", N_("the {relation} relation names claim '{id}' more "
                                                              "than once: a claim cannot be related to itself; the "
                                                              "relation was set aside"),
                                    claim=claim_id, field=f"relations[{i}]", id=claim_id,
                                    relation=relation.__struct_config__.tag))
        if not unknown and not twice:
            relations.append(relation)
    if not problems:
        return request, problems
    return msgspec.structs.replace(request, claims=kept["claims"], relations=relations,
                                   references=kept["references"]), problems


#: Fields of relations that are not claim ids: an order's gap, a comparison's multiple.
_NOT_IDS = frozenset({"gap", "times"})


def _ids(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


#: Verdicts and derived figures in one report at most: an article gives a few hundred; a crowd of claims sent in
#: one request stops here, with a problem, so a report stays a bounded multiple of its request in size and time.
MAX_OUTPUTS = 1_000

_PAUSE = threading.Lock()
_pausing = 0
_was_enabled = False


class _Paused:
    """``collector_paused``'s context manager: a class, not a ``contextlib.contextmanager`` generator (entering and
    leaving one of those is a generator's start and end and two more frames, on every check)."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _pausing, _was_enabled
        with _PAUSE:
            if _pausing == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _pausing += 1

    def __exit__(self, *exc: object) -> None:
        global _pausing
        with _PAUSE:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()


_PAUSED = _Paused()


def collector_paused() -> _Paused:
    """Pause Python's cycle collector while checks run (counted, so concurrent checks in threads nest; a caller
    may hold it around more than the check, as ``service.work.check_json`` does around decoding and encoding).

    A check allocates many objects that live until the report is written (fractions, ranges, verdicts) and almost
    no cyclic garbage, so full collections during a large check traverse the heap for nothing: measured at a
    quarter of the time of a 10 000-claim check. Reference counting still frees everything as usual, and every
    request is bounded (``rules.model`` limits), so the pause cannot let memory grow without bound."""
    return _PAUSED


def check(request: CheckRequest, rules: Iterable[Rule] = RULES, policy: Policy = POLICY,
          library: Library | None = None) -> Report:
    """Check every claim of ``request`` with every rule, consulting the newsroom's ``library`` unless the request
    opts out (``rules.library``); nothing a client sends makes this raise."""
    with collector_paused():
        return _check(request, rules, policy, library)


def _check(request: CheckRequest, rules: Iterable[Rule], policy: Policy, library: Library | None = None) -> Report:
    used: list[ReferenceUsed] = []
    stale: list[Problem] = []
    request, proposed, stale = with_text(request)
    if library is not None and request.use_library:
        request, used, met = library.meet(request)
        stale += met
    request, problems = _clean(request)
    problems += stale
    if request.policy is not None and request.policy.doubtful is not None:
        policy = dataclasses.replace(policy, doubtful=Fraction(request.policy.doubtful))
    ctx = Context(request, policy)
    verdicts: list[Verdict] = []
    derived: list[Derived] = []
    room, stopped = MAX_OUTPUTS, []
    for rule in rules:
        if room <= 0:
            stopped.append(rule.id)
            continue
        if rule.applies is not None and not rule.applies(ctx):
            continue  # its precondition says it cannot find anything here (``rules.registry``)
        for out in rule.check(ctx):
            if isinstance(out, Verdict):
                verdicts.append(out)
                derived.extend(out.derived)
                room -= 1 + len(out.derived)
            else:
                derived.append(out)
                room -= 1
            if room <= 0:  # rules are generators: what is not taken is not computed
                stopped.append(rule.id)
                break
    if stopped:
        problems.append(problem(ctx.language, "report_full", N_(
            "a report holds at most {count} verdicts and derived figures; it is full: {rules} stopped there, and did "
            "not check the rest of the claims (send them in smaller requests)"), count=MAX_OUTPUTS,
            rules=", ".join(stopped)))
    unused = {u.id for u in used} - {c for v in verdicts for c in v.claims}  # left out of the report
    used = [u for u in used if u.id not in unused]
    claims = [item.read() for item in ctx.items.values() if item.id not in unused]
    problems += ctx.problems
    status: dict[str, int] = defaultdict(int)
    for v in verdicts:
        status[v.status] += 1
    counts = Counts(claims=len(request.claims), problems=len(problems) + sum(len(c.problems) for c in claims),
                    verdicts=len(verdicts), consistent=status["consistent"], doubtful=status["doubtful"],
                    inconsistent=status["inconsistent"], unverifiable=status["unverifiable"])
    return Report(document=request.document, claims=claims, verdicts=verdicts, derived=_unique(derived),
                  counts=counts, policy=policy.name, problems=problems, references_used=used, text=request.text,
                  relations=proposed)


def forget() -> None:
    """Empty every per-input memo — each one keyed by what a request carries (a figure's or a time's text, a word, a
    number, a day, a label, a problem said): a cold check, as for an article whose figures were never seen, for
    benchmarks. What is keyed only by a closed vocabulary is built once per process and kept: lexicons, locales and
    number formats by language, unit conversions and periods by unit code, currency words, cue tables, rules,
    equations, policies (``tests/test_engine_memos.py`` holds each memo to one side or the other)."""
    for memo in _per_input():
        memo.cache_clear()
    from rules import explain, messages

    explain.forget()
    messages.forget()


def _per_input() -> tuple:
    from rules import causes, containment, context, explain, identities, library, ratios, text
    from rules.normalise import currency, lexicon, numbers, times, values
    from rules.temporal import _time, role_terms

    return (_time.date_range, context._measure, context._movement, text.fold, text.key, text.join, text._stem, identities.roles,
            containment.split, lexicon._folded, lexicon._variants, role_terms._role_days, times._read_time,
            numbers._parse, values._letter, currency._rate, currency._ecb, causes._rates, ratios._reads_as_ratio,
            library._read_value, library._read_time, explain._formatted, explain._pattern, explain.unit_name)


def _unique(derived: list[Derived]) -> list[Derived]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for d in derived:
        k = (d.name, tuple(d.claims))
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


