"""The store: schema and migrations, bulk writes, idempotency, reading back, the ingest run."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from dyadline.model import Actor, Article, ArticleInput, Event, EventDate, Mention, Sentence, Span
from dyadline.ontology import event_code
from dyadline.store import connect, load_article, to_tables, write_batch
from dyadline.store import ingest as ingest_module
from dyadline.store.db import StoreError, counts, known_keys
from dyadline.store.records import article_key
from dyadline.store.schema import SCHEMA_VERSION, SchemaTooNew, migrate, schema_version
from test_store_fixtures import E, dedup_corpus, make_article, stored_records


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def test_articles_read_back_exactly(db: Path) -> None:
    con = connect(db)
    articles = dedup_corpus()
    write_batch(con, to_tables(articles))
    for article in articles:
        back = load_article(con, article.id)
        assert back is not None
        assert back.to_json(include_text=True) == article.to_json(include_text=True)
        for m in back.mentions:
            assert back.text[m.start:m.end] == m.text
        assert [m.kind for m in back.mentions] == [m.kind for m in article.mentions]
    assert load_article(con, "no-such-article") is None


def test_writing_a_batch_twice_adds_nothing(db: Path) -> None:
    con = connect(db)
    tables = to_tables(dedup_corpus())
    first = write_batch(con, tables)
    before = counts(con)
    second = write_batch(con, tables)
    assert first["articles"] == 7 and first["events"] == 9
    assert all(n == 0 for n in second.values())
    assert counts(con) == before


def test_repeats_inside_a_batch_are_stored_once(db: Path) -> None:
    con = connect(db)
    a = make_article("x", "2024-05-01", [E("RUS", "040", "IRN")])
    written = write_batch(con, to_tables([a, a, a]))
    assert written["articles"] == 1 and written["events"] == 1
    assert counts(con)["events"] == 1


def test_same_id_new_text_is_a_new_article(db: Path) -> None:
    """An article is known by its id and text: a corrected text is kept beside the first."""
    con = connect(db)
    a = make_article("x", "2024-05-01", [E("RUS", "040", "IRN")])
    b = make_article("x", "2024-05-01", [E("RUS", "111", "IRN", "criticized")])
    write_batch(con, to_tables([a]))
    assert write_batch(con, to_tables([b]))["articles"] == 1
    assert known_keys(con, [article_key("x", a.text), article_key("x", b.text), "zz"]) == {
        article_key("x", a.text), article_key("x", b.text)}


def test_a_failed_batch_leaves_nothing(db: Path) -> None:
    """A batch is one transaction: an error half-way leaves no partial article."""
    con = connect(db)
    tables = to_tables(dedup_corpus())
    broken = dict(tables)
    broken["places"] = tables["places"].drop_columns(["name"]).append_column(
        "name", tables["places"].column("geonameid"))  # wrong type for the column: fails
    broken["places"] = broken["places"].set_column(
        broken["places"].schema.get_field_index("span_start"), "span_start",
        tables["places"].column("text"))
    with pytest.raises(duckdb.Error):
        write_batch(con, broken)
    assert all(n == 0 for n in counts(con).values())
    assert write_batch(con, tables)["articles"] == 7


def test_migration_from_version_1_keeps_the_records(db: Path) -> None:
    con = duckdb.connect(str(db))
    assert migrate(con, target=1) == 1
    write_batch(con, to_tables(dedup_corpus()))
    assert schema_version(con) == 1
    con.close()
    con = connect(db)  # opening for writing migrates
    assert schema_version(con) == SCHEMA_VERSION
    assert counts(con)["events"] == 9
    assert con.execute("SELECT count(*) FROM runs").fetchall()[0][0] == 0


def test_old_store_read_only_asks_for_migration(db: Path) -> None:
    con = duckdb.connect(str(db))
    migrate(con, target=1)
    con.close()
    with pytest.raises(StoreError, match="migrate"):
        connect(db, read_only=True)


def test_newer_schema_is_refused(db: Path) -> None:
    con = connect(db)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaTooNew):
        connect(db)


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.duckdb", read_only=True)


# ------------------------------------------------------------------ the ingest run, in-process

class FakeCoder:
    """Stands in for the coder so the run's logic is tested on its own: one RUS->IRN
    meeting per article, dated by the article; fails on texts that contain 'EXPLODE'."""

    def analyse_input(self, item: ArticleInput) -> Article:
        if "EXPLODE" in item.text:
            raise RuntimeError("boom")
        sentence = Sentence(0, 0, len(item.text))
        source = Mention(item.text[:1], 0, 1, Actor("RUS", "GOV", "RUSGOV", "Russia"))
        event = Event(f"{item.id}:0:0", sentence, source, None, event_code("040"),
                      Span(item.text[:1], 0, 1), EventDate(item.date) if item.date else None,
                      None)
        return Article(item.id, item.date, item.text, item.title, item.url, item.source,
                       (sentence,), (source,), (event,))


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "_new_coder", lambda dictionaries: FakeCoder())
    ingest_module._CODERS.clear()
    yield
    ingest_module._CODERS.clear()


def _corpus(path: Path, n: int, bad: bool = True) -> Path:
    lines = [json.dumps({"id": f"n{i}", "date": f"2024-0{1 + i % 9}-1{i % 10}",
                         "source": f"Wire {i % 3}", "text": f"Article number {i} says things."})
             for i in range(n)]
    if bad:
        lines.insert(3, "{not json")
        lines.insert(5, json.dumps({"id": "no-text"}))
        lines.insert(7, json.dumps({"id": "boom", "text": "This one will EXPLODE."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_is_idempotent_and_reports_bad_records(tmp_path: Path, db: Path, fake_coder: None) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 50)
    errors: list[tuple[str, str]] = []
    done: list[int] = []
    summary = ingest_module.ingest([str(corpus)], db, batch_size=8,
                                   on_error=lambda o, r: errors.append((o, r)),
                                   progress=done.append)
    assert summary.new_articles == 50 and summary.events == 50
    assert summary.bad_records == 3 and len(errors) == 3
    assert errors[0][0].endswith("c.jsonl:4") and "malformed JSON" in errors[0][1]
    assert errors[1][0].endswith("c.jsonl:6") and "text" in errors[1][1]
    assert "could not be analysed" in errors[2][1] and errors[2][0].endswith("c.jsonl:8")
    assert sum(done) == 53 == ingest_module.count_records([str(corpus)])
    again = ingest_module.ingest([str(corpus), str(corpus)], db, batch_size=8)
    assert again.new_articles == 0 and again.known_articles == 100
    con = connect(db, read_only=True)
    assert counts(con)["articles"] == 50
    runs = con.execute("SELECT status, articles_new, bad_records FROM runs ORDER BY run_id").fetchall()
    assert runs == [("done", 50, 3), ("done", 0, 6)]


def test_ingest_resumes_after_a_partial_run(tmp_path: Path, db: Path, fake_coder: None) -> None:
    """A run that stopped after some batches is completed by the next one, exactly."""
    corpus = _corpus(tmp_path / "c.jsonl", 40, bad=False)
    partial = tmp_path / "part.jsonl"
    partial.write_text("".join(corpus.read_text().splitlines(keepends=True)[:17]))
    ingest_module.ingest([str(partial)], db, batch_size=5, write_size=10)
    summary = ingest_module.ingest([str(corpus)], db, batch_size=5, write_size=10)
    assert summary.new_articles == 23 and summary.known_articles == 17
    reference = tmp_path / "ref.duckdb"
    ingest_module.ingest([str(corpus)], reference, batch_size=7)
    assert stored_records(db) == stored_records(reference)
