"""Hypothesis strategies for news-shaped input: text, HTML, JSON Lines, WARC, and cuts of them."""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import strategies as st

WORDS = [
    "JAKARTA", "Presiden", "Joko", "Widodo", "bertemu", "Menlu", "Retno", "Marsudi", "di", "Istana",
    "Senin", "(19/10/2021)", "kata", "ujarnya", "Iran", "Rusia", "mengecam", "serangan", "Baca", "juga:",
    "Foto:", "ANTARA", "WIB", "10:36", "Oktober", "2021", "[foto]", "(mus)", "[/x]", "\u201c", "\u201d", '"',
    "\u2013", "-", ".", ",", "\n", "\n\n", "Tags:", "Penulis:", "Editor:", "Kompas.com", "1.000", "Rp",
]  # fmt: skip

news_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=120).map(" ".join)
any_text = st.text(max_size=2000) | news_text

_TAGS = ["p", "div", "article", "h1", "title", "figcaption", "script", "style", "span", "meta", "br", "time"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = ["<!DOCTYPE html><html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(news_text)}</title>")
    if draw(st.booleans()):
        parts.append(f'<meta property="article:published_time" content="{draw(st.text(max_size=30))}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(st.sampled_from(["", ' class="content"', ' id="x"', ' datetime="2021-10-19"']))
        closed = draw(st.booleans())
        parts.append(f"<{tag}{attrs}>{draw(news_text)}" + (f"</{tag}>" if closed else ""))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            record = {"id": draw(json_values), "text": draw(any_text)}
            for key in ("url", "published", "title", "author", "tags", "html"):
                if draw(st.booleans()):
                    record[key] = draw(json_values | any_text)
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == 1:
            lines.append(json.dumps(draw(json_values)))
        elif kind == 2:
            lines.append(draw(st.text(max_size=80)))
        else:
            lines.append("")
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


def warc_bytes(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = page.encode("utf-8", errors="replace")
        record = writer.create_warc_record(
            f"https://contoh.example/{i}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buf.getvalue()


@st.composite
def containers(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of a well-formed input of any kind, to be cut or mangled."""
    kind = draw(st.sampled_from(["txt", "html", "jsonl", "warc", "warc.gz", "txt.gz", "jsonl.gz"]))
    if kind.startswith("warc"):
        data = warc_bytes(draw(st.lists(html_pages(), min_size=1, max_size=3)), gz=kind.endswith(".gz"))
    elif kind.startswith("jsonl"):
        data = draw(jsonl_lines())
    elif kind == "html":
        data = draw(html_pages()).encode("utf-8")
    else:
        data = draw(any_text).encode("utf-8", errors="replace")
    if kind.endswith(".gz") and not kind.startswith("warc"):
        data = gzip.compress(data)
    return f"input.{kind}", data
