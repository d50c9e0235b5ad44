"""A stored report in the forms fact-checkers publish and share: schema.org ClaimReview (JSON-LD, one per
verdict), CSV (one row per verdict) and Markdown. Each shows the verdict as it stands after review.

Claim text is untrusted: CSV cells that a spreadsheet would run as a formula (starting with ``= + - @`` or a tab)
get a leading apostrophe; Markdown escapes its own syntax and any HTML; the JSON-LD escapes ``<``, ``>`` and ``&``
(as ``\u003c``…), so it can be pasted into a ``<script type="application/ld+json">`` element as it is.

CSV and Markdown are written in chunks (``csv_chunks``, ``markdown_chunks``), so a large report is streamed.

Figures for people (the CSV's ``*_text`` columns, the Markdown's computations and derived figures) are written by
``service.people`` in the report's language, as the report page writes them (babel's currency, percent, decimal and
compact formats, the locale's digits); the exact values stay in the CSV's machine columns (``result_low``, …,
``margin``, ``fit``) and in the report's JSON.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct, field

from rules.model import Computation, Range
from service.auth import Newsroom
from service.messages import gettext, page_tag
from service.people import Speaker, speaker
from service.storage import Stored
from service.view import VerdictView, labels, report_tally, verdict_views

__all__ = ["BOM", "PUBLISHED", "ClaimReviewGraph", "claimreview", "csv_chunks", "csv_text", "ld_json", "markdown",
           "markdown_chunks"]

#: ClaimReview's rating, worst to best: figures that do not fit, that fit only at the edge of their rounding, that
#: cannot be checked, that fit.
_RATING = {"inconsistent": 1, "doubtful": 2, "unverifiable": 3, "consistent": 4}


class LD(Struct, frozen=True, kw_only=True, omit_defaults=True, tag_field="@type"):
    """A schema.org object: its class is its ``@type`` (a msgspec tag, so it is always written)."""


class Organization(LD, tag="Organization"):
    """schema.org Organization: who published or reviewed."""

    name: Annotated[str, Meta(description="Its name.")]
    url: Annotated[str | None, Meta(description="Its web address.")] = None


class CreativeWork(LD, tag="CreativeWork"):
    """schema.org CreativeWork: the article the claim appeared in."""

    headline: Annotated[str | None, Meta(description="The article's headline.")] = None
    url: Annotated[str | None, Meta(description="Where it is published.")] = None
    datePublished: Annotated[str | None, Meta(description="When it was published (ISO 8601).")] = None


class Claim(LD, tag="Claim"):
    """schema.org Claim: what was claimed, by whom, where it appeared."""

    author: Annotated[Organization | None, Meta(description="Who made the claim.")] = None
    datePublished: Annotated[str | None, Meta(description="When the claim was published (ISO 8601).")] = None
    appearance: Annotated[CreativeWork | None, Meta(description="The article it appeared in.")] = None


class Rating(LD, tag="Rating"):
    """schema.org Rating: the verdict as a number on a scale, and its name."""

    ratingValue: Annotated[int, Meta(description="1 inconsistent, 2 doubtful, 3 unverifiable, 4 consistent.")]
    bestRating: Annotated[int, Meta(description="The best rating: 4.")]
    worstRating: Annotated[int, Meta(description="The worst rating: 1.")]
    alternateName: Annotated[str, Meta(description="The rating in words, in the article's language.")]


class ClaimReviewTranslation(LD, tag="ClaimReview"):
    """The review in English, for an article in another language (schema.org ``workTranslation``)."""

    inLanguage: Annotated[str, Meta(description="`en`.")]
    reviewBody: Annotated[str, Meta(description="Why the rating, in English.")]
    reviewRating: Annotated[Rating, Meta(description="The rating, named in English.")]


class ClaimReview(LD, tag="ClaimReview"):
    """schema.org ClaimReview for one verdict: the claim as printed, the rating as it stands after review, in the
    article's language, with the English review as its ``workTranslation``. Google's required properties
    (``claimReviewed``, ``reviewRating`` with ``alternateName``, ``url``) are always written."""

    url: Annotated[str, Meta(description="The verdict on the report's page: where the fact check is published.")]
    identifier: Annotated[str, Meta(description="The report's id and the verdict's index.")]
    claimReviewed: Annotated[str, Meta(description="The claim as printed: the sentences the figures come from.")]
    reviewBody: Annotated[str, Meta(description="Why the rating, as it stands after review.")]
    reviewRating: Annotated[Rating, Meta(description="The rating after review.")]
    itemReviewed: Annotated[Claim, Meta(description="The claim reviewed.")]
    author: Annotated[Organization, Meta(description=(
        "The newsroom that reviewed it, the publisher of the fact check: its name and site from its record in the "
        "keys file (`[[newsroom]]`); without one, its id and no `url`."))]
    datePublished: Annotated[str, Meta(description="When it was reviewed (ISO 8601 day).")]
    inLanguage: Annotated[str, Meta(description="The language of the review (BCP 47).")]
    workTranslation: Annotated[ClaimReviewTranslation | None, Meta(
        description="The review in English, when the article is in another language.")] = None


class ClaimReviewGraph(Struct, frozen=True, kw_only=True):
    """JSON-LD: one ClaimReview per verdict."""

    context: Annotated[Literal["https://schema.org"], Meta(description=(
        "The JSON-LD context: schema.org."))] = field(name="@context")
    graph: Annotated[list[ClaimReview], Meta(description="The ClaimReviews.")] = field(name="@graph")


def _claim_reviewed(v: VerdictView) -> str:
    sentences = list(dict.fromkeys(c.sentence for c in v.claims if c.sentence))
    return " ".join(sentences) if sentences else "; ".join(c.printed for c in v.claims)


#: The review decisions that make a verdict fit to publish: confirmed as the engine gave it, or overridden with a
#: reviewer's status and reason. A disputed verdict has no settled rating, an unreviewed one no reviewer.
PUBLISHED = ("confirmed", "overridden")


def _review_body(v: VerdictView, english: bool, words: dict[str, str]) -> str:
    """Why the rating, as the review left it: an override's rating is the reviewer's, so is its reason (the engine's
    explanation argued for another status); a confirmed or disputed verdict keeps the explanation, and the note."""
    st = v.state
    if st.review == "overridden":
        return f"{words[st.status]}: {st.note}" if st.note else words[st.status]
    explanation = v.verdict.explanation
    body = explanation.en if english else (explanation.local or explanation.en)
    return f"{body}\n{st.note}" if st.note else body


def claimreview(stored: Stored, newsroom: Newsroom, base: str = "", every: bool = False) -> ClaimReviewGraph:
    """One ClaimReview per verdict a reviewer confirmed or overrode (``every``: per verdict, reviewed or not), each
    rated as it stands after review. ``base``: this server's address, for the absolute ``url`` of each verdict on
    the report's page. The ``author`` is the reviewing newsroom, as Google asks (the publisher of the fact check,
    with its name and its site): from its record in the keys file (``service.auth``); without one, its id and no
    ``url``."""
    doc = stored.report.document
    lang, words = labels(doc.language)
    _, english = labels("en")
    page = f"{base}/reports/{stored.summary.id}"
    items = []
    for v in verdict_views(stored, lang, words):
        st = v.state
        if not every and st.review not in PUBLISHED:
            continue
        when = (st.at or stored.summary.created).date().isoformat()
        sources = {c.source for c in v.claims if c.source and not c.reference}
        author = next(iter(sources)) if len(sources) == 1 else doc.source
        rating = dict(ratingValue=_RATING[st.status], bestRating=len(_RATING), worstRating=1)
        translation = None if lang == "en" else ClaimReviewTranslation(
            inLanguage="en", reviewBody=_review_body(v, True, english),
            reviewRating=Rating(**rating, alternateName=english[st.status]))
        items.append(ClaimReview(
            url=f"{page}#v{v.index}", identifier=f"{stored.summary.id}/{v.index}", claimReviewed=_claim_reviewed(v),
            reviewBody=_review_body(v, lang == "en", words),
            reviewRating=Rating(**rating, alternateName=words[st.status]),
            itemReviewed=Claim(
                author=Organization(name=author) if author else None,
                datePublished=doc.published.isoformat() if doc.published else None,
                appearance=CreativeWork(headline=doc.title, url=doc.url,
                                        datePublished=doc.published.isoformat() if doc.published else None)
                if (doc.title or doc.url) else None),
            author=Organization(name=newsroom.name or newsroom.id, url=newsroom.url), datePublished=when,
            inLanguage=doc.language, workTranslation=translation))
    return ClaimReviewGraph(context="https://schema.org", graph=items)


_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def ld_json(graph: ClaimReviewGraph) -> bytes:
    """The graph as JSON that is also safe inside a ``<script>`` element: ``</script>`` in a claim cannot end it.
    (``<``, ``>`` and ``&`` occur only inside strings in JSON, where their escapes mean the same.)"""
    return msgspec.json.encode(graph).decode().translate(_SCRIPT_SAFE).encode()


# -- CSV ------------------------------------------------------------------------------------------------------------
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?(/[0-9]+)?$")
COLUMNS = ["verdict", "rule", "status", "engine_status", "review", "reviewer", "reviewed_at", "note", "claims",
           "claim_text", "explanation_en", "explanation_local", "formula", "result_low", "result_high", "unit",
           "compared_low", "compared_high", "margin", "fit", "cause", "result_text", "compared_text", "margin_text",
           "fit_text"]


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA) and not _NUMBER.match(text):
        return "'" + text
    return text


#: Verdicts per chunk of a streamed export.
CHUNK = 100


#: UTF-8's byte order mark, first in the CSV: without it a spreadsheet opens the file in the machine's legacy code
#: page and garbles Arabic (Excel does); with it, it reads UTF-8. Python's csv module reads it as part of the first
#: column's name unless the file is opened as ``utf-8-sig``.
BOM = "\ufeff"


def csv_chunks(stored: Stored) -> Iterator[str]:
    lang, words = labels(stored.report.document.language)
    say = speaker(page_tag(stored.report.document.language))
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for v in verdict_views(stored, lang, words):
        c = v.verdict.computation
        result, compared = (c.result if c else Range()), (c.compared_with if c and c.compared_with else Range())
        writer.writerow([_cell(x) for x in (
            v.index, v.verdict.rule, v.state.status, v.state.engine, v.state.review, v.state.reviewer,
            v.state.at.isoformat() if v.state.at else None, v.state.note, " ".join(v.verdict.claims),
            " | ".join(t.printed for t in v.claims), v.verdict.explanation.en, v.verdict.explanation.local,
            c.formula if c else None, result.low, result.high, result.unit, compared.low, compared.high,
            c.margin if c else None, c.fit if c else None, v.verdict.cause.code if v.verdict.cause else None,
            *_for_people(say, c))])
        if (v.index + 1) % CHUNK == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def csv_text(stored: Stored) -> str:
    return "".join(csv_chunks(stored))


# -- Markdown -------------------------------------------------------------------------------------------------------
_MD = re.compile(r"([\\`*_\[\]#|<>~&])")
_BULLET = re.compile(r"^([-+*])(?= |$)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?= |$)")
_BREAK = re.compile(r"^([-=_*])(?=[-=_* ]*$)")  # a line of only these is a thematic break or a setext underline


def md(text: object, line: bool = False) -> str:
    """Untrusted text as literal Markdown, on one line: the characters that make links, emphasis, code, tables or
    HTML escaped. ``line``: the text starts a line, so what would open a list, a heading, a thematic break or a
    setext underline there is escaped too — only that: '68.5 %' or '-5 %' starting a line stays as printed, for a
    list needs a space after its marker."""
    out = _MD.sub(r"\\\1", " ".join(str(text).split()))
    if line:
        out = _BREAK.sub(r"\\\1", _ORDERED.sub(r"\1\\\2", _BULLET.sub(r"\\\1", out)))
    return out


def _for_people(say: Speaker, c: Computation | None) -> tuple[str, str, str, str]:
    """The computed range, the range compared with, the margin and the fit as the report page writes them."""
    if c is None:
        return "", "", "", ""
    return say.of(c.result), say.of(c.compared_with), say.margin(c), say.percent(c.fit)


def markdown_chunks(stored: Stored) -> Iterator[str]:
    doc = stored.report.document
    s = stored.summary
    lang, words = labels(doc.language)
    say, _ = speaker(page_tag(doc.language)), gettext(lang).gettext
    tally = report_tally(stored)
    lines = [f"# {md(doc.title or s.id)}", ""]
    meta = [("source", doc.source), ("published", doc.published), ("url", doc.url)]
    lines += [f"- {k}: {md(v)}" for k, v in meta if v]
    lines += [f"- language: {md(doc.language)}", f"- checked: {s.created.isoformat()} by {md(s.created_by)}",
              f"- report: `{s.id}`"]
    lines += [f"- verdicts: {tally.verdicts} — " + ", ".join(f"{getattr(tally, st)} {st}" for st in _RATING)
              + f"; {tally.reviewed} reviewed", ""]
    for v in verdict_views(stored, lang, words):
        st = v.state
        head = f"## {v.index + 1}. {st.status}: {md(v.title)} ({md(', '.join(v.verdict.claims))})"
        lines += [head, ""]
        if st.review != "unreviewed":
            lines += [f"**{st.review}** by {md(st.reviewer)} at {st.at.isoformat() if st.at else ''}"
                      + (f" (the engine said {st.engine})" if st.status != st.engine else "")
                      + (f": {md(st.note)}" if st.note else ""), ""]
        # each sentence once, however many of its figures the verdict uses; a quote each (lines of one quote
        # would run together into one paragraph)
        for quoted in dict.fromkeys(c.sentence or c.printed for c in v.claims):
            lines += [f"> {md(quoted, line=True)}", ""]
        e = v.verdict.explanation
        if e.local:
            lines += [md(e.local, line=True), ""]
        lines += [md(e.en, line=True), ""]
        c = v.verdict.computation
        if c:  # the figures as the report page writes them, in the report's language; exact in the CSV and JSON
            result, compared, margin, fit = _for_people(say, c)
            lines += [f"- {_('Formula')}: `{c.formula.replace('`', '')}`"]
            lines += [f"- {md(i.name)}: {md(i.printed)} → {md(say.of(i.range))}" for i in c.inputs]
            lines += [f"- {_('Computed range')}: {md(result)}"]
            if c.compared_with:
                lines.append(f"- {_('Compared with')}: {md(compared)}")
            if c.margin is not None:
                lines.append(f"- {_('Margin')}: {md(margin)}")
            if c.fit is not None:
                lines.append(f"- {_('Fit (share of the rounding allowance used)')}: {md(fit)}")
            lines += [f"- {_('Reading policy')}: {md(c.policy)}"]
        if v.verdict.cause:
            cause = v.verdict.cause.explanation
            lines += [f"- {_('Likely cause')}: {md(said)}" for said in (cause.local, cause.en) if said]
        lines.append("")
        if (v.index + 1) % CHUNK == 0:
            yield "\n".join(lines) + "\n"
            lines = []
    derived = stored.report.derived
    if derived:
        lines += [f"**{_('What the figures imply')}**", ""]
        lines += [f"- {md(d.label.local or d.label.en)}: {md(say.of(d.range))}" for d in derived]
    problems = [*stored.report.problems, *(p for c in stored.report.claims for p in c.problems)]
    if problems:  # what could not be read or paired, in the report's language and in English, as the page says it
        lines += ["", f"**{_('Problems')}**", ""]
        lines += [f"- `{p.code}`" + "".join(f" {md(x)}" for x in (p.claim, p.field) if x) + ": "
                  + " / ".join(md(said) for said in (p.local, p.message) if said) for p in problems]
    yield "\n".join(lines).rstrip() + "\n"


def markdown(stored: Stored) -> str:
    return "".join(markdown_chunks(stored))
