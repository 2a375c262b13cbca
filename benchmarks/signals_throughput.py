"""How many chat messages a second `reciprocity.signals` reads on one core (issue 7: >= 20,000).

Run: .venv/bin/python benchmarks/signals_throughput.py [--messages N] [--runs R]
The messages are the chat gold set and the development set (short, chat-like,
mean about 35 characters), repeated in a fixed order up to N. The process is
pinned to one core where the system allows it. Measures loading the shipped
weights, `classify_many` in batches of 1,000 and in one call, the models alone
(features and scores, no rules), and `classify` one message at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reciprocity.signals import classify, classify_many
from reciprocity.signals._model import load_model, shipped_model

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests/data/signals_gold.jsonl", ROOT / "training/data/signals_dev.jsonl")


def corpus(size: int) -> list[str]:
    texts = [
        str(json.loads(line)["text"])
        for path in SOURCES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [texts[i % len(texts)] for i in range(size)]


def rate(runs: list[tuple[float, float]], count: int) -> str:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    best = min(w for w, _ in runs)
    return (
        f"{count / wall:,.0f} / s wall clock (best {count / best:,.0f} / s), "
        f"{count / cpu:,.0f} / s of CPU time"
    )


def timed(action: Callable[[], object], runs: int) -> list[tuple[float, float]]:
    """Wall-clock and CPU seconds of each run (CPU time is what the one core spent)."""
    out = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        out.append((time.perf_counter() - wall, time.process_time() - cpu))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = corpus(args.messages)
    chars = sum(map(len, texts)) / len(texts)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(texts):,} messages, mean {chars:.0f} characters, one core, load {load:.1f}")

    loads = timed(load_model, args.runs)
    print(
        f"load the shipped weights: {statistics.median(w for w, _ in loads) * 1000:.0f} ms median"
    )
    shipped_model()
    classify("warm up")

    def batches() -> None:
        for start in range(0, len(texts), 1000):
            classify_many(texts[start : start + 1000])

    print("classify_many, batches of 1,000:", rate(timed(batches, args.runs), len(texts)))
    print(
        "classify_many, one call:", rate(timed(lambda: classify_many(texts), args.runs), len(texts))
    )

    def models_only() -> None:
        for start in range(0, len(texts), 1000):
            shipped_model().scores(texts[start : start + 1000])

    print("models alone, batches of 1,000:", rate(timed(models_only, args.runs), len(texts)))
    few = texts[:5000]

    def one_by_one() -> None:
        for text in few:
            classify(text)

    print("classify, one message a call:", rate(timed(one_by_one, args.runs), len(few)))


if __name__ == "__main__":
    main()
