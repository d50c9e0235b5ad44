"""What a rule sees: every claim read once (``Item``), indexed for pairing (``Context``).

Pairing keys are the claim's subject, metric, scope and time; labels become bags of stems by ``rules.text.key``
(case, Arabic letter variants, diacritics, articles and stop words, word order, singular and plural, noun and
adjective forms), so 'الإيرادات العالمية' and 'إيرادات العالم', or 'global revenue' and 'revenue, global', pair;
times pair on
the interval they were read as, so figures for different times are never compared (a ``change`` relates two
times on purpose, and only through its own rule).

Every index is a dict built in one pass over the claims, so finding a claim's partners costs about the same
whatever the number of claims; a rule looks partners up, it never compares all pairs. A claim that states a
change ("rose by 25 %", "doubled", or the ``change`` of a ``change`` relation) is kept apart in ``changes``: it
is not a level, and the rules that compare levels never see it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


from rules.messages import N_, problem
from rules.normalise.changes import Movement, movement
from rules.model import (Amount, Change, CheckRequest, Claim, Document, Event, Problem, Quantity, ReadClaim,
                         Reading, Role, Share)
from rules.normalise.times import Duration, TimeSpan, read_duration, read_time
from rules.normalise.errors import Unreadable
from rules.normalise.lexicon import lexicon
from rules.normalise.numbers import dot_groups
from rules.normalise.values import Measure, read_value
from rules.policy import POLICY, Policy
from rules.text import join, key

__all__ = ["Context", "Item"]


# -- the items rules work on ------------------------------------------------------------------------------------
@dataclass(slots=True)
class Item:
    """A claim as read: its measure (figures), its time, and the keys it pairs on."""

    claim: Claim
    id: str  # the claim's id (asked for everywhere: a field, not a property)
    reference: bool = False
    measure: Measure | None = None
    time: TimeSpan | None = None
    problems: list[Problem] = field(default_factory=list)
    subject: str = ""
    #: an extracted claim's subject (``rules.extract.actors``), folded: not a pairing key, only what keeps two
    #: extracted figures apart when both have one and they clearly differ (``differ``)
    actor: str = ""
    metric: str = ""
    scope: str = ""
    when: str = ""
    movement: Movement | None = None  # the change its printed value states ("rose by 25 %"), if any
    reading: Reading | None = None  # how ``measure`` reads in the report

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
                         extracted=self.claim.extracted, span=self.claim.span,
                         value=self.reading if self.measure else None,
                         time=self.time.reading() if self.time else None, problems=self.problems)


@lru_cache(maxsize=1 << 16)
def _measure(value: str | Amount, language: str, unit: str | None, per: str | None, policy: Policy,
             published: dt.date | None = None, groups: bool = False) -> tuple[Measure, Reading, bool] | Unreadable:
    """A figure's reading under the request's policy, how the report shows it, and whether it is a range whose
    low end is above its high end (no value), memoised: all are pure and frozen, and the same figures recur across
    articles."""
    try:
        measure = read_value(value, language, unit, per, policy, published, groups)
    except Unreadable as exc:
        return exc
    low, high = measure.value
    return measure, measure.reading(policy), low is not None and high is not None and low > high


@lru_cache(maxsize=64)
def _dated(language: str) -> bool:
    """Whether the language reads a word by the publication date (French 'francs' before the euro): only then is
    the date part of a figure's memo key, so the same figures in other articles keep sharing their readings."""
    return any(" until " in code for code in lexicon(language).families.values())


@lru_cache(maxsize=64)
def _comma_decimals(language: str) -> bool:
    """Whether the language's reader takes '83.000' for 83000 in a document that groups with a point
    (``numbers.dot_groups``): only where the locale marks decimals with a comma and does not group with a point.
    Elsewhere the document's texts need not be searched for decimal marks."""
    lex = lexicon(language)
    return lex.decimal == "," and lex.group != "."


@lru_cache(maxsize=1 << 16)
def _movement(text: str, language: str) -> Movement | None:
    return movement(text, language)


def _read(claim: Claim, reference: bool, doc: Document, policy: Policy, groups: bool = False) -> Item:
    item = Item(claim=claim, id=claim.id, reference=reference)
    lang = doc.language
    if isinstance(claim, (Quantity, Share)):
        item.subject, item.metric = key(claim.subject, lang), key(claim.metric, lang)
        if claim.extracted:  # found in the text: pairing does not rest on it (see ``differ``)
            item.subject, item.actor = "", _named(item.subject, claim.sentence, item.metric, lang)
        item.scope = key(claim.scope, lang)
        if isinstance(claim.value, str):
            item.movement = _movement(claim.value, lang)
        read = _measure(claim.value, lang, getattr(claim, "unit", None), getattr(claim, "per", None), policy,
                        doc.published if _dated(lang) else None, groups)
        if isinstance(read, tuple):
            measure, reading, empty = read
            if empty:
                item.problems.append(problem(lang, "empty_range", N_(
                    "'{text}' was read as a range with its low end above its high end; it stands for no value"),
                    claim=claim.id, field="value", text=measure.text))
            else:
                item.measure, item.reading = measure, reading
        elif not (read.code == "no_number" and item.movement is not None and item.movement.factor is not None):
            item.problems.append(problem(lang, read.code, read.said, claim=claim.id, field="value"))
        if claim.time:
            item.when = _when(item, claim.time, doc)
    elif isinstance(claim, Event):
        item.subject, item.metric = key(claim.subject, lang), key(claim.what, lang)
        if claim.extracted:
            item.subject, item.actor = "", _named(item.subject, claim.sentence, item.metric, lang)
        if claim.time:
            item.when = _when(item, claim.time, doc)
    elif isinstance(claim, Role):
        item.subject, item.metric = key(claim.person, lang), key(claim.role, lang)
        item.scope = key(claim.scope, lang)
        if claim.term:
            item.when = _when(item, claim.term, doc)
    if reference and not claim.source:
        item.problems.append(problem(doc.language, "no_source", N_("a reference must name its source"),
                                     claim=claim.id, field="source"))
    return item




def _named(actor: str, sentence: str | None, metric: str, lang: str) -> str:
    """An extracted subject (folded) when the claim's own sentence names it and its label does not already hold it,
    else "": an actor carried from sentences before, or a name that is what the figure counts ('EBITDA'), is shown
    on the claim but keeps no figure apart from another."""
    words = set(actor.split())
    return actor if actor and sentence and words <= set(key(sentence, lang).split()) and \
        not words <= set(metric.split()) else ""


def _when(item: Item, text: str, doc: Document) -> str:
    """Read a claim's time; the pairing key is the interval read, or the folded text when unreadable. A change
    stated since a time ('has doubled since the beginning of 2007', 'up 200 % since 2007') is over the window from
    that time's start to now: its key is that start, so two statements of one change pair however the start is
    worded ('since 2007', 'since the beginning of 2007', 'since January 2007' all open on 1 January 2007)."""
    try:
        item.time = read_time(text, doc.language, doc.published, doc.fiscal)
        if item.time.modifier == "since" and item.movement is not None and item.movement.is_change:
            return f"since {item.time.start}"
        return f"{item.time.start}/{item.time.end}"
    except Unreadable as exc:
        item.problems.append(problem(doc.language, exc.code, exc.said, claim=item.id, field="time"))
        return key(text, doc.language)


# -- the context a rule sees ------------------------------------------------------------------------------------
class Context:
    """Everything a rule may look at, indexed once per request."""

    def __init__(self, request: CheckRequest, policy: Policy = POLICY):
        self.document = request.document
        self.language = request.document.language
        self.policy = policy
        self.rates = request.rates  # exchange rates the client vouches for (rules.normalise.currency)
        self.problems: list[Problem] = []  # what rules say about the request as a whole (crowds summarised)
        self.items: dict[str, Item] = {}
        # '83.000' in a French article that marks its decimals with a comma and never with a point is 83000 (asked
        # only where the reader uses the answer: a locale with a decimal comma that does not group with a point)
        groups = _comma_decimals(self.language) and dot_groups(request.text or "", *(
            t for c in request.claims for t in (getattr(c, "value", None), c.sentence) if isinstance(t, str)))
        for claim in request.claims:
            self.items[claim.id] = _read(claim, False, request.document, policy, groups)
        for claim in request.references:
            self.items[claim.id] = _read(claim, True, request.document, policy, groups)
        self._durations: dict[str, Duration | Unreadable] = {}
        self._gaps: dict[str, Duration | Unreadable] = {}
        self.relations: dict[type, list[Any]] = defaultdict(list)
        for relation in request.relations:
            self.relations[type(relation)].append(relation)
        named_changes = {r.change for r in self.relations.get(Change, []) if r.change}
        #: before and after of a change relation: two times even when the client sent none, so never restated
        self._apart = {frozenset((r.before, r.after)) for r in self.relations.get(Change, [])}
        #: per-request memos of the rules (partners found once per key): ``rules.arithmetic.share_of_whole``
        self.memo: dict[object, Any] = {}
        #: claims that state a change rather than a level: only the change rule reads them
        self.changes: list[Item] = []
        self.change_ids: set[str] = set()
        self._by_kind: dict[type, list[Item]] = defaultdict(list)
        self._by_key: dict[tuple[str, str, str, str], list[Item]] = defaultdict(list)
        self._by_metric: dict[str, list[Item]] = defaultdict(list)
        self._by_group: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        self._by_topic: dict[tuple[str, str, str], list[Item]] | None = None
        self._by_unit: dict[tuple[str | None, str], list[Item]] | None = None
        self._repeated: list[list[Item]] | None = None
        #: whether a level (not a change) states where it moved to ('rose to 5 %'): the change rule pairs those too
        self.moved = False
        for item in self.items.values():
            moved = item.movement
            if item.id in named_changes or (moved is not None and moved.is_change):
                self.changes.append(item)
                self.change_ids.add(item.id)
                continue
            if moved is not None and moved.to:
                self.moved = True
            self._by_group[(item.subject, item.scope, item.when)].append(item)
            self._by_kind[type(item.claim)].append(item)
            self._by_key[(item.subject, item.metric, item.scope, item.when)].append(item)
            self._by_metric[item.metric].append(item)
            if item.scope:
                self._by_metric[join(item.scope, item.metric)].append(item)

    def duration(self, item: Item) -> Duration:
        """The age ``item`` states ('10-year-old', 'عمره 40 عاماً'), read once per request whichever rules ask.
        Raises ``Unreadable``."""
        found = self._durations.get(item.id)
        if found is None:
            value = getattr(item.claim, "value", None) or getattr(item.claim, "time", None) or ""
            try:
                found = read_duration(value, self.language, age=True)
            except Unreadable as exc:
                found = exc
            self._durations[item.id] = found
        if isinstance(found, Unreadable):
            raise found
        return found

    def gap(self, text: str) -> Duration:
        """A gap an ``order`` relation states ('two years'), read once per request. Raises ``Unreadable``."""
        found = self._gaps.get(text)
        if found is None:
            try:
                found = read_duration(text, self.language)
            except Unreadable as exc:
                found = exc
            self._gaps[text] = found
        if isinstance(found, Unreadable):
            raise found
        return found

    def of_kind(self, kind: type) -> list[Item]:
        return self._by_kind.get(kind, [])

    def same_key(self, item: Item, kind: type | None = None) -> list[Item]:
        """Other items with the same subject, metric, scope and time."""
        found = self._by_key.get((item.subject, item.metric, item.scope, item.when), [])
        return [o for o in found if o is not item and (kind is None or isinstance(o.claim, kind)) and
                not differ(o, item)]

    def group(self, item: Item, kind: type | None = None) -> list[Item]:
        """Other items about the same subject, scope and time, whatever their metric."""
        found = self._by_group.get((item.subject, item.scope, item.when), [])
        return [o for o in found if o is not item and (kind is None or isinstance(o.claim, kind))]

    def by_metric(self, metric_key: str, when: str, kind: type | None = None) -> list[Item]:
        """Items whose metric (or 'scope metric') folds to ``metric_key``, for the same time."""
        return [o for o in self._by_metric.get(metric_key, [])
                if o.when == when and (kind is None or isinstance(o.claim, kind))]

    def restatements(self, kind: type) -> Iterator[list[Item]]:
        """Groups of two or more readable claims (not references) of ``kind`` with the same subject, metric, scope
        and time: the same figure stated more than once."""
        for found in self.repeated():
            group = [o for o in found if isinstance(o.claim, kind) and o.measure is not None and not o.reference]
            actors = {o.actor for o in group if o.actor}
            if len(actors) > 1:  # figures the text gives for different actors: one group per actor
                yield from (g for g in _by_actor(group) if len(g) > 1)
            elif len(group) > 1:
                yield group

    def repeated(self) -> list[list[Item]]:
        """The claims (levels, any kind) that share their subject, metric, scope and time with another, by key, in
        the request's order; found once per request (most articles have none)."""
        if self._repeated is None:
            self._repeated = [found for found in self._by_key.values() if len(found) > 1]
        return self._repeated

    def apart(self, a: Item, b: Item) -> bool:
        """Whether a ``change`` relation says ``a`` and ``b`` are the same figure at two different times."""
        return bool(self._apart) and frozenset((a.id, b.id)) in self._apart

    def topic(self, item: Item) -> list[Item]:
        """Levels with the same subject, metric and scope at any time (for changes between two times); the list is
        shared, not copied: callers filter it once per topic, not once per claim."""
        if self._by_topic is None:
            self._by_topic = defaultdict(list)
            for kind in (Quantity, Share):
                for o in self.of_kind(kind):
                    self._by_topic[(o.subject, o.metric, o.scope)].append(o)
        return self._by_topic.get((item.subject, item.metric, item.scope), [])

    def same_unit(self, unit: str | None, when: str, limit: int = 64) -> list[Item]:
        """Up to ``limit`` totals (not figures per head) in ``unit`` for the same time: the other totals an article
        gives."""
        if self._by_unit is None:
            self._by_unit = defaultdict(list)
            for o in self.of_kind(Quantity):
                if o.measure is not None and o.measure.per is None:
                    self._by_unit[(o.measure.unit, o.when)].append(o)
        return self._by_unit.get((unit, when), [])[:limit]

    def get(self, claim_id: str | None) -> Item | None:
        return self.items.get(claim_id) if claim_id else None


def differ(a: Item, b: Item) -> bool:
    """Whether two items are about actors the text names apart: both extracted with a subject, and neither
    subject's words are all among the other's ('Apple' and 'Apple Inc.' do not differ; 'Meta' and 'Google' do)."""
    if not a.actor or not b.actor or a.actor == b.actor:
        return False
    x, y = set(a.actor.split()), set(b.actor.split())
    return not (x <= y or y <= x)


def _by_actor(group: list[Item]) -> list[list[Item]]:
    """A group split so that no two items in a part ``differ``: items with an actor by their actor (one that
    names part of another's name joins it), items with none on their own."""
    parts: list[list[Item]] = []
    for item in group:
        home = next((p for p in parts if p[0].actor and item.actor and not differ(p[0], item)), None) \
            if item.actor else next((p for p in parts if not p[0].actor), None)
        if home is None:
            parts.append([item])
        else:
            home.append(item)
    return parts


def first_per_unit(items: Iterable[Item]) -> list[Item]:
    """The first item for each unit and period: it stands for the others (restatements of the same figure)."""
    firsts: dict[tuple[str | None, str | None], Item] = {}
    for item in items:
        assert item.measure is not None
        firsts.setdefault((item.measure.unit, item.measure.period), item)
    return list(firsts.values())
