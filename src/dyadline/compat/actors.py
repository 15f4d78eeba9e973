"""Reading PETRARCH/TABARI actor and agent dictionaries.

Actor file: a block is a name line, ``+`` synonym lines, and its codes, either on the
name line or on their own (indented) lines::

    GOLLUM  # comment
    +SMEAGOL
        [HOB < 950601]
        [HOBGOV 19950601-19990815]
        [HOBREB > 990816]

A name without a code of its own is grouped with the next block (``U.N._`` before
``UN_SECRETARY_GENERAL ... [IGOUNO]``).  Among dated codes, the first one that holds on the
article's date wins; an undated code is the default.  ``[---]`` means "no actor".

Agent file: ``!PERSON! = MAN, MEN, WOMAN`` defines a substitution; an entry is a name,
optional plural forms in ``{...}`` (``{}``: none; otherwise regular plurals are made),
and one code, ``[~GOV]`` (appended to the actor's code) or ``[NGO~]`` (put before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .syntax import DatedCode, DictionaryWarning, LineReader, code_blocks, name_words, parse_code


@dataclass(frozen=True)
class ActorEntry:
    """One actor block: its names (as word tuples) and codes, with where it was written."""

    names: tuple[tuple[str, ...], ...]
    codes: tuple[DatedCode, ...]
    file: str
    line: int
    label: str  # the first name as written, for the actor's ``name``

    def code_on(self, date: int | None) -> str | None:
        """The code as of ``date`` (YYYYMMDD): the first dated code that holds, else the
        undated default; with no date, the default or else the latest-reaching code."""
        default = next((c.code for c in self.codes if not c.dated), None)
        if date is not None:
            for code in self.codes:
                if code.dated and code.holds(date):
                    return code.code
            return default
        if default is not None:
            return default
        dated = [c for c in self.codes if c.dated]
        return max(dated, key=lambda c: c.latest).code if dated else None


@dataclass(frozen=True)
class AgentEntry:
    """One agent: its surface forms (singular and plural word tuples) and its code."""

    names: tuple[tuple[str, ...], ...]
    code: str
    prefix: bool  # True for [NGO~]: the code goes before the actor's code
    file: str
    line: int


def read_actors(path: Path, warnings: list[DictionaryWarning]) -> list[ActorEntry]:
    """Every actor block of an actor dictionary; bad lines become warnings."""
    reader = LineReader(path, warnings)
    entries: list[ActorEntry] = []
    names: list[tuple[str, ...]] = []
    labels: list[str] = []
    codes: list[DatedCode] = []
    first_line = 0

    def close() -> None:
        nonlocal names, labels, codes
        if names and codes:
            entries.append(ActorEntry(tuple(dict.fromkeys(names)), tuple(codes), reader.name, first_line,
                                      labels[0]))
            names, labels, codes = [], [], []

    for number, content, _comment in reader.lines():
        stripped = content.strip()
        if not stripped:
            continue
        blocks, outside = code_blocks(stripped)
        outside = outside.strip()
        if stripped.startswith("+"):
            if not names:
                reader.warn(number, f"synonym {stripped!r} with no actor before it")
                continue
            words = name_words(outside[1:])
            if words:
                names.append(words)
            else:
                reader.warn(number, "empty synonym")
        elif stripped.startswith("["):
            if not names:
                reader.warn(number, f"code {stripped!r} with no actor before it")
                continue
            if outside:
                reader.warn(number, f"text {outside!r} after a code ignored")
        else:
            if codes:
                close()
            if not names:
                first_line = number
            words = name_words(outside)
            if not words:
                reader.warn(number, f"cannot read the actor name in {stripped!r}")
                continue
            names.append(words)
            labels.append(outside)
        for inner in blocks:
            code, problem = parse_code(inner)
            if code is None:
                reader.warn(number, problem)
            else:
                codes.append(code)
    if names and not codes:
        reader.warn(first_line, f"actor {labels[0] if labels else names[0]!r} has no code")
    close()
    return entries


_MACRO = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_AGENT_CODE = re.compile(r"\[\s*([^\[\]]*?)\s*\]")
_FORMS = re.compile(r"\{([^{}]*)\}")


def plural_forms(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Regular plurals of a noun phrase (its last word), as PETRARCH makes them."""
    if not words or not words[-1].isalpha():
        return set()
    last = words[-1]
    forms: set[str] = set()
    if last.endswith("man"):
        forms.add(last[:-3] + "men")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    return {words[:-1] + (form,) for form in forms}


def read_agents(path: Path, warnings: list[DictionaryWarning]) -> list[AgentEntry]:
    """Every agent of an agent dictionary, with substitutions and plurals expanded."""
    reader = LineReader(path, warnings)
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, content, _comment in reader.lines():
        stripped = content.strip()
        if not stripped:
            continue
        macro = _MACRO.match(stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _AGENT_CODE.findall(stripped)
        if not codes:
            reader.warn(number, f"agent {stripped!r} has no [code]")
            continue
        if len(codes) > 1:
            reader.warn(number, "more than one code: the first is used")
        raw = codes[0].replace(" ", "")
        if raw.startswith("~"):
            code, prefix = raw[1:], False
        elif raw.endswith("~"):
            code, prefix = raw[:-1], True
        else:
            reader.warn(number, f"agent code [{raw}] has no '~': read as a suffix")
            code, prefix = raw, False
        if not code or not code.replace("-", "").isalnum():
            reader.warn(number, f"bad agent code [{raw}]")
            continue
        head = _AGENT_CODE.sub(" ", stripped)
        explicit = _FORMS.search(head)
        name = _FORMS.sub(" ", head).strip().lstrip("+")
        variants = _expand_macros(name, macros)
        if variants is None:
            reader.warn(number, f"unknown substitution in {name!r}")
            continue
        names: list[tuple[str, ...]] = []
        for variant in variants:
            words = name_words(variant)
            if not words:
                continue
            names.append(words)
            if explicit is None and "!" not in name:
                names.extend(sorted(plural_forms(words)))
        if explicit is not None:
            for form in explicit.group(1).split():
                words = name_words(form.lstrip("+"))
                if words:
                    names.append(words)
        if not names:
            reader.warn(number, f"cannot read the agent name in {stripped!r}")
            continue
        entries.append(AgentEntry(tuple(dict.fromkeys(names)), code.upper(), prefix, reader.name, number))
    return entries


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str] | None:
    """``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN, ...; None for an unknown macro."""
    match = re.search(r"![A-Z0-9_]+!", name)
    if match is None:
        return [name]
    values = macros.get(match.group(0))
    if values is None:
        return None
    result: list[str] = []
    for value in values:
        expanded = _expand_macros(name[:match.start()] + value + name[match.end():], macros)
        if expanded is None:
            return None
        result.extend(expanded)
    return result
