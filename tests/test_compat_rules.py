"""General rules the PETRARCH validation records taught the coder, each on sentences written
for this test and a small dictionary folder written here (the validation set itself is not used)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.compat.syntax import name_words, text_tokens
from dyadline.evaluation.petrarch import coded_triples

ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
ROHAN [ROH]
THE_NORTH_KINGDOMS [ARN/ROH]   # one name, two actors
DOL_AMROTH [DOL]
"""

AGENTS = """\
GOVERNMENT [~GOV]
PRIME_MINISTER [~GOV]
LAWMAKER [~LEG]
OFFICIAL [~GOV]
POLICE {} [~COP]
"""

VERBS = """\
--- PRAISE [051] ---
PRAISE

--- CONCUR [081] ---
CONCUR
- % * [030:030]

--- DEPART [032:033] ---
DEPART {DEPARTED}

--- EXPECT [030] ---
EXPECT

--- ADD [060] ---
ADD
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory):
    pytest.importorskip("dyadline.actors")
    import os

    from dyadline import Coder

    folder = tmp_path_factory.mktemp("rules")
    for name, text in (("Rules.actors.txt", ACTORS), ("Rules.agents.txt", AGENTS), ("Rules.verbs.txt", VERBS),
                       ("dyadline.yaml", "actors: replace\nverbs: replace\n")):
        (folder / name).write_text(text, encoding="utf-8")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
    try:
        yield Coder(dictionaries=folder)
    finally:
        if old is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old


def coded(coder, text: str) -> set[tuple[str, str, str]]:
    return coded_triples(coder.analyse(text, date="2001-05-01"))


def test_a_code_naming_several_actors_codes_each(coder):
    assert coded(coder, "The North Kingdoms praised Gondor.") == {("ARN", "GON", "051"), ("ROH", "GON", "051")}
    assert coded(coder, "Gondor praised the North Kingdoms.") == {("GON", "ARN", "051"), ("GON", "ROH", "051")}


def test_compound_subject_members_may_carry_modifiers(coder):
    assert coded(coder, "Arnor and the proud ancient Rohan praised Gondor.") == {
        ("ARN", "GON", "051"), ("ROH", "GON", "051")}
    assert coded(coder, "Stern Arnor, the old Rohan, and young Gondor praised Dol Amroth.") == {
        ("ARN", "DOL", "051"), ("ROH", "DOL", "051"), ("GON", "DOL", "051")}


def test_mutual_pattern_is_chosen_for_a_compound_subject_only(coder):
    assert coded(coder, "Arnor and Rohan concur that the river is wide.") == {
        ("ARN", "ROH", "030"), ("ROH", "ARN", "030")}
    assert coded(coder, "Arnor concurs with Gondor on the river.") == {("ARN", "GON", "081")}


def test_verb_group_takes_cant_and_most_before_an_adverb(coder):
    assert coded(coder, "Rohan can't praise Gondor.") == {("ROH", "GON", "051")}
    assert coded(coder, "Rohan most certainly did not praise Gondor.") == {("ROH", "GON", "051")}


def test_agent_after_a_possessive_and_titles_and_a_target_after_for(coder):
    assert coded(coder, "Gondor's first Deputy Prime Minister departed for Rohan on Friday.") == {
        ("GONGOV", "ROH", "032"), ("ROH", "GONGOV", "033")}


def test_underscore_joins_nothing_in_a_text():
    assert text_tokens("Dol_Amroth")[0][0] == "dol" and name_words("DOL_AMROTH") == ("dol", "amroth")


def test_underscored_name_in_a_text_is_found(coder):
    assert coded(coder, "Arnor praised Dol_Amroth.") == {("ARN", "DOL", "051")}


def test_raised_subject_is_not_an_expecting_event(coder):
    got = coded(coder, "Arnor is expected to praise Rohan.")
    assert not any(code == "030" for _, _, code in got)
    assert ("ARN", "ROH", "051") in got
    assert ("GON", "ROH", "030") in coded(coder, "Gondor expected Rohan.")  # the verb itself still codes


def test_reported_clause_is_not_the_object_of_a_speech_verb(coder):
    assert coded(coder, "Arnor added that Gondor would fall.") == set()
    assert coded(coder, "Arnor added Gondor to the list.") == {("ARN", "GON", "060")}


def test_agents_linked_to_a_list_of_actors_hold_for_each(coder):
    assert coded(coder, "Lawmakers in Arnor and Rohan praised Gondor.") == {
        ("ARNLEG", "GON", "051"), ("ROHLEG", "GON", "051")}
    assert coded(coder, "Lawmakers and officials in Arnor praised Gondor.") == {
        ("ARNLEG", "GON", "051"), ("ARNGOV", "GON", "051")}
    assert coded(coder, "Officials of Arnor, Rohan and Dol Amroth praised Gondor.") == {
        ("ARNGOV", "GON", "051"), ("ROHGOV", "GON", "051"), ("DOLGOV", "GON", "051")}
    # an actor with its own agent keeps it
    assert coded(coder, "Officials of Arnor and Rohan police praised Gondor.") == {
        ("ARNGOV", "GON", "051"), ("ROHCOP", "GON", "051")}


def test_actor_naming_the_head_noun_of_the_subject(coder):
    assert coded(coder, "The Rohan border patrol praised Gondor.") == {("ROH", "GON", "051")}
    assert not any(s == "ROH" for s, _, _ in coded(coder, "In Rohan the border patrol praised Gondor."))
