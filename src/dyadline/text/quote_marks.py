"""Pairing quotation marks into quoted stretches of text.

News text mixes typographic (“ ” ‘ ’ « ») and straight (" ') quotation marks, and the
apostrophe is the same character as the closing single quote.  This module only decides
where quoted stretches are; whether a stretch is a quotation (and whose) is decided in
:mod:`dyadline.text.quotes`.  Rules, in order of how much they can be trusted:

* double quotes (curly or straight) pair within a paragraph line; an opening mark left open
  at the end of a paragraph continues the quotation when the next paragraph opens with a
  quotation mark (the convention for quotations running over several paragraphs);
* guillemets « » pair like curly double quotes;
* single quotes pair only outside double quotes and only from an opening mark that stands
  after a space or line start, so apostrophes (it’s, voters’) never open a quotation.

Everything is one linear scan with precompiled regular expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

# Two apostrophes stand for a straight double quote (NYT style); three are a double and a
# single quote together, the double one outermost.
_DOUBLE = re.compile(r"'''|''|[\"“”„«»]")
#: where a double mark is (the same lines as ``_DOUBLE``), written as alternatives that all start
#: with a literal so that the regex engine skips to them
_ANY_DOUBLE = re.compile("''|\"|“|”|„|«|»")
#: the same marks, as the needles of :func:`_double_marks` ("''" is the only one of two
#: characters and no other needle is an apostrophe, so separate searches find the same matches)
_DOUBLE_NEEDLES = ("''", '"', "“", "”", "„", "«", "»")
_SINGLE = re.compile(r"[‘’']")
#: a mark that can open a single quotation: "‘", or "'" (at the text start or after a space or
#: opening punctuation) before a letter.  Written to start with a character class, which lets
#: the regex engine skip to the marks instead of trying every position of the text.
_SINGLE_OPEN = re.compile(r"[‘'](?:(?<=‘)|(?<![^\s(\[{—–/“\"-]')[^\W\d_])")
_OPENERS_BEFORE = set(" \t\n([{—–-/“‘\"'")


class QuotedStretch(NamedTuple):
    """A stretch between quotation marks (a named tuple: immutable, and cheap to build).

    ``open``/``close`` are the offsets of the marks (``close`` is the end of the last line
    when the quotation is left open); ``start``/``end`` the quoted text without the marks
    and without surrounding spaces.  ``closed`` is False when no closing mark was found.
    """

    open: int
    close: int
    start: int
    end: int
    closed: bool
    style: str  # "double" or "single"
    close_len: int = 1  # 2 for a closing "''"

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the end of the quoted text if unclosed)."""
        return self.close + self.close_len if self.closed else self.end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _role(text: str, pos: int, length: int = 1) -> str:
    """'open', 'close' or '?' for a double quotation mark at ``pos`` (``length`` 2 for "''")."""
    ch = text[pos]
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "?"


def _double_in_line(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int]], int | None]:
    """Pairs (open, close, closing-mark length) of double marks in one line, and an opening
    mark left open."""
    pairs: list[tuple[int, int, int]] = []
    pending: int | None = None
    for m in _DOUBLE.finditer(text, lo, hi):
        pos, length = m.start(), m.end() - m.start()
        role = _role(text, pos, length)
        if length == 3:  # three apostrophes: the double mark is the outer pair
            length = 2
            if role != "open":
                pos += 1
        if pending is None:
            if role != "close":
                pending = pos
        elif role == "open" and text[pos] in "“„«" and text[pending] in "“„«":
            pending = pos  # two typographic openers: the first one was never closed
        else:
            pairs.append((pending, pos, length))
            pending = None
    return pairs, pending


def _single_in_line(text: str, lo: int, hi: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of single quotation marks outside the double-quoted stretches of one line."""
    pairs: list[tuple[int, int]] = []
    pending: int | None = None
    b = 0
    for m in _SINGLE.finditer(text, lo, hi):
        pos = m.start()
        if text[pos:pos + 2] == "''" or text[pos - 1:pos + 1] == "''":
            continue  # half of a two-apostrophe double mark
        while b < len(blocked) and blocked[b][1] < pos:
            b += 1
        if b < len(blocked) and blocked[b][0] <= pos <= blocked[b][1]:
            continue
        ch = text[pos]
        before = text[pos - 1] if pos > lo else " "
        after = text[pos + 1] if pos + 1 < hi else " "
        if pending is None:
            if ch in "‘'" and before in _OPENERS_BEFORE and after.isalpha():
                pending = pos
        elif ch in "’'" and not after.isalnum() and not before.isspace():
            if text[pending] == "'" and ch != "'":
                continue
            if pos - pending > 2:
                pairs.append((pending, pos))
            pending = None
    return pairs


def _mark_len(text: str, pos: int) -> int:
    return 2 if text[pos:pos + 2] == "''" else 1


def _find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Offsets of every (non-overlapping) occurrence of each needle, ascending: one C-level
    ``str.find`` per occurrence, several times faster than a regex over the whole text (the
    marks are a few in thousands of characters)."""
    found: list[int] = []
    for needle in needles:
        step = len(needle)
        pos = text.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = text.find(needle, pos + step)
    found.sort()
    return found


def _double_marks(text: str) -> list[int]:
    """Where a double mark is: the matches of ``_ANY_DOUBLE``, found by ``str.find``."""
    return _find_all(text, _DOUBLE_NEEDLES)


def _single_openers(text: str) -> list[int]:
    """Where a single quotation can open: the matches of ``_SINGLE_OPEN``, tried only at the
    single marks ``str.find`` gives (a match is two characters, the second a letter, so matches
    never overlap another mark and the two searches agree)."""
    match = _SINGLE_OPEN.match
    return [pos for pos in _find_all(text, ("‘", "'")) if match(text, pos)]


def find_quoted(text: str) -> list[QuotedStretch]:
    """Every quoted stretch in ``text``, in order of its opening mark."""
    out: list[QuotedStretch] = []
    single_openers = _single_openers(text)
    # lines without any double mark or single opener add nothing (unless a quotation runs on
    # over them): found here once, so that those lines are never visited
    marks = _double_marks(text)
    # every mark that can matter, in text order: only their lines are visited (and the line
    # after one that leaves a quotation open), each found by a C-level search for its bounds
    candidates = sorted(marks + single_openers)
    n = len(text)
    nxt = 0
    carry: int | None = None  # opening offset of a quotation running over paragraphs
    carry_line_end = 0
    hi = 0  # end of the line last visited (a line break, or the text's end)
    while True:
        if carry is not None:  # the next line that is not empty
            lo = hi
            while lo < n and text[lo] == "\n":
                lo += 1
            if lo >= n:
                break
        else:  # the line of the next mark
            nxt = bisect_left(candidates, hi, nxt)
            if nxt == len(candidates):
                break
            lo = text.rfind("\n", 0, candidates[nxt]) + 1
        hi = text.find("\n", lo)
        if hi < 0:
            hi = n
        if text[lo:hi].isspace():
            continue
        pairs, pending = _double_in_line(text, lo, hi)
        first_mark = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
        if carry is not None:
            opens_with_quote = first_mark < hi and (text[first_mark] in '"“«„' or text.startswith("''", first_mark))
            if opens_with_quote and pairs and pairs[0][0] == first_mark:
                # the quotation continues in this paragraph and closes here
                _, close, clen = pairs.pop(0)
                s, e = _trim(text, carry + _mark_len(text, carry), close)
                out.append(QuotedStretch(carry, close, s, e, True, "double", clen))
                carry = None
            elif opens_with_quote and not pairs and pending == first_mark:
                pending = carry  # still running on
            else:
                s, e = _trim(text, carry + _mark_len(text, carry), carry_line_end)
                out.append(QuotedStretch(carry, carry_line_end, s, e, False, "double"))
                carry = None
        for o, c, clen in pairs:
            s, e = _trim(text, o + _mark_len(text, o), c)
            out.append(QuotedStretch(o, c, s, e, True, "double", clen))
        if pending is not None:
            carry, carry_line_end = pending, hi
        o = bisect_left(single_openers, lo)
        if o == len(single_openers) or single_openers[o] >= hi:
            continue  # no mark that can open a single quotation: apostrophes only
        blocked = sorted((o, c + clen - 1) for o, c, clen in pairs) + ([(pending, hi)] if pending is not None else [])
        for o, c in _single_in_line(text, lo, hi, blocked):
            s, e = _trim(text, o + 1, c)
            out.append(QuotedStretch(o, c, s, e, True, "single"))
    if carry is not None:
        s, e = _trim(text, carry + _mark_len(text, carry), carry_line_end)
        out.append(QuotedStretch(carry, carry_line_end, s, e, False, "double"))
    out.sort(key=lambda q: q.open)
    return [q for q in out if q.end > q.start]
