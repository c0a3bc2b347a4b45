from dataclasses import dataclass


@dataclass(frozen=True)
class ToyQuoteGrammar:
    passive_agent: str = "by"

    def looks_like_verb(self, low: str) -> bool:
        return low.endswith("ed")

    def is_active_verb(self, low: str) -> bool:
        return low.endswith("ed")

    def is_passive_verb(self, low: str) -> bool:
        return False

    def looks_nominal(self, low: str) -> bool:
        return low.endswith("tion")

    def modifies_noun(self, low: str) -> bool:
        return False

    def without_emphasis(self, low: str) -> str | None:
        return None

    def without_possessive(self, low: str) -> str | None:
        return None

    def plural_base(self, low: str) -> str | None:
        return None


def build(pack):
    return ToyQuoteGrammar()
