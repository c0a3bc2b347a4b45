"""Issue 11 (helper pol): a country's name used as a person's given name after a title and
before a name particle ('Kolonel Turki al-Maliki', the Saudi coalition's spokesman, had been
read as Turkey and his accusations lost). Every sentence is invented for the test."""

from __future__ import annotations

import pytest

import kabar


def _entities(sentence: str) -> dict[str, str | None]:
    return {e.name: e.type for e in kabar.extract(sentence, published="2024-03-20").entities}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Juru bicara koalisi, Kolonel Turki al-Badri, mengatakan drone itu buatan Iran.", "Turki al-Badri"),
        ("Pangeran Turki bin Faisal mengecam Iran pada Senin.", "Turki bin Faisal"),
    ],
)
def test_a_country_word_between_a_title_and_a_particle_is_a_given_name(sentence, name):
    found = _entities(sentence)
    assert found.get(name) == "PER" and "Turkey" not in found


def test_a_country_after_a_title_and_before_a_name_is_still_the_country():
    found = _entities("Presiden Turki Recep Tayyip Erdogan mengecam Israel pada Senin.")
    assert "Turkey" in found and "Recep Tayyip Erdogan" in found
