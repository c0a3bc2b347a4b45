from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_68ca3957bdcd67be.txt"
GOLD = SHARED / "gold" / "000_68ca3957bdcd67be.gold.json"


@pytest.fixture(scope="session")
def pack():
    from kabar.lang import load_pack

    return load_pack("id")


@pytest.fixture(scope="session")
def foundation():
    """The pipeline up to sentences: structure, language, segment."""
    from kabar.pipeline import Pipeline

    return Pipeline(stages=("structure", "segment", "language"))


def need_shared(path: Path = SEED) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is not beside the repository)")
    return path
