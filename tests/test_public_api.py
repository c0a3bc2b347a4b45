"""The public API is small and typed: what `import kabar` offers is exactly this."""

import inspect

import kabar

PUBLIC = {
    "extract", "__version__",
    "Article", "Entity", "Event", "EventActor", "Evidence", "Location", "Mention", "Quote", "Sentence",
    "KabarError", "InputError", "ConfigError", "StoreError", "QueryError",
}


def test_all_names_exactly_the_public_api():
    assert set(kabar.__all__) == PUBLIC
    assert len(kabar.__all__) == len(set(kabar.__all__))
    for name in kabar.__all__:
        assert getattr(kabar, name) is not None, name


def test_errors_form_one_hierarchy():
    for name in ("InputError", "ConfigError", "StoreError", "QueryError"):
        assert issubclass(getattr(kabar, name), kabar.KabarError)


def test_extract_is_typed_and_takes_metadata_by_keyword():
    signature = inspect.signature(kabar.extract)
    params = signature.parameters
    assert list(params)[:1] == ["text_or_html"]
    assert params["lang"].kind is inspect.Parameter.KEYWORD_ONLY and params["lang"].default == "id"
    assert params["source"].kind is inspect.Parameter.KEYWORD_ONLY
    assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    assert signature.return_annotation in ("Article", kabar.Article)


def test_extract_returns_an_article_with_its_contract():
    article = kabar.extract("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo, Senin (3/6/2024).",
                            published="2024-06-04")
    assert isinstance(article, kabar.Article)
    data = article.to_dict()
    for key in ("id", "language", "published", "title", "body", "sentences", "entities", "quotes", "events",
                "warnings"):
        assert key in data
