"""How fast every page of `reciprocity serve` answers on a large data set (issue 5: p95 < 50 ms).

Run: .venv/bin/python benchmarks/web_pages.py [--duration SECONDS] [--passes N] [--rounds N]
Needs wrk, the HTTP load tool (`apt-get install wrk` on Debian and Ubuntu); CI does not.

Builds the data set once in a temporary SQLite file (seeded, so the same every run
apart from where today falls): 50 relationships with ten years of monthly audits each
(6,000 audits, some edited), two or three seasons each, important dates, shared things
with follow-ups, care preferences, ten unfinished audits and ten responses from the
other person. Then starts the real server (`reciprocity --db FILE serve`, uvicorn) and
measures it from outside, as a browser would reach it:

- every page a person visits, with wrk from a second process, for a few seconds each,
  with 1 connection (one person clicking) and with 4 (a page and its reloads at once),
  in several passes over all pages; pages of a relationship cycle through several
  people; the server's own CPU time per request is read from /proc;
- a change followed by the overview (a form posted with the page's token, then `/`),
  timed one request at a time from this process: the first overview after a change
  is the one that has to read again, so it is reported on its own;
- the overview asked for the moment the server answers, and after a change made by the
  CLI in another process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Audit,
    Dimension,
    DimensionRating,
    EarlierRevision,
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
from reciprocity.core.invitation import Response
from reciprocity.core.memory import CarePreferences, CareWay, ImportantDate, SharedThing
from reciprocity.store import Store, open_store

PEOPLE = 50
MONTHS = 120
WITH_DRAFT = 10
WITH_RESPONSE = 10
# Pages of one relationship are measured over this many different people in turn.
SAMPLED = 5
TODAY = dt.date.today()  # the server's own clock decides what is due, so the data follows it
BIN = Path(sys.executable).parent
HERE = Path(__file__).parent
EXAMPLES = (
    "I planned our evening and they came gladly.",
    "They called when they heard about my week.",
    "We talked for an hour about their new job.",
    "I drove over with soup when they were ill.",
    "They remembered the date and sent a note.",
    "I kept our Sunday walk going this month.",
)
REFLECTION = Reflection(ReflectionKind.PICTURE, "We take turns reaching out.", "Ask about Sunday.")


def _months_back(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))


def _stable_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _rating(rng: random.Random, dimension: Dimension, bias: Lean) -> DimensionRating:
    if rng.random() < 0.08:
        return DimensionRating.without_example(dimension)
    score = min(5, max(1, round(rng.gauss(3.4, 1.0))))
    if score >= 4:
        lean = Lean.MUTUAL
    else:
        lean = bias if rng.random() < 0.7 else rng.choice([Lean.I_CARRY, Lean.THEY_CARRY])
    return DimensionRating.rated(dimension, score, lean, rng.choice(EXAMPLES))


def _audit(
    audit_id: str,
    person: Person,
    on: dt.date,
    *,
    dimensions: dict[Dimension, DimensionRating],
    self_check: SelfCheck,
    revision: int,
) -> Audit:
    return make_audit(
        audit_id=audit_id,
        person_id=person.id,
        on=on,
        today=TODAY,
        dimensions=dimensions,
        self_check=self_check,
        overall_score=None,
        reflection=REFLECTION,
        revision=revision,
    )


def _audits(rng: random.Random, person: Person, index: int) -> list[ArchivedAudit]:
    bias = rng.choice([Lean.I_CARRY, Lean.THEY_CARRY])
    found = []
    for month in range(MONTHS):
        on = _months_back(TODAY, MONTHS - 1 - month)
        audit_id = f"a{index:02d}-{month:03d}"
        dimensions = {d: _rating(rng, d, bias) for d in Dimension}
        self_check = SelfCheck(rng.randint(2, 5), rng.randint(1, 5))
        stamp = dt.datetime.combine(on, dt.time(20), dt.UTC)
        earlier: tuple[EarlierRevision, ...] = ()
        if rng.random() < 0.05:  # edited once since
            first = {**dimensions, Dimension.DEPTH: _rating(rng, Dimension.DEPTH, bias)}
            old = _audit(audit_id, person, on, dimensions=first, self_check=self_check, revision=1)
            earlier = (EarlierRevision(1, stamp, old),)
        current = _audit(
            audit_id,
            person,
            on,
            dimensions=dimensions,
            self_check=self_check,
            revision=len(earlier) + 1,
        )
        found.append(ArchivedAudit(current, stamp, stamp, earlier))
    return found


def _seasons(rng: random.Random, person: Person) -> list[Season]:
    found = []
    for _ in range(rng.randint(2, 3)):
        start = TODAY - dt.timedelta(days=rng.randint(30, 3500))
        ongoing = rng.random() < 0.15 and start > TODAY - dt.timedelta(days=200)
        end = None if ongoing else min(TODAY, start + dt.timedelta(days=rng.randint(45, 300)))
        found.append(
            Season(
                _stable_id(rng),
                person.id,
                rng.choice(list(Whose)),
                rng.choice(list(SeasonKind)),
                start,
                end,
                "A hard stretch",
            )
        )
    return found


def _remembered(
    rng: random.Random, person: Person
) -> tuple[list[ImportantDate], list[SharedThing], CarePreferences]:
    dates = [
        ImportantDate(
            _stable_id(rng),
            person.id,
            label,
            TODAY.replace(year=TODAY.year - rng.randint(1, 50), day=1)
            + dt.timedelta(days=rng.randint(-200, 200)),
            yearly=yearly,
        )
        for label, yearly in (("birthday", True), ("anniversary", True), ("the move", False))
    ]
    things = []
    for n in range(6):
        follow_up = TODAY + dt.timedelta(days=rng.randint(-20, 90)) if n % 2 == 0 else None
        things.append(
            SharedThing(
                _stable_id(rng),
                person.id,
                f"The interview they were nervous about ({n})",
                follow_up,
                done=rng.random() < 0.3,
            )
        )
    ways = list(CareWay)
    care = CarePreferences(
        person.id,
        frozenset(rng.sample(ways, 2)),
        frozenset(rng.sample(ways, 2)),
        "Likes a call more than a message.",
    )
    return dates, things, care


def build_archive(seed: int = 5) -> Archive:
    """The data set: every relationship with its audits, seasons and what to remember."""
    rng = random.Random(seed)
    created = dt.datetime.combine(_months_back(TODAY, MONTHS), dt.time(9), dt.UTC)
    people, audits, seasons, dates, things, cares = [], [], [], [], [], []
    for index in range(PEOPLE):
        person = Person(_stable_id(rng), f"Person {index:02d}", rng.choice(list(RelationshipKind)))
        people.append(ArchivedPerson(person, created))
        audits += _audits(rng, person, index)
        seasons += _seasons(rng, person)
        some_dates, some_things, care = _remembered(rng, person)
        dates += some_dates
        things += some_things
        cares.append(care)
    return Archive(
        tuple(people),
        tuple(audits),
        tuple(seasons),
        important_dates=tuple(dates),
        shared_things=tuple(things),
        care_preferences=tuple(cares),
    )


def add_drafts_and_responses(store: Store, archive: Archive) -> None:
    """Unfinished audits and the other person's answers, for some relationships."""
    rng = random.Random(11)
    for item in archive.people[:WITH_DRAFT]:
        store.save_draft(
            item.person.id,
            {
                "date": TODAY.isoformat(),
                "initiation": {"score": 3, "lean": "i-carry", "example": EXAMPLES[0]},
                "_pending": {"depth": {"example": "We talked about"}},
            },
        )
    for item in archive.people[-WITH_RESPONSE:]:
        invitation = store.add_invitation(item.person.id)
        ratings = tuple(_rating(rng, d, Lean.THEY_CARRY) for d in Dimension)
        answer = Response(invitation.id, item.person.id, TODAY - dt.timedelta(days=3), ratings)
        store.import_response(answer, invitation.code, file="benchmark")


@dataclass(frozen=True)
class Server:
    """The running `reciprocity serve` and how to reach it."""

    process: subprocess.Popen[bytes]
    port: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path) -> Server:
    """Start the real server and wait until it answers (its static files, not a page)."""
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN / "reciprocity"), "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.stderr.read().decode()}")  # type: ignore[union-attr]
        try:
            status, _, _ = Client(port).get("/static/app.css")
            if status == 200:
                return Server(process, port)
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not answer within 60 s")


class Client:
    """One keep-alive connection, one request at a time (what a person's browser does)."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def _send(self, method: str, path: str, body: str | None = None) -> tuple[int, str, float]:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return response.status, text, time.perf_counter() - start

    def get(self, path: str) -> tuple[int, str, float]:
        """GET a path: its status, text and how long it took."""
        return self._send("GET", path)

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str, float]:
        """POST a form: its status, text and how long it took."""
        return self._send("POST", path, urlencode(fields))


def token(client: Client) -> str:
    """The form token the pages carry in ``<meta name="csrf-token">``."""
    _, text, _ = client.get("/settings")
    found = re.search(r'name="csrf-token" content="([^"]+)"', text)
    if not found:
        raise SystemExit("no csrf-token on the settings page")
    return found.group(1)


def pages(archive: Archive) -> list[tuple[str, list[str]]]:
    """Every page a person visits, as (what, the paths measured in turn)."""
    ids = [item.person.id for item in archive.people]
    sampled = [ids[i * PEOPLE // SAMPLED] for i in range(SAMPLED)]
    compared = ids[-WITH_RESPONSE:][:SAMPLED]
    edited = [a for a in archive.audits if a.earlier][:SAMPLED]
    plain = [a.audit for a in archive.audits if a.audit.person_id in sampled][7::MONTHS]
    shown = [*(a.audit for a in edited[:2]), *plain[:3]]

    def each(template: str, people: list[str]) -> list[str]:
        return [template.format(p=p) for p in people]

    audit_paths = [f"/people/{a.person_id}/audits/{a.id}" for a in shown]
    return [
        ("`/static/app.css` (a file: the floor)", ["/static/app.css"]),
        ("`/` overview", ["/"]),
        ("`/reminders`", ["/reminders"]),
        ("`/exchange`", ["/exchange"]),
        ("`/settings`", ["/settings"]),
        ("`/people/{id}` relationship page", each("/people/{p}", sampled)),
        ("`/people/{id}/audit/date` first step", each("/people/{p}/audit/date", sampled)),
        (
            "`/people/{id}/audit/initiation` a dimension step",
            each("/people/{p}/audit/initiation", sampled),
        ),
        ("`/people/{id}/audits/{audit}` one audit", audit_paths),
        ("`/people/{id}/audits/{audit}/edit`", [f"{p}/edit" for p in audit_paths]),
        ("`/people/{id}/guide`", each("/people/{p}/guide", sampled)),
        ("`/people/{id}/compare`", each("/people/{p}/compare", compared)),
        ("`/calendar.ics`", ["/calendar.ics"]),
    ]


def check_pages(port: int, paths: list[str]) -> None:
    """Every path answers 200 (twice each: this also warms the server up)."""
    client = Client(port)
    for path in paths * 2:
        status, text, _ = client.get(path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {text[:300]}")


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used so far (user and system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(server: Server, paths: list[str], connections: int, duration: float) -> dict[str, float]:
    """Latency percentiles (ms), requests and the server's CPU ms a request, GETting ``paths``."""
    threads = min(connections, 2)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration:g}s",
        "--latency",
        "-s",
        str(HERE / "web_pages.lua"),
        f"http://127.0.0.1:{server.port}",
        "--",
        *paths,
    ]
    cpu = cpu_seconds(server.process.pid)
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    cpu = cpu_seconds(server.process.pid) - cpu
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("{"))
    found = json.loads(line)
    if found["failed"]:
        raise SystemExit(f"wrk saw {found['failed']} failed requests on {paths}")
    return {
        "median": found["p50"] / 1000,
        "p95": found["p95"] / 1000,
        "requests": found["requests"],
        "cpu": cpu * 1000 / max(1, found["requests"]),
    }


def summary(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in ms."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _season(csrf: str, n: int) -> dict[str, str]:
    return {
        "csrf": csrf,
        "whose": "them",
        "kind": "illness",
        "start": (TODAY - dt.timedelta(days=n)).isoformat(),
        "ongoing": "1",
        "note": f"Round {n}",
    }


def writes_then_pages(port: int, archive: Archive, rounds: int) -> list[tuple[str, list[float]]]:
    """Post a change, then ask for a page: each request timed on its own.

    Each round adds a shared thing to one relationship and a season to it and to another,
    so the data grows by a few rows a round.
    """
    client = Client(port)
    csrf = token(client)
    ids = [item.person.id for item in archive.people]
    found: dict[str, list[float]] = {}

    def timed(name: str, path: str, fields: dict[str, str] | None = None) -> None:
        """GET the path, or POST the form when there is one."""
        status, text, took = client.post(path, fields) if fields else client.get(path)
        if status != (303 if fields else 200):
            raise SystemExit(f"{path} answered {status}: {text[:300]}")
        found.setdefault(name, []).append(took)

    for n in range(rounds):
        person, other = ids[(7 * n) % len(ids)], ids[(7 * n + 3) % len(ids)]
        thing = {"csrf": csrf, "text": f"Their exam, round {n}", "follow_up": TODAY.isoformat()}
        timed(
            "POST a shared thing (`/people/{id}/things`, answers 303)",
            f"/people/{person}/things",
            thing,
        )
        timed("`/` right after it (no reading changed)", "/")
        timed("`/` again, nothing changed", "/")
        timed(
            "POST a season (`/people/{id}/seasons`, answers 303)",
            f"/people/{person}/seasons",
            _season(csrf, n),
        )
        timed("`/` right after it (one relationship read again)", "/")
        client.post(f"/people/{other}/seasons", _season(csrf, n))
        timed("`/people/{id}` right after a season of its own", f"/people/{other}")
        timed("`/calendar.ics` right after a change (made again)", "/calendar.ics")
    return list(found.items())


def cli_write_then_overview(port: int, db: Path, archive: Archive, rounds: int) -> list[float]:
    """A change made by the CLI in another process, then the overview (timed)."""
    client = Client(port)
    times = []
    for n in range(rounds):
        name = archive.people[(3 * n) % len(archive.people)].person.name
        subprocess.run(
            [
                str(BIN / "reciprocity"),
                "--db",
                str(db),
                "season",
                "add",
                name,
                "--whose",
                "me",
                "--kind",
                "move",
                "--from",
                TODAY.isoformat(),
                "--note",
                f"CLI {n}",
            ],
            check=True,
            capture_output=True,
        )
        status, text, took = client.get("/")
        if status != 200:
            raise SystemExit(f"the overview answered {status}: {text[:300]}")
        times.append(took)
    return times


def page_table(
    server: Server, measured: list[tuple[str, list[str]]], passes: int, duration: float
) -> None:
    """Print each page's latency with 1 and 4 connections, over several passes of wrk.

    Passes go over every page in turn, so a burst of load from elsewhere on the machine
    falls on one pass of several pages rather than on every pass of one page; the p95
    shown is the median of the passes' (the worst in brackets).
    """
    runs: dict[tuple[str, int], list[dict[str, float]]] = {}
    for _ in range(passes):
        for name, paths in measured:
            for connections in (1, 4):
                found = wrk(server, paths, connections, duration)
                runs.setdefault((name, connections), []).append(found)
    print(
        "| page | 1 conn: median | p95 (worst pass) | 4 conn: median | p95 (worst pass) "
        "| server CPU per request | requests (1 / 4) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, _ in measured:
        cells = []
        for connections in (1, 4):
            results = runs[(name, connections)]
            median = statistics.median(r["median"] for r in results)
            p95 = statistics.median(r["p95"] for r in results)
            worst = max(r["p95"] for r in results)
            cells.append(f"{median:.1f} ms | {p95:.1f} ms ({worst:.0f})")
        one = runs[(name, 1)]
        requests = [sum(r["requests"] for r in runs[(name, c)]) for c in (1, 4)]
        cpu = sum(r["cpu"] * r["requests"] for r in one) / max(1, requests[0])
        print(
            f"| {name} | {cells[0]} | {cells[1]} | {cpu:.1f} ms "
            f"| {requests[0]:.0f} / {requests[1]:.0f} |"
        )


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--duration", type=float, default=3, help="seconds of wrk per page, connections and pass"
    )
    parser.add_argument(
        "--passes", type=int, default=3, help="passes over every page (the median p95 is shown)"
    )
    parser.add_argument("--rounds", type=int, default=30, help="changes posted, each followed by /")
    parser.add_argument("--cli-rounds", type=int, default=8, help="changes made by the CLI")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("This benchmark needs wrk: `apt-get install wrk` (Debian, Ubuntu).")
    folder = Path(tempfile.mkdtemp(prefix="reciprocity-web-bench-"))
    db = folder / "big.db"
    archive = build_archive()
    store = open_store(db)
    store.import_archive(archive, file="benchmark")
    add_drafts_and_responses(store, archive)
    store.close()
    server = start_server(db)
    try:
        client = Client(server.port)
        _, _, cold = client.get("/")
        measured = pages(archive)
        for _, paths in measured:
            check_pages(server.port, paths)
        print(
            f"{PEOPLE} relationships x {MONTHS} monthly audits ({len(archive.audits)} audits), "
            f"{len(archive.seasons)} seasons, {len(archive.important_dates)} dates, "
            f"{len(archive.shared_things)} shared things, {WITH_DRAFT} drafts, "
            f"{WITH_RESPONSE} responses; wrk {args.duration:g} s per page and concurrency, "
            f"{args.passes} passes over all pages"
        )
        print(f"Load average (1, 5, 15 min) before: {_load()}")
        print()
        page_table(server, measured, args.passes, args.duration)
        print()
        print(f"Load average (1, 5, 15 min) after the wrk runs: {_load()}")
        print()
        print(f"One request at a time from this process ({args.rounds} rounds):")
        print()
        print("| what | median | p95 |")
        print("|---|---:|---:|")
        for name, times in writes_then_pages(server.port, archive, args.rounds):
            median, p95 = summary(times)
            print(f"| {name} | {median:.1f} ms | {p95:.1f} ms |")
        median, p95 = summary(cli_write_then_overview(server.port, db, archive, args.cli_rounds))
        print(
            f"| `/` after a season added by the CLI in another process ({args.cli_rounds} rounds) "
            f"| {median:.1f} ms | {p95:.1f} ms |"
        )
        print(
            f"| `/` asked for the moment the server answers (once; it waits for the reading"
            f" every relationship gets at start) | {cold * 1000:.1f} ms | |"
        )
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
