"""How fast chat evidence imports into SQLite, and its peak memory (goal: 100k/s, < 250 MB).

Run: .venv/bin/python benchmarks/evidence_import.py [--sizes 100000 1000000] [--rich 0.1]

Each size runs in a fresh process (so peak memory is that size's own) on one core:
it generates a two-person chat lazily (a message every few minutes, conversations
most days), imports it with `import_chat` into a new SQLite file (the store's
settings: WAL, synchronous=FULL, one transaction), then reads the facts back and
computes the indicators. `--rich` is the share of messages taken from the
labelled chat messages (tests/data, training/data: disclosures, support, thanks,
check-ins, distress); the rest are everyday lines ("on my way", "haha"). The
word filter decides which messages the language signals read; how many it
passed is printed, since the rate depends on it. Generating the messages is
timed too and reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reciprocity.evidence.model import ChatMessage

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests/data/signals_gold.jsonl", ROOT / "training/data/signals_dev.jsonl")
EVERYDAY = [
    "on my way",
    "haha",
    "lol yes",
    "see you at 7",
    "did you see the match last night",
    "running late, 10 mins",
    "ok",
    "sounds good",
    "yes!",
    "what time tomorrow?",
    "nice",
    "omg",
    "can you grab milk",
    "just landed",
    "where are you",
    "👍",
    "ha ha ha true",
    "send me the link",
    "at the station",
    "what are you up to this weekend",
    "fair enough",
    "brb",
    "yeah",
    "no way",
    "pizza tonight?",
    "the train is delayed again",
    "done",
    "on the bus",
    "got it",
    "cool",
    "look at this",
    "that's hilarious",
    "i'm outside",
    "call you later",
    "love you x",
    "thanks!",
    "how was it?",
    "sorry, missed your call",
]


def corpus() -> list[str]:
    return [
        str(json.loads(line)["text"])
        for path in SOURCES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def chat(size: int, rich: float, seed: int = 7, pauses: float = 0.1) -> Iterator[ChatMessage]:
    """Messages a few minutes apart; a share ``pauses`` of them after hours or days."""
    randomly = random.Random(seed)
    labelled = corpus()
    at = dt.datetime(2020, 1, 1, 8, 0)
    sender = "Alex"
    for _ in range(size):
        # Quick replies inside a conversation, now and then a pause of hours or days.
        gap = (
            randomly.choice((20, 45, 90, 150, 300))
            if randomly.random() >= pauses
            else (randomly.choice((3, 8, 20, 40)) * 3600)
        )
        at += dt.timedelta(seconds=gap)
        if randomly.random() < 0.7:
            sender = "Sam" if sender == "Alex" else "Alex"
        pool = labelled if randomly.random() < rich else EVERYDAY
        yield ChatMessage(at, sender, randomly.choice(pool), line=None)


def one_size(size: int, rich: float) -> dict[str, float]:
    from reciprocity.core import RelationshipKind
    from reciprocity.core.evidence import Role, SignalFlag
    from reciprocity.core.indicators import read_evidence
    from reciprocity.evidence.importer import ChatSource, import_chat
    from reciprocity.signals._model import shipped_model
    from reciprocity.store import open_store

    shipped_model()  # loading the weights once is not part of any import
    started, generate_cpu = time.perf_counter(), time.process_time()
    for _ in chat(size, rich):
        pass
    generate = time.perf_counter() - started
    generate_cpu = time.process_time() - generate_cpu
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        person = store.add_person("Sam", RelationshipKind.FRIEND)
        roles = {"Alex": Role.ME, "Sam": Role.THEM}
        started, cpu = time.perf_counter(), time.process_time()
        outcome = import_chat(
            store, person.id, chat(size, rich), ChatSource("bench", "generated"), roles=roles
        )
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        facts = store.evidence_facts(person.id)
        load = time.perf_counter() - started
        started = time.perf_counter()
        report = read_evidence(facts, today=dt.date(2030, 1, 1))
        indicators = time.perf_counter() - started
        read = sum(1 for flags in facts.signals if flags & SignalFlag.READ)
        assert read == outcome.by_models + outcome.by_rules
        size_mb = (Path(folder) / "bench.db").stat().st_size / 1e6
        store.close()
    assert outcome.record.messages_added == size
    return {
        "size": size,
        "generate_s": generate,
        "import_s": total,
        "cpu_s": cpu,
        "rate_cpu": size / cpu,
        "rate_cpu_without_generation": size / (cpu - generate_cpu),
        "rate_with_generation": size / total,
        "rate_without_generation": size / (total - generate),
        "read_share": read / size,
        "models_share": outcome.by_models / size,
        "rules_share": outcome.by_rules / size,
        "load_facts_s": load,
        "indicators_s": indicators,
        "periods": len(report.periods),
        "file_mb": size_mb,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rich", type=float, default=0.1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.one:
        print(json.dumps(one_size(args.one, args.rich)))
        return
    from machine import describe  # beside this script, which is on the path when run

    print(f"{describe()}; one core used; {args.rich:.0%} of messages from the labelled set")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--rich", str(args.rich)]
        run = subprocess.run(command, capture_output=True, text=True, check=True)
        figures = json.loads(run.stdout)
        print(
            f"{size:>9,} messages: import {figures['import_s']:.1f} s = "
            f"{figures['rate_with_generation']:,.0f} msg/s "
            f"({figures['rate_without_generation']:,.0f} msg/s without the "
            f"{figures['generate_s']:.1f} s of generating them; "
            f"{figures['rate_cpu']:,.0f} msg/s of CPU time, "
            f"{figures['rate_cpu_without_generation']:,.0f} without generating); "
            f"read by the models {figures['models_share']:.1%}, by the rules only "
            f"{figures['rules_share']:.1%}; "
            f"facts loaded in {figures['load_facts_s']:.1f} s, indicators in "
            f"{figures['indicators_s']:.1f} s; file {figures['file_mb']:.0f} MB; "
            f"peak RSS {figures['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
