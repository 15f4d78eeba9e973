"""What a value handler may know, and the arithmetic of numbers and durations they share.

A handler (``absolute``, ``relative``, ``fiscal``, ``amounts``) reads the rule's groups and the
:class:`Context` (publication date, the tense of the clause around the expression, what the
article has said before) and returns ``(value, type)``, ``(value, type, end)`` to end the
expression before the end of the match, or ``None`` to reject the match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .lexicon import lexicon


#: the end of a sentence between two expressions (a full stop, question or exclamation mark,
#: or a blank line, before the next word)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z0-9]|\n\s*\n")


# (value, type), or (value, type, end) to end the expression earlier than the match, or
# None to reject the match
Result = tuple[str, str] | tuple[str, str, int] | None


@dataclass
class Context:
    """What a handler may know: the publication date, the clause's tense, the article so far."""

    dct: date | None
    text: str
    tense_at: Callable[[int, int], str | None]
    start: int = 0
    end: int = 0
    last_quarter: tuple[int, int] | None = None   # (year, quarter) the article talks about
    last_date: str | None = None                  # last fully specified date value
    written_date: str | None = None               # last date written out ("Aug. 12")
    written_date_end: int = -1                    # where its expression ends in the text
    last_value: str | None = None                 # last date value with a year ("1998-06")

    def tense(self) -> str | None:
        """``past`` or ``future`` from the verb group nearest to the expression, else None (a
        present tense is no evidence either way: on TimeBank it mostly goes with the past)."""
        tense = self.tense_at(self.start, self.end)
        return tense if tense != "present" else None

    def report_quarter(self, quarter: tuple[int, int]) -> None:
        """Note a quarter the article names (not a future one).  The quarter a financial
        report is about, that "a year ago" and "the latest period" refer to, is a completed
        one: the latest completed quarter named so far ("after a flat second quarter" in a
        third-quarter report is a comparison).  The quarter in progress at publication ("a
        further decline in the fourth quarter") stands in only while none has been named."""
        last = self.last_quarter
        current = (self.dct.year, (self.dct.month - 1) // 3 + 1) if self.dct else (9999, 4)
        if last is None or quarter < current and (last >= current or quarter > last):
            self.last_quarter = quarter

    def is_a_name(self) -> bool:
        """A relative expression written as a name ("ABC's \"This Week\"", "VOA Today"): every
        word capitalised though it is more than one, or one capitalised word straight after a
        word or a comma (where a sentence does not start).  English capitalises "this week"
        and "today" only at the start of a sentence or a quotation."""
        span = self.text[self.start:self.end]
        words = span.split()
        if not words or not words[0][:1].isupper() or span.isupper():
            return False
        if len(words) > 1:
            return all(w[:1].isupper() for w in words)
        before = self.text[max(0, self.start - 3):self.start].rstrip()
        return bool(before) and (before[-1].isalnum() or before[-1] == ",")

    def date_in_sentence(self) -> str | None:
        """The last calendar date written earlier in the expression's own sentence ("for the
        six months ended Aug. 12"), if any: the reference time an anaphoric expression ("a
        year earlier") counts from, where TimeML anchors it (an "ago" counts from the
        publication date).  A weekday ("the company said Friday") dates the report, not the
        figures compared, so it is no such anchor."""
        if self.written_date is None:
            return None
        between = self.text[self.written_date_end:self.start]
        return None if _SENTENCE_END.search(between) else self.written_date

    def before(self, width: int = 40) -> str:
        return self.text[max(0, self.start - width):self.start]

    def after(self, width: int = 40) -> str:
        return self.text[self.end:self.end + width]


def parse_number(text: str) -> float | None:
    """"three" -> 3, "twenty-four" -> 24, "5 1/2" -> 5.5, "two and a half" -> 2.5; vague -> None."""
    lex = lexicon()
    s = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if s in lex.vague_numbers:
        return None
    try:
        return float(s) + half
    except ValueError:
        pass
    if s in lex.numbers:
        return lex.numbers[s] + half
    total = 0.0
    for word in s.split():
        if word in ("hundred", "thousand") and total:  # "two thousand": a multiplier
            total *= 100 if word == "hundred" else 1000
            continue
        if word not in lex.numbers:
            return None
        total += lex.numbers[word]
    return total + half if total else None


def duration_value(amount: float | None, unit_word: str) -> str:
    """``P3D``, ``PT5H``, ``P18M`` (1.5 years), ``PXY`` (an unspecified number of years)."""
    lex = lexicon()
    unit = unit_word.lower()
    unit = "century" if unit == "centuries" else unit.removesuffix("s")
    designator, multiplier, t = lex.units.get(unit, ("D", 1.0, ""))
    if amount is None:
        return f"P{t}X{designator}"
    value = amount * multiplier
    if value != int(value):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "Q": ("M", 3)}
        if t:
            smaller = {"H": ("M", 60), "M": ("S", 60)}
            whole = int(value)
            if designator in smaller and whole:
                sub, factor = smaller[designator]
                return f"PT{whole}{designator}{round((value - whole) * factor)}{sub}"
        if designator in smaller:
            sub, factor = smaller[designator]
            value, designator = value * factor, sub
            if designator == "H":
                t = "T"
    number = int(value) if value == int(value) else round(value, 2)
    return f"P{t}{number}{designator}"


def month_number(name: str) -> int:
    """Month number of a name as written: capitalised ("May") or all capitals in a headline or
    dateline ("MAY"); a lower-case "may" is a KeyError, which rejects the match."""
    months = lexicon().months
    if name in months:
        return months[name]
    if name.isupper():
        return months[name.title()]
    raise KeyError(name)


def rel_direction(rel: str | None) -> str | None:
    if not rel:
        return None
    rel = " ".join(rel.lower().split())
    if rel in ("last", "the previous", "the past", "this past", "past", "that"):
        return "past"
    if rel in ("next", "the following", "the next", "the coming", "coming", "this coming"):
        return "future"
    return "this"
