"""Stage `language`: which language the body is in, with a confidence (lingua).

The detector chooses only among the languages the pack lists (`detector_languages`),
which is what lets it tell Indonesian from Malay without being distracted by
languages kabar cannot read anyway. Close languages share most words, and lingua's
verdict on a whole text can swing to 100% on one word it thinks belongs to one
of them; so each sentence of the sample votes, weighted by its length, and the
confidence is the winner's share of the votes.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from lingua import Language, LanguageDetectorBuilder

from kabar.document import Document
from kabar.lang import LanguagePack
from kabar.registry import PerDocumentStage, register_stage

# Enough text to decide; detection time grows with length.
SAMPLE_CHARS = 1000
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+|\n+")


@functools.cache
def _detector(names: tuple[str, ...]):
    languages = [getattr(Language, name) for name in names]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


@register_stage("language", requires=("body",), assigns=("language",))
class LanguageIdentifier(PerDocumentStage):
    name = "language"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.detector = _detector(tuple(pack.info.detector_languages))

    def __call__(self, doc: Document) -> None:
        votes: dict = defaultdict(float)
        for sentence in _SENTENCE_END.split(doc.article.body[:SAMPLE_CHARS]):
            if len(sentence) < 20:
                continue
            for value in self.detector.compute_language_confidence_values(sentence):
                votes[value.language] += value.value * len(sentence)
        total = sum(votes.values())
        if not total:
            return
        language, weight = max(votes.items(), key=lambda item: item[1])
        share = weight / total
        code = language.iso_code_639_1.name.lower()
        doc.article.language = code
        doc.article.language_confidence = round(share, 3)
        if code != self.pack.code:
            doc.warn(
                f"{doc.source}: text looks like {language.name.title()} "
                f"({share:.0%}); read with the '{self.pack.code}' language pack"
            )
