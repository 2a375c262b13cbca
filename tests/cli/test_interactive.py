"""The guided audit, driven through a real pseudo-terminal the way a person would answer it.

Each test runs the installed ``reciprocity`` command under pexpect, waits for the
prompts by their text in the message catalogue and answers with arrow keys, Enter,
typed text and Ctrl-C. The terminal also answers prompt_toolkit's cursor-position
queries, as a real terminal emulator does.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest

from reciprocity import messages, phrasing_rules
from reciprocity.core import Dimension, Lean, ReflectionKind
from reciprocity.store import open_store
from tests.conftest import Cli

RECIPROCITY = str(Path(sys.executable).parent / "reciprocity")
TIMEOUT = 15
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CURSOR_POSITION_REQUEST = "\x1b[6n"
CURSOR_POSITION_REPLY = "\x1b[1;1R"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Positions of the choices, as the interview lists them.
NO_RECENT_EXAMPLE = 5  # after the five scores
LEAN_POSITION = {Lean.I_CARRY: 0, Lean.THEY_CARRY: 1, Lean.MUTUAL: 2}
ACCEPT, OVERRIDE = 0, 1
KEEP, REWRITE = 0, 1
RESUME, START_AFRESH = 0, 1


def terminal_env() -> dict[str, str]:
    """A small, predictable environment for the child: a colour terminal and the PATH."""
    return {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color"}


class Terminal:
    """One ``reciprocity audit`` run in a pseudo-terminal, answered like a person would."""

    def __init__(self, db: Path, name: str) -> None:
        self.transcript = io.StringIO()
        self.child: Any = pexpect.spawn(
            RECIPROCITY,
            ["--db", str(db), "audit", name],
            env=terminal_env(),
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=TIMEOUT,
        )
        self.child.logfile_read = self.transcript
        # Every send follows the prompt it answers, so pexpect's guard delay is not needed.
        self.child.delaybeforesend = None

    def wait_for(self, text: str) -> None:
        """Wait until ``text`` is shown, answering cursor-position queries meanwhile."""
        patterns = [re.escape(CURSOR_POSITION_REQUEST), re.escape(text)]
        try:
            while self.child.expect(patterns) == 0:
                self.child.send(CURSOR_POSITION_REPLY)
        except (pexpect.EOF, pexpect.TIMEOUT) as error:
            screen = re.sub(r"\s*\n\s*", "\n", ANSI_ESCAPE.sub("", self.shown))[-1500:]
            pytest.fail(
                f"{type(error).__name__} waiting for {text!r}; the terminal showed:\n{screen}"
            )

    def choose(self, question: str, position: int = 0) -> None:
        """Wait for a list question and pick the choice ``position`` steps down."""
        self.wait_for(question)
        self.child.send(DOWN * position + ENTER)

    def type(self, question: str, answer: str) -> None:
        """Wait for a text question and type an answer (empty for 'skip')."""
        self.wait_for(question)
        self.child.send(answer + ENTER)

    def dimension(
        self, dimension: Dimension, score: int | None, lean: Lean | None, example: str
    ) -> None:
        """Answer one dimension: a score (None for 'no recent example'), its lean, an example."""
        self.wait_for(messages.DIMENSION_QUESTIONS[dimension])
        if score is None:
            self.choose(messages.ASK_SCORE, NO_RECENT_EXAMPLE)
            self.type(messages.ASK_NO_EXAMPLE_NOTE, example)
            return
        self.choose(messages.ASK_SCORE, score - 1)
        if lean is not None:
            self.choose(messages.ASK_LEAN, LEAN_POSITION[lean])
        self.type(messages.ASK_EXAMPLE, example)

    def self_questions(
        self, giving: int, giving_note: str, receiving: int, receiving_note: str
    ) -> None:
        """Answer the two questions about oneself, each with its note."""
        self.wait_for(messages.SELF_INTRO)
        self.choose(messages.ASK_SELF_GIVING, giving - 1)
        self.type(messages.ASK_SELF_NOTE, giving_note)
        self.choose(messages.ASK_SELF_RECEIVING, receiving - 1)
        self.type(messages.ASK_SELF_NOTE, receiving_note)

    def interrupt(self) -> None:
        """Press Ctrl-C."""
        self.child.sendintr()

    def exit_status(self) -> int:
        """Wait for the command to end and return its exit status."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        status: int = self.child.exitstatus
        return status

    @property
    def shown(self) -> str:
        """Everything the command has written to the terminal so far."""
        return self.transcript.getvalue()


StartAudit = Callable[[], Terminal]


@pytest.fixture
def sam(cli: Cli) -> Cli:
    """The CLI against a fresh database holding one relationship, Sam (partner)."""
    assert cli("person", "add", "Sam", "--kind", "partner").code == 0
    return cli


@pytest.fixture
def terminal(sam: Cli) -> Iterator[StartAudit]:
    """Start ``reciprocity audit Sam`` in a pseudo-terminal; every run is ended afterwards."""
    started: list[Terminal] = []

    def start() -> Terminal:
        run = Terminal(sam.db, "Sam")
        started.append(run)
        return run

    yield start
    for run in started:
        run.child.close(force=True)


def audits_of_sam(cli: Cli) -> list[dict[str, Any]]:
    """The audits ``reciprocity history Sam --json`` reports."""
    result = cli("history", "Sam", "--json")
    assert result.code == 0, result.err
    audits: list[dict[str, Any]] = json.loads(result.out)["audits"]
    return audits


def draft_of_sam(db: Path) -> dict[str, Any] | None:
    """The answers of Sam's unfinished audit, if there is one."""
    store = open_store(db)
    try:
        draft = store.draft(store.person("Sam").id)
    finally:
        store.close()
    return None if draft is None else draft.answers


def _fragment(template: str, before: str) -> str:
    """The part of a message template before one of its fields."""
    return template.split("{" + before + "}", maxsplit=1)[0]


def test_a_partner_audit_from_start_to_finish_is_saved(terminal: StartAudit, sam: Cli) -> None:
    run = terminal()
    run.wait_for(messages.AUDIT_INTRO.format(name="Sam"))
    run.dimension(Dimension.INITIATION, 2, Lean.I_CARRY, "I planned our last three weekends")
    run.dimension(Dimension.DEPTH, 2, Lean.THEY_CARRY, "Sam stayed up late listening about Dad")
    run.dimension(Dimension.CRISIS, None, None, "Neither of us had a hard time this spring")
    run.dimension(Dimension.MAINTENANCE, 5, None, "We both remember the small things")
    run.self_questions(4, "I could ask more questions", 3, "")

    # The proposal comes with its reasons: the two leans offset each other.
    run.wait_for(messages.OVERALL_INTRO)
    initiation, depth, crisis, maintenance = (messages.DIMENSION_NAMES[d] for d in Dimension)
    for line in (
        messages.EXPLAIN_HEADLINE.format(value=5, exact="5.00"),
        messages.EXPLAIN_FULLY_OFFSET.format(
            dimension=initiation, score=2, lean=messages.LEAN_PHRASES[Lean.I_CARRY]
        ),
        messages.EXPLAIN_FULLY_OFFSET.format(
            dimension=depth, score=2, lean=messages.LEAN_PHRASES[Lean.THEY_CARRY]
        ),
        messages.EXPLAIN_LEFT_OUT.format(dimension=crisis),
        messages.EXPLAIN_MUTUAL.format(dimension=maintenance),
        messages.EXPLAIN_OFFSETS_MEAN,
        messages.EXPLAIN_OVERALL_LEAN[Lean.MUTUAL],
    ):
        run.wait_for(line)
    run.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=5), ACCEPT)
    run.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))

    assert run.exit_status() == 0
    assert _fragment(messages.REFLECTION_INTRO, "score") not in run.shown
    [audit] = audits_of_sam(sam)
    assert audit["initiation"] == {
        "score": 2,
        "lean": "i-carry",
        "example": "I planned our last three weekends",
    }
    assert audit["depth"] == {
        "score": 2,
        "lean": "they-carry",
        "example": "Sam stayed up late listening about Dad",
    }
    assert audit["crisis"] == {
        "no_recent_example": True,
        "example": "Neither of us had a hard time this spring",
    }
    assert audit["maintenance"] == {
        "score": 5,
        "lean": "mutual",
        "example": "We both remember the small things",
    }
    assert audit["self"] == {
        "giving": 4,
        "giving_note": "I could ask more questions",
        "receiving": 3,
        "receiving_note": "",
    }
    assert audit["overall"] == {"score": 5, "proposed": 5, "reason": ""}
    assert audit["reflection"] is None
    assert draft_of_sam(sam.db) is None


def test_a_low_override_asks_for_a_picture_and_offers_to_reword_an_accusation(
    terminal: StartAudit, sam: Cli
) -> None:
    accusation = "You never ask about my day"
    picture = "I'd love us to ask each other about our days over dinner"
    first_step = "Tell Sam about my week on Friday and ask about theirs"
    reason = "It has felt lonelier lately than these answers show"

    run = terminal()
    run.dimension(Dimension.INITIATION, 2, Lean.I_CARRY, "I suggest every plan we make")
    run.dimension(Dimension.DEPTH, 3, Lean.I_CARRY, "Sam changed the subject when I opened up")
    run.dimension(Dimension.CRISIS, 4, Lean.MUTUAL, "We looked after each other with the flu")
    run.dimension(Dimension.MAINTENANCE, 3, Lean.I_CARRY, "I remembered the anniversary")
    run.self_questions(5, "", 4, "")

    # 5 - (3 + 2 + 2 leaning my way, + 1 with no lean) / 4 = 3; rate it 2 instead.
    run.wait_for(messages.EXPLAIN_HEADLINE.format(value=3, exact="3.00"))
    run.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=3), OVERRIDE)
    run.wait_for(messages.ASK_OVERALL)
    run.child.send(UP + ENTER)  # the cursor starts on the proposal, 3
    run.type(messages.ASK_OVERRIDE_REASON, reason)

    run.wait_for(messages.REFLECTION_INTRO.format(score=2))
    run.choose(messages.ASK_REFLECTION_KIND, 0)
    question = messages.ASK_REFLECTION_TEXT[ReflectionKind.PICTURE]
    run.type(question, accusation)

    # The wording check speaks up, with a reframing, and lets the person rewrite.
    [finding] = phrasing_rules.check(accusation)
    run.wait_for(messages.PHRASING_NOTE_HEADER)
    run.wait_for(f"  - {finding.reframe}")
    run.wait_for(messages.ASK_KEEP_WORDING)
    run.wait_for(messages.CHOICE_REWRITE)
    run.child.send(DOWN * REWRITE + ENTER)
    run.type(question, picture)
    run.type(messages.ASK_FIRST_STEP, first_step)
    run.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))

    assert run.exit_status() == 0
    assert run.shown.count(messages.PHRASING_NOTE_HEADER) == 1
    [audit] = audits_of_sam(sam)
    assert audit["overall"] == {"score": 2, "proposed": 3, "reason": reason}
    assert audit["reflection"] == {"kind": "picture", "text": picture, "first_step": first_step}


def test_ctrl_c_keeps_a_draft_that_the_next_audit_picks_up(terminal: StartAudit, sam: Cli) -> None:
    first = terminal()
    first.dimension(Dimension.INITIATION, 2, Lean.I_CARRY, "I always text first after a gap")
    first.dimension(Dimension.DEPTH, 4, Lean.MUTUAL, "We talked through my job worries")
    first.wait_for(messages.DIMENSION_QUESTIONS[Dimension.CRISIS])
    first.wait_for(messages.ASK_SCORE)
    first.interrupt()
    first.wait_for(messages.DRAFT_KEPT.format(name="Sam"))
    assert first.exit_status() == 130

    assert audits_of_sam(sam) == []
    draft = draft_of_sam(sam.db)
    assert draft is not None
    assert {"initiation", "depth"} <= draft.keys()
    assert "crisis" not in draft

    second = terminal()
    second.wait_for(_fragment(messages.DRAFT_FOUND, "when").format(name="Sam"))
    second.choose(messages.ASK_RESUME, RESUME)
    second.dimension(Dimension.CRISIS, None, None, "")
    second.dimension(Dimension.MAINTENANCE, 5, None, "We share the birthday calendar")
    second.self_questions(3, "", 2, "I wave away offers of help")
    # 5 - (3 leaning my way + 1 with no lean) / 3 rated = 3.67, so 4.
    second.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=4), ACCEPT)
    second.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))
    assert second.exit_status() == 0

    # The two dimensions answered before Ctrl-C were not asked again.
    for dimension in (Dimension.INITIATION, Dimension.DEPTH):
        assert messages.DIMENSION_QUESTIONS[dimension] not in second.shown
    [audit] = audits_of_sam(sam)
    assert audit["initiation"] == {
        "score": 2,
        "lean": "i-carry",
        "example": "I always text first after a gap",
    }
    assert audit["depth"] == {
        "score": 4,
        "lean": "mutual",
        "example": "We talked through my job worries",
    }
    assert audit["crisis"] == {"no_recent_example": True, "example": ""}
    assert audit["maintenance"]["example"] == "We share the birthday calendar"
    assert audit["self"]["receiving_note"] == "I wave away offers of help"
    assert audit["overall"] == {"score": 4, "proposed": 4, "reason": ""}
    assert draft_of_sam(sam.db) is None


def test_ctrl_c_before_any_answer_says_nothing_was_kept(terminal: StartAudit, sam: Cli) -> None:
    first = terminal()
    first.wait_for(messages.ASK_SCORE)
    first.interrupt()
    first.wait_for(messages.PAUSED_BEFORE_FIRST_ANSWER)
    assert first.exit_status() == 130
    assert messages.DRAFT_KEPT.format(name="Sam") not in first.shown
    assert draft_of_sam(sam.db) is None
    assert audits_of_sam(sam) == []


def test_starting_afresh_after_ctrl_c_sets_the_earlier_draft_aside(
    terminal: StartAudit, sam: Cli
) -> None:
    first = terminal()
    first.dimension(Dimension.INITIATION, 1, Lean.THEY_CARRY, "Sam reaches out every time")
    first.wait_for(messages.DIMENSION_QUESTIONS[Dimension.DEPTH])
    first.wait_for(messages.ASK_SCORE)
    first.interrupt()
    assert first.exit_status() == 130
    assert draft_of_sam(sam.db) is not None

    second = terminal()
    second.wait_for(_fragment(messages.DRAFT_FOUND, "when").format(name="Sam"))
    second.choose(messages.ASK_RESUME, START_AFRESH)
    second.wait_for(messages.DRAFT_DISCARDED)
    second.wait_for(messages.AUDIT_INTRO.format(name="Sam"))
    second.wait_for(messages.DIMENSION_QUESTIONS[Dimension.INITIATION])
    second.wait_for(messages.ASK_SCORE)
    assert draft_of_sam(sam.db) is None

    second.child.send(DOWN * 4 + ENTER)  # 5, roughly mutual
    second.type(messages.ASK_EXAMPLE, "We take turns calling")
    second.dimension(Dimension.DEPTH, 5, None, "We both listen")
    second.dimension(Dimension.CRISIS, 5, None, "We both showed up in March")
    second.dimension(Dimension.MAINTENANCE, 5, None, "We both keep in touch")
    second.self_questions(5, "", 5, "")
    second.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=5), ACCEPT)
    second.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))
    assert second.exit_status() == 0

    [audit] = audits_of_sam(sam)
    assert audit["initiation"] == {"score": 5, "lean": "mutual", "example": "We take turns calling"}
    assert "Sam reaches out every time" not in json.dumps(audit)
    assert draft_of_sam(sam.db) is None


def test_the_guided_audit_without_a_terminal_explains_and_writes_nothing(sam: Cli) -> None:
    folder = sam.db.parent
    before = {path.name: path.read_bytes() for path in folder.iterdir()}

    done = subprocess.run(
        [RECIPROCITY, "--db", str(sam.db), "audit", "Sam"],
        input="",
        capture_output=True,
        text=True,
        env=terminal_env(),
        timeout=TIMEOUT,
        check=False,
    )

    assert done.returncode == 2
    assert messages.NEEDS_TERMINAL.format(name="Sam") in done.stderr
    assert done.stdout == ""
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert audits_of_sam(sam) == []
    assert draft_of_sam(sam.db) is None
