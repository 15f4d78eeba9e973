"""Tense of the clause around a time expression, from the verb group nearest to it.

"will meet in Moscow on Friday" means the coming Friday, "met on Friday" the last one.
Without a parser, the verb group is found by cue words in the same sentence: future
auxiliaries and phrases (will, 'll, going to, is to, expected to, plans to ...), the
present progressive ("is meeting"), past forms (was, had, has + participle, said, met,
any other -ed word not listed as an adjective).  The cue nearest to the expression (in
characters, on either side, outside the expression itself) decides.  One precompiled
regex is run per sentence, only for sentences that hold an expression that needs it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon, trie

Cue = tuple[int, int, str]  # start, end (sentence-relative), "past" | "future" | "present"


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    lex = lexicon()
    def alt(words: tuple[str, ...]) -> str:
        return _phrase_trie({" ".join(w.split()) for w in words})

    future = alt(lex.future_cues)
    past = alt(lex.past_cues + ("since",))
    present = alt(lex.present_cues)
    return re.compile(
        rf"(?<![\w'\u2019])(?:(?P<future>{future})"
        rf"|(?P<prog>(?:is|are|am|['\u2019]s|['\u2019]re)\s+(?!being\b|going\b)\w+ing)"
        rf"|(?P<past>{past})|(?P<ed>[a-z]\w+ed)|(?P<present>{present}))(?![\w'\u2019])",
    )


def _after_be(sentence: str, start: int) -> bool:
    """Whether "be", "been" or "being" and one space stand right before ``start``: a participle
    there ("will be named", "to be held") belongs to the auxiliary's verb group, whose tense
    its own cue gives; it is no past tense of its own.  (Checked on the few past cues found,
    not by a lookbehind at every word of the sentence.)"""
    space = start - 1
    if space < 2 or not sentence[space].isspace():
        return False
    for aux in ("be", "been", "being"):
        if sentence.endswith(aux, 0, space):
            before = space - len(aux) - 1
            return before < 0 or not (sentence[before].isalnum() or sentence[before] == "_")
    return False


def _phrase_trie(phrases: set[str]) -> str:
    """The phrases as one prefix-factored alternation (spaces match any whitespace, "'" either
    apostrophe).  A longer phrase is still preferred to its prefix ("is going to" over "is"),
    as a longest-first alternation would."""
    return trie(dict.fromkeys(phrases, ""), _phrase_unit)


def _phrase_unit(ch: str) -> str:
    return r"\s+" if ch == " " else "['\u2019]" if ch == "'" else re.escape(ch)


def sentence_cues(sentence: str) -> list[Cue]:
    """Every tense cue in a sentence (given in lower case: case-insensitive regexes are slow)."""
    not_past = lexicon().not_past
    cues: list[Cue] = []
    for m in _cue_regex().finditer(sentence):
        kind = m.lastgroup
        if kind == "ed" or kind == "past":
            if kind == "ed" and m.group(0) in not_past or _after_be(sentence, m.start()):
                continue
            kind = "past"
        if m.group(0) in _REPORTING:
            kind = "report"
        elif kind == "prog":
            kind = "future"
        cues.append((m.start(), m.end(), str(kind)))
    return cues


_CLAUSE_BREAK = re.compile(r"[;&()\"\u201c\u201d]|``|''|\b(?:and|but|while|whereas|which|who|that|when|after"
                           r"|before|because)\b")


def nearest_tense(cues: list[Cue], start: int, end: int, window: int = 90,
                  sentence: str = "", penalty: int = 25) -> str | None:
    """The kind of the cue nearest to [start, end) (sentence-relative): ``past``, ``future``,
    ``present`` or None.  A cue in another clause (across "and", "but", "which", ";" ...)
    counts as ``penalty`` characters further away.  Cues within ``window`` characters are
    tried first (most expressions have one, and the clause test is then run on short
    stretches only); failing that, the nearest cue anywhere in the sentence decides: a fronted
    date ("In June, after weeks of talks ..., the rebels signed") takes the tense of its main
    verb however far it stands, it is not left to nearness.  Both passes give what one pass
    over the whole sentence would."""
    best: str | None = None
    for limit in (window, 0):
        best_distance = (limit or len(sentence) + penalty + _REPORT_PENALTY) + 1
        for cue_start, cue_end, kind in cues:
            if cue_end <= start:
                distance, lo, hi = start - cue_end, cue_end, start
            elif cue_start >= end:
                distance, lo, hi = cue_start - end, end, cue_start
            else:
                continue  # the cue is part of the expression ("last", "earlier")
            if distance >= best_distance:
                continue  # too far already: the penalty only adds (and the clause test costs)
            between = sentence[lo:hi]
            if between and _CLAUSE_BREAK.search(between):
                distance += penalty  # another clause: "met on Friday and will talk ..."
            if kind == "report":
                kind = "past"
                if distance > _NEXT_TO:  # "said Friday" dates the saying; "will go Friday, he said" not
                    distance += _REPORT_PENALTY
            if distance < best_distance:
                best, best_distance = kind, distance
        if best is not None or not cues:
            break
    return best


#: reporting verbs: their tense is the report's ("will leave Thursday, Castro said"), so they
#: count as further away than they are, unless the expression is next to them ("said on Friday")
_REPORTING = frozenset("said says say told tells".split())
_NEXT_TO = 4
_REPORT_PENALTY = 30
