"""Deduplication: many reports of one event become one event cluster.

The rule (docs/store.md): two event records report the same event when they have

- the same directed dyad: source country code and target country code (a missing actor
  counts as its own value, so "a bomb exploded" events cluster among themselves),
- the same event type: the CAMEO root code (two digits).  The root, not the PLOVER type,
  because it fixes the quad class and the sign of the Goldstein value of the cluster, and
  it also covers the CAMEO statements (01) that PLOVER does not code,
- days within ``window_days`` (default 1) of the cluster's first report.

Clusters are built greedily along time within each (source, target, root) group: the
earliest report opens a cluster, every report within ``window_days`` of that opening day
joins it, and the first report past the window opens the next.  Anchoring on the first day
(rather than chaining each report to the previous one) keeps every member of a cluster
within the window of each other, so a war reported every day does not collapse into one
cluster.  The result depends only on the set of records, never on the order they were
ingested in.

Each cluster counts its reports (event records), articles and sources (distinct article
``source`` values; an article with no source counts as a source of its own): GDELT's
NumMentions, NumArticles and NumSources, computed from the records themselves.  Negated
events ("did not sign") are stored but never clustered, so they are in no aggregate.

The clusters are built per query into temporary tables (``event_clusters``,
``cluster_members``) so that the window is a setting of the query and a read-only store
can be queried.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pyarrow as pa

#: Default window: reports up to this many days after a cluster's first report join it.
DEFAULT_WINDOW_DAYS = 1


@dataclass(frozen=True)
class DedupSettings:
    """How reports are grouped into events; ``window_days`` is the only knob."""

    window_days: int = DEFAULT_WINDOW_DAYS

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ValueError("the deduplication window must be 0 days or more")


def cluster_id(source: str, target: str, root: str, anchor: dt.date | None, tail: str = "") -> str:
    """A readable, stable id: ``RUS:IRN:04:2024-03-01`` (source, target, root, first day)."""
    day = anchor.isoformat() if anchor else "nodate" + tail
    return f"{source or '-'}:{target or '-'}:{root}:{day}"


def assign_clusters(rows: list[tuple[str, str, str, dt.date | None, str, int]], window_days: int
                    ) -> list[str]:
    """Cluster ids for rows ``(source, target, root, day, article_key, idx)`` sorted by the
    first four.  Rows with no day each make a cluster of their own."""
    return _continue(rows, window_days, {})


def build_clusters(con: duckdb.DuckDBPyConnection,
                   settings: DedupSettings = DedupSettings()) -> None:
    """(Re)build the temporary tables ``cluster_members`` and ``event_clusters``.

    ``cluster_members(article_key, idx, cluster_id)`` maps every non-negated event to its
    cluster; ``event_clusters`` has one row per cluster: dyad, root, quad class, first and
    last day, n_reports, n_articles, n_sources, mean Goldstein and the representative
    report (the surest one; ties broken by article key and position).
    """
    reader = con.sql("""
        SELECT coalesce(source_code, '') AS s, coalesce(target_code, '') AS t, cameo_root,
               day, article_key, idx
        FROM events WHERE NOT negated
        ORDER BY s, t, cameo_root, day NULLS LAST, article_key, idx""").to_arrow_reader(65536)
    keys: list[str] = []
    idxs: list[int] = []
    ids: list[str] = []
    # The greedy pass needs the previous anchor only, so it runs batch by batch.
    state: dict[str, object] = {}
    for batch in reader:
        cols = [batch.column(i).to_pylist() for i in range(6)]
        rows = list(zip(*cols))
        ids.extend(_continue(rows, settings.window_days, state))
        keys.extend(cols[4])
        idxs.extend(cols[5])
    members = pa.table({"article_key": pa.array(keys, pa.string()),
                        "idx": pa.array(idxs, pa.int32()),
                        "cluster_id": pa.array(ids, pa.string())})
    con.register("_members", members)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE cluster_members AS SELECT * FROM _members")
    finally:
        con.unregister("_members")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE event_clusters AS
        SELECT m.cluster_id,
               any_value(e.source_code) AS source_code,
               any_value(e.target_code) AS target_code,
               any_value(e.cameo_root) AS cameo_root,
               first(e.quad_class ORDER BY e.confidence DESC, e.article_key, e.idx) AS quad_class,
               min(e.day) AS first_day,
               max(e.day) AS last_day,
               count(*) AS n_reports,
               count(DISTINCT e.article_key) AS n_articles,
               count(DISTINCT coalesce(a.source, 'article:' || a.article_key)) AS n_sources,
               -- exact decimal sum: a float sum's value depends on the parallel order
               avg(e.goldstein::DECIMAL(18, 3))::DOUBLE AS goldstein,
               first(e.article_key ORDER BY e.confidence DESC, e.article_key, e.idx) AS rep_article_key,
               first(e.idx ORDER BY e.confidence DESC, e.article_key, e.idx) AS rep_idx,
               first(e.plover_event ORDER BY e.confidence DESC, e.article_key, e.idx) AS plover_event,
               first(e.cameo_code ORDER BY e.confidence DESC, e.article_key, e.idx) AS cameo_code
        FROM cluster_members m
        JOIN events e USING (article_key, idx)
        JOIN articles a USING (article_key)
        GROUP BY m.cluster_id""")


def _continue(rows: list[tuple], window_days: int, state: dict[str, object]) -> list[str]:
    """:func:`assign_clusters` carried across record batches (``state`` holds the anchor)."""
    ids: list[str] = []
    window = dt.timedelta(days=window_days)
    group = state.get("group")
    anchor = state.get("anchor")
    for source, target, root, day, key, idx in rows:
        if day is None:
            ids.append(cluster_id(source, target, root, None, f":{key[:12]}:{idx}"))
            continue
        here = (source, target, root)
        if here != group or anchor is None or day - anchor > window:  # type: ignore[operator]
            group, anchor = here, day
        ids.append(cluster_id(source, target, root, anchor))  # type: ignore[arg-type]
    state["group"], state["anchor"] = group, anchor
    return ids
