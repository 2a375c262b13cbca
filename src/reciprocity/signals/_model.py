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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reciprocity.signals._features import FEATURES_VERSION, features

__all__ = ["HeadKind", "LinearModel", "shipped_model"]

WEIGHTS_VERSION = 1
_PACKAGE = "reciprocity.signals"
_FOLDER = "model"

Floats = npt.NDArray[np.float32]


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

    def column(self, head: str) -> int:
        """The position of a head in the score matrix."""
        return self.heads.index(head)

    def scores(self, texts: Sequence[str]) -> Floats:
        """Score many texts at once: one row per text, one column per head.

        Features are counted per text, weighted by ``(1 + log count) * idf``
        and scaled to unit length, exactly as the training vectorizer did.
        """
        get = self.vocabulary.get
        columns: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []
        for text in texts:
            counted = Counter(map(get, features(text)))
            counted.pop(None, None)
            columns.extend(counted.keys())  # type: ignore[arg-type]
            counts.extend(counted.values())
            sizes.append(len(counted))
        raw = np.zeros((len(texts), len(self.heads)), dtype=np.float32)
        if columns:
            cols = np.asarray(columns, dtype=np.intp)
            values = (1.0 + np.log(np.asarray(counts, dtype=np.float32))) * self.idf[cols]
            size = np.asarray(sizes, dtype=np.intp)
            filled = np.flatnonzero(size)
            starts = np.concatenate(([0], np.cumsum(size)[:-1]))[filled]
            norms = np.sqrt(np.add.reduceat(values * values, starts))
            weighted = self.coef[cols] * values[:, None]
            raw[filled] = np.add.reduceat(weighted, starts, axis=0) / norms[:, None]
        raw += self.intercept
        logistic = np.asarray([k is HeadKind.LOGISTIC for k in self.kinds])
        raw[:, logistic] = 1.0 / (1.0 + np.exp(-raw[:, logistic]))
        return raw


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
