"""Tests of the typed pack sections the `events` stage reads (kabar/events/config.py)."""

from __future__ import annotations

import pytest

from kabar.errors import ConfigError
from kabar.events.config import (
    EntrySpec,
    EventsSection,
    events_section,
    generic_actors,
    modality_section,
    time_section,
)
from kabar.events.dates import DateResolver
from kabar.lang import LanguagePack, load_pack


def toy_pack(tmp_path, **files: str) -> LanguagePack:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return LanguagePack("xx", tmp_path, {"code": "xx", "name": "Toy", "detector_languages": ["ENGLISH"]})


def test_the_indonesian_pack_files_validate():
    pack = load_pack("id")
    events = events_section(pack)
    assert len(events.entries) > 100 and events.settings.subject_window == 10
    assert modality_section(pack).negated.cues
    assert time_section(pack).weekday_words
    assert generic_actors(pack).rows


def test_unknown_key_names_file_and_key(tmp_path):
    pack = toy_pack(tmp_path, **{"events.yaml": "settings:\n  subject_windw: 3\n"})
    with pytest.raises(ConfigError, match=r"xx/events\.yaml.*settings\.subject_windw"):
        events_section(pack)


def test_wrong_type_in_an_entry_names_it(tmp_path):
    pack = toy_pack(tmp_path, **{"modality.yaml": "negated:\n  window: many\n"})
    with pytest.raises(ConfigError, match=r"xx/modality\.yaml.*negated\.window"):
        modality_section(pack)


def test_a_hyphenated_without_word_is_refused(tmp_path):
    # its "-" would be looked for alone and drop the entry from every "undang-undang" sentence
    text = 'entries:\n  - code: "020"\n    verbs: [mengajak]\n    without: [ngobrol, jalan-jalan]\n'
    pack = toy_pack(tmp_path, **{"events.yaml": text})
    with pytest.raises(ConfigError, match=r"xx/events\.yaml.*without.*jalan-jalan"):
        events_section(pack)


def test_generic_actor_row_without_role_is_refused(tmp_path):
    pack = toy_pack(tmp_path, **{"generic_actors.tsv": "phrase\trole\tflags\npolice\t\t\n"})
    with pytest.raises(ConfigError, match=r"xx/generic_actors\.tsv.*role"):
        generic_actors(pack)


def test_defaults_live_in_the_section():
    section = EventsSection()
    assert section.settings.subject_window == 10 and section.state_code_roles == ["GOV", "MIL", "COP", "SPY"]
    entry = EntrySpec.model_validate({"code": "042", "with": ["x"]})
    assert entry.source == ["subj"] and entry.target == ["obj"] and entry.with_ == ["x"]
    assert entry.needs_target is None  # decided by the root (EventsSection.untargeted_roots)


def test_a_pack_without_time_words_reads_only_numeric_dates(tmp_path):
    pack = toy_pack(tmp_path)
    found = DateResolver(pack).find("on 17/10/2021 and 5/3", "2021-10-19")
    assert [(t.text, t.iso()) for t in found] == [("17/10/2021", "2021-10-17")]
