"""Sports stories: a sentence on play tells no political event ("Indonesia menjamu Malaysia ...
sebelum pertandingan", "pembalap asal Italia itu pun mulai pesimis"). The pack lists the words of
sport (events.yaml `sport`); a story is a sports one when it uses enough of them."""

from __future__ import annotations

from collections.abc import Sequence

from kabar import cameo
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import compiled
from kabar.events.state import Actor, Candidate

Phrases = dict[int, set[tuple[str, ...]]]

def _phrases(lex: Lexicon) -> Phrases:
    """The pack's sport words and phrases, filed by length."""
    return compiled(lex.data.sport.words, lex.phrase_set)


def sport_words(lex: Lexicon, low: Sequence[str]) -> set[tuple[str, ...]]:
    """The distinct sport words (and phrases) in these lower-case tokens."""
    found: set[tuple[str, ...]] = set()
    words = set(low)
    for n, phrases in _phrases(lex).items():
        if n == 1:
            found.update((w,) for w in words if (w,) in phrases)
            continue
        firsts = {p[0] for p in phrases} & words  # most texts hold no phrase's first word
        if firsts:
            found.update(
                p
                for i in range(len(low) - n + 1)
                if low[i] in firsts and (p := tuple(low[i : i + n])) in phrases
            )
    return found


def is_sports_story(lex: Lexicon, *parts: Sequence[str]) -> bool:
    found: set[tuple[str, ...]] = set()
    for low in parts:
        found |= sport_words(lex, low)
    return len(found) >= lex.data.sport.min_words


def _state_side(lex: Lexicon, actor: Actor | None) -> bool:
    if actor is None:
        return False
    return any(role in lex.state_roles for role in cameo.split_actor_code(actor.code)[1])


def on_play(lex: Lexicon, c: Candidate, sentence: Sequence[str]) -> bool:
    """Does the candidate's sentence (its lower-case tokens) tell of play, no side being a state's?"""
    if _state_side(lex, c.source) or _state_side(lex, c.target):
        return False
    return bool(sport_words(lex, sentence))
