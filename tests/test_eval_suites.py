"""The quad and dyads scorers on tiny hand-made gold, and every suite against the CI baseline.

The scorer tests use made-up gold and predictions, so the metric code is tested apart from
the coder.  The baseline tests run each registered suite on its CI sample and fail when a
figure falls more than the tolerance below ``benchmarks/baseline.json`` (refresh it with
``python -m dyadline.evaluation.baseline --update``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from dyadline.evaluation import SUITES, SuiteResult, baseline
from dyadline.evaluation.dyads import (DyadItem, Tally, bio_spans, detokenise, match_count, metrics_of,
                                       new_tallies, predicted_spans, read_conll, score_sentence,
                                       set_aside_reciprocal, strip_article)
from dyadline.evaluation.quad import (QuadItem, SentenceCoder, classification_scores, predict_all,
                                      predict_class, quad_of_cameo, read_quad, score, top_event)


# --------------------------------------------------------------------------- fakes

@dataclass(frozen=True)
class FakeSpan:
    start: int
    end: int


@dataclass(frozen=True)
class FakeCode:
    cameo: str

    @property
    def quad_class(self) -> int:
        return quad_of_cameo(self.cameo)


@dataclass(frozen=True)
class FakeEvent:
    cameo: str
    confidence: float
    negated: bool = False
    source: FakeSpan | None = None
    target: FakeSpan | None = None
    trigger: tuple[int, int] = (0, 1)

    @property
    def code(self) -> FakeCode:
        return FakeCode(self.cameo)


# --------------------------------------------------------------------------- quad

def test_quad_classes_follow_phoenix_as_the_gold_does():
    assert [quad_of_cameo(c) for c in ("010", "020", "036", "057", "061", "0874", "090", "1246",
                                       "138", "141", "152", "163", "195", "2041")] == \
        [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 3, 4, 4]
    with pytest.raises(KeyError):
        quad_of_cameo("210")


def test_top_event_is_the_most_confident_non_negated_one_first_on_ties():
    events = [FakeEvent("040", 0.8), FakeEvent("190", 0.95, negated=True), FakeEvent("111", 0.9),
              FakeEvent("051", 0.9)]
    assert top_event(events).cameo == "111"
    assert predict_class(events) == 3
    assert predict_class([FakeEvent("190", 0.9, negated=True)]) is None
    assert predict_class([]) is None


def test_classification_scores_by_hand():
    gold = [0, 0, 1, 1, 4]
    predicted = [0, 1, 1, None, 4]
    s = classification_scores(gold, predicted)
    assert s["accuracy"] == pytest.approx(3 / 5)
    # class 0: P 1/1, R 1/2 -> F1 2/3; class 1: P 1/2, R 1/2 -> 1/2; class 4: 1; classes 2, 3 absent
    assert s["f1_0"] == pytest.approx(2 / 3)
    assert s["f1_1"] == pytest.approx(1 / 2)
    assert s["f1_4"] == pytest.approx(1.0)
    assert s["macro_f1"] == pytest.approx((2 / 3 + 1 / 2 + 1) / 3)
    with pytest.raises(ValueError):
        classification_scores([0], [])


def test_quad_score_separates_coverage_from_accuracy():
    items = [QuadItem(i, f"s{i}", label) for i, label in enumerate([0, 1, 3, 4])]
    metrics, counts = score(items, [0, 3, None, 4])
    assert metrics["coverage"] == pytest.approx(3 / 4)
    assert metrics["accuracy_coded"] == pytest.approx(2 / 3)
    assert metrics["accuracy_all"] == pytest.approx(2 / 4)
    assert counts["coded"] == 3 and counts["correct"] == 2 and counts["gold_3"] == 1
    assert counts["predicted_3"] == 1 and counts["correct_3"] == 0


def test_a_coder_failure_is_counted_not_raised():
    class Flaky:
        def analyse(self, text, date=None, id=None):
            if "boom" in text:
                raise RuntimeError("bad sentence")

            class Article:
                events = (FakeEvent("190", 0.9),)
            return Article()

    coder = SentenceCoder(Flaky())
    items = [QuadItem(0, "They fought.", 4), QuadItem(1, "boom", 1), QuadItem(2, "They fought.", 4)]
    assert predict_all(items, coder) == [4, None, 4]
    assert coder.failures == 1 and "quad-1: RuntimeError: bad sentence" in coder.first_error


def test_read_quad_names_a_bad_line(tmp_path: Path):
    good = tmp_path / "good.tsv"
    good.write_text("Police arrested \"the\" leader.\t4\nThey met.\t1\n", encoding="utf-8")
    assert [(i.text, i.label) for i in read_quad(good)] == [("Police arrested \"the\" leader.", 4),
                                                             ("They met.", 1)]
    bad = tmp_path / "bad.tsv"
    bad.write_text("They met.\t1\nNo class here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2"):
        read_quad(bad)


# --------------------------------------------------------------------------- dyads

def test_detokenise_keeps_token_offsets():
    tokens = ["The", "EU", "’", "s", "chief", "(", "Jos", "é", ")", "said", ",", "U", ".", "S", ".", "-",
              "backed", "forces", "'", "extremists", "'", "cost", "$", "88", ",", "550", "."]
    text, offsets = detokenise(tokens)
    assert text == "The EU’s chief (José) said, U.S.-backed forces 'extremists' cost $88,550."
    assert [text[a:b] for a, b in offsets] == tokens


def test_detokenise_plural_possessive_and_dates():
    text, _ = detokenise(["the", "Kurds", "'", "role", "on", "July", "7", ",", "2017"])
    assert text == "the Kurds' role on July 7, 2017"


def test_bio_spans():
    tags = ["B-S", "I-S", "O", "B-T", "B-T", "I-T", "O", "I-R", "I-R"]
    assert bio_spans(tags) == {"S": [(0, 2)], "T": [(3, 4), (4, 6)], "R": [(7, 9)]}


def test_read_conll(tmp_path: Path):
    path = tmp_path / "g.conll"
    path.write_text("Iraqi B-S\ntroops I-S\nhit O\nthe B-T\ntown I-T\n. O\n\nThey O\nmet O\n", encoding="utf-8")
    items = read_conll(path)
    assert [i.text for i in items] == ["Iraqi troops hit the town.", "They met"]
    assert items[0].spans == {"S": [(0, 12)], "T": [(17, 25)]}
    bad = tmp_path / "bad.conll"
    bad.write_text("Iraqi B-S\ntroops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.conll:2"):
        read_conll(bad)


def test_strip_article_and_matching():
    text = "the Syrian army shelled an old town"
    assert strip_article(text, (0, 15)) == (4, 15)
    assert strip_article(text, (4, 15)) == (4, 15)
    assert strip_article(text, (24, 35)) == (27, 35)
    assert match_count([(0, 5), (10, 20)], [(0, 5), (12, 14)], relaxed=False) == 1
    assert match_count([(0, 5), (10, 20)], [(0, 5), (12, 14)], relaxed=True) == 2
    # one-to-one: two predictions inside one gold span match it once
    assert match_count([(0, 20)], [(0, 5), (10, 15)], relaxed=True) == 1
    tally = Tally()
    tally.add([(0, 5)], [(0, 5), (7, 9)], relaxed=False)
    tally.add([(0, 5), (8, 9)], [], relaxed=False)
    assert tally.prf() == pytest.approx((1 / 2, 1 / 3, 0.4))


def test_reciprocal_parties_are_set_aside():
    assert set_aside_reciprocal([(0, 5), (10, 15)], gold=[], reciprocal=[(9, 20)]) == [(0, 5)]
    assert set_aside_reciprocal([(10, 15)], gold=[(10, 12)], reciprocal=[(9, 20)]) == [(10, 15)]


def test_score_sentence_by_hand():
    text = "The United Kingdom and France opposed the resolutions."
    item = DyadItem(0, text, [], [], {"S": [(0, 18), (23, 29)], "T": [(38, 53)]})
    tallies = new_tallies()
    score_sentence(item, {"S": [(4, 18), (23, 29)], "T": [(42, 53)]}, tallies)
    metrics = metrics_of(tallies)
    assert metrics["source_f1"] == pytest.approx(1.0)  # article set aside
    assert metrics["source_f1_strict"] == pytest.approx(0.5)
    assert metrics["target_f1"] == pytest.approx(1.0)
    assert metrics["target_f1_strict"] == pytest.approx(0.0)
    assert metrics["target_f1_overlap"] == pytest.approx(1.0)


def test_predicted_spans_keep_compound_siblings_not_symmetric_copies():
    uk, fr, res = FakeSpan(0, 18), FakeSpan(23, 29), FakeSpan(38, 53)
    events = [FakeEvent("120", 0.9, source=uk, target=res, trigger=(30, 37)),
              FakeEvent("120", 0.9, source=fr, target=res, trigger=(30, 37)),
              FakeEvent("120", 0.8, source=res, target=uk, trigger=(30, 37)),
              FakeEvent("040", 0.7, source=res, target=fr, trigger=(40, 44))]
    assert predicted_spans(events) == {"S": [(0, 18), (23, 29)], "T": [(38, 53)]}
    assert predicted_spans([]) == {"S": [], "T": []}


# --------------------------------------------------------------------------- baseline logic

def test_regressions_respect_tolerance_and_direction():
    entry = {"metrics": {"f1": 0.80, "accuracy": 0.5, "mean_error_km": 100.0, "median_error_km": 50.0,
                         "gone": 0.3},
             "lower_is_better": ["mean_error_km", "median_error_km"]}
    # errors in km may rise by 2% of their value (101 passes), not more (51.5 > 50 * 1.02)
    result = SuiteResult("x", {"f1": 0.785, "accuracy": 0.47, "mean_error_km": 101.0, "median_error_km": 51.5,
                               "new": 0.1})
    problems = baseline.regressions(entry, result, tolerance=0.02)
    assert len(problems) == 3
    assert any("x.median_error_km" in p for p in problems)
    assert not any("x.mean_error_km" in p for p in problems)
    assert any("x.accuracy" in p for p in problems)
    assert any("x.gone" in p and "missing" in p for p in problems)
    assert not any("x.f1" in p for p in problems)


def test_update_then_check_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    figures = {"toy": {"f1": 0.5, "error_km": 10.0, "ms_per_article": 3.0}}

    def fake_run_suite(name, data_dir=None, sample=None):
        return SuiteResult(name, dict(figures[name]))

    monkeypatch.setattr(baseline, "run_suite", fake_run_suite)
    path = tmp_path / "baseline.json"
    baseline.update(["toy"], tmp_path, path, echo=lambda *_: None)
    recorded = json.loads(path.read_text())
    assert recorded["suites"]["toy"]["metrics"] == {"error_km": 10.0, "f1": 0.5}
    assert recorded["suites"]["toy"]["lower_is_better"] == ["error_km"]
    assert baseline.check(["toy"], tmp_path, path, echo=lambda *_: None) == []
    figures["toy"] = {"f1": 0.45, "error_km": 10.0, "ms_per_article": 9.0}  # timings are not held
    assert len(baseline.check(["toy"], tmp_path, path, echo=lambda *_: None)) == 1
    assert "no baseline" in baseline.check(["other"], tmp_path, path, echo=lambda *_: None)[0]
    # a direction corrected by hand survives an update; a new metric gets the one its name suggests
    data = json.loads(path.read_text())
    data["suites"]["toy"]["lower_is_better"] = []
    path.write_text(json.dumps(data))
    figures["toy"] = {"f1": 0.5, "error_km": 10.0, "median_km": 3.0}
    baseline.update(["toy"], tmp_path, path, echo=lambda *_: None)
    assert json.loads(path.read_text())["suites"]["toy"]["lower_is_better"] == ["median_km"]


def test_metric_directions_by_name():
    assert baseline.lower_is_better("lgl_mean_km") and baseline.lower_is_better("gwn_auc")
    assert baseline.lower_is_better("spurious_per_record")
    assert not baseline.lower_is_better("cat_error_exact")  # petrarch: share of 'error' records right
    assert baseline.is_timing("geovirus_ms_per_article") and not baseline.is_timing("source_f1")


# --------------------------------------------------------------------------- CI: suites vs baseline

def test_every_registered_suite_has_a_baseline():
    recorded = baseline.load()["suites"]
    missing = sorted(set(SUITES) - set(recorded))
    assert not missing, (f"no baseline for {', '.join(missing)}: run "
                         f"python -m dyadline.evaluation.baseline --update {' '.join(missing)}")
    for name in SUITES:
        assert recorded[name]["sample"] == baseline.sample_for(name), \
            f"{name}: baseline recorded on sample {recorded[name]['sample']}, CI runs {baseline.sample_for(name)}"


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_suite_holds_its_baseline(suite: str, shared_data: Path):
    entry = baseline.load()["suites"].get(suite)
    if entry is None:
        pytest.fail(f"no baseline recorded for {suite}: python -m dyadline.evaluation.baseline --update {suite}")
    from dyadline.evaluation import GoldMissing

    try:
        result, _ = baseline.timed_run(suite, shared_data, entry["sample"])
    except GoldMissing as exc:
        pytest.skip(f"{suite}: gold data not found ({exc})")
    problems = baseline.regressions(entry, result, float(baseline.load().get("tolerance", baseline.TOLERANCE)))
    assert not problems, "\n".join(problems)
