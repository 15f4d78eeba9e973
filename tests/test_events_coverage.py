"""Event coverage rules (trigger side): events whose partner the target rules cannot attach,
subjects the clause rules reach, and the lexicon's vocabulary families.  Sentences written
for these tests; mentions built by hand (tests/eventkit.py)."""

from __future__ import annotations

from eventkit import ACTORS, events_of, hand_mentions, triples

from dyadline.events import code_events, load_lexicon
from dyadline.text import segment


def test_an_actor_the_target_rules_cannot_attach_leaves_a_source_only_event() -> None:
    # "promise" takes an object: Ukraine, after "despite", is out of the target rules' reach (and
    # aims nothing at it), but the promise itself is reported, with its source alone
    assert triples("Russia promised more money despite Ukraine's objections.") == {("RUS", None, "030")}
    # after a preposition that aims, the actor is the party the promise is for (arguments.oblique_target)
    assert triples("Russia promised more money for Ukraine's reconstruction.") == {("RUS", "UKR", "030")}


def test_the_agent_of_a_participle_still_blocks_a_target_less_event() -> None:
    # "aid provided by Iran": the structure names the partner, out of the rules' reach
    assert triples("Israel vowed to cut off aid provided by countries like Iran.") == set()
    assert triples("Israel will cut off aid provided by Iran.") == set()


def test_an_actor_inside_the_subject_noun_phrase_is_the_source() -> None:
    # the subject "members of ..." is no actor; the actor the phrase names stands for it
    assert triples("Members of the Kremlin delegation condemned Israel.") == {("RUS", "ISR", "111")}
    assert triples("Iran's new envoy condemned Israel on Monday.") == {("IRN", "ISR", "111")}
    assert triples("Local officials in Ukraine condemned Russia.") == {("UKR", "RUS", "111")}
    # an opening prepositional phrase is no subject, nor an actor behind an earlier verb
    assert triples("In Ukraine the shelling condemned Russia.") == set()
    assert triples("After Russia invaded the region, condemned Israel.") == set()


def test_the_subject_noun_phrase_ending_in_an_unknown_name_is_that_name_s() -> None:
    [event] = events_of("Members of the Kremlin delegation condemned Israel.")
    assert "Kremlin" in event.source.text and event.source.actor.code == "RUS"
    # a phrase that ends in a name no dictionary knows is that name's: no actor of the phrase
    doc = segment("The Kremlin news agency Tass condemned Israel.")
    assert code_events(doc, "t", None, hand_mentions(doc.text), [], [], load_lexicon(),
                       unknown_actors=False) == []


def test_a_common_noun_actor_after_an_article_is_a_subject_not_a_modifier() -> None:
    actors = dict(ACTORS, **{"Russian court": ("RUS", "JUD", "agent")})
    assert triples("A Russian court condemned Israel.", actors=actors) == {("RUS", "ISR", "111")}
    assert triples("This Moscow visit marks the first trip abroad for Putin.") == set()


def test_a_noun_in_ing_before_the_verb_is_no_gerund() -> None:
    assert triples("Russia on Monday evening attacked Ukraine.") == {("RUS", "UKR", "180")}
    # the object of a gerund is still a noun: "Facing sanctions ..."
    assert ("USA", "RUS", "163") in triples("Facing sanctions from the US, Russia attacked Ukraine.")


def test_pronoun_subjects_stand_for_the_sentence_subject_of_their_kind() -> None:
    assert triples("Putin said he condemned Israel.") == {("RUS", "ISR", "111")}
    actors = dict(ACTORS, **{"Iraqi military": ("IRQ", "MIL", "agent")})
    assert triples("The Iraqi military says it attacked Hamas.", actors=actors) == {("IRQ", "PSE", "180")}
    # "he" cannot stand for a country
    assert triples("Russia said he condemned Israel.") == set()


def test_a_coordinated_verb_takes_the_sentence_subject_when_the_first_verb_is_not_coded() -> None:
    assert triples("Israel closed the crossings and attacked Hamas.") == {("ISR", "PSE", "180")}
    # a gerund after "and" is no finite verb of the subject
    assert triples("Israel spent money on roads and attacking Hamas.") == set()


def test_the_subject_is_found_across_a_parenthesis_and_a_time_phrase() -> None:
    assert triples("Hamas (AFP) on Monday condemned Israel.") == {("PSE", "ISR", "111")}


def test_the_subject_is_found_across_an_including_phrase() -> None:
    assert triples("Russia, along with its partners, condemned Israel.") == {("RUS", "ISR", "111")}


def test_a_verb_of_beginning_joins_the_verb_group_of_a_gerund() -> None:
    assert triples("Russia has begun attacking Ukraine.") == {("RUS", "UKR", "180")}


def test_armed_before_a_group_noun_is_an_adjective() -> None:
    assert not any(code == "072" for _, _, code in triples("Russia seized the town and armed groups fled."))


def test_a_pronoun_in_a_free_relative_clause_is_no_subject_of_an_event() -> None:
    # "what it attacked" names a thing; Russia's attack is not reported
    assert ("RUS", None, "180") not in triples("Russia said Israel condemned what it attacked.")


def test_a_stated_refusal_of_a_cooperative_act_is_a_rejection() -> None:
    assert triples("Russia will not release the prisoners.") == {("RUS", None, "1243")}
    assert triples("Israel refused to lift the blockade on Gaza.") == {("ISR", "PSE", "1244")}
    assert triples("Putin declined to meet Kim.") == {("RUS", "PRK", "125")}
    # a past negation reports no event, and says so
    [event] = events_of("Russia did not release the prisoners.")
    assert event.negated and event.code.cameo == "0841"


def test_general_vocabulary_families() -> None:
    assert triples("Russia lifted the ban on Ukraine.") == {("RUS", "UKR", "081")}
    assert {c for _, _, c in triples("The rebels laid down their weapons.")} == {"0873"}
    assert triples("Russia launched a joint exercise with China.") == {("RUS", "CHN", "062"), ("CHN", "RUS", "062")}
    assert triples("The US trains Ukraine's pilots.") == {("USA", "UKR", "062")}
    assert triples("Israel overran Gaza.") == {("ISR", "PSE", "192")}


def test_nominal_triggers_take_their_parties_from_the_noun_phrase() -> None:
    assert triples("Putin's visit to China ended.") == {("RUS", "CHN", "042")}
    assert ("RUS", "UKR", "190") in triples("Clashes between Russia and Ukraine killed ten.")
    # a city before the noun is where it happens, not who does it
    assert triples("This Moscow visit marks the first trip abroad for Putin.") == set()


def test_an_acronym_opening_the_sentence_is_a_name_that_it_can_stand_for() -> None:
    [event] = events_of("UNITA said it attacked Russia.")
    assert event.source.text == "UNITA" and event.target.actor.code == "RUS"
    # a plain capitalised word opening a sentence is no name
    assert triples("Officials said it attacked Russia.") == set()
