"""The shipped statistical NER model loads and finds obvious entities in invented sentences."""

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL = Path(__file__).resolve().parents[1] / "kabar" / "lang" / "id" / "models" / "ner"


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"NER model not built at {MODEL}")
    return spacy.load(MODEL)


def run_ner(nlp, text):
    # the way kabar calls it: tokenizer, then the ner pipe alone
    doc = nlp.make_doc(text)
    return nlp.get_pipe("ner")(doc)


def ents(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_pipeline_shape(nlp):
    assert nlp.lang == "id"
    assert nlp.pipe_names == ["ner"]  # self-contained: no separate tok2vec to run first
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_model_is_small():
    if not MODEL.exists():
        pytest.skip("model not built")
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size < 20_000_000


def test_finds_people_and_places(nlp):
    doc = run_ner(nlp, "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo.")
    found = ents(doc)
    assert ("Joko Widodo", "PER") in found
    assert ("Tokyo", "LOC") in found
    # nothing is labelled a person that is not a name (the small model may miss Kishida here)
    assert {t for t, lab in found if lab == "PER"} <= {"Joko Widodo", "Fumio Kishida"}
    assert not {t for t, lab in found if lab != "PER"} & {"Joko Widodo", "Fumio Kishida"}


def test_finds_entities_in_news_sentence(nlp):
    doc = run_ner(
        nlp,
        "Gubernur Jawa Barat Ridwan Kamil meresmikan jembatan baru di Bandung, "
        "kata juru bicara Kementerian Pekerjaan Umum kepada wartawan.",
    )
    labels = {lab for _, lab in ents(doc)}
    assert ("Ridwan Kamil", "PER") in ents(doc)
    assert "LOC" in labels
    assert "ORG" in labels


def test_plain_text_without_entities(nlp):
    doc = run_ner(nlp, "Harga beras naik lagi minggu ini dan warga mulai mengeluh.")
    assert not [e for e in doc.ents if e.label_ == "PER"]


def test_extended_tokenizer_still_works(nlp):
    # kabar may add tokenizer special cases; the ner pipe must not depend on the tokenizer
    nlp.tokenizer.add_special_case("Jl.", [{"ORTH": "Jl."}])
    doc = run_ner(nlp, "Polisi menutup Jl. Sudirman di Jakarta setelah demo.")
    assert "Jl." in [t.text for t in doc]
    assert ("Jakarta", "LOC") in ents(doc)


def test_loads_the_way_kabar_loads_it():
    # kabar/nlp.py: the saved tokenizer is replaced by kabar's fast-loading equivalent
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"NER model not built at {MODEL}")
    from kabar.tokenizer import TOKENIZER_CONFIG, TOKENIZER_NAME

    nlp = spacy.load(MODEL, exclude=["tokenizer"], config=TOKENIZER_CONFIG)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert nlp.pipe_names == ["ner"]
    doc = run_ner(nlp, "Menteri Keuangan Sri Mulyani mengatakan Bank Indonesia akan menahan suku bunga.")
    assert ("Sri Mulyani", "PER") in ents(doc)
    assert ("Bank Indonesia", "ORG") in ents(doc)


def test_shipped_model_has_the_trainers_default_architecture(nlp):
    """Rebuilding with the documented command (the trainer's defaults) gives this architecture."""
    from thinc.api import Config

    from kabar.training.ner import build_config, resolve_architecture

    expected = Config().from_str(build_config(resolve_architecture()), interpolate=False)
    shipped = nlp.config["components"]["ner"]["model"]
    want = expected["components"]["ner"]["model"]
    assert shipped["use_upper"] == want["use_upper"]
    assert (shipped["hidden_width"], shipped["maxout_pieces"]) == (
        want["hidden_width"],
        want["maxout_pieces"],
    )
    assert shipped["tok2vec"] == want["tok2vec"]
