"""What every page and API endpoint shows, as plain JSON-ready records.

The API returns these records as they are and the pages render them, so a page never shows
a number its endpoint would not give.  The numbers come from the store's own functions
(:func:`dyadline.store.query.EventFilter`, :func:`dyadline.aggregate.series.dyad_series`,
:func:`dyadline.aggregate.network.build_network`, :func:`dyadline.store.db.load_article`),
the ones ``dyadline events``, ``dyad`` and ``network`` print.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from ..aggregate.clusters import DedupSettings
from .params import MAX_PERIODS, ActorQuery, DyadQuery, EventQuery, NetworkQuery
from .store import WebStore

QUAD_NAMES = ("neutral", "verbal cooperation", "material cooperation", "verbal conflict",
              "material conflict")


class NotFound(LookupError):
    """The record asked for is not in the store."""


class BadQuery(ValueError):
    """The parameters are valid one by one but ask for too much or for nothing sensible."""


def _json(value: Any) -> Any:
    """Dates as ISO strings, recursively (the records go to JSON and to templates alike)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return value


def events(store: WebStore, q: EventQuery) -> dict[str, Any]:
    """A page of events: ``{"total", "page", "size", "pages", "unit", "items"}``."""
    from ..store.query import EventFilter
    from .queries import event_page

    filters = EventFilter(actor=q.actor, source=q.source, target=q.target, event_type=q.type,
                          quad_class=q.quad, since=q.since, until=q.until, place=q.place,
                          text=q.text)

    def run(con: Any) -> dict[str, Any]:
        page = event_page(con, filters, partner=q.partner, reports=q.reports,
                          include_negated=q.negated, limit=q.size, offset=q.offset,
                          order=q.order, settings=DedupSettings(q.window))
        return {"total": page.total, "page": q.page, "size": q.size,
                "pages": max(1, -(-page.total // q.size)),
                "unit": "reports" if q.reports else "clusters", "items": _json(page.items)}

    return store.run(("events", q.key()), run)


def event(store: WebStore, event_id: str, window: int = 1) -> dict[str, Any]:
    """One event as the contract writes it, with its article (text included), and the
    cluster it belongs to: ``{"event", "article", "cluster"}``."""
    from ..store.db import load_article
    from .queries import event_cluster, locate_event

    def run(con: Any) -> Optional[dict[str, Any]]:
        found = locate_event(con, event_id)
        if found is None:
            return None
        article_id, key, idx = found
        article = load_article(con, article_id)
        if article is None or idx >= len(article.events) or article.events[idx].id != event_id:
            return None
        cluster = event_cluster(con, key, idx, DedupSettings(window))
        return {"event": article.events[idx].to_json(),
                "article": article.to_json(include_text=True), "index": idx,
                "cluster": _json(cluster)}

    answer = store.run(("event", event_id, window), run)
    if answer is None:
        raise NotFound(f"no event with id {event_id!r} in the store")
    return answer


def article(store: WebStore, article_id: str) -> dict[str, Any]:
    """An article with all its records (``Article.to_json(include_text=True)``)."""
    from ..store.db import load_article

    def run(con: Any) -> Optional[dict[str, Any]]:
        found = load_article(con, article_id)
        return None if found is None else found.to_json(include_text=True)

    answer = store.run(("article", article_id), run)
    if answer is None:
        raise NotFound(f"no article with id {article_id!r} in the store")
    return answer


def dyad(store: WebStore, a: str, b: str, q: DyadQuery) -> dict[str, Any]:
    """The series of a dyad, as ``dyadline dyad --json`` prints it, each period with its
    last day (``end``) added so that a page can link a period to its events."""
    from ..aggregate.series import dyad_series
    from .queries import period_end

    def run(con: Any) -> dict[str, Any]:
        series = dyad_series(con, a, b, by=q.by, directed=q.directed, reports=q.reports,
                             settings=DedupSettings(q.window), since=q.since, until=q.until)
        if len(series.periods) > MAX_PERIODS:
            raise BadQuery(f"the series has {len(series.periods):,} periods, more than "
                           f"{MAX_PERIODS:,}: choose a longer period (by=month) or a narrower "
                           "since/until")
        data = series.to_json()
        for period, record in zip(series.periods, data["series"]):
            record["end"] = period_end(period.start, q.by).isoformat()
        return data

    return store.run(("dyad", a.upper(), b.upper(), q.key()), run)


def network(store: WebStore, q: NetworkQuery) -> dict[str, Any]:
    """The actor network as ``dyadline network --json`` prints it (nodes most central first,
    then edges), cut to the ``top`` most central actors and the edges between them."""
    from ..aggregate.network import build_network, centrality_rows

    def run(con: Any) -> dict[str, Any]:
        graph = build_network(con, since=q.since, until=q.until, min_events=q.min_events,
                              reports=q.reports, settings=DedupSettings(q.window))
        nodes = centrality_rows(graph)
        kept = {n["actor"] for n in nodes[:q.top]}
        edges = [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)
                 if s in kept and t in kept]
        return {"unit": "reports" if q.reports else "clusters",
                "since": _json(q.since), "until": _json(q.until),
                "nodes": nodes[:q.top], "edges": edges,
                "actors": len(nodes), "truncated": len(nodes) > q.top}

    return store.run(("network", q.key()), run)


def actor(store: WebStore, code: str, q: ActorQuery) -> dict[str, Any]:
    """An actor's dyads: for each partner, events each way, cooperation, conflict and mean
    Goldstein, from the same network as :func:`network` (so the numbers agree)."""
    from ..aggregate.network import build_network

    code = code.upper()

    def run(con: Any) -> dict[str, Any]:
        graph = build_network(con, since=q.since, until=q.until, reports=q.reports,
                              settings=DedupSettings(q.window))
        partners: dict[str, dict[str, Any]] = {}
        if code in graph:
            for direction, edges in (("out", graph.out_edges(code, data=True)),
                                     ("in", graph.in_edges(code, data=True))):
                for s, t, d in edges:
                    other = t if direction == "out" else s
                    row = partners.setdefault(other, {
                        "partner": other, "events_out": 0, "events_in": 0, "cooperation": 0,
                        "conflict": 0, "_gsum": 0.0})
                    row[f"events_{direction}"] += d["events"]
                    row["cooperation"] += d["cooperation"]
                    row["conflict"] += d["conflict"]
                    row["_gsum"] += d["goldstein"] * d["events"]
        rows = []
        for row in partners.values():
            total = row["events_out"] + row["events_in"]
            gsum = row.pop("_gsum")
            rows.append({**row, "events": total, "goldstein": round(gsum / total, 3) if total else None})
        rows.sort(key=lambda r: (-r["events"], r["partner"]))
        node = dict(graph.nodes[code]) if code in graph else None
        return {"actor": code, "unit": "reports" if q.reports else "clusters",
                "since": _json(q.since), "until": _json(q.until), "node": node, "dyads": rows}

    return store.run(("actor", code, q.key()), run)


def summary(store: WebStore) -> dict[str, Any]:
    """The store at a glance: counts, first and last day, the busiest dyads and actors."""
    from .queries import overview

    def run(con: Any) -> dict[str, Any]:
        return _json(overview(con))

    data = dict(store.run(("summary",), run))
    net = network(store, NetworkQuery())
    data["actors"] = net["nodes"][:10]
    data["dyads"] = sorted(net["edges"], key=lambda e: (-e["events"], e["source"], e["target"]))[:10]
    data["database"] = store.path.name  # the file name only: the page need not reveal server paths
    return data
