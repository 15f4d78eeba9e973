"""The read-only web interface and JSON API over the store (``dyadline serve``).

``create_app(db_path)`` builds the FastAPI application: server-rendered pages (Jinja2) for
events, one event in its article, a dyad's series, the actor network, an actor's dyads and
an article with all its annotations; JSON endpoints under ``/api/`` behind every page,
described by the OpenAPI document at ``/openapi.json``.  ``serve(db_path, host, port)``
runs it with uvicorn.  The pages use two front-end libraries (Chart.js, Cytoscape.js)
copied from npm into ``static/vendor/`` and served by the app itself, so they work offline.

Imports are lazy so that ``import dyadline`` stays cheap.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {"create_app": "app", "serve": "app", "WebStore": "store"}


__getattr__, __all__ = lazy_exports(__name__, _EXPORTS)
