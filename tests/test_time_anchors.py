"""Time rules of the third round: the tense of a clause, the quarter a financial report is
about, halves and periods.  Sentences written for the purpose."""

from __future__ import annotations

import pytest

from dyadline.text import segment
from dyadline.time import find_time_expressions

DCT = "2025-01-14"  # a Tuesday


def value_of(text: str, phrase: str, dct: str | None = DCT) -> str:
    found = find_time_expressions(segment(text), dct)
    for t in found:
        if t.text == phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found in {[(t.text, t.value) for t in found]}")


# -- tense -----------------------------------------------------------------------------------

def test_a_participle_after_be_takes_the_tense_of_its_auxiliary() -> None:
    # "appointed" is no past tense here: the verb group is "will be appointed"
    assert value_of("The new envoy will be appointed in November.", "November") == "2025-11"
    assert value_of("The new envoy was appointed in November.", "November") == "2024-11"


def test_the_tense_of_a_long_sentence_comes_from_its_verb_however_far() -> None:
    text = ("In June, after weeks of talks between the two delegations in a small mountain town "
            "near the northern border, the rebels signed the accord.")
    assert value_of(text, "June") == "2024-06"
    assert value_of(text.replace("signed", "will sign"), "June") == "2025-06"


# -- the quarter a report is about -------------------------------------------------------------

def test_an_earlier_quarter_named_for_comparison_does_not_move_the_report() -> None:
    text = ("Acme posted a 20% gain in third-quarter profit. After a flat second quarter, sales "
            "rose 6% from a year ago.")
    assert value_of(text, "a year ago", "2025-11-01") == "2024-Q3"


def test_the_quarter_in_progress_does_not_displace_the_reported_one() -> None:
    text = ("Analysts expect the decline to continue into the fourth quarter. Third-quarter "
            "sales fell 11% from a year ago. The latest quarter included a gain.")
    assert value_of(text, "a year ago", "2025-10-26") == "2024-Q3"
    assert value_of(text, "The latest quarter", "2025-10-26") == "2025-Q3"


def test_the_quarter_in_progress_stands_in_when_no_other_is_named() -> None:
    text = "Sales will rise in the fourth quarter, compared with a year ago."
    assert value_of(text, "a year ago", "2025-10-26") == "2024-Q4"


# -- halves and periods ------------------------------------------------------------------------

def test_the_last_half_of_a_year_is_its_second_half() -> None:
    assert value_of("Growth slowed in the last half of 2024.", "the last half of 2024") == "2024-H2"


def test_a_bare_last_half_is_not_a_half_year() -> None:
    found = find_time_expressions(segment("He scored twice in the last half."), DCT)
    assert found == []


def test_the_year_period_is_that_years_reported_quarter() -> None:
    text = "Third-quarter profit rose 9%. In the 2024 period, costs were higher."
    assert value_of(text, "the 2024 period", "2025-11-01") == "2024-Q3"


# -- spoken forms (broadcast transcripts) -------------------------------------------------------

def _all(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_time_expressions(segment(text), dct)]


@pytest.mark.parametrize("sentence, phrase, value", [
    ("The strike began in January nineteen ninety-seven.", "January nineteen ninety-seven",
     "1997-01"),
    ("It was the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
     "1994-WI"),
    ("The plan dates from the spring of two thousand and one.",
     "the spring of two thousand and one", "2001-SP"),
])
def test_a_spoken_year_stands_where_a_written_one_does(sentence: str, phrase: str,
                                                       value: str) -> None:
    assert value_of(sentence, phrase) == value


def test_two_thousand_years_is_a_span_not_the_year_2000() -> None:
    assert _all("The city has stood for more than two thousand years.") == [
        ("more than two thousand years", "P2000Y", "DURATION")]
    assert _all("He was jailed for two hundred days.") == [
        ("two hundred days", "P200D", "DURATION")]


@pytest.mark.parametrize("sentence, dct, value", [
    ("Prices soared in the nineties.", "1998-03-03", "199"),
    ("Prices soared in the nineties.", "2025-01-14", "199"),
    ("Prices soared in the late twenties.", "2025-01-14", "202"),
    ("Prices soared in the late twenties.", "1998-03-03", "192"),
])
def test_a_decade_in_words_is_the_latest_such_decade(sentence: str, dct: str, value: str) -> None:
    assert [v for _, v, _ in _all(sentence, dct)] == [value]


def test_a_decade_of_life_is_no_decade_of_the_calendar() -> None:
    assert _all("He was in his thirties.") == []


# -- anaphoric expressions count from the date the text is at ---------------------------------

def test_a_year_earlier_counts_from_the_date_its_sentence_gave() -> None:
    text = ("For the six months ended Aug. 12, Acme earned $6 million, compared with $18 million "
            "a year earlier.")
    assert value_of(text, "a year earlier", "1989-10-26") == "1988-08-12"


def test_a_year_earlier_without_a_date_in_its_sentence_keeps_the_report_quarter() -> None:
    text = "Acme's third-quarter profit rose on Aug. 12. Sales were flat from a year earlier."
    assert value_of(text, "a year earlier", "1989-10-26") == "1988-Q3"


def test_years_ago_counts_from_the_publication_date_not_the_sentence_date() -> None:
    text = "On Aug. 12 the firm marked its founding two years ago."
    assert value_of(text, "two years ago", "1989-10-26") == "1987"


def test_the_previous_weekday_is_the_one_before_the_date_the_article_is_at() -> None:
    text = ("Shares fell on Friday, Oct. 27. The index closed down 4.5% from the previous "
            "Friday.")
    assert value_of(text, "the previous Friday", "1989-10-30") == "1989-10-20"
    assert value_of("The index closed down from the previous Friday.", "the previous Friday",
                    "1989-10-30") == "1989-10-27"


def test_the_coming_weeks_is_a_span_of_unspecified_length() -> None:
    # as "the next few weeks": a DURATION, not the future as a whole
    assert _all("Talks will resume in the coming weeks.") == [("the coming weeks", "PXW", "DURATION")]
    assert _all("The months ahead will be hard.") == [("The months ahead", "PXM", "DURATION")]
    assert _all("He will decide in the future.") == [("the future", "FUTURE_REF", "DATE")]


def test_a_weekday_in_the_sentence_is_no_anchor_for_a_year_earlier() -> None:
    # "said Friday" dates the report; the figures compared are the quarter's
    text = ("Acme reported third-quarter results. The company said Friday that profit fell "
            "from a year earlier.")
    assert value_of(text, "a year earlier", "1989-10-30") == "1988-Q3"


def test_a_past_tense_yields_to_a_holiday_just_ahead() -> None:
    # published on Monday 17 April 2000, Easter Sunday on the 23rd
    text = "Protesters prayed for help as Easter week began."
    assert value_of(text, "Easter week", "2000-04-17") == "2000-W16"
    # a holiday months ahead: the past tense still means the last one
    assert value_of("Sales fell after Thanksgiving.", "Thanksgiving", "2000-01-07") == "1999-11-25"
    assert value_of("They met last Easter.", "last Easter", "2000-04-17") == "1999-04-04"


def test_a_plan_in_the_past_looks_ahead() -> None:
    # "were planning to" is one verb group, not the past "were" next to the date
    text = ("Protesters planned a large march through the old harbour district on Saturday and "
            "were planning to drive around the airport on Monday.")
    assert value_of(text, "Saturday", "2000-01-07") == "2000-01-08"
    assert value_of("The rally was held on Saturday.", "Saturday", "2000-01-07") == "2000-01-01"
