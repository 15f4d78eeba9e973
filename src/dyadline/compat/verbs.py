"""Reading a PETRARCH-2 verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt).

The file has synonym sets and verb blocks::

    &CURRENCY              a synset: "&CURRENCY" in a pattern stands for any member;
    +DOLLARS               members may be phrases ("+AUSTRIAN FLORIN") or other synsets
    +SWISS FRANCS

    --- BREAK [1717] ---   a block: its name and default code
    BREAK { BROKE BROKEN } a verb of the block, with irregular forms; a verb may carry its own
    +BREAK_DOWN {...}      code; "+" marks the verb word of a multi-word verb ("WIRE_+TAP")
    - * TREATY  [161]      a pattern: "*" is the verb; words before it come before the verb,
    - + * IN $  [075]      words after it after; "+" the target, "$" the source, "%" a compound
                           actor, "^" a skipped phrase, "_" joins words that must be adjacent,
                           "(...)" and "{...}" group a phrase; [A:B] codes A for source->target
                           and B for the reverse; [---] makes a pattern that blocks coding.

``~ ...`` transformation lines (PETRARCH's post-coding rewrites) are read past: dyadline has
no equivalent.  Bad lines become warnings naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .syntax import DictionaryWarning, LineReader

MARKERS = {"*", "+", "$", "%", "^"}
_HEADER = re.compile(r"^---\s*(.*?)\s*(?:---)?\s*$")
_CODE = re.compile(r"\[([^\[\]]*)\]")
_FORMS = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Part:
    """One element of a pattern: a word, a marker (``* + $ % ^``) or a synset (``&NAME``);
    ``joined``: written with ``_`` to the element before it (must be adjacent)."""

    text: str
    joined: bool = False


@dataclass(frozen=True)
class Verb:
    """A verb of a block: its words, which one is the verb, its listed forms, its own code."""

    words: tuple[str, ...]
    verb_index: int
    forms: tuple[tuple[str, ...], ...]  # other surface forms of the whole phrase
    code: str | None
    line: int


@dataclass(frozen=True)
class VerbPattern:
    """A ``- ...`` line: the parts before and after the verb, and its code as written."""

    before: tuple[Part, ...]
    after: tuple[Part, ...]
    code: str
    line: int
    text: str
    glued: bool = False  # the word before the verb is joined to it with "_" ("IN_*")


@dataclass
class VerbBlock:
    name: str
    code: str
    file: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    synsets: dict[str, list[tuple[Part, ...]]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)


def parse_parts(text: str) -> list[Part]:
    """Pattern text -> parts; parentheses and braces only group, so they are dropped."""
    text = re.sub(r"[(){}]", " ", text)
    parts: list[Part] = []
    glue_next = False
    for chunk in text.split():
        pieces = chunk.split("_")
        starts_glued = chunk.startswith("_")
        for i, piece in enumerate(pieces):
            if not piece:
                continue
            joined = bool(parts) and (i > 0 and any(pieces[:i]) or glue_next or starts_glued)
            parts.append(Part(piece.lower() if not piece.startswith("&") else piece.upper(), joined))
            glue_next = False
            starts_glued = False
        glue_next = chunk.endswith("_")
    return parts


def read_verbs(path: Path, warnings: list[DictionaryWarning], into: VerbDictionary | None = None) -> VerbDictionary:
    """Synsets and verb blocks of a verb dictionary (added to ``into`` when given)."""
    reader = LineReader(path, warnings)
    result = into if into is not None else VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    for number, content, comment in reader.lines():
        stripped = content.strip()
        if not stripped:
            if not comment:
                synset = None  # a blank line ends a synset; a comment line does not
            continue
        if stripped.startswith("&"):
            name = stripped.split()[0].rstrip("_").upper()
            synset = name
            if name in result.synsets:
                reader.warn(number, f"synset {name} defined again: the members are added")
            result.synsets.setdefault(name, [])
            continue
        if synset is not None and stripped.startswith("+"):
            member = parse_parts(stripped[1:])
            if member and not any(p.text in MARKERS for p in member):
                result.synsets[synset].append(tuple(member))
            else:
                reader.warn(number, f"bad synset member {stripped!r}")
            continue
        synset = None
        if stripped.startswith("~"):
            continue  # a transformation: no dyadline equivalent, read past
        header = _HEADER.match(stripped)
        if header or stripped.startswith("---"):
            if not header:
                reader.warn(number, f"cannot read the block header {stripped!r}")
                block = None
                continue
            codes = _CODE.findall(header.group(1))
            name = _CODE.sub(" ", header.group(1)).strip()
            if not codes:
                reader.warn(number, f"block {name!r} has no [code]: '---' assumed")
                codes = ["---"]
            elif len(codes) > 1:
                reader.warn(number, f"block {name!r} has {len(codes)} codes: the first is used")
            block = VerbBlock(name, codes[0].strip(), reader.name, number)
            result.blocks.append(block)
            continue
        if block is None:
            reader.warn(number, f"line outside any verb block: {stripped!r}")
            continue
        if stripped.startswith("-"):
            pattern = _read_pattern(stripped[1:].strip(), number, reader)
            if pattern is not None:
                block.patterns.append(pattern)
            continue
        verb = _read_verb(stripped, number, reader)
        if verb is not None:
            block.verbs.append(verb)
    return result


def _read_pattern(text: str, number: int, reader: LineReader) -> VerbPattern | None:
    codes = _CODE.findall(text)
    if not codes:
        reader.warn(number, f"pattern {text!r} has no [code]")
        return None
    if len(codes) > 1:
        reader.warn(number, f"pattern {text!r} has {len(codes)} codes: the first is used")
    body = text[:text.index("[")].strip()
    parts = parse_parts(body)
    verbs = [i for i, p in enumerate(parts) if p.text == "*"]
    if len(verbs) != 1:
        reader.warn(number, f"pattern {body!r} must have exactly one '*' (the verb)")
        return None
    at = verbs[0]
    after = list(parts[at + 1:])
    return VerbPattern(tuple(parts[:at]), tuple(after), codes[0].strip(), number, body, parts[at].joined)


def _read_verb(text: str, number: int, reader: LineReader) -> Verb | None:
    text = text.split(";", 1)[0]  # TABARI's ";" comments
    codes = _CODE.findall(text)
    code = codes[0].strip() if codes else None
    forms_match = _FORMS.search(text)
    head = _CODE.sub(" ", _FORMS.sub(" ", text)).strip()
    words, index = _verb_words(head)
    if not words:
        reader.warn(number, f"cannot read the verb {text!r}")
        return None
    forms: list[tuple[str, ...]] = []
    if forms_match:
        for form in forms_match.group(1).replace(",", " ").split():
            form_words, form_index = _verb_words(form)
            if len(form_words) == len(words) and form_index == index:
                forms.append(form_words)
            elif form_words:
                reader.warn(number, f"form {form!r} does not line up with {head!r}: ignored")
    return Verb(words, index, tuple(forms), code, number)


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    """``WIRE_+TAP`` -> (('wire', 'tap'), 1); ``LASH OUT`` -> (('lash', 'out'), 0)."""
    words: list[str] = []
    index = 0
    for piece in re.split(r"[\s_]+", text.strip()):
        if not piece:
            continue
        if piece.startswith("+"):
            index = len(words)
            piece = piece[1:]
        if piece:
            words.append(piece.lower())
    return tuple(words), index
