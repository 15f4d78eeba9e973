"""The store's tables, and the migrations that bring an older database up to date.

The schema is versioned: ``meta.schema_version`` says which migrations a database has had,
and :func:`migrate` applies the missing ones, each in its own transaction, so a database
written by an older dyadline opens in a newer one without losing anything.  Add a change by
appending a migration; never edit one that has shipped.

Column names avoid SQL keywords (``start``/``end`` become ``span_start``/``span_end``) so
that a person can query the database by hand without quoting.
"""

from __future__ import annotations

from typing import Callable

import duckdb

#: A character span of the article: text and offsets (end exclusive).
_SPAN = "{p}_text VARCHAR, {p}_start INTEGER, {p}_end INTEGER"
#: A mention resolved to an actor, flattened (event source/target, quote speaker).
_ACTOR = _SPAN + ", {p}_code VARCHAR, {p}_sector VARCHAR, {p}_cameo VARCHAR, {p}_name VARCHAR"


def _span(prefix: str) -> str:
    return _SPAN.format(p=prefix)


def _actor(prefix: str) -> str:
    return _ACTOR.format(p=prefix)


_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    # An article is known by article_key = hash of its id and text (see store.keys).
    """CREATE TABLE articles (
        article_key VARCHAR PRIMARY KEY,
        id VARCHAR NOT NULL,
        date DATE,
        title VARCHAR,
        url VARCHAR,
        source VARCHAR,
        text VARCHAR NOT NULL,
        sentence_starts INTEGER[],
        sentence_ends INTEGER[],
        n_events INTEGER,
        ingested_at TIMESTAMP
    )""",
    """CREATE TABLE mentions (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER,
        code VARCHAR, sector VARCHAR, cameo VARCHAR, name VARCHAR,
        kind VARCHAR, confidence DOUBLE
    )""",
    f"""CREATE TABLE events (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        event_id VARCHAR NOT NULL,
        sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER,
        {_actor('source')},
        {_actor('target')},
        plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR[],
        cameo_code VARCHAR, cameo_root VARCHAR, quad_class TINYINT, goldstein DOUBLE,
        {_span('trigger')},
        date_value VARCHAR, date_text VARCHAR, date_start INTEGER, date_end INTEGER,
        day DATE,
        location_text VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_lat DOUBLE, location_lon DOUBLE, location_geonameid BIGINT,
        negated BOOLEAN, modality VARCHAR, confidence DOUBLE, evidence VARCHAR
    )""",
    f"""CREATE TABLE quotes (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER, direct BOOLEAN,
        {_actor('speaker')},
        {_span('cue')}
    )""",
    """CREATE TABLE places (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER,
        name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
        role VARCHAR, feature VARCHAR
    )""",
    """CREATE TABLE time_expressions (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR, span_start INTEGER, span_end INTEGER, value VARCHAR, type VARCHAR
    )""",
]

_V2 = [
    # One row per `dyadline ingest` run: provenance for the records, and a trace of runs
    # that were interrupted (status stays 'running').
    """CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY,
        started_at TIMESTAMP,
        finished_at TIMESTAMP,
        dyadline_version VARCHAR,
        inputs VARCHAR,
        workers INTEGER,
        articles_new INTEGER,
        articles_known INTEGER,
        bad_records INTEGER,
        status VARCHAR
    )""",
    """CREATE INDEX IF NOT EXISTS events_article ON events (article_key)""",
]

_V3 = [
    # The index of v2 made every batch's event insert about 9 ms slower and is never used
    # (DuckDB answers the aggregates' joins by hash join, not by index look-ups).
    """DROP INDEX IF EXISTS events_article""",
]

#: Migration n brings a database from version n-1 to version n.
MIGRATIONS: list[list[str] | Callable[[duckdb.DuckDBPyConnection], None]] = [_V1, _V2, _V3]
SCHEMA_VERSION = len(MIGRATIONS)

#: Tables that hold the records of articles, in the order a batch is written.
RECORD_TABLES = ("articles", "mentions", "events", "quotes", "places", "time_expressions")


class SchemaTooNew(RuntimeError):
    """The database was written by a newer dyadline than this one."""


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version of the database behind ``con`` (0 for an empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0]
    if not exists:
        return 0
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to ``target``; return the version reached.

    Each migration runs in one transaction with the version bump, so a crash leaves the
    database at the previous version, never half-migrated.
    """
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(f"database schema version {current} is newer than this dyadline "
                           f"supports ({SCHEMA_VERSION}); upgrade dyadline")
    for version in range(current + 1, target + 1):
        step = MIGRATIONS[version - 1]
        con.execute("BEGIN TRANSACTION")
        try:
            if callable(step):
                step(con)
            else:
                for statement in step:
                    con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return max(current, target)
