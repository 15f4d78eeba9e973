"""The web server's handle on the store: read-only, bounded in time and concurrency, cached.

Why this shape:

- The database is opened once with ``read_only=True``.  DuckDB then holds a shared lock,
  so no ingest can write to it while the server runs: the data is fixed for the server's
  lifetime, and an answer computed once can be kept (an LRU cache of answers by query).
- A DuckDB connection must not be used by two threads at once, and FastAPI runs handlers
  in a thread pool; every query therefore gets its own cursor (a connection to the same
  database).  The aggregates build their event clusters in temporary tables, which are
  private to a cursor, so concurrent requests cannot see each other's half-built tables.
- Query cost is bounded: at most ``max_concurrent`` queries run at once (others wait up to
  the timeout, then get "busy"), and a query running longer than ``timeout`` seconds is
  interrupted (DuckDB's ``interrupt``) and reported as :class:`QueryTimeout`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator, TypeVar

T = TypeVar("T")

#: Seconds a query may run before it is interrupted.
DEFAULT_TIMEOUT = 10.0
#: Queries that may run at the same time (the machine has few cores; DuckDB uses them all).
DEFAULT_CONCURRENCY = 2
#: Answers kept in the cache.
CACHE_SIZE = 256


class QueryTimeout(RuntimeError):
    """A query ran past its time limit, or waited too long for a free slot."""


class WebStore:
    """A read-only store shared by the request handlers (see the module docstring)."""

    def __init__(self, path: str | Path, timeout: float = DEFAULT_TIMEOUT,
                 max_concurrent: int = DEFAULT_CONCURRENCY, memory_limit: str = "512MB") -> None:
        from ..store.db import connect

        self.path = Path(path)
        self.timeout = timeout
        self._con = connect(self.path, read_only=True, memory_limit=memory_limit)
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """A cursor of its own for one request, interrupted after ``timeout`` seconds."""
        import duckdb

        if not self._slots.acquire(timeout=self.timeout):
            raise QueryTimeout(f"the server is busy: no query slot free within {self.timeout:g} s; "
                               "try again")
        try:
            cur = self._con.cursor()
            timer = threading.Timer(self.timeout, cur.interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield cur
            except duckdb.InterruptException:
                raise QueryTimeout(f"the query took longer than {self.timeout:g} s and was stopped; "
                                   "narrow the filters (dates, actors) or the page size") from None
            finally:
                timer.cancel()
                cur.close()
        finally:
            self._slots.release()

    def run(self, key: Hashable, query: Callable[[Any], T]) -> T:
        """``query(cursor)``, cached under ``key`` (the store does not change while served)."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with self.cursor() as cur:
            value = query(cur)
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value
