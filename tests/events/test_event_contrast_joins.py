"""A verb phrase joined by a contrastive word ("tidak menyalahkan X, tetapi menuduhnya ..."): the
second verb shares the first one's subject, its object clitic is the first verb's object, and
what it asserts is told as fact beside the negated first verb. Invented sentences."""

from __future__ import annotations

from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures


def test_the_verb_after_tetapi_has_the_first_verbs_subject(run):
    body = (
        "Menteri Budi Santoso tidak menyalahkan Malaysia, tetapi menuduh China melanggar "
        "perjanjian perbatasan, Selasa (19/3/2024)."
    )
    found = run(body)
    assert ("112", "IDNGOV", "CHN") in found
    assert not [e for e in found if e[2] == "MYS"]  # the blame is denied


def test_the_object_clitic_after_tetapi_is_the_first_verbs_object(run):
    body = (
        "Menteri Budi Santoso tidak secara langsung menyalahkan Malaysia atas insiden itu, tetapi "
        "menuduhnya melanggar perjanjian perbatasan, Selasa (19/3/2024)."
    )
    assert ("112", "IDNGOV", "MYS") in run(body)


def test_a_clause_after_tetapi_with_its_own_subject_keeps_it(run):
    body = "Menteri Budi Santoso tidak mengecam China, tetapi Malaysia mengecam Rusia, Selasa (19/3/2024)."
    found = run(body)
    assert ("111", "MYS", "RUS") in found
    assert ("111", "IDNGOV", "RUS") not in found


def test_a_passive_after_tetapi_is_no_act_of_the_first_subject(run):
    body = "Polda Jawa Timur menahan Agus Salim, tetapi dibebaskan oleh Menteri Budi Santoso, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[1] == "IDNCOP" and e[0] != "173"]


def test_the_second_act_on_the_same_side_after_tetapi(run):
    body = "Polda Jawa Timur menahan Agus Salim, tetapi kemudian membebaskannya, Selasa (19/3/2024)."
    assert [e for e in run(body) if e[0] == "0841" and e[1] == "IDNCOP"]
