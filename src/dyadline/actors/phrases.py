"""Actor phrases: from dictionary hits to whole mentions, resolved as of the article's date.

A mention in news text is a small phrase: ``[the] [qualifier] [nationality|organisation]['s]
[title...] [name]`` ("former US President Barack Obama", "Kremlin spokesperson Dmitry Peskov",
"the Iranian people", "Iranian officials", "the Biden administration").  This module reads the
hits of the matcher together with the plain tokens between them, one sentence at a time, builds
the longest such phrase at each point and resolves it:

- a known person -> the office they held on the date (people.tsv), else the country with ELI
  (a former or future office holder);
- a title with an unknown name -> the nationality's country and the title's sector
  ("Iranian President Pezeshkian" would resolve even if Pezeshkian were not in the table);
- a title without a name -> the nationality's country and the title's sector, and the holder of
  that office on the date ("the Russian president" on 2010-05-01 -> Dmitry Medvedev);
- a country, demonym, capital or organisation alone -> its code.

What cannot be resolved from the phrase alone (a bare "the president", a title before a name with
no nationality) is marked for :mod:`coref` to resolve from earlier mentions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import NamedTuple

from ..model import Actor
from ..text.segment import Token
from .dictionary import INTERNATIONAL, Agent, Dictionary, Person, Term, fold
from .matcher import Hit

MODIFIERS = frozenset({"country", "demonym", "capital", "seat", "city", "organisation"})
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: words that may open an agent phrase: "the president", "their government" (a possessive pronoun
#: is part of the span and gives the country through coreference)
DETERMINERS = frozenset({"the", "its", "their", "his", "her"})
#: offices that one person holds at a time, so that "the Russian president" names them
NAMEABLE = frozenset({"president", "prime minister", "chancellor", "foreign minister",
                      "defence minister", "supreme leader", "leader", "king", "crown prince", "emir",
                      "vice president", "national security advisor", "pope"})
#: qualifiers that change the office, so that no holder is looked up ("deputy foreign minister")
#: qualifiers that leave the office as it is ("senior official", "top diplomat"); every other
#: qualifier, a portfolio among them ("Labour leader", "oil minister"), names another office
KEEP_THE_HOLDER = frozenset({"senior", "top"})
NOT_THE_HOLDER = frozenset({"deputy", "vice", "acting", "interim", "incoming", "outgoing",
                            "designate", "caretaker", "former", "ex-", "ousted", "exiled", "late"})
NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ben", "ibn", "bint", "arap", "de", "del", "della", "di", "da",
                            "dos", "du", "van", "von", "der", "den", "la", "le", "zu", "abu", "ould"})
NAME_STOP = frozenset("""The A An On In At And But Or Of For To From With By As If When While After
Before Since During Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.
I We You He She They It This That These Those Who What Said Says Told Yesterday Today Tomorrow Meanwhile
However Earlier Later Now Still Also So Then Here There Last Next Both Neither Either Only Even Under
Executive Order Not Did Does Do Is Are Was Were Has Have Had Will Would Can Could Should May Might Must
Republican Republicans Democrat Democrats Democratic GOP Conservative Liberal Labour Tory Independent
Classic Candidate Nominee Frontrunner Billionaire Businessman Mogul Incumbent Rival Challenger Citizen
Comrade Team Camp Club Vote Votes Rally Campaign""".split())
#: suffixes that make a namesake ("Donald Trump Jr.")
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "III"})
#: agent words that name a group's side before a plural group noun, so that the two make one
#: agent ("government forces", "regime troops", "intelligence officials", "army soldiers"); the
#: first word's sector is kept, as for "rebel commander"
GROUP_MODIFIERS = frozenset({"government", "regime", "army", "military", "police", "intelligence",
                             "opposition", "rebel", "security", "junta", "administration"})
#: at most this many plain words between a nationality and an agent word: "Kazakh oil workers",
#: "Swiss federal prosecutors", "an American investigative journalist"
BETWEEN = 2
#: plain words that never stand between a nationality and its agent word (they end the phrase)
#: capitalised words between a nationality and its agent word that are adjectives of a people,
#: region or faith ("Syrian Kurdish leader", "Palestinian Christian leaders")
ADJECTIVE_ENDINGS = ("ish", "ian", "ean", "ese", "ite", "ic")
PEOPLE_ADJECTIVES = frozenset({"Muslim", "Shia", "Sunni", "Arab", "Druze", "Jewish", "Hindu", "Sikh", "Buddhist",
                               "Catholic", "Orthodox", "Protestant", "Evangelical", "Tamil", "Baluch", "Pashtun",
                               "Uighur", "Uyghur", "Rohingya", "Yazidi", "Tuareg", "Maoist", "Islamist"})
NOT_BETWEEN = frozenset("""the a an and or of to in on at with for by from as that which who whom whose
is are was were be been has have had will would can could should may might must said says say told
not also but than then its their his her our this these those there here it they he she we after before
while when since during against into over under about amid among between""".split())
_NAMES = frozenset({"surname", "person"})
#: token end offsets read by index (segment's tokens are NamedTuples): faster than by attribute
_END = itemgetter(Token._fields.index("end"))


@dataclass(slots=True)
class Found:
    """A mention under construction, with what coreference needs to know about it."""

    start: int
    end: int
    kind: str
    actor: Actor
    roles: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()  # lower-case surnames a later bare mention may use
    gender: str = ""
    individual: bool = False  # one person: an antecedent for he/she
    plural: bool = False
    bare: bool = False  # a name without nationality: prefer an earlier mention of the same name
    wants_role: str = ""  # "the president" without a country: the role to find earlier
    wants_owner: str = ""  # "their government": the possessive pronoun whose referent gives the country
    first: str = ""  # lower-case given name of an unknown person: "Brian Fallon" is not "Michael Fallon"


class Item(NamedTuple):
    """A dictionary hit placed in the token sequence (plain tokens stay segment's Token objects,
    so that nothing is allocated for the many tokens that are no part of an actor phrase).
    A NamedTuple, built with ``tuple.__new__`` (cheaper than a dataclass's ``__init__``)."""

    start: int
    end: int
    sent: int
    kind: str
    refs: tuple[str, ...]
    text: str
    space: bool = True


_new = tuple.__new__


def kind_of(item: object) -> str:
    """The hit kind of an element of the sequence, or "token" for a plain token."""
    return item.kind if type(item) is Item else "token"  # type: ignore[attr-defined]


def items_of(text: str, tokens: list, hits: list[Hit]) -> list:
    """Merge hits and the tokens they do not cover into one sequence (hits win)."""
    return placed_items(text, tokens, hits)[0]


def placed_items(text: str, tokens: list, hits: list[Hit],
                 ends: list[int] | None = None) -> tuple[list, list[int]]:
    """:func:`items_of` and the positions of its hits in it, so that the reader visits the hits
    only.  The token runs between hits are copied as slices and the hits placed by binary search
    over the token offsets (``ends``: the document's list, else gathered by ``map`` in C), so
    nothing is done per plain token in Python."""
    items: list = []
    positions: list[int] = []
    if not hits:
        return list(tokens), positions
    if ends is None:
        ends = list(map(_END, tokens))
    k, n_tokens = 0, len(tokens)
    for start, end, kind, refs in hits:
        first = bisect_right(ends, start, k)  # first token that ends after the hit starts
        items.extend(tokens[k:first])
        if first == n_tokens:
            k = first
            break
        positions.append(len(items))
        items.append(_new(Item, (start, end, tokens[first].sent, kind, refs, text[start:end], True)))
        # the first token that starts at or after the hit's end: past the tokens that end by
        # then, and past one more that the hit ends inside
        k = bisect_right(ends, end, first)
        if k < n_tokens and tokens[k].start < end:
            k += 1
    items.extend(tokens[k:])
    return items, positions


#: words of a count before a plural group ("at least 23 civilians", "dozens of protesters",
#: "more than 500 people", "two Turkish soldiers"): the count is part of the phrase
NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million several dozen dozens hundreds thousands millions scores tens""".split())
#: words that may open a count: "at least", "more than", "up to", "nearly", "some", "all", "both"
COUNT_OPENERS = frozenset("at least most more than less fewer up to nearly about around almost over some many "
                          "all both of".split())


def _is_count(word: str) -> bool:
    return word in NUMBER_WORDS or word.replace(",", "").replace(".", "").isdigit()


def count_before(items: list, at: int, reach: int) -> int:
    """The index where a count before ``items[at]`` starts (``at`` when there is none): the plain
    tokens before it in the same sentence that make a count, with at least one number in it,
    opened only by a word that opens counts ("at least 23", not "of 23")."""
    sent = items[at].sent
    k = at
    seen_number = False
    while k - 1 >= reach and at - k < 6:
        prev = items[k - 1]
        if type(prev) is Item or prev.sent != sent:
            break
        word = prev.lower
        if _is_count(word):
            seen_number = True
        elif word not in COUNT_OPENERS:
            break
        k -= 1
    if not seen_number:
        return at
    # trim openers that do not open a count here ("of 23 soldiers", "killed to 23")
    while k < at and not _is_count(items[k].lower):
        word, nxt = items[k].lower, items[k + 1].lower
        if (word == "at" and nxt in ("least", "most") or word in ("more", "less", "fewer") and nxt == "than"
                or word == "up" and nxt == "to" or word in ("nearly", "about", "around", "almost", "over",
                                                            "some", "all", "both")):
            break
        before = getattr(items[k - 1], "lower", "") if k > 0 else ""  # a dictionary hit has no .lower
        if word in ("least", "most", "than", "to") and before in ("at", "more", "less", "fewer", "up"):
            break
        k += 1
    return k


def body_before(items: list, at: int, reach: int) -> int:
    """The index where an unknown body's name before a title starts ("West Bengal Chief Minister",
    "IAG chief", "FDA officials"), or ``at``: a run of up to three capitalised words or
    abbreviations right before it in the same sentence, none of them a sentence opener, day,
    month or form of address (:data:`NAME_STOP`)."""
    sent = items[at].sent
    k = at
    while k - 1 >= reach and at - k < 4:
        prev = items[k - 1]
        if type(prev) is Item or prev.sent != sent or not _is_name(prev.text):
            break
        k -= 1
    return k if at - k <= 3 else at


def _is_name(text: str) -> bool:
    core = text.replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")
    return bool(core) and text[0].isupper() and core.isalpha() and text not in NAME_STOP


def _keys_of(person: Person) -> frozenset[str]:
    keys = {person.surname.lower()}
    last = person.name.split()[-1]
    if len(last) > 2 and not last.isupper():
        keys.add(last.lower())
    return frozenset(keys)


def stack(code: str, sector: str, base: str | None = None) -> str:
    """The stacked CAMEO code: 'RUS' + 'GOV'; an organisation's own code + a sector it lacks."""
    if base:
        return base if not sector or base.endswith(sector) else base + sector
    return code + sector


def actor_from_term(term: Term, confidence: float) -> Actor:
    base = term.cameo if term.code in INTERNATIONAL else None
    return Actor(term.code, term.sector, stack(term.code, term.sector, base), term.name, confidence)


class PhraseReader:
    """Reads the actor phrases of one article as of one date."""

    def __init__(self, d: Dictionary, date: str, text: str) -> None:
        self.d = d
        self.date = date
        self.text = text
        #: (kind, reference) -> (kind, actor, plural) of a name on its own, resolved once per article
        self.seen: dict[tuple[str, str], tuple[str, Actor, bool]] = {}
        self.chosen: dict[tuple, Person | None] = {}
        self.actors: dict[tuple[str, str], tuple[Actor, frozenset[str]]] = {}

    # -- resolution helpers -------------------------------------------------------------------

    def choose_person(self, names: tuple[str, ...] | list[str], role: str = "",
                      code: str | None = None) -> Person | None:
        """The person among ``names`` who best fits the date, the title's role and the nationality
        (worked out once per article for each question: news repeats its names)."""
        key = (tuple(names), role, code)
        if key in self.chosen:
            return self.chosen[key]
        person = self.chosen[key] = self._choose_person(names, role, code)
        return person

    def _choose_person(self, names: tuple[str, ...] | list[str], role: str, code: str | None) -> Person | None:
        best: tuple[int, int, Person] | None = None
        for position, name in enumerate(names):
            person = self.d.people.get(name)
            if person is None:
                continue
            term = person.term_on(self.date, role)
            score = 1 if person.alone else 0  # the namesake that news means by the bare name
            if term is not None:
                score += 8 + (4 if role and role in term.roles else 0) + (2 if code == term.code else 0)
            elif code and person.nearest_term(self.date).code == code:
                score += 2
            if best is None or (score, -position) > (best[0], best[1]):
                best = (score, -position, person)
        return best[2] if best else None

    def person_actor(self, person: Person, role: str, eli: bool) -> tuple[Actor, frozenset[str]]:
        """The person's actor and roles on the date (once per article and role: both immutable)."""
        key = (person.name, role)
        known = self.actors.get(key)
        if known is None:
            known = self.actors[key] = self._person_actor(person, role)
        return known

    def _person_actor(self, person: Person, role: str) -> tuple[Actor, frozenset[str]]:
        term = person.term_on(self.date, role)
        if term is not None:
            return actor_from_term(term, 0.9), frozenset(term.roles)
        past = person.nearest_term(self.date)
        if past.code in INTERNATIONAL:
            return Actor(past.code, "ELI", stack(past.code, "ELI", past.cameo), person.name, 0.6), frozenset()
        return Actor(past.code, "ELI", past.code + "ELI", person.name, 0.7), frozenset()

    def modifier(self, item: Item) -> tuple[str, str, str | None, str]:
        """(code, sector, cameo base or None, name) of a nationality or organisation modifier."""
        if item.kind == "organisation":
            org = self.d.organisation_on(item.refs[0], self.date)
            base = org.cameo if org.code in INTERNATIONAL else None
            return org.code, org.sector, base, org.name
        code = item.refs[0]
        country = self.d.countries.get(code)
        return code, "", None, country.name if country else code

    # -- the grammar ----------------------------------------------------------------------------

    def read(self, items: list, positions: list[int] | None = None) -> list[Found]:
        """Every phrase, tried only where a hit is (or 'the' before one): plain text costs nothing.
        ``positions`` are the indexes of the hits in ``items`` (found here when not given)."""
        found: list[Found] = []
        reach = 0
        if positions is None:
            positions = [i for i, item in enumerate(items) if type(item) is Item]
        last = len(items) - 1
        for i in positions:
            if i < reach:
                continue
            kind = items[i].kind
            if kind == "qualifier" and (i == last or type(items[i + 1]) is not Item):
                continue  # "trade", "former" before a plain word: no phrase (the grammar would say so)
            if kind in _NAMES:
                namesake = self.namesake(items, i, reach)
                if namesake is not None:
                    found.append(namesake[0])
                    reach = namesake[1]
                    continue
            start = i - 1 if i > reach and type(items[i - 1]) is not Item and items[i - 1].lower in DETERMINERS else i
            result, nxt = self.phrase(items, start)
            if result is None and start < i:
                result, nxt = self.phrase(items, i)
            if result is not None:
                if found and result.kind == "agent" and result.actor.code is None:
                    self.take_possessor(result, found[-1], items, start)
                if result.plural and result.kind in ("agent", "demonym"):
                    at = start if items[start].start == result.start else i
                    if items[at].start == result.start:
                        result.start = items[count_before(items, at, reach)].start
                if result.kind in ("person", "agent") and items[i].start == result.start and items[i].kind == "agent":
                    result.start = items[body_before(items, i, reach)].start
                found.append(result)
            reach = max(nxt, i + 1)
        return found

    def namesake(self, items: list, i: int, reach: int) -> tuple[Found, int] | None:
        """'Ivanka Trump', 'Jeb Bush', 'Donald Trump Jr.': another person who shares a known
        surname or name; reported as an unknown person (code None) so that the famous bearer's
        codes are not given to them."""
        item = items[i]
        if item.kind not in _NAMES:
            return None
        after = items[i + 1] if i + 1 < len(items) else None
        if (after is not None and type(after) is not Item and after.text in SUFFIXES
                and after.sent == item.sent):
            words = self.text[item.start:after.end]
            return (Found(item.start, after.end, "person", Actor(None, "", "", words, 0.0),
                          frozenset(), frozenset({item.text.lower()}), individual=True, bare=True,
                          first=words.split()[0].lower()), i + 2)
        if item.kind != "surname" or i < 1 or i - 1 < reach:
            return None
        prev = items[i - 1]
        if type(prev) is Item or prev.sent != item.sent or not _is_name(prev.text) or prev.text.isupper():
            return None
        person = self.d.people[item.refs[0]]
        if prev.text.lower() in person.name.lower().split():
            return None
        words = self.text[prev.start:item.end]
        return (Found(prev.start, item.end, "person", Actor(None, "", "", words, 0.0), frozenset(),
                      frozenset({item.text.lower()}), individual=True, bare=True,
                      first=prev.text.lower()), i + 1)

    def take_possessor(self, found: Found, before: Found, items: list, start: int) -> None:
        """"Trump's incoming envoy", "Iran's army": an agent right after a possessive takes the
        possessor's country (the possessor stays a mention of its own)."""
        if start < 1 or type(items[start - 1]) is Item or items[start - 1].text not in POSSESSIVES:
            return
        if before.end != items[start - 1].start or before.actor.code is None or before.kind == "capital":
            return
        code, sector = before.actor.code, found.actor.sector
        base = before.actor.cameo if code in INTERNATIONAL else None
        name = before.actor.name if code in INTERNATIONAL or not before.individual else ""
        found.actor = Actor(code, sector, stack(code, sector, base), name, 0.7)
        found.wants_role = ""

    def phrase(self, items: list, i: int) -> tuple[Found | None, int]:
        n = len(items)
        sent = items[i].sent
        m = i + 1 if (type(items[i]) is not Item and items[i].lower in DETERMINERS and i + 1 < n
                      and items[i + 1].sent == sent) else i
        first_item = items[m]
        if type(first_item) is Item and first_item.kind in MODIFIERS:
            # the commonest phrase, a name on its own ("Russia", "the United States", "NATO's"):
            # when no other hit follows in the sentence (a possessive aside), the grammar below
            # ends at once with the name alone, so say so without running it
            j = m + 1
            if j < n and items[j].sent == sent and type(items[j]) is not Item and items[j].text in POSSESSIVES:
                j += 1
            if (j >= n or items[j].sent != sent or type(items[j]) is not Item) and not (
                    j == m + 1 and j < n and items[j].sent == sent and self.words_to_agent(items, j, first_item) > 0):
                return (self.alone(first_item) if first_item.kind != "city" else None), m + 1
        if type(items[i]) is Item and items[i].kind == "agent" and self.inside_proper_name(items, i):
            return None, i + 1
        j = i
        det = None
        owner = ""
        if type(items[j]) is not Item and items[j].lower in DETERMINERS:
            det = j
            owner = items[j].lower if items[j].lower != "the" else ""
            j += 1
        quals: list[Item] = []
        mods: list[Item] = []
        titles: list[tuple[Item, Agent]] = []
        possessive = False
        mod_index = i
        of_end = 0
        lead: Item | None = None  # the state before one of its own bodies

        while j < n and items[j].sent == sent:
            it = items[j]
            kind = it.kind if type(it) is Item else "token"
            if kind == "qualifier" and not titles:
                quals.append(it)
            elif kind in MODIFIERS and not titles and (not mods or kind == "organisation" and lead is None
                                                       and self.same_state(mods[0], it)):
                if mods:  # "U.S. Defense Department": the state's own body, one mention from the state on
                    lead = mods.pop()
                mods.append(it)
                mod_index = j
                if (j + 1 < n and items[j + 1].sent == sent and type(items[j + 1]) is not Item
                        and items[j + 1].text in POSSESSIVES):
                    possessive = True
                    j += 1
            elif kind == "agent" and self.d.agents[it.refs[0]].kind != "qualifier":
                agent = self.d.agents[it.refs[0]]
                if titles and (titles[-1][1].plural or not agent.title and agent.sector != titles[-1][1].sector) \
                        and not (agent.plural and titles[-1][0].text.lower() in GROUP_MODIFIERS):
                    break  # "court investors": two agents, not one title
                titles.append((it, agent))
            elif kind == "token" and mods and not titles and j == mod_index + 1 and not possessive and not quals:
                k = self.words_to_agent(items, j, mods[0])
                if k < 0:
                    break
                j = k
                continue
            else:
                break
            j += 1
        # "the President of Russia", "Secretary-General of the United Nations"
        if (titles and not mods and j + 1 < n and items[j + 1].sent == sent and type(items[j]) is not Item
                and items[j].text == "of"):
            k = j + 1
            if (type(items[k]) is not Item and items[k].text.lower() == "the" and k + 1 < n
                    and items[k + 1].sent == sent):
                k += 1
            if type(items[k]) is Item and items[k].kind in MODIFIERS and items[k].kind != "demonym":
                mods.append(items[k])
                of_end = items[k].end
                j = k + 1
        # a person: known by the dictionary, or an unknown name after a title
        name_item: Item | None = None
        name_span: tuple[int, int] | None = None
        head = titles[-1][1] if titles else None
        if j < n and items[j].sent == sent and type(items[j]) is Item and items[j].kind in ("person", "surname") and (
                titles or not mods or possessive or mods[0].kind == "demonym") and (
                titles or not mods or mods[0].kind != "city"):
            name_item = items[j]
            name_span = (name_item.start, name_item.end)
            j += 1
            while (j < n and type(items[j]) is Item and items[j].kind in ("person", "surname")
                   and items[j].start - name_span[1] == 1 and set(items[j].refs) & set(name_item.refs)):
                name_span = (name_span[0], items[j].end)  # "Crown Prince Mohammed" + "bin Salman": one man
                j += 1
        elif head is not None and head.title and not of_end and not titles[-1][0].text.isupper() and (
                head.kind != "nameonly" or titles[-1][0].text[0].isupper()):
            k, last = j, None
            while (k < n and items[k].sent == sent and (type(items[k]) is not Item or items[k].kind == "surname")
                   and k - j < 5):
                word = items[k].text
                if _is_name(word) or word[:1].isupper() and word.lower() in self.d.surnames or (
                        last is not None and type(items[k]) is Item and word.split()[0].lower() in NAME_PARTICLES):
                    last = k  # a known surname with its particle inside a longer name: "Khalifa bin Salman"
                elif not (last is not None and (word.lower() in NAME_PARTICLES or word == "-"
                                                 and not items[k - 1].space)
                          and k + 1 < n and items[k + 1].sent == sent
                          and (_is_name(items[k + 1].text) or items[k + 1].text == "-")):
                    break
                k += 1
            if last is not None:
                name_span = (items[j].start, items[last].end)
                j = last + 1
        if titles and head is not None and head.kind == "nameonly" and name_span is None:
            titles = []  # "general", "secretary" without a name are ordinary words
            j = i + 1 if not mods else j
        # a leader's side: "the Biden administration", "Assad's forces"
        collective: Agent | None = None
        if name_span is not None and j < n and items[j].sent == sent:
            k = j + 1 if type(items[j]) is not Item and items[j].text in POSSESSIVES else j
            if (k < n and items[k].sent == sent and type(items[k]) is Item and items[k].kind == "agent"
                    and self.d.agents[items[k].refs[0]].kind == "collective"):
                collective = self.d.agents[items[k].refs[0]]
                end_collective = items[k].end
                j = k + 1
        if name_span is None and not titles:
            if mods and mods[0].kind != "city":  # on its own: "Russia", "Russian gas", "NATO"
                found = self.alone(mods[0])
                if lead is not None:
                    found.start = lead.start
                return found, mod_index + 1
            if mods:  # a city on its own is a place, not an actor
                return None, mod_index + 1
            return None, i + 1
        first = quals[0] if quals and titles else (mods[0] if mods else (titles[0][0] if titles else None))
        if first is not None and mods and mods[0].start < first.start:
            first = mods[0]  # "Israeli Finance Minister": the nationality opens the phrase
        if first is not None and lead is not None and lead.start < first.start:
            first = lead
        start = first.start if first is not None else name_span[0]  # type: ignore[index]
        if collective is not None:
            found = self.led_by(items, name_item, name_span, collective, titles, quals, mods)
            found.start = items[det].start if det is not None else start
            found.end = end_collective
            return found, j
        if name_span is not None:
            found = self.named(name_item, name_span, titles, quals, mods)
            found.start = start
            return found, j
        found = self.agent(titles, quals, mods)
        if owner and not mods and found.actor.code is None:
            found.wants_owner = owner  # "their government": whose, coreference decides
        elif owner:
            det = None
        found.start = items[det].start if det is not None else start
        found.end = max(titles[-1][0].end, of_end)
        return found, j

    def same_state(self, mod: Item, item: Item) -> bool:
        """Whether organisation ``item`` belongs to the state that ``mod`` (a country or its
        demonym, right before it) names: "U.S. Defense Department", "Afghan National Army"."""
        return (mod.kind in ("country", "demonym") and item.start - mod.end == 1
                and self.d.organisation_on(item.refs[0], self.date).code == mod.refs[0])

    def words_to_agent(self, items: list, j: int, mod: Item) -> int:
        """The index of the agent word that a nationality or an organisation qualifies across a
        few plain words ("Kazakh oil workers", "Swiss federal prosecutors", "Syrian Kurdish
        leader", "U.N. peacekeeping chief"), or -1.

        The words between must be lower-case and no function word, verb form or adverb, or
        capitalised adjectives of a people or faith ("Kurdish", "Christian", "Shia").  After a
        demonym in the singular (an adjective: "Iranians said officials ..." is two phrases) any
        agent word may follow; after a country or an organisation, whose next word may be a verb
        ("Hamas kill soldiers"), only a title in the singular ("NATO military chief").  A
        qualifier or a name-only title ends the search ("Iranian oil minister" stays a title)."""
        kind = mod.kind
        if kind == "demonym":
            if mod.text[-1:] == "s" and mod.text[-2:] != "ss":
                return -1
        elif kind not in ("country", "organisation"):
            return -1
        n = len(items)
        sent = mod.sent
        k = j
        while k < n and k - j < BETWEEN:
            it = items[k]
            if type(it) is Item or it.sent != sent:
                break
            word = it.text
            if not word.isalpha():
                return -1
            if word.islower():
                if word in NOT_BETWEEN or word.endswith(("ed", "ly", "ing")) or kind != "demonym" and word[-1] == "s":
                    return -1
            elif not (word[1:].islower() and (word.endswith(ADJECTIVE_ENDINGS) or word in PEOPLE_ADJECTIVES)):
                return -1
            k += 1
        if k == j or k >= n:
            return -1
        it = items[k]
        if type(it) is not Item or it.sent != sent or it.kind != "agent":
            return -1
        agent = self.d.agents[it.refs[0]]
        if agent.kind in ("qualifier", "nameonly") or kind != "demonym" and (not agent.title or agent.plural):
            return -1
        return k

    def inside_proper_name(self, items: list[Item], i: int) -> bool:
        """'Harvard University', 'Fox News Channel': a capitalised agent word after a capitalised
        word that starts no sentence is part of a name, not an agent (titles are kept: 'Republican
        Sen. Ted Cruz')."""
        it = items[i]
        if kind_of(it) != "agent" or i < 2 or not it.text[:1].isupper() or self.d.agents[it.refs[0]].title:
            return False
        prev = items[i - 1]
        return (kind_of(prev) == "token" and prev.sent == it.sent and items[i - 2].sent == it.sent
                and prev.text[:1].isupper() and prev.text.isalpha())

    # -- the four shapes of a mention ---------------------------------------------------------

    def alone(self, item: Item) -> Found:
        key = (item.kind, item.refs[0])
        known = self.seen.get(key)
        if known is None:
            found = self.resolve_alone(item)
            self.seen[key] = (found.kind, found.actor, found.plural)
            return found
        # the same name again: the same actor (Actor is immutable), a fresh mention
        return Found(item.start, item.end, known[0], known[1], plural=known[2])

    def resolve_alone(self, item: Item) -> Found:
        if item.kind == "organisation":
            org = self.d.organisation_on(item.refs[0], self.date)
            base = org.cameo if org.code in INTERNATIONAL else None
            actor = Actor(org.code, org.sector, stack(org.code, org.sector, base), org.name, 0.9)
            return Found(item.start, item.end, "organisation", actor, plural=True)
        code = item.refs[0]
        name = self.d.countries[code].name
        if item.kind in ("capital", "seat"):
            confidence = 0.9 if item.kind == "seat" else 0.6
            return Found(item.start, item.end, "capital", Actor(code, "GOV", code + "GOV", name, confidence))
        confidence = 0.95 if item.kind == "country" else 0.8
        return Found(item.start, item.end, item.kind, Actor(code, "", code, name, confidence))

    @staticmethod
    def title_sector(titles: list[tuple[Item, Agent]]) -> str:
        """A group word before a title decides the sector: "rebel commander" REB, "army spokesman" MIL."""
        if len(titles) > 1 and not titles[0][1].title:
            return titles[0][1].sector
        return titles[-1][1].sector if titles else ""

    def named(self, name_item: Item | None, span: tuple[int, int], titles: list[tuple[Item, Agent]],
              quals: list[Item], mods: list[Item]) -> Found:
        head = titles[-1][1] if titles else None
        mod = self.modifier(mods[0]) if mods else None
        code = mod[0] if mod else None
        role = head.role_in(code) if head is not None and head.sector != "ELI" else ""
        eli = head is not None and head.sector == "ELI" or any(
            self.d.agents[q.refs[0]].sector == "ELI" for q in quals)
        names: tuple[str, ...] | list[str] = name_item.refs if name_item is not None else ()
        if name_item is not None and name_item.kind == "surname":  # "President Clinton": every Clinton
            names = list(names) + [n for n in self.d.surnames.get(name_item.text.lower(), ()) if n not in names]
        bare = not mods
        if name_item is None:  # a name after a title: maybe a surname the table knows ("President Moon")
            words = self.text[span[0]:span[1]].split()
            names = self.d.surnames.get(fold(words[-1]).lower(), []) if len(words) == 1 or role else []
            if names:
                candidate = self.choose_person(names, role, code)
                term = candidate.term_on(self.date, role) if candidate is not None else None
                known = term is not None and (not code or term.code == code) and (
                    len(words) == 1 or role in term.roles)  # "Masud Pezeshkian" only as the president
                names = [candidate.name] if known and candidate else []
        person = self.choose_person(names, role, code) if names else None
        if person is not None:
            actor, roles = self.person_actor(person, role, eli)
            return Found(span[0], span[1], "person", actor, roles, _keys_of(person), person.gender,
                         individual=True, bare=bare and not titles and name_item is not None
                         and name_item.kind == "surname")
        words = self.text[span[0]:span[1]]
        keys = frozenset({words.split()[-1].lower()})
        first = words.split()[0].lower() if len(words.split()) > 1 else ""
        sector = "ELI" if eli else self.title_sector(titles)
        if mod is None:
            return Found(span[0], span[1], "person", Actor(None, sector, "", words, 0.0),
                         frozenset({role}) if role else frozenset(), keys, individual=True, bare=True,
                         first=first)
        sector = mod[1] or sector if mods[0].kind == "organisation" else sector
        if mod[0] in INTERNATIONAL and sector == "GOV":
            sector = ""
        actor = Actor(mod[0], sector, stack(mod[0], sector, mod[2]), words, 0.8)
        return Found(span[0], span[1], "person", actor, frozenset({role}) if role else frozenset(), keys,
                     individual=True, first=first)

    def agent(self, titles: list[tuple[Item, Agent]], quals: list[Item], mods: list[Item]) -> Found:
        head = titles[-1][1]
        qualifiers = {q.text.lower() for q in quals}
        eli = any(self.d.agents[q.refs[0]].sector == "ELI" for q in quals)
        sector = "ELI" if eli else self.title_sector(titles)
        role = head.role if head.sector != "ELI" and not qualifiers - KEEP_THE_HOLDER else ""
        kind = "agent"
        if mods and mods[0].kind != "organisation":
            role = role and head.role_in(mods[0].refs[0])
        if not mods:
            return Found(0, 0, kind, Actor(None, sector, "", "", 0.0),
                         frozenset({role}) if role else frozenset(), plural=head.plural,
                         wants_role=role if not head.plural else "")
        code, mod_sector, base, name = self.modifier(mods[0])
        if mods[0].kind == "organisation":
            sector = mod_sector or sector
            if code in INTERNATIONAL and sector == "GOV":
                sector = ""
        if head.kind == "population":
            kind = "demonym"
        if role in NAMEABLE and code not in INTERNATIONAL and not head.plural:
            term = self.d.holder(code, role, self.date)
            if term is not None:
                person = self.d.people[term.name]
                actor = actor_from_term(term, 0.8)
                return Found(0, 0, kind, actor, frozenset(term.roles), _keys_of(person), person.gender,
                             individual=True)
        actor = Actor(code, sector, stack(code, sector, base), name, 0.8)
        return Found(0, 0, kind, actor, frozenset({role}) if role else frozenset(), plural=head.plural,
                     individual=bool(role) and not head.plural)

    def led_by(self, items: list[Item], name_item: Item | None, span: tuple[int, int] | None,
               collective: Agent, titles: list[tuple[Item, Agent]], quals: list[Item],
               mods: list[Item]) -> Found:
        leader = self.named(name_item, span or (0, 0), titles, quals, mods)
        base = leader.actor
        if base.code is None:
            actor = Actor(None, collective.sector, "", "", 0.0)
        else:
            actor = Actor(base.code, collective.sector, stack(base.code, collective.sector),
                          self.d.countries[base.code].name if base.code in self.d.countries else base.name,
                          min(base.confidence, 0.8))
        return replace(leader, kind="agent", actor=actor, roles=frozenset(), keys=frozenset(),
                       individual=False, plural=True, bare=False)
