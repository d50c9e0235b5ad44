"""A newsroom's reference library as the engine sees it: trusted claims kept once, met by the claims of every
check, and checked with the engine's own rules before they are kept.

An entry (``LibraryEntry``) is a claim in one of the API's shapes — a quantity, a share, an event or a role — with
its source named (``source``) and addressed (``url``), the other ways the press writes its labels (``also``:
'ترمب', 'ترامب', 'Trump'), the language its printed words are in, and the last day it was checked.

**Meeting** (``Library.meet``): a claim of the article meets an entry of the same kind when their labels fold to
the same keys (``rules.text.key``, as pairing does: subject or person, metric or role or "what", and scope) and
their times fit:

- a role meets every term the library gives for that person in that role (the role rule needs them all to tell
  "former" from "current"), whatever the claim's time;
- an event meets the entry for the same event (the time rules compare the two times);
- a quantity or share meets an entry for the same time (the same interval, or neither gives one); an entry that
  holds *throughout* its time (a currency peg, a rate in force) meets a claim whose time lies within it, or —
  when the claim gives none — whose publication date does. A figure meets an article only when its value reads
  the same in the article's language as in its own (a structured amount always does; "ريال" does not in ar-QA).

The library vouches for a role only up to the last day the office's terms were checked (``checked``): a holder may
leave, or come back, after it. For an article published later the terms are not used, and the report says so
(``library_not_checked_since``), rather than call a holder "current" or "former" on the library's word when nobody
has looked since. A figure still in force ("1986-06-01/", a peg) is likewise vouched for up to its ``checked`` day.

The entry is added to the request as a reference, labelled as the article writes them (so the rules pair it
exactly as a reference sent with the request), with the id ``lib:<id>``; the engine lists the ones verdicts used
under ``references_used``.

**Checking itself** (``conflicts``): before entries are kept, each is read (its source, value and time must be
readable; an end before a start is refused), terms of one office (the same role and scope) may not overlap
beyond a handover day, and figures and events for the same labels and time are checked against each other with
the engine's own ``restated`` and ``same_event_times`` rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

import msgspec
from msgspec import Meta, structs

from rules.messages import N_, Said, translate
from rules.messages import problem as said_problem
from rules.model import (Amount, Base, CheckRequest, Claim, Document, Event, Language, Problem, Quantity,
                         ReferenceUsed, Role, Share, Short)
from rules.normalise.times import TimeSpan, read_time
from rules.normalise.values import Unreadable, read_value
from rules.text import key

__all__ = ["PREFIX", "Also", "Held", "Library", "LibraryEntry", "conflicts", "entry_problems"]

PREFIX = "lib:"
#: the languages whose readers tadqiq has: a role's term and an event's time must read the same in all of them
LANGUAGES = ("ar", "en", "fr", "es", "de")
MAX_SPELLINGS = 32
#: a label with letters other than Arabic ones: its key depends on the article's language (stop words, stemmer)
_LATIN = re.compile(r"[^\W\d_\u0600-\u06ff\u0750-\u077f]")
#: at most this many library references are added to one check (``rules.model.MAX_REFERENCES``)
MAX_ADDED = 1_000

Spelling = Annotated[str, Meta(min_length=1, max_length=300)]
Spellings = Annotated[list[Spelling], Meta(max_length=MAX_SPELLINGS)]


class Also(Base, kw_only=True):
    """Other ways the press writes the entry's labels, in any language: for a role the person ('ترامب', 'Donald
    Trump') and the role ('الرئيس الأمريكي'), for a figure its subject and metric, for an event what happened; and
    the scope ('أمريكا', 'USA')."""

    person: Annotated[Spellings, Meta(description="Other spellings of the person.")] = []
    role: Annotated[Spellings, Meta(description="Other spellings of the role.")] = []
    subject: Annotated[Spellings, Meta(description="Other spellings of the subject.")] = []
    metric: Annotated[Spellings, Meta(description="Other spellings of the metric.")] = []
    what: Annotated[Spellings, Meta(description="Other spellings of what happened.")] = []
    scope: Annotated[Spellings, Meta(description="Other spellings of the scope.")] = []


class LibraryEntry(Base, kw_only=True):
    """A trusted claim kept in the newsroom's library. The claim's ``source`` (who says so) and ``url`` (where)
    are required; its id is the entry's id in the library."""

    claim: Annotated[Claim, Meta(description=(
        "The trusted claim; its `source` and `url` are required, its id is the entry's id."))]
    also: Annotated[Also, Meta(description=(
        "Other ways the press writes its labels."))] = msgspec.field(default_factory=Also)
    language: Annotated[Language, Meta(description="The language of the claim's printed value and time.")] = "en"
    checked: Annotated[dt.date | None, Meta(description=(
        "The last day the entry was checked against its source: an open term ('2025-01-20/') is known to run at "
        "least until then, and is not used for articles published after it."))] = None
    throughout: Annotated[bool, Meta(description=(
        "The figure holds on every day of its time (a currency peg, a rate in force), not for the time as a whole "
        "(a year's revenue): it meets claims for any time within it."))] = False
    note: Annotated[Short | None, Meta(description="A note for the newsroom.")] = None


#: per kind: the claim fields that are its first and second labels (the scope is ``scope``)
_LABELS: dict[type, tuple[str, str]] = {Quantity: ("subject", "metric"), Share: ("subject", "metric"),
                                        Event: ("subject", "what"), Role: ("person", "role")}


def _time_text(claim: Claim) -> str | None:
    return claim.term if isinstance(claim, Role) else claim.time


def _base(language: str) -> str:
    return language.split("-")[0].lower()


def _reading(claim: Claim, language: str) -> tuple | None:
    """A figure's value as read in ``language``: its range, unit, "per" and period (None for other claims, or
    when it cannot be read). A figure meets an article only when it reads the same in the article's language
    ("ريال" is the Saudi riyal in ar-SA and the Qatari riyal in ar-QA; a structured amount reads the same
    everywhere)."""
    if not isinstance(claim, (Quantity, Share)):
        return None
    return _read_value(claim.value, language, getattr(claim, "unit", None), getattr(claim, "per", None))


@lru_cache(maxsize=1 << 14)
def _read_value(value: str | Amount, language: str, unit: str | None, per: str | None) -> tuple | None:
    try:
        m = read_value(value, language, unit, per)
    except Unreadable:
        return None
    return m.value.low, m.value.high, m.unit, m.per, m.period


@lru_cache(maxsize=1 << 14)
def _read_time(text: str, language: str, published: dt.date | None) -> TimeSpan | Unreadable:
    try:
        return read_time(text, language, published)
    except Unreadable as exc:
        return exc


# -- one entry --------------------------------------------------------------------------------------------------
def entry_problems(entry: LibraryEntry, where: str = "") -> list[Problem]:
    """What keeps ``entry`` out of a library, each with a code and the field it is about: no source or address,
    no time (a term, for a role), spellings for labels its kind does not have, a value or a time that cannot be
    read (or reads differently in another language, for a term or an event's time), an end before a start."""
    claim = entry.claim
    out: list[Problem] = []

    def problem(code: str, field: str, message: str | Said, /, **values: object) -> None:
        out.append(said_problem(entry.language, code, message, claim=claim.id, field=f"{where}{field}", **values))

    if not (claim.source or "").strip():
        problem("no_source", "claim.source", N_("a reference must name its source"))
    if not (claim.url or "").startswith(("https://", "http://")):
        problem("no_source_url", "claim.url", N_("a reference must give the address of its source (https://…)"))
    first, second = _LABELS[type(claim)]
    allowed = {first, second} | ({"scope"} if hasattr(claim, "scope") else set())
    for name in Also.__struct_fields__:
        if getattr(entry.also, name) and name not in allowed:
            problem("bad_spelling_field", f"also.{name}", N_("a {kind} has no '{name}'; its labels are {labels}"),
                    kind=type(claim).__name__.lower(), name=name, labels=", ".join(sorted(allowed)))
    if isinstance(claim, (Quantity, Share)):
        try:
            read_value(claim.value, entry.language, getattr(claim, "unit", None), getattr(claim, "per", None))
        except Unreadable as exc:
            problem(exc.code, "claim.value", N_("the value cannot be read in '{language}': {reason}"),
                    language=entry.language, reason=exc.said)
    if isinstance(claim, Role) and not claim.term:
        problem("no_term", "claim.term",
                N_("a role in the library needs its term of office ('2021-01-20/2025-01-20')"))
    if not isinstance(claim, Role) and not claim.time:
        problem("no_time", "claim.time", N_("a reference in the library needs the time it holds for ('2024', "
                                            "'2024-04-24', '1986-06-01/' for a peg still in force)"))
    if entry.throughout and not isinstance(claim, (Quantity, Share)):
        problem("bad_throughout", "throughout", N_("only a figure can hold throughout its time"))
    text = _time_text(claim)
    field = "claim.term" if isinstance(claim, Role) else "claim.time"
    if text:
        read = _read_time(text, entry.language, None)
        if isinstance(read, Unreadable):
            code = "end_before_start" if read.code == "bad_range" else read.code
            problem(code, field, N_("'{text}' cannot be read: {reason}"), text=text, reason=read.said)
        elif isinstance(claim, (Role, Event)):
            others = {_base(lang) for lang in LANGUAGES
                      if not _same_span(_read_time(text, lang, None), read)}
            if others:
                problem("time_not_neutral", field,
                        N_("'{text}' does not read the same in {languages}: write it as ISO dates "
                           "('2021-01-20/2025-01-20', '2025-01-20/') so that it meets articles in every language"),
                        text=text, languages=", ".join(sorted(others)))
    return out


def _same_span(a: TimeSpan | Unreadable, b: TimeSpan) -> bool:
    return isinstance(a, TimeSpan) and (a.start, a.end, a.grain, a.modifier) == (b.start, b.end, b.grain, b.modifier)


# -- entries as the index holds them ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Held:
    """A stored entry, with the keys it is found by: its labels (and their spellings) keyed as an article in each
    language would key them (``rules.text.key`` stems and drops stop words by language). ``pairs`` are the (first
    label, second label) keys an article in one language looks it up by; ``offices`` (roles) the (role, scope)
    keys of its office; ``firsts``, ``seconds`` and ``scopes`` every key of each label, in any language."""

    id: str
    version: int
    entry: LibraryEntry
    firsts: frozenset[str]
    seconds: frozenset[str]
    scopes: frozenset[str]  # {""} when the entry gives no scope
    pairs: frozenset[tuple[str, str]]
    offices: frozenset[tuple[str, str]]
    time: TimeSpan | None
    language: str
    added: dt.datetime | None = None  # when this version was added, and by whom
    added_by: str | None = None
    reading: tuple | None = None  # a figure's value as read in its language (``_reading``)

    @classmethod
    def of(cls, ref_id: str, version: int, entry: LibraryEntry, added: dt.datetime | None = None,
           added_by: str | None = None) -> Held:
        claim = entry.claim
        first, second = _LABELS[type(claim)]
        labels = [[getattr(claim, first), *getattr(entry.also, first)],
                  [getattr(claim, second), *getattr(entry.also, second)],
                  [getattr(claim, "scope", None), *entry.also.scope]]
        by_language = [[frozenset(k for t in texts if t and (k := key(t, lang))) or frozenset({""}) for texts in labels]
                       for lang in (LANGUAGES if any(_LATIN.search(t) for ts in labels for t in ts if t) else ("ar",))]
        text = _time_text(claim)
        read = _read_time(text, entry.language, None) if text else None
        return cls(id=ref_id, version=version, entry=entry,
                   firsts=frozenset().union(*(f for f, _, _ in by_language)),
                   seconds=frozenset().union(*(s for _, s, _ in by_language)),
                   scopes=frozenset().union(*(c for _, _, c in by_language)),
                   pairs=frozenset((a, b) for f, s, _ in by_language for a in f for b in s),
                   offices=frozenset((b, c) for _, s, sc in by_language for b in s for c in sc)
                   if isinstance(claim, Role) else frozenset(),
                   time=read if isinstance(read, TimeSpan) else None, language=_base(entry.language), added=added,
                   added_by=added_by, reading=_reading(claim, entry.language))

    @property
    def kind(self) -> type:
        return type(self.entry.claim)

    def keys(self) -> Iterator[tuple[type, str, str]]:
        kind = self.kind
        return ((kind, a, b) for a, b in self.pairs)

    @property
    def open(self) -> bool:
        return self.time is not None and self.time.open

    def stale(self, day: dt.date | None) -> bool:
        """An open entry used for ``day`` after it was last checked."""
        checked = self.entry.checked
        return self.open and day is not None and checked is not None and day > checked


class Library:
    """One newsroom's entries, indexed by kind and label keys. Immutable: ``changed`` returns a new library that
    shares what did not change, so a check running on one never sees it move."""

    __slots__ = ("held", "_index", "_offices", "_vouch")

    def __init__(self, held: dict[str, Held] | None = None, index: dict | None = None, offices: dict | None = None):
        self.held: dict[str, Held] = held or {}
        self._index: dict[tuple[type, str, str], tuple[str, ...]] = index or {}
        self._offices: dict[tuple[str, str], tuple[str, ...]] = offices or {}  # roles by (role key, scope key)
        self._vouch: dict[str, dt.date | None] = {}  # per role entry, the day its office was last checked

    def __len__(self) -> int:
        return len(self.held)

    @classmethod
    def of(cls, entries: Iterable[Held]) -> Library:
        held = {h.id: h for h in entries}
        index: dict[tuple[type, str, str], list[str]] = defaultdict(list)
        offices: dict[tuple[str, str], list[str]] = defaultdict(list)
        for h in held.values():
            for k in h.keys():
                index[k].append(h.id)
            for k in _office_keys(h):
                offices[k].append(h.id)
        return cls(held, {k: tuple(v) for k, v in index.items()}, {k: tuple(v) for k, v in offices.items()})

    def changed(self, upserts: Iterable[Held], removed: Iterable[str]) -> Library:
        held, index, offices = dict(self.held), dict(self._index), dict(self._offices)

        def drop(ref_id: str) -> None:
            old = held.pop(ref_id, None)
            if old is None:
                return
            for k in old.keys():
                index[k] = tuple(i for i in index.get(k, ()) if i != ref_id)
            for k in _office_keys(old):
                offices[k] = tuple(i for i in offices.get(k, ()) if i != ref_id)

        for ref_id in removed:
            drop(ref_id)
        for h in upserts:
            drop(h.id)
            held[h.id] = h
            for k in h.keys():
                index[k] = (*index.get(k, ()), h.id)
            for k in _office_keys(h):
                offices[k] = (*offices.get(k, ()), h.id)
        return Library(held, index, offices)

    def find(self, kind: type, first: str | None, second: str | None, language: str) -> list[Held]:
        """Entries of ``kind`` whose labels key like ``first`` and ``second`` in an article in ``language``."""
        return self._found((kind, key(first, language), key(second, language)))

    def _found(self, keys: tuple[type, str, str]) -> list[Held]:
        return [self.held[i] for i in self._index.get(keys, ())]

    def _vouched(self, met: Iterable[Held]) -> dt.date | None:
        """The last day the library vouches for the offices of ``met``: the latest day any term of them was
        checked (a holder may change, or come back, after it); None when a term gives no day."""
        days = []
        for h in met:
            if h.id not in self._vouch:  # the library never changes: worked out once per entry
                office = [self.held[i].entry.checked for i in self.office(h) | {h.id}]
                self._vouch[h.id] = None if None in office else max(office)  # type: ignore[type-var]
            days.append(self._vouch[h.id])
        return None if not days or None in days else max(days)  # type: ignore[type-var]

    def office(self, held: Held) -> set[str]:
        """Ids of the role entries for the same office as ``held`` (a role key and a scope key in common)."""
        return {i for k in _office_keys(held) for i in self._offices.get(k, ())}

    # -- a check consults it ---------------------------------------------------------------------------------
    def meet(self, request: CheckRequest) -> tuple[CheckRequest, list[ReferenceUsed], list[Problem]]:
        """The request with the entries that meet its claims added as references; what was added; and the
        entries that would have met but were not checked since the article's publication date."""
        if not self.held:
            return request, [], []
        doc = request.document
        taken = {c.id for c in (*request.claims, *request.references)}
        added: dict[tuple, ReferenceUsed] = {}
        problems: dict[tuple[str, str], Problem] = {}
        per_entry: dict[str, int] = defaultdict(int)
        for claim in request.claims:
            kind = type(claim)
            if kind not in _LABELS:
                continue
            first, second = _LABELS[kind]
            met = [(held, time) for held in self.find(kind, getattr(claim, first), getattr(claim, second), doc.language)
                   if (time := _meets(held, claim, doc.language, doc.published)) is not None]
            if not met:
                continue
            day = doc.published if isinstance(claim, Role) or not getattr(claim, "time", None) else \
                _claim_day(claim, doc.language, doc.published)
            if isinstance(claim, Role):
                vouched = self._vouched(held for held, _ in met)
                if day is not None and vouched is not None and day > vouched:
                    problems.setdefault((claim.id, ""), _unchecked_office(claim, vouched, day, doc.language))
                    continue
                stale: list[Held] = []
            else:
                stale = [held for held, _ in met if held.stale(day)]
                for held in stale:
                    problems.setdefault((claim.id, held.id), _stale(claim, held, day, doc.language))
            for held, time in met:
                if held in stale or len(added) >= MAX_ADDED:
                    continue
                labels = {first: getattr(claim, first), second: getattr(claim, second)}
                if hasattr(claim, "scope"):
                    labels["scope"] = claim.scope if claim.scope else held.entry.claim.scope  # type: ignore[union-attr]
                labels.update(time)
                found = (held.id, *sorted(labels.items(), key=lambda kv: kv[0]))
                if found in added:
                    continue
                per_entry[held.id] += 1
                ref_id = PREFIX + held.id + (f"~{per_entry[held.id]}" if per_entry[held.id] > 1 else "")
                if ref_id in taken:
                    continue
                taken.add(ref_id)
                added[found] = ReferenceUsed(id=ref_id, reference=held.id, version=held.version,
                                             claim=structs.replace(held.entry.claim, id=ref_id, **labels),
                                             checked=held.entry.checked)
        if not added:
            return request, [], list(problems.values())
        used = list(added.values())
        return (structs.replace(request, references=[*request.references, *(u.claim for u in used)]), used,
                list(problems.values()))


def _office_keys(held: Held) -> frozenset[tuple[str, str]]:
    return held.offices


def _claim_span(claim: Claim, language: str, published: dt.date | None) -> TimeSpan | None:
    text = _time_text(claim)
    read = _read_time(text, language, published) if text else None
    return read if isinstance(read, TimeSpan) else None


def _claim_day(claim: Claim, language: str, published: dt.date | None) -> dt.date | None:
    """The last day a claim's time names (its publication date when it names none)."""
    span = _claim_span(claim, language, published)
    if span is None:
        return published
    return span.window()[1] or published


def _meets(held: Held, claim: Claim, language: str, published: dt.date | None) -> dict[str, str | None] | None:
    """None when ``held`` does not meet ``claim``; otherwise the time the added reference takes: ``{}`` to keep
    the entry's own, or ``{"time": …}`` (the claim's time as printed, so that the two pair on it)."""
    if isinstance(claim, Role):
        scope = key(claim.scope, language)
        return {} if not scope or held.scopes == {""} or scope in held.scopes else None
    if isinstance(claim, Event):
        return {}
    if key(getattr(claim, "scope", None), language) not in held.scopes or held.reading is None \
            or _reading(held.entry.claim, language) != held.reading:
        return None
    if isinstance(claim, Share) and key(claim.of, language) != key(held.entry.claim.of, language):  # type: ignore
        return None
    span = _claim_span(claim, language, published)
    if claim.time and span is None:
        return None  # the claim's time cannot be read: its own problem says so
    own = {"time": claim.time}
    if not held.entry.throughout:  # the same time, or neither gives one
        if held.time is None or span is None:
            return own if held.time is None and span is None else None
        return own if (held.time.start, held.time.end) == (span.start, span.end) else None
    if held.time is None:
        return own
    if span is None:  # no time of its own: the publication date, or — without one — an entry still in force
        if published is None:
            return own if held.open else None
        return own if _within((published, published), held.time.window()) else None
    return own if _within(span.window(), held.time.window()) else None


def _within(inner: tuple[dt.date | None, dt.date | None], outer: tuple[dt.date | None, dt.date | None]) -> bool:
    lo, hi = inner
    o_lo, o_hi = outer
    return (o_lo is None or (lo is not None and lo >= o_lo)) and (o_hi is None or (hi is not None and hi <= o_hi))


def _unchecked_office(claim: Role, vouched: dt.date, day: dt.date, language: str) -> Problem:
    return said_problem(language, "library_not_checked_since", N_(
        "the library's terms for {person} as {role} were last checked on {checked}, before {day}: the office may "
        "have changed hands since, so they were not used; check them against their sources and supersede them with "
        "the day checked"), claim=claim.id, person=claim.person, role=claim.role, checked=vouched, day=day)


def _stale(claim: Claim, held: Held, day: dt.date | None, language: str) -> Problem:
    assert held.time is not None
    return said_problem(language, "library_not_checked_since", N_(
        "the library entry '{entry}' (since {start}, still running when it was last checked on {checked}) is not "
        "known to hold on {day}; it was not used: check it against its source and supersede it"), claim=claim.id,
        entry=held.id, start=held.time.start, checked=held.entry.checked, day=day)


# -- the library checks itself ------------------------------------------------------------------------------------
def conflicts(new: Sequence[Held], library: Library | None = None) -> list[Problem]:
    """Problems between ``new`` entries and with the ``library`` they would join (the entries they replace left
    out): terms of one office that overlap beyond a handover day, and figures or events for the same labels and
    time that the engine's ``restated`` and ``same_event_times`` rules find inconsistent."""
    library = library or Library()
    replaced = {h.id for h in new}
    together = {h.id: h for h in new}
    for h in new:  # the entries already kept that the new ones could contradict
        others = library.office(h) if h.kind is Role else {o.id for k in h.keys() for o in library._found(k)}
        for i in others - replaced:
            together.setdefault(i, library.held[i])
    entries = list(together.values())
    return [*_overlaps(entries), *_restated(entries, replaced)]


_OPEN = dt.date.max
AND = N_(" and ")


def _overlaps(entries: Sequence[Held]) -> list[Problem]:
    """Terms of one office (a role key and a scope key in common) that share more than a handover day: swept in
    order of their start, each compared with the term seen so far that ends last."""
    offices: dict[tuple[str, str], list[Held]] = defaultdict(list)
    for h in entries:
        if h.time is not None:
            for k in _office_keys(h):
                offices[k].append(h)
    seen: set[frozenset[str]] = set()
    out = []
    for terms in offices.values():
        terms.sort(key=lambda h: h.time.start)  # type: ignore[union-attr]
        latest: Held | None = None
        latest_end = dt.date.min
        for h in terms:
            assert h.time is not None
            begun, ended = h.time.edges()
            end = ended or _OPEN
            if latest is not None and (begun or dt.date.min) < latest_end:
                pair = frozenset((h.id, latest.id))
                if pair not in seen:
                    seen.add(pair)
                    a, b = latest.entry.claim, h.entry.claim
                    assert isinstance(a, Role) and isinstance(b, Role)
                    out.append(said_problem(
                        h.language, "overlapping_terms", N_(
                            "{person} ({term}, {entry}) and {other} ({other_term}, {other_entry}) would both hold "
                            "'{role}' at once, beyond a handover day"), claim=h.id, field="claim.term",
                        person=b.person, term=b.term, entry=h.id, other=a.person, other_term=a.term,
                        other_entry=latest.id, role=b.role))
            if latest is None or end > latest_end:
                latest, latest_end = h, end
    return out


def _restated(entries: Sequence[Held], new: set[str]) -> list[Problem]:
    """Figures and events of the library that share labels, checked with the engine's own rules: each group of
    entries linked by a label key (with a new entry among them) is written with one set of labels and checked as
    an article in the entries' language."""
    from rules.engine import RULES, check  # the engine discovers the rules; imported here, when first needed

    rules = [r for r in RULES if r.id in ("restated", "same_event_times")]
    by_key: dict[tuple[str, tuple[type, str, str]], list[Held]] = defaultdict(list)
    for h in entries:
        if h.kind is not Role:
            for k in h.keys():
                by_key[(h.language, k)].append(h)
    groups: dict[frozenset[str], list[Held]] = {}
    for members in by_key.values():
        ids = frozenset(m.id for m in members)
        if len(ids) > 1 and ids & new and ids not in groups:
            groups[ids] = list({m.id: m for m in members}.values())
    out: list[Problem] = []
    reported: set[tuple[str, ...]] = set()
    for members in groups.values():
        anchor = next(m for m in members if m.id in new).entry.claim
        first, second = _LABELS[type(anchor)]
        labels = {first: getattr(anchor, first), second: getattr(anchor, second)}
        claims = []
        for m in members:
            if hasattr(anchor, "scope"):
                labels["scope"] = getattr(m.entry.claim, "scope", None)  # scopes as given: different ones differ
            claims.append(structs.replace(m.entry.claim, id=m.id, **labels))
        report = check(CheckRequest(document=_document(members[0].entry.language), claims=claims), rules)
        for v in report.verdicts:
            ids = tuple(sorted(v.claims))
            if v.status == "inconsistent" and ids not in reported:
                reported.add(ids)
                out.append(said_problem(members[0].language, "contradicts", N_(
                    "{claims} contradict each other: {explanation}"), claim=next(i for i in ids if i in new),
                    claims=lambda lang, ids=ids: translate(AND, lang).join(ids),
                    explanation=lambda lang, text=v.explanation: text.local if lang != "en" and text.local
                    else text.en))
    return out


@lru_cache(maxsize=16)
def _document(language: str) -> Document:
    return Document(language=language)
