"""Deduplication, dyad series, the actor network and event queries, on a handmade case.

The case is ``dedup_corpus()`` (see its docstring); every expected number below is worked
out from it by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadline.aggregate.clusters import DedupSettings, assign_clusters, build_clusters
from dyadline.aggregate.network import build_network, centrality_rows, write_network
from dyadline.aggregate.series import dyad_series
from dyadline.cli import app
from dyadline.ontology import event_code
from dyadline.store import connect, to_tables, write_batch
from dyadline.store.query import EventFilter, find_events
from test_store_fixtures import dedup_corpus

D = dt.date


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "agg.duckdb"
    con = connect(path)
    write_batch(con, to_tables(dedup_corpus()))
    con.close()
    return path


@pytest.fixture
def con(db: Path):
    c = connect(db, read_only=True)
    yield c
    c.close()


def _clusters(con, window: int = 1) -> dict[str, tuple]:
    build_clusters(con, DedupSettings(window))
    rows = con.execute("SELECT cluster_id, n_reports, n_articles, n_sources, first_day, last_day "
                       "FROM event_clusters").fetchall()
    return {r[0]: r[1:] for r in rows}


def test_reports_of_one_event_make_one_cluster(con) -> None:
    clusters = _clusters(con)
    assert clusters == {
        "RUS:IRN:04:2024-03-01": (3, 3, 2, D(2024, 3, 1), D(2024, 3, 2)),
        "RUS:IRN:04:2024-03-05": (1, 1, 1, D(2024, 3, 5), D(2024, 3, 5)),
        "IRN:RUS:04:2024-03-01": (1, 1, 1, D(2024, 3, 1), D(2024, 3, 1)),
        "RUS:IRN:11:2024-04-10": (1, 1, 1, D(2024, 4, 10), D(2024, 4, 10)),
        "USA:IRN:16:2024-04-12": (1, 1, 1, D(2024, 4, 12), D(2024, 4, 12)),
        "RUS:UKR:19:2024-04-11": (1, 1, 1, D(2024, 4, 11), D(2024, 4, 11)),  # its own date
    }


def test_negated_events_are_in_no_cluster(con) -> None:
    _clusters(con)
    negated = con.execute("SELECT count(*) FROM events e JOIN cluster_members m "
                          "USING (article_key, idx) WHERE e.negated").fetchall()[0][0]
    assert negated == 0
    assert con.execute("SELECT count(*) FROM events WHERE negated").fetchall()[0][0] == 1


def test_the_window_is_a_setting(con) -> None:
    assert len(_clusters(con, window=1)) == 6
    narrow = _clusters(con, window=0)  # 03-01 and 03-02 are now two events
    assert narrow["RUS:IRN:04:2024-03-01"][:3] == (1, 1, 1)
    assert narrow["RUS:IRN:04:2024-03-02"][:3] == (2, 2, 1)
    wide = _clusters(con, window=4)  # 03-05 is within 4 days of 03-01
    assert wide["RUS:IRN:04:2024-03-01"][:3] == (4, 4, 2)
    assert len(wide) == 5


def test_clusters_anchor_on_the_first_report_and_do_not_chain() -> None:
    rows = [("RUS", "UKR", "19", D(2024, 1, d), f"k{d}", 0) for d in (1, 2, 3, 4, 5)]
    ids = assign_clusters(rows, 1)
    # 1-2, 3-4, 5: each cluster spans at most the window; chaining would give one cluster.
    assert ids == ["RUS:UKR:19:2024-01-01"] * 2 + ["RUS:UKR:19:2024-01-03"] * 2 + \
        ["RUS:UKR:19:2024-01-05"]
    undated = assign_clusters([("RUS", "UKR", "19", None, "k", 0), ("RUS", "UKR", "19", None, "k", 1)], 1)
    assert len(set(undated)) == 2


def test_clusters_do_not_depend_on_ingest_order(tmp_path: Path, con) -> None:
    other = tmp_path / "reversed.duckdb"
    c = connect(other)
    for article in reversed(dedup_corpus()):
        write_batch(c, to_tables([article]))
    assert _clusters(c) == _clusters(con)
    c.close()


def test_dyad_series_by_month(con) -> None:
    series = dyad_series(con, "RUS", "IRN", by="month")
    got = series.to_json()
    assert [p["period"] for p in got["series"]] == ["2024-03", "2024-04"]
    march, april = got["series"]
    assert march["quad_class"] == {"0": 0, "1": 3, "2": 0, "3": 0, "4": 0}
    g = {c: event_code(c).goldstein for c in ("040", "042", "043", "111")}
    # the first cluster's Goldstein is the mean of its three reports
    first = (g["042"] + g["043"] + g["040"]) / 3
    assert march["goldstein"] == pytest.approx((first + g["040"] + g["040"]) / 3, abs=1e-3)
    assert march["plover"] == {"CONSULT": 3}
    assert april["events"] == 1 and april["quad_class"]["3"] == 1  # the negated 057 is left out
    assert april["goldstein"] == pytest.approx(g["111"])
    assert series.total == 4


def test_dyad_series_reports_directed_and_weeks(con) -> None:
    reports = dyad_series(con, "IRN", "RUS", by="month", reports=True)
    assert reports.periods[0].total == 5 and reports.unit == "reports"
    directed = dyad_series(con, "RUS", "IRN", directed=True)
    assert directed.periods[0].quad[1] == 2
    weeks = dyad_series(con, "rus", "irn", by="week")
    labels = [p.label for p in weeks.periods]
    assert labels == ["2024-W09", "2024-W10", "2024-W11", "2024-W12", "2024-W13", "2024-W14",
                      "2024-W15"]  # empty weeks are in the series
    assert [p.total for p in weeks.periods] == [2, 1, 0, 0, 0, 0, 1]
    assert weeks.periods[2].goldstein is None
    days = dyad_series(con, "RUS", "IRN", by="day", until=D(2024, 3, 31))
    assert len(days.periods) == 5 and days.total == 3
    with pytest.raises(ValueError):
        dyad_series(con, "RUS", "IRN", by="year")


def test_network_weights_and_centrality(con) -> None:
    graph = build_network(con)
    assert set(graph.nodes) == {"RUS", "IRN", "USA", "UKR"}
    edge = graph.edges["RUS", "IRN"]
    assert (edge["events"], edge["cooperation"], edge["conflict"]) == (3, 2, 1)
    assert graph.edges["USA", "IRN"]["conflict"] == 1
    top = centrality_rows(graph)
    assert {top[0]["actor"], top[1]["actor"]} == {"RUS", "IRN"}
    assert sum(r["pagerank"] for r in top) == pytest.approx(1.0, abs=1e-4)
    assert list(build_network(con, min_events=2).edges) == [("RUS", "IRN")]
    assert set(build_network(con, since=D(2024, 4, 1)).edges) == {
        ("RUS", "IRN"), ("USA", "IRN"), ("RUS", "UKR")}
    assert build_network(con, reports=True).edges["RUS", "IRN"]["events"] == 5


def test_network_files_read_back(con, tmp_path: Path) -> None:
    import networkx as nx

    graph = build_network(con)
    write_network(graph, tmp_path / "n.graphml")
    back = nx.read_graphml(tmp_path / "n.graphml")
    assert back.edges["RUS", "IRN"]["conflict"] == 1
    write_network(graph, tmp_path / "n.json")
    data = json.loads((tmp_path / "n.json").read_text())
    assert len(data["links"]) == 4
    write_network(graph, tmp_path / "n.png")
    assert (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(ValueError):
        write_network(graph, tmp_path / "n.txt")


def test_event_queries(con) -> None:
    assert len(find_events(con, EventFilter(actor="IRN"))) == 5
    hosted = find_events(con, EventFilter(text="HOSTED"))
    assert [(r["cluster_id"], r["n_articles"], r["n_sources"]) for r in hosted] == [
        ("RUS:IRN:04:2024-03-01", 3, 2)]
    assert len(find_events(con, EventFilter(event_type="ACCUSE"))) == 1
    assert len(find_events(con, EventFilter(event_type="04"))) == 3
    assert len(find_events(con, EventFilter(place="moscow"))) == 1
    assert len(find_events(con, EventFilter(source="USA", quad_class=4))) == 1  # sanctions: 14-20 = 4
    assert len(find_events(con, EventFilter(source="USA", quad_class=3))) == 0
    april = find_events(con, EventFilter(since=D(2024, 4, 1), until=D(2024, 4, 11)))
    assert {r["cluster_id"] for r in april} == {"RUS:IRN:11:2024-04-10", "RUS:UKR:19:2024-04-11"}
    reports = find_events(con, EventFilter(event_type="057"), reports=True)
    assert reports == []
    negated = find_events(con, EventFilter(event_type="057"), reports=True, include_negated=True)
    assert len(negated) == 1 and negated[0]["negated"] and negated[0]["cluster_id"] is None
    all_reports = find_events(con, reports=True)
    assert len(all_reports) == 8
    assert all(r["sentence"] and r["sentence"].endswith(".") for r in all_reports)


def test_commands(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "RUS", "IRN", "--db", str(db), "--json",
                                 "--plot", str(tmp_path / "d.png")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] == 4
    assert (tmp_path / "d.png").read_bytes()[:4] == b"\x89PNG"
    result = runner.invoke(app, ["dyad", "RUS", "IRN", "--db", str(db), "--by", "week"])
    assert result.exit_code == 0 and "2024-W09" in result.stdout
    result = runner.invoke(app, ["events", "--db", str(db), "--actor", "IRN", "--json"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 5
    result = runner.invoke(app, ["events", "--db", str(db), "--text", "hosted"])
    assert result.exit_code == 0 and "1 events (clusters)" in result.stdout
    result = runner.invoke(app, ["network", "--db", str(db), "--out", str(tmp_path / "n.graphml")])
    assert result.exit_code == 0 and "RUS" in result.stdout
    assert (tmp_path / "n.graphml").exists()
    assert runner.invoke(app, ["dyad", "RUS", "IRN", "--db", str(db), "--by", "year"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", str(db), "--since", "2024-13-01"]).exit_code == 2
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such database" in missing.stderr
