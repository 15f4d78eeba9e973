"""Printing records for a person: Rich tables for the CLI.

Only the CLI imports this module, so Rich is loaded only when something is printed.
"""

from __future__ import annotations

from typing import Any

from .model import Article, Mention

_QUAD_STYLE = {0: "white", 1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _actor_cell(mention: Mention | None) -> str:
    if mention is None:
        return "-"
    code = mention.actor.cameo or mention.actor.code or "?"
    return f"{code}\n[dim]{mention.text}[/dim]"


def print_article(article: Article) -> None:
    """Events as a table (source, target, codes, date, place, trigger), then the quotations."""
    from rich.table import Table

    console = _console()
    title = f"{article.id}" + (f"  ({article.date})" if article.date else "")
    table = Table(title=title, title_justify="left", show_lines=True, expand=False)
    for column in ("#", "source", "target", "event", "CAMEO", "date", "place", "trigger"):
        table.add_column(column, overflow="fold")
    for event in article.events:
        code = event.code
        style = _QUAD_STYLE.get(code.quad_class, "white")
        flags = []
        if event.negated:
            flags.append("negated")
        if event.modality:
            flags.append(event.modality)
        plover = (code.plover_event or "(statement)") + (f"/{code.plover_mode}" if code.plover_mode else "")
        table.add_row(
            str(event.sentence.index),
            _actor_cell(event.source),
            _actor_cell(event.target),
            f"[{style}]{plover}[/{style}]" + (f"\n[dim]{', '.join(flags)}[/dim]" if flags else ""),
            f"{code.cameo}\nq{code.quad_class} g{code.goldstein:+.1f}",
            event.date.value if event.date else "-",
            event.location.name if event.location else "-",
            f"{event.trigger.text}\n[dim]{event.confidence:.2f}[/dim]",
        )
    if article.events:
        console.print(table)
    else:
        console.print(f"[bold]{title}[/bold]: no events coded")
    if article.quotes:
        quotes = Table(title="quotations", title_justify="left", show_lines=False)
        quotes.add_column("speaker")
        quotes.add_column("code")
        quotes.add_column("quotation", overflow="fold", max_width=80)
        for quote in article.quotes:
            speaker = quote.speaker
            quotes.add_row(speaker.text if speaker else "-",
                           (speaker.actor.cameo or speaker.actor.code or "?") if speaker else "-",
                           _shorten(quote.text, 160))
        console.print(quotes)
    console.print(f"[dim]{len(article.mentions)} actor mentions, {len(article.dates)} time expressions, "
                  f"{len(article.places)} places[/dim]")


def print_actor(record: dict[str, Any]) -> None:
    console = _console()
    if record.get("code") is None:
        console.print(f"{record['text']!r}: [yellow]not resolved[/yellow]")
        return
    console.print(f"{record['text']!r} -> [bold]{record.get('cameo') or record['code']}[/bold]"
                  f"  code={record['code']} sector={record.get('sector') or '-'}"
                  f"  name={record.get('name') or '-'}  confidence={record.get('confidence', 0):.2f}")


def print_suite(result: Any) -> None:
    """One suite's metrics as a two-column table."""
    from rich.table import Table

    table = Table(title=f"eval {result.suite}", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in result.metrics.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    for name, value in result.counts.items():
        table.add_row(f"[dim]{name}[/dim]", str(value))
    console = _console()
    console.print(table)
    for line in result.details:
        console.print(f"[dim]{line}[/dim]")


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
