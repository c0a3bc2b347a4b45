"""Stage `language`: which language the body is in, with a confidence (lingua).

The detector chooses only among the languages the pack lists (`detector_languages`),
which is what lets it tell Indonesian from Malay without being distracted by
languages kabar cannot read anyway.
"""

from __future__ import annotations

import functools

from lingua import Language, LanguageDetectorBuilder

from kabar.document import Document
from kabar.lang import LanguagePack
from kabar.registry import register_stage

# Enough text to decide; detection time grows with length.
SAMPLE_CHARS = 1500


@functools.lru_cache(maxsize=None)
def _detector(names: tuple[str, ...]):
    languages = [getattr(Language, name) for name in names]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


@register_stage("language")
class LanguageIdentifier:
    name = "language"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.detector = _detector(tuple(pack.get("detector_languages", ["INDONESIAN"])))

    def __call__(self, doc: Document) -> None:
        sample = doc.article.body[:SAMPLE_CHARS]
        values = self.detector.compute_language_confidence_values(sample)
        if not values:
            return
        best = values[0]
        code = best.language.iso_code_639_1.name.lower()
        doc.article.language = code
        doc.article.language_confidence = round(best.value, 3)
        if code != self.pack.code:
            doc.warn(
                f"{doc.source}: text looks like {best.language.name.title()} "
                f"({best.value:.0%}); read with the '{self.pack.code}' language pack"
            )
