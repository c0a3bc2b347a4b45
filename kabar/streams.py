"""Reading input bytes in bounded pieces, so that a size limit holds before memory grows.

Every input (a file, a gzip stream, stdin, a FIFO) is read through these: chunks of
`CHUNK` bytes, an article never read past its limit plus one byte, a JSON Lines line never
held past the limit. A FIFO is opened without blocking and given `input_wait_s()` seconds
to start sending, so that a FIFO nobody writes to ends in an error, not a silent hang.
"""

from __future__ import annotations

import io
import os
import select
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from kabar.errors import InputError

CHUNK = 1 << 16
# How long a FIFO may stay silent before kabar gives up on it ($KABAR_INPUT_WAIT overrides).
INPUT_WAIT_S = 30.0


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class LineReadable(Readable, Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def input_wait_s() -> float:
    try:
        return float(os.environ.get("KABAR_INPUT_WAIT", INPUT_WAIT_S))
    except ValueError:
        return INPUT_WAIT_S


def is_fifo(path: Path) -> bool:
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


def open_input(path: Path, source: str) -> BinaryIO:
    """`path` opened for reading bytes; a FIFO waits at most `input_wait_s()` for a writer."""
    if not is_fifo(path):
        return path.open("rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        wait = input_wait_s()
        # Until a writer opens its end, a FIFO polls as idle: data, or a writer that came and
        # went (POLLHUP), both end the wait.
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        if not poller.poll(wait * 1000):
            raise InputError(source, f"FIFO: nothing was written to it in {wait:g} s (is a writer running?)")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def stdin_bytes(source: str) -> BinaryIO:
    """Standard input as a byte stream, or an InputError when there is none."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None or sys.stdin.closed:
        raise InputError(source, "standard input is closed; give a file, or pipe the articles in")
    return stream


def read_at_most(stream: Readable, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of `stream`: one byte more than the limit says it is over."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class PrefixedStream(io.RawIOBase):
    """A stream that gives `head` (bytes already read to sniff the format) and then the rest."""

    def __init__(self, head: bytes, rest: Readable):
        self._head = memoryview(head)
        self._rest = rest
        self.position = 0  # bytes given out so far

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]  # any writable buffer
        view = memoryview(buffer).cast("B")
        if self._head.nbytes:
            n = min(len(view), self._head.nbytes)
            view[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._rest.read(len(view))
            n = len(data)
            view[:n] = data
        self.position += n
        return n


def bounded_lines(stream: LineReadable, limit: int) -> Iterator[bytes | int]:
    """The lines of `stream`; a line over `limit` bytes is skipped in chunks and given as its
    size (an int) instead, so that one huge line never sits in memory whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                more = stream.readline(CHUNK)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield size
            continue
        yield line
