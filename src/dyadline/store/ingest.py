"""Ingest: read a corpus, analyse it (here or on a Dask cluster) and write it to the store.

The run streams: articles are read one at a time, grouped into batches of
``batch_size``, and at most ``in_flight`` batches exist at once (being analysed); analysed
batches are gathered up to ``write_size`` articles and written in one transaction
(:func:`store.db.write_batch`).  So the memory an ingest needs is bounded by

    coder + (in_flight x batch_size + write_size) x (largest article and its records)
    + DuckDB memory_limit

whatever the size of the corpus (see docs/store.md for measured figures).

Before a batch is analysed, the articles already stored are dropped from it (one look-up
per batch): a second run over the same corpus analyses nothing, and a run that was
killed picks up where the last committed write ended.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..model import Article, ArticleInput

#: Articles per analysis batch (one Dask task).  Small enough to spread work evenly over
#: workers and to keep a worker's result at a few hundred kB; large enough that the cost of
#: a task is amortised.
DEFAULT_BATCH_SIZE = 64

#: Articles per write: analysed batches are gathered until they hold this many articles and
#: written in one transaction.  A transaction costs about 40 ms whatever its size (six
#: inserts and a commit), so writing 256 articles at a time keeps the writer, which is one
#: process however many workers analyse, well ahead of the workers.
DEFAULT_WRITE_SIZE = 256


@dataclass
class BatchResult:
    """What analysing one batch gives back: the record tables and the articles that failed."""

    tables: dict[str, Any]
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    analysed: int = 0
    seconds: float = 0.0
    keys: list[str] = field(default_factory=list)  # of every article in the batch, failed or not


@dataclass
class IngestSummary:
    """What a run did, for the closing summary line and the `runs` table."""

    new_articles: int = 0
    known_articles: int = 0  # already stored, or repeated within the input
    bad_records: int = 0  # unreadable records and articles the coder failed on
    events: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # opening the store and starting the runner (cluster, coders)
    work_seconds: float = 0.0  # from the runner being ready to the last batch written
    analysis_seconds: float = 0.0  # summed over batches, where they ran (CPU contention shows here)
    run_id: int = 0

    @property
    def rate(self) -> float:
        """New articles per second of work (start-up and shut-down of the runner excluded)."""
        return self.new_articles / self.work_seconds if self.work_seconds > 0 else 0.0


# ------------------------------------------------------------------ the coder, once per process

_CODERS: dict[Optional[str], Any] = {}


def _new_coder(dictionaries: Optional[str]) -> Any:
    from ..coder import Coder

    return Coder(dictionaries=Path(dictionaries)) if dictionaries else Coder()


def get_coder(dictionaries: Optional[str] = None) -> Any:
    """The process's coder (built on first use: it loads dictionaries, so never per article)."""
    coder = _CODERS.get(dictionaries)
    if coder is None:
        coder = _CODERS[dictionaries] = _new_coder(dictionaries)
    return coder


def analyse_input(item: ArticleInput, coder: Any) -> Article:
    """The one place the store calls the coder: an article as read -> an analysed Article."""
    return coder.analyse_input(item)


def analyse_batch(items: list[ArticleInput], dictionaries: Optional[str] = None) -> BatchResult:
    """Analyse a batch and flatten it to Arrow tables (runs on a Dask worker when there is one).

    An article the coder fails on is reported as a failure and left out; the others go on.
    """
    from .records import article_key, to_tables

    started = time.perf_counter()
    coder = get_coder(dictionaries)
    articles: list[Article] = []
    failures: list[tuple[str, str]] = []
    for item in items:
        try:
            articles.append(analyse_input(item, coder))
        except Exception as exc:  # one bad article never stops the batch
            failures.append((item.origin or item.id,
                             f"could not be analysed: {type(exc).__name__}: {exc}"))
    return BatchResult(to_tables(articles), failures, len(items), time.perf_counter() - started,
                       [article_key(item.id, item.text) for item in items])


def warm_up(dictionaries: Optional[str] = None) -> bool:
    """Build the process's coder ahead of the first batch, and load what it loads lazily
    (dictionaries, spaCy) by coding one sentence, so start-up is not counted as work."""
    coder = get_coder(dictionaries)
    try:
        analyse_input(ArticleInput(text="Russia met Iran in Moscow on Friday.", id="warm-up",
                                   date="2024-01-05"), coder)
    except Exception:  # the batches will report what is wrong, article by article
        return False
    return True


# ------------------------------------------------------------------ counting, for the ETA

def count_records(paths: Iterable[str]) -> Optional[int]:
    """How many records the inputs hold (for the progress bar's total), or None for stdin.

    One cheap pass over the bytes: a JSON lines file counts its non-blank lines, any other
    article file counts one.
    """
    from ..inputs import _JSONL_SUFFIXES, _TEXT_SUFFIXES

    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (sorted(p for p in path.rglob("*") if p.is_file()
                        and p.suffix.lower() in _TEXT_SUFFIXES | _JSONL_SUFFIXES)
                 if path.is_dir() else [path] if path.exists() else [])
        for file in files:
            if file.suffix.lower() in _JSONL_SUFFIXES:
                try:
                    with open(file, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


# ------------------------------------------------------------------ the run

ErrorHandler = Callable[[str, str], None]  # (origin, reason)
ProgressHandler = Callable[[int], None]  # records finished since the last call


def _batches(items: Iterator[Any], size: int, on_error: ErrorHandler,
             counter: IngestSummary, progress: ProgressHandler) -> Iterator[list[ArticleInput]]:
    from ..inputs import InputError

    batch: list[ArticleInput] = []
    for item in items:
        if isinstance(item, InputError):
            counter.bad_records += 1
            on_error(item.origin, item.reason)
            progress(1)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: list[str], db_path: str | Path, *, default_date: Optional[str] = None,
           workers: int = 0, scheduler: Optional[str] = None,
           dictionaries: Optional[str] = None, batch_size: int = DEFAULT_BATCH_SIZE,
           write_size: int = DEFAULT_WRITE_SIZE, memory_limit: Optional[str] = None,
           on_error: ErrorHandler = lambda origin, reason: None,
           progress: ProgressHandler = lambda n: None,
           on_ready: Callable[[], None] = lambda: None) -> IngestSummary:
    """Analyse ``paths`` into the store at ``db_path``; see the module docstring.

    ``workers`` > 0 starts a local Dask cluster of that many processes; ``scheduler``
    connects to a running one; neither analyses in this process.  ``on_ready`` is called
    once the runner has started (coders built), so a progress bar can time the work alone.
    """
    from ..inputs import read_inputs
    from ..scale import make_runner
    from . import db as store
    from .records import article_key

    summary = IngestSummary()
    started = time.perf_counter()
    con = store.connect(db_path, memory_limit=memory_limit or store.DEFAULT_MEMORY_LIMIT)
    run_id = summary.run_id = store.start_run(con, paths, workers)
    pending: set[str] = set()  # keys submitted for analysis and not yet written

    def fresh_batches() -> Iterator[list[ArticleInput]]:
        """Batches with what is stored, pending, or repeated left out (and counted)."""
        for batch in _batches(read_inputs(paths, default_date=default_date), batch_size,
                              on_error, summary, progress):
            keys = [article_key(item.id, item.text) for item in batch]
            stored = store.known_keys(con, keys)
            todo: list[ArticleInput] = []
            for key, item in zip(keys, batch):
                if key in stored or key in pending:
                    summary.known_articles += 1
                    progress(1)
                    continue
                pending.add(key)
                todo.append(item)
            if todo:
                yield todo

    status = "interrupted"
    try:
        with make_runner(workers=workers, scheduler=scheduler, dictionaries=dictionaries) as runner:
            summary.startup_seconds = time.perf_counter() - started
            on_ready()
            buffer: list[BatchResult] = []
            for result in runner.map(fresh_batches()):
                for origin, reason in result.failures:
                    summary.bad_records += 1
                    on_error(origin, reason)
                # Articles that failed will not be written: free their keys now, so a repeat
                # later in the input is analysed (and reported) again rather than skipped.
                analysed = set(result.tables["articles"].column("article_key").to_pylist())
                pending.difference_update(k for k in result.keys if k not in analysed)
                summary.analysis_seconds += result.seconds
                buffer.append(result)
                if sum(r.tables["articles"].num_rows for r in buffer) >= write_size:
                    _write(con, buffer, summary, pending, progress)
                    buffer = []
            _write(con, buffer, summary, pending, progress)
            summary.work_seconds = time.perf_counter() - started - summary.startup_seconds
        status = "done"
    finally:
        summary.seconds = time.perf_counter() - started
        try:
            store.finish_run(con, run_id, summary.new_articles, summary.known_articles,
                             summary.bad_records, status)
        except Exception:
            if status == "done":
                raise
            # the run already failed: keep that error, not this follow-up one
        finally:
            con.close()
    return summary


def _write(con: Any, results: list[BatchResult], summary: IngestSummary, pending: set[str],
           progress: ProgressHandler) -> None:
    """Write analysed batches in one transaction and account for them."""
    import pyarrow as pa

    from . import db as store

    if not results:
        return
    tables = {name: pa.concat_tables([r.tables[name] for r in results])
              for name in results[0].tables}
    written = store.write_batch(con, tables)
    summary.known_articles += tables["articles"].num_rows - written["articles"]
    summary.new_articles += written["articles"]
    summary.events += written["events"]
    for result in results:
        pending.difference_update(result.keys)
    progress(sum(r.analysed for r in results))
