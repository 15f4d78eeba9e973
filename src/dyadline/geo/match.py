"""Finding toponyms in a segmented article: capitalised token sequences in the name index.

At each capitalised token the longest sequence of up to :data:`MAX_TOKENS` tokens (first and
last capitalised) whose text is a gazetteer name is taken.  What is kept is then filtered by the
evidence around it, because many place names are also words or people:

* a name that is a common English word ("Mobile", "Reading") needs a cue: a locative
  preposition before it ("in Mobile") or a containing place after it ("Mobile, Ala.");
* a city found only among GeoNames' alternative names must be large (alternative names of
  villages are mostly noise), and a small town (under :data:`SMALL_TOWN` people) needs a cue,
  or else is marked ``local``: a place only if the article is about the division it lies in
  (local news names its towns without prepositions);
* a name after a personal title ("President Bush", "leader Kim"), a given name ("Michael
  Jordan") or an initial ("Tyrise M. Bell"), and a name that is also a given name before a
  capitalised word that is not an English word ("Kim Jong Un") is a person;
  such names are remembered and rejected later in the article ("Kim's support") unless a
  preposition makes them places;
* all-capital tokens ("BEIRUT") count only in a dateline or title, before the comma or dash of
  a dateline ("MANSFIELD --"), or as country abbreviations;
* months and days are never places ("March"), nor a town name followed by a capitalised
  street word ("Wichita Street", "Lincoln Avenue").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import TextDoc
from .cues import cues
from .gazetteer import AREA_FEATURES, CITY, COUNTRY, Gazetteer, normalise

MAX_TOKENS = 6
SMALL_TOWN = 15000
LOCAL_TOWN = 1000
BIG_ALTERNATE = 1000000
_PREFIX_VARIANTS = (("st. ", "saint "), ("st ", "saint "), ("mt. ", "mount "), ("ft. ", "fort "),
                    ("mt ", "mount "), ("ft ", "fort "))
_MEMO_LIMIT = 200000
_MISSING = object()  # a memo's "not computed yet" (None is a memoised answer)
#: initials with full stops ("S.C.", "N.Y."): as a state abbreviation, a place wherever it stands
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}\Z")
#: plural division words after a list of names, and the singular that makes each name whole
_PLURAL_DIVISIONS = {"counties": " county", "parishes": " parish"}
_ARTICLES = ("the", "a", "an")
#: what follows an all-capital name in a dateline ("BEIRUT, ...", "MANSFIELD --")
_DATELINE_MARKS = (",", "-", "--", "---", "\u2014", "\u2013", "(")


@dataclass(slots=True)
class Match:
    """A toponym found in the text with the gazetteer entries it may denote."""

    first: int  # token index
    last: int  # token index, exclusive
    start: int
    end: int
    text: str
    key: str
    candidates: list[tuple[int, bool]]
    cue: bool = False  # a locative preposition or a containing place supports it
    preposition: str = ""  # the locative preposition before it, if any
    container: int | None = None  # entry of the place given after a comma ("Alexandria, La.")
    container_match: int | None = None  # index of that place among the matches, if it is one
    abbreviation: tuple[int, int] | None = None  # span of an AP state abbreviation container
    local: bool = False  # a small town without a cue: a place only in an article about its area


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _lookup(gaz: Gazetteer, key: str) -> list[tuple[int, bool]]:
    """The readings of a normalised name (and of its "Saint"/"Mount"/"Fort" form); memoised on
    the gazetteer, since the same names recur in every article.  Callers must not mutate the
    list returned."""
    memo = gaz.lookups
    found = memo.get(key)
    if found is not None:
        return found
    found = gaz.candidates(key)
    if key[:1] in "smf":
        for short, full in _PREFIX_VARIANTS:
            if key.startswith(short):  # "St. Louis" is also "Saint Louis": both sets of readings
                more = [c for c in gaz.candidates(full + key[len(short):]) if c not in found]
                found = found + more
                break
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()  # bounded: a long run over many articles never grows it without end
    memo[key] = found
    return found


def _head_words(gaz: Gazetteer, text: str) -> int:
    """The most tokens a name starting with the token ``text`` may span (0: starts no name).
    Memoised on the gazetteer by token text: most capitalised tokens ("The", "He", "Obama")
    start no name, and this settles them with one dict lookup."""
    memo = gaz.heads
    words = memo.get(text)
    if words is None:
        head = normalise(text)
        words = gaz.first_words.get(head)
        if words is None:
            words = 1 if head in gaz.index else 0
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[text] = words
    return words


def _longest(doc: TextDoc, gaz: Gazetteer, i: int, stop: int) -> tuple[int, str, list] | None:
    tokens = doc.tokens
    words = _head_words(gaz, tokens[i][1])
    if not words:
        return None
    text, keys = doc.text, gaz.keys
    start = tokens[i][2]
    for n in range(min(MAX_TOKENS, stop - i, 3 * words), 0, -1):
        last = tokens[i + n - 1]
        if not last[1][:1].isupper():
            continue
        raw = text[start:last[3]]
        key = keys.get(raw)
        if key is None:
            if len(keys) >= _MEMO_LIMIT:
                keys.clear()
            key = keys[raw] = normalise(raw)
        found = _lookup(gaz, key)
        if found:
            return n, key, found
    return None


def _capitalised_tokens(doc: TextDoc) -> list[int]:
    """Indices of the tokens whose first character is upper case: the only places a name may
    start, so that the matcher's per-token work happens at these alone (computed once by the
    segmenter and shared with the other stages)."""
    return doc.capitalised()


def find_matches(doc: TextDoc, gaz: Gazetteer) -> list[Match]:
    """Every toponym candidate of the article, left to right, non-overlapping, filtered."""
    cue = cues()
    tokens, text = doc.tokens, doc.text
    header_end = max(doc.dateline_end, doc.title_end)
    matches: list[Match] = []
    persons: set[str] = set()
    sentence_tokens = doc.sentence_tokens
    locative = cue.locative_prepositions
    person_titles, first_names = cue.person_titles, cue.first_names
    heads, keys, spans = gaz.heads, gaz.keys, gaz.spans
    caps = _capitalised_tokens(doc)
    ncaps = len(caps)
    skip = 0  # tokens before this one are inside a match already taken or passed over
    for p, i in enumerate(caps):
        if i < skip:
            continue
        tok = tokens[i]
        # the longest name from here (what _longest does), trying only capitalised last tokens
        words = heads.get(tok[1])
        if words is None:
            words = _head_words(gaz, tok[1])
        if not words:  # starts no name: perhaps an AP state abbreviation ("in S.C.")
            if i and tokens[i - 1][4] in locative:
                first_tok, stop = sentence_tokens[tok[5]]
                if i > first_tok:
                    abbreviation = _abbreviation_place(doc, gaz, i, first_tok, stop, cue)
                    if abbreviation is not None:
                        matches.append(abbreviation)
                        skip = abbreviation.last
                        continue
            if tok[1][-1] == "." and _INITIALS.match(tok[1]) and not (
                    matches and matches[-1].abbreviation is not None
                    and matches[-1].abbreviation[0] == tok[2]):  # not "Columbia, S.C." again
                state = gaz.abbreviations.get(tok[4])
                if state is not None:  # "the S.C. Highway Patrol": initials name no one else
                    matches.append(Match(i, i + 1, tok[2], tok[3], tok[1], tok[4], [(state, False)]))
            continue
        first_tok, stop = sentence_tokens[tok[5]]
        # as far as min(MAX_TOKENS, 3 * words) tokens, within the sentence
        limit = i + (3 * words if 3 * words < MAX_TOKENS else MAX_TOKENS)
        if limit > stop:
            limit = stop
        q = p
        while q + 1 < ncaps and caps[q + 1] < limit:
            q += 1
        start = tok[2]
        n = 0
        while q >= p:
            last = caps[q]
            raw = text[start:tokens[last][3]] if q > p else tok[1]  # a token is its text's slice
            known = spans.get(raw)
            if known is None:
                key = keys.get(raw)
                if key is None:
                    if len(keys) >= _MEMO_LIMIT:
                        keys.clear()
                    key = keys[raw] = normalise(raw)
                if len(spans) >= _MEMO_LIMIT:
                    spans.clear()
                known = spans[raw] = (key, _lookup(gaz, key))
            if known[1] and not (q > p and known[0].endswith(" city")
                                 and all(alt for _, alt in known[1])):
                n = last - i + 1
                break
            # "Dublin City Council": a "City" that only another place's alternative name
            # ends with belongs to the council, and the place is "Dublin"
            q -= 1
        if not n:
            if i > first_tok and tokens[i - 1][4] in locative:
                abbreviation = _abbreviation_place(doc, gaz, i, first_tok, stop, cue)
                if abbreviation is not None:
                    matches.append(abbreviation)
                    skip = abbreviation.last
            continue
        key, candidates = known
        j = i + n
        skip = j  # taken or passed over, the name's tokens start no other name
        single = n == 1
        prev = tokens[i - 1] if i > first_tok else None
        plower = ""
        if prev is not None:
            ptext = prev[1]
            plower = prev[4].rstrip(".")
            if (plower in person_titles or plower in first_names
                    or (len(ptext) == 2 and ptext[1] == "." and ptext[0].isupper())):
                # "President Bush", "David Hopkins", "Tyrise M. Bell": remembered even when the
                # name would not have been a place anyway, so that "Taylor said" later is not
                # one either
                persons.add(key)
                continue
        if _readings(gaz, key, candidates, True, single, cue) is None:
            continue  # no reading survives even with a cue ("Friday", a village's alternative name)
        # the checks of _accept that need no Match come first: most names are dropped before
        # one is built
        cued, preposition = False, ""
        if plower in locative:
            cued, preposition = True, plower
        elif plower in _ARTICLES and i - 1 > first_tok and tokens[i - 2][4] in locative:
            cued, preposition = True, tokens[i - 2][4]
        nxt = tokens[j] if j < stop else None
        container = abbreviation = None
        if nxt is not None and j + 1 < stop and nxt[1] in (",", "in"):
            held = _container(doc, gaz, candidates, j, stop)
            if held is not None:
                container, abbreviation = held
                cued = True
        kept = _accept(doc, gaz, key, candidates, i, j, prev, plower, nxt, cued, container,
                       i == first_tok, header_end, persons, cue)
        if kept is not None:
            start, end = tok[2], tokens[j - 1][3]
            matches.append(Match(i, j, start, end, text[start:end], key, list(kept[0]), cued,
                                 preposition, container, None, abbreviation, kept[1]))
    if "counties" in doc.text or "parishes" in doc.text:
        matches = _county_lists(doc, gaz, matches)
    # link "X, Y" containers to the match of Y
    by_start = {m.first: idx for idx, m in enumerate(matches)}
    for m in matches:
        if m.container is not None:
            after = m.last + 1
            m.container_match = by_start.get(after)
    return matches


def _county_lists(doc: TextDoc, gaz: Gazetteer, matches: list[Match]) -> list[Match]:
    """The names of a list before "counties" or "parishes" ("Clarke, Oconee and Barrow
    counties"): each is the county of that name, whatever else the name alone denotes."""
    tokens = doc.tokens
    found: dict[int, Match] = {}
    for k, tok in enumerate(tokens):
        if tok[4] not in _PLURAL_DIVISIONS or k == 0:
            continue
        suffix = _PLURAL_DIVISIONS[tok[4]]
        first = doc.sentence_tokens[tok[5]][0]
        j = k - 1
        while j >= first and _capitalised(tokens[j][1]) and tokens[j][1][:1].isalpha():
            name = tokens[j]
            candidates = [c for c in _lookup(gaz, name[4] + suffix) if not c[1]]
            if not candidates:
                break
            found[j] = Match(j, j + 1, name[2], name[3], name[1], name[4] + suffix, candidates,
                             cue=True)
            j -= 1
            if j >= first and tokens[j][4] in (",", "and", "or", "&"):
                j -= 1
                if j >= first and tokens[j][1] == "," and tokens[j + 1][4] != ",":
                    j -= 1  # "Clarke, Oconee, and Barrow"
            else:
                break
    if not found:
        return matches
    kept = [m for m in matches if not any(m.first <= j < m.last for j in found)]
    return sorted(kept + list(found.values()), key=lambda m: m.first)


def _abbreviation_place(doc: TextDoc, gaz: Gazetteer, i: int, first: int, stop: int, cue
                        ) -> Match | None:
    """An AP state abbreviation after a locative preposition: "opens in S.C. today"."""
    if i == first or doc.tokens[i - 1].lower not in cue.locative_prepositions:
        return None
    tok = doc.tokens[i]
    entry = gaz.abbreviations.get(normalise(tok.text))
    last = i + 1
    if entry is None and i + 1 < stop and doc.tokens[i + 1].text == "." and not tok.space:
        entry = gaz.abbreviations.get(normalise(tok.text + "."))
        last = i + 2
    if entry is None:
        return None
    end = doc.tokens[last - 1].end
    return Match(i, last, tok.start, end, doc.text[tok.start:end], normalise(doc.text[tok.start:end]),
                 [(entry, False)], cue=True, preposition=doc.tokens[i - 1].lower)


def _container(doc: TextDoc, gaz: Gazetteer, candidates: list[tuple[int, bool]], j: int,
               stop: int) -> tuple[int, tuple[int, int] | None] | None:
    """ "X, Y" or "X in Y" where Y is a state, division or country containing a reading of X
    (or an AP state abbreviation after a comma): (Y's entry, the span of Y if it is an
    abbreviation), or None."""
    tokens = doc.tokens
    if j + 1 >= stop or tokens[j].text not in (",", "in"):
        return None
    y = tokens[j + 1]
    if not _capitalised(y.text):
        return None
    abbreviation = gaz.abbreviations.get(normalise(y.text)) if tokens[j].text == "," else None
    end = y.end
    if abbreviation is None and tokens[j].text == "," and j + 2 < stop and tokens[j + 2].text == "." \
            and not y.space:
        abbreviation = gaz.abbreviations.get(normalise(y.text + "."))
        end = tokens[j + 2].end
    if abbreviation is not None:
        return abbreviation, (y.start, end)
    found = _longest(doc, gaz, j + 1, stop)
    if found is None:
        return None
    for i, alt in found[2]:
        entry = gaz.entry(i)
        if not alt and (entry.feature == COUNTRY or (entry.feature == "admin1" and entry.admin1)):
            # only a container if X has a candidate inside it
            if any(gaz.entry(c).country == entry.country and
                   (entry.feature == COUNTRY or gaz.entry(c).admin1 == entry.admin1)
                   for c, _ in candidates if c != i):
                return i, None
    return None


def _accept(doc: TextDoc, gaz: Gazetteer, key: str, candidates: list[tuple[int, bool]], i: int,
            j: int, prev, plower: str, nxt,
            cued: bool, container: int | None, sentence_initial: bool, header_end: int,
            persons: set[str], cue) -> tuple[tuple, bool] | None:
    """Filter the readings of the name over tokens ``i:j`` by the evidence around it: None to
    drop it, else (the readings kept, whether only as a local town).  ``prev``/``nxt`` are the
    tokens around it in its sentence (or None), ``plower`` the previous token's lower-case form
    without a full stop; a previous personal title or given name is settled by the caller."""
    single = j - i == 1
    if single and key in cue.first_names and not cued:
        return None  # "David", "Mary", "George" alone: a person far more often than a town
    tokens = doc.tokens
    tok = tokens[i]
    found = _readings(gaz, key, candidates, cued, single, cue)
    if found is None:
        return None
    kept, local, all_city, big = found
    if nxt is not None:
        ntext = nxt[1]
        if all_city and ntext[:1].isupper():
            if nxt[4].rstrip(".") in cue.facility_words:
                return None  # "Wichita Street", "Lincoln Avenue": a street
            if single and len(key) <= 2 and ntext[:1].isalpha():
                return None  # "Al Udeid", "El Alto": a particle starting a longer name, not a village

    # all capitals: only in the dateline/title or as a country abbreviation ("US", "UK")
    first_text = tok[1]
    if first_text.isupper() and len(first_text) > 1 and tok[2] >= header_end:
        dateline = nxt is not None and nxt[1] in _DATELINE_MARKS
        if not (single and big and len(first_text) <= 4) and container is None and not dateline:
            return None

    # personal titles and neighbouring name words: a person, not a place
    if prev is not None:
        ptext = prev[1]
        if (ptext[:1].isupper() and plower not in cue.place_prefixes
                and plower not in gaz.english and ptext[:1].isalpha()
                and not _is_place_word(gaz, prev[4]) and not cued):
            persons.add(key)
            return None
    if nxt is not None:
        ntext = nxt[1]
        if ntext[:1].isupper() and ntext[:1].isalpha() and not ntext.isupper():
            nlower = nxt[4]
            if key in cue.first_names and nlower not in gaz.english \
                    and nlower not in cue.never_places and not _is_place_word(gaz, nlower):
                persons.add(key)  # "Kim Jong Un", "Jordan Peterson" (but "Georgia Bureau")
                return None
        if (single and not big and nxt[4] == "of" and j + 1 < len(tokens)
                and tokens[j + 1][1][:1].isupper()):
            return None  # "University of Rochester", "Bank of America"
    if key in persons and not cued:
        return None

    # common English words need a cue, and never count at the start of a sentence unless cued
    if single and key in gaz.common and not first_text.isupper():
        if sentence_initial and not cued:
            return None
        if not big and not cued:
            return None
    return kept, local


def _readings(gaz: Gazetteer, key: str, candidates: list[tuple[int, bool]], cued: bool,
              single: bool, cue) -> tuple[tuple, bool, bool, bool] | None:
    """The readings of a name that its size and kind allow, whatever else surrounds it: None
    when none is left, else (kept readings, kept only as a local town, all of them towns, one
    of them a country or area).  Memoised on the gazetteer by (name, cued, one token): it
    depends on nothing else, and most capitalised words of an article recur across articles."""
    memo = gaz.readings
    token = (key, cued, single)
    result = memo.get(token, _MISSING)
    if result is not _MISSING:
        return result
    entry = gaz.entry
    kept, small = [], []
    local = False
    for i, alt in candidates:
        e = entry(i)
        if e.feature == CITY:
            if alt and e.population < BIG_ALTERNATE:
                continue
            if e.population < SMALL_TOWN and not cued:
                if e.population >= LOCAL_TOWN:
                    small.append((i, alt))
                continue
        kept.append((i, alt))
    if not kept and small and single and key not in gaz.english:
        kept, local = small, True  # kept only if the article is about its division
    if not kept or key in cue.never_places:
        result = None
    elif key in gaz.demonyms and not any(entry(i).feature == COUNTRY for i, _ in kept):
        result = None  # "English", "Canadian": an adjective, whatever town bears the name
    else:
        entries = [entry(i) for i, _ in kept]
        result = (tuple(kept), local, all(e.feature == CITY for e in entries),
                  any(e.feature == COUNTRY or e.feature in AREA_FEATURES for e in entries))
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[token] = result
    return result


def _is_place_word(gaz: Gazetteer, lower: str) -> bool:
    """Whether a word is by itself the name of a sizeable place (so it may start or end one);
    memoised on the gazetteer."""
    memo = gaz.place_words
    found = memo.get(lower)
    if found is None:
        found = False
        for i, alt in gaz.candidates(lower):
            entry = gaz.entry(i)
            if not alt and (entry.feature != CITY or entry.population >= SMALL_TOWN):
                found = True
                break
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[lower] = found
    return found
