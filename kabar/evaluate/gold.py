"""Gold files (``*.gold.json``) and prediction files: reading them and checking their shape.

A gold file names its article in one of two ways: ``file``, a text file relative to the gold
file, or ``corpus_id``, the ``id`` of a line in a JSON Lines corpus (see `kabar.evaluate.corpus`),
so that annotations of real articles can be kept without copying the articles' text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kabar.errors import InputError
from kabar.evaluate.normalise import parse_date

GOLD_SUFFIX = ".gold.json"
DEFAULT_DATE_WINDOW_DAYS = 1
ARTICLE_KEYS = ("file", "corpus_id")


class GoldError(InputError):
    """A gold file, a prediction file or a corpus that cannot be used."""


@dataclass
class Gold:
    path: Path
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def corpus_id(self) -> str | None:
        """The id of the article's line in the corpus, when the gold file names it that way."""
        value = self.data.get("corpus_id")
        return str(value) if value else None

    @property
    def article_path(self) -> Path | None:
        """The article's text file, when the gold file names one (None for a corpus article)."""
        if not self.data.get("file"):
            return None
        return (self.path.parent / self.data["file"]).resolve()

    @property
    def article_ref(self) -> str:
        """Where the article comes from, for reports: its file, or its corpus id."""
        path = self.article_path
        return str(path) if path is not None else f"corpus_id {self.corpus_id}"

    def read_article(self) -> str:
        """The article's text from its file; a corpus article is read through `Corpus` instead."""
        path = self.article_path
        if path is None:
            raise GoldError(str(self.path), f"its article is corpus_id '{self.corpus_id}', not a file")
        if not path.is_file():
            raise GoldError(str(self.path), f"its article file '{self.data['file']}' does not exist ({path})")
        return path.read_text(encoding="utf-8")


def is_optional(item: dict[str, Any]) -> bool:
    """Optional gold items neither reward nor punish."""
    return bool(item.get("optional")) or item.get("required") is False


def _require(cond: bool, path: Path, reason: str) -> None:
    if not cond:
        raise GoldError(str(path), reason)


def _validate_article_keys(path: Path, data: dict[str, Any]) -> None:
    _require(isinstance(data.get("id"), str) and bool(data["id"]), path, "missing or empty 'id' (a string)")
    given = [key for key in ARTICLE_KEYS if key in data]
    _require(
        bool(given), path, "names no article: give 'file' (a text file) or 'corpus_id' (a corpus line's id)"
    )
    _require(len(given) == 1, path, "gives both 'file' and 'corpus_id'; name the article one way")
    key = given[0]
    _require(
        isinstance(data[key], str) and bool(data[key].strip()), path, f"'{key}' must be a non-empty string"
    )


def _validate_event(path: Path, i: int, item: dict[str, Any]) -> None:
    _require(isinstance(item.get("alts", []), list), path, f"events[{i}].alts must be a list")
    window = item.get("date_window_days", DEFAULT_DATE_WINDOW_DAYS)
    _require(
        isinstance(window, int | float) and window >= 0,
        path,
        f"events[{i}].date_window_days must be a number >= 0",
    )
    if item.get("date") is not None:
        _require(
            parse_date(item["date"]) is not None,
            path,
            f"events[{i}].date '{item['date']}' is not an ISO date (YYYY-MM-DD)",
        )


def validate_gold(path: Path, data: Any) -> None:
    """Check the shape of a gold file; a GoldError names the file and the item at fault."""
    _require(isinstance(data, dict), path, "a gold file must hold one JSON object")
    _validate_article_keys(path, data)
    for key in ("captions", "tags"):
        if data.get(key) is not None:
            _require(isinstance(data[key], list), path, f"'{key}' must be a list of strings")
    for section, needed in (("entities", "name"), ("quotes", "text_start"), ("events", "code")):
        items = data.get(section, [])
        _require(isinstance(items, list), path, f"'{section}' must be a list")
        for i, item in enumerate(items):
            _require(isinstance(item, dict), path, f"{section}[{i}] must be an object")
            _require(
                isinstance(item.get(needed), str) and bool(item[needed].strip()),
                path,
                f"{section}[{i}] has no '{needed}' (a non-empty string)",
            )
            if section == "entities":
                _require(
                    isinstance(item.get("mentions", []), list), path, f"entities[{i}].mentions must be a list"
                )
            if section == "events":
                _validate_event(path, i, item)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(
            str(path), f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(str(path), f"cannot be read: {exc}") from exc


def load_gold_file(path: str | Path) -> Gold:
    path = Path(path)
    data = _read_json(path)
    validate_gold(path, data)
    return Gold(path=path, data=data)


def load_gold_dir(directory: str | Path) -> list[Gold]:
    """Every `*.gold.json` in a folder (not recursive), in name order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(str(directory), "no such folder of gold files")
    paths = sorted(directory.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise GoldError(str(directory), f"the folder holds no gold files (*{GOLD_SUFFIX})")
    golds = [load_gold_file(p) for p in paths]
    seen: dict[str, Path] = {}
    for g in golds:
        if g.id in seen:
            raise GoldError(str(g.path), f"id '{g.id}' is used by {seen[g.id].name} too")
        seen[g.id] = g.path
    return golds


def load_prediction(pred_dir: str | Path, gold_id: str) -> dict[str, Any]:
    """The predicted article for one gold file: `<pred_dir>/<gold id>.json`, as `Article.to_dict()`."""
    path = Path(pred_dir) / f"{gold_id}.json"
    if not path.is_file():
        raise GoldError(str(path), f"no prediction for gold article '{gold_id}' (expected this file)")
    data = _read_json(path)
    if not isinstance(data, dict):
        raise GoldError(str(path), "a prediction file must hold one JSON object (an Article)")
    return data
