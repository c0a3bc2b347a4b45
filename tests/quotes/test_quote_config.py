"""kabar.quotes.config and the pack's grammar: typed quotes.yaml, Indonesian morphology, and
no word of Indonesian in the stage's code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

import kabar.quotes
from kabar.errors import ConfigError
from kabar.lang import LanguagePack, load_pack
from kabar.lang.schema import validate_section
from kabar.quotes.config import QuotesConfig
from kabar.quotes.grammar import QuoteGrammar

PACK_FILE = Path(load_pack("id").file("quotes.yaml"))


def test_the_pack_file_loads_and_defaults_live_in_the_model():
    config = load_pack("id").section("quotes.yaml", QuotesConfig)
    assert "kata" in config.post_verbs and config.quote_marks[0].name == "double"
    empty = validate_section({}, QuotesConfig, "toy/quotes.yaml")
    assert empty.min_words_indirect == 3 and empty.max_unclosed_chars == 600 and empty.post_verbs == []


def test_an_unknown_key_names_the_file_and_the_key():
    with pytest.raises(ConfigError, match=r"toy/quotes\.yaml.*speech_verb"):
        validate_section({"speech_verb": ["said"]}, QuotesConfig, "toy/quotes.yaml")
    with pytest.raises(ConfigError, match=r"min_words_indirect"):
        validate_section({"min_words_indirect": "many"}, QuotesConfig, "toy/quotes.yaml")


def test_indonesian_morphology():
    grammar: QuoteGrammar = load_pack("id").grammar("quotes")
    assert grammar.passive_agent == "oleh"
    assert grammar.looks_like_verb("mengatakan") and grammar.looks_like_verb("disampaikan")
    assert not grammar.looks_like_verb("warga")
    assert grammar.is_active_verb("memuji") and grammar.is_active_verb("berkata")
    assert not grammar.is_active_verb("diduga")
    assert grammar.is_passive_verb("ditunda") and not grammar.is_passive_verb("dia")
    assert grammar.looks_nominal("keprihatinan") and grammar.looks_nominal("solidaritas")
    assert not grammar.looks_nominal("aman")
    assert grammar.modifies_noun("mendalam") and not grammar.modifies_noun("aman")
    assert grammar.without_emphasis("bukanlah") == "bukan" and grammar.without_emphasis("bukan") is None
    assert grammar.plural_base("menteri-menteri") == "menteri" and grammar.plural_base("kupu-kupu") == "kupu"
    assert grammar.plural_base("menteri") is None and grammar.plural_base("lintas-batas") is None


def _pack_words() -> set[str]:
    data = yaml.safe_load(PACK_FILE.read_text(encoding="utf-8"))
    words: set[str] = set()
    for key, value in data.items():
        # name_links are the small words inside foreign names (`Bank of Australia`), not Indonesian
        if isinstance(value, list) and key != "name_links":
            for item in value:
                if isinstance(item, str) and item.isalpha() and len(item) > 2:
                    words.add(item.lower())
    return words | {"oleh", "nya", "lah", "bahwa", "yang"}


def indonesian_constants(source: str, words: set[str]) -> list[tuple[int, str]]:
    """String constants of `source` (docstrings aside) holding one of `words`."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for token in node.value.lower().replace("|", " ").split():
                if token.strip("\\()[]?:*+") in words:
                    found.append((node.lineno, node.value))
    return found


def test_the_stage_code_holds_no_indonesian_word():
    words = _pack_words()
    sample = 'def f():\n    """Kata X."""\n    return re.compile(rf"(?:oleh{sp}+)?")\n'
    assert [line for line, _ in indonesian_constants(sample, words)] == [3]
    found = [
        (path.name, hit)
        for path in Path(kabar.quotes.__file__).parent.glob("*.py")
        for hit in indonesian_constants(path.read_text(encoding="utf-8"), words)
    ]
    assert found == []


def test_a_pack_without_quotes_grammar_is_a_config_error(tmp_path):
    info = {"code": "xx", "name": "Toy", "detector_languages": ["ENGLISH"]}
    pack = LanguagePack(code="xx", path=tmp_path, config=info)
    with pytest.raises(ConfigError, match="no grammar for 'quotes'"):
        pack.grammar("quotes")
