"""A whole evidence import as a person runs it: `reciprocity evidence import` of a WhatsApp file.

Run: .venv/bin/python benchmarks/evidence_whole_import.py [--sizes 200000 1000000] [--rich 0.1]

Writes a two-person WhatsApp export (Android, en-GB, 24-hour) of each size with the
messages of `benchmarks/evidence_import.py` (`--rich` of them from the labelled chat
messages, the rest everyday lines; pauses of hours or days spaced so that the chat
spans about six years), then, each in a fresh process on a new SQLite
file, times the command a person types:

- first: `reciprocity --db F evidence import FILE --person Sam --me Alex`
  (nothing remembered yet: who is who comes from --me);
- again: the same command once more (everything is already there: nothing is added);
- remembered: a new export of the same chat, one message in ten new, imported without
  --me (who is who remembered from the first import).

Reported: wall-clock seconds, messages a second, CPU seconds (the command and the
helper process reading the file, if it used one), and the peak resident memory of the
two together.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evidence_import import chat
from machine import describe
from reciprocity.evidence.model import ChatMessage

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [str(Path(sys.executable).parent / "reciprocity")]


def write_export(path: Path, messages: Iterator[ChatMessage]) -> int:
    """An Android WhatsApp export of ``messages`` (a message's lines as the app writes them)."""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            "01/01/2020, 08:00 - Messages and calls are end-to-end encrypted. "
            "Nobody outside this chat can read them.\n"
        )
        for message in messages:
            text = message.text.replace("\r\n", "\n").replace("\r", "\n")
            out.write(f"{message.at:%d/%m/%Y, %H:%M} - {message.sender}: {text}\n")
            count += 1
    return count


def _peaks(root: int, peaks: dict[int, int], running: threading.Event) -> None:
    """Each process's peak resident memory (VmHWM, KiB), for ``root`` and its children."""
    while running.is_set():
        for pid in [root, *_children(root)]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


def run(arguments: list[str], folder: Path) -> dict[str, float]:
    """Run the command: its wall clock, CPU time and peak memory (all its processes)."""
    env = {**os.environ, "TQDM_DISABLE": "1"}
    peaks: dict[int, int] = {}
    running = threading.Event()
    running.set()
    with (folder / "out.txt").open("w") as out, (folder / "err.txt").open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen([*COMMAND, *arguments], stdout=out, stderr=err, env=env)
        watcher = threading.Thread(target=_peaks, args=(process.pid, peaks, running))
        watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        running.clear()
        watcher.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        errors = (folder / "err.txt").read_text()
        raise SystemExit(f"{' '.join(arguments)} failed:\n{errors}")
    # The CPU time counts the helper process too (the command waits for it). The peak:
    # the command's own (from wait4, exact) plus the helper's (sampled every 20 ms; its
    # high-water mark only grows, so the last sample is close to the peak).
    own = usage.ru_maxrss
    helpers = sum(peak for pid, peak in peaks.items() if pid != process.pid)
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": (own + helpers) / 1024,
        "helper_mb": helpers / 1024,
    }


# A chat of any size spans about six years: a heavy one is dense, not two centuries long.
YEARS = 6
_QUICK_GAP, _PAUSE_GAP = 121, 63_900  # the generator's mean gaps, in seconds


def pauses_for(size: int) -> float:
    """The share of messages after a pause that makes ``size`` messages span ``YEARS``."""
    mean_gap = YEARS * 365.25 * 86_400 / size
    return min(0.1, max(0.0, (mean_gap - _QUICK_GAP) / (_PAUSE_GAP - _QUICK_GAP)))


def one_size(size: int, rich: float) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "WhatsApp Chat with Sam.txt"
        count = write_export(export, chat(size, rich, pauses=pauses_for(size)))
        database = str(Path(folder) / "bench.db")
        add = [*COMMAND, "--db", database, "person", "add", "Sam"]
        subprocess.run(add, check=True, capture_output=True)
        base = ["--db", database, "evidence", "import", str(export), "--person", "Sam"]
        for label, arguments in (("first", [*base, "--me", "Alex"]), ("again", base)):
            result = run(arguments, Path(folder))
            rows.append({"what": label, "messages": count, **result})
        # A later export of the same chat: the same messages and one in ten more after them.
        later = Path(folder) / "WhatsApp Chat with Sam (2).txt"
        more = size // 10
        extended = chat(size + more, rich, pauses=pauses_for(size))
        count = write_export(later, extended)
        result = run([*base[:4], str(later), "--person", "Sam"], Path(folder))
        rows.append({"what": "remembered", "messages": count, **result})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--rich", type=float, default=0.1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.rich)))
        return
    print(f"{describe()}; {args.rich:.0%} from the labelled set")
    for size in args.sizes:
        # Each size in a process of its own, so the peak memory is that size's.
        command = [sys.executable, __file__, "--one", str(size), "--rich", str(args.rich)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        for row in json.loads(done.stdout):
            messages = int(row["messages"])
            seconds = float(row["seconds"])
            cpu = float(row["cpu"])
            print(
                f"{size:>9,} {row['what']:<10} {messages:>9,} messages in {seconds:5.1f} s = "
                f"{messages / seconds:>7,.0f} msg/s; CPU {cpu:5.1f} s; "
                f"peak RSS {row['peak_mb']:.0f} MB (of it the helper {row['helper_mb']:.0f} MB)"
            )


if __name__ == "__main__":
    main()
