"""Clause analysis without a parser: who did it and to whom, negation and modality.

The rules work on tokens and the actor mentions found before this stage.  They are shallow
on purpose (fast, transparent, no trained model) and conservative: a role is filled only
when the actor stands where English grammar puts that role (right before the verb group,
right after the verb or its preposition), because coding nothing is better than coding
nonsense.  Each rule names itself in the ``how`` strings that become an event's evidence.

Rules, in the order they are tried for the source:
  passive      "X was attacked by Y": source Y (after "by"), target X.
  subject      the actor right before the verb group ("Russia and Iran will meet").
  apposition   "Lavrov, Russia's foreign minister, said": skip the commas.
  relative     "Putin, who met Kim, ...", "countries that provide ...": the antecedent.
  coordination "Putin met Kim and signed a pact": the subject of the previous verb.
  participle   "..., signing an aid pact" / "Facing sanctions, Russia ...": the main subject.
For the target: the object after the phrase, the actor after the entry's preposition,
an actor in the pattern's ``+`` slot, compounds with "and", and "countries such as X and Y".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import itemgetter
from typing import Callable, NamedTuple, Sequence

from ..model import Actor, Mention
from ..text import TextDoc, Token
from .lexicon import Match

DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
               "our", "my", "your", "some", "any", "all", "both", "each", "several", "many",
               "other", "another", "such", "no", "two", "three", "four", "five", "new", "further",
               "more", "fresh", "additional", "formal", "first", "joint", "close", "closer", "own"}
PREPOSITIONS = {"of", "in", "on", "at", "for", "with", "from", "to", "by", "against", "about",
                "over", "under", "into", "onto", "between", "among", "after", "before", "during",
                "since", "toward", "towards", "through", "across", "amid", "despite", "without",
                "within", "near", "like", "including", "via", "per", "upon", "than", "around",
                "according", "behind", "inside", "outside", "beyond", "throughout"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "into"}
#: Locative words that aim at a target when a pattern names them ("fired shells at Seoul").
AIMED = {"at", "into"}
BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "’s", "’re"}
HAVE = {"has", "have", "had", "'ve", "’ve", "having"}
FUTURE = {"will", "shall", "'ll", "’ll", "wo"}
HYPOTHETICAL = {"would", "could", "may", "might", "should", "'d", "’d", "can", "ca", "must"}  # "ca": "can't"
NEGATION = {"not", "n't", "never", "’t", "no"}
AUXILIARIES = FUTURE | HYPOTHETICAL | BE | HAVE | NEGATION | {
    "do", "does", "did", "to", "also", "already", "reportedly", "still", "just", "now", "then",
    "again", "jointly", "formally", "officially", "finally", "later", "soon", "recently",
    "previously", "allegedly", "repeatedly", "once", "further", "longer", "even", "only", "yet",
    "ever", "first", "publicly", "openly", "directly", "personally", "separately", "together"}
#: Verbs that take "to" + the coded verb and change its modality ("plans to meet").
INTENT = {"expect", "expected", "expects", "plan", "plans", "planned", "planning", "aim", "aims",
          "aimed", "aiming", "seek", "seeks", "sought", "seeking", "try", "tries", "tried", "trying",
          "attempt", "attempts", "attempted", "want", "wants", "wanted", "intend", "intends",
          "intended", "hope", "hopes", "hoped", "vow", "vows", "vowed", "pledge", "pledges",
          "pledged", "promise", "promises", "promised", "decide", "decides", "decided",
          "prepare", "prepares", "prepared", "preparing", "set", "going", "due", "ready", "poised",
          "likely", "agree", "agrees", "agreed", "offer", "offered", "offers", "work", "works",
          "working", "move", "moved", "moving", "wish", "wishes", "propose", "proposed", "proposes",
          "scheduled", "slated", "looking", "able", "willing", "about"}
REFUSAL = {"refuse", "refuses", "refused", "refusing", "fail", "fails", "failed", "decline",
           "declines", "declined", "declining"}
CONTINUE = {"continue", "continues", "continued", "continuing", "begin", "begins", "began", "begun",
            "beginning", "start", "starts", "started", "starting", "resume", "resumes", "resumed",
            "resuming", "keep", "keeps", "kept"}
RELATIVE = {"who", "which", "that", "whom"}
CLAUSE_END = {";", ":", ".", "!", "?", "\u201c", "\u201d", "\"", "but", "while", "whereas",
              "although", "because", "who", "which", "when", "after", "before", "since", "as",
              "if", "unless", "whom", "until", "till"}
GENERIC_GROUPS = {"country", "countries", "nation", "nations", "state", "states", "ally", "allies",
                  "partner", "partners", "neighbour", "neighbours", "neighbor", "neighbors",
                  "government", "governments", "power", "powers", "group", "groups", "member",
                  "members", "others", "regimes", "players"}
#: Words that open a phrase between commas after a subject ("Syrian groups, including X, threatened").
APPOSITION_OPENERS = {"including", "along", "together", "like", "especially", "notably", "backed",
                      "supported", "led", "joined", "accompanied"}
EXAMPLE_MARKERS = {"including", "like", "notably", "especially", "particularly"}
INTRODUCERS = {"facing", "despite", "under", "amid", "following", "after", "given", "with"}
SPEECH = {"say", "says", "said", "saying", "add", "adds", "added", "state", "states", "stated",
          "tell", "tells", "told", "assert", "asserts", "asserted", "claim", "claims", "claimed",
          "announce", "announces", "announced", "insist", "insists", "insisted", "argue", "argued",
          "note", "noted", "write", "wrote", "report", "reports", "reported", "believe", "believes",
          "suggest", "suggested", "explain", "explained", "stress", "stressed", "emphasize",
          "emphasized", "acknowledge", "acknowledged", "declare", "declared"}


_LOWER = itemgetter(Token._fields.index("lower"))


@dataclass
class Roles:
    """What the clause analysis found for one lexicon match."""

    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    negated: bool = False
    modality: str = ""  # "", "future", "hypothetical"
    how: list[str] = field(default_factory=list)
    penalty: float = 0.0  # confidence lost to weaker rules
    inherited: bool = False  # the target was taken from the main clause (no symmetric reverse)
    oblique: bool = False  # the target is a party or place after a preposition (no symmetric reverse)
    refusal: bool = False  # a stated refusal ("refused to", "will not"), not a mere negation


class SentenceView:
    """A sentence's tokens with the actor mentions laid over them, for the role rules."""

    def __init__(self, doc: TextDoc, index: int, mentions: list[Mention],
                 blocked: Sequence[tuple[int, int]] = (), unknown_actors: bool = True):
        """``blocked``: character spans (places) that can never be read as unknown actors;
        ``unknown_actors``: whether unknown names are added at all."""
        self.doc = doc
        self.first, self.last = doc.sentence_tokens[index]
        self.tokens: list[Token] = doc.tokens
        # view.low(i): the lower-case form of token i, "" outside the sentence.  The rules call it
        # hundreds of thousands of times per corpus, so it is a C-level dict lookup, not a method
        first_token, last_token = self.first, self.last
        lows: defaultdict[int, str] = defaultdict(str, zip(range(first_token, last_token),
                                                           doc.lowers()[first_token:last_token]))
        self.low: Callable[[int], str] = lows.__getitem__
        mention_at: dict[int, int] = {}  # token index -> mention index (every covered token)
        mention_start: dict[int, int] = {}
        mention_end: dict[int, int] = {}  # last token index -> mention index
        self.mention_at, self.mention_start, self.mention_end = mention_at, mention_start, mention_end
        self.mentions = list(mentions)
        self.blocked = blocked
        if unknown_actors:
            self.mentions += unknown_names(doc, first_token, last_token, mentions, blocked)
        mention_tokens: list[tuple[int, int]] = []
        self.mention_tokens = mention_tokens
        starts, ends = doc.token_starts(), doc.token_ends()  # TextDoc.token_at, inlined: a hot loop
        k = 0
        for mention in self.mentions:
            start, end = mention.start, mention.end
            first = bisect_right(starts, start) - 1
            offset = end - 1 if end - 1 > start else start
            last = bisect_right(starts, offset, first if first > 0 else 0) - 1
            if first < 0 or start >= ends[first] or last < 0 or offset >= ends[last]:
                mention_tokens.append((-1, -1))  # between tokens
                k += 1
                continue
            mention_tokens.append((first, last + 1))
            mention_start[first] = k
            mention_end[last] = k
            if first == last:
                mention_at[first] = k
            else:
                for t in range(first, last + 1):
                    mention_at[t] = k
            k += 1

    def in_place(self, i: int) -> bool:
        """Whether token i lies in a place name (a toponym, known, so no unknown name)."""
        start = self.tokens[i].start
        return any(a <= start < b for a, b in self.blocked)

    def is_actor(self, k: int, place_ok: bool = False) -> bool:
        """A mention that can fill a role: a coded actor, an agent with a sector ("police",
        "oil workers"), or an unknown name; not a capital used as a place ("in Moscow") unless
        ``place_ok``: the pattern itself names the preposition ("fired shells at Seoul")."""
        mention = self.mentions[k]
        if mention.actor.code is None and not mention.actor.sector and mention.kind != "unknown":
            return False
        if place_ok:
            return True
        first, _ = self.mention_tokens[k]
        before = self.low(first - 1)
        if before == "the":
            before = self.low(first - 2)
        elif before in PLACE_TITLES or before == "of" and self.low(first - 2) in PLACE_TITLES:
            before = self.low(place_title_start(self, first) - 1)  # "in the capital Harare"
        if mention.kind in ("capital", "country", "unknown") and before in LOCATIVE:
            return False
        return True


#: Common nouns that name a kind of place before its name ("the capital Harare", "the city of
#: Aleppo"): the name is then the place the phrase names, and the phrase's own preposition
#: ("in the capital Harare") decides whether the name is a place or an actor.
PLACE_TITLES = {"capital", "city", "town", "village", "province", "region", "district", "port",
                "county", "suburb", "enclave", "governorate", "municipality", "island", "neighbourhood",
                "neighborhood", "stronghold", "outskirts"}

_TITLE_ENDS = PLACE_TITLES | {"of"}


def place_title_start(view: SentenceView, first: int) -> int:
    """The first token of a place title before the name starting at ``first`` ("the capital",
    "the northern city of", "the Syrian capital"), or ``first`` when none precedes it.

    The title opens with a determiner, after at most two adjectives or demonyms; only then is
    it a title (not "... the capital. Harare ...").  Checked only for a mention that a title
    word precedes, so it costs nothing elsewhere."""
    i = first - 1
    if view.low(i) == "of":
        i -= 1
    if view.low(i) not in PLACE_TITLES:
        return first
    i -= 1
    for _ in range(3):
        low = view.low(i)
        if low in DETERMINERS:
            while view.low(i - 1) in DETERMINERS:  # "the new capital"
                i -= 1
            return i
        if not low.isalpha() or low in PREPOSITIONS or low in AUXILIARIES or low in CLAUSE_END:
            break
        i -= 1
    return first


#: Capitalised words that do not start a name: sentence openers, days, months, titles of address.
_NOT_NAMES = {"the", "a", "an", "in", "on", "at", "but", "and", "however", "meanwhile", "after",
              "before", "as", "while", "since", "when", "if", "this", "that", "these", "those", "it",
              "he", "she", "they", "we", "i", "you", "there", "according", "despite", "following",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
              "also", "last", "earlier", "later", "today", "yesterday", "some", "many", "officials",
              "both", "all", "other", "his", "her", "its", "their", "our", "my", "your", "what", "who"}


class NameParticles(NamedTuple):
    """The lower-case words a name holds between capitalised words (data/name_particles.tsv)."""

    anywhere: frozenset[str]  # before a capitalised word or a hyphen: "bin Laden", "al-Sham"
    hyphen_only: frozenset[str]  # only before a hyphen: "as-Sadr" ("as" before a capital is English)
    every: frozenset[str]  # both: one set lookup tells whether a lower-case word may continue a name
    foreign: frozenset[str]  # no English function word nor the hyphen ("al", "bin", "de", not "of")


@lru_cache(maxsize=1)
def name_particles() -> NameParticles:
    """The name particles, read once: the ``before`` column sorts them into those that may
    stand before a capitalised word and those that count only before a hyphen, the ``kind``
    column tells the particles of foreign names from English function words and the hyphen
    (a name after a known one that holds a foreign particle is a name of its own: "the UN
    Abdallah al-Mouallimi")."""
    path = resources.files(__package__) / "data" / "name_particles.tsv"
    anywhere: set[str] = set()
    hyphen_only: set[str] = set()
    foreign: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            particle, kind = row["particle"].strip().lower(), row["kind"].strip().lower()
            (hyphen_only if row["before"].strip() == "hyphen" else anywhere).add(particle)
            if not kind.startswith(("english function word", "hyphen")):
                foreign.add(particle)
    return NameParticles(frozenset(anywhere), frozenset(hyphen_only), frozenset(anywhere | hyphen_only),
                         frozenset(foreign))


def _particle_end(tokens: Sequence[Token], k: int, last: int) -> int:
    """The index after a name particle at k that a capitalised word follows ("bin Laden": k + 1;
    "al-Sham", three tokens: k + 2), or k when token k continues no name."""
    anywhere, hyphen_only = name_particles()[:2]
    low = tokens[k].lower
    if low in anywhere and k + 1 < last and tokens[k + 1].text[:1].isupper():
        return k + 1
    if (low in anywhere or low in hyphen_only) and k + 2 < last and tokens[k + 1].text == "-" \
            and tokens[k].end == tokens[k + 1].start and tokens[k + 1].end == tokens[k + 2].start \
            and tokens[k + 2].text[:1].isupper():
        return k + 2
    return k


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The gazetteer's list of common English words (more frequent in lower case than
    capitalised, from spacy-lookups-data's English word probabilities), loaded once."""
    from ..geo.gazetteer import gazetteer

    return gazetteer().english


def _rare_word(lower: str) -> bool:
    """Whether a word is no common English word: a capitalised word of that kind opening a
    sentence is a name."""
    return lower not in _english_words() and lower.replace("-", "").isalpha()


def unknown_names(doc: TextDoc, first: int, last: int, mentions: Sequence[Mention],
                  blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    """Runs of capitalised words that no dictionary knows ("Ranil Wickremesinge", "Immigration
    and Customs Enforcement"): uncoded actors (kind ``unknown``) that may fill a role, so that
    an event is coded with its actor's name even when the actor cannot be coded."""
    capitalised = doc.capitalised()
    position = bisect_left(capitalised, first)
    stop = bisect_left(capitalised, last, position)
    if position == stop:
        return []
    taken: list[tuple[int, int]] | None = None
    found: list[Mention] = []
    tokens = doc.tokens
    particles = name_particles()
    every_particle, foreign_particles = particles.every, particles.foreign
    reach = first  # the capitalised tokens before this one are inside a run already read
    for j in capitalised[position:stop]:  # the only tokens a name can start at
        if j < reach:
            continue
        token = tokens[j]
        if token.lower in _NOT_NAMES or not token.text[:1].isalpha():
            continue
        k = j + 1
        foreign = False  # a particle such as "al" or "bin" joined the run
        while k < last:
            initial = tokens[k].text[:1]
            if initial.isupper() and initial.isalpha():
                k += 1
                continue
            low = tokens[k].lower
            if low not in every_particle:
                break
            after = _particle_end(tokens, k, last)  # "Ahrar al-Sham", "Osama bin Laden"
            if after == k:
                break
            foreign = foreign or low in foreign_particles
            k = after
        reach = k
        # one capitalised word opening the sentence is a name only as an acronym ("UNITA said")
        # or as a word that is no common English word before a lower-case word ("Papandreou
        # agreed", "Farc has said"; not "Talks have stalled")
        if (k - j >= 2 or j > first or len(token.text) >= 2 and token.text.isupper()
                or k < last and tokens[k].text[:1].islower() and _rare_word(token.lower)) \
                and tokens[k - 1].lower not in every_particle:
            start, end = token.start, tokens[k - 1].end
            if taken is None:
                taken = [(m.start, m.end) for m in mentions] + list(blocked)
            if any(a < end and start < b for a, b in taken):
                # a run that a dictionary partly reads: only a name with a particle after the
                # known part is kept ("the UN Abdallah al-Mouallimi")
                start = _tail_after(tokens, j, k, max(b for a, b in taken if a < end and start < b)) \
                    if foreign else None
            if start is not None:
                text = doc.text[start:end]
                found.append(Mention(text, start, end, Actor(None, "", "", text, 0.0), kind="unknown"))
    return found


def _tail_after(tokens: Sequence[Token], j: int, k: int, known_end: int) -> int | None:
    """Where the unknown part of a run [j, k) starts after the known names that end by
    ``known_end`` ("the UN Abdallah al-Mouallimi": "Abdallah al-Mouallimi"), or None when no
    capitalised name of two words or more follows them: a run that a dictionary partly reads
    is no unknown actor as a whole ("The British High Commission" is read from "British"), but
    a name with a particle after the known part is one: before particles joined names, the
    piece after the particle was found alone ("Mouallimi"), so this keeps that name whole."""
    i = j
    while i < k and tokens[i].start < known_end:
        i += 1
    while i < k and tokens[i].lower in ("of", "and", "for", "the"):  # "Fighters of Jabhat al-Nusra"
        i += 1
    if k - i >= 2 and tokens[i].text[:1].isupper() and tokens[i].lower not in _NOT_NAMES \
            and any(tokens[t].lower in name_particles().foreign for t in range(i + 1, k)):
        return tokens[i].start
    return None


#: Quantifiers that float off a compound or plural subject into its verb group, after an
#: auxiliary ("India and the US have **both** indicted him").
_FLOATING = {"both", "all", "each"}


def verb_group_start(view: SentenceView, head: int) -> tuple[int, list[str]]:
    """Walk left from the head over auxiliaries, adverbs and catenative verbs ("is expected to")."""
    words: list[str] = []
    j = head - 1
    while j >= view.first:
        low = view.low(j)
        if j in view.mention_at:
            break  # a name ends the verb group: "Theresa May has held"
        if low in AUXILIARIES or (low.endswith("ly") and len(low) > 4 and low not in ("italy", "july")) or (
                low in ("most", "very") and words and words[-1].endswith("ly")):  # "most certainly did not"
            words.append(low)
            j -= 1
            continue
        if low in _FLOATING and j > view.first and view.low(j - 1) in AUXILIARIES:
            words.append(low)  # a quantifier floated off the subject: "have both indicted", "were all freed"
            j -= 1
            continue
        if low in INTENT or low in REFUSAL or low in CONTINUE:
            if view.low(j + 1) == "to":
                words.append(low)
                j -= 1
                continue
        if low in CONTINUE and j + 1 == head and view.low(head).endswith("ing"):
            words.append(low)  # "has begun withdrawing", "continued shelling"
            j -= 1
            continue
        break
    return j + 1, words


def modality_of(words: list[str], sentence_start_words: list[str]) -> tuple[str, bool]:
    """Modality and negation from the verb group's words (nearest first)."""
    negated = any(w in NEGATION or w in REFUSAL for w in words) or (
        "longer" in words and "no" in words)
    modality = ""
    if any(w in FUTURE for w in words) or any(w in INTENT for w in words):
        modality = "future"
    elif any(w in HYPOTHETICAL for w in words):
        modality = "hypothetical"
    elif "to" in words and not any(w in BE | HAVE | CONTINUE | REFUSAL for w in words):
        modality = "future"  # headline infinitive: "Russia and Iran to finalize treaty"
    elif words[:2] == ["to", "going"] or ("to" in words and any(w in BE for w in words)):
        modality = "future"  # "is to visit", "are going to meet"
    if sentence_start_words[:1] == ["if"]:
        modality = "hypothetical"
    return modality, negated


def _compound_left(view: SentenceView, k: int) -> list[int]:
    """Mentions joined to mention k from the left by "and" or commas ("Russia, China, and Iran").

    A comma joins only inside a list closed by "and": in "Facing sanctions from the US,
    Russia ..." the comma ends a phrase.
    """
    found = [k]
    first, _ = view.mention_tokens[k]
    j = first - 1
    while j >= view.first:
        j = _modifiers_start(view, j)  # "Fornost and the evil awful Gondor"
        low = view.low(j)
        if low == "," and len(found) == 1:
            break
        if low in ("and", ",", "&") or (low == "well" and view.low(j - 1) == "as"):
            j -= 2 if low == "well" else 1
            if view.low(j) == ",":
                j -= 1
            other = view.mention_end.get(j)
            if other is not None and view.is_actor(other):
                found.insert(0, other)
                j = view.mention_tokens[other][0] - 1
                continue
        break
    return found


#: Words that end a run of modifiers walking left: they link or head something else.
_NOT_MODIFIERS = PREPOSITIONS | AUXILIARIES | SPEECH | RELATIVE | CLAUSE_END | {"and", "or", "nor", "&"}


def _modifiers_start(view: SentenceView, j: int) -> int:
    """The token before the determiners and lower-case adjectives that end at token j ("the
    evil awful" before "Gondor"); j itself when there are none.  At most three words, so a
    clause is never crossed: a conjunction, preposition, auxiliary or name stops the walk."""
    i = j
    while i >= view.first and j - i < 3 and i not in view.mention_at:
        low = view.low(i)
        word = view.tokens[i].text
        if low in DETERMINERS or (low.isalpha() and word[:1].islower() and low not in _NOT_MODIFIERS):
            i -= 1
            continue
        break
    return i


def _compound_right(view: SentenceView, k: int, stop: int) -> list[int]:
    found = [k]
    _, end = view.mention_tokens[k]
    j = end
    while j < stop:
        if view.low(j) in ("’s", "'s"):
            j += 1
        low = view.low(j)
        nxt = j + 1
        if low == "," and view.low(nxt) in ("and", "or"):
            nxt += 1
        elif low == "as" and view.low(nxt) == "well" and view.low(nxt + 1) == "as":
            nxt += 2
        elif low not in ("and", ",", "&", "or"):
            break
        elif low == "," and not _list_closes(view, j, stop):
            break  # "the Palestinian president, Mahmoud Abbas, next month": an apposition
        while view.low(nxt) in DETERMINERS:
            nxt += 1
        other = view.mention_start.get(nxt)
        if other is None or not view.is_actor(other):
            break
        found.append(other)
        j = view.mention_tokens[other][1]
    return found


def _list_closes(view: SentenceView, j: int, stop: int) -> bool:
    """Whether the comma at j continues a list of actors that "and"/"or" closes ("Putin, Xi
    and Modi"); a name between commas with no closing "and" is an apposition."""
    while j < stop and view.low(j) == ",":
        j += 1
        if view.low(j) in ("and", "or"):
            return True
        while view.low(j) in DETERMINERS:
            j += 1
        k = view.mention_start.get(j)
        if k is None:
            return False
        j = view.mention_tokens[k][1]
        if view.low(j) in ("and", "or", "&"):
            return True
    return False


def _mention_ending_at(view: SentenceView, j: int) -> int | None:
    """The actor mention whose last token is j (a possessive "’s" may follow it)."""
    k = view.mention_end.get(j)
    if k is None and view.low(j) in ("’s", "'s"):
        k = view.mention_end.get(j - 1)
    if k is None and view.low(j - 1) == "-" and view.tokens[j - 1].end == view.tokens[j].start \
            and not view.tokens[j].is_upper_initial and view.tokens[j - 2].end == view.tokens[j - 1].start:
        k = view.mention_end.get(j - 2)  # the rest of a hyphenated name: "Lee Nak-yon"
    if k is not None and view.is_actor(k):
        first, _ = view.mention_tokens[k]
        if view.low(first - 1) in PREPOSITIONS - {"according"} and view.low(first - 1) != "by":
            return None  # inside a prepositional phrase: not a subject
        return k
    return None


#: Words of a time phrase between a subject and its verb ("Putin on Friday said").
TIME_WORDS = {"on", "last", "this", "next", "early", "late", "earlier", "later", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
              "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
              "january", "february", "march", "april", "june", "july", "august", "september",
              "october", "november", "december"}


def _skip_interjections(view: SentenceView, j: int) -> int:
    """Move left over a time phrase ("on Friday") or a parenthesis ("(AFP)") before the verb."""
    start = j
    i = j
    while i >= view.first and (view.low(i) in TIME_WORDS or view.low(i).isdigit()) and start - i < 5:
        i -= 1
    if i < start and (view.low(i + 1) in TIME_WORDS or i in view.mention_at or view.low(i) == ")"):
        j = i  # "The Nigeria Labour Congress (NLC) on Tuesday called": the time phrase, then
    if view.low(j) == ")":
        i = j - 1
        while i > view.first and view.low(i) != "(" and j - i < 12:
            i -= 1
        if view.low(i) == "(":
            return i - 1
    return j


def _in_prepositional_phrase(view: SentenceView, members: list[int]) -> bool:
    """True when the first member of a compound follows a preposition (possibly via "the", or a
    place title: "in the capital Harare")."""
    first = view.mention_tokens[members[0]][0]
    if view.low(first - 1) in _TITLE_ENDS:
        first = place_title_start(view, first)
    before = view.low(first - 1)
    if before in DETERMINERS:
        before = view.low(first - 2)
    return before in PREPOSITIONS and before not in ("according", "by")


#: Subject pronouns and the kinds of mention they can stand for (None: any): "it" a state,
#: an organisation or a group ("Iraqi military says it has seized"), "he"/"she" a person.
PRONOUN_KINDS: dict[str, tuple[str, ...] | None] = {
    "they": None, "it": ("country", "organisation", "capital", "agent", "unknown"),
    "he": ("person", "title"), "she": ("person", "title")}


#: Words that open a relative clause before its subject ("provide what it needs"): the
#: clause describes a thing, it reports no event of the pronoun's antecedent.
FREE_RELATIVE = {"what", "whatever", "which", "whom", "whose"}


#: Irregular past participles that open a reduced relative clause ("militias led by Iran").
IRREGULAR_PARTICIPLES = {"led", "built", "held", "sent", "brought", "taken", "given", "made", "shot",
                         "hit", "run", "fought", "sought", "bought", "seen", "written", "driven", "known",
                         "thrown", "beaten", "caught", "taught", "won", "kept", "paid", "set", "put",
                         "chosen", "drawn", "overrun", "upheld", "struck", "stricken", "bound", "left"}
#: Particles of a phrasal participle ("carried out by").
_PARTICIPLE_PARTICLES = {"out", "up", "off", "down", "in"}


def _reduced_relative(view: SentenceView, members: list[int]) -> tuple[list[int], str, float] | None:
    """The subject when the candidate subject ``members`` is the agent of a participle that
    modifies the real subject: "Syrian forces backed by Russian warplanes continued", "rebels
    armed by Turkey attacked".  A noun phrase, a past participle, "by" and an
    agent form a reduced relative clause; when the phrase the participle modifies names an
    actor, that actor is the verb's subject, not the agent.  None when the candidate follows no
    such participle ("Iraq, backed by the US, attacked" is an apposition between commas) or the
    modified phrase names no actor: then the agent is the actor responsible ("the missiles fired
    by the Israeli military struck"), and the nearest-actor reading stands."""
    first = view.mention_tokens[members[0]][0]
    i = _modifiers_start(view, first - 1)  # "by heavy Russian warplanes", "by the US"
    if view.low(i) != "by":
        return None
    i -= 1
    if view.low(i) in _PARTICIPLE_PARTICLES:
        i -= 1
    low = view.low(i)
    if not (low in IRREGULAR_PARTICIPLES or low.endswith("ed") and low.isalpha()) \
            or view.tokens[i].is_upper_initial:
        return None
    before = view.low(i - 1)
    if before in AUXILIARIES or before in RELATIVE or before in (",", "and", "or") or i - 1 < view.first:
        return None  # a finite passive ("were backed by"), or an apposition: not a reduced relative
    k = _mention_ending_at(view, i - 1)
    if k is None and _noun_word(view, i - 1):  # "Syrian rebel groups backed by Turkey"
        k = _mention_ending_at(view, i - 2)
        if k is None and _noun_word(view, i - 2):
            k = _mention_ending_at(view, i - 3)
        if k is not None and view.mentions[k].kind not in ("demonym", "country", "organisation", "agent"):
            k = None
    if k is not None and not _in_prepositional_phrase(view, [k]):
        return _compound_left(view, k), "subject before a reduced relative ('VBN by' agent)", 0.05
    return None  # the head names no actor ("the missiles fired by the Israeli military struck",
    # "a proposal made by the Commission"): the agent is the one responsible, as read before


def find_subject(view: SentenceView, group_start: int, previous_subject: list[int] | None,
                 head: int) -> tuple[list[int], str, float]:
    """Mention indices of the subject of the verb group starting at ``group_start``; an actor
    after "VBN by" is the agent of a reduced relative, not the subject (``_reduced_relative``)."""
    subject, rule, penalty = _find_subject(view, group_start, previous_subject, head)
    if subject and rule in _AGENT_PRONE:
        low, first = view.low, view.mention_tokens[subject[0]][0]
        if "by" in (low(first - 1), low(first - 2), low(first - 3), low(first - 4)):  # cheap test first
            relative = _reduced_relative(view, subject)
            if relative is not None:
                return relative
    return subject, rule, penalty


def _find_subject(view: SentenceView, group_start: int, previous_subject: list[int] | None,
                  head: int) -> tuple[list[int], str, float]:
    """Mention indices of the subject of the verb group starting at ``group_start``."""
    j = group_start - 1
    k = _mention_ending_at(view, j)
    if k is not None and _in_prepositional_phrase(view, _compound_left(view, k)):
        owner = _modified_actor(view, _compound_left(view, k)[0])
        if owner is not None:
            return _compound_left(view, owner), "subject with a modifying phrase", 0.05
        first = view.mention_tokens[_compound_left(view, k)[0]][0]
        if view.low(first - 1) in ("of", "from") or view.low(first - 1) in DETERMINERS and \
                view.low(first - 2) in ("of", "from"):
            phrase = _subject_phrase(view, group_start)  # "the armies of Brazil and Argentina performed",
            # "Troops and aircraft from the United States have arrived"
            if phrase:
                return phrase, "actor inside the subject noun phrase", 0.1
        return [], "", 0.0  # "the relationship between Russia and Iran has intensified"
    if k is None and view.mention_end.get(j) is not None:
        owner = _modified_actor(view, view.mention_end[j])  # a place: "the police in the Gaza Strip"
        if owner is not None:
            return _compound_left(view, owner), "subject with a modifying phrase", 0.05
    if k is None and _noun_word(view, j):
        k = _mention_ending_at(view, j - 1)
        if k is None and _noun_word(view, j - 1):
            k = _mention_ending_at(view, j - 2)
        if k is not None and view.mentions[k].kind in ("demonym", "country", "organisation", "agent") \
                and not _in_prepositional_phrase(view, [k]):
            return _compound_left(view, k), "subject: the actor names the head noun's side", 0.1
        k = None
    if k is None:
        skipped = _skip_interjections(view, j)
        if skipped != j:
            k = _mention_ending_at(view, skipped)
            if k is not None:
                return _compound_left(view, k), "subject across a time phrase", 0.05
    if k is not None:
        return _compound_left(view, k), "subject", 0.0
    low = view.low(j)
    if low == ",":
        # apposition or relative clause between commas: "Lavrov, Russia's foreign minister, said"
        i = j - 1
        while i > view.first and view.low(i) not in (",", ";", ":") and j - i <= 14:
            i -= 1
        if view.low(i) == "," and (view.low(i + 1) in RELATIVE or view.mention_at.get(i + 1) is not None
                                   or view.low(i + 1) in DETERMINERS or view.low(i + 1) in APPOSITION_OPENERS
                                   or _name_between(view, i + 1, j)):
            k = _mention_ending_at(view, i - 1)
            if k is not None:
                return _compound_left(view, k), "subject across apposition", 0.05
            phrase = _subject_phrase(view, i)  # "Syrian insurgent groups, including X, threatened"
            if phrase:
                return phrase, "actor inside the subject noun phrase, across apposition", 0.1
    if low in RELATIVE:
        i = j - 1
        if view.low(i) == ",":
            i -= 1
        k = _mention_ending_at(view, i)
        if k is not None:
            return [k], "relative clause antecedent", 0.1
        if view.low(i) in DOCUMENTS and low in ("that", "which"):
            main = _sentence_subject(view, i)  # "The committee issued a report that calls on X"
            if main and _opens_sentence(view, main[0]) and not _actor_between(view, view.mention_tokens[main[-1]][1], i):
                return main, "relative clause on a document: its author, the sentence's subject", 0.15
        return [], "", 0.0
    if low in ("of", "for") and view.low(j - 1) in _CULPABLE and group_start == head:
        # "X is guilty of violating the ceasefire", "X was responsible for killing": X did it
        start, _ = verb_group_start(view, j - 1)
        subject, rule, penalty = find_subject(view, start, None, j - 1)
        if subject and rule in _OWN_SUBJECT_RULES:
            return subject, f"subject of '{view.low(j - 1)} {low}'", penalty + 0.05
    if low in ("and", "but", "then") and previous_subject:
        return previous_subject, "subject of the coordinated verb", 0.15
    if low == "and" and view.mention_end.get(j - 1) is None and not view.low(head).endswith("ing") \
            and "to" not in (view.low(j - 2), view.low(j - 3)):
        # not a gerund ("helping refugees and fighting") nor an infinitive ("trying to develop
        # and strengthen ties": the subject of "trying" is not always the sentence's)
        main = _sentence_subject(view, j)  # "The EU would step up its efforts and would hold talks"
        if main and _opens_sentence(view, main[0]) and not _actor_between(view, view.mention_tokens[main[-1]][1], j):
            return main, "subject of the coordinated verb (the sentence's subject)", 0.2
    if low in PURPOSE_NOUNS and view.low(group_start) == "to":
        main = _sentence_subject(view, j)  # "Trump accepted an invitation to meet Kim"
        if main and _opens_sentence(view, main[0]) and not _actor_between(view, view.mention_tokens[main[-1]][1], j):
            return main, "subject of the main clause (infinitive of purpose)", 0.2
    if low in PRONOUN_KINDS and j - 1 >= view.first and view.low(j - 1) not in PREPOSITIONS \
            and view.low(j - 1) not in FREE_RELATIVE:
        # "Iran said it would retaliate": the pronoun stands for the sentence's earlier subject
        earlier = _sentence_subject(view, j)
        kinds = PRONOUN_KINDS[low]
        if earlier and (kinds is None or view.mentions[earlier[0]].kind in kinds):
            return earlier, f"pronoun '{low}': the sentence's earlier subject", 0.15
    head_low = view.low(head)
    if head_low.endswith("ing") and group_start == head and low in DOCUMENTS:
        main = _sentence_subject(view, j)  # "Amnesty issued a statement calling on Belarus to ..."
        if main and _opens_sentence(view, main[0]) and not _actor_between(view, view.mention_tokens[main[-1]][1], j):
            return main, "participle after a document: its author, the sentence's subject", 0.15
    if head_low.endswith("ing") and group_start == head:
        if low == "," and previous_subject:
            return previous_subject, "participle: subject of the main clause", 0.15
        if low == ",":
            main = _sentence_subject(view, j)
            if main:
                return main, "participle: subject of the sentence", 0.2
        if group_start == view.first or low in INTRODUCERS:
            main = _main_subject_after(view, head)
            if main:
                return main, "participle: subject of the main clause", 0.15
    phrase = _subject_phrase(view, group_start)
    if phrase:
        return phrase, "actor inside the subject noun phrase", 0.1
    return [], "", 0.0


#: Subject rules that take the nearest actor before the verb, which may be a participle's agent.
_AGENT_PRONE = {"subject", "subject across a time phrase", "subject: the actor names the head noun's side",
                "actor inside the subject noun phrase"}


#: Words a subject noun phrase does not hold: the end of an earlier clause or another verb group.
_PHRASE_STOP = CLAUSE_END | RELATIVE | SPEECH | AUXILIARIES | {
    ",", "(", ")", "it", "they", "he", "she", "we", "i", "you", "there", "and", "or", "to"} - {"as"}
#: Words a subject noun phrase may hold between its actor and its head ("members of the UN").
_PHRASE_PREPOSITIONS = {"of", "in", "for", "from", "at", "on", "between", "to", "with"}


def _subject_phrase(view: SentenceView, group_start: int) -> list[int]:
    """The actor that a subject noun phrase names when the phrase itself is no actor: "members of
    the Security Council expressed", "Yemen's warring parties have agreed", "communist
    authorities in Vietnam have outlawed", "the summit between the EU and Turkey failed".

    The phrase runs left from the verb group to the start of the clause (the sentence's start,
    a comma or "that"), over at most ten words that are no verb group, pronoun or clause
    boundary; its first actor, with the actors joined to it, is the subject (the event's span
    grows to the phrase in ``arguments``).  A lower-case word
    in -ed that follows no determiner ends the phrase: it is a verb ("after Russia invaded").
    """
    j = group_start - 1
    steps = 0
    while j >= view.first and steps < 10:
        low = view.low(j)
        if j in view.mention_at or low in ("'s", "\u2019s") and j - 1 in view.mention_at or \
                low == "and" and (j + 1 in view.mention_at or view.tokens[j + 1].is_upper_initial
                                  or view.low(j + 1) in ("a", "an", "the") or j - 1 in view.mention_at):
            # an actor, its possessive ("Yemen's warring parties"), "and" after an actor or before
            # another actor, a name or a determiner ("President of Ukraine and Prime Minister of
            # Britain signed", "Troops and aircraft from the US arrived")
            j -= 1
            steps += 1
            continue
        if low in _PHRASE_STOP and low not in _PHRASE_PREPOSITIONS:
            break
        if low.endswith("ed") and low.isalpha() and view.low(j - 1) not in DETERMINERS \
                and view.low(j - 1) != "-" and not view.tokens[j].is_upper_initial:
            return []
        j -= 1
        steps += 1
    if j >= view.first and view.low(j) not in (",", "that", ":", "\u201c", "\"", ";") or steps >= 10:
        return []  # the phrase does not open a clause
    start = j + 1
    while view.low(start) in PREPOSITIONS:  # an opening phrase: "In Syria, ...", "Amid protests ..."
        return []
    i = group_start - 1
    while i > start and view.tokens[i].is_upper_initial and i not in view.mention_at:
        i -= 1
    if i < group_start - 1 and i not in view.mention_at and not view.in_place(group_start - 1):
        # the phrase ends in a name no dictionary knows: "the news agency WFNA said"; a place
        # is known ("protesters in the town of Gjilan burned")
        return []
    end = group_start
    while end > start + 1 and (view.low(end - 1) in TIME_WORDS or view.low(end - 1).isdigit()):
        end -= 1  # "the Russian navy today began": the time word is no part of the phrase
    for i in range(start, end):  # a place qualifies the phrase's head: "officials in Kyiv"
        k = view.mention_start.get(i)
        if k is not None and view.is_actor(k, place_ok=True) and view.mention_tokens[k][1] <= end:
            return _compound_right(view, k, end)
    return []


#: Documents whose content a participle reports ("issued a statement calling on", "a report
#: accusing"): the participle's subject is the document's author.
DOCUMENTS = {"statement", "statements", "report", "resolution", "letter", "message", "communique",
             "communiqué", "declaration", "note", "release", "video", "tweet", "post", "speech", "appeal",
             "petition", "motion", "bill", "decree", "order", "memo", "op-ed", "editorial", "interview"}
#: Nouns whose "to" infinitive states what the sentence's subject means to do ("accepted an
#: invitation to meet", "announced plans to visit").
PURPOSE_NOUNS = {"invitation", "offer", "plan", "plans", "decision", "agreement", "proposal", "bid", "effort",
                 "efforts", "attempt", "request", "promise", "pledge", "commitment", "readiness",
                 "willingness", "intention", "move", "opportunity", "chance"}
_NOT_NOUNS = PREPOSITIONS | AUXILIARIES | SPEECH | RELATIVE | CLAUSE_END | TIME_WORDS | DETERMINERS | {
    "and", "or", "but", "nor", "so", "also", "however", "meanwhile", "thus", "there", "it", "they", "he", "she",
    "we", "i", "you", "who", "what", "not", "then", "alone", "themselves", "itself"}


def _name_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether tokens [start, end) are one capitalised name ("The US Ambassador, Stuart
    Symington, paid"): a name between commas after an actor is its apposition, whether or
    not a dictionary or the gazetteer reads it."""
    particles = name_particles().anywhere
    return 0 < end - start <= 4 and all(view.tokens[t].is_upper_initial or view.low(t) in particles
                                        for t in range(start, end)) and view.tokens[start].is_upper_initial


def _noun_word(view: SentenceView, j: int) -> bool:
    """A lower-case word that may head a noun phrase before a verb ("Croatian experts")."""
    low = view.low(j)
    return (low.isalpha() and view.tokens[j].text[:1].islower() and low not in _NOT_NOUNS
            and not (low.endswith("ly") and len(low) > 4) and not low.endswith(("ed", "ing")))


def _modified_actor(view: SentenceView, k: int) -> int | None:
    """The actor that a prepositional phrase holding mention k modifies: "the police in the
    Gaza Strip", "Human Rights Watch in New York", "Officials from Kansas" (None for "the
    relationship between Russia and Iran": no actor before the preposition)."""
    i = view.mention_tokens[k][0] - 1
    if view.low(i) in _TITLE_ENDS:
        i = place_title_start(view, i + 1) - 1  # "the police in the capital Harare"
    if view.low(i) in DETERMINERS:
        i -= 1
    preposition = view.low(i)
    if preposition not in ("in", "of", "from", "at", "to"):
        return None
    owner = view.mention_end.get(i - 1)
    if owner is None or not view.is_actor(owner) or _in_prepositional_phrase(view, [owner]):
        return None
    if preposition == "to" and view.mentions[owner].kind not in ("agent", "person", "title"):
        return None  # "to" qualifies an envoy ("Saudi Arabia's ambassador to the UK"), not a state
    return owner


def _opens_sentence(view: SentenceView, k: int) -> bool:
    """Whether mention k opens its sentence (after a determiner at most): the sentence's own
    subject, not an object ("We've seen Russia ...")."""
    first = view.mention_tokens[k][0]
    i = first - 1
    if view.low(i) in DETERMINERS:
        i -= 1
    if i < view.first or i == view.first and view.low(i) in ("and", "but", "meanwhile", "also"):
        return True
    # after an introductory phrase with no actor: "On October 16, Amnesty International ..."
    return view.low(i) == "," and not _actor_between(view, view.first, i)


def _actor_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether an actor mention starts in tokens [start, end)."""
    return any(k is not None and view.is_actor(k) for k in map(view.mention_start.get, range(start, end)))


def _sentence_subject(view: SentenceView, before: int) -> list[int]:
    """The first actor of the sentence that stands outside a prepositional phrase, before
    ``before``: the subject of "Gunmen stormed the hotel, killing ..."."""
    for j in range(view.first, before):
        k = view.mention_start.get(j)
        if k is not None and view.is_actor(k):
            if view.low(j - 1) in PREPOSITIONS or view.low(j - 2) in PREPOSITIONS and view.low(j - 1) in DETERMINERS:
                continue
            return _compound_right(view, k, before)
    return []


def _main_subject_after(view: SentenceView, position: int) -> list[int]:
    """The subject of the main clause after an introductory phrase ("Facing X, Russia ...")."""
    j = position
    while j < view.last and view.low(j) != ",":
        j += 1
    j += 1
    while view.low(j) in DETERMINERS:
        j += 1
    k = view.mention_start.get(j)
    if k is not None and view.is_actor(k):
        return _compound_right(view, k, view.last)
    return []


def clause_end(view: SentenceView, start: int) -> int:
    j = start
    while j < view.last:
        low = view.low(j)
        if low in CLAUSE_END or (low == "," and view.low(j + 1).endswith("ing")) or (
                low == "," and view.low(j + 1) in RELATIVE):
            break
        j += 1
    return j


#: Number words that open a counted noun phrase ("six soldiers", "hundreds of protesters").
NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
           "dozen", "dozens", "hundreds", "thousands", "millions", "scores", "tens"}
#: Words that hedge a count ("about 50", "nearly 100").
APPROXIMATE = {"about", "around", "some", "nearly", "almost", "over", "roughly", "approximately", "up"}


def skip_quantity(view: SentenceView, j: int, stop: int) -> int:
    """The token after a count that opens a noun phrase ("at least 18", "dozens of"), or j.

    Why: a count before a noun belongs to the phrase ("detained 18 people"), and the words
    that make it up ("at least", "more than", "dozens of") would otherwise stop the search
    for the phrase's actor.
    """
    i = j
    counted = False
    while i < stop and i - j < 6 and i not in view.mention_start:  # "32 civilians" may be one mention
        low, nxt = view.low(i), view.low(i + 1)
        if low[:1].isdigit() or low in NUMBERS:
            counted = True
            i += 2 if nxt == "of" and low in NUMBERS and low.endswith("s") else 1
        elif low == "at" and nxt in ("least", "most") or low in ("more", "less", "fewer") and nxt == "than":
            i += 2
        elif low == "up" and nxt == "to" or low in APPROXIMATE and (view.low(i + 1)[:1].isdigit() or nxt in NUMBERS):
            i += 2 if low == "up" else 1
        else:
            break
    return i if counted else j


def _np_mention(view: SentenceView, j: int, stop: int, place_ok: bool = False) -> tuple[int | None, int]:
    """The actor mention that starts the noun phrase at token j (after determiners/adjectives)."""
    skipped = 0
    j = skip_quantity(view, j, stop)
    while j < stop and skipped <= 3:
        k = view.mention_start.get(j)
        if k is not None:
            return (k if view.is_actor(k, place_ok) else None), j
        low = view.low(j)
        token = view.tokens[j]
        if low in DETERMINERS or (low.isalpha() and low not in PREPOSITIONS and low not in AUXILIARIES
                                  and not token.is_upper_initial and skipped < 2 and low not in SPEECH):
            if low in GENERIC_GROUPS:
                return None, j
            j += 1
            skipped += 1
            continue
        break
    return None, j


def _examples_after(view: SentenceView, j: int, stop: int) -> list[int]:
    """"other nations ..., including Iran and North Korea": the named examples of a generic group."""
    limit = min(stop if stop > j else view.last, j + 12, view.last)
    i = j
    while i < view.last and i < j + 12:
        low = view.low(i)
        if low in EXAMPLE_MARKERS or (low == "such" and view.low(i + 1) == "as"):
            i += 2 if low == "such" else 1
            while view.low(i) in DETERMINERS:
                i += 1
            k = view.mention_start.get(i)
            if k is not None and view.is_actor(k):
                return _compound_right(view, k, view.last)
            return []
        if low in (";", ".", "\u201d", "\"") or (i > limit and low == ","):
            break
        i += 1
    return []


def _aimed(entry, preposition: str) -> bool:
    """Whether a place after this preposition of the entry is its target: "at"/"into" aim
    ("fired shells at Seoul"); PETRARCH patterns mark targets by position alone, with no
    notion of a location, so any preposition they name does."""
    return preposition in AIMED or entry.origin != "verbs.tsv"


def find_target(view: SentenceView, match: Match, stop: int) -> tuple[list[int], str, float]:
    """Mention indices of the target of a match, and the rule that found them."""
    entry = match.entry
    if match.slot is not None:
        k, _ = _np_mention(view, match.slot, stop, place_ok=True)
        if k is not None:
            return _compound_right(view, k, stop), "target in the pattern's slot", 0.0
        return [], "", 0.0
    if not entry.target:
        return [], "", 0.0
    after = match.end
    if len(entry.pattern) == 1 and view.low(match.head) in SPEECH and view.low(after) == "that":
        return [], "", 0.0  # "he added that the US would ...": a reported clause, not an object
    if "obj" in entry.target or (entry.symmetric and not entry.noun):
        k, j = _np_mention(view, after, stop)
        if k is not None:
            return _compound_right(view, k, stop), "target by object rule", 0.0
        if "obj" in entry.target and view.low(j) in GENERIC_GROUPS:
            examples = _examples_after(view, j, stop)
            if examples:
                return examples, "target: named examples of a group", 0.1
    preps = set(entry.target) - {"obj"}
    if preps:
        j = after
        limit = min(stop, after + 12)
        while j < limit:
            if view.low(j) in preps:
                k, np_at = _np_mention(view, j + 1, stop, place_ok=_aimed(entry, view.low(j)))
                if k is not None:
                    return _compound_right(view, k, stop), f"target after '{view.low(j)}'", 0.0
                if view.low(np_at) in GENERIC_GROUPS:
                    examples = _examples_after(view, np_at, view.last)
                    if examples:
                        return examples, f"target after '{view.low(j)}': named examples of a group", 0.1
                # a phrase with no actor ("a resumption of ties with X"): look further
            if view.low(j) in (",", ";") or view.low(j) in SPEECH:
                break
            j += 1
    return [], "", 0.0


def _demonstrative_before(view: SentenceView, k: int) -> bool:
    """Whether mention k opens with, or follows, a demonstrative ("this Moscow visit")."""
    first, _ = view.mention_tokens[k]
    return view.low(first) in _DEMONSTRATIVES or view.low(first - 1) in _DEMONSTRATIVES


_DEMONSTRATIVES = {"this", "that", "these", "those"}


def nominal_roles(view: SentenceView, match: Match) -> tuple[list[int], list[int], list[str], float]:
    """Source and target of an event named by a noun: "US sanctions on Iran", "attacks by X on Y"."""
    how: list[str] = []
    sources: list[int] = []
    head = match.head
    j = head - 1
    while view.low(j) in {"new", "fresh", "further", "additional", "recent", "deadly", "heavy",
                          "massive", "economic", "military", "western", "harsh", "tough"}:
        j -= 1
    k = view.mention_end.get(j)
    if k is not None and (view.mentions[k].kind == "capital" or _demonstrative_before(view, k)):
        k = None  # "the Moscow visit", "this Moscow visit": a city or a name that modifies the noun
    if k is None and view.low(j) in ("’s", "'s"):
        k = view.mention_end.get(j - 1)
    if k is not None and view.is_actor(k):
        sources = _compound_left(view, k)
        how.append("source before the noun")
    end = clause_end(view, match.end)
    if not sources:
        i = match.end
        while i < min(end, match.end + 3):
            if view.low(i) in ("from", "by"):
                k, _ = _np_mention(view, i + 1, end)
                if k is not None:
                    sources = _compound_right(view, k, end)
                    how.append(f"source after '{view.low(i)}'")
                break
            i += 1
    if not sources:
        verb = _light_verb(view, head)
        if verb is not None:
            sources, rule = verb
            how.append(rule)
    targets: list[int] = []
    if not sources and match.entry.symmetric and "between" in match.entry.target:
        i = match.end  # "talks between Russia and Iran", "clashes between police and protesters"
        while i < min(end, match.end + 3) and view.low(i) != "between":
            i += 1
        if view.low(i) == "between":
            k, _ = _np_mention(view, i + 1, end, place_ok=True)
            members = _compound_right(view, k, end) if k is not None else []
            if len(members) > 1:
                how.append("parties after 'between'")
                return members[:1], members[1:], how, 0.15
    preps = set(match.entry.target)
    i = match.end
    while i < min(end if end > match.end else view.last, match.end + 10):
        low = view.low(i)
        if low in preps:
            k, _ = _np_mention(view, i + 1, view.last, place_ok=_aimed(match.entry, low))
            if k is not None:
                targets = _compound_right(view, k, view.last)
                how.append(f"target after '{low}'")
                break
        if low in (";", ".") or (low == "," and targets):
            break
        i += 1
    if not targets and view.low(view.first) in INTRODUCERS and head < _first_comma(view):
        targets = _main_subject_after(view, head)
        if targets:
            how.append("target: subject of the main clause the phrase introduces")
    return sources, targets, how, 0.15


#: Verbs that stop what their object names ("ended the strike", "halted its attacks"): the
#: object's event is coded from them only when they are negated ("will not end the strike").
CANCEL_VERBS = {"end", "ends", "ended", "ending", "halt", "halts", "halted", "halting", "stop", "stops",
                "stopped", "stopping", "suspend", "suspends", "suspended", "suspending", "cease",
                "ceases", "ceased", "ceasing", "abandon", "abandons", "abandoned", "call", "calls",
                "called", "calling", "condemn", "condemns", "condemned", "condemning", "denounce",
                "denounced", "deny", "denies", "denied", "reject", "rejects", "rejected", "oppose",
                "opposed", "opposes", "criticise", "criticised", "criticize", "criticized", "protest",
                "protested", "investigate", "investigated", "avoid", "avoided", "prevent", "prevented",
                "fear", "feared", "fears", "survive", "survived", "face", "faces", "faced", "facing",
                "blame", "blamed", "blames", "witness", "witnessed", "report", "reported", "reports",
                "reduce", "reduced", "reduces", "reducing", "cut", "cuts", "cutting", "lower", "lowered",
                "lowers", "ease", "eased", "eases", "easing", "lift", "lifted", "lifts", "lifting",
                "remove", "removed", "removes", "scrap", "scrapped", "drop", "dropped", "drops",
                "withdraw", "withdrew", "withdrawn", "relax", "relaxed", "waive", "waived"}
#: Adjectives that make their subject the doer of what follows "of"/"for" ("guilty of violating",
#: "responsible for mass killings").
_CULPABLE = {"guilty", "responsible"}
#: Verbs of saying that take the event itself as object ("announced a suspension of aid",
#: "declared a ceasefire"), unlike "said", whose object is a clause.
_ANNOUNCE = {"announce", "announces", "announced", "announcing", "declare", "declares", "declared", "declaring"}
#: Subject rules that read the verb's own subject (not one borrowed from another clause).
_OWN_SUBJECT_RULES = ("subject", "subject across a time phrase", "subject across apposition",
                      "subject with a modifying phrase", "subject: the actor names the head noun's side",
                      "actor inside the subject noun phrase",
                      "subject before a reduced relative ('VBN by' agent)")


def _light_verb(view: SentenceView, head: int) -> tuple[list[int], str] | None:
    """The source of a noun trigger that is the object of a verb: the verb's subject ("the U.S.
    military **launched** air and artillery strikes on", "Iraqi forces have **begun** their
    assault on", "Saudi Arabia has **imposed** blockades on", "they will not **end** the strike").

    Why: news names most material events by a noun after a light verb (launch, carry out,
    continue, impose, stage); whoever does the verb does the noun's event.  The walk goes left
    from the noun over its modifiers (determiners, counts, adjectives, "and" between two of them)
    to the first word with a subject of its own, at most ten words and never across a
    preposition, a name, a comma or a clause boundary.  A verb that stops or judges what the noun
    names ("ended the strike", "condemned the attacks") gives no source unless negated.
    """
    i = head - 1
    while i >= view.first and head - i <= 10:
        low = view.low(i)
        if low in ("than", "least") and view.low(i - 1) in ("more", "less", "fewer", "at") or \
                low in APPROXIMATE and (view.low(i + 1) in NUMBERS or view.low(i + 1)[:1].isdigit()):
            i -= 2 if low in ("than", "least") else 1  # a count: "more than two dozen", "about 300"
            continue
        if low in ("for", "of") and view.low(i - 1) in _CULPABLE:
            i -= 1  # "responsible for mass killings": the adjective stands for the verb
            low = view.low(i)
            group_start, group_words = verb_group_start(view, i)
            subject, rule, _ = find_subject(view, group_start, None, i)
            if subject and rule in _OWN_SUBJECT_RULES:
                return subject, f"source: subject of '{low}', the noun is what it is {low} for"
            return None
        if i in view.mention_at or low in PREPOSITIONS or low in CLAUSE_END or low in SPEECH and low not in _ANNOUNCE \
                or low in INTRODUCERS or low in EXAMPLE_MARKERS \
                or low in RELATIVE or not (low.isalpha() or low == "-") or low in BE or low in HAVE:
            return None
        before = view.low(i - 1)
        if low.isalpha() and low not in DETERMINERS and low not in NUMBERS and low not in ("and", "or") \
                and before not in DETERMINERS and before not in ("and", "or", "-") and before not in NUMBERS \
                and not before.isdigit() and view.tokens[i].text[:1].islower():
            group_start, group_words = verb_group_start(view, i)
            subject, rule, _ = find_subject(view, group_start, None, i)
            if subject and rule in _OWN_SUBJECT_RULES or subject and rule.startswith("pronoun"):
                negated = any(w in NEGATION for w in group_words)
                if low in CANCEL_VERBS and not negated or negated and low not in CANCEL_VERBS:
                    return None
                return subject, f"source: subject of '{low}', the verb whose object the noun is"
        i -= 1
    return None


def _first_comma(view: SentenceView) -> int:
    for j in range(view.first, view.last):
        if view.low(j) == ",":
            return j
    return view.last


def is_passive(view: SentenceView, match: Match, group_words: list[str]) -> bool:
    head = view.tokens[match.head]
    return any(w in BE for w in group_words) and (head.lower.endswith(("ed", "en")) or head.lower in {
        "hit", "met", "struck", "shot", "held", "seized", "caught", "beaten", "bought", "sent", "told",
        "brought", "fought", "built", "cut", "put", "set", "shut", "spread", "won", "led", "lost", "made",
        "paid", "said", "sold", "taken", "thrown", "torn", "given", "driven", "forbidden", "withdrawn"})


def agent_after_by(view: SentenceView, match: Match) -> list[int]:
    j = match.end
    limit = min(view.last, match.end + 5)
    while j < limit:
        if view.low(j) == "by":
            k, _ = _np_mention(view, j + 1, view.last)
            if k is not None:
                return _compound_right(view, k, view.last)
            return []
        j += 1
    return []


#: Words in -ing that are no gerund taking an object: nouns, prepositions, auxiliaries.
_ING_WORDS = {"bring", "thing", "king", "during", "something", "nothing", "anything", "everything",
              "morning", "evening", "being", "having", "spring", "beijing", "wedding", "ceiling", "string",
              "wing", "ring", "building", "meeting", "briefing", "hearing"}


#: Determiners and adjectives that open a noun phrase and are never adverbs before a verb
#: ("a fresh plea", "new sanctions"; not "first", "further", "more": "Lithuania first opened").
_NOUN_OPENERS = DETERMINERS - {"first", "further", "more", "close", "closer", "all", "both", "each",
                               "own", "no", "such", "that", "this", "these", "those", "some"}
#: Words before a head that make it a noun (with digits and words in -ed, see looks_like_noun_use).
_NOUN_BEFORE = (NUMBERS | _NOUN_OPENERS | {"out", "up"}) - AUXILIARIES


def looks_like_noun_use(view: SentenceView, head: int, noun_preps: tuple[str, ...] = ()) -> bool:
    """A head used as a noun: "an aid pact", "Trump's return", "facing sanctions from", "This Moscow visit"."""
    if head == view.first and not view.low(head).endswith("ing"):
        return True  # a sentence opens with a noun phrase or a participle, not a finite verb
    prev = view.low(head - 1)
    if prev.endswith("ing") and prev not in _ING_WORDS or prev in INTRODUCERS:
        # object of a gerund or an introducer: "Facing sanctions", "amid attacks"; not after
        # a noun in -ing ("Monday evening staged") or "being" ("are being deployed")
        return True
    k = view.mention_end.get(head - 1)
    if k is not None:
        first, last = view.mention_tokens[k]
        if view.low(first - 1) in {"this", "that", "a", "an", "these", "those"} \
                and view.tokens[last - 1].is_upper_initial and not (
                view.mentions[k].kind == "agent" and view.low(first - 1) in ("a", "an")):
            # "This Moscow visit": the name modifies a noun; "a Swiss court rejected", "(said)
            # that the Biden administration left" have a subject that ends in a common noun
            return True
        if noun_preps and view.low(head + 1) in set(noun_preps) | {"from", "by"}:
            return True  # "US sanctions on Iran"
    if prev in ("that", "which") and view.low(head - 2) in DOCUMENTS:
        return False  # a relative clause on a document: "a report that calls on", a verb
    if prev in ("of", "for") and view.low(head - 2) in _CULPABLE and view.low(head).endswith("ing"):
        return False  # "guilty of violating the ceasefire": a gerund with its object
    low = view.low(head)
    if low.endswith("ings") and len(low) > 6:
        return True  # "killings", "bombings": no verb form ends so
    if (prev in _NOUN_BEFORE or prev.isdigit() or prev[-2:] == "ed" and len(prev) > 4 and prev.isalpha()) \
            and not view.tokens[head - 1].text[:1].isupper() and head - 1 not in view.mention_at:
        # a count ("two dozen air strikes"), a particle ("carried out strikes"), an adjective
        # that opens a noun phrase ("a fresh plea") or a participle or past verb ("coordinated
        # attacks", "imposed blockades") before it: two verbs in a row are not English
        return True
    if view.low(head - 2) in ("and", "or") and prev.isalpha() and view.tokens[head - 1].text[:1].islower() \
            and prev not in _NOT_NOUNS and not prev.endswith("ly") \
            and head - 1 not in view.mention_at and view.low(head - 3).isalpha() and head - 3 not in view.mention_at:
        return True  # "air and artillery strikes": a coordination of modifiers before a noun
    return prev in {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "’s", "'s",
                    "of", "for", "these", "those", "whose", "any", "no", "each", "every", "such",
                    "maximum", "minimum", "more", "less", "further"}
