"""kabar.quotes.marks: which marks open and close, and how they pair."""

from __future__ import annotations

from quote_fixtures import context, finder

from kabar.quotes.marks import MarkReader
from kabar.quotes.model import Closure


def spans(text: str) -> list[tuple[str, Closure]]:
    ctx = context(text)
    out = []
    for span in MarkReader(finder().rules).spans(ctx):
        start = span.open_at + 1 if span.open_at >= 0 else 0
        out.append((text[start : span.close_at], span.closure))
    return out


def test_curly_straight_and_wrong_way_round_marks_pair():
    assert spans("“Kami siap,” kata Budi.") == [("Kami siap,", Closure.CLOSED)]
    assert spans('Ia berkata "kami siap" lalu pergi.') == [("kami siap", Closure.CLOSED)]
    assert spans("”Kami siap,” kata Budi.") == [("Kami siap,", Closure.CLOSED)]
    assert spans("«Kami siap», kata Budi.") == [("Kami siap", Closure.CLOSED)]


def test_an_apostrophe_inside_a_word_is_no_mark():
    assert spans("Pada hari Jum'at warga berkumpul.") == []
    assert spans("Ia menyebut 'zona merah' di Jum'at itu.") == [("zona merah", Closure.CLOSED)]


def test_paragraphs_glued_by_a_comma_open_a_quote():
    assert spans('Ia tiba di Riau.,"Kami siap," kata Budi.') == [("Kami siap,", Closure.CLOSED)]


def test_a_quote_continued_in_the_next_paragraph_is_one_span():
    text = "“Kami siap bekerja.\n\n“Kami juga siap berangkat,” kata Budi."
    assert spans(text) == [(text[1 : text.index("”")], Closure.CLOSED)]


def test_an_unclosed_quote_ends_at_its_attribution_or_its_paragraph():
    assert spans("“Kami siap bekerja, kata Budi.\n\nWarga lega.") == [("Kami siap bekerja", Closure.CUT)]
    unclosed = "“Kami siap bekerja hari ini\n\nWarga lega."
    assert spans(unclosed) == [("Kami siap bekerja hari ini", Closure.UNCLOSED)]


def test_a_closing_mark_alone_is_kept_for_its_attribution():
    (span,) = MarkReader(finder().rules).spans(context("Kami siap,” kata Budi."))
    assert span.open_at == -1 and span.closure is Closure.CLOSED
