"""Reading articles: every kind of bad input gives one clear error and the rest is read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dyadline.inputs import MAX_TEXT_CHARS, InputError, check_date, read_inputs
from dyadline.model import ArticleInput


def _split(items):
    articles = [i for i in items if isinstance(i, ArticleInput)]
    errors = [i for i in items if isinstance(i, InputError)]
    return articles, errors


def test_text_file_gets_id_from_stem_and_default_date(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Putin met Xi in Beijing.", encoding="utf-8")
    articles, errors = _split(list(read_inputs([str(tmp_path / "story.txt")], default_date="2025-01-14")))
    assert not errors
    assert articles[0].id == "story" and articles[0].date == "2025-01-14"


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Iran praised Russia.", encoding="utf-8")
    lines = [
        json.dumps({"id": "a", "text": "Russia attacked Ukraine.", "date": "2024-02-01"}),
        "{not json",
        json.dumps({"id": "b", "text": "x", "date": "01/02/2024"}),
        json.dumps({"id": "c"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": "d", "text": "Israel struck Gaza."}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _split(list(read_inputs([str(tmp_path)])))
    assert sorted(a.id for a in articles) == ["a", "d", "good"]
    reasons = {Path(e.origin).name: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "malformed JSON" in reasons["batch.jsonl:2"]
    assert "YYYY-MM-DD" in reasons["batch.jsonl:3"]
    assert "missing 'text'" in reasons["batch.jsonl:4"]
    assert "JSON object" in reasons["batch.jsonl:5"]
    for error in errors:
        assert "\n" not in str(error)


def test_oversized_text_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.write(b"a" * (MAX_TEXT_CHARS * 4 + 10))
    _, errors = _split(list(read_inputs([str(big)])))
    assert errors and "MB" in errors[0].reason


def test_missing_path_and_stdin() -> None:
    _, errors = _split(list(read_inputs(["/nonexistent/file.txt"])))
    assert "no such file" in errors[0].reason
    stdin = io.TextIOWrapper(io.BytesIO(b'{"text": "Iran met Iraq.", "id": "s"}\n'), encoding="utf-8")
    articles, errors = _split(list(read_inputs(["-"], stdin=stdin)))
    assert articles[0].id == "s" and not errors


@pytest.mark.parametrize("value", ["2025-1-14", "14/01/2025", "2025-02-30", "", "2025-01-14T00:00"])
def test_check_date_refuses_wrong_formats(value: str) -> None:
    with pytest.raises(ValueError):
        check_date(value)


def test_check_date_accepts_iso() -> None:
    assert check_date("2025-01-14") == "2025-01-14"
