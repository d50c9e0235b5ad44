"""Per-language reading data for figures, loaded once per process.

A ``Lexicon`` is a table of folded phrases (``rules.text.fold``: case, diacritics, Arabic letter variants) with
what each means, looked up longest first. ``lexicon(language)`` fills one for the figures of a language: scale
words, number words, fractions, vague quantities, hedges, range words, periods, "per" words, units
(``data/units.toml``), currencies (babel's CLDR names and symbols plus ``data/<lang>.toml``), and the words that
make a number part of a date or a name; the number symbols of the document's locale; the language's corpus of
examples sits in ``data/examples/<lang>.toml``. A language without a data file reads with English words and its
own CLDR names and numbers. Time words live apart, in ``rules.normalise.timewords`` (which builds its own
``Lexicon``).
"""

from __future__ import annotations

import enum
import pickle
import re
import tomllib
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from typing import TypeVar

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from rules import cache
from rules.normalise import units
from rules.text import fold, tokens

__all__ = ["EMPTY", "LANGUAGES", "Kind", "Lexicon", "Meaning", "lexicon", "locale_of", "split"]

T = TypeVar("T")

_DATA = files("rules.normalise").joinpath("data")
_NOT_LANGUAGES = {"units.toml", "currency.toml", "fiscal.toml"}
LANGUAGES = tuple(sorted(p.name[:-5] for p in _DATA.iterdir()
                         if p.name.endswith(".toml") and p.name not in _NOT_LANGUAGES))
#: Arabic proclitics that may be glued to a word: و ف ب ل ك, and "لـ" / "بـ" with tatweel (folded away).
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
#: Symbols read in every language: they are not words of any one of them.
_SYMBOLS = {"%": ("unit", "percent"), "‰": ("unit", "permille"), "$": ("currency", "dollar"),
            "€": ("currency", "EUR"), "£": ("currency", "pound"), "¥": ("currency", "yen"),
            "us$": ("currency", "USD"), "~": ("hedge", "approximate"), "≈": ("hedge", "approximate"),
            "+": ("plus", True)}


class Kind(enum.IntFlag):
    """What a phrase of a figure may mean. A phrase may mean several things ('a': one, or per; 'quarter': a
    fraction, or a period); ``Meaning.kinds`` holds them all, and the payload of each is an attribute of the
    ``Meaning`` named like the kind (lower case)."""

    SCALE = enum.auto()  # payload: power of ten ('billion' = 9)
    SCALE_DUAL = enum.auto()  # power of ten; alone it is two of it ('ملياري')
    SCALE_PLURAL = enum.auto()  # power of ten; alone it is 'several' ('مليارات')
    NUMBER = enum.auto()  # a cardinal word's value
    ONE = enum.auto()  # a word for one, read as a number only before a scale or number word
    FRACTION = enum.auto()  # a Fraction
    VAGUE = enum.auto()  # (low, high): 'tens of', 'عشرات'
    HEDGE = enum.auto()  # 'approximate' | 'lower' | 'upper'
    FROM = enum.auto()
    TO = enum.auto()
    AND = enum.auto()
    VERSUS = enum.auto()  # 'versus', 'مقابل': two figures set against each other
    EVERY = enum.auto()  # 'one in three', 'un sur cinq': a share
    PERIOD = enum.auto()  # 'year', 'month', …
    PER = enum.auto()
    PER_UNIT = enum.auto()  # the unit of a 'per' phrase ('per capita' = 'person')
    PER_ENTITY = enum.auto()  # a 'per' word that takes any noun ('per household')
    CURRENCY = enum.auto()  # an ISO 4217 code, or a family ('dollar')
    NATIONALITY = enum.auto()  # the territory an adjective names ('قطرية' = 'QA')
    MINOR = enum.auto()  # (families, part): 'cents', 'فلس'
    UNIT = enum.auto()  # a unit name (rules.normalise.units)
    UNIT_COUNT = enum.auto()  # how many of the unit the word names alone ('يومان' = 2)
    YEAR = enum.auto()  # a word before a year ('عام 2025')
    DATE_SUFFIX = enum.auto()
    ORDINAL_SUFFIX = enum.auto()
    TIME_SUFFIX = enum.auto()
    DATE_LINK = enum.auto()
    ORDINAL = enum.auto()
    ORDINAL_ARTICLE = enum.auto()
    MONTH = enum.auto()
    MINUS = enum.auto()
    BELOW_ZERO = enum.auto()
    PLUS = enum.auto()


#: The payload attribute of each kind that carries one.
_PAYLOAD = {Kind.SCALE: "scale", Kind.SCALE_DUAL: "scale", Kind.SCALE_PLURAL: "scale", Kind.NUMBER: "number",
            Kind.FRACTION: "fraction", Kind.VAGUE: "vague", Kind.HEDGE: "hedge", Kind.PERIOD: "period",
            Kind.PER_UNIT: "per_unit", Kind.CURRENCY: "currency", Kind.NATIONALITY: "nationality",
            Kind.MINOR: "minor", Kind.UNIT: "unit", Kind.UNIT_COUNT: "unit_count"}


class Meaning:
    """What a phrase means: ``kinds`` (an int of ``Kind`` flags, for fast tests) and the payload of each, the first
    one added per kind."""

    __slots__ = ("currency", "fraction", "hedge", "kinds", "minor", "nationality", "number", "per_unit", "period",
                 "scale", "unit", "unit_count", "vague")

    def __init__(self) -> None:
        self.kinds = 0
        self.scale: int | None = None
        self.number: int | None = None
        self.fraction: Fraction | None = None
        self.vague: tuple[Fraction, Fraction] | None = None
        self.hedge: str | None = None
        self.period: str | None = None
        self.per_unit: str | None = None
        self.currency: str | None = None
        self.nationality: str | None = None
        self.minor: tuple[tuple[str, ...], int] | None = None
        self.unit: str | None = None
        self.unit_count: int | None = None

    def add(self, kind: Kind, value: object) -> None:
        if self.kinds & kind:
            return
        attribute = _PAYLOAD.get(kind)
        if attribute is not None and getattr(self, attribute) is None:
            setattr(self, attribute, value)
        self.kinds |= int(kind)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Meaning({Kind(self.kinds)!r})"


#: The meaning of a token the lexicon does not know (or of a number, a symbol).
EMPTY = Meaning()


@dataclass
class Lexicon:
    """Folded phrases and what they mean; ``match`` finds the longest phrase at a position.

    ``phrases`` maps a phrase (folded words joined by spaces) to its (category, value) entries in the order
    added; ``meaning`` holds the same as a dict, first value per category. An Arabic word may carry a proclitic
    (و ف ب ل ك) or the article (ال, لل) that the table does not: the bare word is tried after the word as
    written."""

    lang: str
    locale: Locale
    phrases: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    meaning: dict[str, Meaning] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    longest: int = 1
    arabic: bool = False
    display: dict[str, str] = field(default_factory=dict)
    group: str = ","
    decimal: str = "."
    territory: str | None = None
    families: dict[str, str] = field(default_factory=dict)
    both_conventions: bool = False  # its press prints both marks: a mark before three digits is ambiguous
    tag: str = ""  # the locale's string ('fr_FR'), made once
    _starts: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = field(default_factory=dict, repr=False)
    _categories: dict[str, frozenset[str]] | None = field(default=None, repr=False)  # ``categories``

    def __post_init__(self) -> None:
        self.tag = str(self.locale)

    def add(self, phrase: str, category: str, value: object) -> None:
        words = [t for t, _, _ in tokens(phrase)]
        if not words or "#" in phrase:
            return  # '#' (CLDR's narrow pound in English) folds to what every number folds to: it would make each
            # number a unit of the one before ('März 2023 181.600': the year in pounds, one figure '2023 181.600')
        folded = " ".join(words)
        entries = self.phrases.setdefault(folded, [])
        if (category, value) not in entries:
            entries.append((category, value))
        kind = Kind.__members__.get(category.upper())
        if kind is not None:
            found = self.meaning.get(folded)
            if found is None:
                found = self.meaning[folded] = Meaning()
            found.add(kind, value)
        if self._starts:  # a phrase added after a look-up (none is, today): the memo would be stale
            self._starts.clear()
        self._categories = None
        n = len(words)
        known = self.lengths.get(words[0], ())
        if n not in known:
            self.lengths[words[0]] = tuple(sorted((*known, n), reverse=True))
        self.longest = max(self.longest, n)

    def lookup(self, words: list[str], i: int) -> tuple[int, Meaning] | None:
        """The longest phrase of a figure starting at ``words[i]``: (number of words, what it means)."""
        return self._longest(self.meaning, words, i)

    def match(self, words: list[str], i: int) -> tuple[int, list[tuple[str, object]]] | None:
        """The longest phrase starting at ``words[i]``: (number of words, its entries)."""
        return self._longest(self.phrases, words, i)

    def categories(self, words: list[str]) -> list[tuple[int, frozenset[str]] | None]:
        """For each of ``words``, the longest phrase starting there as (number of words, the categories of its
        entries), or None: what ``match`` finds, with each phrase's categories gathered once per lexicon."""
        if self._categories is None:
            self._categories = {p: frozenset(c for c, _ in entries) for p, entries in self.phrases.items()}
        return self._each(self._categories, words)

    def meanings(self, words: list[str]) -> list[tuple[int, Meaning] | None]:
        """For each of ``words``, what ``lookup`` finds there."""
        return self._each(self.meaning, words)

    def _each(self, table: dict[str, T], words: list[str]) -> list[tuple[int, T] | None]:
        """``_longest`` at every position; a word that starts no phrase (most) answered without the call."""
        known, out = self._starts, []
        for i, word in enumerate(words):
            starts = known.get(word)
            if starts is None:
                starts = self._start(word)
            out.append(self._longest(table, words, i) if starts else None)
        return out

    def _longest(self, table: dict[str, T], words: list[str], i: int) -> tuple[int, T] | None:
        first = words[i]
        starts = self._starts.get(first)
        if starts is None:
            starts = self._start(first)
        for variant, lengths in starts:
            for n in lengths:
                if i + n > len(words):
                    continue
                key = variant if n == 1 else variant + " " + " ".join(words[i + 1:i + n])
                found = table.get(key)
                if found is not None:
                    return n, found
        return None

    def _start(self, word: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The forms of ``word`` that begin phrases (an Arabic word without its clitics, too), with the phrases'
        lengths, longest first: memoised per word (bounded), so that a word no phrase starts with costs one look-up."""
        forms = _variants(word) if self.arabic else (word,)
        starts = tuple((form, self.lengths[form]) for form in forms if form in self.lengths)
        if len(self._starts) >= 1 << 15:
            self._starts.clear()
        self._starts[word] = starts
        return starts

    def first(self, words: list[str], i: int, kind: Kind) -> int | None:
        """How many words the longest phrase at ``words[i]`` has, when it means ``kind``."""
        hit = self.lookup(words, i)
        return hit[0] if hit and hit[1].kinds & kind else None


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """An Arabic word as written, then without a proclitic and/or the article: 'وبالدولار' → … 'دولار'."""
    out = [word]

    def push(w: str) -> None:
        if len(w) >= 2 and w not in out:
            out.append(w)

    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) > len(clitic) + 1:
            rest = word[len(clitic):]
            push(rest)
            if rest.startswith("ال"):
                push(rest[2:])
            elif clitic.endswith("ل") and rest.startswith("ل"):  # لل = ل + ال
                push("ا" + rest)
                push(rest[1:])
            else:
                push("ال" + rest)
    if word.startswith("ال") and len(word) > 4:
        push(word[2:])
    return tuple(out)


# -- splitting a figure into tokens ------------------------------------------------------------------------------
_LETTER = r"[^\W\d_]"
_MARK = r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]"
#: A number as printed: digits with marks between them, or a leading decimal mark ('.77', '٫٧٧').
_NUM = r"(?:[0-9]+(?:[.,'’][0-9]+)*|(?<![0-9])[.,](?=[0-9]))[0-9]*(?:[.,'’][0-9]+)*"
_NUM_SPACED = r"(?:[0-9]+(?:(?:[.,'’]|[ \u00a0\u202f\u2009](?=[0-9]{3}(?![0-9])))[0-9]+)*|(?<![0-9])[.,][0-9]+)"
# Words first, the commonest token: the alternatives before the last begin with different characters (a letter or
# a mark, a digit or a decimal mark, a hyphen), so their order does not change what matches. A word is a run of
# letters and marks, matched run by run rather than one character at a time through an alternation.
_WORD = rf"(?P<w>{_LETTER}+(?:{_MARK}+{_LETTER}*)*|(?:{_MARK}+{_LETTER}*)+)"  # (?:letter|mark)+, unrolled: runs
_REST = rf"|(?P<h>(?<={_LETTER})-(?={_LETTER}))|(?P<s>\S)"
_SPLIT = re.compile(rf"{_WORD}|(?P<n>{_NUM}){_REST}")
_SPLIT_SPACED = re.compile(rf"{_WORD}|(?P<n>{_NUM_SPACED}){_REST}")
# The same for ASCII text, where a letter is [A-Za-z], there are no marks, and the spaces are Python's ASCII ones
# (\x1c–\x1f included): no Unicode category tests, a third faster on English figures.
_ASCII_REST = r"|(?P<h>(?<=[A-Za-z])-(?=[A-Za-z]))|(?P<s>[^ \t\n\r\f\v\x1c-\x1f])"
_SPLIT_ASCII = re.compile(rf"(?P<w>[A-Za-z]+)|(?P<n>{_NUM}){_ASCII_REST}")
_SPLIT_SPACED_ASCII = re.compile(rf"(?P<w>[A-Za-z]+)|(?P<n>{_NUM_SPACED}){_ASCII_REST}")
#: Punctuation that means nothing in a figure ("ر.س." is "ر س"); everything else is kept as a token.
_SILENT = set("\"'«»“”‘’()[]{}،؛,.!?؟…*")

NUMBER, WORD, SYMBOL = 0, 1, 2


def split(text: str, spaced: bool = False) -> list[tuple[int, str, int, int]]:
    """``text`` (digits already ASCII, see ``rules.text.digits``) as (kind, token, start, end): numbers as
    printed, words folded, symbols as they are. Hyphens inside words ('twenty-five') and silent punctuation
    are dropped; ``spaced`` lets a space group digits ('1 234,5')."""
    out = []
    if text.isascii():
        pattern = _SPLIT_SPACED_ASCII if spaced else _SPLIT_ASCII
    else:
        pattern = _SPLIT_SPACED if spaced else _SPLIT
    for m in pattern.finditer(text):
        kind = m.lastgroup
        if kind == "n":
            out.append((NUMBER, m.group(), *m.span()))
        elif kind == "w":
            folded = _folded(m.group())
            if folded:
                out.append((WORD, folded, *m.span()))
        elif kind == "s":
            c = m.group()
            if c not in _SILENT:
                out.append((SYMBOL, c, *m.span()))
    return out


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """A word of a figure folded, without spaces (what folding leaves of punctuation inside it)."""
    return fold(word).replace(" ", "")


# -- building a language's lexicon ------------------------------------------------------------------------------
def locale_of(language: str) -> Locale:
    """The babel locale for a BCP 47 tag, falling back to its language, then to English."""
    tag = language.replace("-", "_")
    for candidate in (tag, tag.split("_")[0], "en"):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("babel has no English locale")


def _territory(language: str) -> str | None:
    parts = language.replace("_", "-").split("-")
    return next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)


@lru_cache(maxsize=4096)
def lexicon(language: str) -> Lexicon:
    """The lexicon for a BCP 47 language tag (cached: built once per locale and territory per process, so tags
    that differ only in what babel does not know share one)."""
    locale = locale_of(language)
    return _lexicon(str(locale), _territory(language) or locale.territory)


@lru_cache(maxsize=256)
def _lexicon(tag: str, territory: str | None) -> Lexicon:
    """A language's lexicon: from the cache directory (``rules.cache``) when one was built from the same sources
    (``_sources``), else built and kept there. Building one was 25–35 ms of CPU, two of them (the document's
    language, and English for the explanations) most of a server's first check; unpickling one is 2–3 ms."""
    place = cache.folder("lexicons")
    kept = place / f"{_sources()}-{tag}-{territory}.pickle" if place is not None else None
    if kept is not None:
        try:
            with kept.open("rb") as f:
                return _thawed(pickle.load(f))
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, KeyError):
            pass
    lex = _build(tag, territory)
    if kept is not None:
        cache.write(kept, pickle.dumps(_frozen(lex), protocol=pickle.HIGHEST_PROTOCOL),
                    replaces=f"*-{tag}-{territory}.pickle")
    return lex


#: What a lexicon is built from, besides the running Python: this package's code and data (units, CLDR names
#: through babel, the words of each language), ``rules.text``'s folding and tokens and their data, and the
#: libraries that answer (their version and the file of each). A change to any of them is another cache key.
_SOURCE_FILES = ("text.py", "interval.py", "cache.py", "data/labels.toml")
_LIBRARIES = ("babel", "pint", "snowballstemmer")


@lru_cache(maxsize=1)
def _sources() -> str:
    import hashlib
    import importlib.metadata
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{sys.version}\0{_FORMAT}".encode())
    paths = [root / name for name in _SOURCE_FILES]
    paths += sorted(p for p in (root / "normalise").rglob("*") if p.suffix in (".py", ".toml", ".json"))
    for path in paths:
        data = path.read_bytes()
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    for name in _LIBRARIES:  # found, not imported: a start needs no pint (``units.pint_facts``)
        spec = importlib.util.find_spec(name)
        stat = Path(spec.origin if spec and spec.origin else name).stat()
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:  # installed without its metadata: the file's stat says
            version = ""
        digest.update(f"\0{name}\0{version}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


_FORMAT = 1  # the layout ``_frozen`` writes
_FIELDS = ("lang", "phrases", "meaning", "lengths", "longest", "arabic", "display", "group", "decimal", "territory",
           "families", "both_conventions")


def _frozen(lex: Lexicon) -> dict:
    """A lexicon as plain data to pickle: its fields, and its locale by name (babel reads the locale's data)."""
    return {"format": _FORMAT, "locale": str(lex.locale), **{name: getattr(lex, name) for name in _FIELDS}}


def _thawed(data: dict) -> Lexicon:
    if data.pop("format") != _FORMAT:
        raise ValueError("another layout")
    return Lexicon(locale=Locale.parse(data.pop("locale")), **data)


def _build(tag: str, territory: str | None) -> Lexicon:
    locale = Locale.parse(tag)
    lang = locale.language if locale.language in LANGUAGES else "en"
    data = tomllib.loads(_DATA.joinpath(f"{lang}.toml").read_text("utf-8"))
    symbols = locale.number_symbols.get("latn", {})
    lex = Lexicon(lang=lang, locale=locale, arabic=lang == "ar", display=data.get("display", {}),
                  group=symbols.get("group", ","), decimal=symbols.get("decimal", "."),
                  territory=territory, families=data.get("currency_family", {}),
                  both_conventions=territory in data.get("numbers", {}).get("both_conventions", ()))
    for section in ("scale", "scale_dual", "scale_plural"):
        for word, power in data.get(section, {}).items():
            lex.add(word, section, int(power))
    for word, value in data.get("number", {}).items():
        lex.add(word, "number", int(value))
    for word in data.get("one", {}).get("words", []):
        lex.add(word, "one", 1)
    for word, value in data.get("fraction", {}).items():
        lex.add(word, "fraction", Fraction(value))
    for word, (low, high) in data.get("vague", {}).items():
        lex.add(word, "vague", (Fraction(low), Fraction(high)))
    for bound, words in data.get("hedge", {}).items():
        for word in words:
            lex.add(word, "hedge", bound)
    for side, words in data.get("range", {}).items():
        for word in words:
            lex.add(word, side, True)
    for word, period in data.get("period", {}).items():
        lex.add(word, "period", period)
    per = data.get("per", {})
    for word in per.get("words", []):
        lex.add(word, "per", True)
    for word, unit in per.get("units", {}).items():
        lex.add(word, "per_unit", unit)
    for word, code in data.get("currency", {}).items():
        lex.add(word, "currency", code)
    for word, territory in data.get("nationality", {}).items():
        lex.add(word, "nationality", territory)
    for word, minor in data.get("minor", {}).items():
        lex.add(word, "minor", (tuple(minor["of"]), int(minor.get("part", 0))))
    for side in ("versus", "every"):
        for word in data.get("range", {}).get(side, []):
            lex.add(word, side, True)
    for category, words in data.get("sign", {}).items():
        for word in words:
            lex.add(word, category, True)
    for word in per.get("entity", []):
        lex.add(word, "per_entity", True)
    compound = data.get("compound")
    if compound:  # "dreiundzwanzig": the ones, the joiner and the tens in one word
        for one, v in compound["ones"].items():
            for ten, t in compound["tens"].items():
                lex.add(one + compound["joiner"] + ten, "number", int(v) + int(t))
    not_quantity = data.get("not_quantity", {})
    for category in ("year", "date_suffix", "ordinal_suffix", "time_suffix", "date_link", "ordinal",
                     "ordinal_article"):
        for word in not_quantity.get(category, []):
            lex.add(word, category, True)
    _add_currencies(lex, locale)
    _add_months(lex, locale)
    for symbol, (category, value) in _SYMBOLS.items():
        lex.add(symbol, category, value)
    _add_units(lex, data)
    return lex


def _add_units(lex: Lexicon, data: dict) -> None:
    """Unit names (``units.words``: units.toml and CLDR). A CLDR name that is already another word of the language
    ('in', 'm', 's', 'a') is not a unit, unless that word is a currency ('pounds': money, or weight "of" a thing)."""
    skip = {" ".join(t for t, _, _ in tokens(w)) for w in data.get("units", {}).get("not_units", [])}
    for word, (unit, count, cldr) in units.words(lex.lang).items():
        folded = " ".join(t for t, _, _ in tokens(word))
        if not folded or folded in skip:
            continue
        known = lex.meaning.get(folded)
        if cldr and known is not None and not known.kinds & Kind.UNIT and known.kinds & ~Kind.CURRENCY:
            continue
        lex.add(word, "unit", unit)
        if count is not None:
            lex.add(word, "unit_count", count)


_CODE = re.compile(r"^[A-Z]{3}$")


def _add_currencies(lex: Lexicon, locale: Locale) -> None:
    """Currency names (singular and plural) and unambiguous symbols from babel's CLDR data. ISO codes are not
    words ('ALL', 'TRY', 'CUP' are): the reader takes a code only when it is printed in capitals."""
    english = Locale.parse("en")
    plural_names = locale._data.get("currency_names_plural", {})
    for code in list_currencies():
        for source in (locale, english):
            name = source.currencies.get(code)
            if name and len(fold(name)) > 3:
                lex.add(name, "currency", code)
        for name in plural_names.get(code, {}).values():
            if len(fold(name)) > 3:
                lex.add(name, "currency", code)
        for source in (locale, english):
            symbol = source.currency_symbols.get(code)
            if symbol and symbol not in ("$", "¥", "£") and not _CODE.match(symbol) and \
                    (len(fold(symbol)) > 1 or not symbol.isalpha()):
                lex.add(symbol, "currency", code)


def _add_months(lex: Lexicon, locale: Locale) -> None:
    """Month names from CLDR (the document's language, English, and for Arabic every regional series): a
    number next to one is part of a date, not an amount."""
    locales = [locale, Locale.parse("en")]
    if lex.arabic:
        locales += [Locale.parse(t) for t in ("ar_SY", "ar_MA", "ar_TN", "ar_DZ", "ar_MR", "ar_IQ", "ar_LB")]
    for source in locales:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in source.months.get(context, {}).get(width, {}).values():
                    if len(fold(name)) > 2 and not fold(name)[:1].isdigit():
                        lex.add(name, "month", True)
