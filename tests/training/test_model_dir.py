"""Saving a trained model never deletes what kabar did not write: `--out` must be a model folder."""

from pathlib import Path

import pytest

from kabar.errors import ConfigError
from kabar.training.modeldir import replace_model_dir

SHIPPED = Path(__file__).resolve().parents[2] / "kabar" / "lang" / "id" / "models"


def test_a_folder_that_is_not_a_model_is_refused_and_kept(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a spaCy model folder"):
        replace_model_dir(tmp_path)
    assert (tmp_path / "notes.txt").exists()


def test_a_model_folder_with_foreign_files_is_refused(tmp_path):
    for name in ("meta.json", "config.cfg"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "thesis.tex").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match="thesis.tex"):
        replace_model_dir(tmp_path)
    assert (tmp_path / "thesis.tex").exists()


def test_a_model_folder_is_replaced(tmp_path):
    for name in ("meta.json", "config.cfg"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "cfg").write_text("{}", encoding="utf-8")
    replace_model_dir(tmp_path)
    assert not tmp_path.exists()


@pytest.mark.parametrize("name", ["ner", "parser"])
def test_the_shipped_models_count_as_model_folders(name, tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / name
    shutil.copytree(SHIPPED / name, copy)
    replace_model_dir(copy)
    assert not copy.exists()
