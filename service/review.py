"""Review decisions and the current state of each verdict.

A reviewer *confirms* a verdict, *disputes* it (says it is wrong, with a note, without choosing another status), or
*overrides* it with another status and a note. Every decision is kept (``storage`` appends, never updates); the
current state of a verdict is its latest decision, and the report's counts follow it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Literal, get_args

from msgspec import Meta, Struct

from rules.model import Report, Status

__all__ = ["STATUSES", "Decision", "Review", "ReviewRequest", "Tally", "VerdictState", "current", "tally"]

#: Every status a verdict can have, in the order pages and exports list them.
STATUSES: tuple[str, ...] = get_args(Status)

Decision = Literal["confirm", "dispute", "override"]
ReviewState = Literal["unreviewed", "confirmed", "disputed", "overridden"]
_STATE: dict[str, ReviewState] = {"confirm": "confirmed", "dispute": "disputed", "override": "overridden"}


class ReviewRequest(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A reviewer's decision on one verdict (its index in the report's ``verdicts``)."""

    verdict: Annotated[int, Meta(ge=0, le=100_000, description=(
        "The verdict's index in the report's `verdicts`, from 0."))]
    decision: Annotated[Decision, Meta(description=(
        "`confirm` it, `dispute` it (with a note), or `override` its status (with a note)."))]
    status: Annotated[Status | None, Meta(
        description="The status the verdict should have; only with `override`.")] = None
    note: Annotated[str, Meta(max_length=4000, description="Why; required to dispute or override.")] = ""


class Review(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One decision in a report's audit trail: what, on which verdict, who, when."""

    verdict: Annotated[int, Meta(description="The verdict's index.")]
    decision: Annotated[Decision, Meta(description="`confirm`, `dispute` or `override`.")]
    note: Annotated[str, Meta(description="Why, as the reviewer wrote it.")]
    reviewer: Annotated[str, Meta(description="Who decided (the key's holder).")]
    role: Annotated[str, Meta(description="The key's role.")]
    at: Annotated[dt.datetime, Meta(description="When.")]
    status: Annotated[Status | None, Meta(description="The status an override set.")] = None


class VerdictState(Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A verdict as it stands now: the engine's status, and the latest review decision if any."""

    verdict: Annotated[int, Meta(description="The verdict's index.")]
    status: Annotated[Status, Meta(description="Its status now: the engine's, or the one an override set.")]
    engine: Annotated[Status, Meta(description="The status the engine gave.")]
    review: Annotated[ReviewState, Meta(description="`unreviewed`, `confirmed`, `disputed` or `overridden`.")]
    note: Annotated[str | None, Meta(description="The latest decision's note.")] = None
    reviewer: Annotated[str | None, Meta(description="Who made the latest decision.")] = None
    at: Annotated[dt.datetime | None, Meta(description="When.")] = None


class Tally(Struct, frozen=True, kw_only=True):
    """Verdicts by current status, and how many have a review decision."""

    verdicts: Annotated[int, Meta(description="Verdicts in the report.")]
    consistent: Annotated[int, Meta(description="Verdicts now consistent.")]
    inconsistent: Annotated[int, Meta(description="Verdicts now inconsistent.")]
    unverifiable: Annotated[int, Meta(description="Verdicts now unverifiable.")]
    reviewed: Annotated[int, Meta(description="Verdicts with a review decision.")]
    doubtful: Annotated[int, Meta(description="Verdicts now doubtful.")] = 0


def problem(report: Report, request: ReviewRequest) -> str | None:
    """Why ``request`` cannot apply to ``report``, or None."""
    if request.verdict >= len(report.verdicts):
        return f"the report has {len(report.verdicts)} verdicts; there is no verdict {request.verdict}"
    if request.decision == "override" and request.status is None:
        return "an override names the status the verdict should have ('status')"
    if request.decision != "override" and request.status is not None:
        return "only an override sets a status; to keep the engine's status, leave 'status' out"
    if request.decision != "confirm" and not request.note.strip():
        return f"to {request.decision} a verdict, say why in 'note'"
    return None


def current(report: Report, reviews: Sequence[Review]) -> list[VerdictState]:
    latest: dict[int, Review] = {}
    for r in reviews:  # in the order they were made
        latest[r.verdict] = r
    states = []
    for n, v in enumerate(report.verdicts):
        r = latest.get(n)
        if r is None:
            states.append(VerdictState(verdict=n, status=v.status, engine=v.status, review="unreviewed"))
        else:
            states.append(VerdictState(verdict=n, status=r.status or v.status, engine=v.status,
                                       review=_STATE[r.decision], note=r.note or None, reviewer=r.reviewer, at=r.at))
    return states


def tally(states: Sequence[VerdictState]) -> Tally:
    count = {s: sum(1 for v in states if v.status == s) for s in STATUSES}
    return Tally(verdicts=len(states), reviewed=sum(1 for v in states if v.review != "unreviewed"), **count)
