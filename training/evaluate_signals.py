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
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reciprocity.core.phrasing import TONE_THRESHOLD
from reciprocity.signals import accusatory_tone, classify_many
from reciprocity.signals._classify import head_scores
from reciprocity.signals._features import features
from reciprocity.signals._model import LinearModel, shipped_model
from training.datasets import read_claff, read_empathic, read_goemotions
from training.labels import PRESENT

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "signals_gold.jsonl"
TONE_GOLD = ROOT / "tests" / "data" / "tone_gold.jsonl"
DEV = ROOT / "training" / "data" / "signals_dev.jsonl"

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


def best_threshold(truth: Bools, scores: npt.NDArray[np.float32]) -> float:
    """The threshold that gives the best positive-class F1 (chosen on a dev split)."""
    candidates = np.round(np.arange(0.05, 0.96, 0.05), 2)
    return float(max(candidates, key=lambda t: f1(truth, scores >= t)))


def goemotions(data: Path) -> list[str]:
    """The GoEmotions heads on the test split, at 0.5 and at a threshold chosen on dev."""
    model = shipped_model()
    dev = read_goemotions(data, "dev")
    test = read_goemotions(data, "test")
    dev_scores = model.scores(dev.texts)
    scores = model.scores(test.texts)
    lines = []
    for label, head in (
        ("gratitude", "gratitude"),
        ("caring", "caring"),
        ("distress", "distress_emotion"),
    ):
        column = model.column(head)
        truth = np.asarray(test.labels[label]) > 0.5
        lines.append(row(f"{label}, threshold 0.5", truth, scores[:, column] > 0.5))
        chosen = best_threshold(np.asarray(dev.labels[label]) > 0.5, dev_scores[:, column])
        lines.append(
            row(f"{label}, threshold {chosen:.2f} (dev)", truth, scores[:, column] >= chosen)
        )
    return lines


def empathic(data: Path) -> list[str]:
    """Pearson r of the distress and empathy regressors in 10-fold cross-validation.

    As the authors did (KFold(10, shuffle=True, random_state=42)), and grouped
    by writer so that no writer's essays are on both sides. Each fold refits a
    ridge regression on the shipped features (the vocabulary and idf were fitted
    on every training text, essays included: no labels leak, the word
    statistics do).
    """
    from scipy import sparse
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import GroupKFold, KFold

    from training.train_signals import HEADS

    model = shipped_model()
    essays, writers = read_empathic(data)
    x = sparse.csr_matrix(features_matrix(model, essays.texts))
    lines = []
    for head, source, label, _, alpha in HEADS:
        if source != "empathic":
            continue
        y = np.asarray(essays.labels[label])
        for name, splits in (
            (
                "10-fold, shuffled (as the authors)",
                KFold(10, shuffle=True, random_state=42).split(x),
            ),
            ("10-fold, grouped by writer", GroupKFold(10).split(x, groups=writers)),
        ):
            figures = []
            for train, held in splits:
                fitted = Ridge(alpha=alpha).fit(x[train], y[train])
                figures.append(float(np.corrcoef(fitted.predict(x[held]), y[held])[0, 1]))
            lines.append(f"| {head} ({label}) | {name} | {np.mean(figures):.3f} |")
    return lines


def features_matrix(model: LinearModel, texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """The unit-length TF-IDF rows the shipped model reads (dense; for small sets)."""
    out = np.zeros((len(texts), len(model.vocabulary)), dtype=np.float32)
    for index, text in enumerate(texts):
        for feature in features(text):
            column = model.vocabulary.get(feature)
            if column is not None:
                out[index, column] += 1
        present = out[index] > 0
        out[index, present] = (1 + np.log(out[index, present])) * model.idf[present]
        norm = float(np.linalg.norm(out[index]))
        if norm:
            out[index] /= norm
    return out


def tone() -> list[str]:
    """The accusatory-tone head on the held-out tone sentences, at the phrasing threshold."""
    rows = [json.loads(line) for line in TONE_GOLD.read_text(encoding="utf-8").splitlines() if line]
    truth = np.asarray([bool(r["accusatory"]) for r in rows])
    opinion = np.asarray([accusatory_tone(str(r["text"])) for r in rows])
    lines = []
    for threshold in (0.5, TONE_THRESHOLD):
        guess = opinion >= threshold
        precision = float(np.sum(truth & guess)) / max(1, int(guess.sum()))
        lines.append(row(f"{threshold}", truth, guess, f" {precision:.2f} |"))
    return lines


def _models_only(model: LinearModel, texts: Sequence[str]) -> list[dict[str, object]]:
    """What each model head says alone, with no rules and no combination."""
    out: list[dict[str, object]] = []
    for heads in head_scores(texts, model=model):
        disclosed = max(heads["emotional_disclosure"], heads["informational_disclosure"]) > 0.5
        supportive = max(heads["emotional_support"], heads["practical_support"], heads["caring"])
        out.append(
            {
                "disclosure": "emotional" if disclosed else "none",
                "support": "emotional" if supportive > 0.5 else "none",
                "check_in": False,
                "gratitude": heads["gratitude"] > 0.5,
                "distress": heads["distress_emotion"] > 0.5,
            }
        )
    return out


def _as_labels(texts: Sequence[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for signals in classify_many(texts):
        support = "none"
        if signals.support.present:
            support = str(signals.support.kind)
        elif signals.shallow.present:
            support = "shallow"
        out.append(
            {
                "disclosure": str(signals.disclosure.kind)
                if signals.disclosure.present
                else "none",
                "support": support,
                "check_in": signals.check_in.present,
                "gratitude": signals.gratitude.present,
                "distress": signals.distress.present,
            }
        )
    return out


def gold(path: Path, *, models_only: bool = False) -> list[str]:
    """Every signal on a hand-written chat set, present against absent."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [str(r["text"]) for r in rows]
    guessed = _models_only(shipped_model(), texts) if models_only else _as_labels(texts)
    lines = []
    for name, test in PRESENT.items():
        if models_only and name in {"shallow", "check_in"}:
            lines.append(f"| {name} | - | - | - | no model: rules only |")
            continue
        truth = np.asarray([test(r) for r in rows])
        guess = np.asarray([test(g) for g in guessed])
        lines.append(row(name, truth, guess))
    if not models_only:
        lines.extend(_kinds(rows, guessed))
    return lines


def _kinds(rows: list[dict[str, object]], guessed: list[dict[str, object]]) -> list[str]:
    lines = []
    for field, kinds in (
        ("disclosure", {"emotional", "informational"}),
        ("support", {"emotional", "practical"}),
    ):
        both = [(r[field], g[field]) for r, g in zip(rows, guessed, strict=True)]
        found = [(r, g) for r, g in both if r in kinds and g in kinds]
        right = sum(1 for r, g in found if r == g)
        lines.append(
            f"| {field} kind, where both found it | - | {right / max(1, len(found)):.3f} "
            f"| - | {len(found)} |"
        )
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
    print("\nEmpathic reactions, Pearson r\n| head | folds | r |\n|---|---|---:|")
    print("\n".join(empathic(args.data)))
    print(
        "\nAccusatory tone, held-out sentences\n"
        "| threshold | macro-F1 | accuracy | F1 (positive) | positives | precision |\n"
        "|---|---:|---:|---:|---:|---:|"
    )
    print("\n".join(tone()))
    for title, path in (("Chat gold set", GOLD), ("Development set", DEV)):
        print(f"\n{title}, rules and models\n" + header)
        print("\n".join(gold(path)))
        print(f"\n{title}, models alone\n" + header)
        print("\n".join(gold(path, models_only=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
