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
