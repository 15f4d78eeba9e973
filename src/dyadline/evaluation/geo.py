"""The ``geo`` suite: toponym spans and their coordinates, on LGL, GeoWebNews and GeoVirus.

Gold (``dev/geo/``, from Gritta et al.'s "Pragmatic Guide to Geoparsing Evaluation" release):

- ``lgl.xml`` (Local-Global Lexicon, Lieberman et al. 2010): 588 US local news articles; every
  ``<toponym>`` has ``start``/``end`` offsets into ``<text>``, the ``phrase`` and a ``gaztag``
  with the GeoNames id and coordinates (a few have none: they are not geocoded).
- ``GWN.xml`` (GeoWebNews, Gritta et al. 2019): 200 articles; each ``<toponym>`` has a
  ``type``: Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier (literal uses);
  Metonymic, Non_Literal_Modifier, Embedded_Non_Lit (a place standing for people or a
  government: "Turkey said"); Demonym, Language, Homonym, Non_Toponym; and the common-noun
  expressions Literal_Expression / Non_Lit_Expression ("the city", "residents"), with
  ``modifierType`` Noun or Adjective and, for toponyms, a GeoNames id and coordinates.
- ``GeoVirus.xml`` (Gritta et al. 2018): 229 WikiNews snippets about epidemics, with
  ``<location>`` names, offsets and coordinates.

Scoring:

- Geocoding given gold spans: for each gold toponym with coordinates, ``locate(phrase,
  countries, context=text)`` where the countries are those of the article's actor mentions (the
  coder's own analysis, never the gold); the error is the great-circle distance to the gold
  coordinates, or 20039 km (half the Earth's circumference) when nothing is found.  Metrics:
  accuracy within 161 km (100 miles), mean and median error, AUC of ln(1 + error) / ln(20039)
  over the sorted errors (0 is perfect, 1 is the worst; Gritta et al. 2018), and coverage (the
  share of names located at all).
- Span P/R/F1: the coder's ``places`` against the gold toponyms, exact span match (and
  ``overlap`` F1 where any overlap counts, each span used once).  GWN's gold for spans is its
  proper-name toponyms (literal, mixed, metonymic, modifier and embedded types) minus
  adjectives ("Turkish"): the contract's ``places`` lists toponyms, not adjectives (LGL and
  GeoVirus gold demonyms such as "Russian" are likewise left out of span scoring); demonyms,
  languages, homonyms, non-toponyms, coercions (buildings, streets: "2231 Royal") and common
  nouns are left out.  On GWN ``metonymy`` recall is the share of Metonymic gold names found
  whose role is ``actor``, ``literal_actor`` the share of literal ones (found) wrongly given it,
  and ``actor_precision`` the share of found names with role ``actor`` whose gold type is
  metonymic (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit).
- ``*_ms_per_article``: wall-clock time of the analysis (the whole coder when it runs), after
  a warm-up call that loads dictionaries and the gazetteer.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import GoldMissing, SuiteResult

SUBDIR = Path("dev") / "geo"
EARTH_HALF_KM = 20039.0
NEAR_KM = 161.0
GWN_SPAN_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Literal_Modifier",
                            "Non_Literal_Modifier", "Embedded_Literal", "Embedded_Non_Lit"})
GWN_LITERAL_TYPES = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal"})
GWN_METONYMIC_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    type: str = ""
    in_spans: bool = True  # counts for span scoring


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node: ET.Element | None, tag: str) -> float | None:
    if node is None:
        return None
    value = node.findtext(tag)
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_lgl(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GoldDoc(art.get("docid", str(len(docs))), art.findtext("text") or "")
        for top in art.iter("toponym"):
            gaz = top.find("gaztag")
            doc.toponyms.append(GoldToponym(top.findtext("phrase") or "", int(top.findtext("start")),
                                            int(top.findtext("end")), _float(gaz, "lat"),
                                            _float(gaz, "lon")))
        docs.append(doc)
    return docs


def read_gwn(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GoldDoc(art.get("file", str(len(docs))), art.findtext("text") or "")
        for top in art.iter("toponym"):
            kind = top.findtext("type") or ""
            adjective = (top.findtext("modifierType") or "") == "Adjective"
            doc.toponyms.append(GoldToponym(
                top.findtext("extractedName") or "", int(top.findtext("start")),
                int(top.findtext("end")), _float(top, "latitude"), _float(top, "longitude"), kind,
                kind in GWN_SPAN_TYPES and not adjective))
        docs.append(doc)
    return docs


def read_geovirus(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GoldDoc(str(len(docs)), art.findtext("text") or "")
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            start = _anchor(doc.text, name, int(loc.findtext("start")))
            doc.toponyms.append(GoldToponym(name, start, start + len(name), _float(loc, "lat"),
                                            _float(loc, "lon")))
        docs.append(doc)
    return docs


def _anchor(text: str, name: str, start: int) -> int:
    """GeoVirus offsets are mostly one character late: the occurrence of ``name`` nearest
    ``start``, or ``start`` itself when the name is not in the text."""
    if text[start:start + len(name)] == name:
        return start
    best, at = None, text.find(name)
    while at != -1:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(name, at + 1)
    return best if best is not None else start


CORPORA: dict[str, tuple[str, Callable[[Path], list[GoldDoc]]]] = {
    "lgl": ("lgl.xml", read_lgl),
    "gwn": ("GWN.xml", read_gwn),
    "geovirus": ("GeoVirus.xml", read_geovirus),
}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def auc(errors: list[float]) -> float:
    """Area under the sorted ln(1 + error) curve, scaled to [0, 1] (Gritta et al. 2018)."""
    if not errors:
        return 0.0
    values = sorted(math.log(1 + e) / math.log(EARTH_HALF_KM) for e in errors)
    if len(values) == 1:
        return values[0]
    area = sum((values[i] + values[i + 1]) / 2 for i in range(len(values) - 1))
    return area / (len(values) - 1)


def _adjective(name: str) -> bool:
    """A demonym or adjective ("Russian", "Palestinians"): not a place by the contract."""
    from ..geo.gazetteer import gazetteer, normalise

    gaz = gazetteer()
    key = normalise(name)
    if gaz.candidates(key):
        return False
    return key in gaz.demonyms or (key.endswith("s") and key[:-1] in gaz.demonyms)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


class _Analyser:
    """The coder's places and actor mentions for a text: through ``Coder`` when it works, else
    (for an article the coder fails on, or when there is no coder yet) through ``find_places``
    with the actors stage's mentions when that exists.  ``failures`` counts the fallbacks."""

    def __init__(self) -> None:
        self.modes: dict[str, int] = {}
        self.failures = 0
        self.first_error = ""
        self._coder = None
        self._coder_ok = True

    @property
    def mode(self) -> str:
        return ", ".join(f"{k} ({v})" for k, v in self.modes.items())

    def __call__(self, text: str):
        if self._coder_ok:
            try:
                if self._coder is None:
                    from ..coder import Coder

                    self._coder = Coder()
                article = self._coder.analyse(text)
                self.modes["coder"] = self.modes.get("coder", 0) + 1
                return list(article.places), list(article.mentions)
            except ImportError:
                self._coder_ok = False
            except Exception as error:  # a bug elsewhere must not hide the places
                self.failures += 1
                self.first_error = self.first_error or f"{type(error).__name__}: {error}"
        from ..geo import find_places
        from ..text import segment

        doc = segment(text)
        mentions = []
        mode = "find_places"
        try:
            from ..actors import find_mentions

            mentions = list(find_mentions(doc, None))
            mode = "find_places+actors"
        except Exception:
            pass
        self.modes[mode] = self.modes.get(mode, 0) + 1
        return find_places(doc, mentions), mentions


def _score_corpus(name: str, docs: list[GoldDoc], analyse: _Analyser, metrics: dict[str, float],
                  counts: dict[str, int], details: list[str]) -> None:
    from ..geo import locate

    errors: list[float] = []
    located = 0
    tp = overlap_tp = n_gold = n_system = 0
    metonymic = metonymic_actor = literal = literal_actor = actors = actors_right = 0
    seconds = 0.0
    for doc in docs:
        started = time.perf_counter()
        places, mentions = analyse(doc.text)
        seconds += time.perf_counter() - started
        # the article's countries, from actor mentions that are not themselves place names
        # found by the coder ("Dublin" read as Ireland's capital says nothing about "Dublin")
        spans = [(p.start, p.end) for p in places]
        countries = sorted({m.actor.code for m in mentions
                            if m.actor is not None and m.actor.code and len(m.actor.code) == 3
                            and not any(s < m.end and m.start < e for s, e in spans)})
        for g in doc.toponyms:
            if g.lat is None or g.lon is None or not g.in_spans and name == "gwn":
                continue
            found = locate(g.text, countries, context=doc.text)
            if found is None or found.lat is None:
                errors.append(EARTH_HALF_KM)
                details.append(f"{name} {doc.id} unlocated: {g.text!r}")
                continue
            located += 1
            error = haversine(g.lat, g.lon, found.lat, found.lon)
            errors.append(error)
            if error > NEAR_KM:
                details.append(f"{name} {doc.id} far: {g.text!r} -> {found.name}, {found.country} "
                               f"({error:.0f} km)")
        gold = {(g.start, g.end): g for g in doc.toponyms if g.in_spans and not _adjective(g.text)}
        system = {(p.start, p.end): p for p in places}
        n_gold += len(gold)
        n_system += len(system)
        tp += len(gold.keys() & system.keys())
        used: set[tuple[int, int]] = set()
        for gs, ge in sorted(gold):
            for span in system:
                if span not in used and span[0] < ge and gs < span[1]:
                    used.add(span)
                    overlap_tp += 1
                    break
        for span, g in gold.items():
            place = system.get(span)
            if place is not None and place.role == "actor" and g.type:
                actors += 1
                actors_right += g.type in GWN_METONYMIC_TYPES
            if g.type == "Metonymic":
                metonymic += 1
                metonymic_actor += bool(place and place.role == "actor")
            elif g.type in GWN_LITERAL_TYPES and place is not None:
                literal += 1
                literal_actor += place.role == "actor"
        for span in system.keys() - gold.keys():
            details.append(f"{name} {doc.id} spurious place: {system[span].text!r}")
        for span in gold.keys() - system.keys():
            details.append(f"{name} {doc.id} missed place: {gold[span].text!r}")
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    op = overlap_tp / n_system if n_system else 0.0
    orr = overlap_tp / n_gold if n_gold else 0.0
    metrics.update({
        f"{name}_acc161": sum(e <= NEAR_KM for e in errors) / len(errors) if errors else 0.0,
        f"{name}_mean_km": statistics.fmean(errors) if errors else 0.0,
        f"{name}_median_km": statistics.median(errors) if errors else 0.0,
        f"{name}_auc": auc(errors),
        f"{name}_coverage": located / len(errors) if errors else 0.0,
        f"{name}_span_p": p, f"{name}_span_r": r, f"{name}_span_f1": _f1(p, r),
        f"{name}_overlap_f1": _f1(op, orr),
        f"{name}_ms_per_article": 1000 * seconds / len(docs) if docs else 0.0,
    })
    if metonymic:
        metrics[f"{name}_metonymy_recall"] = metonymic_actor / metonymic
    if literal:
        metrics[f"{name}_literal_actor"] = literal_actor / literal
    if actors:
        metrics[f"{name}_actor_precision"] = actors_right / actors
    counts.update({f"{name}_docs": len(docs), f"{name}_geocoded": len(errors),
                   f"{name}_gold_spans": n_gold, f"{name}_system_spans": n_system})


def run(data_dir: Path, sample: int | None = None) -> SuiteResult:
    """Score geocoding and toponym spans on LGL, GWN and GeoVirus (first ``sample`` articles
    of each when given)."""
    folder = Path(data_dir) / SUBDIR
    present = {name: folder / file for name, (file, _) in CORPORA.items() if (folder / file).exists()}
    if not present:
        raise GoldMissing(f"no geo gold in {folder} (expected {', '.join(f for f, _ in CORPORA.values())})")
    metrics: dict[str, float] = {}
    counts: dict[str, int] = {}
    details: list[str] = []
    analyse = _Analyser()
    analyse("Officials met in Paris.")  # load dictionaries and gazetteer outside the timings
    analyse.modes.clear()
    for name, path in present.items():
        docs = CORPORA[name][1](path)
        if sample:
            docs = docs[:sample]
        _score_corpus(name, docs, analyse, metrics, counts, details)
    details.insert(0, f"places from: {analyse.mode}"
                      + (f"; coder failed on {analyse.failures} articles, first: {analyse.first_error}"
                         if analyse.failures else ""))
    counts["coder_failures"] = analyse.failures
    return SuiteResult("geo", metrics, details, counts)
