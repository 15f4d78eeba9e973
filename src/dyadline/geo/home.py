"""The place an article is about: where a toponym the gazetteer lacks most likely lies.

Local and web news name streets, buildings, parks and villages ("Frenchmen Street", "Coffman
Park", "St Seachnall's Church") that no gazetteer of towns holds; such a name nearly always lies
in the town the article is about (the geoparsing literature's "document focus").  That town is
the one the article names most (a mention after a locative preposition or with a container
counts twice: a bare name may be a person's), counting half a mention for every other place it
names in the same division, a quarter for every other place in the same country, and two more
when it lies in a country of the article's actors: a street that shares a town's name
("Franklin Avenue" three times) or a surname ("Adrian") must not outweigh the city whose state
and neighbours the article names around it.  The first named breaks a tie (a dateline or a
headline comes first).  An article naming no town is about the division, then the country, it names most.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Entry

#: the levels a home may be, finest first: a town locates a street best
LEVELS = ((CITY,), (ADMIN2, ADMIN1, "territory", "island"), (COUNTRY,))
#: what a mention of another place in the same division, or the same country, adds
SAME_DIVISION = 0.5
SAME_COUNTRY = 0.25
#: a mention after a locative preposition or with a container ("in Derry", "Paris, Tenn.") is
#: surely a place: it counts this many times; a bare name may be a person's ("Adrian said")
CUED = 2.0
#: what lying in a country of the article's actors adds
ACTOR_COUNTRY = 2.0




def home_place(toponyms: Iterable[tuple[Entry, bool]], countries: Sequence[str] = ()) -> Entry | None:
    """The article's home among its toponyms, given in text order as (resolved entry, whether a
    cue supports the mention), and ``countries`` (ISO3) those of its actors."""
    counts: dict[int, float] = {}
    first: dict[int, int] = {}
    found: dict[int, Entry] = {}
    for n, (entry, cued) in enumerate(toponyms):
        key = id(entry) if entry.geonameid is None else entry.geonameid
        counts[key] = counts.get(key, 0) + (CUED if cued else 1.0)
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
        return (own + SAME_DIVISION * around + SAME_COUNTRY * national
                + (ACTOR_COUNTRY if entry.country in countries else 0.0)), -first[key]

    for level in LEVELS:
        keys = [key for key, entry in found.items() if entry.feature in level]
        if keys:
            return found[max(keys, key=weight)]
    return None
