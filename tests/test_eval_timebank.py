"""The timebank suite: TimeML reading, offsets, scoring, and figures on a sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.evaluation import SUITES, default_data_dir
from dyadline.evaluation import timebank

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-14T09:30" temporalFunction="false" functionInDocument="CREATION_TIME">20250114</TIMEX3></DCT>
<TEXT>
Leaders <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-01-10">Friday</TIMEX3> &amp; will talk for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> in <TIMEX3 tid="t3" type="DATE" value="2025-06">June</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_offsets_and_dct(tmp_path: Path) -> None:
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = timebank.read_tml(path)
    assert doc.dct == "2025-01-14"
    assert "&amp;" not in doc.text and " & " in doc.text
    assert [(t.text, t.value, t.type) for t in doc.timexes] == [
        ("Friday", "2025-01-10", "DATE"), ("three days", "P3D", "DURATION"), ("June", "2025-06", "DATE")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_suite_scores_a_written_corpus(tmp_path: Path) -> None:
    folder = tmp_path / timebank.SUBDIR / "Mini"
    folder.mkdir(parents=True)
    (folder / "t1.tml").write_text(TML, encoding="utf-8")
    result = timebank.run(tmp_path)
    # "met on Friday" -> last Friday, "for three days" -> P3D, "will ... in June" -> 2025-06
    assert result.counts["gold"] == 3
    assert result.metrics["strict_f1"] == 1.0
    assert result.metrics["value_f1"] == 1.0
    assert result.metrics["date_value_f1"] == 1.0
    assert result.metrics["type_accuracy"] == 1.0


def test_missing_gold_is_reported(tmp_path: Path) -> None:
    from dyadline.evaluation import GoldMissing

    with pytest.raises(GoldMissing):
        timebank.run(tmp_path)


def test_registered() -> None:
    assert SUITES["timebank"] == "dyadline.evaluation.timebank:run"


@pytest.mark.shared
def test_timebank_sample_floor() -> None:
    data = default_data_dir()
    if not (data / timebank.SUBDIR).is_dir():
        pytest.skip(f"TimeBank not found under {data / timebank.SUBDIR} (shared data absent)")
    result = timebank.run(data, sample=10)
    assert result.counts["documents"] == 10 and result.counts["errors"] == 0
    # measured on these 10 documents: strict 0.92, relaxed 0.97, value 0.81, DATE value 0.88
    assert result.metrics["strict_f1"] >= 0.85
    assert result.metrics["relaxed_f1"] >= 0.92
    assert result.metrics["value_f1"] >= 0.75
    assert result.metrics["date_value_f1"] >= 0.82
    assert result.metrics["type_accuracy"] >= 0.85
