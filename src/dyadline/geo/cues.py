"""The cue words of ``data/cues.yaml``, loaded once as frozensets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CUES_FILE = Path(__file__).parent / "data" / "cues.yaml"


@dataclass(frozen=True)
class Cues:
    locative_prepositions: frozenset[str]
    event_prepositions: frozenset[str]
    actor_verbs: frozenset[str]
    event_nouns: frozenset[str]
    person_titles: frozenset[str]
    place_prefixes: frozenset[str]
    clause_boundaries: frozenset[str]
    never_places: frozenset[str]
    subject_openers: frozenset[str]
    first_names: frozenset[str]
    political_nouns: frozenset[str]
    facility_words: frozenset[str]
    building_words: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    import yaml

    # libyaml's loader when pyyaml has it: the pure-Python one takes a twentieth of a second,
    # a noticeable part of a cold start
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(CUES_FILE, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)
    missing = [name for name in Cues.__dataclass_fields__ if name not in data]
    if missing:
        raise ValueError(f"{CUES_FILE}: missing lists {', '.join(missing)}")
    return Cues(**{name: frozenset(str(w).lower() for w in data[name])
                   for name in Cues.__dataclass_fields__})
