"""Actor mentions that cover whole agent phrases: a nationality qualifying a group across a few
plain words, group words joined into one agent, agent words news uses as subjects."""

from __future__ import annotations

import pytest

from dyadline.actors import find_mentions
from dyadline.text import segment


def spans(text: str, date: str = "2017-01-01") -> dict[str, tuple[str | None, str, str]]:
    found = find_mentions(segment(text), date)
    for m in found:
        assert text[m.start:m.end] == m.text, m
    return {m.text: (m.actor.code, m.actor.sector, m.kind) for m in found}


@pytest.mark.parametrize("text, phrase, code, sector", [
    ("Kazakh oil workers went on strike on Monday.", "Kazakh oil workers", "KAZ", "LAB"),
    ("Swiss federal prosecutors opened a case against him.", "Swiss federal prosecutors", "CHE", "JUD"),
    ("An American investigative journalist was detained.", "American investigative journalist", "USA", "JRN"),
    ("A French lawyer filed a complaint.", "French lawyer", "FRA", "JUD"),
])
def test_nationality_qualifies_a_group_across_plain_words(text: str, phrase: str, code: str, sector: str) -> None:
    found = spans(text)
    assert found[phrase][:2] == (code, sector)
    assert len(found) == 1  # not a demonym and an agent without a country


@pytest.mark.parametrize("text, phrase, code, sector", [
    ("Syrian government forces launched air strikes.", "Syrian government forces", "SYR", "GOV"),
    ("Iraqi government troops entered the city.", "Iraqi government troops", "IRQ", "GOV"),
    ("Senior Afghan intelligence officials said the attack was planned abroad.",
     "Senior Afghan intelligence officials", "AFG", "SPY"),
])
def test_a_group_word_before_a_plural_group_makes_one_agent(text: str, phrase: str, code: str,
                                                            sector: str) -> None:
    found = spans(text)
    assert found[phrase][:2] == (code, sector)


def test_words_between_stop_at_verbs_function_words_and_plural_nationals() -> None:
    # a verb or a function word between the nationality and the agent word: two phrases
    assert "Russian said officials" not in spans("The Russian said officials were wrong.")
    assert spans("Iranians blame police.").get("police") == (None, "COP", "agent")
    found = spans("A Turkish court sentenced Kurdish and Turkish journalists.")
    assert "Kurdish and Turkish journalists" not in found
    # a qualified title stays a title (the holder is looked up as before)
    assert spans("The Iranian foreign minister said.")["The Iranian foreign minister"][:2] == ("IRN", "GOV")


def test_agents_at_sentence_start_keep_their_sector() -> None:
    assert spans("Protesters clashed with police.")["Protesters"] == (None, "CVL", "agent")
    assert spans("Gunmen and a suicide bomber attacked a hotel.")["Gunmen"][:2] == (None, "UAF")
    assert spans("Militants ambushed a convoy.")["Militants"][:2] == (None, "REB")


@pytest.mark.parametrize("text, phrase, code", [
    ("Labor Minister Nir Barkat said on Monday.", "Labor Minister Nir Barkat", None),
    ("Israeli Finance Minister Moshe Kahlon said on Monday.", "Israeli Finance Minister Moshe Kahlon", "ISR"),
    ("The U.S. Defense Department said on Monday.", "U.S. Defense Department", "USA"),
])
def test_leading_portfolio_and_state_stay_in_the_span(text: str, phrase: str, code: str | None) -> None:
    found = spans(text)
    assert phrase in found and found[phrase][0] == code
    assert len(found) == 1


def test_a_portfolio_names_another_office_than_the_leader() -> None:
    # "the British Labour leader" is not the British head of government: no holder looked up
    found = find_mentions(segment("The British Labour leader said."), "2017-01-01")
    assert [m.actor.name for m in found] != ["Theresa May"]
    assert spans("Oil prices rose.") == {}


@pytest.mark.parametrize("text, phrase", [
    ("At least 23 civilians were killed on Monday.", "At least 23 civilians"),
    ("Police arrested dozens of demonstrators in Yerevan.", "dozens of demonstrators"),
    ("The strikes killed more than 500 civilians.", "more than 500 civilians"),
    ("Gunmen killed six Philippine Army soldiers.", "six Philippine Army soldiers"),
    ("A group of 23 soldiers attacked the post.", "23 soldiers"),  # "of" opens no count
])
def test_a_count_before_a_plural_group_is_part_of_the_phrase(text: str, phrase: str) -> None:
    assert phrase in spans(text)


def test_a_count_right_after_a_named_actor() -> None:
    # "to all three leaders" after a dictionary hit: the opener check looks at a hit, not a word
    found = spans("Reporters put questions about Obama to all three leaders.")
    assert "Obama" in found and "all three leaders" in " ".join(found)


def test_no_count_no_extension() -> None:
    assert "Police" in spans("Police arrested protesters.")
    assert "of protesters" not in " ".join(spans("Police arrested some of protesters."))


@pytest.mark.parametrize("text, phrase, code, sector", [
    ("The Libyan National Army lifted a blockade.", "The Libyan National Army", "LBY", "MIL"),
    ("Gov. Gretchen Whitmer declined to comment.", "Gov. Gretchen Whitmer", None, "GOV"),
])
def test_more_state_bodies_and_titles(text: str, phrase: str, code: str | None, sector: str) -> None:
    assert spans(text)[phrase][:2] == (code, sector)


def test_capitalised_adjectives_and_organisations_before_titles() -> None:
    assert "Syrian Kurdish leader Salih Muslim" in spans("Syrian Kurdish leader Salih Muslim said.")
    assert spans("Syrian regime forces attacked.")["Syrian regime forces"][:2] == ("SYR", "GOV")
    assert spans("NATO military chief said.")["NATO military chief"][0] == "IGO"
    # after a country or an organisation the next word may be a verb: no join before a plural
    assert spans("Hamas kill soldiers.")["soldiers"] == (None, "MIL", "agent")
    assert spans("Russia blames officials.")["officials"] == (None, "GOV", "agent")


def test_forms_of_address_and_ex_titles_stay_in_the_span() -> None:
    found = spans("Mr. Sisi met Dr. Ashraf Ghani.")
    assert found["Mr. Sisi"][0] == "EGY" and found["Dr. Ashraf Ghani"][0] == "AFG"
    assert spans("Israeli ex-prime minister Ehud Olmert said.")["Israeli ex-prime minister Ehud Olmert"][:2] \
        == ("ISR", "ELI")
    # a hyphen before an agent word still blocks it elsewhere
    assert "Iranian-backed militias" not in spans("Iranian-backed militias attacked.")


def test_short_form_in_brackets_joins_the_name_it_abbreviates() -> None:
    assert "The Nigerian Air Force (NAF)" in spans("The Nigerian Air Force (NAF) said.")
    assert "Amnesty International (AI)" in spans("Amnesty International (AI) said.")
    assert "Pakistan" in spans("Pakistan (PML-Q) said.")  # not Pakistan's initials
    assert "Russia" in spans("Russia (and Iran) agreed.")


def test_occupations_as_titles_before_a_name() -> None:
    assert spans("German journalist Mesale Tolu was released.")["German journalist Mesale Tolu"] \
        == ("DEU", "JRN", "person")
    assert spans("Lawyer Amal Clooney said.")["Lawyer Amal Clooney"][1:] == ("JUD", "person")


@pytest.mark.parametrize("text, phrase", [
    ("West Bengal Chief Minister Mamata Banerjee said.", "West Bengal Chief Minister Mamata Banerjee"),
    ("PA Leader Mahmoud Abbas said.", "PA Leader Mahmoud Abbas"),
    ("FDA officials said.", "FDA officials"),
])
def test_an_unknown_body_before_a_title_is_part_of_the_phrase(text: str, phrase: str) -> None:
    assert phrase in spans(text)


def test_no_sentence_opener_or_day_before_a_title() -> None:
    assert "President Trump" in spans("On Monday President Trump said.")
    assert "Protesters" in spans("Protesters clashed with police.")
