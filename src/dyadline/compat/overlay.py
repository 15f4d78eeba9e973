"""Coding with PETRARCH dictionaries: actors, agents, verbs and discards on top of dyadline's own.

:class:`DictionaryOverlay` is what :class:`dyadline.Coder` asks for when it is given a
dictionary folder.  How the two combine (``docs/dictionaries.md``):

- actors (``actors: overlay``, the default): the folder's actors and agents are found
  first; dyadline's own mentions fill in wherever they do not overlap a resolved one.
  ``actors: replace`` uses the folder's alone.
- verbs (``verbs: overlay``, the default): dyadline's lexicon stays as it is and the
  folder's patterns add the verbs it does not know; ``verbs: prefer``: a verb the folder
  defines is defined by the folder alone and dyadline's lexicon adds the verbs the folder
  lacks; ``verbs: replace``: the folder's patterns alone.
- discards apply to every mention: a sentence holding a sentence discard phrase, or an
  article holding a story discard (``+PHRASE``), gets no actor mentions and so no events.

Actor codes are composed as PETRARCH composes them: an actor followed by agents
("Arnor security officials", "Gondor's government", "Danish Islamist media") or an agent
followed by "of/in/from" and an actor ("lawmakers in Fornost") gives the actor's code with
the agents' codes appended (``[~GOV]``) or put before it (``[NGO~]``); a 3-letter part
already in the code is not repeated.  Adjacent mentions of the same country merge
("Dagolath's Prime Minister Telemar").  An agent with no actor keeps ``code`` None and
``cameo`` ``---GOV``: it fills no role, as dyadline's own unresolved mentions do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Actor, Mention
from .loader import DictionaryError
from .syntax import date_key, text_tokens
from .tables import CodingTables, PhraseTable, load_cached

__all__ = ["DictionaryOverlay", "PhraseTable", "load_dictionaries"]

#: Words that may stand between an actor and its agent: "Dagolath's first Deputy Prime Minister".
_BETWEEN = {"'s", "’s", "first", "former", "deputy", "senior", "top", "chief", "acting", "new",
            "main", "own", "the", "vice", "interim", "outgoing", "incoming", "then"}
_LINK = {"of", "in", "from"}
#: overlay: dyadline's verbs stay, the folder adds verbs dyadline lacks; prefer: the folder's
#: verbs win, dyadline's add verbs the folder lacks; replace: the folder's alone.
VERB_MODES = ("overlay", "prefer", "replace")
_POSSESSIVE = {"'", "’"}


@dataclass(frozen=True)
class _Hit:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # "actor" or "agent"
    ref: int  # index into the actor or agent list


#: CAMEO codes of plain statements: dyadline codes no event for them (see events/data/verbs.tsv).
PLAIN_STATEMENTS = {"01", "010"}


class DictionaryOverlay:
    """The three hooks the coder calls: ``lexicon``, ``mentions``, ``resolve_actor``."""

    def __init__(self, dictionaries: CodingTables, actors: str | None = None, verbs: str | None = None,
                 from_cache: bool = False):
        self.dictionaries = dictionaries
        self.from_cache = from_cache
        self.actors_mode = actors or dictionaries.settings.get("actors", "overlay")
        self.verbs_mode = verbs or dictionaries.settings.get("verbs", "overlay")
        if self.actors_mode not in ("overlay", "replace"):
            raise DictionaryError(f"actors must be 'overlay' or 'replace', not {self.actors_mode!r}")
        if self.verbs_mode not in VERB_MODES:
            raise DictionaryError(f"verbs must be one of {', '.join(VERB_MODES)}, not {self.verbs_mode!r}")
        self._actors: PhraseTable = dictionaries.actors
        self._agents: PhraseTable = dictionaries.agents
        self._discards: PhraseTable = dictionaries.discards
        self._lexicons: dict[int, Any] = {}

    @property
    def warnings(self) -> list:
        return self.dictionaries.warnings

    @property
    def entries(self) -> list:
        """The lexicon entries of the folder's verb patterns."""
        return self.dictionaries.entries

    # ------------------------------------------------------------------ verbs
    def lexicon(self, builtin: Any) -> Any:
        """The lexicon to code with: the folder's entries, plus (``verbs: overlay``) the
        built-in entries for every head word the folder does not define."""
        from ..events.lexicon import Lexicon

        key = id(builtin)
        if key not in self._lexicons:
            entries = list(self.entries)
            if self.verbs_mode != "replace":
                # alongside dyadline's lexicon, plain statements stay uncoded as dyadline codes
                # them (CAMEO 010 has no PLOVER event); in replace mode the folder decides alone
                entries = [e for e in entries if e.cameo not in PLAIN_STATEMENTS]
            if self.verbs_mode != "replace" and builtin is not None:
                # the side that wins keeps every entry; the other adds only head words it lacks
                first, second = (entries, list(builtin.entries)) if self.verbs_mode == "prefer" else \
                    (list(builtin.entries), entries)
                probe = Lexicon(first)
                covered = set(probe.by_head)
                entries = first + [e for e in second
                                   if not any(probe.lemma(h) in covered or h in covered for h in e.pattern[0])]
            self._lexicons[key] = Lexicon(entries)
        return self._lexicons[key]

    # ------------------------------------------------------------------ actors
    def mentions(self, doc: Any, date: str | None, builtin: list[Mention]) -> list[Mention]:
        """The actor mentions to code with: the folder's first, built-in ones where they do
        not overlap a resolved one of the folder's; none in discarded sentences/stories."""
        text = doc.text
        tokens = text_tokens(text)
        words = [t[0] for t in tokens]
        discarded_sentences, story = self._discarded(doc, tokens, words)
        if story:
            return []
        found = self._find(text, tokens, words, date_key(date))
        if self.actors_mode == "overlay":
            # a built-in mention that covers a folder's one whole is the longer reading of the
            # same actor ("Iranian President Pezeshkian" over "Iranian"): it wins
            builtin_coded = [b for b in builtin if b.actor.code is not None]
            found = [m for m in found if not any(
                b.start <= m.start and m.end <= b.end and (b.end - b.start) > (m.end - m.start)
                for b in builtin_coded)]
            known = [m for m in found if m.actor.code is not None]
            for mention in builtin:
                if not any(m.start < mention.end and mention.start < m.end for m in known):
                    found.append(mention)
            found = [m for m in found if m.actor.code is not None or not any(
                o is not m and o.start < m.end and m.start < o.end for o in found)]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        result: list[Mention] = []
        reach = -1
        for mention in found:
            if mention.start < reach:
                continue
            if discarded_sentences and doc.sentence_of(mention.start) in discarded_sentences:
                continue
            result.append(mention)
            reach = mention.end
        return result

    def resolve_actor(self, text: str, date: str | None, context: str | None, builtin: Actor) -> Actor:
        """The folder's reading of an actor string where it has one, else (overlay) dyadline's."""
        tokens = text_tokens(text)
        words = [t[0] for t in tokens]
        found = [m for m in self._find(text, tokens, words, date_key(date)) if m.actor.code is not None]
        if found:
            best = max(found, key=lambda m: (m.end - m.start, len(m.actor.cameo)))
            return best.actor
        if self.actors_mode == "overlay":
            return builtin
        return Actor(None, confidence=0.0)

    def _discarded(self, doc: Any, tokens: list[tuple[str, int, int]], words: list[str]) -> tuple[set[int], bool]:
        sentences: set[int] = set()
        if not self._discards.phrases:
            return sentences, False
        story_discards = self.dictionaries.story_discards
        i = 0
        while i < len(words):
            hit = self._discards.at(words, i)
            if hit is None:
                i += 1
                continue
            length, ref = hit
            if story_discards[ref]:
                return sentences, True
            sentences.add(doc.sentence_of(tokens[i][1]))
            i += length
        return sentences, False

    def _find(self, text: str, tokens: list[tuple[str, int, int]], words: list[str], date: int | None) -> list[Mention]:
        """The folder's actor and agent phrases in a text, composed into mentions."""
        hits: list[_Hit] = []
        i = 0
        while i < len(words):
            actor = self._actors.at(words, i)
            if actor is not None and not _capitalised(text, tokens, i, actor[0]):
                actor = None
            agent = self._agents.at(words, i)
            if actor is not None and (agent is None or actor[0] >= agent[0]):
                hits.append(_Hit(i, i + actor[0], "actor", actor[1]))
                i += actor[0]
            elif agent is not None:
                hits.append(_Hit(i, i + agent[0], "agent", agent[1]))
                i += agent[0]
            else:
                i += 1
        return self._compose(text, tokens, words, hits, date)

    def _compose(self, text: str, tokens: list[tuple[str, int, int]], words: list[str], hits: list[_Hit],
                 date: int | None) -> list[Mention]:
        agents = self.dictionaries.agent_codes
        # start, end, actor, prefix agents, suffix agents (one tuple per actor the mention stands for)
        groups: list[tuple[int, int, int | None, list[int], list[tuple[int, ...]]]] = []
        used = [False] * len(hits)
        inherited: dict[int, list[tuple[int, ...]]] = {}  # actor hit -> agents shared from its list's head
        for h, hit in enumerate(hits):
            if used[h] or hit.kind != "actor":
                continue
            used[h] = True
            start, end = hit.start, hit.end
            prefixes: list[int] = []
            after: list[int] = []
            # prefix agents right before ("MSF Arnor")
            j = h - 1
            while j >= 0 and not used[j] and hits[j].kind == "agent" and hits[j].end == start \
                    and agents[hits[j].ref][1]:
                prefixes.insert(0, hits[j].ref)
                used[j] = True
                start = hits[j].start
                j -= 1
            # agents after ("Arnor security officials", "Gondor's main opposition group")
            j = h + 1
            while j < len(hits) and not used[j] and hits[j].kind == "agent" and _bridgeable(words, end, hits[j].start):
                after.append(hits[j].ref)
                used[j] = True
                end = hits[j].end
                j += 1
            # an agent before, linked by of/in/from ("lawmakers in Fornost", "government of Gondor")
            linked: list[int] = []
            j = h - 1
            while j >= 0 and not used[j] and hits[j].kind == "agent" and _linked(words, hits[j].end, start):
                linked.insert(0, hits[j].ref)
                used[j] = True
                start = hits[j].start
                j -= 1
            choices: list[tuple[int, ...]] = [tuple(linked)]
            if linked:
                # agents coordinated before the linked one hold too: "lawmakers and officials in Fornost"
                j = h - len(linked) - 1
                while j >= 0 and not used[j] and hits[j].kind == "agent" and \
                        _coordinated(words, hits[j].end, hits[j + 1].start):
                    choices.insert(0, (hits[j].ref,) + tuple(linked[1:]))
                    used[j] = True
                    start = hits[j].start
                    j -= 1
                if not after:
                    self._share_agents(words, hits, h, used, choices, inherited)
            elif h in inherited and not after and not prefixes:
                choices = inherited[h]
            groups.append((start, end, hit.ref, prefixes, [choice + tuple(after) for choice in choices]))
        for h, hit in enumerate(hits):
            if not used[h]:
                groups.append((hit.start, hit.end, None, [], [(hit.ref,)]))
        mentions: list[Mention] = []
        for start, end, actor_ref, prefixes, suffixes in sorted(groups):
            mentions.append(self._mention(text, tokens, start, end, actor_ref, prefixes, suffixes, date))
        return _merge_same_country(mentions, text)

    @staticmethod
    def _share_agents(words: list[str], hits: list[_Hit], h: int, used: list[bool],
                      choices: list[tuple[int, ...]], inherited: dict[int, list[tuple[int, ...]]]) -> None:
        """"the ambassadors of Arnor, Osgiliath and Gondor": the agents linked to the first actor
        of a list closed by "and" hold for every actor of it (one that has its own agent after it,
        "... and Gondor's police", keeps its own and ends the list)."""
        members: list[int] = []
        reach = hits[h].end
        closed = False
        k = h + 1
        while k < len(hits) and hits[k].kind == "actor" and not used[k] and not closed:
            gap = [w for w in words[reach:hits[k].start] if w != "the"]
            if gap not in ([","], ["and"], [",", "and"]):
                break
            if k + 1 < len(hits) and hits[k + 1].kind == "agent" and _bridgeable(words, hits[k].end, hits[k + 1].start):
                break
            members.append(k)
            closed = "and" in gap
            reach = hits[k].end
            k += 1
        if closed:
            for k in members:
                inherited[k] = choices

    def _mention(self, text: str, tokens: list[tuple[str, int, int]], start: int, end: int,
                 actor_ref: int | None, prefixes: list[int], suffixes: list[tuple[int, ...]],
                 date: int | None) -> Mention:
        """One mention; ``suffixes`` holds one tuple of agents per actor the mention stands for
        ("lawmakers and officials in Fornost": FORLEG and FORGOV), joined as ``FORLEG/FORGOV``."""
        agents = self.dictionaries.agent_codes
        first, last = tokens[start][1], tokens[end - 1][2]
        base = ""
        name = ""
        kind = "agent"
        if actor_ref is not None:
            entry = self.dictionaries.actor(actor_ref)
            base = entry.code_on(date) or ""
            if base == "---":
                base = ""
            name = _label(entry.label)
            if not prefixes and not any(suffixes):
                kind = "country" if all(len(part) == 3 for part in base.split("/")) else (
                    "person" if any(c.dated for c in entry.codes) else "organisation")
        codes: list[str] = []
        for choice in suffixes:
            code = base
            for ref in choice:
                code = _each_part(code, agents[ref][0], _append)
            for ref in reversed(prefixes):
                code = _each_part(code, agents[ref][0], _prepend)
            codes.append(code)
        code = "/".join(dict.fromkeys(codes))
        if not base:
            actor = Actor(None, code[:3], "---" + code, name, 0.0)
        else:
            first_code = code.split("/", 1)[0]  # "FRO/BIL/SAM": several actors, the events split them
            actor = Actor(first_code[:3], first_code[3:6], code, name, 0.9)
        return Mention(text[first:last], first, last, actor, kind)


def _capitalised(text: str, tokens: list[tuple[str, int, int]], i: int, length: int) -> bool:
    """A dictionary name is read as a name only where the text writes it as one (a capital in
    it): "us" is not the United States, "chad" not Chad."""
    for k in range(i, i + length):
        surface = text[tokens[k][1]:tokens[k][2]]
        if surface[:1].isupper() or surface[:1].isdigit():
            return True
    return False


def _bridgeable(words: list[str], end: int, start: int) -> bool:
    """Whether only possessives and title words stand between token ``end`` and ``start``."""
    gap = words[end:start]
    if len(gap) > 5:
        return False
    k = count = 0
    while k < len(gap):
        count += 1  # the possessive counts as one word: "Dagolath's first Deputy Prime Minister"
        if gap[k] in _POSSESSIVE and k + 1 < len(gap) and gap[k + 1] == "s":
            k += 2
            continue
        if gap[k] not in _BETWEEN:
            return False
        k += 1
    return count <= 3


def _coordinated(words: list[str], end: int, start: int) -> bool:
    """Whether two agents are joined by "and" ("lawmakers and officials")."""
    return words[end:start] in (["and"], [",", "and"])


def _linked(words: list[str], end: int, start: int) -> bool:
    gap = words[end:start]
    return 1 <= len(gap) <= 2 and gap[0] in _LINK and all(w == "the" for w in gap[1:])


def _each_part(code: str, agent: str, join: Any) -> str:
    """Compose an agent with each actor of a code that names several (``FRO/BIL/SAM``)."""
    if "/" not in code:
        return join(code, agent)
    return "/".join(join(part, agent) for part in code.split("/"))


def _append(code: str, agent: str) -> str:
    parts = {code[i:i + 3] for i in range(0, len(code), 3)}
    for i in range(0, len(agent), 3):
        piece = agent[i:i + 3]
        if piece not in parts or not code:
            code += piece
            parts.add(piece)
    return code


def _prepend(code: str, agent: str) -> str:
    return agent + code if not code.startswith(agent) else code


def _label(raw: str) -> str:
    words = raw.replace("_", " ").split()
    return " ".join(w if any(c.islower() for c in w) or "." in w else w.capitalize() for w in words)


def _merge_same_country(mentions: list[Mention], text: str) -> list[Mention]:
    """Join adjacent resolved mentions of one country ("Dagolath's Prime Minister" + "Telemar")."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged:
            previous = merged[-1]
            between = text[previous.end:mention.start]
            if previous.actor.code and previous.actor.code == mention.actor.code and \
                    between.strip() in ("", "'s", "’s"):
                actor = max((previous.actor, mention.actor), key=lambda a: len(a.cameo))
                merged[-1] = Mention(text[previous.start:mention.end], previous.start, mention.end, actor,
                                     "person" if "person" in (previous.kind, mention.kind) else previous.kind)
                continue
        merged.append(mention)
    return merged


@lru_cache(maxsize=8)
def _load(folder: str, key: tuple[str | None, str | None]) -> DictionaryOverlay:
    import logging

    found, cached = load_cached(Path(folder))
    # one line per malformed entry, "file:line: reason"; with no logging set up (the CLI)
    # Python's last-resort handler writes them to standard error
    log = logging.getLogger("dyadline.compat")
    for warning in found.warnings:
        log.warning("%s", warning)
    return DictionaryOverlay(found, actors=key[0], verbs=key[1], from_cache=cached)


def load_dictionaries(folder: str | Path, actors: str | None = None, verbs: str | None = None) -> DictionaryOverlay:
    """The overlay for a dictionary folder (read once per process, cached between runs).

    ``actors``/``verbs``: ``"overlay"`` (default, or the folder's ``dyadline.yaml``) or
    ``"replace"``.  Raises :class:`DictionaryError` for a folder that cannot be used.
    """
    path = Path(folder).expanduser().resolve()
    return _load(str(path), (actors, verbs))
