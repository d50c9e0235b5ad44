"""Text folding shared by the normalisers and the pairing of claims.

``fold`` makes two spellings of the same words compare equal: Unicode compatibility forms, case, Arabic
diacritics and tatweel, the alef variants أ إ آ ٱ → ا, ى → ي, ة → ه, and runs of spaces and punctuation.
``digits`` turns Arabic-Indic and Persian digits into ASCII and the Arabic decimal and group marks into
``.`` and ``,``.
"""

from __future__ import annotations

import re
import threading
import tomllib
import unicodedata
from functools import lru_cache
from importlib.resources import files

import snowballstemmer

__all__ = ["digits", "fold", "join", "key", "phrases", "tokens"]

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGITS.update({0x066B: ".", 0x066C: ",", 0x066A: "%"})  # ٫ decimal, ٬ group, ٪ percent

_LETTERS = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                                   "ئ": "ي", "ـ": None}.items()}
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200c-\u200f\u202a-\u202e]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009_]+")
_PUNCT = re.compile(r"[\"'«»“”‘’()\[\]{}،؛:;,.!?؟…\-–—/]+")
_GAPS = re.compile(r"[\"'«»“”‘’()\[\]{}،؛:;,.!?؟…\-–—/\s\u00a0\u202f\u2009_]+")  # _PUNCT or _SPACES
_FOLDED_LETTERS = re.compile("[" + "".join(map(chr, _LETTERS)) + "]")


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit of another script: full-width, Devanagari, Thai…
#: what ``digits`` changes: a digit of another script (Arabic-Indic and Persian ones too), ٪ ٫ ٬
_TO_CHANGE = re.compile(r"[^\D0-9]|[\u066a-\u066c]")


def digits(text: str) -> str:
    """Arabic-Indic and Persian digits, ٫ and ٬ as ASCII; every other script's decimal digits too ('１２３', '१२३')."""
    if text.isascii() or not _TO_CHANGE.search(text):
        return text  # nothing to change (one search, where the table's translation looks up every character)
    text = text.translate(_DIGITS)
    if not text.isascii() and _OTHER_DIGIT.search(text):
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    return text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold ``text`` for comparison: 'الإيرادات  العالميّة' and 'الايرادات العالمية' fold alike."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # no mark, tatweel nor Arabic letter to fold in ASCII
        text = _MARKS.sub("", text)
        if _FOLDED_LETTERS.search(text):  # a search, where the table's translation looks up every character
            text = text.translate(_LETTERS)
    if text.isalpha():  # one word of letters (most calls): no punctuation or space to fold
        return text
    return _GAPS.sub(" ", text).strip()  # runs of punctuation and spaces, one space each


_ARTICLES = ("وال", "بال", "لل", "فال", "كال", "ال")  # the article, alone or after a clitic (و ب ف ك ل)


def _article(word: str) -> str:
    """A word (no spaces) without its leading article when at least two letters remain: 'والإيرادات' → 'إيرادات'.
    No two of the prefixes start with the same letter, so at most one can open the word."""
    if word.startswith(_ARTICLES):
        for prefix in _ARTICLES:
            if word.startswith(prefix) and len(word) >= len(prefix) + 2:
                return word[len(prefix):]
    return word
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_INITIALS = re.compile(r"(?<!\w)(?:[^\W\d_]\.){2,}")  # 'U.S.', 'U.K.': one word
_STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "es": "spanish", "de": "german"}


def _labels() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    data = tomllib.loads(files("rules").joinpath("data/labels.toml").read_text("utf-8"))
    return {lang: (frozenset(spec["stopwords"]), tuple(sorted(spec["endings"], key=len, reverse=True)))
            for lang, spec in data.items()}


_LABELS = _labels()
#: The stop words of a label in each language: its own and the Arabic ones (labels mix scripts)
_STOP = {lang: stop | _LABELS["ar"][0] for lang, (stop, _) in _LABELS.items()}
_local = threading.local()  # Snowball stemmers keep state between calls: one set per thread


def _stemmer(language: str) -> snowballstemmer.stemmer:
    found = getattr(_local, "stemmers", None)
    if found is None:
        found = _local.stemmers = {}
    if language not in found:
        found[language] = snowballstemmer.stemmer(_STEMMERS[language])
    return found[language]


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    """One word of a label as its stem: Arabic words by the Arabic stemmer (always given the article, which it
    handles more consistently than a bare word), others by the document language's stemmer, English otherwise;
    then the language's derivational endings cut. Memoised: the same words recur in many labels."""
    if not word.isascii() and _ARABIC.search(word):
        word = _article(word)
        if word.endswith("ه") and len(word) > 2:  # 'البنيه' is 'البنية' typed with ه, as often in the press
            word = word[:-1] + "ة"
        stem = _stemmer("ar").stemWord("ال" + word)
        stem = _cut(stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem, "ar")
        return stem.translate(_LETTERS)
    lang = language if language in _STEMMERS and language != "ar" else "en"
    return _cut(_stemmer(lang).stemWord(word), lang)


def _cut(stem: str, language: str) -> str:
    for ending in _LABELS[language][1]:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            return stem[: -len(ending)]
    return stem


@lru_cache(maxsize=65536)
def key(text: str | None, language: str = "") -> str:
    """A pairing key for a label (subject, metric, scope, what a share is 'of'): its words folded, stop words
    (``rules/data/labels.toml``) dropped, stemmed, and sorted, so that labels meet whatever their word order,
    definite article, singular or plural, noun or adjective form: 'الإيرادات العالمية' ~ 'إيرادات العالم',
    'global revenue' ~ 'revenue, global', 'revenus mondiaux' ~ 'revenu du monde'.

    >>> key("Global revenues", "en") == key("revenue, global", "en")
    True
    >>> key("الإيرادات العالمية", "ar") == key("إيرادات العالم", "ar")
    True
    >>> key("revenus mondiaux", "fr") == key("revenu du monde", "fr")
    True
    >>> key("U.S. revenue", "en") == key("US revenues", "en")
    True
    >>> key("users", "en") == key("revenue", "en")
    False
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():  # the marks are all outside ASCII, and most labels are Arabic or plain ASCII
        text = _MARKS.sub("", text)
    if "." in text:
        text = _INITIALS.sub(lambda m: m.group().replace(".", ""), text)
    lang = language.split("-")[0].lower()
    stop = _STOP.get(lang, _STOP["en"])
    words = {_stem(w, lang) for w in _PUNCT.sub(" ", text).split() if w.translate(_LETTERS) not in stop}
    return " ".join(sorted(w for w in words if w))


@lru_cache(maxsize=65536)
def join(*keys: str) -> str:
    """The key of labels read together ('US' and 'revenue' as 'US revenue')."""
    return " ".join(sorted({w for k in keys for w in k.split()}))


_WORD = r"[^\W\d_]+(?:[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+[^\W\d_]*)*|(?:[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+[^\W\d_]*)+"
_TOKEN = re.compile(rf"(?P<number>[0-9]+(?:[.,][0-9]+)*)|(?P<word>{_WORD})|(?P<symbol>\S)")
NUMBER_SPACED = re.compile(
    rf"(?P<number>[0-9]+(?:(?:[.,]|(?<![0-9]{{4}})[ \u00a0\u202f\u2009](?=[0-9]{{3}}(?![0-9])))[0-9]+)*)|(?P<word>{_WORD})|(?P<symbol>\S)")


def tokens(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[tuple[str, int, int]]:
    """Split ``text`` (digits already ASCII) into folded tokens with their spans; numbers fold to '#'.

    The same split is applied to the lexicon's phrases, so 'ر.س' in data and in text meet as 'ر س'.
    ``pattern`` may be ``NUMBER_SPACED`` for languages that group digits with spaces ('1 234,5').
    """
    out = []
    for m in pattern.finditer(text):
        if m.lastgroup == "number":
            out.append(("#", m.start(), m.end()))
        else:
            folded = fold(m.group())
            if folded:
                out.append((folded, m.start(), m.end()))
    return out


def phrases(words: list[str], clitics: str = "") -> re.Pattern[str] | None:
    """One pattern for a list of phrases, folded like claim text and matched as whole words, longest first; in a
    language with ``clitics`` (Arabic: و ف ب ل) one may be glued on. None for an empty list."""
    folded = sorted({fold(p) for p in words if fold(p)}, key=len, reverse=True)
    if not folded:
        return None
    prefix = f"(?:[{clitics}])?" if clitics else ""
    return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(map(re.escape, folded))})(?!\w)")
