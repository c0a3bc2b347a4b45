"""Issue 11, national news: an office's ordinal written with a hyphen ("Presiden ke-3 RI X",
"Presiden RI ke-3, X") is part of the title before the person, on invented sentences."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures

from kabar.pipeline import get_pipeline

def test_a_hyphen_ordinal_after_the_office_is_no_preposition(run):
    """'ke' in 'Presiden ke-3' writes the ordinal; the person after it is the object."""
    body = "Budi Santoso menjenguk Presiden ke-3 Agus Salim di rumah sakit di Jakarta, Senin."
    assert ("042", "IDNGOV", "IDN") in run(body)


def test_a_plain_ke_still_opens_a_prepositional_phrase(run):
    """Without the hyphen and the number, 'ke' is the preposition: no object after it."""
    assert not any(e[0] == "042" for e in run("Budi Santoso menjenguk ke Agus Salim di Jakarta, Senin."))


@pytest.mark.parametrize(
    "text",
    [
        "Gubernur Jakarta Dedi Kurnia menjenguk Presiden ke-3 RI Bambang Sutrisno di rumah sakit, Senin.",
        "Gubernur Jakarta Dedi Kurnia menjenguk Presiden RI ke-3 Bambang Sutrisno di rumah sakit, Senin.",
        "Gubernur Jakarta Dedi Kurnia menjenguk Presiden ke-3 RI, Bambang Sutrisno, di rumah sakit, Senin.",
    ],
)
def test_a_hyphen_ordinal_makes_a_former_office_holder(text):
    """'Presiden ke-3 RI X' is one holder in a line, a former one: elite (ELI), as 'Presiden ketiga'."""
    article = get_pipeline("id").run(get_pipeline("id").make_document(text))
    person = next(e for e in article.entities if e.name == "Bambang Sutrisno")
    assert person.actor_code == "IDNELI"
