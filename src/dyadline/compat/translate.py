"""PETRARCH verb patterns -> dyadline lexicon entries (:class:`dyadline.events.lexicon.Entry`).

How each piece of the PETRARCH pattern language is carried over:

==================  ===========================================================================
PETRARCH            dyadline entry
==================  ===========================================================================
verb block          one entry per pattern whose head is every single-word verb of the block
                    with its listed forms (multi-word verbs, ``+BREAK_DOWN``, get their own)
words after ``*``   pattern words after the head; a space becomes a gap (``*``, up to four
                    words), ``_`` keeps the words adjacent
words before ``*``  ``Entry.before`` (an extension of the lexicon for this purpose)
``&SYNSET``         alternatives (``a|b``); a multi-word member makes an entry of its own
``+`` after verb    the target slot ``+``
no ``+``            the target is the object or the actor after a preposition of the verb
                    phrase (``obj``, with, to, against, on, at, from, of, into, ... )
``%`` before verb   ``mutual``: the event holds among the members of a compound subject
``[A:A]``           ``symmetric``; ``[A:B]`` keeps A and records B in ``Entry.reverse``
``[---]``           a discard entry (blocks coding)
==================  ===========================================================================

What a lexicon entry cannot say, and is therefore dropped with the marker (the words stay):
a source *after* the verb (``FROM $``), a target *before* it (``+ WAS_ *``: the passive rule
of the clause analysis finds those), ``^`` before ``+`` or at the end, ``%`` after the verb.

Codes are kept as written in the evidence (``Entry.text`` ends with ``[code]``).  A code
that is not in dyadline's CAMEO table (the validation set's WEIS codes, ``080!``) is coded
as its longest CAMEO prefix, or ``010`` when it has none, with one warning per code.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Iterable

from ..events.lexicon import Entry
from .syntax import DictionaryWarning
from .verbs import Part, Verb, VerbBlock, VerbDictionary, VerbPattern

#: Where the target of a pattern without ``+`` may stand: PETRARCH looks for it in the whole
#: verb phrase (object, then prepositional phrases).
DEFAULT_TARGETS = ("obj", "with", "to", "against", "on", "at", "from", "of", "into", "toward", "for",
                   "towards", "over", "about", "upon", "between", "among", "by", "in")
#: At most this many entries from one pattern's synset expansions.
MAX_VARIANTS = 64
STAND_IN = "010"
#: How evidence names an entry's source; the entry's text ends with the code as written.
VERB_ORIGIN = "verb dictionary"


@lru_cache(maxsize=1)
def _cameo_table() -> frozenset[str]:
    from ..ontology import all_codes

    return frozenset(all_codes())


@lru_cache(maxsize=None)
def cameo_for(code: str) -> str:
    """The CAMEO code an event is coded with for a dictionary code (a few hundred distinct codes
    in a verb dictionary of thousands of patterns: each is worked out once)."""
    table = _cameo_table()
    code = code.strip()
    if code in table:
        return code
    for length in range(len(code) - 1, 1, -1):
        if code[:length] in table:
            return code[:length]
    return STAND_IN


def translate(verbs: VerbDictionary, warnings: list[DictionaryWarning]) -> list[Entry]:
    """Every lexicon entry the verb dictionary stands for."""
    from ..ontology import all_codes

    table = set(all_codes())
    entries: list[Entry] = []
    reported: set[str] = set()

    def code_of(raw: str, block: VerbBlock, line: int) -> tuple[str, str, bool] | None:
        """(cameo, reverse, symmetric) for a written code; None for no event."""
        raw = raw.strip()
        if raw in ("---", ""):
            return "", "", False
        forward, _, reverse = raw.partition(":")
        if not forward:
            warnings.append(DictionaryWarning(block.file, line, f"code [{raw}] has no forward event: "
                                              "pattern left out"))
            return None
        cameo = cameo_for(forward)
        for part in filter(None, (forward, reverse)):
            if part not in table and part not in reported:
                reported.add(part)
                warnings.append(DictionaryWarning(block.file, line, f"code {part} is not a CAMEO code: "
                                                  f"coded as {cameo_for(part)} (the evidence keeps {part})"))
        symmetric = bool(reverse) and reverse == forward
        return cameo, ("" if symmetric else reverse), symmetric

    for block in verbs.blocks:
        singles = [v for v in block.verbs if len(v.words) == 1]
        multis = [v for v in block.verbs if len(v.words) > 1]
        heads: list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str]] = []
        if singles:
            forms = tuple(dict.fromkeys(w for v in singles for w in (v.words[0],) + tuple(f[0] for f in v.forms)))
            heads.append((forms, (), (), " ".join(v.words[0] for v in singles[:3]).upper()))
        for verb in multis:
            heads.append(_multi_head(verb))
        # the verbs alone, with the block's code or their own
        for verb in block.verbs:
            raw = verb.code if verb.code is not None else block.code
            coded = code_of(raw, block, verb.line)
            if coded is None or coded[0] == "" and verb.code is None:
                continue  # "[---]" block: a verb alone codes nothing (no entry, not a discard)
            head, before, after, label = _multi_head(verb) if len(verb.words) > 1 else (
                (verb.words[0],) + tuple(f[0] for f in verb.forms), (), (), verb.words[0].upper())
            cameo, reverse, symmetric = coded
            entries.append(Entry((head,) + after, cameo, DEFAULT_TARGETS if cameo else (), symmetric,
                                 False, False, verb.line, f"{' '.join(verb.words).upper()} [{raw}]",
                                 before, reverse, origin=VERB_ORIGIN))
        for pattern in block.patterns:
            coded = code_of(pattern.code, block, pattern.line)
            if coded is None:
                continue
            for head, head_before, head_after, label in heads:
                for before, after, target, mutual in _pattern_variants(pattern, verbs.synsets, warnings,
                                                                      block.file):
                    cameo, reverse, symmetric = coded
                    entries.append(Entry((head,) + head_after + after, cameo,
                                         target if cameo else (), symmetric, False, mutual, pattern.line,
                                         f"{label} - {pattern.text} [{pattern.code}]",
                                         before + head_before, reverse, origin=VERB_ORIGIN))
    return entries


def _multi_head(verb: Verb) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str]:
    """A multi-word verb as (head alternatives, words before it, words after it, label)."""
    i = verb.verb_index
    head = tuple(dict.fromkeys((verb.words[i],) + tuple(f[i] for f in verb.forms)))
    before = tuple((w,) for w in verb.words[:i])
    after = tuple(tuple(dict.fromkeys((w,) + tuple(f[i + 1 + k] for f in verb.forms)))
                  for k, w in enumerate(verb.words[i + 1:]))
    return head, before, after, " ".join(verb.words).upper()


def _expand(part: Part, synsets: dict[str, list[tuple[Part, ...]]], depth: int = 0) -> list[tuple[str, ...]]:
    """The word sequences a pattern part stands for (a synset may hold phrases and synsets)."""
    if not part.text.startswith("&"):
        return [(part.text,)]
    members = synsets.get(part.text.rstrip("_"))
    if members is None or depth > 4:
        return []
    result: list[tuple[str, ...]] = []
    for member in members:
        sequences: list[tuple[str, ...]] = [()]
        for piece in member:
            options = _expand(piece, synsets, depth + 1)
            sequences = [s + o for s in sequences for o in options][:MAX_VARIANTS]
        result.extend(sequences)
    return list(dict.fromkeys(result))


def _pattern_variants(pattern: VerbPattern, synsets: dict[str, list[tuple[Part, ...]]],
                      warnings: list[DictionaryWarning], file: str
                      ) -> Iterable[tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[str, ...], bool]]:
    """(before, after, target, mutual) for each synset expansion of a pattern."""
    mutual = any(p.text == "%" for p in pattern.before)
    has_slot = any(p.text == "+" for p in pattern.after)
    target_before = any(p.text == "+" for p in pattern.before)
    target = () if has_slot or target_before else DEFAULT_TARGETS
    before_options = _side(pattern.before, synsets, before=True, glued=pattern.glued)
    after_options = _side(pattern.after, synsets, before=False)
    if before_options is None or after_options is None:
        warnings.append(DictionaryWarning(file, pattern.line, f"pattern {pattern.text!r} names an unknown "
                                          "synset: left out"))
        return
    count = 0
    for before, after in itertools.product(before_options, after_options):
        count += 1
        if count > MAX_VARIANTS:
            warnings.append(DictionaryWarning(file, pattern.line, f"pattern {pattern.text!r} has more than "
                                              f"{MAX_VARIANTS} synset expansions: the first are used"))
            return
        yield before, after, target, mutual


def _side(parts: tuple[Part, ...], synsets: dict[str, list[tuple[Part, ...]]], before: bool,
          glued: bool = False) -> list[tuple[tuple[str, ...], ...]] | None:
    """The lexicon elements for the words on one side of the verb, one list per expansion.

    Single-word synset members become one element of alternatives; each multi-word member
    makes a variant of its own.
    """
    # each slot: list of alternative element sequences
    slots: list[list[tuple[tuple[str, ...], ...]]] = []
    gaps: list[bool] = []  # gap before this slot
    pending_gap = False
    for index, part in enumerate(parts):
        if part.text in ("$", "%"):
            pending_gap = pending_gap or bool(slots)
            continue
        if part.text == "^":
            pending_gap = True
            continue
        if part.text == "+":
            if before:
                pending_gap = pending_gap or bool(slots)
                continue
            slots.append([(("+",),)])
            gaps.append(False)
            pending_gap = False
            continue
        sequences = _expand(part, synsets)
        if not sequences:
            return None
        singles = tuple(dict.fromkeys(s[0] for s in sequences if len(s) == 1))
        options: list[tuple[tuple[str, ...], ...]] = [(singles,)] if singles else []
        options += [tuple((w,) for w in s) for s in sequences if len(s) > 1]
        slots.append(options)
        gaps.append(pending_gap or (not part.joined and (bool(slots[:-1]) or not before)))
        pending_gap = False
    variants: list[tuple[tuple[str, ...], ...]] = []
    for choice in itertools.product(*slots) if slots else [()]:
        elements: list[tuple[str, ...]] = []
        for k, chosen in enumerate(choice):
            if gaps[k] and chosen != (("+",),) and not (elements and elements[-1] == ("+",)):
                elements.append(("*",))
            elements.extend(chosen)
        if before and elements and not glued:
            elements.append(("*",))  # room for auxiliaries and adverbs before the verb
        while elements and elements[-1] == ("*",) and not before:
            elements.pop()
        while elements and elements[0] == ("*",) and before:
            elements.pop(0)
        variants.append(tuple(elements))
        if len(variants) >= MAX_VARIANTS:
            break
    return variants

