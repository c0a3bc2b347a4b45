"""The NER training data: three third-party datasets read, mapped to PER/ORG/LOC, repaired
to valid IOB2, and decontaminated against the test splits (see `kabar.training.ner`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")

# dataset-specific entity type -> kabar label (None: drop to O)
LABEL_MAPS: dict[str, dict[str, str | None]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nergrit": {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"},
    "nerp": {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": None, "FNB": None},
}

# dataset name -> (sub-directory, {split: (file name, holdout selector)})
# holdout selector: None = whole file, "train" = all but every 10th sentence, "dev" = every 10th
DATASETS: dict[str, tuple[str, dict[str, tuple[str, str | None]]]] = {
    "idner": (
        "idner-news-2k",
        {"train": ("train.txt", None), "dev": ("dev.txt", None), "test": ("test.txt", None)},
    ),
    "nergrit": (
        "nergrit",
        {
            "train": ("train_preprocess.txt", "train"),
            "dev": ("train_preprocess.txt", "dev"),
            "test": ("valid_preprocess.txt", None),
        },
    ),
    "nerp": (
        "nerp",
        {
            "train": ("train_preprocess.txt", "train"),
            "dev": ("train_preprocess.txt", "dev"),
            "test": ("valid_preprocess.txt", None),
        },
    ),
}
DATASET_NAMES = tuple(DATASETS)
HOLDOUT_EVERY = 10

Sentence = tuple[list[str], list[str]]  # (tokens, IOB2 tags)


# --------------------------------------------------------------------------- reading


def read_columns(path: Path | str) -> Iterator[list[list[str]]]:
    """Yield sentences as lists of column lists from a CoNLL-like file.

    Columns may be separated by tabs or spaces; CRLF/LF line ends, trailing whitespace and
    runs of blank lines are all tolerated. Lines starting with ``-DOCSTART-`` are skipped.
    """
    rows: list[list[str]] = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for raw in f:
            line = raw.rstrip("\r\n").strip()
            if not line:
                if rows:
                    yield rows
                    rows = []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            cols = [c.strip() for c in cols]
            rows.append(cols)
    if rows:
        yield rows


def map_tag(tag: str, label_map: dict[str, str | None]) -> str:
    """Map one dataset tag (``B-PERSON``, ``I-PPL``, ``O``...) to a kabar IOB tag.

    Unknown or dropped entity types become ``O``. A bare type without prefix counts as ``I-``
    (IOB repair then turns it into ``B-`` where it starts an entity).
    """
    tag = tag.strip()
    if not tag or tag.upper() == "O":
        return "O"
    if len(tag) > 2 and tag[1] in "-_" and tag[0].upper() in "BIES":
        prefix, etype = tag[0].upper(), tag[2:]
    else:
        prefix, etype = "I", tag
    label = label_map.get(etype, label_map.get(etype.upper()))
    if label is None:
        return "O"
    if prefix in ("B", "S"):
        return "B-" + label
    return "I-" + label  # I and E continue an entity


def repair_iob(tags: Sequence[str]) -> list[str]:
    """Return valid IOB2: an ``I-X`` that does not follow ``B-X``/``I-X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_sentences(path: Path | str, dataset: str) -> list[Sentence]:
    """Read a file of dataset ``dataset`` into (tokens, IOB2 tags in PER/ORG/LOC)."""
    label_map = LABEL_MAPS[dataset]
    sents: list[Sentence] = []
    for rows in read_columns(path):
        words, tags = [], []
        for cols in rows:
            if len(cols) < 2:  # token without tag: treat as O
                cols = [cols[0], "O"]
            words.append(cols[0])
            tags.append(map_tag(cols[-1], label_map))
        sents.append((words, repair_iob(tags)))
    return sents


def load_split(data_dir: Path | str, dataset: str, split: str) -> list[Sentence]:
    """Load ``split`` (train/dev/test) of ``dataset`` (idner/nergrit/nerp) from ``data_dir``."""
    subdir, splits = DATASETS[dataset]
    fname, holdout = splits[split]
    sents = read_sentences(Path(data_dir) / subdir / fname, dataset)
    if holdout == "train":
        sents = [s for i, s in enumerate(sents) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    elif holdout == "dev":
        sents = [s for i, s in enumerate(sents) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    return sents


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, label)`` from IOB2 tags (repairing first)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(repair_iob(tags)) + ["O"]):
        if tag == "O" or tag.startswith("B-"):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, ""
            if tag.startswith("B-"):
                start, label = i, tag[2:]
    return spans


_WORD = re.compile(r"\w")
_NON_ALNUM = re.compile(r"[\W_]+")
OVERLAP_N = 8


def _sentence_key(words: Sequence[str]) -> str:
    return _NON_ALNUM.sub("", "".join(words).lower())


def _ngrams(words: Sequence[str], n: int = OVERLAP_N) -> set:
    toks = [w.lower() for w in words if _WORD.search(w)]
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


class Decontaminator:
    """Flags sentences that (near-)duplicate a sentence of some held-out split.

    The datasets overlap: NERP (lower-cased) contains most idner-news-2k test sentences, and
    idner-news-2k train contains some NERP valid sentences. A sentence is flagged when it is
    equal to a held-out sentence ignoring case, spaces and punctuation, or shares a run of
    ``OVERLAP_N`` word tokens with one. The held-out splits are only used for this filter.
    """

    def __init__(self, held_out: Iterable[Sentence]):
        self.keys = set()
        self.grams = set()
        for words, _ in held_out:
            self.keys.add(_sentence_key(words))
            self.grams |= _ngrams(words)

    def __call__(self, words: Sequence[str]) -> bool:
        if _sentence_key(words) in self.keys:
            return True
        return any(g in self.grams for g in _ngrams(words))

    def filter(self, sents: Iterable[Sentence]) -> list[Sentence]:
        return [s for s in sents if not self(s[0])]


def make_docs(vocab, sents: Iterable[Sentence]):
    """Build spaCy ``Doc`` objects with gold entities from (tokens, tags) sentences."""
    from spacy.tokens import Doc

    for words, tags in sents:
        if not words:
            continue
        yield Doc(vocab, words=words, ents=list(tags))
