"""Seed-24 development sample classes (issue #11), on invented sentences: a recap of what the
outlet reported before ("Diberitakan sebelumnya, ...") tells background, while an outlet cited
for today's news does not; a relative of an office holder named in apposition is a civilian,
not the office holder; the side a harm noun names ("menolak pelemahan KPK") suffers the act and is
no target of the rejection; a span of years ending long ago ("pada tahun 2016-2018") dates the
act as background, as one year does."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _events(body: str):
    return kabar.extract(body, lang="id", published=PUBLISHED).events


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # a recap of earlier news
        ("Diberitakan sebelumnya, KPK telah menetapkan Budi Santoso sebagai tersangka.", "173"),
        ("Seperti diberitakan sebelumnya, polisi menangkap Budi Santoso di Bekasi.", "173"),
        ("Seperti diberitakan, polisi menangkap Budi Santoso di Bekasi.", "173"),
        ("Sebelumnya diberitakan, polisi menangkap Budi Santoso di Bekasi.", "173"),
        # an act over a span of years long past
        ("Pada tahun 2016-2018, Budi Santoso meminta uang kepada pejabat KONI.", "020"),
        ("Dalam rentang waktu 2015-2017, Budi Santoso meminta uang kepada pejabat KONI.", "020"),
    ],
)
def test_a_recap_or_a_span_of_years_long_past_is_background(body, code):
    evs = [e for e in _events(body) if e.code == code]
    assert evs and all(e.mode == "background" for e in evs)


@pytest.mark.parametrize(
    "body",
    [
        "Sebelumnya, polisi menangkap Budi Santoso di Bekasi.",
        "Polisi menangkap Budi Santoso di Bekasi, seperti diberitakan sebelumnya.",
    ],
)
def test_an_earlier_act_without_a_recap_opener_stays_news(body):
    assert any(e.code == "173" and e.factual for e in _events(body))


def test_a_son_in_law_of_the_president_is_a_civilian():
    body = "Menantu Presiden Jokowi, Budi Santoso, mengunjungi Malaysia pada Senin."
    evs = [e for e in _events(body) if e.factual]
    assert [(e.source.name, e.source.actor_code) for e in evs] == [("Budi Santoso", "IDNCVL")]


def test_the_president_himself_keeps_his_office():
    evs = [e for e in _events("Presiden Jokowi mengunjungi Malaysia pada Senin.") if e.factual]
    assert [e.source.actor_code for e in evs] == ["IDNGOV"]


@pytest.mark.parametrize(
    "body",
    [
        "Rektor universitas itu menolak pelemahan KPK melalui revisi undang-undang.",
        "Ketua umum partai itu menolak upaya pelemahan KPK.",
        "LBH Jakarta mengecam kriminalisasi KPK oleh sejumlah pihak.",
    ],
)
def test_the_side_a_harm_noun_names_is_no_target(body):
    assert not any(e.target and e.target.name == "Komisi Pemberantasan Korupsi" for e in _events(body))


def test_a_side_rejected_or_criticised_itself_stays_the_target():
    evs = [e for e in _events("LBH Jakarta mengecam KPK karena lamban menangani kasus itu.") if e.factual]
    assert [(e.code[:2], e.target.name) for e in evs] == [("11", "Komisi Pemberantasan Korupsi")]


def test_a_term_of_office_over_years_dates_no_act():
    evs = [e for e in _events("Anggota DPR periode 2019-2024 mengkritik KPK pada Senin.") if e.factual]
    assert [e.code[:2] for e in evs] == ["11"]
