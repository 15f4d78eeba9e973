"""Exports: each format is written, read back, and compared with the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyadline.cli import app
from dyadline.compat.export import FORMATS, PHOENIX_COLUMNS, export
from dyadline.ontology import PLOVER_EVENTS, event_code
from dyadline.store import connect, to_tables, write_batch
from test_store_fixtures import dedup_corpus


@pytest.fixture
def con(tmp_path: Path):
    path = tmp_path / "exp.duckdb"
    c = connect(path)
    write_batch(c, to_tables(dedup_corpus()))
    c.close()
    c = connect(path, read_only=True)
    yield c
    c.close()


def test_parquet_reads_back_with_clusters(con, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    assert export(con, "parquet", out) == 9
    table = pq.read_table(out)
    assert table.num_rows == 9
    rows = {r["event_id"]: r for r in table.to_pylist()}
    a1 = rows["a1:0:0"]
    assert (a1["source_code"], a1["target_code"], a1["cameo_code"]) == ("RUS", "IRN", "042")
    assert a1["cluster_id"] == "RUS:IRN:04:2024-03-01" and a1["cluster_articles"] == 3
    assert a1["cluster_sources"] == 2 and a1["location_name"] == "Moscow"
    assert a1["sentence_text"] == "Russia visited Iran in Moscow."
    assert a1["plover_context"] == list(event_code("042").plover_context)
    negated = rows["a6:1:0"]
    assert negated["negated"] is True and negated["cluster_id"] is None


def test_csv_reads_back(con, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert export(con, "csv", out) == 9
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["a7:1:0"]["day"] == "2024-04-11" and by_id["a7:1:0"]["cameo_code"] == "190"
    assert by_id["a2:0:0"]["article_source"] == "Wire B"
    assert float(by_id["a2:0:0"]["goldstein"]) == event_code("043").goldstein


def test_phoenix_tsv_has_the_pipeline_columns(con, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    assert export(con, "phoenix", out) == 8  # the negated event is left out
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8
    rows = [dict(zip(PHOENIX_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == len(PHOENIX_COLUMNS) == 26 for line in lines)
    first = rows[0]
    assert first["EventID"] == "a1:0:0" and first["Date"] == "20240301"
    assert (first["Year"], first["Month"], first["Day"]) == ("2024", "3", "1")
    assert (first["SourceActorFull"], first["SourceActorEntity"], first["SourceActorRole"]) == (
        "RUSGOV", "RUS", "GOV")
    assert (first["EventCode"], first["EventRootCode"], first["PentaClass"]) == ("042", "04", "1")
    assert float(first["GoldsteinScore"]) == event_code("042").goldstein
    assert first["LocationName"] == "Moscow" and first["SentenceID"] == "a1_0"
    assert first["URLs"] == "https://example.org/a1" and first["NewsSources"] == "Wire A"
    assert [r["Date"] for r in rows] == sorted(r["Date"] for r in rows)


def test_plover_json_records(con, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export(con, "plover", out) == 8
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 8
    for record in records:
        for required in ("id", "date", "actor", "event"):  # the manual's required fields
            assert required in record
        assert all(e in PLOVER_EVENTS for e in record["event"])
        assert record["actor"][0]["code"]
        assert len(record["date"]) == 10
    by_id = {r["id"]: r for r in records}
    a1 = by_id["a1:0:0"]
    assert a1["recipient"][0]["code"] == "IRN" and a1["event"] == ["CONSULT"]
    assert a1["event_loc"]["resolved_place"] == "Moscow" and a1["event_loc"]["geonameid"] == 524901
    assert a1["quad_code"] == 1 and a1["event_text"] == ["visited"]
    assert a1["text_info"] == {"sequence": 0, "start": 0, "end": 30}
    # reports of one event share the link (their cluster)
    assert by_id["a2:0:0"]["link"] == by_id["a3:0:0"]["link"] == a1["link"]
    assert a1["cluster"]["n_articles"] == 3
    assert by_id["a7:1:0"]["date"] == "2024-04-11"
    assert "a6:1:0" not in by_id  # negated


def test_export_command(con, tmp_path: Path) -> None:
    db = tmp_path / "exp.duckdb"
    runner = CliRunner()
    for fmt in FORMATS:
        out = tmp_path / f"cli.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "xml", "--out", "x"])
    assert bad.exit_code == 2
    nowhere = runner.invoke(app, ["export", "--db", str(db), "--format", "csv",
                                  "--out", str(tmp_path / "no" / "dir.csv")])
    assert nowhere.exit_code == 1 and "no such directory" in nowhere.stderr
