"""The shipped linear models: load the weights file and score texts with numpy.

One vocabulary and one set of inverse document frequencies are shared by every
head; each head is a column of one weight matrix. A head is either a logistic
classifier (its score is a probability) or a linear regressor (its score is on
the scale of the data it learnt from).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from reciprocity.signals._features import FEATURES_VERSION, PIECE_SIZES, TEXT_MARK, batch_line

__all__ = ["HeadKind", "LinearModel", "shipped_model"]

WEIGHTS_VERSION = 1
_PACKAGE = "reciprocity.signals"
_FOLDER = "model"

Floats = npt.NDArray[np.float32]
Hashes = npt.NDArray[np.uint64]
Indices = npt.NDArray[np.int64]


class HeadKind(StrEnum):
    """How a head's raw score is read."""

    LOGISTIC = "logistic"
    LINEAR = "linear"


@dataclass(frozen=True)
class LinearModel:
    """Shared features and several linear heads over them."""

    vocabulary: dict[str, int]
    idf: Floats
    coef: Floats  # features x heads
    intercept: Floats  # heads
    heads: tuple[str, ...]
    kinds: tuple[HeadKind, ...]
    features: _FeatureTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "features", _FeatureTable(*_feature_hashes(self.vocabulary)))

    def column(self, head: str) -> int:
        """The position of a head in the score matrix."""
        return self.heads.index(head)

    def scores(self, texts: Sequence[str], *, normalised: bool = False) -> Floats:
        """Score many texts at once: one row per text, one column per head.

        Features are counted per text, weighted by ``(1 + log count) * idf``
        and scaled to unit length, exactly as the training vectorizer did. The
        batch is tokenised once into one string, and every feature (word, word
        pair, character piece) is a stretch of that string: each is hashed from
        the string's prefix hashes and looked up in numpy, so no feature is
        built as a Python string. ``normalised`` says the texts already went
        through :func:`~reciprocity.signals._features.normalise`.
        """
        if not texts:
            return self._weigh(0, _NO_INDICES, _NO_INDICES)
        line = batch_line(texts, normalised=normalised)
        points = np.frombuffer(line.encode("utf-32-le"), dtype=np.uint32)
        owner = np.cumsum(points == ord(TEXT_MARK))
        hashes = _Prefix(points)
        # Tokens lie between single spaces; the marks between texts are tokens of their own.
        spaces = np.flatnonzero(points == ord(" "))
        starts, ends = spaces[:-1] + 1, spaces[1:]
        words = points[starts] != ord(TEXT_MARK)
        paired = words[:-1] & words[1:]
        spans = [
            (starts[words], ends[words], _WORD_PREFIX),
            (starts[:-1][paired], ends[1:][paired], None),
        ]
        # A piece across two texts holds the mark between them, which no feature does.
        for size in PIECE_SIZES:
            first = np.arange(max(points.size - size + 1, 0))
            spans.append((first, first + size, None))
        found = self.features.find(np.concatenate([hashes.of(*span) for span in spans]))
        known = found >= 0
        rows = owner[np.concatenate([span[0] for span in spans])][known]
        return self._weigh(len(texts), rows, found[known])

    def _weigh(
        self, count: int, rows: Indices, columns: npt.NDArray[np.signedinteger[Any]]
    ) -> Floats:
        raw = np.zeros((count, len(self.heads)), dtype=np.float32)
        if rows.size:
            width = len(self.vocabulary)
            # Half-width keys sort faster; a batch of up to 35,000 texts fits them.
            small = count * width < 2**32
            wide = rows * width + columns
            keys, counts = np.unique(wide.astype(np.uint32) if small else wide, return_counts=True)
            rows, columns = np.divmod(keys, width)
            values = (1.0 + np.log(counts.astype(np.float32))) * self.idf[columns]
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            filled = rows[starts]
            norms = np.sqrt(np.add.reduceat(values * values, starts))
            weighted = np.take(self.coef, columns, axis=0) * values[:, None]
            raw[filled] = np.add.reduceat(weighted, starts, axis=0) / norms[:, None]
        raw += self.intercept
        logistic = np.asarray([k is HeadKind.LOGISTIC for k in self.kinds])
        raw[:, logistic] = 1.0 / (1.0 + np.exp(-raw[:, logistic]))
        return raw


_PRIME = 0x100000001B3
_LENGTH_SALT = 0x9E3779B97F4A7C15
_MODULUS = 2**64
_WORD_PREFIX = "w:"
_NO_INDICES = np.zeros(0, dtype=np.int64)


class _Prefix:
    """Hashes of any stretch of a string of code points, from its prefix sums.

    A stretch ``c[a:b]`` hashes to ``sum(c[j] * P ** (b - 1 - j)) + S * (b - a)``
    modulo 2**64: a polynomial in an odd prime ``P`` (invertible modulo 2**64,
    which lets a prefix sum of ``c[j] * P ** -j`` give any stretch in two
    look-ups), plus a salt for its length, so stretches of different lengths
    never share a hash by design. Features of the vocabulary are hashed the
    same way, so a stretch and a feature with equal text have equal hashes.
    """

    def __init__(self, points: npt.NDArray[np.uint32]) -> None:
        size = points.size + 1
        self._powers = _powers(_PRIME, size)
        inverse = _powers(pow(_PRIME, -1, _MODULUS), size)
        self._sums = np.concatenate(([np.uint64(0)], np.cumsum(points * inverse[:-1])))

    def of(self, starts: Indices, ends: Indices, prefix: str | None = None) -> Hashes:
        """The hash of each stretch ``[start, end)``, as if ``prefix`` were written before it."""
        lengths = (ends - starts).astype(np.uint64)
        hashed = self._powers[ends - 1] * (self._sums[ends] - self._sums[starts])
        if prefix:
            hashed += np.uint64(_polynomial(prefix)) * self._powers[ends - starts]
            lengths += np.uint64(len(prefix))
        salted: Hashes = hashed + np.uint64(_LENGTH_SALT) * lengths
        return salted


def _powers(base: int, count: int) -> Hashes:
    """``base ** i`` modulo 2**64 for i from 0 to count - 1."""
    steps = np.full(count, base, dtype=np.uint64)
    steps[0] = 1
    return np.cumprod(steps, dtype=np.uint64)


def _polynomial(text: str) -> int:
    value = 0
    for char in text:
        value = (value * _PRIME + ord(char)) % _MODULUS
    return value


def _feature_hashes(vocabulary: dict[str, int]) -> tuple[Hashes, Indices]:
    """The hash of every feature, as :class:`_Prefix` hashes a stretch, with its column."""
    features = list(vocabulary)
    if not features:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    points = np.frombuffer("".join(features).encode("utf-32-le"), dtype=np.uint32)
    ends = np.cumsum(np.fromiter(map(len, features), dtype=np.int64, count=len(features)))
    starts = np.concatenate(([0], ends[:-1]))
    columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(features))
    return _Prefix(points).of(starts, ends), columns


# Fibonacci hashing: the top bits of the product pick a slot, mixing every bit of the hash.
_SPREAD = np.uint64(0x9E3779B97F4A7C15)


class _FeatureTable:
    """Feature hashes to vocabulary columns, in an open-addressing table searched in numpy.

    A batch's hundred thousand features are looked up together: each round checks
    every feature still searching at its current slot, and the ones that found
    neither themselves nor an empty slot move one slot on. The table is at most a
    quarter full, so nearly every feature is settled in the first round.
    """

    def __init__(self, hashes: Hashes, columns: Indices) -> None:
        bits = max(4, (4 * hashes.size).bit_length())
        self._shift = np.uint64(64 - bits)
        self._mask = np.uint64((1 << bits) - 1)
        # An empty slot holds key 0 and column -1: a hash of 0 finds -1 there, "unknown".
        self._keys = np.zeros(1 << bits, dtype=np.uint64)
        self._columns = np.full(1 << bits, -1, dtype=np.int32)
        slots = self._home(hashes)
        waiting = np.arange(hashes.size)
        while waiting.size:
            free = waiting[self._columns[slots[waiting]] < 0]
            # Of several features waiting for one free slot, the first takes it.
            _, first = np.unique(slots[free], return_index=True)
            placed = free[first]
            self._keys[slots[placed]] = hashes[placed]
            self._columns[slots[placed]] = columns[placed]
            waiting = np.setdiff1d(waiting, placed, assume_unique=True)
            slots[waiting] = (slots[waiting] + np.uint64(1)) & self._mask

    def _home(self, hashes: Hashes) -> Hashes:
        return (hashes * _SPREAD) >> self._shift

    def find(self, hashes: Hashes) -> npt.NDArray[np.int32]:
        """The column of each hash, or -1 where it is not in the vocabulary."""
        slots = self._home(hashes)
        columns = self._columns[slots]
        found = np.where(self._keys[slots] == hashes, columns, -1)
        searching = np.flatnonzero((found < 0) & (columns >= 0))
        while searching.size:
            at = (slots[searching] + np.uint64(1)) & self._mask
            slots[searching] = at
            columns = self._columns[at]
            hit = self._keys[at] == hashes[searching]
            found[searching[hit]] = columns[hit]
            searching = searching[~hit & (columns >= 0)]
        return found


def _array(archive: zipfile.ZipFile, name: str) -> Floats:
    with archive.open(f"{name}.npy") as handle:
        loaded = np.load(io.BytesIO(handle.read()), allow_pickle=False)
    return np.asarray(loaded, dtype=np.float32)


def load_model(folder: Path | None = None) -> LinearModel:
    """Load a model from a folder holding ``weights.npz`` and ``vocabulary.json``.

    Args:
        folder: Where the two files are; the ones shipped inside the package
            when left out.

    Raises:
        ValueError: The files were written for another version of the features
            or of the weights format.
    """
    if folder is None:
        base = resources.files(_PACKAGE).joinpath(_FOLDER)
        described = json.loads(base.joinpath("vocabulary.json").read_text(encoding="utf-8"))
        weights = base.joinpath("weights.npz").read_bytes()
    else:
        described = json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
        weights = (folder / "weights.npz").read_bytes()
    if described.get("format") != WEIGHTS_VERSION:
        raise ValueError(f"weights format {described.get('format')!r} is not {WEIGHTS_VERSION}")
    if described.get("features") != FEATURES_VERSION:
        raise ValueError(
            f"features version {described.get('features')!r} is not {FEATURES_VERSION}"
        )
    with zipfile.ZipFile(io.BytesIO(weights)) as archive:
        idf = _array(archive, "idf")
        coef = _array(archive, "coef")
        intercept = _array(archive, "intercept")
    vocabulary = {feature: index for index, feature in enumerate(described["vocabulary"])}
    heads = tuple(str(h["name"]) for h in described["heads"])
    kinds = tuple(HeadKind(h["kind"]) for h in described["heads"])
    if coef.shape != (len(vocabulary), len(heads)) or idf.shape != (len(vocabulary),):
        raise ValueError("the weights do not match the vocabulary")
    return LinearModel(vocabulary, idf, coef, intercept, heads, kinds)


@cache
def shipped_model() -> LinearModel:
    """The model inside the package, loaded once."""
    return load_model()
