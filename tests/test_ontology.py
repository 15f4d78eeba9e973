"""The CAMEO/PLOVER table: every code's quad class, Goldstein value and PLOVER event."""

from __future__ import annotations

import pytest

from dyadline.ontology import PLOVER_EVENTS, UnknownCameoCode, all_codes, event_code


def test_quad_class_follows_the_contract_for_every_code() -> None:
    expected = {0: range(1, 3), 1: range(3, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for code in all_codes():
        quad = event_code(code).quad_class
        assert int(code[:2]) in expected[quad], code


def test_plover_events_and_goldstein_values() -> None:
    for code in all_codes():
        record = event_code(code)
        assert record.plover_event in PLOVER_EVENTS or (record.plover_event == "" and code.startswith("01"))
        assert -10.0 <= record.goldstein <= 10.0
    assert event_code("036").plover_event == "AGREE" and event_code("036").goldstein == 4.0
    assert event_code("163").plover_event == "COERCE" and event_code("163").quad_class == 4
    assert {event_code(c).plover_event for c in all_codes()} - {""} == set(PLOVER_EVENTS)


def test_unknown_code() -> None:
    with pytest.raises(UnknownCameoCode):
        event_code("999")
