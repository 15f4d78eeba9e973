"""Direct quotations: quoted stretches and the cue and speaker that attribute them.

A quoted stretch (:mod:`~dyadline.text.quote_marks`) is attributed to a speech cue
(:mod:`~dyadline.text.quote_cues`) right after the closing mark ("“...,” Lavrov stated",
"“...,” said Lavrov", "“...,” he mocks", "“...”  - Bernie Sanders") or before the opening
mark ("He said: “...”", "As one source said, “...”", a paragraph ending in a colon, "called
the deal “a disaster for everyone involved”").  A stretch without a cue of its own that
follows an attributed quotation with nothing in between but the rest of that sentence
continues it: this is how a quotation split around its cue ("“A,” he said, “B.”") and a
quotation running on in the next sentence or paragraph are read.  Short stretches (three
words or fewer) and titles without a cue are scare quotes or names ("maximum pressure",
"Meet the Press") and are not quotations.
"""

from __future__ import annotations

import re

from .quote_cues import Cue, CueEntry, left_np, right_np, sentence_subject, skip_left
from .quote_marks import QuotedStretch, find_quoted
from .quote_state import (MAX_CLAUSE, QUOTE_CHARS, SENTENCE_END, ArticleState, Draft, clause_floor,
                          ends_sentence)
from .segment import Token

#: a quoted stretch of this many words or fewer needs a cue to count as a quotation
SCARE_QUOTE_WORDS = 3
#: how far (in tokens) after a closing mark a cue may stand ("“...,” the official ... said")
AFTER_WINDOW = 30
#: how far (in tokens) before an opening mark a cue may stand ("said in a statement on Tuesday:")
BEFORE_WINDOW = 10

_DOUBLE_MARKS = frozenset('"“”«»')
_DOUBLE_MARK = re.compile("[" + "".join(sorted(_DOUBLE_MARKS)) + "]")  # one C-level scan of a gap
#: a short quoted name or title inside a gap ("on NBC's ''Meet the Press.''")
_SHORT_QUOTED = re.compile(r"(?:“|\"|''|‘)[^“”\"\n]{1,40}?(?:”|\"|''|’)")
#: where a match of ``_SHORT_QUOTED`` can start (its opening marks, "'" for "''")
_OPENING_MARK = re.compile("[“\"'‘]")
#: words ending in -s/-ed that are not verbs of saying after a quotation
_NOT_VERBS = frozenset("""was has is does its this his hers ours yours theirs news always perhaps
unless less thus yes whereas various numerous famous serious previous obvious anonymous
indeed need seed speed feed red bed united""".split())
#: capitalised words at a sentence start that are not names ("Her critics ...")
_NOT_NAMES = frozenset("her his their its our my your the a an this that these those some many".split())
#: verbs that attribute a quotation given as a name for something ("called it “a disaster”")
_NAMING = frozenset("call describe dub label brand".split())
#: the most words between an attributed quotation and the stretch that continues it
_MAX_GAP_WORDS = 60
#: what attributes a quoted stretch: a cue (None for punctuation), the speaker's token range
#: (None where the text names none) and the characters of a punctuation cue (":" or a dash)
_Found = tuple[Cue | None, tuple[int, int] | None, tuple[int, int] | None]
_RELATIVE = frozenset("who which whose whom that when while because but and as".split())


def _last_char(art: ArticleState, q: QuotedStretch) -> str:
    """The last character of the quoted text that is not itself a quotation mark."""
    k = q.end - 1
    while k > q.start and art.text[k] in QUOTE_CHARS:
        k -= 1
    return art.text[k]


def _previous_speaker(art: ArticleState, cue: Cue, prior: list[Draft]) -> tuple[int, int] | None:
    """The speaker of the attribution just before a participle cue ("he said, adding ...")."""
    if not prior or prior[-1].speaker is None:
        return None
    gap = art.text[prior[-1].extent_end:art.tokens[cue.first].start]
    if prior[-1].extent_end > art.tokens[cue.first].start or any(c in SENTENCE_END or c == "\n" for c in gap):
        return None
    return prior[-1].speaker if len(gap.split()) <= 6 else None


def _subject(art: ArticleState, cue: Cue, lo: int, prior: list[Draft]) -> tuple[int, int] | None:
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


def _pseudo_cue(art: ArticleState, i: int) -> Cue:
    """A cue word the lexicon does not list, read from the shape "“...,” X verbed"."""
    tok = art.tokens[i]
    return Cue(i, i + 1, CueEntry(tok.lower, False, False), tok.lower)


def _verb_like(tok: Token) -> bool:
    """A lower-case word ending in -ed or -s that could be a verb of saying ("mocks", "riffed")."""
    low = tok.lower
    return (tok.text[:1].islower() and tok.text.isalpha() and low not in _NOT_VERBS
            and (low.endswith("ed") or low.endswith("s")) and len(low) > 3)


def _after_cue(art: ArticleState, q: QuotedStretch) -> _Found | None:
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
        if ends_sentence(art, hi) or t.text in QUOTE_CHARS or "\n" in art.text[tokens[hi - 1].end:t.start]:
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


def _unlisted_after(art: ArticleState, a: int, hi: int) -> _Found | None:
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
    # "an angry Hollande retaliated": a phrase ending in a name, then the verb
    for k in range(a + 1, min(hi, a + 8)):
        if not tokens[k - 1].text[:1].isalnum():
            break
        if _verb_like(tokens[k]) and tokens[k - 1].text[:1].isupper() and \
                tokens[k - 1].lower not in _NOT_NAMES:
            return _pseudo_cue(art, k), (a, k), None
    return None


def _dash_signature(art: ArticleState, d: int) -> tuple[int, int] | None:
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


def _before_cue(art: ArticleState, q: QuotedStretch, prior: list[Draft]) -> _Found | None:
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
            if t.text in SENTENCE_END or t.text in QUOTE_CHARS:
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
            floor = clause_floor(art, cue.first)
            np = _subject(art, cue, floor, prior)
            if np is None and cue.first == floor:
                np = right_np(tokens, cue.last, b + 1)  # "Said Lavrov: “...”"
            return cue, np, None
        if lead.text == ":" and b > s_lo:
            # "Philip Bump: “...”", "Clinton has since apologized: “...”"
            floor = clause_floor(art, b)
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
                art.more_words_than(q.start, q.end, SCARE_QUOTE_WORDS):
            return cue, _subject(art, cue, clause_floor(art, cue.first), prior), None
        if not t.text[:1].isalnum() and t.lower not in ("'s", "’s"):
            break
    return None


def _continues(art: ArticleState, prev: Draft | None, q: QuotedStretch) -> bool:
    """True when ``q`` carries on the attribution ``prev``.

    Split around its cue ("“A,” he said, “B.”", also with a long description of the
    speaker: "“A,” said X, director of Y, “B.”") or running on in the next sentence or
    paragraph ("“A,” he said at a rally. “B.”": the rest of the cue's sentence, then nothing
    but the new quotation).
    """
    if prev is None or (prev.cue is None and prev.cue_chars is None) or prev.extent_end > q.open:
        return False
    if art.more_words_than(prev.extent_end, q.open, _MAX_GAP_WORDS):
        return False  # a whole stretch of text in between: not the rest of the cue's sentence
    raw = art.text[prev.extent_end:q.open]
    # a quoted name needs an opening mark: most gaps hold none and skip the substitution
    gap = _SHORT_QUOTED.sub(_blank_if_name, raw) if _OPENING_MARK.search(raw) else raw
    if _DOUBLE_MARK.search(gap) or "''" in gap:
        return False
    tokens = art.tokens
    i, j = art.first_token_at_or_after(prev.extent_end), art.first_token_at_or_after(q.open)
    for k in range(i, j):
        t = tokens[k]
        if ends_sentence(art, k) or (k > i and "\n" in art.text[tokens[k - 1].end:t.start]):
            if not ends_sentence(art, k):
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


def _opens_sentence(art: ArticleState, q: QuotedStretch, floor: int) -> int | None:
    """None when the quotation opens its sentence; else the offset where its sentence starts
    (the quotation is then part of a longer attributed statement)."""
    b = art.last_token_before(q.open)
    k = b
    while k >= 0 and art.tokens[k].start >= floor and b - k < MAX_CLAUSE:
        t = art.tokens[k]
        if t.text in SENTENCE_END or t.text in QUOTE_CHARS or t.text == ":" or (
                k < b and "\n" in art.text[t.end:art.tokens[k + 1].start]):
            break
        k -= 1
    first = k + 1
    if first > b or not any(t.text[:1].isalnum() for t in art.tokens[first:b + 1]):
        return None
    return art.tokens[first].start


def direct_pass(art: ArticleState) -> list[Draft]:
    """Attribute every quoted stretch, in text order: a cue after it, else a cue before it,
    else the attribution it continues, else (a sentence-like stretch) no speaker at all.
    Stretches nested in a quotation already taken are part of it."""
    drafts: list[Draft] = []
    covered_to = -1
    for q in find_quoted(art.text):
        if q.open < covered_to:
            continue  # nested inside a quotation already taken
        prev = drafts[-1] if drafts else None
        last = _last_char(art, q)
        found = None
        if last in ",—–-…?!:;" or art.text[q.outer_end:q.outer_end + 1] == ",":
            found = _after_cue(art, q)
        elif last == ".":
            nxt = art.first_token_at_or_after(q.outer_end)
            if nxt < len(art.tokens) and (art.tokens[nxt].text[:1].islower()
                                          or art.tokens[nxt].text in ("-", "—", "–")):
                found = _after_cue(art, q)
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
        if before is not None and before[0] is not None and \
                art.tokens[art.last_token_before(q.open)].text not in (":", ",") and (
                    _is_title(art, q) or before[0].entry.lemma in _NAMING
                    and not art.more_words_than(q.start, q.end, SCARE_QUOTE_WORDS)):
            # "he wrote “The Art of the Deal”", "a class called “Perception”": a name
            before = None
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
        if art.more_words_than(q.start, q.end, SCARE_QUOTE_WORDS) and _looks_like_speech(art, q):
            drafts.append(Draft([(q.start, q.end)], None, None, True, q.outer_end, stretches=[q]))
            covered_to = q.outer_end
    return drafts


def _is_title(art: ArticleState, q: QuotedStretch) -> bool:
    """Title case, a few words: "Lost Tycoon: The Many Lives of Donald J. Trump"."""
    words = [w for w in art.text[q.start:q.end].split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return 2 <= len(words) <= 14 and capitalised * 3 >= len(words) * 2


def _looks_like_speech(art: ArticleState, q: QuotedStretch) -> bool:
    """An unattributed quoted stretch counts when it reads like a sentence, not a title."""
    if _is_title(art, q):
        return False
    return _last_char(art, q) in ".?!,…" or art.more_words_than(q.start, q.end, 7)


def _add(art: ArticleState, drafts: list[Draft], q: QuotedStretch, cue: Cue | None,
         np: tuple[int, int] | None, punct: tuple[int, int] | None) -> None:
    extent = q.outer_end
    cue_rng = (cue.first, cue.last) if cue else None
    if cue is not None:
        art.used.add(cue.first)
        extent = max(extent, art.tokens[cue.last - 1].end)
    if np is not None:
        extent = max(extent, art.tokens[np[1] - 1].end)
    drafts.append(Draft([(q.start, q.end)], cue_rng, np, True, extent,
                         cue_chars=punct, stretches=[q]))
