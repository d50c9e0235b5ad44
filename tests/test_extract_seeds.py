"""Every seed checked from its ``article.txt`` alone, compared with its hand-written ``claims.json``.

Figures: a hand-written quantity or share is found when an extracted figure's span covers where its number (or,
with no number, its words) is printed. Times: each time a hand-written claim names that is printed in the article
is found when an extracted time covers it. Relations: a hand-written relation between the article's claims is
recovered when an extracted relation of the same kind names the same claims in the same roles (a share: share and
part or whole; a sum: the total and some of the parts, or the parts; a change: before and after; per: total and count; same and order:
the claims); a figure the article states twice, which the extraction relates as the same figure (``same``), is
named by either mention. Verdicts: the extracted claims and relations are checked with the seed's references (which a
newsroom's library holds, not the article), and their inconsistent verdicts, mapped back to the hand-written ids,
are compared with the seed's expected ones: those found, and false alarms (any other inconsistent verdict).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import msgspec
import pytest
from conftest import SEEDS, summary

from rules.engine import check
from rules.extract import extract
from rules.model import CheckRequest
from rules.text import digits

_NUMBER = re.compile(r"[0-9][0-9.,]*[0-9]|[0-9]")


def _occurrences(article: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while needle and (k := article.find(needle, start)) >= 0:
        out.append((k, k + len(needle)))
        start = k + 1
    return out


def _where(article: str, printed: str) -> list[tuple[int, int]]:
    """Where a hand-written value is printed: the value itself, else its number, else its last two words."""
    found = _occurrences(article, printed)
    if found:
        return found
    number = _NUMBER.search(digits(printed))
    if number:
        return _occurrences(digits(article), number.group())
    return _occurrences(article, " ".join(printed.split()[-2:]))


def _nearest(article: str, places: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Of the places a value is printed, those whose surroundings share the most words with the claim's sentence
    ('nearly doubled' in the headline and in the body: the body's, when the claim quotes the body)."""
    if len(places) < 2 or not sentence:
        return places
    words = set(sentence.split())

    def score(p: tuple[int, int]) -> int:
        return len(words & set(article[max(0, p[0] - 60):p[1] + 60].split()))

    best = max(score(p) for p in places)
    return [p for p in places if score(p) == best]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Evaluation:
    def __init__(self, seed):
        self.seed = seed
        self.request = json.loads((seed / "claims.json").read_text("utf-8"))
        self.article = (seed / "article.txt").read_text("utf-8")
        self.language = self.request["document"]["language"]
        published = self.request["document"].get("published")
        self.x = extract(self.article, self.language, dt.date.fromisoformat(published) if published else None)
        figures = [c for c in self.request["claims"] if c["kind"] in ("quantity", "share")]
        extracted = [c for c in self.x.claims if c.span and type(c).__name__ in ("Quantity", "Share")]
        # hand id → extracted id, each extracted figure used once, in the article's order
        self.mapping: dict[str, str] = {}
        used: set[str] = set()
        for claim in figures:
            value = claim["value"] if isinstance(claim["value"], str) else claim["value"]["number"]
            places = _nearest(self.article, _where(self.article, value), claim.get("sentence") or "")
            hit = next((c for c in extracted if c.id not in used and any(_overlap(c.span, p) for p in places)), None)
            if hit is not None:
                self.mapping[claim["id"]] = hit.id
                used.add(hit.id)
        self.figures = figures
        self.extracted = extracted
        self.back = {v: k for k, v in self.mapping.items()}
        times = {c["time"] for c in self.request["claims"] if c.get("time")}
        self.times = sorted(t for t in times if _where(self.article, t))
        spans = [(f.start, f.end) for f in self.x.found if f.kind == "time"]
        self.times_found = [t for t in self.times if any(_overlap(s, p) for s in spans for p in _where(self.article, t))]

    def relations(self) -> tuple[int, int]:
        ids = {c["id"] for c in self.request["claims"]}
        wanted = [r for r in self.request.get("relations", [])
                  if all(i in ids for i in _ids(r)) and r["kind"] in ("share", "sum", "change", "per")]
        # a figure the article states twice, which the extraction relates as the same figure ('parks $210 million'
        # and 'Parks spending falls to $210 million'), is one claim: either mention names it
        one: dict[str, str] = {}
        for r in self.x.relations:
            if type(r).__name__ == "Same":
                for i in r.claims[1:]:
                    one[i] = one.get(r.claims[0], r.claims[0])

        def named(i):
            return [named(j) for j in i] if isinstance(i, list) else one.get(i, i)

        got = [{k: named(v) if k not in ("kind", "exhaustive") else v for k, v in msgspec.to_builtins(r).items()}
               for r in self.x.relations]
        recovered = 0
        for r in wanted:
            m = {k: ([named(self.mapping.get(i)) for i in v] if isinstance(v, list) else named(self.mapping.get(v)))
                 for k, v in r.items() if k != "kind" and k != "exhaustive"}
            if any(_meets(r["kind"], m, g) for g in got if g["kind"] == r["kind"]):
                recovered += 1
        return recovered, len(wanted)

    def verdicts(self) -> tuple[set, set, list]:
        expected = json.loads((self.seed / "expected.json").read_text("utf-8"))
        wanted = {(e["rule"], frozenset(e["claims"])) for e in expected["verdicts"] if e["status"] == "inconsistent"}
        request = msgspec.convert({"document": self.request["document"], "text": self.article,
                                   "references": self.request.get("references", [])}, CheckRequest)
        report = check(request)
        assert [c.id for c in report.claims if c.extracted] == [c.id for c in self.x.claims]
        got = {(v.rule, frozenset(self.back.get(c, c) for c in v.claims)) for v in report.verdicts
               if v.status == "inconsistent"}
        alarms = [(v.rule, v.claims, v.explanation.en) for v in report.verdicts if v.status == "inconsistent" and
                  (v.rule, frozenset(self.back.get(c, c) for c in v.claims)) not in wanted]
        return wanted, got & wanted, alarms


def _ids(relation: dict) -> list[str]:
    out = []
    for k, v in relation.items():
        if k in ("kind", "exhaustive", "gap", "times"):
            continue
        out += v if isinstance(v, list) else [v]
    return out


def _meets(kind: str, want: dict, got: dict) -> bool:
    if kind == "share":
        return want["share"] == got.get("share") and (
            (want.get("part") and want["part"] == got.get("part")) or
            (want.get("whole") and want["whole"] == got.get("whole")))
    if kind == "sum":  # the total and some of the parts (two lists of parts of one total are two relations)
        return (want.get("total") and want["total"] == got.get("total") and
                bool(set(want["parts"]) & set(got.get("parts", [])))) or \
            (set(want["parts"]) == set(got.get("parts", [])))
    if kind == "change":
        return want["before"] == got.get("before") and want["after"] == got.get("after")
    if kind == "per":
        return want["total"] == got.get("total") and want["count"] == got.get("count")
    return False


_EVALUATIONS: dict[str, Evaluation] = {}


def _evaluation(seed) -> Evaluation:
    if seed.name not in _EVALUATIONS:
        _EVALUATIONS[seed.name] = Evaluation(seed)
    return _EVALUATIONS[seed.name]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_seed_checked_from_its_article_alone_raises_no_false_alarm(seed):
    """The article alone gives no inconsistent verdict the hand-written claims do not give."""
    _, _, alarms = _evaluation(seed).verdicts()
    assert not alarms, alarms


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_seeds_figures_are_found_in_its_article_with_their_spans(seed):
    e = _evaluation(seed)
    for c in e.extracted:  # a span is where the value is printed, in the text as sent
        assert e.article[c.span[0]:c.span[1]] == c.value
    assert len(e.mapping) >= 0.8 * len(e.figures), sorted(set(c["id"] for c in e.figures) - set(e.mapping))


def test_the_seeds_extraction_summary():
    """Recall and precision over all seeds, printed in the summary; asserted at what is reached."""
    figures = found = extracted = matched = times = times_found = rel_found = rel_all = 0
    want_all = got_all = alarms_all = 0
    lines = []
    for seed in SEEDS:
        e = _evaluation(seed)
        figures += len(e.figures)
        found += len(e.mapping)
        extracted += len(e.extracted)
        matched += len(e.back)
        times += len(e.times)
        times_found += len(e.times_found)
        r, n = e.relations()
        rel_found += r
        rel_all += n
        wanted, got, alarms = e.verdicts()
        want_all += len(wanted)
        got_all += len(got)
        alarms_all += len(alarms)
        missed = sorted(c["id"] for c in e.figures if c["id"] not in e.mapping)
        lines.append(f"{seed.name}: figures {len(e.mapping)}/{len(e.figures)}, times {len(e.times_found)}/"
                     f"{len(e.times)}, relations {r}/{n}, inconsistent verdicts {len(got)}/{len(wanted)}, false "
                     f"alarms {len(alarms)}" + (f"; figures missed: {', '.join(missed)}" if missed else ""))
    both = figures + times
    summary("extraction from article text (seeds)", (
        f"figures and times found with their spans: {found + times_found}/{both} ({100 * (found + times_found) / both:.0f}%;"
        f" figures {found}/{figures}, times {times_found}/{times}); precision: {matched}/{extracted} extracted figures "
        f"are hand-written claims ({100 * matched / extracted:.0f}%); relations recovered {rel_found}/{rel_all} "
        f"({100 * rel_found / max(rel_all, 1):.0f}%); inconsistent verdicts as with hand-written claims "
        f"{got_all}/{want_all}; false alarms {alarms_all}"))
    for line in lines:
        summary("extraction from article text (seeds)", "  " + line)
    assert alarms_all == 0
    assert (found + times_found) / both >= 0.95  # the goal
    assert rel_found / rel_all >= 0.8  # the goal
    assert rel_found >= 16, "16 of the 17 relations were recovered when this was written"
    assert matched / extracted >= 0.8
    assert got_all >= 11, "every seed's inconsistent verdicts are reached from its article (11 of 11)"
