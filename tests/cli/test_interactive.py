"""The guided audit, driven through a real pseudo-terminal the way a person would answer it.

Each test runs the installed ``reciprocity`` command under pexpect, waits for the
prompts by their text in the message catalogue and answers with arrow keys, Enter,
typed text, Ctrl-C and Ctrl-D. The terminal also answers prompt_toolkit's
cursor-position queries, as a real terminal emulator does.

The interview word-wraps its help texts to the terminal's width, so texts are matched
with any run of whitespace standing for any other (and a line may break after a hyphen).
"""

from __future__ import annotations

import datetime as dt
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
from reciprocity.core import (
    Dimension,
    DimensionRating,
    Lean,
    ReflectionKind,
    propose_overall_rating,
)
from reciprocity.store import open_store
from tests.conftest import Cli

RECIPROCITY = str(Path(sys.executable).parent / "reciprocity")
TIMEOUT = 15
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_D = "\x04"
CURSOR_POSITION_REQUEST = "\x1b[6n"
CURSOR_POSITION_REPLY = "\x1b[1;1R"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STDERR_FILE = "STDERR_FILE"

# Positions of the choices, as the interview lists them.
NO_RECENT_EXAMPLE = 5  # after the five scores
LEAN_POSITION = {Lean.I_CARRY: 0, Lean.THEY_CARRY: 1, Lean.MUTUAL: 2}
ACCEPT, OVERRIDE = 0, 1
KEEP, REWRITE = 0, 1
RESUME, START_AFRESH = 0, 1
REFLECTION_POSITION = {ReflectionKind.PICTURE: 0, ReflectionKind.BOUNDARY: 1}

# One dimension as answered: its score (None for 'no recent example'), lean and example.
Answer = tuple[Dimension, int | None, Lean | None, str]


def terminal_env() -> dict[str, str]:
    """A small, predictable environment for the child: a colour terminal and the PATH."""
    return {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color"}


def wrapped(text: str) -> str:
    """A pattern for ``text`` however it was word-wrapped."""
    words = ("-\\s*".join(re.escape(part) for part in word.split("-")) for word in text.split())
    return r"\s+".join(words)


class Terminal:
    """One ``reciprocity audit`` run in a pseudo-terminal, answered like a person would."""

    def __init__(self, db: Path, name: str, *options: str, stderr: Path | None = None) -> None:
        self.transcript = io.StringIO()
        command = [RECIPROCITY, "--db", str(db), "audit", name, *options]
        env = terminal_env()
        if stderr is not None:
            # Only stderr goes to the file: stdin and stdout stay the terminal.
            env[STDERR_FILE] = str(stderr)
            command = ["/bin/sh", "-c", f'exec "$@" 2>"${STDERR_FILE}"', "sh", *command]
        self.child: Any = pexpect.spawn(
            command[0],
            command[1:],
            env=env,
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=TIMEOUT,
        )
        self.child.logfile_read = self.transcript
        # Every send follows the prompt it answers, so pexpect's guard delay is not needed.
        self.child.delaybeforesend = None

    def wait_for(self, text: str) -> None:
        """Wait until ``text`` is shown, answering cursor-position queries meanwhile."""
        patterns = [re.escape(CURSOR_POSITION_REQUEST), wrapped(text)]
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

    def choose_score(self, question: str, labels: dict[int, str], score: int) -> None:
        """Wait for a 1-to-5 question showing ``labels`` in order, and pick ``score``."""
        self.wait_for(question)
        for _, label in sorted(labels.items()):
            self.wait_for(label)
        self.child.send(DOWN * (score - 1) + ENTER)

    def type(self, question: str, answer: str) -> None:
        """Wait for a text question and type an answer (empty for 'skip')."""
        self.wait_for(question)
        self.child.send(answer + ENTER)

    def dimension(
        self, dimension: Dimension, score: int | None, lean: Lean | None, example: str
    ) -> None:
        """Answer one dimension: a score (None for 'no recent example'), its lean, an example."""
        self.wait_for(messages.DIMENSION_QUESTIONS[dimension])
        self.wait_for(messages.DIMENSION_HELP[dimension])
        if score is None:
            self.choose(messages.ASK_SCORE, NO_RECENT_EXAMPLE)
            self.type(messages.ASK_NO_EXAMPLE_NOTE, example)
            return
        self.choose(messages.ASK_SCORE, score - 1)
        if lean is not None:
            self.lean(dimension, lean)
        self.type(messages.ASK_EXAMPLE, example)

    def lean(self, dimension: Dimension, lean: Lean) -> None:
        """Answer which way a dimension leans, after the help line that says what it means."""
        self.wait_for(messages.LEAN_HELP[dimension])
        self.choose(messages.ASK_LEAN, LEAN_POSITION[lean])

    def dimensions(self, answers: list[Answer]) -> None:
        """Answer several dimensions in turn."""
        for answer in answers:
            self.dimension(*answer)

    def self_questions(
        self, giving: int, giving_note: str, receiving: int, receiving_note: str
    ) -> None:
        """Answer the two questions about oneself, each with its note."""
        self.wait_for(messages.SELF_INTRO)
        self.choose_score(messages.ASK_SELF_GIVING, messages.SELF_GIVING_LABELS, giving)
        self.type(messages.ASK_SELF_NOTE, giving_note)
        self.choose_score(messages.ASK_SELF_RECEIVING, messages.SELF_RECEIVING_LABELS, receiving)
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

    def where(self, text: str) -> int | None:
        """Where ``text`` was first shown, however wrapped; None if it was not."""
        found = re.search(wrapped(text), self.shown)
        return None if found is None else found.start()

    def showed(self, text: str) -> bool:
        """Whether ``text`` was shown, however wrapped."""
        return self.where(text) is not None


StartAudit = Callable[..., Terminal]


@pytest.fixture
def sam(cli: Cli) -> Cli:
    """The CLI against a fresh database holding one relationship, Sam (partner)."""
    assert cli("person", "add", "Sam", "--kind", "partner").code == 0
    return cli


@pytest.fixture
def terminal(sam: Cli) -> Iterator[StartAudit]:
    """Start ``reciprocity audit Sam [OPTIONS]`` in a pseudo-terminal; every run is ended after."""
    started: list[Terminal] = []

    def start(*options: str, stderr: Path | None = None) -> Terminal:
        run = Terminal(sam.db, "Sam", *options, stderr=stderr)
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


def finished_sections(draft: dict[str, Any]) -> dict[str, Any]:
    """The sections a draft holds as finished (everything but the pending ones)."""
    return {key: value for key, value in draft.items() if key != "_pending"}


def proposed(answers: list[Answer]) -> int:
    """The overall rating the interview should propose for these answers."""
    ratings = [
        DimensionRating.without_example(dimension, example)
        if score is None
        else DimensionRating.rated(dimension, score, lean or Lean.MUTUAL, example)
        for dimension, score, lean, example in answers
    ]
    value = propose_overall_rating(ratings).value
    assert value is not None
    return value


def _fragment(template: str, before: str) -> str:
    """The part of a message template before one of its fields."""
    return template.split("{" + before + "}", maxsplit=1)[0]


def test_a_partner_audit_from_start_to_finish_is_saved(terminal: StartAudit, sam: Cli) -> None:
    answers: list[Answer] = [
        (Dimension.INITIATION, 2, Lean.I_CARRY, "I planned our last three weekends"),
        (Dimension.DEPTH, 2, Lean.THEY_CARRY, "Sam stayed up late listening about Dad"),
        (Dimension.CRISIS, None, None, "Neither of us had a hard time this spring"),
        (Dimension.MAINTENANCE, 5, None, "We both remember the small things"),
    ]
    # 5 - (3 + 3 - 2 * 0.75 * 3 offset) / 3 rated = 4.5, so 5.
    assert proposed(answers) == 5

    run = terminal()
    run.wait_for(messages.AUDIT_INTRO.format(name="Sam"))
    run.dimensions(answers)
    run.self_questions(4, "I could ask more questions", 3, "")

    # The proposal comes with its reasons: the two leans largely offset each other.
    run.wait_for(messages.OVERALL_INTRO)
    initiation, depth, crisis, maintenance = (messages.DIMENSION_NAMES[d] for d in Dimension)
    for line in (
        messages.EXPLAIN_HEADLINE.format(value=5),
        messages.EXPLAIN_PARTLY_OFFSET.format(
            dimension=initiation,
            score=2,
            lean=messages.LEAN_PHRASES[Lean.I_CARRY],
            degree="a little",
        ),
        messages.EXPLAIN_PARTLY_OFFSET.format(
            dimension=depth, score=2, lean=messages.LEAN_PHRASES[Lean.THEY_CARRY], degree="a little"
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
    assert "Proposed overall rating: 5.00" not in run.shown  # no decimals any more
    assert not run.showed(messages.EXPLAIN_LOW_NOTE)
    assert not run.showed(_fragment(messages.REFLECTION_INTRO, "score"))
    [audit] = audits_of_sam(sam)
    assert audit["date"] == dt.date.today().isoformat()
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
    answers: list[Answer] = [
        (Dimension.INITIATION, 2, Lean.I_CARRY, "I suggest every plan we make"),
        (Dimension.DEPTH, 3, Lean.I_CARRY, "Sam changed the subject when I opened up"),
        (Dimension.CRISIS, 4, Lean.MUTUAL, "We looked after each other with the flu"),
        (Dimension.MAINTENANCE, 3, Lean.I_CARRY, "I remembered the anniversary"),
    ]
    # 5 - (3 + 2 + 2 leaning my way, + 1 with no lean) / 4 = 3; rate it 2 instead.
    assert proposed(answers) == 3

    run = terminal()
    run.dimensions(answers)
    run.self_questions(5, "", 4, "")

    run.wait_for(messages.EXPLAIN_HEADLINE.format(value=3))
    run.wait_for(
        messages.EXPLAIN_UNDIRECTED.format(
            dimension=messages.DIMENSION_NAMES[Dimension.CRISIS], score=4, degree="a little"
        )
    )
    run.wait_for(messages.EXPLAIN_OVERALL_LEAN[Lean.I_CARRY])
    run.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=3), OVERRIDE)
    run.wait_for(messages.ASK_OVERALL)
    run.child.send(UP + ENTER)  # the cursor starts on the proposal, 3
    run.type(messages.ASK_OVERRIDE_REASON, reason)

    run.wait_for(messages.REFLECTION_INTRO.format(score=2))
    run.choose(messages.ASK_REFLECTION_KIND, REFLECTION_POSITION[ReflectionKind.PICTURE])
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
    # The proposal was 3, so the note for low proposals was not needed.
    assert not run.showed(messages.EXPLAIN_LOW_NOTE)
    [audit] = audits_of_sam(sam)
    assert audit["overall"] == {"score": 2, "proposed": 3, "reason": reason}
    assert audit["reflection"] == {"kind": "picture", "text": picture, "first_step": first_step}


def test_ctrl_c_keeps_a_draft_that_the_next_audit_picks_up(terminal: StartAudit, sam: Cli) -> None:
    before: list[Answer] = [
        (Dimension.INITIATION, 2, Lean.I_CARRY, "I always text first after a gap"),
        (Dimension.DEPTH, 4, Lean.MUTUAL, "We talked through my job worries"),
    ]
    after: list[Answer] = [
        (Dimension.CRISIS, None, None, ""),
        (Dimension.MAINTENANCE, 5, None, "We share the birthday calendar"),
    ]
    # 5 - (3 leaning my way + 1 with no lean) / 3 rated = 3.67, so 4.
    value = proposed(before + after)
    assert value == 4

    first = terminal()
    first.dimensions(before)
    first.wait_for(messages.DIMENSION_QUESTIONS[Dimension.CRISIS])
    first.wait_for(messages.ASK_SCORE)
    first.interrupt()
    first.wait_for(messages.DRAFT_KEPT.format(name="Sam"))
    assert first.exit_status() == 130
    assert "Traceback" not in first.shown

    assert audits_of_sam(sam) == []
    draft = draft_of_sam(sam.db)
    assert draft is not None
    assert finished_sections(draft) == {
        "initiation": {"score": 2, "lean": "i-carry", "example": "I always text first after a gap"},
        "depth": {"score": 4, "lean": "mutual", "example": "We talked through my job worries"},
    }
    assert not draft.get("_pending")  # nothing of crisis was answered yet

    second = terminal()
    second.wait_for(_fragment(messages.DRAFT_FOUND, "when").format(name="Sam"))
    second.choose(messages.ASK_RESUME, RESUME)
    second.dimensions(after)
    second.self_questions(3, "", 2, "I wave away offers of help")
    second.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=value), ACCEPT)
    second.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))
    assert second.exit_status() == 0

    # The two dimensions answered before Ctrl-C were not asked again, nor was the intro shown.
    for dimension in (Dimension.INITIATION, Dimension.DEPTH):
        assert not second.showed(messages.DIMENSION_QUESTIONS[dimension])
    assert not second.showed(messages.AUDIT_INTRO.format(name="Sam"))
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
    assert audit["overall"] == {"score": value, "proposed": value, "reason": ""}
    assert draft_of_sam(sam.db) is None


def test_ctrl_c_within_a_dimension_keeps_its_score_and_resumes_at_the_lean(
    terminal: StartAudit, sam: Cli
) -> None:
    boundary = "I keep Sunday evenings for myself and say so kindly"
    first_step = "Tell Sam on Sunday that my evenings are my own"
    answers: list[Answer] = [
        (Dimension.INITIATION, 1, Lean.I_CARRY, "I plan most of our evenings out"),
        (Dimension.DEPTH, 2, Lean.I_CARRY, "Sam calls when something good happens"),
        (Dimension.CRISIS, 3, Lean.I_CARRY, "I drove Sam to the hospital in May"),
        (Dimension.MAINTENANCE, 2, Lean.I_CARRY, "I do the birthday cards and the shopping list"),
    ]
    value = proposed(answers)  # 5 - (4 + 3 + 2 + 3) / 4 = 2
    assert value == 2
    crisis = answers[2]

    first = terminal()
    first.dimensions(answers[:2])
    first.wait_for(messages.DIMENSION_QUESTIONS[Dimension.CRISIS])
    first.choose(messages.ASK_SCORE, 3 - 1)
    # The score is kept as soon as it is chosen: Ctrl-C at the lean question.
    first.wait_for(messages.LEAN_HELP[Dimension.CRISIS])
    first.wait_for(messages.ASK_LEAN)
    first.interrupt()
    first.wait_for(messages.DRAFT_KEPT.format(name="Sam"))
    assert first.exit_status() == 130

    draft = draft_of_sam(sam.db)
    assert draft is not None
    assert draft["_pending"] == {"crisis": {"score": 3}}
    assert set(finished_sections(draft)) == {"initiation", "depth"}

    second = terminal()
    second.wait_for(_fragment(messages.DRAFT_FOUND, "when").format(name="Sam"))
    second.choose(messages.ASK_RESUME, RESUME)
    # Straight to the lean of crisis: its score is not asked again.
    second.lean(Dimension.CRISIS, Lean.I_CARRY)
    lean_help = second.where(messages.LEAN_HELP[Dimension.CRISIS])
    assert lean_help is not None
    assert not re.search(wrapped(messages.ASK_SCORE), second.shown[:lean_help])
    second.type(messages.ASK_EXAMPLE, crisis[3])
    second.dimension(*answers[3])
    second.self_questions(5, "", 2, "")

    # A low proposal: its reasons, and a word that a rating describes now, not forever.
    second.wait_for(messages.EXPLAIN_HEADLINE.format(value=value))
    second.wait_for(
        messages.EXPLAIN_LEANS.format(
            dimension=messages.DIMENSION_NAMES[Dimension.INITIATION],
            score=1,
            lean=messages.LEAN_PHRASES[Lean.I_CARRY],
            degree="a lot",
        )
    )
    second.wait_for(
        messages.EXPLAIN_LEANS.format(
            dimension=messages.DIMENSION_NAMES[Dimension.CRISIS],
            score=3,
            lean=messages.LEAN_PHRASES[Lean.I_CARRY],
            degree="somewhat",
        )
    )
    second.wait_for(messages.EXPLAIN_OVERALL_LEAN[Lean.I_CARRY])
    second.wait_for(messages.EXPLAIN_LOW_NOTE)
    second.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=value), ACCEPT)

    # Accepting a 2 asks for a reflection too; this time a boundary.
    second.wait_for(messages.REFLECTION_INTRO.format(score=value))
    second.choose(messages.ASK_REFLECTION_KIND, REFLECTION_POSITION[ReflectionKind.BOUNDARY])
    second.type(messages.ASK_REFLECTION_TEXT[ReflectionKind.BOUNDARY], boundary)
    second.type(messages.ASK_FIRST_STEP, first_step)
    second.wait_for(_fragment(messages.AUDIT_SAVED, "date").format(name="Sam"))
    assert second.exit_status() == 0

    # Resuming half-way names the dimension again, without its long help.
    assert second.showed(messages.DIMENSION_QUESTIONS[Dimension.CRISIS])
    assert not second.showed(messages.DIMENSION_HELP[Dimension.CRISIS])
    assert not second.showed(messages.EXPLAIN_OFFSETS_MEAN)
    [audit] = audits_of_sam(sam)
    assert audit["crisis"] == {"score": 3, "lean": "i-carry", "example": crisis[3]}
    assert audit["initiation"]["score"] == 1
    assert audit["overall"] == {"score": value, "proposed": value, "reason": ""}
    assert audit["reflection"] == {"kind": "boundary", "text": boundary, "first_step": first_step}
    assert draft_of_sam(sam.db) is None


def test_ctrl_d_at_a_text_question_keeps_a_draft_like_ctrl_c(
    terminal: StartAudit, sam: Cli
) -> None:
    run = terminal()
    run.dimension(Dimension.INITIATION, 3, Lean.THEY_CARRY, "Sam rang me every Sunday")
    run.wait_for(messages.DIMENSION_QUESTIONS[Dimension.DEPTH])
    run.choose(messages.ASK_SCORE, 4 - 1)
    run.lean(Dimension.DEPTH, Lean.MUTUAL)
    run.wait_for(messages.ASK_EXAMPLE)
    run.child.send(CTRL_D)
    run.wait_for(messages.DRAFT_KEPT.format(name="Sam"))
    assert run.exit_status() == 130
    assert "Traceback" not in run.shown

    assert audits_of_sam(sam) == []
    assert draft_of_sam(sam.db) == {
        "initiation": {"score": 3, "lean": "they-carry", "example": "Sam rang me every Sunday"},
        "_pending": {"depth": {"score": 4, "lean": "mutual"}},
    }


def test_ctrl_c_before_any_answer_says_nothing_was_kept(terminal: StartAudit, sam: Cli) -> None:
    first = terminal()
    first.wait_for(messages.ASK_SCORE)
    first.interrupt()
    first.wait_for(messages.PAUSED_BEFORE_FIRST_ANSWER)
    assert first.exit_status() == 130
    assert not first.showed(messages.DRAFT_KEPT.format(name="Sam"))
    assert draft_of_sam(sam.db) is None
    assert audits_of_sam(sam) == []


def test_starting_afresh_after_ctrl_c_deletes_the_earlier_draft(
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


ANSWERS_ALL_MUTUAL = """\
[initiation]
score = 5
lean = "mutual"
example = "We take turns calling"

[depth]
score = 5
lean = "mutual"
example = "We both listen"

[crisis]
no_recent_example = true

[maintenance]
score = 5
lean = "mutual"
example = "We both keep in touch"

[self]
giving = 5
receiving = 5
"""


def test_a_guided_audit_for_a_day_already_audited_is_refused_before_the_first_question(
    terminal: StartAudit, sam: Cli, tmp_path: Path
) -> None:
    answers = tmp_path / "sam.toml"
    answers.write_text(ANSWERS_ALL_MUTUAL, encoding="utf-8")
    saved = sam("audit", "Sam", "--answers", str(answers))
    assert saved.code == 0, saved.err
    today = dt.date.today()
    assert [audit["date"] for audit in audits_of_sam(sam)] == [today.isoformat()]

    # A guided audit is for today unless --date says otherwise, and today is taken.
    stderr = tmp_path / "stderr.txt"
    refused = terminal(stderr=stderr)
    assert refused.exit_status() == 1
    taken = messages.ERR_GUIDED_DATE_TAKEN.format(name="Sam", date=today)
    assert stderr.read_text(encoding="utf-8") == f"{messages.ERR_PREFIX}{taken}\n"
    assert refused.shown.strip() == ""  # not a word on the terminal, not a question
    assert draft_of_sam(sam.db) is None

    # Yesterday is free: the audit starts as usual and is saved for that day.
    yesterday = today - dt.timedelta(days=1)
    run = terminal("--date", yesterday.isoformat())
    run.wait_for(messages.AUDIT_INTRO.format(name="Sam"))
    run.dimension(Dimension.INITIATION, 5, None, "We both call")
    run.dimension(Dimension.DEPTH, 4, Lean.MUTUAL, "We talk most evenings")
    run.dimension(Dimension.CRISIS, None, None, "")
    run.dimension(Dimension.MAINTENANCE, 5, None, "We both plan weekends")
    run.self_questions(4, "", 4, "")
    run.choose(messages.ASK_ACCEPT_PROPOSAL.format(value=5), ACCEPT)
    run.wait_for(messages.AUDIT_SAVED.format(name="Sam", date=yesterday))
    assert run.exit_status() == 0

    audits = audits_of_sam(sam)
    assert [audit["date"] for audit in audits] == [yesterday.isoformat(), today.isoformat()]
    assert audits[0]["depth"] == {"score": 4, "lean": "mutual", "example": "We talk most evenings"}
    assert draft_of_sam(sam.db) is None


def test_a_guided_audit_for_a_future_day_is_refused_before_the_first_question(
    terminal: StartAudit, sam: Cli, tmp_path: Path
) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    stderr = tmp_path / "stderr.txt"
    refused = terminal("--date", tomorrow.isoformat(), stderr=stderr)
    assert refused.exit_status() == 2
    future = messages.ERR_DATE_IN_FUTURE.format(date=tomorrow)
    assert stderr.read_text(encoding="utf-8") == f"{messages.ERR_PREFIX}--date: {future}\n"
    assert refused.shown.strip() == ""
    assert draft_of_sam(sam.db) is None
    assert audits_of_sam(sam) == []


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
