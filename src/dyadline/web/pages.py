"""The HTML pages: server-rendered (Jinja2) from the same records the API returns.

Pages read their query strings through the models of :mod:`.params` (an HTML form's empty
fields are simply left out), so a bad value shows a 400 page that says what is wrong.
The only scripts are the dyad chart and the network graph (``static/*.js``), which read
their data from a JSON block the page carries: every page works without a second request.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from ..model import Article, Event
from . import service
from .annotate import ARTICLE_ROLES, EVENT_ROLES, article_marks, event_marks, segments
from .params import (MAX_PAGE_SIZE, ActorQuery, DyadQuery, EventQuery, NetworkQuery, messages)

router = APIRouter(include_in_schema=False)

TEMPLATES = Path(__file__).parent / "templates"

PLOVER_TYPES = ("AGREE", "AID", "ACCUSE", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "DEMAND",
                "DISAPPROVE", "MOBILIZE", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
                "THREATEN")


class PageError(Exception):
    """A page cannot be shown: ``status`` and the lines that say why."""

    def __init__(self, status: int, lines: list[str]) -> None:
        super().__init__("; ".join(lines))
        self.status = status
        self.lines = lines


def url(path: str, /, **params: Any) -> str:
    """A link: ``path`` plus the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(kept) if kept else "")


def event_url(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def dyad_url(a: str, b: str, **params: Any) -> str:
    return url(f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}", **params)


def actor_url(code: str, **params: Any) -> str:
    return url(f"/actors/{quote(code, safe='')}", **params)


def templates() -> Any:
    """The Jinja2 environment, with the link helpers as globals (autoescaping on)."""
    from fastapi.templating import Jinja2Templates

    env = Jinja2Templates(directory=str(TEMPLATES))
    env.env.globals.update(url=url, event_url=event_url, article_url=article_url,
                           dyad_url=dyad_url, actor_url=actor_url, quad_names=service.QUAD_NAMES,
                           plover_types=PLOVER_TYPES, max_page_size=MAX_PAGE_SIZE)
    env.env.globals["http_url"] = http_url
    env.env.filters["tojson_script"] = _json_for_script
    return env


def http_url(value: Any) -> str | None:
    """An article's URL when it is a web address (never a ``javascript:`` link)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None


def _json_for_script(value: Any) -> Any:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` breakout)."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _parse(model: type, request: Request) -> Any:
    try:
        return model.from_query(request.query_params)
    except ValidationError as exc:
        raise PageError(400, messages(exc)) from None


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return _render(request, "home.html", page="home", data=service.summary(_store(request)))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    q = _parse(EventQuery, request)
    data = service.events(_store(request), q)
    current = {k: v for k, v in request.query_params.items() if v.strip() and k != "page"}
    return _render(request, "events.html", page="events", q=q, data=data, current=current)


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    data = service.event(_store(request), event_id)
    article = Article.from_json(data["article"])
    event = Event.from_json(data["event"])
    # The event's location has no offsets of its own; event_marks finds it among the places.
    segs = segments(article.text, event_marks(article, event))
    return _render(request, "event.html", page="event", data=data, ev=data["event"],
                   art=data["article"], segments=segs, roles=EVENT_ROLES)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    data = service.article(_store(request), article_id)
    article = Article.from_json(data)
    segs = segments(article.text, article_marks(article, event_url))
    return _render(request, "article.html", page="article", art=data, segments=segs,
                   roles=ARTICLE_ROLES)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str) -> HTMLResponse:
    codes = _codes(a, b)
    q = _parse(DyadQuery, request)
    a, b = codes
    data = service.dyad(_store(request), a, b, q)
    # Each period links to its events: the events page lists the same dyad in that period.
    pair = dict(source=a, target=b) if q.directed else dict(actor=a, partner=b)
    links = [url("/events", **pair, since=p["start"], until=p["end"], reports=q.reports)
             for p in data["series"]]
    return _render(request, "dyad.html", page="dyad", q=q, data=data, a=a, b=b, links=links)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    q = _parse(NetworkQuery, request)
    data = service.network(_store(request), q)
    return _render(request, "network.html", page="network", q=q, data=data)


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    (code,) = _codes(code)
    q = _parse(ActorQuery, request)
    data = service.actor(_store(request), code, q)
    return _render(request, "actor.html", page="actor", q=q, data=data)


@router.get("/dyads", include_in_schema=False)
def dyad_form(request: Request) -> Any:
    """The home page's "open a dyad" form: ``/dyads?a=RUS&b=IRN`` -> ``/dyads/RUS/IRN``."""
    a = request.query_params.get("a", "").strip()
    b = request.query_params.get("b", "").strip()
    codes = _codes(a, b)
    return RedirectResponse(dyad_url(*codes), status_code=303)


def _codes(*codes: str) -> list[str]:
    import re

    bad = [c for c in codes if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", c)]
    if bad:
        raise PageError(400, [f"{c!r} is not an actor code (letters, digits, - and _, such as RUS "
                              "or IGO)" for c in bad])
    return [c.upper() for c in codes]
