"""The web interface's API and pages, in process (FastAPI's TestClient), over a store of the
bundled corpus: the numbers are the store's own, offsets index the text, bad parameters
get a 4xx with a message, the store stays read-only, and no parameter makes a 5xx."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

import webkit

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db() -> Path:
    return webkit.corpus_store()


@pytest.fixture(scope="module")
def client(db: Path):
    from fastapi.testclient import TestClient

    from dyadline.web.app import create_app

    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


@pytest.fixture(scope="module")
def con(db: Path):
    from dyadline.store.db import connect

    c = connect(db, read_only=True)
    yield c
    c.close()


def _all_pages(client, **params) -> tuple[int, list[dict]]:
    rows: list[dict] = []
    page = 1
    while True:
        r = client.get("/api/events", params={**params, "page": page, "size": 7})
        assert r.status_code == 200, r.text
        data = r.json()
        rows += data["items"]
        if page >= data["pages"]:
            return data["total"], rows
        page += 1


# ------------------------------------------------------------------ same numbers as the CLI

@pytest.mark.parametrize("filters", [
    {}, {"actor": "RUS"}, {"source": "irn", "target": "RUS"}, {"type": "CONSULT"},
    {"type": "04"}, {"quad": 4}, {"since": "2025-01-01", "until": "2025-06-30"},
    {"place": "Moscow"}, {"text": "treaty"},
])
@pytest.mark.parametrize("reports", [False, True])
def test_event_pages_are_the_store_query(client, con, filters, reports) -> None:
    """Paging through /api/events gives exactly find_events' rows, in its order."""
    from dyadline.store.query import EventFilter, find_events

    args = {"actor": "actor", "source": "source", "target": "target", "type": "event_type",
            "quad": "quad_class", "place": "place", "text": "text"}
    import datetime as dt

    kwargs = {args[k]: v for k, v in filters.items() if k in args}
    for k in ("since", "until"):
        if k in filters:
            kwargs[k] = dt.date.fromisoformat(filters[k])
    expected = find_events(con, EventFilter(**kwargs), reports=reports, limit=None)
    total, rows = _all_pages(client, **filters, **({"reports": "true"} if reports else {}))
    assert total == len(expected) == len(rows)
    key = "event_id" if reports else "cluster_id"
    assert [r[key] for r in rows] == [e[key] for e in expected]
    if expected:
        assert [r["sentence"] for r in rows] == [e["sentence"] for e in expected]


def test_newest_first_reverses_the_order(client) -> None:
    _, oldest = _all_pages(client, actor="RUS")
    _, newest = _all_pages(client, actor="RUS", order="newest")
    assert [r["cluster_id"] for r in newest] == [r["cluster_id"] for r in reversed(oldest)]


def test_partner_lists_the_dyad_both_ways(client, con) -> None:
    from dyadline.store.query import EventFilter, find_events

    _, rows = _all_pages(client, actor="RUS", partner="IRN")
    expected = find_events(con, EventFilter(source="RUS", target="IRN"), limit=None) + \
        find_events(con, EventFilter(source="IRN", target="RUS"), limit=None)
    assert sorted(r["cluster_id"] for r in rows) == sorted(e["cluster_id"] for e in expected)
    assert rows and {frozenset((r["source_code"], r["target_code"])) for r in rows} == {
        frozenset(("RUS", "IRN"))}


def test_dyad_is_the_store_series(client, con) -> None:
    from dyadline.aggregate.series import dyad_series

    for by in ("month", "week", "day"):
        expected = dyad_series(con, "RUS", "IRN", by=by).to_json()
        got = client.get("/api/dyads/rus/IRN", params={"by": by}).json()
        for period in got["series"]:
            assert period.pop("end") >= period["start"]
        assert got == expected
    directed = client.get("/api/dyads/RUS/IRN", params={"directed": "true", "reports": "true"}).json()
    assert directed == {**dyad_series(con, "RUS", "IRN", directed=True, reports=True).to_json(),
                        "series": directed["series"]}
    assert directed["events"] == dyad_series(con, "RUS", "IRN", directed=True, reports=True).total


def test_dyad_period_links_count_the_same_events(client) -> None:
    """A period of the series and the events page for that period agree (reports)."""
    series = client.get("/api/dyads/RUS/IRN", params={"reports": "true"}).json()["series"]
    busy = [p for p in series if p["events"]][:4]
    assert busy
    for p in busy:
        page = client.get("/api/events", params={"actor": "RUS", "partner": "IRN", "reports": "true",
                                                 "since": p["start"], "until": p["end"]}).json()
        assert page["total"] == p["events"]


def test_network_is_the_store_network(client, con) -> None:
    from dyadline.aggregate.network import build_network, centrality_rows

    graph = build_network(con)
    got = client.get("/api/network").json()
    assert got["nodes"] == centrality_rows(graph)
    assert got["edges"] == [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)]
    assert not got["truncated"]
    cut = client.get("/api/network", params={"top": 3}).json()
    assert [n["actor"] for n in cut["nodes"]] == [n["actor"] for n in got["nodes"][:3]]
    assert cut["truncated"] and all(e["source"] in {n["actor"] for n in cut["nodes"]}
                                    for e in cut["edges"])
    period = client.get("/api/network", params={"since": "2025-06-01", "until": "2025-06-30"}).json()
    import datetime as dt

    june = build_network(con, since=dt.date(2025, 6, 1), until=dt.date(2025, 6, 30))
    assert len(period["edges"]) == june.number_of_edges() < len(got["edges"])


def test_actor_dyads_add_up_to_the_network(client) -> None:
    net = client.get("/api/network").json()
    data = client.get("/api/actors/rus").json()
    assert data["actor"] == "RUS"
    out = sum(e["events"] for e in net["edges"] if e["source"] == "RUS")
    inn = sum(e["events"] for e in net["edges"] if e["target"] == "RUS")
    assert sum(d["events_out"] for d in data["dyads"]) == out == data["node"]["out_events"]
    assert sum(d["events_in"] for d in data["dyads"]) == inn == data["node"]["in_events"]
    assert client.get("/api/actors/XYZ").json()["dyads"] == []


# ------------------------------------------------------------------ records and offsets

def test_event_offsets_index_its_article(client) -> None:
    events = _all_pages(client, reports="true", negated="true")[1]
    assert len(events) > 50
    for row in events[:40]:
        data = client.get("/api/events/" + quote(row["event_id"], safe="")).json()
        ev, text = data["event"], data["article"]["text"]
        assert ev["id"] == row["event_id"] and data["article"]["id"] == row["article"]
        s = ev["sentence"]
        assert text[s["start"]:s["end"]] == row["sentence"]
        for part in ("source", "target", "trigger"):
            if ev[part]:
                assert text[ev[part]["start"]:ev[part]["end"]] == ev[part]["text"]
        if ev["date"] and ev["date"]["start"] is not None:
            assert text[ev["date"]["start"]:ev["date"]["end"]] == ev["date"]["text"]
        if data["cluster"]:
            assert row["event_id"] in {r["event_id"] for r in data["cluster"]["reports"]}
        else:
            assert ev["negated"]


def test_article_is_the_stored_article(client, con) -> None:
    from dyadline.store.db import load_article

    article = load_article(con, "rus-irn-drills-2024-03-12")
    got = client.get("/api/articles/rus-irn-drills-2024-03-12").json()
    assert got == json.loads(json.dumps(article.to_json(include_text=True)))


def test_a_cluster_lists_every_report_of_the_treaty(client) -> None:
    rows = client.get("/api/events", params={"text": "strategic partnership treaty", "size": 200}).json()
    multi = [r for r in rows["items"] if r["n_reports"] > 1]
    assert multi
    data = client.get("/api/events/" + quote(multi[0]["event_id"], safe="")).json()
    assert len(data["cluster"]["reports"]) == multi[0]["n_reports"]
    assert len({r["article"] for r in data["cluster"]["reports"]}) == multi[0]["n_articles"]


# ------------------------------------------------------------------ the pages (HTML)

def test_event_page_marks_source_target_trigger_and_sentence(client) -> None:
    data = client.get("/api/events/" + quote("rus-irn-drills-2024-03-12:4:0", safe="")).json()
    ev = data["event"]
    html = client.get("/events/" + quote(ev["id"], safe="")).text

    def marked(role: str) -> str:
        parts = re.findall(r'data-roles="([^"]*)"[^>]*>([^<]*)<', html)
        return "".join(text for roles, text in parts if role in roles.split())

    assert marked("source") == ev["source"]["text"]
    assert marked("target") == ev["target"]["text"]
    assert marked("trigger") == ev["trigger"]["text"]
    import html as h

    assert h.unescape(marked("sentence")) == data["article"]["text"][ev["sentence"]["start"]:ev["sentence"]["end"]]
    evidence = re.search(r'id="evidence">([^<]*)<', html)
    assert ev["evidence"] and evidence and h.unescape(evidence.group(1)) == ev["evidence"]


def test_pages_of_nothing_say_so(client) -> None:
    assert 'id="no-events"' in client.get("/dyads/RUS/XYZ").text
    assert 'id="no-dyads"' in client.get("/actors/XYZ").text
    assert 'data-total="0"' in client.get("/events?actor=XYZ").text
    assert 'data-edges="0"' in client.get("/network?since=1990-01-01&until=1990-12-31").text


@pytest.mark.parametrize("path", ["/", "/events", "/events?actor=RUS&quad=&since=&page=2&size=20",
                                  "/dyads/RUS/IRN?by=week", "/network?since=2025-01-01",
                                  "/actors/IRN", "/articles/rus-irn-drills-2024-03-12",
                                  "/dyads?a=rus&b=irn"])
def test_pages_render(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert "<title>" in r.text and "Traceback" not in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_pages_load_nothing_from_elsewhere(client) -> None:
    """No CDN: every script and stylesheet is the app's own."""
    for path in ("/", "/events", "/dyads/RUS/IRN", "/network", "/articles/rus-irn-drills-2024-03-12"):
        html = client.get(path).text
        for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert src.startswith("/static/"), (path, src)
            assert client.get(src).status_code == 200


def test_empty_form_fields_are_ignored_and_state_is_kept(client) -> None:
    html = client.get("/events?actor=rus&partner=&type=CONSULT&quad=&since=2024-10-01").text
    assert 'name="actor" value="RUS"' in html and 'value="2024-10-01"' in html
    total = client.get("/api/events", params={"actor": "RUS", "type": "CONSULT",
                                              "since": "2024-10-01"}).json()["total"]
    assert f'data-total="{total}"' in html


def test_html_is_escaped(client) -> None:
    r = client.get("/events", params={"text": "<script>alert(1)</script>"})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)" in r.text


# ------------------------------------------------------------------ errors and safety

@pytest.mark.parametrize("path, words", [
    ("/api/events?quad=9", "quad"), ("/api/events?size=100000", "size"),
    ("/api/events?since=2025-02-30", "since"), ("/api/events?since=2025-02-01&until=2025-01-01", "since"),
    ("/api/events?partner=IRN", "partner"), ("/api/events?actor=R%27S", "actor"),
    ("/api/events?page=999999", "page"), ("/api/events?text=" + "x" * 300, "text"),
    ("/api/dyads/RUS/IRN?by=year", "by"), ("/api/dyads/R%20S/IRN", "a"),
    ("/api/network?top=0", "top"), ("/api/events/x?window=-1", "window"),
])
def test_bad_api_parameters_get_422_with_a_message(client, path: str, words: str) -> None:
    r = client.get(path)
    assert r.status_code == 422, r.text
    body = r.json()
    assert words in body["message"] and body["detail"]


def test_bad_page_parameters_get_400_page_with_the_message(client) -> None:
    r = client.get("/events?quad=7")
    assert r.status_code == 400 and "quad" in r.text and "less than or equal to 4" in r.text
    r = client.get("/dyads/R'S/IRN")
    assert r.status_code == 400 and "not an actor code" in r.text


def test_unknown_records_get_404(client) -> None:
    assert client.get("/api/events/no:such:event").status_code == 404
    assert "no event with id" in client.get("/api/events/no:such:event").json()["detail"]
    assert client.get("/events/no:such:event").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/nothing-here").status_code == 404


def test_too_many_periods_is_a_400(client, monkeypatch) -> None:
    import dyadline.web.service as service

    monkeypatch.setattr(service, "MAX_PERIODS", 3)
    r = client.get("/api/dyads/RUS/IRN", params={"by": "day", "window": 2})
    assert r.status_code == 400 and "periods" in r.json()["detail"]


def test_unexpected_errors_are_500_without_a_trace(client, monkeypatch) -> None:
    import dyadline.web.service as service

    def broken(*args, **kwargs):
        raise KeyError("secret internals")

    monkeypatch.setattr(service, "network", broken)
    for path in ("/api/network?top=7", "/network?top=7"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret" not in r.text and "Traceback" not in r.text and "internal error" in r.text


def test_store_is_read_only_and_unchanged(db: Path, client) -> None:
    import duckdb

    before = hashlib.sha256(db.read_bytes()).hexdigest()
    store = client.app.state.store
    with store.cursor() as cur:
        with pytest.raises(duckdb.Error, match="read-only"):
            cur.execute("DELETE FROM events")
    for path in ("/api/events?reports=true", "/api/network", "/api/dyads/RUS/IRN"):
        assert client.get(path).status_code == 200
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_slow_queries_are_stopped(db: Path) -> None:
    from dyadline.web.store import QueryTimeout, WebStore

    store = WebStore(db, timeout=0.3)
    try:
        with pytest.raises(QueryTimeout, match="longer than 0.3 s"):
            with store.cursor() as cur:
                cur.execute("SELECT count(*) FROM range(100000000000) a").fetchall()
        with store.cursor() as cur:  # the store is still usable
            assert cur.execute("SELECT count(*) FROM articles").fetchall()[0][0] > 40
    finally:
        store.close()


def test_timeouts_are_503_with_a_message(client, monkeypatch) -> None:
    import dyadline.web.service as service
    from dyadline.web.store import QueryTimeout

    def slow(*args, **kwargs):
        raise QueryTimeout("the query took longer than 10 s and was stopped")

    monkeypatch.setattr(service, "events", slow)
    r = client.get("/api/events?actor=USA&size=3")
    assert r.status_code == 503 and "longer than" in r.json()["detail"]


def test_loopback_server_refuses_other_host_names(db: Path) -> None:
    """Bound to 127.0.0.1, the server answers only requests addressed to a loopback name
    (DNS rebinding cannot turn a web page into a client of it)."""
    from fastapi.testclient import TestClient

    from dyadline.web.app import LOOPBACK_HOSTS, create_app

    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    try:
        assert TestClient(app, base_url="http://localhost:8000").get("/api/health").status_code == 200
        assert TestClient(app, base_url="http://evil.example").get("/api/health").status_code == 400
    finally:
        app.state.store.close()


def test_serve_command(db: Path) -> None:
    """`dyadline serve` answers on 127.0.0.1; a missing database or bad port is refused."""
    import httpx

    base = webkit.server()
    assert base.startswith("http://127.0.0.1:")
    assert httpx.get(base + "/api/health").json() == {"status": "ok"}
    assert httpx.get(base + "/api/events", params={"size": 1}).json()["total"] > 20
    missing = subprocess.run([sys.executable, "-m", "dyadline.cli", "serve", "--db",
                              str(db.parent / "missing.duckdb")], capture_output=True, text=True,
                             timeout=60)
    assert missing.returncode == 1 and "no such database" in missing.stderr
    bad_port = subprocess.run([sys.executable, "-m", "dyadline.cli", "serve", "--db", str(db),
                               "--port", "70000"], capture_output=True, text=True, timeout=60)
    assert bad_port.returncode == 2 and "--port" in bad_port.stderr


def test_openapi_documents_every_endpoint_and_its_limits(client) -> None:
    doc = client.get("/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
            "/api/dyads/{a}/{b}", "/api/network", "/api/actors/{code}", "/api/summary"} <= paths
    size = next(p for p in doc["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "size")
    assert size["schema"]["maximum"] == 200


# ------------------------------------------------------------------ front-end libraries

def test_vendor_files_are_the_recorded_npm_packages() -> None:
    """static/vendor holds what web/build.mjs copied from the packages web/package-lock.json
    pins: same versions, files unchanged since (sha256)."""
    vendor = ROOT / "src" / "dyadline" / "web" / "static" / "vendor"
    record = json.loads((vendor / "VERSIONS.json").read_text())
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text())
    for name, info in record.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == info["version"]
        assert info["license"] == "MIT"
        for filename, digest in info["files"].items():
            assert hashlib.sha256((vendor / filename).read_bytes()).hexdigest() == digest
    assert {"chart.js", "cytoscape"} <= set(record)


def test_an_empty_store_is_served(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dyadline.store.db import connect
    from dyadline.web.app import create_app

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    app = create_app(db)
    try:
        c = TestClient(app, raise_server_exceptions=False)
        for path in ("/", "/events", "/network", "/dyads/RUS/IRN", "/actors/RUS"):
            assert c.get(path).status_code == 200, path
        assert c.get("/api/events").json()["total"] == 0
        assert c.get("/api/network").json()["nodes"] == []
    finally:
        app.state.store.close()


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    import duckdb

    from dyadline.store.db import StoreError
    from dyadline.web.app import create_app

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="not a dyadline store"):
        create_app(other)


def test_concurrent_requests_to_the_server() -> None:
    """Requests in parallel each get their own cursor (and their own temporary cluster
    tables): all answer, with the same numbers as one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    base = webkit.server()
    paths = [f"/api/events?actor=RUS&window={w}" for w in range(8)] + \
            [f"/api/dyads/RUS/IRN?window={w}" for w in range(8)] + \
            [f"/api/network?window={w}&top=9" for w in range(8)]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda p: httpx.get(base + p, timeout=60), paths))
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers if a.status_code != 200]
    again = httpx.get(base + "/api/events?actor=RUS&window=3", timeout=60).json()
    assert answers[3].json() == again
