"""How much of the verbs and event nouns of political news the event dictionary covers.

    python bench/event_coverage.py [--top 1500] [--national 1500] [--list 60]
        [--corpus ../shared/corpus/id-news.jsonl] [--markdown bench/results/event-coverage.md]

Reads the articles listed in politics-ids.txt and the first N national-news articles of the
corpus (category `Nasional`, `News / Nasional`, `nasional / politik` ...), runs the pipeline up to
the `events` stage, and keeps the sentences that mention an actor (an entity with an actor code
or a country). In them it counts
- verbs: words the pack's event grammar reads as verbal (`looks_like_verb`: meN-, di-, ber-,
  ter- ... forms), clitics removed;
- verb phrases: a light verb of the dictionary with the word after it (`melakukan kunjungan`);
- event nouns: that word after a light verb.
Each of the TOP most frequent items is `coded` (a dictionary form, or the first word of one),
`structural` (a light verb, verb of saying or auxiliary the stage reads as grammar), `excluded`
(listed under `excluded` in events.yaml with a reason), or `open`. Prints the shares and the most
frequent open items (words only, no corpus text), and the same shares over all the verb, phrase
and noun occurrences of those sentences (not only the top items). Without the corpus: SKIP, exit 0.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import _bench  # noqa: PLC2701  (one thread per library, before numpy or kabar is imported)

NATIONAL = ("nasional", "news / nasional")


def read_rows(corpus: Path, national: int) -> list[dict]:
    ids = set((corpus.parent / "politics-ids.txt").read_text().split())
    rows, n_nat = [], 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            category = (row.get("category") or "").strip().lower()
            if row["id"] in ids:
                rows.append(row)
            elif n_nat < national and category.startswith(NATIONAL):
                rows.append(row)
                n_nat += 1
    return rows


def _strip(word: str, clitics: tuple[str, ...]) -> str:
    for c in clitics:
        if word.endswith(c) and len(word) > len(c) + 3:
            return word[: -len(c)]
    return word


def is_quantity(lex, word: str) -> bool:
    from kabar.events.phrases import is_quantity as quantity

    return quantity(lex, word)


class Counter:
    """Verbs, verb phrases and event nouns of actor sentences."""

    def __init__(self, lex, grammar) -> None:
        self.lex, self.grammar = lex, grammar
        self.verbs: collections.Counter[str] = collections.Counter()
        self.phrases: collections.Counter[str] = collections.Counter()
        self.nouns: collections.Counter[str] = collections.Counter()
        self.sentences = 0

    def add(self, doc) -> None:
        actors = {e.id for e in doc.article.entities if e.actor_code or e.country}
        spans = [(m.start, m.end) for m in doc.mentions if m.entity_id in actors]
        view = doc.view
        for si, sentence in enumerate(view.sentences):
            if not any(sentence.start <= a < sentence.end for a, _ in spans):
                continue
            self.sentences += 1
            words = [_strip(t.lower, self.grammar.clitics) for t in view.sentence_tokens(si)]
            for k, w in enumerate(words):
                if not w.isalpha():
                    continue
                if (
                    self.grammar.looks_like_verb(w)
                    and w not in self.lex.not_verbs
                    and (w not in self.lex.function_words or w in self.lex.light_before)
                ):
                    self.verbs[w] += 1
                if w in self.lex.light_before:
                    j = k + 1
                    while j < len(words) and j - k <= 3 and is_quantity(self.lex, words[j]):
                        j += 1
                    noun = words[j] if j < len(words) else ""
                    plain = noun not in self.lex.function_words and not self.grammar.looks_like_verb(noun)
                    if noun.isalpha() and plain:
                        self.phrases[f"{w} {noun}"] += 1
                        self.nouns[noun] += 1


def classify(item: str, lex, excluded: set[str]) -> str:
    """coded, structural, excluded or open (a phrase is coded when a dictionary form starts with
    it, or when it is a light verb and a dictionary noun)."""
    words = item.split()
    first, rest = words[0], tuple(words[1:])
    if any(f.rest[: len(rest)] == rest for f in lex.triggers.get(first, ())):
        return "coded"
    if rest and first in lex.light_before and any(f.noun for f in lex.triggers.get(words[-1], ())):
        return "coded"
    if item in excluded or (len(words) > 1 and words[-1] in excluded):
        return "excluded"
    if rest and first in lex.light_before and words[-1] in lex.referring_nouns:
        return "structural"  # "mengeluarkan pernyataan": the statement's content is the event
    structural = (
        lex.light_before | lex.light_after | lex.light_receive | lex.reporting_verbs | lex.auxiliaries
    )
    if len(words) == 1 and (first in structural or first in lex.speech_verbs or first in lex.referring_nouns):
        return "structural"
    return "open"


def report(
    name: str, counts: collections.Counter[str], top: int, lex, excluded: set[str], show: int
) -> list[str]:
    items = counts.most_common(top)
    kinds = collections.Counter(classify(w, lex, excluded) for w, _ in items)
    tokens = collections.Counter()
    for w, c in items:
        tokens[classify(w, lex, excluded)] += c
    total, total_tok = max(len(items), 1), max(sum(tokens.values()), 1)
    handled = kinds["coded"] + kinds["structural"] + kinds["excluded"]
    lines = [
        f"{name}: top {len(items)}: coded {kinds['coded']}, structural {kinds['structural']}, "
        f"excluded {kinds['excluded']}, open {kinds['open']}; coded or consciously handled "
        f"{handled / total:.0%} of the items, "
        f"{(total_tok - tokens['open']) / total_tok:.0%} of their occurrences"
    ]
    every: collections.Counter[str] = collections.Counter()
    for w, c in counts.items():
        every[classify(w, lex, excluded)] += c
    n_all = max(sum(every.values()), 1)
    lines.append(
        f"  all {len(counts)} distinct, {n_all} occurrences: coded {every['coded'] / n_all:.0%}, "
        f"structural {every['structural'] / n_all:.0%}, excluded {every['excluded'] / n_all:.0%}, "
        f"open {every['open'] / n_all:.0%} (handled {(n_all - every['open']) / n_all:.0%})"
    )
    open_items = [f"{w} {c}" for w, c in items if classify(w, lex, excluded) == "open"][:show]
    if open_items:
        lines.append(f"  most frequent open: {', '.join(open_items)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, default=1500)
    ap.add_argument("--national", type=int, default=1500)
    ap.add_argument("--list", type=int, default=60)
    ap.add_argument("--corpus", type=Path, default=_bench.CORPUS)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0

    from kabar.errors import KabarError
    from kabar.events.config import events_section
    from kabar.events.lexicon import Lexicon
    from kabar.pipeline import get_pipeline

    pipe = get_pipeline("id")
    before = [s for name, s in zip(pipe.stage_names, pipe.stages) if name != "events"]
    lex = Lexicon(pipe.pack)
    excluded = {w.lower() for ex in events_section(pipe.pack).excluded for w in ex.words}
    counter = Counter(lex, lex.grammar)
    rows = read_rows(args.corpus, args.national)
    for row in rows:
        try:
            doc = _bench.corpus_document(pipe, row)
            for stage in before:
                stage(doc)
        except KabarError:
            continue
        counter.add(doc)
    lines = [f"articles: {len(rows)} (politics-ids.txt and up to {args.national} national news); "
             f"sentences with an actor: {counter.sentences}"]
    kinds = (("verbs", counter.verbs), ("verb phrases", counter.phrases), ("event nouns", counter.nouns))
    for name, counts in kinds:
        lines += report(name, counts, args.top, lex, excluded, args.list)
    print("\n".join(lines))
    if args.markdown:
        title = "Event dictionary coverage of political news"
        _bench.write_markdown_list(args.markdown, title, "event_coverage.py", argv, lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
