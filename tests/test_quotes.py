"""Quotation finding: one test per rule, on sentences written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.text import segment
from dyadline.text.quote_cues import lexicon
from dyadline.text.quote_marks import find_quoted
from dyadline.text.quotes import QuoteSpan, find_quotations

EXAMPLE = Path("/work/shared/examples/russia-iran-treaty/article.txt")


def quotes(text: str) -> list[QuoteSpan]:
    found = find_quotations(segment(text))
    for q in found:  # offsets are exact for every record
        assert 0 <= q.start < q.end <= len(text)
        for a, b in q.pieces:
            assert text[a:b].strip() == text[a:b]
        for span in (q.cue, q.speaker):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return found


def one(text: str) -> QuoteSpan:
    found = quotes(text)
    assert len(found) == 1, [(text[q.start:q.end], q.cue, q.speaker) for q in found]
    return found[0]


def content(text: str, q: QuoteSpan) -> str:
    return text[q.start:q.end]


def test_curly_quote_cue_after():
    text = "“The sanctions will stay in place,” Lavrov stated on Tuesday."
    q = one(text)
    assert content(text, q) == "The sanctions will stay in place,"
    assert q.direct and q.cue.text == "stated" and q.speaker.text == "Lavrov"


def test_straight_quote_inverted_cue():
    text = 'The talks went on. "We are ready to sign," said Foreign Minister Sergei Lavrov.'
    q = one(text)
    assert content(text, q) == "We are ready to sign,"
    assert q.speaker.text == "Foreign Minister Sergei Lavrov" and q.cue.text == "said"


def test_cue_before_with_colon():
    text = "The minister told reporters: “We will not accept these terms.”"
    q = one(text)
    assert content(text, q) == "We will not accept these terms."
    assert q.cue.text == "told" and q.speaker.text == "The minister"


def test_pronoun_speaker():
    text = "Putin met Pezeshkian in Moscow.\n\n“The treaty is historic,” he said."
    q = one(text)
    assert q.speaker.text == "he" and q.speaker.start == text.index("he said")


def test_split_quote_around_cue():
    text = "“This agreement is not targeted at anyone,” Lavrov said, “and it never was.”"
    q = one(text)
    first, second = q.parts
    assert text[first[0]:first[1]] == "This agreement is not targeted at anyone,"
    assert text[second[0]:second[1]] == "and it never was."
    assert (q.start, q.end) == (first[0], second[1])
    assert q.speaker.text == "Lavrov" and q.direct


def test_quotation_running_on_in_the_next_sentence_and_paragraph():
    text = ("“We will respond,” the ministry said in a statement. “Nobody should doubt it.”\n\n"
            "“The measures are ready.”")
    q = one(text)
    assert len(q.parts) == 3
    assert q.speaker.text == "the ministry"


def test_quotation_spanning_sentences():
    text = "“We met. We talked. We agreed on nothing,” Blinken said at the time."
    q = one(text)
    assert content(text, q) == "We met. We talked. We agreed on nothing,"
    assert q.speaker.text == "Blinken"


def test_multi_paragraph_quotation_without_closing_mark():
    text = ("Kellogg said: “The policy must change.\n\n“We will not wait for Tehran.”\n\n"
            "The meeting ended.")
    q = one(text)
    assert content(text, q).startswith("The policy must change.")
    assert content(text, q).endswith("We will not wait for Tehran.")
    assert q.speaker.text == "Kellogg"


def test_scare_quotes_are_not_quotations():
    text = "The envoy has advocated a return to a policy of “maximum pressure” against Iran."
    assert [q for q in quotes(text) if q.direct] == []


def test_title_in_quotes_is_not_a_quotation():
    text = "He appeared on “Meet the Press” and later wrote “The Art of the Deal Revisited.”"
    assert [q for q in quotes(text) if q.direct] == []


def test_reported_speech_with_that():
    text = "National Security Advisor Jake Sullivan recently stated that the administration left Russia weaker."
    q = one(text)
    assert not q.direct
    assert content(text, q) == "that the administration left Russia weaker"
    assert q.speaker.text == "National Security Advisor Jake Sullivan" and q.cue.text == "stated"


def test_reported_speech_cue_after():
    text = "The partnership is not directed against any country, the Kremlin said on Friday."
    q = one(text)
    assert content(text, q) == "The partnership is not directed against any country"
    assert q.speaker.text == "the Kremlin"


def test_reported_speech_without_that():
    text = "Lavrov asserts the partnership pact is not directed against any specific country."
    q = one(text)
    assert content(text, q) == "the partnership pact is not directed against any specific country"
    assert q.speaker.text == "Lavrov" and q.cue.text == "asserts"


def test_according_to_at_start_and_end():
    text = "According to the ministry, the talks will resume in March."
    q = one(text)
    assert q.cue.text == "According to" and q.speaker.text == "the ministry"
    assert content(text, q) == "the talks will resume in March"
    text = "The talks will resume in March, according to a Reuters report."
    q = one(text)
    assert content(text, q) == "The talks will resume in March"
    assert q.speaker.text == "a Reuters report"


def test_participle_cue_takes_the_subject():
    text = "Trump criticised the deal on Monday, saying it was a disaster for America."
    q = one(text)
    assert q.cue.text == "saying" and q.speaker.text == "Trump"
    assert content(text, q) == "it was a disaster for America"


def test_appositive_speaker_after_quote():
    text = "“We are not worried,” Peskov, the Kremlin spokesman, told reporters."
    q = one(text)
    assert q.speaker.text == "Peskov"


def test_partial_quotation_inside_a_statement():
    text = "Trump's claim may be “strategic,” she said."
    q = one(text)
    assert not q.direct and content(text, q) == "Trump's claim may be “strategic,”"
    assert q.speaker.text == "she"


def test_nyt_double_apostrophes_and_guillemets():
    text = "''I think it can work,'' said Louisa Ermelino."
    q = one(text)
    assert content(text, q) == "I think it can work,"
    assert q.speaker.text == "Louisa Ermelino"
    text = "«Nous verrons bien», a déclaré le ministre. Il a dit “oui.”"
    assert [text[s.start:s.end] for s in find_quoted(text)] == ["Nous verrons bien", "oui."]


def test_apostrophes_do_not_open_single_quotes():
    text = "The voters’ mood shifted. It’s ‘a new era,’ he said, and the party’s base agreed."
    stretches = find_quoted(text)
    assert [text[s.start:s.end] for s in stretches] == ["a new era,"]


def test_speech_verbs_are_lower_case():
    text = "Secretary of State Antony Blinken travelled to Kyiv."
    assert quotes(text) == []


def test_quote_inside_quotation_is_not_separate():
    text = "“She told me, ‘This will not happen again,’ and I believed her,” Smith said."
    q = one(text)
    assert q.speaker.text == "Smith"


def test_empty_and_quote_only_texts():
    assert find_quotations(segment("")) == []
    assert find_quotations(segment("“")) == []
    assert quotes('""') == []


def test_lexicon_has_inflections():
    table = lexicon()
    for word in ("said", "says", "told", "added", "stated", "asserts", "according", "warned"):
        assert word in table


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example article not at /work/shared/examples")
def test_example_article_three_quotations():
    text = EXAMPLE.read_text(encoding="utf-8")
    found = quotes(text)
    direct = [q for q in found if q.direct]
    assert [content(text, q)[:32] for q in direct] == [
        "The United States must reinstate", "This agreement, similar to our t",
        "We’ve seen Russia desperately tr"]
    assert [q.speaker.text for q in direct] == [
        "Kellogg", "Lavrov", "US Secretary of State Antony Blinken"]
    assert [q.cue.text for q in direct] == ["stated", "stated", "said"]
    reported = {q.speaker.text: q for q in found if not q.direct}
    assert content(text, reported["National Security Advisor Jake Sullivan"]).startswith(
        "that the Biden administration left Russia")
    assert content(text, reported["He"]).startswith("that the US would actively work")
    assert content(text, reported["Russian Foreign Minister Sergei Lavrov"]).startswith(
        "the partnership pact is not directed")


def test_dash_signature_after_quotation():
    text = "“We will win the nomination.”  - Bernie Sanders\n\nThe rally ended."
    q = one(text)
    assert q.speaker.text == "Bernie Sanders" and q.cue.text == "-"


def test_verb_not_in_lexicon_after_quotation():
    text = "“The white working class has failed capitalism,” he mocks."
    q = one(text)
    assert q.speaker.text == "he" and q.cue.text == "mocks"
    text = "“Silly boys acting like rebels,” scoffed Arianna Gil, 22, a founder of the group."
    q = one(text)
    assert q.speaker.text == "Arianna Gil" and q.cue.text == "scoffed"


def test_naming_verb_attributes_a_long_quotation():
    text = "She called his executive actions “a crucial step forward on gun violence.”"
    q = one(text)
    assert q.direct and q.cue.text == "called" and q.speaker.text == "She"


def test_colon_after_a_name():
    text = "The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates gain most.”"
    q = one(text)
    assert q.speaker.text == "Republican pollster Daron Shaw" and q.cue.text == ":"


def test_three_apostrophes_close_a_nested_quotation():
    text = "''She would look at me and say, 'What did he mean by that?''' Mr. Biden said."
    q = one(text)
    assert content(text, q) == "She would look at me and say, 'What did he mean by that?'"
    assert q.speaker.text == "Mr. Biden"


def test_subject_with_appositive_before_cue():
    text = "Brian Fallon, a spokesman for the Clinton campaign, said: “The process was followed.”"
    q = one(text)
    assert q.speaker.text == "Brian Fallon"


def test_participle_after_a_quotation_takes_the_previous_speaker():
    text = "“We are ready,” he said, adding, “We will not be in Cleveland fighting.”"
    found = quotes(text)
    assert [q.speaker.text for q in found] == ["he", "he"]
    assert found[1].cue.text == "adding"


def test_offsets_hold_on_random_text():
    """Random mixtures of quotation marks, cues and punctuation: no crash, exact offsets."""
    import random

    rng = random.Random(7)
    vocabulary = ["he", "said", "“", "”", '"', "''", "Lavrov", "stated", "that", "the", "according",
                  "to", ",", ":", "—", "officials", "told", "reporters", "adding", "saying", "who",
                  "‘", "’", "'", ".", "\n\n", "Mr.", "called", "it", "-", "(", ")"]
    for _ in range(40):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 120)))
        quotes(text)


def test_work_stays_linear_on_text_without_sentences():
    """Four times the text may take about four times as long, not sixteen (quadratic).

    CPU time of this process, best of three, so that other work on the machine does not count."""
    import time

    def best_time(n: int) -> float:
        doc = segment("he said that " * n)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            found = find_quotations(doc)
            best = min(best, time.process_time() - start)
        assert len(found) >= n - 1
        return best

    small, large = best_time(1000), best_time(4000)
    assert large < 10 * small


def test_abbreviation_period_does_not_end_the_speaker():
    text = ("“The candidates just don’t understand the military,” said Army Capt. Christian Pardo, "
            "who said he would not vote for either of them. “Their policies are far out there.”")
    found = quotes(text)
    assert found[0].speaker.text == "Army Capt. Christian Pardo" and len(found[0].parts) == 2
    assert found[1].speaker.text == "who" and not found[1].direct
    assert content(text, found[1]) == "he would not vote for either of them"


def test_two_reported_statements_in_one_sentence():
    text = "Graham said that Carson is a good man, and said that Trump melted down last night."
    found = quotes(text)
    assert [content(text, q) for q in found] == ["that Carson is a good man",
                                                 "that Trump melted down last night"]
    assert [q.speaker.text for q in found] == ["Graham", "Graham"]


def test_adjectival_verb_forms_are_not_cues():
    text = "The reported bomber had Syrian roots, and his stated goal was unclear."
    assert quotes(text) == []


def test_passive_and_as_reported_by():
    text = "Priebus was said to be furious with Trump."
    q = one(text)
    assert q.speaker is None and content(text, q) == "to be furious with Trump"
    text = "As reported by Western Journalism, the Times first broke the story in March."
    q = one(text)
    assert q.speaker.text == "Western Journalism" and content(text, q) == "the Times first broke the story in March"


def test_name_ending_in_ing_is_not_an_introductory_phrase():
    text = "Boreing said the members will meet, but said, “It’s time we change how we do it.”"
    found = quotes(text)
    assert [q.speaker.text for q in found] == ["Boreing", "Boreing"]


def test_cue_paragraph_ending_in_a_colon():
    text = "In a 1963 speech, he declared:\n\n“It is very appropriate that we sound the drum for freedom.”"
    q = one(text)
    assert q.speaker.text == "he" and q.cue.text == "declared"
    text = "Breitbart News responded:\n\n“The solution is not to punish millions of citizens.”"
    q = one(text)
    assert q.speaker.text == "Breitbart News" and q.cue.text == "responded"


def test_compound_words_are_not_cues():
    text = "The analysis relied on thousands of so-called “independent expenditure” ads."
    assert quotes(text) == []


def test_malformed_lexicon_row_is_a_clear_error():
    from dyadline.text.quote_cues import parse_lexicon

    header = "lemma\tforms\treported\trecipient\tnoun_forms\tnote\n"
    table = parse_lexicon(header + "say\tsay|said\tyes\tno\t\t\n")
    assert set(table) == {"say", "said"}
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon(header + "say\tsay|said\tmaybe\tno\t\t\n")
    with pytest.raises(ValueError, match="header lacks"):
        parse_lexicon("lemma\tforms\n")


def test_short_name_after_naming_verb_is_not_a_quotation():
    text = "Carson shared a syllabus for a class called “Perception” on his page, writing that it existed."
    found = quotes(text)
    assert [q.direct for q in found] == [False]
    assert found[0].speaker.text == "Carson"
