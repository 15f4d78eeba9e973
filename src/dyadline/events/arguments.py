"""The extent of an event's argument: the noun phrase that fills the role around its actor.

The role rules (``clauses``) find the actor that stands for the source or target; an event
reports the **phrase** that fills the role, as annotators of event arguments mark it
(ACE-style argument extents, and the ConfliBERT/Multi-CoPED source/target spans used by the
``dyads`` suite): the actor with its determiner and modifiers ("a prominent Venezuelan
opposition leader"), a possessor ("Libya's renegade Gen. Khalifa Haftar"), the noun it
modifies or that it possesses ("a UN draft resolution", "Trump's decision"), an "of"/"in"
phrase ("President Erdogan of Turkey", "protesters in southern Nepal") and an apposition
("the Palestinian president, Mahmoud Abbas").  The actor, and so the event's codes, stay
those of the mention the rules chose: only the span grows.

Shallow on purpose (no parser): a word joins the phrase when it cannot end a noun phrase's
left or right edge in news English (prepositions, auxiliaries, speech verbs, time words,
adverbs in -ly, conjunctions stop it), so a phrase never runs into the verb group or past
a clause boundary.
"""

from __future__ import annotations

from bisect import bisect_left

from ..model import Actor, Mention
from .clauses import (_compound_right, _list_closes, _np_mention, APPROXIMATE as _APPROXIMATE, AUXILIARIES, CLAUSE_END,
                      DETERMINERS, NUMBERS, PREPOSITIONS, RELATIVE, SPEECH, TIME_WORDS, SentenceView, name_particles,
                      skip_quantity)

#: Words that never stand inside a noun phrase at its edge.
_STOP = (PREPOSITIONS | AUXILIARIES | SPEECH | RELATIVE | CLAUSE_END | TIME_WORDS | NUMBERS) - DETERMINERS | {
    "and", "or", "but", "nor", "so", "also", "however", "meanwhile", "thus", "there", "here", "it", "they",
    "he", "she", "we", "i", "you", "him", "them", "us", "me", "whose", "what", "where", "how", "why",
    "said", "says", "told", "reported", "according", "including", "not", "is", "are", "was", "were", "has",
    "have", "had", "will", "would", "mr", "mrs", "ms", "dr", "ago", "yet", "too", "very", "well",
    "\u2019s", "'s", "-", "--", "\u2013", "\u2014", "that", "due", "overnight", "known", "taken", "given", "made", "seen", "been", "done", "gone", "shown", "let",
    "until", "unless", "till", "held", "kept", "sent", "brought", "caught", "hit", "shot", "struck"}
#: Determiners that open a noun phrase on the left ("that" opens clauses more often).
_OPENERS = (DETERMINERS - {"that", "more", "further", "close", "closer", "first"}) | NUMBERS | {
    "top", "senior", "former", "both", "most", "few"}
#: Nouns and adjectives that end in "-ly" like adverbs (which end a noun phrase).
_LY_NOUNS = {"family", "assembly", "rally", "supply", "monopoly", "anomaly", "homily", "deadly", "elderly",
             "friendly", "unfriendly", "daily", "weekly", "monthly", "quarterly", "yearly", "costly", "lonely",
             "orderly", "holy", "early", "likely", "unlikely", "only", "ugly", "bully"}
#: Tokens after which a noun phrase may start with a plain word ("Meanwhile, reinforced troops").
_BOUNDARIES = {",", ";", ":", "(", "\"", "\u201c", "and", "or", "but"}
#: Prepositions before which a noun phrase starts, so its first word may be a plain
#: adjective ("aid to various African countries", "the ban on outlawed Netra Bikram Chand").
_OPENING_PREPOSITIONS = {"to", "on", "against", "for", "with", "toward", "towards", "from"}
#: Titles that take a "to" phrase: "the UAE Ambassador to Bahrain".
_TO_TITLES = {"ambassador", "envoy", "representative", "delegate", "emissary", "ambassadors", "envoys"}
#: Words of a count that may open a phrase ("more than 16,000 Syrians").
_COUNTING = {"more", "less", "fewer", "about", "around", "nearly", "almost", "some", "roughly", "approximately"}
#: Time words that are adjectives after a determiner ("the last bastion").
_ORDINALS = {"last", "next", "early", "late"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_APPOSITIVE_OPENERS = {"a", "an", "the", "his", "her", "its", "their"}
_MODIFIERS_MAX = 4
#: Words in -ing that modify a noun like adjectives ("China's biggest shipping company", "the
#: ruling party", "its neighbouring countries"), unlike the verbs in -ing that end a phrase.
_ING_MODIFIERS = {"peacekeeping", "shipping", "ruling", "training", "governing", "leading", "developing",
                  "remaining", "existing", "ongoing", "upcoming", "neighbouring", "neighboring", "opposing",
                  "warring", "missing", "rising", "growing", "outgoing", "incoming", "sitting",
                  "emerging", "surrounding", "mining", "banking", "trading", "manufacturing", "polling",
                  "voting", "housing", "funding", "fighting", "striking", "coming", "reigning", "founding"}
#: Prepositional phrases a noun phrase may chain ("the Ministry of Health of Ethiopia").
_LINKS_MAX = 3


def _plain_word(view: SentenceView, j: int) -> bool:
    """A lower-case word that can stand inside a noun phrase: an adjective or a noun."""
    low = view.low(j)
    if not low or low in _STOP or not view.tokens[j].text[:1].islower():
        return False
    if not low.replace("-", "").isalpha() or (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS):
        return False
    return not low.endswith("ing") or "-" in low or low in _ING_MODIFIERS


def _left_edge(view: SentenceView, first: int, lo: int) -> int:
    """Where the noun phrase whose actor starts at token ``first`` begins (not before ``lo``)."""
    j = first
    words = 0
    while j - 1 >= lo and words < _MODIFIERS_MAX:
        i = j - 1
        low = view.low(i)
        if i in view.mention_end and view.low(j) in _POSSESSIVE:
            break  # handled below: the possessor of the phrase
        if low in _POSSESSIVE and i - 1 >= lo:
            k = view.mention_end.get(i - 1)
            if k is not None:
                j = view.mention_tokens[k][0]  # "Libya's renegade Gen. Haftar": the possessor
            elif view.tokens[i - 1].is_upper_initial and view.low(i - 1) not in _STOP:
                j = i - 1
            else:
                break
            words += 1
            continue
        if low in ("least", "most", "than") and view.low(i - 1) in ("at", "more", "less", "fewer") or \
                low == "of" and view.low(i - 1) in NUMBERS:
            j = i - 1  # "at least 75 people", "more than 16,000 Syrians", "dozens of activists"
            words += 1
            continue
        if low in _APPROXIMATE and (view.low(j)[:1].isdigit() or view.low(j) in NUMBERS):
            j = i  # "about one million refugees"
            words += 1
            continue
        if low in _OPENERS or low[:1].isdigit() or low in _ORDINALS and view.low(i - 1) in DETERMINERS:
            j = i
            words += 1
            continue
        if _plain_word(view, i) and view.low(j) not in _NEW_PHRASE and not (
                view.low(i - 1) == "to" and infinitive_at(view, i)) and (
                not low.endswith("ed") or "-" in low or view.low(i - 1) in _OPENERS
                or view.low(i - 1) in _OPENING_PREPOSITIONS):
            j = i  # "a prominent opposition leader", "aid to displaced Syrians", "the ban on outlawed X"
            words += 1
            continue
        if i == view.first and view.tokens[i].is_upper_initial and low not in _STOP and low.isalpha() \
                and low not in ("in", "on", "at", "after", "as", "while", "when", "if", "but", "and") \
                and not (low.endswith("ly") and len(low) > 4):
            j = i  # a sentence-initial modifier: "Both Ministers", "Chief negotiator X"
            words += 1
        break
    while j < first and (view.low(j) in _POSSESSIVE or _plain_word(view, j) and view.low(j) not in _OPENERS
                         and view.low(j) not in _COUNTING and j - 1 >= view.first
                         and view.low(j - 1) not in _BOUNDARIES and not (
                             view.low(j - 1) in _OPENING_PREPOSITIONS and not infinitive_at(view, j))):
        j += 1  # a plain word opens the phrase only after a boundary: not "seen" in "we've seen Russia"
    return j


def _noun_run(view: SentenceView, j: int, hi: int, limit: int = 3) -> int:
    """The end of the lower-case noun/adjective run starting at j ("draft resolution"); a
    hyphen written between two words joins them into one ("military-run companies",
    "state-owned oil company"), also onto the word before j ("Myanmar's military-run ...")."""
    i = j
    words = 0
    while i < hi and words < limit:
        if view.low(i) == "-" and i > 0 and i + 1 < hi and not view.tokens[i - 1].space \
                and not view.tokens[i].space and view.tokens[i + 1].text[:1].islower() and view.low(i + 1).isalpha():
            i += 2
            continue
        if not (_plain_word(view, i) and view.low(i) not in DETERMINERS
                and (not view.low(i).endswith("ed") or "-" in view.low(i))):
            break
        i += 1
        words += 1
    return i


def _name_run(view: SentenceView, j: int, hi: int) -> int:
    """The end of a run of capitalised words (or a mention) starting at j; a name particle
    before a capitalised word stays inside ("Ahrar al-Sham", "Osama bin Laden": the particles
    of data/name_particles.tsv that may stand before a capital, not English function words)."""
    particles = name_particles()
    k = view.mention_start.get(j)
    i = j if k is None else min(view.mention_tokens[k][1], hi)
    while i < hi and i - j < 8:
        token = view.tokens[i]
        if token.is_upper_initial and view.low(i) not in _STOP and token.text[:1].isalpha():
            i += 1
        elif i > j and view.low(i) == "-" and not view.tokens[i - 1].space and not token.space and i + 1 < hi:
            i += 2  # "Roberts-Smith", "Serb-held"
        elif i > j and (view.low(i) == "-" or view.low(i) in particles.foreign and view.low(i) in particles.anywhere) \
                and i + 1 < hi and view.tokens[i + 1].is_upper_initial:
            i += 1
        else:
            break
    return i


def _name_tail(view: SentenceView, end: int, hi: int) -> int:
    """The end of the name the actor begins, past the mention: "the Iraq Humanitarian Fund",
    "US-backed", "the Jamiat-i-Islami Afghanistan (JIA)"."""
    j = end
    while j < hi:
        token = view.tokens[j]
        if view.low(j) == "-" and j + 1 < hi and not view.tokens[j - 1].space and not token.space:
            j += 2  # a hyphenated word: "US-backed", "Taliban-allied"
        elif token.is_upper_initial and token.text[:1].isalpha() and view.low(j) not in _STOP \
                and j - end < 4 and view.tokens[j - 1].text not in (",", ";"):
            j += 1
        elif view.low(j) == "(" and j + 2 < hi and view.low(j + 2) == ")" and view.tokens[j + 1].text.isupper():
            j += 3  # an acronym: "(JIA)"
        else:
            break
    return j


def _right_edge(view: SentenceView, end: int, hi: int, nouns: bool) -> int:
    """Where the noun phrase whose actor ends before token ``end`` ends (not after ``hi``).

    ``nouns``: whether plain words after the actor may be its head noun ("army camp"); not
    where a verb may follow the phrase (the target of a noun trigger inside a subject:
    "sanctions on Iran hurt").
    """
    j = _name_tail(view, end, hi)
    common = j > end or view.mentions[view.mention_at[end - 1]].kind in ("agent", "demonym")
    headed = False  # the phrase's head is a noun after the actor: "the family of the victims"
    if view.low(j) in ("'s", "\u2019s") and j + 1 < hi:
        after = _noun_run(view, j + 1, hi)
        if after > j + 1:
            j, headed = after, True  # "Trump's decision", "the bank's optimism"
    elif nouns:
        after = _noun_run(view, j, hi)  # "army camp", "a UN draft resolution"
        common, headed = common or after > j, after > j
        j = after
    if headed and _name_starts(view, j, hi):
        j = _name_run(view, j, hi)  # a name after its title: "the space agency Glavkosmos"
    if view.low(j) == "to" and view.low(j - 1) in _TO_TITLES and _name_starts(view, j + 1, hi):
        j = _name_run(view, j + 1, hi)  # "the UAE Ambassador to Bahrain"
    for _ in range(_LINKS_MAX):
        if not ((view.low(j) == "of" or view.low(j) == "in" and common) and j + 1 < hi):
            break
        tail = _phrase_end(view, j + 1, hi)
        named = any(view.tokens[i].is_upper_initial or i in view.mention_at for i in range(j + 1, tail))
        if not (tail > j + 1 and (named or view.low(j) == "of" and headed)) or _time_phrase(view, j + 1, tail):
            break
        j = tail  # "President Erdogan of Turkey", "a military base in Borno state village of Kamuya"
        common = headed = True  # the phrase's head is now a common noun or a name in the chain
    return _acronym_end(view, j, hi) if view.low(j) == "(" else j


def _coordinated_end(view: SentenceView, end: int, hi: int) -> int:
    """The end of a noun phrase joined to the phrase ending at token ``end`` by "and", when it
    names no actor of its own ("Palestinian people and organizations", "Iran's parliament and
    the shrine of Khomeini"), or ``end``.  A conjunct that opens with an actor is a member of
    its own ("India and Pakistan": the compound rules), and one that a preposition or verb
    follows is no conjunct of the phrase ("laid down its weapons and shift to camps")."""
    if view.low(end) != "and" or end + 1 >= hi:
        return end
    k, _ = _np_mention(view, end + 1, hi, place_ok=True)
    if k is not None or (end + 1) in view.mention_start:
        return end
    tail = _phrase_end(view, end + 1, hi)
    if tail <= end + 1 or any(i in view.mention_start for i in range(end + 1, tail)):
        return end
    for _ in range(_LINKS_MAX):  # "members of a tiny rebel group", "the shrine of revolutionary leader X"
        if view.low(tail) != "of" or tail + 1 >= hi:
            break
        after = _phrase_end(view, tail + 1, hi)
        if after <= tail + 1:
            break
        tail = after
    first = view.low(end + 1) if view.low(end + 1) not in _APPOSITIVE_OPENERS else view.low(end + 2)
    if view.tokens[end + 1].is_upper_initial or view.low(tail) not in (",", ".", ";", ")") and tail < view.last:
        return end  # a name ("the people and Government of Cambodia"), or the clause goes on
    if view.low(end + 1) not in _APPOSITIVE_OPENERS and not first.endswith("s"):
        return end  # a bare word that is no plural noun is rather a verb: "attack the base and kill X"
    return tail


def _acronym_end(view: SentenceView, j: int, hi: int) -> int:
    """The token after an acronym in brackets at token j, or j: the acronym of a name that
    ends an "of" phrase belongs to it ("the Students Islamic Movement of India (SIMI)")."""
    if view.low(j) == "(" and j + 2 < hi and view.low(j + 2) == ")" and view.tokens[j + 1].text.isupper() \
            and view.low(j - 1) != ")":
        return j + 3
    return j


def _time_phrase(view: SentenceView, j: int, end: int) -> bool:
    """Whether tokens [j, end) name a time ("the coming weeks", "recent months", "June 2017"):
    a phrase after "in" or "of" that says when, not which."""
    return any(view.low(i) in _PERIODS or view.low(i) in ("weeks", "months", "years", "days", "hours")
               for i in range(j, end))


def _name_starts(view: SentenceView, j: int, hi: int) -> bool:
    """Whether a capitalised name (not a day, a month or a function word) starts at token j."""
    token = view.tokens[j] if j < hi else None
    return token is not None and token.is_upper_initial and token.text[:1].isalpha() \
        and view.low(j) not in _STOP and view.low(j) not in _DAYS


def _apposition_end(view: SentenceView, end: int, hi: int) -> int | None:
    """The end of an apposition after the phrase ("Abbas, the Palestinian president,"), or None.

    An apposition is a name or a determiner-led title between commas (or before the end of
    the clause); a comma followed by "and" makes a list instead ("Putin, Xi, and Modi").
    """
    if view.low(end) != "," or end + 1 >= hi or _list_closes(view, end, hi):
        return None
    i = end + 1
    if view.low(i) in _APPOSITIVE_OPENERS:
        i += 1
        while i < hi and i - end <= 8 and (view.low(i) not in _STOP or view.low(i) in ("of", "for")) \
                and view.low(i) != ",":
            i += 1
    elif view.tokens[i].is_upper_initial and view.low(i) not in _STOP:
        i = _name_run(view, i, hi)
    else:
        return None
    if i <= end + 1:
        return None
    closing = view.low(i) if i < view.last else "."
    if closing not in (",", ".", ";") and i != hi:
        return None
    if closing == "," and view.low(i + 1) in ("and", "or", "as"):
        return None
    return i


def widen(view: SentenceView, k: int, lo: int, hi: int, nouns: bool = True, descriptions: bool = True) -> Mention:
    """Mention k with its span grown to the argument phrase, within tokens [lo, hi).

    ``descriptions``: whether an apposition that describes ("Gul Rahman, a suspected militant")
    joins the phrase, as it does for a subject between commas; after the verb only a name in
    apposition to a title does ("the Palestinian president, Mahmoud Abbas")."""
    mention = view.mentions[k]
    first, end = view.mention_tokens[k]
    if first < 0 or mention.kind == "pronoun":
        return mention
    start = _left_edge(view, first, max(lo, view.first))
    stop = _right_edge(view, end, min(hi, view.last), nouns)
    closing = _apposition_end(view, stop, min(hi, view.last))
    if closing is not None and not descriptions and view.low(stop + 1) in _APPOSITIVE_OPENERS:
        closing = None
    if closing is not None:
        stop = closing
    elif nouns and view.low(stop) == "and":
        stop = _coordinated_end(view, stop, min(hi, view.last))
    if start == first and stop == end:
        return mention
    tokens = view.tokens
    begin, finish = min(tokens[start].start, mention.start), max(tokens[stop - 1].end, mention.end)
    text = view.doc.text[begin:finish]
    return Mention(text, begin, finish, mention.actor, mention.kind)


def _phrase_end(view: SentenceView, j: int, hi: int) -> int:
    """The end of a noun phrase starting at token j (j itself when none starts there): a count,
    determiners, modifiers, names and possessors up to the head noun ("a Japanese-drafted U.N.
    Security Council resolution", "the Kirkuk council decision")."""
    i = skip_quantity(view, j, hi)
    while i < hi and i - j < 10:
        low = view.low(i)
        k = view.mention_start.get(i)
        if k is not None:
            i = max(view.mention_tokens[k][1], i + 1)
        elif low in _OPENERS and (i == j or view.low(i - 1) in _OPENERS) or low[:1].isdigit() and (
                i == j or view.low(i - 1) in _OPENERS or view.low(i - 1)[:1].isdigit()
                or view.tokens[i - 1].is_upper_initial):  # not "its owners 71 years after"
            i += 1
        elif low in _POSSESSIVE and i > j:
            i += 1
        elif low == "-" and i > j and not view.tokens[i - 1].space and i + 1 < hi:
            i += 2
        elif _plain_word(view, i) and low not in _NEW_PHRASE and (
                not low.endswith("ed") or "-" in low or view.low(i - 1) in _OPENERS) \
                or (view.tokens[i].is_upper_initial and low not in _STOP and view.tokens[i].text[:1].isalpha()
                    and (low not in _DAYS or i == j)):  # not "the police in Camarines Norte Monday"
            i += 1
        else:
            break
    while i > j and (view.low(i - 1) in _OPENERS or view.low(i - 1) in _POSSESSIVE):
        i -= 1  # a phrase ends on its head, not on a determiner
    return i


#: Words that open another noun phrase: inside a phrase they end it ("offered to US an armored
#: regiment", "violated the ceasefire more than 200 times", "freed on bail two ex-ministers").
_NEW_PHRASE = NUMBERS | {"a", "an", "the", "this", "that", "these", "those", "some", "any", "all", "both", "each",
                         "several", "many", "no", "more", "two", "three", "four", "five"}


_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
         "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_PERIODS = _DAYS | {"week", "month", "year", "weekend", "night", "morning", "evening", "afternoon"}


def _after_time_phrase(view: SentenceView, j: int, hi: int) -> int:
    """The token after a time phrase that stands between a verb and its object ("vetoed on
    Friday a resolution", "met last week the envoy"), or j."""
    low, nxt = view.low(j), view.low(j + 1)
    if low in ("yesterday", "today", "tonight"):
        j += 1
    elif low == "on" and nxt in _DAYS or low in ("last", "this", "next", "early", "late") and nxt in _PERIODS:
        j += 2
        while j < hi and (view.low(j)[:1].isdigit() or view.low(j) in _PERIODS):
            j += 1
    else:
        return j
    return j + 1 if view.low(j) == "," else j


def object_phrase(view: SentenceView, j: int, hi: int) -> Mention | None:
    """The noun phrase at token j as a role filler when no actor opens it: its actor is the
    last actor named before its head ("a U.N. Security Council resolution") or, failing
    that, the actor of an "of"/"from"/"by" phrase after it ("the call of the European
    Parliament", "an offer from the Afghan government"); with neither, the phrase stands
    uncoded (kind ``phrase``: "rejected the legislation"), so the event says what it was
    directed at without inventing an actor."""
    hi = min(hi, view.last)
    j = _after_time_phrase(view, j, hi)
    end = _phrase_end(view, j, hi)
    if end <= j or end - j == 1 and view.low(j) in _OPENERS:
        return None
    actor_at = None
    for i in range(j, end):
        k = view.mention_start.get(i)
        if k is not None and view.is_actor(k) and view.mentions[k].kind != "pronoun":
            actor_at = k
    for link in range(_LINKS_MAX):  # "the Ministry of Health of Ethiopia", "parts of the city of Ahmedabad"
        if not (view.low(end) in (("of", "from", "by", "in") if link == 0 else ("of",)) and end + 1 < hi):
            break  # a later "in" phrase tells where, not which ("the reform of the law in Myanmar")
        inner = end + 1
        tail = _phrase_end(view, inner, hi)
        if tail <= inner or _time_phrase(view, inner, tail):
            break
        if actor_at is None and view.low(end) != "in":
            for i in range(inner, tail):
                k = view.mention_start.get(i)
                if k is not None and view.is_actor(k) and view.mentions[k].kind != "pronoun":
                    actor_at = k
                    break
        end = tail
    if view.low(end) == "(":
        end = _acronym_end(view, end, hi)
    tokens = view.tokens
    start, finish = tokens[j].start, tokens[end - 1].end
    text = view.doc.text[start:finish]
    if actor_at is not None:
        mention = view.mentions[actor_at]
        return Mention(text, start, finish, mention.actor, mention.kind)
    return Mention(text, start, finish, Actor(None, "", "", text, 0.0), kind="phrase")


#: Prepositions that aim an act at a party: "returned the paintings **to** the museum",
#: "called for sanctions **against** Turkey", "hosted a dinner **for** Netanyahu".
RECIPIENT_PREPOSITIONS = {"to", "for", "against", "on", "toward", "towards", "with"}
#: Prepositions of the place where an act happens: "declared a ceasefire **in** Tripoli".
PLACE_PREPOSITIONS = {"in", "into"}
#: Endings of adjectives, which may stand between "to" and a name ("to various African countries").
_ADJECTIVE_ENDINGS = ("ous", "al", "ic", "ive", "an", "ern", "ese", "ful", "ary", "ed")
#: Words that open an object: after one, the word before is a verb ("to address the needs").
_OBJECT_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "them",
                   "him", "it", "us", "as", "up", "out", "off"}
#: Words in -ing that are no verb: nouns and prepositions.
_ING_NOUNS = {"during", "including", "according", "building", "meeting", "morning", "evening", "spring",
              "wing", "king", "something", "nothing", "anything", "everything", "being", "funding",
              "training", "bombing", "bombings", "shooting", "fighting", "killing", "wedding", "hearing",
              "briefing", "beijing", "housing", "beginning", "ending", "landing", "reporting", "shelling",
              "following", "regarding", "concerning", "excluding", "pending", "barring"}


def infinitive_at(view: SentenceView, j: int) -> bool:
    """Whether token j, after "to", is a verb in the infinitive rather than the start of a noun
    phrase: a lower-case word that an object follows ("to help North Korea", "to address the
    needs", "to serve as"), not an adjective ("to various African countries") nor the first
    word of a noun run ("to aid agencies")."""
    low = view.low(j)
    if not low.isalpha() or not view.tokens[j].text[:1].islower() or low in _STOP or low in DETERMINERS \
            or low in NUMBERS:
        return False
    nxt = j + 1
    if view.low(nxt) in _OBJECT_OPENERS:
        return True
    return (nxt in view.mention_start or view.tokens[nxt].is_upper_initial) and not low.endswith(_ADJECTIVE_ENDINGS)


def _opens_clause(view: SentenceView, j: int) -> bool:
    """Whether token j opens a non-finite clause inside the clause (a gerund: "accused the law
    of attacking civil society in Hungary"; an infinitive: "summoned the envoy to complain
    about X"): what follows belongs to that clause's verb, not to the event's."""
    low = view.low(j)
    if low.endswith("ing") and low.isalpha() and low not in _ING_NOUNS and view.tokens[j].text[:1].islower():
        return True
    return low == "to" and infinitive_at(view, j + 1)


def oblique_target(view: SentenceView, start: int, stop: int,
                   complement: bool = False) -> tuple[list[Mention], str] | None:
    """The party an act is aimed at when its object names none: the actor of a phrase after a
    preposition that aims ("suspended food supplies **to the Afghan Mujahideen**", "called for
    sanctions **against Turkey**", each member of "against both **Libya** and **Iraq**") or,
    failing that, the place the act happens in ("declared a ceasefire **in Tripoli**"), searched
    from token ``start`` to the end of the clause or a non-finite verb.  ``complement``: the
    trigger's verb stands right before ``start`` with no object of its own, so an infinitive or
    a gerund there is its complement, whose object is the target ("threatened to shell
    **Haifa**", "is considering sending aid **to North Korea**").

    Why: the object of a transfer is the thing given, not the party (CAMEO codes the
    recipient, and so do the ``dyads`` annotators), and an act with no party is coded against
    the place it is done in, as event data sets do ("troops remained on alert in Paris").
    """
    if not any(i in view.mention_start for i in range(start, min(stop, view.last))):
        return None  # no actor left in the clause: no party and no place to find (most events)
    hi = min(stop, view.last, start + 15)
    first = start
    if complement and _opens_clause(view, start):  # "threatened to shell Haifa", "is considering sending"
        verb = start + 1 if view.low(start) == "to" else start
        found = _verb_object(view, verb, stop)
        if found:
            return found, "target: the object of the verb the phrase introduces"
        first = verb + 1
    for j in range(first, hi):
        low = view.low(j)
        if low == "to" and view.low(j + 1) in _BENEFIT:
            found = _verb_object(view, j + 1, stop)  # "sent aid to help North Korea"
            if found:
                return found, f"target: the party '{view.low(j + 1)}' is for"
        if low in (",", ";") or low in SPEECH or low in RELATIVE or \
                (low == "to" or low.endswith("ing")) and _opens_clause(view, j) or \
                low in ("and", "or") and view.tokens[j + 1].text[:1].islower() and view.low(j + 1) not in DETERMINERS \
                and (j + 1) not in view.mention_start:
            break  # the clause ends, or a verb is coordinated ("and shift to camps")
        if low in RECIPIENT_PREPOSITIONS and j + 1 < hi:
            k, _ = _np_mention(view, j + 1, stop)
            if k is not None and view.mentions[k].kind != "pronoun":
                members = _compound_right(view, k, stop)
                lo = j + 2 if view.low(j + 1) in ("both", "either") and len(members) > 1 else j + 1
                return [widen(view, m, lo, stop, descriptions=False) for m in members], \
                    f"target: the party after '{low}'"
            found = object_phrase(view, j + 1, stop)
            if found is not None and found.kind not in ("phrase", "pronoun"):
                return [found], f"target: the party after '{low}'"
        elif low in PLACE_PREPOSITIONS:
            i = j + 1
            while i < hi and i - j <= 3 and i not in view.mention_start and (
                    view.low(i) in DETERMINERS or _plain_word(view, i)):  # not "New" of "New Delhi"
                i += 1
            k = view.mention_start.get(i)
            if k is not None and view.is_actor(k, place_ok=True) and view.mentions[k].kind not in _NO_PLACES:
                return [_place(view, k, stop)], f"target: the place after '{low}'"
    return None


#: Kinds of mention that name no place ("sent in troops", "in him").
_NO_PLACES = {"pronoun", "person", "agent", "title"}
#: Verbs whose object is the party an act benefits ("sent aid to help North Korea").
_BENEFIT = {"help", "assist", "support", "aid", "benefit", "feed", "protect", "rescue"}


def _verb_object(view: SentenceView, verb: int, stop: int) -> list[Mention]:
    """The actor (each member of a compound) that opens the object of the verb at token
    ``verb`` ("shell **Haifa**"), grown to its phrase; [] when the object is no actor."""
    k, _ = _np_mention(view, verb + 1, stop)
    if k is None or view.mentions[k].kind == "pronoun":
        return []
    return [widen(view, m, verb + 1, stop, nouns=view.mentions[m].kind in ("demonym", "agent"), descriptions=False)
            for m in _compound_right(view, k, stop)]


def _place(view: SentenceView, k: int, hi: int) -> Mention:
    """Mention k as the place an act happens in: the name with the rest of it and its "of"
    phrase ("Borno State", "the Iraqi city of Falluja"), not an apposition ("Nigeria, the
    former stronghold of ...") nor a common noun after a name ("Uganda responsible")."""
    mention = view.mentions[k]
    _, end = view.mention_tokens[k]
    stop = _right_edge(view, end, min(hi, view.last), mention.kind in ("demonym", "agent"))
    if stop == end:
        return mention
    finish = max(view.tokens[stop - 1].end, mention.end)
    return Mention(view.doc.text[mention.start:finish], mention.start, finish, mention.actor, mention.kind)


#: Words that open the second member of a coordinated object ("the police station and **the**
#: army barracks"); a bare lower-case word after "and" is more often a verb ("and killed").
_CONJUNCT_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "other", "several", "some", "all",
                     "many", "both", "two", "three", "four", "five", "dozens", "hundreds", "thousands"}
#: Words that may follow a coordinated object: its clause goes on (a place, a time, a reason)
#: or ends; any other word after the member makes it the subject of a new clause ("killed the
#: soldier and the rebels fled").
_AFTER_CONJUNCT = {",", ".", ";", ":", "in", "on", "at", "near", "for", "from", "of", "with", "over",
                   "after", "before", "during", "since", "because", "amid", "across", "throughout", "to",
                   "as", "last", "this", "earlier", "overnight", "yesterday", "today", "—", "--", ")", "\""}


def conjunct_targets(view: SentenceView, j: int, stop: int) -> list[Mention]:
    """The further members of a coordinated target that starts before token ``j`` (the token
    right after the first member): "attacked the Saudi airport of Abha **and the Khamis
    Mushait military base**", "sanctions against Glavkosmos **and the Indian Space Research
    Organization (ISRO)**", "refugees **and vulnerable Jordanians**" is left alone (no opener).
    Each member is a phrase of its own (an actor's when it holds one, else uncoded).

    Why: the ``dyads`` annotators mark each member of a compound as a span, and an act done
    to both is done to each; the first member alone misses the second party."""
    hi = min(stop, view.last)
    members: list[Mention] = []
    while j < hi and len(members) < 3:
        low = view.low(j)
        nxt = j + 1
        if low == "," and view.low(nxt) == "and":
            nxt += 1
        elif low != "and":
            break
        if view.low(nxt) not in _CONJUNCT_OPENERS and not (
                nxt in view.mention_start and view.is_actor(view.mention_start[nxt])):
            break
        found = object_phrase(view, nxt, hi)
        if found is None or found.kind == "pronoun":
            break
        after = bisect_left(view.doc.token_starts(), found.end)
        if after < view.last and view.low(after) not in _AFTER_CONJUNCT and view.low(after) != "and":
            break  # the member opens a clause of its own ("and the rebels fled")
        members.append(found)
        j = after
    return members


def recipient_phrase(view: SentenceView, start: int, stop: int) -> Mention | None:
    """The phrase after "to" past a transfer's object, actor or not, from token ``start`` (the
    token after the object) to the end of the clause: "returned a 16th century Hebrew Bible
    **to its owners**", "handed over the equipment **to the health ministry**".  None when "to"
    opens an infinitive ("to help Haiti") or the clause ends first.

    Why: for an act that gives something (an entry whose target is "to"), the object is the
    thing given and the party is its recipient, named or not (CAMEO codes the recipient, and so
    do the ``dyads`` annotators); the thing itself is no target when a recipient is written."""
    for j in range(start, min(stop, view.last, start + 12)):
        low = view.low(j)
        if low == "to":
            if infinitive_at(view, j + 1) or view.low(j + 1) in _BENEFIT:
                return None  # a purpose clause: "to help Haiti", "to support health services"
            found = object_phrase(view, j + 1, stop)
            return found if found is not None and found.kind != "pronoun" else None
        if low in (",", ";") or low in SPEECH or low in RELATIVE:
            return None
    return None
