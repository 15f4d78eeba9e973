"""Marking spans of an article's text for display: sentence, source, target, trigger, date...

Spans overlap (a trigger inside a sentence, a place inside a quotation, a source that is also
a quote's speaker), so the text is cut at every span boundary into segments, and each
segment carries the set of roles covering it.  The page renders a segment as one element
whose classes are its roles: no nesting to balance, and the text of every segment is a
slice of the article (``text[start:end]``), so what is marked is exactly what the coder
pointed at.  Linear in the text plus the number of spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..model import Article, Event

#: The roles an event page marks, in legend order.
EVENT_ROLES = ("sentence", "source", "target", "trigger", "date", "place")
#: The roles an article page marks.
ARTICLE_ROLES = ("mention", "trigger", "quote", "speaker", "date", "place")


@dataclass(frozen=True)
class Mark:
    """A span to mark: ``role`` names its kind, ``note`` is shown on hover."""

    start: int
    end: int
    role: str
    note: str = ""
    link: Optional[str] = None


@dataclass
class Segment:
    """A stretch of text covered by the same marks."""

    text: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    link: Optional[str] = None

    @property
    def classes(self) -> str:
        return " ".join(f"m-{r}" for r in self.roles)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each segment lists the marks covering it.

    Marks with offsets outside the text or empty are ignored (a stored record with a bad
    offset must not break the page).
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        roles: list[str] = []
        notes: list[str] = []
        link = None
        for m in active:
            if m.role not in roles:
                roles.append(m.role)
            if m.note and m.note not in notes:
                notes.append(m.note)
            link = link or m.link
        out.append(Segment(text[a:b], a, b, roles, notes, link))
    return out


def _actor_note(prefix: str, record: dict[str, Any] | None) -> str:
    if not record:
        return prefix
    parts = [record.get("cameo") or record.get("code") or "?"]
    if record.get("name"):
        parts.append(record["name"])
    return f"{prefix}: {' · '.join(parts)}"


def locate_place(article: Article, event: Event) -> Optional[tuple[int, int]]:
    """Offsets of the event's location in the text.

    The store keeps an event's location without offsets (the contract's ``location`` has
    none), so the place is found among the article's places by its text: the one inside the
    event's sentence first, else the first one anywhere.
    """
    loc = event.location
    if loc is None or not loc.text:
        return None
    candidates = [p for p in article.places if p.text == loc.text and p.start >= 0]
    inside = [p for p in candidates if event.sentence.start <= p.start < event.sentence.end]
    chosen = (inside or candidates or [None])[0]
    if chosen is not None:
        return chosen.start, chosen.end
    found = article.text.find(loc.text, event.sentence.start, event.sentence.end)
    return (found, found + len(loc.text)) if found >= 0 else None


def event_marks(article: Article, event: Event) -> list[Mark]:
    """Marks for an event page: its sentence, source, target, trigger, date and place."""
    data = event.to_json()
    marks = [Mark(event.sentence.start, event.sentence.end, "sentence")]
    if event.source:
        marks.append(Mark(event.source.start, event.source.end, "source",
                          _actor_note("source", data["source"])))
    if event.target:
        marks.append(Mark(event.target.start, event.target.end, "target",
                          _actor_note("target", data["target"])))
    if event.trigger.text:
        marks.append(Mark(event.trigger.start, event.trigger.end, "trigger",
                          f"trigger: CAMEO {event.code.cameo} {event.code.plover_event}".strip()))
    if event.date and event.date.start is not None and event.date.end is not None:
        marks.append(Mark(event.date.start, event.date.end, "date", f"date: {event.date.value}"))
    place = locate_place(article, event)
    if place:
        loc = event.location
        marks.append(Mark(place[0], place[1], "place",
                          f"place: {loc.name} ({loc.country or '?'})" if loc else "place"))
    return marks


def article_marks(article: Article, event_link: Any = None) -> list[Mark]:
    """Marks for an article page: mentions, event triggers (linked to their event pages),
    quotations and their speakers, time expressions and places."""
    marks: list[Mark] = []
    for m in article.mentions:
        marks.append(Mark(m.start, m.end, "mention", _actor_note("actor", m.actor.to_json())))
    for e in article.events:
        if e.trigger.text:
            link = event_link(e.id) if event_link else None
            marks.append(Mark(e.trigger.start, e.trigger.end, "trigger",
                              f"event {e.id}: CAMEO {e.code.cameo} {e.code.plover_event}".strip(),
                              link))
    for q in article.quotes:
        marks.append(Mark(q.start, q.end, "quote", "quotation"))
        if q.speaker:
            marks.append(Mark(q.speaker.start, q.speaker.end, "speaker",
                              _actor_note("speaker", q.speaker.actor.to_json())))
    for d in article.dates:
        marks.append(Mark(d.start, d.end, "date", f"{d.type}: {d.value}"))
    for p in article.places:
        marks.append(Mark(p.start, p.end, "place", f"place: {p.name} ({p.country or '?'}), {p.role}"))
    return marks
