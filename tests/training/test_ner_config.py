"""Architecture presets and config building of kabar.training.ner (no training, no shared data)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

spacy = pytest.importorskip("spacy")

from kabar.training.ner import (  # noqa: E402
    ARCHITECTURES,
    DEFAULT_ARCHITECTURE,
    LABELS,
    build_config,
    resolve_architecture,
)


def model_section(cfg_text):
    from thinc.api import Config

    return Config().from_str(cfg_text, interpolate=False)["components"]["ner"]["model"]


def test_default_is_the_fast_architecture():
    assert DEFAULT_ARCHITECTURE == "fast"
    m = model_section(build_config(resolve_architecture()))
    assert m["use_upper"] is False  # no hidden layer between state features and action scores
    t2v = m["tok2vec"]
    assert t2v["@architectures"] == "spacy.Tok2Vec.v2"
    assert t2v["embed"]["attrs"] == list(ARCHITECTURES["fast"]["attrs"])
    assert "PREFIX" not in t2v["embed"]["attrs"]
    assert t2v["embed"]["rows"][0] == ARCHITECTURES["fast"]["embed_size"]
    assert t2v["encode"]["width"] == t2v["embed"]["width"] == ARCHITECTURES["fast"]["width"]


def test_v1_preset_rebuilds_the_first_model_config():
    m = model_section(build_config(resolve_architecture("v1")))
    assert m["use_upper"] is True
    assert (m["hidden_width"], m["maxout_pieces"]) == (64, 2)
    t2v = m["tok2vec"]
    assert t2v["@architectures"] == "spacy.HashEmbedCNN.v2"
    assert (t2v["width"], t2v["depth"], t2v["embed_size"], t2v["maxout_pieces"]) == (64, 2, 4000, 3)


def test_overrides():
    arch = resolve_architecture("fast", width=40, attrs="norm, suffix", use_upper=True, depth=None)
    assert arch["width"] == 40
    assert arch["attrs"] == ("NORM", "SUFFIX")
    assert arch["use_upper"] is True
    assert arch["depth"] == ARCHITECTURES["fast"]["depth"]  # None keeps the preset value
    m = model_section(build_config(arch))
    assert m["tok2vec"]["embed"]["rows"] == [arch["embed_size"], arch["embed_size"] // 2]
    with pytest.raises(ValueError):
        resolve_architecture("huge")
    with pytest.raises(ValueError):
        resolve_architecture("fast", heads=4)


@pytest.mark.parametrize("name", sorted(ARCHITECTURES))
def test_preset_configs_build_a_working_ner_pipe(name):
    """Every preset gives a config spaCy accepts, whose ner pipe initialises and runs alone."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Config

    cfg = Config().from_str(build_config(ARCHITECTURES[name]), interpolate=False)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["ner"]
    words = ["Bupati", "Sri", "Lestari", "meninjau", "Pasar", "Baru", "di", "Kota", "Palu", "."]
    tags = ["O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "O"]
    gold = Doc(nlp.vocab, words=words, ents=tags)
    gold2 = Doc(nlp.vocab, words=["Dinas", "Kesehatan", "Palu", "buka", "posko"], ents=["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    nlp.initialize(lambda: [Example(Doc(nlp.vocab, words=[t.text for t in d]), d) for d in (gold, gold2)])
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    doc = nlp.get_pipe("ner")(Doc(nlp.vocab, words=words))
    assert len(doc) == len(words)
    assert all(e.label_ in LABELS for e in doc.ents)
