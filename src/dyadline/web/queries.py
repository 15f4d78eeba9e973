"""The queries the web needs that the store's query module does not have.

- a page of events (``LIMIT``/``OFFSET``) with the total count, and the event id of each
  row so that it links to its sentence.  The filters are the store's own
  (:meth:`dyadline.store.query.EventFilter.where`) and the rows are those of
  :func:`dyadline.store.query.find_events`, in the same order, so the web and
  ``dyadline events`` show the same events (a test checks it);
- an event by its id, and the cluster it belongs to with the other reports of it;
- the store's overview (counts, first and last day).

Every query is read-only and parameterised: values travel as DuckDB parameters, never in
the SQL text.  Only fixed fragments (column lists, the order direction chosen from two
constants) are formatted into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from ..aggregate.clusters import DedupSettings, build_clusters
from ..store.query import EventFilter

_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
_ORDER = {"oldest": "ASC", "newest": "DESC"}


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


@dataclass(frozen=True)
class EventPage:
    """One page of an event listing."""

    total: int
    items: list[dict[str, Any]]


def _where(filters: EventFilter, partner: Optional[str]) -> tuple[str, dict[str, Any]]:
    """The store's filter, plus an undirected dyad: ``actor`` with ``partner`` either way."""
    where, params = filters.where()
    if partner:
        if not filters.actor:
            raise ValueError("partner needs actor: the events between actor and partner")
        where += (" AND ((e.source_code = $actor AND e.target_code = $partner)"
                  " OR (e.source_code = $partner AND e.target_code = $actor))")
        params["partner"] = partner.upper()
    return where, params


def event_page(con: Any, filters: EventFilter, partner: Optional[str] = None,
               reports: bool = False, include_negated: bool = False, limit: int = 50,
               offset: int = 0, order: str = "oldest",
               settings: DedupSettings = DedupSettings()) -> EventPage:
    """Event clusters (default) or reports passing ``filters``: ``limit`` rows from ``offset``.

    The rows carry the columns of :func:`~dyadline.store.query.find_events` and, in
    addition, ``event_id`` (of the cluster's representative report, for clusters),
    ``title`` of its article and, for reports, ``negated``.
    """
    where, params = _where(filters, partner)
    direction = _ORDER[order]
    params.update({"limit": int(limit), "offset": int(offset)})
    build_clusters(con, settings)
    if reports:
        negated = "" if include_negated else "AND NOT e.negated"
        base = f"""FROM events e JOIN articles a USING (article_key)
                   LEFT JOIN cluster_members m USING (article_key, idx)
                   WHERE {where} {negated}"""
        count_params = {k: v for k, v in params.items() if k not in ("limit", "offset")}
        total = con.execute(f"SELECT count(*) {base}", count_params).fetchall()[0][0]
        rows = _dicts(con.execute(f"""
            SELECT e.day, a.id AS article, a.title, a.source AS outlet, e.event_id,
                   e.source_code, e.source_text, e.target_code, e.target_text,
                   e.cameo_code, e.plover_event, e.quad_class, e.goldstein, e.negated,
                   e.modality, e.location_name, e.confidence, m.cluster_id,
                   {_SENTENCE} AS sentence
            {base}
            ORDER BY e.day {direction} NULLS LAST, a.id {direction}, e.idx {direction}
            LIMIT $limit OFFSET $offset""", params))
        return EventPage(int(total), rows)
    hits = f"""WITH hits AS (
                 SELECT DISTINCT m.cluster_id
                 FROM events e JOIN articles a USING (article_key)
                 JOIN cluster_members m USING (article_key, idx)
                 WHERE {where})"""
    count_params = {k: v for k, v in params.items() if k not in ("limit", "offset")}
    total = con.execute(f"{hits} SELECT count(*) FROM hits", count_params).fetchall()[0][0]
    rows = _dicts(con.execute(f"""{hits}
        SELECT c.cluster_id, c.first_day AS day, c.last_day, c.source_code, c.target_code,
               c.cameo_root, c.cameo_code, c.plover_event, c.quad_class,
               round(c.goldstein, 3) AS goldstein, c.n_reports, c.n_articles, c.n_sources,
               a.id AS article, a.title, e.event_id, e.source_text, e.target_text,
               e.location_name, {_SENTENCE} AS sentence
        FROM hits JOIN event_clusters c USING (cluster_id)
        JOIN events e ON e.article_key = c.rep_article_key AND e.idx = c.rep_idx
        JOIN articles a ON a.article_key = e.article_key
        ORDER BY c.first_day {direction} NULLS LAST, c.cluster_id {direction}
        LIMIT $limit OFFSET $offset""", params))
    return EventPage(int(total), rows)


def locate_event(con: Any, event_id: str) -> Optional[tuple[str, str, int]]:
    """``(article id, article key, position)`` of the event with this id, or None.

    When an article was stored in several versions (its text corrected under the same id),
    the latest ingested wins, as in :func:`dyadline.store.db.load_article`.
    """
    rows = con.execute("""
        SELECT a.id, e.article_key, e.idx FROM events e JOIN articles a USING (article_key)
        WHERE e.event_id = $id
        ORDER BY a.ingested_at DESC, a.article_key LIMIT 1""", {"id": event_id}).fetchall()
    if not rows:
        return None
    article_id, key, idx = rows[0]
    return str(article_id), str(key), int(idx)


def event_cluster(con: Any, article_key: str, idx: int, settings: DedupSettings = DedupSettings(),
                  max_members: int = 100) -> Optional[dict[str, Any]]:
    """The cluster of one report and its reports (at most ``max_members``), or None when the
    report is in no cluster (a negated event)."""
    build_clusters(con, settings)
    rows = _dicts(con.execute("""
        SELECT c.cluster_id, c.first_day, c.last_day, c.source_code, c.target_code,
               c.cameo_root, c.quad_class, round(c.goldstein, 3) AS goldstein,
               c.n_reports, c.n_articles, c.n_sources
        FROM cluster_members m JOIN event_clusters c USING (cluster_id)
        WHERE m.article_key = $key AND m.idx = $idx""", {"key": article_key, "idx": idx}))
    if not rows:
        return None
    cluster = rows[0]
    cluster["reports"] = _dicts(con.execute(f"""
        SELECT e.event_id, e.day, a.id AS article, a.title, a.source AS outlet,
               e.cameo_code, e.confidence, {_SENTENCE} AS sentence
        FROM cluster_members m JOIN events e USING (article_key, idx)
        JOIN articles a ON a.article_key = e.article_key
        WHERE m.cluster_id = $cluster
        ORDER BY e.day, a.id, e.idx LIMIT $max""",
        {"cluster": cluster["cluster_id"], "max": max_members}))
    return cluster


def overview(con: Any) -> dict[str, Any]:
    """Counts of the store's records, its first and last event day, and the ingest runs."""
    from ..store.db import counts

    first, last = con.execute("SELECT min(day), max(day) FROM events").fetchall()[0]
    negated = con.execute("SELECT count(*) FROM events WHERE negated").fetchall()[0][0]
    runs = _dicts(con.execute("""
        SELECT run_id, started_at, finished_at, dyadline_version, articles_new, articles_known,
               bad_records, status FROM runs ORDER BY run_id DESC LIMIT 10"""))
    return {"counts": counts(con), "negated_events": int(negated),
            "first_day": first, "last_day": last, "runs": runs}


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period (month, week or day) that begins on ``start``."""
    if by == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=6)
    return start
