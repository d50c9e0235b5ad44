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
Language = Annotated[str, Meta(min_length=2, max_length=35, pattern=r"^(ar|en|fr|es|de)(-[A-Za-z0-9]{1,8})*$",
                               description="A BCP 47 language tag of a language tadqiq reads: `ar`, `en`, `fr`, `es` "
                                           "or `de`, a region may follow: `ar-EG`, `en-US`.")]
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
    published: Annotated[dt.date | None, Meta(description=(
        "The publication date: relative times ('last year') are read from it, never from the clock."))] = None
    title: Annotated[Short | None, Meta(description="The article's headline.")] = None
    source: Annotated[Short | None, Meta(description="The publication: 'أخبارنا', 'Reuters'.")] = None
    url: Annotated[Short | None, Meta(description="Where the article is published.")] = None
    fiscal_year: Annotated[FiscalYear | None, Meta(description=(
        "How the article's fiscal years run, when its figures are in them."))] = None

    @property
    def fiscal(self) -> tuple[int, str] | None:
        """The fiscal-year convention as the time reader takes it."""
        return (self.fiscal_year.start, self.fiscal_year.named_by) if self.fiscal_year else None


class Amount(Base, kw_only=True):
    """A value given as structured data instead of printed text."""

    number: Number
    scale: Annotated[int, Meta(ge=-24, le=24, description="Power of ten: 9 for 'billion'.")] = 0
    to: Annotated[Number | None, Meta(description=(
        "The upper end when the value is a range (`number` to `to`), in the same scale."))] = None
    unit: Annotated[Short | None, Meta(description="`%`, `pp`, an ISO 4217 code or a unit name.")] = None
    per: Annotated[Short | None, Meta(description="What each unit is for: 'user' in '$72 per user'.")] = None
    period: Annotated[Period | None, Meta(description=(
        "The time each amount covers: 'year' in '$12.3 billion a year'."))] = None
    bound: Annotated[Bound, Meta(description=(
        "`exact` as given; `approximate` ('about'); `lower` ('more than'); `upper` ('up to'); `range` (`number` to "
        "`to`)."))] = "exact"


Span = Annotated[tuple[int, int], Meta(description=(
    "Where the claim is printed in the request's `text`: [start, end) in Unicode code points of the text as sent."))]


class ClaimBase(Base, tag_field="kind", kw_only=True):
    id: Id
    sentence: Annotated[Long | None, Meta(description=(
        "The sentence the claim comes from, as printed: it helps pairing and is quoted in exports."))] = None
    source: Annotated[Short | None, Meta(description=(
        "Who the claim is attributed to; required for references (the trusted source)."))] = None
    url: Annotated[Short | None, Meta(description="Where the claim or its source is published.")] = None
    span: Annotated[Span | None, Meta(description=(
        "Where the claim is printed in the request's `text`: [start, end) in code points of the text as sent."))] = None
    extracted: Annotated[bool, Meta(description="True for a claim tadqiq found in the request's `text`.")] = False


class Quantity(ClaimBase, tag="quantity", kw_only=True):
    """A figure: '170 million users', '$12.3 billion a year'."""

    value: Annotated[Printed | Amount, Meta(description=(
        "The value as printed ('ما يقارب 12.3 مليار دولار'), or as a structured amount."))]
    subject: Annotated[Short | None, Meta(description="Who or what the figure is about: 'TikTok'.")] = None
    metric: Annotated[Short | None, Meta(description="What is measured: 'revenue', 'users'.")] = None
    scope: Annotated[Short | None, Meta(description="Where or among whom: 'US', 'global'.")] = None
    time: Annotated[Short | None, Meta(description="The time the figure refers to, as printed.")] = None
    unit: Annotated[Short | None, Meta(description="What is counted when the value does not say.")] = None
    per: Annotated[Short | None, Meta(description=(
        "What each unit of the figure is for: 'user' in '107 minutes a day per user'."))] = None


class Share(ClaimBase, tag="share", kw_only=True):
    """A percentage or fraction of a whole: '68 % of global revenue'; or, with ``ratio``, a figure stated in
    percent of another that it is not a part of: 'debt is 140 % of revenue'."""

    value: Annotated[Printed | Amount, Meta(description=(
        "The share as printed ('68%', '٦٨٪'), or as a structured amount."))]
    of: Annotated[Short, Meta(description="The whole it is a share of, e.g. 'global revenue'.")]
    ratio: Annotated[bool | None, Meta(description=(
        "True: a ratio to `of`, not a part of it ('exports equal 35 % of GDP'), so not bounded by 100 %; false: a "
        "part of the whole; absent: read from the wording (`of` and `sentence`, rules/data/ratio.toml)."))] = None
    subject: Annotated[Short | None, Meta(description="Who or what the share is about.")] = None
    metric: Annotated[Short | None, Meta(description="What is measured.")] = None
    scope: Annotated[Short | None, Meta(description="Where or among whom.")] = None
    time: Annotated[Short | None, Meta(description="The time the share refers to, as printed.")] = None


class Event(ClaimBase, tag="event", kw_only=True):
    """Something that happened or is expected: 'launch by September 2025'."""

    what: Annotated[Short, Meta(description="What happened or is expected, as the article says it.")]
    time: Annotated[Short | None, Meta(description=(
        "The time expression as printed: 'بحلول سبتمبر 2025'; absent when the article gives none."))] = None
    subject: Annotated[Short | None, Meta(description="Who or what the event is about.")] = None
    tense: Annotated[Tense | None, Meta(
        description="As the article tells it; when absent, the event is not checked against the publication "
                    "date.")] = None
    modality: Annotated[Modality, Meta(description=(
        "`asserted` (it happened or happens), `expected`, `planned` or `possible`."))] = "asserted"


class Role(ClaimBase, tag="role", kw_only=True):
    """A person holding a role: 'former president Biden'."""

    person: Annotated[Short, Meta(description="The person: 'Biden'.")]
    role: Annotated[Short, Meta(description="The role: 'president'.")]
    status: Annotated[Literal["former", "current", "future"], Meta(description=(
        "`former`, `current` or `future`, as the article says."))] = "current"
    scope: Annotated[Short | None, Meta(description="Where the role is held: 'US'.")] = None
    term: Annotated[Short | None, Meta(description="The term as printed: '2021–2025' (references).")] = None


Claim = Quantity | Share | Event | Role


class RelationBase(Base, tag_field="kind", kw_only=True):
    pass


class ShareOf(RelationBase, tag="share", kw_only=True):
    """A share of a whole: the share, the part it is said to be, and the whole."""

    share: Id
    part: Annotated[Id | None, Meta(description="The claim giving the part as an amount, when stated.")] = None
    whole: Annotated[Id | None, Meta(description="The claim giving the whole, when stated.")] = None


class SumOf(RelationBase, tag="sum", kw_only=True):
    """Parts that add up to a total."""

    parts: Annotated[list[Id], Meta(min_length=1, max_length=100, description="The claims that are the parts.")]
    total: Annotated[Id | None, Meta(description="The claim giving the total, when stated.")] = None
    exhaustive: Annotated[bool, Meta(description="True when the parts are all of the total, not some of it.")] = False


class PerUnit(RelationBase, tag="per", kw_only=True):
    """A total divided among a count: revenue per user, views per user."""

    total: Id
    count: Id
    each: Annotated[Id | None, Meta(description=(
        "The claim giving the amount per unit, when the article states it."))] = None


class Change(RelationBase, tag="change", kw_only=True):
    """A change between two figures: `before`, `after`, and the figure said to be the change between them."""

    before: Id
    after: Id
    change: Annotated[Id | None, Meta(description=(
        "The claim that states the change ('rose by 12 %'), when there is one."))] = None


class Same(RelationBase, tag="same", kw_only=True):
    """Claims that state one figure (repeated, or rounded differently); they should agree."""

    claims: Annotated[list[Id], Meta(min_length=2, max_length=100, description=(
        "The claims that state the same figure."))]


class Complement(RelationBase, tag="complement", kw_only=True):
    """Parts that together make all of one whole — shares of it, or amounts with the whole given: 'the state pays
    87 %, the passenger the rest, 0.20 of the 1.35 fare'."""

    parts: Annotated[list[Id], Meta(min_length=1, max_length=100, description=(
        "The claims that together make up the whole."))]
    whole: Annotated[Id | None, Meta(description="The claim giving the whole, when the parts are amounts.")] = None


class Compare(RelationBase, tag="compare", kw_only=True):
    """One figure said to be larger than another — 'more than', 'أكبر من', 'plus que', 'mehr als' — or, with
    ``times``, about that multiple of it: 'twice as many as', 'ضعف'. When the request has none, the engine reads
    comparisons from a sentence that holds both figures (rules/data/compare.toml)."""

    larger: Id
    smaller: Id
    times: Annotated[Annotated[str, Meta(max_length=64, pattern=r"^[0-9]{1,30}(\.[0-9]{1,30})?$")] | None, Meta(
        description="The multiple the wording gives, as a decimal: '2' for 'twice as many as'; the larger is about "
                    "this many times the smaller (within the policy's 'about'). Absent: only larger than.")] = None


class Order(RelationBase, tag="order", kw_only=True):
    """Two events in the order the article gives them: `first`, `then`, and the gap between them when it says."""

    first: Id
    then: Id
    gap: Annotated[Short | None, Meta(description="The time between them as printed: 'three years later'.")] = None


class Age(RelationBase, tag="age", kw_only=True):
    """An age that follows from two claims: a person's birth (`start`) and the age the article gives (`age`)."""

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
    date: Annotated[dt.date | None, Meta(description="The day the rate is for; absent: any day.")] = None
    source: Annotated[Short | None, Meta(description="Where the rate is published.")] = None


class PolicyChoice(Base, kw_only=True):
    """A newsroom's own settings for one request, instead of the server's."""

    doubtful: Annotated[Annotated[str, Meta(pattern=r"^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$")] | None, Meta(
        description="The fit above which figures that meet are `doubtful` (0–1; the server's default is 0.8). Lower "
                    "shows more doubts.")] = None


#: Article text read by ``POST /v1/extract`` and ``POST /v1/checks`` (``rules.extract.MAX_TEXT``).
MAX_TEXT = 200_000
ArticleText = Annotated[str, Meta(max_length=MAX_TEXT, description=(
    "The article's text (up to 200 000 characters) in the document's language (ar, de, en, es, fr): its figures, "
    "times, events and roles are found and checked as extracted claims (`extracted: true`, each with its `span`). "
    "HTML markup, control characters and bidi controls are read as spaces, so spans index the text as sent. A text "
    "with more than 5 000 figures, or more than 40 000 words that may be dates to try, is not read: a "
    "`too_many_figures` or `too_many_time_words` problem (`POST /v1/extract`: a 422)."))]


class CheckRequest(Base, kw_only=True):
    """An article's claims to check: the document, its claims or its text, how they relate when the client knows,
    and the trusted figures to check them against."""

    document: Annotated[Document, Meta(description="The article the claims come from.")]
    claims: Annotated[list[Claim], Meta(max_length=MAX_CLAIMS, description=(
        "The claims extracted from the article, as printed (at most 10 000); may be empty when `text` is sent."))] = []
    text: Annotated[ArticleText | None, Meta(description=(
        "The article's text (up to 200 000 characters): its figures, times, events and roles are found and checked "
        "as extracted claims (`extracted: true`, each with its `span`)."))] = None
    relations: Annotated[list[Relation], Meta(max_length=MAX_RELATIONS, description=(
        "Which claims belong together, when the client knows; otherwise the engine pairs them by their labels."))] = []
    references: Annotated[list[Claim], Meta(max_length=MAX_REFERENCES, description=(
        "Trusted figures to check the claims against (each with its `source`), besides the newsroom's library."))] = []
    rates: Annotated[list[Rate], Meta(max_length=MAX_RATES, description=(
        "Exchange rates the client vouches for, used before the ECB's reference rates."))] = []
    use_library: Annotated[bool, Meta(description=(
        "Consult the newsroom's reference library (`/v1/references`): references in it that meet these claims "
        "are added and listed under `references_used`. false: only the references sent here."))] = True
    policy: Annotated[PolicyChoice | None, Meta(description=(
        "The newsroom's own settings for this request, instead of the server's."))] = None

    def __post_init__(self) -> None:
        named = sum(len(r.parts) if isinstance(r, SumOf) else len(r.claims) if isinstance(r, Same) else 0
                    for r in self.relations)
        if named > MAX_NAMED:
            raise ValueError(f"the sum and same relations name {named} claims in all; at most {MAX_NAMED}")


# -- the answer -------------------------------------------------------------------------------------------------
class Text(Base, kw_only=True):
    """A sentence in English and, when the document is not in English, in its language."""

    en: Annotated[str, Meta(description="In English.")]
    local: Annotated[str | None, Meta(description="In the document's language, when it is not English.")] = None
    language: Annotated[str | None, Meta(description="The language of `local`.")] = None


class Range(Base, kw_only=True):
    """A closed range; a missing end is unbounded. Exact values or outward-rounded decimals."""

    low: Annotated[str | None, Meta(description=(
        "The low end, exact (a decimal, or a fraction like '1/3'); null when unbounded below."))] = None
    high: Annotated[str | None, Meta(description="The high end, exact; null when unbounded above.")] = None
    unit: Annotated[str | None, Meta(description="The unit of both ends: `USD`, `percent`, `minute/day`, …")] = None


class Reading(Base, kw_only=True):
    """How a printed figure was read: the exact range it stands for and what it measures."""

    text: Annotated[str, Meta(description="The figure as printed.")]
    low: Annotated[str | None, Meta(description="The low end of the exact range it stands for; null when unbounded.")]
    high: Annotated[str | None, Meta(description="The high end; null when unbounded.")]
    bound: Annotated[Bound, Meta(description=(
        "`exact`, `approximate`, `lower`, `upper` or `range`, as the wording says."))]
    precision: Annotated[str | None, Meta(description=(
        "The half-width the printed digits allow, in the value's scale: '0.05' for 12.3."))] = None
    unit: Annotated[str | None, Meta(description=(
        "What is counted, when not money: `percent`, `minute`, `user`, …"))] = None
    currency: Annotated[str | None, Meta(description="The currency (ISO 4217), when money.")] = None
    per: Annotated[str | None, Meta(description="What each unit is for: 'user'.")] = None
    period: Annotated[Period | None, Meta(description="The time each amount covers: `year` in 'a year'.")] = None
    span: Annotated[tuple[int, int] | None, Meta(description=(
        "Where the figure is in the printed text: start and end character offsets."))] = None
    policy: Annotated[str, Meta(description=(
        "The reading policy and notes that turned the printed precision and hedges into the range."))]
    assumptions: Annotated[list[str], Meta(description=(
        "What the reading had to assume (a scale word's meaning, a currency's symbol)."))] = []
    value: Annotated[str | None, Meta(description="The amount as printed, scaled: '12300000000' for '12.3 مليار'; "
                                                  "absent when the words give only a range.")] = None


class TimeReading(Base, kw_only=True):
    """How a printed time was read: the half-open interval [start, end) it names."""

    text: Annotated[str, Meta(description="The expression as printed.")]
    start: Annotated[dt.date | None, Meta(description="The first day of the interval; null when open.")]
    end: Annotated[dt.date | None, Meta(description="Exclusive; null for an open interval ('2025-01-20/').")]
    grain: Annotated[Literal["day", "week", "month", "quarter", "half", "year", "decade"] | None, Meta(description=(
        "The unit the expression names: `day`, `month`, `year`, …"))] = None
    modifier: Annotated[
        Literal["on", "by", "before", "after", "since", "approximately", "start", "mid", "end"] | None,
        Meta(description="by = on or before the end; since = on or after the start; start / mid / end = early / "
                         "mid / late, already applied to [start, end).")] = None
    calendar: Annotated[Literal["gregorian", "hijri"], Meta(description=(
        "The calendar it was printed in: `gregorian` or `hijri`."))] = "gregorian"
    anchor: Annotated[dt.date | None, Meta(
        description="The publication date a relative expression ('last year') was read from.")] = None


class Problem(Base, kw_only=True):
    """Something that could not be read; the claim still appears, its verdicts say 'unverifiable'."""

    code: Annotated[str, Meta(description=(
        "A stable code for what stopped the reading: `unreadable`, `needs_publication_date`, …"))]
    message: Annotated[str, Meta(description="What could not be read and why, in English.")]
    claim: Annotated[str | None, Meta(description="The id of the claim it concerns.")] = None
    field: Annotated[str | None, Meta(description="The field of the claim it concerns: `value`, `time`.")] = None
    local: Annotated[str | None, Meta(description=(
        "The message in the article's language, when it is not English (absent when its catalogue has no "
        "translation)."))] = None


class ReadClaim(Base, kw_only=True):
    """A claim as read: its value and time as exact ranges, or the problems that stopped them."""

    id: Annotated[str, Meta(description="The claim's id.")]
    kind: Annotated[str, Meta(description="The claim's kind: `quantity`, `share`, `event` or `role`.")]
    reference: Annotated[bool, Meta(description=(
        "True for a reference (a trusted figure), not a claim of the article."))] = False
    extracted: Annotated[bool, Meta(description="True for a claim tadqiq found in the request's `text`.")] = False
    span: Annotated[Span | None, Meta(description="Where it is printed in the request's `text`, if it was found there.")] = None
    value: Annotated[Reading | None, Meta(description="How its value was read.")] = None
    time: Annotated[TimeReading | None, Meta(description="How its time was read.")] = None
    problems: Annotated[list[Problem], Meta(description="What could not be read.")] = []


class Input(Base, kw_only=True):
    """One figure that went into a computation."""

    name: Annotated[str, Meta(description="Its name in the formula.")]
    claim: Annotated[str | None, Meta(description=(
        "The id of the claim it comes from; null for a constant (100 %, the minutes in a day)."))]
    printed: Annotated[str, Meta(description="The figure as printed.")]
    range: Annotated[Range, Meta(description="The exact range it stands for.")]
    source: Annotated[str | None, Meta(description="The trusted source, when the input is a reference figure.")] = None


class Computation(Base, kw_only=True):
    """The arithmetic behind a verdict: the formula, each input's range, the result, what it was compared with and
    the margin."""

    formula: Annotated[str, Meta(description="The formula, with the inputs' names: 'revenue / share'.")]
    inputs: Annotated[list[Input], Meta(description=(
        "Each figure that went in, as printed and as the exact range it stands for."))]
    result: Annotated[Range, Meta(description="The range the formula gives from the inputs' ranges.")]
    compared_with: Annotated[Range | None, Meta(description=(
        "The range the result was checked against (a printed figure, a bound, a reference), when there is "
        "one."))] = None
    policy: Annotated[str, Meta(description=(
        "The reading policy that turned printed precision and hedges into ranges, as shown in the explanation."))]
    margin: Annotated[str | None, Meta(description=(
        "Distance between result and compared range, in the result's unit; '0' when they meet."))] = None
    margin_relative: Annotated[str | None, Meta(description=(
        "The margin as a fraction of the compared range's nearer end."))] = None
    fit: Annotated[str | None, Meta(description=(
        "How much of the reading allowance the figures need to meet (arithmetic checks whose figures meet): 0 = as "
        "printed, or with one figure of two or more digits anywhere within its rounding; 1 = every figure at the "
        "far end of its allowance. Above the policy's threshold the verdict is `doubtful`."))] = None


class Cause(Base, kw_only=True):
    """The likely slip when figures do not fit: a monthly figure called annual, million for billion, percent for
    points, another total."""

    code: Annotated[str, Meta(description="The slip: `scale_1000`, `period_12`, `percent_100`, `decimal_comma`, "
                                          "`points_for_percent`, `other_total`, …; `several` when more than one "
                                          "reconciles the figures equally and none is named.")]
    explanation: Annotated[Text, Meta(description="The slip in words, in English and the article's language.")]
    factor: Annotated[str | None, Meta(description=(
        "The factor the slip puts between the figures, as an exact decimal or fraction: '1000' for million called "
        "billion."))] = None
    candidates: Annotated[list[str], Meta(description="With `several`: the slips that each fit.")] = []
    claims: Annotated[list[str], Meta(description="Other claims the slip points to (the other total).")] = []


class Derived(Base, kw_only=True):
    """A figure the claims imply but do not state: '$72 per user a year' from revenue and users."""

    name: Annotated[str, Meta(description="A stable name for what is derived: `implied_total`, `per_unit`, …")]
    label: Annotated[Text, Meta(description="What the figure is, in English and the article's language.")]
    range: Annotated[Range, Meta(description="The exact range it takes, from the ranges of the claims it comes from.")]
    formula: Annotated[str, Meta(description="How it is computed, with the claims' names.")]
    claims: Annotated[list[str], Meta(description="The ids of the claims it comes from.")]


class Verdict(Base, kw_only=True):
    """Whether some claims fit together, why, and the arithmetic that shows it."""

    rule: Annotated[str, Meta(description="The rule that gave it (`GET /v1/rules`).")]
    claims: Annotated[list[str], Meta(description="The ids of the claims it is about.")]
    status: Annotated[Status, Meta(description="`consistent`, `doubtful`, `inconsistent` or `unverifiable`.")]
    explanation: Annotated[Text, Meta(description=(
        "Why, in English and the article's language, with the reading policy."))]
    computation: Annotated[Computation | None, Meta(description="The arithmetic, for rules that compute.")] = None
    cause: Annotated[Cause | None, Meta(description="The likely slip, when figures do not fit.")] = None
    derived: Annotated[list[Derived], Meta(description="Figures the check implies.")] = []


class Counts(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Claims, problems, and verdicts by status (every count written, zeros too; reports stored before the
    ``doubtful`` status read it as 0)."""

    claims: Annotated[int, Meta(description="Claims read.")]
    problems: Annotated[int, Meta(description="Problems met while reading.")]
    verdicts: Annotated[int, Meta(description="Verdicts given.")]
    consistent: Annotated[int, Meta(description="Verdicts whose figures fit.")]
    inconsistent: Annotated[int, Meta(description="Verdicts whose figures do not fit.")]
    unverifiable: Annotated[int, Meta(description="Verdicts that could not be checked (the explanation says why).")]
    doubtful: Annotated[int, Meta(description="Verdicts whose figures fit only at the edge of their rounding.")] = 0


class ReferenceUsed(Base, kw_only=True):
    """A reference from the newsroom's library that a verdict of this report used: the claim as it was added
    (labelled as the article writes them), which library entry and version it came from, and when it was checked."""

    id: Annotated[str, Meta(description="The claim id the verdicts name: `lib:` and the library id.")]
    reference: Annotated[str, Meta(description="The library entry: `/v1/references/{reference}`.")]
    version: Annotated[int, Meta(description="The version of the library entry used.")]
    claim: Annotated[Claim, Meta(description="The reference as it was used.")]
    checked: Annotated[dt.date | None, Meta(description="The last day the entry was checked against its source.")] = None


class Report(Base, kw_only=True):
    """What the engine made of an article: every claim as read, the verdicts, the derived figures and the problems."""

    document: Annotated[Document, Meta(description="The article, as sent.")]
    claims: Annotated[list[ReadClaim], Meta(description="Every claim as read, references too.")]
    verdicts: Annotated[list[Verdict], Meta(description="The verdicts, each with its explanation and arithmetic.")]
    derived: Annotated[list[Derived], Meta(description="Figures the claims imply.")]
    counts: Annotated[Counts, Meta(description="Claims, problems and verdicts by status.")]
    policy: Annotated[str, Meta(description="The reading policy, as shown in every explanation.")]
    problems: Annotated[list[Problem], Meta(description=(
        "What could not be read or paired (a duplicate id, a relation naming a missing claim)."))] = []
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
    times: Annotated[list[TimeText], Meta(min_length=1, max_length=MAX_TIMES, description=(
        "The expressions as printed (at most 1 000)."))]
    fiscal_year: Annotated[FiscalYear | None, Meta(description="How the document's fiscal years run.")] = None


class TimeResult(Base, kw_only=True):
    """One expression: the interval it was read as, or the problem that kept it from being read."""

    text: Annotated[str, Meta(description="The expression as printed.")]
    time: Annotated[TimeReading | None, Meta(description="How it was read, when it could be.")] = None
    problem: Annotated[Problem | None, Meta(description="Why it could not be read, when it could not.")] = None


class TimesReport(Base, kw_only=True):
    """Every time expression as read, in the order sent."""

    language: Annotated[str, Meta(description="The document's language as sent.")]
    published: Annotated[dt.date | None, Meta(description=(
        "The publication date the relative expressions were read from."))] = None
    times: Annotated[list[TimeResult], Meta(description="Each expression's interval, or its problem.")]


# -- POST /v1/normalise: printed figures in, readings out -------------------------------------------------------
class Figure(Base, kw_only=True):
    """A printed figure with what the article says it counts, when the figure itself does not say."""

    text: Printed
    unit: Annotated[Short | None, Meta(description="What the figure counts when it does not say: 'users'.")] = None
    per: Annotated[Short | None, Meta(description="What each unit is for: 'user'.")] = None


class NormaliseRequest(Base, kw_only=True):
    """Figures as printed in one document, to be read."""

    language: Language
    published: Annotated[dt.date | None, Meta(
        description="The document's publication date: the day of the exchange rates for `currencies`.")] = None
    figures: Annotated[list[Printed | Figure], Meta(max_length=MAX_FIGURES, description=(
        "The figures as printed, each a string or a figure with its unit (at most 1 000)."))]
    currencies: Annotated[list[Currency], Meta(max_length=8, description=(
        "Also give every amount of money in these currencies, at the rates of the publication date."))] = []
    rates: Annotated[list[Rate], Meta(max_length=MAX_RATES, description=(
        "Exchange rates the client vouches for, used before the ECB's reference rates."))] = []


class Conversion(Base, kw_only=True):
    """An amount of money in another currency, or why there is no rate for it."""

    currency: Annotated[str, Meta(description="The currency converted to (ISO 4217).")]
    range: Annotated[Range | None, Meta(description="The amount in that currency, as an exact range.")] = None
    source: Annotated[str | None, Meta(description=(
        "Where the rate came from: the request's `rates`, the ECB's reference rate of a day, or a fixed peg."))] = None
    reason: Annotated[str | None, Meta(description=(
        "Why there is no conversion (no rate for that day or currency)."))] = None


class NormalisedFigure(Base, kw_only=True):
    """One figure as read (``reading``), or the reason it could not be (``problem``)."""

    index: Annotated[int, Meta(description="Its place in the request's `figures`, from 0.")]
    text: Annotated[str, Meta(description="The figure as printed.")]
    reading: Annotated[Reading | None, Meta(description="How it was read, when it could be.")] = None
    problem: Annotated[Problem | None, Meta(description="Why it could not be read, when it could not.")] = None
    conversions: Annotated[list[Conversion], Meta(description="Amounts of money in the currencies asked for.")] = []


class NormaliseResponse(Base, kw_only=True):
    """Every figure as read, in the order sent."""

    language: Annotated[str, Meta(description="The document's language as sent.")]
    policy: Annotated[str, Meta(description="The reading policy that turned printed precision and hedges into ranges.")]
    figures: Annotated[list[NormalisedFigure], Meta(description=(
        "Each figure: its reading, or the problem that stopped it."))]


# -- POST /v1/extract: article text in, claims out ---------------------------------------------------------------
class ExtractRequest(Base, kw_only=True):
    """An article's text to find claims in, without checking them."""

    document: Annotated[Document, Meta(description="The article: its language decides how the text is read.")]
    text: Annotated[str, Meta(min_length=1, max_length=MAX_TEXT, description=(
        "The article's text (up to 200 000 characters) in the document's language: ar, de, en, es or fr. HTML "
        "markup, control characters and bidi controls are read as spaces, so spans index the text as sent."))]


class FoundText(Base, kw_only=True):
    """A figure or a time found in the text, where it is printed, and the claim it became (figures)."""

    kind: Annotated[Literal["figure", "time"], Meta(description="A figure (an amount) or a time.")]
    text: Annotated[str, Meta(description="As printed.")]
    span: Span
    sentence: Annotated[int, Meta(description="The index of its sentence in `sentences`.")]
    claim: Annotated[str | None, Meta(description="The id of the claim it became, if any.")] = None
    time: Annotated[TimeReading | None, Meta(description="How a time was read.")] = None


class Extracted(Base, kw_only=True):
    """What the text gives: claims ready for ``POST /v1/checks``, the relations the wording proposes, every figure
    and time found with its span, the sentences' spans, and what could not be read."""

    document: Annotated[Document, Meta(description="The document as sent.")]
    claims: Annotated[list[Claim], Meta(description=(
        "The claims found, each `extracted: true` with its `span`, ready for `POST /v1/checks`."))]
    relations: Annotated[list[Relation], Meta(description="The relations the wording proposes (cue words).")]
    found: Annotated[list[FoundText], Meta(description="Every figure and time found, with its span.")]
    sentences: Annotated[list[Span], Meta(description="Each sentence's span in the text.")]
    problems: Annotated[list[Problem], Meta(description="What was found but could not be read.")] = []
