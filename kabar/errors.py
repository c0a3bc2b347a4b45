"""kabar's errors. Every message names the input it is about and says what to do."""

from __future__ import annotations


class KabarError(Exception):
    """Base class of every error kabar raises on purpose."""


class InputError(KabarError):
    """An input that cannot be read as a news article."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class EmptyInputError(InputError):
    def __init__(self, source: str):
        super().__init__(source, "empty input: there is no article text to read")


class BinaryInputError(InputError):
    def __init__(self, source: str):
        super().__init__(source, "binary data, not text, HTML, JSON Lines or WARC")


class OversizedInputError(InputError):
    def __init__(self, source: str, size: int, limit: int, *, at_least: bool = False):
        # `at_least`: reading stopped at the limit, so the whole size is not known.
        if at_least:
            reason = f"input is over the limit of {limit:,} bytes for one article (reading stopped there)"
        else:
            reason = f"input is {size:,} bytes, over the limit of {limit:,} bytes for one article"
        super().__init__(source, reason)


class EncodingError(InputError):
    def __init__(self, source: str):
        super().__init__(source, "text encoding could not be detected")


class FormatError(InputError):
    """Malformed container: a JSON Lines record, a WARC file, a truncated page."""


class ExtractionError(InputError):
    """kabar itself failed on this input (a bug, not bad input); reported and skipped like one."""

    def __init__(self, source: str, stage: str, exc: BaseException):
        super().__init__(
            source, f"kabar failed in stage '{stage}' ({type(exc).__name__}: {exc}); please report it"
        )


class StoreError(KabarError):
    """A problem with the kabar database."""


class QueryError(KabarError):
    """A query the store refuses or cannot answer."""


class OutputError(KabarError):
    """An output path kabar refuses to write, because writing there could lose a file it did not make."""


class ConfigError(KabarError):
    """A language pack or pipeline configuration that cannot be used."""
