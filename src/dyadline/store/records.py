"""Flattening analysed articles into Arrow tables, one per store table, and back.

A batch of articles becomes one Arrow table per record kind (articles, mentions, events,
quotes, places, time expressions), which DuckDB inserts in bulk: the store never writes a
row at a time.  The flattening runs where the analysis runs (on a Dask worker when there is
one), so the process that owns the database only inserts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Iterable

import pyarrow as pa

from ..model import (Actor, Article, Event, EventCode, EventDate, Mention, Place, Quote, Sentence,
                     Span, TimeExpression)


def article_key(article_id: str, text: str) -> str:
    """What the store knows an article by: a hash of its id and text (128 bits, hex).

    Ingesting the same article twice adds nothing; an article whose text was corrected
    under the same id is a new article (both versions are kept).
    """
    digest = hashlib.sha256()
    digest.update(article_id.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD prefix as a date, else None (months, weeks, PRESENT_REF ...)."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_day(event: Event, article_date: str | None) -> dt.date | None:
    """The day an event is placed on: its own date when it names a day, else the article's.

    "will meet on Friday" in an article of 2025-01-14 is placed on 2025-01-17, so that a
    report published on the day of the meeting falls into the same cluster.
    """
    own = _day(event.date.value) if event.date else None
    return own if own is not None else _day(article_date)


_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()


def _span_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_text", _S), (f"{prefix}_start", _I), (f"{prefix}_end", _I)]


def _actor_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return _span_fields(prefix) + [(f"{prefix}_{k}", _S) for k in ("code", "sector", "cameo", "name")]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_key", _S), ("id", _S), ("date", pa.date32()), ("title", _S), ("url", _S),
        ("source", _S), ("text", _S), ("sentence_starts", pa.list_(_I)),
        ("sentence_ends", pa.list_(_I)), ("n_events", _I), ("ingested_at", pa.timestamp("us"))]),
    "mentions": pa.schema([
        ("article_key", _S), ("idx", _I), ("text", _S), ("span_start", _I), ("span_end", _I),
        ("code", _S), ("sector", _S), ("cameo", _S), ("name", _S), ("kind", _S),
        ("confidence", _F)]),
    "events": pa.schema(
        [("article_key", _S), ("idx", _I), ("event_id", _S), ("sentence_index", _I),
         ("sentence_start", _I), ("sentence_end", _I)]
        + _actor_fields("source") + _actor_fields("target")
        + [("plover_event", _S), ("plover_mode", _S), ("plover_context", pa.list_(_S)),
           ("cameo_code", _S), ("cameo_root", _S), ("quad_class", pa.int8()), ("goldstein", _F)]
        + _span_fields("trigger")
        + [("date_value", _S), ("date_text", _S), ("date_start", _I), ("date_end", _I),
           ("day", pa.date32()), ("location_text", _S), ("location_name", _S),
           ("location_country", _S), ("location_lat", _F), ("location_lon", _F),
           ("location_geonameid", pa.int64()), ("negated", _B), ("modality", _S),
           ("confidence", _F), ("evidence", _S)]),
    "quotes": pa.schema(
        [("article_key", _S), ("idx", _I), ("text", _S), ("span_start", _I), ("span_end", _I),
         ("direct", _B)] + _actor_fields("speaker") + _span_fields("cue")),
    "places": pa.schema([
        ("article_key", _S), ("idx", _I), ("text", _S), ("span_start", _I), ("span_end", _I),
        ("name", _S), ("country", _S), ("lat", _F), ("lon", _F), ("geonameid", pa.int64()),
        ("role", _S), ("feature", _S)]),
    "time_expressions": pa.schema([
        ("article_key", _S), ("idx", _I), ("text", _S), ("span_start", _I), ("span_end", _I),
        ("value", _S), ("type", _S)]),
}


def _span_values(prefix: str, span: Span | Mention | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _actor_values(prefix: str, mention: Mention | None) -> dict[str, Any]:
    values = _span_values(prefix, mention)
    actor = mention.actor if mention else None
    values.update({f"{prefix}_code": actor.code if actor else None,
                   f"{prefix}_sector": actor.sector if actor else None,
                   f"{prefix}_cameo": actor.cameo if actor else None,
                   f"{prefix}_name": actor.name if actor else None})
    return values


def _event_row(key: str, idx: int, event: Event, article_date: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"article_key": key, "idx": idx, "event_id": event.id,
                           "sentence_index": event.sentence.index,
                           "sentence_start": event.sentence.start,
                           "sentence_end": event.sentence.end}
    row.update(_actor_values("source", event.source))
    row.update(_actor_values("target", event.target))
    code, date, loc = event.code, event.date, event.location
    row.update({
        "plover_event": code.plover_event, "plover_mode": code.plover_mode,
        "plover_context": list(code.plover_context), "cameo_code": code.cameo,
        "cameo_root": code.root, "quad_class": code.quad_class, "goldstein": code.goldstein})
    row.update(_span_values("trigger", event.trigger))
    row.update({
        "date_value": date.value if date else None, "date_text": date.text if date else None,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "day": event_day(event, article_date),
        "location_text": loc.text if loc else None, "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "negated": event.negated, "modality": event.modality,
        "confidence": event.confidence, "evidence": event.evidence})
    return row


def to_tables(articles: Iterable[Article], ingested_at: dt.datetime | None = None
              ) -> dict[str, pa.Table]:
    """One Arrow table per store table for a batch of analysed articles."""
    when = ingested_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    seen: set[str] = set()
    for article in articles:
        key = article_key(article.id, article.text)
        if key in seen:  # the same article twice in one batch is stored once
            continue
        seen.add(key)
        rows["articles"].append({
            "article_key": key, "id": article.id, "date": _day(article.date),
            "title": article.title, "url": article.url, "source": article.source,
            "text": article.text,
            "sentence_starts": [s.start for s in article.sentences],
            "sentence_ends": [s.end for s in article.sentences],
            "n_events": len(article.events), "ingested_at": when})
        for i, m in enumerate(article.mentions):
            rows["mentions"].append({
                "article_key": key, "idx": i, "text": m.text, "span_start": m.start,
                "span_end": m.end, "code": m.actor.code, "sector": m.actor.sector,
                "cameo": m.actor.cameo, "name": m.actor.name, "kind": m.kind,
                "confidence": m.actor.confidence})
        for i, e in enumerate(article.events):
            rows["events"].append(_event_row(key, i, e, article.date))
        for i, q in enumerate(article.quotes):
            row = {"article_key": key, "idx": i, "text": q.text, "span_start": q.start,
                   "span_end": q.end, "direct": q.direct}
            row.update(_actor_values("speaker", q.speaker))
            row.update(_span_values("cue", q.cue))
            rows["quotes"].append(row)
        for i, p in enumerate(article.places):
            rows["places"].append({
                "article_key": key, "idx": i, "text": p.text, "span_start": p.start,
                "span_end": p.end, "name": p.name, "country": p.country, "lat": p.lat,
                "lon": p.lon, "geonameid": p.geonameid, "role": p.role, "feature": p.feature})
        for i, d in enumerate(article.dates):
            rows["time_expressions"].append({
                "article_key": key, "idx": i, "text": d.text, "span_start": d.start,
                "span_end": d.end, "value": d.value, "type": d.type})
    return {name: pa.Table.from_pylist(rows[name], schema=schema)
            for name, schema in SCHEMAS.items()}


# ---------------------------------------------------------------- back to records

def _mention(row: dict[str, Any], prefix: str) -> Mention | None:
    if row[f"{prefix}_text"] is None:
        return None
    actor = Actor(row[f"{prefix}_code"], row[f"{prefix}_sector"] or "",
                  row[f"{prefix}_cameo"] or "", row[f"{prefix}_name"] or "")
    return Mention(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"], actor)


def _span(row: dict[str, Any], prefix: str) -> Span | None:
    if row[f"{prefix}_text"] is None:
        return None
    return Span(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"])


def event_from_row(row: dict[str, Any]) -> Event:
    """An :class:`Event` from a row of the events table (as a dict)."""
    code = EventCode(row["cameo_code"], row["cameo_root"], int(row["quad_class"]),
                     float(row["goldstein"]), row["plover_event"] or "", row["plover_mode"] or "",
                     tuple(row["plover_context"] or ()))
    date = None
    if row["date_value"] is not None:
        date = EventDate(row["date_value"], row["date_text"], row["date_start"], row["date_end"])
    location = None
    if row["location_name"] is not None or row["location_text"] is not None:
        location = Place(row["location_text"] or "", -1, -1, row["location_name"] or "",
                         row["location_country"], row["location_lat"], row["location_lon"],
                         row["location_geonameid"])
    return Event(id=row["event_id"],
                 sentence=Sentence(row["sentence_index"], row["sentence_start"], row["sentence_end"]),
                 source=_mention(row, "source"), target=_mention(row, "target"), code=code,
                 trigger=_span(row, "trigger") or Span("", 0, 0), date=date, location=location,
                 negated=bool(row["negated"]), modality=row["modality"] or "",
                 confidence=float(row["confidence"]), evidence=row["evidence"] or "")


def article_from_rows(article: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> Article:
    """Rebuild an :class:`Article` from its rows (each child list ordered by ``idx``)."""
    sentences = tuple(Sentence(i, s, e) for i, (s, e) in
                      enumerate(zip(article["sentence_starts"] or (), article["sentence_ends"] or ())))
    mentions = tuple(Mention(r["text"], r["span_start"], r["span_end"],
                             Actor(r["code"], r["sector"] or "", r["cameo"] or "", r["name"] or "",
                                   r["confidence"] or 0.0), r["kind"] or "")
                     for r in tables.get("mentions", ()))
    quotes = tuple(Quote(r["text"], r["span_start"], r["span_end"], _mention(r, "speaker"),
                         _span(r, "cue"), bool(r["direct"])) for r in tables.get("quotes", ()))
    places = tuple(Place(r["text"], r["span_start"], r["span_end"], r["name"] or "", r["country"],
                         r["lat"], r["lon"], r["geonameid"], r["role"] or "other", r["feature"] or "")
                   for r in tables.get("places", ()))
    dates = tuple(TimeExpression(r["text"], r["span_start"], r["span_end"], r["value"], r["type"])
                  for r in tables.get("time_expressions", ()))
    date = article["date"]
    return Article(id=article["id"], date=date.isoformat() if date else None, text=article["text"],
                   title=article["title"], url=article["url"], source=article["source"],
                   sentences=sentences, mentions=mentions,
                   events=tuple(event_from_row(r) for r in tables.get("events", ())),
                   quotes=quotes, dates=dates, places=places)
