"""Where a time expression may start, found without running the big regex over the whole text.

The combined regex (``patterns.combined``) costs its gate at every word of the article, and
most words are nowhere near a time expression.  Every match holds a *strong* word (a month,
a unit, "now", ... as a whole run of letters) or a digit, and starts at that word or at most
five *chain* words before it ("at least the past two weeks"); that is what the gate itself
demands.  So one Aho-Corasick pass over a copy of the text reduced to letters, digits and
spaces finds the strong words and numbers, a short walk back over chain words adds the
possible starts before them, and the regex is then only tried, anchored, at those places.
The set of places is a superset of where the regex can match, so what is found is exactly
what a search of the whole text finds (``tests/test_time_gate.py`` checks it).
"""

from __future__ import annotations

from functools import lru_cache

from .patterns import gate_words

#: letters stay, every digit becomes "0", anything else a space: one byte per character, so
#: offsets into the reduced copy are offsets into the text (plus the one leading space)
_TABLE = bytes(c if 97 <= c <= 122 else 48 if 48 <= c <= 57 else 32 for c in range(256))
_MAX_CHAIN = 5


@lru_cache(maxsize=1)
def _automaton():
    """Keywords of the reduced text -> (how far back from their last character the word starts,
    whether an expression may start at it, its run of letters)."""
    import ahocorasick

    strong, _, opening = gate_words()
    automaton = ahocorasick.Automaton()
    for word in strong:  # a strong word no rule starts with only ends a chain ("time", "old")
        automaton.add_word(f" {word} ", (len(word) + 1, word in opening, word))
        automaton.add_word(f" {word}0", (len(word) + 1, word in opening, word))  # "July20"
    automaton.add_word(" 0", (1, True, ""))          # a number (its first digit)
    for key in ("q0", "h0", "fy0"):                  # "Q3", "H1", "FY2025": a digit after letters
        automaton.add_word(key, (len(key), True, key[:-1]))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _chain() -> dict[str, bool]:
    """Chain word -> whether an expression may start at it ("the": yes; "of", "than": no, they
    only stand inside a chain, as in "more than two weeks")."""
    strong, chain, opening = gate_words()
    from .patterns import rules_at

    return {word: bool(rules_at(word)) for word in chain}


def candidate_starts(lowered: str) -> list[tuple[int, str, str | None]]:
    """(offset, run of letters there or "", the strong word ahead of it or None) of the places
    where a match of the combined regex may start, sorted: a superset of where one does (the
    regex reads ASCII digits only, as this copy does; any other character is a space here).
    The strong word is given for a place found by walking back from it ("the" in "the past
    two weeks": "past"), "0" for a number."""
    reduced = " " + lowered.encode("ascii", "replace").translate(_TABLE).decode("ascii") + " "
    chain = _chain()
    starts: dict[int, tuple[int, str, str | None]] = {}
    rfind = reduced.rfind
    for last, (back, opens, first) in _automaton().iter(reduced):
        start = last - back  # offset in the text (the reduced copy has one leading space)
        if opens:
            starts[start] = (start, first, None)
            if start and lowered[start - 1] in "'\u2019":
                starts[start - 1] = (start - 1, "", None)  # "'90s"
        ahead = first or "0"
        # walk back over the words before it while they may belong to the expression
        word_start, words = start + 1, 0
        while words < _MAX_CHAIN:
            end = word_start - 1
            while end > 0 and reduced[end - 1] == " ":
                end -= 1
            if end <= 0:
                break
            begin = rfind(" ", 0, end) + 1
            word = reduced[begin:end]
            word_start = begin
            if word == "s" and lowered[begin - 2] in "'\u2019":
                continue  # "that's two days": the gate reads "'s" as a separator
            starts_here = chain.get(word)
            if starts_here is None:
                break
            if starts_here:
                starts[begin - 1] = (begin - 1, word, ahead)
            words += 1
    return sorted(starts.values())
