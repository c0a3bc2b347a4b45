"""The typed state the stage works on: a text's tokens and actors, triggers, candidate events,
and what one sentence knows of the sentences before it."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from kabar.events.dates import TimeExpr
from kabar.events.lexicon import Form
from kabar.model import EventActor, Evidence, Location, Span
from kabar.textview import TextView

# modes of events told as having happened (Event.factual): reported as fact, or as a side's claim
FACTUAL_MODES = frozenset({"reported", "claimed"})


@dataclass
class Actor:
    code: str
    country: str | None
    name: str
    entity: str | None
    start: int  # token span of the actor's noun phrase
    end: int
    label: str | None = None
    place: bool = False  # a city, region or country named as a place
    via: str = "mention"  # mention, role, anaphora, speaker, place, generic
    own_role: bool = False  # the code carries a role of its own (entity code or role phrase)
    role_from_phrase: str | None = None

    def event_actor(self) -> EventActor:
        return EventActor(entity=self.entity, name=self.name, actor_code=self.code, country=self.country)

    def as_anaphor(self) -> Actor:
        return Actor(
            self.code,
            self.country,
            self.name,
            self.entity,
            self.start,
            self.end,
            self.label,
            self.place,
            "anaphora",
            self.own_role,
        )

    @property
    def side(self) -> str:
        """What tells two sides apart at the level of states: the country, else the code (IGOs)."""
        return self.country or self.code


@dataclass
class Tokens:
    """The tokens of one text view (the body, a caption or the title) and its actor noun phrases."""

    text: str
    offset: int | None  # offset of `text` in the body; None for caption and title
    tokens: list[str]
    low: list[str]  # normalised lower case
    starts: list[int]
    ends: list[int]
    nps: list[Actor] = field(default_factory=list)
    np_starts: list[int] = field(default_factory=list)  # starts of nps, for bisect
    np_start: dict[int, Actor] = field(default_factory=dict)
    np_end: dict[int, Actor] = field(default_factory=dict)
    np_tokens: set[int] = field(default_factory=set)
    mention_tokens: set[int] = field(default_factory=set)  # inside any entity mention, actor or not
    person_starts: list[int] = field(default_factory=list)  # first tokens of person mentions
    time_tokens: set[int] = field(default_factory=set)  # inside a time expression ("Senin (18/3)")

    @classmethod
    def of(cls, view: TextView, offset: int | None) -> Tokens:
        # copies of the view's columns: the view's own are shared by every stage
        return cls(view.text, offset, view.texts[:], view.lowers[:], view.starts[:], view.ends[:])

    def word_at(self, i: int) -> Span | None:
        """The word starting at token i in the body, a reduplication joined ("huru-hara"); None
        outside the body (a caption or the title)."""
        if self.offset is None:
            return None
        k = i
        while self._hyphen_after(k) and self.tokens[k + 2][:1].isalnum():
            k += 2
        start, end = self.starts[i], self.ends[k]
        return Span(text=self.text[start:end], start=start + self.offset, end=end + self.offset)

    def _hyphen_after(self, a: int) -> bool:
        """Do tokens a, a+1 (a hyphen) and a+2 touch, writing one word ("huru-hara")?"""
        return (
            a >= 0
            and a + 2 < len(self.tokens)
            and self.tokens[a + 1] == "-"
            and self.ends[a] == self.starts[a + 1]
            and self.ends[a + 1] == self.starts[a + 2]
        )

    def hyphen_joined(self, i: int) -> bool:
        """Token i is part of a word joined by a hyphen with no space ("Undang-Undang"), not a
        word of its own."""
        return self._hyphen_after(i) or self._hyphen_after(i - 2)

    def char(self, i: int) -> int:
        """Body offset of token i, or -1 outside the body."""
        return self.starts[i] + self.offset if self.offset is not None else -1


@dataclass
class Trigger:
    form: Form
    start: int
    end: int  # token index after the last word
    anchor: int  # first token of the predicate (light verb or trigger)
    # how a noun trigger is reported: "before", "receive", "after", "date", "caption", "frame",
    # "frame_possessive"; None for verbs
    light: str | None
    light_pos: int | None = None


@dataclass
class Candidate:
    code: str
    source: Actor
    target: Actor | None
    mode: str
    confidence: float
    sent: int  # sentence index (body), or -1 for caption/title
    trigger: int  # token index of the trigger
    reciprocal: bool
    evidence: Evidence
    times: list[TimeExpr]
    place: Location | None = None
    date: str | None = None
    mentions: list[Evidence] = field(default_factory=list)
    root: str = ""
    trig_char: int = -1
    act_code: str = ""  # the action's own code, before an intent recoding
    cue: str | None = None  # the intention cue when there is one
    src_via: str | None = None
    tgt_via: str | None = None
    provisional: bool = False  # a threat or denial still looking for its target
    needs_target: bool = False  # dropped when no target is found
    trig_end: int = -1
    action: Span | None = None  # the trigger's first word, in the body only
    teller: Actor | None = None  # who tells the act, when another side than its actor

    def __post_init__(self) -> None:
        self.root = self.code[:2]
        if not self.act_code:
            self.act_code = self.code

    def recode(self, code: str) -> None:
        self.code = code
        self.root = code[:2]

    def copy(self, **changes: object) -> Candidate:
        return dataclasses.replace(self, mentions=list(self.mentions), **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Quoted:
    """A quote over the body: its span, its speaker as an actor, and whether it is direct."""

    start: int
    end: int
    speaker: Actor | None
    direct: bool


@dataclass
class Context:
    """What the reading of one slot knows: the sentences before (the last pair of a reciprocal
    event and of coordinated actors, for "both sides"; the person heading the sentence before,
    for "he"; the events found so far) and where it reads (inside a quote, and by whom)."""

    si: int = 0
    recip: tuple[list[Actor], int] | None = None
    coord: tuple[list[Actor], int] | None = None
    person: Actor | None = None
    history: list[Candidate] = field(default_factory=list)
    speaker: Actor | None = None
    in_quote: bool = False
    reporter: Actor | None = None  # the speaker of the indirect quote being read ("X mengatakan, dia ...")
    reported_from: int = -1  # where that quote starts (body offset)
    vp_done: bool = False  # the subject of a verb phrase joined to another was already sought
    vp_depth: int = 0
    matrix_done: bool = False  # the subject of the verb of saying was already sought

    def but(self, **changes: object) -> Context:
        """A copy with `changes` (read per trigger and slot: a shallow copy, not `replace`)."""
        other = copy.copy(self)
        other.__dict__.update(changes)
        return other


@dataclass
class Scope:
    """One sentence (or caption, or title) being read: tokens lo..hi of `t`."""

    t: Tokens
    lo: int
    hi: int
    si: int
    evidence: Evidence
    times: list[TimeExpr]
    quotes: list[Quoted]
    caption: bool = False
    headline: bool = False  # the title: headlines write bare verb stems ("Kecam", "Serang")
