"""The actor dictionary: countries, organisations, people with dates of office, agent words.

The facts live in TSV files beside this module (``data/``) so that a political scientist can read
and correct them without reading Python; this module only parses them into lookup tables, once
per process (:func:`load_dictionary` is cached).  Dates are compared as ISO strings
(``YYYY-MM-DD`` sorts like a date), which keeps loading and resolution free of datetime parsing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: sectors of PLOVER/CAMEO that an actor can carry (used to validate the data files)
SECTORS = frozenset("COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB "
                    "MED REF OPP PRE REL SOC".split())
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})


def fold(text: str) -> str:
    """'Calderón' -> 'Calderon', 'Erdoğan' -> 'Erdogan': news often drops the accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def within(start: str, end: str, date: str) -> bool:
    """``start <= date < end`` on ISO dates; an empty bound is open."""
    return (not start or start <= date) and (not end or date < end)


class DictionaryError(ValueError):
    """A data file is malformed: the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    status: str


@dataclass(frozen=True, slots=True)
class Organisation:
    """One coding of an organisation, valid between ``start`` and ``end`` (empty = open)."""

    name: str
    code: str
    sector: str
    cameo: str
    start: str = ""
    end: str = ""

    def valid_on(self, date: str) -> bool:
        return within(self.start, self.end, date)


@dataclass(frozen=True, slots=True)
class Term:
    """One office held by one person: the row of people.tsv."""

    name: str
    code: str
    sector: str
    roles: tuple[str, ...]
    start: str
    end: str
    cameo: str

    def valid_on(self, date: str) -> bool:
        return within(self.start, self.end, date)


@dataclass(frozen=True)
class Person:
    """A person and the offices they held, in the order of the table."""

    name: str
    surname: str
    alone: bool
    gender: str
    terms: tuple[Term, ...]

    def term_on(self, date: str, role: str | None = None) -> Term | None:
        """The office held on ``date`` (the one with ``role`` first, when several overlap)."""
        valid = [t for t in self.terms if (not t.start or t.start <= date) and (not t.end or date < t.end)]
        if role:
            for term in valid:
                if role in term.roles:
                    return term
        return valid[0] if valid else None

    def nearest_term(self, date: str) -> Term:
        """The last office left before ``date``, else the first one taken after it."""
        past = [t for t in self.terms if t.end and t.end <= date]
        if past:
            return max(past, key=lambda t: t.end)
        return min(self.terms, key=lambda t: t.start or "0000")


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent word or title and what it says about the actor."""

    phrase: str
    sector: str
    role: str
    title: bool
    kind: str  # "", "collective", "population", "qualifier", "nameonly"
    plural: bool
    only: frozenset[str] = frozenset()  # states where the role holds; empty = all

    def role_in(self, code: str | None) -> str:
        """The role this title names in state ``code`` ('' where it names another office)."""
        return self.role if not self.only or code is None or code in self.only else ""


@dataclass
class Dictionary:
    """Every table, with the indexes resolution needs."""

    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, tuple[Organisation, ...]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)  # lower-case form -> agent
    #: lower-case surname -> names of the people who carry it
    surnames: dict[str, list[str]] = field(default_factory=dict)
    #: (state code, role) -> [(term, person name)]: "the Russian president" on a date
    holders: dict[tuple[str, str], list[Term]] = field(default_factory=dict)
    #: the surface forms to match: (form, kind, reference)
    forms: list[tuple[str, str, str]] = field(default_factory=list)

    def organisation_on(self, name: str, date: str) -> Organisation:
        rows = self.organisations[name]
        for row in rows:
            if row.valid_on(date):
                return row
        return rows[-1]

    def holder(self, code: str, role: str, date: str) -> Term | None:
        """Who held ``role`` in state ``code`` on ``date`` (the first listed when several did)."""
        for term in self.holders.get((code, role), ()):
            if term.valid_on(date):
                return term
        return None


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """Data rows of a TSV with '#' comments and a header line, padded to ``columns`` fields."""
    rows: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        header_seen = False
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) > columns:
                raise DictionaryError(f"{path.name}:{number}: {len(fields)} fields, expected {columns}")
            rows.append((number, [f.strip() for f in fields] + [""] * (columns - len(fields))))
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _strip_article(form: str) -> str:
    """'the Pentagon' -> 'Pentagon': the article is not part of a name's span ('The Hague' stays)."""
    return form[4:] if form.startswith("the ") else form


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _load_countries(d: Dictionary, path: Path) -> None:
    for number, (code, name, status, aliases, adjectives, capitals, seats, cities) in _rows(path, 8):
        if len(code) != 3 or not code.isupper():
            raise DictionaryError(f"{path.name}:{number}: bad code {code!r}")
        d.countries[code] = Country(code, name, status)
        for form in [name, *_split(aliases)]:
            d.forms.append((_strip_article(form), "country", code))
        for form in _split(adjectives):
            d.forms.append((form, "demonym", code))
            if form.endswith(("an", "i")):
                d.forms.append((form + "s", "demonym", code))
        for form in _split(capitals):
            d.forms.append((form, "capital", code))
        for form in _split(seats):
            d.forms.append((form, "seat", code))
        for form in _split(cities):
            d.forms.append((form, "city", code))


def _load_organisations(d: Dictionary, path: Path) -> None:
    for number, (name, aliases, code, sector, cameo, start, end) in _rows(path, 7):
        if sector and sector not in SECTORS:
            raise DictionaryError(f"{path.name}:{number}: unknown sector {sector!r}")
        row = Organisation(name, code, sector, cameo or code + sector, start, end)
        known = name in d.organisations
        d.organisations[name] = d.organisations.get(name, ()) + (row,)
        if not known:
            for form in [name, *_split(aliases)]:
                d.forms.append((_strip_article(form), "organisation", name))


def _load_people(d: Dictionary, path: Path) -> None:
    firsts: dict[str, list[str]] = {}
    terms: dict[str, list[Term]] = {}
    for number, (name, aliases, surname, alone, gender, code, sector, roles, start, end,
                 cameo) in _rows(path, 11):
        if sector and sector not in SECTORS:
            raise DictionaryError(f"{path.name}:{number}: unknown sector {sector!r}")
        if start and end and end < start:
            raise DictionaryError(f"{path.name}:{number}: office ends before it starts")
        if name not in firsts:
            firsts[name] = [aliases, surname, alone, gender]
            terms[name] = []
        else:  # the descriptive columns may be given on any one row of the person
            given = firsts[name]
            for index, value in enumerate((aliases, surname, alone, gender)):
                given[index] = given[index] or value
        term = Term(name, code, sector, tuple(_split(roles)), start, end, cameo or code + sector)
        terms[name].append(term)
        if code not in INTERNATIONAL:
            for role in term.roles:
                d.holders.setdefault((code, role), []).append(term)
    for name, (aliases, surname, alone, gender) in firsts.items():
        surname = surname or name.split()[-1]
        person = Person(name, surname, alone == "yes", gender, tuple(terms[name]))
        d.people[name] = person
        d.surnames.setdefault(fold(surname).lower(), []).append(name)
        for form in [name, *_split(aliases)]:
            d.forms.append((form, "person", name))
        if person.alone and surname != name:
            d.forms.append((surname, "surname", name))


def _load_agents(d: Dictionary, path: Path) -> None:
    for number, (phrases, sector, role, plural, title, kind, only) in _rows(path, 7):
        if sector not in SECTORS:
            raise DictionaryError(f"{path.name}:{number}: unknown sector {sector!r}")
        forms = _split(phrases)
        for form in forms:
            entries = [(form, False)]
            if plural != "-" and kind != "qualifier":
                extra = _split(plural) or [" ".join(form.split()[:-1] + [_plural(form.split()[-1])])]
                entries += [(p, True) for p in extra]
            for surface, is_plural in entries:
                agent = Agent(forms[0], sector, role.strip(), title == "yes" and not is_plural,
                              kind, is_plural or plural == "-" and form.endswith("s"),
                              frozenset(_split(only)))
                d.agents.setdefault(surface.lower(), agent)
                d.forms.append((surface, "qualifier" if kind == "qualifier" else "agent", surface.lower()))


def _load_blocks(d: Dictionary, path: Path) -> None:
    for _, (phrase, _note) in _rows(path, 2):
        d.forms.append((phrase, "block", phrase))


@lru_cache(maxsize=4)
def load_dictionary(directory: str | None = None) -> Dictionary:
    """Read the dictionary from ``directory`` (default: the package's ``data/``), once per process."""
    base = Path(directory) if directory else DATA_DIR
    d = Dictionary()
    _load_countries(d, base / "countries.tsv")
    _load_organisations(d, base / "organisations.tsv")
    _load_people(d, base / "people.tsv")
    _load_agents(d, base / "agents.tsv")
    if (base / "blocks.tsv").exists():
        _load_blocks(d, base / "blocks.tsv")
    return d
