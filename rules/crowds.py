"""Crowds: many claims on one pairing key, compared in linear time and reported in bounded size.

An article names an event's time two or three times; a client (or an attacker) may send ten thousand events on one
subject and "what". Comparing every pair would give n²/2 verdicts. Two helpers keep pairing linear:

- ``extremes`` and ``pairs``: in one dimension, intervals that pairwise overlap share a point (Helly), and an
  interval that misses any other misses the one that ends first or the one that starts last. So each member of a
  crowd is compared with the members that bound the group, never with all of them: every member that clashes with
  another is still flagged, against a member it clashes with. Groups of up to ``FEW`` compare every pair, as a
  fact-checker would.
- ``summarised``: at most ``SHOWN`` verdicts per key (misses first, in the request's order); the rest are counted
  in a problem (``crowd_summarised``) that says how many fitted and how many did not, so nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from heapq import nlargest, nsmallest
from itertools import combinations
from typing import Any, TypeVar

from rules.messages import N_, Said, problem
from rules.model import Problem, Verdict

__all__ = ["FEW", "SHOWN", "extremes", "pairs", "summarised"]

T = TypeVar("T")
#: Groups up to this size compare every pair (at most 15 pairs): what an article has.
FEW = 6
#: Verdicts shown per pairing key; the rest are counted in a problem.
SHOWN = 50


def extremes(members: Iterable[T], bounds: Callable[[T], tuple[Any, Any]]) -> list[T]:
    """The members that bound a group of intervals: the two that end first and the two that start last (two, so
    that each member finds one other than itself). ``bounds`` gives a member's (low, high), None where unbounded.
    An interval that misses any member of the group misses one of these."""
    members = list(members)
    ends = nsmallest(2, (m for m in members if bounds(m)[1] is not None), key=lambda m: bounds(m)[1])
    starts = nlargest(2, (m for m in members if bounds(m)[0] is not None), key=lambda m: bounds(m)[0])
    return list({id(m): m for m in (*ends, *starts)}.values())


def pairs(members: Sequence[T], partners: Callable[[T], Iterable[T]]) -> Iterator[tuple[T, T]]:
    """Every pair when a group has at most ``FEW`` members; else each member with its ``partners`` (the members
    that bound it, from ``extremes``). Each pair comes once, in the members' order."""
    if len(members) <= FEW:
        yield from combinations(members, 2)
        return
    order = {id(m): n for n, m in enumerate(members)}
    seen: set[tuple[int, int]] = set()
    for m in members:
        for other in partners(m):
            if other is m:
                continue
            a, b = sorted((order[id(m)], order[id(other)]))
            if (a, b) not in seen:
                seen.add((a, b))
                yield members[a], members[b]


def summarised(problems: list[Problem], rule: str, label: Said | str,
               outcomes: Iterable[tuple[bool, Callable[[], Verdict]]], shown: int = SHOWN,
               language: str = "en") -> Iterator[Verdict]:
    """The verdicts of one pairing key: each outcome is (fits, a function making the verdict). At most ``shown``
    are made — the misses first, then the fits, each in the request's order — and the rest are counted in a
    problem appended to ``problems``."""
    outcomes = list(outcomes)
    if len(outcomes) <= shown:
        for _, make in outcomes:
            yield make()
        return
    misses = [make for fits, make in outcomes if not fits]
    fitted = [make for fits, make in outcomes if fits]
    for make in (misses + fitted)[:shown]:
        yield make()
    rest_misses = max(len(misses) - shown, 0)
    rest_fits = len(outcomes) - shown - rest_misses
    problems.append(problem(language, "crowd_summarised", N_(
        "{rule}: {label}: {count} comparisons; the first {shown} are shown (misses first), the other {rest} only "
        "counted here: {misses} did not fit, {fits} fitted"), rule=rule, label=label, count=len(outcomes),
        shown=shown, rest=len(outcomes) - shown, misses=rest_misses, fits=rest_fits))
