"""Finding the dictionary's phrases in a text in one pass (Aho-Corasick over lower-cased text).

There are thousands of names, titles and abbreviations; an automaton finds all of them in time
linear in the text.  It runs over a word-boundary probe of the lower-cased text (see
:func:`_probe`), so that it stops only where a phrase could start and end a word; each match is
then checked against the lower-cased text itself.  Case is checked afterwards, per entry: an abbreviation written with capitals
in the dictionary ("US", "WHO") only matches in capitals, so the pronoun "us" and the word "who"
are not actors; a proper name must start with a capital in the text; agent words match in any case.
Where matches overlap, the longest wins ("North Korean" over "Korean", "National Council of
Resistance of Iran" over "Iran").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from .dictionary import Dictionary, fold, load_dictionary

#: which kind wins when one phrase is several things ("Luxembourg" the country and the capital)
RANK = {"person": 0, "organisation": 1, "country": 2, "seat": 3, "capital": 4, "demonym": 5,
        "city": 6, "surname": 7, "agent": 8, "qualifier": 9, "block": 10}
#: kinds that may touch a hyphen ("Russia-Iran treaty", "US-led"); others may not ("Iranian-backed")
HYPHEN_OK = frozenset({"country", "capital", "seat", "city", "organisation", "person", "surname"})

_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\n": " ",
                            "\r": " ", "\t": " ", "\u2010": "-", "\u2011": "-"})
_SPECIAL = tuple(chr(c) for c in _TRANSLATE)


def normalise(text: str) -> tuple[str, str]:
    """(text with apostrophes/spaces/hyphens unified, its lower-case form), both the same length."""
    plain = text
    for char in _SPECIAL:  # str.replace is much faster than str.translate on long texts
        if char in plain:
            plain = plain.replace(char, _TRANSLATE[ord(char)])
    lower = plain.lower()
    if len(lower) != len(plain):  # a few characters lower-case to two ("İ"): keep offsets
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in plain)
    return plain, lower


class Hit(NamedTuple):
    """A dictionary phrase found in the text: ``kind`` and the references it may stand for.
    (A NamedTuple, built with ``tuple.__new__``: an article has hundreds of hits.)"""

    start: int
    end: int
    kind: str
    refs: tuple[str, ...]


_new = tuple.__new__


def _is_acronym(form: str) -> bool:
    """'US', 'NATO', 'MPs', 'McMaster': a capital after a letter means the case is significant."""
    return any(c.isupper() and form[i - 1].isalpha() for i, c in enumerate(form) if i)


@lru_cache(maxsize=4)
def automaton(directory: str | None = None) -> tuple[Any, dict[str, tuple]]:
    """The compiled automaton for the dictionary in ``directory`` (built once per process), over
    :func:`_probe` forms of the phrases, and the entries of each lower-case phrase."""
    import ahocorasick

    d: Dictionary = load_dictionary(directory)
    table: dict[str, list[tuple[str, str, str, int]]] = {}
    forms = list(d.forms)
    forms += [(fold(form), kind, ref) for form, kind, ref in d.forms if not form.isascii()]
    for form, kind, ref in forms:
        plain, lower = normalise(form.strip())
        if not lower:
            continue
        case = 2 if _is_acronym(plain) else 1 if plain[0].isupper() and kind != "agent" else 0
        entry = (plain, kind, ref, case)
        bucket = table.setdefault(lower, [])
        if entry not in bucket:
            bucket.append(entry)
    compiled: dict[str, tuple[tuple[str, str, str, int, int, bool], ...]] = {}
    shapes: dict[str, list[tuple[int, int]]] = {}  # probe form -> (length, trailing) of its phrases
    for key, entries in table.items():
        compiled[key] = _compile(entries)
        probe = _probe(key)
        trailing = int(probe[-1] != " ")  # a phrase that ends in a letter or digit ends a word
        shape = shapes.setdefault(" " + probe + (" " if trailing else ""), [])
        if (len(key), trailing) not in shape:  # "opec" and "opec+" share " opec "
            shape.append((len(key), trailing))
    auto = ahocorasick.Automaton()
    for probe, shape in shapes.items():
        auto.add_word(probe, tuple(shape))
    auto.make_automaton()
    return auto, compiled


#: the probe alphabet: ASCII letters (lower-cased) and digits stay, every other byte is a space
_PROBE = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))


def _probe(lower: str) -> str:
    """``lower`` with every character but an ASCII letter or digit made a space, same length.

    The automaton runs over this, with each phrase between spaces, so that it only reports
    phrases that start (and, when they end in a letter or digit, end) at a word boundary instead
    of every "us" inside "business".  Any character that is not an ASCII letter or digit becomes
    a space (non-ASCII ones through the encoder's one "?" per character), so every match of the
    exact test below is still found; the test itself is unchanged.  Encode, translate and
    decode all run in C."""
    return lower.encode("ascii", "replace").translate(_PROBE).decode("ascii")


def _compile(entries: list[tuple[str, str, str, int]]) -> tuple[tuple[str, str, str, int, int, bool], ...]:
    """Entries with their rank and hyphen rule precomputed: (form, kind, ref, case, rank, hyphen_ok)."""
    return tuple((form, kind, ref, case, RANK[kind], kind in HYPHEN_OK) for form, kind, ref, case in entries)


def _after_ex(lower: str, start: int) -> bool:
    """Whether the phrase at ``start`` follows the prefix "ex-" ("ex-prime minister")."""
    return start >= 3 and lower[start - 3:start - 1] == "ex" and (start == 3 or not lower[start - 4].isalnum())


def find_hits(text: str, directory: str | None = None) -> list[Hit]:
    """All dictionary phrases in ``text``: non-overlapping, longest first, sorted by start."""
    plain, lower = normalise(text)
    size = len(lower)
    candidates: list[tuple[int, int, int, str, tuple[str, ...]]] = []
    add = candidates.append
    auto, compiled = automaton(directory)
    lookup = compiled.get
    found = []
    for last, shape in auto.iter(" " + _probe(lower) + " "):
        for length, trailing in shape:
            end = last - trailing  # the probe is one character ahead of the text
            entries = lookup(lower[end - length:end])
            if entries is not None:  # else another phrase with the same probe form
                found.append((end, length, entries))
    for end, length, entries in found:
        start = end - length
        last = end - 1
        before = lower[start - 1] if start else " "
        after = lower[end] if end < size else " "
        if before.isalnum() or after.isalnum() and lower[last].isalnum():
            continue
        if len(entries) == 1 and before != "-" and after != "-":
            # the common case, one entry and no hyphen: the loop below, unrolled
            form, kind, ref, case, rank, _ = entries[0]
            if not (case == 2 and plain[start:end] != form or case == 1 and not plain[start].isupper()):
                add((start, -length, rank, kind, (ref,)))
            continue
        best_rank = 99
        best_kind = ""
        refs: list[str] = []
        hyphen = before == "-" or after == "-"
        for form, kind, ref, case, rank, hyphen_ok in entries:
            if hyphen and not hyphen_ok and (before == "-" or not form.endswith("-")) and not (
                    before == "-" and after != "-" and kind == "agent" and _after_ex(lower, start)):
                continue  # "Iranian-backed" is no actor, but "ex-prime minister" is one
            if case == 2 and plain[start:end] != form or case == 1 and not plain[start].isupper():
                continue
            if rank < best_rank:
                best_rank, best_kind, refs = rank, kind, [ref]
            elif rank == best_rank and ref not in refs:
                refs.append(ref)
        if refs:
            add((start, -length, best_rank, best_kind, tuple(refs)))
    candidates.sort()
    hits: list[Hit] = []
    reach = 0
    for start, negative_length, _rank, kind, refs in candidates:
        if start < reach:
            continue
        reach = start - negative_length
        if kind != "block":
            hits.append(_new(Hit, (start, reach, kind, refs)))
    return hits
