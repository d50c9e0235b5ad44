"""The exports as the people who publish them use them: ClaimReview with what Google requires, JSON-LD that can sit
in a page's <script>, a CSV a spreadsheet opens in Arabic, Markdown that a CommonMark parser reads back as written.

Google's Fact Check markup (https://developers.google.com/search/docs/appearance/structured-data/factcheck) requires
a ClaimReview's ``claimReviewed``, ``reviewRating`` and ``url`` and a Rating's ``alternateName``, and recommends the
review's ``author``, ``datePublished`` and ``itemReviewed`` and the claim's ``author``, ``appearance`` and
``datePublished`` (the table as Full Fact set it out: https://fullfact.github.io/markup-investigation/docs/notes/
01-basic-usage/)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from markdown_it import MarkdownIt

from conftest import KEYS, SEEDS

SEED = next(p for p in SEEDS if p.name == "tiktok-m2")
REVIEWER = {"Authorization": f"Bearer {KEYS['desk-reviewer']}"}
REQUIRED = ("claimReviewed", "reviewRating", "url")


@pytest.fixture(scope="module")
def seed(client) -> tuple[str, dict]:
    """The seed stored, one verdict confirmed, one overridden, one disputed, the rest not reviewed."""
    r = client.post("/v1/checks", json=json.loads((SEED / "claims.json").read_text("utf-8")))
    assert r.status_code == 201
    report = r.json()
    rid = report["id"]
    verdicts = report["verdicts"]
    share = next(n for n, v in enumerate(verdicts) if v["rule"] == "share_of_whole")
    bounds = next(n for n, v in enumerate(verdicts) if v["rule"] == "within_bounds")
    order = next(n for n, v in enumerate(verdicts) if v["rule"] == "event_order")
    for decision in ({"verdict": bounds, "decision": "confirm"},
                     {"verdict": share, "decision": "override", "status": "inconsistent",
                      "note": "the desk's reference figure for global revenue does not fit the implied total"},
                     {"verdict": order, "decision": "dispute", "note": "the law names ByteDance, not TikTok"}):
        assert client.post(f"/v1/checks/{rid}/reviews", json=decision, headers=REVIEWER).status_code == 201
    return rid, {"share": share, "bounds": bounds, "order": order, "report": report}


def test_claimreview_publishes_the_reviewed_verdicts_with_what_google_requires(client, seed):
    rid, at = seed
    r = client.get(f"/v1/checks/{rid}/claimreview")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    graph = r.json()["@graph"]
    assert sorted(int(g["identifier"].rsplit("/", 1)[1]) for g in graph) == sorted([at["share"], at["bounds"]]), \
        "confirmed and overridden only: the disputed and the unreviewed are not published"
    for review in graph:
        assert all(review.get(k) for k in REQUIRED), review
        assert review["reviewRating"]["alternateName"] and review["author"]["name"] == "desk"
        url = urlsplit(review["url"])
        assert url.scheme in ("http", "https") and url.path == f"/reports/{rid}"
        assert url.fragment == f"v{review['identifier'].rsplit('/', 1)[1]}"
        assert client.get(f"{url.path}").status_code in (200, 303)
        assert "url" not in review["author"], "no record for the newsroom: no site (this server's is not its)"
        assert review["datePublished"] and review["itemReviewed"]["author"]["name"] == "أخبارنا"
        assert review["inLanguage"] == "ar" and review["workTranslation"]["inLanguage"] == "en"
    every = client.get(f"/v1/checks/{rid}/claimreview", params={"all": "true"}).json()["@graph"]
    assert len(every) == len(at["report"]["verdicts"])


def test_an_overridden_verdict_is_rated_and_explained_as_the_reviewer_decided(client, seed):
    rid, at = seed
    graph = client.get(f"/v1/checks/{rid}/claimreview").json()["@graph"]
    (review,) = [g for g in graph if g["identifier"].endswith(f"/{at['share']}")]
    engine = at["report"]["verdicts"][at["share"]]["explanation"]
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["alternateName"] == "غير متسق"
    assert review["workTranslation"]["reviewRating"]["alternateName"] == "Inconsistent"
    assert "desk's reference figure" in review["reviewBody"]
    assert "desk's reference figure" in review["workTranslation"]["reviewBody"]
    assert engine["local"] not in review["reviewBody"], "the engine argued for another status: not the reason"
    assert engine["en"] not in review["workTranslation"]["reviewBody"]
    (confirmed,) = [g for g in graph if g["identifier"].endswith(f"/{at['bounds']}")]
    bounds = at["report"]["verdicts"][at["bounds"]]["explanation"]
    assert confirmed["reviewBody"] == bounds["local"] and confirmed["workTranslation"]["reviewBody"] == bounds["en"]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script"
        if self._in:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.scripts[-1] += data


def test_the_json_ld_stays_one_script_element_inside_a_page(client):
    hostile = "</script><script>alert(1)</script><!-- 68 % & more -->"
    body = {"document": {"language": "en", "title": "A page"},
            "claims": [{"kind": "share", "id": "s", "value": "130%", "of": "the market", "sentence": hostile}]}
    rid = client.post("/v1/checks", json=body).json()["id"]
    ld = client.get(f"/v1/checks/{rid}/claimreview", params={"all": "true"})
    assert b"</" not in ld.content and b"<!--" not in ld.content
    page = f'<html><head><script type="application/ld+json">{ld.text}</script></head><body>x</body></html>'
    parser = _Scripts()
    parser.feed(page)
    assert len(parser.scripts) == 1, "the claim did not end the element"
    assert json.loads(parser.scripts[0]) == ld.json()
    assert ld.json()["@graph"][0]["claimReviewed"] == hostile, "the escapes mean the same characters"


def test_the_csv_opens_in_a_spreadsheet_with_its_bom_and_one_charset(client, seed):
    rid, at = seed
    r = client.get(f"/v1/checks/{rid}/csv")
    assert r.content.startswith(b"\xef\xbb\xbf"), "UTF-8's byte order mark first"
    assert r.headers["content-type"].lower().count("charset") == 1, r.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == len(at["report"]["verdicts"]) and list(rows[0])[0] == "verdict"
    assert rows[at["share"]]["status"] == "inconsistent" and rows[at["share"]]["review"] == "overridden"
    assert "مليار" in rows[at["share"]]["claim_text"], "Arabic intact"
    markdown = client.get(f"/v1/checks/{rid}/markdown")
    assert markdown.headers["content-type"].lower().count("charset") == 1, markdown.headers["content-type"]


def _blocks(text: str) -> list[tuple[str, str]]:
    """(block, its text as a CommonMark reader gets it) for each heading, paragraph and quoted paragraph."""
    tokens = MarkdownIt("commonmark").parse(text)
    out, inside = [], []
    for t in tokens:
        if t.type.endswith("_open") and t.type != "inline":
            inside.append(t.type[:-5])
        elif t.type.endswith("_close"):
            inside.pop()
        elif t.type == "inline":
            kinds = {c.type for c in t.children or []}
            assert not kinds & {"html_inline", "link_open", "image", "em_open"}, (kinds, t.content)
            out.append(("/".join(inside), "".join(c.content for c in t.children or []
                                                  if c.type in ("text", "code_inline"))))
        elif t.type in ("html_block", "code_block", "hr"):
            raise AssertionError(f"{t.type}: {t.content!r}")
    return out


def test_the_markdown_reads_back_as_written_and_quotes_each_sentence_once(client, seed):
    rid, at = seed
    text = client.get(f"/v1/checks/{rid}/markdown").text
    blocks = _blocks(text)
    report = at["report"]
    headings = [b for kind, b in blocks if kind == "heading"]
    assert len(headings) == 1 + len(report["verdicts"])
    paragraphs = [b for kind, b in blocks if kind == "paragraph"]
    for v in report["verdicts"]:
        for said in (v["explanation"]["en"], v["explanation"]["local"]):
            assert " ".join(said.split()) in paragraphs, f"not read back as written: {said}"
    sections = text.split("\n## ")[1:]
    assert len(sections) == len(report["verdicts"])
    sentences = {c["id"]: c.get("sentence") for c in json.loads((SEED / "claims.json").read_text("utf-8"))["claims"]}
    for section, v in zip(sections, report["verdicts"], strict=True):
        quotes = [b for kind, b in _blocks("## " + section) if kind == "blockquote/paragraph"]
        assert len(quotes) == len(set(quotes)), f"a sentence quoted twice: {quotes}"
        for claim in v["claims"]:
            if sentences.get(claim):
                assert " ".join(sentences[claim].split()) in quotes
    assert "\\6" not in text and "\\1" not in text, "no backslash before a number"


@pytest.mark.parametrize("sentence", ["12.3 billion dollars a year, 68 % of revenue.", "- 5 % on the year",
                                      "1. the first * of [two](x) <b>bold</b> _claims_ & AT&amp;T", "---",
                                      "# not a heading", "2025) was the year"])
def test_text_at_the_start_of_a_line_is_read_back_literally(client, sentence):
    body = {"document": {"language": "en", "title": sentence},
            "claims": [{"kind": "share", "id": "s", "value": "130%", "of": "the market", "sentence": sentence}]}
    rid = client.post("/v1/checks", json=body).json()["id"]
    text = client.get(f"/v1/checks/{rid}/markdown").text
    blocks = _blocks(text)
    assert ("blockquote/paragraph", sentence) in blocks, blocks
    assert ("heading", sentence) in blocks, blocks
    if sentence.startswith("12.3"):
        assert "> 12.3 billion" in text, "a figure starting a line is left as printed"


def test_the_csv_writes_figures_for_people_beside_the_exact_ones(client, seed):
    """The machine columns keep the exact range (16985401459.8 …); the ``*_text`` columns say it as the Arabic
    report page does: babel's compact currency format in Arabic, the margin and fit as percentages."""
    rid, at = seed
    rows = list(csv.DictReader(io.StringIO(client.get(f"/v1/checks/{rid}/csv").content.decode("utf-8-sig"))))
    share = rows[at["share"]]
    assert share["result_low"] == "16985401459.8" and share["unit"] == "USD", "exact, for machines"
    assert "16985401459" not in share["result_text"] and "مليار" in share["result_text"], share["result_text"]
    assert "17" in share["result_text"] and "19.2" in share["result_text"], share["result_text"]
    bounds = rows[at["bounds"]]
    assert bounds["result_low"] == "67.5" and bounds["result_text"] == "67.5% إلى 68.5%", bounds["result_text"]
    assert bounds["fit"] == "0" and bounds["fit_text"] == "0%", bounds["fit_text"]
    for row in rows:
        for column in ("result_text", "compared_text", "margin_text"):
            assert not re.search(r"\d{7}", row[column]), (column, row[column])


def test_the_markdown_writes_figures_for_people_in_the_report_language(client, seed):
    rid, at = seed
    text = client.get(f"/v1/checks/{rid}/markdown").text
    assert "16985401459" not in text and "0.0702430555555" not in text, "no raw number"
    assert "17 مليار" in text and "19.2 مليار" in text, "the implied global revenue as the Arabic page writes it"
    assert "- النطاق المحسوب:" in text and "- الصيغة:" in text, "the computation's words in the report's language"
    implied = text.split("**ما تعنيه الأرقام**", 1)[1]
    assert "- «الإيرادات» لكل مستخدم: \u200f63.40 US$ إلى \u200f82.80 US$" in implied, "revenue per user, for people"
    assert "20 يناير – 30 سبتمبر 2025" in implied, "the writing window, both days included, in Arabic"
    english = client.post("/v1/checks", json={
        "document": {"language": "en"},
        "claims": [{"kind": "quantity", "id": "users", "value": "170 million users", "subject": "TikTok"},
                   {"kind": "quantity", "id": "rev", "value": "$12.3 billion a year", "metric": "revenue",
                    "subject": "TikTok"}]}).json()["id"]
    text = client.get(f"/v1/checks/{english}/markdown").text
    assert "**What the figures imply**\n\n- 'revenue' per user: $70.00 to $74.80" in text, text


def test_claimreview_author_is_the_newsroom_as_its_record_in_the_keys_file_says(tmp_path):
    """Google asks for the publisher of the fact check as ``author``, with its name and site: the newsroom's record
    (``[[newsroom]]`` in the keys file), read again when the file changes."""
    from litestar.testing import TestClient

    from conftest import UNTHROTTLED
    from service.app import create_app
    from service.auth import digest, new_key
    from service.settings import Settings

    key = new_key()
    keys = tmp_path / "keys.toml"
    entry = f'[[key]]\nid = "layla"\nnewsroom = "akhbarona"\nrole = "reviewer"\nsha256 = "{digest(key)}"\n'
    keys.write_text(entry + '[[newsroom]]\nid = "akhbarona"\nname = "أخبارنا"\nurl = "https://www.akhbarona.com/"\n')
    app = create_app(Settings(data_dir=str(tmp_path / "data"), keys_file=str(keys), **UNTHROTTLED))
    with TestClient(app) as c:
        c.headers.update({"Authorization": f"Bearer {key}"})
        rid = c.post("/v1/checks", json=json.loads((SEED / "claims.json").read_text("utf-8"))).json()["id"]
        author = c.get(f"/v1/checks/{rid}/claimreview?all=true").json()["@graph"][0]["author"]
        assert author == {"@type": "Organization", "name": "أخبارنا", "url": "https://www.akhbarona.com/"}
        keys.write_text(entry + '[[newsroom]]\nid = "akhbarona"\nurl = "https://akhbarona.example/"\n# changed\n')
        author = c.get(f"/v1/checks/{rid}/claimreview?all=true").json()["@graph"][0]["author"]
        assert author == {"@type": "Organization", "name": "akhbarona", "url": "https://akhbarona.example/"}


@pytest.mark.parametrize("record", ['id = "akhbarona"\nurl = "javascript:alert(1)"', 'id = "a b"',
                                    'id = "akhbarona"\nurl = "https://x.example/\\" onload"'])
def test_a_newsroom_record_that_is_not_a_site_is_refused(tmp_path, record):
    from service.auth import Keys

    keys = tmp_path / "keys.toml"
    keys.write_text(f"[[newsroom]]\n{record}\n")
    with pytest.raises(ValueError, match="newsroom"):
        Keys.load(keys)


def test_the_markdown_lists_the_problems_in_the_report_language_and_in_english(client):
    body = {"document": {"language": "ar"}, "claims": [
        {"kind": "quantity", "id": "q", "value": "1e9 دولار", "subject": "تيك توك", "metric": "الإيرادات",
         "time": "العام الماضي"}, {"kind": "event", "id": "q", "what": "الإطلاق", "time": "2025"}]}
    rid = client.post("/v1/checks", json=body).json()["id"]
    text = client.get(f"/v1/checks/{rid}/markdown").text
    section = text.split("**مشكلات**\n\n", 1)[1]
    assert ("- `duplicate_id` q claims\\[1\\].id: المعرّف «q» مستعمل مرتين؛ وقد استُبعد هذا الادعاء / claim id 'q' "
            "is used twice; this one was set aside") in section, section
    assert ("- `needs_publication_date` q time: «العام الماضي» نسبي: يُقرأ انطلاقًا من تاريخ نشر المقال، والطلب لا "
            "يذكره / 'العام الماضي' is relative") in section, section
    items = [b for kind, b in _blocks(text) if kind == "bullet_list/list_item/paragraph"]
    assert any(b.startswith("duplicate_id q claims[1].id: المعرّف «q»") for b in items), items
