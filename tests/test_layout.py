"""Every seed's report in Chromium (Debian's, driven as tests/test_browser.py drives it), at a 390 px phone and at a
desktop width, in each of the five page languages: no horizontal overflow (folded and unfolded), figure labels at
least 11 px high as drawn, ``lang`` and ``dir`` right, an axis with a scale on every arithmetic figure, and the
print layout a few pages long. Screenshots (and the print PDFs) go to tests/artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, KEYS, SEEDS
from test_browser import browser, only_the_server, post, server  # noqa: F401  (fixtures)

from service.messages import LANGUAGES

SHOTS = ARTIFACTS / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}

#: Measured in the page: overflow of the document, and every figure label's drawn size and place.
MEASURE = """() => {
  const doc = document.documentElement;
  const labels = [...document.querySelectorAll('figure.fig svg')].filter(s => s.getBoundingClientRect().width > 0)
    .flatMap(svg => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map(t => {
        const box = t.getBBox();
        return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                inside: box.x >= -0.5 && box.x + box.width <= svg.viewBox.baseVal.width + 0.5};
      });
    });
  const axes = [...document.querySelectorAll('figure.fig-linear svg, figure.fig-log svg')]
    .filter(s => s.getBoundingClientRect().width > 0)
    .map(svg => svg.querySelectorAll('text.fig-tick-label').length);
  return {scroll: doc.scrollWidth, client: doc.clientWidth, body: document.body.scrollWidth,
          lang: doc.lang, dir: doc.dir, labels, axes};
}"""
UNFOLD = "document.querySelectorAll('details').forEach(d => d.open = true)"


@pytest.fixture(scope="module")
def reports(server):  # noqa: F811
    return {seed.name: post(server, (seed / "claims.json").read_bytes())[0] for seed in SEEDS}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_seed_fits_the_screen_in_every_language(browser, server, reports, width, lang):  # noqa: F811
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="en-US")
    outside = only_the_server(context, server)
    tab = context.new_page()
    tab.goto(server.url + "/login")
    tab.fill("#key", KEYS["desk-reviewer"])
    with tab.expect_navigation():
        tab.click("form.login button[type=submit]")
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    axes_seen = 0
    for seed, rid in reports.items():
        tab.goto(f"{server.url}/reports/{rid}?lang={lang}")
        folded = tab.evaluate(MEASURE)
        tab.screenshot(path=str(SHOTS / f"{seed}-{lang}-{width}.png"), full_page=True)
        tab.evaluate(UNFOLD)
        unfolded = tab.evaluate(MEASURE)
        where = f"{seed} {lang} {width}"
        if (folded["lang"], folded["dir"]) != (lang, "rtl" if lang == "ar" else "ltr"):
            failures.append(f"{where}: lang/dir {folded['lang']}/{folded['dir']}")
        for state, m in (("folded", folded), ("unfolded", unfolded)):
            if m["scroll"] > m["client"] or m["body"] > m["client"]:
                failures.append(f"{where} {state}: {m['scroll']} px wide on a {m['client']} px screen")
        for label in unfolded["labels"]:
            if width == "phone" and label["px"] < 11:
                failures.append(f"{where}: label {label['text']!r} drawn at {label['px']:.1f} px")
            if not label["inside"]:
                failures.append(f"{where}: label {label['text']!r} runs past its figure")
        if any(n < 2 for n in unfolded["axes"]):
            failures.append(f"{where}: an arithmetic figure without a scale ({unfolded['axes']})")
        axes_seen += len(unfolded["axes"])
    context.close()
    assert not outside, outside
    assert axes_seen >= 20, "the seeds' arithmetic figures were measured"
    assert not failures, "\n".join(failures)


def test_the_print_layout_is_a_few_pages(browser, server, reports):  # noqa: F811
    """The longest seed (23 checks, 20 of them consistent) prints in a few pages: passed checks one line each."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server.url + "/login")
    tab.fill("#key", KEYS["desk-reviewer"])
    with tab.expect_navigation():
        tab.click("form.login button[type=submit]")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = {}
    for seed, rid in reports.items():
        tab.goto(f"{server.url}/reports/{rid}")
        tab.emulate_media(media="print")
        tab.screenshot(path=str(SHOTS / f"{seed}-print.png"), full_page=True)
        pdf = tab.pdf(format="A4")
        (SHOTS / f"{seed}.pdf").write_bytes(pdf)
        pages[seed] = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        tab.emulate_media(media="screen")
    context.close()
    assert all(1 <= n <= 5 for n in pages.values()), pages
