"""Event coverage rules (trigger side): events whose partner the target rules cannot attach,
subjects the clause rules reach, and the lexicon's vocabulary families.  Sentences written
for these tests; mentions built by hand (tests/eventkit.py)."""

from __future__ import annotations

from eventkit import events_of, hand_mentions, triples

from dyadline.events import code_events, load_lexicon
from dyadline.text import segment


def test_an_actor_the_target_rules_cannot_attach_leaves_a_source_only_event() -> None:
    # "promise" takes an object, not "for": Ukraine is out of the target rules' reach, but the
    # promise itself is reported, with its source alone
    assert triples("Russia promised more money for Ukraine's reconstruction.") == {("RUS", None, "030")}


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
