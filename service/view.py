"""What the report page and the exports show, built once from a stored report: the words of the page in the
document's language (``service.messages``), its direction, each claim as printed, and each verdict with its
current review state and its figure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rules.engine import RULES
from rules.model import Amount, Claim, Event, Quantity, Role, Share, Verdict
from service.figures import Figure, ranges, timeline
from service.messages import direction, page_language, words
from service.review import VerdictState, current, tally
from service.storage import Stored

__all__ = ["ClaimText", "VerdictView", "claim_texts", "direction", "labels", "printed", "report_tally", "verdict_views"]

FAMILY = {r.id: r.family for r in RULES}
BY_ID = {r.id: r for r in RULES}


def labels(language: str) -> tuple[str, dict[str, str]]:
    """The page language for a document's language tag, and the words looked up by the report's values in it
    (statuses, review states, decisions, roles: ``service.messages.WORDS``)."""
    lang = page_language(language)
    return lang, words(lang)


@dataclass(frozen=True)
class ClaimText:
    id: str
    kind: str
    printed: str
    sentence: str | None
    source: str | None
    reference: bool
    url: str | None = None  # the source's address (http or https only), for a link
    library: str | None = None  # the library entry it came from (``references_used``)


def _link(url: str | None) -> str | None:
    return url if url and url.startswith(("https://", "http://")) else None


def _amount(a: Amount) -> str:
    scale = f"e{a.scale}" if a.scale else ""
    rest = " ".join(x for x in (a.unit, f"per {a.per}" if a.per else None, a.period) if x)
    to = f"–{a.to}" if a.to else ""
    return f"{a.number}{to}{scale} {rest}".strip()


def printed(claim: Claim) -> str:
    if isinstance(claim, (Quantity, Share)):
        value = claim.value if isinstance(claim.value, str) else _amount(claim.value)
        return f"{value} ({claim.of})" if isinstance(claim, Share) else value
    if isinstance(claim, Event):
        return f"{claim.what} — {claim.time}" if claim.time else claim.what
    if isinstance(claim, Role):
        return f"{claim.person}: {claim.role}" + (f" ({claim.term})" if claim.term else "")
    return claim.id  # pragma: no cover


def claim_texts(stored: Stored) -> dict[str, ClaimText]:
    """Every claim by id as printed: the article's, the references sent, and those the library added."""
    out: dict[str, ClaimText] = {}
    for reference, claims in ((False, stored.request.claims), (True, stored.request.references)):
        for c in claims:
            out.setdefault(c.id, ClaimText(id=c.id, kind=type(c).__name__.lower(), printed=printed(c),
                                           sentence=c.sentence, source=c.source, reference=reference,
                                           url=_link(c.url) if reference else None))
    for used in stored.report.references_used:
        c = used.claim
        out.setdefault(c.id, ClaimText(id=c.id, kind=type(c).__name__.lower(), printed=printed(c), sentence=None,
                                       source=c.source, reference=True, url=_link(c.url), library=used.reference))
    return out


@dataclass(frozen=True)
class VerdictView:
    index: int
    verdict: Verdict
    state: VerdictState
    family: str
    title: str
    claims: list[ClaimText]
    figure: Figure | None
    title_lang: str = "en"  # the title's language: a rule without a title in the page's language gives its English


def verdict_views(stored: Stored, lang: str, words: dict[str, str], only: range | None = None) -> Iterator[VerdictView]:
    """Each verdict as the page and the exports show it, one at a time (a large report is never drawn whole in
    memory); ``only``: the verdicts with these indices."""
    texts = claim_texts(stored)
    read = {c.id: c for c in stored.report.claims}
    pairs = list(zip(current(stored.report, stored.reviews), stored.report.verdicts, strict=True))
    base = lang.split("-")[0]
    for state, v in (pairs if only is None else pairs[only.start:only.stop]):
        family = FAMILY.get(v.rule, "arithmetic")
        if family == "temporal":
            figure = timeline([read[c] for c in v.claims if c in read], lang, v.computation)
        else:
            figure = ranges(v.computation, lang, words) if v.computation else None
        yield VerdictView(index=state.verdict, verdict=v, state=state, family=family,
                          title=BY_ID[v.rule].title_in(lang) if v.rule in BY_ID else v.rule, figure=figure,
                          title_lang=base if v.rule in BY_ID and base in BY_ID[v.rule].titles else "en",
                          claims=[texts[c] for c in v.claims if c in texts])


def report_tally(stored: Stored):
    return tally(current(stored.report, stored.reviews))

