"""Argument phrases: an event's source and target spans are the noun phrases that fill the
roles (events/arguments.py), on sentences written for these tests with hand-made mentions."""

from __future__ import annotations

from eventkit import ACTORS, events_of

ACTORS_HERE = {**ACTORS, "Trump": ("USA", "GOV", "person"), "Abbas": ("PSE", "GOV", "person"),
               "Palestinian president": ("PSE", "GOV", "agent"), "President Erdogan": ("TUR", "GOV", "person"),
               "Turkey": ("TUR", "", "country"), "Syrian": ("SYR", "", "demonym"),
               "police": ("", "COP", "agent"), "people": ("", "CVL", "agent"), "Modi": ("IND", "GOV", "person"),
               "Macron": ("FRA", "GOV", "person"), "Paris": ("FRA", "", "capital")}


def spans(text: str) -> set[tuple[str | None, str | None]]:
    """(source text, target text) of every event coded in ``text``."""
    return {(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in events_of(text, actors=ACTORS_HERE)}


def test_a_possessor_brings_the_noun_it_possesses() -> None:
    assert spans("Putin criticized Trump's decision to leave.") == {("Putin", "Trump's decision")}


def test_a_name_that_modifies_a_noun_brings_the_noun_and_its_modifiers() -> None:
    assert spans("Russia attacked the last Syrian army camp on Friday.") == {("Russia", "the last Syrian army camp")}


def test_a_count_belongs_to_the_phrase_and_does_not_hide_the_target() -> None:
    assert spans("The police detained at least 18 people.") == {("The police", "at least 18 people")}
    assert spans("The police detained 18 people.") == {("The police", "18 people")}


def test_an_apposition_belongs_to_the_phrase_but_a_list_does_not() -> None:
    assert ("Putin", "the Palestinian president, Abbas") in spans(
        "Putin will hold talks with the Palestinian president, Abbas, next month.")
    found = spans("Putin met Xi, Modi and Kim.")
    assert ("Putin", "Xi") in found and ("Putin", "Modi") in found and ("Putin", "Kim") in found


def test_a_subject_across_an_apposition_keeps_the_apposition() -> None:
    assert spans("Abbas, the Palestinian president, criticized Israel.") == {
        ("Abbas, the Palestinian president", "Israel")}


def test_of_phrase_joins_a_title_but_in_joins_only_a_common_noun() -> None:
    assert spans("Trump called President Erdogan of Turkey on Wednesday.") == {("Trump", "President Erdogan of Turkey")}
    assert ("Macron", "Trump") in spans("Macron met Trump in Paris.")
