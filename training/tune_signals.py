"""Choose each head's regularisation by 5-fold cross-validation on its training split.

Usage: ``.venv/bin/python -m training.tune_signals --data /work/shared/data``.
Prints, per head, the mean macro-F1 (classifiers) or Pearson r (regressors) of
each candidate; the chosen values are written into ``HEADS`` in
``train_signals.py`` by hand. Test splits are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold

from training.train_signals import HEADS, SEED, corpora, fit_head, fit_vectorizer

CANDIDATES = {"logistic": (0.5, 1.0, 2.0, 4.0, 8.0), "linear": (0.3, 1.0, 3.0, 10.0)}


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate every candidate of every head and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--head", action="append", help="only these heads")
    args = parser.parse_args(argv)
    sets = corpora(args.data)
    vectorizer = fit_vectorizer([t for texts, _ in sets.values() for t in texts])
    for head, source, label, kind, _ in HEADS:
        if args.head and head not in args.head:
            continue
        texts, labels = sets[source]
        x = vectorizer.transform(texts)
        y = np.asarray(labels[label])
        if kind == "logistic":
            splits = StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y > 0.5)
        else:
            splits = KFold(5, shuffle=True, random_state=SEED).split(x)
        folds = list(splits)
        for strength in CANDIDATES[kind]:
            figures = []
            for train, held in folds:
                coef, bias = fit_head(kind, strength, x[train], y[train])
                score = x[held] @ coef + bias
                if kind == "logistic":
                    figures.append(f1_score(y[held] > 0.5, score > 0, average="macro"))
                else:
                    figures.append(float(np.corrcoef(score, y[held])[0, 1]))
            print(f"{head}\t{strength}\t{np.mean(figures):.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
