"""What the quotes stage needs of a language's grammar beyond its word lists.

A pack implements it in `kabar/lang/<code>/grammar/quotes.py` (`build(pack)`), and the stage
gets it with `pack.grammar("quotes")`. Words are passed in lower case.
"""

from __future__ import annotations

from typing import Protocol


class QuoteGrammar(Protocol):
    # regular-expression fragment for the agent marker that may follow a passive speech verb
    # (`Dikatakan oleh X`); empty when the language has none
    passive_agent: str

    def looks_like_verb(self, low: str) -> bool:
        """A word of verb shape (finite or passive), before any exception list applies."""
        ...

    def is_active_verb(self, low: str) -> bool:
        """An active verb form: its subject is the one acting (or speaking)."""
        ...

    def is_passive_verb(self, low: str) -> bool:
        """A passive verb form, counted as a predicate when reading a clause."""
        ...

    def looks_nominal(self, low: str) -> bool:
        """A word of noun shape (derived nouns), before any exception list applies."""
        ...

    def modifies_noun(self, low: str) -> bool:
        """A verb-like word that, right after a noun, is read as modifying it."""
        ...

    def without_emphasis(self, low: str) -> str | None:
        """The word without an emphatic particle it carries, or None if it carries none."""
        ...

    def without_possessive(self, low: str) -> str | None:
        """The word without a possessive suffix it carries (`solidaritasnya`), or None."""
        ...

    def plural_base(self, low: str) -> str | None:
        """The base of a word made plural by its form (reduplication), or None."""
        ...
