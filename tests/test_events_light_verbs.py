"""Coverage rules of the third round: a noun trigger after a light verb takes the verb's
subject, heads read as nouns after a participle, a count or a coordination of modifiers, a
``*`` gap over hyphenated compounds and "and" between modifiers, subject phrases ending in a
place, appositions that are a bare name, envoys "to" a state.  Sentences written for these
tests; mentions built by hand (tests/eventkit.py)."""

from __future__ import annotations

from eventkit import ACTORS, events_of, hand_mentions, triples

from dyadline.events import code_events, load_lexicon
from dyadline.text import segment


def test_a_noun_trigger_after_a_light_verb_takes_the_verb_s_subject() -> None:
    assert triples("Russia has begun its assault on Ukraine.") == {("RUS", "UKR", "180")}
    assert triples("Israel on Monday intensified its bombardment of Gaza.") == {("ISR", "PSE", "194")}
    [event] = events_of("Iran continued their attacks on Israel.")
    assert "subject of 'continued'" in event.evidence


def test_a_verb_that_stops_the_noun_s_event_gives_no_source_unless_negated() -> None:
    # "ended the attacks" reports no attack; "will not end the attacks" reports they go on
    assert triples("Russia ended its attacks on Ukraine.") == set()
    assert triples("Russia said it will not end its attacks on Ukraine.") == {("RUS", "UKR", "180")}
    # a negated light verb that does not stop anything: nothing happened
    assert triples("Russia did not continue its attacks on Ukraine.") == set()


def test_the_light_verb_walk_stops_at_a_preposition_or_a_name() -> None:
    # "attacks" is the object of "about", not of "spoke": no source from the verb
    assert triples("Russia spoke about the attacks on Ukraine.") == set()


def test_a_head_after_a_participle_a_count_or_coordinated_modifiers_is_a_noun() -> None:
    assert triples("Russia mounted coordinated attacks on Ukraine.") == {("RUS", "UKR", "180")}
    assert ("USA", "IRN", "195") in triples("The United States has carried out more than two dozen air strikes on Iran.",
                                            actors={**ACTORS, "The United States": ("USA", "", "country")})
    codes = {c for _, _, c in triples("Israel launched air and artillery strikes on Gaza.")}
    assert codes and all(c.startswith("19") or c.startswith("14") for c in codes)


def test_a_name_ending_in_ed_is_no_participle() -> None:
    actors = dict(ACTORS, **{"Abiy Ahmed": ("ETH", "GOV", "person")})
    assert ("ETH", "RUS", "040") in triples("Abiy Ahmed held talks with Russia.", actors=actors)


def test_a_gap_counts_a_hyphenated_compound_as_one_word() -> None:
    assert ("USA", "IRN", "085") in triples("The United States will partially lift 2-year-old economic sanctions on Iran.",
                                            actors={**ACTORS, "The United States": ("USA", "", "country")}) | \
        triples("The United States lifted 2-year-old economic sanctions on Iran.",
                actors={**ACTORS, "The United States": ("USA", "", "country")})


def test_a_gap_crosses_and_between_two_modifiers_only() -> None:
    from dyadline.events.lexicon import parse_lexicon, Lexicon

    lexicon = Lexicon(parse_lexicon(["launch * strike\t195\ton"]))
    doc = segment("Israel launched air and artillery strikes on Gaza.")
    assert [m.entry.cameo for m in lexicon.matches(doc.tokens)] == ["195"]
    doc = segment("Israel launched a probe and the strikes went on.")
    assert lexicon.matches(doc.tokens) == []


def test_a_subject_phrase_may_end_in_a_known_place() -> None:
    actors = dict(ACTORS, **{"Protesters": ("", "CVL", "agent")})
    text = "Protesters in the northern town of Gjilan burned the flag."
    doc = segment(text)
    start = text.index("Gjilan")
    from dyadline.model import Place

    place = Place("Gjilan", start, start + 6, "Gjilan", "XKX", 42.46, 21.47, 790674, "other", "city")
    events = code_events(doc, "t", None, hand_mentions(text, actors), [], [place], load_lexicon())
    assert [(e.source.actor.sector, e.code.cameo) for e in events] == [("CVL", "140")]


def test_a_bare_name_between_commas_is_the_subject_s_apposition() -> None:
    actors = dict(ACTORS, **{"The Russian Ambassador": ("RUS", "GOV", "agent")})
    doc = segment("The Russian Ambassador, Ivan Petrovsky, paid a courtesy visit to Iran.")
    events = code_events(doc, "t", None, hand_mentions(doc.text, actors), [], [], load_lexicon(),
                         unknown_actors=False)
    assert {(e.source.actor.code, e.target.actor.code, e.code.cameo) for e in events} >= {("RUS", "IRN", "042")}


def test_an_envoy_to_a_state_is_the_subject_not_the_state() -> None:
    actors = dict(ACTORS, **{"Iran’s ambassador": ("IRN", "GOV", "agent")})
    assert triples("Iran’s ambassador to Russia condemned Israel.", actors=actors) == {("IRN", "ISR", "111")}


def test_new_vocabulary_blockades_borders_curfews_tariffs_and_suspensions() -> None:
    assert ("ISR", "PSE", "191") in triples("Israel has imposed blockades on Gaza.")
    assert ("RUS", "UKR", "191") in triples("Russia closed its borders with Ukraine.")
    assert ("RUS", None, "1723") in triples("Russia will extend the curfew.")
    assert ("USA", "CHN", "085") in triples("The US reduced tariffs on China.") | triples("US reduced tariffs on China.")
    assert ("RUS", "IRN", "162") in triples("Russia announced a suspension of aid to Iran.")
    assert ("RUS", None, "175") in triples("Russian troops fired teargas at the crowd.",
                                          actors={**ACTORS, "Russian troops": ("RUS", "MIL", "agent")})


def test_a_subject_phrase_may_join_two_actors_with_and() -> None:
    # "The navies of Russia and China": the phrase's actors are the subject, both of them
    assert triples("The navies of Russia and China condemned Israel.") == {("RUS", "ISR", "111"),
                                                                           ("CHN", "ISR", "111")}


def test_an_apposition_after_a_subject_phrase_leads_back_to_the_phrase_s_actor() -> None:
    # the subject "Russian rebel groups" is no actor, the apposition after it names examples
    actors = dict(ACTORS, **{"Russian rebel": ("RUS", "REB", "agent")})
    assert triples("Russian rebel groups, including the Wagner men, condemned Israel.", actors=actors) \
        == {("RUS", "ISR", "111")}


def test_a_relative_clause_on_a_document_has_the_document_s_author_as_subject() -> None:
    assert ("RUS", "IRN", "020") in triples("Russia issued a report that calls on Iran to stop.")
    # not when the antecedent is no document: "the region that calls on" names no author
    assert triples("Russia entered the region that calls on Iran to stop.") == set()


def test_the_rest_of_a_hyphenated_name_belongs_to_the_mention() -> None:
    actors = dict(ACTORS, **{"Prime Minister Lee Nak": ("KOR", "GOV", "person")})
    assert ("KOR", "RUS", "040") in triples("Prime Minister Lee Nak-yon (R) holds talks with Russia.", actors=actors)


def test_condolences_sent_and_pleas_issued_are_coded() -> None:
    assert ("RUS", "IRN", "018") in triples("Russia has sent a condolence message to Iran.")
    assert ("RUS", "IRN", "020") in triples("Russia issued a fresh plea to Iran.")


def test_an_adverb_or_a_capitalised_word_before_the_head_does_not_make_it_a_noun() -> None:
    # "first" and "further" are adverbs before a verb; "Many" ends a name
    assert ("RUS", "IRN", "0863") in triples("Russia first opened its borders to Iran.")
    actors = dict(ACTORS, **{"Hun Many": ("KHM", "GOV", "person")})
    assert ("KHM", "IRN", "111") in triples("Hun Many condemned Iran.", actors=actors)


def test_an_introducer_is_no_light_verb() -> None:
    # "following the attacks": the attacks are not the subject's
    actors = {"Iranian troops": ("IRN", "MIL", "agent"), "Israel": ("ISR", "", "country")}
    assert triples("Iranian troops waited following the attacks on Israel.", actors=actors) == set()


def test_a_rare_capitalised_word_opening_the_sentence_is_an_unknown_name() -> None:
    [event] = events_of("Papandreou condemned Israel.")
    assert event.source.text == "Papandreou" and event.source.actor.code is None
    assert event.target.actor.code == "ISR"
    # a common English word opening the sentence is no name
    assert triples("Tensions condemned Israel.") == set()


def test_whoever_is_guilty_of_or_responsible_for_an_act_did_it() -> None:
    assert ("RUS", None, "196") in triples("Russia was guilty of violating the ceasefire.")
    assert ("RUS", "UKR", "180") in triples("Russia has been responsible for mass killings of Ukraine's people.") | \
        triples("Russia was responsible for killings in Ukraine.")
    # "accused of" reports an accusation, not the act
    assert not {c for _, _, c in triples("Russia was accused of violating the ceasefire.")} & {"196"}


def test_a_subject_phrase_crosses_and_before_a_name_and_from_before_a_state() -> None:
    actors = dict(ACTORS, **{"Troops": ("", "MIL", "agent")})
    assert ("RUS", None, "057") in triples("President of Russia and Prime Minister of Iran signed an agreement.")
    [event] = events_of("Troops and aircraft from Russia condemned Iran.", actors=actors)
    assert event.source.actor.sector == "MIL" and event.target.actor.code == "IRN"
