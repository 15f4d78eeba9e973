"""The coder: one article in, one :class:`~dyadline.model.Article` with all its records out.

The stages run left to right, each reading only the records of the stages before it:

    segment -> mentions (actors) -> time expressions -> places -> quotations -> events

``Coder`` holds what is expensive to build (the spaCy pipeline, dictionaries, the
gazetteer index, the lexicon) and builds it once, lazily, so that one object codes any
number of articles; create one per process or Dask worker.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Actor, Article, ArticleInput, Mention, Quote, Span


class Coder:
    """Analyse news articles into coded events.

    >>> Coder().analyse("Putin met Xi in Beijing on Friday.", date="2025-01-14").events  # doctest: +SKIP
    """

    def __init__(self, dictionaries: str | Path | None = None, lexicon: str | Path | None = None):
        """``dictionaries``: a folder of PETRARCH/TABARI dictionaries to code with (see
        :mod:`dyadline.compat`); ``lexicon``: a verb-phrase TSV to use instead of the built-in one."""
        self.dictionaries = Path(dictionaries) if dictionaries else None
        self._lexicon_path = str(lexicon) if lexicon else None
        self._lexicon: Any = None
        self._overlay: Any = None
        if self.dictionaries is not None:
            from .compat import load_dictionaries

            self._overlay = load_dictionaries(self.dictionaries)

    # ------------------------------------------------------------------ public API
    def analyse(self, text: str, date: str | None = None, id: str | None = None,
                title: str | None = None, url: str | None = None, source: str | None = None) -> Article:
        """Analyse one article. ``date`` is the publication date (YYYY-MM-DD)."""
        from .inputs import MAX_TEXT_CHARS, article_id_for, check_date

        if date is not None:
            check_date(date)
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if len(text) > MAX_TEXT_CHARS:
            raise ValueError(f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
        article = self._analyse(text, date, id or article_id_for(text, ""), title, url, source)
        _freeze_loaded_data()
        return article

    def analyse_input(self, item: ArticleInput) -> Article:
        """Analyse an article read by :func:`dyadline.inputs.read_inputs`."""
        article = self._analyse(item.text, item.date, item.id, item.title, item.url, item.source)
        _freeze_loaded_data()
        return article

    def resolve_actor(self, text: str, date: str | None = None, context: str | None = None) -> Actor:
        """Resolve one actor string to its codes as of ``date`` (``code`` None if unknown)."""
        from .actors import resolve_actor

        builtin = resolve_actor(text, date=date, context=context)
        return self._overlay.resolve_actor(text, date, context, builtin) if self._overlay else builtin

    # ------------------------------------------------------------------ pipeline
    @property
    def _unknown_actors(self) -> bool:
        """Names no dictionary knows fill roles (uncoded) unless a dictionary folder replaces
        the built-in actors: then, as in PETRARCH, only its actors are coded."""
        return not (self._overlay is not None and getattr(self._overlay, "actors_mode", "") == "replace")

    @property
    def lexicon(self) -> Any:
        """The verb-phrase lexicon in force: built-in (or ``lexicon=``), combined with the
        verb dictionary of ``dictionaries=`` when one was given."""
        if self._lexicon is None:
            from .events import load_lexicon

            builtin = load_lexicon(self._lexicon_path)
            self._lexicon = self._overlay.lexicon(builtin) if self._overlay else builtin
        return self._lexicon

    def _mentions(self, doc: Any, date: str | None) -> list[Mention]:
        mentions = _stages()[6](doc, date)
        return self._overlay.mentions(doc, date, mentions) if self._overlay else mentions

    def _analyse(self, text: str, date: str | None, article_id: str, title: str | None,
                 url: str | None, source: str | None) -> Article:
        segment, find_time_expressions, find_places, event_location, code_events, speech_events = _stages()[:6]
        doc = segment(text)
        mentions = self._mentions(doc, date)
        dates = find_time_expressions(doc, date)
        places = find_places(doc, mentions)
        quotes = self._quotes(doc, mentions)
        events = code_events(doc, article_id, date, mentions, dates, places, self.lexicon,
                             locate=event_location, unknown_actors=self._unknown_actors)
        next_number: dict[int, int] = {}
        for event in events:
            next_number[event.sentence.index] = next_number.get(event.sentence.index, 0) + 1
        events += speech_events(doc, article_id, date, quotes, mentions, dates, next_number)
        events.sort(key=lambda e: (e.sentence.index, e.trigger.start))
        return Article(id=article_id, date=date, text=text, title=title, url=url, source=source,
                       sentences=tuple(doc.sentences), mentions=tuple(mentions),
                       events=tuple(events), quotes=tuple(quotes), dates=tuple(dates),
                       places=tuple(places))

    def _quotes(self, doc: Any, mentions: list[Mention]) -> list[Quote]:
        """Quotations with their speaker linked to the actor mention that names them.

        A speaker span that overlaps no coded mention keeps its text with an unresolved
        actor: the mention finder has already read that stretch of the article in context,
        so resolving the span again on its own would only repeat the work.
        """
        starts = [m.start for m in mentions]
        quotes = []
        for found in _stages()[7](doc):
            speaker = None
            if found.speaker is not None:
                span = found.speaker
                speaker = _mention_for_span(span, mentions, starts) or \
                    Mention(span.text, span.start, span.end, Actor(None), kind="speaker")
            quotes.append(Quote(doc.text[found.start:found.end], found.start, found.end, speaker,
                                found.cue, found.direct))
        return quotes


@lru_cache(maxsize=1)
def _stages() -> tuple[Any, ...]:
    """The stage functions, imported on first use (``import dyadline`` stays cheap) and then
    held: an import statement per stage and article cost as much as coding a sentence."""
    from .actors import find_mentions
    from .events import code_events
    from .events.speech import speech_events
    from .geo import event_location, find_places
    from .text import segment
    from .text.quotes import find_quotations
    from .time import find_time_expressions

    return (segment, find_time_expressions, find_places, event_location, code_events, speech_events,
            find_mentions, find_quotations)


_coded = 0
#: The article counts after which everything alive is frozen again (1, 2, 4, ... 4096).
_FREEZE_AT = frozenset(2 ** k for k in range(13))


def _freeze_loaded_data() -> None:
    """After the first article, move every object alive (the dictionaries, gazetteer, lexicon
    and spaCy tables just loaded, some 100,000 objects) out of the cyclic garbage collector's
    generations; again after the 2nd, 4th, 8th ... 4096th article, for the caches that fill as
    new words come (the lexicon's per-head buckets, lookups of names; some 40,000 objects after
    a few hundred articles).

    Those objects live as long as the process, but each full collection would walk them all
    again, and coding allocates enough (tokens, mentions, records) to trigger several full
    collections per few hundred articles: without the first freeze a tenth of the coder's time,
    without the later ones still some 3%.  Frozen objects are still freed by reference
    counting; only cycles among them would outlive the process.  ``gc.freeze`` only splices
    lists (constant time), and a dozen calls in all is a bounded exposure.
    """
    global _coded
    _coded += 1
    if _coded in _FREEZE_AT:
        import gc

        gc.freeze()


def _mention_for_span(span: Span, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The coded actor mention that the speaker span names: the one it overlaps most."""
    best: Mention | None = None
    best_overlap = 0
    index = max(0, bisect_left(starts, span.start) - 8)  # mentions are sorted and short
    for mention in mentions[index:]:
        if mention.start >= span.end:
            break
        overlap = min(span.end, mention.end) - max(span.start, mention.start)
        if overlap > best_overlap and mention.actor.code is not None:
            best, best_overlap = mention, overlap
    return best
