"""Indonesian tokens: words (with inner apostrophes and dotted parts such as `KOMPAS.com`)
and single punctuation marks. Reduplications (`anak-anak`) are three tokens, the hyphen
between; stages that need the whole word join them by offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kabar.lang import LanguagePack
from kabar.textview import DEFAULT_FOLD


@dataclass(frozen=True)
class IndonesianText:
    token_pattern: re.Pattern[str] = re.compile(r"\w+(?:['’]\w+)*(?:\.\w+)*|[^\w\s]", re.UNICODE)
    fold: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FOLD))


def build(pack: LanguagePack) -> IndonesianText:
    return IndonesianText()
