"""Stage `entities`: recognition, unification and CAMEO coding of actors (invented fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kabar.document import Document
from kabar.entities import Entities, tokenize
from kabar.lang import load_pack
from kabar.segment import Segmenter

DATA = Path(__file__).parent / "data" / "entities"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def stage():
    return Entities(load_pack("id"))


@pytest.fixture(scope="module")
def run(stage):
    pack = load_pack("id")
    segment = Segmenter(pack)

    def _run(text: str, captions: list[str] | None = None, published: str | None = None) -> Document:
        doc = Document(source="<test>", raw=text, pack=pack)
        doc.article.body = text
        doc.article.captions = captions or []
        doc.article.published = published
        segment(doc)
        stage(doc)
        return doc

    return _run


def by_name(doc: Document, name: str):
    found = [e for e in doc.article.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in doc.article.entities]}"
    return found[0]


@pytest.fixture(scope="module")
def maritim(run):
    return run((DATA / "maritim.txt").read_text(encoding="utf-8"))


def test_role_phrase_before_name_gives_country_role_and_title(maritim):
    yamada = by_name(maritim, "Taro Yamada")
    assert (yamada.type, yamada.country, yamada.actor_code) == ("PER", "JPN", "JPNGOV")
    assert yamada.title == "Menteri Luar Negeri"
    assert yamada.role == "Menteri Luar Negeri Jepang"


def test_one_entity_per_person_with_surname_and_abbreviated_title(maritim):
    yamada = by_name(maritim, "Taro Yamada")
    assert [m.text for m in yamada.mentions] == ["Taro Yamada", "Menlu Yamada", "Yamada"]
    assert len([e for e in maritim.article.entities if "Yamada" in e.name]) == 1


def test_title_typo_is_tolerated_and_defence_minister_is_military(maritim):
    morita = by_name(maritim, "Kenji Morita")
    assert morita.actor_code == "JPNMIL"
    assert morita.title == "Menteri Pertahanan"
    assert morita.role == "Menteri Pertahanan Jepang"  # the typo "Pertahanana" is corrected


def test_rank_is_stripped_into_title_and_kept_in_the_mention(maritim):
    budi = by_name(maritim, "Budi Santosa")
    assert budi.title == "Laksamana Muda"
    assert budi.mentions[0].text == "Laksamana Muda Budi Santosa"
    assert budi.actor_code.endswith("MIL")


def test_role_phrase_after_name_and_institute_takes_country_only(maritim):
    hendra = by_name(maritim, "Hendra Wijaya")
    assert hendra.role == "Direktur Eksekutif Institut Kajian Maritim Indonesia"
    assert (hendra.country, hendra.actor_code) == ("IDN", "IDN")
    institute = by_name(maritim, "Institut Kajian Maritim")  # trailing country dropped from the name
    assert institute.type == "ORG" and institute.actor_code == "IDN"
    assert [m.text for m in institute.mentions] == ["Institut Kajian Maritim Indonesia"]


def test_knowledge_base_codes_well_known_actors(maritim):
    jokowi = by_name(maritim, "Joko Widodo")
    assert (jokowi.country, jokowi.actor_code, jokowi.title) == ("IDN", "IDNGOV", "Presiden")
    sugiono = by_name(maritim, "Sugiono")
    assert sugiono.actor_code == "IDNGOV"


def test_countries_capitals_and_places(maritim):
    japan = by_name(maritim, "Japan")
    assert (japan.type, japan.country, japan.actor_code) == ("GPE", "JPN", "JPN")
    # "Tokyo dan Jakarta berbagi kepentingan": the capital stands for the state
    assert "Tokyo" in [m.text for m in japan.mentions]
    china = by_name(maritim, "China")
    assert [m.text for m in china.mentions] == ["Beijing"]
    surabaya = by_name(maritim, "Surabaya")
    assert (surabaya.type, surabaya.country, surabaya.actor_code) == ("GPE", "IDN", None)
    assert surabaya.lat is not None and surabaya.lon is not None
    sea = by_name(maritim, "South China Sea")
    assert sea.type == "LOC" and sea.actor_code is None
    assert by_name(maritim, "Southeast Asia").type == "LOC"


def test_language_names_are_not_countries(maritim):
    uk = [e for e in maritim.article.entities if e.country == "GBR"]
    assert uk == []  # "dalam bahasa Inggris"


def test_mentions_are_complete_sorted_and_point_into_the_body(maritim):
    body = maritim.article.body
    ids = {e.id for e in maritim.article.entities}
    starts = [m.start for m in maritim.mentions]
    assert starts == sorted(starts)
    assert maritim.mentions, "no mentions"
    for m in maritim.mentions:
        assert m.entity_id in ids
        assert body[m.start : m.end] == m.text
    for e in maritim.article.entities:
        for m in e.mentions:
            assert body[m.start : m.end] == m.text
    assert sum(len(e.mentions) for e in maritim.article.entities) == len(maritim.mentions)
    # no two mentions overlap
    for a, b in zip(maritim.mentions, maritim.mentions[1:], strict=False):
        assert a.end <= b.start


def test_ids_follow_first_mention(maritim):
    entities = maritim.article.entities
    assert [e.id for e in entities] == [f"E{i}" for i in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities if e.mentions]
    assert firsts == sorted(firsts)


def test_no_junk_from_function_words_and_bare_titles(run):
    doc = run((DATA / "junk.txt").read_text(encoding="utf-8"))
    assert [e.name for e in doc.article.entities] == []


def test_capital_in_dateline_is_the_place_and_seat_of_government_is_an_org(run):
    doc = run((DATA / "dateline.txt").read_text(encoding="utf-8"))
    moscow = by_name(doc, "Moscow")
    assert moscow.actor_code is None and moscow.mentions[0].text == "MOSKOW"
    russia = by_name(doc, "Russia")
    assert "Moskow" in [m.text for m in russia.mentions]  # "Moskow tidak terlibat": the state
    kremlin = by_name(doc, "Kremlin")
    assert (kremlin.type, kremlin.country, kremlin.actor_code) == ("ORG", "RUS", "RUSGOV")
    assert by_name(doc, "United States").mentions[0].text == "Washington"
    assert by_name(doc, "Dmitry Peskov").actor_code == "RUSGOV"
    rutte = by_name(doc, "Mark Rutte")
    assert rutte.actor_code == "IGOWSTNAT"
    assert by_name(doc, "NATO").actor_code == "IGOWSTNAT"
    assert not [e for e in doc.article.entities if e.name in {"KOMPAS.com", "TASS"}]


def test_caption_only_entities_are_kept_without_body_mentions(run):
    doc = run(
        "Mayjen Bagheri tiba di Moskow pada Minggu malam.",
        captions=["Jenderal Valery Gerasimov (kiri) dan Mayor Jenderal Mohammad Bagheri di Moskow."],
    )
    bagheri = by_name(doc, "Mohammad Bagheri")
    assert [m.text for m in bagheri.mentions] == ["Mayjen Bagheri"]
    gerasimov = by_name(doc, "Valery Gerasimov")
    assert gerasimov.mentions == [] and gerasimov.actor_code == "RUSMIL"
    assert doc.article.entities[-1] is gerasimov  # caption-only entities come last


def test_knowledge_base_periods_follow_the_article_date(run):
    old = by_name(
        run("Prabowo Subianto meninjau pasukan.", published="2020-05-01T10:00:00+07:00"), "Prabowo Subianto"
    )
    new = by_name(
        run("Prabowo Subianto meninjau pasukan.", published="2025-05-01T10:00:00+07:00"), "Prabowo Subianto"
    )
    assert (old.actor_code, new.actor_code) == ("IDNMIL", "IDNGOV")


def test_works_without_the_statistical_model(run, stage):
    saved = stage.ner
    stage.ner = None
    try:
        doc = run((DATA / "maritim.txt").read_text(encoding="utf-8"))
    finally:
        stage.ner = saved
    assert by_name(doc, "Taro Yamada").actor_code == "JPNGOV"


def test_tokenize_splits_hyphens_and_keeps_abbreviation_dots_apart():
    assert [t[2] for t in tokenize("Iran-Rusia, Mayjen. Bagheri")] == [
        "Iran",
        "-",
        "Rusia",
        ",",
        "Mayjen",
        ".",
        "Bagheri",
    ]


# ---------------------------------------------------------------- the reference article


def _gold_pairs():
    gold_dir = SHARED / "gold"
    if not gold_dir.exists():
        return []
    return sorted(gold_dir.glob("*.gold.json"))


@pytest.mark.skipif(not _gold_pairs(), reason="../shared/gold is not available")
@pytest.mark.parametrize("gold_path", _gold_pairs(), ids=lambda p: p.name)
def test_reference_article_entities(gold_path):
    from kabar.pipeline import Pipeline

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["file"]).resolve().read_text(encoding="utf-8")
    pipe = Pipeline("id", stages=("structure", "language", "segment", "entities"))
    article = pipe(text)
    predicted = {e.name: e for e in article.entities}
    for g in gold["entities"]:
        e = predicted.get(g["name"])
        assert e is not None, f"missing {g['name']}"
        assert (e.type, e.country, e.actor_code) == (g["type"], g["country"], g["actor_code"]), g["name"]
    gold_names = {g["name"] for g in gold["entities"]}
    extra = [e.name for e in article.entities if e.name not in gold_names]
    assert extra == [], f"entities not in the gold: {extra}"


def _fake_ner(spans: list[tuple[str, str]]):
    """A stand-in for the statistical NER pipe: tags the given (text, label) spans."""

    def ner(doc):
        ents = []
        for text, label in spans:
            start = doc.text.find(text)
            span = doc.char_span(start, start + len(text), label=label, alignment_mode="expand")
            if (
                start >= 0
                and span is not None
                and all(not (span.start < e.end and e.start < span.end) for e in ents)
            ):
                ents.append(span)
        doc.ents = sorted(ents, key=lambda s: s.start)
        return doc

    return ner


def test_model_spans_are_cleaned_combined_and_filtered(run, stage):
    import spacy

    text = (
        "Dalam kunjungan itu, Rudi Hartanto bertemu pengurus Yayasan Lestari Hutan di Kabupaten Ketapang.\n"
        "Para peserta membahas Sungai Kapuas. Presiden Joko Widodo juga hadir."
    )
    saved = (stage.nlp, stage.ner)
    stage.nlp = spacy.blank("id")
    stage.ner = _fake_ner(
        [
            ("Dalam", "ORG"),  # a sentence-initial function word: junk
            ("Rudi Hartanto", "PER"),  # a name the rules alone would miss
            ("Sungai Kapuas", "LOC"),
            ("Para peserta", "PER"),  # junk
            ("Presiden Joko Widodo", "PER"),  # the title is stripped, the knowledge base codes him
        ]
    )
    try:
        doc = run(text)
    finally:
        stage.nlp, stage.ner = saved
    names = {e.name: e for e in doc.article.entities}
    assert "Dalam" not in names and "Para peserta" not in names
    assert names["Rudi Hartanto"].type == "PER"
    assert names["Sungai Kapuas"].type == "LOC"
    assert names["Yayasan Lestari Hutan"].type == "ORG"  # found by the head-word rule
    assert names["Joko Widodo"].actor_code == "IDNGOV" and names["Joko Widodo"].title == "Presiden"
