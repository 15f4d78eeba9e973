"""The embedded store (DuckDB): schema, idempotent and resumable ingest, reading back.

``ingest(paths, db_path)`` analyses a corpus into the database; ``connect(db_path)`` opens
it; ``load_article(con, id)`` rebuilds an :class:`~dyadline.model.Article` from it.  The
queries over the records (event clusters, dyad series, networks) are in
:mod:`dyadline.aggregate`.  Imports are lazy so that ``import dyadline`` stays cheap.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "ingest": "ingest", "IngestSummary": "ingest",
    "connect": "db", "load_article": "db", "write_batch": "db", "StoreError": "db",
    "to_tables": "records", "article_key": "records",
    "SCHEMA_VERSION": "schema", "migrate": "schema",
}


__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
