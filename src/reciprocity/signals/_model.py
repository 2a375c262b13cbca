"""The shipped linear models: load the weights file and score texts with numpy.

One vocabulary and one set of inverse document frequencies are shared by every
head; each head is a column of one weight matrix. A head is either a logistic
classifier (its score is a probability) or a linear regressor (its score is on
the scale of the data it learnt from).
"""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reciprocity.signals._features import FEATURES_VERSION, PIECE_SIZES, tokens

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
    pieces: _PieceTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pieces", _PieceTable(*_piece_hashes(self.vocabulary)))

    def column(self, head: str) -> int:
        """The position of a head in the score matrix."""
        return self.heads.index(head)

    def scores(self, texts: Sequence[str], *, normalised: bool = False) -> Floats:
        """Score many texts at once: one row per text, one column per head.

        Features are counted per text, weighted by ``(1 + log count) * idf``
        and scaled to unit length, exactly as the training vectorizer did. Words
        and word pairs are looked up one by one; the character pieces, most of
        the features, are hashed and looked up for the whole batch in numpy.
        ``normalised`` says the texts already went through
        :func:`~reciprocity.signals._features.normalise`.
        """
        get = self.vocabulary.get
        rows: list[int] = []
        columns: list[int] = []
        joined: list[str] = []
        joined_rows: list[int] = []
        for row, text in enumerate(texts):
            words = tokens(text, normalised=normalised)
            if not words:
                continue
            named = ["w:" + w for w in words]
            named += [a + " " + b for a, b in itertools.pairwise(words)]
            found = [c for c in map(get, named) if c is not None]
            columns.extend(found)
            rows.extend([row] * len(found))
            joined.append(" " + " ".join(words) + " ")
            joined_rows.append(row)
        row_ids = np.asarray(rows, dtype=np.int64)
        column_ids = np.asarray(columns, dtype=np.int64)
        if joined:
            piece_rows, piece_columns = self._pieces(joined, joined_rows)
            row_ids = np.concatenate((row_ids, piece_rows))
            column_ids = np.concatenate((column_ids, piece_columns))
        return self._weigh(len(texts), row_ids, column_ids)

    def _pieces(
        self, joined: list[str], joined_rows: list[int]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        points = np.frombuffer("".join(joined).encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter(map(len, joined), dtype=np.int64, count=len(joined))
        owner = np.repeat(np.asarray(joined_rows, dtype=np.int64), lengths)
        found_rows = []
        found_columns = []
        for size, hashed in zip(PIECE_SIZES, _window_hashes(points), strict=True):
            whole = owner[: hashed.size] == owner[size - 1 :]
            columns = self.pieces.find(hashed)
            known = whole & (columns >= 0)
            found_rows.append(owner[: hashed.size][known])
            found_columns.append(columns[known])
        return np.concatenate(found_rows), np.concatenate(found_columns)

    def _weigh(
        self, count: int, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]
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


_PRIME = np.uint64(0x100000001B3)
# One offset per piece size, so that pieces of different sizes never share a hash by design.
_SALTS = {size: np.uint64(0x9E3779B97F4A7C15 * size % 2**64) for size in PIECE_SIZES}


def _window_hashes(points: npt.NDArray[np.uint32]) -> list[npt.NDArray[np.uint64]]:
    """A 64-bit hash of every window of each piece size, in order of position."""
    wide = points.astype(np.uint64)
    out = []
    hashed = wide[: wide.size - PIECE_SIZES[0] + 1].copy()
    for offset in range(1, PIECE_SIZES[0]):
        hashed = hashed * _PRIME + wide[offset : offset + hashed.size]
    out.append(hashed + _SALTS[PIECE_SIZES[0]])
    for size in PIECE_SIZES[1:]:
        hashed = hashed[: wide.size - size + 1] * _PRIME + wide[size - 1 :]
        out.append(hashed + _SALTS[size])
    return out


def _piece_hashes(vocabulary: dict[str, int]) -> tuple[Hashes, Indices]:
    """The hash of every feature that can be a piece, with its column."""
    hashes = []
    columns = []
    for size in PIECE_SIZES:
        group = [(f, c) for f, c in vocabulary.items() if len(f) == size and not f.startswith("w:")]
        if not group:
            continue
        text = "".join(f for f, _ in group)
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).reshape(-1, size)
        hashed = points[:, 0].astype(np.uint64)
        for offset in range(1, size):
            hashed = hashed * _PRIME + points[:, offset].astype(np.uint64)
        hashes.append(hashed + _SALTS[size])
        columns.append(np.asarray([c for _, c in group], dtype=np.int64))
    if not hashes:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(hashes), np.concatenate(columns)


# Fibonacci hashing: the top bits of the product pick a slot, mixing every bit of the hash.
_SPREAD = np.uint64(0x9E3779B97F4A7C15)


class _PieceTable:
    """Piece hashes to vocabulary columns, in an open-addressing table searched in numpy.

    A batch's hundred thousand windows are looked up together: each round checks
    every window still searching at its current slot, and the ones that found
    neither their piece nor an empty slot move one slot on. The table is at most
    half full, so almost every window is settled in the first round or two.
    """

    def __init__(self, hashes: Hashes, columns: Indices) -> None:
        bits = max(4, (2 * hashes.size).bit_length())
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        self._keys = np.zeros(1 << bits, dtype=np.uint64)
        self._columns = np.full(1 << bits, -1, dtype=np.int64)
        slots = self._home(hashes)
        waiting = np.arange(hashes.size)
        while waiting.size:
            free = waiting[self._columns[slots[waiting]] < 0]
            # Of several pieces waiting for one free slot, the first takes it.
            _, first = np.unique(slots[free], return_index=True)
            placed = free[first]
            self._keys[slots[placed]] = hashes[placed]
            self._columns[slots[placed]] = columns[placed]
            waiting = np.setdiff1d(waiting, placed, assume_unique=True)
            slots[waiting] = (slots[waiting] + 1) & self._mask

    def _home(self, hashes: Hashes) -> Indices:
        return ((hashes * _SPREAD) >> self._shift).astype(np.int64)

    def find(self, hashes: Hashes) -> Indices:
        """The column of each hash, or -1 where it is no piece of the vocabulary."""
        slots = self._home(hashes)
        found = np.full(hashes.size, -1, dtype=np.int64)
        searching = np.arange(hashes.size)
        while searching.size:
            at = slots[searching]
            columns = self._columns[at]
            hit = (self._keys[at] == hashes[searching]) & (columns >= 0)
            found[searching[hit]] = columns[hit]
            going_on = ~hit & (columns >= 0)
            searching = searching[going_on]
            slots[searching] = (at[going_on] + 1) & self._mask
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
