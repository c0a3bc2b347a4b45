from dataclasses import dataclass, field


@dataclass(frozen=True)
class ToyEventGrammar:
    clitics: tuple[str, ...] = ()
    possessive_clitic: str = "'s"
    relative_pronoun: str = "who"
    agent_preposition: str = "by"
    source_preposition: str = "from"
    comitative: str = "with"
    locative_prepositions: frozenset[str] = field(default_factory=lambda: frozenset({"in", "at"}))
    directional_prepositions: frozenset[str] = field(default_factory=lambda: frozenset({"to"}))

    def passive_forms(self, verb: str, siblings: set[str]) -> list[str]:
        return []

    def headline_forms(self, verb: str, siblings: set[str]) -> list[str]:
        return []

    def looks_like_verb(self, word: str) -> bool:
        return word.endswith("ed")

    def is_passive_verb(self, word: str) -> bool:
        return False

    def is_active_verb(self, word: str) -> bool:
        return word.endswith("ed")


def build(pack):
    return ToyEventGrammar()
