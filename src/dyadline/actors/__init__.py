"""Actors: who is named in an article, resolved to CAMEO/PLOVER codes as of the article's date.

Three steps, one module each: :mod:`matcher` finds the dictionary's phrases (countries, demonyms,
capitals, organisations, people, agent words) in one Aho-Corasick pass; :mod:`phrases` joins them
with the tokens around them into whole actor phrases ("Russian President Vladimir Putin") and
resolves each as of the date; :mod:`coref` gives later short forms (a surname, "the president",
"he") the actor of the earlier mention they refer to.  The dictionary is data
(:mod:`dictionary`, ``data/*.tsv``), loaded once per process.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from operator import attrgetter
from typing import Any

from ..model import Actor, Mention
from ..text import TextDoc

__all__ = ["find_mentions", "resolve_actor"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_START = attrgetter("start")
#: a form of address right before a person's name ("Mr. Erdogan", "Dr Ashraf Ghani")
#: the short form in brackets right after a name ("(NAF)", "(PML-Q)"): at least two capitals
_ACRONYM = re.compile(r" \((?=[A-Za-z-]*[A-Z][A-Za-z-]*[A-Z])[A-Z][A-Za-z-]{1,9}\)")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mme)\.? $")


def _as_of(date: str | None) -> str:
    """The date to resolve against: the article's (YYYY-MM-DD), or today when it has none."""
    if date is None or not str(date).strip():
        return _dt.date.today().isoformat()
    date = str(date).strip()[:10]
    if not _DATE.match(date):
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}")
    return date


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` ("NAF") is made of the initials of ``name`` ("Nigerian Air Force"), in
    order, so that a bracket after a name that is another's short form ("Pakistan (PML-Q)") is
    left out."""
    initials = iter([word[0].upper() for word in name.split() if word[:1].isalpha()])
    return all(letter in initials for letter in short.split("-")[0] if letter.isupper())


def find_mentions(doc: TextDoc, date: str | None) -> list[Mention]:
    """All actor mentions in the article, sorted by start, non-overlapping (longest match wins),
    each resolved as of `date` (YYYY-MM-DD or None = today), with coreference applied."""
    coref, load_dictionary, find_hits, phrases = _steps()
    as_of = _as_of(date)
    text = doc.text
    tokens = doc.tokens
    items, positions = phrases.placed_items(text, tokens, find_hits(text), doc.token_ends())
    found = phrases.PhraseReader(load_dictionary(), as_of, text).read(items, positions)
    coref.link_names_and_titles(found)
    coref.link_owners(found, doc.sentences)
    candidates = coref.candidate_tokens(found, tokens, doc.lowers())
    found += coref.link_surnames(found, tokens, candidates)
    found += coref.link_pronouns(found, tokens, text, doc.sentences, candidates)
    found.sort(key=_START)
    mentions: list[Mention] = []
    reach = 0
    for f in found:
        start, end = f.start, f.end
        if start < reach or end <= start:
            continue
        if f.kind == "person" and start > 3:
            honorific = _HONORIFIC.search(text, max(0, start - 6), start)
            if honorific is not None and honorific.start() >= reach:
                start = honorific.start()  # "Mr. Sisi": the form of address is part of the name
        elif f.kind != "person" and text.startswith(" (", end):
            acronym = _ACRONYM.match(text, end)
            if acronym is not None and _abbreviates(acronym.group()[2:-1], text[start:end]):
                end = acronym.end()  # "Nigerian Air Force (NAF)": the short form is part of the name
        reach = end
        mentions.append(Mention(text[start:end], start, end, f.actor, f.kind))
    return mentions


@lru_cache(maxsize=1)
def _steps() -> tuple[Any, Any, Any, Any]:
    """The step modules, imported on first use (``import dyadline`` stays cheap) and then held,
    so that each article does not pay for the imports again."""
    from . import coref, phrases
    from .dictionary import load_dictionary
    from .matcher import find_hits

    return coref, load_dictionary, find_hits, phrases


def resolve_actor(text: str, date: str | None = None, context: str | None = None) -> Actor:
    """Resolve one actor string (`dyadline actor "TEXT"`); `context` is an optional sentence to help.
    Unknown -> Actor(code=None, confidence=0.0)."""
    from ..text import segment

    text = (text or "").strip()
    if not text:
        return Actor(None, confidence=0.0)
    where = context.find(text) if context else -1
    if context and where >= 0:
        source, start, end = context, where, where + len(text)
    else:
        source, start, end = (f"{context} {text}" if context else text), 0, len(text)
        if context:
            start = len(context) + 1
            end = start + len(text)
    mentions = [m for m in find_mentions(segment(source), date) if m.start < end and m.end > start]
    if not mentions:
        return Actor(None, confidence=0.0)
    best = max(mentions, key=lambda m: (min(m.end, end) - max(m.start, start), m.actor.code is not None))
    return best.actor
