"""Time expressions: found in the text and normalised to TIMEX3 values against the publication date.

``find_time_expressions(segment(text), "2025-01-14")`` returns every time expression of an
article (sorted, non-overlapping), each with its TimeML value and type: "on Friday" in
"will meet in Moscow on Friday" -> ``2025-01-17``; "In June, Putin met" -> ``2024-06``;
"for three days" -> ``P3D`` (DURATION); "every week" -> ``P1W`` (SET).

How: one precompiled regex (``patterns.combined``) finds candidates, tried only where a
fast scan (``scan``) says an expression may start; a handler per rule (``normalise``) computes the value, reading the tense of the clause
(``tense``) only where the value depends on it.  The words come from
``data/time_words.yaml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..model import TimeExpression
from . import calendar as cal
from .normalise import HANDLERS, Context
from .patterns import combined, digit_gate, groups_of, rules_at, rules_before, tail
from .scan import candidate_starts
from .tense import nearest_tense, sentence_cues

if TYPE_CHECKING:  # pragma: no cover
    from ..text import TextDoc

_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")
#: rules of dates written out on the calendar ("Aug. 12", "8/12/1989"), not named relative to
#: the publication date ("Friday"): what an anaphoric expression in the same sentence may
#: count from
_CALENDAR_DATES = frozenset({"datefull", "iso", "numeric"})
_YEAR_FIRST = re.compile(r"^\d{4}")


def _lower(text: str) -> str:
    """Lower case with the same length (a few characters, like "\u0130", grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_time_expressions(doc: "TextDoc", publication_date: str | None) -> list[TimeExpression]:
    """Every time expression in the article, sorted by start, non-overlapping, normalised against
    publication_date (YYYY-MM-DD; None -> relative values stay underspecified, e.g. XXXX-06).

    Raises ValueError when ``publication_date`` is given but is not a date.
    """
    dct = cal.parse_date(publication_date) if publication_date else None
    text = doc.text
    lowered = _lower(text)
    cue_cache: dict[int, list] = {}

    def tense_at(start: int, end: int) -> str | None:
        if not doc.sentences:
            return None
        k = doc.sentence_of(start)
        sentence = doc.sentences[k]
        cues = cue_cache.get(k)
        if cues is None:
            cues = cue_cache[k] = sentence_cues(lowered[sentence.start:sentence.end])
        return nearest_tense(cues, start - sentence.start, end - sentence.start,
                             sentence=lowered[sentence.start:sentence.end])

    ctx = Context(dct=dct, text=text, tense_at=tense_at)
    found: list[TimeExpression] = []
    pos = 0
    # at each place, the rules that match there in order of priority: a rule whose handler
    # rejects its match leaves the place to the later rules ("half" is not a half-year)
    for start, rules in (_scanned(lowered) if USE_SCAN else _searched(lowered)):
        if start < pos:
            continue
        for rule, regex in rules:
            match = regex.match(lowered, start)
            if match is None:
                continue
            result = _apply(match, rule, text, ctx)
            if result is not None:
                break
        else:
            continue
        value, kind = result[0], result[1]
        end = result[2] if len(result) > 2 else match.end()
        found.append(TimeExpression(text[start:end], start, end, value, kind))
        if kind == "DATE" and _YEAR_FIRST.match(value):
            ctx.last_value = value
            if _FULL_DATE.match(value):
                ctx.last_date = value
                if rule in _CALENDAR_DATES:
                    ctx.written_date, ctx.written_date_end = value, end
        pos = max(end, start + 1)
    return found


#: False: search the whole text with the combined regex (the reference the scan must agree
#: with; tests switch it)
USE_SCAN = True


Place = tuple[int, tuple[tuple[str, "re.Pattern[str] | _Found"], ...]]


def _scanned(lowered: str) -> Iterator[Place]:
    """(start, the (rule, regex) to try there in order) where the fast scan says an expression
    may start: only the rules that can start with the word found there."""
    digits = digit_gate().match
    for start, word, ahead in candidate_starts(lowered):
        if ahead is not None:
            yield start, rules_before(word, ahead)
        elif word or digits(lowered, start):
            yield start, rules_at(word)
        # else a number no expression starts with ("$5 million")


class _Found:
    """A match already made, in the place of the regex that would make it."""

    __slots__ = ("found",)

    def __init__(self, found: re.Match[str]) -> None:
        self.found = found

    def match(self, _text: str, _start: int) -> re.Match[str]:
        return self.found


def _searched(lowered: str) -> Iterator[Place]:
    """The same from the combined regex searched over the whole text (slow; the reference): at
    each place, the rule that matches and then the later rules that match there too."""
    regex, pos = combined(), 0
    while (match := regex.search(lowered, pos)) is not None:
        start, found = match.start(), []
        current: re.Match[str] | None = match
        while current is not None:
            rule = str(current.lastgroup)
            found.append((rule, _Found(current)))
            following = tail(rule)
            current = following.match(lowered, start) if following else None
        yield start, tuple(found)
        pos = start + 1


def _apply(match: re.Match[str], rule: str, text: str, ctx: Context):
    """The handler's (value, type[, end]) for a match, or None when it rejects it."""
    ctx.start, ctx.end = match.start(), match.end()
    groups = groups_of(match, rule, text)
    groups["_span"] = match.group(0)
    try:
        result = HANDLERS[rule](groups, ctx)
    except (KeyError, ValueError, IndexError, TypeError, StopIteration):
        return None  # an odd match never stops the article
    if result is None or result[0] is None:
        return None
    return result


__all__ = ["find_time_expressions"]
