"""Near-duplicate articles: syndicated and republished copies of the same story.

Each article body becomes a MinHash signature (datasketch) over its word 3-grams
("shingles"); a MinHash LSH index finds earlier articles whose estimated Jaccard
similarity is at or above the threshold. Signatures are plain arrays of 32-bit
integers, so the store keeps them in a table and rebuilds the index when it opens:
copies are found across runs, not only within one.

    >>> dd = Deduplicator()
    >>> sig = dd.signature(body)
    >>> dd.query(sig)            # [(key, similarity), ...] of indexed near-copies
    >>> dd.add("article-id", sig)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

# Parameters that decide what a signature is. They are saved with the store, and a
# store keeps the values it was created with (signatures of different settings
# cannot be compared).
NUM_PERM = 128
SHINGLE = 3  # words per shingle
SEED = 1
SCHEME = "affine32"
# Parameters that decide what counts as a copy; they may change between runs.
THRESHOLD = 0.7
MIN_SHINGLES = 20  # shorter texts (captions, teasers) are too short to call copies

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the lower-cased text, as bytes (punctuation and spacing ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal hash values)."""
    return float(np.count_nonzero(a == b)) / len(a)


class Deduplicator:
    """MinHash signatures and an LSH index of the articles seen so far."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        shingle: int = SHINGLE,
        seed: int = SEED,
        min_shingles: int = MIN_SHINGLES,
    ):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.seed = seed
        self.min_shingles = min_shingles
        self._permutations = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, np.ndarray] = {}

    @property
    def scheme(self) -> tuple[int, int, int, int]:
        """What a signature depends on: one made by a Deduplicator of the same scheme is the same."""
        return (self.num_perm, self.shingle, self.seed, self.min_shingles)

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def signature(self, text: str) -> np.ndarray | None:
        """The MinHash signature of a text (uint32 array), or None when it is too short to compare."""
        items = shingles(text, self.shingle)
        if len(items) < self.min_shingles:
            return None
        mh = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME)
        mh.update_batch(list(items))
        return mh.hashvalues.astype(np.uint32, copy=True)

    def _lean(self, sig: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=self.seed, hashvalues=sig, scheme=SCHEME)

    def query(self, sig: np.ndarray | None) -> list[tuple[str, float]]:
        """Indexed articles whose similarity to `sig` is at least the threshold, most similar first."""
        if sig is None or not self._signatures:
            return []
        found = []
        for key in self._lsh.query(self._lean(sig)):
            sim = similarity(sig, self._signatures[key])
            if sim >= self.threshold:
                found.append((key, sim))
        found.sort(key=lambda kv: (-kv[1], kv[0]))
        return found

    def add(self, key: str, sig: np.ndarray | None) -> None:
        """Index a signature under `key` (replacing the one it had)."""
        if sig is None:
            return
        if key in self._signatures:
            self.remove(key)
        self._signatures[key] = sig
        self._lsh.insert(key, self._lean(sig), check_duplication=False)

    def remove(self, key: str) -> None:
        if key in self._signatures:
            del self._signatures[key]
            self._lsh.remove(key)

    def load(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Index many (key, signature) pairs, e.g. those a store kept from earlier runs."""
        for key, sig in items:
            self.add(key, sig)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as bytes for storage (little-endian uint32)."""
    return sig.astype("<u4", copy=False).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
