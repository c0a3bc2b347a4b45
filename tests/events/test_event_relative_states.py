"""Issue 11, helper rel: a standing state told in a relative clause set off by commas after a
named side ("X, yang didukung Y, ...", "X, yang berperang melawan Y, ...") says who the side is,
not what it did now; a time of its own in the clause keeps it news. Every sentence here is
invented for the test."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, root_modes, run, segmenter, stage  # noqa: F401 - the shared fixtures


@pytest.mark.parametrize(
    ("body", "root"),
    [
        # fighting, support and aid between commas after the side they describe
        ("Front Pembebasan, yang diperangi Filipina, mengklaim bertanggung jawab atas ledakan itu.", "19"),
        ("Front Pembebasan, yang berperang melawan pemerintah Filipina, mengaku bertanggung jawab.", "19"),
        ("Rusia, yang juga membantu Myanmar, menolak berkomentar.", "07"),
        ("Rusia, yang mendukung Myanmar, menolak berkomentar.", "05"),
        # closed by the end of the sentence
        ("Ledakan itu diklaim Front Pembebasan, yang diperangi Filipina.", "19"),
    ],
)
def test_a_standing_state_in_an_apposition_is_no_news(run, stage, segmenter, body, root):
    assert not [e for e in run(body) if e[0][:2] == root]
    assert (root, "background") in root_modes(stage, segmenter, body, PUBLISHED)


def test_the_same_act_as_the_main_verb_stays_news(run):
    assert ("070", "RUS", "MMR") in run("Rusia membantu Myanmar, kata pejabat itu.")


def test_a_time_in_the_clause_keeps_it_news(stage, segmenter):
    body = "Rusia, yang membantu Myanmar pada Senin (18/3/2024), menolak berkomentar."
    assert ("07", "reported") in root_modes(stage, segmenter, body, PUBLISHED)


def test_a_visit_in_an_apposition_stays_news(run):
    body = "Menteri Luar Negeri Malaysia Ahmad Rahman, yang berkunjung ke Jakarta, mengecam Israel."
    assert ("042", "MYSGOV", "IDN") in run(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a year or a period inside the clause is the clause's, not the main verb's
        ("Kenji Tanaka, yang memimpin delegasi Jepang sejak 2019, mengecam China.", ("111", "JPN", "CHN")),
        ("Front Pembebasan, yang diperangi Filipina dalam lima tahun terakhir, mengaku bertanggung jawab "
         "atas ledakan itu.", ("015", "PHLREB", None)),
    ],
)
def test_a_time_in_the_clause_is_not_the_main_verbs(run, body, expected):
    assert expected in run(body)


def test_a_time_of_the_main_clause_still_counts(run):
    assert not run("Rusia, yang menolak berkomentar, mengecam Israel sejak 2010.")
