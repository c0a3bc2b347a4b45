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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a kin apposition between the named subject and its verb
        ("Budi Santoso, putra mantan menteri pertahanan, mengecam Malaysia.", ("111", "IDNGOV", "MYS")),
        ("Budi Santoso, putra sulung mantan menteri pertahanan, tewas dalam serangan Israel.",
         ("190", "ISR", "IDNGOV")),
        # the kin's own name set off by commas too
        ("Budi Santoso, putra dari mantan pemimpin Front Pembebasan, Kenji Tanaka, mengecam Malaysia.",
         ("111", "IDNGOV", "MYS")),
    ],
)
def test_the_subject_across_a_kin_apposition(run, body, expected):
    assert expected in run(body)


def test_a_listed_name_after_a_kin_apposition_is_its_own_subject(run):
    evs = run("Budi Santoso, putra mantan menteri, Kenji Tanaka, dan Rusia mengecam Malaysia.")
    assert ("111", "RUS", "MYS") in evs and ("111", "IDNGOV", "MYS") not in evs


def test_the_subject_across_a_kin_apposition_whose_name_has_a_title(run):
    # the kin's name phrase takes its title with it, across the comma ("mantan menteri, <Name>")
    body = "Budi Santoso, putra dari mantan Menteri Luar Negeri, Kenji Tanaka, tewas dalam serangan Israel."
    assert ("190", "ISR", "IDNGOV") in run(body)
