"""Segmentation: sentences and tokens with character offsets into the text as given.

Built on spaCy's blank English tokenizer and rule-based sentencizer (no trained model).
News text has structure the sentencizer does not know about, so a blank line, and a
title line without final punctuation, always end a sentence; datelines ("MOSCOW, Jan 14
(Reuters) -") stay at the start of the first sentence and are marked so that later
stages can ignore them.  HTML entities are decoded by :func:`clean_text` *without*
moving offsets: each entity is replaced by its character padded with spaces to the same
length, so offsets found in the cleaned text index the original.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Any, NamedTuple

from ..model import Sentence

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?)"   # MOSCOW / NEW YORK, Jan 14
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?:[A-Za-z .]{2,30})\))?\s*[-\u2013\u2014]+\s+"
)


def clean_text(text: str) -> str:
    """Decode HTML entities in place, keeping every offset valid (same length)."""
    if "&" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        raw = match.group(0)
        decoded = html.unescape(raw)
        if decoded == raw or len(decoded) > len(raw):
            return raw
        return decoded + " " * (len(raw) - len(decoded))

    return _ENTITY.sub(replace, text)


class Token(NamedTuple):
    """One token: its text, offsets, lower-cased form and sentence.

    A NamedTuple rather than a dataclass: an article has thousands of tokens and building
    them is on the hot path of every stage that follows.
    """

    i: int
    text: str
    start: int
    end: int
    lower: str
    sent: int
    space: bool  # followed by whitespace

    @property
    def is_upper_initial(self) -> bool:
        return self.text[:1].isupper()


#: Building the tuple directly skips NamedTuple's Python-level __new__ (twice as fast);
#: ``map(_new_tuple, repeat(Token), rows)`` builds them without a Python-level loop.
_new_tuple = tuple.__new__


@dataclass
class TextDoc:
    """A segmented article: the text, its sentences and tokens.

    ``text`` is the cleaned text (same length as the original); ``tokens`` are the
    non-whitespace tokens; ``sentence_tokens[k]`` is the (first, last+1) token range of
    sentence ``k``; ``dateline_end`` is the offset where a leading dateline ends (0 if none);
    ``title_end`` the offset where a title line ends (0 if none).
    """

    text: str
    sentences: list[Sentence]
    tokens: list[Token]
    sentence_tokens: list[tuple[int, int]]
    dateline_end: int = 0
    title_end: int = 0
    spacy_doc: Any = None
    _token_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _capitalised: list[int] | None = field(default=None, repr=False, compare=False)
    _token_ends: list[int] | None = field(default=None, repr=False, compare=False)
    _lowers: list[str] | None = field(default=None, repr=False, compare=False)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains a character offset (the last one starting at or before it)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.sentences]
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def capitalised(self) -> list[int]:
        """Indices of the tokens that start with a capital letter (built once per document,
        by :func:`segment` from the code points): the only places a name can start, shared by
        the stages that look for names instead of each scanning every token."""
        if self._capitalised is None:
            self._capitalised = [t.i for t in self.tokens if t.text[:1].isupper()]
        return self._capitalised

    def token_starts(self) -> list[int]:
        """Start offset of every token, in order (one list per document, for binary searches)."""
        if self._token_starts is None:
            self._token_starts = [t.start for t in self.tokens]
        return self._token_starts

    def token_ends(self) -> list[int]:
        """End offset of every token, in order (one list per document, for binary searches)."""
        if self._token_ends is None:
            self._token_ends = [t.end for t in self.tokens]
        return self._token_ends

    def lowers(self) -> list[str]:
        """Lower-cased form of every token, in order: the stages look words up in their lexicons
        with one C-level pass over this list (``map``/``compress``) instead of each building it."""
        if self._lowers is None:
            self._lowers = [t.lower for t in self.tokens]
        return self._lowers

    def tokens_of(self, sentence_index: int) -> list[Token]:
        first, last = self.sentence_tokens[sentence_index]
        return self.tokens[first:last]

    def token_at(self, offset: int) -> int | None:
        """Index of the token that starts at or covers ``offset`` (None between tokens)."""
        index = bisect_right(self.token_starts(), offset) - 1
        if index >= 0 and offset < self.tokens[index].end:
            return index
        return None

    def sentence_text(self, sentence_index: int) -> str:
        s = self.sentences[sentence_index]
        return self.text[s.start:s.end]


@lru_cache(maxsize=1)
def nlp() -> Any:
    """spaCy's blank English pipeline with the rule-based sentencizer, built once.

    :func:`segment` runs only its tokenizer and applies the sentencizer's rule itself on the
    token arrays (:func:`_sentence_starts`); the whole pipeline is what the throughput
    benchmark measures the coder against.
    """
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    # spaCy's 1M-character guard protects the memory of trained parsers; the blank tokenizer
    # needs no such guard, and the input reader already refuses texts over its own limit.
    pipeline.max_length = 10 ** 8
    return pipeline


@lru_cache(maxsize=1)
def _character_tables() -> tuple[Any, Any, Any]:
    """Three lookup tables indexed by code point: the sentencizer's sentence-final characters
    ("." "!" "?" and their counterparts in other scripts, all single characters), the
    characters for which ``str.isspace()`` holds, and those for which ``str.isupper()`` holds.
    Indexing a table with an array of code points classifies every token at once, without a
    Python-level loop (built once per process, in some 50 ms)."""
    import numpy

    stops = numpy.zeros(0x110000, dtype=bool)
    stops[[ord(c) for c in nlp().get_pipe("sentencizer").punct_chars]] = True
    spaces = numpy.zeros(0x110000, dtype=bool)
    spaces[[c for c in range(0x3001) if chr(c).isspace()]] = True  # none lies above U+3000
    uppers = numpy.zeros(0x110000, dtype=bool)
    uppers[[c for c in range(0x110000) if chr(c).isupper()]] = True
    return stops, spaces, uppers


def _sentence_starts(stop: Any, punct: Any) -> Any:
    """spaCy's sentencizer rule, vectorised (the same starts as ``Sentencizer.predict``).

    The sentencizer walks the tokens: a sentence-final character (``stop``) is "seen"; the
    next token that is neither punctuation nor such a character starts a sentence.  So a
    word-like token starts a sentence exactly when a sentence-final token lies between it
    and the word-like token before it.  The first token always starts one.  spaCy's own loop
    builds a Python Token object per token, which costs a quarter of the tokenizer's time.
    """
    import numpy

    word = ~(punct | stop)
    words = numpy.flatnonzero(word)
    stops_before = numpy.cumsum(stop)[words]   # a word is no stop: counts the stops before it
    starts = numpy.zeros(len(stop), dtype=bool)
    starts[words[numpy.diff(stops_before, prepend=0) > 0]] = True
    starts[0] = True
    return starts


def segment(text: str) -> TextDoc:
    """Split ``text`` into sentences and tokens (offsets index ``text`` as given).

    Vectorised over spaCy's token arrays (offset, length, is-space, is-punct) rather
    than a loop over spaCy Token objects: this is the hot path of the whole coder, and the
    coder as a whole must keep within a small multiple of the tokenizer's own time.
    """
    cleaned = clean_text(text)
    return _build(cleaned, nlp().tokenizer(cleaned))


def _build(cleaned: str, doc: Any) -> TextDoc:
    """The document of ``cleaned`` from spaCy's tokens ``doc`` (see :func:`segment`)."""
    import numpy
    from spacy.attrs import IDX, IS_PUNCT, LENGTH

    title_end = _title_end(cleaned)
    match = _DATELINE.match(cleaned)
    dateline_end = match.end() if match and match.end() < 120 else 0
    if not len(doc):
        return TextDoc(cleaned, [], [], [], dateline_end, title_end, doc)
    array = doc.to_array([IDX, LENGTH, IS_PUNCT]).astype(numpy.int64)
    starts_all = array[:, 0]
    # the text's code points, to classify characters at token offsets in one array lookup
    codes = numpy.frombuffer(cleaned.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    stop_table, space_table, upper_table = _character_tables()
    # spaCy's IS_SPACE, read off the first character: the tokenizer splits the text into runs
    # of whitespace and of other characters, so a token is all whitespace or has none (the
    # lexeme flag costs as much as the offsets and lengths together)
    space = space_table[codes[starts_all]]
    stop = (array[:, 1] == 1) & stop_table[codes[starts_all]]
    breaks = _sentence_starts(stop, array[:, 2] == 1)
    # a blank line, and the end of a title line, always end a sentence
    for position in numpy.flatnonzero(space).tolist():
        piece = cleaned[starts_all[position]:starts_all[position] + array[position, 1]]
        if "\n\n" in piece or (title_end and "\n" in piece and starts_all[position] >= title_end):
            if position + 1 < len(breaks):
                breaks[position + 1] = True
    if title_end:
        after_title = numpy.flatnonzero(~space & (starts_all >= title_end))
        if len(after_title):
            breaks[after_title[0]] = True
    # a sentence start that falls on a whitespace token moves to the next real token
    for position in numpy.flatnonzero(breaks & space).tolist():
        following = position + 1
        while following < len(space) and space[following]:
            following += 1
        if following < len(space):
            breaks[following] = True
    keep = ~space
    kept_starts = starts_all[keep]
    kept_ends = (starts_all + array[:, 1])[keep]
    starts, ends = kept_starts.tolist(), kept_ends.tolist()
    kept_breaks = breaks[keep]
    if len(kept_breaks):
        kept_breaks[0] = True
    firsts = numpy.flatnonzero(kept_breaks).tolist()
    sentence_ids = (numpy.cumsum(kept_breaks) - 1).tolist()
    pieces = [cleaned[a:b] for a, b in zip(starts, ends)]
    # followed by whitespace: the character at the token's end (a sentinel past the text's end)
    spaces = space_table[numpy.append(codes, 0)[kept_ends]]
    lowers = list(map(str.lower, pieces))
    tokens = list(map(_new_tuple, repeat(Token), zip(range(len(pieces)), pieces, starts, ends, lowers,
                                                      sentence_ids, spaces.tolist())))
    bounds = firsts + [len(tokens)]
    sentence_tokens = [(bounds[k], bounds[k + 1]) for k in range(len(firsts))]
    sentences = [Sentence(k, starts[a], ends[b - 1]) for k, (a, b) in enumerate(sentence_tokens)]
    capitalised = numpy.flatnonzero(upper_table[codes[kept_starts]]).tolist()
    return TextDoc(cleaned, sentences, tokens, sentence_tokens, dateline_end, title_end, doc,
                   _token_starts=starts, _capitalised=capitalised, _token_ends=ends, _lowers=lowers)


def _title_end(text: str) -> int:
    """End offset of a title: a short first line without final punctuation, then a newline."""
    newline = text.find("\n")
    if newline <= 0 or newline > 300:
        return 0
    first = text[:newline].rstrip()
    if not first or first[-1] in ".!?\"'\u201d:" or len(first.split()) > 30:
        return 0
    return len(first)
