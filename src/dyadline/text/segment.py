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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, offsets, lower-cased form and sentence."""

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

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains a character offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def tokens_of(self, sentence_index: int) -> list[Token]:
        first, last = self.sentence_tokens[sentence_index]
        return self.tokens[first:last]

    def token_at(self, offset: int) -> int | None:
        """Index of the token that starts at or covers ``offset``."""
        lo, hi = 0, len(self.tokens) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            tok = self.tokens[mid]
            if tok.end <= offset:
                lo = mid + 1
            elif tok.start > offset:
                hi = mid - 1
            else:
                return mid
        return None

    def sentence_text(self, sentence_index: int) -> str:
        s = self.sentences[sentence_index]
        return self.text[s.start:s.end]


@lru_cache(maxsize=1)
def nlp() -> Any:
    """spaCy's blank English pipeline with the rule-based sentencizer, built once."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def segment(text: str) -> TextDoc:
    """Split ``text`` into sentences and tokens (offsets index ``text`` as given)."""
    cleaned = clean_text(text)
    doc = nlp()(cleaned)
    tokens: list[Token] = []
    bounds: list[tuple[int, int]] = []  # sentence (start_char, end_char)
    title_end = _title_end(cleaned)
    for sent in doc.sents:
        current_start: int | None = None
        current_end = 0
        for tok in sent:
            forced = False
            if tok.is_space:
                if "\n" in tok.text and current_start is not None:
                    forced = "\n\n" in tok.text or tok.idx >= title_end > 0 and current_end <= title_end
                if forced:
                    bounds.append((current_start, current_end))
                    current_start = None
                continue
            if current_start is not None and title_end and current_end <= title_end <= tok.idx:
                bounds.append((current_start, current_end))
                current_start = None
            if current_start is None:
                current_start = tok.idx
            current_end = tok.idx + len(tok.text)
            # a newline inside trailing whitespace of a token (spaCy folds one "\n" into whitespace_)
            if "\n\n" in tok.whitespace_:
                bounds.append((current_start, current_end))
                current_start = None
        if current_start is not None:
            bounds.append((current_start, current_end))
    sentences = [Sentence(i, s, e) for i, (s, e) in enumerate(bounds)]
    sentence_tokens: list[tuple[int, int]] = []
    k = 0
    for tok in doc:
        if tok.is_space:
            continue
        start = tok.idx
        while k + 1 < len(sentences) and sentences[k + 1].start <= start:
            k += 1
        tokens.append(Token(len(tokens), tok.text, start, start + len(tok.text), tok.lower_, k,
                            bool(tok.whitespace_)))
    first = 0
    for k in range(len(sentences)):
        last = first
        while last < len(tokens) and tokens[last].sent == k:
            last += 1
        sentence_tokens.append((first, last))
        first = last
    match = _DATELINE.match(cleaned)
    dateline_end = match.end() if match and match.end() < 120 else 0
    return TextDoc(cleaned, sentences, tokens, sentence_tokens, dateline_end, title_end, doc)


def _title_end(text: str) -> int:
    """End offset of a title: a short first line without final punctuation, then a newline."""
    newline = text.find("\n")
    if newline <= 0 or newline > 300:
        return 0
    first = text[:newline].rstrip()
    if not first or first[-1] in ".!?\"'\u201d:" or len(first.split()) > 30:
        return 0
    return len(first) + (len(text[:newline]) - len(text[:newline].lstrip())) * 0
