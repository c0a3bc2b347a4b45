"""The stage with a second, toy pack (English words, a made-up grammar): nothing in the stage's
code is Indonesian, so another language is another set of pack files and grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from kabar.document import Document
from kabar.entities import Entities
from kabar.lang import LanguagePack
from kabar.segment import split_sentences
from kabar.textview import DEFAULT_FOLD, build_view

TOY_FILES = {
    "pack.yaml": "code: toy\nname: Toy English\ndetector_languages: [ENGLISH]\nhome_country: GBR\n",
    "entities.yaml": (
        "locative_before: [in, to, at]\n"
        "motion_before_from: [returned, flew]\n"
        "speech_before: [said]\n"
        "speech_after: [said, added]\n"
        "function_words: [the, a, of, and, in, at, to, but]\n"
        "org_connectors: [of, and]\n"
        "language_before: [speaks]\n"
    ),
    "titles.tsv": (
        "title\trole\tcanonical\tcountry\tkind\nMinister\tGOV\t\t\toffice\nGen.\tMIL\tGeneral\t\trank\n"
    ),
    "roles.tsv": "keyword\trole\thead\tnaming\tcountry\nMinistry\tGOV\tyes\tgeneric\t\n",
    "countries.tsv": (
        "alias\tiso3\tkind\tenglish\nBritain\tGBR\tname\t\nUK\tGBR\tabbr\t\nMoscow\tRUS\tcapital\tMoscow\n"
    ),
    "places.tsv": "name\tenglish\ttype\tcountry\tanchor\nNorth Sea\tNorth Sea\tLOC\t\t\n",
    "actors.yaml": "- {name: United Nations, type: ORG, code: IGOUNO, aliases: [UN]}\n",
}


@dataclass(frozen=True)
class ToyText:
    token_pattern: re.Pattern[str] = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
    fold: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FOLD))


@dataclass(frozen=True)
class ToyEntityGrammar:
    from_preposition: str = "from"
    words: frozenset[str] = frozenset({"the", "meeting", "talks", "officials", "defence", "said"})

    def is_dictionary_word(self, folded: str) -> bool:
        return folded in self.words

    def is_common(self, folded: str) -> bool:
        return folded in self.words or folded.rstrip("s") in self.words


class ToyPack(LanguagePack):
    def grammar(self, part: str) -> object:  # type: ignore[override]
        return {"text": ToyText(), "entities": ToyEntityGrammar()}[part]


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Entities:
    folder: Path = tmp_path_factory.mktemp("toy")
    for name, content in TOY_FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
    config = yaml.safe_load(TOY_FILES["pack.yaml"])
    return Entities(ToyPack(code="toy", path=folder, config=config))


def _run(stage: Entities, body: str) -> Document:
    doc = Document(source="<toy>", raw=body)
    doc.article.body = body
    spans = [m.span() for m in ToyText().token_pattern.finditer(body)]
    doc.view = build_view(body, spans, split_sentences(body, frozenset()))
    stage(doc)
    return doc


def test_a_toy_language_gets_people_organisations_countries_and_places(stage: Entities):
    doc = _run(
        stage,
        "Jane Holloway, Minister of Britain, met UN officials in Moscow. The talks in the North Sea port "
        "went on, Holloway said. Moscow rejected the plan of the Ministry of Defence of Britain.",
    )
    got = {e.name: (e.type, e.country, e.actor_code) for e in doc.article.entities}
    assert got["Jane Holloway"] == ("PER", "GBR", "GBRGOV")
    assert got["United Kingdom"] == ("GPE", "GBR", "GBR")
    assert got["United Nations"] == ("ORG", None, "IGOUNO")
    assert got["Moscow"] == ("GPE", "RUS", None)  # "in Moscow": the place
    assert got["Russia"] == ("GPE", "RUS", "RUS")  # "Moscow rejected": the state
    assert got["North Sea"] == ("LOC", None, None)
    assert got["Ministry of Defence of Britain"] == ("ORG", "GBR", "GBRGOV")
    holloway = next(e for e in doc.article.entities if e.name == "Jane Holloway")
    assert [m.text for m in holloway.mentions] == ["Jane Holloway", "Holloway"]
    assert (holloway.title, holloway.role) == ("Minister", "Minister of Britain")
