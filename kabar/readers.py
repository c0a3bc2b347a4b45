"""Readers: turn files, directories, globs and stdin into raw article records.

Formats: plain text (as scraped from news pages), HTML pages, JSON Lines (one
article per line: `text` or `html`, optional `id`, `url`, `published`, `title`,
`author`, `tags`), WARC files (response records of HTML pages, as in CC-NEWS),
gzipped or not. The format comes from the file name and, when that says nothing,
from the content. Bytes are decoded as UTF-8 when they are UTF-8 (a few bad bytes are
replaced, with a warning); otherwise the encoding is detected (charset-normalizer).

Every input is read in bounded pieces (`kabar.streams`): compressed data, stdin and FIFOs
never grow past the size limit of one article (one JSON Lines line, one WARC record)
before the limit is checked.

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
import zlib
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
from kabar.streams import (
    CHUNK,
    PrefixedStream,
    Readable,
    bounded_lines,
    open_input,
    read_at_most,
    stdin_bytes,
)

# One article larger than this is almost certainly not an article (a dump, a binary).
MAX_ARTICLE_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
METADATA_KEYS = ("id", "url", "published", "title", "author", "tags")
# Metadata key of the problems a reader repaired, without the input's name (so that they do not
# change the content hash when a file moves); the structure stage makes them warnings.
READER_WARNINGS = "reader_warnings"
_SNIFF_BYTES = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"


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
            yield from _read_stdin()
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


def _read_stdin() -> Iterator[RawRecord | InputError]:
    try:
        stream = stdin_bytes("<stdin>")
    except InputError as exc:
        yield exc
        return
    yield from _read_stream("<stdin>", stream, suffix="")


def _read_file(path: Path) -> Iterator[RawRecord | InputError]:
    source = str(path)
    suffix = suffix_of(path)
    try:
        size = path.stat().st_size
        plain = path.is_file() and not path.name.lower().endswith(".gz")
        if plain and size > MAX_ARTICLE_BYTES and suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield OversizedInputError(source, size, MAX_ARTICLE_BYTES)
            return
        stream = open_input(path, source)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    with stream:
        yield from _read_stream(source, stream, suffix, default_id=_stem(path))


def _read_stream(
    source: str, stream: Readable, suffix: str, default_id: str | None = None, depth: int = 0
) -> Iterator[RawRecord | InputError]:
    """The articles in a byte stream of any format, read in bounded pieces."""
    try:
        head = stream.read(_SNIFF_BYTES)
        if not head:
            raise EmptyInputError(source)
        if head.startswith(_GZIP_MAGIC) and depth == 0:
            unpacked = gzip.GzipFile(fileobj=PrefixedStream(head, stream), mode="rb")
            if unpacked.peek(16)[:5].lstrip() == b"WARC/":
                # warcio reads the gzip members itself; give it the compressed stream.
                yield from _read_warc(source, PrefixedStream(head, stream))
                return
            yield from _read_stream(source, unpacked, suffix, default_id, depth + 1)
            return
        if head.lstrip()[:5] == b"WARC/" or suffix in WARC_SUFFIXES:
            yield from _read_warc(source, PrefixedStream(head, stream))
            return
        whole = io.BufferedReader(PrefixedStream(head, stream), CHUNK)
        if suffix in JSONL_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _looks_jsonl(head)):
            yield from _read_jsonl(source, bounded_lines(whole, MAX_ARTICLE_BYTES))
            return
        data = read_at_most(whole, MAX_ARTICLE_BYTES)
        if len(data) > MAX_ARTICLE_BYTES:
            raise OversizedInputError(source, len(data), MAX_ARTICLE_BYTES, at_least=True)
        if not data.strip():
            raise EmptyInputError(source)
        text, warnings = decode_with_warnings(source, data)
        if not text.strip():
            raise EmptyInputError(source)
    except InputError as exc:
        yield exc
        return
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip stream
        yield FormatError(source, f"compressed data is truncated or corrupt ({exc})")
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text))
    metadata: dict[str, Any] = {"id": default_id} if default_id else {}
    if warnings:
        metadata[READER_WARNINGS] = warnings
    yield RawRecord(source=source, text=text, is_html=is_html, metadata=metadata)


def decode(source: str, data: bytes) -> str:
    """Bytes to text: BOMs honoured, UTF-8 taken as such, anything else detected."""
    return decode_with_warnings(source, data)[0]


def decode_with_warnings(source: str, data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, and what the reader had to repair.

    Valid UTF-8 is UTF-8. Text that is UTF-8 but for a few bad bytes (more valid multi-byte
    characters than bad bytes) is UTF-8 with the bad bytes replaced, and says so: guessing a
    single-byte code page for it would garble every curly quote and accent. Anything else
    goes to charset-normalizer.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            repaired = "bad UTF-16 bytes replaced with \ufffd"
            return data.decode("utf-16", errors="replace"), [repaired]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(source)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte > bad:
        return text, [f"{bad} byte(s) that are not UTF-8 replaced with \ufffd (the rest is UTF-8)"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        if sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
            raise BinaryInputError(source)
        raise EncodingError(source)
    return str(best), []


def _read_jsonl(
    source: str, lines: Iterator[bytes | int], first_line: int = 1
) -> Iterator[RawRecord | InputError]:
    lineno = first_line - 1
    try:
        for lineno, raw in enumerate(lines, start=first_line):
            where = f"{source}:{lineno}"
            if isinstance(raw, int):
                yield OversizedInputError(where, raw, MAX_ARTICLE_BYTES)
                continue
            if not raw.strip():
                continue
            try:
                line, warnings = decode_with_warnings(where, raw)
            except InputError as exc:
                yield exc
                continue
            yield _jsonl_record(where, line, warnings)
    except (OSError, EOFError, zlib.error) as exc:  # truncated gzip and the like
        yield FormatError(f"{source}:{lineno + 1}", f"file is truncated or unreadable ({exc})")


def _jsonl_record(where: str, line: str, warnings: list[str]) -> RawRecord | InputError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return FormatError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return FormatError(where, "not valid JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return FormatError(where, "a JSON Lines record must be an object with 'text' or 'html'")
    html = obj.get("html")
    text = html if isinstance(html, str) and html.strip() else obj.get("text")
    if not isinstance(text, str) or not text.strip():
        if "text" in obj or "html" in obj:
            return EmptyInputError(where)
        return FormatError(where, "record has neither 'text' nor 'html'")
    metadata = _record_metadata(obj, warnings)
    if warnings:
        metadata[READER_WARNINGS] = warnings
    return RawRecord(source=where, text=text, is_html=text is html, metadata=metadata)


def _record_metadata(obj: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """The metadata fields of a record as the pipeline takes them: text fields as strings, tags
    as a list of strings; a field of another shape is left out with a warning (the article is
    still read)."""
    metadata: dict[str, Any] = {}
    for key in METADATA_KEYS:
        value = obj.get(key)
        if value in (None, ""):
            continue
        if key == "tags":
            items = re.split(r"[,;|]", value) if isinstance(value, str) else value
            items = items if isinstance(items, list) else None
            tags = [str(t).strip() for t in items or [] if isinstance(t, (str, int, float))]
            tags = [t for t in tags if t]
            if items is None or not all(isinstance(t, (str, int, float)) for t in items):
                warnings.append("field 'tags' is not a list of strings; kept only its strings")
            if tags:
                metadata[key] = tags
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            metadata[key] = str(value) if key != "published" or isinstance(value, str) else value
        else:
            warnings.append(f"field '{key}' is a {type(value).__name__}, not text; ignored")
    return metadata


def _read_warc(source: str, counted: PrefixedStream) -> Iterator[RawRecord | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    found = 0
    try:
        archive = ArchiveIterator(counted)
        for record in archive:
            if record.rec_type is None:  # cut inside its WARC headers
                yield _warc_cut(source, number + 1, None)
                return
            if record.rec_type != "response":
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}" + (f" <{url}>" if url else "")
            headers = record.http_headers
            content_type = (headers.get_header("Content-Type") if headers else "") or ""
            data = read_at_most(record.content_stream(), MAX_ARTICLE_BYTES)
            # Read to its end, yet fewer bytes than its Content-Length: the file stops inside it.
            if len(data) <= MAX_ARTICLE_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                yield _warc_cut(source, number, url)
                return
            if "html" not in content_type.lower():
                continue
            found += 1
            yield _warc_record(where, url, record, data, content_type)
        # warcio stops quietly at a gzip member cut short: bytes read past the end of the
        # last whole record mean the file is truncated.
        if counted.position > archive.offset + 4 or read_at_most(counted, 4096).strip():
            yield _warc_cut(source, number + 1, None)
            return
    except ArchiveLoadFailed as exc:
        yield FormatError(f"{source}#{number + 1}", f"not a readable WARC record ({exc})")
    except Exception as exc:  # noqa: BLE001 - warcio fails on corrupt input in many ways
        yield FormatError(f"{source}#{number + 1}", f"WARC file is truncated or corrupt ({exc})")
    if number == 0 and found == 0:
        yield FormatError(source, "no WARC response records found")


def _warc_cut(source: str, number: int, url: str | None) -> FormatError:
    where = f"{source}#{number}" + (f" <{url}>" if url else "")
    return FormatError(
        where,
        "WARC file is cut short inside this record: the record is not stored, and any records "
        "after it cannot be read",
    )


def _warc_record(
    where: str, url: str | None, record: Any, data: bytes, content_type: str
) -> RawRecord | InputError:
    if len(data) > MAX_ARTICLE_BYTES:
        return OversizedInputError(where, len(data), MAX_ARTICLE_BYTES, at_least=True)
    try:
        text, warnings = _decode_declared(where, data, content_type)
    except InputError as exc:
        return exc
    if not text.strip():
        return EmptyInputError(where)
    metadata: dict[str, Any] = {"url": url} if url else {}
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        metadata["id"] = record_id.strip("<>").removeprefix("urn:uuid:")
    if warnings:
        metadata[READER_WARNINGS] = warnings
    return RawRecord(source=where, text=text, is_html=True, metadata=metadata)


def _decode_declared(source: str, data: bytes, content_type: str) -> tuple[str, list[str]]:
    charset = None
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    if charset and charset not in ("utf-8", "utf8"):
        try:
            return data.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_with_warnings(source, data)


def _looks_jsonl(head: bytes) -> bool:
    return head.lstrip()[:1] == b"{"


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


def read_jsonl_range(path: Path, start: int, end: int) -> Iterator[RawRecord | InputError]:
    """The records on the lines of a plain JSON Lines file that start in the byte range
    [start, end), named and numbered as when the whole file is read (a `kabar batch` shard;
    `start` is the start of a line)."""
    source = str(path)
    resolved = str(path.resolve())
    try:
        with path.open("rb") as fh:
            first_line = 1
            while fh.tell() < start:
                first_line += fh.read(min(CHUNK, start - fh.tell())).count(b"\n")
            data = fh.read(end - start)
    except OSError as exc:
        yield InputError(f"{source}:{start}-{end}", f"cannot be read ({exc.strerror or exc})")
        return
    lines = bounded_lines(io.BufferedReader(io.BytesIO(data), CHUNK), MAX_ARTICLE_BYTES)
    for item in _read_jsonl(source, lines, first_line):
        if isinstance(item, RawRecord):
            item.path = resolved
        yield item
