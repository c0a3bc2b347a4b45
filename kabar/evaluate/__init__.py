"""Score kabar's output against hand annotations (gold files).

A gold file (``*.gold.json``) describes one article: ``id``, where its text is (``file``, relative
to the gold file, or ``corpus_id``, the id of a line in a JSON Lines corpus) and what a careful
reader finds in it: metadata (``published``, ``author``, ``title``, ``captions``, ``tags``,
``language``), ``entities``, ``quotes`` and ``events``. See ``docs/evaluation.md`` for the format
and the matching rules, which follow the gold files' ``notes``:

* entities match on their normalised name, or when any gold mention text equals the predicted
  entity's name or one of its mention texts;
* a predicted quote matches a gold quote when its text starts with the gold ``text_start``
  (whitespace and quotation marks normalised); attribution is right when the predicted
  ``speaker_name``, or the name of the speaker entity, is the gold speaker;
* a predicted event matches a gold event when the CAMEO root (first two digits) of its code is
  the root of the gold ``code`` or of one of its ``alts``, the source and target countries match
  (either order when ``symmetric``), and, when the gold gives a ``date``, the predicted date is
  within ``date_window_days`` (default 1). Only factual predicted events are predictions.

Gold items marked optional (``"optional": true``, or ``"required": false`` for events) neither
reward nor punish: missing one is not a miss, and a prediction that matches one is not a false
alarm. Matching is one-to-one and greedy (best-scoring pairs first).

The modules: `gold` (reading and checking gold and prediction files), `corpus` (articles named by
corpus id), `normalise` (the forms compared), `matching` (one-to-one matching), `metadata`,
`entities`, `quotes` and `events` (each section's rules), `scores` and `report` (the counts and
their micro averages), `run` (`evaluate`).
"""

from kabar.evaluate.corpus import DEFAULT_CORPUS, CorpusArticle, read_corpus_articles, resolve_corpus
from kabar.evaluate.entities import match_entities
from kabar.evaluate.events import event_matches, is_factual, mismatch
from kabar.evaluate.gold import GOLD_SUFFIX, Gold, GoldError, load_gold_dir, load_gold_file, load_prediction
from kabar.evaluate.matching import greedy_match
from kabar.evaluate.normalise import norm_name, norm_text, shorten
from kabar.evaluate.report import FACTUAL_NOTE, Report
from kabar.evaluate.run import evaluate, predict, score_article
from kabar.evaluate.scores import METADATA_FIELDS, PRF, Accuracy, FileResult, Problem

__all__ = [
    "DEFAULT_CORPUS",
    "FACTUAL_NOTE",
    "GOLD_SUFFIX",
    "METADATA_FIELDS",
    "PRF",
    "Accuracy",
    "CorpusArticle",
    "FileResult",
    "Gold",
    "GoldError",
    "Problem",
    "Report",
    "evaluate",
    "event_matches",
    "greedy_match",
    "is_factual",
    "load_gold_dir",
    "load_gold_file",
    "load_prediction",
    "match_entities",
    "mismatch",
    "norm_name",
    "norm_text",
    "predict",
    "read_corpus_articles",
    "resolve_corpus",
    "score_article",
    "shorten",
]
