"""What the `events` stage needs to know of a language's grammar, beyond its word lists.

A pack implements it in `kabar/lang/<code>/grammar/events.py` (`build(pack)`); the stage gets
it from `pack.grammar("events")` and holds no word or affix of any one language.
"""

from __future__ import annotations

from typing import Protocol


class EventGrammar(Protocol):
    # enclitics any one-word form may carry (a possessive, emphatic particles)
    clitics: tuple[str, ...]
    # the possessive enclitic: the last word of a phrase may carry it, and a noun with it
    # refers to someone named elsewhere ("its visit")
    possessive_clitic: str
    # the pronoun that opens a relative clause ("X that attacked")
    relative_pronoun: str
    # the preposition before the agent of a passive ("attacked by X")
    agent_preposition: str
    # the preposition before the giver of something received ("aid from X")
    source_preposition: str
    # the preposition joining a second actor to a subject ("X together with Y condemned")
    comitative: str
    # prepositions before a place where something happens, and before a place one goes to
    locative_prepositions: frozenset[str]
    directional_prepositions: frozenset[str]

    def passive_forms(self, verb: str, siblings: set[str]) -> list[str]:
        """Passive surface forms of an active dictionary verb (`siblings`: the entry's other
        words, which may tell the verb's stem); none when the verb has no passive."""
        ...

    def headline_forms(self, verb: str, siblings: set[str]) -> list[str]:
        """The bare forms headlines write for an active dictionary verb ("Kecam", "Serang"):
        matched in titles only."""
        ...

    def looks_like_verb(self, word: str) -> bool:
        """Does the word carry a verbal affix (whatever its sense)?"""
        ...

    def is_passive_verb(self, word: str) -> bool: ...

    def is_active_verb(self, word: str) -> bool: ...
