"""The report pages in a real browser: Debian's Chromium (/usr/bin/chromium, installed by `make test`) driven by
playwright, against a real server process. Screenshots go to tests/artifacts/ (not committed).

The browser may fetch only from the server under test: any other request is aborted and fails the test."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from conftest import ARTIFACTS, KEYS, KEYS_ENV, SEEDS, UNTHROTTLED_ENV, bearer
from servers import TADQIQ, Server

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


def only_the_server(context, server) -> list[str]:
    """Let ``context`` reach the server under test only; returns the list where any other address it tried goes."""
    outside: list[str] = []

    def only_ours(route):
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_ours)
    return outside


@pytest.fixture
def page(browser, server, request):
    """A signed-in reviewer's tab that may reach only the server; console errors and outside requests fail."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-US")
    outside = only_the_server(context, server)
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
    shown = articles.evaluate_all("els => els.map(e => e.dataset.status)")
    attention = [x for x in shown if x != "consistent"]
    assert shown[:len(attention)] == attention, "what needs attention first, consistent checks after"
    folded = page.locator("details.verdict-compact")
    assert folded.count() == shown.count("consistent") and not folded.first.get_attribute("open")
    assert not page.locator("details.verdict-compact article").first.is_visible(), "a passed check is one line"
    page.evaluate("document.querySelectorAll('details.verdict-compact').forEach(d => d.open = true)")
    for n, v in enumerate(report["verdicts"]):
        article = page.locator(f"#v{n}")
        badge, heading = article.locator(".badge").bounding_box(), article.locator("h2").bounding_box()
        assert badge["x"] > heading["x"], "right to left: the badge comes first, on the right"
        assert v["explanation"]["local"] in article.inner_text()
        assert article.is_visible()
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
    page.evaluate("document.querySelectorAll('details.verdict-compact').forEach(d => d.open = false)")
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


def test_signing_out_ends_the_session_and_its_cookie_is_worth_nothing(page, server):
    rid, _ = post(server, {"document": {"language": "en", "title": "Session"}, "claims": [
        {"kind": "share", "id": "s", "value": "130%", "of": "all"}]})
    page.goto(f"{server.url}/reports/{rid}")
    cookies = page.context.cookies()
    session = next(c for c in cookies if c["name"] == "tadqiq_session")
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    assert session["value"] != KEYS["desk-reviewer"], "the cookie is an opaque session id, not the key"
    with page.expect_navigation():
        page.click("form.whoami button[type=submit]")
    assert page.url.endswith("/login")
    page.context.add_cookies([session])  # the old cookie, put back: the session is gone on the server
    page.goto(f"{server.url}/reports/{rid}")
    assert page.url.startswith(f"{server.url}/login"), "a signed-out session opens nothing"


def test_a_form_from_another_page_is_refused_and_changes_nothing(page, server):
    rid, _ = post(server, {"document": {"language": "en", "title": "CSRF"}, "claims": [
        {"kind": "share", "id": "s", "value": "130%", "of": "all"}]})
    page.goto(f"{server.url}/reports/{rid}")
    assert page.locator("form.review input[name=_csrf_token]").count() >= 1, "every form carries its token"
    # a page elsewhere (here: a blank page of no origin) that posts a review to the server, without the token
    forged = page.context.new_page()
    forged.set_content(f'<form method="post" action="{server.url}/reports/{rid}/review">'
                       '<input name="verdict" value="0"><input name="decision" value="confirm"></form>')
    with forged.expect_navigation():
        forged.evaluate("document.forms[0].submit()")
    assert "confirmed" not in forged.content()
    forged.close()
    stored = httpx.get(f"{server.url}/v1/checks/{rid}", headers=bearer("desk-submitter")).json()
    assert stored["reviews"] == [], "nothing was recorded"


def test_a_revoked_key_loses_its_open_session_without_a_restart(browser, server):
    """`tadqiq key revoke` on the command line, while the server runs: the key's session and the key end at once."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(server.url + "/login")
    tab.fill("#key", KEYS["rival-reviewer"])
    with tab.expect_navigation():
        tab.click("form.login button[type=submit]")
    assert tab.url.endswith("/reports")
    revoke = subprocess.run([str(TADQIQ), "key", "revoke", "rival-reviewer"], env=server.env, capture_output=True,
                            text=True, timeout=60)
    assert revoke.returncode == 0, revoke.stderr
    listed = subprocess.run([str(TADQIQ), "key", "list"], env=server.env, capture_output=True, text=True, timeout=60)
    assert any(line.split()[:1] == ["rival-reviewer"] and "revoked" in line.split() for line in listed.stdout.splitlines())
    tab.goto(server.url + "/reports")
    assert tab.url.startswith(server.url + "/login"), "the session ended with its key"
    deadline = time.monotonic() + 3  # every instance reads the revocations again within a second
    while (r := httpx.get(server.url + "/v1/checks", headers=bearer("rival-reviewer"))).status_code != 401 \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert r.status_code == 401, "and the key itself is refused by the API"
    context.close()


def test_the_api_viewer_renders_its_operations_offline(browser, server):
    """Swagger UI from the server's own files: with every other address blocked, the operations still render."""
    context = browser.new_context()
    outside = only_the_server(context, server)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = tab.goto(server.url + "/schema/swagger")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.wait_for_selector(".opblock", timeout=20_000)
    operations = sum(len(item) for item in httpx.get(server.url + "/schema/openapi.json").json()["paths"].values())
    assert tab.locator(".opblock").count() == operations
    assert tab.locator(".opblock-post [data-path='/v1/checks']").count() == 1, "POST /v1/checks is listed"
    shot(tab, "api-viewer")
    context.close()
    assert not outside, f"the viewer fetched from outside: {outside}"
    assert not errors, errors
