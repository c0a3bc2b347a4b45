from kabar.errors import ExtractionError, InputError
from kabar.pipeline import DEFAULT_STAGES, Pipeline, get_pipeline
from kabar.registry import PerDocumentStage, register_stage


def test_stage_order_is_declared_once():
    assert DEFAULT_STAGES == ("structure", "segment", "language", "entities", "quotes", "events")
    assert [s.name for s in get_pipeline("id").stages] == list(DEFAULT_STAGES)


def test_pipe_gives_the_same_articles_as_one_by_one():
    pipeline = get_pipeline("id")
    texts = [
        "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo pada Senin (12/6/2023).",
        "",
        "Menteri Luar Negeri Retno Marsudi mengecam serangan Israel ke Rafah, kata juru bicara Kemlu.",
    ]
    docs = []
    for i, text in enumerate(texts):
        try:
            docs.append(pipeline.make_document(text, source=f"t{i}"))
        except InputError:
            pass
    piped = [result for _, result in pipeline.pipe(docs, batch_size=2)]
    single = [pipeline(t, source=f"t{i}") for i, t in enumerate(texts) if t]
    assert [a.to_dict() for a in piped] == [a.to_dict() for a in single]


@register_stage("test-explodes-on-x", requires=("body",))
class _Explodes(PerDocumentStage):
    name = "test-explodes-on-x"

    def __init__(self, pack):
        pass

    def __call__(self, doc):
        if "meledak" in doc.article.body:
            raise RuntimeError("boom")


def test_a_bug_on_one_article_is_reported_and_the_rest_go_on():
    pipeline = Pipeline(stages=("structure", "test-explodes-on-x"))
    docs = [pipeline.make_document(t, source=s) for s, t in [("a", "Harga beras naik."), ("b", "Bom meledak."),
                                                             ("c", "Hujan turun.")]]
    results = {doc.source: result for doc, result in pipeline.pipe(docs)}
    assert isinstance(results["b"], ExtractionError) and "boom" in str(results["b"]) and "b:" in str(results["b"])
    assert results["a"].body == "Harga beras naik." and results["c"].body == "Hujan turun."


def test_warm_loads_what_stages_load_on_first_use():
    # ingest workers are forked after warm(): none of them should load the parser again
    pipe = Pipeline("id")
    parser = next(s for s in pipe.stages if s.name == "events").parser
    assert not parser._loaded
    assert pipe.warm() is pipe
    assert parser._loaded and parser.nlp is not None
