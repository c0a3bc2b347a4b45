"""The shipped dependency parser: it loads, parses view words into a sane tree, and keeps its
measured attachment score on the news treebank (when ../shared is present)."""

from pathlib import Path

import pytest
from spacy.tokens import Doc

from kabar.lang import load_pack
from kabar.nlp import load_parser

UD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ud"


@pytest.fixture(scope="module")
def parser():
    model = load_parser(load_pack("id"))
    if model is None:
        pytest.skip("the pack ships no parser")
    return model


def test_a_clause_gets_its_subject_object_and_oblique(parser):
    words = [
        "Presiden",
        "Joko",
        "Widodo",
        "bertemu",
        "Perdana",
        "Menteri",
        "Jepang",
        "di",
        "Tokyo",
        "pada",
        "Senin",
        ".",
    ]
    doc = parser(Doc(parser.vocab, words=words))
    by_text = {t.text: t for t in doc}
    root = [t for t in doc if t.dep_ == "ROOT"]
    assert [t.text for t in root] == ["bertemu"] and root[0].tag_ == "VERB"
    assert by_text["Presiden"].dep_ == "nsubj" and by_text["Presiden"].head.text == "bertemu"
    assert by_text["Perdana"].head.text == "bertemu" and by_text["Perdana"].dep_ == "obj"
    assert by_text["Tokyo"].dep_.startswith("obl") and by_text["di"].head.text == "Tokyo"


@pytest.mark.skipif(not UD.exists(), reason="needs ../shared/data/ud")
def test_attachment_scores_on_the_news_treebank_hold(parser):
    import re

    from kabar.training.parser import DEFAULT_TOKEN_PATTERN, evaluate, load_sentences

    sentences = load_sentences(UD / "id-csui" / "id_csui-ud-test.conllu", re.compile(DEFAULT_TOKEN_PATTERN))
    scores = evaluate(parser, sentences)
    assert scores["uas"] >= 0.79 and scores["las"] >= 0.64 and scores["upos"] >= 0.92
