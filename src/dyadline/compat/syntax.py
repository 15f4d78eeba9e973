"""What every PETRARCH/TABARI dictionary file shares: comments, code blocks with dates, warnings.

The formats grew over twenty years of hand editing, so the readers are lenient: a line
they cannot read becomes a :class:`DictionaryWarning` naming the file and the line, and
reading goes on.  This module holds the pieces common to the actor, agent, verb, discard
and issue readers:

- comments: ``#`` to the end of the line (except inside ``[...]``, where ``###`` is a
  code), and ``<!-- ... -->`` blocks, which may span lines;
- code blocks: ``[USAGOV]``, ``[USAGOV >19900101]``, ``[HOB < 950601]``,
  ``[HOBGOV 19950601-19990815]``; dates are ``YYYYMMDD`` or TABARI's ``YYMMDD``
  (years 00-29 are read as 2000-2029, 30-99 as 1930-1999);
- names: words joined by ``_`` or spaces, upper case; a trailing ``_`` (TABARI's "no
  stemming" mark) is dropped, as PETRARCH-2 does: names match whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

#: Two-digit years below this are 20xx, the others 19xx (TABARI's six-digit dates).
YEAR_PIVOT = 30

#: Words and single punctuation marks; "_" joins nothing ("Dol_Amroth" in a text is two words,
#: as PETRARCH's prepared texts and dictionaries write multi-word names).
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DictionaryWarning:
    """A line a reader could not use, and why; reading went on."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class DatedCode:
    """One code of an actor, valid in a date range (``None`` = open), dates as YYYYMMDD ints.

    ``after``/``before`` are exclusive bounds from ``>``/``<``; a range ``A-B`` is inclusive.
    """

    code: str
    start: int | None = None  # inclusive
    end: int | None = None  # inclusive
    after: int | None = None  # exclusive lower bound (">")
    before: int | None = None  # exclusive upper bound ("<")

    @property
    def dated(self) -> bool:
        return any(x is not None for x in (self.start, self.end, self.after, self.before))

    def holds(self, date: int) -> bool:
        if self.start is not None and date < self.start:
            return False
        if self.end is not None and date > self.end:
            return False
        if self.after is not None and date <= self.after:
            return False
        if self.before is not None and date >= self.before:
            return False
        return True

    @property
    def latest(self) -> int:
        """How late the range reaches, to pick a code when no date is known."""
        for bound in (self.end, self.before):
            if bound is not None:
                return bound
        return 99999999


class LineReader:
    """Lines of one dictionary file with comments removed, and the warnings found on the way."""

    def __init__(self, path: Path, warnings: list[DictionaryWarning]):
        self.path = path
        self.name = path.name
        self.warnings = warnings

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(DictionaryWarning(self.name, line, message))

    def lines(self) -> Iterator[tuple[int, str, str]]:
        """(line number, content without comment, the comment) for every line, blank ones too."""
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            self.warn(0, f"cannot read the file: {error.strerror or error}")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        in_block = False
        for number, line in enumerate(text.splitlines(), start=1):
            if in_block:
                if "-->" in line:
                    in_block = False
                    line = line.split("-->", 1)[1]
                else:
                    yield number, "", line.strip()
                    continue
            stripped = line.lstrip()
            if stripped.startswith("<!") or stripped.startswith("<! "):
                if "-->" in stripped:
                    yield number, "", stripped
                else:
                    in_block = True
                    yield number, "", stripped
                continue
            content, comment = split_comment(line)
            yield number, content.rstrip(), comment


def split_comment(line: str) -> tuple[str, str]:
    """Split off a ``#`` comment, leaving ``#`` inside ``[...]`` (the code ``[###]``) alone."""
    first = line.find("#")
    if first < 0:
        return line, ""
    if "[" not in line[:first]:  # the common case: no code block before the first '#'
        return line[:first], line[first + 1:].strip()
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:i], line[i + 1:].strip()
    return line, ""


def parse_date(text: str) -> int | None:
    """``19950601`` or ``950601`` -> 19950601; None when it is not a date."""
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    elif len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < YEAR_PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year * 10000 + month * 100 + day


def date_key(date: str | None) -> int | None:
    """An article date ``YYYY-MM-DD`` (or ``YYYYMMDD``) as a YYYYMMDD int."""
    if not date:
        return None
    digits = date.replace("-", "")[:8]
    return int(digits) if digits.isdigit() and len(digits) == 8 else None


_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_SIX_DIGITS = re.compile(r"\d{6}")


def parse_code(inner: str) -> tuple[DatedCode | None, str]:
    """The inside of one ``[...]`` block -> (DatedCode, "") or (None, reason)."""
    parts = inner.split()
    if not parts:
        return None, "empty code block []"
    code = parts[0]
    rest = "".join(parts[1:])
    if code[0] in "<>" or _SIX_DIGITS.match(code):
        return None, f"code block [{inner.strip()}] has a date but no code"
    if not rest:
        return DatedCode(code.upper()), ""
    if rest[0] == "<":
        date = parse_date(rest[1:])
        return (DatedCode(code.upper(), before=date), "") if date else (None, f"bad date in [{inner.strip()}]")
    if rest[0] == ">":
        date = parse_date(rest[1:])
        return (DatedCode(code.upper(), after=date), "") if date else (None, f"bad date in [{inner.strip()}]")
    if "-" in rest:
        first, _, last = rest.partition("-")
        start, end = parse_date(first), parse_date(last)
        if start is None or end is None:
            return None, f"bad date range in [{inner.strip()}]"
        if end < start:
            return None, f"date range ends before it starts in [{inner.strip()}]"
        return DatedCode(code.upper(), start=start, end=end), ""
    return None, f"cannot read the code block [{inner.strip()}]"


def code_blocks(text: str) -> tuple[list[str], str]:
    """The ``[...]`` blocks of a line (their insides) and the text outside them."""
    if "[" not in text:  # most synonym and name lines: no regex needed
        return [], text
    blocks = _CODE_BLOCK.findall(text)
    outside = _CODE_BLOCK.sub(" ", text)
    return blocks, outside


def name_words(name: str) -> tuple[str, ...]:
    """A dictionary name as lower-case word tokens: ``PRESIDENT_GEORGE_W._BUSH`` ->
    ``('president', 'george', 'w', '.', 'bush')``; the same tokenisation is applied to
    the text, so names match whatever the spacing and case."""
    if name.isascii():  # lower-casing ASCII changes no token boundary: one pass
        return tuple(_TOKEN.findall(name.replace("_", " ").lower()))
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(name.replace("_", " ")))


def text_tokens(text: str) -> list[tuple[str, int, int]]:
    """(lower-case token, start, end) for a text, tokenised as :func:`name_words` does."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
