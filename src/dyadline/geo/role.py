"""What a place name does in its sentence, and which place an event happens in.

``actor``: a country or a capital standing for its government, as the subject of a verb of
saying or acting ("Moscow said", "Tehran has rejected", "Washington and Seoul signed", "which
Russia denies", "a campaign by Turkey"), as the object of a verb of acting on states
("accuses Russia", "urged Iran"), after a political noun and "from"/"by" ("sanctions from the
US") or as a possessor ("Moscow's protection").
``location``: where something happens: after a locative preposition ("in Moscow"), before an
event noun ("This Moscow visit"), or in the dateline.  ``other`` otherwise ("ties with Iran").
"""

from __future__ import annotations

from ..model import Place
from ..text import TextDoc
from .cues import cues
from .gazetteer import COUNTRY, Entry
from .match import Match

#: words of the actor-verb list that do not take a state as their object
_NOT_TRANSITIVE = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would",
                             "could", "should", "may", "might", "must", "can", "does", "did",
                             "cannot", "also", "again", "officially", "reportedly", "quickly",
                             "then", "now", "still", "already", "said", "says", "say", "saying",
                             "stated", "states", "announced", "announces", "declared", "declares",
                             "claimed", "claims", "insisted", "insists", "argued", "argues",
                             "believes", "believed", "warned", "warns", "added", "responded",
                             "responds", "retaliated", "agreed", "agrees", "vowed", "vows",
                             "hopes", "hoped", "plans", "planned", "intends", "intended",
                             "returned", "left", "arrived", "met", "meets", "visited", "hosted",
                             "hosts", "entered", "reached", "remains", "remained", "became",
                             "becomes", "continues", "continued", "began", "begins", "started",
                             "starts", "voted", "votes", "protested", "protests", "objected",
                             "objects", "pressed", "presses", "stressed", "stresses", "expressed",
                             "expresses", "reiterated", "reiterates", "contends", "contended",
                             "needs", "needed", "faces", "faced", "tested", "tests", "test-fired"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_MAX_COMPOUND = 6  # tokens of "and Tehran" / ", Beijing and Moscow" to look past


def role_of(doc: TextDoc, match: Match, entry: Entry) -> str:
    """``location``, ``actor`` or ``other`` for a resolved match (see the module docstring)."""
    cue = cues()
    tokens = doc.tokens
    first, stop = doc.sentence_tokens[tokens[match.first].sent]
    if match.start < doc.dateline_end:
        return "location"
    if match.preposition in ("from", "by") and (entry.feature == COUNTRY or entry.capital):
        at = match.first - 1  # the preposition, or an article after it
        if at > first and tokens[at].lower in ("the", "a", "an"):
            at -= 1
        if at > first and tokens[at - 1].lower in cue.political_nouns:
            return "actor"  # "sanctions from the US": the state acting, not a place
    if match.preposition:
        return "location"
    nxt = tokens[match.last] if match.last < stop else None
    if nxt is not None and nxt.lower in cue.event_nouns:
        return "location"
    if nxt is not None and nxt.text == "-" and match.last + 1 < stop:
        if tokens[match.last + 1].lower in ("based", "born", "area"):
            return "other"
    if entry.feature == COUNTRY or entry.capital:
        # walk back over a conjunction of names ("Washington and Seoul", "Russia, China and
        # Iran") to what opens it: a preposition there ("between Russia and Iran") means no subject
        b = match.first - 1
        while b >= first and (tokens[b].lower in ("and", ",")
                              or (tokens[b].text[:1].isupper() and tokens[b].text[:1].isalpha())):
            if tokens[b].lower in ("and", ",") and b > first and not tokens[b - 1].text[:1].isupper():
                break  # "diplomats and Russia has ordered": a new clause, not a list of names
            b -= 1
        prev = tokens[b] if b >= first else None
        if nxt is not None and nxt.lower in _POSSESSIVE and (prev is None or prev.lower not in
                                                             cue.locative_prepositions):
            return "actor"  # "Moscow's protection", "Britain's view": the state as a whole
        before = tokens[match.first - 1] if match.first > first else None
        if before is not None and before.lower in cue.actor_verbs \
                and before.lower not in _NOT_TRANSITIVE:
            return "actor"  # the object of a political verb: "accuses Russia", "urged Iran"
        if prev is None or prev.lower in cue.subject_openers:
            j = match.last
            limit = min(stop, match.last + _MAX_COMPOUND)
            while j < limit:
                tok = tokens[j]
                if tok.lower in ("and", ",", "\u201d", "\"", "'", ")"):
                    j += 1
                    continue
                if tok.text[:1].isupper() and tok.text[:1].isalpha():
                    j += 1
                    continue
                break
            if j < stop and tokens[j].lower in cue.actor_verbs:
                return "actor"
    return "other"


def event_location(doc: TextDoc, places: list[Place], sentence_index: int, trigger_start: int,
                   trigger_end: int) -> Place | None:
    """The ``location``-role place of the sentence nearest the trigger, preferring one that an
    event preposition (in/at/near...) introduces after the trigger; a place that a clause
    boundary ("since", "which", ...) separates from the trigger belongs to another clause and is
    never chosen; a place in the dateline comes last.  None when
    the sentence names no location."""
    if not 0 <= sentence_index < len(doc.sentences):
        raise IndexError(f"sentence {sentence_index} not in a document of {len(doc.sentences)}")
    sentence = doc.sentences[sentence_index]
    cue = cues()
    first, stop = doc.sentence_tokens[sentence_index]
    tokens = doc.tokens
    trig_first = doc.token_at(trigger_start)
    trig_last = doc.token_at(max(trigger_start, trigger_end - 1))
    if trig_first is None or trig_last is None:
        trig_first = trig_last = first
    best: tuple[float, Place] | None = None
    for place in places:
        if place.role != "location" or not sentence.start <= place.start < sentence.end:
            continue
        at = doc.token_at(place.start)
        if at is None:
            continue
        prev = tokens[at - 1].lower if at > first else ""
        if prev in ("the", "a", "an") and at - 1 > first:
            prev = tokens[at - 2].lower
        if place.start < doc.dateline_end:
            cost = 1000.0
        elif at > trig_last:
            cost = float(at - trig_last)
            if any(tokens[t].lower in cue.clause_boundaries for t in range(trig_last + 1, at)):
                continue  # the place belongs to another clause
        else:
            cost = 2.0 * (trig_first - at) + 20.0
            if at - first <= 2 and prev in cue.event_prepositions:
                cost -= 15.0  # "In Pyongyang, Putin met Kim": the whole sentence happens there
        if prev not in cue.event_prepositions:
            cost += 5.0
        if best is None or cost < best[0]:
            best = (cost, place)
    return best[1] if best else None
