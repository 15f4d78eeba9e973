"""Running the analysis of a corpus here, on a local Dask cluster, or on a running one.

A runner turns a stream of article batches into a stream of analysed batches
(:class:`dyadline.store.ingest.BatchResult`), holding at most a bounded number of batches at
once.  The process that owns the database pulls results and writes them; the analysis
itself (coder and flattening to Arrow) happens wherever the runner sends it.  The results
do not depend on the runner: the coder is deterministic and each article is analysed on its
own, so the records are the same set whether one process or a cluster produced them.
"""

from __future__ import annotations

from typing import Optional

from .runners import DaskRunner, LocalRunner, Runner


def make_runner(workers: int = 0, scheduler: Optional[str] = None,
                dictionaries: Optional[str] = None, in_flight: Optional[int] = None) -> Runner:
    """A runner for the settings: in-process (default), a LocalCluster of ``workers``
    processes, or the Dask scheduler at ``scheduler`` (``tcp://host:8786``)."""
    if scheduler:
        return DaskRunner(scheduler=scheduler, dictionaries=dictionaries, in_flight=in_flight)
    if workers and workers > 0:
        return DaskRunner(workers=workers, dictionaries=dictionaries, in_flight=in_flight)
    return LocalRunner(dictionaries=dictionaries)


__all__ = ["make_runner", "Runner", "LocalRunner", "DaskRunner"]
