"""Seed-13 hand check classes, on invented sentences: a fight whose source is only civilians is
unconventional violence, not military force; a warning that tells a side what not to do is advice,
not a threat of that act; a city's cleaners sent out are no forces mobilised."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def events():
    def _run(body: str):
        return kabar.extract(body, lang="id", published=PUBLISHED).events

    return _run


def test_students_attacking_police_is_unconventional_violence(events):
    evs = events("Para mahasiswa tiba-tiba mengamuk dan menyerang aparat Polri di Kendari.")
    assert evs and {e.code[:2] for e in evs} == {"18"}


def test_a_state_attacking_stays_military_force(events):
    evs = events("Militer Israel menyerang Kota Gaza pada Selasa malam.")
    assert any(e.code[:2] == "19" for e in evs)


def test_warning_a_side_not_to_act_is_advice(events):
    evs = events("Pejabat Jepang memperingatkan Fiji agar tidak memutus hubungan diplomatik dengan Taiwan.")
    assert [(e.code[:2], e.target.country if e.target else None) for e in evs] == [("02", "FJI")]


def test_threat_to_act_stays_a_threat(events):
    evs = events("Rusia mengancam akan memutus hubungan diplomatik dengan Ukraina.")
    assert [e.code[:2] for e in evs] == ["13"]


@pytest.mark.parametrize(
    "workers",
    ["pasukan oranye untuk membersihkan sampah", "300 petugas kebersihan dan PPSU"],
)
def test_city_workers_sent_out_are_no_mobilisation(events, workers):
    evs = events(f"Pemkot Medan mengerahkan {workers} ke lokasi banjir.")
    assert not any(e.code[:2] == "15" for e in evs)


def test_a_talks_theme_names_no_side(events):
    evs = events("Rektor IPB Budi Santoso berbicara dengan tema Mempersiapkan Mahasiswa Unggul di Bogor.")
    assert not any(e.code[:2] == "04" for e in evs)
    evs = events("Presiden Joko Widodo berbicara dengan Perdana Menteri Malaysia di Istana Bogor.")
    assert [e.code[:2] for e in evs] == ["04"]


def test_the_one_named_after_a_nominal_passive_is_no_source(events):
    evs = events("Partai Golkar akan menggelar rapat setelah ditetapkannya Budi Hartono sebagai tersangka.")
    assert not any(e.source is not None and e.source.name == "Budi Hartono" for e in evs)


def test_what_the_addressees_are_asked_to_condemn_is_no_target_of_the_appeal(events):
    evs = events("Pemerintah Kanada meminta semua negara untuk mengutuk serangan Rusia tersebut.")
    assert not any(e.code[:2] == "02" and e.target is not None and e.target.country == "RUS" for e in evs)
    evs = events("Presiden Joko Widodo meminta Malaysia untuk mengusut kasus itu.")
    assert [(e.code[:2], e.target.country) for e in evs] == [("02", "MYS")]


# Seed-15 hand check (issue 11): the act named as the alternative in advice or a choice is not coded.
@pytest.mark.parametrize(
    "body",
    [
        "Menurut pengamat itu, langkah tersebut lebih baik dilakukan pemerintah Malaysia ketimbang meminta "
        "Singapura untuk mempelajari draf perjanjian.",
        "Malaysia memilih diam daripada mengecam Singapura.",
        "Malaysia lebih baik bertemu dengan Singapura.",
    ],
)
def test_the_advised_or_passed_over_act_is_not_coded(events, body):
    assert [(e.code, e.mode) for e in events(body) if e.factual] == []


def test_an_appeal_before_a_comparison_stays(events):
    evs = events("Malaysia meminta Singapura mempelajari draf itu ketimbang menunda pembahasan.")
    assert any(e.code[:2] == "02" and e.factual for e in evs)


# Seed-28/29 hand checks: the side a protest is aimed at says it is ready to receive it; that is its
# own word, no threat of protest by the one who leads the protest.
def test_the_target_ready_to_receive_a_protest_is_no_threat_by_its_leader(events):
    body = (
        "Ribuan orang dari sejumlah ormas berencana menggelar aksi demonstrasi di depan Istana Negara,"
        " Sabtu (16/3/2024). Menanggapi kabar tersebut, Tenaga Ahli Kantor Staf Presiden Ali Mochtar"
        " Ngabalin mengaku siap menerima aksi massa yang dipimpin Edy Mulyadi."
    )
    assert [e.code for e in events(body) if e.factual and e.code.startswith("13")] == []


def test_the_leader_ready_to_protest_still_threatens(events):
    body = (
        "Ketua Presidium Alumni 212 Slamet Maarif mengatakan pihaknya akan menggelar aksi unjuk rasa"
        " terhadap Presiden Joko Widodo di depan Istana."
    )
    assert [(e.code[:2], e.factual) for e in events(body)] == [("13", True)]


def test_a_social_invitation_is_no_appeal(events):
    # "Saya pun mengajak dia ngobrol": a chat offered, no appeal made
    body = "Menteri Luar Negeri Malaysia Ahmad Rahman mengajak Menteri Luar Negeri Singapura Lim Wei {} di Jakarta."
    assert not [e for e in events(body.format("ngobrol")) if e.code[:2] == "02"]
    assert [e for e in events(body.format("berunding")) if e.code[:2] == "02"]


def test_a_push_in_a_scuffle_is_no_appeal(events):
    # "Benny terlihat mendorong seorang Asri Anas, sehingga harus dipisahkan"
    body = "Menteri Luar Negeri Malaysia Ahmad Rahman mendorong Menteri Luar Negeri Singapura Lim Wei{}."
    assert not [e for e in events(body.format(", sehingga keduanya harus dipisahkan")) if e.code[:2] == "02"]
    assert [e for e in events(body.format(" untuk berunding")) if e.code[:2] == "02"]
