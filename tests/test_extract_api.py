"""Article text over HTTP: ``POST /v1/extract`` (claims found, unchecked) and ``POST /v1/checks`` with ``text``
(found and checked in one call), and the bad input around them: another language, no figures, markup, control and
bidi characters that must not shift spans, text past the limit."""

from __future__ import annotations

import json

from conftest import ROOT

from rules.extract import blank

ARTICLE = (ROOT / "seeds" / "tiktok-m2" / "article.txt").read_text("utf-8")


def post(client, path, body):
    return client.post(path, content=json.dumps(body, ensure_ascii=False).encode(),
                       headers={"content-type": "application/json"})


def test_the_seed_article_in_one_call_gives_its_verdicts(client):
    """The README's first example: the TikTok article alone, checked and stored; extracted claims carry spans into
    the text the report keeps."""
    r = post(client, "/v1/checks", {"document": {"language": "ar"}, "text": ARTICLE})
    assert r.status_code == 201, r.text
    report = r.json()
    assert report["text"] == ARTICLE
    extracted = [c for c in report["claims"] if c.get("extracted")]
    assert len(extracted) >= 7
    for c in extracted:
        assert c["span"][0] < c["span"][1] <= len(ARTICLE)
    printed = {ARTICLE[c["span"][0]:c["span"][1]] for c in extracted}
    assert {"نحو 170 مليون مستخدم", "ما يقارب 12.3 مليار دولار سنوياً", "حوالي 107 دقائق يوميًا",
            "4.7 مليار دولار"} <= printed
    share = next(v for v in report["verdicts"] if v["rule"] == "share_of_whole")
    # "تصل إلى 68%" is read as the reader reads "up to 68 %": the implied global revenue is at least $17.1 B
    assert share["status"] == "unverifiable" and "الإيرادات العالمية" in share["explanation"]["en"]
    assert share["derived"][0]["range"]["low"].startswith("1711")
    assert not [v for v in report["verdicts"] if v["status"] == "inconsistent"]
    minutes = [v for v in report["verdicts"] if v["rule"] == "within_bounds" and v["status"] == "consistent"]
    assert minutes, "107 minutes a day fits in a day; 68 % fits in 100 %"
    assert any(r["kind"] == "share" for r in report["relations"])
    stored = client.get(r.headers["location"]).json()
    assert stored["report"]["text"] == ARTICLE if "report" in stored else stored["text"] == ARTICLE


def test_text_joins_the_clients_claims_without_taking_their_ids(client):
    body = {"document": {"language": "en"}, "text": "Revenue reached $6.1 billion in 2024.",
            "claims": [{"kind": "quantity", "id": "x1", "value": "42.5 million subscribers", "metric": "subscribers"}]}
    r = post(client, "/v1/checks?store=false", body)
    assert r.status_code == 200, r.text
    claims = r.json()["claims"]
    assert [c["id"] for c in claims if not c.get("extracted")] == ["x1"]
    mine = [c for c in claims if c.get("extracted")]
    assert len(mine) == 1 and mine[0]["id"] != "x1" and mine[0]["span"] == [16, 28]


def test_extract_gives_claims_ready_for_checks(client):
    r = post(client, "/v1/extract", {"document": {"language": "ar"}, "text": ARTICLE})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert all(c["extracted"] for c in answer["claims"])
    times = [f for f in answer["found"] if f["kind"] == "time"]
    assert {f["text"] for f in times} >= {"بحلول عام 2025", "بحلول سبتمبر 2025"}
    assert next(f for f in times if f["text"] == "بحلول سبتمبر 2025")["time"]["end"] == "2025-10-01"
    events = [c for c in answer["claims"] if c["kind"] == "event"]
    # 'asserted', the default modality, is left out of the JSON (the law passed, an event with no time)
    assert {(e["tense"], e.get("modality", "asserted")) for e in events} >= {("future", "planned"),
                                                                           ("future", "expected"), ("past", "asserted")}
    assert any(c["kind"] == "role" and c["person"] == "بايدن" and c["status"] == "former" for c in answer["claims"])
    again = post(client, "/v1/checks?store=false", {"document": {"language": "ar"}, "claims": answer["claims"],
                                                   "relations": answer["relations"]})
    assert again.status_code == 200, again.text


def test_another_language_is_a_problem_naming_the_supported_ones(client):
    r = post(client, "/v1/extract", {"document": {"language": "ja"}, "text": "売上高は12億円だった。"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    for lang in ("ar", "de", "en", "es", "fr"):
        assert lang in r.text, r.text  # the detail or the field's error names them
    r = post(client, "/v1/checks?store=false", {"document": {"language": "ja"}, "text": "売上高は12億円だった。"})
    assert r.status_code == 422, "the document's language is one of the five for /v1/checks too"
    assert all(lang in r.text for lang in ("ar", "de", "en", "es", "fr"))


def test_a_text_with_no_figures_is_an_empty_report_with_a_problem(client):
    r = post(client, "/v1/checks?store=false", {"document": {"language": "en"}, "text": "Nothing was counted."})
    assert r.status_code == 200
    assert r.json()["verdicts"] == [] and [p["code"] for p in r.json()["problems"]] == ["no_figures"]
    r = post(client, "/v1/extract", {"document": {"language": "en"}, "text": "Nothing was counted."})
    assert r.status_code == 200 and r.json()["claims"] == [] and r.json()["problems"][0]["code"] == "no_figures"


def test_markup_control_and_bidi_characters_never_shift_spans(client):
    plain = "Revenue reached $6.1 billion in 2024."
    for text in (plain,
                 "<p>Revenue <b>reached</b> $6.1 billion in 2024.</p>",
                 "Revenue\u202e reached\u200f $6.1 billion\x07 in 2024.",
                 "Revenue&nbsp;reached $6.1\u2066 billion in 2024."):
        r = post(client, "/v1/extract", {"document": {"language": "en"}, "text": text})
        assert r.status_code == 200, r.text
        figures = [c for c in r.json()["claims"] if c["kind"] == "quantity"]
        assert len(figures) == 1, (text, figures)
        s, e = figures[0]["span"]
        assert "6.1" in text[s:e] and "billion" in text[s:e], (text, text[s:e])
        assert figures[0]["value"] == blank(text)[s:e]  # as sent, with markup and controls as spaces


def test_text_past_the_limit_is_refused(client):
    r = post(client, "/v1/extract", {"document": {"language": "en"}, "text": "1 " * 100_001})
    assert r.status_code == 422
    assert "200000" in r.text.replace(" ", "") or "200 000" in r.text


def test_a_text_with_more_figures_than_a_request_reads_is_refused_and_its_claims_still_checked(client):
    """More than ``MAX_FIGURES`` figures: /v1/extract answers 422 with the code; /v1/checks checks the claims sent
    and says why the text was not read (as for a language it does not read)."""
    from rules.extract import MAX_FIGURES

    text = "Revenue was $5 billion, " * (MAX_FIGURES + 1)
    r = post(client, "/v1/extract", {"document": {"language": "en"}, "text": text})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    assert f"more than {MAX_FIGURES} figures" in r.text, r.text
    claims = [{"id": "c1", "kind": "share", "value": "140%", "of": "revenue"}]
    r = post(client, "/v1/checks?store=false", {"document": {"language": "en"}, "text": text, "claims": claims})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [p["code"] for p in body["problems"] if p.get("field") == "text"] == ["too_many_figures"]
    assert [c["id"] for c in body["claims"]] == ["c1"]
    assert any(v["status"] == "inconsistent" and v["claims"] == ["c1"] for v in body["verdicts"]), body["verdicts"]
