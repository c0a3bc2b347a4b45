import dataclasses
import gc

import pytest

from kabar import registry
from kabar.collection import YOUNG_THRESHOLD, collections_paused, fewer_collections
from kabar.pipeline import Pipeline, get_pipeline


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


def test_collections_paused_stops_collections_and_restores_the_thresholds(thresholds):
    gc.enable()
    gc.set_threshold(700, 10, 10)
    collected = []

    def record(phase, info):  # noqa: ANN001, ANN202
        if phase == "start":
            collected.append(info["generation"])

    gc.callbacks.append(record)
    try:
        with pytest.raises(RuntimeError), collections_paused():
            gc.disable()
            gc.enable()  # as srsly does around every msgpack read
            junk = [[] for _ in range(50_000)]  # far over the young threshold
            assert junk and not collected
            raise RuntimeError("loading failed")
    finally:
        gc.callbacks.remove(record)
    assert gc.get_threshold() == (700, 10, 10) and gc.isenabled()


def test_a_pipeline_loads_without_collections_and_leaves_the_collector_on(thresholds, monkeypatch):
    seen = []
    spec = registry.stage_spec("structure")

    def recording(pack):  # noqa: ANN001, ANN202
        seen.append(gc.get_threshold()[0])
        return spec.factory(pack)

    monkeypatch.setitem(registry._specs, "structure", dataclasses.replace(spec, factory=recording))
    gc.set_threshold(700, 10, 10)
    pipeline = Pipeline("id", stages=("structure",))
    assert seen == [0]
    assert pipeline.warm() is pipeline
    assert gc.get_threshold() == (700, 10, 10)
