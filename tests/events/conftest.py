"""Fixtures shared by the `events` tests: the stage and the segmenter of the Indonesian pack."""

from __future__ import annotations

import pytest

from kabar.events import EventExtractor
from kabar.lang import load_pack
from kabar.segment import Segmenter


@pytest.fixture(scope="session")
def stage():
    return EventExtractor(load_pack("id"))


@pytest.fixture(scope="session")
def segmenter():
    return Segmenter(load_pack("id"))
