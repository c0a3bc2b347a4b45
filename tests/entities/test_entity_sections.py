"""kabar.entities.sections: the pack files the stage reads, typed and validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kabar.entities import sections
from kabar.errors import ConfigError
from kabar.lang import LanguagePack, load_pack


@pytest.fixture()
def copied_pack(tmp_path: Path) -> LanguagePack:
    """A copy of the Indonesian pack's entity files, to break one at a time."""
    source = load_pack("id")
    for name in (
        "pack.yaml",
        "entities.yaml",
        "actors.yaml",
        "titles.tsv",
        "roles.tsv",
        "countries.tsv",
        "places.tsv",
    ):
        shutil.copy(source.file(name), tmp_path / name)
    return LanguagePack(code="id", path=tmp_path, config=dict(source.config))


def test_the_indonesian_files_load_with_their_values():
    pack = load_pack("id")
    cues = sections.load_cues(pack)
    assert "di" in cues.locative_before and cues.city_min_population == 1_000_000
    assert "on" in cues.function_words  # quoted in the file: YAML would read `on` as true
    assert {"YES", "NO"} <= set(cues.not_acronyms)
    titles = {row.title: row for row in sections.title_rows(pack)}
    assert titles["Mayjen"].canonical == "Mayor Jenderal" and titles["Mayjen"].kind == "rank"
    assert titles["Jenderal"].canonical is None  # an empty cell is a missing value
    roles = {row.keyword: row for row in sections.role_rows(pack)}
    assert roles["Angkatan Bersenjata"].head == "yes" and roles["Angkatan Bersenjata"].role == "MIL"
    kinds = {row.kind for row in sections.country_rows(pack)}
    assert kinds == {"name", "abbr", "demonym", "capital", "not"}
    assert all(row.type in {"GPE", "LOC"} for row in sections.place_rows(pack))


def test_actor_periods_read_unquoted_dates_as_iso_strings():
    prabowo = next(a for a in sections.load_actors(load_pack("id")).actors if a.name == "Prabowo Subianto")
    assert prabowo.periods and all(p.until is None or len(p.until) == 10 for p in prabowo.periods)
    assert [p.until for p in prabowo.periods][:2] == ["2019-10-22", "2024-10-19"]


def test_an_unknown_key_names_the_file_and_the_key(copied_pack: LanguagePack):
    path = copied_pack.file("entities.yaml")
    path.write_text(path.read_text(encoding="utf-8") + "\nlocative_befor: [di]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"id/entities\.yaml.*locative_befor"):
        sections.load_cues(copied_pack)


def test_a_bad_tsv_cell_names_the_file_the_row_and_the_column(copied_pack: LanguagePack):
    path = copied_pack.file("titles.tsv")
    path.write_text(
        path.read_text(encoding="utf-8") + "Kolonel Tituler\tMIL\t\t\tpangkat\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"id/titles\.tsv.*rows\.\d+\.kind"):
        sections.title_rows(copied_pack)


def test_a_pack_without_the_files_has_empty_sections(tmp_path: Path):
    (tmp_path / "pack.yaml").write_text(
        "code: xx\nname: Test\ndetector_languages: [ENGLISH]\n", encoding="utf-8"
    )
    pack = LanguagePack(code="xx", path=tmp_path, config={})
    assert sections.load_cues(pack) == sections.EntityCues()
    assert sections.load_actors(pack).actors == []
    assert sections.title_rows(pack) == [] and sections.place_rows(pack) == []
