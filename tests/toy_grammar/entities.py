from dataclasses import dataclass

WORDS = frozenset({"the", "meeting", "talks", "officials", "defence", "said", "met", "criticised", "plan"})


@dataclass(frozen=True)
class ToyEntityGrammar:
    from_preposition: str = "from"

    def is_dictionary_word(self, folded: str) -> bool:
        return folded in WORDS

    def is_common(self, folded: str) -> bool:
        return folded in WORDS or folded.rstrip("s") in WORDS


def build(pack):
    return ToyEntityGrammar()
