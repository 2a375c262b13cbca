"""Measure the shipped signals: each data set's held-out test split, and the chat gold set.

Usage (from the repository root)::

    .venv/bin/python -m training.evaluate_signals --data /work/shared/data

Scores what is inside the package (the float16 weights, the numpy scorer and
the rules), never a model still in memory from training. Needs numpy only;
the empathic reactions need scikit-learn too, for their cross-validation.
Prints Markdown tables for docs/signals.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reciprocity.signals._model import shipped_model
from training.datasets import read_claff, read_goemotions

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "signals_gold.jsonl"

Bools = npt.NDArray[np.bool_]


def macro_f1(truth: Bools, guess: Bools) -> float:
    """The mean of the F1 of the positive and of the negative class."""
    return (f1(truth, guess) + f1(~truth, ~guess)) / 2


def f1(truth: Bools, guess: Bools) -> float:
    """F1 of the positive class (0 when there is nothing to find and nothing found)."""
    hits = float(np.sum(truth & guess))
    found = float(np.sum(guess)) + float(np.sum(truth))
    return 2 * hits / found if found else 0.0


def row(name: str, truth: Bools, guess: Bools, extra: str = "") -> str:
    """One Markdown table row: macro-F1, accuracy, positive-class F1."""
    accuracy = float(np.mean(truth == guess))
    return (
        f"| {name} | {macro_f1(truth, guess):.3f} | {accuracy:.3f} | {f1(truth, guess):.3f} "
        f"| {int(truth.sum())}/{truth.size} |{extra}"
    )


def claff(data: Path) -> list[str]:
    """The four CL-Aff heads on the test split, against both label versions."""
    model = shipped_model()
    lines = []
    heads = {
        "Emotional_disclosure": "emotional_disclosure",
        "Information_disclosure": "informational_disclosure",
        "Emo_support": "emotional_support",
        "Info_support": "practical_support",
    }
    for shared_task in (True, False):
        test = read_claff(data, "test", shared_task=shared_task)
        scores = model.scores(test.texts)
        version = "shared-task labels" if shared_task else "corrected labels"
        for label, head in heads.items():
            truth = np.asarray(test.labels[label]) > 0.5
            guess = scores[:, model.column(head)] > 0.5
            lines.append(row(f"{label} ({version})", truth, guess))
    return lines


def goemotions(data: Path) -> list[str]:
    """The GoEmotions heads on the test split."""
    model = shipped_model()
    test = read_goemotions(data, "test")
    scores = model.scores(test.texts)
    lines = []
    for label, head in (
        ("gratitude", "gratitude"),
        ("caring", "caring"),
        ("distress", "distress_emotion"),
    ):
        truth = np.asarray(test.labels[label]) > 0.5
        lines.append(row(label, truth, scores[:, model.column(head)] > 0.5))
    return lines


def gold(classify: Callable[[Sequence[str]], list[dict[str, object]]]) -> list[str]:
    """Every signal on the chat gold set, present against absent."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    guessed = classify([str(r["text"]) for r in rows])
    lines = []
    tests: dict[str, Callable[[dict[str, object]], bool]] = {
        "disclosure": lambda r: r["disclosure"] != "none",
        "support": lambda r: r["support"] in {"emotional", "practical"},
        "shallow": lambda r: r["support"] == "shallow",
        "check_in": lambda r: bool(r["check_in"]),
        "gratitude": lambda r: bool(r["gratitude"]),
        "distress": lambda r: bool(r["distress"]),
    }
    for name, test in tests.items():
        truth = np.asarray([test(r) for r in rows])
        guess = np.asarray([test(g) for g in guessed])
        lines.append(row(name, truth, guess))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args(argv)
    header = (
        "| signal | macro-F1 | accuracy | F1 (positive) | positives |\n|---|---:|---:|---:|---:|"
    )
    print("CL-Aff OffMyChest, test split\n" + header)
    print("\n".join(claff(args.data)))
    print("\nGoEmotions, test split\n" + header)
    print("\n".join(goemotions(args.data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
