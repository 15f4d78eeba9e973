"""Finding events in the store: by actor, event type, date range, place and text.

By default the answer is event clusters (one row per event however many articles report
it, see :mod:`dyadline.aggregate.clusters`): a cluster is in the answer when any of its
reports passes the filters, and it shows its surest report's sentence.  With
``reports=True`` every matching report is a row, with the cluster it belongs to; negated
reports are left out unless ``include_negated``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional

import duckdb

from ..aggregate.clusters import DedupSettings, build_clusters

_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


@dataclass
class EventFilter:
    """What to look for; every field left None matches everything."""

    actor: Optional[str] = None  # source or target code
    source: Optional[str] = None
    target: Optional[str] = None
    event_type: Optional[str] = None  # a PLOVER type (AGREE) or a CAMEO code prefix (04, 042)
    quad_class: Optional[int] = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    place: Optional[str] = None  # place name (substring) or country code of the location
    text: Optional[str] = None  # substring of the sentence, case-insensitive

    def where(self) -> tuple[str, dict[str, Any]]:
        """The SQL condition over ``events e JOIN articles a`` and its parameters."""
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if self.actor:
            clauses.append("(e.source_code = $actor OR e.target_code = $actor)")
            params["actor"] = self.actor.upper()
        if self.source:
            clauses.append("e.source_code = $source")
            params["source"] = self.source.upper()
        if self.target:
            clauses.append("e.target_code = $target")
            params["target"] = self.target.upper()
        if self.event_type:
            kind = self.event_type.strip()
            if re.fullmatch(r"\d{2,4}", kind):
                clauses.append("starts_with(e.cameo_code, $etype)")
                params["etype"] = kind
            else:
                clauses.append("e.plover_event = $etype")
                params["etype"] = kind.upper()
        if self.quad_class is not None:
            clauses.append("e.quad_class = $quad")
            params["quad"] = self.quad_class
        if self.since:
            clauses.append("e.day >= $since")
            params["since"] = self.since
        if self.until:
            clauses.append("e.day <= $until")
            params["until"] = self.until
        if self.place:
            clauses.append("(e.location_name ILIKE $place_like OR e.location_text ILIKE $place_like"
                           " OR e.location_country = $place_code)")
            params["place_like"] = f"%{self.place}%"
            params["place_code"] = self.place.upper()
        if self.text:
            clauses.append(f"contains(lower({_SENTENCE}), $text)")
            params["text"] = self.text.lower()
        return (" AND ".join(clauses) or "TRUE"), params


def find_events(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter(),
                reports: bool = False, include_negated: bool = False, limit: Optional[int] = 100,
                settings: DedupSettings = DedupSettings()) -> list[dict[str, Any]]:
    """Clusters (default) or reports that pass ``filters``, oldest first."""
    where, params = filters.where()
    build_clusters(con, settings)
    limit_sql = f"LIMIT {int(limit)}" if limit else ""
    if reports:
        negated = "" if include_negated else "AND NOT e.negated"
        sql = f"""
            SELECT e.day, a.id AS article, a.source AS outlet, e.event_id,
                   e.source_code, e.source_text, e.target_code, e.target_text,
                   e.cameo_code, e.plover_event, e.quad_class, e.goldstein, e.negated,
                   e.modality, e.location_name, e.confidence, m.cluster_id,
                   {_SENTENCE} AS sentence
            FROM events e JOIN articles a USING (article_key)
            LEFT JOIN cluster_members m USING (article_key, idx)
            WHERE {where} {negated}
            ORDER BY e.day NULLS LAST, a.id, e.idx {limit_sql}"""
    else:
        sql = f"""
            WITH hits AS (
                SELECT DISTINCT m.cluster_id
                FROM events e JOIN articles a USING (article_key)
                JOIN cluster_members m USING (article_key, idx)
                WHERE {where})
            SELECT c.cluster_id, c.first_day AS day, c.last_day, c.source_code, c.target_code,
                   c.cameo_root, c.cameo_code, c.plover_event, c.quad_class,
                   round(c.goldstein, 3) AS goldstein, c.n_reports, c.n_articles, c.n_sources,
                   a.id AS article, e.source_text, e.target_text, e.location_name,
                   {_SENTENCE} AS sentence
            FROM hits JOIN event_clusters c USING (cluster_id)
            JOIN events e ON e.article_key = c.rep_article_key AND e.idx = c.rep_idx
            JOIN articles a ON a.article_key = e.article_key
            ORDER BY c.first_day NULLS LAST, c.cluster_id {limit_sql}"""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
