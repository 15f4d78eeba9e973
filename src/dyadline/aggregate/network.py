"""The actor network: who acts on whom, how cooperatively, and who is central.

Nodes are actor codes (countries, IGO, ...); a directed edge source->target carries the
number of events (clusters by default, see :mod:`.clusters`), how many were cooperation
(quad classes 1-2) and conflict (3-4), and their mean Goldstein value.  Events with a
missing actor or a source equal to its target are left out (they relate no two actors);
so are negated events.  Each node gets its weighted in/out degree, PageRank over the
event counts, and betweenness centrality, computed with networkx.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb

from .clusters import DedupSettings, build_clusters


def build_network(con: duckdb.DuckDBPyConnection, since: dt.date | None = None,
                  until: dt.date | None = None, min_events: int = 1, reports: bool = False,
                  settings: DedupSettings = DedupSettings()) -> Any:
    """A ``networkx.DiGraph`` of the actors (see the module docstring)."""
    import networkx as nx

    if reports:
        table, day = "(SELECT * FROM events WHERE NOT negated)", "day"
    else:
        build_clusters(con, settings)
        table, day = "event_clusters", "first_day"
    rows = con.execute(f"""
        SELECT source_code, target_code, count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               avg(goldstein::DECIMAL(18, 6))::DOUBLE AS goldstein  -- exact, order-free
        FROM {table}
        WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code
          AND ($since IS NULL OR {day} >= $since) AND ($until IS NULL OR {day} <= $until)
        GROUP BY source_code, target_code
        HAVING count(*) >= $min
        ORDER BY source_code, target_code""",
        {"since": since, "until": until, "min": min_events}).fetchall()
    graph = nx.DiGraph(unit="reports" if reports else "clusters")
    for source, target, events, coop, conflict, goldstein in rows:
        graph.add_edge(source, target, events=int(events), cooperation=int(coop),
                       conflict=int(conflict), goldstein=round(float(goldstein), 3),
                       net_cooperation=int(coop) - int(conflict))
    if graph.number_of_nodes():
        pagerank = _pagerank(graph, weight="events")
        betweenness = nx.betweenness_centrality(graph)
        for node in graph.nodes:
            data = graph.nodes[node]
            data["out_events"] = int(graph.out_degree(node, weight="events"))
            data["in_events"] = int(graph.in_degree(node, weight="events"))
            data["cooperation"] = int(sum(d["cooperation"] for *_, d in graph.in_edges(node, data=True))
                                      + sum(d["cooperation"] for *_, d in graph.out_edges(node, data=True)))
            data["conflict"] = int(sum(d["conflict"] for *_, d in graph.in_edges(node, data=True))
                                   + sum(d["conflict"] for *_, d in graph.out_edges(node, data=True)))
            data["pagerank"] = round(float(pagerank.get(node, 0.0)), 6)
            data["betweenness"] = round(float(betweenness.get(node, 0.0)), 6)
    return graph


def _pagerank(graph: Any, weight: str, damping: float = 0.85, tol: float = 1e-10,
              max_iter: int = 200) -> dict[Any, float]:
    """PageRank by power iteration over edge weights (networkx's own needs scipy, which
    dyadline does not depend on).  Dangling nodes spread their rank evenly."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    rank = {v: 1.0 / n for v in nodes}
    out_weight = {v: sum(d.get(weight, 1) for *_, d in graph.out_edges(v, data=True)) for v in nodes}
    for _ in range(max_iter):
        dangling = damping * sum(rank[v] for v in nodes if out_weight[v] == 0) / n
        new = {v: (1.0 - damping) / n + dangling for v in nodes}
        for u, v, d in graph.edges(data=True):
            new[v] += damping * rank[u] * d.get(weight, 1) / out_weight[u]
        if sum(abs(new[v] - rank[v]) for v in nodes) < tol * n:
            return new
        rank = new
    return rank


def centrality_rows(graph: Any) -> list[dict[str, Any]]:
    """One row per actor, most central first (PageRank, then events)."""
    rows = [{"actor": node, **data} for node, data in graph.nodes(data=True)]
    return sorted(rows, key=lambda r: (-r["pagerank"], -(r["in_events"] + r["out_events"]),
                                       r["actor"]))


def write_network(graph: Any, path: str | Path) -> None:
    """Write the network as GraphML (``.graphml``), node-link JSON (``.json``) or a drawing
    (``.png``/``.svg``/``.pdf``)."""
    import networkx as nx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(graph, path)
    elif suffix == ".json":
        data = nx.node_link_data(graph, edges="links")
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    elif suffix in (".png", ".svg", ".pdf"):
        _draw(graph, path)
    else:
        raise ValueError(f"{path}: the network is written as .graphml, .json, .png, .svg or .pdf")


def _draw(graph: Any, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    fig, ax = plt.subplots(figsize=(7, 6))
    try:
        if graph.number_of_nodes():
            pos = nx.spring_layout(graph, seed=7, weight="events")
            sizes = [300 + 4000 * graph.nodes[n].get("pagerank", 0) for n in graph.nodes]
            nx.draw_networkx_nodes(graph, pos, node_size=sizes, node_color="#dfe7f2",
                                   edgecolors="#33415c", ax=ax)
            nx.draw_networkx_labels(graph, pos, font_size=9, ax=ax)
            colours = ["#2e8b57" if d["net_cooperation"] > 0 else "#b2182b"
                       if d["net_cooperation"] < 0 else "#777777"
                       for *_, d in graph.edges(data=True)]
            widths = [0.8 + 0.6 * d["events"] for *_, d in graph.edges(data=True)]
            nx.draw_networkx_edges(graph, pos, edge_color=colours, width=widths, arrows=True,
                                   connectionstyle="arc3,rad=0.12", ax=ax)
        ax.set_title("Actor network (green: more cooperation, red: more conflict)")
        ax.axis("off")
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    finally:
        plt.close(fig)
