"""Running the evaluation: predictions from kabar (or from files), scored against every gold file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kabar.evaluate.corpus import CorpusArticle, read_corpus_articles, resolve_corpus
from kabar.evaluate.entities import score_entities
from kabar.evaluate.events import score_events
from kabar.evaluate.gold import Gold, GoldError, load_gold_dir, load_prediction
from kabar.evaluate.metadata import score_metadata
from kabar.evaluate.quotes import score_quotes
from kabar.evaluate.report import Report
from kabar.evaluate.scores import FileResult


def score_article(gold: Gold, pred: dict[str, Any], article_ref: str | None = None) -> FileResult:
    """Score one predicted article (an `Article.to_dict()`) against its gold file."""
    res = FileResult(id=gold.id, gold_path=str(gold.path), article_path=article_ref or gold.article_ref)
    score_metadata(gold.data, pred, res)
    entity_matching = score_entities(gold.data, pred, res)
    score_quotes(gold.data, pred, res, entity_matching)
    score_events(gold.data, pred, res)
    return res


def predict(gold: Gold, lang: str | None = None, article: CorpusArticle | None = None) -> dict[str, Any]:
    """Run `kabar.extract` on a gold file's article: its text file, or its corpus line.

    A corpus line reaches extraction with its metadata (url, published, title...), as
    `kabar ingest` passes it, so metadata is scored as ingest would produce it.
    """
    import kabar

    lang = lang or gold.data.get("language") or "id"
    if article is not None:
        extracted = kabar.extract(
            article.text, lang=lang, source=article.source, is_html=article.is_html, **article.metadata
        )
    else:
        extracted = kabar.extract(gold.read_article(), lang=lang, source=str(gold.article_path), id=gold.id)
    return extracted.to_dict()


def corpus_articles(
    golds: list[Gold], gold_dir: str | Path, corpus: str | Path | None
) -> tuple[Path | None, dict[str, CorpusArticle]]:
    """The corpus lines the gold files name, read in one pass; a missing id names its gold file."""
    needing = [g for g in golds if g.corpus_id]
    if not needing:
        return None, {}
    path = resolve_corpus(corpus, gold_dir, needed_by=needing[0].path)
    found = read_corpus_articles(path, {str(g.corpus_id) for g in needing})
    for g in needing:
        if g.corpus_id not in found:
            raise GoldError(str(g.path), f"its corpus_id '{g.corpus_id}' is not in the corpus {path}")
    return path, found


def _predict_or_error(
    gold: Gold, lang: str | None, article: CorpusArticle | None
) -> tuple[dict[str, Any], str | None]:
    if article is None:
        gold.read_article()  # a missing article file is the gold file's fault: raise GoldError
    try:
        return predict(gold, lang, article), None
    except Exception as exc:  # noqa: BLE001 - reported per article, the others still scored
        return {}, f"{type(exc).__name__}: {exc}"


def evaluate(
    gold_dir: str | Path,
    pred_dir: str | Path | None = None,
    lang: str | None = None,
    golds: Iterable[Gold] | None = None,
    corpus: str | Path | None = None,
) -> Report:
    """Score kabar (or the predictions in `pred_dir`) on every gold file in `gold_dir`.

    Gold files naming a `corpus_id` read their article from `corpus` (a JSON Lines file; by
    default ../shared/corpus/id-news.jsonl, see `kabar.evaluate.corpus.corpus_candidates`).
    Gold, prediction and corpus problems raise `GoldError`. When kabar fails on an article, the
    failure is recorded in the report (`Report.errors`) and the article is scored as if nothing
    had been found, so one broken article does not hide the others' scores.
    """
    gold_list = list(golds) if golds is not None else load_gold_dir(gold_dir)
    if pred_dir is not None and not Path(pred_dir).is_dir():
        raise GoldError(str(pred_dir), "no such folder of predictions")
    report = Report(gold_dir=str(gold_dir), predictions=str(pred_dir) if pred_dir is not None else "pipeline")
    articles: dict[str, CorpusArticle] = {}
    if pred_dir is None:
        corpus_path, articles = corpus_articles(gold_list, gold_dir, corpus)
        report.corpus = str(corpus_path) if corpus_path is not None else None
    for gold in gold_list:
        article = articles.get(gold.corpus_id) if gold.corpus_id else None
        error = None
        if pred_dir is not None:
            pred = load_prediction(pred_dir, gold.id)
        else:
            pred, error = _predict_or_error(gold, lang, article)
        res = score_article(gold, pred, article.source if article is not None else None)
        res.error = error
        report.files.append(res)
    return report
