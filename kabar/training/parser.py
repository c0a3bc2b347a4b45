"""Train kabar's small dependency parser (and UPOS tagger) for Indonesian news.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 nice python -m kabar.training.parser \\
        --data ../shared/data/ud --out kabar/lang/id/models/parser

The data directory holds two Universal Dependencies treebanks (CC BY-SA 4.0; never copied into
the repository):

* ``id-gsd/``: ``id_gsd-ud-train-v2.0-2017.conllu`` (train, 4,477 sentences of the 2017
  annotation), ``id_gsd-ud-dev.conllu`` (dev: selects the model), ``id_gsd-ud-test.conllu``.
* ``id-csui/``: ``id_csui-ud-train.conllu`` (news, 656 sentences; trained on, weighted up
  because it is news like ours), ``id_csui-ud-test.conllu``.

The treebanks' words are re-cut to kabar's own tokens, the ones the text view gives the
parser at run time (``kabar/lang/<code>/grammar/text.py``): a multiword token (``bukunya`` =
``buku`` + ``nya``) becomes its surface form, attached where the word of the range whose head
lies outside the range is attached; a word that kabar cuts into pieces (``anak-anak``) keeps
its relation on its first word piece, and the other pieces hang from it (``punct`` for marks,
``compound`` otherwise). LAS and UAS are reported on both test splits, on these tokens.

The pipeline is a shared hash-embedding CNN ``tok2vec`` with a ``tagger`` (UPOS in
``Token.tag_``) and a ``parser`` listening to it; it reads Docs made from words, so it has no
tokenizer of its own to load.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kabar.training.modeldir import SPACY_VERSIONS, replace_model_dir

TRAIN_FILES = {"id-gsd/id_gsd-ud-train-v2.0-2017.conllu": 1, "id-csui/id_csui-ud-train.conllu": 3}
DEV_FILE = "id-gsd/id_gsd-ud-dev.conllu"
TEST_FILES = {"gsd": "id-gsd/id_gsd-ud-test.conllu", "csui": "id-csui/id_csui-ud-test.conllu"}
DEFAULT_TOKEN_PATTERN = r"\w+(?:['’]\w+)*(?:\.\w+)*|[^\w\s]"


@dataclass
class Word:
    """One token of a re-cut sentence: its form, whether a space follows, its tag and arc."""

    form: str
    space: bool
    tag: str
    head: int  # index into the sentence, itself for the root
    dep: str


@dataclass
class _Unit:
    """A surface token of the treebank: one syntactic word, or a multiword range."""

    form: str
    space: bool
    ids: list[int] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[list[list[str]]]:
    """Each sentence of a CoNLL-U file as its token lines split into ten columns."""
    sentence: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
            elif not line.startswith("#"):
                sentence.append(line.split("\t"))
    if sentence:
        yield sentence


def _units(rows: list[list[str]]) -> tuple[list[_Unit], dict[int, list[str]]]:
    """Surface tokens in order, and each syntactic word's row by its id."""
    words: dict[int, list[str]] = {}
    units: list[_Unit] = []
    covered: set[int] = set()
    for row in rows:
        ident, form, misc = row[0], row[1], row[9]
        space = "SpaceAfter=No" not in misc
        if "-" in ident:
            first, last = (int(x) for x in ident.split("-"))
            units.append(_Unit(form, space, list(range(first, last + 1))))
            covered.update(range(first, last + 1))
        elif "." not in ident:
            words[int(ident)] = row
            if int(ident) not in covered:
                units.append(_Unit(form, space, [int(ident)]))
    return units, words


def recut(rows: list[list[str]], token_pattern: re.Pattern[str]) -> list[Word]:
    """A treebank sentence on kabar's tokens (see the module's docstring)."""
    units, words = _units(rows)
    out: list[Word] = []
    main_of_word: dict[int, int] = {}
    arcs: list[tuple[int, int, str, str]] = []  # (token, head word id, dep, tag) of main pieces
    for unit in units:
        ids = set(unit.ids)
        # the word of a range whose head lies outside it carries the range's relation
        head_word = next((i for i in unit.ids if int(words[i][6]) not in ids), unit.ids[0])
        row = words[head_word]
        pieces = [m.span() for m in token_pattern.finditer(unit.form)] or [(0, len(unit.form))]
        main = len(out)
        for k, (start, end) in enumerate(pieces):
            piece = unit.form[start:end]
            space = unit.space if k == len(pieces) - 1 else end < len(unit.form) and unit.form[end].isspace()
            dep = "punct" if not piece[:1].isalnum() else "compound"
            out.append(
                Word(piece, space, row[3] if k == 0 else ("PUNCT" if dep == "punct" else row[3]), main, dep)
            )
        for i in unit.ids:
            main_of_word[i] = main
        arcs.append((main, int(row[6]), row[7], row[3]))
    for token, head_id, dep, tag in arcs:
        word = out[token]
        word.tag = tag
        word.head = token if head_id == 0 else main_of_word[head_id]
        word.dep = "ROOT" if head_id == 0 else dep
    return out


def load_sentences(path: Path, token_pattern: re.Pattern[str]) -> list[list[Word]]:
    return [recut(rows, token_pattern) for rows in read_conllu(path)]


def to_doc(vocab, sentence: Sequence[Word]):  # noqa: ANN001,ANN201 - spaCy types
    from spacy.tokens import Doc

    return Doc(
        vocab,
        words=[w.form for w in sentence],
        spaces=[w.space for w in sentence],
        tags=[w.tag for w in sentence],
        heads=[w.head for w in sentence],
        deps=[w.dep for w in sentence],
    )


def write_docbin(vocab, sentences: Sequence[Sequence[Word]], path: Path) -> None:  # noqa: ANN001
    from spacy.tokens import DocBin

    DocBin(
        docs=[to_doc(vocab, s) for s in sentences], attrs=["ORTH", "TAG", "HEAD", "DEP", "SENT_START"]
    ).to_disk(path)


CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "id"
pipeline = ["tok2vec","tagger","parser"]
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = @WIDTH@
depth = @DEPTH@
embed_size = @EMBED@
window_size = 1
maxout_pieces = 3
subword_features = true

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.width}
upstream = "tok2vec"

[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 5

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.width}
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null
dropout = 0.1
accumulate_gradient = 1
patience = 1600
max_epochs = 0
max_steps = 8000
eval_frequency = 400

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.002

[training.score_weights]
dep_las = 0.8
tag_acc = 0.2
dep_uas = 0.0

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def build_config(width: int, depth: int, embed_size: int) -> str:
    return (
        CONFIG.replace("@WIDTH@", str(width))
        .replace("@DEPTH@", str(depth))
        .replace("@EMBED@", str(embed_size))
    )


def evaluate(nlp, sentences: Sequence[Sequence[Word]]) -> dict[str, float]:  # noqa: ANN001
    """UAS, LAS and UPOS accuracy of `nlp` on gold sentences (kabar's tokens)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for sentence in sentences:
        reference = to_doc(nlp.vocab, sentence)
        predicted = Doc(nlp.vocab, words=[w.form for w in sentence], spaces=[w.space for w in sentence])
        examples.append(Example(predicted, reference))
    scores = nlp.evaluate(examples)
    return {
        "uas": round(scores["dep_uas"], 4),
        "las": round(scores["dep_las"], 4),
        "upos": round(scores["tag_acc"], 4),
    }


def build_corpora(data: Path, workdir: Path, token_pattern: re.Pattern[str]) -> dict[str, Path]:
    import spacy

    vocab = spacy.blank("id").vocab
    train: list[list[Word]] = []
    for name, weight in TRAIN_FILES.items():
        train.extend(load_sentences(data / name, token_pattern) * weight)
    paths = {"train": workdir / "train.spacy", "dev": workdir / "dev.spacy"}
    write_docbin(vocab, train, paths["train"])
    write_docbin(vocab, load_sentences(data / DEV_FILE, token_pattern), paths["dev"])
    print(f"train sentences: {len(train)} (weights {TRAIN_FILES}); dev: {DEV_FILE}")
    return paths


def save(nlp, out: Path) -> None:  # noqa: ANN001
    kept = {f.name: f.read_bytes() for f in out.glob("*.md")} if out.exists() else {}
    if out.exists():
        replace_model_dir(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.meta["spacy_version"] = SPACY_VERSIONS
    nlp.to_disk(out, exclude=["tokenizer"])
    for name, data in kept.items():
        (out / name).write_bytes(data)
    cfg = nlp.config.copy()
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(out / "config.cfg")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/ud", help="directory with id-gsd/ and id-csui/")
    ap.add_argument(
        "--out", default="kabar/lang/id/models/parser", help="output pipeline directory (replaced)"
    )
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--embed-size", type=int, default=4000)
    ap.add_argument("--max-steps", type=int, default=8000)
    ap.add_argument(
        "--token-pattern", default=DEFAULT_TOKEN_PATTERN, help="kabar's token pattern for the language"
    )
    ap.add_argument("--workdir", default=None, help="keep corpora and checkpoints here (default: a temp dir)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.cli.train import train as spacy_train

    data = Path(args.data)
    if not data.is_dir():
        print(f"data directory {data} not found", file=sys.stderr)
        return 2
    pattern = re.compile(args.token_pattern)
    tmp = tempfile.TemporaryDirectory(prefix="kabar-parser-") if not args.workdir else None
    workdir = Path(tmp.name if tmp else args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        paths = build_corpora(data, workdir, pattern)
        cfg_path = workdir / "config.cfg"
        cfg_path.write_text(build_config(args.width, args.depth, args.embed_size), encoding="utf-8")
        overrides = {
            "paths.train": str(paths["train"]),
            "paths.dev": str(paths["dev"]),
            "training.max_steps": args.max_steps,
        }
        started = time.time()
        spacy_train(cfg_path, workdir / "output", use_gpu=-1, overrides=overrides)
        print(f"training wall time: {time.time() - started:.0f} s")
        nlp = spacy.load(workdir / "output" / "model-best")
        scores = {
            name: evaluate(nlp, load_sentences(data / path, pattern)) for name, path in TEST_FILES.items()
        }
        print(json.dumps(scores))
        out = Path(args.out)
        save(nlp, out)
        (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        print(f"saved {out} ({size / 1e6:.2f} MB)")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
