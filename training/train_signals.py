"""Train the language-signal heads and write the weights shipped in ``reciprocity.signals``.

Usage (from the repository root, after ``make train-setup``)::

    .venv/bin/python -m training.train_signals --data /work/shared/data

Reads CL-Aff OffMyChest, GoEmotions and the empathic reactions from ``--data``
and our own accusatory-tone examples from ``training/data``; writes
``weights.npz`` and ``vocabulary.json`` to ``--out`` (the package's model
folder by default). The same data and the pinned versions in constraints.txt
give the same files, byte for byte: every random choice has a fixed seed and
the archive carries fixed timestamps.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge

from reciprocity.signals._features import FEATURES_VERSION, features
from reciprocity.signals._model import WEIGHTS_VERSION
from training.datasets import (
    read_accusatory,
    read_claff,
    read_empathic,
    read_goemotions,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = 20260
MAX_FEATURES = 120_000
MIN_DF = 3
# (head, data set, label, kind, C or alpha); C chosen by 5-fold cross-validation on the
# training split only (training/tune_signals.py; ties go to the larger value), never on a
# test split.
HEADS: tuple[tuple[str, str, str, str, float], ...] = (
    ("emotional_disclosure", "claff", "Emotional_disclosure", "logistic", 1.0),
    ("informational_disclosure", "claff", "Information_disclosure", "logistic", 0.5),
    ("emotional_support", "claff", "Emo_support", "logistic", 4.0),
    ("practical_support", "claff", "Info_support", "logistic", 2.0),
    ("gratitude", "goemotions", "gratitude", "logistic", 8.0),
    ("caring", "goemotions", "caring", "logistic", 8.0),
    ("distress_emotion", "goemotions", "distress", "logistic", 8.0),
    ("personal_distress", "empathic", "distress", "linear", 3.0),
    ("empathic_concern", "empathic", "empathy", "linear", 3.0),
    ("accusatory", "accusatory", "accusatory", "logistic", 8.0),
)


# Attribution that travels with the weights (CC BY 4.0 and Apache-2.0 ask for it). The
# weights are derived from these data sets; no text of theirs is shipped.
SOURCES = [
    "CL-Aff OffMyChest: Jaidka, Singh, Lu, Chhaya, Ungar (2020), AffCon @ AAAI-20; CC BY 4.0",
    "GoEmotions: Demszky et al. (2020), ACL; Apache-2.0",
    "Empathic reactions: Buechel, Buffone, Slaff, Ungar, Sedoc (2018), EMNLP; CC BY 4.0",
    "Accusatory-tone sentences and phrasing cases: written for reciprocity; MIT",
]


def corpora(data: Path) -> dict[str, tuple[list[str], dict[str, list[float]]]]:
    """Every training text with its labels, by data set."""
    claff = read_claff(data, "train")
    goemotions = read_goemotions(data, "train")
    empathic, _ = read_empathic(data)
    accusatory = read_accusatory(
        ROOT / "tests" / "core" / "phrasing_cases.toml",
        ROOT / "training" / "data" / "accusatory_examples.jsonl",
    )
    return {
        "claff": (claff.texts, claff.labels),
        "goemotions": (goemotions.texts, goemotions.labels),
        "empathic": (empathic.texts, empathic.labels),
        "accusatory": (accusatory.texts, accusatory.labels),
    }


def fit_vectorizer(texts: Sequence[str], max_features: int = MAX_FEATURES) -> Any:
    """The shared TF-IDF vectorizer: our features, sublinear counts, unit length."""
    vectorizer = TfidfVectorizer(
        analyzer=features,
        lowercase=False,
        min_df=MIN_DF,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    vectorizer.fit(texts)
    return vectorizer


def fit_head(kind: str, strength: float, x: Any, y: Sequence[float]) -> tuple[Any, float]:
    """Fit one head; its weights per feature and its intercept."""
    if kind == "logistic":
        model = LogisticRegression(
            C=strength, class_weight="balanced", max_iter=2000, random_state=SEED
        )
        model.fit(x, np.asarray(y) > 0.5)
        return model.coef_[0], float(model.intercept_[0])
    regressor = Ridge(alpha=strength, random_state=SEED)
    regressor.fit(x, np.asarray(y))
    return regressor.coef_, float(regressor.intercept_)


def _npy(array: Any) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_model(out: Path, vectorizer: Any, coef: Any, intercept: Any) -> None:
    """Write ``weights.npz`` (fixed timestamps, so reruns give equal bytes) and the vocabulary."""
    out.mkdir(parents=True, exist_ok=True)
    order = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
    described = {
        "format": WEIGHTS_VERSION,
        "features": FEATURES_VERSION,
        "sources": SOURCES,
        "heads": [{"name": name, "kind": kind} for name, _, _, kind, _ in HEADS],
        "vocabulary": [feature for feature, _ in order],
    }
    (out / "vocabulary.json").write_text(
        json.dumps(described, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    arrays = {
        "idf": vectorizer.idf_.astype(np.float32),
        "coef": coef.astype(np.float16),
        "intercept": intercept.astype(np.float32),
    }
    with zipfile.ZipFile(out / "weights.npz", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _npy(array))


def train(data: Path, out: Path) -> None:
    """Fit the vectorizer on every training text, then each head on its own data set."""
    sets = corpora(data)
    every_text = [text for texts, _ in sets.values() for text in texts]
    vectorizer = fit_vectorizer(every_text)
    size = len(vectorizer.vocabulary_)
    coef = np.zeros((size, len(HEADS)), dtype=np.float64)
    intercept = np.zeros(len(HEADS), dtype=np.float64)
    matrices = {name: vectorizer.transform(texts) for name, (texts, _) in sets.items()}
    for column, (head, source, label, kind, strength) in enumerate(HEADS):
        weights, bias = fit_head(kind, strength, matrices[source], sets[source][1][label])
        coef[:, column] = weights
        intercept[column] = bias
        print(f"{head}: fitted on {matrices[source].shape[0]} texts", file=sys.stderr)
    write_model(out, vectorizer, coef, intercept)
    print(f"wrote {size} features x {len(HEADS)} heads to {out}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and train."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "src" / "reciprocity" / "signals" / "model",
        help="where to write weights.npz and vocabulary.json",
    )
    args = parser.parse_args(argv)
    train(args.data, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
