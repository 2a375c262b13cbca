"""The guided audit in the terminal: arrow-key choices, help at every step, a draft kept as it goes.

Every answer is written to the draft as soon as it is given, so Ctrl-C (or a
closed terminal) loses nothing; only a finished audit reaches the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import questionary
import typer

from reciprocity import messages, phrasing_rules
from reciprocity.core import (
    MAX_SCORE,
    Audit,
    Dimension,
    Lean,
    Person,
    ReflectionKind,
    explain_proposal,
    needs_reflection,
    propose_overall_rating,
)
from reciprocity.formats.codec import AuditIn, audit_from_model, rating_from_dict
from reciprocity.store import Store

__all__ = ["interview"]

Answers = dict[str, Any]


_NO_DEFAULT: Any = object()


def _select(question: str, choices: list[tuple[str, Any]], *, default: Any = _NO_DEFAULT) -> Any:
    # questionary replaces a choice's value of None by its title, so the choices carry
    # their positions and the value is looked up here ("no recent example" is None).
    options = [questionary.Choice(title=title, value=i) for i, (title, _) in enumerate(choices)]
    chosen = next((options[i] for i, (_, value) in enumerate(choices) if value == default), None)
    index = questionary.select(question, choices=options, default=chosen).unsafe_ask()
    return choices[int(index)][1]


def _text(question: str, *, required: bool = False, instruction: str = "") -> str:
    def valid(value: str) -> bool | str:
        return bool(value.strip()) or not required or messages.TEXT_REQUIRED

    answer = questionary.text(
        question, instruction=instruction or None, validate=valid
    ).unsafe_ask()
    return str(answer).strip()


def _say(text: str = "") -> None:
    typer.echo(text)


def _checked_text(question: str, *, required: bool) -> str:
    """Ask for free text and offer the phrasing check's reframing until the person is content."""
    while True:
        answer = _text(question, required=required)
        findings = phrasing_rules.check(answer)
        if not findings:
            return answer
        _say(messages.PHRASING_NOTE_HEADER)
        for finding in findings:
            _say(f"  - {finding.reframe}")
        keep = _select(
            messages.ASK_KEEP_WORDING,
            [(messages.CHOICE_KEEP, True), (messages.CHOICE_REWRITE, False)],
        )
        if keep:
            return answer


def _ask_dimension(dimension: Dimension) -> dict[str, Any]:
    _say()
    _say(f"{messages.DIMENSION_NAMES[dimension]}: {messages.DIMENSION_QUESTIONS[dimension]}")
    _say(messages.DIMENSION_HELP[dimension])
    choices: list[tuple[str, Any]] = [
        (label, score) for score, label in sorted(messages.SCORE_LABELS.items())
    ]
    choices.append((messages.CHOICE_NO_RECENT_EXAMPLE, None))
    score = _select(messages.ASK_SCORE, choices)
    if score is None:
        note = _text(messages.ASK_NO_EXAMPLE_NOTE)
        return {"no_recent_example": True, "example": note}
    if score == MAX_SCORE:
        lean = Lean.MUTUAL
    else:
        leans = [Lean.I_CARRY, Lean.THEY_CARRY] + ([Lean.MUTUAL] if score == MAX_SCORE - 1 else [])
        lean = _select(messages.ASK_LEAN, [(messages.LEAN_CHOICES[x], x) for x in leans])
    _say(messages.ASK_EXAMPLE_HELP)
    example = _checked_text(messages.ASK_EXAMPLE, required=True)
    return {"score": score, "lean": lean.value, "example": example}


def _ask_self() -> dict[str, Any]:
    _say()
    _say(messages.SELF_INTRO)
    scale = [(label, score) for score, label in sorted(messages.SELF_SCORE_LABELS.items())]
    giving = _select(messages.ASK_SELF_GIVING, scale)
    giving_note = _text(messages.ASK_SELF_NOTE)
    receiving = _select(messages.ASK_SELF_RECEIVING, scale)
    receiving_note = _text(messages.ASK_SELF_NOTE)
    return {
        "giving": giving,
        "giving_note": giving_note,
        "receiving": receiving,
        "receiving_note": receiving_note,
    }


def _ask_overall(answers: Answers) -> dict[str, Any]:
    ratings = [rating_from_dict(d, answers[d.value]) for d in Dimension]
    proposal = propose_overall_rating(ratings)
    _say()
    _say(messages.OVERALL_INTRO)
    for line in explain_proposal(proposal):
        _say(f"  {line}")
    if proposal.value is not None:
        accept = _select(
            messages.ASK_ACCEPT_PROPOSAL.format(value=proposal.value),
            [
                (messages.CHOICE_ACCEPT.format(value=proposal.value), True),
                (messages.CHOICE_OVERRIDE, False),
            ],
        )
        if accept:
            return {"score": proposal.value, "reason": ""}
    scale = [(label, score) for score, label in sorted(messages.SCORE_LABELS.items())]
    score = _select(messages.ASK_OVERALL, scale, default=proposal.value)
    reason = _text(messages.ASK_OVERRIDE_REASON) if proposal.value is not None else ""
    return {"score": score, "reason": reason}


def _ask_reflection(score: int) -> dict[str, Any]:
    _say()
    _say(messages.REFLECTION_INTRO.format(score=score))
    kind = _select(
        messages.ASK_REFLECTION_KIND,
        [(messages.REFLECTION_KIND_LABELS[k], k) for k in ReflectionKind],
    )
    text = _checked_text(messages.ASK_REFLECTION_TEXT[kind], required=True)
    first_step = _checked_text(messages.ASK_FIRST_STEP, required=True)
    return {"kind": kind.value, "text": text, "first_step": first_step}


def _resume_or_start(store: Store, person: Person) -> Answers:
    draft = store.draft(person.id)
    if draft is None:
        return {}
    when = draft.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    _say(messages.DRAFT_FOUND.format(name=person.name, when=when))
    choices = [(messages.CHOICE_RESUME, True), (messages.CHOICE_START_AFRESH, False)]
    if _select(messages.ASK_RESUME, choices):
        return dict(draft.answers)
    store.discard_draft(person.id)
    _say(messages.DRAFT_DISCARDED)
    return {}


def interview(store: Store, person: Person, *, today: dt.date, audit_id: str) -> Audit:
    """Ask the audit's questions, keeping a draft after each answer.

    Returns:
        The complete audit, not yet stored (the caller stores it and drops the draft).

    Raises:
        KeyboardInterrupt: The person pressed Ctrl-C; the draft holds every answer so far.
    """
    answers = _resume_or_start(store, person)
    if not answers:
        _say(messages.AUDIT_INTRO.format(name=person.name))
    answers.setdefault("date", today.isoformat())

    def step(key: str, ask: Callable[[], dict[str, Any]]) -> None:
        if key not in answers:
            answers[key] = ask()
            store.save_draft(person.id, answers)

    for dimension in Dimension:
        step(dimension.value, partial(_ask_dimension, dimension))
    step("self", _ask_self)
    step("overall", lambda: _ask_overall(answers))
    if needs_reflection(int(answers["overall"]["score"])):
        step("reflection", lambda: _ask_reflection(int(answers["overall"]["score"])))
    raw = AuditIn.model_validate(answers)
    return audit_from_model(raw, audit_id=audit_id, person_id=person.id, today=today)
