"""Readers and label mapping of kabar.training.ner, on tiny invented fixture files."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kabar.training.ner import (  # noqa: E402
    HOLDOUT_EVERY,
    Decontaminator,
    iob_spans,
    load_split,
    make_docs,
    map_tag,
    parse_weights,
    read_sentences,
    repair_iob,
    weighted,
)

FIX = ROOT / "tests" / "data" / "ner"


def spans_text(words, tags):
    return [(" ".join(words[s:e]), lab) for s, e, lab in iob_spans(tags)]


def test_idner_reader_crlf_blank_runs_and_repair():
    raw = (FIX / "idner_sample.txt").read_bytes()
    assert b"\r\n" in raw  # the fixture really has CRLF line ends
    sents = read_sentences(FIX / "idner_sample.txt", "idner")
    assert len(sents) == 3  # the run of blank lines does not create empty sentences
    words, tags = sents[0]
    assert words[1] == "Budi" and not any(w.endswith("\r") for w in words)
    assert spans_text(words, tags) == [("Budi Santoso", "PER"), ("Kota Medan", "LOC")]
    words, tags = sents[1]
    # "Surabaya" is tagged I-LOC after O in the file: repaired to B-LOC
    assert tags[words.index("Surabaya")] == "B-LOC"
    assert spans_text(words, tags) == [("Bank Nusantara", "ORG"), ("Surabaya", "LOC")]
    assert sents[2][1] == ["O"] * 5


def test_nergrit_reader_maps_labels():
    sents = read_sentences(FIX / "nergrit_sample.txt", "nergrit")
    assert [spans_text(w, t) for w, t in sents] == [
        [("Rina Kartika", "PER"), ("Bandung", "LOC")],
        [("Yayasan Pelita Harapan", "ORG")],
        [("Sungai Kapuas", "LOC")],
    ]


def test_nerp_reader_maps_and_drops_labels():
    sents = read_sentences(FIX / "nerp_sample.txt", "nerp")
    words, tags = sents[0]
    # EVT is dropped to O, PPL -> PER, PLC -> LOC
    assert spans_text(words, tags) == [("andi wijaya", "PER"), ("samosir", "LOC")]
    assert tags[words.index("festival")] == "O"
    words, tags = sents[1]
    # IND -> ORG, FNB dropped
    assert spans_text(words, tags) == [("pt sinar jaya", "ORG"), ("malaysia", "LOC")]
    for _, tags in sents:
        assert set(tags) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


@pytest.mark.parametrize(
    "tag,dataset,expected",
    [
        ("O", "idner", "O"),
        ("B-PER", "idner", "B-PER"),
        ("I-ORGANISATION", "nergrit", "I-ORG"),
        ("B-PLACE", "nergrit", "B-LOC"),
        ("B-EVT", "nerp", "O"),
        ("I-FNB", "nerp", "O"),
        ("B-IND", "nerp", "B-ORG"),
        ("B-MISC", "idner", "O"),  # unknown types are dropped
        ("PER", "idner", "I-PER"),  # bare type: continues, repair makes it B- where needed
    ],
)
def test_map_tag(tag, dataset, expected):
    from kabar.training.ner import LABEL_MAPS

    assert map_tag(tag, LABEL_MAPS[dataset]) == expected


def test_repair_and_spans():
    assert repair_iob(["I-PER", "I-PER", "O", "I-LOC", "I-ORG", "B-ORG", "I-ORG"]) == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "B-ORG",
        "B-ORG",
        "I-ORG",
    ]
    assert iob_spans(["B-PER", "I-PER", "B-PER", "O", "I-LOC"]) == [
        (0, 2, "PER"),
        (2, 3, "PER"),
        (4, 5, "LOC"),
    ]
    assert iob_spans([]) == []


@pytest.fixture
def data_dir(tmp_path):
    """A data directory laid out like ../shared/data/ner, made of the fixtures."""
    (tmp_path / "idner-news-2k").mkdir()
    for split in ("train", "dev", "test"):
        shutil.copy(FIX / "idner_sample.txt", tmp_path / "idner-news-2k" / f"{split}.txt")
    for name in ("nergrit", "nerp"):
        (tmp_path / name).mkdir()
        lines = (FIX / f"{name}_sample.txt").read_text(encoding="utf-8")
        # repeat the three sentences so the every-10th holdout has something to hold out
        (tmp_path / name / "train_preprocess.txt").write_text(lines * 4, encoding="utf-8")
        shutil.copy(FIX / f"{name}_sample.txt", tmp_path / name / "valid_preprocess.txt")
    return tmp_path


def test_load_split_holdout(data_dir):
    train = load_split(data_dir, "nergrit", "train")
    dev = load_split(data_dir, "nergrit", "dev")
    test = load_split(data_dir, "nergrit", "test")
    assert len(train) + len(dev) == 12
    assert len(dev) == 12 // HOLDOUT_EVERY
    assert len(test) == 3
    assert len(load_split(data_dir, "idner", "dev")) == 3


def test_decontaminator(data_dir):
    test = load_split(data_dir, "nerp", "test")
    clean = Decontaminator(test)
    # the lower-cased copy of a held-out sentence is flagged, different casing or spacing too
    assert clean([w.upper() for w in test[0][0]])
    assert not clean(["Sebuah", "kalimat", "lain", "."])
    # shares an 8-token run with a held-out sentence
    assert clean(["kemarin"] + test[0][0][:9])
    assert clean.filter(load_split(data_dir, "nerp", "train")) == []


def test_weights_and_docs():
    w = parse_weights("idner=2,nerp=0.5")
    assert w == {"idner": 2.0, "nergrit": 0.0, "nerp": 0.5}
    with pytest.raises(ValueError):
        parse_weights("conll=1")
    sents = read_sentences(FIX / "nergrit_sample.txt", "nergrit")
    assert len(weighted(sents, 2, 0)) == 6
    assert len(weighted(sents, 1.34, 0)) == 4

    import spacy

    nlp = spacy.blank("id")
    docs = list(make_docs(nlp.vocab, sents))
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Yayasan Pelita Harapan", "ORG")]
