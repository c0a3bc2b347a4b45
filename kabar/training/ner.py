"""Train kabar's small statistical NER model for Indonesian news (labels PER, ORG, LOC).

Usage (from the repository root)::

    OMP_NUM_THREADS=1 nice python -m kabar.training.ner \\
        --data ../shared/data/ner --out kabar/lang/id/models/ner

The data directory holds three third-party datasets (never copied into the repository):

* ``idner-news-2k/{train,dev,test}.txt`` -- CoNLL ``token POS NER``, CRLF, IOB2 PER/ORG/LOC
  (Khairunnisa et al. 2020, MIT).
* ``nergrit/{train,valid}_preprocess.txt`` -- ``token<TAB>TAG``, PERSON/PLACE/ORGANISATION
  (IndoNLU, Wilie et al. 2020, MIT). ``valid`` is our test split; every 10th training
  sentence is held out as dev.
* ``nerp/{train,valid}_preprocess.txt`` -- lower-cased, PPL/PLC/IND/EVT/FNB (IndoNLU).
  ``valid`` is our test split; every 10th training sentence is held out as dev.
  EVT and FNB are dropped (become ``O``).

All tags are mapped to PER, ORG, LOC and repaired to valid IOB2 (an ``I-X`` that does not
continue an ``X`` entity starts a new one). The datasets overlap (NERP holds most
idner-news-2k test sentences, lower-cased), so training and dev sentences that duplicate or
share an 8-token run with any test sentence are dropped before training (``Decontaminator``).

The model is ``spacy.blank("id")`` plus a single ``ner`` component whose tok2vec
(a narrow hash-embedding CNN, no pretrained vectors) is embedded *inside* the ner model, so that
the runtime can call ``nlp.get_pipe("ner")(nlp.make_doc(text))`` without any other pipe.

``--arch`` picks the architecture (``ARCHITECTURES``). The default, ``fast``, is built for
speed on one CPU core: NORM, SHAPE and SUFFIX embedded at width 32, two CNN layers with 2
maxout pieces, and a transition model without its hidden layer (``use_upper = false``). It runs
at 2.1-2.6 times the speed of ``v1`` (the first model: NORM, PREFIX, SUFFIX and SHAPE at
width 64, CNN maxout 3, hidden layer of 64), with 1.3 points more F1 on idner-news-2k test
and 3.4 points less on NERGrit (``bench/results/ner.md``). Single settings can be overridden
(``--width``, ``--attrs``, ``--no-use-upper``...); ``--arch v1`` rebuilds the first model.

Training uses spaCy's own training loop (``spacy.cli.train.train``) with a fixed seed; the dev
set (idner-news-2k dev plus the NERGrit held-out part by default) picks the best checkpoint and
drives early stopping. The test splits serve only to filter out overlapping training
sentences, never for training or model selection.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kabar.training.modeldir import SPACY_VERSIONS, replace_model_dir
from kabar.training.ner_data import (  # noqa: F401 - the trainer's data API, re-exported
    DATASET_NAMES,
    DATASETS,
    HOLDOUT_EVERY,
    LABEL_MAPS,
    LABELS,
    OVERLAP_N,
    Decontaminator,
    Sentence,
    iob_spans,
    load_split,
    make_docs,
    map_tag,
    read_columns,
    read_sentences,
    repair_iob,
)

# --------------------------------------------------------------------------- training

CONFIG_TEMPLATE = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "id"
pipeline = ["ner"]
batch_size = 256
tokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}

[components]

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {"@scorers":"spacy.ner_scorer.v1"}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = @HIDDEN_WIDTH@
maxout_pieces = @MAXOUT_PIECES@
use_upper = @USE_UPPER@
nO = null

@TOK2VEC@
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
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 1500
max_epochs = 0
max_steps = 5000
eval_frequency = 250
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

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
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

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


# Architecture presets. "fast" is the default since 2026-11-26 (see bench/results/ner.md for the
# variants measured); "v1" is the first shipped model (2.1-2.6x slower; 1.3 points lower F1 on
# idner-news-2k test, 3.4 points higher on NERGrit).
# attrs: token attributes hash-embedded by the tok2vec; embed_size: rows for NORM (the other
# attributes get half). encoder_pieces: maxout pieces in the CNN layers; hidden_width: width
# the tok2vec output is projected to (and of the hidden layer when use_upper); maxout_pieces:
# pieces of the transition model's state layer.
HASH_EMBED_CNN_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "fast": {
        "attrs": ("NORM", "SHAPE", "SUFFIX"),
        "width": 32,
        "depth": 2,
        "embed_size": 4000,
        "window_size": 1,
        "encoder_pieces": 2,
        "hidden_width": 32,
        "maxout_pieces": 2,
        "use_upper": False,
    },
    "v1": {
        "attrs": HASH_EMBED_CNN_ATTRS,
        "width": 64,
        "depth": 2,
        "embed_size": 4000,
        "window_size": 1,
        "encoder_pieces": 3,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
    },
}
DEFAULT_ARCHITECTURE = "fast"


def tok2vec_block(arch: dict[str, Any]) -> str:
    """The ``[components.ner.model.tok2vec]`` config section(s) for an architecture dict.

    The standard four attributes give spaCy's ``HashEmbedCNN.v2`` (so the v1 model rebuilds
    exactly); any other attribute set gives the equivalent ``Tok2Vec.v2`` with
    ``MultiHashEmbed.v2`` and ``MaxoutWindowEncoder.v2``.
    """
    attrs = tuple(str(a).upper() for a in arch["attrs"])
    width, depth, rows = int(arch["width"]), int(arch["depth"]), int(arch["embed_size"])
    window, pieces = int(arch["window_size"]), int(arch["encoder_pieces"])
    if attrs == HASH_EMBED_CNN_ATTRS:
        return (
            "[components.ner.model.tok2vec]\n"
            '@architectures = "spacy.HashEmbedCNN.v2"\n'
            "pretrained_vectors = null\n"
            f"width = {width}\ndepth = {depth}\nembed_size = {rows}\n"
            f"window_size = {window}\nmaxout_pieces = {pieces}\nsubword_features = true\n"
        )
    row_sizes = [rows] + [rows // 2] * (len(attrs) - 1)
    return (
        "[components.ner.model.tok2vec]\n"
        '@architectures = "spacy.Tok2Vec.v2"\n\n'
        "[components.ner.model.tok2vec.embed]\n"
        '@architectures = "spacy.MultiHashEmbed.v2"\n'
        f"width = {width}\n"
        "attrs = [" + ", ".join(f'"{a}"' for a in attrs) + "]\n"
        "rows = [" + ", ".join(str(r) for r in row_sizes) + "]\n"
        "include_static_vectors = false\n\n"
        "[components.ner.model.tok2vec.encode]\n"
        '@architectures = "spacy.MaxoutWindowEncoder.v2"\n'
        f"width = {width}\ndepth = {depth}\nwindow_size = {window}\nmaxout_pieces = {pieces}\n"
    )


def build_config(arch: dict[str, Any]) -> str:
    """The full training config text for an architecture dict (see ``ARCHITECTURES``)."""
    return (
        CONFIG_TEMPLATE.replace("@HIDDEN_WIDTH@", str(int(arch["hidden_width"])))
        .replace("@MAXOUT_PIECES@", str(int(arch["maxout_pieces"])))
        .replace("@USE_UPPER@", "true" if arch["use_upper"] else "false")
        .replace("@TOK2VEC@", tok2vec_block(arch))
    )


def resolve_architecture(name: str = DEFAULT_ARCHITECTURE, **overrides) -> dict[str, Any]:
    """Preset ``name`` with the non-``None`` ``overrides`` applied (attrs may be a comma string)."""
    if name not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {name!r}; expected one of {tuple(ARCHITECTURES)}")
    arch = dict(ARCHITECTURES[name])
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in arch:
            raise ValueError(f"unknown architecture setting {key!r}")
        if key == "attrs" and isinstance(value, str):
            value = tuple(a.strip().upper() for a in value.split(",") if a.strip())
        arch[key] = value
    return arch


# kept for callers of the first version: the full config of the default architecture
CONFIG = build_config(ARCHITECTURES[DEFAULT_ARCHITECTURE])


def parse_weights(spec: str) -> dict[str, float]:
    """Parse ``idner=2,nergrit=1,nerp=0.5`` into a dict (missing datasets get weight 0)."""
    weights = {name: 0.0 for name in DATASET_NAMES}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, _, value = part.partition("=")
        if name not in weights:
            raise ValueError(f"unknown dataset {name!r}; expected one of {DATASET_NAMES}")
        weights[name] = float(value or 1)
    return weights


def weighted(sents: list[Sentence], weight: float, seed: int) -> list[Sentence]:
    """Repeat ``sents`` ``weight`` times (fractional part: a fixed random subset)."""
    import random

    whole = int(weight)
    out = sents * whole
    frac = weight - whole
    if frac > 0:
        rng = random.Random(seed)
        out += rng.sample(sents, int(round(frac * len(sents))))
    return out


def prune_saved_model(out: Path) -> None:
    """Drop files the ner pipe does not need (empty vectors/lookups, training strings)."""
    import srsly

    strings = out / "vocab" / "strings.json"
    if strings.exists():
        # Hash embeddings hash the attribute strings themselves; the string store is only
        # needed for the entity labels. Keep a minimal one.
        srsly.write_json(strings, sorted(LABELS))
    for name in ("lookups.bin",):
        f = out / "vocab" / name
        if f.exists() and f.stat().st_size < 100:
            f.unlink()


def set_meta(nlp) -> None:
    """Describe the pipeline in its meta.json (the dev scores spaCy stored stay)."""
    nlp.meta["name"] = "kabar_id_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = (
        "kabar's small Indonesian news NER (PER, ORG, LOC): spaCy ner with an embedded "
        "hash-embedding CNN tok2vec, no pretrained vectors. Trained by kabar.training.ner on "
        "idner-news-2k, IndoNLU NERGrit and IndoNLU NERP; see SOURCES.md."
    )
    nlp.meta["author"] = "kabar"
    nlp.meta["license"] = "see SOURCES.md"
    nlp.meta["spacy_version"] = SPACY_VERSIONS
    nlp.meta["sources"] = [
        {
            "name": "idner-news-2k",
            "url": "https://github.com/khairunnisaor/idner-news-2k",
            "license": "MIT",
            "author": "Khairunnisa, Imankulova & Komachi (2020)",
        },
        {
            "name": "IndoNLU NERGrit",
            "url": "https://github.com/indobenchmark/indonlu",
            "license": "MIT",
            "author": "Wilie et al. (2020)",
        },
        {
            "name": "IndoNLU NERP",
            "url": "https://github.com/indobenchmark/indonlu",
            "license": "MIT",
            "author": "Wilie et al. (2020)",
        },
    ]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def build_corpora(
    data_dir: Path,
    workdir: Path,
    weights: dict[str, float],
    dev_sets: Sequence[str],
    seed: int,
    decontaminate: bool = True,
):
    """Write train.spacy and dev.spacy into ``workdir``; return their paths and counts."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("id")
    held_out: list[Sentence] = []
    for name in DATASET_NAMES:
        held_out += load_split(data_dir, name, "test")
    clean = Decontaminator(held_out) if decontaminate else None
    train: list[Sentence] = []
    for name, w in weights.items():
        if w > 0:
            sents = load_split(data_dir, name, "train")
            if clean is not None:
                kept = clean.filter(sents)
                dropped = len(sents) - len(kept)
                print(f"{name} train: {len(sents)} sentences, {dropped} dropped as overlapping a test split")
                sents = kept
            train += weighted(sents, w, seed)
    dev: list[Sentence] = []
    for name in dev_sets:
        sents = load_split(data_dir, name, "dev")
        dev += clean.filter(sents) if clean is not None else sents
    paths = {}
    for split, sents in (("train", train), ("dev", dev)):
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        for doc in make_docs(nlp.vocab, sents):
            db.add(doc)
        paths[split] = workdir / f"{split}.spacy"
        db.to_disk(paths[split])
    return paths, len(train), len(dev)


def save_model(best: Path, out: Path) -> None:
    """The best checkpoint into the pack, replacing the model there but keeping its *.md notes."""
    import spacy

    nlp = spacy.load(best)
    set_meta(nlp)
    kept_docs = {}
    if out.exists():
        # keep hand-written documentation (SOURCES.md) across rebuilds
        kept_docs = {f.name: f.read_bytes() for f in out.glob("*.md")}
        replace_model_dir(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    prune_saved_model(out)
    for name, data in kept_docs.items():
        (out / name).write_bytes(data)
    # keep the config reproducible without machine-specific paths
    cfg = nlp.config.copy()
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(out / "config.cfg")
    spacy.load(out)  # sanity: it still loads
    print(f"saved {out} ({dir_size(out) / 1e6:.2f} MB)")


def argument_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data", default="../shared/data/ner", help="directory with idner-news-2k/, nergrit/, nerp/"
    )
    ap.add_argument("--out", default="kabar/lang/id/models/ner", help="output pipeline directory (replaced)")
    ap.add_argument(
        "--weights",
        default="idner=2,nergrit=1,nerp=1",
        help="training mix, e.g. idner=2,nergrit=1,nerp=1 (repeat factors)",
    )
    ap.add_argument(
        "--dev-sets",
        default="idner,nergrit",
        help="comma-separated datasets whose dev split selects the model",
    )
    ap.add_argument(
        "--arch",
        default=DEFAULT_ARCHITECTURE,
        choices=tuple(ARCHITECTURES),
        help="architecture preset: 'fast' (default) or 'v1' (the first model, slower); "
        "the options below override single settings of the preset",
    )
    ap.add_argument(
        "--attrs", default=None, help="comma-separated token attributes to embed, e.g. NORM,SHAPE,SUFFIX"
    )
    ap.add_argument("--width", type=int, default=None, help="tok2vec width")
    ap.add_argument("--depth", type=int, default=None, help="tok2vec CNN depth")
    ap.add_argument(
        "--embed-size",
        type=int,
        default=None,
        help="hash embedding rows for NORM (other attributes get half)",
    )
    ap.add_argument("--window-size", type=int, default=None, help="CNN window on each side")
    ap.add_argument("--encoder-pieces", type=int, default=None, help="maxout pieces in the CNN layers")
    ap.add_argument("--hidden-width", type=int, default=None, help="transition model hidden width")
    ap.add_argument(
        "--maxout-pieces", type=int, default=None, help="transition model maxout pieces (1: ReLU)"
    )
    ap.add_argument(
        "--use-upper",
        default=None,
        action=argparse.BooleanOptionalAction,
        help="hidden layer before the action scores",
    )
    ap.add_argument("--max-steps", type=int, default=5000, help="upper bound on training steps")
    ap.add_argument(
        "--patience", type=int, default=1500, help="steps without dev improvement before stopping"
    )
    ap.add_argument("--eval-frequency", type=int, default=250)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--no-decontaminate",
        action="store_true",
        help="keep training/dev sentences that duplicate a test sentence (inflates test scores)",
    )
    ap.add_argument(
        "--workdir", default=None, help="keep corpora/checkpoints here (default: a temp dir, removed)"
    )
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = argument_parser().parse_args(argv)

    from spacy.cli.train import train as spacy_train

    data_dir = Path(args.data)
    if not data_dir.is_dir():
        print(f"data directory {data_dir} not found", file=sys.stderr)
        return 2
    weights = parse_weights(args.weights)
    dev_sets = [d.strip() for d in args.dev_sets.split(",") if d.strip()]
    out = Path(args.out)
    arch = resolve_architecture(
        args.arch,
        attrs=args.attrs,
        width=args.width,
        depth=args.depth,
        embed_size=args.embed_size,
        window_size=args.window_size,
        encoder_pieces=args.encoder_pieces,
        hidden_width=args.hidden_width,
        maxout_pieces=args.maxout_pieces,
        use_upper=args.use_upper,
    )

    tmp = None
    if args.workdir:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="kabar-ner-")
        workdir = Path(tmp.name)
    try:
        paths, n_train, n_dev = build_corpora(
            data_dir, workdir, weights, dev_sets, args.seed, decontaminate=not args.no_decontaminate
        )
        print(f"train sentences: {n_train} (weights {weights}); dev sentences: {n_dev} ({dev_sets})")
        cfg_path = workdir / "config.cfg"
        print(f"architecture: {args.arch} {arch}")
        cfg_path.write_text(build_config(arch), encoding="utf-8")
        overrides = {
            "paths.train": str(paths["train"]),
            "paths.dev": str(paths["dev"]),
            "system.seed": args.seed,
            "training.max_steps": args.max_steps,
            "training.patience": args.patience,
            "training.eval_frequency": args.eval_frequency,
        }
        t0 = time.time()
        spacy_train(cfg_path, workdir / "output", use_gpu=-1, overrides=overrides)
        print(f"training wall time: {time.time() - t0:.0f} s")
        save_model(workdir / "output" / "model-best", out)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
