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
_EMPTY_HASHES = np.zeros(0, dtype=np.uint64)
_EMPTY_COLUMNS = np.zeros(0, dtype=np.int64)


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
    piece_hashes: npt.NDArray[np.uint64] = field(repr=False, default_factory=lambda: _EMPTY_HASHES)
    piece_columns: npt.NDArray[np.int64] = field(repr=False, default_factory=lambda: _EMPTY_COLUMNS)

    def __post_init__(self) -> None:
        if not self.piece_hashes.size:
            hashes, columns = _piece_table(self.vocabulary)
            object.__setattr__(self, "piece_hashes", hashes)
            object.__setattr__(self, "piece_columns", columns)

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
            at = np.searchsorted(self.piece_hashes, hashed)
            at[at == self.piece_hashes.size] = 0
            known = whole & (self.piece_hashes[at] == hashed)
            found_rows.append(owner[: hashed.size][known])
            found_columns.append(self.piece_columns[at[known]])
        return np.concatenate(found_rows), np.concatenate(found_columns)

    def _weigh(
        self, count: int, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]
    ) -> Floats:
        raw = np.zeros((count, len(self.heads)), dtype=np.float32)
        if rows.size:
            width = len(self.vocabulary)
            keys, counts = np.unique(rows * width + columns, return_counts=True)
            rows, columns = np.divmod(keys, width)
            values = (1.0 + np.log(counts.astype(np.float32))) * self.idf[columns]
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            filled = rows[starts]
            norms = np.sqrt(np.add.reduceat(values * values, starts))
            weighted = self.coef[columns] * values[:, None]
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


def _piece_table(
    vocabulary: dict[str, int],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """The hashes of every feature that can be a piece, sorted, with their columns."""
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
    every = np.concatenate(hashes)
    order = np.argsort(every, kind="stable")
    return every[order], np.concatenate(columns)[order]


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
