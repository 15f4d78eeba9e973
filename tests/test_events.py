"""The event stage: lexicon phrases and clause rules, on sentences written for these tests.

Mentions are built by hand (tests/eventkit.py) so that each rule is tested on its own.
"""

from __future__ import annotations

import pytest

from eventkit import events_of, triples

from dyadline.events import intent_code, load_lexicon
from dyadline.events.lexicon import inflections, parse_lexicon
from dyadline.ontology import PLOVER_EVENTS, event_code


def test_subject_verb_object() -> None:
    assert triples("Russia attacked Ukraine on Monday.") == {("RUS", "UKR", "180")}


def test_compound_subject_of_a_meeting_is_mutual_and_future_is_agree() -> None:
    events = events_of("Putin and Xi will meet in Beijing.")
    assert {(e.source.actor.code, e.target.actor.code) for e in events} == {("RUS", "CHN"), ("CHN", "RUS")}
    for event in events:
        assert event.modality == "future"
        assert event.code.cameo == "036" and event.code.plover_event == "AGREE"
        assert event.trigger.text == "will meet"


def test_meeting_with_a_partner_is_symmetric() -> None:
    assert triples("Putin met with Xi on Tuesday.") == {("RUS", "CHN", "040"), ("CHN", "RUS", "040")}


def test_one_sided_ties_are_not_reversed() -> None:
    assert triples("Russia is deepening its ties with Iran.") == {("RUS", "IRN", "050")}
    assert triples("Russia and Iran are strengthening their alliance.") == {
        ("RUS", "IRN", "050"), ("IRN", "RUS", "050")}


def test_compound_target_gives_one_event_per_actor() -> None:
    assert triples("Israel accused Iran and Russia.") == {("ISR", "IRN", "112"), ("ISR", "RUS", "112")}


def test_passive_voice_swaps_roles() -> None:
    assert triples("Ukraine was attacked by Russia.") == {("RUS", "UKR", "180")}


def test_participial_clause_takes_the_main_subject_and_partner() -> None:
    found = triples("Putin met with Kim in Pyongyang, signing an aid pact.")
    assert ("RUS", "PRK", "057") in found
    assert ("PRK", "RUS", "057") not in found  # the participle's subject is Putin alone


def test_relative_clause_antecedent_is_the_subject() -> None:
    assert ("RUS", "UKR", "180") in triples("It was Russia, which attacked Ukraine, that lost.")


def test_prepositional_targets() -> None:
    assert triples("The US imposed sanctions on Iran.") == {("USA", "IRN", "163")}
    assert triples("China held talks with Russia.") == {("CHN", "RUS", "040"), ("RUS", "CHN", "040")}


def test_nominal_trigger_in_an_introductory_phrase() -> None:
    assert triples("Facing sanctions from the US, Russia is deepening its ties with China.") == {
        ("USA", "RUS", "163"), ("RUS", "CHN", "050")}


def test_reported_speech_codes_the_inner_clause() -> None:
    assert triples("Kellogg said that Israel would attack Iran.") == {("ISR", "IRN", "180")}
    (event,) = events_of("Kellogg said that Israel would attack Iran.")
    assert event.modality == "hypothetical"


def test_negation_is_marked_not_dropped() -> None:
    (event,) = events_of("Iran did not sign the treaty with Russia.", actors={"Iran": ("IRN", "", "country")})
    assert event.negated and event.code.cameo == "057"
    # a stated refusal is no mere negation: CAMEO codes it as the rejection it is (refusal.tsv)
    (refused,) = events_of("Iran refused to meet Israel.")
    assert not refused.negated and refused.code.cameo == "125"


def test_named_examples_of_a_group_become_targets() -> None:
    found = triples("Russia is deepening its ties with other nations, including Iran and North Korea.")
    assert found == {("RUS", "IRN", "050"), ("RUS", "PRK", "050")}


def test_no_fallback_code_without_a_pattern() -> None:
    assert triples("Russia and Iran left the room quickly.") == set()
    assert triples("Iran exported more oil to China.") == set()


def test_noun_uses_of_verbs_are_not_events() -> None:
    assert triples("Russia signed an aid pact with Iran.") == {("RUS", "IRN", "057"), ("IRN", "RUS", "057")}
    assert triples("This Moscow visit marks the first trip abroad for Putin.") == set()


def test_discard_patterns_block_coding() -> None:
    assert triples("Russia did not meet expectations in Iran.") == set()


def test_clause_does_not_leak_past_a_partner_it_cannot_attach() -> None:
    # the target is the antecedent of "with whom": no target-less event
    assert triples("Iran is a partner with whom Russia is developing cooperation.") == set()


def test_every_event_is_traceable_and_offsets_are_exact() -> None:
    text = "Russia attacked Ukraine. Putin met with Xi."
    for event in events_of(text):
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        assert text[event.source.start:event.source.end] == event.source.text
        assert event.evidence.startswith("pattern ")


def test_lexicon_covers_every_cameo_root_and_plover_event() -> None:
    lexicon = load_lexicon()
    codes = {e.cameo for e in lexicon.entries if e.cameo}
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    events = {event_code(c).plover_event for c in codes} | {event_code(intent_code(c) or c).plover_event for c in codes}
    assert set(PLOVER_EVENTS) <= events


def test_bad_lexicon_lines_are_reported_with_their_line() -> None:
    with pytest.raises(ValueError, match="mine.tsv:2: unknown CAMEO code"):
        parse_lexicon(["pattern\tcameo\ttarget", "meet\t999\twith"], "mine.tsv")
    with pytest.raises(ValueError, match="unknown flag"):
        parse_lexicon(["meet\t040\twith\tsymetric"], "mine.tsv")


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"meets", "met", "meeting"} <= inflections("meet")
    assert {"sanctions", "sanctioned"} <= inflections("sanction")
    assert {"criticise", "criticised"} <= inflections("criticize")



def test_inflected_pattern_words_match_their_surface_and_do_not_hide_the_lemma() -> None:
    assert triples("Putin is meeting Xi in Beijing.") == {("RUS", "CHN", "040"), ("CHN", "RUS", "040")}
    assert triples("Russia called for talks with Ukraine.") == {("RUS", "UKR", "026")}
    assert triples("Russia criticised Israel.") == {("RUS", "ISR", "111")}


def test_subject_across_a_time_phrase_and_names_end_the_verb_group() -> None:
    assert triples("Israel on Friday attacked Iran.") == {("ISR", "IRN", "180")}
    actors = {"Theresa May": ("GBR", "GOV", "person"), "Ireland": ("IRL", "", "country")}
    assert triples("Theresa May has criticised Ireland.", actors=actors) == {("GBR", "IRL", "111")}


def test_participle_takes_the_sentence_subject() -> None:
    assert ("ISR", "PSE", "180") in triples("Israel stormed the camp, killing Hamas fighters.")


def test_passive_without_agent_has_no_source() -> None:
    (event,) = events_of("Ukraine was attacked on Monday.")
    assert event.source is None and event.target.actor.code == "UKR" and event.code.cameo == "180"


def test_future_concession_is_intent_to_yield() -> None:
    (event,) = events_of("Russia will release Ukraine.", actors={"Russia": ("RUS", "", "country"),
                                                                  "Ukraine": ("UKR", "", "country")})
    assert event.code.cameo == "0353" and event.code.plover_event == "AGREE"


def test_pronoun_subject_takes_the_sentences_earlier_subject() -> None:
    assert ("IRN", "ISR", "180") in triples("Iran said it would attack Israel.")
    assert triples("Israel said it rained.") == set()


def test_a_place_after_the_patterns_own_preposition_is_the_target() -> None:
    actors = {"Pyongyang": ("PRK", "", "capital"), "Seoul": ("KOR", "", "capital")}
    assert triples("Pyongyang fired two rockets at Seoul.", actors=actors) == {("PRK", "KOR", "195")}
    assert ("RUS", "UKR", "180") in triples("Russia attacked Ukraine in Moscow.")  # "in": still a place
