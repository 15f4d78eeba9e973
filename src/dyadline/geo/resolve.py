"""Choosing which place a name denotes: population, kind of place, and the article's focus.

A name like "Paris" or "Alexandria" denotes many places.  News readers resolve it from what
else the article is about.  The order of the evidence (docs/coder.md, "Places"):

1. a container given with the name ("Springfield, Illinois") restricts the readings to it;
2. the size and kind of each reading: log10 of its population, bonuses for a country or a large
   area (a country name beats a village of the same name) and for a national capital, a penalty
   for a reading found only among GeoNames' alternative names;
3. the article's context, capped at :data:`MAX_CONTEXT_BONUS`: lying in a country the article is
   about (its actors' countries and the countries of the places it names without ambiguity), in a
   first-level division it names (weighted: the division named most earns the whole bonus, one
   named in passing a share of it, so "Mansfield" in an article about Louisiana is Mansfield,
   Louisiana, though Mansfield, Texas is larger and a Texas town is named once), near a town it
   names unambiguously (local news: "Paris" in an article that also names Sulphur Springs is
   Paris, Texas), and in a division where the article's other ambiguous names also have readings.

A name is never its own evidence, nor is a longer name that contains it: "North Richmond" and
"Dublin City" are read through the same ambiguity as "Richmond" and "Dublin".
"""

from __future__ import annotations

import math

from .gazetteer import ADMIN1, AREA_FEATURES, COUNTRY, Entry, Gazetteer

COUNTRY_BONUS = 3.0
AREA_BONUS = 1.5
CAPITAL_BONUS = 3.0
ALTERNATE_PENALTY = 4.0
FOCUS_COUNTRY_BONUS = 3.0
FOCUS_ADMIN1_BONUS = 3.0
PROXIMITY_BONUS = 2.0
PROXIMITY_KM = 200.0
POINT_FEATURES = frozenset({"city", "admin2"})
SUPPORT_BONUS = 2.0
#: a division named outright ("Louisiana") is worth this many towns in it as evidence
NAMED_DIVISION_WEIGHT = 2.0
#: the least share of :data:`FOCUS_ADMIN1_BONUS` a division the article names earns
MIN_DIVISION_SHARE = 0.25
#: the article's evidence for a reading, all together, is worth at most this much: a town near
#: the article's other towns must not outweigh a province or country of the same name
MAX_CONTEXT_BONUS = 7.0
UNPEOPLED = frozenset({"sea", "canal", "island", "mountains", "continent", "region"})
UNPEOPLED_SALIENCE = 6.5


class Focus:
    """What the article is about, geographically: countries (ISO3), admin1 keys and points.

    Each clue remembers the name that gave it, so that a name is never its own evidence
    ("Paris" read as Paris, France must not make the article about France when choosing
    between Paris, France and Paris, Texas): :meth:`sets` leaves out the clues of one name.
    Clues given without a name (the actors' countries) always count.
    """

    def __init__(self, countries: set[str] | frozenset[str] = frozenset(),
                 admin1: set[str] | frozenset[str] = frozenset()) -> None:
        #: (name, country, admin1, lat, lon, weight of the admin1 clue)
        self._clues: list[tuple[str, str | None, str, float | None, float | None, float]] = []
        for code in countries:
            self._clues.append(("", code, "", None, None, 0.0))
        for key in admin1:
            self._clues.append(("", None, key, None, None, NAMED_DIVISION_WEIGHT))
        self._cache: dict[str, tuple[frozenset[str], frozenset[str], list[tuple[float, float]]]] = {}
        self._support: dict[str, frozenset[str]] = {}  # name -> divisions of its readings
        self._support_cache: dict[str, dict[str, list[float]]] = {}
        self._sums_cache: dict[str, dict[str, float]] = {}
        #: division -> (name, weight) of each name with a reading there, and their sums
        self._division_terms: dict[str, list[tuple[str, float]]] = {}
        self._every_sum: dict[str, float] | None = None
        self._totals_cache: tuple | None = None

    def add_support(self, key: str, admin1: frozenset[str]) -> None:
        """The divisions an ambiguous name may lie in: a reading of another name in one of
        them is supported ("Paris" and "Lamar County" both have a reading in Texas)."""
        if admin1:
            self._support[key] = admin1
            self._support_cache.clear()
            self._sums_cache.clear()
            self._every_sum = None

    def support(self, entry: Entry, key: str) -> float:
        """Names other than ``key`` with a reading in the entry's division, each weighted by
        one over the number of divisions it may lie in."""
        if not entry.admin1:
            return 0.0
        terms = self.support_terms(key).get(entry.admin1)
        return sum(terms) if terms is not None else 0

    def support_terms(self, key: str) -> dict[str, list[float]]:
        """Division -> the weights :meth:`support` adds up for it (names other than ``key``, in
        the order they were given, so that the sum is the same to the last bit); cached, since
        every reading of a name asks for it."""
        found = self._support_cache.get(key)
        if found is None:
            found = {}
            for other, divisions in self._support.items():
                if other != key:
                    weight = 1.0 / len(divisions)
                    for division in divisions:
                        found.setdefault(division, []).append(weight)
            self._support_cache[key] = found
        return found

    def support_sums(self, key: str) -> dict[str, float]:
        """Division -> the sum of :meth:`support_terms` (the same terms added in the same
        order, so the same to the last bit), without building the terms per name: the sums of
        all names are worked out once, and only the divisions of ``key`` itself are summed
        again without it; cached."""
        found = self._sums_cache.get(key)
        if found is None:
            every = self._every_sum
            if every is None:
                terms: dict[str, list[tuple[str, float]]] = {}
                for other, divisions in self._support.items():
                    weight = 1.0 / len(divisions)
                    for division in divisions:
                        terms.setdefault(division, []).append((other, weight))
                self._division_terms = terms
                every = {d: sum([w for _, w in ws]) for d, ws in terms.items()}
                self._every_sum = every
            own = self._support.get(key)
            if not own:
                found = every
            else:
                found = dict(every)
                for division in own:
                    weights = [w for other, w in self._division_terms[division] if other != key]
                    if weights:
                        found[division] = sum(weights)
                    else:
                        del found[division]
            self._sums_cache[key] = found
        return found

    def add(self, entry: Entry, key: str = "", point: bool = True) -> None:
        """The entry's country and division, and its position if it is a town (and ``point``)."""
        point = point and entry.feature in POINT_FEATURES
        weight = NAMED_DIVISION_WEIGHT if entry.feature == ADMIN1 else 1.0
        self._clues.append((key, entry.country, entry.admin1,
                            entry.lat if point else None, entry.lon if point else None, weight))
        self._cache.clear()
        self._totals_cache = None

    def add_country(self, country: str, key: str = "") -> None:
        self._clues.append((key, country, "", None, None, 0.0))
        self._cache.clear()
        self._totals_cache = None

    def copy(self) -> "Focus":
        other = Focus()
        other._clues = list(self._clues)
        other._support = dict(self._support)
        other._support_cache = dict(self._support_cache)  # same names, same weights
        other._sums_cache = dict(self._sums_cache)
        other._division_terms, other._every_sum = self._division_terms, self._every_sum
        return other

    def sets(self, key: str = "") -> tuple[frozenset[str], dict[str, float], list[tuple[float, float]]]:
        """Countries, admin1 keys (each with its weight, see :func:`_weights`) and points of
        every clue not given by ``key`` nor by a longer name containing it ("North Richmond"
        and "Dublin City" are read through the same ambiguity as "Richmond" and "Dublin", so
        they are no evidence for it)."""
        found = self._cache.get(key)
        if found is None:
            countries, counts, points, by_name = self._totals()
            excluded = []
            if key:
                padded = f" {key} "
                excluded = [n for n in by_name if n and (n == key or padded in f" {n} ")]
            if excluded:
                # the excluded names' clues taken back out; the weights are small whole numbers
                # (halves at most), so the sums are exact whatever the order
                countries, counts = dict(countries), dict(counts)
                for name in excluded:
                    names, divisions, _ = by_name[name]
                    for code in names:
                        left = countries[code] - 1
                        if left:
                            countries[code] = left
                        else:
                            del countries[code]
                    for division, weight in divisions:
                        total, number = counts[division]
                        if number > 1:
                            counts[division] = (total - weight, number - 1)
                        else:
                            del counts[division]
                points = [p for name, group in by_name.items() if name not in excluded
                          for p in group[2]]
            found = (frozenset(countries), _weights({k: v[0] for k, v in counts.items()}), points)
            self._cache[key] = found
        return found

    def _totals(self) -> tuple[dict[str, int], dict[str, tuple[float, int]],
                               list[tuple[float, float]], dict[str, tuple[list, list, list]]]:
        """Every clue's countries (with their number of clues), divisions (summed weight,
        number of clues) and points, and each name's own: built once per set of clues, so that
        :meth:`sets` leaves a name out by taking its few clues back rather than passing over
        all of them again for every name."""
        found = self._totals_cache
        if found is None:
            countries: dict[str, int] = {}
            counts: dict[str, tuple[float, int]] = {}
            points: list[tuple[float, float]] = []
            by_name: dict[str, tuple[list, list, list]] = {}
            for c in self._clues:
                group = by_name.get(c[0])
                if group is None:
                    group = by_name[c[0]] = ([], [], [])
                if c[1]:
                    countries[c[1]] = countries.get(c[1], 0) + 1
                    group[0].append(c[1])
                if c[2]:
                    total, number = counts.get(c[2], (0.0, 0))
                    counts[c[2]] = (total + c[5], number + 1)
                    group[1].append((c[2], c[5]))
                if c[3] is not None:
                    points.append((c[3], c[4]))
                    group[2].append((c[3], c[4]))
            found = self._totals_cache = (countries, counts, points, by_name)
        return found

    @property
    def countries(self) -> frozenset[str]:
        return self.sets()[0]

    @property
    def admin1(self) -> frozenset[str]:
        return frozenset(self.sets()[1])


def _weights(counts: dict[str, float]) -> dict[str, float]:
    """Each division's share of the article's evidence, relative to the best-attested one: the
    division named most (a division named outright counts :data:`NAMED_DIVISION_WEIGHT` times
    a town in it) earns the whole :data:`FOCUS_ADMIN1_BONUS`, another one a part of it no
    smaller than :data:`MIN_DIVISION_SHARE`, so that a town of the state an article is about
    beats a larger namesake in a state it names once in passing."""
    if not counts:
        return {}
    top = max(counts.values())
    return {k: MIN_DIVISION_SHARE + (1.0 - MIN_DIVISION_SHARE) * v / top for k, v in counts.items()}


def _near(entry: Entry, points: list[tuple[float, float]]) -> bool:
    """Whether the entry lies within :data:`PROXIMITY_KM` of a point (equirectangular)."""
    limit = (PROXIMITY_KM / 111.2) ** 2
    coslat = math.cos(math.radians(entry.lat))
    elat, elon = entry.lat, entry.lon
    for lat, lon in points:
        dlat = (elat - lat) ** 2
        if dlat > limit:  # too far north or south whatever the longitude
            continue
        dlon = (elon - lon + 180.0) % 360.0 - 180.0
        if dlat + (dlon * coslat) ** 2 <= limit:
            return True
    return False


def _base(entry: Entry, alternate: bool) -> float:
    """The part of :func:`score` that does not depend on the article: size, kind, capital."""
    value = math.log10(entry.population + 1)
    if entry.population == 0 and entry.feature in UNPEOPLED:
        value = UNPEOPLED_SALIENCE  # oceans and straits are more famous than their population
    if entry.feature == COUNTRY:
        value += COUNTRY_BONUS
    elif entry.feature in AREA_FEATURES:
        value += AREA_BONUS
    if entry.capital:
        value += CAPITAL_BONUS
    if alternate:
        value -= ALTERNATE_PENALTY
    return value


def _context(entry: Entry, focus: Focus, countries: frozenset[str], admin1: dict[str, float],
             points: list[tuple[float, float]], key: str) -> float:
    """The article's evidence for ``entry`` (capped), given the focus sets without ``key``'s."""
    context = 0.0
    if entry.country and entry.country in countries:
        context += FOCUS_COUNTRY_BONUS
    if entry.admin1 and entry.admin1 in admin1:
        context += FOCUS_ADMIN1_BONUS * admin1[entry.admin1]
    if points and entry.feature in POINT_FEATURES and _near(entry, points):
        context += PROXIMITY_BONUS
    if focus._support and entry.feature in POINT_FEATURES:
        context += SUPPORT_BONUS * min(1.0, focus.support(entry, key))
    return min(context, MAX_CONTEXT_BONUS)


def score(entry: Entry, alternate: bool, focus: Focus | None, key: str = "") -> float:
    """How likely the name denotes ``entry`` (higher is likelier); see the module docstring."""
    value = _base(entry, alternate)
    if focus is not None:
        countries, admin1, points = focus.sets(key)
        value += _context(entry, focus, countries, admin1, points, key)
    return value


def _base_score(gaz: Gazetteer, code: int, entry: Entry, alternate: bool) -> float:
    """:func:`_base` of a candidate (``code`` = 2 * index + alternate), memoised on the
    gazetteer: it depends on the place alone, and the same places recur in every article."""
    memo = gaz.base_scores
    value = memo.get(code)
    if value is None:
        value = memo[code] = _base(entry, alternate)
    return value


def within(entry: Entry, container: Entry) -> bool:
    """Whether ``entry`` lies in ``container`` (a country or a division with an admin1 key)."""
    if container.feature == COUNTRY:
        return entry.country == container.country and entry is not container
    if container.admin1:
        return entry.admin1 == container.admin1 and entry is not container
    return False


def _entries(gaz: Gazetteer, candidates: list[tuple[int, bool]]) -> list[tuple[Entry, bool, int]]:
    """(entry, alternate, index) of each reading, without alternative names when a reading
    by the name itself is not a town ("Mexico" is the country: another place's alternative
    name does not compete with it)."""
    entry = gaz.entry
    entries = [(entry(i), alt, i) for i, alt in candidates]
    if any(not alt and e.feature != "city" for e, alt, _ in entries):
        entries = [c for c in entries if not c[1]]
    return entries


def _order(gaz: Gazetteer, entries: list[tuple[Entry, bool, int]]) -> tuple[list[float], list[int]]:
    """The readings' sizes alone, and their positions strongest first: once a reading's size
    plus the most context can give falls short of the best score so far, no later reading can
    win (nor tie)."""
    bases = [_base_score(gaz, 2 * i + alt, e, alt) for e, alt, i in entries]
    return bases, sorted(range(len(entries)), key=bases.__getitem__, reverse=True)


def _prepared(gaz: Gazetteer, candidates: list[tuple[int, bool]]) -> tuple:
    """:func:`_entries` and :func:`_order` of a set of readings, memoised on the gazetteer:
    they depend on the readings alone, and the same names recur in every article."""
    memo = gaz.prepared
    token = tuple(candidates)
    found = memo.get(token)
    if found is None:
        entries = _entries(gaz, candidates)
        if len(memo) >= 200000:
            memo.clear()
        found = memo[token] = (entries, *_order(gaz, entries))
    return found


def best(gaz: Gazetteer, candidates: list[tuple[int, bool]], focus: Focus | None = None,
         container: Entry | None = None, key: str = "") -> tuple[Entry, float] | None:
    """The best-scoring candidate, restricted to ``container`` when one of them lies in it."""
    if not candidates:
        return None
    if container is None and focus is not None:
        entries, bases, order = _prepared(gaz, candidates)
    else:
        entries = _entries(gaz, candidates)
        if container is not None:
            inside = [c for c in entries if within(c[0], container)]
            if inside:
                entries = inside
        bases = order = None
    scored = []
    if focus is None:
        for n, (e, alt, i) in enumerate(entries):
            scored.append((_base_score(gaz, 2 * i + alt, e, alt), -(e.geonameid or 0), n))
    else:
        # :func:`_context` inlined, with what depends on the name alone worked out once
        countries, admin1, points = focus.sets(key)
        sums = focus.support_sums(key) if focus._support else None
        if bases is None:
            bases, order = _order(gaz, entries)
        top = None
        for n in order:
            value = bases[n]
            if top is not None and value + MAX_CONTEXT_BONUS < top:
                break
            e = entries[n][0]
            context = 0.0
            if e.country and e.country in countries:
                context += FOCUS_COUNTRY_BONUS
            share = admin1.get(e.admin1) if e.admin1 else None
            if share is not None:
                context += FOCUS_ADMIN1_BONUS * share
            if e.feature in POINT_FEATURES:
                if points and _near(e, points):
                    context += PROXIMITY_BONUS
                if sums is not None:
                    total = sums.get(e.admin1) if e.admin1 else None
                    context += SUPPORT_BONUS * min(1.0, total if total is not None else 0)
            value += min(context, MAX_CONTEXT_BONUS)
            scored.append((value, -(e.geonameid or 0), n))
            if top is None or value > top:
                top = value
    value, _, n = max(scored)
    return entries[n][0], value


def margin(gaz: Gazetteer, candidates: list[tuple[int, bool]]) -> float:
    """How far the best candidate leads the second without any focus (a large lead: unambiguous)."""
    if len(candidates) == 1:
        return 99.0
    scores = sorted((_base_score(gaz, 2 * i + alt, gaz.entry(i), alt) for i, alt in candidates),
                    reverse=True)
    return scores[0] - scores[1]
