"""Replacing a model folder without ever deleting what kabar did not write there."""

from __future__ import annotations

import shutil
from pathlib import Path

from kabar.errors import ConfigError

# The spaCy releases a saved model declares it loads in (its meta.json `spacy_version`): kabar
# runs spaCy 3.7.5 on Python 3.11 and 3.8 on newer ones (pyproject.toml), and the models give
# the same entities and parses in both. Without it, a model saved by one warns in the other.
SPACY_VERSIONS = ">=3.7.5,<3.9.0"


def replace_model_dir(out: Path) -> None:
    """Remove the spaCy pipeline folder `out` before a new model is saved there. A folder
    that is not one (no meta.json and config.cfg), or that holds anything a pipeline does not
    (other than *.md notes, which the callers keep), is refused: `--out .` must never empty
    the working directory."""
    out = Path(out)
    if not out.exists():
        return
    if not (out / "meta.json").is_file() or not (out / "config.cfg").is_file():
        raise ConfigError(f"{out}: not a spaCy model folder (no meta.json and config.cfg); give a new --out")
    allowed = {"meta.json", "config.cfg", "tokenizer", "vocab", "scores.json"}
    foreign = [
        p.name
        for p in out.iterdir()
        if p.name not in allowed
        and p.suffix != ".md"
        and not (p.is_dir() and (p / "cfg").exists())
        and not (p.is_dir() and (p / "model").exists())
    ]
    if foreign:
        raise ConfigError(
            f"{out}: holds files a model does not ({', '.join(sorted(foreign))}); give a new --out"
        )
    shutil.rmtree(out)
