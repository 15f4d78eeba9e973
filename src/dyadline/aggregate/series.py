"""Relations between two actors over time: the dyad series.

For each period (month, ISO week or day) between the dyad's first and last event, the
series gives the number of events by quad class, their mean Goldstein value and their
PLOVER types.  An "event" is an event cluster by default (see :mod:`.clusters`), placed in
the period of its first report; with ``reports=True`` every report counts.  Both directions
(A->B and B->A) count unless ``directed`` is set.  Negated events count in neither.
Periods with no event are in the series (with zero counts and no mean), so that a plot
does not join distant points.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb

from .clusters import DedupSettings, build_clusters

PERIODS = ("month", "week", "day")


@dataclass
class Period:
    """One period of a dyad series."""

    label: str
    start: dt.date
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])  # counts, quad class 0-4
    goldstein_sum: float = 0.0
    plover: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.quad)

    @property
    def goldstein(self) -> float | None:
        return self.goldstein_sum / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"period": self.label, "start": self.start.isoformat(), "events": self.total,
                "quad_class": {str(q): n for q, n in enumerate(self.quad)},
                "goldstein": None if self.goldstein is None else round(self.goldstein, 3),
                "plover": dict(sorted(self.plover.items(), key=lambda kv: (-kv[1], kv[0])))}


@dataclass
class DyadSeries:
    source: str
    target: str
    by: str
    unit: str  # "clusters" or "reports"
    directed: bool
    periods: list[Period]

    @property
    def total(self) -> int:
        return sum(p.total for p in self.periods)

    def to_json(self) -> dict[str, Any]:
        return {"dyad": [self.source, self.target], "by": self.by, "unit": self.unit,
                "directed": self.directed, "events": self.total,
                "series": [p.to_json() for p in self.periods]}


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "month":
        return day.replace(day=1)
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


def period_label(start: dt.date, by: str) -> str:
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.isoformat()


def _next(start: dt.date, by: str) -> dt.date:
    if by == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7 if by == "week" else 1)


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month",
                directed: bool = False, reports: bool = False,
                settings: DedupSettings = DedupSettings(),
                since: dt.date | None = None, until: dt.date | None = None) -> DyadSeries:
    """The series of the dyad ``a``-``b`` (country/organisation codes such as RUS, IRN)."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    a, b = a.upper(), b.upper()
    pairs = "(source_code = $a AND target_code = $b)" + \
        ("" if directed else " OR (source_code = $b AND target_code = $a)")
    if reports:
        sql = f"""SELECT day, quad_class, goldstein, coalesce(plover_event, '') FROM events
                  WHERE NOT negated AND day IS NOT NULL AND ({pairs})
                  ORDER BY article_key, idx"""
    else:
        build_clusters(con, settings)
        sql = f"""SELECT first_day, quad_class, goldstein, coalesce(plover_event, '')
                  FROM event_clusters WHERE first_day IS NOT NULL AND ({pairs})
                  ORDER BY cluster_id"""
    rows = con.execute(sql, {"a": a, "b": b}).fetchall()
    rows = [r for r in rows if (since is None or r[0] >= since) and (until is None or r[0] <= until)]
    periods: dict[dt.date, Period] = {}
    for day, quad, goldstein, plover in rows:
        start = period_start(day, by)
        period = periods.get(start)
        if period is None:
            period = periods[start] = Period(period_label(start, by), start)
        period.quad[int(quad)] += 1
        period.goldstein_sum += float(goldstein)
        if plover:
            period.plover[plover] += 1
    filled: list[Period] = []
    if periods:
        cursor, last = min(periods), max(periods)
        while cursor <= last:
            filled.append(periods.get(cursor) or Period(period_label(cursor, by), cursor))
            cursor = _next(cursor, by)
    return DyadSeries(a, b, by, "reports" if reports else "clusters", directed, filled)


def plot_series(series: DyadSeries, path: str) -> None:
    """Draw the series to ``path`` (PNG, SVG or PDF by suffix): stacked bars of events by
    quad class, and the mean Goldstein value as a line on a second axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [p.label for p in series.periods]
    colours = ["#9e9e9e", "#8fd19e", "#2e8b57", "#f4a582", "#b2182b"]
    names = ["neutral", "verbal cooperation", "material cooperation", "verbal conflict",
             "material conflict"]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.35 * len(labels) + 2), 4.2))
    try:
        bottom = [0] * len(labels)
        xs = list(range(len(labels)))
        for q in range(5):
            heights = [p.quad[q] for p in series.periods]
            if any(heights):
                ax.bar(xs, heights, bottom=bottom, color=colours[q], label=names[q], width=0.8)
                bottom = [x + h for x, h in zip(bottom, heights)]
        ax.set_ylabel("events (clusters)" if series.unit == "clusters" else "reports")
        ax.set_xticks(xs)
        ax.set_xticklabels(labels, rotation=60, ha="right", fontsize=8)
        arrow = "→" if series.directed else "↔"
        ax.set_title(f"{series.source} {arrow} {series.target}, by {series.by}", pad=34)
        ax2 = ax.twinx()
        gx = [x for x, p in zip(xs, series.periods) if p.goldstein is not None]
        gy = [p.goldstein for p in series.periods if p.goldstein is not None]
        ax2.plot(gx, gy, color="black", marker="o", linewidth=1.2, label="mean Goldstein")
        ax2.axhline(0, color="black", linewidth=0.5, linestyle=":")
        ax2.set_ylim(-10.5, 10.5)
        ax2.set_ylabel("mean Goldstein")
        handles, names_ = ax.get_legend_handles_labels()
        h2, n2 = ax2.get_legend_handles_labels()
        # Above the axes, so that it never hides a bar or the line.
        ax.legend(handles + h2, names_ + n2, fontsize=7, loc="lower left", ncol=3,
                  bbox_to_anchor=(0.0, 1.01), frameon=False)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    finally:
        plt.close(fig)
