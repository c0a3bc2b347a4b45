"""Tests of the Indonesian grammar behind the events stage (kabar/lang/id/grammar/events.py),
and that the stage itself holds none of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kabar.events
from kabar.events.config import events_section, modality_section, time_section
from kabar.events.grammar import EventGrammar
from kabar.lang import load_pack


@pytest.fixture(scope="module")
def grammar() -> EventGrammar:
    return load_pack("id").grammar("events")


@pytest.mark.parametrize(
    "verb, siblings, passive",
    [
        ("menyerang", set(), ["diserang"]),
        ("mengunjungi", {"kunjungan", "berkunjung"}, ["dikunjungi"]),
        ("memperingatkan", set(), ["diperingatkan"]),
        ("mengebom", {"pengeboman"}, ["dibom"]),
        ("menandatangani", set(), ["ditandatangani"]),
        ("bertemu", set(), []),
    ],
)
def test_passive_forms(grammar, verb, siblings, passive):
    assert grammar.passive_forms(verb, siblings) == passive


def test_verb_affixes(grammar):
    assert grammar.looks_like_verb("menyerang") and grammar.looks_like_verb("diserang")
    assert not grammar.looks_like_verb("polisi")
    assert grammar.is_passive_verb("dilakukan") and grammar.is_active_verb("menewaskan")


def _code_strings(path: Path) -> set[str]:
    """String constants of a module that are no docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


def test_stage_code_holds_no_indonesian(grammar):
    pack = load_pack("id")
    events, modality, time = events_section(pack), modality_section(pack), time_section(pack)
    words = {
        grammar.relative_pronoun,
        grammar.agent_preposition,
        grammar.source_preposition,
        grammar.comitative,
        grammar.possessive_clitic,
        *grammar.clitics,
        *grammar.locative_prepositions,
        *grammar.directional_prepositions,
        *events.prepositions,
        *events.auxiliaries,
        *events.future_words,
        *events.visit_frames,
        *events.reporting_verbs,
        *modality.intended.cues,
        *modality.negated.cues,
        *time.weekday_words,
        *time.month_words,
        *time.year_words,
        *time.relative_days,
    }
    words |= {"me", "di", "ber", "ter", "meng", "meny", "mem", "men", "memper", "diper"}
    package = Path(kabar.events.__file__).parent
    for module in sorted(package.glob("*.py")):
        found = _code_strings(module) & words
        assert not found, f"{module.name} holds {sorted(found)}"
