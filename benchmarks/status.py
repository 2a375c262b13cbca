"""How fast `reciprocity status` reads 100 relationships with 40 audits each (issue #4: < 0.5 s).

Run: .venv/bin/python benchmarks/status.py [--runs N]
Builds the data set once in a temporary SQLite file (deterministic), then measures:
the reading in-process (queries plus the pattern rules, what a long-running face
such as the web app pays), through the full store and through the quick read path,
and the whole command from a fresh process (what the terminal pays, interpreter and
imports included), next to `reciprocity --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Dimension,
    DimensionRating,
    Lean,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    Season,
    SeasonKind,
    SelfCheck,
    Whose,
    make_audit,
)
from reciprocity.core.patterns import relationship_status
from reciprocity.store import open_store
from reciprocity.store.quick import Reader, open_quick

PEOPLE = 100
AUDITS_EACH = 40
TODAY = dt.date(2026, 11, 23)
BIN = Path(sys.executable).parent


def _rating(rng: random.Random, dimension: Dimension) -> DimensionRating:
    if rng.random() < 0.1:
        return DimensionRating.without_example(dimension)
    score = rng.randint(1, 5)
    lean = Lean.MUTUAL if score >= 4 else rng.choice([Lean.I_CARRY, Lean.THEY_CARRY])
    return DimensionRating.rated(dimension, score, lean, "what happened")


def build_archive(seed: int = 7) -> Archive:
    rng = random.Random(seed)
    created = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    people, audits, seasons = [], [], []
    picture = Reflection(ReflectionKind.PICTURE, "We take turns.", "Ask on Sunday.")
    for p in range(PEOPLE):
        person = Person(f"p{p:04d}", f"Person {p}", rng.choice(list(RelationshipKind)))
        people.append(ArchivedPerson(person, created))
        for a in range(AUDITS_EACH):
            on = TODAY - dt.timedelta(days=30 * (AUDITS_EACH - 1 - a))
            audit = make_audit(
                audit_id=f"a{p:04d}-{a:03d}",
                person_id=person.id,
                on=on,
                today=TODAY,
                dimensions={d: _rating(rng, d) for d in Dimension},
                self_check=SelfCheck(rng.randint(1, 5), rng.randint(1, 5)),
                overall_score=None,
                reflection=picture,
            )
            stamp = dt.datetime.combine(on, dt.time(20), dt.UTC)
            audits.append(ArchivedAudit(audit, stamp, stamp))
        start = TODAY - dt.timedelta(days=rng.randint(30, 1000))
        seasons.append(
            Season(
                f"s{p:04d}",
                person.id,
                Whose.THEM,
                SeasonKind.GRIEF,
                start,
                start + dt.timedelta(days=120),
            )
        )
    return Archive(tuple(people), tuple(audits), tuple(seasons))


def in_process(path: Path, runs: int, *, quick: bool) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        store: Reader | None = open_quick(str(path)) if quick else open_store(path)
        assert store is not None
        audits = store.audits_by_person()
        seasons = store.seasons_by_person()
        settings = store.pattern_settings()
        for summary in store.people():
            pid = summary.person.id
            relationship_status(audits.get(pid, []), seasons.get(pid, []), settings)
        store.close()
        times.append(time.perf_counter() - start)
    return times


def command(args: list[str], runs: int) -> list[float]:
    subprocess.run(args, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"{name:52} {statistics.median(ordered) * 1000:7.0f}ms {p95 * 1000:7.0f}ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="reciprocity-bench-")) / "big.db"
    store = open_store(path)
    store.import_archive(build_archive(), file="benchmark")
    store.close()
    reciprocity = str(BIN / "reciprocity")
    print(f"{PEOPLE} relationships x {AUDITS_EACH} audits, {PEOPLE} seasons ({args.runs} runs)")
    print(f"{'what':52} {'median':>9} {'p95':>9}")
    print(
        row("status in-process, full store (SQLAlchemy)", in_process(path, args.runs, quick=False))
    )
    print(row("status in-process, quick read (sqlite3)", in_process(path, args.runs, quick=True)))
    print(
        row(
            "reciprocity --help (fresh process, for scale)",
            command([reciprocity, "--help"], args.runs),
        )
    )
    print(
        row(
            "reciprocity status --json (fresh process)",
            command([reciprocity, "--db", str(path), "status", "--json"], args.runs),
        )
    )
    print(
        row(
            "reciprocity status (fresh process, text)",
            command([reciprocity, "--db", str(path), "status"], args.runs),
        )
    )


if __name__ == "__main__":
    main()
