"""Reading PETRARCH discard and issue dictionaries.

Discards: one phrase per line; ``+PHRASE`` discards the whole story, a plain phrase the
sentence it occurs in ("heart attack", "World Golf Championships").

Issues (Phoenix.IssueCoding.txt): ``<ISSUE CATEGORY="EDUCATION" TYPE="ALL">`` sections of
``phrase [CODE]`` lines; ``n:word`` is a noun that also matches its plural, ``v:word`` a verb in any form; ``+`` joins words
that may be written with a hyphen or a space ("pre+k"); ``~phrase`` is a phrase that does
*not* count as the issue ("a head start").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .actors import plural_forms
from .syntax import DictionaryWarning, LineReader, name_words


@dataclass(frozen=True)
class Discard:
    words: tuple[str, ...]
    story: bool  # True: the whole story is discarded, else the sentence
    file: str
    line: int


@dataclass(frozen=True)
class Issue:
    """An issue phrase (every surface form as words), its code and category; ``negative``
    phrases block the issue where they occur."""

    forms: tuple[tuple[str, ...], ...]
    code: str
    category: str
    negative: bool
    file: str
    line: int


def read_discards(path: Path, warnings: list[DictionaryWarning]) -> list[Discard]:
    reader = LineReader(path, warnings)
    found: list[Discard] = []
    for number, content, _comment in reader.lines():
        stripped = content.strip()
        if not stripped:
            continue
        story = stripped.startswith("+")
        words = name_words(stripped.lstrip("+"))
        if not words:
            reader.warn(number, f"cannot read the discard {stripped!r}")
            continue
        found.append(Discard(words, story, reader.name, number))
    return found


_SECTION = re.compile(r"<ISSUE\s+([^>]*)>", re.I)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_ISSUE_CODE = re.compile(r"\[([^\[\]]+)\]")


def read_issues(path: Path, warnings: list[DictionaryWarning]) -> list[Issue]:
    reader = LineReader(path, warnings)
    found: list[Issue] = []
    category = ""
    last_code = ""
    for number, content, _comment in reader.lines():
        stripped = content.strip()
        if not stripped:
            continue
        section = _SECTION.match(stripped)
        if section:
            category = dict(_ATTR.findall(section.group(1))).get("CATEGORY", "")
            continue
        if stripped.upper().startswith("</ISSUE"):
            category = ""
            continue
        negative = stripped.startswith("~")
        codes = _ISSUE_CODE.findall(stripped)
        phrase = _ISSUE_CODE.sub(" ", stripped.lstrip("~")).strip()
        if not codes and not negative:
            reader.warn(number, f"issue phrase {stripped!r} has no [code]")
            continue
        code = codes[0].strip() if codes else last_code
        forms = _issue_forms(phrase)
        if not forms:
            reader.warn(number, f"cannot read the issue phrase {stripped!r}")
            continue
        if not negative:
            last_code = code
        found.append(Issue(tuple(forms), code, category, negative, reader.name, number))
    return found


def _issue_forms(phrase: str) -> list[tuple[str, ...]]:
    """All surface forms of an issue phrase: ``n:`` nouns with plurals, ``+`` as hyphen or space."""
    options: list[list[tuple[str, ...]]] = []
    for word in phrase.split():
        noun = word.startswith("n:")
        verb = word.startswith("v:")
        word = word[2:] if noun or verb else word
        variants = {name_words(word.replace("+", "-")), name_words(word.replace("+", " ")),
                    name_words(word.replace("+", ""))}
        variants.discard(())
        if noun:
            variants |= {p for v in list(variants) for p in plural_forms(v)}
        if verb:
            from ..events.lexicon import inflections

            variants |= {v[:-1] + (form,) for v in list(variants) for form in inflections(v[-1])}
        options.append(sorted(variants))
    forms: list[tuple[str, ...]] = [()]
    for choice in options:
        forms = [f + c for f in forms for c in choice]
        if len(forms) > 64:
            break
    return [f for f in forms if f]
