import gc

import pytest

from kabar.collection import YOUNG_THRESHOLD, fewer_collections
from kabar.pipeline import get_pipeline


@pytest.fixture
def thresholds():
    saved, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*saved)
    (gc.enable if enabled else gc.disable)()


def test_young_threshold_is_raised_inside_and_restored_after(thresholds):
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_thresholds_are_restored_when_the_block_fails(thresholds):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("stage failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_the_caller_tuned_or_disabled_is_left_alone(thresholds):
    gc.set_threshold(50_000, 5, 5)
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 5, 5)
    gc.set_threshold(700, 10, 10)
    gc.disable()
    with fewer_collections():
        assert gc.get_threshold() == (700, 10, 10)
        assert not gc.isenabled()


def test_extraction_leaves_the_callers_thresholds_as_they_were(thresholds):
    gc.set_threshold(700, 10, 10)
    pipe = get_pipeline("id")
    article = pipe("Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta, Senin (9/9/2019).")
    docs = [pipe.make_document("Menteri Luar Negeri Retno Marsudi mengunjungi Kairo.", source="a")]
    assert list(pipe.pipe(docs))[0][1].body
    assert article.body
    assert gc.get_threshold() == (700, 10, 10)
