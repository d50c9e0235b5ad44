"""Read a figure as printed — "ما يقارب 12.3 مليار دولار سنوياً", "68%", "$72 per user" — into a ``Measure``:
an exact interval, what it measures (unit or currency), the period of a rate, a per-unit denominator, and
the policy that turned the printed precision and hedges into that interval (``rules.policy``).

Nothing here evaluates text: numbers are recognised by a regular expression, parsed by babel in strict mode
for the document's locale, and bounded (300 characters, 30 digits, at most two numbers) before any work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from babel.numbers import NumberFormatError, get_territory_currencies, parse_decimal

from rules.interval import Interval, exact
from rules.model import Amount, Reading
from rules.normalise.lexicon import Lexicon, lexicon
from rules.normalise.units import KINDS
from rules.policy import POLICY, Policy
from rules.text import NUMBER_SPACED, digits, tokens

__all__ = ["Measure", "Unreadable", "read_value"]

MAX_TEXT = 300
MAX_DIGITS = 30
_NOTATION = re.compile(r"[0-9]\s*[eE]\s*[+\-]?[0-9]|\*\*|\^|[0-9]\s*[x×]\s*10")
_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}


class Unreadable(ValueError):
    """A figure that cannot be read; ``code`` is stable, ``message`` says why in English."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Measure:
    text: str
    value: Interval
    bound: str = "exact"
    unit: str | None = None  # a unit from data/units.toml, an ISO 4217 code, or None for a plain count
    per: str | None = None
    period: str | None = None
    precision: Fraction | None = None  # half-width the printed digits allow, in the value's scale
    span: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()  # the policy as applied to this figure
    assumptions: tuple[str, ...] = field(default=())

    @property
    def currency(self) -> str | None:
        return self.unit if self.unit is not None and len(self.unit) == 3 and self.unit.isupper() else None

    def fraction(self) -> Interval:
        """A share as a plain fraction: 68 % → [0.675, 0.685]."""
        if self.unit in ("percent", "percentage_point"):
            return self.value / 100
        if self.unit == "permille":
            return self.value / 1000
        return self.value

    def reading(self, policy: Policy = POLICY) -> Reading:
        return Reading(text=self.text, low=exact(self.value.low), high=exact(self.value.high), bound=self.bound,
                       precision=exact(self.precision), unit=None if self.currency else self.unit,
                       currency=self.currency, per=self.per, period=self.period, span=self.span,
                       policy="; ".join((policy.name, *self.notes)), assumptions=list(self.assumptions))


@dataclass(slots=True)
class _Number:
    value: Decimal
    start: int
    end: int
    scale: int = 0


def read_value(value: str | Amount, language: str, unit: str | None = None, per: str | None = None,
               policy: Policy = POLICY) -> Measure:
    """Read a printed figure (or a structured ``Amount``) in ``language``; ``unit`` names what is counted when
    the text does not say, ``per`` what each unit of the figure is for ('user'). Raises ``Unreadable``."""
    lex = lexicon(language)
    measure = _read_amount(value, lex, language, unit, policy) if isinstance(value, Amount) else \
        _read_text(value, lex, language, unit, policy)
    if per and measure.per is None:
        measure = replace(measure, per=_hint(per, lex))
    return measure


def _read_text(value: str, lex: Lexicon, language: str, unit: str | None, policy: Policy) -> Measure:
    if len(value) > MAX_TEXT:
        raise Unreadable("too_long", f"the figure is longer than {MAX_TEXT} characters")
    text = digits(value)
    if _NOTATION.search(text):
        raise Unreadable("notation", "scientific or power notation is not read; write the number out")
    spaced = lex.locale.number_symbols.get("latn", {}).get("group", ",") in _SPACES
    toks = tokens(text, NUMBER_SPACED) if spaced else tokens(text)
    numbers: list[_Number] = []
    state = _State()
    i = 0
    words = [t for t, _, _ in toks]
    while i < len(toks):
        word, start, end = toks[i]
        if word == "#":
            raw = text[start:end]
            if sum(c.isdigit() for c in raw) > MAX_DIGITS:
                raise Unreadable("too_many_digits", f"a number has more than {MAX_DIGITS} digits")
            numbers.append(_Number(_parse_number(raw, lex, value[start:end]), start, end))
            if len(numbers) > 2:
                raise Unreadable("several_numbers", "more than two numbers in one figure; send them as separate claims")
            state.touch(start, end)
            i += 1
            continue
        hit = lex.match(words, i)
        if hit is None:
            i += 1
            continue
        n, entries = hit
        state.take(entries, numbers, toks[i][1], toks[i + n - 1][2], after_number=i > 0 and words[i - 1] == "#")
        i += n
    return _compose(value, numbers, state, lex, language, unit, policy)


@dataclass(slots=True)
class _State:
    hedge: str | None = None
    hedge_word: tuple[int, int] | None = None
    unit: str | None = None
    currency: str | None = None
    period: str | None = None
    per: str | None = None
    per_pending: bool = False
    range_word: bool = False
    plural_scale: int | None = None
    span: list[int] = field(default_factory=lambda: [1 << 30, -1])

    def touch(self, start: int, end: int) -> None:
        self.span[0] = min(self.span[0], start)
        self.span[1] = max(self.span[1], end)

    def take(self, entries: list[tuple[str, object]], numbers: list[_Number], start: int, end: int,
             after_number: bool) -> None:
        cats = {cat: value for cat, value in reversed(entries)}
        if after_number and "scale" in cats and numbers[-1].scale == 0:
            numbers[-1].scale = int(cats["scale"])  # type: ignore[call-overload]
        elif "scale" in cats and not numbers and self.plural_scale is None:
            self.plural_scale = int(cats["scale"])  # type: ignore[call-overload]
        elif self.per_pending and "unit" in cats:
            unit = str(cats["unit"])
            if unit in ("hour", "day", "week", "month", "quarter", "year"):
                self.period = unit
            else:
                self.per = unit
            self.per_pending = False
        elif "period" in cats and self.period is None:
            self.period = str(cats["period"])
        elif "currency" in cats and self.currency is None:
            self.currency = str(cats["currency"])
        elif "unit" in cats and self.unit is None:
            self.unit = str(cats["unit"])
        elif "hedge" in cats and self.hedge is None and not (numbers and "range_to" in cats):
            self.hedge = str(cats["hedge"])
            self.hedge_word = (start, end)
        elif "range_to" in cats or "range_from" in cats:
            self.range_word = True
        elif "per" in cats and self.unit is not None or "per" in cats and self.currency is not None:
            self.per_pending = True
        else:
            return
        self.touch(start, end)


def _parse_number(raw: str, lex: Lexicon, printed: str) -> Decimal:
    """Parse one number with babel's strict parser in the document's locale."""
    for c in _SPACES:
        raw = raw.replace(c, lex.locale.number_symbols.get("latn", {}).get("group", ","))
    arabic_marks = "٫" in printed or "٬" in printed
    try:
        return parse_decimal(raw, locale="en" if arabic_marks else lex.locale, strict=True)
    except NumberFormatError as exc:
        options = getattr(exc, "suggestions", None) or []
        if options:
            raise Unreadable("ambiguous_separator", f"'{printed}' is ambiguous in {lex.locale}: it could be "
                             + " or ".join(options)) from None
        raise Unreadable("bad_number", f"'{printed}' is not a number in {lex.locale}") from None
    except InvalidOperation:
        raise Unreadable("bad_number", f"'{printed}' is not a number") from None


def _printed(number: Decimal, policy: Policy) -> tuple[Fraction, Fraction, str | None]:
    """The printed value and the half-width its digits allow (see rules.policy)."""
    x = Fraction(number)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < 0:
        return x, Fraction(1, 2) * Fraction(10) ** exponent, None
    integer = abs(int(number))
    zeros = 0
    while integer and integer % 10 == 0 and zeros < MAX_DIGITS:
        integer //= 10
        zeros += 1
    if zeros == 0:
        return x, Fraction(1, 2), None
    half = min(Fraction(10) ** zeros / 2, max(abs(x) * policy.zeros_cap, Fraction(1, 2)))
    return x, half, "trailing zeros read as rounding"


def _compose(text: str, numbers: list[_Number], state: _State, lex: Lexicon, language: str, unit_hint: str | None,
             policy: Policy) -> Measure:
    notes: list[str] = []
    if not numbers:
        if state.plural_scale is None:
            raise Unreadable("no_number", "no number found in the figure")
        scale = Fraction(10) ** state.plural_scale
        value, bound, precision = Interval(2 * scale, 1000 * scale), "range", None
        notes.append("a plural scale word alone read as 'several': 2 to 1000 of it")
        if state.hedge == "upper":
            value, bound = Interval(Fraction(0), value.high), "upper"
            notes.append("upper bound: from zero")
        elif state.hedge == "lower":
            value, bound = Interval(value.low, None), "lower"
            notes.append("lower bound: no upper end")
    else:
        scale_power = numbers[-1].scale
        low_n, high_n = numbers[0], numbers[-1]
        if len(numbers) == 2 and not state.range_word and state.hedge is None:
            raise Unreadable("two_numbers", "two numbers and no range words between them")
        x, half, note = _printed(low_n.value, policy)
        scale = Fraction(10) ** (low_n.scale or scale_power)
        lo, hi = (x - half) * scale, (x + half) * scale
        precision = half * scale
        if note:
            notes.append(note)
        if len(numbers) == 2:
            y, half_y, _ = _printed(high_n.value, policy)
            y_scale = Fraction(10) ** high_n.scale
            hi = (y + half_y) * y_scale
            bound = "range"
        else:
            bound = "exact"
        value = Interval(lo, hi)
        if state.hedge == "approximate":
            width = abs(x * scale) * policy.approximate
            value = Interval(lo - width, hi + width)
            bound = "approximate"
            notes.append(f"approximate: ±{float(policy.approximate * 100):g} % of the value")
        elif state.hedge == "lower":
            value, bound = Interval(lo, None), "lower"
            notes.append("lower bound: no upper end")
        elif state.hedge == "upper":
            value, bound = Interval(Fraction(0), hi), "upper"
            notes.append("upper bound: from zero")
        if state.hedge and state.hedge_word:
            state.touch(*state.hedge_word)
    unit, assumptions = _unit(state, lex, language, unit_hint)
    span = (state.span[0], state.span[1]) if state.span[1] >= 0 else None
    return Measure(text=text, value=value, bound=bound, unit=unit, per=state.per, period=state.period,
                   precision=precision, span=span, notes=tuple(notes), assumptions=tuple(assumptions))


def _unit(state: _State, lex: Lexicon, language: str, hint: str | None) -> tuple[str | None, list[str]]:
    assumptions: list[str] = []
    if state.currency is not None:
        code = state.currency
        if code == "$":
            code, why = _dollar(language)
            assumptions.append(why)
        return code, assumptions
    if state.unit is not None:
        return state.unit, assumptions
    if hint:
        return _hint(hint, lex), assumptions
    return None, assumptions


def _hint(hint: str, lex: Lexicon) -> str:
    """The unit a claim names in its ``unit`` field: a unit name, a word for one, or a currency code."""
    if hint in KINDS:
        return hint
    if len(hint) == 3 and hint.isalpha():
        return hint.upper()
    folded = " ".join(t for t, _, _ in tokens(digits(hint)))
    for cat, value in lex.phrases.get(folded, []):
        if cat in ("unit", "currency"):
            return str(value)
    raise Unreadable("unknown_unit", f"'{hint}' is not a unit tadqiq knows")


def _dollar(language: str) -> tuple[str, str]:
    """Which dollar '$' means: the document's territory's dollar when it has one, else the US dollar."""
    parts = language.replace("_", "-").split("-")
    territory = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    if territory:
        for code in get_territory_currencies(territory, tender=True):
            if code.endswith("D") and code != "USD" and code not in ("SAR", "AED"):
                return code, f"'$' read as {code}, the dollar of the document's territory {territory}"
    return "USD", "'$' / 'dollar' read as US dollars (USD): the document names no other dollar's country"


def _read_amount(amount: Amount, lex: Lexicon, language: str, unit_hint: str | None, policy: Policy) -> Measure:
    number = Decimal(amount.number)
    x, half, note = _printed(number, policy)
    scale = Fraction(10) ** amount.scale
    lo, hi = (x - half) * scale, (x + half) * scale
    if amount.to is not None:
        y, half_y, _ = _printed(Decimal(amount.to), policy)
        hi = (y + half_y) * scale
    value = {"exact": Interval(lo, hi), "range": Interval(lo, hi), "lower": Interval(lo, None),
             "upper": Interval(Fraction(0), hi),
             "approximate": Interval(lo - abs(x * scale) * policy.approximate,
                                     hi + abs(x * scale) * policy.approximate)}[amount.bound]
    unit_text = amount.unit or unit_hint
    unit: str | None = None
    assumptions: list[str] = []
    if unit_text in ("%", "٪", "percent"):
        unit = "percent"
    elif unit_text in ("pp", "percentage_point"):
        unit = "percentage_point"
    elif unit_text == "$":
        unit, why = _dollar(language)
        assumptions.append(why)
    elif unit_text:
        unit = _hint(unit_text, lex)
    per = _hint(amount.per, lex) if amount.per else None
    text = amount.number + (f"–{amount.to}" if amount.to else "") + (f"e{amount.scale}" if amount.scale else "")
    return Measure(text=text, value=value, bound=amount.bound, unit=unit, per=per, period=amount.period,
                   precision=half * scale, notes=(note,) if note else (), assumptions=tuple(assumptions))

