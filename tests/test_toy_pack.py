"""A language is a folder: the whole pipeline runs on a second, toy pack (tests/data/toy_pack,
English words and a made-up grammar in tests/toy_grammar), so no stage holds Indonesian."""

from pathlib import Path

import pytest

from kabar.errors import ConfigError
from kabar.lang import load_pack_from
from kabar.pipeline import Pipeline

TOY = Path(__file__).parent / "data" / "toy_pack"

ARTICLE = """Ministers meet in Paris
Jane Holloway, Foreign Minister of Britain, met President Pierre Durand of France in Paris.
"We want a fair deal," Holloway said.
Britain criticised France over the fishing plan.
Later Britain met France in London.
By Tom Reed"""


@pytest.fixture(scope="module")
def toy_pipeline() -> Pipeline:
    return Pipeline(load_pack_from(TOY))


def test_the_toy_pack_loads_typed_with_its_own_grammar():
    pack = load_pack_from(TOY)
    assert pack.code == "toy" and pack.info.home_country == "GBR"
    assert type(pack.grammar("events")).__name__ == "ToyEventGrammar"


def test_every_stage_runs_on_the_toy_pack(toy_pipeline: Pipeline):
    article = toy_pipeline(ARTICLE, source="toy.txt")
    assert article.language == "en"
    names = {e.name: e for e in article.entities}
    assert names["Jane Holloway"].actor_code == "GBRGOV"
    assert {"United Kingdom", "France"} <= set(names)
    quote = next(q for q in article.quotes if q.kind == "direct")
    assert quote.text == "We want a fair deal" and quote.speaker == names["Jane Holloway"].id
    events = {
        (e.code, e.source.actor_code, e.target.actor_code): e for e in article.events if e.source and e.target
    }
    criticism = events[("112", "GBR", "FRA")]
    assert criticism.factual and criticism.evidence.text == "Britain criticised France over the fishing plan."
    assert article.body[criticism.evidence.start : criticism.evidence.end] == criticism.evidence.text
    meeting = events[("040", "GBR", "FRA")]
    assert meeting.location is not None and meeting.location.name == "London"


def test_a_pack_with_a_typo_names_the_file_and_key(tmp_path):
    for item in TOY.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    (tmp_path / "pack.yaml").write_text(
        (TOY / "pack.yaml").read_text(encoding="utf-8") + "home_contry: FRA\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"toy/pack\.yaml.*home_contry"):
        load_pack_from(tmp_path)


def test_a_pack_without_a_grammar_part_says_which(tmp_path):
    for item in TOY.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    text = (
        (TOY / "pack.yaml")
        .read_text(encoding="utf-8")
        .replace("grammar: toy_grammar", "grammar: no_such_grammar")
    )
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'toy' has no grammar for 'text'"):
        Pipeline(load_pack_from(tmp_path))
