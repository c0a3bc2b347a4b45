"""Draw random entities with an actor code from politics articles, for a hand check (issue 12).

Reads the shared corpus (`../shared/corpus/id-news.jsonl`) and the politics ids
(`../shared/corpus/politics-ids.txt`), shuffles the ids with `random.Random(SEED)`, runs
`kabar.extract` (with the article's id, title and date) on the first `--articles` of them, and
collects every entity with a non-empty actor code. It then draws `--n` entities with the same
generator, at most one per article while articles remain, and prints for each the article id,
the entity's name, type, country and actor code, and its first two mentions with the sentence
around them (about 200 characters), so a person can judge the code.

    python bench/actors_sample.py [--articles 150] [--n 50] [--seed 12]

Only the first `--articles` shuffled ids are run, to spare the CPU; that is enough to draw from.
"""

from __future__ import annotations

import argparse
import json
import random

import _bench  # noqa: PLC2701 - threads pinned and the checkout on sys.path, first

import kabar

CORPUS = _bench.CORPUS

POLITICS = CORPUS.parent / "politics-ids.txt"


def load_articles(ids: set[str]) -> dict[str, dict]:
    """The corpus records whose id is in `ids`, by id."""
    found: dict[str, dict] = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                found[rec["id"]] = rec
    return found


def context(body: str, start: int, end: int, width: int = 200) -> str:
    """About `width` characters of the body around a mention, the mention in [brackets]."""
    half = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - half), min(len(body), end + half)
    text = body[lo:start] + "[" + body[start:end] + "]" + body[end:hi]
    return " ".join(text.split())


def coded_entities(ids: list[str], records: dict[str, dict]) -> list[tuple[str, object, str]]:
    """(article id, entity, body) for every entity with an actor code in the articles."""
    out = []
    for aid in ids:
        rec = records[aid]
        art = kabar.extract(rec["text"], source=aid, id=aid, title=rec.get("title"),
                            published=rec.get("published"))
        out.extend((aid, ent, art.body) for ent in art.entities if ent.actor_code)
    return out


def draw(pool: list[tuple[str, object, str]], n: int, rng: random.Random) -> list:
    """`n` entities, at most one per article while unused articles remain."""
    order = pool[:]
    rng.shuffle(order)
    picked, used, rest = [], set(), []
    for item in order:
        (picked if item[0] not in used else rest).append(item)
        used.add(item[0])
    return (picked + rest)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ids = [x.strip() for x in POLITICS.read_text(encoding="utf-8").split() if x.strip()]
    rng.shuffle(ids)
    ids = ids[: args.articles]
    records = load_articles(set(ids))
    ids = [i for i in ids if i in records]
    pool = coded_entities(ids, records)
    print(f"# {len(ids)} articles, {len(pool)} entities with an actor code, seed {args.seed}")
    for k, (aid, ent, body) in enumerate(draw(pool, args.n, rng), 1):
        print(f"\n## {k}. {aid} | {ent.name} | {ent.type} | {ent.country} | {ent.actor_code}")
        for m in [m for m in ent.mentions if m.where == "body"][:2] or ent.mentions[:2]:
            src = body if m.where == "body" else ""
            print("   -", context(src, m.start, m.end) if src else f"({m.where}) {m.text}")


if __name__ == "__main__":
    main()
