"""The web app in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Skipped when Playwright or Chromium is missing; `.ci/run` installs Chromium. Every page is
loaded and screenshotted (into a temporary folder; with KABAR_WEB_README_SHOTS=1 the two the
README shows are also written to docs/img/).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("KABAR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
README_SHOTS = {"events": "web-events.png", "article-clicked": "web-article.png"}
RUNNABLE_SCRIPT = 'main script:not([type="application/json"])'  # the marks' details are a JSON block
EXAMPLE_KEY = f"{REPO / 'examples' / '001_menlu_jepang.txt'}#001_menlu_jepang"

PASTED = (
    "Menlu RI Bertemu Menlu Jepang di Tokyo\n\n"
    "Jakarta - Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang Yoko Kamikawa "
    "di Tokyo pada Senin (13/5/2024) untuk membahas kerja sama maritim.\n\n"
    '"Kami sepakat memperkuat kerja sama keamanan maritim," kata Retno kepada wartawan.'
)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return Path(tmp_path_factory.mktemp("screenshots"))


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, uncaught exceptions and dialogs."""
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(f"console: {msg.text}"))
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))
    pg.on("dialog", lambda dialog: (pg.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield pg
    context.close()


def shoot(pg: Any, shots: Path, name: str) -> None:
    pg.screenshot(path=str(shots / f"{name}.png"))
    if name in README_SHOTS and os.environ.get("KABAR_WEB_README_SHOTS"):
        pg.screenshot(path=str(REPO / "docs" / "img" / README_SHOTS[name]))


def first_event_id(client) -> str:
    return client.get("/api/events", params={"per_page": 1}).json()["items"][0]["event_id"]


PAGES = {
    "overview": "/",
    "events": "/events",
    "articles": "/articles",
    "actors": "/actors",
    "actor": "/actor/IDN",
    "dyad": "/dyad?a=IDN&b=MYS&by=day",
    "article": None,  # filled in: the first example
    "event": None,
    "try": "/try",
    "docs": "/docs",
    "error": "/events?root=nineteen",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_without_console_errors(page, server, client, shots, name):
    from urllib.parse import quote

    path = PAGES[name] or {"article": f"/article?key={quote(EXAMPLE_KEY, safe='')}",
                           "event": f"/events/{first_event_id(client)}"}[name]
    response = page.goto(server + path)
    assert response is not None
    assert response.status == (400 if name == "error" else 200)
    page.wait_for_load_state("load")
    assert page.locator("main h1").count() == 1
    shoot(page, shots, name)
    if name == "error":
        assert "root" in page.inner_text("#error-message")
        # The browser logs the page's own 400 status; nothing else may go wrong.
        assert [p for p in page.problems if "status of 400" not in p] == []
    else:
        assert page.problems == []


def test_filters_change_the_list(page, server):
    page.goto(server + "/events")
    everything = page.locator("li.event").count()
    assert everything > 3
    page.select_option("select[name=root]", "04")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?*root=04*")
    codes = page.locator("li.event .code").all_inner_texts()
    assert 0 < len(codes) < everything
    assert all(code.startswith("04") for code in codes)
    page.fill("input[name=actor]", "MYS")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**actor=MYS*")
    assert 0 < page.locator("li.event").count() <= len(codes)
    assert page.problems == []


COVERAGE_JS = """
() => {
  const body = document.getElementById("body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const spans = {};
  let offset = 0, node;
  while ((node = walker.nextNode())) {
    const end = offset + node.data.length;
    for (let el = node.parentElement; el && el !== body; el = el.parentElement) {
      const ref = el.getAttribute("data-ref");
      if (!ref) continue;
      (spans[ref] = spans[ref] || []).push([offset, end]);
    }
    offset = end;
  }
  const merged = {};
  for (const [ref, parts] of Object.entries(spans)) {
    merged[ref] = [parts[0][0], parts[parts.length - 1][1]];
  }
  return {text: body.textContent, spans: merged};
}
"""


def test_article_marks_entities_and_events_at_the_right_text(page, server, client, shots):
    art = client.get("/api/article", params={"key": EXAMPLE_KEY}).json()
    page.goto(server + "/article?key=" + sync_quote(EXAMPLE_KEY))
    seen = page.evaluate(COVERAGE_JS)
    assert seen["text"] == art["body"]
    body_mentions = [m for m in art["mentions"] if m["part"] == "body"]
    assert body_mentions and art["events"]
    for mention in body_mentions:
        ref = f"ent-{mention['entity_id']}"
        pieces = page.locator(f'#body mark[data-ref="{ref}"]').all_inner_texts()
        assert mention["text"] in pieces, (mention, pieces)
        assert art["body"][mention["char_start"] : mention["char_end"]] == mention["text"]
    for ev in art["events"]:
        body_spans = [s for s in ev["spans"] if s["part"] == "body"]
        if body_spans:
            first, last = body_spans[0], body_spans[-1]
            start, end = seen["spans"][f"event-{ev['seq']}"]
            assert start == min(s["char_start"] for s in body_spans)
            assert end == max(s["char_end"] for s in body_spans), (ev["evidence"], first, last)
    # Clicking an entity shows its code.
    entity = next(e for e in art["entities"] if e["actor_code"])
    page.locator(f'#body mark[data-ref="ent-{entity["entity_id"]}"]').first.click()
    details = page.inner_text("#details")
    assert entity["name"] in details and entity["actor_code"] in details
    shoot(page, shots, "article-clicked")
    assert page.problems == []


def sync_quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def test_try_it_extracts_a_pasted_article(page, server, shots):
    page.goto(server + "/try")
    page.fill("textarea[name=article]", PASTED)
    page.click("#try-form button[type=submit]")
    page.wait_for_selector("#try-summary", timeout=120_000)
    names = page.locator("#body mark.entity").all_inner_texts()
    assert any("Retno Marsudi" in n for n in names) and any("Yoko Kamikawa" in n for n in names)
    assert page.locator("#body span.event").count() >= 1
    assert page.locator("#body q.quote").count() >= 1
    assert page.input_value("textarea[name=article]") == PASTED.replace("\r\n", "\n")
    shoot(page, shots, "try-result")
    assert page.problems == []


def test_a_hostile_article_shows_as_text_and_runs_nothing(page, server, shots, hostile_url):
    page.goto(server + "/article?key=" + sync_quote(hostile_url))
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img").count() == 0 and page.locator(RUNNABLE_SCRIPT).count() == 0
    assert "<script>window.__pwned = 'title'</script>" in page.inner_text("h1.doc-title")
    body = page.inner_text("#body")
    assert "<script>window.__pwned = 'body'</script>" in body
    assert "\"><img src=x onerror=window.__pwned='attr'>" in body
    page.locator("#body mark.entity").first.click()
    page.goto(server + "/events?text=perbatasan")
    assert page.locator("li.event").count() >= 1
    page.goto(server + "/try")
    page.fill("textarea[name=article]", "</textarea><script>window.__pwned = 'try'</script>\n" + PASTED)
    page.click("#try-form button[type=submit]")
    page.wait_for_selector("#try-summary", timeout=120_000)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(RUNNABLE_SCRIPT).count() == 0
    shoot(page, shots, "hostile")
    assert page.problems == []
