"""What coding needs from a dictionary folder, in a compact form cached between runs.

A parsed folder (:class:`dyadline.compat.loader.Dictionaries`) keeps everything the files
say: every actor block with its file and line, the verb blocks and synsets, the issues.
Coding needs much less: phrase tables from words to actors, agents and discards, each
actor's label and dated codes, each agent's code, and the lexicon entries the verb patterns
translate to.  :class:`CodingTables` holds just that, as plain tuples, dicts and strings, so
that the cache is written with :mod:`marshal` (several times faster to read than pickled
objects) and objects are rebuilt only when needed: an actor's :class:`ActorEntry` when a
text names it, the lexicon entries when the lexicon is first asked for.

The cache lives in ``$XDG_CACHE_HOME/dyadline`` (else ``~/.cache/dyadline``).  Its name
carries a digest of the folder and a key made of the files' paths, sizes and modification
times, :data:`FORMAT_VERSION` and the Python version (marshal's format is Python's own):
changing, adding or removing a file, or upgrading, gives a new key, and the folder's older
cache files are removed when the new one is written.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from .actors import ActorEntry
from .loader import Dictionaries, cache_dir, cache_key, read_folder
from .syntax import DatedCode, DictionaryWarning

#: Bump when the tables or their compilation change: old caches are then ignored.
FORMAT_VERSION = 5


class PhraseTable:
    """Word-tuple phrases -> payload, looked up at each token (longest first)."""

    def __init__(self, phrases: dict[tuple[str, ...], int] | None = None,
                 longest: dict[str, int] | None = None) -> None:
        self.phrases: dict[tuple[str, ...], int] = phrases if phrases is not None else {}
        self.longest: dict[str, int] = longest if longest is not None else {}

    def add(self, words: tuple[str, ...], ref: int) -> None:
        if not words:
            return
        self.phrases.setdefault(words, ref)
        if len(words) > self.longest.get(words[0], 0):
            self.longest[words[0]] = len(words)

    def at(self, words: list[str], i: int) -> tuple[int, int] | None:
        """(length, ref) of the longest phrase starting at word i."""
        longest = self.longest.get(words[i])
        if longest is None:
            return None
        for n in range(min(longest, len(words) - i), 0, -1):
            ref = self.phrases.get(tuple(words[i:i + n]))
            if ref is not None:
                return n, ref
        return None


#: What :class:`Entry` derives from its fields and caches on first use, stored with the fields
#: where building the lexicon needs it for every entry: ``length``, its sort key (``needed`` is
#: only ever asked of the entries whose head a text holds, so it stays lazy).
DERIVED = ("length",)

#: An actor as stored: (label, codes as (code, start, end, after, before) tuples, file, line).
ActorRow = tuple[str, tuple[tuple[Any, ...], ...], str, int]


@dataclass
class CodingTables:
    """The compact, cacheable form of a dictionary folder: what the overlay codes with."""

    folder: str
    settings: dict[str, str] = field(default_factory=dict)
    warnings: list[DictionaryWarning] = field(default_factory=list)
    actors: PhraseTable = field(default_factory=PhraseTable)
    actor_rows: list[ActorRow] = field(default_factory=list)
    agents: PhraseTable = field(default_factory=PhraseTable)
    agent_codes: list[tuple[str, bool]] = field(default_factory=list)  # (code, prefix)
    discards: PhraseTable = field(default_factory=PhraseTable)
    story_discards: list[bool] = field(default_factory=list)
    entry_rows: list[tuple[Any, ...]] = field(default_factory=list)  # Entry fields, in order
    _actor_cache: dict[int, ActorEntry] = field(default_factory=dict, repr=False)
    _entries: list[Any] | None = field(default=None, repr=False)

    def actor(self, ref: int) -> ActorEntry:
        """The actor entry ``ref``, built the first time a text names it."""
        entry = self._actor_cache.get(ref)
        if entry is None:
            label, codes, file, line = self.actor_rows[ref]
            entry = ActorEntry((), tuple(DatedCode(*c) for c in codes), file, line, label)
            self._actor_cache[ref] = entry
        return entry

    @property
    def entries(self) -> list[Any]:
        """The lexicon entries of the verb patterns, built on first use."""
        if self._entries is None:
            from ..events.lexicon import Entry

            names = [f.name for f in fields(Entry)] + list(DERIVED)
            new = object.__new__
            built = []
            for row in self.entry_rows:
                entry = new(Entry)  # as the dataclass would, without its per-field frozen checks
                entry.__dict__.update(zip(names, row))
                built.append(entry)
            self._entries = built
        return self._entries

    # ------------------------------------------------------------------ cache form
    def dump(self) -> bytes:
        return marshal.dumps((
            self.folder, self.settings, [(w.file, w.line, w.message) for w in self.warnings],
            self.actors.phrases, self.actors.longest, self.actor_rows,
            self.agents.phrases, self.agents.longest, self.agent_codes,
            self.discards.phrases, self.discards.longest, self.story_discards,
            self.entry_rows))

    @classmethod
    def load(cls, data: bytes) -> "CodingTables":
        (folder, settings, warnings, actor_phrases, actor_longest, actor_rows, agent_phrases, agent_longest,
         agent_codes, discard_phrases, discard_longest, story, entry_rows) = marshal.loads(data)
        return cls(folder, settings, [DictionaryWarning(*w) for w in warnings],
                   PhraseTable(actor_phrases, actor_longest), actor_rows,
                   PhraseTable(agent_phrases, agent_longest), agent_codes,
                   PhraseTable(discard_phrases, discard_longest), story, entry_rows)


def build_tables(found: Dictionaries) -> CodingTables:
    """The coding tables of a parsed folder (translating its verb patterns on the way)."""
    from ..events.lexicon import Entry
    from .translate import translate

    tables = CodingTables(found.folder, dict(found.settings))
    for k, entry in enumerate(found.actors):
        for words in entry.names:
            tables.actors.add(words, k)
        tables.actor_rows.append((entry.label, tuple((c.code, c.start, c.end, c.after, c.before)
                                                     for c in entry.codes), entry.file, entry.line))
    for k, agent in enumerate(found.agents):
        for words in agent.names:
            tables.agents.add(words, k)
        tables.agent_codes.append((agent.code, agent.prefix))
    for k, discard in enumerate(found.discards):
        tables.discards.add(discard.words, k)
        tables.story_discards.append(discard.story)
    entries = translate(found.verbs, found.warnings)  # adds its own warnings: copy them after
    # the fields, then what the lexicon derives from them (kept so that it is not recomputed)
    row_of = attrgetter(*[f.name for f in fields(Entry)], *DERIVED)
    tables.entry_rows = [row_of(e) for e in entries]
    tables._entries = entries
    tables.warnings = list(found.warnings)
    return tables


def _folder_digest(folder: Path) -> str:
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]


def cache_path(folder: Path) -> Path:
    version = f"{FORMAT_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return cache_dir() / f"dictionaries-{_folder_digest(folder)}-{cache_key(folder, version)}.marshal"


def load_cached(folder: Path) -> tuple[CodingTables, bool]:
    """The coding tables of ``folder`` from the cache when it is current, else read, built and
    cached.  Returns (tables, from_cache).  A cache that cannot be read or written is ignored:
    it only saves time."""
    path = cache_path(folder)
    try:
        return CodingTables.load(path.read_bytes()), True
    except (OSError, EOFError, ValueError, TypeError):
        pass
    tables = build_tables(read_folder(folder, issues=False))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(tables.dump())
        os.replace(temporary, path)
        for old in path.parent.glob(f"dictionaries-{_folder_digest(folder)}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return tables, False
