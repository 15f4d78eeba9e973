"""The command line: a thin shell over the library (see CONTRACT.md).

Each command parses its arguments, calls the library and prints.  Heavy imports happen
inside the commands, so `dyadline --help` and a cold `dyadline code` stay fast.
Exit status: 0 on success, 2 on a usage error, 1 when an input could not be read (one line
per bad record on standard error, naming file, line and reason; the rest is still coded).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="dyadline: who did what to whom, when and where, from news text.")


def _usage_error(message: str) -> None:
    typer.echo(f"dyadline: error: {message}", err=True)
    raise typer.Exit(2)


def _valid_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from .inputs import check_date

    try:
        return check_date(value)
    except ValueError as exc:
        _usage_error(f"--date: {exc}")
    return None


def _report(error: object) -> None:
    typer.echo(f"dyadline: {error}", err=True)


# --------------------------------------------------------------------------- coding

@app.command()
def code(
    inputs: list[str] = typer.Argument(..., help="Article files (.txt, .jsonl), directories, or '-' for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article and line (CONTRACT.md)."),
    dictionaries: Optional[Path] = typer.Option(None, "--dictionaries", help="A folder of PETRARCH/TABARI dictionaries to code with."),
) -> None:
    """Analyse articles: a table for a person, or one JSON object per article with --json."""
    date = _valid_date(date)
    from .coder import Coder
    from .inputs import InputError, read_inputs

    coder = Coder(dictionaries=dictionaries) if dictionaries else Coder()
    failed = False
    for item in read_inputs(inputs, default_date=date):
        if isinstance(item, InputError):
            _report(item)
            failed = True
            continue
        try:
            article = coder.analyse_input(item)
        except Exception as exc:  # one bad article never stops the others
            _report(f"{item.origin}: could not be analysed: {type(exc).__name__}: {exc}")
            failed = True
            continue
        if as_json:
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        else:
            from .render import print_article

            print_article(article)
    raise typer.Exit(1 if failed else 0)


@app.command()
def actor(
    text: str = typer.Argument(..., help="The actor string, e.g. \"Kremlin spokesperson Dmitry Peskov\"."),
    date: Optional[str] = typer.Option(None, "--date", help="Resolve as of this date (YYYY-MM-DD); default today."),
    context: Optional[str] = typer.Option(None, "--context", help="A sentence the string comes from."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    dictionaries: Optional[Path] = typer.Option(None, "--dictionaries", help="A folder of PETRARCH/TABARI dictionaries."),
) -> None:
    """Resolve one actor string to its codes (code null when it cannot be resolved)."""
    date = _valid_date(date)
    from .coder import Coder

    coder = Coder(dictionaries=dictionaries) if dictionaries else Coder()
    resolved = coder.resolve_actor(text, date=date, context=context)
    record = {"text": text, **resolved.to_json(), "confidence": round(resolved.confidence, 3)}
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False))
    else:
        from .render import print_actor

        print_actor(record)


# --------------------------------------------------------------------------- evaluation

@app.command("eval")
def eval_command(
    suite: str = typer.Argument(..., help="seed, petrarch, quad, dyads, timebank, geo, quotes or all."),
    data: Optional[Path] = typer.Option(None, "--data", help="Folder of the gold data (default ../shared/data)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object of metrics."),
    sample: Optional[int] = typer.Option(None, "--sample", help="Score on the first N documents only."),
) -> None:
    """Score the coder on gold that others wrote."""
    from .evaluation import SUITES, GoldMissing, run_suite

    names = sorted(SUITES) if suite == "all" else [suite]
    if suite != "all" and suite not in SUITES:
        _usage_error(f"unknown suite {suite!r}; known: {', '.join(sorted(SUITES))}, all")
    results = []
    failed = False
    for name in names:
        try:
            results.append(run_suite(name, data, sample=sample))
        except (GoldMissing, FileNotFoundError) as exc:
            _report(f"eval {name}: gold data not found: {exc}")
            failed = True
    if as_json:
        payload = results[0].to_json() if len(results) == 1 and suite != "all" else \
            {"suites": {r.suite: r.to_json() for r in results}}
        typer.echo(json.dumps(payload))
    else:
        from .render import print_suite

        for result in results:
            print_suite(result)
    raise typer.Exit(1 if failed else 0)


# --------------------------------------------------------------------------- store and corpus
# (ingest, events, dyad, network, export: thin shells over dyadline.store / aggregate / compat)

def _store_date(option: str, value: Optional[str]) -> "object":
    """A --since/--until value as a date (usage error when it is not YYYY-MM-DD)."""
    if value is None:
        return None
    import datetime as dt

    from .inputs import check_date

    try:
        return dt.date.fromisoformat(check_date(value))
    except ValueError as exc:
        _usage_error(f"{option}: {exc}")
    return None


def _open_store(db: Path) -> "object":
    from .store.db import StoreError, connect

    try:
        return connect(db, read_only=True)
    except StoreError as exc:
        _report(exc)
        raise typer.Exit(1)


def _dedup(window: int) -> "object":
    from .aggregate.clusters import DedupSettings

    if window < 0:
        _usage_error("--window must be 0 days or more")
    return DedupSettings(window_days=window)


_WINDOW_HELP = "Deduplication window: reports of one dyad and CAMEO root within this many days of a cluster's first report are one event."
_REPORTS_HELP = "Count every report, not event clusters."


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Article files (.txt, .jsonl), directories, or '-' for stdin."),
    db: Path = typer.Option(..., "--db", help="The DuckDB database (created if missing)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    workers: int = typer.Option(0, "--workers", help="Analyse on a local Dask cluster of N worker processes."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Analyse on a running Dask cluster (tcp://host:8786)."),
    dictionaries: Optional[Path] = typer.Option(None, "--dictionaries", help="A folder of PETRARCH/TABARI dictionaries to code with."),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles per analysis batch (one task on a worker)."),
    write_size: int = typer.Option(256, "--write-size", help="Articles per write (one transaction)."),
    memory_limit: str = typer.Option("512MB", "--memory-limit", help="DuckDB's memory cap."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Analyse a corpus into the store: idempotent, resumable, with a progress bar."""
    date = _valid_date(date)
    if workers and scheduler:
        _usage_error("--workers and --scheduler exclude each other")
    if workers < 0 or batch_size < 1 or write_size < 1:
        _usage_error("--workers must be 0 or more, --batch-size and --write-size 1 or more")
    from rich.console import Console

    from .store.db import StoreError
    from .store.ingest import count_records, ingest as run_ingest
    from .store.render import ingest_progress, print_ingest_summary

    err = Console(stderr=True)

    def on_error(origin: str, reason: str) -> None:
        _report(f"{origin}: {reason}")

    total = None if quiet else count_records(inputs)
    try:
        if quiet:
            summary = run_ingest(inputs, db, default_date=date, workers=workers, scheduler=scheduler,
                                 dictionaries=str(dictionaries) if dictionaries else None,
                                 batch_size=batch_size, write_size=write_size,
                                 memory_limit=memory_limit, on_error=on_error)
        else:
            with ingest_progress(err, total) as progress:
                task = progress.add_task("ingest", total=total, start=False)
                summary = run_ingest(inputs, db, default_date=date, workers=workers,
                                     scheduler=scheduler,
                                     dictionaries=str(dictionaries) if dictionaries else None,
                                     batch_size=batch_size, write_size=write_size,
                                     memory_limit=memory_limit, on_error=on_error,
                                     progress=lambda n: progress.advance(task, n),
                                     on_ready=lambda: progress.start_task(task))
    except StoreError as exc:
        _report(exc)
        raise typer.Exit(1)
    except Exception as exc:  # a lost worker, a full disk ...: what was written stays
        _report(f"ingest stopped: {type(exc).__name__}: {exc}; the articles written so far are "
                "kept; run the same command again to resume")
        raise typer.Exit(1)
    print_ingest_summary(Console(), summary, str(db))
    raise typer.Exit(1 if summary.bad_records else 0)


@app.command()
def events(
    db: Path = typer.Option(..., "--db", help="The DuckDB database."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target code (RUS, IRN, IGO ...)."),
    source: Optional[str] = typer.Option(None, "--source", help="Source actor code."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (AGREE) or CAMEO code prefix (04, 042)."),
    quad: Optional[int] = typer.Option(None, "--quad", help="Quad class 0-4."),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    place: Optional[str] = typer.Option(None, "--place", help="Place name (part of it) or country code of the event's location."),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the sentence (case-insensitive)."),
    reports: bool = typer.Option(False, "--reports", help="List every report, not one row per event cluster."),
    include_negated: bool = typer.Option(False, "--include-negated", help="With --reports: list negated reports too."),
    window: int = typer.Option(1, "--window", help=_WINDOW_HELP),
    limit: int = typer.Option(100, "--limit", help="At most this many rows (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Find events in the store by actor, type, dates, place and text."""
    from .store.query import EventFilter, find_events

    if quad is not None and quad not in range(5):
        _usage_error("--quad must be 0, 1, 2, 3 or 4")
    filters = EventFilter(actor=actor, source=source, target=target, event_type=event_type,
                          quad_class=quad, since=_store_date("--since", since),
                          until=_store_date("--until", until), place=place, text=text)
    settings = _dedup(window)
    con = _open_store(db)
    try:
        rows = find_events(con, filters, reports=reports, include_negated=include_negated,
                           limit=limit or None, settings=settings)
    finally:
        con.close()
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    from .store.render import print_events

    print_events(Console(), rows, reports, limit or None)


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor code (e.g. RUS)."),
    b: str = typer.Argument(..., help="Second actor code (e.g. IRN)."),
    db: Path = typer.Option(..., "--db", help="The DuckDB database."),
    by: str = typer.Option("month", "--by", help="month, week or day."),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    reports: bool = typer.Option(False, "--reports", help=_REPORTS_HELP),
    window: int = typer.Option(1, "--window", help=_WINDOW_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Draw the series to this file (.png, .svg, .pdf)."),
    as_json: bool = typer.Option(False, "--json", help="Print the series as one JSON object."),
) -> None:
    """The relations of two actors over time: events by quad class, mean Goldstein, PLOVER types."""
    from .aggregate.series import PERIODS, dyad_series, plot_series

    if by not in PERIODS:
        _usage_error(f"--by must be one of {', '.join(PERIODS)}")
    settings = _dedup(window)
    first, last = _store_date("--since", since), _store_date("--until", until)
    con = _open_store(db)
    try:
        series = dyad_series(con, a, b, by=by, directed=directed, reports=reports,
                             settings=settings, since=first, until=last)  # type: ignore[arg-type]
    finally:
        con.close()
    if plot:
        plot_series(series, str(plot))
    if as_json:
        typer.echo(json.dumps(series.to_json(), ensure_ascii=False))
    else:
        from rich.console import Console

        from .store.render import print_dyad

        console = Console()
        print_dyad(console, series)
        if plot:
            console.print(f"plot written to {plot}")


@app.command()
def network(
    db: Path = typer.Option(..., "--db", help="The DuckDB database."),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    min_events: int = typer.Option(1, "--min-events", help="Keep dyads with at least this many events."),
    reports: bool = typer.Option(False, "--reports", help=_REPORTS_HELP),
    window: int = typer.Option(1, "--window", help=_WINDOW_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the network: .graphml, .json or .png."),
    top: int = typer.Option(15, "--top", help="Actors to list."),
    as_json: bool = typer.Option(False, "--json", help="Print nodes and edges as one JSON object."),
) -> None:
    """The actor network: cooperation and conflict weights, and centrality."""
    from .aggregate.network import build_network, centrality_rows, write_network

    if out and out.suffix.lower() not in (".graphml", ".json", ".png", ".svg", ".pdf"):
        _usage_error("--out must end in .graphml, .json, .png, .svg or .pdf")
    settings = _dedup(window)
    first, last = _store_date("--since", since), _store_date("--until", until)
    con = _open_store(db)
    try:
        graph = build_network(con, since=first, until=last, min_events=min_events,  # type: ignore[arg-type]
                              reports=reports, settings=settings)
    finally:
        con.close()
    if out:
        write_network(graph, out)
    rows = centrality_rows(graph)
    if as_json:
        edges = [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)]
        typer.echo(json.dumps({"nodes": rows, "edges": edges}, ensure_ascii=False))
        return
    from rich.console import Console

    from .store.render import print_network

    console = Console()
    print_network(console, rows, graph.number_of_edges(), top)
    if out:
        console.print(f"network written to {out}")


@app.command("export")
def export_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB database."),
    fmt: str = typer.Option(..., "--format", help="parquet, csv, phoenix or plover."),
    out: Path = typer.Option(..., "--out", help="The file to write."),
    window: int = typer.Option(1, "--window", help=_WINDOW_HELP),
) -> None:
    """Export the events: Parquet, CSV, Phoenix TSV columns, PLOVER JSON lines."""
    from .compat.export import FORMATS, export

    if fmt not in FORMATS:
        _usage_error(f"--format must be one of {', '.join(FORMATS)}")
    settings = _dedup(window)
    con = _open_store(db)
    try:
        written = export(con, fmt, out, settings)  # type: ignore[arg-type]
    except (OSError, ValueError) as exc:
        _report(f"export: {exc}")
        raise typer.Exit(1)
    finally:
        con.close()
    typer.echo(f"{written:,} {fmt} records written to {out}", err=True)


@app.command()
def serve(
    db: Path = typer.Option(..., "--db", help="The DuckDB database (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; 127.0.0.1 keeps the server to this machine."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped."),
) -> None:
    """Web interface and JSON API over the store, read-only (pages at /, API under /api/)."""
    if not 0 < port < 65536:
        _usage_error("--port must be between 1 and 65535")
    if timeout <= 0:
        _usage_error("--timeout must be more than 0 seconds")
    from .store.db import StoreError
    from .web.app import serve as run_server

    typer.echo(f"dyadline: serving {db} read-only at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        run_server(db, host=host, port=port, timeout=timeout)
    except StoreError as exc:
        _report(exc)
        raise typer.Exit(1)



def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
