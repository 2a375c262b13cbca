"""The audit in the browser: one step per page, a draft kept as the person goes.

The draft is the one the terminal's guided audit keeps (finished sections under their
file keys, the section being answered under ``_pending``), so an audit begun in one
face can be finished in the other. Each step is checked by the same rules as any
audit (``formats.codec.audit_from_data``), reporting only the problems of that step;
a finished audit is stored and its draft dropped in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.responses import Response

from reciprocity import messages, phrasing_rules
from reciprocity.core.audit import LEAN_NEEDED, LEAN_ON_FIVE, needs_reflection
from reciprocity.core.model import MAX_SCORE, Audit, Dimension, Lean, Person, ReflectionKind
from reciprocity.core.phrasing import one_per_rule
from reciprocity.errors import (
    DuplicateAuditError,
    InvalidInputError,
    Problem,
    StaleEditError,
)
from reciprocity.formats.codec import audit_from_data, audit_to_dict
from reciprocity.store import new_id
from reciprocity.web.context import Ctx, FieldErrors, NotFound
from reciprocity.web.proposing import live_proposal

__all__ = [
    "STEPS",
    "audit_start",
    "audit_step",
    "discard",
    "edit_audit",
    "finish",
    "save_pending",
    "show_audit",
    "steps_for",
]

Answers = dict[str, Any]
PENDING = "_pending"
DIMENSION_STEPS = tuple(d.value for d in Dimension)
STEPS = ("date", *DIMENSION_STEPS, "self", "overall", "reflection", "review")


def _person(ctx: Ctx) -> Person:
    return ctx.store.person_by_id(ctx.path_param("person_id"))


def _answers(ctx: Ctx, person: Person) -> Answers:
    draft = ctx.store.draft(person.id)
    return dict(draft.answers) if draft else {}


def _finished(answers: Answers) -> Answers:
    return {k: v for k, v in answers.items() if k != PENDING}


def steps_for(answers: Answers) -> list[str]:
    """The steps this audit has: the reflection only when the overall rating asks for one."""
    overall = answers.get("overall", {})
    score = overall.get("score") if isinstance(overall, dict) else None
    wants_reflection = isinstance(score, int) and needs_reflection(score)
    return [s for s in STEPS if s != "reflection" or wants_reflection]


def _next_open(answers: Answers) -> str:
    for step in steps_for(answers):
        if step != "review" and step not in answers:
            return step
    return "review"


def _whole(raw: str) -> int | str:
    """A number typed as ASCII digits as a number; anything else as typed, for the checks."""
    return int(raw) if raw.isascii() and raw.isdigit() else raw


def _section_from_form(ctx: Ctx, step: str) -> Any:
    """What a step's form says, in the answers-file shape of its section."""
    if step == "date":
        return ctx.value("date")
    if step in DIMENSION_STEPS:
        score = ctx.value("score")
        if score == "none":
            return {"no_recent_example": True, "example": ctx.value("example")}
        section: Answers = {"example": ctx.value("example")}
        if score:
            section["score"] = _whole(score)
        if lean := ctx.value("lean"):
            section["lean"] = lean
        if section.get("score") == MAX_SCORE:
            section.setdefault("lean", Lean.MUTUAL.value)
        return section
    if step == "self":
        section = {
            "giving_note": ctx.value("giving_note"),
            "receiving_note": ctx.value("receiving_note"),
        }
        for key in ("giving", "receiving"):
            raw = ctx.value(key)
            if raw:
                section[key] = _whole(raw)
        return section
    if step == "overall":
        section = {"reason": ctx.value("reason")}
        raw = ctx.value("score")
        if raw:
            section["score"] = _whole(raw)
        return section
    return {
        "kind": ctx.value("kind"),
        "text": ctx.value("text"),
        "first_step": ctx.value("first_step"),
    }


def _step_problems(answers: Answers, step: str, person: Person, today: dt.date) -> list[Problem]:
    """The problems the audit rules find in one step, given the steps before it."""
    try:
        audit_from_data(_finished(answers), audit_id="check", person_id=person.id, today=today)
    except InvalidInputError as error:
        key = "overall" if step == "overall" else step
        return [p for p in error.problems if (p.field or "").split(".")[0] == key]
    return []


# The core's messages name the answers file's values ('i-carry'); the page names its choices.
_IN_WORDS = {LEAN_NEEDED: messages.WEB_LEAN_NEEDED, LEAN_ON_FIVE: messages.WEB_LEAN_ON_FIVE}


def _field_errors(problems: list[Problem]) -> FieldErrors:
    errors: FieldErrors = {}
    for problem in problems:
        parts = (problem.field or "").split(".")
        name = parts[1] if len(parts) > 1 else ("date" if parts[0] == "date" else "")
        message = _IN_WORDS.get(problem.kind or "", problem.message)
        errors[name] = f"{errors[name]} {message}".strip() if name in errors else message
    return errors


def _texts_of(step: str, section: Any) -> list[str]:
    if not isinstance(section, dict):
        return []
    keys = ("example",) if step in DIMENSION_STEPS else ("text", "first_step")
    return [str(section.get(k, "")) for k in keys if section.get(k)]


def _proposal(answers: Answers) -> tuple[int | None, list[str]]:
    return live_proposal({d.value: answers.get(d.value) for d in Dimension})


def _render_step(
    ctx: Ctx,
    person: Person,
    answers: Answers,
    step: str,
    *,
    errors: FieldErrors | None = None,
    findings: list[str] | None = None,
    values: Answers | None = None,
    status: int = 200,
) -> Response:
    steps = steps_for(answers)
    if step not in steps:
        raise NotFound
    index = steps.index(step)
    pending = answers.get(PENDING, {})
    current = values if values is not None else answers.get(step, pending.get(step, {}))
    # The box shows this step as it stands (restored or just typed), not as last saved.
    proposed, explanation = _proposal(
        {**answers, step: current} if step in DIMENSION_STEPS else answers
    )
    context: Answers = {
        "person": person,
        "step": step,
        "steps": steps,
        "number": index + 1,
        "back": steps[index - 1] if index else None,
        "current": current if current is not None else {},
        "answers": answers,
        "errors": errors or {},
        "findings": findings or [],
        "proposed": proposed,
        "explanation": explanation,
        "dimensions": list(Dimension),
        "leans": [Lean.I_CARRY, Lean.THEY_CARRY, Lean.MUTUAL],
        "reflection_kinds": list(ReflectionKind),
        "max_score": MAX_SCORE,
    }
    if step in DIMENSION_STEPS:
        context["dimension"] = Dimension(step)
    if step == "date":
        today_taken = ctx.store.audit_on(person.id, ctx.today) is not None
        context["date_help"] = (
            messages.WEB_AUDIT_DATE_TAKEN_HELP if today_taken else messages.WEB_AUDIT_DATE_HELP
        )
        context["date_value"] = (
            current
            if isinstance(current, str) and current
            else ("" if today_taken else ctx.today.isoformat())
        )
    if step == "review":
        context["audit"] = _preview(ctx, person, answers)
    return ctx.render("audit_step.html", context, status=status)


def _preview(ctx: Ctx, person: Person, answers: Answers) -> Audit | list[Problem]:
    try:
        return audit_from_data(
            _finished(answers), audit_id="preview", person_id=person.id, today=ctx.today
        )
    except InvalidInputError as error:
        return error.problems


def audit_start(ctx: Ctx) -> Response:
    """Begin (or pick up) the audit of a relationship at its first open step."""
    person = _person(ctx)
    answers = _answers(ctx, person)
    return ctx.redirect(f"/people/{person.id}/audit/{_next_open(answers)}")


def audit_step(ctx: Ctx) -> Response:
    """Show a step (GET) or take its answers (POST)."""
    person = _person(ctx)
    answers = _answers(ctx, person)
    step = ctx.path_param("step")
    if step not in STEPS:
        raise NotFound
    if ctx.form is None:
        return _render_step(ctx, person, answers, step)
    section = _section_from_form(ctx, step)
    trial = {**answers, step: section}
    problems = _step_problems(trial, step, person, ctx.today)
    if step == "date" and not problems:
        problems = _date_taken(ctx, person, section)
    if problems:
        # What was typed is kept in the draft, so leaving the page now loses nothing.
        answers = _keep_pending(ctx, person, step, section)
        return _render_step(
            ctx,
            person,
            answers,
            step,
            errors=_field_errors(problems),
            values=section if isinstance(section, dict) else None,
            status=400,
        )
    if not ctx.value("keep_words"):
        findings = [
            f.reframe
            for t in _texts_of(step, section)
            for f in one_per_rule(phrasing_rules.check(t, second_opinion=True))
        ]
        if findings:
            answers = _keep_pending(ctx, person, step, section)
            return _render_step(ctx, person, answers, step, findings=findings, values=section)

    def finish_step(latest: Answers) -> None:
        latest[step] = section
        latest.get(PENDING, {}).pop(step, None)
        if step == "overall" and not needs_reflection(int(section["score"])):
            latest.pop("reflection", None)

    answers = ctx.store.update_draft(person.id, finish_step)
    return ctx.redirect(f"/people/{person.id}/audit/{_next_open(answers)}")


def _keep_pending(ctx: Ctx, person: Person, step: str, section: Any) -> Answers:
    """Keep what is typed in a step, on the draft as it is now (another save may be racing)."""

    def keep(latest: Answers) -> None:
        latest.setdefault(PENDING, {})[step] = section

    return ctx.store.update_draft(person.id, keep)


def _date_taken(ctx: Ctx, person: Person, raw: Any) -> list[Problem]:
    try:
        day = dt.date.fromisoformat(str(raw))
    except ValueError:
        return []
    if ctx.store.audit_on(person.id, day) is not None:
        message = messages.WEB_DATE_TAKEN.format(name=person.name, date=day)
        return [Problem(message, "date")]
    return []


def save_pending(ctx: Ctx) -> Response:
    """Keep what is typed in a step before it is sent (the page's script calls this)."""
    person = _person(ctx)
    step = ctx.path_param("step")
    if step not in STEPS or step == "review":
        raise NotFound
    _keep_pending(ctx, person, step, _section_from_form(ctx, step))
    return Response(status_code=204)


def finish(ctx: Ctx) -> Response:
    """Store the finished audit and drop its draft."""
    person = _person(ctx)
    answers = _answers(ctx, person)
    if not answers:
        return ctx.redirect(f"/people/{person.id}")
    try:
        audit = audit_from_data(
            _finished(answers), audit_id=new_id(), person_id=person.id, today=ctx.today
        )
        ctx.store.finish_draft(audit)
    except InvalidInputError:
        return _render_step(ctx, person, answers, "review", status=400)
    except DuplicateAuditError as error:
        return _render_step(
            ctx, person, answers, "date", errors={"date": error.message}, status=409
        )
    return ctx.redirect(f"/people/{person.id}", notice="audit-saved")


def discard(ctx: Ctx) -> Response:
    """Throw the unfinished audit away."""
    person = _person(ctx)
    ctx.store.discard_draft(person.id)
    return ctx.redirect(f"/people/{person.id}", notice="draft-discarded")


def _audit_of(ctx: Ctx) -> tuple[Person, Audit]:
    person = _person(ctx)
    audit_id = ctx.path_param("audit_id")
    audits = ctx.web.snapshots.relationship(person.id).audits
    audit = next((a for a in audits if a.id == audit_id), None)
    if audit is None:
        raise NotFound
    return person, audit


def show_audit(ctx: Ctx) -> Response:
    """One audit, as it was answered, with how its proposal came about."""
    person, audit = _audit_of(ctx)
    proposed, explanation = _proposal(audit_to_dict(audit))
    return ctx.render(
        "audit_show.html",
        {
            "person": person,
            "audit": audit,
            "explanation": explanation,
            "proposed": proposed,
            "earlier": ctx.store.earlier_revisions(audit),
        },
    )


def edit_audit(ctx: Ctx) -> Response:
    """Change an audit already saved; an edit made meanwhile elsewhere is never overwritten."""
    person, audit = _audit_of(ctx)
    data = audit_to_dict(audit)
    if ctx.form is None:
        return _render_edit(ctx, person, audit, data, revision=audit.revision)
    sections: Answers = {"date": audit.date.isoformat()}
    for step in (*DIMENSION_STEPS, "self", "overall", "reflection"):
        sections[step] = _prefixed_section(ctx, step)
    if sections["reflection"] == {"kind": "", "text": "", "first_step": ""}:
        del sections["reflection"]
    try:
        revision = int(ctx.value("revision"))
    except ValueError:
        revision = -1
    try:
        revised = audit_from_data(sections, audit_id=audit.id, person_id=person.id, today=ctx.today)
        ctx.store.revise_audit(revised, expected_revision=revision)
    except InvalidInputError as error:
        return _render_edit(
            ctx, person, audit, sections, revision=revision, problems=error.problems, status=400
        )
    except StaleEditError:
        message = messages.WEB_EDIT_STALE.format(revision=revision)
        return _render_edit(
            ctx,
            person,
            audit,
            sections,
            revision=revision,
            problems=[Problem(message)],
            status=409,
        )
    return ctx.redirect(f"/people/{person.id}/audits/{audit.id}", notice="audit-revised")


def _prefixed_section(ctx: Ctx, step: str) -> Any:
    from starlette.datastructures import FormData

    assert ctx.form is not None
    inner = FormData(
        [
            (key.removeprefix(f"{step}-"), value)
            for key, value in ctx.form.multi_items()
            if key.startswith(f"{step}-")
        ]
    )
    view = Ctx(ctx.request, ctx.web, inner, ctx.today)
    return _section_from_form(view, step)


def _render_edit(
    ctx: Ctx,
    person: Person,
    audit: Audit,
    data: Answers,
    *,
    revision: int,
    problems: list[Problem] | None = None,
    status: int = 200,
) -> Response:
    errors: dict[str, FieldErrors] = {}
    general: list[str] = []
    for problem in problems or []:
        parts = (problem.field or "").split(".")
        if len(parts) > 1:
            errors.setdefault(parts[0], {})[parts[1]] = problem.message
        elif parts[0]:
            errors.setdefault(parts[0], {})[""] = problem.message
        else:
            general.append(problem.message)
    return ctx.render(
        "audit_edit.html",
        {
            "person": person,
            "audit": audit,
            "data": data,
            "revision": revision,
            "errors": errors,
            "general": general,
            "dimensions": list(Dimension),
            "leans": [Lean.I_CARRY, Lean.THEY_CARRY, Lean.MUTUAL],
            "reflection_kinds": list(ReflectionKind),
        },
        status=status,
    )
