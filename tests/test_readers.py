import io
import sys

import pytest
from conftest import DATA

from kabar.errors import BinaryInputError, EmptyInputError, FormatError, InputError, OversizedInputError
from kabar.readers import (
    READER_WARNINGS,
    RawRecord,
    article_id,
    content_hash,
    content_id,
    decode,
    document_key,
    input_path,
    looks_like_html,
    read_inputs,
    record_key,
)

R = DATA / "readers"


def records(*inputs):
    return list(read_inputs([str(i) for i in inputs]))


def test_plain_text_file_gets_its_stem_as_id():
    [record] = records(DATA / "structure" / "captions_initials.txt")
    assert isinstance(record, RawRecord)
    assert record.metadata == {"id": "captions_initials"}
    assert not record.is_html


def test_html_file_is_marked_html():
    [record] = records(R / "page.html")
    assert record.is_html and "<article>" in record.text


def test_jsonl_records_errors_are_reported_and_the_rest_come_out():
    items = records(R / "articles.jsonl")
    ok = [i for i in items if isinstance(i, RawRecord)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [r.metadata["id"] for r in ok] == ["a1", "a2", "a5"]
    assert ok[0].metadata["url"] == "https://contoh.example/a1"
    assert ok[0].metadata["published"] == "10/09/2019 21:48 WIB"
    assert ok[1].is_html and not ok[0].is_html
    assert [e.source for e in bad] == [f"{R / 'articles.jsonl'}:3", f"{R / 'articles.jsonl'}:4"]
    assert "not valid JSON" in str(bad[0]) and "neither 'text' nor 'html'" in str(bad[1])


def test_warc_response_records():
    items = records(R / "two_pages.warc.gz")
    assert all(isinstance(i, RawRecord) for i in items)
    assert [i.metadata["url"] for i in items] == [
        "https://contoh.example/dunia/008",
        "https://contoh.example/dunia/009",
    ]
    assert all(i.is_html for i in items)
    assert "Turki" in items[0].text


def test_truncated_warc_keeps_what_was_read_and_reports_the_rest():
    items = records(R / "truncated.warc")
    assert isinstance(items[0], RawRecord)
    assert isinstance(items[-1], FormatError)
    assert str(R / "truncated.warc") in str(items[-1])


def test_directory_and_glob():
    from_dir = records(R)
    assert sum(isinstance(i, RawRecord) for i in from_dir) >= 6
    from_glob = records(R / "*.html")
    assert [i.source for i in from_glob] == [str(R / "page.html"), str(R / "truncated.html")]


@pytest.mark.parametrize(
    "name, error",
    [("empty.txt", EmptyInputError), ("blank.txt", EmptyInputError), ("binary.bin", BinaryInputError),
     ("binary.txt", BinaryInputError)],
)
def test_bad_files_are_named_errors(name, error):
    [item] = records(R / name)
    assert isinstance(item, error)
    assert str(R / name) in str(item)


def test_missing_path_and_empty_glob():
    items = records("does/not/exist.txt", R / "*.nothing")
    assert [type(i) for i in items] == [InputError, InputError]
    assert "no such file" in str(items[0]) and "no file matches" in str(items[1])


def test_oversized_file(tmp_path, monkeypatch):
    import kabar.readers as readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("kata " * 100)
    [item] = records(big)
    assert isinstance(item, OversizedInputError) and "big.txt" in str(item)


def test_legacy_encoding_is_detected_not_guessed():
    [record] = records(R / "latin1_accents.txt")
    assert "Café di Jakarta" in record.text and "kafé" in record.text


def test_utf8_bom_and_utf16():
    assert decode("x", "\ufeffBerita".encode("utf-8")) == "Berita"
    assert decode("x", "Berita hari ini".encode("utf-16")) == "Berita hari ini"


def test_stdin(monkeypatch):
    data = '{"id": "s1", "text": "Harga cabai naik di pasar tradisional Surabaya pekan ini."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    [record] = records("-")
    assert record.metadata["id"] == "s1" and record.source == "<stdin>:1"


def test_records_know_the_file_they_came_from():
    items = records(R / "articles.jsonl", R / "page.html")
    paths = {i.path for i in items if isinstance(i, RawRecord)}
    assert paths == {str((R / "articles.jsonl").resolve()), str((R / "page.html").resolve())}


# -- what an input is: HTML or text, and its ids ---------------------------------------------------


def test_html_is_told_from_text_by_its_head():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("  <div>Berita</div>")
    assert not looks_like_html("JAKARTA - Presiden <b>tiba</b> kemarin.")


def test_an_article_without_an_id_is_named_by_its_content():
    assert article_id("teks", {"id": 7}) == "7"
    assert article_id("  teks  ", {}) == content_id("teks") == article_id("teks", {"id": ""})
    assert content_id("teks") != content_id("teks lain") and len(content_id("teks")) == 16


def test_content_hash_covers_text_metadata_and_kind():
    assert content_hash("a", {"id": "1"}) != content_hash("a", {"id": "2"})
    assert content_hash("a", {"id": "1", "url": "u"}) == content_hash("a", {"url": "u", "id": "1"})
    assert content_hash("a", {}, is_html=True) != content_hash("a", {})


def test_document_key_is_the_url_else_the_file_and_id_else_the_id(tmp_path):
    f = tmp_path / "a" / "001.txt"
    f.parent.mkdir()
    f.write_text("x", encoding="utf-8")
    assert document_key(" https://x.example/1 ", "001", str(f)) == "https://x.example/1"
    assert document_key(None, "001", str(f)) == f"{f.resolve()}#001"
    # A JSON Lines line and a WARC record name their file too.
    assert input_path(f"{f}:12") == input_path(f"{f}#3 <https://x.example/3>") == str(f.resolve())
    assert document_key(None, "001", "<stdin>") == document_key(None, "001") == "id:001"


def test_record_key_is_known_before_extraction(tmp_path):
    f = tmp_path / "b.jsonl"
    f.write_text(
        '{"text": "satu", "url": "https://x.example/1"}\n{"text": "dua", "id": "n2"}\n{"text": "tiga"}\n'
    )
    one, two, three = records(str(f))
    assert record_key(one) == "https://x.example/1"
    assert record_key(two) == f"{f.resolve()}#n2"
    assert record_key(three) == f"{f.resolve()}#{content_id('tiga')}"
    assert record_key(RawRecord("<stdin>", "empat")) == f"id:{content_id('empat')}"


# -- limits while reading, truncation, mixed encodings, stdin and FIFOs ----------------------------

# The child's own peak (VmHWM): ru_maxrss would carry over the parent's peak across exec.
_PEAK_RSS = """
import re, sys
from kabar.readers import read_inputs
items = [str(i) for i in read_inputs(sys.argv[1:])]
with open("/proc/self/status") as fh:
    print(int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1)) // 1024)
print(items[0] if items else "")
"""


def _gzip_bomb(path, gigabytes: float, line: bytes = b"berita hari ini ") -> None:
    """A file of `gigabytes` of text when unpacked: one gzip member of 1 MiB, repeated (gzip
    allows many members in a row), so that making it costs nothing."""
    import gzip

    member = gzip.compress(line * ((1 << 20) // len(line)), compresslevel=9)
    with path.open("wb") as fh:
        for _ in range(int(gigabytes * 1024)):
            fh.write(member)


def _peak_mb(*args: str, stdin=None) -> tuple[int, str]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *args], stdin=stdin, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    peak, first = done.stdout.split("\n", 1)
    return int(peak), first


def test_a_gzip_bomb_is_refused_before_memory_grows(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    _gzip_bomb(bomb, 1.0)  # 1 GB of text, a few MB on disk
    peak, error = _peak_mb(str(bomb))
    assert "over the limit" in error and "bomb.txt.gz" in error
    assert peak < 600, f"peak RSS {peak} MB"
    with bomb.open("rb") as stdin:  # the same bomb on stdin
        peak, error = _peak_mb("-", stdin=stdin)
    assert "over the limit" in error and "<stdin>" in error
    assert peak < 600, f"peak RSS {peak} MB"


def test_one_huge_json_lines_line_is_skipped_in_pieces(tmp_path):
    import gzip

    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wb", compresslevel=1) as fh:
        fh.write(b'{"id": "a", "text": "Berita pertama."}\n{"id": "b", "text": "')
        chunk = b"x" * (1 << 20)
        for _ in range(300):
            fh.write(chunk)
        fh.write(b'"}\n{"id": "c", "text": "Berita ketiga."}\n')
    peak, _ = _peak_mb(str(corpus))
    assert peak < 600, f"peak RSS {peak} MB"
    items = records(corpus)
    assert [type(i) for i in items] == [RawRecord, OversizedInputError, RawRecord]
    assert items[1].source.endswith(":2") and items[2].metadata["id"] == "c"


def _warc(gz: bool, pages: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        body = f"<html><body><p>Berita nomor {i}. {'Isi berita yang panjang. ' * 40}</p></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://contoh.example/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=http
        )
        writer.write_record(record)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_inside_a_record_is_an_error_naming_the_record(tmp_path, gz):
    data = _warc(gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: len(data) // 2])  # inside the second record's content
    items = records(cut)
    assert [type(i) for i in items] == [RawRecord, FormatError]
    assert items[0].metadata["url"] == "https://contoh.example/0"
    assert str(cut) in str(items[1]) and "#2" in items[1].source
    assert "not stored" in str(items[1]) and "after it cannot be read" in str(items[1])
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    whole.write_bytes(data)
    assert [type(i) for i in records(whole)] == [RawRecord] * 3


def test_mostly_utf8_text_keeps_its_quotes_and_says_which_bytes_were_bad(tmp_path):
    text = "\u201cKami sepakat,\u201d kata Retno di Jakarta. Harga naik \u2013 lagi.\n" * 20
    data = text.encode("utf-8").replace(b"Harga", b"Harg\xe0", 2)
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    [record] = records(path)
    assert record.text.count("\u201c") == 20 and "\ufffd" in record.text and "\u00d4" not in record.text
    [warning] = record.metadata[READER_WARNINGS]
    assert "2 byte(s)" in warning and "not UTF-8" in warning


def test_reader_warnings_reach_the_article(tmp_path, foundation):
    path = tmp_path / "mixed.txt"
    quote = "\u201cKami sepakat,\u201d kata Retno di Jakarta pada Senin.\n"
    path.write_bytes(quote.encode() + b"Harg\xe0 naik.\n")
    [record] = records(path)
    article = foundation.extract_record(record)
    assert any("mixed.txt: 1 byte(s)" in w and "not UTF-8" in w for w in article.warnings)


def test_closed_stdin_is_an_input_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    [item] = records("-")
    assert isinstance(item, InputError) and item.source == "<stdin>" and "closed" in str(item)


def test_a_fifo_without_a_writer_is_an_error_not_a_hang(tmp_path, monkeypatch):
    import os
    import threading
    import time

    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    monkeypatch.setenv("KABAR_INPUT_WAIT", "0.5")
    started = time.monotonic()
    [item] = records(fifo)
    assert isinstance(item, InputError) and "nothing was written" in str(item)
    assert time.monotonic() - started < 5

    def write() -> None:
        with fifo.open("wb") as fh:
            fh.write(b'{"id": "f1", "text": "Berita dari FIFO."}\n')

    writer = threading.Thread(target=write)
    writer.start()
    monkeypatch.setenv("KABAR_INPUT_WAIT", "10")
    [record] = records(fifo)
    writer.join()
    assert record.metadata["id"] == "f1"


def test_jsonl_metadata_of_the_wrong_shape_is_dropped_with_a_warning_not_a_crash(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(
        '{"id": 7, "text": "Teks berita.", "tags": [null, "politik", 3], "title": {"a": 1}}\n'
        '{"id": null, "text": "Teks lain.", "tags": "hukum; politik", "author": ["x"]}\n',
        encoding="utf-8",
    )
    first, second = list(read_inputs([str(path)]))
    assert first.metadata["id"] == "7" and first.metadata["tags"] == ["politik", "3"]
    assert "title" not in first.metadata
    assert any("'title'" in w for w in first.metadata[READER_WARNINGS])
    assert second.metadata["tags"] == ["hukum", "politik"] and "author" not in second.metadata
    import kabar

    assert kabar.extract(second.text, **second.metadata).tags == ["hukum", "politik"]
