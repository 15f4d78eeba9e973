"""Loading a folder of PETRARCH/TABARI dictionaries, with a cache between runs.

A file's kind comes from its name, as PETRARCH's own files are named: ``*actor*``,
``*agent*``, ``*verb*`` or ``CAMEO*``, ``*discard*``, ``*issue*`` (any case, ``.txt``).
Other files are reported and skipped.  An optional ``dyadline.yaml`` in the folder says how
the dictionaries combine with dyadline's own (see :mod:`dyadline.compat.overlay`).

Reading the Phoenix set (60,000 actor lines, 9,000 verb lines) takes a second or two, so
what coding needs of it is cached between runs (:mod:`dyadline.compat.tables`), keyed by
:func:`cache_key`: the files' paths, sizes and modification times.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .actors import ActorEntry, AgentEntry, read_actors, read_agents
from .lists import Discard, Issue, read_discards, read_issues
from .syntax import DictionaryWarning
from .verbs import VerbDictionary, read_verbs

KINDS = ("actors", "agents", "verbs", "discards", "issues")


class DictionaryError(ValueError):
    """A dictionary folder that cannot be used at all (missing, empty, unreadable settings)."""


@dataclass
class Dictionaries:
    """Everything read from a dictionary folder, and what could not be read."""

    folder: str
    files: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    verbs: VerbDictionary = field(default_factory=VerbDictionary)
    discards: list[Discard] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    warnings: list[DictionaryWarning] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if path.suffix.lower() != ".txt":
        return None
    if "verb" in name or name.startswith("cameo"):
        return "verbs"
    for kind, key in (("agents", "agent"), ("actors", "actor"), ("discards", "discard"), ("issues", "issue")):
        if key in name:
            return kind
    return None


def dictionary_files(folder: Path) -> tuple[dict[str, list[Path]], list[Path], Path | None]:
    """(files by kind, files skipped, settings file) of a folder, in name order."""
    if folder.is_file():
        kind = kind_of(folder)
        if kind is None:
            raise DictionaryError(f"{folder}: not a dictionary file (its name should say actors, agents, "
                                  "verbs, discards or issues)")
        return {k: ([folder] if k == kind else []) for k in KINDS}, [], None
    if not folder.is_dir():
        raise DictionaryError(f"{folder}: no such dictionary folder")
    by_kind: dict[str, list[Path]] = {k: [] for k in KINDS}
    skipped: list[Path] = []
    settings = None
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if path.name in ("dyadline.yaml", "dyadline.yml"):
            settings = path
            continue
        kind = kind_of(path)
        if kind is None:
            skipped.append(path)
        else:
            by_kind[kind].append(path)
    if not any(by_kind.values()):
        raise DictionaryError(f"{folder}: no dictionary files (*actors*.txt, *agents*.txt, *verbs*.txt, "
                              "CAMEO*.txt, *discards*.txt, *issues*.txt)")
    return by_kind, skipped, settings


def read_folder(folder: Path, issues: bool = True) -> Dictionaries:
    """Read every dictionary of a folder (no cache); ``issues=False`` skips the issue files
    (the coder does not use them yet)."""
    by_kind, skipped, settings_path = dictionary_files(folder)
    result = Dictionaries(str(folder))
    warnings = result.warnings
    for path in skipped:
        warnings.append(DictionaryWarning(path.name, 0, "not recognised as a dictionary (name it *actors*, "
                                          "*agents*, *verbs*, *discards* or *issues*): skipped"))
    for path in by_kind["actors"]:
        result.actors.extend(read_actors(path, warnings))
    for path in by_kind["agents"]:
        result.agents.extend(read_agents(path, warnings))
    for path in by_kind["verbs"]:
        read_verbs(path, warnings, into=result.verbs)
    for path in by_kind["discards"]:
        result.discards.extend(read_discards(path, warnings))
    for path in by_kind["issues"] if issues else ():
        result.issues.extend(read_issues(path, warnings))
    result.files = {k: [p.name for p in v] for k, v in by_kind.items()}
    if settings_path is not None:
        result.settings = read_settings(settings_path)
    return result


def read_settings(path: Path) -> dict[str, str]:
    """``dyadline.yaml``: ``actors: overlay|replace`` and ``verbs: overlay|prefer|replace``."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise DictionaryError(f"{path}: cannot read the settings: {error}") from None
    if not isinstance(data, dict):
        raise DictionaryError(f"{path}: settings must be a mapping (actors: ..., verbs: ...)")
    settings: dict[str, str] = {}
    for key, allowed in (("actors", ("overlay", "replace")), ("verbs", ("overlay", "prefer", "replace"))):
        value = data.get(key, "overlay")
        if value not in allowed:
            raise DictionaryError(f"{path}: {key} must be one of {', '.join(allowed)}, not {value!r}")
        settings[key] = value
    unknown = set(data) - {"actors", "verbs"}
    if unknown:
        raise DictionaryError(f"{path}: unknown setting(s) {', '.join(sorted(map(str, unknown)))}")
    return settings


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadline"


def cache_key(folder: Path, version: str = "") -> str:
    """A digest of the folder's dictionary files (path, size, mtime) and a format ``version``."""
    by_kind, skipped, settings = dictionary_files(folder)
    paths = [p for files in by_kind.values() for p in files] + skipped + ([settings] if settings else [])
    digest = hashlib.sha256(f"dyadline-dictionaries-{version}".encode())
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"\0{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]
