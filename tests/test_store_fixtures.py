"""Hand-built analysed articles for the store, aggregate and export tests.

The store's tests must not depend on what the coder finds (that is the coder's tests' job),
so they build :class:`Article` records by hand: every event names its actors, code, date
and place, and every offset is computed from the text, so the expected numbers of the dyad
series and of the deduplication can be worked out on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyadline.model import (Actor, Article, Event, EventDate, Mention, Place, Quote, Sentence,
                            Span, TimeExpression)
from dyadline.ontology import event_code

NAMES = {"RUS": "Russia", "IRN": "Iran", "UKR": "Ukraine", "USA": "the United States",
         "CHN": "China", "ISR": "Israel", "PRK": "North Korea"}


@dataclass
class E:
    """One event to put in a sentence: ``source verb target`` coded ``cameo``."""

    source: str | None
    cameo: str
    target: str | None
    verb: str = "met"
    negated: bool = False
    day: str | None = None  # the event's own date, when it differs from the article's
    place: str | None = None


def make_article(article_id: str, date: str | None, events: list[E], source: str = "Wire A",
                 title: str | None = None) -> Article:
    """An article with one sentence per event, offsets computed from the text."""
    text = ""
    sentences, mentions, evs, places, dates = [], [], [], [], []
    for k, spec in enumerate(events):
        start = len(text)
        parts = []
        src_text = NAMES.get(spec.source, spec.source) if spec.source else "Someone"
        tgt_text = NAMES.get(spec.target, spec.target) if spec.target else ""
        parts.append(src_text)
        parts.append(" did not " + spec.verb if spec.negated else " " + spec.verb)
        if tgt_text:
            parts.append(" " + tgt_text)
        if spec.place:
            parts.append(" in " + spec.place)
        if spec.day:
            parts.append(" on " + spec.day)
        sentence_text = "".join(parts) + "."
        text += sentence_text + " "
        sentence = Sentence(k, start, start + len(sentence_text))
        sentences.append(sentence)
        src = tgt = None
        offset = start
        if spec.source:
            src = Mention(src_text, offset, offset + len(src_text),
                          Actor(spec.source, "GOV", spec.source + "GOV", src_text, 0.9), "country")
            mentions.append(src)
        trig_start = start + len(src_text) + 1
        trigger_text = ("did not " + spec.verb) if spec.negated else spec.verb
        trigger = Span(trigger_text, trig_start, trig_start + len(trigger_text))
        if tgt_text:
            t0 = trigger.end + 1
            tgt = Mention(tgt_text, t0, t0 + len(tgt_text),
                          Actor(spec.target, "", spec.target, tgt_text, 0.8), "country")
            mentions.append(tgt)
        location = None
        if spec.place:
            p0 = start + sentence_text.index(" in " + spec.place) + 4
            location = Place(spec.place, p0, p0 + len(spec.place), spec.place, "RUS", 55.75, 37.62,
                             524901, "location", "city")
            places.append(location)
        event_date = EventDate(date) if date else None
        if spec.day:
            d0 = start + sentence_text.index(" on " + spec.day) + 4
            event_date = EventDate(spec.day, spec.day, d0, d0 + len(spec.day))
            dates.append(TimeExpression(spec.day, d0, d0 + len(spec.day), spec.day, "DATE"))
        evs.append(Event(id=f"{article_id}:{k}:0", sentence=sentence, source=src, target=tgt,
                         code=event_code(spec.cameo), trigger=trigger, date=event_date,
                         location=location, negated=spec.negated,
                         modality="", confidence=0.7, evidence=f"pattern '{spec.verb}'"))
    quotes = ()
    if mentions:
        quote_text = '"We agree"'
        q0 = len(text)
        text += quote_text + " " + mentions[0].text + " said."
        speaker = Mention(mentions[0].text, q0 + len(quote_text) + 1,
                          q0 + len(quote_text) + 1 + len(mentions[0].text), mentions[0].actor)
        cue_start = speaker.end + 1
        quotes = (Quote(quote_text, q0, q0 + len(quote_text), speaker,
                        Span("said", cue_start, cue_start + 4)),)
        sentences.append(Sentence(len(sentences), q0, len(text)))
    return Article(id=article_id, date=date, text=text, title=title or f"Report {article_id}",
                   url=f"https://example.org/{article_id}", source=source,
                   sentences=tuple(sentences), mentions=tuple(mentions), events=tuple(evs),
                   quotes=quotes, dates=tuple(dates), places=tuple(places))


def dedup_corpus() -> list[Article]:
    """The handmade case for deduplication and the dyad series (numbers worked out in tests).

    - a1, a2, a3: RUS->IRN meeting (CAMEO 04x) reported by three articles from two sources
      on 2024-03-01, 03-02, 03-02: one cluster, 3 articles, 2 sources.
    - a4: the same dyad and type on 2024-03-05: more than a day later, a second cluster.
    - a5: IRN->RUS on 2024-03-01 (the other direction): its own cluster.
    - a6: RUS->IRN criticism (CAMEO 111, verbal conflict) on 2024-04-10, and a negated
      RUS->IRN agreement (057) that every aggregate leaves out.
    - a7: USA->IRN sanctions (163) in 2024-04, and a RUS->UKR attack (190).
    """
    return [
        make_article("a1", "2024-03-01", [E("RUS", "042", "IRN", "visited", place="Moscow")],
                     source="Wire A"),
        make_article("a2", "2024-03-02", [E("RUS", "043", "IRN", "hosted")], source="Wire B"),
        make_article("a3", "2024-03-02", [E("RUS", "040", "IRN", "met")], source="Wire B"),
        make_article("a4", "2024-03-05", [E("RUS", "040", "IRN", "met")], source="Wire A"),
        make_article("a5", "2024-03-01", [E("IRN", "040", "RUS", "met")], source="Wire A"),
        make_article("a6", "2024-04-10", [E("RUS", "111", "IRN", "criticized"),
                                          E("RUS", "057", "IRN", "sign", negated=True)],
                     source="Wire C"),
        make_article("a7", "2024-04-12", [E("USA", "163", "IRN", "sanctioned"),
                                          E("RUS", "190", "UKR", "attacked", day="2024-04-11")],
                     source="Wire C"),
    ]


def stored_records(path) -> dict[str, list[str]]:
    """Every record of a store, as sorted lists per table, without ingest times: two stores
    with equal results hold exactly the same records (no loss, no duplicates)."""
    from dyadline.store import connect
    from dyadline.store.schema import RECORD_TABLES

    con = connect(path, read_only=True)
    try:
        out = {}
        for table in RECORD_TABLES:
            cols = [c for c in con.sql(f"SELECT * FROM {table} LIMIT 0").columns
                    if c != "ingested_at"]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(map(repr, rows))
        return out
    finally:
        con.close()


def test_fixture_offsets_index_the_text() -> None:
    """The builders' offsets are right, so tests on stored offsets mean something."""
    for article in dedup_corpus():
        for m in article.mentions:
            assert article.text[m.start:m.end] == m.text
        for e in article.events:
            assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
            for mention in (e.source, e.target):
                if mention:
                    assert article.text[mention.start:mention.end] == mention.text
        for p in article.places:
            assert article.text[p.start:p.end] == p.text
        for q in article.quotes:
            assert article.text[q.start:q.end] == q.text
            assert article.text[q.speaker.start:q.speaker.end] == q.speaker.text
