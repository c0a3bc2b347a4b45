"""Readers: turn files, directories, globs and stdin into raw article records.

Formats: plain text (as scraped from news pages), HTML pages, JSON Lines (one
article per line: `text` or `html`, optional `id`, `url`, `published`, `title`,
`author`, `tags`), WARC files (response records of HTML pages, as in CC-NEWS),
gzipped or not. The format comes from the file name and, when that says nothing,
from the content. Bytes are decoded as UTF-8 only when they are valid UTF-8;
otherwise the encoding is detected (charset-normalizer), never guessed.

Problems are yielded as `InputError`s in the stream, not raised, so that one bad
input never stops a run over many.
"""

from __future__ import annotations

import functools
import glob
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kabar.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FormatError,
    InputError,
    OversizedInputError,
)

# One article larger than this is almost certainly not an article (a dump, a binary).
MAX_ARTICLE_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
METADATA_KEYS = ("id", "url", "published", "title", "author", "tags")


@dataclass
class RawRecord:
    """One article as read, before extraction."""

    source: str  # names the input in messages: "path", "path:LINE", "path#N <url>", "<stdin>"
    text: str
    is_html: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
    path: str | None = None  # the file it came from, resolved; None for stdin


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[RawRecord | InputError]:
    """Every article in the given paths, directories, globs or "-" (stdin), in order."""
    for item in inputs:
        item = str(item)
        if item == "-":
            yield from _read_bytes("<stdin>", sys.stdin.buffer.read(), suffix="")
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and suffix_of(p) in KNOWN_SUFFIXES)
            if not files:
                yield InputError(item, "directory holds no .txt, .html, .jsonl or .warc files")
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield InputError(item, "no file matches this pattern")
            for match in matches:
                if Path(match).is_file():
                    yield from read_file(Path(match))
        else:
            yield InputError(item, "no such file or directory")


def read_file(path: Path) -> Iterator[RawRecord | InputError]:
    resolved = str(path.resolve())
    for item in _read_file(path):
        if isinstance(item, RawRecord):
            item.path = resolved
        yield item


def _read_file(path: Path) -> Iterator[RawRecord | InputError]:
    source = str(path)
    suffix = suffix_of(path)
    try:
        if suffix in WARC_SUFFIXES:
            yield from _read_warc(source, path)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(source, _open_text_lines(path, source))
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES and not path.name.endswith(".gz"):
            yield OversizedInputError(source, size, MAX_ARTICLE_BYTES)
            return
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = _gunzip(source, data)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    yield from _read_bytes(source, data, suffix, default_id=_stem(path))


def _read_bytes(source: str, data: bytes, suffix: str, default_id: str | None = None) -> Iterator:
    try:
        if not data.strip():
            raise EmptyInputError(source)
        if data.startswith(b"\x1f\x8b"):
            data = _gunzip(source, data)
        if data.lstrip()[:5] == b"WARC/" or suffix in WARC_SUFFIXES:
            yield from _read_warc(source, io.BytesIO(data))
            return
        if len(data) > MAX_ARTICLE_BYTES and suffix not in JSONL_SUFFIXES and not _looks_jsonl(data):
            raise OversizedInputError(source, len(data), MAX_ARTICLE_BYTES)
        text = decode(source, data)
    except InputError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _looks_jsonl(data)):
        yield from _read_jsonl(source, iter(text.splitlines()))
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text))
    metadata = {"id": default_id} if default_id else {}
    yield RawRecord(source=source, text=text, is_html=is_html, metadata=metadata)


def decode(source: str, data: bytes) -> str:
    """Bytes to text: BOMs honoured, valid UTF-8 taken as such, anything else detected."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        if sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
            raise BinaryInputError(source)
        raise EncodingError(source)
    return str(best)


def _read_jsonl(source: str, lines: Iterator[str]) -> Iterator[RawRecord | InputError]:
    lineno = 0
    try:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            if len(line) > MAX_ARTICLE_BYTES:
                yield OversizedInputError(where, len(line), MAX_ARTICLE_BYTES)
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield FormatError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield FormatError(where, "a JSON Lines record must be an object with 'text' or 'html'")
                continue
            html = obj.get("html")
            text = html if isinstance(html, str) and html.strip() else obj.get("text")
            if not isinstance(text, str) or not text.strip():
                yield EmptyInputError(where) if ("text" in obj or "html" in obj) else FormatError(
                    where, "record has neither 'text' nor 'html'"
                )
                continue
            metadata = {k: obj[k] for k in METADATA_KEYS if obj.get(k) not in (None, "")}
            if "id" in metadata:
                metadata["id"] = str(metadata["id"])
            yield RawRecord(source=where, text=text, is_html=text is html, metadata=metadata)
    except InputError as exc:
        yield exc
    except (OSError, EOFError) as exc:  # truncated gzip and the like
        yield FormatError(f"{source}:{lineno + 1}", f"file is truncated or unreadable ({exc})")


def _read_warc(source: str, path_or_stream: Path | io.BytesIO) -> Iterator[RawRecord | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = path_or_stream.open("rb") if isinstance(path_or_stream, Path) else path_or_stream
    number = 0
    found = 0
    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            if record.rec_type != "response":
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}" + (f" <{url}>" if url else "")
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                continue
            found += 1
            data = record.content_stream().read()
            try:
                text = _decode_declared(where, data, content_type)
            except InputError as exc:
                yield exc
                continue
            if not text.strip():
                yield EmptyInputError(where)
                continue
            metadata = {"url": url} if url else {}
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            if record_id:
                metadata["id"] = record_id.strip("<>").removeprefix("urn:uuid:")
            yield RawRecord(source=where, text=text, is_html=True, metadata=metadata)
        # warcio stops quietly at a record cut short: bytes left after the last whole record
        # mean the file is truncated.
        stream.seek(archive.offset)
        if stream.read(4096).strip():
            yield FormatError(f"{source}#{number + 1}", "WARC file is truncated: the last record is incomplete")
    except ArchiveLoadFailed as exc:
        yield FormatError(f"{source}#{number + 1}", f"not a readable WARC record ({exc})")
    except (OSError, EOFError, ValueError) as exc:
        yield FormatError(f"{source}#{number + 1}", f"WARC file is truncated or corrupt ({exc})")
    finally:
        if isinstance(path_or_stream, Path):
            stream.close()
    if number == 0 and found == 0:
        yield FormatError(source, "no WARC response records found")


def _decode_declared(source: str, data: bytes, content_type: str) -> str:
    charset = None
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    if charset and charset not in ("utf-8", "utf8"):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(source, data)


def _open_text_lines(path: Path, source: str) -> Iterator[str]:
    """Lines of a (possibly gzipped) JSON Lines file, read lazily so big corpora stream."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for raw in fh:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield decode(source, raw)


def _gunzip(source: str, data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise FormatError(source, f"gzip data is truncated or corrupt ({exc})") from exc


def _looks_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    return first == b"{" and b"\n{" in data[:200_000] or (first == b"{" and data.rstrip().endswith(b"}"))


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz",):
        name = name.removesuffix(suffix)
    return os.path.splitext(name)[0]


# --------------------------------------------------------------------------------------
# What an input is: HTML or text, and the ids that name the article it holds.


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<p>" in head or "<div" in head or "<article" in head
    )


def content_id(text: str) -> str:
    """Stable id of an article's content, used when the input gives none."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


def article_id(text: str, metadata: dict[str, Any]) -> str:
    """The article's id (`Article.id`): the one its input gives, else its content's."""
    return str(metadata.get("id") or content_id(text))


# The input part of a reader's `source`: "path:LINE" (JSON Lines), "path#N <url>" (WARC).
_SOURCE_SUFFIX = re.compile(r"(?::\d+|#\d+(?: <[^>]*>)?)$")


def input_path(source: str | None) -> str | None:
    """The resolved path of the file an input came from, or None (stdin, the API).

    `source` is a reader's name for the input: `path`, `path:LINE` or `path#N <url>`.
    """
    if not source or source.startswith("<"):
        return None
    candidates = [source]
    trimmed = _SOURCE_SUFFIX.sub("", source)
    if trimmed != source:
        candidates.insert(0, trimmed)
    for candidate in candidates:
        resolved = _resolved_file(candidate)
        if resolved is not None:
            return resolved
    return None


@functools.lru_cache(maxsize=1024)
def _resolved_file(candidate: str) -> str | None:
    path = Path(candidate)
    return str(path.resolve()) if path.is_file() else None


def document_key(url: str | None, article_id: str, source: str | None = None) -> str:
    """Which stored article an input is (`articles.key`).

    - the URL, when the input gives one (a JSON Lines `url`, a WARC record's target URI,
      `Article.url` given to `Store.add_articles`);
    - else `/resolved/path/of/file#id` for an input read from a file, so that `a/001.txt`
      and `b/001.txt` (both with the id `001`) are two articles;
    - else `id:` and the article id (stdin, Articles given from Python).

    The same key with different content is the same article, changed: it replaces the old
    version. The content hash (`articles.hash`) says whether it changed.
    """
    url = (url or "").strip()
    if url:
        return url
    path = input_path(source)
    if path is not None:
        return f"{path}#{article_id}"
    return f"id:{article_id}"


def record_key(record: RawRecord) -> str:
    """The document key of a record, known before extraction."""
    meta = record.metadata or {}
    url = meta.get("url")
    url = url if isinstance(url, str) else None
    ident = article_id(record.text, meta)
    if not (url or "").strip() and record.path:
        return f"{record.path}#{ident}"
    return document_key(url, ident, record.source)


def content_hash(text: str, metadata: dict[str, Any] | None = None, is_html: bool = False) -> str:
    """The content key of an input: SHA-256 of its text and the metadata given with it."""
    digest = hashlib.sha256()
    digest.update(text.encode("utf-8", errors="surrogatepass"))
    digest.update(b"\x00html" if is_html else b"\x00text")
    digest.update(json.dumps(metadata or {}, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return digest.hexdigest()[:32]
