"""The JSON API: one endpoint behind every page, described by the OpenAPI document.

Every parameter is declared with its type and limits (see :mod:`.params`), so FastAPI
rejects a bad value with a 422 and a message before any query runs, and
``/openapi.json`` documents the limits.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from . import service
from .params import ActorQuery, DyadQuery, EventQuery, NetworkQuery

_CODE = r"^[A-Za-z0-9_-]{1,32}$"
_ID_MAX = 500

router = APIRouter(prefix="/api", tags=["api"])

Code = Annotated[str, Path(pattern=_CODE, description="Actor code (RUS, IRN, IGO ...).")]


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/health", summary="The server is up")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/summary", summary="The store at a glance")
def summary(request: Request) -> dict[str, Any]:
    """Counts of articles, events, quotes, places...; first and last event day; the ten
    busiest dyads and most central actors; the last ingest runs."""
    return service.summary(_store(request))


@router.get("/events", summary="Find events (a page of them)")
def events(request: Request, q: Annotated[EventQuery, Query()]) -> dict[str, Any]:
    """Event clusters (default: one row per event however many articles report it) or
    reports (``reports=true``) passing the filters, a page at a time.  The filters are
    those of ``dyadline events``."""
    return service.events(_store(request), q)


@router.get("/events/{event_id:path}", summary="One event, with its article")
def event(request: Request,
          event_id: Annotated[str, Path(max_length=_ID_MAX, description="Event id (article:sentence:n).")],
          window: Annotated[int, Query(ge=0, le=60, description="Deduplication window in days.")] = 1,
          ) -> dict[str, Any]:
    """The event as ``dyadline code --json`` writes it, its article with the text and
    every record (offsets index the text), and the cluster of reports it belongs to
    (null for a negated event, which is in no aggregate)."""
    return service.event(_store(request), event_id, window)


@router.get("/articles/{article_id:path}", summary="One article with all its records")
def article(request: Request,
            article_id: Annotated[str, Path(max_length=_ID_MAX, description="Article id.")],
            ) -> dict[str, Any]:
    """The article as ``dyadline code --json`` writes it, with its text, title, source and
    sentences."""
    return service.article(_store(request), article_id)


@router.get("/dyads/{a}/{b}", summary="Relations of two actors over time")
def dyad(request: Request, a: Code, b: Code, q: Annotated[DyadQuery, Query()]) -> dict[str, Any]:
    """Events per period by quad class, mean Goldstein and PLOVER types, as
    ``dyadline dyad A B --json`` prints them; each period also has its last day."""
    return service.dyad(_store(request), a, b, q)


@router.get("/network", summary="The actor network")
def network(request: Request, q: Annotated[NetworkQuery, Query()]) -> dict[str, Any]:
    """Actors (with PageRank, betweenness, cooperation and conflict counts) and directed
    edges (events, cooperation, conflict, mean Goldstein), as ``dyadline network --json``
    prints them, cut to the ``top`` most central actors."""
    return service.network(_store(request), q)


@router.get("/actors/{code}", summary="An actor's dyads")
def actor(request: Request, code: Code, q: Annotated[ActorQuery, Query()]) -> dict[str, Any]:
    """For each partner of the actor: events each way, cooperation, conflict, mean
    Goldstein."""
    return service.actor(_store(request), code, q)
