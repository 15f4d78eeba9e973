"""Scale-out: the store built on a 2-worker local Dask cluster equals the single-process one,
and the `ingest` command is idempotent and reports bad records, with the real coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadline.cli import app
from dyadline.store.ingest import ingest
from test_store_fixtures import stored_records

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus ingested in this process: the reference for the Dask runs."""
    path = tmp_path_factory.mktemp("single") / "single.duckdb"
    summary = ingest([str(CORPUS)], path, batch_size=8)
    assert summary.bad_records == 0 and summary.new_articles > 40
    assert summary.events > 0, "the coder found no event in the example corpus"
    return path


def test_two_dask_workers_store_the_same_records(tmp_path: Path, single: Path) -> None:
    dask = tmp_path / "dask.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(dask), "--workers", "2",
                                      "--batch-size", "4", "-q"])
    assert result.exit_code == 0, result.output
    assert stored_records(dask) == stored_records(single)


def test_a_running_scheduler_stores_the_same_records(tmp_path: Path, single: Path) -> None:
    """--scheduler: the analysis runs on a cluster that dyadline did not start."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        db = tmp_path / "remote.duckdb"
        result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--scheduler",
                                          cluster.scheduler_address, "-q"])
        assert result.exit_code == 0, result.output
        assert len(cluster.scheduler.workers) == 1  # the cluster outlives the ingest
    assert stored_records(db) == stored_records(single)


def test_ingest_command_is_idempotent_and_reports_bad_records(tmp_path: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:6]
    lines.insert(2, '{"id": "broken", "text": ')
    lines.append(json.dumps({"id": "late", "date": "2025-02-30", "text": "Russia met Iran."}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 1  # an input could not be read
    errors = [line for line in first.stderr.splitlines() if line.startswith("dyadline: ")]
    assert len(errors) == 2
    assert f"{corpus}:3: malformed JSON" in errors[0]
    assert f"{corpus}:8:" in errors[1] and "2025-02-30" in errors[1]
    assert "6 new articles" in first.stdout and "2 bad records" in first.stdout
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert "0 new articles" in second.stdout and "6 already stored" in second.stdout
    assert stored_records(db)["articles"] and len(stored_records(db)["articles"]) == 6
    usage = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "2",
                                "--scheduler", "tcp://127.0.0.1:1"])
    assert usage.exit_code == 2
