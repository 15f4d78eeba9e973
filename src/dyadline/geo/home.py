"""The place an article is about: where a toponym the gazetteer lacks most likely lies.

Local and web news name streets, buildings, parks and villages ("Frenchmen Street", "Coffman
Park", "St Seachnall's Church") that no gazetteer of towns holds; such a name nearly always lies
in the town the article is about (the geoparsing literature's "document focus").  That town is
the one the article names most, counting half a mention for every other place it names in the
same division and a quarter for every other place in the same country: a street that shares a
town's name ("Franklin Avenue" three times) must not outweigh the city whose state and
neighbours the article names around it.  The first named breaks a tie (a dateline or a headline
comes first).  An article naming no town is about the division, then the country, it names most.
"""

from __future__ import annotations

from typing import Iterable

from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Entry

#: the levels a home may be, finest first: a town locates a street best
LEVELS = ((CITY,), (ADMIN2, ADMIN1, "territory", "island"), (COUNTRY,))
#: what a mention of another place in the same division, or the same country, adds
SAME_DIVISION = 0.5
SAME_COUNTRY = 0.25


def home_place(entries: Iterable[Entry]) -> Entry | None:
    """The article's home among the resolved entries of its toponyms, given in text order."""
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    found: dict[int, Entry] = {}
    for n, entry in enumerate(entries):
        key = id(entry) if entry.geonameid is None else entry.geonameid
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, n)
        found[key] = entry
    division: dict[str, int] = {}
    country: dict[str, int] = {}
    for key, entry in found.items():
        if entry.admin1:
            division[entry.admin1] = division.get(entry.admin1, 0) + counts[key]
        if entry.country:
            country[entry.country] = country.get(entry.country, 0) + counts[key]

    def weight(key: int) -> tuple[float, int]:
        entry, own = found[key], counts[key]
        around = division.get(entry.admin1, own) - own if entry.admin1 else 0
        national = country.get(entry.country, own) - own if entry.country else 0
        return own + SAME_DIVISION * around + SAME_COUNTRY * national, -first[key]

    for level in LEVELS:
        keys = [key for key, entry in found.items() if entry.feature in level]
        if keys:
            return found[max(keys, key=weight)]
    return None
