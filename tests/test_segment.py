"""Segmentation: sentences, tokens and offsets into the text as given."""

from __future__ import annotations

from dyadline.text import clean_text, segment


def test_offsets_index_the_original_text() -> None:
    text = "Putin met Xi. Iran\u2019s president spoke &amp; left.\n\nA new paragraph"
    doc = segment(text)
    for token in doc.tokens:
        assert text[token.start:token.end] == token.text or "&" in text[token.start:token.end]
    assert [text[s.start:s.end] for s in doc.sentences][0] == "Putin met Xi."
    assert doc.sentence_text(2) == "A new paragraph"


def test_blank_lines_and_titles_end_sentences() -> None:
    text = "Russia and Iran to sign treaty\n\nRussia and Iran will sign a treaty on Friday"
    doc = segment(text)
    assert len(doc.sentences) == 2 and doc.title_end == len("Russia and Iran to sign treaty")
    one_line_title = "Iran protests sanctions\nTehran said on Monday it rejected the sanctions."
    doc = segment(one_line_title)
    assert doc.sentence_text(0) == "Iran protests sanctions"


def test_dateline_is_marked() -> None:
    doc = segment("MOSCOW, Jan 14 (Reuters) - Putin met Xi.")
    assert doc.dateline_end == len("MOSCOW, Jan 14 (Reuters) - ")


def test_html_entities_keep_offsets() -> None:
    text = "He said &quot;no&quot; to Iran &amp; Iraq."
    cleaned = clean_text(text)
    assert len(cleaned) == len(text) and cleaned.index("Iran") == text.index("Iran")
    assert '"' in cleaned and "&quot;" not in cleaned


def test_token_lookup_helpers() -> None:
    doc = segment("Russia attacked Ukraine. Kyiv condemned it.")
    assert doc.sentence_of(doc.text.index("Kyiv")) == 1
    assert doc.tokens[doc.token_at(doc.text.index("Ukraine"))].text == "Ukraine"
    assert [t.text for t in doc.tokens_of(1)] == ["Kyiv", "condemned", "it", "."]
    assert doc.tokens[0].space and not doc.tokens[2].space


def test_empty_text() -> None:
    doc = segment("")
    assert doc.sentences == [] and doc.tokens == []


def test_sentence_rule_matches_spacys_sentencizer() -> None:
    """segment() applies the sentencizer's rule on token arrays: the same starts as spaCy's own."""
    import numpy
    from spacy.attrs import IDX, IS_PUNCT, LENGTH

    from dyadline.text.segment import _character_tables, _sentence_starts, nlp

    texts = ["He left. She stayed!  Why? \"Fine.\" (Yes!) ... and then...",
             "U.S. officials met. 'No,' he said.) Then: war?! Peace.\u3002Next \u00a0one",
             "...leading dots. Mid-sentence: e.g. this one. \n\nAfter a blank line",
             "No final stop here", "!?", ". a"]
    for text in texts:
        expected = [bool(t.is_sent_start) for t in nlp()(text)]
        array = nlp().tokenizer(text).to_array([IDX, LENGTH, IS_PUNCT])
        stop = (array[:, 1] == 1) & _character_tables()[0][[ord(text[i]) for i in array[:, 0]]]
        starts = _sentence_starts(stop, array[:, 2] == 1)
        assert starts.tolist() == expected, text


def test_space_flag_follows_any_whitespace() -> None:
    doc = segment("a\u00a0b c\u3000d\ne.")
    assert [t.space for t in doc.tokens] == [True, True, True, True, False]


def test_capitalised_tokens_are_those_with_an_upper_case_initial() -> None:
    doc = segment("The \u00c9lys\u00e9e and \u00e9t\u00e9 met \U0001d400x in Kyiv. iPhone \u2160 \"Quote\"")
    assert doc.capitalised() == [t.i for t in doc.tokens if t.text[:1].isupper()]
    assert [doc.tokens[i].text for i in doc.capitalised()] == ["The", "\u00c9lys\u00e9e", "\U0001d400x",
                                                                "Kyiv", "\u2160", "Quote"]
