"""How fast `reciprocity --help` answers, next to the bare Python interpreter starting.

Run: .venv/bin/python benchmarks/help_startup.py [--runs N]
The target (issue #3) is under 0.3 s; heavy modules (SQLAlchemy, Alembic, pydantic,
questionary) must not load for --help.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def measure(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def heavy_modules_loaded() -> list[str]:
    """The heavy modules that answering --help loads (there should be none)."""
    probe = (
        "import sys\n"
        "from reciprocity.cli import main\n"
        "main(['--help'])\n"
        "heavy = ('sqlalchemy', 'alembic', 'pydantic', 'questionary', 'rich')\n"
        "print(' '.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return out.stderr.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    reciprocity = str(BIN / "reciprocity")
    folder = tempfile.mkdtemp(prefix="reciprocity-bench-")
    demo = str(Path(folder) / "demo.db")
    subprocess.run([reciprocity, "demo", "-o", demo], check=True, capture_output=True)
    cases = {
        "python -c pass (interpreter start)": [sys.executable, "-c", "pass"],
        "reciprocity --version": [reciprocity, "--version"],
        "reciprocity --help": [reciprocity, "--help"],
        "reciprocity history Alex (demo data)": [reciprocity, "--db", demo, "history", "Alex"],
    }
    print(f"{'command':40} {'median':>8} {'p95':>8}  ({args.runs} runs)")
    for name, command in cases.items():
        times = sorted(measure(command, args.runs))
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{name:40} {statistics.median(times) * 1000:6.0f}ms {p95 * 1000:6.0f}ms")
    print(f"heavy modules imported by the CLI app: {heavy_modules_loaded() or 'none'}")


if __name__ == "__main__":
    main()
