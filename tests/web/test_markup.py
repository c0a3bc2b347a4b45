"""Marked text and charts: overlapping spans, escaping, labels."""

from __future__ import annotations

import re

from kabar.web import chart, markup
from kabar.web.markup import Mark


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') \
        .replace("&#39;", "'").replace("&amp;", "&")


def test_render_keeps_the_text_and_wraps_each_span():
    text = "Retno bertemu Kamikawa di Jakarta."
    html = markup.render(text, [
        Mark(0, 33, "event", "event-0", css="quad-1", title="040 Consult"),
        Mark(0, 5, "entity", "ent-E1", css="ent-PER", label="IDNGOV"),
        Mark(14, 22, "entity", "ent-E2", css="ent-PER", label="JPNGOV"),
    ])
    assert text_of(html) == text
    # Outermost first: the event wraps the entity marks inside it.
    assert html.startswith('<span class="event quad-1" data-ref="event-0" title="040 Consult">'
                           '<mark class="entity ent-PER" data-ref="ent-E1" data-label="IDNGOV">Retno</mark>')
    assert re.search(r'<mark [^>]*data-ref="ent-E2"[^>]*>Kamikawa</mark>', html)


def test_crossing_spans_are_cut_into_pieces_sharing_a_ref():
    text = "aaa bbb ccc"
    html = markup.render(text, [Mark(0, 7, "quote", "quote-0"), Mark(4, 11, "event", "event-0")])
    assert text_of(html) == text
    assert html.count('data-ref="quote-0"') == 2 and html.count('data-ref="event-0"') == 2
    # An entity's label goes on its last piece only.
    crossing = [Mark(0, 7, "entity", "ent-E1", label="X"), Mark(4, 11, "event", "event-0")]
    labelled = markup.render(text, crossing)
    assert labelled.count("data-label") == 1


def test_everything_is_escaped():
    text = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'
    html = markup.render(text, [Mark(0, 8, "entity", 'e"><b>', label='"><i>', title="<u>")])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<u>" not in html
    assert "&lt;script&gt;" in html
    assert text_of(html) == text


def test_marks_outside_the_text_are_clipped_or_dropped():
    marks = [
        Mark(-5, 2, "entity", "a"), Mark(2, 99, "quote", "b"),
        Mark(5, 9, "event", "c"), Mark(1, 1, "entity", "d"),
    ]
    html = markup.render("abc", marks)
    assert text_of(html) == "abc"
    assert 'data-ref="c"' not in html and 'data-ref="d"' not in html


def test_evidence_marks_source_and_target():
    html = markup.evidence_html("Filipina memprotes China.", [
        {"start": 0, "end": 8, "role": "source"}, {"start": 19, "end": 24, "role": "target"},
    ])
    assert re.search(r'class="entity role-source"[^>]*>Filipina</mark>', html)
    assert re.search(r'class="entity role-target"[^>]*>China</mark>', html)


def test_chart_draws_stacked_bars_and_escapes_labels():
    svg = chart.bar_chart(
        ["<b>2024-05</b>", "2024-06"],
        [chart.Series("coop", "q1", [2, 0]), chart.Series("conflict", "q4", [1, 3])],
        chart.Series("Goldstein sum", "goldstein", [4.5, -9.0]),
        title="A – B <x>",
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "<x>" not in svg
    assert svg.count('<rect class="q1" x=') == 2  # one bar (2024-05) and the legend
    assert svg.count('<rect class="q4" x=') == 3
    assert "<polyline" in svg


def test_a_count_line_starts_at_zero_and_a_signed_one_is_centred():
    bars = [chart.Series("x", "q1", [1, 2])]
    counts = chart.bar_chart(["a", "b"], bars, chart.Series("n", "events", [0, 4]), title="t")
    assert 'class="zero"' not in counts
    assert 'cy="' + f"{chart.HEIGHT - chart.BOTTOM:.1f}" + '"' in counts  # 0 sits on the axis
    signed = chart.bar_chart(["a", "b"], bars, chart.Series("g", "goldstein", [-3, 4]), title="t")
    assert 'class="zero"' in signed
