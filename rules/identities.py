"""The relations nobody states: accounting identities and the answers of a poll, found from the claims' own labels.

An article gives a deficit, the revenue and the spending; it never says that the deficit is the spending minus the
revenue, because every reader knows it. ``rules/data/identities.toml`` holds these identities, one entry each, with
the names of their terms in every language. A claim's metric names a term when the term's name, as a bag of stems
(``rules.text.key``, the way pairing matches labels), is contained in it: 'budget deficit', 'العجز', 'déficit
public' and 'Haushaltsdefizit' all name the balance of ``budget_balance``, with a negative sign. What the metric
holds beyond the name and the identity's context words ('budget', 'government', 'total') is its qualifier: 'oil
exports' and 'oil imports' meet in an oil trade balance, never 'oil exports' and 'imports'.

An identity is used only when every one of its terms is present for the same subject, scope, time, whole (``of``,
for shares) and source, each a level (not a change) that was read: a missing term, another period or another
source means it does not apply, and nothing is said. Claims are classified once per metric (memoised) and
bucketed in one pass over the request, so finding identities is linear in the number of claims.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rules.model import Quantity, Share
from rules.text import digits, fold, key, phrases

if TYPE_CHECKING:
    from re import Pattern

    from rules.context import Context, Item

__all__ = ["IDENTITIES", "Found", "Identity", "exhaustive_cues", "found", "roles"]

_DATA = tomllib.loads(files("rules").joinpath("data/identities.toml").read_text("utf-8"))
_RESERVED = {"rule", "kind", "roles", "room", "exhaustive", "free", "assumed", "context"}


@dataclass(frozen=True)
class Identity:
    """One identity: ``roles[0] = roles[1] − roles[2]`` (``difference``) or answers that exclude each other
    (``answers``); ``assumed`` is how a verdict names it (English, translated by ``rules.messages``)."""

    id: str
    rule: str
    kind: str
    roles: tuple[str, ...]
    assumed: str  # English, translated in the catalogues (rules.messages)
    unsure: str | None = None
    exhaustive: bool = False
    free: frozenset[str] = frozenset()
    names: dict[str, dict[str, list[tuple[str, int]]]] = field(default_factory=dict, repr=False)  # role → lang → (name, sign)
    context: dict[str, list[str]] = field(default_factory=dict, repr=False)


def _identity(name: str, spec: dict) -> Identity:
    names: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for role in spec["roles"]:
        table = spec.get(role, {})
        by_lang: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for sign, words in ((0, table), (-1, table.get("negative", {})), (1, table.get("positive", {}))):
            for lang, listed in words.items():
                if isinstance(listed, list):
                    by_lang[lang].extend((w, sign) for w in listed)
        names[role] = dict(by_lang)
    return Identity(id=name, rule=spec["rule"], kind=spec["kind"], roles=tuple(spec["roles"]), assumed=spec["assumed"],
                    unsure=spec.get("room"), exhaustive=spec.get("exhaustive", False),
                    free=frozenset(spec.get("free", ())), names=names, context=spec.get("context", {}))


IDENTITIES: dict[str, Identity] = {name: _identity(name, spec) for name, spec in _DATA.items()
                                   if isinstance(spec, dict) and "rule" in spec}


@dataclass(frozen=True, slots=True)
class _Name:
    identity: str
    role: str
    sign: int
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class Role:
    """A term a metric names: which identity and role, the sign its name gives (−1 deficit, +1 surplus, 0 none),
    and the qualifier left over (stems, sorted)."""

    identity: str
    role: str
    sign: int
    rest: str
    size: int  # stems in the name matched: of two forms of one rule, the longer name wins


@lru_cache(maxsize=8)
def _index(lang: str) -> tuple[dict[str, tuple[_Name, ...]], dict[str, frozenset[str]]]:
    """Every name of every identity in ``lang``, by each of its stems; and each identity's context stems."""
    by_stem: dict[str, list[_Name]] = defaultdict(list)
    context: dict[str, frozenset[str]] = {}
    for ident in IDENTITIES.values():
        context[ident.id] = frozenset(s for w in ident.context.get(lang, []) for s in key(w, lang).split())
        for role, by_lang in ident.names.items():
            for word, sign in by_lang.get(lang, []):
                stems = frozenset(key(word, lang).split())
                if stems:
                    name = _Name(ident.id, role, sign, stems)
                    for s in stems:
                        by_stem[s].append(name)
    return {s: tuple(dict.fromkeys(n)) for s, n in by_stem.items()}, context


@lru_cache(maxsize=1 << 14)
def roles(metric_key: str, lang: str) -> tuple[Role, ...]:
    """The terms a metric (as a pairing key) names, one per identity at most: the longest name it contains; none
    for an identity where two roles tie (a label that names two terms names neither)."""
    stems = frozenset(metric_key.split())
    if not stems:
        return ()
    by_stem, context = _index(lang)
    best: dict[str, tuple[int, set[_Name]]] = {}
    for s in stems:
        for name in by_stem.get(s, ()):
            if name.stems <= stems:
                size = len(name.stems)
                current = best.get(name.identity)
                if current is None or size > current[0]:
                    best[name.identity] = (size, {name})
                elif size == current[0]:
                    current[1].add(name)
    out = []
    for ident, (size, names) in best.items():
        if len({(n.role, n.sign) for n in names}) != 1:
            continue
        name = next(iter(names))
        rest = stems - name.stems - context.get(ident, frozenset())
        out.append(Role(ident, name.role, name.sign, " ".join(sorted(rest)), size))
    longest: dict[str, int] = {}
    for r in out:
        rule = IDENTITIES[r.identity].rule
        longest[rule] = max(longest.get(rule, 0), r.size)
    return tuple(r for r in out if r.size == longest[IDENTITIES[r.identity].rule])


@lru_cache(maxsize=64)
def _sign_words(identity: str, lang: str) -> tuple[Pattern[str] | None, Pattern[str] | None]:
    """The words that give the first role's sign when printed in a value ('a deficit of $5 billion')."""
    ident = IDENTITIES[identity]
    words = ident.names[ident.roles[0]].get(lang, [])
    clitics = "وفبل" if lang == "ar" else ""
    return (phrases([w for w, s in words if s < 0], clitics), phrases([w for w, s in words if s > 0], clitics))


def value_sign(text: str, identity: str, lang: str) -> int:
    """−1 when the printed value says it is a deficit or a loss, +1 a surplus or a profit, 0 neither (or both)."""
    negative, positive = _sign_words(identity, lang)
    folded = fold(digits(text))
    neg = negative is not None and negative.search(folded) is not None
    pos = positive is not None and positive.search(folded) is not None
    return -1 if neg and not pos else 1 if pos and not neg else 0


@lru_cache(maxsize=8)
def exhaustive_cues(lang: str) -> tuple[str, ...]:
    """The words that call a breakdown complete ('split between', 'موزعة على'), casefolded, longest first."""
    return tuple(sorted({w.casefold() for w in _DATA.get("exhaustive", {}).get(lang, [])}, key=len, reverse=True))


@dataclass
class Found:
    """One identity's terms for one subject, scope, time, whole and source: role → [(item, sign)], in the request's
    order."""

    identity: Identity
    terms: dict[str, list[tuple[Item, int]]]


def _of(item: Item, lang: str) -> str:
    return key(item.claim.of, lang) if isinstance(item.claim, Share) else ""


def found(ctx: Context, rule: str) -> list[Found]:
    """The identities of ``rule`` whose terms the request holds (every term for a difference, two answers or more
    for a poll). Built once per request for all the identity rules."""
    memo = ctx.memo.get("identities")
    if memo is None:
        memo = ctx.memo["identities"] = _find(ctx)
    return memo.get(rule, [])


def _find(ctx: Context) -> dict[str, list[Found]]:
    lang = ctx.language.split("-")[0].lower()
    buckets: dict[tuple[str, ...], dict[str, list[tuple[Item, int]]]] = defaultdict(lambda: defaultdict(list))
    loose: dict[tuple[str, ...], dict[str, list[tuple[Item, int]]]] = defaultdict(lambda: defaultdict(list))  # free roles, any qualifier
    trusted: dict[tuple[str, ...], dict[str, list[tuple[Item, int]]]] = defaultdict(lambda: defaultdict(list))  # references, any source
    matches = [(r, item) for item in _levels(ctx) for r in roles(item.metric, lang)]
    named: dict[str, set[str]] = defaultdict(set)
    for r, _ in matches:
        named[r.identity].add(r.role)
    viable = {i for i, found_roles in named.items()  # identities whose terms are all named somewhere (most: none)
              if len(found_roles) >= (len(IDENTITIES[i].roles) if IDENTITIES[i].kind == "difference" else 2)}
    if not viable:
        return {}
    for r, item in matches:
        if r.identity in viable:
            ident = IDENTITIES[r.identity]
            sign = r.sign
            if r.role == ident.roles[0] and ident.kind == "difference":
                said = value_sign(item.printed, r.identity, lang)
                if said and sign and said != sign:
                    continue  # 'a surplus' labelled 'deficit': the sign is not known
                sign = sign or said
            rest = _unrepeated(r.rest, item)
            core = (r.identity, item.subject, item.scope, item.when, _of(item, lang))
            if item.reference:
                trusted[(*core, rest)][r.role].append((item, sign))
            elif r.role in ident.free and not rest:
                loose[(*core, item.claim.source or "")][r.role].append((item, sign))
            else:
                buckets[(*core, rest, item.claim.source or "")][r.role].append((item, sign))
    out: dict[str, list[Found]] = defaultdict(list)
    for bucket_key, terms in buckets.items():
        ident = IDENTITIES[bucket_key[0]]
        core, rest, source = bucket_key[:5], bucket_key[5], bucket_key[6]
        free_refs = {r: i for r, i in trusted.get((*core, ""), {}).items() if r in ident.free}
        for extra in (loose.get((*core, source), {}), trusted.get((*core, rest), {}), free_refs):
            for role, items in extra.items():
                if not terms.get(role):
                    terms[role] = items
        present = [r for r in ident.roles if terms.get(r)]
        if len(present) == len(ident.roles) if ident.kind == "difference" else len(present) >= 2:
            out[ident.rule].append(Found(ident, dict(terms)))
    return out


def _unrepeated(rest: str, item: Item) -> str:
    """The qualifier less the words that repeat the claim's subject or scope ('Egyptian exports' of Egypt)."""
    if not rest:
        return rest
    known = set(item.subject.split()) | set(item.scope.split())
    return " ".join(w for w in rest.split() if w not in known)


def _levels(ctx: Context) -> Iterable[Item]:
    """The readable levels (changes are kept apart by ``Context``) that have a metric."""
    for kind in (Quantity, Share):
        for item in ctx.of_kind(kind):
            if item.measure is not None and item.metric:
                yield item
