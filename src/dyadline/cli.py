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
# (ingest, events, dyad, network, export: see the store section below)


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
