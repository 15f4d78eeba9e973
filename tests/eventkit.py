"""Test helpers for the event stage: mentions built by hand, so event rules are tested alone."""

from __future__ import annotations

import re

from dyadline.events import code_events, load_lexicon
from dyadline.model import Actor, Event, Mention
from dyadline.text import segment

ACTORS = {
    "Russian President Vladimir Putin": ("RUS", "GOV", "person"),
    "Iranian President Pezeshkian": ("IRN", "GOV", "person"),
    "President Pezeshkian": ("IRN", "GOV", "person"),
    "Kremlin spokesperson Dmitry Peskov": ("RUS", "GOV", "person"),
    "North Korean leader Kim Jong Un": ("PRK", "GOV", "person"),
    "US Secretary of State Antony Blinken": ("USA", "GOV", "person"),
    "Russian Foreign Minister Sergei Lavrov": ("RUS", "GOV", "person"),
    "National Security Advisor Jake Sullivan": ("USA", "GOV", "person"),
    "North Korea": ("PRK", "", "country"),
    "United States": ("USA", "", "country"),
    "President Putin": ("RUS", "GOV", "person"),
    "Pyongyang": ("PRK", "", "capital"),
    "Ukraine": ("UKR", "", "country"),
    "Moscow": ("RUS", "", "capital"),
    "Kremlin": ("RUS", "GOV", "capital"),
    "Russia": ("RUS", "", "country"),
    "Israel": ("ISR", "", "country"),
    "Hamas": ("PSE", "REB", "organisation"),
    "Putin": ("RUS", "GOV", "person"),
    "Kellogg": ("USA", "GOV", "person"),
    "Iran": ("IRN", "", "country"),
    "China": ("CHN", "", "country"),
    "Gaza": ("PSE", "", "capital"),
    "Kim": ("PRK", "GOV", "person"),
    "US": ("USA", "", "country"),
    "He": ("USA", "GOV", "pronoun"),
    "Xi": ("CHN", "GOV", "person"),
    "rebels": ("", "REB", "agent"),
    "troops": ("", "MIL", "agent"),
}


def hand_mentions(text: str, actors: dict = ACTORS) -> list[Mention]:
    """Every occurrence of the names above, longest first, without overlaps."""
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for name in sorted(actors, key=len, reverse=True):
        code, sector, kind = actors[name]
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            actor = Actor(code or None, sector, (code + sector), name)
            mentions.append(Mention(name, match.start(), match.end(), actor, kind))
    return sorted(mentions, key=lambda m: m.start)


def events_of(text: str, date: str | None = "2025-01-14", actors: dict = ACTORS) -> list[Event]:
    doc = segment(text)
    return code_events(doc, "t", date, hand_mentions(doc.text, actors), [], [], load_lexicon())


def triples(text: str, **kwargs) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO code) of every event coded in ``text``."""
    return {(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None,
             e.code.cameo) for e in events_of(text, **kwargs)}
