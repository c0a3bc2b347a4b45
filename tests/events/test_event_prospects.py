"""A prospective frame over an act ("Ini akan menjadi yang pertama kalinya ... bahwa X
mencaplok ..."): the act is a prospect (conditional), not a reported event. Invented sentences."""

from __future__ import annotations

from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures


def test_an_act_framed_as_a_first_to_come_is_not_reported(run):
    body = (
        "Ini akan menjadi yang pertama kalinya dalam puluhan tahun bahwa China menyerang Vietnam "
        "di Laut China Selatan, kata Budi, Selasa (19/3/2024)."
    )
    assert not [e for e in run(body) if e[1] == "CHN"]


def test_a_first_told_as_done_stays_reported(run):
    body = "Ini menjadi yang pertama kalinya China menyerang Vietnam di Laut China Selatan, Selasa (19/3/2024)."
    assert [e for e in run(body) if e[1] == "CHN" and e[2] == "VNM"]



def test_the_act_of_a_plan_noun_before_its_actor_is_intended(run):
    body = "Singapura mengkritik rencana Presiden Bambang Wijaya mengunjungi Malaysia, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[1] == "IDNGOV" and e[2] == "MYS"]
    body = (
        "Singapura mengkritik rencana Menteri Pertahanan (Menhan) Budi Santoso mengunjungi Malaysia, "
        "Selasa (19/3/2024)."
    )
    assert not [e for e in run(body) if e[1] == "IDNGOV" and e[2] == "MYS"]


def test_a_visit_with_no_plan_noun_stays_reported(run):
    body = "Singapura mengkritik Presiden Bambang Wijaya yang mengunjungi Malaysia, Selasa (19/3/2024)."
    assert [e for e in run(body) if e[1] == "IDNGOV" and e[2] == "MYS"]


def test_what_a_purpose_clause_with_its_own_subjects_aims_at_is_not_done(run):
    # "suap itu diberikan supaya Rommy dan Lukman membantu Haris": the help is the bribe's aim
    body = "Uang itu diberikan supaya Ahmad Rahman dan Budi Santoso mengkritik Kamboja, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[2] == "KHM"]
    body = "Ahmad Rahman dan Budi Santoso mengkritik Kamboja, Selasa (19/3/2024)."
    assert [e for e in run(body) if e[2] == "KHM"]


def test_an_act_got_ready_for_is_not_done(run):
    # "rakyat Timor Leste sudah menyiapkan acara khusus menyambut kedatangan Habibie"
    body = "Malaysia sudah menyiapkan acara khusus menyambut Presiden Bambang Wijaya, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[1] == "MYS"]
    body = "Malaysia menyambut Presiden Bambang Wijaya, Selasa (19/3/2024)."
    assert [e for e in run(body) if e[1] == "MYS"]


def test_a_before_clause_after_a_wished_act_with_joined_objects_is_wished_too(run):
    # "Kepala Negara bahkan ingin mengunjungi Papua dan Papua Barat sebelum mengundang para tokoh"
    body = (
        "Presiden Bambang Wijaya ingin mengunjungi Malaysia dan Kamboja sebelum mengundang "
        "Lim Wei ke Jakarta, Selasa (19/3/2024)."
    )
    assert not [e for e in run(body) if e[2] == "SGPGOV"]
    body = "Presiden Bambang Wijaya mengunjungi Malaysia dan Kamboja sebelum mengundang Lim Wei ke Jakarta."
    assert [e for e in run(body) if e[2] == "SGPGOV"]
