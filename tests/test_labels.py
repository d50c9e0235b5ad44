"""Labels pair as extractors write them: word order, articles, singular and plural, noun and adjective forms, in
each language (``rules.text.key``); different things never pair."""

from __future__ import annotations

import doctest
import re
import unicodedata

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rules.text
from rules.engine import check
from rules.model import CheckRequest
from rules.text import key

SAME = [
    ("en", "global revenue", "revenue, global"),
    ("en", "Global revenues", "the revenue (global)"),
    ("en", "China's exports", "exports of China"),
    ("ar", "الإيرادات العالمية", "إيرادات العالم"),
    ("ar", "تكلفة البنية التحتية", "تكلفه البنيه التحتيه"),
    ("ar", "المستخدمين في الولايات المتحدة", "مستخدمو الولايات المتحدة"),
    ("ar", "الصادرات", "صادرات"),
    ("fr", "revenus mondiaux", "revenu du monde"),
    ("fr", "les dépenses de l'État", "dépense État"),
    ("es", "ingresos mundiales", "ingresos del mundo"),
    ("de", "weltweite Einnahmen", "Einnahmen der Welt"),
]
DIFFERENT = [
    ("en", "users", "revenue"),
    ("en", "exports", "imports"),
    ("en", "US revenue", "global revenue"),
    ("ar", "الصادرات", "الواردات"),
    ("ar", "المستخدمين", "الإيرادات"),
    ("fr", "recettes", "dépenses"),
    ("de", "Einnahmen", "Ausgaben"),
]


@pytest.mark.parametrize(("language", "a", "b"), SAME)
def test_labels_that_name_the_same_thing_meet(language, a, b):
    assert key(a, language) == key(b, language)


@pytest.mark.parametrize(("language", "a", "b"), DIFFERENT)
def test_labels_of_different_things_stay_apart(language, a, b):
    assert key(a, language) != key(b, language)


def test_doctests():
    assert doctest.testmod(rules.text).failed == 0


def _share_statuses(language: str, part: dict, share: dict, whole: dict) -> list[str]:
    request = msgspec.convert({"document": {"language": language}, "claims": [
        {"kind": "quantity", "id": "part", **part}, {"kind": "share", "id": "pct", **share},
        {"kind": "quantity", "id": "whole", **whole}]}, CheckRequest)
    return [v.status for v in check(request).verdicts if v.rule == "share_of_whole"]


@pytest.mark.parametrize(("language", "part", "share", "whole"), [
    ("ar", {"value": "12.3 مليار دولار", "subject": "تيك توك", "metric": "الإيرادات", "scope": "الولايات المتحدة"},
     {"value": "68%", "of": "الإيرادات العالمية", "subject": "تيك توك", "metric": "إيرادات",
      "scope": "الولايات المتحدة"},
     {"value": "30 مليار دولار", "subject": "تيك توك", "metric": "إيرادات العالم"}),
    ("en", {"value": "$12.3 billion", "subject": "TikTok", "metric": "revenues", "scope": "U.S."},
     {"value": "68%", "of": "global revenue", "subject": "TikTok", "metric": "revenue", "scope": "US"},
     {"value": "$30 billion", "subject": "TikTok", "metric": "revenue, global"}),
])
def test_a_share_meets_its_whole_written_another_way(language, part, share, whole):
    """68 % of $30 B is not $12.3 B: the share finds its part and its whole though the extractor wrote each label
    another way."""
    assert _share_statuses(language, part, share, whole) == ["inconsistent"]
    whole = {**whole, "value": whole["value"].replace("30", "18.1")}
    assert _share_statuses(language, part, share, whole) == ["consistent"]


def _report(language: str, claims: list[dict]):
    return check(msgspec.convert({"document": {"language": language}, "claims": claims}, CheckRequest))


@pytest.mark.parametrize(("language", "of"), [("ar", "الإيرادات العالمية"), ("en", "global revenue")])
def test_a_share_whose_whole_meets_nothing_says_so(language, of):
    """'68 % of global revenue' with no figure for global revenue: a problem on the share names the 'of' that met
    nothing; once the whole is sent, the problem goes."""
    share = {"kind": "share", "id": "pct", "value": "68%", "of": of, "metric": "revenue"}
    report = _report(language, [share])
    problems = [p for c in report.claims for p in c.problems if p.code == "unmatched_of"]
    assert len(problems) == 1 and problems[0].claim == "pct" and problems[0].field == "of"
    assert f"no claim matches '{of}'" in problems[0].message
    whole = {"kind": "quantity", "id": "whole", "value": "30", "metric": of}
    assert not [p for c in _report(language, [share, whole]).claims for p in c.problems if p.code == "unmatched_of"]


def test_figures_without_a_metric_are_not_paired_by_accident():
    """Two figures nobody labelled are not 'the same figure stated twice', and an unlabelled share is not a share
    of an unlabelled count: '170 million users' is not 68 % of anything."""
    report = _report("en", [{"kind": "quantity", "id": "a", "value": "$210 million"},
                            {"kind": "quantity", "id": "b", "value": "$240 million"},
                            {"kind": "quantity", "id": "users", "value": "170 million users"},
                            {"kind": "share", "id": "pct", "value": "68%", "of": "global revenue"}])
    assert not [v for v in report.verdicts if v.rule in ("restated", "share_of_whole")]
    labelled = _report("en", [{"kind": "quantity", "id": "a", "value": "$210 million", "metric": "parks"},
                              {"kind": "quantity", "id": "b", "value": "$240 million", "metric": "parks"}])
    assert [v.status for v in labelled.verdicts if v.rule == "restated"] == ["inconsistent"]


# -- the per-label shortcuts equal the full steps --------------------------------------------------------------------
_ARTICLE = re.compile(r"(?<!\S)(?:وال|بال|لل|فال|كال|ال)(?=\S{2,})")  # the article as a pattern (before _article)
_ALPHABET = "والبلفكإأةهمنيـً aAeé.U,'-\u00a0"


def _key_in_full(text: str, language: str) -> str:
    """``key`` with every step taken whatever the text: marks removed, initials joined, the article cut by pattern."""
    from rules.text import _INITIALS, _MARKS, _PUNCT, _STOP, _cut, _stemmer

    text = _MARKS.sub("", unicodedata.normalize("NFKC", text).casefold())
    text = _INITIALS.sub(lambda m: m.group().replace(".", ""), text)
    stop = _STOP.get(language, _STOP["en"])
    stems = set()
    for word in _PUNCT.sub(" ", text).split():
        if word.translate(rules.text._LETTERS) in stop:
            continue
        if re.search(r"[\u0600-\u06FF]", word):
            word = _ARTICLE.sub("", word)
            if word.endswith("ه") and len(word) > 2:
                word = word[:-1] + "ة"
            stem = _stemmer("ar").stemWord("ال" + word)
            stems.add(_cut(stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem, "ar")
                      .translate(rules.text._LETTERS))
        else:
            lang = language if language in ("en", "fr", "es", "de") else "en"
            stems.add(_cut(_stemmer(lang).stemWord(word), lang))
    return " ".join(sorted(w for w in stems if w))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=14), st.sampled_from(["ar", "en", "fr", "es", "de"]))
def test_key_takes_shortcuts_only_where_a_step_would_change_nothing(text, language):
    assert key.__wrapped__(text, language) == _key_in_full(text, language)
    for word in text.split():
        assert rules.text._article(word) == _ARTICLE.sub("", word)


def _fold_in_full(text: str) -> str:
    from rules.text import _LETTERS, _MARKS, _PUNCT, _SPACES

    text = _MARKS.sub("", unicodedata.normalize("NFKC", text).casefold()).translate(_LETTERS)
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET + "\u06e5\u06e6\u064e\u0640İß_ﻻ", max_size=10))
def test_fold_of_one_word_takes_the_same_steps_as_any_text(text):
    assert rules.text.fold.__wrapped__(text) == _fold_in_full(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aZé1 ـآٱىؤئة\u200c\u202a\u0670…/–—«»“()\t\n\u202f\u2009_،؛؟!", max_size=10))
def test_fold_skips_only_steps_that_change_nothing(text):
    """ASCII text skips marks and letters, text without the letters folded skips their table, and punctuation and
    spaces are one pass: the same as every step taken."""
    assert rules.text.fold.__wrapped__(text) == _fold_in_full(text)


def _digits_in_full(text: str) -> str:
    from rules.text import _DIGITS, _OTHER_DIGIT

    text = text.translate(_DIGITS)
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="a é,.%12٠٣٩۰۴٪٫٬１३๓\u0660", max_size=10))
def test_digits_skips_only_text_it_would_not_change(text):
    assert rules.text.digits(text) == _digits_in_full(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aé1 .-ـبت\u064e\u0670\u06e5\u0610,'", max_size=12))
def test_a_word_is_a_run_of_letters_and_marks(text):
    """The tokenisers' word pattern, unrolled into runs, splits text as one letter or mark at a time does."""
    from rules.normalise import lexicon

    letter_or_mark = rf"(?:{lexicon._LETTER}|{lexicon._MARK})+"
    for pattern, group in ((rules.text.NUMBER_SPACED, "word"), (rules.text._TOKEN, "word"),
                           (lexicon._SPLIT, "w"), (lexicon._SPLIT_SPACED, "w")):
        plain = re.compile(pattern.pattern.replace(f"(?P<{group}>{rules.text._WORD})", f"(?P<{group}>{letter_or_mark})")
                           .replace(lexicon._WORD, f"(?P<w>{letter_or_mark})"))
        assert plain.pattern != pattern.pattern
        assert [(m.lastgroup, m.span()) for m in pattern.finditer(text)] == \
            [(m.lastgroup, m.span()) for m in plain.finditer(text)]
