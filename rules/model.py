"""The shapes tadqiq reads and writes.

Requests and responses are these frozen msgspec Structs; unknown fields are rejected. Numbers a reader
must be able to trust travel as strings: a value as printed keeps its digits ("12.30" is not "12.3"),
and an exact bound is written as a decimal ("12.25") or, when it has no finite decimal, as a fraction
("1/3"); both forms parse with ``fractions.Fraction``. Computed ranges are rounded outward, so the
written range always contains the exact one.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from msgspec import Meta, Struct

__all__ = [
    "Amount", "Cause", "CheckRequest", "Claim", "Compare", "Complement", "Computation", "Conversion", "Counts",
    "Derived", "Document", "Event", "ExtractRequest", "Extracted", "Figure", "FoundText", "FiscalYear", "Input", "NormaliseRequest", "NormaliseResponse",
    "NormalisedFigure",
    "PolicyChoice", "Problem", "Quantity", "Range", "Rate", "Reading", "ReadClaim", "ReferenceUsed", "Relation",
    "Report", "Role", "Share", "Text", "TimeReading", "TimeResult", "TimesReport", "TimesRequest", "Verdict",
]

# -- limits: every string and list a request carries is bounded -------------------------------------------------
MAX_CLAIMS = 10_000
MAX_REFERENCES = 1_000
MAX_RELATIONS = 10_000
#: Claims named by all ``sum`` and ``same`` relations together (each may name 100).
MAX_NAMED = 20_000
MAX_RATES = 100
MAX_FIGURES = 1_000

Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$",
                         description="A claim's id, unique within the request.")]
Short = Annotated[str, Meta(max_length=300)]
Long = Annotated[str, Meta(max_length=4000)]
Printed = Annotated[str, Meta(min_length=1, max_length=300,
                              description="The figure as printed, in the document's language.")]
Language = Annotated[str, Meta(min_length=2, max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
                               description="BCP 47 language tag, e.g. `ar`, `ar-EG`, `en-US`.")]
Number = Annotated[str, Meta(max_length=64, pattern=r"^[+-]?[0-9]{1,30}(\.[0-9]{1,30})?$",
                             description="A number with a dot as decimal mark, digits as printed.")]
Currency = Annotated[str, Meta(pattern=r"^[A-Z]{3}$", description="An ISO 4217 currency code: `USD`, `SAR`.")]
Status = Literal["consistent", "doubtful", "inconsistent", "unverifiable"]
Bound = Literal["exact", "approximate", "lower", "upper", "range"]
Period = Literal["hour", "day", "week", "month", "quarter", "year"]
Tense = Literal["past", "present", "future"]
Modality = Literal["asserted", "expected", "planned", "possible"]


class Base(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    pass


# -- the request ------------------------------------------------------------------------------------------------
class FiscalYear(Base, kw_only=True):
    """How the article's fiscal years run, when its figures are in them ('FY2024', '2013-14', 'Q3 of fiscal
    2025'): without it, split years follow the state convention of the document's territory and a fiscal year named
    by one year is not read."""

    start: Annotated[int, Meta(ge=1, le=12, description="The month the fiscal year starts in: 10 for the US "
                                                        "federal year, 4 for Japan's or the UK's.")]
    named_by: Annotated[Literal["start", "end"], Meta(description=(
        "Whether 'FY2024' is the fiscal year that ends in 2024 (`end`: the US federal year, Microsoft's, Apple's) "
        "or the one that starts in 2024 (`start`: Japan's)."))]


class Document(Base, kw_only=True):
    """The article the claims come from."""

    language: Language
    published: dt.date | None = None
    title: Short | None = None
    source: Short | None = None
    url: Short | None = None
    fiscal_year: FiscalYear | None = None

    @property
    def fiscal(self) -> tuple[int, str] | None:
        """The fiscal-year convention as the time reader takes it."""
        return (self.fiscal_year.start, self.fiscal_year.named_by) if self.fiscal_year else None


class Amount(Base, kw_only=True):
    """A value given as structured data instead of printed text."""

    number: Number
    scale: Annotated[int, Meta(ge=-24, le=24, description="Power of ten: 9 for 'billion'.")] = 0
    to: Number | None = None
    unit: Annotated[Short, Meta(description="`%`, `pp`, an ISO 4217 code or a unit name.")] | None = None
    per: Short | None = None
    period: Period | None = None
    bound: Bound = "exact"


Span = Annotated[tuple[int, int], Meta(description=(
    "Where the claim is printed in the request's `text`: [start, end) in Unicode code points of the text as sent."))]


class ClaimBase(Base, tag_field="kind", kw_only=True):
    id: Id
    sentence: Long | None = None
    source: Annotated[Short, Meta(
        description="Who the claim is attributed to; required for references (the trusted source).")] | None = None
    url: Short | None = None
    span: Span | None = None
    extracted: Annotated[bool, Meta(description="True for a claim tadqiq found in the request's `text`.")] = False


class Quantity(ClaimBase, tag="quantity", kw_only=True):
    """A figure: '170 million users', '$12.3 billion a year'."""

    value: Printed | Amount
    subject: Short | None = None
    metric: Short | None = None
    scope: Short | None = None
    time: Annotated[Short, Meta(description="The time the figure refers to, as printed.")] | None = None
    unit: Annotated[Short, Meta(description="What is counted when the value does not say.")] | None = None
    per: Annotated[Short, Meta(description="What each unit of the figure is for: 'user' in '107 minutes a day "
                                           "per user'.")] | None = None


class Share(ClaimBase, tag="share", kw_only=True):
    """A percentage or fraction of a whole: '68 % of global revenue'; or, with ``ratio``, a figure stated in
    percent of another that it is not a part of: 'debt is 140 % of revenue'."""

    value: Printed | Amount
    of: Annotated[Short, Meta(description="The whole it is a share of, e.g. 'global revenue'.")]
    ratio: Annotated[bool | None, Meta(description=(
        "True: a ratio to `of`, not a part of it ('exports equal 35 % of GDP'), so not bounded by 100 %; false: a "
        "part of the whole; absent: read from the wording (`of` and `sentence`, rules/data/ratio.toml)."))] = None
    subject: Short | None = None
    metric: Short | None = None
    scope: Short | None = None
    time: Short | None = None


class Event(ClaimBase, tag="event", kw_only=True):
    """Something that happened or is expected: 'launch by September 2025'."""

    what: Short
    time: Annotated[Short, Meta(description="The time expression as printed: 'بحلول سبتمبر 2025'; absent "
                                            "when the article gives none.")] | None = None
    subject: Short | None = None
    tense: Annotated[Tense | None, Meta(
        description="As the article tells it; when absent, the event is not checked against the publication "
                    "date.")] = None
    modality: Modality = "asserted"


class Role(ClaimBase, tag="role", kw_only=True):
    """A person holding a role: 'former president Biden'."""

    person: Short
    role: Short
    status: Literal["former", "current", "future"] = "current"
    scope: Short | None = None
    term: Annotated[Short, Meta(description="The term as printed: '2021–2025' (references).")] | None = None


Claim = Quantity | Share | Event | Role


class RelationBase(Base, tag_field="kind", kw_only=True):
    pass


class ShareOf(RelationBase, tag="share", kw_only=True):
    share: Id
    part: Id | None = None
    whole: Id | None = None


class SumOf(RelationBase, tag="sum", kw_only=True):
    parts: Annotated[list[Id], Meta(min_length=1, max_length=100)]
    total: Id | None = None
    exhaustive: bool = False


class PerUnit(RelationBase, tag="per", kw_only=True):
    total: Id
    count: Id
    each: Id | None = None


class Change(RelationBase, tag="change", kw_only=True):
    before: Id
    after: Id
    change: Id | None = None


class Same(RelationBase, tag="same", kw_only=True):
    claims: Annotated[list[Id], Meta(min_length=2, max_length=100)]


class Complement(RelationBase, tag="complement", kw_only=True):
    """Parts that together make all of one whole — shares of it, or amounts with the whole given: 'the state pays
    87 %, the passenger the rest, 0.20 of the 1.35 fare'."""

    parts: Annotated[list[Id], Meta(min_length=1, max_length=100)]
    whole: Id | None = None


class Compare(RelationBase, tag="compare", kw_only=True):
    """One figure said to be larger than another — 'more than', 'أكبر من', 'plus que', 'mehr als' — or, with
    ``times``, about that multiple of it: 'twice as many as', 'ضعف'. When the request has none, the engine reads
    comparisons from a sentence that holds both figures (rules/data/compare.toml)."""

    larger: Id
    smaller: Id
    times: Annotated[str, Meta(max_length=64, pattern=r"^[0-9]{1,30}(\.[0-9]{1,30})?$", description=(
        "The multiple the wording gives, as a decimal: '2' for 'twice as many as'; the larger is about this many "
        "times the smaller (within the policy's 'about'). Absent: only larger than."))] | None = None


class Order(RelationBase, tag="order", kw_only=True):
    first: Id
    then: Id
    gap: Short | None = None


class Age(RelationBase, tag="age", kw_only=True):
    start: Id
    age: Id


Relation = ShareOf | SumOf | PerUnit | Change | Same | Order | Age | Complement | Compare


class Rate(Base, kw_only=True):
    """An exchange rate the client vouches for: one `base` buys `rate` of `quote`, on `date` (or on any date when
    it has none). It is used before the ECB's reference rates and the fixed pegs tadqiq knows."""

    base: Currency
    quote: Currency
    rate: Annotated[str, Meta(max_length=64, pattern=r"^[0-9]{1,30}(\.[0-9]{1,30})?$",
                              description="How many `quote` one `base` buys, as a decimal; a zero rate is ignored.")]
    date: dt.date | None = None
    source: Short | None = None


class PolicyChoice(Base, kw_only=True):
    """A newsroom's own settings for one request, instead of the server's."""

    doubtful: Annotated[str, Meta(pattern=r"^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$", description=(
        "The fit above which figures that meet are `doubtful` (0–1; the server's default is 0.8). Lower shows more "
        "doubts."))] | None = None


#: Article text read by ``POST /v1/extract`` and ``POST /v1/checks`` (``rules.extract.MAX_TEXT``).
MAX_TEXT = 200_000
ArticleText = Annotated[str, Meta(max_length=MAX_TEXT, description=(
    "The article's text (up to 200 000 characters) in the document's language (ar, de, en, es, fr): its figures, "
    "times, events and roles are found and checked as extracted claims (`extracted: true`, each with its `span`). "
    "HTML markup, control characters and bidi controls are read as spaces, so spans index the text as sent."))]


class CheckRequest(Base, kw_only=True):
    document: Document
    claims: Annotated[list[Claim], Meta(max_length=MAX_CLAIMS)] = []
    text: ArticleText | None = None
    relations: Annotated[list[Relation], Meta(max_length=MAX_RELATIONS)] = []
    references: Annotated[list[Claim], Meta(max_length=MAX_REFERENCES)] = []
    rates: Annotated[list[Rate], Meta(max_length=MAX_RATES)] = []
    use_library: Annotated[bool, Meta(description=(
        "Consult the newsroom's reference library (`/v1/references`): references in it that meet these claims "
        "are added and listed under `references_used`. false: only the references sent here."))] = True
    policy: PolicyChoice | None = None

    def __post_init__(self) -> None:
        named = sum(len(r.parts) if isinstance(r, SumOf) else len(r.claims) if isinstance(r, Same) else 0
                    for r in self.relations)
        if named > MAX_NAMED:
            raise ValueError(f"the sum and same relations name {named} claims in all; at most {MAX_NAMED}")


# -- the answer -------------------------------------------------------------------------------------------------
class Text(Base, kw_only=True):
    """A sentence in English and, when the document is not in English, in its language."""

    en: str
    local: str | None = None
    language: str | None = None


class Range(Base, kw_only=True):
    """A closed range; a missing end is unbounded. Exact values or outward-rounded decimals."""

    low: str | None = None
    high: str | None = None
    unit: str | None = None


class Reading(Base, kw_only=True):
    """How a printed figure was read: the exact range it stands for and what it measures."""

    text: str
    low: str | None
    high: str | None
    bound: Bound
    precision: str | None = None
    unit: str | None = None
    currency: str | None = None
    per: str | None = None
    period: Period | None = None
    span: tuple[int, int] | None = None
    policy: str
    assumptions: list[str] = []
    value: Annotated[str, Meta(description="The amount as printed, scaled: '12300000000' for '12.3 مليار'; absent "
                                           "when the words give only a range.")] | None = None


class TimeReading(Base, kw_only=True):
    """How a printed time was read: the half-open interval [start, end) it names."""

    text: str
    start: dt.date | None
    end: Annotated[dt.date | None, Meta(description="Exclusive; null for an open interval ('2025-01-20/').")]
    grain: Literal["day", "week", "month", "quarter", "half", "year", "decade"] | None = None
    modifier: Annotated[
        Literal["on", "by", "before", "after", "since", "approximately", "start", "mid", "end"] | None,
        Meta(description="by = on or before the end; since = on or after the start; start / mid / end = early / "
                         "mid / late, already applied to [start, end).")] = None
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    anchor: Annotated[dt.date | None, Meta(
        description="The publication date a relative expression ('last year') was read from.")] = None


class Problem(Base, kw_only=True):
    """Something that could not be read; the claim still appears, its verdicts say 'unverifiable'."""

    code: str
    message: str
    claim: str | None = None
    field: str | None = None


class ReadClaim(Base, kw_only=True):
    id: str
    kind: str
    reference: bool = False
    extracted: bool = False
    span: Span | None = None
    value: Reading | None = None
    time: TimeReading | None = None
    problems: list[Problem] = []


class Input(Base, kw_only=True):
    name: str
    claim: str | None
    printed: str
    range: Range
    source: Annotated[str, Meta(description="The trusted source, when the input is a reference figure.")] | None = None


class Computation(Base, kw_only=True):
    formula: str
    inputs: list[Input]
    result: Range
    compared_with: Range | None = None
    policy: str
    margin: Annotated[str, Meta(
        description="Distance between result and compared range, in the result's unit; '0' when they meet.")] | None = None
    margin_relative: str | None = None
    fit: Annotated[str, Meta(description=(
        "How much of the reading allowance the figures need to meet (arithmetic checks whose figures meet): 0 = as "
        "printed, or with one figure of two or more digits anywhere within its rounding; 1 = every figure at the "
        "far end of its allowance. Above the policy's threshold the verdict is `doubtful`."))] | None = None


class Cause(Base, kw_only=True):
    code: Annotated[str, Meta(description="The slip: `scale_1000`, `period_12`, `percent_100`, `decimal_comma`, "
                                          "`points_for_percent`, `other_total`, …; `several` when more than one "
                                          "reconciles the figures equally and none is named.")]
    explanation: Text
    factor: str | None = None
    candidates: Annotated[list[str], Meta(description="With `several`: the slips that each fit.")] = []
    claims: Annotated[list[str], Meta(description="Other claims the slip points to (the other total).")] = []


class Derived(Base, kw_only=True):
    name: str
    label: Text
    range: Range
    formula: str
    claims: list[str]


class Verdict(Base, kw_only=True):
    rule: str
    claims: list[str]
    status: Status
    explanation: Text
    computation: Computation | None = None
    cause: Cause | None = None
    derived: list[Derived] = []


class Counts(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Claims, problems, and verdicts by status (every count written, zeros too; reports stored before the
    ``doubtful`` status read it as 0)."""

    claims: int
    problems: int
    verdicts: int
    consistent: int
    inconsistent: int
    unverifiable: int
    doubtful: int = 0


class ReferenceUsed(Base, kw_only=True):
    """A reference from the newsroom's library that a verdict of this report used: the claim as it was added
    (labelled as the article writes them), which library entry and version it came from, and when it was checked."""

    id: Annotated[str, Meta(description="The claim id the verdicts name: `lib:` and the library id.")]
    reference: Annotated[str, Meta(description="The library entry: `/v1/references/{reference}`.")]
    version: int
    claim: Claim
    checked: Annotated[dt.date | None, Meta(description="The last day the entry was checked against its source.")] = None


class Report(Base, kw_only=True):
    document: Document
    claims: list[ReadClaim]
    verdicts: list[Verdict]
    derived: list[Derived]
    counts: Counts
    policy: str
    problems: list[Problem] = []
    references_used: Annotated[list[ReferenceUsed], Meta(
        description="References from the newsroom's library that verdicts used (none with `use_library: false`)."
    )] = []
    text: Annotated[str | None, Meta(description="The article text the request sent; claims' spans index it.")] = None
    relations: Annotated[list[Relation], Meta(description=(
        "The relations extraction proposed from the text's cue words (those the request sent are its own)."))] = []


# -- reading times on their own (POST /v1/normalise/times) -------------------------------------------------------
MAX_TIMES = 1_000


TimeText = Annotated[str, Meta(min_length=1, max_length=300,
                               description="A time expression as printed: 'بحلول سبتمبر 2025', 'Q3 2025'.")]


class TimesRequest(Base, kw_only=True):
    """Time expressions to read on their own, as printed; relative ones ('last year') need ``published``."""

    language: Language
    published: Annotated[dt.date | None, Meta(
        description="The document's publication date: relative expressions are read from it, never from the "
                    "clock.")] = None
    times: Annotated[list[TimeText], Meta(min_length=1, max_length=MAX_TIMES)]
    fiscal_year: FiscalYear | None = None


class TimeResult(Base, kw_only=True):
    """One expression: the interval it was read as, or the problem that kept it from being read."""

    text: str
    time: TimeReading | None = None
    problem: Problem | None = None


class TimesReport(Base, kw_only=True):
    language: str
    published: dt.date | None = None
    times: list[TimeResult]


# -- POST /v1/normalise: printed figures in, readings out -------------------------------------------------------
class Figure(Base, kw_only=True):
    """A printed figure with what the article says it counts, when the figure itself does not say."""

    text: Printed
    unit: Short | None = None
    per: Short | None = None


class NormaliseRequest(Base, kw_only=True):
    """Figures as printed in one document, to be read."""

    language: Language
    published: Annotated[dt.date | None, Meta(
        description="The document's publication date: the day of the exchange rates for `currencies`.")] = None
    figures: Annotated[list[Printed | Figure], Meta(max_length=MAX_FIGURES)]
    currencies: Annotated[list[Currency], Meta(max_length=8, description=(
        "Also give every amount of money in these currencies, at the rates of the publication date."))] = []
    rates: Annotated[list[Rate], Meta(max_length=MAX_RATES)] = []


class Conversion(Base, kw_only=True):
    """An amount of money in another currency, or why there is no rate for it."""

    currency: str
    range: Range | None = None
    source: str | None = None
    reason: str | None = None


class NormalisedFigure(Base, kw_only=True):
    """One figure as read (``reading``), or the reason it could not be (``problem``)."""

    index: int
    text: str
    reading: Reading | None = None
    problem: Problem | None = None
    conversions: list[Conversion] = []


class NormaliseResponse(Base, kw_only=True):
    language: str
    policy: str
    figures: list[NormalisedFigure]


# -- POST /v1/extract: article text in, claims out ---------------------------------------------------------------
class ExtractRequest(Base, kw_only=True):
    """An article's text to find claims in, without checking them."""

    document: Document
    text: Annotated[str, Meta(min_length=1, max_length=MAX_TEXT, description=(
        "The article's text (up to 200 000 characters) in the document's language: ar, de, en, es or fr. HTML "
        "markup, control characters and bidi controls are read as spaces, so spans index the text as sent."))]


class FoundText(Base, kw_only=True):
    """A figure or a time found in the text, where it is printed, and the claim it became (figures)."""

    kind: Literal["figure", "time"]
    text: str
    span: Span
    sentence: int
    claim: str | None = None
    time: TimeReading | None = None


class Extracted(Base, kw_only=True):
    """What the text gives: claims ready for ``POST /v1/checks``, the relations the wording proposes, every figure
    and time found with its span, the sentences' spans, and what could not be read."""

    document: Document
    claims: list[Claim]
    relations: list[Relation]
    found: list[FoundText]
    sentences: list[Span]
    problems: list[Problem] = []
