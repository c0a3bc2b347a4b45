"""kabar.entities.text and .model: the stage reads the text view, and the NER reads Docs built
from its tokens (no second tokenizer)."""

from __future__ import annotations

import pytest
import spacy

from kabar.document import Document
from kabar.entities.model import doc_from_tokens
from kabar.entities.text import EntityText
from kabar.lang import load_pack
from kabar.segment import Segmenter


@pytest.fixture(scope="module")
def segment() -> Segmenter:
    return Segmenter(load_pack("id"))


def _text(segment: Segmenter, body: str) -> EntityText:
    view = segment.view(body)
    return EntityText(view, [s.start for s in view.sentences])


def test_tokens_come_from_the_view(segment: Segmenter):
    body = "Menlu Iran-Rusia bertemu.,Arsul mengatakan hal itu kepada Mayjen. Bagheri di Moskow."
    t = _text(segment, body)
    assert t.words == [tok.text for tok in segment.view(body).tokens]
    assert t.words[:4] == ["Menlu", "Iran", "-", "Rusia"]
    # a paragraph glued with ".," still starts a sentence: its first word is sentence-initial
    assert t.initial[t.words.index("Arsul")]
    assert t.initial[t.words.index("Bagheri")]  # after an abbreviation's full stop too
    assert not t.initial[t.words.index("Moskow")]


@pytest.mark.parametrize(
    "body",
    [
        "Presiden Joko Widodo bertemu Vladimir Putin.",
        "Menurut  dia,\n\nJokowi hadir.\u00a0Putin tidak.  ",
        "  Awal spasi \n di baris baru\n",
    ],
)
def test_model_docs_reproduce_the_text_exactly(segment: Segmenter, body: str):
    t = _text(segment, body)
    vocab = spacy.blank("id").vocab
    whole = doc_from_tokens(vocab, t, 0, t.n)
    assert whole.text == body[t.starts[0] : t.ends[-1]]
    piece = doc_from_tokens(vocab, t, 1, t.n - 1)
    assert piece.text == body[t.starts[1] : t.ends[t.n - 2]]
    # whitespace other than one space is a token of its own, as spaCy's tokenizer leaves it
    assert all(tok.is_space or tok.text in t.words for tok in whole)


def test_the_model_reads_only_pieces_of_captions_and_body_it_can_add_to():
    from kabar.entities import Entities

    pack = load_pack("id")
    stage = Entities(pack)
    if stage.ner is None:
        pytest.skip("the pack ships no NER model")
    body = "Harga cabai naik di pasar. Pedagang mengeluh. Laila Hasanah, pedagang, menolak."
    doc = Document(source="<test>", raw=body, pack=pack)
    doc.article.body = body
    doc.article.captions = ["Laila Hasanah di pasar."]
    Segmenter(pack)(doc)
    jobs = stage._prepare(doc)  # the plan is what is tested here
    read = [job.text.span(lo, hi) for job in jobs for lo, hi in job.pieces]
    assert any("Laila Hasanah" in piece for piece in read)
    assert not any("Harga cabai" in piece for piece in read)
    assert [job.where for job in jobs] == ["body", "captions[0]"]


def test_one_doc_holds_a_texts_pieces_apart_and_maps_back(segment: Segmenter):
    from kabar.entities.model import PIECE_BREAK, doc_from_pieces

    body = "Presiden Joko Widodo bertemu Vladimir Putin di Moskow.\n\nMenlu Retno  Marsudi hadir."
    t = _text(segment, body)
    vocab = spacy.blank("id").vocab
    first, second = (0, 3), (t.words.index("Menlu"), t.n)
    doc, index = doc_from_pieces(vocab, t, [first, second])
    assert len(index) == len(doc)
    # each token of the Doc is a token of the text, or whitespace kabar's tokens leave out
    assert all(doc[x].text == t.words[k] for x, k in enumerate(index) if k >= 0)
    assert [k for k in index if k >= 0] == [*range(*first), *range(*second)]
    breaks = [x for x, tok in enumerate(doc) if tok.text == PIECE_BREAK]
    assert len(breaks) == 1 and index[breaks[0]] == -1
    assert doc.text.split(PIECE_BREAK) == [t.span(*first), body[t.starts[second[0]] : t.ends[-1]]]
