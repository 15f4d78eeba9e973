"""The per-article state the quotation passes share: text, tokens, cues, drafts.

Kept apart from the passes so that the direct-quotation pass
(:mod:`~dyadline.text.quote_direct`) and the reported-speech pass
(:mod:`~dyadline.text.quote_reported`) read the same token helpers and sentence rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from itertools import islice
from dataclasses import dataclass, field

from .quote_cues import Cue, find_cues
from .quote_marks import QuotedStretch
from .segment import TextDoc, Token

#: how far (in tokens) a clause is searched back for its subject or its start: keeps
#: the work per cue bounded on text without sentence punctuation
MAX_CLAUSE = 60

_SENTENCE_PUNCT = re.compile(r"[.!?]")

SENTENCE_END = frozenset(".!?")
QUOTE_CHARS = frozenset('"“”‘’«»\'')
_ABBREVIATIONS = frozenset("""mr mrs ms dr sen rep gov gen lt col capt cmdr sgt adm maj st jr sr prof
rev hon pres amb supt det insp u.s u.k u.n""".split())


@dataclass
class Draft:
    """An attribution being built: content pieces (characters), cue and speaker (tokens).

    Mutable on purpose: a later quoted stretch may continue it (a new piece) and reported
    speech may absorb it; :func:`~dyadline.text.quotes.find_quotations` freezes drafts into
    :class:`~dyadline.text.quotes.QuoteSpan` records.
    """

    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None  # token range of a lexicon cue
    speaker: tuple[int, int] | None  # token range
    direct: bool
    extent_end: int  # furthest character used by content, cue or speaker
    cue_chars: tuple[int, int] | None = None  # a punctuation cue (":" or a dash), characters
    stretches: list[QuotedStretch] = field(default_factory=list)


class ArticleState:
    """The per-article state shared by the passes: text, tokens, offsets, cues, and which
    cues a quotation has already used (``used``, by first token)."""

    def __init__(self, doc: TextDoc) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.starts: list[int] = doc.token_starts()  # the document's own list, shared
        self.lowers: list[str] = doc.lowers()
        self.cues = find_cues(doc)
        self.cue_at: dict[int, Cue] = {c.first: c for c in self.cues}
        #: first token of every cue, ascending: the cues of a token range are found by two
        #: binary searches instead of a dictionary lookup per token of the range
        self.cue_firsts: list[int] = list(self.cue_at)
        self.cue_at_end: dict[int, Cue] = {c.last - 1: c for c in self.cues}
        self.used: set[int] = set()
        self.splits: dict[int, list[int]] = {}  # spaCy sentence -> refined sentence starts

    # -- token helpers -------------------------------------------------------------
    def first_token_at_or_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def last_token_before(self, offset: int) -> int:
        """Index of the last token that ends at or before ``offset`` (-1 if none)."""
        i = bisect_left(self.starts, offset) - 1
        while i >= 0 and self.tokens[i].end > offset:
            i -= 1
        return i

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        return self.doc.sentence_tokens[self.tokens[i].sent]

    def more_words_than(self, start: int, end: int, limit: int) -> bool:
        """Whether a character range holds more than ``limit`` word tokens.  Every caller
        compares a count with a small limit, so the count stops at ``limit + 1`` words (and a
        range of ``limit`` tokens or fewer needs none): no article-wide sums, no full count."""
        starts = self.starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if j - i <= limit:
            return False
        words = filter(str.isalnum, map(self.text.__getitem__, map(starts.__getitem__, range(i, j))))
        return next(islice(words, limit, None), None) is not None

    def cue_between(self, lo: int, hi: int, last: bool = False) -> Cue | None:
        """The first (or last) cue that starts in token range ``[lo, hi)``."""
        firsts = self.cue_firsts
        found = range(bisect_left(firsts, lo), bisect_left(firsts, hi))
        for n in (reversed(found) if last else found):
            if firsts[n] not in self.used:
                return self.cue_at[firsts[n]]
        return None

    def cues_in(self, lo: int, hi: int) -> list[Cue]:
        """The cues that start in token range ``[lo, hi)``, in text order."""
        firsts, cue_at = self.cue_firsts, self.cue_at
        return [cue_at[k] for k in firsts[bisect_left(firsts, lo):bisect_left(firsts, hi)]]


def ends_sentence(art: ArticleState, k: int) -> bool:
    """Token ``k`` is a full stop, question or exclamation mark that ends a sentence: not the
    period of an abbreviation that spaCy left apart ("Capt. Christian Pardo")."""
    tokens = art.tokens
    t = tokens[k]
    if t.text not in SENTENCE_END:
        return False
    if t.text == "." and k > 0 and tokens[k - 1].end == t.start and tokens[k - 1].lower in _ABBREVIATIONS:
        return False
    return True


def sentence_span(art: ArticleState, i: int) -> tuple[int, int]:
    """Token range of the sentence around token ``i``: spaCy's sentence, split further where
    a sentence end is followed by a capital or an opening quotation mark (spaCy's
    sentencizer leaves "... or Trump. “The military ...”" in one sentence).  The splits of
    a sentence are found once and kept.  At most ``2 * MAX_CLAUSE`` tokens either side."""
    sent = art.tokens[i].sent
    s_lo, s_hi = art.sentence_bounds(i)
    splits = art.splits.get(sent)
    if splits is None:
        tokens, starts = art.tokens, art.starts
        # only tokens at a ".", "!" or "?" of the sentence's text can end a sentence: found by
        # one regex over its characters instead of a walk over all of its tokens
        splits = [s_lo]
        for m in _SENTENCE_PUNCT.finditer(art.text, tokens[s_lo].start, tokens[s_hi - 1].end):
            k = bisect_left(starts, m.start()) + 1  # the token after the one at the mark
            if s_lo < k < s_hi and starts[k - 1] == m.start() and ends_sentence(art, k - 1) \
                    and starts_sentence(tokens[k]):
                splits.append(k)
        splits.append(s_hi)
        art.splits[sent] = splits
    j = bisect_right(splits, i)
    # a "sentence" of thousands of tokens (no punctuation) is read as a window around ``i``,
    # so that the work per cue stays bounded
    return max(splits[j - 1], i - 2 * MAX_CLAUSE), min(splits[j], i + 2 * MAX_CLAUSE)


def starts_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1] in "“\"‘«"


def clause_floor(art: ArticleState, i: int) -> int:
    """First token of the stretch before token ``i`` that can hold its subject: back to the
    sentence start, the end of a quoted sentence ("“...,” he said") or a line break, whichever
    is nearest.  A quoted word inside the clause ("it was “premature” to") does not stop it."""
    tokens = art.tokens
    s_lo, _ = art.sentence_bounds(i)
    k = i
    while k > s_lo and i - k < MAX_CLAUSE:
        t = tokens[k - 1]
        if "\n" in art.text[t.end:tokens[k].start]:
            break
        if t.text in QUOTE_CHARS and t.start > 0 and art.text[t.start - 1] in ".,!?;:…—":
            break
        k -= 1
    return k
