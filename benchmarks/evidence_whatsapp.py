"""How fast, and in how much memory, WhatsApp exports are read: reciprocity against its peers.

Run: .venv/bin/python benchmarks/evidence_whatsapp.py [--sizes 200000 1000000] [--peers ...]
(or `make bench-evidence`).

Writes two-person chats of each size in two layouts (Android, en-GB 24-hour; iOS,
en-US 12-hour with seconds and the U+202F/U+200E marks), with multi-line messages,
media and system lines, then parses each file in a fresh subprocess with
chat-miner, whatstk and reciprocity. The peers live in their own virtual
environment (``.bench-venv/``, created on the first run with pip from the
package index); reciprocity runs in the interpreter running this script. Each
child reports the messages it read and the seconds its parse took (imports
excluded); the parent takes the child's peak resident memory from ``wait4``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".bench-venv"
PEER_PACKAGES = ("chat-miner==0.6.0", "whatstk==0.9.1")
PARSERS = ("chat-miner", "whatstk", "reciprocity")

# Chat-like words; messages of 2 to 18 of them (mean about 50 characters).
WORDS = [
    *["how", "are", "you", "doing", "today", "I", "was", "thinking", "about", "what"],
    *["said", "yesterday", "and", "the", "walk", "we", "could", "call", "this", "weekend"],
    *["thanks", "so", "much", "for", "soup", "it", "really", "helped", "love", "that"],
    *["photo", "sorry", "missed", "your", "appointment", "went", "fine", "let", "me", "know"],
    *["when", "land", "😊", "❤️", "ok", "haha", "grüße", "café"],
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(2, 18)))


def write_chat(path: Path, count: int, layout: str, seed: int = 7) -> None:
    """A two-person chat of ``count`` messages; about 1 in 50 lines is a system line."""
    rng = random.Random(seed)
    people = ("Sam Okafor", "Alex")
    at = datetime(2019, 3, 1, 8, 0, 0)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_header(at, layout) + _system(layout, "encrypted"))
        for _ in range(count):
            # Replies within minutes, now and then a quiet day: about 3 minutes
            # apart on average, so a million messages span about six years.
            quiet = rng.random() < 0.002
            at += timedelta(
                seconds=rng.randint(2 * 3600, 30 * 3600) if quiet else rng.randint(5, 120)
            )
            if rng.random() < 0.02:
                out.write(_header(at, layout) + _system(layout, "security"))
            who = people[rng.random() < 0.5]
            roll = rng.random()
            if roll < 0.06:
                body = "\u200eimage omitted" if layout == "ios" else "<Media omitted>"
            elif roll < 0.14:
                body = "\n".join(_text(rng) for _ in range(rng.randint(2, 4)))
            else:
                body = _text(rng)
            end = "\r\n" if layout == "ios" else "\n"
            out.write(_header(at, layout) + f"{who}: {body}".replace("\n", end) + end)


def _header(at: datetime, layout: str) -> str:
    if layout == "android":
        return at.strftime("%d/%m/%Y, %H:%M - ")
    hour = at.hour % 12 or 12
    marker = "AM" if at.hour < 12 else "PM"
    return f"[{at.month}/{at.day}/{at:%y}, {hour}:{at:%M:%S}\u202f{marker}] "


def _system(layout: str, kind: str) -> str:
    end = "\r\n" if layout == "ios" else "\n"
    if kind == "encrypted":
        notice = (
            "Messages and calls are end-to-end encrypted. Nobody outside this chat can read them."
        )
    else:
        notice = "Your security code with Alex changed. Tap to learn more."
    return (f"Alex: \u200e{notice}" if layout == "ios" else notice) + end


# --- the children: one parse each, in a fresh process ------------------------------------


def child(parser: str, path: str) -> None:
    """Parse ``path`` with ``parser`` and print the messages read and the seconds taken."""
    os.environ["TQDM_DISABLE"] = "1"
    if parser == "chat-miner":
        from chatminer.chatparsers import WhatsAppParser  # type: ignore[import-not-found]

        start, cpu = time.perf_counter(), time.process_time()
        miner = WhatsAppParser(path)
        miner.parse_file()
        count = len(miner.parsed_messages._parsed_messages)
    elif parser == "whatstk":
        from whatstk import df_from_whatsapp  # type: ignore[import-not-found]

        start, cpu = time.perf_counter(), time.process_time()
        count = len(df_from_whatsapp(path, max_size=None))
    else:
        from reciprocity.evidence.readers.whatsapp import WhatsAppReader

        start, cpu = time.perf_counter(), time.process_time()
        count = sum(1 for _ in WhatsAppReader().read(Path(path)))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"messages": count, "seconds": seconds, "cpu": cpu}))


def run_child(python: Path, parser: str, path: Path) -> dict[str, float]:
    """One parse in a subprocess; adds its peak resident memory in MiB."""
    command = [str(python), __file__, "--child", parser, str(path)]
    env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        failed = float("nan")
        return {"messages": failed, "seconds": failed, "cpu": failed, "rss_mib": failed}
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    result["rss_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def ensure_peers() -> Path:
    """The peers' interpreter, installing them into .bench-venv on the first run."""
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--peers", nargs="*", default=["chat-miner", "whatstk"])
    parser.add_argument("--child", nargs=2, metavar=("PARSER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    peers_python = ensure_peers() if args.peers else None
    print(f"{describe()}; peers: {PEER_PACKAGES}")
    print("| file | parser | messages | seconds | messages/s | messages/CPU s | peak RSS |")
    print("|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-whatsapp-") as folder:
        for size in args.sizes:
            for layout in ("android", "ios"):
                path = Path(folder) / f"{layout}-{size}.txt"
                write_chat(path, size, layout)
                megabytes = path.stat().st_size / 2**20
                name = f"{layout} {size:,} ({megabytes:.0f} MB)"
                for which in [*args.peers, "reciprocity"]:
                    python = peers_python if which != "reciprocity" else Path(sys.executable)
                    assert python is not None
                    got = run_child(python, which, path)
                    rate = got["messages"] / got["seconds"]
                    cpu_rate = got["messages"] / got["cpu"]
                    print(
                        f"| {name} | {which} | {got['messages']:,.0f} | {got['seconds']:.2f} "
                        f"| {rate:,.0f} | {cpu_rate:,.0f} | {got['rss_mib']:.0f} MiB |",
                        flush=True,
                    )
                path.unlink()


if __name__ == "__main__":
    main()
