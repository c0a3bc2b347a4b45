"""Articles of a JSON Lines corpus, read by id for gold files that name their article by ``corpus_id``.

The corpus (by default ``../shared/corpus/id-news.jsonl``, 20,000 articles) is streamed once and
only the lines whose id a gold file asks for are parsed and kept, so evaluating two dozen
articles does not hold the whole corpus in memory. Each line becomes what `kabar ingest` would
make of it: the text (or HTML) and the metadata the JSON Lines reader passes to extraction
(`kabar.readers.METADATA_KEYS`: id, url, published, title, author, tags).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kabar.evaluate.gold import GoldError
from kabar.readers import METADATA_KEYS

DEFAULT_CORPUS = Path("..") / "shared" / "corpus" / "id-news.jsonl"
CORPUS_NAME = DEFAULT_CORPUS.name

# The id of a corpus line, read without parsing the line when it comes first (as it does in
# the shared corpus); other lines are parsed in full.
_LEADING_ID = re.compile(rb'^\s*\{\s*"id"\s*:\s*"([^"\\]*)"')


@dataclass(frozen=True)
class CorpusArticle:
    """One corpus line, as the JSON Lines reader hands it to extraction."""

    id: str
    path: Path
    line: int
    text: str
    is_html: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}"


def corpus_candidates(gold_dir: str | Path) -> list[Path]:
    """Where the default corpus is looked for, in order.

    In a ``corpus/`` folder above the gold folder (``shared/gold/real-dev`` → ``shared/corpus``:
    the gold files' own corpus comes first), beside the working directory's parent
    (``../shared/...`` run from the repository root, as the docs write it), and beside the
    repository that holds this package.
    """
    candidates = [ancestor / "corpus" / CORPUS_NAME for ancestor in Path(gold_dir).resolve().parents]
    candidates.append(Path.cwd() / DEFAULT_CORPUS)
    candidates.append(Path(__file__).resolve().parents[2] / DEFAULT_CORPUS)
    unique: dict[Path, None] = {}
    for path in candidates:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def resolve_corpus(corpus: str | Path | None, gold_dir: str | Path, needed_by: Path) -> Path:
    """The corpus file to read: the one given, else the first default candidate that exists."""
    if corpus is not None:
        path = Path(corpus)
        if not path.is_file():
            raise GoldError(
                str(path), f"no such corpus file (needed by {needed_by.name}, which names a corpus_id)"
            )
        return path
    candidates = corpus_candidates(gold_dir)
    for path in candidates:
        if path.is_file():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise GoldError(
        str(needed_by),
        f"names its article by corpus_id, and no corpus was given (--corpus) or found (tried {tried})",
    )


def _article_from_line(path: Path, lineno: int, obj: dict[str, Any]) -> CorpusArticle:
    html = obj.get("html")
    is_html = isinstance(html, str) and bool(html.strip())
    text = html if is_html else obj.get("text")
    metadata = {key: obj[key] for key in METADATA_KEYS if obj.get(key) not in (None, "")}
    metadata["id"] = str(obj["id"])
    return CorpusArticle(
        id=str(obj["id"]),
        path=path,
        line=lineno,
        text=text if isinstance(text, str) else "",
        is_html=is_html,
        metadata=metadata,
    )


def read_corpus_articles(path: Path, wanted: Iterable[str]) -> dict[str, CorpusArticle]:
    """The articles with the wanted ids, in one pass that stops once all are found (first line wins)."""
    wanted = set(wanted)
    found: dict[str, CorpusArticle] = {}
    try:
        with path.open("rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                m = _LEADING_ID.match(raw)
                if m is not None and m.group(1).decode("utf-8", "replace") not in wanted:
                    continue
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    if m is None:
                        continue  # a broken line whose id cannot be read is no line a gold file can want
                    raise GoldError(f"{path}:{lineno}", f"not valid JSON ({exc})") from exc
                line_id = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") is not None else None
                if line_id in wanted and line_id not in found:
                    found[line_id] = _article_from_line(path, lineno, obj)
                    if len(found) == len(wanted):
                        break
    except OSError as exc:
        raise GoldError(str(path), f"the corpus cannot be read: {exc}") from exc
    return found
