import re
from dataclasses import dataclass, field

from kabar.textview import DEFAULT_FOLD


@dataclass(frozen=True)
class ToyText:
    token_pattern: re.Pattern[str] = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
    fold: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FOLD))


def build(pack):
    return ToyText()
