"""CAMEO and PLOVER tables: CAMEO code to Goldstein, quad class and PLOVER event/mode/context.

One documented Goldstein table is used throughout: the Phoenix table (see the header of
``data/cameo.tsv``).  Lookups are cached: the table is read once per process.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..model import EventCode

PLOVER_EVENTS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                 "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                 "COERCE", "ASSAULT")

QUAD_CLASS_NAMES = {0: "neutral", 1: "verbal cooperation", 2: "material cooperation",
                    3: "verbal conflict", 4: "material conflict"}


class UnknownCameoCode(KeyError):
    """A CAMEO code that is not in the table."""


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    path = resources.files(__package__) / "data" / "cameo.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if not line.startswith("#"))
        return {row["code"]: row for row in csv.DictReader(rows, delimiter="\t")}


def quad_class_of_root(root: str) -> int:
    """Quad class from the CAMEO root: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20."""
    value = int(root)
    return 0 if value <= 2 else 1 if value <= 5 else 2 if value <= 8 else 3 if value <= 13 else 4


@lru_cache(maxsize=None)
def event_code(cameo: str) -> EventCode:
    """The full ontology record for a CAMEO code (``"036"`` -> AGREE, 4.0, quad class 1)."""
    row = _table().get(cameo)
    if row is None:
        raise UnknownCameoCode(cameo)
    context = tuple(c for c in row["plover_context"].split() if c)
    return EventCode(cameo=cameo, root=cameo[:2], quad_class=int(row["quad_class"]),
                     goldstein=float(row["goldstein"] or 0.0), plover_event=row["plover_event"],
                     plover_mode=row["plover_mode"], plover_context=context)


def phoenix_quad_class(cameo: str) -> int:
    """Phoenix's quad class of a CAMEO code: as the contract's, except most of 16x (reduce
    relations) count as verbal conflict (3).  For scoring gold labelled that way only; records
    carry the contract's class (``event_code(c).quad_class``)."""
    row = _table().get(cameo)
    if row is None:
        raise UnknownCameoCode(cameo)
    return int(row.get("quad_class_phoenix") or row["quad_class"])


def cameo_name(cameo: str) -> str:
    row = _table().get(cameo)
    return row["name"] if row else ""


def all_codes() -> list[str]:
    return list(_table())


def plover_to_default_cameo() -> dict[str, str]:
    """For each PLOVER event, the most general CAMEO code that maps to it."""
    best: dict[str, str] = {}
    for code, row in _table().items():
        event = row["plover_event"]
        if event and (event not in best or len(code) < len(best[event])):
            best[event] = code
    return best
