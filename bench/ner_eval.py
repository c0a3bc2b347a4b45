"""Evaluate kabar's NER model on the test split of each third-party NER dataset.

    OMP_NUM_THREADS=1 python bench/ner_eval.py [--model kabar/lang/id/models/ner ...]
        [--data ../shared/data/ner] [--repeat 5] [--markdown FILE] [--json FILE]

For idner-news-2k (test.txt), NERGrit (valid_preprocess.txt) and NERP (valid_preprocess.txt)
it prints entity-level precision/recall/F1 (exact span and type match, as seqeval) per type
PER/ORG/LOC and micro overall, using the gold tokenisation. It also prints the model's size on
disk, its load time the way kabar loads it (``spacy.load(path, exclude=["tokenizer"],
config=kabar.tokenizer.TOKENIZER_CONFIG)``, see kabar/nlp.py) and its speed on one CPU core in
tokens per CPU-second:

* per doc: ``ner(doc)`` on article-sized docs (consecutive test sentences joined until a doc
  holds at least 600 tokens, the size of a 500-word article), one call per doc;
* batched: ``ner.pipe(docs, batch_size=32)`` over the same docs;
* ``ner(nlp.make_doc(text))`` on the same articles as text, i.e. with kabar's tokenizer.

The docs are built before the clock starts; the clock is ``time.process_time()`` so that other
load on a shared machine counts as little as possible. Each figure is the best of ``--repeat``
runs.

With several ``--model`` arguments the speed runs are interleaved (model 1, model 2, ...,
then again), so that all models see the same machine conditions, and a comparison table is
printed after the detailed section of the first model. It writes nothing unless
``--markdown FILE`` (a markdown section; text after the line ``KEEP_MARKER`` in an existing
FILE is kept) or ``--json FILE`` (the figures) is given.
"""

from __future__ import annotations

import os

import _bench  # noqa: E402,F401  (one thread per library, before numpy is imported)

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = _bench.ROOT

from kabar.training.ner import DATASETS, LABELS, iob_spans, load_split  # noqa: E402

TEST_NAMES = {
    "idner": "idner-news-2k test.txt",
    "nergrit": "NERGrit valid_preprocess.txt",
    "nerp": "NERP valid_preprocess.txt",
}
# --markdown replaces FILE, except for what follows this line in it (hand-written notes)
KEEP_MARKER = "<!-- ner_eval.py keeps what follows -->"
ARTICLE_TOKENS = 600  # a 500-word news article is about 600 tokens
BATCH_SIZE = 32


def prf(tp: int, n_pred: int, n_gold: int):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_docs, pred_docs):
    """Entity-level exact-match scores: {type: (p, r, f, support)} plus 'micro'."""
    counts = {lab: [0, 0, 0] for lab in LABELS}  # tp, pred, gold
    for gold, pred in zip(gold_docs, pred_docs):
        g = set(gold)
        pr = set(pred)
        for s in g:
            counts.setdefault(s[2], [0, 0, 0])[2] += 1
        for s in pr:
            counts.setdefault(s[2], [0, 0, 0])[1] += 1
            if s in g:
                counts[s[2]][0] += 1
    out = {}
    for lab, (tp, npred, ngold) in counts.items():
        out[lab] = (*prf(tp, npred, ngold), ngold)
    tp = sum(c[0] for c in counts.values())
    npred = sum(c[1] for c in counts.values())
    ngold = sum(c[2] for c in counts.values())
    out["micro"] = (*prf(tp, npred, ngold), ngold)
    return out


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def articles_from(sentences, min_tokens: int = ARTICLE_TOKENS):
    """Join consecutive token lists until each holds at least ``min_tokens`` tokens."""
    out, cur = [], []
    for words in sentences:
        cur = cur + list(words)
        if len(cur) >= min_tokens:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def load_kabar_way(path: Path):
    """Load the model as kabar/nlp.py does (kabar's fast tokenizer instead of the saved one)."""
    import spacy

    from kabar.tokenizer import TOKENIZER_CONFIG

    return spacy.load(path, exclude=["tokenizer"], config=TOKENIZER_CONFIG)


LOAD_SNIPPET = """
import sys, time
sys.path.insert(0, {root!r})
import spacy
from kabar.tokenizer import TOKENIZER_CONFIG
c, w = time.process_time(), time.perf_counter()
spacy.load({model!r}, exclude=["tokenizer"], config=TOKENIZER_CONFIG)
print(time.process_time() - c, time.perf_counter() - w)
"""


def fresh_load_time(model: Path, repeat: int = 2):
    """(CPU s, wall s) of loading ``model`` the kabar way in a new process (spaCy already imported)."""
    import subprocess

    best = (float("inf"), float("inf"))
    for _ in range(max(1, repeat)):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET.format(root=str(ROOT), model=str(model))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        best = (min(best[0], float(out[-2])), min(best[1], float(out[-1])))
    return best


def show(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def arch_summary(nlp) -> str:
    """A one-line description of the ner model's architecture, from its config."""
    m = nlp.config["components"]["ner"]["model"]
    t = m["tok2vec"]
    if "embed" in t:
        e, c = t["embed"], t["encode"]
        attrs, rows = "+".join(e["attrs"]), "/".join(str(r) for r in e["rows"])
        tv = f"width {c['width']}, depth {c['depth']}, window {c['window_size']}, CNN maxout {c['maxout_pieces']}; {attrs} ({rows} rows)"
    else:
        tv = (
            f"width {t['width']}, depth {t['depth']}, window {t['window_size']}, CNN maxout {t['maxout_pieces']}; "
            f"NORM+PREFIX+SUFFIX+SHAPE ({t['embed_size']}/{t['embed_size'] // 2} rows)"
        )
    upper = "hidden layer" if m.get("use_upper", True) else "no hidden layer"
    return f"tok2vec {tv}; parser {upper}, hidden width {m['hidden_width']}, maxout {m['maxout_pieces']}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--model",
        action="append",
        default=None,
        help="model directory (repeatable; default kabar/lang/id/models/ner); the first is reported in detail",
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/ner"))
    ap.add_argument("--markdown", default=None, help="write results as a markdown section to this file")
    ap.add_argument("--json", default=None, help="write the figures of every model to this JSON file")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs per model (best is reported)")
    args = ap.parse_args(argv)

    data = Path(args.data)
    models = [Path(m) for m in (args.model or [str(ROOT / "kabar/lang/id/models/ner")])]
    if not data.is_dir():
        print(f"NER data directory {data} not found; skipping NER evaluation.")
        return 0
    missing = [m for m in models if not m.is_dir()]
    if missing:
        print(f"NER model {missing[0]} not found; skipping NER evaluation.")
        return 0

    import spacy
    from spacy.tokens import Doc

    test = {}
    for name in DATASETS:
        try:
            sents = load_split(data, name, "test")
        except FileNotFoundError as e:
            print(f"{name}: missing test file ({e.filename}); skipped")
            continue
        test[name] = [s for s in sents if s[0]]
    all_words = [w for sents in test.values() for w, _ in sents]
    articles = articles_from(all_words)
    article_texts = [" ".join(a) for a in articles]
    n_tok = sum(len(a) for a in articles)

    runs = []
    for model in models:
        nlp = load_kabar_way(model)
        load = fresh_load_time(model)
        ner = nlp.get_pipe("ner")
        results = {}
        for name, sents in test.items():
            docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
            pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe(docs, batch_size=256)]
            gold = [iob_spans(t) for _, t in sents]
            results[name] = (len(sents), sum(len(w) for w, _ in sents), score(gold, pred))
        runs.append(
            {
                "model": model,
                "nlp": nlp,
                "ner": ner,
                "size_mb": dir_size_mb(model),
                "load": load,
                "results": results,
                "best": {},
            }
        )

    # speed, interleaved across models; docs are built before the clock starts
    def time_per_doc(run):
        docs = [Doc(run["nlp"].vocab, words=w) for w in articles]
        ner = run["ner"]
        c, w = time.process_time(), time.perf_counter()
        for doc in docs:
            ner(doc)
        return time.process_time() - c, time.perf_counter() - w

    def time_batched(run):
        docs = [Doc(run["nlp"].vocab, words=w) for w in articles]
        c, w = time.process_time(), time.perf_counter()
        for _doc in run["ner"].pipe(docs, batch_size=BATCH_SIZE):
            pass
        return time.process_time() - c, time.perf_counter() - w

    def time_text(run):
        nlp, ner = run["nlp"], run["ner"]
        c, w = time.process_time(), time.perf_counter()
        for text in article_texts:
            ner(nlp.make_doc(text))
        return time.process_time() - c, time.perf_counter() - w

    n_tok_text = sum(len(runs[0]["nlp"].make_doc(t)) for t in article_texts)
    timers = {"per_doc": time_per_doc, "batched": time_batched, "text": time_text}
    for run in runs:  # warm-up
        for fn in timers.values():
            fn(run)
    for _ in range(max(1, args.repeat)):
        for run in runs:
            for key, fn in timers.items():
                cpu, wall = fn(run)
                old = run["best"].get(key, (float("inf"), float("inf")))
                run["best"][key] = (min(old[0], cpu), min(old[1], wall))
    for run in runs:
        n = {"per_doc": n_tok, "batched": n_tok, "text": n_tok_text}
        run["speed"] = {k: (n[k] / cpu, n[k] / wall) for k, (cpu, wall) in run["best"].items()}

    first = runs[0]
    sp = first["speed"]
    lines = []
    lines.append(f"Model: `{show(first['model'])}`  ")
    lines.append(f"Architecture: {arch_summary(first['nlp'])}  ")
    lines.append(f"Size on disk: {first['size_mb']:.2f} MB  ")
    lines.append(
        "Load time the way kabar loads it (`spacy.load(path, exclude=[\"tokenizer\"], "
        "config=TOKENIZER_CONFIG)`) in a new process that has already imported spaCy, best of 2: "
        f"{first['load'][0]:.2f} CPU seconds ({first['load'][1]:.2f} s wall)  "
    )
    lines.append(
        f"Speed on one CPU core (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}; tokens per CPU-second, "
        f"best of {args.repeat}; wall-clock in brackets) over all {n_tok:,} test tokens joined into "
        f"{len(articles)} article-sized docs of at least {ARTICLE_TOKENS} tokens:  "
    )
    lines.append(f"- per doc, `ner(doc)`: **{sp['per_doc'][0]:,.0f} tokens/s** ({sp['per_doc'][1]:,.0f})  ")
    lines.append(
        f"- batched, `ner.pipe(docs, batch_size={BATCH_SIZE})`: **{sp['batched'][0]:,.0f} tokens/s** "
        f"({sp['batched'][1]:,.0f})  "
    )
    lines.append(
        f"- with kabar's tokenizer, `ner(nlp.make_doc(text))` per article ({n_tok_text:,} tokens): "
        f"**{sp['text'][0]:,.0f} tokens/s** ({sp['text'][1]:,.0f})"
    )
    lines.append("")
    lines.append(f"Python {platform.python_version()}, spaCy {spacy.__version__}, {platform.machine()}")
    lines.append("")
    lines.append("Entity-level exact-match scores (seqeval-style), test splits:")
    lines.append("")
    lines.append("| dataset (test split) | sents | tokens | type | P | R | F1 | support |")
    lines.append("|---|---:|---:|---|---:|---:|---:|---:|")
    for name, (ns, nt, sc) in first["results"].items():
        for lab in (*LABELS, "micro"):
            if lab not in sc:
                continue
            p, r, f, sup = sc[lab]
            ds = f"{TEST_NAMES[name]}" if lab == LABELS[0] else ""
            cnt = (f"{ns}", f"{nt}") if lab == LABELS[0] else ("", "")
            lab_s = "**micro**" if lab == "micro" else lab
            f_s = f"**{100 * f:.1f}**" if lab == "micro" else f"{100 * f:.1f}"
            lines.append(f"| {ds} | {cnt[0]} | {cnt[1]} | {lab_s} | {100 * p:.1f} | {100 * r:.1f} | {f_s} | {sup} |")
    if len(runs) > 1:
        lines.append("")
        lines.append(
            "Comparison (micro F1 on each test split; speed in tokens per CPU-second, measured "
            "interleaved in one process; load: CPU seconds in a new process):"
        )
        lines.append("")
        names = list(first["results"])
        lines.append(
            "| model | " + " | ".join(TEST_NAMES[n].split()[0] for n in names) + " | per doc | batched | size MB | load s |"
        )
        lines.append("|---|" + "---:|" * (len(names) + 4))
        for run in runs:
            f1 = [f"{100 * run['results'][n][2]['micro'][2]:.1f}" for n in names]
            lines.append(
                f"| `{show(run['model'])}` | " + " | ".join(f1) + f" | {run['speed']['per_doc'][0]:,.0f} | "
                f"{run['speed']['batched'][0]:,.0f} | {run['size_mb']:.2f} | {run['load'][0]:.2f} |"
            )
    text = "\n".join(lines)
    print(text)

    if args.json:
        figures = [
            {
                "model": show(run["model"]),
                "architecture": arch_summary(run["nlp"]),
                "size_mb": round(run["size_mb"], 3),
                "load_cpu_s": round(run["load"][0], 3),
                "tokens_per_s": {k: round(v[0]) for k, v in run["speed"].items()},
                "tokens_per_s_wall": {k: round(v[1]) for k, v in run["speed"].items()},
                "micro_f1": {n: round(100 * r[2]["micro"][2], 2) for n, r in run["results"].items()},
            }
            for run in runs
        ]
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.markdown:
        md = "## NER model (kabar/lang/id/models/ner)\n\n" + text + "\n"
        target = Path(args.markdown)
        if target.exists():  # keep the hand-written part after the marker
            old = target.read_text(encoding="utf-8")
            if KEEP_MARKER in old:
                md += "\n" + old[old.index(KEEP_MARKER) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(md, encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
