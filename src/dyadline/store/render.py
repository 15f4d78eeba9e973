"""Printing the store's answers for a person: Rich tables and the ingest progress bar.

Kept apart from the queries so that the library returns plain records (for ``--json``,
the web API and scripts) and only the command line formats them.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

QUAD_SHORT = ("Q0", "Q1", "Q2", "Q3", "Q4")


class RateColumn(ProgressColumn):
    """Articles per second, over the whole run so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


def ingest_progress(console: Console, total: Optional[int]) -> Progress:
    """The progress bar of `dyadline ingest`: done/total, articles per second, ETA."""
    return Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TextColumn("elapsed"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=console, transient=False,
                    refresh_per_second=4)


def print_ingest_summary(console: Console, summary: Any, db: str) -> None:
    known = f", {summary.known_articles:,} already stored or repeated" if summary.known_articles else ""
    bad = f", {summary.bad_records:,} bad records skipped" if summary.bad_records else ""
    console.print(f"{db}: {summary.new_articles:,} new articles, {summary.events:,} events"
                  f"{known}{bad} in {summary.seconds:.1f} s "
                  f"({summary.rate:,.1f} new articles/s after {summary.startup_seconds:.1f} s "
                  "of start-up)", soft_wrap=True)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def print_events(console: Console, rows: list[dict[str, Any]], reports: bool,
                 limit: Optional[int] = None) -> None:
    """Clusters (day, dyad, type, articles, sources, sentence) or reports."""
    table = Table(show_lines=False, header_style="bold")
    if reports:
        columns = [("day", "day"), ("article", "article"), ("source", "source_code"),
                   ("target", "target_code"), ("CAMEO", "cameo_code"), ("PLOVER", "plover_event"),
                   ("Gold.", "goldstein"), ("neg.", "negated"), ("sentence", "sentence")]
    else:
        columns = [("day", "day"), ("source", "source_code"), ("target", "target_code"),
                   ("CAMEO", "cameo_code"), ("PLOVER", "plover_event"), ("Gold.", "goldstein"),
                   ("art.", "n_articles"), ("src.", "n_sources"), ("sentence", "sentence")]
    for title, _ in columns:
        table.add_column(title, overflow="fold", ratio=4 if title == "sentence" else None)
    for row in rows:
        cells = []
        for title, key in columns:
            value = row.get(key)
            if key == "negated":
                value = "yes" if value else ""
            if key == "sentence" and value:
                value = " ".join(str(value).split())
            cells.append(_cell(value))
        table.add_row(*cells)
    console.print(table)
    unit = "reports" if reports else "events (clusters)"
    more = f" (the first {limit}; --limit 0 lists all)" if limit and len(rows) >= limit else ""
    console.print(f"{len(rows)} {unit}{more}")


def print_dyad(console: Console, series: Any) -> None:
    """The dyad series: one row per period, events by quad class, mean Goldstein, PLOVER.

    Compact (short quad-class headers explained in the caption) so that it reads in an
    80-column terminal, as in `make run`.
    """
    from rich import box

    arrow = "->" if series.directed else "<->"
    unit = "event clusters" if series.unit == "clusters" else "reports"
    table = Table(title=f"{series.source} {arrow} {series.target} by {series.by} ({unit})",
                  header_style="bold", box=box.SIMPLE_HEAD, padding=(0, 1),
                  caption="Q0 neutral, Q1 verbal cooperation, Q2 material cooperation, "
                          "Q3 verbal conflict, Q4 material conflict; Goldstein: mean")
    table.add_column("period", no_wrap=True)
    for name in QUAD_SHORT:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("total", justify="right", no_wrap=True)
    table.add_column("Goldstein", justify="right", no_wrap=True)
    table.add_column("PLOVER types", overflow="fold", min_width=16)
    for p in series.periods:
        plover = ", ".join(f"{k} {v}" for k, v in sorted(p.plover.items(),
                                                        key=lambda kv: (-kv[1], kv[0])))
        gold = "" if p.goldstein is None else f"{p.goldstein:+.2f}"
        table.add_row(p.label, *(str(n) if n else "." for n in p.quad), str(p.total), gold, plover)
    console.print(table)
    console.print(f"{series.total} {unit} between {series.source} and {series.target}",
                  soft_wrap=True)


def print_network(console: Console, rows: Iterable[dict[str, Any]], edges: int, top: int) -> None:
    table = Table(title=f"Actor network: most central actors ({edges} dyads)", header_style="bold")
    for title in ("actor", "out", "in", "coop.", "conflict", "PageRank", "betweenness"):
        table.add_column(title, justify="left" if title == "actor" else "right")
    for row in list(rows)[:top]:
        table.add_row(row["actor"], str(row["out_events"]), str(row["in_events"]),
                      str(row["cooperation"]), str(row["conflict"]), f"{row['pagerank']:.3f}",
                      f"{row['betweenness']:.3f}")
    console.print(table)
