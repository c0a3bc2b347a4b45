"""The stage's working types: speakers, quotation-mark spans and quote candidates."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """Who a phrase names: an entity id and/or a name, or a pointer back to someone."""

    entity: str | None = None
    name: str | None = None
    pronoun: bool = False  # resolve to the nearest preceding speaker
    subject: bool = False  # a subject pronoun ("Ia mengatakan"): may point to a newer subject
    collective: bool = False  # a body speaking as one: the organisation it names
    additive: bool = False  # a continuation adding to what was said before
    plural: bool = False  # a plural pronoun: never one person named since
    described: bool = False  # a title with no name (`Menteri Keuangan`): maybe someone named before

    @property
    def known(self) -> bool:
        return bool(self.entity or self.name)

    @property
    def found(self) -> bool:
        """Known, or a pronoun to resolve later."""
        return self.known or self.pronoun


NOBODY = Speaker()


class Role(enum.IntEnum):
    """What a quotation mark does, read from the characters around it."""

    NONE = 0  # an apostrophe inside a word
    OPEN = 1
    CLOSE = 2
    EITHER = 3


class Closure(enum.Enum):
    CLOSED = "closed"
    UNCLOSED = "unclosed"  # ran to its paragraph's (or sentence's) end
    CUT = "cut"  # an unclosed quote ended where its attribution begins


@dataclass(frozen=True)
class MarkSpan:
    """A quotation between marks: opening mark (-1 when lost), closing mark or end."""

    open_at: int
    close_at: int
    closure: Closure


class Cue(enum.Enum):
    """How a direct quote found its speaker."""

    NONE = ""
    POST = "post"  # after the closing mark
    CONTINUATION = "continuation"  # `tambahnya`
    PRE = "pre"  # before the opening mark
    ADJACENT = "adjacent"  # the quote before it, with only punctuation between


class Kind(enum.Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    INTRO = "intro"  # names a speaker for later continuations, makes no quote


@dataclass
class Candidate:
    """A quote found by one step, before pronouns and continuations are resolved."""

    start: int
    end: int
    kind: Kind
    open_at: int  # where the quotation (marks included) or the attributed clause begins
    region_end: int  # end of the quotation marks / the clause
    cue_end: int  # end of the attribution that goes with it
    speaker: Speaker | None = None  # None: taken from the quote before (adjacent)
    cue: Cue = Cue.NONE

    @property
    def adjacent(self) -> bool:
        return self.cue is Cue.ADJACENT


@dataclass(frozen=True)
class Subject:
    """The person heading a clause, its verb, and whether that verb is active right after it."""

    speaker: Speaker
    verb: str
    active: bool
