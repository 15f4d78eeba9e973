"""Cutting an article's text into marked segments (web/annotate.py)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from dyadline.model import (Actor, Article, Event, EventCode, EventDate, Mention, Place, Sentence,
                            Span)
from dyadline.web.annotate import Mark, event_marks, locate_place, segments


def covered(segs, role: str) -> str:
    return "".join(s.text for s in segs if role in s.roles)


def test_overlapping_marks() -> None:
    text = "Russia and Iran signed a treaty in Moscow on Friday."
    marks = [Mark(0, len(text), "sentence"), Mark(0, 6, "source", "RUS"),
             Mark(11, 15, "target"), Mark(16, 22, "trigger"), Mark(35, 41, "place"),
             Mark(45, 51, "date"), Mark(11, 31, "quote")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert covered(segs, "source") == "Russia"
    assert covered(segs, "target") == "Iran"
    assert covered(segs, "quote") == "Iran signed a treaty"
    assert covered(segs, "sentence") == text
    iran = next(s for s in segs if s.text == "Iran")
    assert set(iran.roles) == {"sentence", "target", "quote"}
    assert segments(text, [Mark(3, 3, "empty"), Mark(-1, 4, "bad"), Mark(5, 999, "bad")]) == \
        segments(text, [])


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=60),
       st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70), st.sampled_from("abc")),
                max_size=8))
def test_segments_cover_the_text_and_each_mark_exactly(text: str, raw) -> None:
    marks = [Mark(a, b, role) for a, b, role in raw]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        assert text[s.start:s.end] == s.text
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            inside = "".join(s.text for s in segs
                             if m.role in s.roles and m.start <= s.start and s.end <= m.end)
            assert inside == text[m.start:m.end]


def test_event_marks_find_the_place_in_the_sentence() -> None:
    text = "Putin went to Moscow. Putin met Pezeshkian in Moscow on Friday."
    s0, s1 = Sentence(0, 0, 21), Sentence(1, 22, len(text))
    place = Place("Moscow", 46, 52, "Moscow", "RUS", 55.75, 37.62, 524901, "location")
    first = Place("Moscow", 14, 20, "Moscow", "RUS", 55.75, 37.62, 524901, "location")
    event = Event("a:1:0", s1, Mention("Putin", 22, 27, Actor("RUS", "GOV", "RUSGOV", "Vladimir Putin")),
                  Mention("Pezeshkian", 32, 42, Actor("IRN", "GOV", "IRNGOV", "Masoud Pezeshkian")),
                  EventCode("040", "04", 1, 1.0, "CONSULT"), Span("met", 28, 31),
                  EventDate("2025-01-17", "Friday", 56, 62),
                  Place("Moscow", -1, -1, "Moscow", "RUS", 55.75, 37.62, 524901))
    article = Article("a", "2025-01-14", text, sentences=(s0, s1), places=(first, place),
                      events=(event,))
    assert locate_place(article, event) == (46, 52)
    segs = segments(text, event_marks(article, event))
    for role, expected in (("source", "Putin"), ("target", "Pezeshkian"), ("trigger", "met"),
                           ("date", "Friday"), ("place", "Moscow")):
        assert covered(segs, role) == expected
    assert covered(segs, "sentence") == text[22:]
    assert any("RUSGOV" in n for s in segs for n in s.notes)
