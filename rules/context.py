"""What a rule sees: every claim read once (``Item``), indexed for pairing (``Context``), and the shape of
the examples that define a rule (``Example``).

Pairing keys are the claim's subject, metric, scope and time, folded by ``rules.text.key`` (case, spaces,
Arabic letter variants, diacritics, the definite article), so 'الإيرادات' and 'إيرادات' pair; times pair on
the interval they were read as, so figures for different times are never compared.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import msgspec

from rules.model import CheckRequest, Claim, Document, Event, Problem, Quantity, ReadClaim, Role, Share
from rules.normalise.times import TimeSpan, read_time
from rules.normalise.values import Measure, Unreadable, read_value
from rules.policy import POLICY, Policy
from rules.text import key

__all__ = ["Context", "Example", "Item"]


# -- the items rules work on ------------------------------------------------------------------------------------
@dataclass(slots=True)
class Item:
    """A claim as read: its measure (figures), its time, and the keys it pairs on."""

    claim: Claim
    reference: bool = False
    measure: Measure | None = None
    time: TimeSpan | None = None
    problems: list[Problem] = field(default_factory=list)
    subject: str = ""
    metric: str = ""
    scope: str = ""
    when: str = ""

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def printed(self) -> str:
        value = getattr(self.claim, "value", None)
        if isinstance(value, str):
            return value
        if self.measure is not None:
            return self.measure.text
        return getattr(self.claim, "time", "") or ""

    def read(self) -> ReadClaim:
        return ReadClaim(id=self.id, kind=type(self.claim).__name__.lower(), reference=self.reference,
                         value=self.measure.reading() if self.measure else None,
                         time=self.time.reading() if self.time else None, problems=self.problems)


def _read(claim: Claim, reference: bool, doc: Document) -> Item:
    item = Item(claim=claim, reference=reference)
    lang = doc.language
    if isinstance(claim, (Quantity, Share)):
        item.subject, item.metric, item.scope = key(claim.subject), key(claim.metric), key(claim.scope)
        try:
            item.measure = read_value(claim.value, lang, getattr(claim, "unit", None), getattr(claim, "per", None))
        except Unreadable as exc:
            item.problems.append(Problem(code=exc.code, message=exc.message, claim=claim.id, field="value"))
        if claim.time:
            item.when = _when(item, claim.time, doc)
    elif isinstance(claim, Event):
        item.subject, item.metric = key(claim.subject), key(claim.what)
        if claim.time:
            item.when = _when(item, claim.time, doc)
    elif isinstance(claim, Role):
        item.subject, item.metric, item.scope = key(claim.person), key(claim.role), key(claim.scope)
        if claim.term:
            item.when = _when(item, claim.term, doc)
    if reference and not claim.source:
        item.problems.append(Problem(code="no_source", message="a reference must name its source",
                                     claim=claim.id, field="source"))
    return item




def _when(item: Item, text: str, doc: Document) -> str:
    """Read a claim's time; the pairing key is the interval read, or the folded text when unreadable."""
    try:
        item.time = read_time(text, doc.language, doc.published)
        return f"{item.time.start}/{item.time.end}"
    except Unreadable as exc:
        item.problems.append(Problem(code=exc.code, message=exc.message, claim=item.id, field="time"))
        return key(text)


# -- the context a rule sees ------------------------------------------------------------------------------------
class Context:
    """Everything a rule may look at, indexed once per request."""

    def __init__(self, request: CheckRequest, policy: Policy = POLICY):
        self.document = request.document
        self.language = request.document.language
        self.policy = policy
        self.rates = request.rates  # exchange rates the client vouches for (rules.normalise.currency)
        self.items: dict[str, Item] = {}
        for claim in request.claims:
            self.items[claim.id] = _read(claim, False, request.document)
        for claim in request.references:
            self.items[claim.id] = _read(claim, True, request.document)
        self.relations: dict[type, list[Any]] = defaultdict(list)
        for relation in request.relations:
            self.relations[type(relation)].append(relation)
        self._by_kind: dict[type, list[Item]] = defaultdict(list)
        self._by_key: dict[tuple[str, str, str, str], list[Item]] = defaultdict(list)
        self._by_metric: dict[str, list[Item]] = defaultdict(list)
        self._by_group: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        for item in self.items.values():
            self._by_group[(item.subject, item.scope, item.when)].append(item)
            self._by_kind[type(item.claim)].append(item)
            self._by_key[(item.subject, item.metric, item.scope, item.when)].append(item)
            self._by_metric[item.metric].append(item)
            if item.scope:
                self._by_metric[f"{item.scope} {item.metric}"].append(item)

    def of_kind(self, kind: type) -> list[Item]:
        return self._by_kind.get(kind, [])

    def same_key(self, item: Item, kind: type | None = None) -> list[Item]:
        """Other items with the same subject, metric, scope and time."""
        found = self._by_key.get((item.subject, item.metric, item.scope, item.when), [])
        return [o for o in found if o is not item and (kind is None or isinstance(o.claim, kind))]

    def group(self, item: Item, kind: type | None = None) -> list[Item]:
        """Other items about the same subject, scope and time, whatever their metric."""
        found = self._by_group.get((item.subject, item.scope, item.when), [])
        return [o for o in found if o is not item and (kind is None or isinstance(o.claim, kind))]

    def by_metric(self, metric_key: str, when: str, kind: type | None = None) -> list[Item]:
        """Items whose metric (or 'scope metric') folds to ``metric_key``, for the same time."""
        return [o for o in self._by_metric.get(metric_key, [])
                if o.when == when and (kind is None or isinstance(o.claim, kind))]

    def get(self, claim_id: str | None) -> Item | None:
        return self.items.get(claim_id) if claim_id else None


# -- rules ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Example:
    """One case that defines a rule: a small request and the status the rule must give it."""

    title: str
    claims: list[dict[str, Any]]
    expect: str
    language: str = "en"
    published: str | None = None
    relations: list[dict[str, Any]] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    derived: dict[str, tuple[str, str]] = field(default_factory=dict)
    cause: str | None = None
    rates: list[dict[str, Any]] = field(default_factory=list)

    def request(self) -> CheckRequest:
        document: dict[str, Any] = {"language": self.language}
        if self.published:
            document["published"] = self.published
        return msgspec.convert({"document": document, "claims": self.claims, "relations": self.relations,
                                "references": self.references, "rates": self.rates}, CheckRequest)
