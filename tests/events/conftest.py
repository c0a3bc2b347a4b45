"""Fixtures of the `events` tests: the Indonesian pack, the stage and the segmenter."""

from __future__ import annotations

import pytest

from kabar.events import EventExtractor
from kabar.lang import load_pack
from kabar.segment import Segmenter


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


@pytest.fixture(scope="module")
def stage(pack):
    return EventExtractor(pack)


@pytest.fixture(scope="module")
def segmenter(pack):
    return Segmenter(pack)
