import json

from conftest import DATA, GOLD, SEED, need_shared
from typer.testing import CliRunner

from kabar.cli import app

runner = CliRunner()
R = DATA / "readers"


def test_one_article_gives_one_json_document():
    result = runner.invoke(app, ["extract", str(DATA / "structure" / "captions_initials.txt")])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    for key in ("id", "language", "published", "title", "author", "captions", "tags", "url", "body",
                "sentences", "entities", "quotes", "events"):
        assert key in article
    assert article["id"] == "captions_initials"
    assert article["published"] == "2021-10-20T08:00:00+08:00"
    for sentence in article["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(article["body"])


def test_seed_through_the_cli_matches_gold_metadata():
    need_shared(SEED)
    need_shared(GOLD)
    gold = json.loads(GOLD.read_text())
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["id"] == gold["id"]
    for key in ("published", "author", "captions", "tags", "title", "language"):
        assert article[key] == gold[key], key


def test_many_inputs_give_json_lines_and_failures_are_reported_and_skipped():
    result = runner.invoke(
        app, ["extract", str(R / "articles.jsonl"), str(R / "empty.txt"), str(R / "two_pages.warc.gz")]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in lines[:3]] == ["a1", "a2", "a5"]
    assert lines[0]["published"] == "2019-09-10T21:48:00+07:00"
    assert lines[1]["title"] == "Gempa di Maluku"
    assert [a["url"] for a in lines[3:]] == ["https://contoh.example/dunia/008", "https://contoh.example/dunia/009"]
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3
    assert any("articles.jsonl:3" in e and "not valid JSON" in e for e in errors)
    assert any("empty.txt" in e and "empty input" in e for e in errors)
    assert any("articles.jsonl:5" in line and "not understood" in line for line in result.stderr.splitlines())


def test_single_bad_input_exits_non_zero_with_one_line():
    result = runner.invoke(app, ["extract", str(R / "binary.bin")])
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "binary.bin" in line and "binary data" in line


def test_format_json_for_many_is_an_array(tmp_path):
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", "--format", "json", "-o", str(out), str(R / "two_pages.warc.gz")])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())) == 2
