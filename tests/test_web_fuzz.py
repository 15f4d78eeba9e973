"""Property test: no parameter makes the web server fail (5xx).

The endpoints and their parameters are read from the app's own OpenAPI document, so an
endpoint added later is fuzzed without touching this test.  Hypothesis draws, for every
parameter, either a value the schema allows (integers within and around the limits, dates,
codes, event ids of the store) or junk (any text, huge numbers, impossible dates, control
characters, quotes and SQL).  Every answer must be a 2xx with JSON or a 4xx that says
what is wrong.  The HTML pages get the same treatment from their query strings.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import webkit

JUNK = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "null", "true", "2025-02-30",
                     "9999-12-31", "0001-01-01", "'; DROP TABLE events; --", "%", "_", "\\",
                     "../../etc/passwd", "RUS' OR '1'='1", "\x00", "\u202e", "A" * 5000,
                     "<script>", "99999999999999999999", "2025-1-1", "month", "RUS"]),
    st.integers(min_value=-10**12, max_value=10**12).map(str),
)


def _valid(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    """Values a parameter's schema allows (and its boundaries)."""
    options = schema.get("anyOf", [schema])
    for option in options:
        kind = option.get("type")
        if kind == "integer":
            low = option.get("minimum", -5)
            high = option.get("maximum", low + 1000)
            return st.one_of(st.integers(low, min(high, low + 30)), st.integers(low, high),
                             st.sampled_from([low - 1, high + 1])).map(str)
        if kind == "boolean":
            return st.sampled_from(["true", "false", "1", "0"])
        if option.get("format") == "date":
            return st.dates().map(lambda d: d.isoformat())
        if "enum" in option:
            return st.sampled_from([str(v) for v in option["enum"]])
        if kind == "string":
            return st.sampled_from(["RUS", "IRN", "USA", "rus", "IGO", "04", "042", "AGREE",
                                    "CONSULT", "Moscow", "treaty", "2025-01-01", "xyz"])
    return st.just("1")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from dyadline.web.app import create_app

    app = create_app(webkit.corpus_store())
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


@pytest.fixture(scope="module")
def operations(client) -> list[tuple[str, list[dict[str, Any]]]]:
    doc = client.get("/openapi.json").json()
    ops = [(path, spec["get"].get("parameters", [])) for path, spec in doc["paths"].items()
           if "get" in spec]
    assert len(ops) >= 7
    return ops


@pytest.fixture(scope="module")
def event_ids(client) -> list[str]:
    items = client.get("/api/events", params={"reports": "true", "size": 20}).json()["items"]
    return [r["event_id"] for r in items]


def _check(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what} -> {response.status_code}: {response.text[:300]}"
    assert "Traceback" not in response.text, what
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith(
            "application/json"):
        assert response.json().get("detail"), what


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_api_parameter_makes_a_5xx(client, operations, event_ids, data) -> None:
    path, params = data.draw(st.sampled_from(operations), label="endpoint")
    # Half the requests carry only values the schema allows (they must reach the queries and
    # answer 2xx/404), half mix in junk (it must be refused with a 4xx).
    junk = data.draw(st.booleans(), label="junk")
    url = path
    query: dict[str, str] = {}
    for p in params:
        schema = p.get("schema", {})
        valid = _valid(schema)
        if p["name"] in ("event_id", "article_id"):
            valid = st.sampled_from([i if p["name"] == "event_id" else i.rsplit(":", 2)[0]
                                     for i in event_ids])
        values = st.one_of(valid, JUNK) if junk else valid
        if p["in"] == "path":
            value = data.draw(values, label=p["name"]) or "x"
            url = url.replace("{" + p["name"] + "}", quote(value, safe=""))
        elif data.draw(st.integers(0, 3), label=f"send {p['name']}") == 0:
            query[p["name"]] = data.draw(values, label=p["name"])
    response = client.get(url, params=query)
    _check(response, f"GET {url} {query}")
    if response.status_code == 200:
        response.json()


PAGES = ["/", "/events", "/network", "/dyads/RUS/IRN", "/actors/RUS",
         "/articles/rus-irn-drills-2024-03-12", "/events/rus-irn-drills-2024-03-12:4:0", "/dyads"]
PAGE_PARAMS = ["actor", "partner", "source", "target", "type", "quad", "since", "until", "place",
               "text", "reports", "negated", "order", "page", "size", "window", "by", "directed",
               "min_events", "top", "a", "b"]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(page=st.sampled_from(PAGES),
       query=st.dictionaries(st.sampled_from(PAGE_PARAMS), JUNK, max_size=4))
def test_no_page_parameter_makes_a_5xx(client, page: str, query: dict[str, str]) -> None:
    response = client.get(page, params=query, follow_redirects=False)
    _check(response, f"GET {page} {query}")
