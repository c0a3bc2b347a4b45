"""Property-based tests: kabar under random and broken input.

Every test states its own number of cases (`examples(n)`); `KABAR_PROPERTY_SCALE=10` runs ten
times as many (the soak script, `bench/soak.py`, runs far more). Each case must end with a
result or with one of kabar's own errors (`KabarError`), in bounded time.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("KABAR_PROPERTY_SCALE", "1"))

settings.register_profile(
    "kabar",
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture,
    ],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kabar"))


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


@pytest.fixture(scope="session")
def warm_pipeline():
    """The whole pipeline, loaded and run once, so that no case pays for loading the models."""
    from kabar.pipeline import get_pipeline

    pipeline = get_pipeline("id")
    _warm(pipeline)
    return pipeline


@pytest.fixture(scope="session")
def warm_foundation(foundation):
    """The pipeline up to sentences, run once on text and on HTML (trafilatura loads then)."""
    _warm(foundation)
    return foundation


def _warm(pipeline) -> None:  # noqa: ANN001
    text = "JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu Menlu Malaysia di Jakarta, Senin."
    pipeline(text)
    pipeline(f"<html><head><title>Berita</title></head><body><article><p>{text}</p></article></body></html>")
