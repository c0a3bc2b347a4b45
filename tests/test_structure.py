import json

import pytest
from conftest import DATA, GOLD, SEED, need_shared

from kabar.errors import FormatError


def read(name):
    return (DATA / "structure" / name).read_text(encoding="utf-8")


def test_seed_metadata_equals_gold(foundation):
    need_shared(SEED)
    need_shared(GOLD)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    article = foundation(SEED.read_text(encoding="utf-8"), source=str(SEED))
    assert article.published == gold["published"]
    assert article.author == gold["author"]
    assert article.captions == gold["captions"]
    assert article.tags == gold["tags"]
    assert article.title == gold["title"]


def test_seed_body_keeps_every_paragraph_and_drops_the_rest(foundation):
    need_shared(SEED)
    raw = SEED.read_text(encoding="utf-8")
    article = foundation(raw, source=str(SEED))
    body = article.body
    assert body.startswith("Kepala Staf Gabungan Angkatan Bersenjata Iran, Mayor Jenderal Mohammad Bagheri")
    assert body.endswith("setelah penarikan pasukan AS, yang tidak bertanggung jawab.")
    # nothing of the body is lost: every word of the source but the dateline, the caption
    # lines, the initials and the Tags trailer is in the body, in order
    lines = [line for line in raw.splitlines() if line.strip()]
    assert lines[0].startswith("Okt 19, 2021") and lines[-1] == "Tags"
    kept = "\n".join(lines[3:-1]).replace("(RM)", "")
    assert body.split() == kept.split()
    assert "Tags" not in body and "(RM)" not in body
    assert article.captions[0] not in body


def test_dateline_boilerplate_author_and_tags(foundation):
    article = foundation(read("dateline_wib.txt"))
    assert article.published == "2021-10-19T10:36:00+07:00"
    assert article.author == "Siti Rahma"
    assert article.tags == ["Jokowi", "Singapura", "diplomasi"]
    assert "Baca juga" not in article.body
    assert "Facebook" not in article.body and "Copyright" not in article.body
    assert "Editor" not in article.body
    assert article.body.startswith("Presiden Joko Widodo menerima kunjungan")
    assert article.body.endswith("kerja sama ekonomi dan kesehatan.")


def test_dateline_place_is_kept_aside(foundation):

    pipeline = foundation
    doc = pipeline.make_document(read("dateline_wib.txt"))
    pipeline.run(doc)
    assert doc.dateline_place == "Jakarta"


def test_a_place_and_a_dash_is_a_dateline(foundation):
    pipeline = foundation
    doc = pipeline.make_document(
        "JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow."
    )
    pipeline.run(doc)
    assert doc.dateline_place == "Jakarta"
    assert doc.article.body.startswith("Menteri Luar Negeri Retno Marsudi bertemu")


def test_a_name_and_a_dash_opening_the_body_is_no_dateline(foundation):
    pipeline = foundation
    text = "Jokowi - Ma'ruf Amin memenangkan pemilihan presiden menurut hasil hitung cepat lembaga survei."
    doc = pipeline.make_document(text)
    pipeline.run(doc)
    assert doc.dateline_place is None
    assert doc.article.body == text


def test_captions_once_each_and_initials(foundation):
    article = foundation(read("captions_initials.txt"))
    assert article.published == "2021-10-20T08:00:00+08:00"
    assert article.captions == [
        "Warga antre vaksin di Makassar, Sulawesi Selatan.",
        "Petugas menyiapkan vaksin.",
    ]
    assert article.author == "AB/CD"
    assert article.tags == []
    assert article.body.endswith("disiapkan untuk hari pertama.")


def test_metadata_given_by_caller_wins(foundation):
    article = foundation(
        read("captions_initials.txt"),
        title="Vaksinasi di Makassar",
        published="2021-10-21 09:00 WITA",
        author="Tim",
    )
    assert article.title == "Vaksinasi di Makassar"
    assert article.published == "2021-10-21T09:00:00+08:00"
    assert article.author == "Tim"


def test_malformed_published_warns_and_names_input(foundation):
    article = foundation(read("captions_initials.txt"), source="x.txt", published="kemarin entah kapan")
    assert article.published is None
    assert any("x.txt" in w and "kemarin entah kapan" in w for w in article.warnings)


def test_html_page(foundation):
    html = (DATA / "readers" / "page.html").read_text(encoding="utf-8")
    article = foundation(html)
    assert article.title == "Kereta Cepat Tambah Jadwal Perjalanan"
    assert article.published == "2023-12-20T18:30:00+07:00"
    assert article.author == "Rina Wijaya"
    assert article.tags == ["transportasi", "kereta cepat"]
    assert article.body.startswith("Operator kereta cepat Jakarta-Bandung")
    assert "Beranda" not in article.body and "Copyright" not in article.body


def test_text_with_only_furniture_is_an_error(foundation):
    with pytest.raises(FormatError, match="no article text"):
        foundation("Selasa, 19 Oktober 2021 10:36 WIB\n\nBaca juga: Berita lain\n", source="furniture.txt")


def test_scraped_dateline_residue_is_not_a_caption(foundation):
    text = " - Gubernur Jawa Tengah meresmikan waduk baru di Kabupaten Grobogan pada Senin pagi. " * 6
    article = foundation(text)
    assert article.captions == []
    assert article.body.startswith("Gubernur Jawa Tengah meresmikan waduk")


def test_dash_list_inside_the_body_stays_body(foundation):
    text = (
        "Pemerintah menetapkan tiga prioritas untuk tahun depan sebagai berikut.\n"
        "- Pembangunan jalan desa di wilayah timur\n- Perbaikan irigasi\n"
        "Menteri menyampaikan rencana itu di Jakarta."
    )
    article = foundation(text)
    assert article.captions == []
    assert "- Perbaikan irigasi" in article.body


def test_truncated_html_page_is_a_named_error_not_a_menu(foundation):
    html = (DATA / "readers" / "truncated.html").read_text(encoding="utf-8")
    with pytest.raises(FormatError, match="truncated.html.*no article text"):
        foundation(html, source="truncated.html")


def test_html_cut_after_the_first_paragraph_warns(foundation):
    html = (DATA / "readers" / "page.html").read_text(encoding="utf-8")
    cut = html[: html.index("<p>Direktur")]
    article = foundation(cut, source="cut.html")
    assert article.body.startswith("Operator kereta cepat")
    assert any("cut.html" in w and "truncated" in w for w in article.warnings)
    assert not any("truncated" in w for w in foundation(html).warnings)


def test_invisible_marks_are_no_part_of_the_text(foundation):
    # a left-to-right mark or a soft hyphen inside a phrase ("telah \u200emenetapkan") hides it from
    # every pattern a reader would see it match
    pipeline = foundation
    doc = pipeline.make_document(
        "Sebelumnya, KPK telah \u200emenetapkan lima tersangka. Kasus ini meli\u00adbatkan pejabat.",
        title="KPK \u200fTetapkan Tersangka",
    )
    pipeline.run(doc)
    assert "telah menetapkan lima" in doc.article.body
    assert "melibatkan" in doc.article.body
    assert doc.article.title == "KPK Tetapkan Tersangka"
