"""Near-duplicate articles: syndicated and republished copies of the same story.

Each article body becomes a MinHash signature over its word 3-grams ("shingles"); an LSH
index (the signature cut into bands, articles sharing a band are candidates) finds earlier
articles whose estimated Jaccard similarity is at or above the threshold. Signatures are
plain arrays of 32-bit integers, so the store keeps them in a table and rebuilds the index
when it opens: copies are found across runs, not only within one.

    >>> dd = Deduplicator()
    >>> sig = dd.signature(body)
    >>> dd.query(sig)            # [(key, similarity), ...] of indexed near-copies
    >>> dd.add("article-id", sig)

The signatures are datasketch's (2.0, scheme "affine32": SHA-1's first 4 bytes, the
MurmurHash3 finalizer, then a*h + b mod 2^32 per permutation) and the bands are those its
`MinHashLSH` chooses, bit for bit: stores written with datasketch read the same, and the
tests compare the two where datasketch is installed. kabar computes them itself because
importing datasketch imports scipy (for one numerical integral), 0.4 s of every ingest's
start-up: a fifth of it, paid again by the serial part of `--jobs` runs.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import numpy as np

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
_U32 = np.uint32
# MurmurHash3's 32-bit finalizer: shifts and multipliers
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
# Gauss-Legendre nodes: exact for the polynomials (degree <= 2 * 96 - 1) the band choice integrates
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(96)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the lower-cased text, as bytes (punctuation and spacing ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal hash values)."""
    return float(np.count_nonzero(a == b)) / len(a)


@functools.cache
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each permutation h -> a*h + b mod 2^32 (a odd, so each is a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def minhash(items: Iterable[bytes], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash signature (uint32 array) of a non-empty set of byte strings."""
    digests = b"".join(hashlib.sha1(item).digest()[:4] for item in items)
    hv = np.frombuffer(digests, dtype="<u4").astype(_U32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = permutations(num_perm, seed)
    return (hv * a + b).min(axis=0)  # type: ignore[no-any-return]


def _integral(f: Callable[[np.ndarray], np.ndarray], lo: float, hi: float) -> float:
    x = (hi - lo) / 2 * _NODES + (hi + lo) / 2
    return (hi - lo) / 2 * float(np.dot(_WEIGHTS, f(x)))


@functools.cache
def bands(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that minimise the false positive plus false negative
    probability mass around `threshold` (datasketch's choice with equal weights)."""
    best, chosen = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            false_positive = _integral(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)  # noqa: B023
            false_negative = _integral(lambda s: (1 - s**r) ** b, threshold, 1.0)  # noqa: B023
            error = 0.5 * false_positive + 0.5 * false_negative
            if error < best:
                best, chosen = error, (b, r)
    return chosen


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
        count, rows = bands(threshold, num_perm)
        self._ranges = [(i * rows, (i + 1) * rows) for i in range(count)]
        self._buckets: list[defaultdict[bytes, set[str]]] = [defaultdict(set) for _ in self._ranges]
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
        return minhash(items, self.num_perm, self.seed)

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        return [sig[start:end].tobytes() for start, end in self._ranges]

    def query(self, sig: np.ndarray | None) -> list[tuple[str, float]]:
        """Indexed articles whose similarity to `sig` is at least the threshold, most similar first."""
        if sig is None or not self._signatures:
            return []
        candidates: set[str] = set()
        for buckets, band in zip(self._buckets, self._band_keys(sig)):
            candidates.update(buckets.get(band, ()))
        found = []
        for key in candidates:
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
        for buckets, band in zip(self._buckets, self._band_keys(sig)):
            buckets[band].add(key)

    def remove(self, key: str) -> None:
        sig = self._signatures.pop(key, None)
        if sig is None:
            return
        for buckets, band in zip(self._buckets, self._band_keys(sig)):
            members = buckets.get(band)
            if members is not None:
                members.discard(key)
                if not members:
                    del buckets[band]

    def load(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Index many (key, signature) pairs, e.g. those a store kept from earlier runs."""
        for key, sig in items:
            self.add(key, sig)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as bytes for storage (little-endian uint32)."""
    return sig.astype("<u4", copy=False).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
