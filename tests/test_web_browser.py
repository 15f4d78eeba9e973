"""The pages in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
Playwright, against `dyadline serve` on 127.0.0.1 over a store of the bundled corpus.

The tests open each page, use the filters, click through from the network to a dyad, from
a bar of the dyad's chart to its events, and from an event to its sentence, and check what
is shown against the JSON API.  Every request the browser makes must go to the server
itself (the pages work offline: no CDN).  Screenshots of each page are written to
``$DYADLINE_SCREENSHOTS`` when set (``make screenshots`` sets it to docs/screenshots),
else to a temporary folder.

Playwright's own browser download is not used (nor possible here): ``executable_path``
points at Debian's Chromium, with flags that keep it from reaching out to Google.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

import webkit

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None,
                       reason="the Python package playwright is not installed (pip install -e '.[dev]')"),
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} not found: install Debian's chromium (`make test` does "
                              "it when run as root) to run the browser tests"),
]


@pytest.fixture(scope="module")
def base() -> str:
    return webkit.server()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = os.environ.get("DYADLINE_SCREENSHOTS")
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return Path(tempfile.mkdtemp(prefix="dyadline-shots-"))


@pytest.fixture(scope="module")
def browser_context(base: str):
    profile = tempfile.mkdtemp(prefix="dyadline-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1280, "height": 860}, timeout=60_000)
        context.set_default_timeout(20_000)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context, base: str):
    """A fresh tab; fails the test when the page requests anything off the server or
    throws a JavaScript error."""
    tab = browser_context.new_page()
    foreign: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda r: None if r.url.startswith((base, "data:", "about:"))
           else foreign.append(r.url))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    tab.close()
    assert not foreign, f"requests off the server: {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


def api(base: str, path: str, **params) -> dict:
    response = httpx.get(base + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_overview(page, base: str, shots: Path) -> None:
    page.goto(base + "/")
    summary = api(base, "/api/summary")
    for name, n in summary["counts"].items():
        assert page.locator(f'[data-count="{name}"]').inner_text().replace(",", "") == str(n)
    assert page.locator("#top-dyads tbody tr").count() == len(summary["dyads"])
    page.fill('input[name="a"]', "rus")
    page.fill('input[name="b"]', "irn")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    page.click('form.inline button')
    page.wait_for_url("**/dyads/RUS/IRN")
    assert page.locator("h1").inner_text().startswith("RUS")


def test_events_filters_and_paging(page, base: str, shots: Path) -> None:
    page.goto(base + "/events")
    total = api(base, "/api/events")["total"]
    assert page.locator("#result-count").get_attribute("data-total") == str(total)
    # Filter by actor and partner: every row is the dyad, the count is the API's.
    page.fill('input[name="actor"]', "RUS")
    page.fill('input[name="partner"]', "IRN")
    page.click('#filters button[type="submit"]')
    page.wait_for_url("**/events?*actor=RUS*")
    expected = api(base, "/api/events", actor="RUS", partner="IRN")
    assert page.locator("#result-count").get_attribute("data-total") == str(expected["total"])
    rows = page.locator("#events tbody tr")
    assert rows.count() == len(expected["items"]) > 5
    for i in range(rows.count()):
        codes = set(rows.nth(i).locator("a.code").all_inner_texts())
        assert codes == {"RUS", "IRN"}
    page.screenshot(path=str(shots / "events.png"))
    # Quad class: verbal cooperation only.
    page.select_option('select[name="quad"]', "1")
    page.click('#filters button[type="submit"]')
    page.wait_for_url("**quad=1*")
    classes = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.className)")
    assert classes and all(c.split()[0] == "q1" for c in classes)
    # Text: every sentence has the words.
    page.goto(base + "/events?text=treaty&reports=true")
    sentences = page.locator("#events td.sentence a.eventlink").all_inner_texts()
    assert sentences and all("treaty" in s.lower() for s in sentences)
    # Dates and place.
    page.goto(base + "/events")
    page.fill('input[name="since"]', "2025-06-01")
    page.fill('input[name="until"]', "2025-06-30")
    page.fill('input[name="place"]', "Moscow")
    page.click('#filters button[type="submit"]')
    page.wait_for_url("**since=2025-06-01*")
    days = page.locator("#events td.day").all_inner_texts()
    want = api(base, "/api/events", since="2025-06-01", until="2025-06-30", place="Moscow")
    assert len(days) == want["total"] and all("2025-06-01" <= d <= "2025-06-30" for d in days)
    # Paging: 20 rows a page; the next page starts where the first ended.
    page.goto(base + "/events?size=20")
    first = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    page.click('#pager a[rel="next"]')
    page.wait_for_url("**page=2*")
    second = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    api_second = [r["event_id"] for r in api(base, "/api/events", size=20, page=2)["items"]]
    assert len(first) == 20 and second == api_second and not set(first) & set(second)
    assert "page 2 of" in page.locator("#pager").inner_text()
    assert page.locator('select[name="size"]').input_value() == "20"


def _click_node(page, actor: str) -> None:
    """Click the node of ``actor`` on the graph's canvas, where Cytoscape drew it."""
    pos = page.evaluate("a => window.cy.getElementById(a).renderedPosition()", actor)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def test_network_to_dyad_to_event(page, base: str, shots: Path) -> None:
    page.goto(base + "/network")
    page.wait_for_selector("body[data-graph-ready=true]")
    net = api(base, "/api/network")
    assert page.evaluate("window.cy.nodes().length") == len(net["nodes"])
    assert page.evaluate("window.cy.edges().length") == len(net["edges"])
    # Cooperation green, conflict red, as the API's counts say.
    colours = page.evaluate("window.cy.edges().map(e => [e.id(), e.data('colour')])")
    by_id = {f"{e['source']}->{e['target']}": e for e in net["edges"]}
    for edge_id, colour in colours:
        e = by_id[edge_id]
        want = "#2e8b57" if e["cooperation"] > e["conflict"] else \
            "#b2182b" if e["conflict"] > e["cooperation"] else "#888888"
        assert colour == want
    # Click RUS: the panel lists its dyads.
    _click_node(page, "RUS")
    page.wait_for_selector('#actor-dyads[data-actor="RUS"]')
    partners = page.locator("#actor-dyads a").evaluate_all("links => links.map(a => a.dataset.partner)")
    expected = {e["target"] for e in net["edges"] if e["source"] == "RUS"} | \
        {e["source"] for e in net["edges"] if e["target"] == "RUS"}
    assert set(partners) == expected and "IRN" in partners
    page.screenshot(path=str(shots / "network.png"))
    # On to the dyad RUS-IRN.
    page.click('#actor-dyads a[data-partner="IRN"]')
    page.wait_for_url("**/dyads/RUS/IRN*")
    page.wait_for_selector("body[data-chart-ready=true]")
    series = api(base, "/api/dyads/RUS/IRN")
    assert page.locator("#dyad-total").get_attribute("data-total") == str(series["events"])
    assert page.evaluate("window.dyadChart.data.labels.length") == len(series["series"])
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)
    # Click the busiest bar: the events of that period.
    busiest = max(range(len(series["series"])), key=lambda i: series["series"][i]["events"])
    period = series["series"][busiest]
    point = page.evaluate("""i => {
        const chart = window.dyadChart;
        for (let d = 0; d < chart.data.datasets.length; d++) {
            const meta = chart.getDatasetMeta(d);
            if (meta.type === 'bar' && chart.data.datasets[d].data[i] > 0) {
                const bar = meta.data[i];
                return {x: bar.x, y: (bar.y + bar.base) / 2};
            }
        }
        return null; }""", busiest)
    box = page.locator("#dyad-chart").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_url("**/events?*")
    query = parse_qs(urlparse(page.url).query)
    assert query["since"] == [period["start"]] and query["until"] == [period["end"]]
    listed = int(page.locator("#result-count").get_attribute("data-total"))
    assert listed >= period["events"] > 0  # a cluster counts where any report falls
    # On to the first event: its sentence, actors and trigger are marked.
    link = page.locator("#events a.eventlink").first
    event_id = link.evaluate("a => a.closest('tr').dataset.eventId")
    link.click()
    page.wait_for_url("**/events/*")
    data = api(base, "/api/events/" + event_id)
    ev = data["event"]

    def marked(role: str) -> str:
        return "".join(page.locator(f'#article-text [data-roles~="{role}"]').all_text_contents())

    text = data["article"]["text"]
    assert marked("sentence") == text[ev["sentence"]["start"]:ev["sentence"]["end"]]
    for role in ("source", "target", "trigger"):
        if ev[role]:
            assert marked(role) == ev[role]["text"]
    assert page.locator("#evidence").inner_text() == ev["evidence"]
    assert page.locator("#cluster-reports tr.current").count() == 1
    page.screenshot(path=str(shots / "event.png"), full_page=True)


def test_network_period_filter(page, base: str) -> None:
    page.goto(base + "/network")
    page.wait_for_selector("body[data-graph-ready=true]")
    everything = page.evaluate("window.cy.edges().length")
    page.fill('input[name="since"]', "2025-06-01")
    page.fill('input[name="until"]', "2025-06-30")
    page.click('#network-form button[type="submit"]')
    page.wait_for_url("**since=2025-06-01*")
    page.wait_for_selector("body[data-graph-ready=true]")
    june = api(base, "/api/network", since="2025-06-01", until="2025-06-30")
    assert page.evaluate("window.cy.edges().length") == len(june["edges"]) < everything
    # Clicking an edge opens its dyad over the same period.
    edge = june["edges"][0]
    pos = page.evaluate("id => window.cy.getElementById(id).midpoint()",
                        f"{edge['source']}->{edge['target']}")
    pan = page.evaluate("({pan: window.cy.pan(), zoom: window.cy.zoom()})")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + pos["x"] * pan["zoom"] + pan["pan"]["x"],
                     box["y"] + pos["y"] * pan["zoom"] + pan["pan"]["y"])
    page.wait_for_url("**/dyads/**")
    assert "since=2025-06-01" in page.url


def test_article_page(page, base: str, shots: Path) -> None:
    article = api(base, "/api/articles/rus-irn-treaty-2025-01-17a")
    page.goto(base + "/articles/" + article["id"])
    text = article["text"]
    assert page.locator("#article-text").inner_text() == text
    assert page.locator("#article-events tbody tr").count() == len(article["events"]) > 0
    # Every mention is marked, and nothing else is marked as one.
    covered = [False] * len(text)
    for m in article["mentions"]:
        covered[m["start"]:m["end"]] = [True] * (m["end"] - m["start"])
    mentions = "".join(page.locator('#article-text [data-roles~="mention"]').all_text_contents())
    assert mentions == "".join(c for c, on in zip(text, covered) if on)
    assert page.locator('#article-text [data-roles~="quote"]').count() >= len(article["quotes"])
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    # A trigger links to its event.
    triggers = page.locator("#article-text a.m-trigger")
    assert triggers.count() >= 1
    triggers.first.click()
    page.wait_for_url("**/events/*")
    assert page.locator('#article-text [data-roles~="trigger"]').count() >= 1


def test_actor_page(page, base: str, shots: Path) -> None:
    page.goto(base + "/actors/IRN")
    data = api(base, "/api/actors/IRN")
    rows = page.locator("#dyads tbody tr")
    assert rows.count() == len(data["dyads"])
    assert rows.first.locator("td").nth(1).inner_text() == str(data["dyads"][0]["events"])
    page.screenshot(path=str(shots / "actor.png"), full_page=True)


def test_bad_parameters_show_a_message(page, base: str) -> None:
    response = page.goto(base + "/events?quad=7&since=2025-99-01")
    assert response.status == 400
    errors = page.locator("#errors li").all_inner_texts()
    assert any(e.startswith("quad:") for e in errors) and any(e.startswith("since:") for e in errors)
