"""kabar eval on the held-out gold set (tests/data/gold): 12 invented articles, hand-annotated
before kabar was run on them (see bench/results/heldout.md for the scores and the error list).

Metadata (published, author, captions, tags) is deterministic and must be right for every article.
The section scores are checked against REGRESSION FLOORS, not targets: each floor is the score
observed on 2026-11-26 minus 0.1, so a change that makes a stage clearly worse fails here while
ordinary movement does not. Raise the floors when the stages improve.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.evaluate import evaluate, load_gold_dir

GOLD_DIR = Path(__file__).parent / "data" / "gold"
N_ARTICLES = 12
METADATA = ("published", "author", "captions", "tags")

# Articles whose detected language is wrong today (strict xfail: the test fails once the
# language stage gets them right, so the mark must then be removed). 006 and 009 were read as
# Malay at confidence 1.0 until the language stage let each sentence vote (2026-11-26).
LANGUAGE_KNOWN_WRONG: dict[str, str] = {}

# Regression floors (observed 2026-11-26 minus 0.1, rounded down), NOT targets.
# observed (after the last round of entity, quote and event fixes, 2026-11-26):
#   entities P .961 R .879 F1 .918; quotes P 1.0 R 1.0 F1 1.0, attribution 1.0;
#   events P .917 R .541 F1 .680
FLOORS = {
    ("entities", "precision"): 0.86,
    ("entities", "recall"): 0.77,
    ("entities", "f1"): 0.81,
    ("quotes", "precision"): 0.90,
    ("quotes", "recall"): 0.90,
    ("quotes", "f1"): 0.90,
    ("events", "precision"): 0.81,
    ("events", "recall"): 0.44,
    ("events", "f1"): 0.58,
}
ATTRIBUTION_FLOOR = 0.87
# country and actor code raised after the affiliation step and the role-phrase rules (issue 12,
# 2026-12-06: observed country 0.98, actor code 0.95, minus 0.1)
ENTITY_ATTRIBUTE_FLOORS = {"country": 0.88, "actor_code": 0.85}

GOLD_IDS = sorted(g.id for g in load_gold_dir(GOLD_DIR))


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD_DIR)


@pytest.fixture(scope="module")
def files(report):
    return {f.id: f for f in report.files}


def test_the_held_out_set_has_twelve_articles_with_their_texts():
    golds = load_gold_dir(GOLD_DIR)
    assert len(golds) == N_ARTICLES
    for gold in golds:
        assert gold.article_path is not None and gold.article_path.is_file(), gold.id
        words = len(gold.read_article().split())
        assert 120 <= words <= 320, (gold.id, words)  # 120-300 words of text, plus dateline and trailer


def test_report_covers_every_article_without_errors(report):
    assert len(report.files) == N_ARTICLES
    assert sorted(f.id for f in report.files) == GOLD_IDS
    assert report.errors == []
    # every article was scored in every section
    for f in report.files:
        assert f.entities.tp + f.entities.fn > 0, f.id
        assert f.quotes.tp + f.quotes.fn > 0, f.id
        assert f.events.tp + f.events.fn > 0, f.id
    assert report.to_dict()["articles"] == N_ARTICLES


@pytest.mark.parametrize("gold_id", GOLD_IDS)
def test_metadata_is_exact(files, gold_id):
    res = files[gold_id]
    wrong = [p.what for p in res.problems if p.section == "metadata" and not p.what.startswith("language")]
    assert wrong == []
    for name in METADATA:
        acc = res.metadata[name]
        assert (acc.correct, acc.total) == (1, 1), (gold_id, name)
    assert res.metadata["title"].correct == 1  # no title line in scraped text: null


@pytest.mark.parametrize(
    "gold_id",
    [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason=LANGUAGE_KNOWN_WRONG[i]))
        if i in LANGUAGE_KNOWN_WRONG
        else i
        for i in GOLD_IDS
    ],
)
def test_language_is_indonesian(files, gold_id):
    assert files[gold_id].metadata["language"].correct == 1


@pytest.mark.parametrize(("section", "measure"), sorted(FLOORS))
def test_section_scores_stay_above_regression_floors(report, section, measure):
    value = getattr(getattr(report, section), measure)
    assert value is not None and value >= FLOORS[(section, measure)], (section, measure, value)


def test_attribution_and_entity_attributes_stay_above_regression_floors(report):
    assert report.attribution.accuracy >= ATTRIBUTION_FLOOR
    attrs = report.entity_attrs()
    for name, floor in ENTITY_ATTRIBUTE_FLOORS.items():
        assert attrs[name].accuracy >= floor, (name, attrs[name].accuracy)
    # direct/indirect is never confused on this set
    assert report.to_dict()["quotes"]["kind"]["accuracy"] == 1.0


# ---------------------------------------------------------------- real-dev: real articles by corpus_id
#
# ../shared/gold/real-dev holds 24 real corpus articles, hand-annotated, named by corpus_id (their
# text stays in ../shared/corpus/id-news.jsonl, never in this repository). The floors below are
# the figures at the end of 2026-12-06 (after issues 10-12's work; the morning's baseline is in
# bench/results/baseline-2026-12-06/), rounded down at the third decimal: any loss fails. Raise
# them when the stages improve.

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_DEV = SHARED / "gold" / "real-dev"
REAL_DEV_CORPUS = SHARED / "corpus" / "id-news.jsonl"
REAL_DEV_FLOORS = {
    # issue 12's detection work (capitals as places, companies, venues, lists, platforms): P 0.979
    # R 0.874 F1 0.924 with capital metonyms as the country (entities.yaml capital_metonym_is_city)
    ("entities", "precision"): 0.979,
    ("entities", "recall"): 0.873,
    ("entities", "f1"): 0.923,
    # issue 12's "who said it" work: P 0.814 (19 false alarms, mostly indirect speech the gold
    # leaves out), attribution 1.000 (83/83); floored a little below (0.80, 0.96) to leave room
    # for the entity work still moving the names speakers are linked to
    ("quotes", "precision"): 0.80,
    ("quotes", "recall"): 1.0,
    # issue 11's second round (claims, titles, frames) gave P 0.973 R 0.766 (36/47); floored at
    # the targets and one event of slack below the recall seen, other stages still moving
    ("events", "precision"): 0.85,
    ("events", "recall"): 0.744,
    ("events", "f1"): 0.80,
}
REAL_DEV_ATTRIBUTION_FLOOR = 0.96
# country and actor code after the affiliation step and the role-phrase rules (observed 0.93 and
# 0.92 with the day's detection work in progress; floored at 0.90 to leave detection room)
REAL_DEV_ENTITY_ATTRIBUTE_FLOORS = {"country": 0.900, "actor_code": 0.900}
REAL_DEV_METADATA_CORRECT = 140  # of 144 fields


@pytest.fixture(scope="module")
def real_dev_report():
    if not REAL_DEV.is_dir() or not REAL_DEV_CORPUS.is_file():
        pytest.skip(f"{REAL_DEV} or {REAL_DEV_CORPUS} not present (../shared is not beside the repository)")
    return evaluate(REAL_DEV, corpus=REAL_DEV_CORPUS)


def test_real_dev_is_scored_without_errors(real_dev_report):
    assert len(real_dev_report.files) == len(list(REAL_DEV.glob("*.gold.json"))) == 24
    assert real_dev_report.errors == []
    assert all(f.article_path.startswith(f"{REAL_DEV_CORPUS}:") for f in real_dev_report.files)


@pytest.mark.parametrize(("section", "measure"), sorted(REAL_DEV_FLOORS))
def test_real_dev_scores_stay_above_todays_figures(real_dev_report, section, measure):
    value = getattr(getattr(real_dev_report, section), measure)
    assert value is not None and value >= REAL_DEV_FLOORS[(section, measure)], (section, measure, value)


def test_real_dev_attribution_and_metadata_stay_above_todays_figures(real_dev_report):
    assert real_dev_report.attribution.accuracy >= REAL_DEV_ATTRIBUTION_FLOOR
    attributes = real_dev_report.entity_attrs()
    for name, floor in REAL_DEV_ENTITY_ATTRIBUTE_FLOORS.items():
        assert attributes[name].accuracy >= floor, (name, attributes[name].accuracy)
    metadata = real_dev_report.to_dict()["metadata"]["overall"]
    assert metadata["correct"] >= REAL_DEV_METADATA_CORRECT, metadata
