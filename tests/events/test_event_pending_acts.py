"""Hand-check classes of acts that have not taken place (issue #11, seeds 16-19), on invented
sentences: an act in a temporal clause hanging on a planned, possible or negated verb."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _factual(body: str, code: str):
    events = kabar.extract(body, lang="id", published=PUBLISHED).events
    return [e for e in events if e.code == code and e.factual]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Gubernur Budi Santoso akan tetap hadir di acara pelantikan setelah menjenguk Wali Kota "
         "Surabaya di rumah sakit.", "042"),
        ("Para buruh tidak mau membubarkan diri sebelum bertemu dengan Menteri Tenaga Kerja.", "040"),
        ("Para petani berencana pulang setelah bertemu dengan Bupati Sleman.", "040"),
    ],
)
def test_a_temporal_clause_of_a_plan_or_refusal_is_no_act(body, code):
    assert not _factual(body, code)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Presiden Joko Widodo berpidato di Istana setelah bertemu dengan Perdana Menteri Malaysia.", "040"),
        ("Menteri Luar Negeri Retno Marsudi tidak berkomentar setelah bertemu dengan Presiden Joko Widodo "
         "di Istana.", "040"),
    ],
)
def test_a_temporal_clause_of_a_done_act_stays(body, code):
    assert _factual(body, code)



@pytest.mark.parametrize(
    "second",
    [
        "Tiga orang yang diamankan tersebut diduga sebagai penghasut.",
        "Maka tiga orang yang diamankan itu sebaiknya bergabung dengan koperasi.",
    ],
)
def test_a_relative_clause_closed_by_a_demonstrative_names_a_known_participant(second):
    first = "Polisi Resor Sleman mengamankan tiga orang di depan kantor DPRD Sleman, Senin (18/3/2024)."
    events = kabar.extract(f"{first} {second}", lang="id", published=PUBLISHED).events
    assert [e.mode for e in events if e.evidence.text == second] == ["background"]
    assert [e.evidence.text for e in events if e.factual] == [first]


def test_a_relative_clause_with_its_own_object_stays():
    body = "Polisi Resor Sleman menangkap tiga orang yang diduga menjadi penghasut pada Senin (18/3/2024)."
    assert _factual(body, "173")


def test_very_new_is_no_tally():
    # "masih baru sekali" (still very new) counts nothing: the examination is news
    body = (
        "Komisi Pemberantasan Korupsi memeriksa Direktur Utama PT Pelindo II Budi Santoso yang masih baru "
        "sekali menjabat, Senin (18/3/2024)."
    )
    assert _factual(body, "090")


@pytest.mark.parametrize(
    ("body", "factual"),
    [
        # published on Wednesday 20 March 2024
        ("KPK memeriksa Budi Santoso sebagai saksi pada Kamis (21/3/2024) besok.", False),
        ("KPK memeriksa Budi Santoso sebagai saksi pada Jumat (22/3/2024).", False),
        ("KPK memeriksa Budi Santoso sebagai saksi pada Rabu (20/3/2024).", True),
        ("KPK memeriksa Budi Santoso sebagai saksi pada Selasa (19/3/2024).", True),
    ],
)
def test_an_act_dated_after_the_publication_day_is_scheduled(body, factual):
    events = [e for e in kabar.extract(body, lang="id", published=PUBLISHED).events if e.code == "090"]
    assert events and all(e.factual == factual for e in events)
