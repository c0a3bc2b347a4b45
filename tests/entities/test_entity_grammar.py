"""The Indonesian grammar behind kabar.entities.grammar.EntityGrammar, and a stage free of Indonesian."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kabar.entities
from kabar.entities.grammar import EntityGrammar
from kabar.lang import load_pack
from kabar.lang.id.grammar.entities import roots


@pytest.fixture(scope="module")
def grammar() -> EntityGrammar:
    return load_pack("id").grammar("entities")


@pytest.mark.parametrize(
    "word",
    [
        "menyerang",
        "memukul",
        "menulis",
        "mengirim",
        "pemerintahnya",
        "pendayagunaan",
        "ketenagalistrikan",
        "pemberdayaan",
        "lapangan",
    ],
)
def test_derived_words_are_common(grammar: EntityGrammar, word: str):
    assert grammar.is_common(word)


@pytest.mark.parametrize("word", ["shoigu", "bagheri", "araghchi", "jokowi", "gerasimov"])
def test_names_are_not_common(grammar: EntityGrammar, word: str):
    assert not grammar.is_common(word)


def test_nasal_prefixes_restore_the_roots_first_consonant():
    assert {"serang", "pukul", "tulis", "kirim"} <= {
        r for w in ("menyerang", "memukul", "menulis", "mengirim") for r in roots(w)
    }


def test_the_dictionary_and_the_from_preposition(grammar: EntityGrammar):
    assert grammar.is_dictionary_word("rumah") and not grammar.is_dictionary_word("rumahnya")
    assert grammar.from_preposition == "dari"


def test_given_names_in_the_pack_are_not_common_words():
    kb = kabar.entities.Knowledge(load_pack("id"))
    assert kb.grammar.is_common("budi")  # a dictionary word ...
    assert not kb.is_common("budi")  # ... that entities.yaml lists among given names


# String constants the stage may hold: labels, sources, kinds and marks, none of them Indonesian.
_ALLOWED = {
    "PER",
    "ORG",
    "GPE",
    "LOC",
    "PLACE",
    "kb",
    "gaz",
    "rule",
    "model",
    "alias",
    "title",
    "apposition",
    "speech",
    "actor",
    "country",
    "capital",
    "city",
    "region",
    "place",
    "abbr",
    "name",
    "not",
    "per",
    "per?",
    "org",
    "loc",
    "body",
    "yes",
    "no",
    "rank",
    "office",
    "honorific",
    "generic",
    "proper",
    "descriptor",
    "demonym",
    "rows",
    "actors",
    "ner",
    "entities",
    "view",
    "mentions",
    "pipe",
    "code",
    "MIL",
    "BUS",
    "USA",
    # CAMEO role codes (language-neutral): armed non-state groups, media
    "REB",
    "SEP",
    "INS",
    "UAF",
    "MED",
    "ELI",  # elites: former office holders
    "COP",  # police: a general's rank after a police body
    "CVL",
    "EDU",  # education: a school's name may hold a person's ("Universitas Airlangga")
    "GOV",  # government: an unplaced office holder takes the country of the story before
    "id",
    "text",
    "until",
    "before",
    "ValueT",
    "TableT",
}


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    }


def test_the_stage_code_holds_no_words_of_a_language():
    package = Path(kabar.entities.__file__).parent
    words = set()
    for path in package.glob("*.py"):
        if path.name != "__init__.py":  # (its __all__ lists the package's own names)
            words |= {s for s in _string_constants(path) if s.isalpha() and len(s) > 1}
    assert words - _ALLOWED == set()
