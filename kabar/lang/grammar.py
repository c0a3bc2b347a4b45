"""The grammar interface every language pack implements for the text view.

Each stage that needs more of a language (affixes, clitics, prepositions, speech
verbs) declares its own small protocol beside its code (`kabar/<stage>/grammar.py`);
a pack implements it in `kabar/lang/<code>/grammar/<part>.py` with a `build(pack)`
function, and the stage gets it from `pack.grammar("<part>")`.
"""

from __future__ import annotations

import re
from typing import Protocol


class TextGrammar(Protocol):
    """What `segment` needs to build the text view."""

    # one match per token; whitespace is never part of a token
    token_pattern: re.Pattern[str]
    # typographic variants folded in Token.norm (curly quotes, dashes)
    fold: dict[str, str]
