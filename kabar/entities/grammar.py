"""What the `entities` stage needs to know of a language's grammar.

A pack implements it in `kabar/lang/<code>/grammar/entities.py` (`build(pack)`), and the
stage gets it with `pack.grammar("entities")`; the stage code holds no words of any language.
"""

from __future__ import annotations

from typing import Protocol


class EntityGrammar(Protocol):
    # the preposition "from": "from <capital>" is the place only after a motion verb
    from_preposition: str

    def is_dictionary_word(self, folded: str) -> bool:
        """A root word of the language's dictionary (lower case, as written)."""
        ...

    def is_common(self, folded: str) -> bool:
        """A dictionary word or a word derived from one (affixes, clitics, confixes): a
        common word, hence unlikely to be a name."""
        ...

    def is_verb_form(self, folded: str) -> bool:
        """A verb made with the language's verb affixes (an active or passive transitive verb)."""
        ...
