"""The verb-phrase lexicon: reading ``data/verbs.tsv`` and finding its phrases in a sentence.

The lexicon is data a political scientist edits (see the header of ``data/verbs.tsv``).
Patterns are written with lemmas; at load time every word of every pattern is expanded to
its inflected forms (regular rules plus the irregular forms of spacy-lookups-data's English
exception table), so matching a sentence is a dictionary lookup per token, with no
lemmatiser in the hot path.
"""

from __future__ import annotations

import csv
import gzip
import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import compress, count
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple, Sequence

from ..text import Token

#: How many other words a ``*`` may stand for.
GAP = 4
#: Words a ``*`` gap never crosses: the end of a clause.
_GAP_STOP = {",", ";", ":", ".", "!", "?", "\"", "\u201c", "\u201d", "but", "while", "whereas",
             "who", "which", "that", "because", "although", "and"}
_GAP_STOP_LOOSE = _GAP_STOP - {"and", "that"}
_LOWER = attrgetter("lower")
#: Words that may stand between two words of a pattern without a "*": "strengthen *their* alliance".
_SKIPPABLE = {"a", "an", "the", "its", "their", "his", "her", "our", "bilateral", "closer", "close",
              "new", "formal", "joint", "fresh", "further", "additional", "strategic", "economic",
              "military", "diplomatic", "comprehensive", "long-term", "major", "full", "direct"}


@dataclass(frozen=True)
class Entry:
    """One lexicon line."""

    pattern: tuple[tuple[str, ...], ...]  # each element: alternative lemmas, or ("*",), or ("+",)
    cameo: str  # "" for a discard
    target: tuple[str, ...]  # ("obj",), prepositions, or () for none
    symmetric: bool
    noun: bool
    mutual: bool  # both ways among a compound subject only
    line: int
    text: str  # the pattern as written, for evidence
    # Words that must come *before* the head, in text order, ("*",) for a gap of up to GAP
    # words: PETRARCH patterns such as "HEAVILY * [122]" or "SAID * ..." (dyadline.compat).
    before: tuple[tuple[str, ...], ...] = ()
    # The code of the reverse event (target -> source) where a dictionary gives one that
    # differs from ``cameo`` (PETRARCH's [042:043]); "" when there is none.
    reverse: str = ""
    # The file the entry comes from, for evidence ("verbs.tsv", or a PETRARCH verb dictionary).
    origin: str = "verbs.tsv"

    @property
    def discard(self) -> bool:
        return not self.cameo

    @cached_property
    def needed(self) -> tuple[frozenset[str], ...]:
        """For each literal word after the head and before it: the forms, one of which must
        occur in the sentence; lets matching skip entries that cannot match at a glance."""
        return tuple(frozenset(part) for part in self.pattern[1:] + self.before
                     if part not in (("*",), ("+",)))

    @cached_property
    def length(self) -> int:
        """Number of words (specificity): computed once, compared on every match."""
        return sum(1 for part in self.pattern + self.before if part not in (("*",), ("+",)))


class Words(NamedTuple):
    """An article's words as matching reads them (see :meth:`Lexicon.read`)."""

    surfaces: list[str]  # lower-cased forms
    heads: list[int]  # token indices of the forms that can head a phrase, ascending
    offset: int  # token index of the first word


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found in a sentence: token positions of the head and of the whole phrase."""

    entry: Entry
    head: int  # token index of the head word
    end: int  # token index one past the last word of the phrase
    words: tuple[int, ...]  # token indices of the phrase's words
    slot: int | None  # token index where a "+" slot starts, if any


class Lexicon:
    """The loaded lexicon: entries indexed by the surface forms of their head word."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        words = {w for e in entries for part in e.pattern + e.before for w in part if w not in ("*", "+")}
        self.lemma_of: dict[str, str] = {}
        for lemma in sorted(words):
            for form in inflections(lemma):
                self.lemma_of.setdefault(form, lemma)
        for lemma in words:  # a pattern word that is no form of another maps to itself
            self.lemma_of.setdefault(lemma, lemma)
        self.by_head: dict[str, list[Entry]] = {}
        for entry in entries:
            for head in entry.pattern[0]:
                self.by_head.setdefault(head, []).append(entry)
        for bucket in self.by_head.values():  # most specific first
            bucket.sort(key=lambda e: (-e.length, e.line))
        #: Every surface form that can be a head: a sentence with none of them needs no matching.
        self.head_forms = {form for form, lemma in self.lemma_of.items() if lemma in self.by_head} | set(self.by_head)
        #: The form matching reads for each word: its lemma, but a skippable word as it is.
        self._reading = dict(self.lemma_of)
        self._reading.update((word, word) for word in _SKIPPABLE)
        #: What matching tries for a head (its lemma and its surface form), built on first use
        #: and kept: the merged, sorted bucket with each entry's length and needed words at hand.
        self._tries: dict[tuple[str, str], tuple[tuple[int, tuple[frozenset[str], ...], bool, Entry], ...]] = {}
        self._forms_of: dict[str, set[str]] | None = None  # reading -> the forms read so

    def _bucket(self, lemma: str, surface: str) -> tuple[tuple[int, tuple[frozenset[str], ...], bool, Entry], ...]:
        """The entries a head with this lemma and surface form can start, most specific first
        (entries written for the very form first among equals); (length, needed forms, whether the
        head is the whole phrase, entry) each."""
        bucket = self.by_head.get(lemma) or []
        if surface != lemma and surface in self.by_head:
            exact = {id(e) for e in self.by_head[surface]}  # written for this very form: first
            merged = {id(e): e for e in bucket + self.by_head[surface]}
            bucket = sorted(merged.values(), key=lambda e: (-e.length, id(e) not in exact, e.line))
        tries = tuple((e.length, self._needed_forms(e), len(e.pattern) == 1 and not e.before, e) for e in bucket)
        self._tries[lemma, surface] = tries
        return tries

    def _needed_forms(self, entry: Entry) -> tuple[frozenset[str], ...]:
        """``entry.needed`` with each word's every form that reads as it: a word of the phrase
        stands in a sentence exactly when one of these forms is among its lower-case words, so
        the quick check needs no lemma of the sentence (the lemmas are read only for the
        sentences where a longer phrase may match)."""
        if self._forms_of is None:
            self._forms_of = {}
            for form, reading in self._reading.items():
                self._forms_of.setdefault(reading, set()).add(form)
        return tuple(frozenset(part.union(*(self._forms_of.get(word, ()) for word in part)))
                     for part in entry.needed)

    def lemma(self, lower: str) -> str:
        return self.lemma_of.get(lower, lower)

    def read(self, tokens: Sequence[Token], offset: int = 0, surfaces: list[str] | None = None) -> Words:
        """The words of ``tokens`` (token ``offset`` onwards) as matching reads them: their
        lower-case forms (``surfaces`` when the document has them listed) and where a phrase
        can start, found in one C-level pass.  Read a whole article once and :meth:`matches`
        only slices it for each sentence (and reads lemmas for the sentences with a head)."""
        if surfaces is None:
            surfaces = list(map(_LOWER, tokens))
        heads = list(compress(count(offset), map(self.head_forms.__contains__, surfaces)))
        return Words(surfaces, heads, offset)

    def matches(self, tokens: list[Token], first: int = 0, last: int | None = None,
                words: Words | None = None) -> list[Match]:
        """The most specific matches in tokens[first:last] for each head token.

        A head can have two equally specific readings, a verb and a noun entry ("attack");
        both are returned and the clause analysis keeps the one the context allows.
        ``words``: the :meth:`read` of the tokens, when the caller matches many sentences.
        """
        last = len(tokens) if last is None else last
        if words is None:
            words = self.read(tokens[first:last], first)
        low, high = bisect_left(words.heads, first), bisect_left(words.heads, last)
        if low == high:
            return []
        surfaces = words.surfaces[first - words.offset:last - words.offset]
        # the sentence's forms, built on the first phrase that needs other words (the needed
        # forms are expanded to every form: no lemmas needed here); most heads need none
        present: set[str] | None = None
        reading = self._reading
        lemmas: list[str] | None = None  # read only when a longer phrase may match
        found: list[Match] = []
        tries_of = self._tries
        for head_index in words.heads[low:high]:  # only where a phrase can start
            offset = head_index - first
            surface = surfaces[offset]
            key = (reading.get(surface, surface), surface)
            bucket = tries_of.get(key)
            if bucket is None:
                bucket = self._bucket(*key)
            best_length = -1
            for length, needed, single, entry in bucket:  # sorted most specific first
                if length < best_length:
                    break
                if needed:
                    if present is None:
                        present = set(surfaces)
                    if any(map(present.isdisjoint, needed)):
                        continue  # a word of the phrase is not in the sentence at all
                if single:
                    head = head_index  # a one-word phrase: nothing more to read
                    match: Match | None = Match(entry, head, head + 1, (head,), None)
                else:
                    if lemmas is None:  # lemmas, skippable words as they are
                        lemmas = list(map(reading.get, surfaces, surfaces))
                    match = self._match(entry, lemmas, surfaces, offset, first)
                    if match is not None and entry.before and \
                            not self._match_before(entry, lemmas, surfaces, offset):
                        match = None
                if match is not None:
                    found.append(match)  # equally specific readings (a verb and a noun) all stay
                    best_length = length
        return found

    @staticmethod
    def _match(entry: Entry, lemmas: list[str], surfaces: list[str], start: int, base: int) -> Match | None:
        words = [start]
        position = start + 1
        slot: int | None = None
        parts = entry.pattern[1:]
        k = 0
        while k < len(parts):
            part = parts[k]
            if part == ("+",):
                slot = base + position
                # the target phrase: up to 6 words until the next literal of the pattern
                nxt = parts[k + 1] if k + 1 < len(parts) else None
                if nxt is None or nxt == ("*",):  # zero-width: the gap that follows does the scanning
                    k += 1
                    continue
                limit = min(len(lemmas), position + 7)
                while position < limit and lemmas[position] not in nxt and surfaces[position] not in nxt \
                        and lemmas[position] not in _GAP_STOP_LOOSE:
                    position += 1
                k += 1
                continue
            if part == ("*",):
                nxt = parts[k + 1] if k + 1 < len(parts) else None
                limit = min(len(lemmas), position + GAP + 1)
                scan = position
                while scan < limit and nxt is not None and lemmas[scan] not in nxt and surfaces[scan] not in nxt:
                    if lemmas[scan] in _GAP_STOP and not _coordinated_modifier(lemmas, scan, nxt):
                        return None
                    if lemmas[scan] == "-":  # "2-year-old": a hyphenated compound is one word
                        limit = min(len(lemmas), limit + 2)
                    scan += 1
                if nxt is None or scan >= limit:
                    return None
                position = scan
                k += 1
                continue
            skipped = 0  # determiners and possessives between words: "deepen *its* ties"
            while position < len(lemmas) and lemmas[position] in _SKIPPABLE and lemmas[position] not in part \
                    and skipped < 2:
                position += 1
                skipped += 1
            if position < len(lemmas) and (lemmas[position] in part or surfaces[position] in part):
                words.append(position)
                position += 1
                k += 1
                continue
            return None
        return Match(entry, base + start, base + position, tuple(base + w for w in words), slot)


    @staticmethod
    def _match_before(entry: Entry, lemmas: list[str], surfaces: list[str], start: int) -> bool:
        """Whether the entry's ``before`` words stand, in order, to the left of the head."""
        position = start - 1
        k = len(entry.before) - 1
        while k >= 0:
            part = entry.before[k]
            if part == ("*",):
                nxt = entry.before[k - 1] if k > 0 else None
                if nxt is None:
                    return True
                limit = max(-1, position - GAP - 1)
                while position > limit and lemmas[position] not in nxt and surfaces[position] not in nxt:
                    if lemmas[position] in _GAP_STOP:
                        return False
                    position -= 1
                if position <= limit:
                    return False
                k -= 1
                continue
            if position >= 0 and (lemmas[position] in part or surfaces[position] in part):
                position -= 1
                k -= 1
                continue
            return False
        return True


def _coordinated_modifier(lemmas: list[str], at: int, nxt: tuple[str, ...]) -> bool:
    """Whether the "and"/"or" at ``at`` joins two modifiers of the gap's noun ("launched air
    **and** artillery strikes") rather than two clauses or verbs ("launched a probe and
    attacked"): one plain word follows it, and then (at most one word later) the pattern's next word."""
    if lemmas[at] not in ("and", "or") or at + 2 >= len(lemmas):
        return False
    after = lemmas[at + 1]
    return after.isalpha() and after not in nxt and after not in _GAP_STOP and after not in _NOT_MODIFIER \
        and (lemmas[at + 2] in nxt or at + 3 < len(lemmas) and lemmas[at + 3] in nxt)


#: Words after "and" that open a new phrase or clause, not a second modifier.
_NOT_MODIFIER = {"a", "an", "the", "its", "their", "his", "her", "our", "then", "also", "to", "not",
                 "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says"}


def inflections(lemma: str) -> set[str]:
    """Inflected forms of a word used as verb or noun: regular rules plus irregular forms.

    Over-generation is harmless (a form like "visitted" never occurs in text), so both
    doubled and undoubled consonants are produced.
    """
    forms = {lemma}
    if " " in lemma or not lemma.isalpha() or len(lemma) <= 2:
        return forms
    if lemma.endswith("e") and not lemma.endswith("ee"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ee"):
        forms |= {lemma + "s", lemma + "d", lemma + "ing"}
    if lemma.endswith("ize"):
        british = lemma[:-3] + "ise"
        forms |= {british, british + "s", british + "d", british[:-1] + "ing"}
    forms |= _irregular().get(lemma, set())
    return forms


@lru_cache(maxsize=1)
def _irregular() -> dict[str, set[str]]:
    """lemma -> irregular forms, from spacy-lookups-data's English exception table (verbs, nouns)."""
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_exc.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    result: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in table.get(pos, {}).items():
            for lemma in lemmas:
                result.setdefault(lemma, set()).add(form)
    return result


def parse_lexicon(lines: list[str], origin: str = "verbs.tsv") -> list[Entry]:
    """Parse the TSV lines of a lexicon; raises ValueError naming the line of a bad entry."""
    rows = [(number, line) for number, line in enumerate(lines, start=1)
            if line.strip() and not line.startswith("#")]
    entries: list[Entry] = []
    header_seen = False
    for number, line in rows:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t"))
        if not header_seen:
            header_seen = True
            if cells[0] == "pattern":
                continue
        if len(cells) < 3:
            raise ValueError(f"{origin}:{number}: expected pattern, cameo, target columns")
        pattern_text, cameo, target = cells[0].strip(), cells[1].strip(), cells[2].strip()
        flags = set((cells[3] if len(cells) > 3 else "").split())
        pattern = tuple(tuple(word for word in part.split("|")) for part in pattern_text.lower().split())
        if not pattern or pattern[0] in (("*",), ("+",)):
            raise ValueError(f"{origin}:{number}: a pattern must start with a word")
        if cameo != "-":
            from ..ontology import UnknownCameoCode, event_code

            try:
                event_code(cameo)
            except UnknownCameoCode:
                raise ValueError(f"{origin}:{number}: unknown CAMEO code {cameo!r}") from None
        targets = () if target in ("-", "") else tuple(target.split("|"))
        unknown = flags - {"sym", "noun", "mutual", "speech"}
        if unknown:
            raise ValueError(f"{origin}:{number}: unknown flag(s) {', '.join(sorted(unknown))}")
        entries.append(Entry(pattern, "" if cameo == "-" else cameo, targets,
                             "sym" in flags, "noun" in flags, "mutual" in flags, number, pattern_text,
                             origin=Path(origin).name))
    return entries


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The built-in lexicon (or one at ``path``), loaded once per process."""
    if path is None:
        text = (resources.files(__package__) / "data" / "verbs.tsv").read_text(encoding="utf-8")
        origin = "verbs.tsv"
    else:
        text = Path(path).read_text(encoding="utf-8")
        origin = path
    return Lexicon(parse_lexicon(text.splitlines(), origin))
