"""Exporting the store's events: Parquet, CSV, Phoenix TSV and PLOVER JSON lines.

- ``parquet`` and ``csv``: one row per event report, every field of the store's events table
  with its article (id, date, outlet, title, url), its sentence, and the cluster it belongs to
  (``cluster_id``, ``cluster_reports``, ``cluster_articles``, ``cluster_sources``; empty for
  negated events, which are exported with ``negated = true`` so nothing is lost).
- ``phoenix``: the 26 tab-separated columns of the Phoenix pipeline's daily output
  (:data:`PHOENIX_COLUMNS`, no header line, as the pipeline wrote them), one row per dyadic
  event: events without a source or a target, and negated events, are left out, as the
  Phoenix pipeline never produced them.  Issues and the admin-1 name are empty (dyadline
  codes neither).
- ``plover``: one JSON object per line with the field names of the PLOVER manual's "Data
  Fields" chapter (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``,
  ``quad_code``, ``event_loc``, ``event_text``, ``text_info``, ``cite_info``, ``link`` ...).
  ``link`` carries the event cluster, so the reports of one event share it.  Events PLOVER
  does not code (CAMEO statements, no PLOVER type), events with no actor, and negated
  events are left out.  Named fields beyond the manual's (``cameo``, ``confidence``,
  ``modality``, ``cluster``) are added as the manual allows.

Parquet, CSV and Phoenix are written by DuckDB's COPY (streaming, no row in Python);
PLOVER is written batch by batch.  Every format streams: memory does not grow with the
store.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import duckdb

from ..aggregate.clusters import DedupSettings, build_clusters

FORMATS = ("parquet", "csv", "phoenix", "plover")

#: The Phoenix pipeline's output columns, in order (Phoenix data codebook).
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs",
    "NewsSources",
)

_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"

_FLAT = f"""
    SELECT a.id AS article_id, a.date AS article_date, a.source AS article_source,
           a.title AS article_title, a.url AS article_url,
           e.* EXCLUDE (article_key),
           {_SENTENCE} AS sentence_text,
           m.cluster_id, c.n_reports AS cluster_reports, c.n_articles AS cluster_articles,
           c.n_sources AS cluster_sources
    FROM events e JOIN articles a USING (article_key)
    LEFT JOIN cluster_members m USING (article_key, idx)
    LEFT JOIN event_clusters c USING (cluster_id)
    ORDER BY a.id, a.article_key, e.idx"""

def _tsv(expr: str) -> str:
    """A text column made safe for an unquoted TSV line (tabs and line breaks become spaces)."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


_PHOENIX = f"""
    SELECT {_tsv('e.event_id')} AS EventID,
           strftime(e.day, '%Y%m%d') AS Date,
           year(e.day) AS Year, month(e.day) AS Month, day(e.day) AS Day,
           coalesce(nullif(e.source_cameo, ''), e.source_code) AS SourceActorFull,
           e.source_code AS SourceActorEntity, coalesce(e.source_sector, '') AS SourceActorRole,
           '' AS SourceActorAttribute,
           coalesce(nullif(e.target_cameo, ''), e.target_code) AS TargetActorFull,
           e.target_code AS TargetActorEntity, coalesce(e.target_sector, '') AS TargetActorRole,
           '' AS TargetActorAttribute,
           e.cameo_code AS EventCode, e.cameo_root AS EventRootCode, e.quad_class AS PentaClass,
           e.goldstein AS GoldsteinScore, '' AS Issues,
           e.location_lat AS Lat, e.location_lon AS Lon,
           {_tsv("coalesce(e.location_name, '')")} AS LocationName, '' AS StateName,
           coalesce(e.location_country, '') AS CountryCode,
           {_tsv("a.id || '_' || e.sentence_index")} AS SentenceID,
           {_tsv("coalesce(a.url, '')")} AS URLs, {_tsv("coalesce(a.source, '')")} AS NewsSources
    FROM events e JOIN articles a USING (article_key)
    WHERE NOT e.negated AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
      AND e.day IS NOT NULL
    ORDER BY e.day, a.id, e.idx"""


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path,
           settings: DedupSettings = DedupSettings()) -> int:
    """Write the store's events to ``out`` in ``fmt``; return the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise FileNotFoundError(f"{out.parent}: no such directory")
    build_clusters(con, settings)
    if fmt == "plover":
        written = 0
        with open(out, "w", encoding="utf-8") as handle:
            for record in plover_records(con):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        return written
    if fmt == "parquet":
        sql, options = _FLAT, "FORMAT parquet, COMPRESSION zstd"
    elif fmt == "csv":
        sql = _FLAT.replace("e.* EXCLUDE (article_key)",
                            "e.* EXCLUDE (article_key, plover_context), "
                            "array_to_string(e.plover_context, ';') AS plover_context")
        options = "FORMAT csv, HEADER true"
    else:
        sql, options = _PHOENIX, "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
    try:
        con.execute(f"COPY ({sql}) TO {_quote_path(out)} ({options})")
    except duckdb.IOException as exc:
        raise OSError(f"{out}: cannot write: {exc}") from None
    count_sql = f"SELECT count(*) FROM ({sql})"
    return int(con.execute(count_sql).fetchall()[0][0])


def plover_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records of the coded events (needs :func:`build_clusters` first)."""
    from .. import __version__

    coder = f"dyadline {__version__}"
    reader = con.sql(f"""
        SELECT e.*, a.id AS article_id, a.url, a.title, a.source AS outlet,
               CAST(a.ingested_at AS DATE) AS coded_date,
               m.cluster_id, c.n_reports, c.n_articles, c.n_sources
        FROM events e JOIN articles a USING (article_key)
        LEFT JOIN cluster_members m USING (article_key, idx)
        LEFT JOIN event_clusters c USING (cluster_id)
        WHERE NOT e.negated AND coalesce(e.plover_event, '') <> '' AND e.source_code IS NOT NULL
          AND e.day IS NOT NULL
        ORDER BY e.day, a.id, e.idx""").to_arrow_reader(4096)
    for batch in reader:
        for row in batch.to_pylist():
            yield _plover(row, coder)


def _entity(row: dict[str, Any], prefix: str) -> dict[str, Any]:
    entity = {"code": row[f"{prefix}_code"], "sector": row[f"{prefix}_sector"] or "",
              "entity_text": row[f"{prefix}_text"]}
    if row[f"{prefix}_name"]:
        entity["identifier_text"] = row[f"{prefix}_name"]
    return entity


def _plover(row: dict[str, Any], coder: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": row["event_id"], "date": row["day"].isoformat()}
    value = row["date_value"] or ""
    if len(value) > 11 and value[10] == "T":
        record["time"] = value[11:]
    record["actor"] = [_entity(row, "source")]
    if row["target_code"] is not None:
        record["recipient"] = [_entity(row, "target")]
    record["event"] = [row["plover_event"]]
    record["mode"] = [row["plover_mode"]] if row["plover_mode"] else []
    record["context"] = list(row["plover_context"] or [])
    if row["quad_class"] in (1, 2, 3, 4):
        record["quad_code"] = int(row["quad_class"])
    if row["location_name"] is not None or row["location_text"] is not None:
        record["event_loc"] = {"extracted_place": row["location_text"],
                               "resolved_place": row["location_name"],
                               "geonameid": row["location_geonameid"],
                               "lat": row["location_lat"], "lon": row["location_lon"],
                               "country_code": row["location_country"]}
    record["event_text"] = [row["trigger_text"]] if row["trigger_text"] else []
    record["text_info"] = {"sequence": row["sentence_index"], "start": row["sentence_start"],
                           "end": row["sentence_end"]}
    cite = {"citation": row["article_id"], "url": row["url"], "title": row["title"],
            "publication": row["outlet"], "language": "en", "coder": coder,
            "codebook": "CAMEO 1.1b3 mapped to PLOVER (CAMEO2PLOVER 2021)"}
    record["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    if row["cluster_id"]:
        record["link"] = row["cluster_id"]
    record["coder"] = coder
    if row["coded_date"] is not None:
        record["coded_date"] = row["coded_date"].isoformat()
    if row["evidence"]:
        record["comment"] = row["evidence"]
    record["cameo"] = {"code": row["cameo_code"], "root": row["cameo_root"],
                       "goldstein": row["goldstein"]}
    record["confidence"] = row["confidence"]
    if row["modality"]:
        record["modality"] = row["modality"]
    if row["cluster_id"]:
        record["cluster"] = {"id": row["cluster_id"], "n_reports": row["n_reports"],
                             "n_articles": row["n_articles"], "n_sources": row["n_sources"]}
    return record
