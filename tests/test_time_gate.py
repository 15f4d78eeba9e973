"""The gate in front of the time regex, and the fast scan that picks the places where the rules
are tried, must only make it faster, never change what it finds."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyadline.time as time_module
from dyadline.evaluation import default_data_dir
from dyadline.text import segment
from dyadline.time import find_time_expressions
from dyadline.time.patterns import ungated

SAMPLE = """\
On Friday, Oct. 23, 1998 at 3 p.m. Tuesday, the 1990s ended; next week, two years ago, in June
1998 and in the third quarter of 1990 and 1991. At least the past two months, more than four
decades ago, the first half of 2024, nineteen ninety-six, the year two thousand, 5 1/2 hours,
12 to 18 months, 2-3 weeks, the '80s, 10:35 a.m. EST, 20th century, the year-earlier period,
earlier in the year, year-end, the end of the month, late last year, a year earlier, this year's
third quarter, fiscal 1989, mid-November, the previous Friday, Thursday nights, every week,
$5 billion a year, daily, half an hour, a year and a half, up to 30 days, for years, decades-long,
the past, recent years, the coming weeks, as soon as possible, now, currently, Christmas Day,
Thanksgiving, last spring, the summer of 2023, this morning, tonight, late yesterday, 14 January
2025, 2025-01-14, 1/14/2025, noon Saturday, the weekend, the week's gains, for the year ended.
Q3 2024, H1 2025, 14/01/2025, two more weeks, another year, the fiscal year, Thursday nights.
MOSCOW, JAN 14 - at 0630 GMT and 14:00 local time, FY2025, later that year, IN MAY.
"""


def _both(text: str, dct: str | None, monkeypatch) -> tuple[list, list]:
    """(what the fast scan finds, what the ungated regex searched over all the text finds)."""
    doc = segment(text)
    scanned = find_time_expressions(doc, dct)
    with monkeypatch.context() as patch:
        patch.setattr(time_module, "USE_SCAN", False)
        patch.setattr(time_module, "combined", ungated)
        plain = find_time_expressions(doc, dct)
    return scanned, plain


def test_gate_changes_nothing_on_written_sample(monkeypatch) -> None:
    scanned, plain = _both(SAMPLE, "2025-01-14", monkeypatch)
    assert len(plain) > 50
    assert scanned == plain


def test_gated_search_finds_what_the_ungated_one_finds(monkeypatch) -> None:
    monkeypatch.setattr(time_module, "USE_SCAN", False)
    doc = segment(SAMPLE)
    gated = find_time_expressions(doc, "2025-01-14")
    monkeypatch.setattr(time_module, "combined", ungated)
    assert find_time_expressions(doc, "2025-01-14") == gated


# places the scan must not miss: a chain through "'s", words split by dashes and spaces, a
# digit after letters, a decade after an apostrophe, a number no rule takes
AWKWARD = ("That's two days. The  past -- two weeks. Q3 and FY2025, the '90s, $5 million, 3.5 "
           "years, mid-1990s, at least the better part of a decade, A1990, in\u00a0May 2020, "
           "Oct.23, 1998, 2-3 weeks, the year two thousand, 10:35 a.m. EST, 0630 GMT.")


def test_scan_finds_what_the_search_finds_in_awkward_places(monkeypatch) -> None:
    scanned, plain = _both(AWKWARD, "2025-01-14", monkeypatch)
    assert len(plain) > 10
    assert scanned == plain


@pytest.mark.shared
def test_gate_changes_nothing_on_timebank(monkeypatch) -> None:
    root = default_data_dir() / "dev" / "temporal" / "TBAQ-cleaned"
    files = sorted(Path(root).glob("*/*.tml"))[:40]
    if not files:
        pytest.skip(f"TimeBank not found under {root} (shared data absent)")
    from dyadline.evaluation.timebank import read_tml

    for path in files:
        doc = read_tml(path)
        scanned, plain = _both(doc.text, doc.dct, monkeypatch)
        assert scanned == plain, path.name
