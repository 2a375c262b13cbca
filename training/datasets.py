"""Read the three open data sets from their folder, as the training script needs them.

Only the text and the labels are read: never usernames, ids or scores.
"""

from __future__ import annotations

import csv
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reciprocity.core.phrasing import PhrasingCategory
from reciprocity.phrasing_rules import default_rules

__all__ = [
    "CLAFF_LABELS",
    "DISTRESS_EMOTIONS",
    "Labelled",
    "read_accusatory",
    "read_claff",
    "read_empathic",
    "read_goemotions",
]

CLAFF_LABELS = ("Emotional_disclosure", "Information_disclosure", "Emo_support", "Info_support")
# GoEmotions labels read together as "going through something hard". Remorse is left
# out: in these comments it is mostly "I'm sorry" said to someone else, which is care.
DISTRESS_EMOTIONS = ("sadness", "grief", "disappointment", "nervousness", "fear")


@dataclass(frozen=True)
class Labelled:
    """Texts with named label columns (0/1 for classes, floats for scores)."""

    texts: list[str]
    labels: dict[str, list[float]]


def read_claff(folder: Path, split: str, *, shared_task: bool = True) -> Labelled:
    """CL-Aff OffMyChest: ``train``, or ``test`` with the shared-task or the corrected labels."""
    name = "labeled_training_set.csv" if split == "train" else "labeled_test_set.csv"
    prefix = "SharedTask_" if split == "test" and shared_task else ""
    texts: list[str] = []
    labels: dict[str, list[float]] = {label: [] for label in CLAFF_LABELS}
    with (folder / "claff-offmychest" / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append(row["full_text"])
            for label in CLAFF_LABELS:
                labels[label].append(float(row[prefix + label]))
    return Labelled(texts, labels)


def read_goemotions(folder: Path, split: str) -> Labelled:
    """GoEmotions (``train``, ``dev`` or ``test``): one 0/1 column per emotion, and ``distress``."""
    base = folder / "goemotions"
    names = base.joinpath("labels.txt").read_text(encoding="utf-8").split()
    texts: list[str] = []
    labels: dict[str, list[float]] = {name: [] for name in [*names, "distress"]}
    with (base / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
        for text, ids, _ in csv.reader(handle, delimiter="\t"):
            present = {names[int(i)] for i in ids.split(",")}
            texts.append(text)
            for name in names:
                labels[name].append(float(name in present))
            labels["distress"].append(float(bool(present.intersection(DISTRESS_EMOTIONS))))
    return Labelled(texts, labels)


def read_empathic(folder: Path) -> tuple[Labelled, list[str]]:
    """Empathic reactions: ``empathy`` and ``distress`` scores (1-7), and each essay's writer."""
    texts: list[str] = []
    writers: list[str] = []
    labels: dict[str, list[float]] = {"empathy": [], "distress": []}
    path = folder / "empathic-reactions" / "messages.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append(row["essay"])
            writers.append(row["response_id"])
            labels["empathy"].append(float(row["empathy"]))
            labels["distress"].append(float(row["distress"]))
    return Labelled(texts, labels), writers


def read_accusatory(phrasing_cases: Path, examples: Path) -> Labelled:
    """Accusatory tone, 0/1: the phrasing check's cases and our own written examples.

    A phrasing case is accusatory when it expects a rule of the accusation
    category, not when it is clean; cases that only keep accounts or hold back
    care are left out (they are not about tone).
    """
    accusation = {
        rule.id for rule in default_rules() if rule.category is PhrasingCategory.ACCUSATION
    }
    texts: list[str] = []
    marks: list[float] = []
    for case in tomllib.loads(phrasing_cases.read_text(encoding="utf-8"))["case"]:
        expect = set(case["expect"])
        if expect and not expect & accusation:
            continue
        texts.append(str(case["text"]))
        marks.append(float(bool(expect & accusation)))
    for line in examples.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts.append(str(row["text"]))
            marks.append(float(row["accusatory"]))
    return Labelled(texts, {"accusatory": marks})
