"""The records dyadline produces, and their JSON form.

Every stage of the pipeline reads and writes these frozen dataclasses, so a
record can be passed between processes (Dask), stored (DuckDB) and printed
(CLI, web) without any stage knowing about the others.  The JSON form is the
public contract (CONTRACT.md): ``to_json`` writes it and ``from_json`` reads it
back, so the store and the exporters can round-trip articles exactly.

Character offsets (``start``, ``end``) always index the article's text as
given, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of the article's text: the trigger of an event, a quotation cue."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "Span | None":
        if not data:
            return None
        return cls(data["text"], data["start"], data["end"])


@dataclass(frozen=True)
class Actor:
    """What an actor string resolves to, as of the article's date.

    ``code`` is ISO 3166 alpha-3 for a state or a CAMEO international code
    (IGO, NGO, IMG, MNC) with the organisation in ``name``; ``sector`` a PLOVER
    sector or empty; ``cameo`` the stacked CAMEO code (``RUSGOV``).
    """

    code: str | None
    sector: str = ""
    cameo: str = ""
    name: str = ""
    confidence: float = 0.0

    @property
    def known(self) -> bool:
        return self.code is not None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector, "cameo": self.cameo, "name": self.name}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "Actor | None":
        if not data:
            return None
        return cls(data.get("code"), data.get("sector", ""), data.get("cameo", ""),
                   data.get("name", ""), data.get("confidence", 0.0))


@dataclass(frozen=True)
class Mention:
    """A place in the text that names or refers to an actor.

    ``kind`` says how it was found (``country``, ``person``, ``organisation``,
    ``agent``, ``pronoun``, ``title``), which the clause analysis and the
    coreference use; it is not part of the JSON contract.
    """

    text: str
    start: int
    end: int
    actor: Actor
    kind: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "actor": self.actor.to_json()}

    def to_flat_json(self) -> dict[str, Any]:
        """The form used for event sources/targets and quote speakers."""
        return {"text": self.text, "start": self.start, "end": self.end, **self.actor.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "Mention | None":
        if not data:
            return None
        actor_json = data.get("actor") or {k: data.get(k) for k in ("code", "sector", "cameo", "name")}
        return cls(data["text"], data["start"], data["end"], Actor.from_json(actor_json) or Actor(None))


@dataclass(frozen=True)
class TimeExpression:
    """A time expression normalised to a TIMEX3 value against the publication date."""

    text: str
    start: int
    end: int
    value: str
    type: str = "DATE"  # DATE, TIME, DURATION or SET

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "type": self.type}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TimeExpression":
        return cls(data["text"], data["start"], data["end"], data["value"], data.get("type", "DATE"))


@dataclass(frozen=True)
class Place:
    """A toponym in the text, located in the gazetteer.

    ``role``: ``location`` where something happens, ``actor`` where the name
    stands for a government ("Moscow said"), ``other`` otherwise.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    role: str = "other"
    feature: str = ""  # "city", "country", "region", ...: not part of the JSON contract

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "role": self.role}

    def to_location_json(self) -> dict[str, Any]:
        """The shorter form an event carries as its ``location``."""
        return {"text": self.text, "name": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "Place | None":
        if not data:
            return None
        return cls(data["text"], data.get("start", -1), data.get("end", -1), data.get("name", ""),
                   data.get("country"), data.get("lat"), data.get("lon"), data.get("geonameid"),
                   data.get("role", "other"))


@dataclass(frozen=True)
class Quote:
    """A quotation and the mention that introduces it (its speaker)."""

    text: str
    start: int
    end: int
    speaker: Mention | None
    cue: Span | None
    direct: bool = True  # False for reported speech without quotation marks

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "speaker": self.speaker.to_flat_json() if self.speaker else None,
                "cue": self.cue.to_json() if self.cue else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Quote":
        return cls(data["text"], data["start"], data["end"], Mention.from_json(data.get("speaker")),
                   Span.from_json(data.get("cue")))


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class EventCode:
    """The ontology side of an event: CAMEO code, PLOVER type, Goldstein, quad class."""

    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover_event: str
    plover_mode: str = ""
    plover_context: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventDate:
    """The date an event carries: its own time expression or the article's date."""

    value: str
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "EventDate | None":
        if not data:
            return None
        return cls(data["value"], data.get("text"), data.get("start"), data.get("end"))


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when and where: one coded event, traceable to its sentence."""

    id: str
    sentence: Sentence
    source: Mention | None
    target: Mention | None
    code: EventCode
    trigger: Span
    date: EventDate | None
    location: Place | None
    negated: bool = False
    modality: str = ""  # "", "future", "hypothetical", ...
    confidence: float = 0.5
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": self.sentence.to_json(),
            "source": self.source.to_flat_json() if self.source else None,
            "target": self.target.to_flat_json() if self.target else None,
            "plover": {"event": self.code.plover_event, "mode": self.code.plover_mode,
                       "context": list(self.code.plover_context)},
            "cameo": {"code": self.code.cameo, "root": self.code.root,
                      "quad_class": self.code.quad_class, "goldstein": self.code.goldstein},
            "trigger": self.trigger.to_json(),
            "date": self.date.to_json() if self.date else None,
            "location": self.location.to_location_json() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Event":
        sentence = data["sentence"]
        plover, cameo = data.get("plover") or {}, data["cameo"]
        code = EventCode(cameo["code"], cameo["root"], cameo["quad_class"], cameo["goldstein"],
                         plover.get("event", ""), plover.get("mode", ""),
                         tuple(plover.get("context", ())))
        return cls(
            id=data["id"],
            sentence=Sentence(sentence["index"], sentence["start"], sentence["end"]),
            source=Mention.from_json(data.get("source")),
            target=Mention.from_json(data.get("target")),
            code=code,
            trigger=Span.from_json(data["trigger"]) or Span("", 0, 0),
            date=EventDate.from_json(data.get("date")),
            location=Place.from_json(data.get("location")),
            negated=data.get("negated", False),
            modality=data.get("modality", ""),
            confidence=data.get("confidence", 0.5),
            evidence=data.get("evidence", ""),
        )


@dataclass(frozen=True)
class Article:
    """One analysed article: the text and every record found in it."""

    id: str
    date: str | None
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        """The contract's JSON object; ``include_text`` adds the text and metadata (for storage)."""
        data: dict[str, Any] = {"id": self.id, "date": self.date}
        if include_text:
            data.update({"title": self.title, "url": self.url, "source": self.source,
                         "text": self.text,
                         "sentences": [s.to_json() for s in self.sentences]})
        data.update({
            "mentions": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
            "dates": [d.to_json() for d in self.dates],
            "places": [p.to_json() for p in self.places],
        })
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        return cls(
            id=data["id"], date=data.get("date"), text=data.get("text", ""),
            title=data.get("title"), url=data.get("url"), source=data.get("source"),
            sentences=tuple(Sentence(**s) for s in data.get("sentences", ())),
            mentions=tuple(m for m in (Mention.from_json(x) for x in data.get("mentions", ())) if m),
            events=tuple(Event.from_json(e) for e in data.get("events", ())),
            quotes=tuple(Quote.from_json(q) for q in data.get("quotes", ())),
            dates=tuple(TimeExpression.from_json(d) for d in data.get("dates", ())),
            places=tuple(p for p in (Place.from_json(x) for x in data.get("places", ())) if p),
        )


@dataclass(frozen=True)
class ArticleInput:
    """An article as read from a file, before analysis."""

    text: str
    id: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file and line it came from, for error messages
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


__all__ = ["Span", "Actor", "Mention", "TimeExpression", "Place", "Quote", "Sentence",
           "EventCode", "EventDate", "Event", "Article", "ArticleInput", "asdict"]
