"""Coreference within one article: later mentions take the actor of the earlier one they refer to.

News text introduces a person in full ("Iranian President Masoud Pezeshkian") and then shortens:
a bare surname ("Pezeshkian", "Kim's support"), a title ("the president", "President
Pezeshkian") or a pronoun in subject position ("He will participate").  Three rules, applied in
text order, each cheap:

1. a name or a title-with-name without nationality takes the actor of the latest earlier person
   mention with the same surname; a singular title without nationality ("the president") takes
   the latest earlier person who held that role;
2. a capitalised token that is the surname of an earlier person mention, but not a dictionary
   entry on its own ("Kim", "May"), becomes a person mention of that person;
3. "he"/"she" (nominative, so a subject) outside quotations takes the first compatible person
   mention of its own sentence before it, else of the nearest earlier sentence (within three)
   that has one; "they" takes the nearest plural agent with a country in the same or previous
   sentence.  An unresolved pronoun is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Container
from itertools import compress
from operator import attrgetter, itemgetter

from ..model import Actor
from ..text.segment import Token
from .dictionary import INTERNATIONAL
from .phrases import NAME_STOP, Found, stack

_QUOTED = re.compile(r"\u201c[^\u201d]{0,3000}\u201d|\"[^\"\n]{0,3000}\"")
_PRONOUNS = {"he": "m", "she": "f", "they": ""}
_LOOKBACK = 3
_LOWER = itemgetter(Token._fields.index("lower"))  # segment's tokens are NamedTuples
_START = attrgetter("start")


def _indexes_of(tokens: list, words: Container[str], lowers: list[str] | None = None) -> list[int]:
    """Indexes of the tokens whose lower-case form is one of ``words``: the scan runs in C
    (map/compress), so the thousands of other tokens of an article cost no Python step.
    ``lowers``: the tokens' lower-case forms when the document has them listed already."""
    return list(compress(range(len(tokens)), map(words.__contains__, lowers or map(_LOWER, tokens))))


def _copy(actor: Actor, factor: float) -> Actor:
    """The actor with its confidence scaled (built directly: ``dataclasses.replace`` is slow)."""
    return Actor(actor.code, actor.sector, actor.cameo, actor.name, round(actor.confidence * factor, 3))


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Quotation spans, sorted and non-overlapping (as finditer returns them)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    k = bisect_right(ranges, (offset, len_max)) - 1
    return k >= 0 and ranges[k][0] < offset < ranges[k][1]


len_max = 1 << 62


def link_names_and_titles(found: list[Found]) -> None:
    """Rule 1, in place: bare names and bare titles take an earlier mention's actor."""
    seen: list[Found] = []
    for f in found:
        if f.kind == "person" and f.bare:
            for a in reversed(seen):
                if f.first and f.first not in a.actor.name.lower().split():
                    continue  # "Brian Fallon" after "Michael Fallon": another person
                if a.keys & f.keys and a.actor.code is not None:
                    f.actor, f.roles, f.gender = _copy(a.actor, 1.0), a.roles, a.gender or f.gender
                    f.keys = a.keys | f.keys
                    break
        elif f.wants_role:
            for a in reversed(seen):
                if f.wants_role in a.roles and a.actor.code is not None:
                    f.actor, f.roles, f.gender, f.keys = _copy(a.actor, 0.9), a.roles, a.gender, a.keys
                    f.individual = True
                    break
        if f.individual and (f.actor.code is not None or f.keys):
            seen.append(f)


def link_owners(found: list[Found], sentences: list) -> None:
    """'the Iranian people ... their government': a possessive pronoun before an agent takes the
    country of the nearest earlier mention with one, in the same sentence or the one before it
    ('his'/'her' only a person's, 'its'/'their' only a state's, group's or organisation's)."""
    for index, f in enumerate(found):
        if not f.wants_owner:
            continue
        personal = f.wants_owner in ("his", "her")
        sentence = _sentence_of(f.start, sentences)
        for a in reversed(found[max(0, index - 8):index]):
            if _sentence_of(a.start, sentences) < sentence - 1:
                break
            if a.actor.code is None or (a.individual != personal) or a.kind == "capital":
                continue
            code = a.actor.code
            sector = f.actor.sector
            base = a.actor.cameo if code in INTERNATIONAL else None
            name = a.actor.name if code in INTERNATIONAL else ""
            f.actor = Actor(code, sector, stack(code, sector, base), name, 0.6)
            break
        f.wants_owner = ""


def _surname_keys(found: list[Found]) -> set[str]:
    return {key for f in found if f.individual and f.kind == "person" for key in f.keys}


def candidate_tokens(found: list[Found], tokens: list, lowers: list[str] | None = None) -> list[int]:
    """Indexes of the tokens rules 2 and 3 look at (surnames of person mentions, he/she/they),
    found in one scan of the tokens for both; pass them to :func:`link_surnames` and
    :func:`link_pronouns` (after rule 1, which may add surnames).  ``lowers``: the document's
    lower-case forms (:meth:`~dyadline.text.segment.TextDoc.lowers`)."""
    return _indexes_of(tokens, _surname_keys(found) | _PRONOUNS.keys(), lowers)


def link_surnames(found: list[Found], tokens: list, candidates: list[int] | None = None) -> list[Found]:
    """Rule 2: later bare surnames of earlier person mentions that the dictionary does not list alone.
    ``candidates``: token indexes from :func:`candidate_tokens` (found here when not given)."""
    extra: list[Found] = []
    every_key = _surname_keys(found)
    if not every_key:
        return extra
    if candidates is None:
        candidates = _indexes_of(tokens, every_key)
    else:
        candidates = [index for index in candidates if tokens[index].lower in every_key]
    known: dict[str, Found] = {}
    order = sorted(found, key=lambda f: f.start)
    k = 0
    covered_until = -1
    for index in candidates:
        tok = tokens[index]
        while k < len(order) and order[k].start <= tok.start:
            f = order[k]
            covered_until = max(covered_until, f.end)
            if f.individual and f.kind == "person" and f.actor.code is not None:
                for key in f.keys:
                    known[key] = f
            k += 1
        if tok.start < covered_until or not tok.text[:1].isupper() or tok.text in NAME_STOP:
            continue
        antecedent = known.get(tok.lower)
        if antecedent is None:
            continue
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.text[:1].isupper() and nxt.text.isalpha():
            continue  # "Kim Yo Jong": another full name, not a later "Kim"
        extra.append(Found(tok.start, tok.end, "person", _copy(antecedent.actor, 0.9), antecedent.roles,
                           antecedent.keys, antecedent.gender, individual=True))
    return extra


def _sentence_of(offset: int, sentences: list) -> int:
    """Index of the last sentence that starts at or before ``offset`` (0 if none)."""
    return max(bisect_right(sentences, offset, key=_START) - 1, 0)


def link_pronouns(found: list[Found], tokens: list, text: str, sentences: list,
                  candidates: list[int] | None = None) -> list[Found]:
    """Rule 3: he/she/they in subject position, resolved to an earlier mention or left out.
    ``candidates``: token indexes from :func:`candidate_tokens` (found here when not given)."""
    quoted = _quoted_ranges(text)
    people = sorted((f for f in found if f.individual and f.actor.code is not None), key=lambda f: f.start)
    groups = sorted((f for f in found if f.plural and f.kind == "agent" and f.actor.code is not None),
                    key=lambda f: f.start)
    sentence_of = {id(f): _sentence_of(f.start, sentences) for f in people + groups}
    out: list[Found] = []
    for index in _indexes_of(tokens, _PRONOUNS) if candidates is None else candidates:
        tok = tokens[index]
        gender = _PRONOUNS.get(tok.lower)
        if gender is None or _inside(tok.start, quoted):
            continue
        if tok.lower == "they":
            pool = [g for g in groups if g.end <= tok.start and sentence_of[id(g)] >= tok.sent - 1]
            if pool:
                g = pool[-1]
                out.append(Found(tok.start, tok.end, "pronoun", _copy(g.actor, 0.6), plural=True))
            continue
        pool = []
        for p in reversed(people):  # latest first; stop beyond the look-back window
            if p.end > tok.start:
                continue
            if sentence_of[id(p)] < tok.sent - _LOOKBACK:
                break
            if not p.gender or p.gender == gender:
                pool.append(p)
        pool.reverse()
        antecedent = _pick(pool, tok.sent, sentence_of, quoted)
        if antecedent is not None:
            resolved = Found(tok.start, tok.end, "pronoun", _copy(antecedent.actor, 0.8), antecedent.roles,
                             antecedent.keys, antecedent.gender or gender, individual=True)
            out.append(resolved)
            insort(people, resolved, key=_START)  # after any mention with the same start, as a stable sort
            sentence_of[id(resolved)] = tok.sent
    return out


def _pick(pool: list[Found], sent: int, sentence_of: dict[int, int],
          quoted: list[tuple[int, int]]) -> Found | None:
    """The first mention of the nearest sentence with candidates, preferring those outside quotes."""
    for s in range(sent, sent - _LOOKBACK - 1, -1):
        here = [p for p in pool if sentence_of[id(p)] == s]
        if here:
            outside = [p for p in here if not _inside(p.start, quoted)]
            return (outside or here)[0]
    return None
