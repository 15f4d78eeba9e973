"""The coder end to end: the Python API, the contract's JSON, and the seed acceptance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadline import Coder
from dyadline.model import Article

CONTRACT_EVENT_KEYS = {"id", "sentence", "source", "target", "plover", "cameo", "trigger", "date",
                       "location", "negated", "modality", "confidence", "evidence"}


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="module")
def example(shared_data: Path) -> tuple[str, Article]:
    text = (shared_data.parent / "examples" / "russia-iran-treaty" / "article.txt").read_text(encoding="utf-8")
    return text, Coder().analyse(text, date="2025-01-14", id="russia-iran-treaty")


def test_api_returns_an_article_with_records(coder: Coder) -> None:
    article = coder.analyse("Russian President Vladimir Putin met Chinese President Xi Jinping in "
                            "Beijing on Friday.", date="2025-01-14", id="a1")
    assert article.id == "a1" and article.date == "2025-01-14"
    codes = {(e.source.actor.code, e.target.actor.code) for e in article.events}
    assert ("RUS", "CHN") in codes
    event = next(e for e in article.events if e.source.actor.code == "RUS")
    assert event.date.value == "2025-01-10"  # "met ... on Friday": the Friday before
    assert event.location is not None and event.location.name == "Beijing"


def test_contract_json_round_trips(example: tuple[str, Article]) -> None:
    text, article = example
    data = json.loads(json.dumps(article.to_json()))
    assert set(data) == {"id", "date", "mentions", "events", "quotes", "dates", "places"}
    for event in data["events"]:
        assert set(event) == CONTRACT_EVENT_KEYS
        assert event["id"].startswith("russia-iran-treaty:")
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["cameo"]["quad_class"] in range(5)
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        for role in ("source", "target"):
            if event[role]:
                assert text[event[role]["start"]:event[role]["end"]] == event[role]["text"]
    for key in ("mentions", "dates", "places", "quotes"):
        for record in data[key]:
            assert text[record["start"]:record["end"]] == record["text"]
    assert Article.from_json(article.to_json(include_text=True)).to_json() == article.to_json()


def test_seed_acceptance(shared_data: Path) -> None:
    from dyadline.evaluation.seed import run

    result = run(shared_data)
    assert result.metrics["required_recall"] == 1.0, result.details
    assert result.metrics["precision"] >= 0.8, result.details
    assert result.metrics["quote_speakers"] == 1.0, result.details
    assert result.counts["actors_right"] >= 9, result.details


def test_bad_dates_are_refused(coder: Coder) -> None:
    with pytest.raises(ValueError):
        coder.analyse("Iran met Iraq.", date="14/01/2025")


def test_empty_and_odd_texts_do_not_crash(coder: Coder) -> None:
    for text in ["", " ", "\n\n\n", "“", "&amp;&quot;", "A" * 5000, "Putin." * 200]:
        assert isinstance(coder.analyse(text, date="2025-01-14"), Article)



def test_texts_over_spacys_default_limit_segment_and_oversized_ones_are_refused(coder: Coder) -> None:
    from dyadline.inputs import MAX_TEXT_CHARS
    from dyadline.text import segment

    long_text = ("Russia attacked Ukraine on Monday. " * 40_000)[:1_200_000]  # over spaCy's 1M guard
    doc = segment(long_text)
    assert len(doc.sentences) > 30_000 and doc.tokens[-1].end <= len(long_text)
    with pytest.raises(ValueError, match="limit"):
        coder.analyse("x" * (MAX_TEXT_CHARS + 1))


def test_loaded_data_and_grown_caches_are_frozen_out_of_the_collector(monkeypatch) -> None:
    """Everything alive is frozen after the 1st, 2nd, 4th, 8th ... article (the caches filled by
    later articles too), and at no other article."""
    import gc

    from dyadline import coder as coder_module

    frozen_at: list[int] = []
    monkeypatch.setattr(coder_module, "_coded", 0)
    monkeypatch.setattr(gc, "freeze", lambda: frozen_at.append(coder_module._coded))
    for _ in range(9):
        coder_module._freeze_loaded_data()
    assert frozen_at == [1, 2, 4, 8]


def test_an_articles_records_do_not_depend_on_what_was_coded_before(shared_data: Path) -> None:
    """The coder keeps caches that grow with every article (name lookups, lexicon buckets, time
    scans, gazetteer keys) and freezes them out of the collector; none of that may change what it
    finds. Forty real articles coded in one order and in the reverse order give the same JSON."""
    from dyadline.evaluation.timebank import read_tml

    paths = sorted((shared_data / "dev" / "temporal").rglob("*.tml"))[:40]
    if len(paths) < 40:
        pytest.skip("TimeBank articles not found")
    docs = [read_tml(path) for path in paths]
    forward = [Coder().analyse(d.text, date=d.dct, id=str(k)).to_json() for k, d in enumerate(docs)]
    one = Coder()
    backward = {k: one.analyse(docs[k].text, date=docs[k].dct, id=str(k)).to_json()
                for k in reversed(range(len(docs)))}
    assert [backward[k] for k in range(len(docs))] == forward
    assert sum(len(article["events"]) for article in forward) > 20  # the articles do code events
