"""The report page for people: figures in the page's locale (babel's formats, the exact values a click away), dates
written inclusive in the locale's words, the chrome in five languages, mixed directions isolated, what needs
attention first. Server-side HTML, read with the standard library's parser; the browser test measures the layout."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest
from conftest import KEYS_ENV, SEEDS, UNTHROTTLED, bearer, sign_in
from litestar.testing import TestClient

from rules.model import Computation, Range
from service.app import create_app
from service.people import speaker
from service.settings import Settings

JSON = {"content-type": "application/json"}
TIKTOK = next(s for s in SEEDS if s.name == "tiktok-m2")


# -- figures for people -----------------------------------------------------------------------------------------------
# The seed (أخبارنا, TikTok's "M2"): $12.3 B is 68 % of global revenue, so global revenue is $17.0–19.2 B; the engine
# keeps the exact ends 16985401459.8 and 19207407407.5.
@pytest.mark.parametrize("tag, said", [
    ("en", "$17B to $19.2B"),
    ("ar", "\u200f17\xa0مليار\xa0US$ إلى \u200f19.2\xa0مليار\xa0US$"),
    ("ar-EG", "\u200f١٧\xa0مليار\xa0US$ إلى \u200f١٩٫٢\xa0مليار\xa0US$"),  # Egypt's default digits
    ("fr", "17\xa0Md\xa0$US à 19,2\xa0Md\xa0$US"),
    ("es", "17\xa0mil\xa0M\xa0US$ a 19,2\xa0mil\xa0M\xa0US$"),
    ("de", "17\xa0Mrd.\xa0$ bis 19,2\xa0Mrd.\xa0$"),
])
def test_the_seeds_implied_global_revenue_reads_in_each_locale(tag, said):
    assert speaker(tag).range("16985401459.8", "19207407407.5", "USD") == said


def test_percentages_units_and_ratios_are_written_for_people():
    en, fr = speaker("en"), speaker("fr")
    assert en.range("67.5", "68.5", "percent") == "67.5% to 68.5%"
    assert fr.range("67.5", "68.5", "percent") == "67,5\xa0% à 68,5\xa0%"
    # 170 M users × 107 minutes a day (the seed): the unit named once, in words
    assert en.range("15829975000", "20707975000", "minute") == "15.8 billion to 20.7 billion minutes"
    assert en.range("0.0770833333333", "0.08125", None) == "0.0771 to 0.0812"
    assert fr.range("15829975000", "20707975000", "minute") == "15,8 milliards à 20,7 milliards de minutes"
    assert fr.range("101.15", "112.85", "minute") == "101 à 113 minutes"
    assert en.range(None, "524", "day") == "at most 524 days"
    assert en.range("-40000000", "-20000000", "USD") == "-$40M to -$20M"
    # ends close together keep enough digits to stay apart
    assert en.range("852350", "852450", "person") == "852,350 to 852,450 people"


def test_fit_and_margin_are_percentages_and_figures_not_raw_fractions():
    """A city budget's 'per_unit' slip (tests' seed city-budget-en): $47.5–53.3 B computed against $4.15–4.25 B."""
    c = Computation(formula="total = count × each", inputs=[], policy="news-v1",
                    result=Range(low="47524050000", high="53257650000", unit="USD"),
                    compared_with=Range(low="4150000000", high="4250000000", unit="USD"),
                    margin="43274050000", margin_relative="10.3034", fit=None)
    assert speaker("en").margin(c) == "$43.3B (1,000%)"
    assert speaker("en").percent("0.0702430555555") == "7%"
    assert speaker("de").percent("0.25") == "25\xa0%"


def test_dates_are_inclusive_in_the_locales_words():
    """'By 2025' is kept as [2025-01-01, 2026-01-01); a person reads both ends included."""
    assert speaker("en").span(dt.date(2025, 1, 1), dt.date(2026, 1, 1)) == "Jan 1\u2009–\u2009Dec 31, 2025"
    assert speaker("ar").range("2025-01-20", "2025-09-30", "date") == "20 يناير – 30 سبتمبر 2025"
    assert speaker("ar-MA").range("2025-01-20", "2025-09-30", "date") == "20 يناير – 30 شتنبر 2025"
    assert speaker("ar-EG").date(dt.date(2025, 9, 30)).startswith("٣٠")
    assert speaker("de").span(dt.date(2025, 9, 1), dt.date(2025, 10, 1)) == "1.–30. Sept. 2025"
    assert speaker("fr").range("2025-01-20", None, "date") == "20 janv. 2025 – …"


def test_a_speaker_is_built_once_per_tag():
    assert speaker("fr") is speaker("fr")


# -- the page ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def fresh(tmp_path):
    with TestClient(create_app(Settings(data_dir=str(tmp_path), keys=KEYS_ENV, **UNTHROTTLED))) as c:
        c.headers.update(bearer("desk-reviewer"))
        yield c


def store(client, body: bytes | dict) -> str:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    r = client.post("/v1/checks", content=content, headers={**JSON, **bearer("desk-submitter")})
    assert r.status_code == 201, r.text
    return r.headers["location"].rsplit("/", 1)[1]


VOID = {"br", "input", "img", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


class Outside(HTMLParser):
    """The text of a page outside what is not written for people by the page: the exact values (``details.exact``),
    code, the claims as the request printed them (``.printed``, ``.sentence``), names and notes people gave
    (``.given``), and the rules' own sentences
    (explanations, causes, problems — which quote the printed text and name the request's fields, `value`, `of` —,
    names of inputs, the reading policy: out of this page's hands for now)."""

    SKIP = {"exact", "printed", "sentence", "given", "policy", "explanation", "cause", "input", "problem"}

    def __init__(self, skip: set[str] = frozenset()) -> None:
        super().__init__()
        self.skip = self.SKIP | skip
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(bool(self.stack and self.stack[-1]) or tag == "code" or bool(classes & self.skip))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


def outside(html: str, *skip: str) -> str:
    p = Outside(set(skip))
    p.feed(html)
    return " ".join(p.text)


def test_the_seed_page_shows_figures_for_people_and_the_exact_values_one_click_away(fresh):
    rid = store(fresh, (TIKTOK / "claims.json").read_bytes())
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    seen = outside(page)
    assert "16985401459.8" in page and "16985401459.8" not in seen, "exact, but only inside <details>"
    assert "19.2\xa0مليار" in seen
    assert not re.search(r"\d{7,}", seen), "no long raw number outside the exact values"
    assert not re.search(r"\d\.\d{5,}", seen), "no long raw fraction outside the exact values"
    assert "20 يناير – 30 سبتمبر 2025" in seen, "the writing window, inclusive, in Arabic"
    # (a timeline's rows are named by the rule's inputs, as the verdict's inputs are)
    assert not re.search(r"\d{4}-\d\d-\d\d", outside(page, "fig-caption")), "no ISO date outside the exact values"


# -- the page's languages ---------------------------------------------------------------------------------------------
class Chrome(Outside):
    """The page's own words: outside what is marked English (``lang="en"``: the English explanation, rule names),
    names not to translate (``translate="no"``), and what the request or the rules wrote."""

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        super().handle_starttag(tag, attrs)
        if a.get("lang", "").startswith("en") or a.get("translate") == "no" or tag in ("title", "svg"):
            self.stack[-1] = True


def chrome(html: str) -> str:
    p = Chrome()
    p.feed(html)
    return " ".join(p.text)


def french(rid_title: str) -> dict:
    return {"document": {"language": "fr", "title": rid_title}, "claims": [
        {"kind": "share", "id": "s", "value": "68 %", "of": "recettes", "subject": "x", "metric": "recettes"}]}


def test_a_french_report_is_a_french_page_and_an_arabic_one_arabic(fresh):
    fr = store(fresh, french("Budget"))
    ar = store(fresh, (TIKTOK / "claims.json").read_bytes())
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{fr}", headers={"authorization": ""}).text
    assert '<html lang="fr" dir="ltr">' in page and "Cohérent" in page and "Se déconnecter" in page
    page = fresh.get(f"/reports/{ar}", headers={"authorization": ""}).text
    assert '<html lang="ar" dir="rtl">' in page and "تسجيل الخروج" in page
    words = set(re.findall(r"[A-Za-z]{2,}", chrome(page))) - {"US"}  # CLDR's Arabic for the dollar: US$
    assert not words, f"English words in the Arabic page's own text: {sorted(set(words))}"


@pytest.mark.parametrize("lang, direction, word", [("en", "ltr", "Sign out"), ("ar", "rtl", "تسجيل الخروج"),
                                                   ("fr", "ltr", "Se déconnecter"), ("es", "ltr", "Cerrar sesión"),
                                                   ("de", "ltr", "Abmelden")])
def test_a_report_reads_in_any_of_the_five_page_languages(fresh, lang, direction, word):
    rid = store(fresh, (TIKTOK / "claims.json").read_bytes())
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}?lang={lang}", headers={"authorization": ""}).text
    assert f'<html lang="{lang}" dir="{direction}">' in page and word in page
    assert f"?status=consistent&amp;lang={lang}" in page, "the filters keep the page language"
    listing = fresh.get("/reports", headers={"authorization": "", "accept-language": f"{lang};q=0.9, xx"}).text
    assert f'<html lang="{lang}" dir="{direction}">' in listing and word in listing


def test_mixed_directions_are_isolated_in_an_arabic_report(fresh):
    rid = store(fresh, (TIKTOK / "claims.json").read_bytes())
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    # the temporal rule's Arabic sentence carries ISO dates: each range kept left to right, not reversed
    assert '<bdi dir="ltr">2025-09-01 – 2025-09-30</bdi>' in page
    assert re.search(r'<p class="local" lang="ar" dir="rtl">', page)
    assert '<code dir="ltr">whole = part / share</code>' in page, "formulas left to right"
    assert '<bdi class="printed">ما يقارب 12.3 مليار دولار سنوياً</bdi>' in page, "claims isolated as printed"
    assert page.count('<details class="other-language"><summary>الإنجليزية</summary>') >= 8, "English a click away"
    # the same report read with French chrome: the Arabic sentence keeps its own language and direction
    page = fresh.get(f"/reports/{rid}?lang=fr", headers={"authorization": ""}).text
    assert '<html lang="fr" dir="ltr">' in page and '<p class="local" lang="ar" dir="rtl">' in page
    assert "<summary>anglais</summary>" in page


def test_the_article_text_is_shown_with_its_checked_figures_marked_when_the_report_has_it():
    """The report may carry the article's text (another change adds it); the page marks each claim's printed figure
    and links it to the claim; a report without text shows no article section."""
    from types import SimpleNamespace

    from rules.model import Reading, ReadClaim
    from service.pages import _article

    def claim(i, text):
        return ReadClaim(id=i, kind="quantity", value=Reading(text=text, low="1", high="2", bound="exact", policy="news-v1"))

    claims = [claim("revenue", "$12.3 billion"), claim("share", "68%"), claim("missing", "47 billion")]
    text = "US users generate about $12.3 billion a year, 68% of revenue <b>."
    marked = _article(SimpleNamespace(report=SimpleNamespace(text=text, claims=claims)), claims_from=0)
    assert '<mark><a href="#claim-0">$12.3 billion</a></mark>' in marked
    assert '<mark><a href="#claim-1">68%</a></mark>' in marked and "#claim-2" not in marked
    assert "&lt;b&gt;" in marked, "the text is escaped"
    assert _article(SimpleNamespace(report=SimpleNamespace(claims=claims)), claims_from=0) is None


def test_figures_beyond_trillions_are_written_not_a_crash():
    en = speaker("en")
    assert en.range("1" + "0" * 400, "2" + "0" * 400, "USD") == "1E400 $ to 2E400 $"
    assert en.range("-1" + "0" * 30, None, "percent") == "at least -1E30%"
    assert en.range("1/3", "2/3", None) == "0.333 to 0.667"


def test_the_cli_writes_figures_for_people_and_json_keeps_the_exact_values(capsys):
    from service.cli import main

    seed = str(TIKTOK / "claims.json")
    main(["check", seed])
    table = capsys.readouterr().out
    assert "Implied 'إجمالي الإيرادات العالمية': $17B to $19.2B" in table
    assert "When the article was written, as its claims imply: Jan 20\u2009–\u2009Sep 30, 2025" in table
    assert "16985401459.8" not in table and not re.search(r"\d\.\d{5,}", table)
    main(["check", seed, "--local"])
    assert "«إجمالي الإيرادات العالمية» المستنتجة: \u200f17\xa0مليار\xa0US$ إلى" in capsys.readouterr().out
    main(["check", seed, "--json"])
    assert '"high": "19207407407.5"' in capsys.readouterr().out


def test_a_regional_tag_keeps_its_digits_and_months_and_a_review_keeps_the_page_language(fresh):
    """An Egyptian report writes Arabic-Indic digits (CLDR's default for ar-EG); a review sent from a page read in
    German comes back to the German page."""
    rid = store(fresh, {"document": {"language": "ar-EG", "title": "الموازنة"}, "claims": [
        {"kind": "share", "id": "s", "value": "68%", "of": "الإيرادات", "subject": "x", "metric": "الإيرادات"}]})
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    assert '<html lang="ar" dir="rtl">' in page and "٦٧٫٥" in page and "٦٨٫٥" in page
    page = fresh.get(f"/reports/{rid}?lang=de", headers={"authorization": ""}).text
    token = re.search(r'name="_csrf_token" value="([^"]+)"', page).group(1)
    assert f'action="/reports/{rid}/review?lang=de"' in page
    r = fresh.post(f"/reports/{rid}/review?lang=de", data={"verdict": "0", "decision": "confirm", "_csrf_token": token},
                   headers={"authorization": ""}, follow_redirects=False)
    assert r.status_code == 303 and "lang=de" in r.headers["location"]


#: The Royal Court's statement of Saturday 29 Ramadan 1446 AH (29 March 2025) that Eid al-Fitr falls on Sunday
#: 1 Shawwal 1446 AH, 30 March 2025, by the Umm al-Qura calendar; Ramadan began on 1 March 2025
#: (https://uqn.gov.sa/details?p=27095). The claims are written from those facts.
EID = {"document": {"language": "ar", "published": "2025-03-29"},
       "claims": [{"kind": "event", "id": "eid", "what": "عيد الفطر", "time": "1 شوال 1446 هـ"},
                  {"kind": "event", "id": "eid_g", "what": "عيد الفطر", "time": "30 مارس 2025"},
                  {"kind": "event", "id": "ramadan", "what": "شهر رمضان", "time": "رمضان 1446 هـ"}],
       "relations": [{"kind": "same", "claims": ["eid", "eid_g"]}]}


def test_an_arabic_page_shows_the_hijri_date_beside_the_gregorian_when_the_article_printed_one(fresh):
    rid = store(fresh, EID)
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    assert '<bdi class="range">30 مارس 2025</bdi> <bdi class="hijri">(1 شوال 1446 هـ)</bdi>' in page
    assert '<bdi class="range">1–29 مارس 2025</bdi> <bdi class="hijri">(1–29 رمضان 1446 هـ)</bdi>' in page
    assert page.count('class="hijri"') == 2, "the date printed in the Gregorian calendar gets none"
    french = fresh.get(f"/reports/{rid}?lang=fr", headers={"authorization": ""}).text
    assert 'class="hijri"' not in french, "on Arabic pages only"


def test_hijri_dates_for_people_in_the_umm_al_qura_calendar():
    ar, eg = speaker("ar"), speaker("ar-EG")
    assert ar.hijri(dt.date(2025, 3, 30), dt.date(2025, 3, 31)) == "1 شوال 1446 هـ"
    assert ar.hijri(dt.date(2025, 3, 1), dt.date(2025, 4, 29)) == "1 رمضان – 30 شوال 1446 هـ"
    assert ar.hijri(dt.date(2024, 7, 7), dt.date(2025, 7, 26)) == "1 محرم 1446 – 30 محرم 1447 هـ"
    assert eg.hijri(dt.date(2025, 3, 30), None) == "١ شوال ١٤٤٦ هـ – …", "the locale's digits, an open end"
    assert ar.hijri(dt.date(1800, 1, 1), dt.date(1800, 1, 2)) == "", "outside Umm al-Qura: nothing, not a guess"


UNREADABLE = {"document": {"language": "ar"}, "claims": [
    {"kind": "quantity", "id": "q", "value": "1e9 دولار", "subject": "تيك توك", "metric": "الإيرادات",
     "time": "العام الماضي"}, {"kind": "event", "id": "q", "what": "الإطلاق", "time": "2025"}]}


def test_a_problem_reads_in_the_article_language_with_the_english_a_click_away(fresh):
    rid = store(fresh, UNREADABLE)
    sign_in(fresh, "desk-reviewer")
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    english = '<details class="other-language"><summary>الإنجليزية</summary><span class="en" lang="en" dir="ltr">'
    # a claim's problem, in its row; the English, as API clients read it, one click away
    assert ('<span class="local" lang="ar" dir="rtl">«العام الماضي» نسبي: يُقرأ انطلاقًا من تاريخ نشر المقال، '
            'والطلب لا يذكره</span> ' + english + "&#39;العام الماضي&#39; is relative") in page
    # the report's own problem (an id sent twice), in the problems section
    assert '<span class="local" lang="ar" dir="rtl">المعرّف «q» مستعمل مرتين' in page
    assert english + "claim id &#39;q&#39; is used twice" in page
    # French page chrome: the problem keeps the article's language and direction
    page = fresh.get(f"/reports/{rid}?lang=fr", headers={"authorization": ""}).text
    assert '<span class="local" lang="ar" dir="rtl">«العام الماضي» نسبي' in page
    assert "<summary>anglais</summary>" in page
    # an English report: the English sentence alone
    rid = store(fresh, {**UNREADABLE, "document": {"language": "en"}})
    page = fresh.get(f"/reports/{rid}", headers={"authorization": ""}).text
    assert '<span class="en" lang="en" dir="ltr">claim id &#39;q&#39; is used twice' in page
    assert 'class="local"' not in page.split('<section class="problems">', 1)[1]
