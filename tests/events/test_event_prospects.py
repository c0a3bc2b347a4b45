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
