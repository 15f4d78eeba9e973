"""Event coverage rules (trigger side): events whose partner the target rules cannot attach,
subjects the clause rules reach, and the lexicon's vocabulary families.  Sentences written
for these tests; mentions built by hand (tests/eventkit.py)."""

from __future__ import annotations

from eventkit import triples


def test_an_actor_the_target_rules_cannot_attach_leaves_a_source_only_event() -> None:
    # "promise" takes an object, not "for": Ukraine is out of the target rules' reach, but the
    # promise itself is reported, with its source alone
    assert triples("Russia promised more money for Ukraine's reconstruction.") == {("RUS", None, "030")}


def test_the_agent_of_a_participle_still_blocks_a_target_less_event() -> None:
    # "aid provided by Iran": the structure names the partner, out of the rules' reach
    assert triples("Israel vowed to cut off aid provided by countries like Iran.") == set()
    assert triples("Israel will cut off aid provided by Iran.") == set()
