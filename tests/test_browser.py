"""The report pages in a real browser: Debian's Chromium (/usr/bin/chromium, installed by `make test`) driven by
playwright, against a real server process. Screenshots go to tests/artifacts/ (not committed).

The browser may fetch only from the server under test: any other request is aborted and fails the test."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from conftest import ARTIFACTS, KEYS, KEYS_ENV, SEEDS, UNTHROTTLED_ENV, bearer
from servers import Server

from rules.engine import RULES

sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs playwright")
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]
SEED = next(s for s in SEEDS if s.name == "tiktok-m2")
FAMILY = {r.id: r.family for r in RULES}
PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Server({"TADQIQ_DATA_DIR": str(tmp_path_factory.mktemp("browser-data")), "TADQIQ_KEYS": KEYS_ENV, **UNTHROTTLED_ENV}) as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def post(server, body: bytes | dict) -> tuple[str, dict]:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    r = httpx.post(server.url + "/v1/checks", content=content,
                   headers={**bearer("desk-submitter"), "content-type": "application/json"})
    assert r.status_code == 201, r.text
    return r.headers["location"].rsplit("/", 1)[1], r.json()


@pytest.fixture
def page(browser, server, request):
    """A signed-in reviewer's tab that may reach only the server; console errors and outside requests fail."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-US")
    outside: list[str] = []

    def only_ours(route):
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_ours)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.goto(server.url + "/login")
    tab.fill("#key", KEYS["desk-reviewer"])
    with tab.expect_navigation():
        tab.click("form.login button[type=submit]")
    assert tab.url.endswith("/reports")
    yield tab
    context.close()
    assert not outside, f"the page tried to fetch from outside: {outside}"
    assert not problems, f"console errors, script errors or dialogs: {problems}"


def shot(tab, name: str, **kw) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, **kw)


def test_the_seed_report_renders_right_to_left_with_its_figures(page, server):
    rid, report = post(server, (SEED / "claims.json").read_bytes())
    page.goto(f"{server.url}/reports/{rid}")
    shot(page, "seed-ar")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    assert page.text_content("h1").strip() == report["document"]["title"]
    articles = page.locator("article.verdict")
    assert articles.count() == len(report["verdicts"])
    for n, v in enumerate(report["verdicts"]):
        article = page.locator(f"#v{n}")
        badge, heading = article.locator(".badge").bounding_box(), article.locator("h2").bounding_box()
        assert badge["x"] > heading["x"], "right to left: the badge comes first, on the right"
        assert v["explanation"]["local"] in article.inner_text()
        figure = article.locator("figure.fig svg")
        if FAMILY[v["rule"]] == "arithmetic" and v.get("computation"):
            assert figure.count() == 1, v["rule"]
            box = figure.bounding_box()
            assert box["width"] > 300 and box["height"] > 30
            bars = article.locator("rect.fig-bar")
            assert bars.count() == 1 + (v["computation"].get("compared_with") is not None)
            assert all(bars.nth(i).bounding_box()["width"] >= 1 for i in range(bars.count()))
        if FAMILY[v["rule"]] == "temporal":
            dated = [i for i in (v.get("computation") or {}).get("inputs", []) if i["range"].get("unit") == "date"]
            assert article.locator("rect.fig-time").count() == max(len(dated), 1), "a bar for each date compared"
            assert article.locator("rect.fig-bar").count() >= 2, "a timeline, not a lone bar"
    text = page.inner_text("main")
    assert "مليار" in text and "تأكيد" in text, "Arabic numbers in words and Arabic controls"
    page.emulate_media(media="print")
    assert not page.locator("form.review").first.is_visible(), "the print stylesheet hides the controls"
    assert page.locator("figure.fig svg").first.is_visible()
    shot(page, "seed-ar-print")
    page.pdf(path=str(ARTIFACTS / "seed-ar.pdf"))


def test_a_review_click_persists_and_shows_after_reload(page, server):
    rid, _ = post(server, {"document": {"language": "en", "title": "Revenue slip"}, "claims": [
        {"kind": "quantity", "id": "rev", "value": "$12.3 million a year", "subject": "x", "metric": "revenue"},
        {"kind": "share", "id": "sh", "value": "68%", "of": "global revenue", "subject": "x", "metric": "revenue"},
        {"kind": "quantity", "id": "glob", "value": "$18 billion a year", "subject": "x", "metric": "global revenue"}],
        "relations": [{"kind": "share", "share": "sh", "part": "rev", "whole": "glob"}]})
    page.goto(f"{server.url}/reports/{rid}")
    first = page.locator("#v0")
    assert first.get_attribute("data-review") == "unreviewed"
    first.locator("textarea[name=note]").fill("Checked against the annual report: million, not billion.")
    with page.expect_navigation():
        first.locator("button[value=confirm]").click()
    page.reload()
    first = page.locator("#v0")
    assert first.get_attribute("data-review") == "confirmed"
    assert "million, not billion" in first.inner_text()
    assert "desk-reviewer" in page.inner_text("section.trail")
    shot(page, "review-persisted")
    stored = httpx.get(f"{server.url}/v1/checks/{rid}", headers=bearer("desk-submitter")).json()
    assert [(r["decision"], r["reviewer"]) for r in stored["reviews"]] == [("confirm", "desk-reviewer")]

    page.locator("a.chip[data-status=inconsistent]").click()
    page.wait_for_url("**status=inconsistent")
    statuses = page.locator("article.verdict").evaluate_all("els => els.map(e => e.dataset.status)")
    assert statuses and set(statuses) == {"inconsistent"}, "the filter shows only that status"


def test_claim_text_with_script_and_onerror_payloads_runs_nothing(page, server):
    body = {"document": {"language": "en", "title": "Title " + PAYLOAD, "source": PAYLOAD},
            "claims": [{"kind": "share", "id": "s", "value": "130% " + PAYLOAD[:200], "of": PAYLOAD,
                        "sentence": "It said " + PAYLOAD, "source": PAYLOAD},
                       {"kind": "event", "id": "e", "what": PAYLOAD, "time": "by 2025"},
                       {"kind": "event", "id": "f", "what": PAYLOAD, "time": "by March 2025"}]}
    rid, _ = post(server, body)
    page.goto(f"{server.url}/reports/{rid}")
    shot(page, "payloads")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script, img, [onerror]').length") == 0
    assert page.text_content("h1").strip() == "Title " + PAYLOAD, "shown as the text it is"
    text = page.inner_text("main")
    assert PAYLOAD in text and "It said " + PAYLOAD in text, "every claim is listed, as text"
    page.goto(f"{server.url}/reports")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script, img, [onerror]').length") == 0
