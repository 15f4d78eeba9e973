"""Quotations and reported speech, with their cue and the mention that introduces them.

Three passes over a segmented article (:class:`~dyadline.text.segment.TextDoc`):

1. **Direct quotations.**  Quoted stretches (:mod:`~dyadline.text.quote_marks`) are
   attributed to a speech cue (:mod:`~dyadline.text.quote_cues`) right after the closing
   mark ("“...,” Lavrov stated", "“...,” said Lavrov") or right before the opening mark
   ("He said: “...”").  A stretch without a cue of its own that follows an attributed
   quotation with nothing in between but the rest of that sentence continues it: this is how
   a quotation split around its cue ("“A,” he said, “B.”") and a quotation running on in the
   next sentence or paragraph are read.  Short stretches (three words or fewer) without a
   cue are scare quotes or titles ("maximum pressure") and are not quotations.
2. **Reported speech.**  Every remaining cue that can introduce reported speech is read in
   its sentence: "X said (that) ...", "..., X said", "..., said X", "According to X, ...",
   "..., according to X", and participles ("..., saying ...") whose speaker is the
   sentence's subject.
3. Quoted stretches that turned out to sit inside reported speech are folded into it
   (one attribution per cue, as annotation guidelines for attribution require).

The speaker is the noun phrase the text gives ("Russian Foreign Minister Sergei Lavrov",
"he", "the ministry"); mapping it to an actor is the coder's job.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Span
from .quote_cues import Cue, CueEntry, find_cues, left_np, right_np, sentence_subject, skip_left
from .quote_marks import QuotedStretch, find_quoted
from .segment import TextDoc, Token

#: a quoted stretch of this many words or fewer needs a cue to count as a quotation
SCARE_QUOTE_WORDS = 3
#: how far (in tokens) after a closing mark a cue may stand ("“...,” the official ... said")
AFTER_WINDOW = 30
#: how far (in tokens) before an opening mark a cue may stand ("said in a statement on Tuesday:")
BEFORE_WINDOW = 10

#: how far (in tokens) a clause is searched back for its subject or its start: keeps
#: the work per cue bounded on text without sentence punctuation
_MAX_CLAUSE = 60

_SENTENCE_END = frozenset(".!?")
_ABBREVIATIONS = frozenset("""mr mrs ms dr sen rep gov gen lt col capt cmdr sgt adm maj st jr sr prof
rev hon pres amb gen supt det insp u.s u.k u.n""".split())
_QUOTE_CHARS = frozenset('"“”‘’«»\'')
_DOUBLE_MARKS = frozenset('"“”«»')
#: a short quoted name or title inside a gap ("on NBC's ''Meet the Press.''")
_SHORT_QUOTED = re.compile(r"(?:“|\"|''|‘)[^“”\"\n]{1,40}?(?:”|\"|''|’)")
#: words ending in -s/-ed that are not verbs of saying after a quotation
_NOT_VERBS = frozenset("""was has is does its this his hers ours yours theirs news always perhaps
unless less thus was yes whereas various numerous famous serious previous obvious anonymous
indeed need seed speed feed red bed united""".split())
#: verbs that attribute a quotation given as a name for something ("called it “a disaster”")
_NAMING = frozenset("call describe dub label brand".split())
_RELATIVE = frozenset("who which whose whom that when while because but and as".split())
_LIGHT_AFTER = frozenset("""on in at during last this to of from after before while when earlier later
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently
previously again then also ( — – -""".split())


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation or a piece of reported speech.

    ``start``/``end`` delimit the content without quotation marks; for a quotation split
    around its cue they run from the first part's start to the last part's end and
    ``parts`` lists the pieces.  ``cue`` is the speech verb or phrase, ``speaker`` the noun
    phrase that introduces it, ``direct`` True inside quotation marks.
    """

    start: int
    end: int
    cue: Span | None
    speaker: Span | None
    direct: bool
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The content pieces (the whole span where the quotation is not split)."""
        return self.parts or ((self.start, self.end),)


@dataclass
class _Draft:
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None  # token range
    speaker: tuple[int, int] | None  # token range
    direct: bool
    extent_end: int  # furthest character used by content, cue or speaker
    cue_text: str | None = None  # for punctuation cues (":")
    cue_chars: tuple[int, int] | None = None
    stretches: list[QuotedStretch] = field(default_factory=list)


class _Article:
    """The per-article state shared by the passes: text, tokens, offsets, cues."""

    def __init__(self, doc: TextDoc) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.word_prefix = [0]
        for t in doc.tokens:
            self.word_prefix.append(self.word_prefix[-1] + (1 if t.text[:1].isalnum() else 0))
        self.cues = find_cues(doc)
        self.cue_at: dict[int, Cue] = {c.first: c for c in self.cues}
        self.cue_at_end: dict[int, Cue] = {c.last - 1: c for c in self.cues}
        self.used: set[int] = set()

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

    def same_line(self, a: int, b: int) -> bool:
        """True when no line break separates tokens ``a`` < ``b``."""
        return "\n" not in self.text[self.tokens[a].end:self.tokens[b].start]

    def words_in(self, start: int, end: int) -> int:
        """Number of word tokens in a character range (prefix sums: constant time)."""
        i, j = self.first_token_at_or_after(start), self.first_token_at_or_after(end)
        return self.word_prefix[j] - self.word_prefix[i] if j > i else 0

    def span(self, rng: tuple[int, int] | None) -> Span | None:
        if rng is None:
            return None
        a, b = self.tokens[rng[0]].start, self.tokens[rng[1] - 1].end
        return Span(self.text[a:b], a, b)

    def cue_between(self, lo: int, hi: int, last: bool = False) -> Cue | None:
        """The first (or last) cue that starts in token range ``[lo, hi)``."""
        rng = range(hi - 1, lo - 1, -1) if last else range(lo, hi)
        for i in rng:
            cue = self.cue_at.get(i)
            if cue is not None and cue.first not in self.used:
                return cue
        return None


def _last_char(art: _Article, q: QuotedStretch) -> str:
    """The last character of the quoted text that is not itself a quotation mark."""
    k = q.end - 1
    while k > q.start and art.text[k] in _QUOTE_CHARS:
        k -= 1
    return art.text[k]


def _clause_floor(art: _Article, i: int) -> int:
    """First token of the stretch before token ``i`` that can hold its subject: back to the
    sentence start, the end of a quoted sentence ("“...,” he said") or a line break, whichever
    is nearest.  A quoted word inside the clause ("it was “premature” to") does not stop it."""
    tokens = art.tokens
    s_lo, _ = art.sentence_bounds(i)
    k = i
    while k > s_lo and i - k < _MAX_CLAUSE:
        t = tokens[k - 1]
        if "\n" in art.text[t.end:tokens[k].start]:
            break
        if t.text in _QUOTE_CHARS and t.start > 0 and art.text[t.start - 1] in ".,!?;:…—":
            break
        k -= 1
    return k


def _previous_speaker(art: _Article, cue: Cue, prior: list[_Draft]) -> tuple[int, int] | None:
    """The speaker of the attribution just before a participle cue ("he said, adding ...")."""
    if not prior or prior[-1].speaker is None:
        return None
    gap = art.text[prior[-1].extent_end:art.tokens[cue.first].start]
    if prior[-1].extent_end > art.tokens[cue.first].start or any(c in _SENTENCE_END or c == "\n" for c in gap):
        return None
    return prior[-1].speaker if len(gap.split()) <= 6 else None


def _subject(art: _Article, cue: Cue, lo: int, prior: list[_Draft]) -> tuple[int, int] | None:
    """The speaker that stands before its cue: the noun phrase right before it ("Lavrov
    stated"), else the subject of the clause ("X, a spokesman, said"; "X ... and added")."""
    tokens = art.tokens
    if cue.participle:
        # "Nefzi said, adding": the speaker of the cue right before it
        j = cue.first - 1
        if j - 1 >= lo and tokens[j].text == "," and (j - 1) in art.cue_at_end:
            before = art.cue_at_end[j - 1]
            if not before.participle:
                return _subject(art, before, lo, prior)
        # "with Trump reportedly yelling", "a voice over saying": the phrase right before it
        j = skip_left(tokens, cue.first - 1, lo)
        if j >= lo and tokens[j].text[:1].isalnum():
            np = left_np(tokens, cue.first - 1, lo)
            if np is not None and np[0] > lo and tokens[np[0] - 1].lower in ("with", "of"):
                return np
        return _previous_speaker(art, cue, prior) or sentence_subject(tokens, lo, cue.first)
    np = left_np(tokens, cue.first - 1, lo)
    if np is None:
        np = sentence_subject(tokens, lo, cue.first)
    return np


def _pseudo_cue(art: _Article, i: int) -> Cue:
    """A cue word the lexicon does not list, read from the shape "“...,” X verbed"."""
    tok = art.tokens[i]
    return Cue(i, i + 1, CueEntry(tok.lower, False, False), tok.lower)


def _verb_like(tok: Token) -> bool:
    low = tok.lower
    return (tok.text[:1].islower() and tok.text.isalpha() and low not in _NOT_VERBS
            and (low.endswith("ed") or low.endswith("s")) and len(low) > 3)


def _after_cue(art: _Article, q: QuotedStretch, prior: list[_Draft]
               ) -> tuple[Cue | None, tuple[int, int] | None, tuple[int, int] | None] | None:
    """A cue right after the closing mark: "“...,” Lavrov stated" / "“...,” said Lavrov" /
    "“...”  - Bernie Sanders"."""
    if not q.closed:
        return None
    tokens = art.tokens
    a = art.first_token_at_or_after(q.outer_end)
    if a < len(tokens) and tokens[a].text in ("-", "—", "–") and art.text[q.outer_end:tokens[a].start].count("\n") <= 2:
        dash = _dash_signature(art, a)
        if dash is not None:
            return None, dash, (tokens[a].start, tokens[a].end)
    while a < len(tokens) and tokens[a].text in (",", "—", "–", "-"):
        a += 1
    if a >= len(tokens) or "\n" in art.text[q.outer_end:tokens[a].start]:
        return None  # a line break right after the quotation: the next paragraph is not its cue
    last = _last_char(art, q)
    if last == "." and not tokens[a].text[:1].islower():
        return None
    hi = a
    while hi < len(tokens) and hi - a < AFTER_WINDOW:
        t = tokens[hi]
        if _ends_sentence(art, hi) or t.text in _QUOTE_CHARS or "\n" in art.text[tokens[hi - 1].end:t.start]:
            break
        hi += 1
    cue = art.cue_between(a, hi)
    if cue is None or cue.participle:
        # "..., adding, “...”" introduces what follows, not what precedes
        return _unlisted_after(art, a, hi) if cue is None and last in ",?!" else None
    if cue.first == a:  # inverted: "said Lavrov"
        return cue, right_np(tokens, cue.last, hi), None
    if cue.entry.lemma == "according to":
        return cue, right_np(tokens, cue.last, hi), None
    if tokens[cue.first - 1].text == ",":
        return cue, right_np(tokens, a, cue.first), None
    np = left_np(tokens, cue.first - 1, a)
    if np is None:
        return None
    return cue, np, None


def _unlisted_after(art: _Article, a: int, hi: int) -> tuple[Cue, tuple[int, int], None] | None:
    """"“...,” he mocks", "“...,” scoffed Arianna Gil", "“...,” the nominee riffed": a verb the
    lexicon lacks, recognised by where it stands after a quotation ending in a comma."""
    tokens = art.tokens
    if a + 1 >= hi:
        return None
    first = tokens[a]
    if first.lower in ("he", "she", "they", "we", "i") and _verb_like(tokens[a + 1]):
        return _pseudo_cue(art, a + 1), (a, a + 1), None
    if _verb_like(first) and (tokens[a + 1].text[:1].isupper() or tokens[a + 1].lower in ("the", "a", "an")):
        np = right_np(tokens, a + 1, hi)
        return (_pseudo_cue(art, a), np, None) if np else None
    np = right_np(tokens, a, hi)
    if np is not None and np[1] < hi and _verb_like(tokens[np[1]]) and tokens[np[1] - 1].text[:1].isupper():
        return _pseudo_cue(art, np[1]), np, None
    return None


def _dash_signature(art: _Article, d: int) -> tuple[int, int] | None:
    """"“...”  - Bernie Sanders" closing a line (or on the next line): the name after the dash
    speaks."""
    tokens = art.tokens
    end = d + 1
    while end < len(tokens) and "\n" not in art.text[tokens[end - 1].end:tokens[end].start] and end - d <= 8:
        end += 1
    if end == d + 1 or (end < len(tokens) and "\n" not in art.text[tokens[end - 1].end:tokens[end].start]):
        return None
    np = right_np(tokens, d + 1, end)
    if np is None or not tokens[np[0]].text[:1].isupper() or any(t.text != "." for t in tokens[np[1]:end]):
        return None
    return np


def _before_cue(art: _Article, q: QuotedStretch, prior: list[_Draft]
                ) -> tuple[Cue | None, tuple[int, int] | None, tuple[int, int] | None] | None:
    """A cue before the opening mark: "He said: “...”", "As one source said, “...”"."""
    tokens = art.tokens
    b = art.last_token_before(q.open)
    if b < 0 or "\n" in art.text[tokens[b].end:q.open] and (
            tokens[b].text != ":" or art.text[tokens[b].end:q.open].count("\n") > 2):
        return None  # the quotation opens its paragraph, and the one before does not lead to it
    lead = tokens[b]
    s_lo, _ = art.sentence_bounds(b)
    if lead.text in (":", ",") or lead.lower == "that" or art.cue_at.get(b) is not None or (
            b >= 1 and art.cue_at.get(b - 1) is not None and art.cue_at[b - 1].last == b + 1):
        lo = max(s_lo, b - BEFORE_WINDOW)
        k = b
        while k > lo:
            t = tokens[k - 1]
            if t.text in _SENTENCE_END or t.text in _QUOTE_CHARS:
                break
            k -= 1
        cue = art.cue_between(k, b + 1, last=True)
        if cue is not None:
            between = tokens[cue.last:b]
            if any(t.text in (",",) for t in between) and lead.text != ",":
                cue = None  # "said, after a pause, that" is fine; a comma list before ":" is not a cue gap
        if cue is not None:
            if cue.entry.lemma == "according to":
                return cue, right_np(tokens, cue.last, b + 1), None
            floor = _clause_floor(art, cue.first)
            np = _subject(art, cue, floor, prior)
            if np is None and cue.first == floor:
                np = right_np(tokens, cue.last, b + 1)  # "Said Lavrov: “...”"
            return cue, np, None
        if lead.text == ":" and b > s_lo:
            # "Philip Bump: “...”", "Clinton has since apologized: “...”"
            floor = _clause_floor(art, b)
            np = left_np(tokens, b - 1, floor)
            if np is not None and np[0] != floor:
                # "... doesn't surprise Republican pollster Daron Shaw:": a name right before
                # the colon speaks; anything else is the subject's ("he returned to his lines:")
                first = np[0]
                while first < np[1] and tokens[first].text[:1].islower() and tokens[first].lower not in ("the", "a", "an"):
                    first += 1
                np = (first, np[1]) if first < np[1] and tokens[np[1] - 1].text[:1].isupper() else None
            if np is None:
                np = sentence_subject(tokens, floor, b)
            if np is not None:
                return None, np, (lead.start, lead.end)
        return None
    # "called the deal “a disaster”": a naming verb, a short object, then the quotation
    for k in range(b, max(s_lo, b - 5) - 1, -1):
        t = tokens[k]
        cue = art.cue_at.get(k)
        if cue is not None and cue.entry.lemma in _NAMING and cue.first not in art.used and \
                art.words_in(q.start, q.end) > SCARE_QUOTE_WORDS:
            return cue, _subject(art, cue, _clause_floor(art, cue.first), prior), None
        if not t.text[:1].isalnum() and t.lower not in ("'s", "’s"):
            break
    return None


def _continues(art: _Article, prev: _Draft | None, q: QuotedStretch) -> bool:
    """True when ``q`` carries on the attribution ``prev``.

    Split around its cue ("“A,” he said, “B.”", also with a long description of the
    speaker: "“A,” said X, director of Y, “B.”") or running on in the next sentence or
    paragraph ("“A,” he said at a rally. “B.”": the rest of the cue's sentence, then nothing
    but the new quotation).
    """
    if prev is None or (prev.cue is None and prev.cue_chars is None) or prev.extent_end > q.open:
        return False
    raw = art.text[prev.extent_end:q.open]
    gap = _SHORT_QUOTED.sub(_blank_if_name, raw)
    if any(c in _DOUBLE_MARKS for c in gap) or "''" in gap:
        return False
    tokens = art.tokens
    i, j = art.first_token_at_or_after(prev.extent_end), art.first_token_at_or_after(q.open)
    for k in range(i, j):
        t = tokens[k]
        if _ends_sentence(art, k) or (k > i and "\n" in art.text[tokens[k - 1].end:t.start]):
            if not _ends_sentence(art, k):
                k -= 1
            return not any(x.text[:1].isalnum() for x in tokens[k + 1:j])
    if "\n" in raw:
        return not any(x.text[:1].isalnum() for x in tokens[i:j])
    # no sentence end in between: a quotation split around its cue
    words = [w.lower() for w in gap.split()]
    if gap.rstrip()[-1:] not in (",", ":", "—", "–", ";", ""):
        return False
    if len(words) <= 4 and not set(words) & _RELATIVE:
        return True
    # "said X, director of Y, “B.”": a description of the speaker, no other cue
    return gap.lstrip()[:1] == "," and len(words) <= 30 and not any(
        k in art.cue_at for k in range(i, j))


def _blank_if_name(m: re.Match[str]) -> str:
    """Blank out a quoted title or scare quote ("''Meet the Press''"), keep anything longer."""
    inner = m.group(0)[1:-1].strip("'")
    words = [w for w in inner.split() if w[:1].isalpha()]
    if len(words) <= SCARE_QUOTE_WORDS or sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2:
        return " "
    return m.group(0)


def _opens_sentence(art: _Article, q: QuotedStretch, floor: int) -> int | None:
    """None when the quotation opens its sentence; else the offset where its sentence starts
    (the quotation is then part of a longer attributed statement)."""
    b = art.last_token_before(q.open)
    k = b
    while k >= 0 and art.tokens[k].start >= floor and b - k < _MAX_CLAUSE:
        t = art.tokens[k]
        if t.text in _SENTENCE_END or t.text in _QUOTE_CHARS or t.text == ":" or (
                k < b and "\n" in art.text[t.end:art.tokens[k + 1].start]):
            break
        k -= 1
    first = k + 1
    if first > b or not any(t.text[:1].isalnum() for t in art.tokens[first:b + 1]):
        return None
    return art.tokens[first].start


def _direct_pass(art: _Article) -> list[_Draft]:
    drafts: list[_Draft] = []
    covered_to = -1
    for q in find_quoted(art.text):
        if q.open < covered_to:
            continue  # nested inside a quotation already taken
        prev = drafts[-1] if drafts else None
        last = _last_char(art, q)
        found = None
        if last in ",—–-…?!:;" or art.text[q.outer_end:q.outer_end + 1] == ",":
            found = _after_cue(art, q, drafts)
        elif last == ".":
            nxt = art.first_token_at_or_after(q.outer_end)
            if nxt < len(art.tokens) and (art.tokens[nxt].text[:1].islower()
                                          or art.tokens[nxt].text in ("-", "—", "–")):
                found = _after_cue(art, q, drafts)
        if found is not None:
            cue, np, punct = found
            floor = max(covered_to, prev.extent_end if prev else 0, 0)
            start = _opens_sentence(art, q, floor)
            if start is not None and not _continues(art, prev, q):
                # "Trump's claim was “strategic,” she said": the quotation is a piece of
                # a longer statement; the statement is what is attributed
                _add(art, drafts, q, cue, np, punct)
                drafts[-1].parts = [(start, q.outer_end)]
                drafts[-1].direct = False
            else:
                _add(art, drafts, q, cue, np, punct)
            covered_to = q.outer_end
            continue
        before = _before_cue(art, q, drafts)
        if before is not None and before[0] is not None and _is_title(art, q) and \
                art.tokens[art.last_token_before(q.open)].text not in (":", ","):
            before = None  # "he wrote “The Art of the Deal”": a title, not a quotation
        if before is not None:
            cue, np, punct = before
            _add(art, drafts, q, cue, np, punct)
            covered_to = q.outer_end
            continue
        if _continues(art, prev, q):
            assert prev is not None
            prev.parts.append((q.start, q.end))
            prev.extent_end = max(prev.extent_end, q.outer_end)
            prev.stretches.append(q)
            covered_to = q.outer_end
            continue
        if art.words_in(q.start, q.end) > SCARE_QUOTE_WORDS and _looks_like_speech(art, q):
            drafts.append(_Draft([(q.start, q.end)], None, None, True, q.outer_end, stretches=[q]))
            covered_to = q.outer_end
    return drafts


def _is_title(art: _Article, q: QuotedStretch) -> bool:
    """Title case, a few words: "Lost Tycoon: The Many Lives of Donald J. Trump"."""
    words = [w for w in art.text[q.start:q.end].split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return 2 <= len(words) <= 14 and capitalised * 3 >= len(words) * 2


def _looks_like_speech(art: _Article, q: QuotedStretch) -> bool:
    """An unattributed quoted stretch counts when it reads like a sentence, not a title."""
    if _is_title(art, q):
        return False
    words = art.words_in(q.start, q.end)
    return _last_char(art, q) in ".?!,…" or words >= 8


def _add(art: _Article, drafts: list[_Draft], q: QuotedStretch, cue: Cue | None,
         np: tuple[int, int] | None, punct: tuple[int, int] | None) -> None:
    extent = q.outer_end
    cue_rng = (cue.first, cue.last) if cue else None
    if cue is not None:
        art.used.add(cue.first)
        extent = max(extent, art.tokens[cue.last - 1].end)
    if np is not None:
        extent = max(extent, art.tokens[np[1] - 1].end)
    drafts.append(_Draft([(q.start, q.end)], cue_rng, np, True, extent,
                         cue_text=":" if punct else None, cue_chars=punct, stretches=[q]))


def _ends_sentence(art: _Article, k: int) -> bool:
    """Token ``k`` is a full stop, question or exclamation mark that ends a sentence: not the
    period of an abbreviation that spaCy left apart ("Capt. Christian Pardo")."""
    tokens = art.tokens
    t = tokens[k]
    if t.text not in _SENTENCE_END:
        return False
    if t.text == "." and k > 0 and tokens[k - 1].end == t.start and tokens[k - 1].lower in _ABBREVIATIONS:
        return False
    return True


def _sentence_span(art: _Article, i: int) -> tuple[int, int]:
    """Token range of the sentence around token ``i``: spaCy's sentence, split further where
    a sentence end is followed by a capital or an opening quotation mark (spaCy's
    sentencizer leaves "... or Trump. “The military ...”" in one sentence)."""
    tokens = art.tokens
    s_lo, s_hi = art.sentence_bounds(i)
    lo = i
    while lo > s_lo and i - lo < 2 * _MAX_CLAUSE:
        if _ends_sentence(art, lo - 1) and _starts_sentence(tokens[lo]):
            break
        lo -= 1
    hi = i + 1
    while hi < s_hi and hi - i < 2 * _MAX_CLAUSE:
        if _ends_sentence(art, hi - 1) and _starts_sentence(tokens[hi]):
            break
        hi += 1
    return lo, hi


def _starts_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1] in "“\"‘«"


def _content_end(art: _Article, s_hi: int) -> int:
    """Character end of a sentence's content: without the final full stop."""
    j = s_hi - 1
    while j >= 0 and art.tokens[j].text in (".", "”", '"', ")") and j > 0:
        if art.tokens[j].text in ("”", '"'):
            break
        j -= 1
    return art.tokens[j].end


_BE = frozenset("is was are were be been being".split())
_IRREGULAR_PARTICIPLES = frozenset("said told written read put".split())


def _past_participle(cue: Cue) -> bool:
    last = cue.form.split()[-1] if cue.entry.lemma != "go on" else cue.form
    return last.endswith("ed") or last in _IRREGULAR_PARTICIPLES


def _passive(art: _Article, cue: Cue, lo: int) -> bool:
    """"was said", "is widely reported", "has been told": a passive cue (not "has said")."""
    if not _past_participle(cue):
        return False
    j = cue.first - 1
    while j >= lo and (art.tokens[j].lower.endswith("ly") or art.tokens[j].lower in ("also", "long", "often")):
        j -= 1
    return j >= lo and art.tokens[j].lower in _BE


def _cut_at_next_cue(art: _Article, c: int, s_hi: int, end_char: int) -> int:
    """End of reported content before a second attribution in the same sentence: "said that
    A, and said that B", "..., according to an attendee"."""
    tokens = art.tokens
    for k in range(c + 1, s_hi):
        if tokens[k].start >= end_char:
            break
        cue = art.cue_at.get(k)
        if cue is None:
            continue
        j = k - 1
        while j > c and tokens[j].lower in ("also", "then", "later"):
            j -= 1
        if tokens[j].lower in ("and", "but") or (cue.entry.lemma == "according to" and tokens[j].text == ","):
            e = j - 1  # the last token before the conjunction, without punctuation
            while e > c and tokens[e].text in (",", ";", "—", "–"):
                e -= 1
            return tokens[e].end if e >= c else end_char
    return end_char


def _reported_pass(art: _Article, direct: list[_Draft]) -> list[_Draft]:
    tokens = art.tokens
    claimed = sorted(part for d in direct if d.cue or d.cue_chars for part in d.parts)
    claimed_starts = [c[0] for c in claimed]

    def overlaps_claimed(a: int, b: int) -> bool:
        i = bisect_left(claimed_starts, b)
        return i > 0 and claimed[i - 1][1] > a

    drafts: list[_Draft] = []
    for cue in art.cues:
        if cue.first in art.used or not cue.entry.reported:
            continue
        if overlaps_claimed(tokens[cue.first].start, tokens[cue.last - 1].end):
            continue  # "he said" inside somebody's quotation
        s_lo, s_hi = _sentence_span(art, cue.first)
        found = _read_reported(art, cue, s_lo, s_hi)
        if found is None:
            continue
        (c_start, c_end), np = found
        if c_end - c_start < 2 or art.words_in(c_start, c_end) < 2:
            continue
        if overlaps_claimed(c_start, c_end):
            continue
        art.used.add(cue.first)
        extent = max(c_end, tokens[cue.last - 1].end, tokens[np[1] - 1].end if np else 0)
        drafts.append(_Draft([(c_start, c_end)], (cue.first, cue.last), np, False, extent))
    return drafts


def _read_reported(art: _Article, cue: Cue, s_lo: int, s_hi: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Content (characters) and speaker (tokens) of a reported-speech cue in its sentence."""
    tokens = art.tokens
    text = art.text
    end_char = _content_end(art, s_hi)
    before = tokens[cue.first - 1] if cue.first > s_lo else None
    by_agent = cue.last < s_hi and tokens[cue.last].lower == "by" and _past_participle(cue)
    if cue.entry.lemma == "according to" or by_agent:
        # "According to X, ...", "..., according to X", "As reported by X, ..."
        np = right_np(tokens, cue.last + 1 if by_agent else cue.last, s_hi)
        if np is None:
            return None
        if by_agent and before is not None and before.lower == "as":
            before = tokens[cue.first - 2] if cue.first - 1 > s_lo else None
        elif by_agent:
            return None  # "was reported by X": a passive report, its content is the subject
        if before is None or before.lower in ("and", "but", "so"):
            k = np[1]
            while k < s_hi and tokens[k].text != "," and k - np[1] < 30:
                k += 1
            if k + 1 >= s_hi or tokens[k].text != ",":
                return None
            return (tokens[k + 1].start, _cut_at_next_cue(art, k + 1, s_hi, end_char)), np
        if before.text == ",":
            return (tokens[s_lo].start, before.start), np
        return (tokens[s_lo].start, before.end), np
    if cue.participle:
        # "..., saying ..." (also right after a quotation: "“...,” adding that ...")
        if before is None or not (before.text == "," or before.text in _QUOTE_CHARS
                                  and text[before.start - 1:before.start] == ","):
            return None
        np = sentence_subject(tokens, s_lo, cue.first)
        c = cue.last
        if c >= s_hi:
            return None
        return (tokens[c].start, _cut_at_next_cue(art, c, s_hi, end_char)), np
    if _passive(art, cue, s_lo):
        # "X was said to be furious": no speaker in the text
        c = cue.last
        if c >= s_hi or tokens[c].start >= end_char:
            return None
        return (tokens[c].start, _cut_at_next_cue(art, c, s_hi, end_char)), None
    np = left_np(tokens, cue.first - 1, s_lo)
    rest = tokens[cue.last:min(s_hi, cue.last + 14)]  # only its length up to 12 and "that" matter
    rest_words = [t for t in rest if t.text[:1].isalnum()]
    light = not rest_words or (rest_words[0].lower in _LIGHT_AFTER and "that" not in {t.lower for t in rest}
                               and len(rest) <= 10)
    if np is None:
        if before is not None and before.text == ",":
            rnp = right_np(tokens, cue.last, s_hi)
            if rnp is not None and cue.first - 1 > s_lo and len(rest) <= 12:
                return (tokens[s_lo].start, before.start), rnp  # "..., said Lavrov."
        if before is None or light:
            return None
        np = sentence_subject(tokens, _clause_floor(art, cue.first), cue.first)
        if np is None:
            return None
    # "..., X said (on Tuesday)."
    comma = np[0] - 1
    if comma > s_lo and tokens[comma].text == "," and light:
        return (tokens[s_lo].start, tokens[comma].start), np
    # "X said (on Tuesday) (that) ..."
    c = cue.last
    window = []
    for t in tokens[c:min(s_hi, c + 8)]:
        if t.text in _QUOTE_CHARS:
            break
        window.append(t.lower)
    if "that" in window and "," not in window[:window.index("that")]:
        c += window.index("that")
    elif cue.entry.recipient:
        rnp = right_np(tokens, c, s_hi, max_len=5)
        if rnp is None:
            return None
        c = rnp[1]
    while c < s_hi and tokens[c].text in (",", ":", "—", "–"):
        c += 1
    if c >= s_hi or tokens[c].start >= end_char:
        return None
    end_char = _cut_at_next_cue(art, c, s_hi, end_char)
    if not text[tokens[c].start:tokens[c].start + 1].isalnum() and tokens[c].text not in _QUOTE_CHARS:
        return None
    return (tokens[c].start, end_char), np


def _fold(direct: list[_Draft], reported: list[_Draft]) -> list[_Draft]:
    """Fold unattributed quoted stretches that start inside reported speech into it
    ("Blocher stated that the SVP “must be careful ... seats.”")."""
    by_start = sorted(reported, key=lambda r: r.parts[0][0])
    starts = [r.parts[0][0] for r in by_start]
    kept = []
    for d in direct:
        if d.cue is None and d.cue_chars is None:
            i = bisect_left(starts, d.parts[0][0] + 1)
            if i > 0 and by_start[i - 1].parts[-1][1] >= d.parts[0][0]:
                host = by_start[i - 1]
                if host.parts[-1][1] < d.parts[-1][1]:
                    host.parts[-1] = (host.parts[-1][0], d.stretches[-1].outer_end)
                continue
        kept.append(d)
    return kept


def find_quotations(doc: TextDoc) -> list[QuoteSpan]:
    """Direct quotations (straight and curly double quotes, also single-quote or «» styles where
    paired) and reported speech (X said (that) ..., ..., X said; according to X, ...), with cue
    and speaker span, in text order."""
    if not doc.tokens:
        return []
    art = _Article(doc)
    direct = _direct_pass(art)
    reported = _reported_pass(art, direct)
    drafts = _fold(direct, reported) + reported
    out: list[QuoteSpan] = []
    for d in drafts:
        parts = tuple(d.parts)
        if d.cue_chars is not None:
            a, b = d.cue_chars
            cue: Span | None = Span(art.text[a:b], a, b)
        else:
            cue = art.span(d.cue)
        out.append(QuoteSpan(parts[0][0], parts[-1][1], cue, art.span(d.speaker), d.direct,
                             parts if len(parts) > 1 else ()))
    out.sort(key=lambda q: q.start)
    return out
