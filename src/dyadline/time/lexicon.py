"""The time-word lexicon (``data/time_words.yaml``), loaded once per process.

The YAML is the place to teach dyadline a new month abbreviation, holiday or tense cue;
this module only turns it into lookup tables (lower-cased keys where case does not matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]              # as written ("Sept.") -> 1..12; capitalised in text
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]            # lower ("tues.") -> ISO weekday
    parts_of_day: dict[str, str]        # lower -> MO/AF/EV/NI
    seasons: dict[str, tuple[str, int]]  # lower -> (code, centre month)
    numbers: dict[str, float]           # lower -> value
    vague_numbers: frozenset[str]
    units: dict[str, tuple[str, float, str]]  # lower singular -> (designator, multiplier, "T"|"")
    sets: dict[str, str]                # lower -> value
    references: dict[str, str]          # lower -> PRESENT_REF/PAST_REF/FUTURE_REF
    holidays: dict[str, str]            # lower -> "MM-DD"
    moveable_holidays: frozenset[str]   # lower
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    present_cues: tuple[str, ...]
    not_past: frozenset[str]


def _squash(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Read ``data/time_words.yaml`` (once)."""
    import yaml

    path = resources.files(__package__) / "data" / "time_words.yaml"
    with path.open(encoding="utf-8") as handle:
        raw: dict[str, Any] = yaml.safe_load(handle)
    tense = raw["tense"]
    return Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(str(m) for m in raw["ambiguous_months"]),
        weekdays={str(k).lower(): int(v) for k, v in raw["weekdays"].items()},
        parts_of_day={_squash(k): str(v) for k, v in raw["parts_of_day"].items()},
        seasons={_squash(k): (str(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        numbers={_squash(k): float(v) for k, v in raw["numbers"].items()},
        vague_numbers=frozenset(_squash(v) for v in raw["vague_numbers"]),
        units={_squash(k): (str(v[0]), float(v[1]), str(v[2])) for k, v in raw["units"].items()},
        sets={_squash(k): str(v) for k, v in raw["sets"].items()},
        references={_squash(k): str(v) for k, v in raw["references"].items()},
        holidays={_squash(k): str(v) for k, v in raw["holidays"].items()},
        moveable_holidays=frozenset(_squash(v) for v in raw["moveable_holidays"]),
        future_cues=tuple(_squash(v) for v in tense["future"]),
        past_cues=tuple(_squash(v) for v in tense["past"]),
        present_cues=tuple(_squash(v) for v in tense["present"]),
        not_past=frozenset(_squash(v) for v in tense["not_past"]),
    )


def alternation(words: Any) -> str:
    """A regex alternation of lower-cased phrases, longest first, spaces matching any whitespace.

    The time patterns run over the lower-cased text (case-insensitive matching is several times
    slower in Python's regex engine); handlers check capitals where they matter ("May")."""
    # longest first; ties in a fixed order, so the regex is the same in every process
    parts = sorted({str(w).lower() for w in words}, key=lambda p: (-len(p), p))
    body = "|".join(r"\s+".join(re.escape(piece) for piece in p.split()) for p in parts)
    return f"(?:{body})"


def trie(ends: dict[str, str], unit: Callable[[str], str] = re.escape) -> str:
    """A prefix-factored alternation of the words in ``ends``, each followed by its own pattern
    ``ends[word]`` ("" for none: the word may then also be a prefix of a longer one, which is
    preferred).  Python's engine tries the alternatives of a plain alternation one by one; a
    trie decides a word in a few steps.  ``unit`` writes one character (``re.escape``, or a
    class such as "any whitespace" for a space)."""
    root: dict = {}
    for word, end in ends.items():
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = end

    def emit(node: dict) -> str:
        branches = [unit(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        end = node.get("")
        if end:
            branches.append(end)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end == "" else body

    return emit(root)
