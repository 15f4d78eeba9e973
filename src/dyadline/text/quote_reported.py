"""Reported speech: "X said (that) ...", "..., X said", "According to X, ...".

Every cue that can introduce reported speech and was not used by a direct quotation is read
in its sentence: the content runs from after the cue (and its recipient: "told reporters")
to the end of the sentence, or from the start of the sentence to the comma before "X said";
participles ("..., saying ...") take the speaker of the clause; passive cues ("was said to")
have none; "as reported by X" and "according to X" name the speaker after the cue.
Unattributed quoted stretches inside reported speech are folded into it (one attribution
per cue, as the annotation guidelines for attribution require).
"""

from __future__ import annotations

from bisect import bisect_left

from .quote_cues import Cue, left_np, right_np, sentence_subject
from .quote_state import QUOTE_CHARS, ArticleState, Draft, clause_floor, sentence_span

_LIGHT_AFTER = frozenset("""on in at during last this to of from after before while when earlier later
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently
previously again then also ( — – -""".split())


def _content_end(art: ArticleState, s_hi: int) -> int:
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
    last = cue.form.rpartition(" ")[2] if cue.entry.lemma != "go on" else cue.form
    return last.endswith("ed") or last in _IRREGULAR_PARTICIPLES


def _passive(art: ArticleState, cue: Cue, lo: int) -> bool:
    """"was said", "is widely reported", "has been told": a passive cue (not "has said")."""
    if not _past_participle(cue):
        return False
    j = cue.first - 1
    while j >= lo and (art.tokens[j].lower.endswith("ly") or art.tokens[j].lower in ("also", "long", "often")):
        j -= 1
    return j >= lo and art.tokens[j].lower in _BE


def _cut_at_next_cue(art: ArticleState, c: int, s_hi: int, end_char: int) -> int:
    """End of reported content before a second attribution in the same sentence: "said that
    A, and said that B", "..., according to an attendee"."""
    tokens = art.tokens
    # the cues of the tokens after ``c`` that start before ``end_char`` (two binary searches)
    for cue in art.cues_in(c + 1, min(s_hi, bisect_left(art.starts, end_char))):
        k = cue.first
        j = k - 1
        while j > c and tokens[j].lower in ("also", "then", "later"):
            j -= 1
        if tokens[j].lower in ("and", "but") or (cue.entry.lemma == "according to" and tokens[j].text == ","):
            e = j - 1  # the last token before the conjunction, without punctuation
            while e > c and tokens[e].text in (",", ";", "—", "–"):
                e -= 1
            return tokens[e].end if e >= c else end_char
    return end_char


def reported_pass(art: ArticleState, direct: list[Draft]) -> list[Draft]:
    tokens = art.tokens
    claimed = sorted(part for d in direct if d.cue or d.cue_chars for part in d.parts)
    claimed_starts = [c[0] for c in claimed]

    def overlaps_claimed(a: int, b: int) -> bool:
        i = bisect_left(claimed_starts, b)
        return i > 0 and claimed[i - 1][1] > a

    drafts: list[Draft] = []
    for cue in art.cues:
        if cue.first in art.used or not cue.entry.reported:
            continue
        if overlaps_claimed(tokens[cue.first].start, tokens[cue.last - 1].end):
            continue  # "he said" inside somebody's quotation
        s_lo, s_hi = sentence_span(art, cue.first)
        found = _read_reported(art, cue, s_lo, s_hi)
        if found is None:
            continue
        (c_start, c_end), np = found
        if c_end - c_start < 2 or not art.more_words_than(c_start, c_end, 1):
            continue
        if overlaps_claimed(c_start, c_end):
            continue
        art.used.add(cue.first)
        extent = max(c_end, tokens[cue.last - 1].end, tokens[np[1] - 1].end if np else 0)
        drafts.append(Draft([(c_start, c_end)], (cue.first, cue.last), np, False, extent))
    return drafts


def _read_reported(art: ArticleState, cue: Cue, s_lo: int, s_hi: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
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
        if before is None or not (before.text == "," or before.text in QUOTE_CHARS
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
    # the rest of the sentence after the cue: only its length up to 12 and "that" matter
    rest_end = min(s_hi, cue.last + 14)
    rest_len = max(0, rest_end - cue.last)
    # light: nothing but a time or place phrase follows ("said on Tuesday."); read from the
    # first word token of the rest (its first character is the token's in the text)
    light = True
    starts, lowers = art.starts, art.lowers
    for k in range(cue.last, rest_end):
        if text[starts[k]].isalnum():
            light = lowers[k] in _LIGHT_AFTER and "that" not in lowers[cue.last:rest_end] and rest_len <= 10
            break
    if np is None:
        if before is not None and before.text == ",":
            rnp = right_np(tokens, cue.last, s_hi)
            if rnp is not None and cue.first - 1 > s_lo and rest_len <= 12:
                return (tokens[s_lo].start, before.start), rnp  # "..., said Lavrov."
        if before is None or light:
            return None
        np = sentence_subject(tokens, clause_floor(art, cue.first), cue.first)
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
        if t.text in QUOTE_CHARS:
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
    if not text[tokens[c].start:tokens[c].start + 1].isalnum() and tokens[c].text not in QUOTE_CHARS:
        return None
    return (tokens[c].start, end_char), np


def fold_into_reported(direct: list[Draft], reported: list[Draft]) -> list[Draft]:
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
