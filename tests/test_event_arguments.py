"""Argument phrases: an event's source and target spans are the noun phrases that fill the
roles (events/arguments.py), on sentences written for these tests with hand-made mentions."""

from __future__ import annotations

from eventkit import ACTORS, events_of

ACTORS_HERE = {**ACTORS, "Trump": ("USA", "GOV", "person"), "Abbas": ("PSE", "GOV", "person"),
               "Palestinian president": ("PSE", "GOV", "agent"), "President Erdogan": ("TUR", "GOV", "person"),
               "Turkey": ("TUR", "", "country"), "Syrian": ("SYR", "", "demonym"), "Chinese": ("CHN", "", "demonym"),
               "police": ("", "COP", "agent"), "people": ("", "CVL", "agent"), "Modi": ("IND", "GOV", "person"),
               "Macron": ("FRA", "GOV", "person"), "Paris": ("FRA", "", "capital"),
               "New Delhi": ("IND", "", "capital"), "Turkish": ("TUR", "", "demonym"),
               "Syrians": ("SYR", "", "demonym")}


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


def codes_and_spans(text: str) -> set[tuple[str | None, str | None, str | None]]:
    """(source text, target text, target code) of every event coded in ``text``."""
    return {(e.source.text if e.source else None, e.target.text if e.target else None,
             e.target.actor.code if e.target else None) for e in events_of(text, actors=ACTORS_HERE)}


def test_an_object_phrase_without_an_actor_stands_uncoded() -> None:
    assert codes_and_spans("Russia rejected the new trade law on Monday.") == {
        ("Russia", "the new trade law", None)}


def test_the_actor_of_an_object_phrase_is_named_before_its_head_or_after_of() -> None:
    assert codes_and_spans("Russia rejected a Chinese trade proposal.") == {("Russia", "a Chinese trade proposal", "CHN")}
    assert codes_and_spans("Russia rejected the call of Iran for talks.") == {("Russia", "the call of Iran", "IRN")}


def test_a_time_phrase_between_the_verb_and_its_object_is_skipped() -> None:
    assert codes_and_spans("Russia vetoed on Friday a resolution of Israel.") == {
        ("Russia", "a resolution of Israel", "ISR")}


def test_a_noun_in_ly_does_not_end_the_phrase() -> None:
    assert codes_and_spans("Putin expressed condolences to the family of the victims.") == {
        ("Putin", "the family of the victims", None)}


def test_an_uncoded_partner_is_not_made_a_source_by_symmetry() -> None:
    assert codes_and_spans("Putin met the delegation.") == {("Putin", "the delegation", None)}


def test_an_agent_after_an_article_is_a_subject_not_a_modifier_of_the_verb() -> None:
    kit = {**ACTORS_HERE, "Swiss court": ("CHE", "JUD", "agent")}
    found = {(e.source.text, e.target.actor.code) for e in events_of("A Swiss court rejected Iran's request.", actors=kit)}
    assert found == {("A Swiss court", "IRN")}


def subjects(text: str, kit: dict | None = None) -> set[str | None]:
    return {e.source.text if e.source else None for e in events_of(text, actors=kit or ACTORS_HERE)}


def test_an_actor_with_a_modifying_phrase_is_the_subject() -> None:
    assert subjects("The police in Gaza detained the rebels.") == {"The police in Gaza"}
    assert subjects("The relationship between Russia and Iran has strengthened.") == set()


def test_an_actor_naming_the_side_of_a_head_noun_is_the_subject() -> None:
    kit = {**ACTORS_HERE, "Croatian": ("HRV", "", "demonym")}
    assert subjects("Croatian experts criticized Russia.", kit) == {"Croatian experts"}


def test_a_coordinated_or_purpose_verb_takes_the_subject_that_opens_the_sentence() -> None:
    assert subjects("Putin would step up his efforts and would hold talks with Xi.") >= {"Putin"}
    assert ("Putin", "Xi") in spans("Putin accepted an invitation to meet Xi.")
    assert subjects("We have seen Russia try to develop and strengthen ties with Iran.") == set()


def test_a_plain_word_opens_a_phrase_only_after_a_boundary() -> None:
    assert ("Russia", "Ukraine") in spans("Analysts have seen Russia attack Ukraine.")


def test_a_participle_after_a_document_has_the_documents_author_as_subject() -> None:
    assert ("Putin", "Xi") in spans("On Monday, Putin issued a statement urging Xi to act.")
    # the author is not the sentence's own subject: no guess
    assert spans("Kim said Putin issued a statement urging Xi to act.") == set()


def test_an_of_phrase_joins_a_noun_head_but_not_a_bare_actor() -> None:
    assert ("Putin", "the families of the victims") in spans("Putin expressed condolences to the families of the victims.")
    found = spans("Putin accused the rebels of mass killings.")
    assert ("Putin", "the rebels") in found


def test_a_count_with_more_than_opens_the_phrase() -> None:
    assert spans("The police detained more than 40 people.") == {("The police", "more than 40 people")}


def test_the_accuser_is_the_target_of_a_denial() -> None:
    assert ("Russia", "Ukraine", "UKR") in codes_and_spans("Russia denied charges by Ukraine that it shelled the city.")


def test_a_transfer_is_aimed_at_the_party_after_to_not_at_the_thing_given() -> None:
    assert codes_and_spans("Russia suspended food supplies to Turkey on Monday.") == {("Russia", "Turkey", "TUR")}
    assert codes_and_spans("Russia called for sanctions against Turkey.") == {("Russia", "Turkey", "TUR")}


def test_each_member_after_a_preposition_that_aims_is_a_target_without_both() -> None:
    assert spans("Russia lifted its embargo against both Iran and China.") == {
        ("Russia", "Iran"), ("Russia", "China")}


def test_an_act_with_no_party_is_coded_against_the_place_it_happens_in() -> None:
    assert codes_and_spans("Hamas declared a ceasefire in Gaza on Sunday.") == {("Hamas", "Gaza", "PSE")}
    # a place after a name keeps to the name: no apposition, no common noun after it
    assert spans("Hamas declared a ceasefire in Gaza, the main battlefield of the war.") == {("Hamas", "Gaza")}


def test_a_compound_subject_of_a_meeting_is_its_own_partner_not_the_place() -> None:
    assert spans("Putin and Xi will meet in Moscow on Friday.") == {("Putin", "Xi"), ("Xi", "Putin")}


def test_an_infinitive_after_to_is_no_target_phrase() -> None:
    # "to help" opens a purpose clause: neither "help" nor the clause's own object is the target
    assert spans("Russia provided $10 million to help the farmers.") == {("Russia", None)}


def test_a_gerund_ends_the_search_for_an_oblique_party() -> None:
    assert codes_and_spans("Russia accused the new law of attacking civil society in Ukraine.") == {
        ("Russia", "the new law", None)}


def test_an_uncoded_object_that_names_its_referent_stays_the_target() -> None:
    assert spans("The rebels attacked the Golan Heights with troops.") == {("The rebels", "the Golan Heights")}


def test_a_phrase_chains_its_of_phrases() -> None:
    assert codes_and_spans("Russia suspended aid to the Ministry of Health of Ukraine.") == {
        ("Russia", "the Ministry of Health of Ukraine", "UKR")}


def test_a_name_after_its_title_belongs_to_the_phrase() -> None:
    assert spans("Russia sanctioned the Syrian space agency Glavkosmos on Friday.") == {
        ("Russia", "the Syrian space agency Glavkosmos")}


def test_until_and_a_time_phrase_end_the_phrase() -> None:
    assert spans("Hamas will not release the two Syrian pilots until compensation is paid.") == {
        ("Hamas", "the two Syrian pilots")}
    assert spans("Russia suspended aid to the people of Gaza in the coming weeks.") == {
        ("Russia", "the people of Gaza")}


def test_a_modifier_in_ing_stays_inside_the_phrase() -> None:
    assert spans("Russia attacked China's biggest shipping company.") == {("Russia", "China's biggest shipping company")}


def test_the_object_of_a_verb_complement_is_the_target() -> None:
    # "threatened to shell Gaza": "threaten" has no object of its own; its complement's object is the target
    assert ("Hamas", "Moscow") in spans("Hamas threatened to shell Moscow if Russia attacks.")
    # "considering sending aid to X": the gerund's phrase after "to"
    assert ("Russia", "Iran") in spans("Russia is considering sending aid to Iran.")
    # not the gerund after an object the trigger already holds ("refugees fleeing ... in Iran")
    assert spans("Russia will not accept any Syrian refugees fleeing violence in Iran.") != {("Russia", "Iran")}


def test_the_party_an_act_helps_is_its_target() -> None:
    assert spans("Russia is considering a plan to help Iran.") == {("Russia", "Iran")}


def test_a_place_whose_name_begins_with_new_is_still_a_place() -> None:
    assert ("The rebels", "New Delhi") in spans("The rebels declared a ceasefire in New Delhi.")


def test_after_a_preposition_an_adjective_opens_the_phrase_but_a_verb_does_not() -> None:
    assert ("Russia", "various Syrian groups") in spans("Russia sent aid to various Syrian groups.")
    assert ("Russia", "displaced Syrians") in spans("Russia opened its borders to displaced Syrians.")
    assert ("Russia", "Iran") in spans("Russia is considering a plan to help Iran.")


def test_an_ambassador_takes_a_to_phrase_and_an_of_phrase_its_acronym() -> None:
    assert spans("Putin received the Turkish Ambassador to Russia, Ahmet Bey.") == {
        ("Putin", "the Turkish Ambassador to Russia, Ahmet Bey")}
    assert ("Russia", "the Islamic Movement of Iran (IMI)") in spans(
        "Russia lifted the ban on the Islamic Movement of Iran (IMI) on Monday.")


def test_a_conjunct_that_names_no_actor_belongs_to_the_phrase() -> None:
    assert ("Russia", "the Syrian people and organizations") in spans(
        "Russia sent aid to the Syrian people and organizations.")
    # a conjunct that is a verb phrase or that a name opens is no part of it
    assert ("Hamas", "the Syrian base") in spans("Hamas threatened to attack the Syrian base and kill its commander.")
    assert ("Russia", "Iran") in spans("Russia sent aid to Iran and China.")


def test_an_irregular_participle_ends_the_phrase() -> None:
    assert ("Hamas", "two Syrian pilots") in spans("Hamas will release two Syrian pilots held captive since May.")


def test_troops_after_in_are_no_place() -> None:
    # "and sent in troops": a coordinated verb ends the search, and an agent names no place
    assert spans("Hamas declared a curfew and sent in troops on Monday.") == {("Hamas", None)}


def test_after_the_verb_a_description_in_apposition_is_no_part_of_the_phrase() -> None:
    assert ("Hamas", "Moscow") in spans("Hamas threatened to shell Moscow, the Russian capital, on Monday.")
    # a name in apposition to a title still is, and so is a description of the subject
    assert ("Putin", "the Palestinian president, Abbas") in spans(
        "Putin will hold talks with the Palestinian president, Abbas, next month.")
    assert ("Abbas, the Palestinian president", "Israel") in spans("Abbas, the Palestinian president, criticized Israel.")


def test_until_ends_the_clause_that_holds_the_target() -> None:
    assert spans("Russia suspended aid donations for Gaza until aid was delivered to the rebels.") == {("Russia", "Gaza")}


def test_the_oblique_search_starts_at_the_trigger_when_the_phrase_came_after_a_later_preposition() -> None:
    # "reject * request" names "of": "the charge of treason" is further on than "for Turkey's leader"
    assert ("Russia", "Turkey's former leader") in spans(
        "Russia rejected an extradition request for Turkey's former leader on the charge of treason.")


def test_a_compound_inside_the_pattern_gives_one_target_each() -> None:
    # "reject * demand" spans the compound: each member is a target, as after a plain verb
    found = spans("Turkey rejected the Syrian and Chinese demands.")
    assert {target for _, target in found} >= {"the Syrian", "Chinese"}, found


def test_each_member_of_a_coordinated_object_is_a_target() -> None:
    found = spans("Russia attacked the Syrian army camp and the rebel headquarters in Idlib.")
    assert ("Russia", "the Syrian army camp") in found and ("Russia", "the rebel headquarters in Idlib") in found


def test_a_phrase_after_and_that_opens_a_clause_is_no_target() -> None:
    assert spans("Russia attacked the Syrian army camp and the rebels fled.") == {("Russia", "the Syrian army camp")}


def test_a_quantifier_floated_into_the_verb_group_keeps_the_subject() -> None:
    found = spans("Putin and Modi have both criticized Trump.")
    assert ("Putin", "Trump") in found and ("Modi", "Trump") in found


def test_the_recipient_after_to_is_the_target_of_a_transfer_not_the_thing_given() -> None:
    assert spans("Russia returned the stolen paintings to their owners last week.") == {("Russia", "their owners")}


def test_a_transfer_with_a_purpose_clause_keeps_its_object() -> None:
    assert ("Russia", "the stolen paintings") in spans("Russia returned the stolen paintings to support local museums.")


def test_a_count_after_the_head_noun_starts_another_phrase() -> None:
    assert spans("Russia returned the paintings to their owners 70 years after the war.") == {
        ("Russia", "their owners")}


def test_a_hyphenated_modifier_is_one_word_of_the_phrase() -> None:
    assert spans("Russia attacked Turkey's army-run checkpoints.") == {("Russia", "Turkey's army-run checkpoints")}


def test_the_target_of_a_noun_that_is_a_verbs_object_takes_its_head_noun() -> None:
    assert ("Russia", "Syrian rebel positions") in spans("Russia stepped up its bombardment of Syrian rebel positions.")
