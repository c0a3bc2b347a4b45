import io
import sys

import pytest
from conftest import DATA

from kabar.errors import BinaryInputError, EmptyInputError, FormatError, InputError, OversizedInputError
from kabar.readers import (
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
    f.write_text('{"text": "satu", "url": "https://x.example/1"}\n{"text": "dua", "id": "n2"}\n{"text": "tiga"}\n')
    one, two, three = records(str(f))
    assert record_key(one) == "https://x.example/1"
    assert record_key(two) == f"{f.resolve()}#n2"
    assert record_key(three) == f"{f.resolve()}#{content_id('tiga')}"
    assert record_key(RawRecord("<stdin>", "empat")) == f"id:{content_id('empat')}"
