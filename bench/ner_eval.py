"""Evaluate kabar's NER model on the test split of each third-party NER dataset.

    OMP_NUM_THREADS=1 python bench/ner_eval.py [--model kabar/lang/id/models/ner]
        [--data ../shared/data/ner] [--markdown FILE]

For idner-news-2k (test.txt), NERGrit (valid_preprocess.txt) and NERP (valid_preprocess.txt)
it prints entity-level precision/recall/F1 (exact span and type match, as seqeval) per type
PER/ORG/LOC and micro overall, using the gold tokenisation. It also prints the model's size on
disk, its load time and its speed on one CPU core: the ner pipe alone over the gold-tokenised
test docs, and tokenizer + ner from raw text, the way kabar calls it
(``nlp.get_pipe("ner")(nlp.make_doc(text))``). It writes nothing unless ``--markdown FILE``
is given, in which case the results are written to FILE as a markdown section.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kabar.training.ner import DATASETS, LABELS, iob_spans, load_split  # noqa: E402

TEST_NAMES = {
    "idner": "idner-news-2k test.txt",
    "nergrit": "NERGrit valid_preprocess.txt",
    "nerp": "NERP valid_preprocess.txt",
}


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=str(ROOT / "kabar/lang/id/models/ner"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/ner"))
    ap.add_argument("--markdown", default=None, help="write results as a markdown section to this file")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs (best is reported)")
    args = ap.parse_args(argv)

    data = Path(args.data)
    model = Path(args.model)
    if not data.is_dir():
        print(f"NER data directory {data} not found; skipping NER evaluation.")
        return 0
    if not model.is_dir():
        print(f"NER model {model} not found; skipping NER evaluation.")
        return 0

    import spacy
    from spacy.tokens import Doc

    try:
        import torch  # noqa: F401

        torch.set_num_threads(1)
    except ImportError:
        pass

    t0, c0 = time.perf_counter(), time.process_time()
    nlp = spacy.load(model)
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    ner = nlp.get_pipe("ner")
    size_mb = dir_size_mb(model)

    results = {}
    all_docs = []
    all_texts = []
    for name in DATASETS:
        try:
            sents = load_split(data, name, "test")
        except FileNotFoundError as e:
            print(f"{name}: missing test file ({e.filename}); skipped")
            continue
        sents = [s for s in sents if s[0]]
        docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
        pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe(docs, batch_size=256)]
        gold = [iob_spans(t) for _, t in sents]
        results[name] = (len(sents), sum(len(w) for w, _ in sents), score(gold, pred))
        all_docs.extend(w for w, _ in sents)
        all_texts.extend(" ".join(w) for w, _ in sents)

    # speed: ner pipe alone on gold-tokenised docs (batched), and make_doc + ner per text.
    # Measured in CPU time of this (single-threaded) process, so that other load on the
    # machine does not count; wall-clock figures are printed beside them.
    n_tok = sum(len(w) for w in all_docs)
    n_tok_raw = sum(len(nlp.make_doc(t)) for t in all_texts)

    def run_pipe():
        docs = [Doc(nlp.vocab, words=w) for w in all_docs]
        for _d in ner.pipe(docs, batch_size=256):
            pass

    def run_calls():
        for text in all_texts:
            ner(nlp.make_doc(text))

    # news articles are longer than one sentence: 20 consecutive test sentences per text
    articles = [" ".join(all_texts[i : i + 20]) for i in range(0, len(all_texts), 20)]

    def run_articles():
        for text in articles:
            ner(nlp.make_doc(text))

    def best_of(fn):
        cpu = wall = float("inf")
        for _ in range(max(1, args.repeat)):
            c, w = time.process_time(), time.perf_counter()
            fn()
            cpu = min(cpu, time.process_time() - c)
            wall = min(wall, time.perf_counter() - w)
        return cpu, wall

    cpu_pipe, wall_pipe = best_of(run_pipe)
    cpu_call, wall_call = best_of(run_calls)
    speed_pipe, speed_pipe_wall = n_tok / cpu_pipe, n_tok / wall_pipe
    speed_call, speed_call_wall = n_tok_raw / cpu_call, n_tok_raw / wall_call
    cpu_art, wall_art = best_of(run_articles)
    speed_art, speed_art_wall = n_tok_raw / cpu_art, n_tok_raw / wall_art
    t0, c0 = time.perf_counter(), time.process_time()
    spacy.load(model)
    reload_s, reload_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    spacy.load(model, exclude=["tokenizer"])
    notok_s, notok_cpu = time.perf_counter() - t0, time.process_time() - c0

    lines = []
    lines.append(f"Model: `{model.relative_to(ROOT) if model.is_relative_to(ROOT) else model}`  ")
    lines.append(f"Size on disk: {size_mb:.2f} MB  ")
    lines.append(
        f"Load time, CPU seconds (wall in brackets): first `spacy.load` in the process {load_cpu:.2f} s "
        f"({load_s:.2f}); a second load {reload_cpu:.2f} s ({reload_s:.2f}); "
        f"`spacy.load(path, exclude=[\"tokenizer\"])` {notok_cpu:.2f} s ({notok_s:.2f}) -- most of it is "
        f"building the Indonesian tokenizer's special cases  "
    )
    lines.append(
        f"Speed on one CPU core (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}; tokens per CPU-second, "
        f"best of {args.repeat}; wall-clock in brackets) over all {n_tok:,} test tokens:  "
    )
    lines.append(
        f"- ner pipe on gold-tokenised docs, `ner.pipe(batch_size=256)`: "
        f"**{speed_pipe:,.0f} tokens/s** ({speed_pipe_wall:,.0f})  "
    )
    lines.append(
        f"- `ner(nlp.make_doc(text))` one sentence at a time: "
        f"**{speed_call:,.0f} tokens/s** ({speed_call_wall:,.0f})  "
    )
    lines.append(
        f"- `ner(nlp.make_doc(text))` on article-sized texts (20 sentences, {len(articles)} texts): "
        f"**{speed_art:,.0f} tokens/s** ({speed_art_wall:,.0f})"
    )
    lines.append("")
    lines.append(f"Python {platform.python_version()}, spaCy {spacy.__version__}, {platform.machine()}")
    lines.append("")
    lines.append("Entity-level exact-match scores (seqeval-style), test splits:")
    lines.append("")
    lines.append("| dataset (test split) | sents | tokens | type | P | R | F1 | support |")
    lines.append("|---|---:|---:|---|---:|---:|---:|---:|")
    for name, (ns, nt, sc) in results.items():
        for lab in (*LABELS, "micro"):
            if lab not in sc:
                continue
            p, r, f, sup = sc[lab]
            ds = f"{TEST_NAMES[name]}" if lab == LABELS[0] else ""
            cnt = (f"{ns}", f"{nt}") if lab == LABELS[0] else ("", "")
            lab_s = "**micro**" if lab == "micro" else lab
            f_s = f"**{100 * f:.1f}**" if lab == "micro" else f"{100 * f:.1f}"
            lines.append(f"| {ds} | {cnt[0]} | {cnt[1]} | {lab_s} | {100 * p:.1f} | {100 * r:.1f} | {f_s} | {sup} |")
    text = "\n".join(lines)
    print(text)

    if args.markdown:
        md = "## NER model (kabar/lang/id/models/ner)\n\n" + text + "\n"
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(md, encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
