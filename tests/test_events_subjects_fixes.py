"""Subject rules for three constructions of conflict news, on sentences written for these tests:
a reduced relative clause ("forces backed by X"), names with particles ("Ahrar al-Sham"), and a
place title before a capital ("police in the capital Harare")."""

from __future__ import annotations

from eventkit import ACTORS, events_of

from dyadline.events.clauses import name_particles, unknown_names
from dyadline.text import segment

#: The hand-built actors plus a few this file needs.
MORE = dict(ACTORS, **{
    "Syrian government forces": ("SYR", "GOV", "agent"),
    "Russian warplanes": ("RUS", "MIL", "agent"),
    "Turkey": ("TUR", "", "country"),
    "Harare": ("ZWE", "GOV", "capital"),
    "police": ("", "COP", "agent"),
    "Police": ("", "COP", "agent"),
    "protesters": ("", "CVL", "agent"),
    "Kurdish fighters": ("", "REB", "agent"),
    "Rebels": ("", "REB", "agent"),
    "Saudi Arabia": ("SAU", "", "country"),
    "UN": ("IGOUNO", "", "organisation"),
})


def _sources(text: str) -> set[str]:
    return {e.source.text for e in events_of(text, actors=MORE) if e.source is not None}


def _unknown(text: str) -> list[str]:
    doc = segment(text)
    first, last = doc.sentence_tokens[0]
    return [m.text for m in unknown_names(doc, first, last, [], [])]


# 1. reduced relative: the agent after "VBN by" is not the subject

def test_agent_of_a_participle_is_not_the_subject() -> None:
    text = "Syrian government forces backed by Russian warplanes attacked the town of Douma."
    sources = _sources(text)
    assert "Russian warplanes" not in sources
    assert any(s.startswith("Syrian government forces") for s in sources)


def test_agent_of_a_participle_with_a_determiner_and_an_adjective() -> None:
    sources = _sources("Rebels armed by the neighbouring Turkey attacked Kurdish fighters on Monday.")
    assert sources and all("Turkey" not in s for s in sources)


def test_head_with_no_actor_keeps_the_agent_as_the_one_responsible() -> None:
    # the shells are no actor: whoever fired them did the attacking
    assert _sources("The shells fired by Russian warplanes struck Ukraine on Monday.") == {"Russian warplanes"}


def test_a_finite_passive_is_no_reduced_relative() -> None:
    events = events_of("Kurdish fighters were attacked by Turkey on Monday.", actors=MORE)
    assert {(e.source.text, e.target.text) for e in events} == {("Turkey", "Kurdish fighters")}


def test_an_apposition_between_commas_is_unchanged() -> None:
    assert _sources("Ukraine, backed by the United States, attacked Russia.") == {"Ukraine"}


# 2. name particles

def test_particles_come_from_the_data_file() -> None:
    anywhere, hyphen_only = name_particles()[:2]
    assert {"al", "bin", "de", "van", "von"} <= anywhere
    assert "as" in hyphen_only and "as" not in anywhere
    # the kind column, not code, tells foreign particles from English function words
    assert {"al", "bin", "as"} <= name_particles().foreign and not {"of", "the", "-"} & name_particles().foreign


def test_a_hyphenated_particle_stays_inside_the_name() -> None:
    assert "Ahrar al-Sham" in _unknown("Yesterday Ahrar al-Sham attacked the base.")
    assert "Abu Bakr al-Baghdadi" in _unknown("Abu Bakr al-Baghdadi urged his followers to fight.")
    assert "Abdel Fattah el-Sisi" in _unknown("Abdel Fattah el-Sisi spoke on Monday.")


def test_a_particle_before_a_capitalised_word_stays_inside_the_name() -> None:
    assert "Osama bin Laden" in _unknown("Osama bin Laden threatened them.")
    assert "Charles de Gaulle" in _unknown("Yesterday Charles de Gaulle left.")


def test_a_short_english_word_before_a_capital_does_not_join_names() -> None:
    # "as" counts only before a hyphen ("as-Sadr"): here it is the conjunction
    names = _unknown("Yesterday Gorbachev spoke as Kohl listened.")
    assert "Gorbachev spoke as Kohl" not in names and "Gorbachev as Kohl" not in names
    assert "Moqtada as-Sadr" in _unknown("Yesterday Moqtada as-Sadr spoke.")


def test_a_name_with_a_particle_after_a_known_name_is_kept_whole() -> None:
    doc = segment("The envoy to the UN Abdallah al-Mouallimi spoke.")
    first, last = doc.sentence_tokens[0]
    start = doc.text.index("UN")
    from dyadline.model import Actor, Mention

    un = Mention("UN", start, start + 2, Actor("IGOUNO", "", "IGOUNO", "UN"), "organisation")
    assert [m.text for m in unknown_names(doc, first, last, [un], [])] == ["Abdallah al-Mouallimi"]


def test_a_subject_name_with_a_particle_is_the_whole_name() -> None:
    events = events_of("Fighters of Ahrar al-Sham attacked Kurdish fighters on Monday.", actors=MORE)
    assert events and all("Sham" not in (e.source.text if e.source else "") or "Ahrar" in e.source.text
                          for e in events)


# 3. a capital after a place title

def test_capital_after_a_place_title_in_a_prepositional_phrase_is_not_the_subject() -> None:
    sources = _sources("Police in the capital Harare fired tear gas at protesters.")
    assert sources and all(s.startswith("Police") for s in sources)
    sources = _sources("Police in the northern city of Harare fired tear gas at protesters.")
    assert sources and all(s.startswith("Police") for s in sources)


def test_capital_as_the_subject_itself_is_metonymy() -> None:
    assert {e.source.actor.code for e in events_of("The capital Harare condemned Russia.", actors=MORE)} == {"ZWE"}
