"""Time expressions: one test per rule, on sentences written for the purpose.

Publication date in most tests: 2025-01-14, a Tuesday (as in the canonical example).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadline.text import segment
from dyadline.time import find_time_expressions

DCT = "2025-01-14"


def timexes(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    found = find_time_expressions(segment(text), dct)
    for t in found:
        assert text[t.start:t.end] == t.text, "offsets must index the text as given"
    return [(t.text, t.value, t.type) for t in found]


def value_of(text: str, phrase: str, dct: str | None = DCT) -> str:
    for found, value, _ in timexes(text, dct):
        if found == phrase:
            return value
    raise AssertionError(f"{phrase!r} not found in {timexes(text, dct)}")


# -- the canonical example ------------------------------------------------------------------

def test_example_friday_is_the_coming_friday() -> None:
    text = ("Russian President Vladimir Putin and Iranian President Pezeshkian will meet in "
            "Moscow on Friday to sign a comprehensive partnership treaty.")
    assert timexes(text) == [("Friday", "2025-01-17", "DATE")]


def test_example_in_june_with_past_tense_is_last_june() -> None:
    assert value_of("In June, Putin met with North Korean leader Kim Jong Un in Pyongyang.",
                    "June") == "2024-06"


def test_example_since_election_in_july() -> None:
    text = ("This Moscow visit marks President Pezeshkian's first trip abroad since his election "
            "victory in July.")
    assert value_of(text, "July") == "2024-07"


def test_example_article_offsets() -> None:
    text = "Leaders will meet in Moscow on Friday. Sullivan recently stated it."
    found = find_time_expressions(segment(text), DCT)
    assert [(t.start, t.end) for t in found] == [(31, 37), (48, 56)]
    assert [t.value for t in found] == ["2025-01-17", "PAST_REF"]


# -- weekdays and tense ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("The ministers will meet on Friday.", "2025-01-17"),
    ("The ministers met on Friday.", "2025-01-10"),
    ("The ministers are meeting on Friday.", "2025-01-17"),
    ("The ministers are expected to meet on Thursday.", "2025-01-16"),
    ("The ministers had met on Thursday.", "2025-01-09"),
    ("The vote is to take place on Monday.", "2025-01-20"),
    ("The talks took place on Monday.", "2025-01-13"),
    ("Talks on Tuesday.", "2025-01-14"),            # the publication day itself
    ("They signed the deal last Tuesday.", "2025-01-07"),
    ("They will sign the deal next Monday.", "2025-01-20"),
    ("Hours earlier, the president was due to address parliament on Thursday.", "2025-01-16"),
    ("The envoys met on Friday and will talk again on Monday.", "2025-01-20"),
])
def test_weekday_tense(sentence: str, value: str) -> None:
    weekday = next(w for w in ("Monday", "Tuesday", "Thursday", "Friday") if w in sentence)
    found = [v for text, v, _ in timexes(sentence) if weekday in text]
    assert found == [value]


def test_weekday_span_includes_last_not_on() -> None:
    assert timexes("They met last Friday.") == [("last Friday", "2025-01-10", "DATE")]
    assert timexes("Sales fell on Friday's market.") == [("Friday", "2025-01-10", "DATE")]


def test_weekday_with_part_of_day() -> None:
    assert timexes("Troops crossed the border on Sunday night.") == [
        ("Sunday night", "2025-01-12", "DATE")]


def test_weekday_with_date_is_one_expression() -> None:
    assert timexes("The court ruled on Friday, Jan. 10, 2025.") == [
        ("Friday, Jan. 10, 2025", "2025-01-10", "DATE")]


# -- absolute dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Jan. 14, 2025", "2025-01-14"),
    ("14 January 2025", "2025-01-14"),
    ("2025-01-14", "2025-01-14"),
    ("January 2025", "2025-01"),
    ("September 3rd, 1998", "1998-09-03"),
    ("March 5, 1946", "1946-03-05"),
])
def test_absolute_dates(text: str, value: str) -> None:
    assert timexes(f"It happened on {text}.") == [(text, value, "DATE")]


def test_year_alone_and_not_a_count() -> None:
    assert timexes("The treaty was signed in 1998.") == [("1998", "1998", "DATE")]
    assert timexes("About 1998 people were evacuated.") == []
    assert timexes("The budget was $2000 and rose 1999%.") == []


def test_yearless_day_takes_the_nearest_year() -> None:
    assert value_of("The deadline is Dec. 31.", "Dec. 31") == "2024-12-31"
    assert value_of("Elections are set for March 6.", "March 6") == "2025-03-06"


# -- relative days, weeks, months, years -----------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("today", "2025-01-14"), ("yesterday", "2025-01-13"), ("tomorrow", "2025-01-15"),
    ("last week", "2025-W02"), ("next week", "2025-W04"), ("this week", "2025-W03"),
    ("last month", "2024-12"), ("next month", "2025-02"), ("this month", "2025-01"),
    ("last year", "2024"), ("next year", "2026"), ("this year", "2025"),
    ("earlier this month", "2025-01"), ("later this year", "2025"), ("early next year", "2026"),
    ("the current quarter", "2025-Q1"),
])
def test_relative_units(phrase: str, value: str) -> None:
    assert timexes(f"The council acted {phrase}.") == [(phrase, value, "DATE")]


def test_this_morning_and_tonight_are_times() -> None:
    assert timexes("Officials said this morning that the rally is tonight.") == [
        ("this morning", "2025-01-14TMO", "TIME"), ("tonight", "2025-01-14TNI", "TIME")]


def test_ago_and_later() -> None:
    assert value_of("The talks began two weeks ago.", "two weeks ago") == "2025-W01"
    assert value_of("Troops left three days ago.", "three days ago") == "2025-01-11"
    assert value_of("Troops left three months ago.", "three months ago") == "2024-10"
    assert value_of("It will end five years from now.", "five years from now") == "2030"


# -- months and seasons: the year by tense and nearness ---------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("In June, Putin met Kim.", "2024-06"),
    ("Putin will visit Pyongyang in June.", "2025-06"),
    ("Putin visited Pyongyang last June.", "2024-06"),
    ("The summit is planned for March.", "2025-03"),
    ("Prices rose in December.", "2024-12"),
    ("The ban took effect in early June.", "2024-06"),
    ("He said the parliament will vote in February.", "2025-02"),
])
def test_month_year_choice(sentence: str, value: str) -> None:
    found = [(t, v) for t, v, _ in timexes(sentence)]
    assert len(found) == 1 and found[0][1] == value


def test_month_that_is_a_modal_is_not_a_date() -> None:
    assert timexes("The talks May collapse, and officials may resign.") == []
    assert timexes("The vote was held in May.") == [("May", "2024-05", "DATE")]


def test_month_without_publication_date_is_underspecified() -> None:
    assert timexes("The vote was held in June.", None) == [("June", "XXXX-06", "DATE")]


@pytest.mark.parametrize("sentence, phrase, value", [
    ("Fighting intensified last summer.", "last summer", "2024-SU"),
    ("Talks will resume this spring.", "this spring", "2025-SP"),
    ("Talks will resume in the spring.", "the spring", "2025-SP"),
    ("The offensive began in the summer of 2023.", "the summer of 2023", "2023-SU"),
    ("Talks resumed in the fall.", "the fall", "2024-FA"),
])
def test_seasons(sentence: str, phrase: str, value: str) -> None:
    assert timexes(sentence) == [(phrase, value, "DATE")]


def test_fall_of_a_city_is_not_a_season() -> None:
    assert timexes("The fall of the Berlin Wall changed Europe.") == []


# -- quarters, halves, decades ----------------------------------------------------------------

def test_quarters_and_year_earlier_follow_the_article() -> None:
    text = ("Profit rose in the third quarter. Sales fell from a year earlier. "
            "The quarter was weak.")
    assert timexes(text, "1989-10-26") == [
        ("the third quarter", "1989-Q3", "DATE"), ("a year earlier", "1988-Q3", "DATE"),
        ("The quarter", "1989-Q3", "DATE")]


def test_halves_of_the_year_follow_the_tense() -> None:
    assert timexes("Exports rose in the first half of the year; officials expect growth to "
                   "slow in the second half.", "2025-05-20") == [
        ("the first half of the year", "2025-H1", "DATE"), ("the second half", "2025-H2", "DATE")]


def test_decades_and_halves() -> None:
    assert timexes("Growth was strong in the 1990s.") == [("the 1990s", "199", "DATE")]
    assert timexes("Output fell in the first half of 2024.") == [
        ("the first half of 2024", "2024-H1", "DATE")]


def test_fiscal_years() -> None:
    assert timexes("Spending rose in fiscal 1989 and will fall in FY2025.") == [
        ("fiscal 1989", "1989", "DATE"), ("FY2025", "2025", "DATE")]
    assert timexes("Sales for the fiscal year ended June 30, 2024 rose.") == [
        ("the fiscal year", "P1Y", "DURATION"), ("June 30, 2024", "2024-06-30", "DATE")]


def test_later_and_before_mark_the_duration_alone() -> None:
    # TimeBank: "Three days later" -> "Three days" (P3D); the anchor is the story's, not the DCT
    assert timexes("Three days later, troops withdrew.") == [("Three days", "P3D", "DURATION")]
    assert timexes("They must file at least 30 days before the vote.") == [
        ("at least 30 days", "P30D", "DURATION")]


def test_quarter_and_half_codes() -> None:
    assert timexes("Revenue rose in Q3 2024 and in H1 2025; Q4 was weak.") == [
        ("Q3 2024", "2024-Q3", "DATE"), ("H1 2025", "2025-H1", "DATE"), ("Q4", "2024-Q4", "DATE")]


def test_numeric_dates_both_orders() -> None:
    assert timexes("Signed 1/14/2025 and 14/01/2025.") == [
        ("1/14/2025", "2025-01-14", "DATE"), ("14/01/2025", "2025-01-14", "DATE")]


def test_quarter_as_fraction_is_not_a_time() -> None:
    assert timexes("About three-quarters of voters and a quarter of the seats.") == []


# -- durations and sets -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, value", [
    ("The talks lasted for three days.", "three days", "P3D"),
    ("They signed a two-year agreement.", "two-year", "P2Y"),
    ("The siege went on for 16 hours.", "16 hours", "PT16H"),
    ("Inflation fell over the past two months.", "the past two months", "P2M"),
    ("Talks went on for twenty-four hours.", "twenty-four hours", "PT24H"),
    ("The ceasefire held for 2 1/2 years.", "2 1/2 years", "P30M"),
    ("The war has lasted several years.", "several years", "PXY"),
    ("They argued for years.", "years", "PXY"),
])
def test_durations(sentence: str, phrase: str, value: str) -> None:
    assert timexes(sentence) == [(phrase, value, "DURATION")]


def test_last_as_a_verb_stays_out() -> None:
    assert timexes("The talks are expected to last three days.") == [("three days", "P3D", "DURATION")]


def test_ages_are_not_durations() -> None:
    assert timexes("A 6-year-old boy and a man, 52 years old, were hurt.") == []


@pytest.mark.parametrize("sentence, phrase, value", [
    ("The envoys meet every week.", "every week", "P1W"),
    ("The militia patrols daily.", "daily", "P1D"),
    ("Iran exports $5 billion a year.", "a year", "P1Y"),
    ("The council meets each Thursday.", "Thursday", "XXXX-WXX-4"),
])
def test_sets(sentence: str, phrase: str, value: str) -> None:
    found = timexes(sentence)
    assert len(found) == 1 and phrase in found[0][0] and found[0][1:] == (value, "SET")


# -- references, times of day, holidays ---------------------------------------------------------

def test_references() -> None:
    assert timexes("Now the envoy is currently in Tehran, and talks may follow in the "
                   "coming weeks.") == [
        ("Now", "PRESENT_REF", "DATE"), ("currently", "PRESENT_REF", "DATE"),
        ("the coming weeks", "PXW", "DURATION")]


def test_times_of_day() -> None:
    assert timexes("The vote will start at 3 p.m. and end at 10:30 p.m. on Friday.") == [
        ("3 p.m.", "2025-01-14T15:00", "TIME"), ("10:30 p.m. on Friday", "2025-01-17T22:30", "TIME")]


def test_wire_times_and_capitals() -> None:
    assert timexes("MOSCOW, JAN 14 (Reuters) - The truce took effect at 0630 GMT.") == [
        ("JAN 14", "2025-01-14", "DATE"), ("0630 GMT", "2025-01-14T06:30", "TIME")]
    assert timexes("PUTIN TO VISIT TEHRAN IN MAY") == [("MAY", "2025-05", "DATE")]
    assert timexes("OFFICIALS MAY MEET AGAIN") == []


def test_holidays() -> None:
    assert value_of("Troops will be home by Christmas.", "Christmas", "2025-11-30") == "2025-12-25"
    assert value_of("Shops closed on Thanksgiving Day.", "Thanksgiving Day",
                    "1999-12-01") == "1999-11-25"


def test_anaphoric_that_day_and_the_following_year() -> None:
    text = "The treaty was signed on March 5, 1946. Later that day, it was ratified; the following year it lapsed."
    assert timexes(text) == [("March 5, 1946", "1946-03-05", "DATE"),
                             ("Later that day", "1946-03-05", "DATE"),
                             ("the following year", "1947", "DATE")]


def test_that_year_is_the_year_last_named() -> None:
    text = "The militia was formed in June 1998. Later that year it seized the port."
    assert timexes(text, "2000-01-28") == [("June 1998", "1998-06", "DATE"),
                                           ("Later that year", "1998", "DATE")]


# -- robustness ----------------------------------------------------------------------------------

def test_bad_publication_date_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        find_time_expressions(segment("On Friday."), "14/01/2025")


def test_sorted_and_non_overlapping() -> None:
    text = ("On Friday, Oct. 23, 1998 at 3 p.m. Tuesday, the 1990s ended; next week, "
            "two years ago, in June 1998 and in the third quarter of 1990 and 1991.")
    found = find_time_expressions(segment(text), "1998-10-25")
    assert found == sorted(found, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_empty_text() -> None:
    assert find_time_expressions(segment(""), DCT) == []


# -- property: any mix of time words is handled without error ------------------------------------

WORDS = ("the last next this early late mid Friday Tuesday May March June 1998 2025 Jan. 14 , "
         "year years week month quarter third a two-year ago earlier later since in on at 3 p.m. "
         "now recently every daily for three days and a half of 1/2 12 to 18 the past fiscal "
         "'80s 1990s Christmas spring fall that day following Q3 H1 will met said . ;").split()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([None, "1989-10-26", "2025-01-14"]))
def test_any_word_salad_is_safe(words: list[str], dct: str | None) -> None:
    text = " ".join(words)
    found = find_time_expressions(segment(text), dct)
    assert found == sorted(found, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    for t in found:
        assert text[t.start:t.end] == t.text and t.value and t.type in ("DATE", "TIME", "DURATION", "SET")


def test_quarters_with_a_year_need_no_publication_date() -> None:
    from dyadline.text import segment

    found = find_time_expressions(segment("Profits rose in the third quarter of 1998."), None)
    assert [(t.text, t.value) for t in found] == [("the third quarter of 1998", "1998-Q3")]


# -- session 2: reporting verbs, adjacent units, names, the generic "today's", gate words ---

def test_reporting_verb_after_a_quotation_does_not_set_the_tense() -> None:
    # the saying is past, the leaving is not: "said" outside the parenthesis counts as far
    text = "The delegation will leave at dawn (4 a.m. Thursday), the minister said."
    assert value_of(text, "4 a.m. Thursday") == "2025-01-16T04:00"


def test_reporting_verb_next_to_the_date_still_dates_it() -> None:
    assert value_of("The minister said Friday that talks had failed.", "Friday") == "2025-01-10"


@pytest.mark.parametrize("sentence, phrase, value", [
    ("Prices rose sharply over the past year.", "the past year", "2024"),
    ("The plant will be closed over the next year.", "the next year", "2026"),
    ("He has been in hospital for the last week.", "the last week", "2025-W02"),
    ("Exports fell in the previous month.", "the previous month", "2024-12"),
])
def test_the_past_or_next_calendar_unit_is_that_unit(sentence: str, phrase: str, value: str) -> None:
    assert (phrase, value, "DATE") in timexes(sentence)


def test_the_past_decade_stays_a_span() -> None:
    assert ("the past decade", "P10Y", "DURATION") in timexes("Crime fell over the past decade.")


@pytest.mark.parametrize("sentence", [
    'The minister, speaking on ABC\'s "This Week," said the request was lawful.',
    "You are listening to Radio Free Today.",
])
def test_a_capitalised_relative_word_inside_a_sentence_is_a_name(sentence: str) -> None:
    assert timexes(sentence) == []


def test_a_capitalised_relative_word_opening_a_quotation_is_a_date() -> None:
    assert value_of("He said: ``Today is a sad day for the country.''", "Today") == "2025-01-14"


def test_todays_world_is_the_present_age_not_the_day() -> None:
    assert timexes("Such barriers make no sense in today's world, the judge wrote.") == []
    assert value_of("Today's vote was delayed.", "Today") == "2025-01-14"


@pytest.mark.parametrize("sentence, phrase, value", [
    ("The repairs took five or six weeks.", "five or six weeks", "P5W"),
    ("Profits rose for 14 straight years.", "14 straight years", "P14Y"),
    ("The market is closed on Fridays.", "Fridays", "XXXX-WXX-5"),
])
def test_the_gate_lets_through_what_the_rules_take(sentence: str, phrase: str, value: str) -> None:
    assert value_of(sentence, phrase) == value


@pytest.mark.parametrize("sentence, value", [
    ("The company expects to finish the sale by year-end.", "2025-12-31"),
    ("Shares have risen 12% since year-end.", "2024-12-31"),
])
def test_year_end_is_december_31_the_last_one_for_a_past_clause(sentence: str, value: str) -> None:
    found = [v for text, v, _ in timexes(sentence) if text.lower().startswith("year")]
    assert found == [value]
