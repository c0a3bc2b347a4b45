"""One-to-one matching of gold items and predictions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

Score = tuple[int, ...]


def greedy_match(n_gold: int, n_pred: int, score: Callable[[int, int], Score | None]) -> dict[int, int]:
    """One-to-one greedy matching: pairs with the best score first. `score` gives None for no match.

    Ties prefer the gold item and the prediction with fewer candidates, then the earlier ones,
    which finds the full matching in the usual cases greedy would get wrong.
    """
    pairs = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                pairs.append((s, g, p))
    gold_options = Counter(g for _, g, _ in pairs)
    pred_options = Counter(p for _, _, p in pairs)
    pairs.sort(key=lambda t: (tuple(-x for x in t[0]), pred_options[t[2]], gold_options[t[1]], t[1], t[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g in out or p in used:
            continue
        out[g] = p
        used.add(p)
    return out
