"""The guided audit in the terminal: arrow-key choices, help at every step, a draft kept as it goes.

Every answer is written to the draft as soon as it is given, so Ctrl-C (or a
closed terminal) loses nothing; only a finished audit reaches the history. A
draft holds finished sections under their file keys (``initiation``, ``self``
...) and the section being answered under ``_pending``.
"""

from __future__ import annotations

import datetime as dt
import textwrap
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
from reciprocity.formats.codec import audit_from_data, rating_from_dict
from reciprocity.store import Store

__all__ = ["interview"]

Answers = dict[str, Any]
# Fills in the answers of one section, saving after each one.
Section = Callable[[Answers, Callable[[], None]], None]

_PENDING = "_pending"
_NO_DEFAULT: Any = object()


def _select(question: str, choices: list[tuple[str, Any]], *, default: Any = _NO_DEFAULT) -> Any:
    # questionary replaces a choice's value of None by its title, so the choices carry
    # their positions and the value is looked up here ("no recent example" is None).
    options = [questionary.Choice(title=title, value=i) for i, (title, _) in enumerate(choices)]
    chosen = next((options[i] for i, (_, value) in enumerate(choices) if value == default), None)
    index = questionary.select(question, choices=options, default=chosen).unsafe_ask()
    return choices[int(index)][1]


def _scale(labels: dict[int, str]) -> list[tuple[str, Any]]:
    return [(label, score) for score, label in sorted(labels.items())]


def _text(question: str, *, required: bool = False) -> str:
    def valid(value: str) -> bool | str:
        return bool(value.strip()) or not required or messages.TEXT_REQUIRED

    return str(questionary.text(question, validate=valid).unsafe_ask()).strip()


def _say(text: str = "") -> None:
    width = max(40, min(100, typer.get_terminal_size()[0] - 2))
    for paragraph in text.split("\n"):
        typer.echo(textwrap.fill(paragraph, width) if paragraph else "")


def _checked_text(question: str, *, required: bool) -> str:
    """Ask for free text and offer the phrasing check's reframing until the person is content."""
    while True:
        answer = _text(question, required=required)
        findings = phrasing_rules.check(answer, second_opinion=True)
        if not findings:
            return answer
        _say(messages.PHRASING_NOTE_HEADER)
        for finding in findings:
            _say(f"  - {finding.reframe}")
        choices = [(messages.CHOICE_KEEP, True), (messages.CHOICE_REWRITE, False)]
        if _select(messages.ASK_KEEP_WORDING, choices):
            return answer


def _ask(answers: Answers, key: str, save: Callable[[], None], ask: Callable[[], Any]) -> None:
    """Ask one question unless a resumed draft already holds its answer."""
    if key not in answers:
        answers[key] = ask()
        save()


def _dimension(dimension: Dimension, answers: Answers, save: Callable[[], None]) -> None:
    _say()
    _say(f"{messages.DIMENSION_NAMES[dimension]}: {messages.DIMENSION_QUESTIONS[dimension]}")
    if not answers:  # resuming half-way, the name is reminder enough
        _say(messages.DIMENSION_HELP[dimension])
    choices = [*_scale(messages.SCORE_LABELS), (messages.CHOICE_NO_RECENT_EXAMPLE, None)]
    _ask(answers, "score", save, lambda: _select(messages.ASK_SCORE, choices))
    if answers["score"] is None:
        del answers["score"]
        answers["no_recent_example"] = True
        _ask(answers, "example", save, lambda: _text(messages.ASK_NO_EXAMPLE_NOTE))
        return
    score = int(answers["score"])
    if score == MAX_SCORE:
        answers.setdefault("lean", Lean.MUTUAL.value)
    leans = [Lean.I_CARRY, Lean.THEY_CARRY] + ([Lean.MUTUAL] if score == MAX_SCORE - 1 else [])
    lean_choices = [(messages.LEAN_CHOICES[x], x.value) for x in leans]
    _ask(answers, "lean", save, lambda: _ask_lean(dimension, lean_choices))
    _ask(answers, "example", save, _ask_example)


def _ask_lean(dimension: Dimension, choices: list[tuple[str, Any]]) -> Any:
    _say(messages.LEAN_HELP[dimension])
    return _select(messages.ASK_LEAN, choices)


def _ask_example() -> str:
    _say(messages.ASK_EXAMPLE_HELP)
    return _checked_text(messages.ASK_EXAMPLE, required=True)


def _self(answers: Answers, save: Callable[[], None]) -> None:
    if not answers:
        _say()
        _say(messages.SELF_INTRO)
    giving = _scale(messages.SELF_GIVING_LABELS)
    receiving = _scale(messages.SELF_RECEIVING_LABELS)
    _ask(answers, "giving", save, lambda: _select(messages.ASK_SELF_GIVING, giving))
    _ask(answers, "giving_note", save, lambda: _text(messages.ASK_SELF_NOTE))
    _ask(answers, "receiving", save, lambda: _select(messages.ASK_SELF_RECEIVING, receiving))
    _ask(answers, "receiving_note", save, lambda: _text(messages.ASK_SELF_NOTE))


def _overall(draft: Answers, answers: Answers, save: Callable[[], None]) -> None:
    ratings = [rating_from_dict(d, draft[d.value]) for d in Dimension]
    proposal = propose_overall_rating(ratings)
    if "score" not in answers:
        _say()
        _say(messages.OVERALL_INTRO)
        for line in explain_proposal(proposal):
            _say(f"  {line}")
    if proposal.value is not None and "accepted" not in answers:
        accept = [
            (messages.CHOICE_ACCEPT.format(value=proposal.value), True),
            (messages.CHOICE_OVERRIDE, False),
        ]
        question = messages.ASK_ACCEPT_PROPOSAL.format(value=proposal.value)
        _ask(answers, "accepted", save, lambda: _select(question, accept))
    if answers.get("accepted"):
        answers.setdefault("score", proposal.value)
    scale = _scale(messages.SCORE_LABELS)
    _ask(
        answers, "score", save, lambda: _select(messages.ASK_OVERALL, scale, default=proposal.value)
    )
    if proposal.value is not None and not answers.get("accepted"):
        _ask(answers, "reason", save, lambda: _text(messages.ASK_OVERRIDE_REASON))
    answers.pop("accepted", None)


def _reflection(score: int, answers: Answers, save: Callable[[], None]) -> None:
    if not answers:
        _say()
        _say(messages.REFLECTION_INTRO.format(score=score))
    kinds = [(messages.REFLECTION_KIND_LABELS[k], k.value) for k in ReflectionKind]
    _ask(answers, "kind", save, lambda: _select(messages.ASK_REFLECTION_KIND, kinds))
    question = messages.ASK_REFLECTION_TEXT[answers["kind"]]
    _ask(answers, "text", save, lambda: _checked_text(question, required=True))
    step = partial(_checked_text, messages.ASK_FIRST_STEP, required=True)
    _ask(answers, "first_step", save, step)


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


def interview(store: Store, person: Person, *, on: dt.date, today: dt.date, audit_id: str) -> Audit:
    """Ask the audit's questions, keeping a draft after every answer.

    Args:
        store: Where the draft is kept.
        person: The relationship audited.
        on: The day the audit is for.
        today: Later dates are refused.
        audit_id: The id the finished audit gets.

    Returns:
        The complete audit, not yet stored (the caller stores it and drops the draft).

    Raises:
        KeyboardInterrupt: Ctrl-C; the draft holds every answer given so far.
        EOFError: Ctrl-D, likewise.
    """
    draft = _resume_or_start(store, person)
    if not draft:
        _say(messages.AUDIT_INTRO.format(name=person.name))

    def section(key: str, ask: Section) -> None:
        if key in draft:
            return
        pending = draft.setdefault(_PENDING, {}).setdefault(key, {})

        def save() -> None:
            store.save_draft(person.id, draft)

        ask(pending, save)
        draft[key] = draft[_PENDING].pop(key)
        save()

    for dimension in Dimension:
        section(dimension.value, partial(_dimension, dimension))
    section("self", _self)
    section("overall", partial(_overall, draft))
    score = int(draft["overall"]["score"])
    if needs_reflection(score):
        section("reflection", partial(_reflection, score))
    finished = {key: value for key, value in draft.items() if key != _PENDING}
    return audit_from_data(
        finished, audit_id=audit_id, person_id=person.id, today=today, default_date=on
    )
