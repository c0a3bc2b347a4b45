"""An aside naming the outlet that reports the sentence, set off by commas between the subject and
its verb ("X, seperti dilansir Antara pada Selasa (19/3), menuduh ..."), leaves the subject the
verb's. Invented sentences."""

from __future__ import annotations

from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures


def test_a_dated_report_aside_between_subject_and_verb(run):
    body = "Budi Santoso, seperti dilansir Antara pada Selasa (19/3/2024), mengecam Malaysia atas insiden itu."
    assert ("111", "IDNGOV", "MYS") in run(body)


def test_a_report_aside_after_a_means_phrase(run):
    body = "Budi Santoso melalui akun Twitternya, seperti dikutip Antara, mengecam Malaysia, Selasa (19/3/2024)."
    assert ("111", "IDNGOV", "MYS") in run(body)

