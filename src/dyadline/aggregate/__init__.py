"""Aggregates over the store: event clusters (deduplication), dyad series, the actor network.

Every aggregate counts event clusters by default (many reports of one event count once)
and reports on request; negated events are in none.  See docs/store.md for the rules.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "DedupSettings": "clusters", "build_clusters": "clusters", "DEFAULT_WINDOW_DAYS": "clusters",
    "dyad_series": "series", "plot_series": "series", "DyadSeries": "series",
    "build_network": "network", "write_network": "network", "centrality_rows": "network",
}


__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
