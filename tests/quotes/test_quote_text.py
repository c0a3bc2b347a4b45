"""kabar.quotes.text: words, sentences and limits read from the text view."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_fixtures import context, finder, segmenter

from kabar.document import Document
from kabar.errors import ConfigError
from kabar.quotes.text import BodyText, trim

_ALPHABET = "ab AZ.,;:“”\"'’-()\n\t5"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=60), cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_words_are_what_split_gives(text, cut):
    rules = finder().rules
    body = BodyText(segmenter().view(text), rules.marks.any_mark, rules.lexicon.abbreviations)
    a, b = min(cut), min(max(cut), len(text))
    a = min(a, b)
    assert body.words(a, b) == text[a:b].split()
    assert body.count_words(a, b) == len(text[a:b].split())
    assert body.words(a, b, limit=2) == text[a:b].split()[:2]
    assert [text[s:e] for s, e in body.word_spans(a, b, limit=1)] == text[a:b].split()[:1]
    for s, e in body.word_spans(a, b):
        assert a <= s < e <= b


def test_glued_paragraphs_end_their_sentences():
    text = 'Polisi tiba di Riau.,Penangkapan itu terjadi Senin.,"Kami siap.",Warga lega.'
    ctx = context(text)
    pieces = [text[s.start : s.end] for s in ctx.text.sentences]
    assert pieces == ["Polisi tiba di Riau.", "Penangkapan itu terjadi Senin.", '"Kami siap.', "Warga lega."]


def test_last_word_drops_trailing_full_stops():
    text = "Ia bertemu Mayjen. Budi di sana..."
    ctx = context(text)
    assert ctx.text.last_word(0, text.index("Mayjen") + len("Mayjen.")) == (text.index("Mayjen"), "Mayjen")
    assert ctx.text.last_word(0, len(text)) == (text.index("sana"), "sana")
    assert ctx.text.last_word(5, 5) is None


def test_cue_limit_stops_at_a_full_stop_but_not_after_an_abbreviation():
    text = "“Kami siap,” kata Mayjen. Budi di Jakarta. dia lalu pergi ke sana."
    ctx = context(text)
    start = text.index("kata")
    assert text[start : ctx.text.cue_limit(start, 160)] == "kata Mayjen. Budi di Jakarta"
    assert text[start : ctx.text.cue_limit(start, 10)] == "kata Mayje"


def test_full_stop_needs_white_space_after_it():
    text = "Harga naik 2.5 persen. Warga mengeluh."
    ctx = context(text)
    assert not ctx.text.has_full_stop(0, text.index("persen"))
    assert ctx.text.has_full_stop(0, text.index("Warga"))
    assert not ctx.text.has_full_stop(0, text.index("persen.") + len("persen."))  # the space lies outside


def test_trim_drops_white_space_and_closing_commas():
    assert trim(" a, b ,, ", 0, 9) == (1, 5)
    assert trim("   ", 0, 3) == (3, 3)


def test_segments_keep_brackets_whole():
    text = "Budi (Ketua, RT 5), warga: Ani"
    ctx = context(text)
    assert [text[s:e] for s, e in ctx.text.segments(0, len(text))] == ["Budi (Ketua, RT 5)", "warga", "Ani"]


def test_the_stage_refuses_a_body_without_its_text_view():
    doc = Document(source="<test>", raw="x")
    doc.article.body = "“Kami siap,” kata Budi."
    with pytest.raises(ConfigError, match="segment"):
        finder()(doc)
