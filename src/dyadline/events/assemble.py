"""Event assembly: from lexicon matches and clause roles to coded, traceable Event records.

For every sentence (the title excepted: it repeats the lead) the lexicon phrases are found,
the clause analysis fills source and target, and each (source, target) pair becomes one
Event with its CAMEO/PLOVER code, modality, negation, date, place, confidence and evidence.
"""

from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from typing import Callable, Sequence, TypeVar

from ..model import Event, EventCode, EventDate, Mention, Place, Sentence, Span, TimeExpression
from ..ontology import event_code
from ..text import TextDoc, Token
from . import arguments, clauses
from .clauses import Roles, SentenceView
from .lexicon import Lexicon, Match, Words

#: PLOVER types whose future-tense mentions are coded as AGREE (intent), per the PLOVER manual.
FUTURE_AS_INTENT = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
#: CAMEO also has intents to yield (035x): future concessions and retreats are coded so.
FUTURE_AS_INTENT_CAMEO = FUTURE_AS_INTENT | {"CONCEDE", "RETREAT"}
_BASE_CONFIDENCE = 0.9
_SENT = itemgetter(Token._fields.index("sent"))  # segment's tokens are NamedTuples

LocateEvent = Callable[[TextDoc, list[Place], int, int, int], "Place | None"]


@lru_cache(maxsize=None)
def _prefix_table(name: str, column: str) -> dict[str, str]:
    """``prefix`` -> ``column`` of the data file ``name`` (future_intent.tsv, refusal.tsv)."""
    path = resources.files(__package__) / "data" / name
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["prefix"]: row[column] for row in rows}


def _longest_prefix(table: dict[str, str], cameo: str) -> str | None:
    """The value of the longest key of ``table`` that begins ``cameo`` (two digits at least):
    the data files map a CAMEO root or a more specific code, the most specific wins."""
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None


def refusal_code(cameo: str) -> str | None:
    """The CAMEO 12x code for refusing the cooperative act ``cameo`` (longest prefix), or None."""
    return _longest_prefix(_prefix_table("refusal.tsv", "refusal"), cameo)


def intent_code(cameo: str) -> str | None:
    """The CAMEO 03x code for the intent to do ``cameo`` (longest prefix), or None."""
    return _longest_prefix(_prefix_table("future_intent.tsv", "intent"), cameo)


@dataclass
class _Candidate:
    match: Match
    roles: Roles
    trigger: Span
    group_start: int


def _select_matches(view: SentenceView, found: list[Match]) -> list[Match]:
    """Keep one reading per head and drop matches the context rules out."""
    by_head: dict[int, list[Match]] = {}
    for match in found:
        by_head.setdefault(match.head, []).append(match)
    covered = {w for m in found for w in m.words if w != m.head}
    chosen: list[Match] = []
    for head, readings in sorted(by_head.items()):
        if head in view.mention_at:  # inside an actor's name ("Council of Resistance")
            continue
        if head == view.first and view.low(head) in clauses.INTRODUCERS | {"according"}:
            continue  # "Facing sanctions ...", "According to ...": an introduction, not an event
        if view.low(head) == "according" and view.low(head + 1) == "to":
            continue
        if head in covered and not any(m.head == head and len(m.words) > 1 for m in readings):
            # part of a longer phrase ("sanctions" in "impose sanctions"), unless it heads its own
            continue
        noun_preps = next((m.entry.target for m in readings if m.entry.noun), ())
        noun_use = clauses.looks_like_noun_use(view, head, noun_preps)
        preferred = [m for m in readings if m.entry.noun == noun_use] or \
                    [m for m in readings if not m.entry.noun and not noun_use]
        if not preferred:
            continue
        if len(preferred) > 1 and any(m.entry.mutual for m in preferred) and \
                not all(m.entry.mutual for m in preferred):
            # PETRARCH's "% AGREE [030:030]" beside "AGREE [081]": the mutual reading is the one
            # meant when the subject is compound ("X and Y agree"), the other one otherwise
            compound = _compound_subject(view, head)
            preferred = [m for m in preferred if m.entry.mutual == compound] or preferred
        chosen.append(preferred[0])
    # catenative verbs hand over to the verb they introduce: "vowed to strengthen ties"
    heads = {m.head for m in chosen}
    result = []
    for match in chosen:
        if match.entry.discard:
            continue
        nxt = match.end
        if view.low(nxt) == "to" and (nxt + 1) in heads and view.low(match.head) in clauses.INTENT | clauses.REFUSAL:
            continue
        if view.low(nxt - 1) == "to" and nxt in heads and view.low(match.head) in clauses.INTENT | clauses.REFUSAL:
            continue
        if nxt == match.head + 1 and view.low(nxt) == "to" and view.low(match.head) in clauses.INTENT and \
                _after_be(clauses.verb_group_start(view, match.head)[1]):
            continue  # "the leaders are expected to address ...": a raised subject, no expecting event
        result.append(match)
    return result


def _after_be(group_words: list[str]) -> bool:
    """Whether the verb group's nearest word, adverbs aside, is a form of "be" ("are widely expected")."""
    nearest = next((w for w in group_words if not w.endswith("ly")), "")
    return nearest in clauses.BE


def _compound_subject(view: SentenceView, head: int) -> bool:
    """Whether the verb at ``head`` has a compound subject ("Russia and Iran agree")."""
    group_start, _ = clauses.verb_group_start(view, head)
    subject, _, _ = clauses.find_subject(view, group_start, None, head)
    return len(subject) > 1


def sentence_events(doc: TextDoc, sentence_index: int, mentions: list[Mention], lexicon: Lexicon,
                    places: Sequence[Place] = (), unknown_actors: bool = True,
                    words: Words | None = None) -> list[_Candidate]:
    """Role-filled candidates for every lexicon phrase of one sentence (``words``: the
    lexicon's reading of the whole article, see :meth:`Lexicon.read`)."""
    first, last = doc.sentence_tokens[sentence_index]
    found = lexicon.matches(doc.tokens, first, last, words)
    if not any(not m.entry.discard for m in found):
        return []  # most sentences: no phrase of the lexicon, no clause analysis needed
    view = SentenceView(doc, sentence_index, mentions, [(p.start, p.end) for p in places],
                        unknown_actors=unknown_actors)
    if not view.mentions:
        return []  # no actor, not even an unknown name: no rule can fill a role
    matches = _select_matches(view, found)
    candidates: list[_Candidate] = []
    previous_subject: list[int] | None = None
    previous_targets: list[int] = []
    opening = [view.low(view.first)]
    for match in matches:
        roles = Roles()
        phrase_target: Mention | None = None
        phrase_targets: list[Mention] = []  # the members of an oblique party ("both Libya and Iraq")
        conjunct_stop: int | None = None  # the clause end, for an active verb's further object members
        if match.entry.noun:
            sources, targets, how, penalty = clauses.nominal_roles(view, match)
            if not sources:
                continue
            roles.how = [f"noun '{match.entry.text}'"] + how
            roles.penalty = penalty
            group_start = match.head
            group_words: list[str] = []
            source_bounds = (view.first, view.last)
            target_bounds = (match.end, view.last)
        else:
            group_start, group_words = clauses.verb_group_start(view, match.head)
            subject, how, penalty = clauses.find_subject(view, group_start, previous_subject, match.head)
            passive = clauses.is_passive(view, match, group_words)
            if not subject and not passive:
                continue  # an active verb without a subject codes nothing: no target search (speed)
            roles.modality, roles.negated = clauses.modality_of(group_words, opening)
            roles.refusal = roles.negated and (roles.modality == "future" or
                                               any(w in clauses.REFUSAL for w in group_words))
            stop = clauses.clause_end(view, match.end)
            source_bounds, target_bounds = (view.first, group_start), (match.end, stop)
            if passive:
                source_bounds, target_bounds = (match.end, view.last), (view.first, group_start)
                sources = clauses.agent_after_by(view, match)
                targets = subject
                roles.how = ["passive: source after 'by', target is the subject"] if sources else \
                    ["passive without an agent: no source named, target is the subject"]
                roles.penalty = 0.05 if sources else 0.2
                agentless = not sources and bool(targets)  # coded with a null source
            else:
                agentless = False
                sources = subject
                conjunct_stop = stop
                targets, target_how, target_penalty = clauses.find_target(view, match, stop)
                roles.how = [f"source by {how} rule"] if how else []
                if target_how:
                    roles.how.append(target_how)
                roles.penalty = penalty + target_penalty
                if not targets and how.startswith("participle") and match.entry.symmetric and previous_targets:
                    targets = previous_targets  # "met Kim ..., signing a pact": the same partner
                    roles.how.append("target: partner of the main clause")
                    roles.penalty += 0.05
                    roles.inherited = True
                if sources and not targets and (match.entry.target or match.entry.origin == "verbs.tsv"):
                    unattached = _unattached_actor(view, sources, match, stop) if match.entry.target else ""
                    # PETRARCH patterns mark the target by position: an actor left in the
                    # clause is the one the pattern meant, so no event rather than a target-less one
                    if unattached == "veto" or (unattached and match.entry.origin != "verbs.tsv"):
                        continue  # the clause names a partner we could not attach: better no event
                    found = None
                    inside = _compound_inside(view, match) if match.entry.origin == "verbs.tsv" else []
                    if inside:  # "rejected the Iraqi and Turkish demands": one event per member
                        targets = inside
                        target_bounds = (match.head + 1, max(match.words))
                        roles.how.append("target: the actors inside the pattern's phrase")
                        roles.penalty += 0.05
                    elif match.entry.origin == "verbs.tsv":
                        found = _phrase_target(view, match, stop)
                        compound = len(sources) > 1 and (match.entry.symmetric or match.entry.mutual)
                        if not compound and (found is None or found[0].actor.code is None and
                                             not found[0].actor.sector and not _names_something(view, found[0])):
                            # no party in the object: the party the act is aimed at, or its place
                            # past the object phrase; from the trigger on when the phrase came after
                            # a preposition further on ("a request for X's leader on the charge of Y")
                            after_object = found is not None and found[1] == _OBJECT_PHRASE
                            oblique = arguments.oblique_target(
                                view, _token_after(view, found[0]) if after_object else match.end, stop,
                                complement=found is None and match.end == match.head + 1)
                            if oblique is not None:
                                roles.oblique = True
                                phrase_targets, phrase_how = oblique
                                found = phrase_targets[0], phrase_how
                            elif after_object and "to" in match.entry.target:
                                # "returned a Bible to its owners": the recipient, not the thing given
                                recipient = arguments.recipient_phrase(view, _token_after(view, found[0]), stop)
                                if recipient is not None:
                                    found = recipient, "target: the recipient after 'to'"
                    if found is not None:
                        phrase_target, phrase_how = found
                        roles.how.append(phrase_how)
                        # an oblique party costs what no target costs: the event's rank is unchanged
                        roles.penalty += 0.1 if roles.oblique or phrase_target.actor.code is None and \
                            not phrase_target.actor.sector else 0.05
                    elif unattached:
                        roles.how.append("the clause names another actor, not attached as target")
            if subject and not agentless:
                previous_subject, previous_targets = subject, targets if not match.entry.noun else []
            if not sources and not agentless:
                continue
        trigger_words = (min(group_start, match.head), match.end)
        distant = any(word in rule for rule in roles.how[:1] for word in _DISTANT_RULES)
        # a subject found away from the verb may be followed by its own verb ("Amnesty put out a
        # report accusing"): plain words after it join it only after an agent or a demonym
        roles.sources = [_argument(view, k, source_bounds, trigger_words,
                                   not distant or view.mentions[k].kind in ("agent", "demonym")) for k in sources]
        # a noun's target may be followed by a verb ("sanctions on Iran hurt"), unless the noun is
        # itself a verb's object ("launched attacks on Armenian state websites"): that verb came first
        nouns = not match.entry.noun or any(h.endswith(_OBJECT_NOUN) for h in roles.how)
        roles.targets = [_argument(view, k, target_bounds, trigger_words, nouns) for k in targets]
        if phrase_targets:
            roles.targets = phrase_targets
        elif phrase_target is not None:
            roles.targets = [phrase_target]
        if conjunct_stop is not None and roles.targets and doc.text.startswith(_AND_AFTER, roles.targets[-1].end):
            # "attacked the airport of Abha and the military base": each member is a target
            roles.targets = roles.targets + arguments.conjunct_targets(
                view, _token_after(view, roles.targets[-1]), conjunct_stop)
        first_token = doc.tokens[group_start if group_start < match.head else match.head]
        while first_token.lower.endswith("ly") and first_token.i < match.head:
            first_token = doc.tokens[first_token.i + 1]
        last_token = doc.tokens[match.end - 1] if match.slot is None else doc.tokens[max(match.words)]
        trigger = Span(doc.text[first_token.start:last_token.end], first_token.start, last_token.end)
        candidates.append(_Candidate(match, roles, trigger, group_start))
    return candidates


#: Subject rules that find the subject away from the verb group.
_DISTANT_RULES = ("sentence", "participle", "coordinated", "main clause", "pronoun")


def _compound_inside(view: SentenceView, match: Match) -> list[int]:
    """The members of a compound of actors inside a pattern's gap ("rejected **the Iraqi and
    Turkish** demands"), when there are two or more; else nothing.

    Why: a gap may cross "and" between two modifiers, and the single phrase :func:`_phrase_target`
    gives would keep the first member only; each member is a target, as after the verb."""
    if match.slot is not None:
        return []
    words = set(match.words)
    last = max(words)
    for i in range(match.head + 1, last):
        k = view.mention_start.get(i)
        if i not in words and k is not None and view.is_actor(k):
            members = clauses._compound_right(view, k, last)
            return members if len(members) > 1 else []
    return []


def _phrase_target(view: SentenceView, match: Match, stop: int) -> tuple[Mention, str] | None:
    """The phrase that fills the target role when no actor opens it (arguments.object_phrase):
    an actor inside the pattern's own words ("rejected **the Iraqi government's** demand",
    "summoned **the Chinese ambassador**", also for a phrase that names no target), the
    object, or the phrase after the entry's preposition."""
    entry = match.entry
    if match.slot is not None:
        return None
    words = set(match.words)
    for i in range(match.head + 1, max(words)):
        k = view.mention_start.get(i)
        if i not in words and k is not None and view.is_actor(k):
            gap = match.head + 1
            while gap in words:
                gap += 1
            found = arguments.object_phrase(view, gap, stop)
            if found is not None and found.actor.code is not None:
                return found, "target: the actor inside the pattern's phrase"
            break
    if not entry.target:
        return None  # a phrase that names no target ("declared a ceasefire")
    if "obj" in entry.target or (entry.symmetric and not entry.noun):
        found = arguments.object_phrase(view, match.end, stop)
        if found is not None:
            return found, _OBJECT_PHRASE
    preps = set(entry.target) - {"obj"}
    for j in range(match.end, min(stop, match.end + 12)):
        low = view.low(j)
        if low in preps:
            if low == "to" and arguments.infinitive_at(view, j + 1):
                return None  # "to address the needs": a purpose clause, not a phrase after "to"
            found = arguments.object_phrase(view, j + 1, stop)
            return (found, f"target: the phrase after '{low}'") if found is not None else None
        if low in (",", ";") or low in clauses.SPEECH:
            break
    return None


_OBJECT_PHRASE = "target: the object phrase"
#: What follows a target that a further member of a coordinated object follows (a cheap gate).
_AND_AFTER = (" and ", ", and ")
#: The end of the rule that finds a noun's source as the subject of the verb whose object it is.
_OBJECT_NOUN = "the verb whose object the noun is"


def _names_something(view: SentenceView, mention: Mention) -> bool:
    """Whether an uncoded phrase's head holds a capitalised word ("the Golan Heights", "the
    Catumbela air base"): it names its referent, so it stays the target.  A name in a phrase
    after the head does not count ("a sculpture of Emperor Marcus Aurelius")."""
    tokens = view.tokens
    for i in range(bisect_left(view.doc.token_starts(), mention.start), _token_after(view, mention)):
        if tokens[i].lower in _LINKS:
            return False
        if tokens[i].is_upper_initial:
            return True
    return False


#: Prepositions that attach a phrase to the head of an object phrase (arguments.object_phrase).
_LINKS = {"of", "from", "by", "in"}


def _token_after(view: SentenceView, mention: Mention) -> int:
    """The index of the first token after a mention (its characters end before that token)."""
    return bisect_left(view.doc.token_starts(), mention.end)


def _argument(view: SentenceView, k: int, bounds: tuple[int, int], trigger: tuple[int, int],
              nouns: bool = True) -> Mention:
    """The role's mention grown to its argument phrase, never across the trigger's words."""
    lo, hi = bounds
    first, end = view.mention_tokens[k]
    if end <= trigger[0]:
        hi = min(hi, trigger[0])
    elif first >= trigger[1]:
        lo = max(lo, trigger[1])
    # a description in apposition belongs to a subject ("Abbas, the Palestinian president, said"),
    # not to a phrase after the verb ("shell Haifa, Israel's third largest city, if ...")
    return arguments.widen(view, k, lo, hi, nouns, descriptions=end <= trigger[0])


_ORIGIN_WORDS = {"from", "by", "against", "on", "with", "of"}


def _introduced_by(doc: TextDoc, place: Place, words: set[str]) -> bool:
    """True when the word before the place name (skipping "the") is one of ``words``."""
    index = doc.token_at(place.start)
    if index is None:
        return False
    index -= 1
    if index >= 0 and doc.tokens[index].lower == "the":
        index -= 1
    return index >= 0 and doc.tokens[index].lower in words


def _overlaps(place: Place, *mentions: Mention | None) -> bool:
    return any(m is not None and m.start < place.end and place.start < m.end for m in mentions)


def _unattached_actor(view: SentenceView, sources: list[int], match: Match, stop: int) -> str:
    """Whether the clause holds an actor (or a relative pronoun) the target rules did not attach.

    "veto" where the clause's structure says that actor is the event's partner but out of the
    rules' reach: a relative pronoun before the subject ("a partner with whom Russia is
    developing cooperation") or the agent of a participle ("cut off support provided by
    countries like Iran"), so that a target-less event would misreport the dyad; "other" for
    any other actor of the clause (a place, a beneficiary, a topic: "promised support for the
    Afghan government's efforts"), where the event stands with its source alone (the quad
    suite: 223 of the 729 sentences left uncoded were so); "" for none.
    """
    first = view.mention_tokens[sources[0]][0]
    if view.low(first - 1) in ("whom", "which") or view.low(first - 2) in ("whom", "which"):
        return "veto"
    found = ""
    for j in range(match.end, stop):
        k = view.mention_start.get(j)
        if k is not None and view.is_actor(k) and k not in sources:
            if _in_agent_phrase(view, j):
                return "veto"
            found = "other"
    return found


def _in_agent_phrase(view: SentenceView, j: int) -> bool:
    """Whether the actor starting at token j stands in a "by" phrase: "by Iran", "by countries
    like Iran" (up to four words back, not across a comma)."""
    for i in range(j - 1, max(view.first, j - 5) - 1, -1):
        low = view.low(i)
        if low == "by":
            return True
        if low in (",", ";") or low in clauses.PREPOSITIONS and low not in clauses.EXAMPLE_MARKERS:
            return False
    return False


def _code_for(match: Match, modality: str, refusal: bool = False) -> tuple[EventCode, str, bool]:
    """The event code, its evidence note, and whether a stated refusal was coded as a rejection."""
    code = event_code(match.entry.cameo)
    note = f"pattern '{match.entry.text}' ({match.entry.origin}:{match.entry.line}) -> {code.cameo}"
    rejection = refusal_code(code.cameo) if refusal and match.entry.origin == "verbs.tsv" else None
    if rejection:
        note += f"; refusal of {code.plover_event} coded as rejection {rejection} (refusal.tsv)"
        return event_code(rejection), note, True
    if modality == "future" and code.plover_event in FUTURE_AS_INTENT_CAMEO:
        intent = intent_code(code.cameo)
        if intent:
            code = event_code(intent)
            note += f"; future {event_code(match.entry.cameo).plover_event} coded as intent {intent} (AGREE)"
    return code, note, False


def _event_date(doc: TextDoc, sentence: Sentence, trigger: Span, dates: Sequence[TimeExpression],
                article_date: str | None) -> EventDate | None:
    best: TimeExpression | None = None
    best_distance = 10 ** 9
    for expression in dates:
        if expression.start < sentence.start or expression.end > sentence.end:
            continue
        if expression.type not in ("DATE", "TIME") or expression.value.endswith("_REF") or \
                expression.value.startswith("XXXX"):
            continue
        distance = abs(expression.start - trigger.start)
        if distance < best_distance:
            best, best_distance = expression, distance
    if best is not None:
        return EventDate(best.value, best.text, best.start, best.end)
    return EventDate(article_date) if article_date else None


def code_events(doc: TextDoc, article_id: str, article_date: str | None, mentions: list[Mention],
                dates: Sequence[TimeExpression], places: list[Place], lexicon: Lexicon,
                locate: LocateEvent | None = None, unknown_actors: bool = True) -> list[Event]:
    """All events of an article, in text order.

    ``unknown_actors``: whether names no dictionary knows may fill a role, uncoded (the
    default); off where only dictionary actors may (PETRARCH dictionaries in replace mode).
    """
    events: list[Event] = []
    sentence_starts = [sentence.start for sentence in doc.sentences]  # TextDoc.sentence_of, inlined
    by_sentence: dict[int, list[Mention]] = _bucketed(sentence_starts, mentions)
    places_of: dict[int, list[Place]] = _bucketed(sentence_starts, places)  # once: linear in the article
    words = lexicon.read(doc.tokens, 0, doc.lowers())  # the article's words read once, sliced per sentence
    # the sentences where a phrase can start: those of the head tokens (a token's ``sent``, read in C)
    headed = set(map(_SENT, map(doc.tokens.__getitem__, words.heads)))
    dates_of: dict[int, list[TimeExpression]] = _bucketed(sentence_starts, dates)
    for sentence in doc.sentences:
        if sentence.index not in headed:
            continue  # no word of the sentence can start a phrase of the lexicon: no event
        if doc.title_end and sentence.end <= doc.title_end:
            continue  # the title repeats the lead; coding it would count each event twice
        sentence_mentions = by_sentence.get(sentence.index, [])
        seen: set[tuple[int, int, int, int, str, str, str]] = set()
        number = 0
        sentence_places = places_of.get(sentence.index, [])
        if not sentence_mentions and not unknown_actors:
            continue
        for candidate in sentence_events(doc, sentence.index, sentence_mentions, lexicon, sentence_places,
                                         unknown_actors, words):
            roles, match = candidate.roles, candidate.match
            code, note, refused = _code_for(match, roles.modality, roles.refusal)
            negated = roles.negated and not refused  # a refusal is coded as the rejection it is
            modality = "" if refused else roles.modality  # stated now, whatever the tense
            reverse = not roles.inherited and not roles.oblique and not roles.negated
            pairs = _pairs(roles, match.entry.symmetric and reverse,
                           match.entry.symmetric or match.entry.mutual)
            location = locate(doc, sentence_places, sentence.index, candidate.trigger.start,
                              candidate.trigger.end) if locate and sentence_places else None
            if location is not None and _introduced_by(doc, location, _ORIGIN_WORDS):
                location = None  # "sanctions from the US": an origin, not where the event happens
            date = _event_date(doc, sentence, candidate.trigger, dates_of.get(sentence.index, ()), article_date)
            if match.entry.reverse and not roles.negated:  # PETRARCH [A:B]: the target does B
                reverse_code = event_code(match.entry.reverse)
                pairs += [(t, s, [f"reverse event {reverse_code.cameo} of the pattern"], 0.1, reverse_code)
                          for s, t, _, _, _ in list(pairs) if t is not None]
            for source, target, extra, penalty, pair_code in pairs:
                code_here = pair_code or code
                if location is not None and _overlaps(location, source, target):
                    location = None  # "sanctions from the US": an actor of the event is not its place
                key = (source.start if source else -1, source.end if source else -1,
                       target.start if target else -1,
                       target.end if target else -1, code_here.cameo,
                       source.actor.cameo if source else "", target.actor.cameo if target else "")
                if key in seen:
                    continue
                seen.add(key)
                confidence = _BASE_CONFIDENCE - roles.penalty - penalty
                if roles.modality == "hypothetical":
                    confidence -= 0.2
                if source is not None and source.kind == "pronoun":
                    confidence -= 0.1
                evidence = "; ".join([note] + roles.how + extra +
                                     (["negated"] if negated else []) +
                                     ([f"modality {modality}"] if modality else []))
                events.append(Event(
                    id=f"{article_id}:{sentence.index}:{number}", sentence=sentence,
                    source=source, target=target, code=code_here, trigger=candidate.trigger, date=date,
                    location=location, negated=negated, modality=modality,
                    confidence=max(0.05, min(0.99, confidence)), evidence=evidence))
                number += 1
    return events


#: Anything with a character ``start`` (a mention, a place, a time expression).
_Located = TypeVar("_Located", Mention, Place, TimeExpression)


def _bucketed(sentence_starts: list[int], items: Sequence[_Located]) -> dict[int, list[_Located]]:
    """Items by the index of the sentence their start falls in (as ``TextDoc.sentence_of``)."""
    buckets: dict[int, list[_Located]] = {}
    for item in items:
        index = bisect_right(sentence_starts, item.start) - 1
        buckets.setdefault(index if index > 0 else 0, []).append(item)
    return buckets


def _pairs(roles: Roles, symmetric: bool, mutual: bool) -> list[tuple[Mention, Mention | None, list[str], float, EventCode | None]]:
    """(source, target, evidence, confidence penalty) for each event a role set stands for.

    ``symmetric``: a partner named as target does it too (meetings, signings "with" X);
    ``mutual``: members of a compound subject do it to each other ("Russia and Iran met").
    """
    pairs: list[tuple[Mention, Mention | None, list[str], float, EventCode | None]] = []
    sources, targets = _each_actor(roles.sources), _each_actor(roles.targets)
    if targets and sources:
        for source in sources:
            for target in targets:
                if source.start == target.start:
                    continue
                pairs.append((source, target, [], 0.0, None))
                if symmetric and target.kind != "phrase":
                    pairs.append((target, source, ["symmetric: the partner does it too"], 0.1, None))
    elif not sources:
        for target in targets:
            pairs.append((None, target, [], 0.0, None))  # type: ignore[arg-type]
    elif mutual and len(sources) > 1:
        for source in sources:
            for target in sources:
                if source is not target:
                    pairs.append((source, target, ["symmetric among the compound subject"], 0.0, None))
    else:
        for source in sources:
            pairs.append((source, None, ["no target named"], 0.1, None))
    return pairs


def _each_actor(mentions: list[Mention]) -> list[Mention]:
    """A mention whose code names several actors (PETRARCH's ``[FRO/BIL/SAM]``: "the Shire"
    stands for three hobbits) fills the role once for each of them."""
    for mention in mentions:
        if "/" in mention.actor.cameo:
            break
    else:
        return mentions  # the common case, checked without building anything
    result: list[Mention] = []
    for mention in mentions:
        if "/" not in mention.actor.cameo:
            result.append(mention)
            continue
        for part in dict.fromkeys(p for p in mention.actor.cameo.split("/") if p):
            actor = replace(mention.actor, code=part[:3], sector=part[3:6], cameo=part)
            result.append(replace(mention, actor=actor))
    return result
