"""The stage contract: each stage declares what it needs and adds; a wrong order is refused
when the pipeline is built, and a failing batch is logged, not swallowed."""

import logging

import pytest

from kabar.errors import ConfigError
from kabar.pipeline import DEFAULT_STAGES, Pipeline
from kabar.registry import PerDocumentStage, Stage, check_order, register_stage, stage_spec


def test_every_builtin_stage_declares_what_it_requires_and_assigns():
    for name in DEFAULT_STAGES:
        spec = stage_spec(name)
        assert spec.assigns, name
    assert check_order(DEFAULT_STAGES)


def test_a_stage_before_what_it_needs_is_refused_when_the_pipeline_is_built():
    with pytest.raises(ConfigError, match=r"'events' needs .*view.*structure → events"):
        Pipeline(stages=("structure", "events"))


def test_an_unknown_stage_names_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown pipeline stage 'tokenise'.*segment"):
        Pipeline(stages=("structure", "tokenise"))


def test_a_stage_registered_twice_under_one_name_is_refused():
    @register_stage("test-registered-once")
    class First(PerDocumentStage):
        def __init__(self, pack):
            pass

    with pytest.raises(ConfigError, match="registered twice"):

        @register_stage("test-registered-once")
        class Second(PerDocumentStage):
            def __init__(self, pack):
                pass


@register_stage("test-batch-breaks", requires=("body",))
class _BatchBreaks(PerDocumentStage):
    name = "test-batch-breaks"

    def __init__(self, pack):
        pass

    def __call__(self, doc):
        if "rusak" in doc.article.body:
            raise ValueError("bad article")

    def pipe(self, docs):
        raise RuntimeError("the batch path broke")


def test_a_batch_failure_is_logged_and_the_batch_redone_one_by_one(caplog):
    pipeline = Pipeline(stages=("structure", "test-batch-breaks"))
    assert isinstance(pipeline.stages[1], Stage)
    docs = [pipeline.make_document(t, source=s) for s, t in [("a", "Harga naik."), ("b", "Jalan rusak.")]]
    with caplog.at_level(logging.WARNING, logger="kabar.pipeline"):
        results = dict((doc.source, r) for doc, r in pipeline.pipe(docs))
    assert "the batch path broke" in caplog.text and "test-batch-breaks" in caplog.text
    assert results["a"].body == "Harga naik."
    assert "bad article" in str(results["b"])
