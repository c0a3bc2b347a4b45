"""kabar eval: the scoring rules, the report and the command line.

The fixture article, its gold file and a hand-written prediction live in tests/data/eval/;
every gold item and prediction there exercises one rule, and the expected counts below follow
from the notes next to each assertion.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.evaluate import (
    Gold,
    GoldError,
    evaluate,
    event_matches,
    load_gold_dir,
    norm_text,
    read_corpus_articles,
    score_article,
)

DATA = Path(__file__).parent / "data" / "eval"
GOLD_DIR = DATA / "gold"
PRED_DIR = DATA / "pred"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD_DIR, pred_dir=PRED_DIR).to_dict()


def kinds(report: dict, section: str, kind: str) -> list[dict]:
    return [p for p in report["problems"] if p["section"] == section and p["kind"] == kind]


# ---------------------------------------------------------------- the fixture, section by section


def test_metadata_fields(report):
    fields = report["metadata"]["fields"]
    # same instant in another offset; tags in another order and case: both right
    assert fields["published"]["correct"] == 1
    assert fields["tags"]["correct"] == 1
    assert fields["author"]["correct"] == 1 and fields["title"]["correct"] == 1
    assert fields["captions"]["correct"] == 1
    assert fields["language"] == {"correct": 0, "total": 1, "accuracy": 0.0}  # 'ms' predicted
    assert [p["what"] for p in kinds(report, "metadata", "wrong")] == ["language: gold 'id', predicted 'ms'"]


def test_entities(report):
    ent = report["entities"]
    # by name (Ahmad Faris, Malaysia, Jakarta); by a gold mention equal to a predicted mention
    # (Sari Wulandari) or name... (Indonesia); Selat Malaka missed; Kuala Lumpur a false alarm
    assert (ent["tp"], ent["fp"], ent["fn"]) == (5, 1, 1)
    assert ent["precision"] == pytest.approx(5 / 6, abs=1e-4)
    attrs = ent["attributes"]
    assert attrs["type"]["correct"] == 4  # Jakarta LOC instead of GPE
    assert attrs["country"]["correct"] == 5
    assert attrs["actor_code"]["correct"] == 4  # Wulandari IDN instead of IDNGOV
    assert [p["what"].split(" (")[0] for p in kinds(report, "entities", "miss")] == ["Strait of Malacca"]
    assert kinds(report, "entities", "false_alarm")[0]["evidence"] == "Kuala Lumpur"


def test_quote_detection_and_attribution(report):
    q = report["quotes"]
    # curly marks and broken whitespace still match; the optional indirect quote is neither
    # a hit nor a false alarm; "Kami ingin damai" matches nothing
    assert (q["tp"], q["fp"], q["fn"], q["optional_matched"]) == (3, 1, 0, 1)
    assert q["precision"] == 0.75 and q["recall"] == 1.0
    # right through the speaker entity's name, right through speaker_name equal to a gold
    # mention (Menlu Faris), wrong for the quote given to Faris instead of Wulandari
    assert q["attribution"] == {"correct": 2, "total": 3, "accuracy": pytest.approx(0.6667, abs=1e-4)}
    wrong = kinds(report, "quotes", "wrong_speaker")
    assert len(wrong) == 1 and wrong[0]["gold"] == "Sari Wulandari" and wrong[0]["predicted"] == "Ahmad Faris"
    assert kinds(report, "quotes", "false_alarm")[0]["evidence"] == "Kami ingin damai"


def test_events(report):
    ev = report["events"]
    # G0 matched through the root of an alt (042 vs 036/040); G1 through the symmetric order and a
    # 2-day window; G2 missed (predicted 3 days off; the right one is only 'intended'); G3 missed
    # (reverse order, not symmetric); optional G4 matched by 193 (not scored), optional G5 unmatched
    assert (ev["tp"], ev["fn"], ev["fp"], ev["optional_matched"]) == (2, 2, 3, 1)
    assert ev["precision"] == 0.4 and ev["recall"] == 0.5
    assert ev["non_factual"] == {"total": 1, "by_mode": {"intended": 1}}
    assert "factual" in ev["note"]
    assert ev["evidence_start"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert ev["exact_code"]["correct"] == 0
    misses = {p["gold"]["code"]: p for p in kinds(report, "events", "miss")}
    assert set(misses) == {"057", "111"}
    assert "not counted as factual" in misses["057"]["what"]
    assert "reverse order" in misses["111"]["what"]
    assert misses["057"]["evidence"] == "Kami sepakat memperkuat patroli bersama"
    alarms = kinds(report, "events", "false_alarm")
    assert sorted(p["predicted"]["code"] for p in alarms) == ["057", "111", "173"]
    assert all(p["evidence"] for p in alarms)  # a developer sees the sentence behind each


# ---------------------------------------------------------------- rules one at a time


def _gold_event(**kw):
    event = {"code": "042", "alts": [], "source": "IRNMIL", "target": "RUS"}
    event.update(kw)
    return event


def _pred_event(code="042", src="IRN", tgt="RUS", date=None, factual=True, mode="reported", evidence="x"):
    return {
        "code": code,
        "root": code[:2],
        "source": {"entity": None, "name": src, "actor_code": src, "country": None},
        "target": {"entity": None, "name": tgt, "actor_code": tgt, "country": None},
        "date": date,
        "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
        "factual": factual,
        "mode": mode,
    }


def test_event_root_via_alts_and_countries_from_actor_codes():
    g = _gold_event(code="036", alts=["043"])
    assert event_matches(g, _pred_event("040", "IRNGOV", "RUSMIL"))  # root 04 via alt, countries IRN/RUS
    assert not event_matches(g, _pred_event("051"))
    assert event_matches(g, _pred_event("0362"))  # four-digit code, root 03
    # the actor's country counts too when it has no actor code
    p = _pred_event()
    p["source"] = {"entity": None, "name": "Bagheri", "actor_code": None, "country": "IRN"}
    assert event_matches(g, p)


def test_event_symmetric_order():
    assert not event_matches(_gold_event(), _pred_event(src="RUS", tgt="IRN"))
    assert event_matches(_gold_event(symmetric=True), _pred_event(src="RUS", tgt="IRN"))


def test_event_date_window():
    g = _gold_event(date="2021-10-17")
    assert event_matches(g, _pred_event(date="2021-10-18"))
    assert event_matches(g, _pred_event(date="2021-10-16T22:00:00+07:00"))
    assert not event_matches(g, _pred_event(date="2021-10-19"))
    assert not event_matches(g, _pred_event(date=None))  # gold gives a date: the prediction must too
    assert event_matches(_gold_event(date="2021-10-17", date_window_days=2), _pred_event(date="2021-10-19"))
    assert event_matches(_gold_event(), _pred_event(date="1999-01-01"))  # no gold date, no condition


def _score(gold: dict, pred: dict):
    return score_article(Gold(path=GOLD_DIR / "x.gold.json", data={"id": "x", "file": "x.txt", **gold}), pred)


def test_optional_events_neither_reward_nor_punish():
    gold = {"events": [_gold_event(), _gold_event(code="111", source="RUS", target="USA", required=False)]}
    only_required = _score(gold, {"events": [_pred_event()]}).events
    with_optional = _score(gold, {"events": [_pred_event(), _pred_event("112", "RUS", "USA")]}).events
    assert (only_required.tp, only_required.fp, only_required.fn) == (1, 0, 0)
    assert (with_optional.tp, with_optional.fp, with_optional.fn, with_optional.optional_matched) == (
        1,
        0,
        0,
        1,
    )
    # a prediction for nothing in the gold is a false alarm; a missed required event is a miss
    other = _score(gold, {"events": [_pred_event("190", "USA", "AFG")]}).events
    assert (other.tp, other.fp, other.fn) == (0, 1, 1)


def test_non_factual_events_are_not_predictions():
    gold = {"events": [_gold_event()]}
    res = _score(gold, {"events": [_pred_event(factual=False, mode="negated"), _pred_event(mode="intended")]})
    assert (res.events.tp, res.events.fp, res.events.fn) == (0, 0, 1)
    assert dict(res.non_factual) == {"negated": 1, "intended": 1}


def test_one_to_one_matching():
    # two predictions of one gold event: one hit and one false alarm, never two hits
    res = _score({"events": [_gold_event()]}, {"events": [_pred_event(), _pred_event("043")]})
    assert (res.events.tp, res.events.fp) == (1, 1)
    # greedy prefers the pair that leaves the other gold item matchable
    gold = {"events": [_gold_event(symmetric=True), _gold_event(code="040", source="RUS", target="IRN")]}
    res = _score(gold, {"events": [_pred_event(src="RUS", tgt="IRN"), _pred_event()]})
    assert (res.events.tp, res.events.fp, res.events.fn) == (2, 0, 0)


def test_quote_text_normalisation_and_null_speaker():
    assert norm_text("“Kami  sepakat\n”") == norm_text('"kami sepakat"') == "kami sepakat"
    gold = {"quotes": [{"kind": "direct", "speaker": None, "text_start": "Harga naik"}]}
    right = _score(gold, {"quotes": [{"text": "«Harga naik lagi»", "kind": "direct", "speaker": None}]})
    guessed = _score(
        gold, {"quotes": [{"text": "Harga naik lagi", "kind": "direct", "speaker_name": "Budi"}]}
    )
    assert right.quotes.tp == 1 and right.attribution.correct == 1
    assert guessed.quotes.tp == 1 and guessed.attribution.correct == 0  # a guessed speaker is wrong


def test_quote_speaker_through_entity_matching():
    gold = {
        "entities": [{"name": "Vladimir Evseev", "type": "PER", "mentions": ["Vladimir Evseev"]}],
        "quotes": [{"kind": "direct", "speaker": "Vladimir Evseev", "text_start": "Kami menolak"}],
    }
    pred = {
        "entities": [
            {"id": "e7", "name": "Evseev", "type": "PER", "mentions": [{"text": "Vladimir Evseev"}]}
        ],
        "quotes": [{"text": "Kami menolak", "kind": "direct", "speaker": "e7", "speaker_name": "Evseev"}],
    }
    res = _score(gold, pred)
    assert res.entities.tp == 1 and res.attribution.correct == 1


# ---------------------------------------------------------------- errors


def test_bad_gold_files_name_the_file(tmp_path):
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.gold\.json.*not valid JSON"):
        load_gold_dir(tmp_path)
    (tmp_path / "a.gold.json").write_text(json.dumps({"id": "a", "file": "a.txt", "events": [{"alts": []}]}))
    with pytest.raises(GoldError, match=r"a\.gold\.json.*events\[0\] has no 'code'"):
        load_gold_dir(tmp_path)
    (tmp_path / "a.gold.json").write_text(json.dumps({"id": "a", "file": "a.txt"}))
    with pytest.raises(GoldError, match=r"a\.gold\.json.*article file 'a\.txt' does not exist"):
        evaluate(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError, match="no gold files"):
        load_gold_dir(tmp_path / "empty")


def test_missing_prediction_file_is_an_error(tmp_path):
    with pytest.raises(GoldError, match=r"eval_001\.json.*no prediction"):
        evaluate(GOLD_DIR, pred_dir=tmp_path)


# ---------------------------------------------------------------- command line


@pytest.fixture(scope="module")
def cli():
    from kabar.cli import app

    return CliRunner(), app


def test_cli_json_report(cli):
    runner, app = cli
    result = runner.invoke(app, ["eval", str(GOLD_DIR), "--pred", str(PRED_DIR), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1 and data["predictions"] == str(PRED_DIR)
    assert data["events"]["precision"] == 0.4 and data["quotes"]["attribution"]["correct"] == 2


def test_cli_table_lists_misses_with_evidence(cli):
    runner, app = cli
    result = runner.invoke(app, ["eval", str(GOLD_DIR), "--pred", str(PRED_DIR)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for word in ("entities", "quotes", "events", "attribution", "metadata: published"):
        assert word in out
    assert "false_alarm" in out and "Kami ingin damai" in out
    assert "[intended]" in out  # markup in dynamic text is shown, not swallowed


def test_cli_errors_exit_non_zero(cli, tmp_path):
    runner, app = cli
    result = runner.invoke(app, ["eval", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "no such folder" in result.output
    (tmp_path / "b.gold.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code != 0 and "b.gold.json" in result.output


def test_cli_on_shared_gold(cli):
    gold_dir = SHARED / "gold"
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not present (../shared is not beside the repository)")
    runner, app = cli
    result = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["articles"] == len(list(gold_dir.glob("*.gold.json")))
    assert not data["errors"]
    for section in ("entities", "quotes", "events"):
        assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(data[section])
    assert set(data["metadata"]["fields"]) == {"published", "author", "title", "captions", "tags", "language"}
    assert "attribution" in data["quotes"] and "non_factual" in data["events"]
    # the reference article's gold items are all counted: 15 entities, 2 quotes, 3 required events
    assert data["entities"]["tp"] + data["entities"]["fn"] >= 15
    assert data["quotes"]["tp"] + data["quotes"]["fn"] >= 2
    assert data["events"]["tp"] + data["events"]["fn"] >= 3


# ---------------------------------------------------------------- articles named by corpus_id

CORPUS = DATA / "corpus" / "id-news.jsonl"  # three invented articles, one per line
CORPUS_GOLD = DATA / "corpus_gold"


@pytest.fixture(scope="module")
def corpus_report():
    return evaluate(CORPUS_GOLD, corpus=CORPUS)


def test_corpus_articles_are_read_by_id_with_their_metadata(corpus_report):
    files = {f.id: f for f in corpus_report.files}
    assert corpus_report.errors == []
    assert corpus_report.corpus == str(CORPUS)
    # the gold id and the corpus id differ: the article is found by corpus_id, on its own line
    assert files["corpus_002"].article_path == f"{CORPUS}:2"
    assert files["corpus_003"].article_path == f"{CORPUS}:3"  # 'id' is not that line's first key
    # published and title are not in the text: they come from the corpus line, as ingest passes them
    for res in files.values():
        assert (res.metadata["published"].correct, res.metadata["title"].correct) == (1, 1), res.id
    main = files["corpus_002"]
    assert (main.entities.tp, main.quotes.tp, main.attribution.correct) == (6, 2, 2)
    assert (main.events.tp, main.events.fn) == (1, 0)


def test_only_the_wanted_corpus_lines_are_kept():
    found = read_corpus_articles(CORPUS, {"fixture-003", "fixture-404"})
    assert set(found) == {"fixture-003"}
    article = found["fixture-003"]
    assert article.metadata == {
        "id": "fixture-003",
        "published": "2026-03-06 07:30",
        "title": "Harga Cabai Naik Menjelang Ramadan",
    }  # source and category are not passed to extraction, as in `kabar ingest`
    assert article.text.startswith("Harga cabai rawit")


def test_the_default_corpus_is_found_above_the_gold_folder():
    # tests/data/eval/corpus_gold -> tests/data/eval/corpus/id-news.jsonl, as shared/gold/real-dev
    # -> shared/corpus/id-news.jsonl
    report = evaluate(CORPUS_GOLD)
    assert report.corpus == str(CORPUS.resolve()) and report.errors == []


def test_corpus_id_missing_from_the_corpus_names_the_gold_file(tmp_path):
    (tmp_path / "lost.gold.json").write_text(json.dumps({"id": "lost", "corpus_id": "fixture-404"}))
    with pytest.raises(GoldError, match=r"lost\.gold\.json.*corpus_id 'fixture-404' is not in the corpus"):
        evaluate(tmp_path, corpus=CORPUS)
    with pytest.raises(GoldError, match=r"no such corpus file.*lost\.gold\.json"):
        evaluate(tmp_path, corpus=tmp_path / "nope.jsonl")


def test_a_gold_file_names_its_article_one_way(tmp_path):
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps({"id": "a", "file": "a.txt", "corpus_id": "fixture-002"}))
    with pytest.raises(GoldError, match=r"a\.gold\.json.*both 'file' and 'corpus_id'"):
        load_gold_dir(tmp_path)
    path.write_text(json.dumps({"id": "a"}))
    with pytest.raises(GoldError, match=r"a\.gold\.json.*names no article"):
        load_gold_dir(tmp_path)


def test_corpus_gold_scored_from_saved_predictions_needs_no_corpus(tmp_path):
    for gold_id in ("corpus_002", "corpus_003"):
        (tmp_path / f"{gold_id}.json").write_text(json.dumps({"published": None}))
    report = evaluate(CORPUS_GOLD, pred_dir=tmp_path, corpus=tmp_path / "absent.jsonl")
    assert report.corpus is None
    assert [f.article_path for f in report.files] == ["corpus_id fixture-002", "corpus_id fixture-003"]


def test_cli_corpus_option(cli):
    runner, app = cli
    result = runner.invoke(app, ["eval", str(CORPUS_GOLD), "--corpus", str(CORPUS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["corpus"] == str(CORPUS) and data["events"]["tp"] == 1
    result = runner.invoke(app, ["eval", str(CORPUS_GOLD), "--corpus", str(CORPUS.parent / "nope.jsonl")])
    assert result.exit_code == 2 and "no such corpus file" in result.output
