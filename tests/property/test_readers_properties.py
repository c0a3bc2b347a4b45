"""The readers on random bytes, random text in several encodings, random HTML and JSON Lines,
and well-formed inputs of every kind cut at random offsets or with bytes changed."""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.errors import InputError
from kabar.readers import RawRecord, read_inputs

from .conftest import examples
from .strategies import any_text, containers, html_pages, jsonl_lines

SUFFIXES = [
    "", ".txt", ".html", ".jsonl", ".json", ".warc", ".gz", ".txt.gz", ".jsonl.gz", ".warc.gz", ".bin",
]  # fmt: skip
FAST = timedelta(seconds=10)  # generous: the machine running CI may be shared


def read_as_file(name: str, data: bytes) -> list[RawRecord | InputError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_inputs([str(path)]))
    check(items)
    return items


def check(items: list) -> None:
    for item in items:
        assert isinstance(item, (RawRecord, InputError)), item
        if isinstance(item, RawRecord):
            assert isinstance(item.text, str) and item.text.strip()
            assert isinstance(item.metadata, dict)
        else:
            assert item.source and str(item)


@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
@settings(max_examples=examples(500), deadline=FAST)
def test_random_bytes(data, suffix):
    read_as_file(f"input{suffix}", data)


ENCODINGS = ["utf-8", "utf-16", "cp1252", "latin-1", "cp852", "utf-8-sig"]


@given(text=any_text, encoding=st.sampled_from(ENCODINGS))
@settings(max_examples=examples(300), deadline=FAST)
def test_random_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    items = read_as_file("input.txt", data)
    if encoding.startswith("utf-8") and text.strip() and "\x00" not in text:
        # Valid UTF-8 is always read as itself.
        assert [i.text for i in items] == [text]


@given(page=html_pages(), suffix=st.sampled_from(["", ".html", ".txt"]))
@settings(max_examples=examples(200), deadline=FAST)
def test_random_html(page, suffix):
    read_as_file(f"page{suffix}", page.encode("utf-8"))


@given(data=jsonl_lines())
@settings(max_examples=examples(300), deadline=FAST)
def test_random_json_lines(data):
    items = read_as_file("corpus.jsonl", data)
    lines = data.split(b"\n")
    assert len(items) <= len(lines)


@given(container=containers(), cut=st.floats(0, 1))
@settings(max_examples=examples(400), deadline=FAST)
def test_inputs_cut_at_any_offset(container, cut):
    name, data = container
    read_as_file(name, data[: int(len(data) * cut)])


@given(container=containers(), changes=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4))
@settings(max_examples=examples(250), deadline=FAST)
def test_inputs_with_changed_bytes(container, changes):
    name, data = container
    mangled = bytearray(data)
    for where, value in changes:
        if mangled:
            mangled[min(len(mangled) - 1, int(len(mangled) * where))] = value
    read_as_file(name, bytes(mangled))


@given(data=st.binary(max_size=2048) | jsonl_lines())
@settings(max_examples=examples(150), deadline=FAST)
def test_random_stdin(data):
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        check(list(read_inputs(["-"])))
    finally:
        sys.stdin = saved
