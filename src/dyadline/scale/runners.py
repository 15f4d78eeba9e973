"""The runners: in this process, or on Dask (a LocalCluster or an existing scheduler)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Iterator, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ArticleInput
    from ..store.ingest import BatchResult


class Runner:
    """Maps batches of articles to analysed batches; a context manager that owns its resources."""

    #: Most batches alive at once (submitted and not yet handed back).
    in_flight: int = 1

    def map(self, batches: Iterator[list["ArticleInput"]]) -> Iterator["BatchResult"]:
        raise NotImplementedError

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Release what the runner started."""


class LocalRunner(Runner):
    """Analyse in this process, one batch at a time."""

    def __init__(self, dictionaries: Optional[str] = None) -> None:
        from ..store.ingest import warm_up

        self.dictionaries = dictionaries
        warm_up(dictionaries)  # as on Dask workers: the coder is built before the first batch

    def map(self, batches: Iterator[list["ArticleInput"]]) -> Iterator["BatchResult"]:
        from ..store.ingest import analyse_batch

        for batch in batches:
            yield analyse_batch(batch, self.dictionaries)


class DaskRunner(Runner):
    """Analyse on Dask workers, keeping ``in_flight`` batches submitted at a time.

    Results come back in the order they finish, not the order submitted: the store does
    not depend on order, and waiting for a slow batch would idle the other workers.
    """

    def __init__(self, workers: int = 0, scheduler: Optional[str] = None,
                 dictionaries: Optional[str] = None, in_flight: Optional[int] = None) -> None:
        from distributed import Client, LocalCluster

        self.dictionaries = dictionaries
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self._cluster)
        threads = sum(self.client.nthreads().values()) or 1
        # Four batches per worker thread: one running and three queued, so that a worker
        # still has work while this process writes a transaction (which can take as long as
        # analysing a batch or two).
        self.in_flight = in_flight or 4 * threads
        from ..store.ingest import warm_up

        # Every worker builds its coder now (dictionaries load once per process, not per task).
        self.client.run(warm_up, dictionaries)

    def map(self, batches: Iterator[list["ArticleInput"]]) -> Iterator["BatchResult"]:
        from distributed import as_completed

        from ..store.ingest import analyse_batch

        pending = as_completed()
        alive = 0
        for batch in batches:
            pending.add(self.client.submit(analyse_batch, batch, self.dictionaries, pure=False))
            alive += 1
            while alive >= self.in_flight:
                future = next(pending)
                alive -= 1
                yield self._result(future)
        for future in pending:
            yield self._result(future)

    @staticmethod
    def _result(future: Any) -> "BatchResult":
        result = future.result()
        future.release()
        return result

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()
