"""Text folding shared by the normalisers and the pairing of claims.

``fold`` makes two spellings of the same words compare equal: Unicode compatibility forms, case, Arabic
diacritics and tatweel, the alef variants أ إ آ ٱ → ا, ى → ي, ة → ه, and runs of spaces and punctuation.
``digits`` turns Arabic-Indic and Persian digits into ASCII and the Arabic decimal and group marks into
``.`` and ``,``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["digits", "fold", "key", "phrases", "tokens"]

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGITS.update({0x066B: ".", 0x066C: ",", 0x066A: "%"})  # ٫ decimal, ٬ group, ٪ percent

_LETTERS = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                                   "ئ": "ي", "ـ": None}.items()}
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200c-\u200f\u202a-\u202e]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009_]+")
_PUNCT = re.compile(r"[\"'«»“”‘’()\[\]{}،؛:;,.!?؟…\-–—/]+")


def digits(text: str) -> str:
    return text.translate(_DIGITS)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold ``text`` for comparison: 'الإيرادات  العالميّة' and 'الايرادات العالمية' fold alike."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MARKS.sub("", text).translate(_LETTERS)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


_ARTICLE = re.compile(r"(?<!\S)(?:وال|بال|لل|فال|كال|ال)(?=\S{2,})")


@lru_cache(maxsize=65536)
def key(text: str | None) -> str:
    """A pairing key: ``fold`` plus the Arabic definite article dropped ('الإيرادات' ~ 'إيرادات')."""
    if not text:
        return ""
    return _ARTICLE.sub("", fold(text))


_WORD = r"(?:[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED])+"
_TOKEN = re.compile(rf"(?P<number>[0-9]+(?:[.,][0-9]+)*)|(?P<word>{_WORD})|(?P<symbol>\S)")
NUMBER_SPACED = re.compile(
    rf"(?P<number>[0-9]+(?:(?:[.,]|[ \u00a0\u202f\u2009](?=[0-9]{{3}}(?![0-9])))[0-9]+)*)|(?P<word>{_WORD})|(?P<symbol>\S)")


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
