"""The petrarch suite, and the seed example coded with the Phoenix dictionaries loaded."""

from __future__ import annotations

import pytest

from dyadline.evaluation.petrarch import coded_triples, read_records, runnable, validation_dir


def test_records_are_read_with_their_codings(shared_data):
    folder = validation_dir(shared_data)
    records = read_records(folder / "PETR.UnitTest.records.xml")
    assert len(records) > 250
    by_id = {r.id: r for r in records}
    assert by_id["DEMO-00"].expected == {("ARN", "GON", "064")}
    assert by_id["DEMO-00"].date == "1995-01-01"
    assert by_id["DISCARD-01"].error == "storydiscard" and not by_id["DISCARD-01"].expected
    assert "COMPOUNDx" not in {r.category for r in records}  # not in the file's <Include>


def test_coded_triples_use_the_pattern_code_and_the_reverse_code():
    from dyadline.model import Actor, Event, EventCode, Mention, Sentence, Span

    def event(source, target, evidence):
        return Event("x", Sentence(0, 0, 1), Mention("a", 0, 1, Actor(source[:3], "", source)),
                     Mention("b", 0, 1, Actor(target[:3], "", target)) if target else None,
                     EventCode("010", "01", 0, 0.0, ""), Span("v", 0, 1), None, None, evidence=evidence)

    class Article:
        events = [event("ARN", "GON", "pattern 'ARRIVE [032:033]' (verbs.tsv:3) -> 010; source by subject rule"),
                  event("GON", "ARN", "pattern 'ARRIVE [032:033]' (verbs.tsv:3) -> 010; symmetric: the partner does it too"),
                  event("ARN", None, "pattern 'BREAK - * TREATY [1717]' (verbs.tsv:3) -> 171")]

    assert coded_triples(Article) == {("ARN", "GON", "032"), ("GON", "ARN", "033"), ("ARN", "---", "1717")}


def test_petrarch_suite_runs_on_a_sample(shared_data, tmp_path, monkeypatch):
    pytest.importorskip("dyadline.actors")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from dyadline.evaluation import run_suite

    result = run_suite("petrarch", shared_data, sample=40)
    assert result.counts["records"] == 40
    assert 0.0 <= result.metrics["recall"] <= 1.0
    assert "cat_demo_recall" in result.metrics and "spurious_per_record" in result.metrics
    assert result.metrics["recall"] > 0.05  # the patterns do code with the validation dictionaries


def test_seed_acceptance_holds_with_the_phoenix_dictionaries(shared_data, tmp_path, monkeypatch):
    """Issue 4: with the Phoenix dictionaries on top of the built-in ones, the example keeps every
    required event and a precision of at least 0.8."""
    phoenix = shared_data / "dictionaries" / "phoenix"
    if not phoenix.is_dir():
        pytest.skip(f"{phoenix} is absent")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from dyadline import Coder
    from dyadline.evaluation import seed

    result = seed.run(shared_data, coder=Coder(dictionaries=phoenix))
    missing = [d for d in result.details if d.startswith("missing required")]
    assert result.metrics["required_recall"] == 1.0, missing
    assert result.metrics["precision"] >= 0.8, result.details


def test_config_require_dyad_applies_to_the_records_after_it(tmp_path):
    """PETRARCH's <Config option="require_dyad"> sets the option for the records that follow
    it (default true): with it, an event lacking a source or a target is not coded."""
    path = tmp_path / "records.xml"
    path.write_text(
        "<Validation><Environment><Include>valid A</Include></Environment><Sentences>"
        '<Sentence date="20010203" id="A-1" category="A"><Text>x</Text></Sentence>'
        '<Config option="require_dyad" value="False"></Config>'
        '<Sentence date="20010203" id="A-2" category="A"><Text>y</Text></Sentence>'
        '<Config option="require_dyad" value="TRUE"></Config>'
        '<Sentence date="20010203" id="A-3" category="A"><Text>z</Text></Sentence>'
        '<Sentence date="20010203" id="A-4" category="A"><EventCoding error="bad_input_parse"></EventCoding>'
        "<Text>w</Text></Sentence>"
        "</Sentences></Validation>", encoding="utf-8")
    records = read_records(path)
    assert [r.require_dyad for r in records] == [True, False, True, True]
    # a record testing PETRARCH's parse-tree reader is not one a text-only coder is held to
    assert [r.id for r in runnable(records)] == ["A-1", "A-2", "A-3"]

    from dyadline.model import Actor, Event, EventCode, Mention, Sentence, Span

    class Article:
        events = [Event("x", Sentence(0, 0, 1), Mention("officials", 0, 1, Actor(None, "GOV", "---GOV")), None,
                        EventCode("023", "02", 0, 0.0, ""), Span("said", 0, 1), None, None,
                        evidence="pattern 'SAID [023]' (verbs.txt:1) -> 023")]

    assert coded_triples(Article) == {("---GOV", "---", "023")}
    assert coded_triples(Article, require_dyad=True) == set()
