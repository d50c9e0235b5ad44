"""The work done in the worker processes (``service.pool``): JSON in, JSON out, so nothing but bytes crosses the
process boundary. A body that cannot be read comes back as the problem to answer, not as an exception."""

from __future__ import annotations

from typing import Any

import msgspec

from rules.engine import check, collector_paused
from rules.library import Library
from rules.messages import N_, problem
from rules.model import CheckRequest, Claim, NormaliseRequest, Problem, ReferenceUsed, TimesRequest
from service.body import decode
from service.metrics import tallies
from service.problems import ProblemError

__all__ = ["Checked", "Met", "Refused", "check_json", "extract_json", "meet_json", "normalise_json", "times_json"]

_ENCODE = msgspec.json.Encoder()


class Refused(msgspec.Struct, frozen=True):
    """A problem to answer: what ``ProblemError`` would say."""

    status: int
    title: str
    detail: str | None
    errors: list[tuple[str, str | None]]

    def error(self) -> ProblemError:
        from service.problems import Issue

        return ProblemError(self.status, self.title, self.detail,
                            [Issue(message=m, where=w) for m, w in self.errors])


class Checked(msgspec.Struct, frozen=True):
    """A check done: the request and the report as JSON, and what the list of reports shows of it."""

    request: bytes
    report: bytes
    language: str
    title: str | None
    claims: int
    statuses: dict[str, int]
    verdicts: dict[str, int] = {}  # by "rule status", for /metrics (service.metrics.count)
    problems: dict[str, int] = {}  # by code


def _refused(exc: ProblemError) -> Refused:
    return Refused(exc.status_code, exc.title, exc.problem_detail, [(i.message, i.where) for i in exc.errors])


class Met(msgspec.Struct, frozen=True):
    """What a newsroom's library adds to one request (``rules.library.Library.meet``), worked out in the server's
    process, which holds the library, and carried to a worker process, which does not: the engine takes it in
    the library's place."""

    references: list[Claim]
    used: list[ReferenceUsed]
    stale: list[Problem]

    def meet(self, request: CheckRequest) -> tuple[CheckRequest, list[ReferenceUsed], list[Problem]]:
        if not self.references:
            return request, [], self.stale
        return msgspec.structs.replace(request, references=[*request.references, *self.references]), self.used, \
            self.stale


def meet_json(raw: bytes, library: Library) -> bytes | Refused | None:
    """What ``library`` adds to the request in ``raw``, encoded for a worker process (None: nothing)."""
    try:
        request = decode(raw, CheckRequest)
    except ProblemError as exc:
        return _refused(exc)
    if not request.use_library:
        return None
    met, used, stale = library.meet(request)
    if not used and not stale:
        return None
    return _ENCODE.encode(Met(references=met.references[len(request.references):], used=used, stale=stale))


def check_json(raw: bytes, library: Library | bytes | None = None) -> Checked | Refused:
    """Check the request in ``raw`` with the newsroom's ``library`` (in this process), or with what it adds to this
    request (``meet_json``, from the server's process).

    The cycle collector stays paused from the decoding to the encoding, not only during the check: the decoded
    request's objects otherwise set off a young-generation collection that then traverses what the check keeps
    alive; in a server checking the seed back to back (two worker threads), the collections' CPU in the worker
    threads went from 22–25 to 3–7 µs a check (``gc.callbacks``, 1 600–2 600 checks)."""
    with collector_paused():
        return _check_json(raw, library)


def _check_json(raw: bytes, library: Library | bytes | None) -> Checked | Refused:
    try:
        request = decode(raw, CheckRequest)
    except ProblemError as exc:
        return _refused(exc)
    report = check(request, library=msgspec.json.decode(library, type=Met) if isinstance(library, bytes)
                   else library)
    statuses: dict[str, int] = {}
    for v in report.verdicts:
        statuses[v.status] = statuses.get(v.status, 0) + 1
    verdicts, problems = tallies(report)
    return Checked(request=_ENCODE.encode(request), report=_ENCODE.encode(report), language=report.document.language,
                   title=report.document.title, claims=len(report.claims), statuses=statuses, verdicts=verdicts,
                   problems=problems)


def _answer(raw: bytes, kind: type, work: Any) -> bytes | Refused:
    try:
        data = decode(raw, kind)
    except ProblemError as exc:
        return _refused(exc)
    return _ENCODE.encode(work(data))


def normalise_json(raw: bytes) -> bytes | Refused:
    from rules.normalise.batch import normalise

    return _answer(raw, NormaliseRequest, normalise)


def times_json(raw: bytes) -> bytes | Refused:
    from service.times import read_times

    return _answer(raw, TimesRequest, read_times)


def extract_json(raw: bytes) -> bytes | Refused:
    """The claims an article's text prints (``rules.extract``); a language extraction does not read is a 422."""
    from rules.extract import LANGUAGES, Crowded, Unsupported, crowded, extract
    from rules.model import Extracted, ExtractRequest, FoundText

    try:
        request = decode(raw, ExtractRequest)
    except ProblemError as exc:
        return _refused(exc)
    doc = request.document
    try:
        found = extract(request.text, doc.language, doc.published)
    except Unsupported:
        return Refused(422, "Unsupported language", (
            f"extraction reads text in {', '.join(LANGUAGES)}; the document's language is '{doc.language}'"),
            [(f"supported languages: {', '.join(LANGUAGES)}", "document.language")])
    except Crowded as exc:
        return Refused(422, "Text too crowded", crowded(doc.language, exc).message, [(str(exc), "text")])
    problems = list(found.problems)
    if not any(f.kind == "figure" for f in found.found):
        problems.append(problem(doc.language, "no_figures", N_("no figure was found in the text"), field="text"))
    return _ENCODE.encode(Extracted(
        document=doc, claims=found.claims, relations=found.relations, problems=problems,
        found=[FoundText(kind=f.kind, text=f.text, span=(f.start, f.end), sentence=f.sentence, claim=f.claim,
                         time=f.time) for f in found.found],
        sentences=found.sentences))
