"""Events carried by what a speaker says: accusations inside quotations and reported speech.

A quotation that denounces an actor in evaluative words ("war of aggression", "reckless")
codes an accusation from the speaker to that actor, even without a verb of accusing.  The
target is the first actor the content names that is not on the speaker's own side; the
terms are data (``data/speech_terms.tsv``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ..model import Event, EventDate, Mention, Quote, Span, TimeExpression
from ..ontology import event_code
from ..text import TextDoc


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """One regex with a group per term (longest first), and the (term, cameo) of each group."""
    path = resources.files(__package__) / "data" / "speech_terms.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    terms = sorted(((r["term"].strip().lower(), r["cameo"].strip()) for r in rows), key=lambda t: -len(t[0]))
    alternatives = []
    for term, _ in terms:
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        alternatives.append("(" + body + (r"\w*" if term.endswith("*") else r"\b") + ")")
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE), terms


def speech_events(doc: TextDoc, article_id: str, article_date: str | None, quotes: Sequence[Quote],
                  mentions: Sequence[Mention], dates: Sequence[TimeExpression],
                  first_number: dict[int, int]) -> list[Event]:
    """Accusations that quotations make; ``first_number`` gives the next event number per sentence."""
    pattern, terms = _terms()
    events: list[Event] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.actor.code is None:
            continue
        # the target first: a pass over the mentions costs less than the terms' regex, and most
        # quotations name no actor besides the speaker's own side
        target = _first_other_actor(mentions, quote, speaker)
        if target is None:
            continue
        match = pattern.search(doc.text, quote.start, quote.end)
        if match is None:
            continue
        term, cameo = terms[(match.lastindex or 1) - 1]
        code = event_code(cameo)
        sentence = doc.sentences[doc.sentence_of(match.start())]
        number = first_number.get(sentence.index, 0)
        first_number[sentence.index] = number + 1
        kind = "quotation" if quote.direct else "reported speech"
        events.append(Event(
            id=f"{article_id}:{sentence.index}:{number}", sentence=sentence, source=speaker,
            target=target, code=code,
            trigger=Span(match.group(0), match.start(), match.end()),
            date=EventDate(article_date) if article_date else None, location=None,
            confidence=0.6 if quote.direct else 0.5,
            evidence=f"evaluative term '{term}' (speech_terms.tsv) -> {code.cameo} in a {kind} by "
                     f"{speaker.text}; target: first actor named in it not on the speaker's side"))
    return events


def _first_other_actor(mentions: Sequence[Mention], quote: Quote, speaker: Mention) -> Mention | None:
    for mention in mentions:
        if mention.start < quote.start or mention.end > quote.end:
            continue
        if mention.actor.code is None or mention.actor.code == speaker.actor.code:
            continue
        if mention.kind in ("pronoun", "capital"):
            continue
        return mention
    return None
