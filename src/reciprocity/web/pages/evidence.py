"""What the person's own chats show: the patterns per period, the imports, and forgetting them.

The page calls the same indicators as ``reciprocity evidence show``; reading them for
a long chat history takes a moment, so the relationship's own page only shows what
was imported and links here.
"""

from __future__ import annotations

from starlette.responses import Response

from reciprocity import messages
from reciprocity.core.evidence import Role
from reciprocity.core.indicator_values import Comparison, EvidenceReport, PeriodEvidence
from reciprocity.core.indicator_words import describe_evidence, share_words
from reciprocity.core.indicators import PeriodKind
from reciprocity.core.model import Person
from reciprocity.errors import (
    InvalidFileError,
    InvalidInputError,
    SeveralChatsError,
    UnknownParticipantError,
)
from reciprocity.evidence import choosing
from reciprocity.evidence.importer import ChatOutline, ChatSource, import_file, outline_chat
from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.report import relationship_evidence
from reciprocity.evidence.zone import remembered_zone
from reciprocity.formats.shell import shell_quote
from reciprocity.web.charts import Series, share_chart
from reciprocity.web.context import Ctx, FieldErrors
from reciprocity.web.uploads import Held

__all__ = ["evidence_page", "import_evidence", "remove_evidence"]

# The shares drawn on the chart, each with the series' CSS class.
_DRAWN = (("started", "started"), ("reached_out", "reached-out"), ("check_ins", "check-ins"))


def _person(ctx: Ctx) -> Person:
    return ctx.store.person_by_id(ctx.path_param("person_id"))


def _share(period: PeriodEvidence, what: str) -> Comparison | None:
    """The person's share of one kind of contact in a period (``started``, ...)."""
    share: Comparison | None = getattr(period, f"{what}_by_me")
    return share


def _series(report: EvidenceReport) -> list[Series]:
    found = []
    for what, css in _DRAWN:
        # Each period is drawn at its middle, so a season shaded over its days covers
        # the point of the period it falls in.
        points = tuple(
            (period.start + (period.end - period.start) / 2, share.value)
            for period in report.periods
            if (share := _share(period, what)) is not None
        )
        found.append(Series(messages.WEB_EVIDENCE_SERIES[what], css, points))
    return found


def _table(report: EvidenceReport) -> list[list[str]]:
    rows = []
    for period in report.periods:
        cells = [period.label]
        for what, _ in _DRAWN:
            share = _share(period, what)
            cells.append("" if share is None else share_words(share.value))
        rows.append(cells)
    return rows


def _crisis(report: EvidenceReport, lines: list[str], person: Person) -> list[str]:
    """The difficult stretches' lines; without a season, a pointer to the seasons form."""
    if report.crises:
        return lines
    return [lines[0], messages.WEB_EVIDENCE_CRISIS_NONE.format(name=person.name)]


def _candidates(report: EvidenceReport, person: Person) -> list[dict[str, object]]:
    """Each distress stretch offered as a season, with the words that offer it."""
    return [
        {
            "text": messages.WEB_EVIDENCE_CANDIDATE.format(
                owner=messages.EVIDENCE_CANDIDATE_OWNER[c.whose].format(name=person.name),
                start=c.start,
                end=c.end,
            ),
            "whose": c.whose.value,
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
        }
        for c in report.candidates
    ]


def evidence_page(ctx: Ctx, *, errors: FieldErrors | None = None, status: int = 200) -> Response:
    """The indicators of a relationship's chats, per month or quarter, with seasons."""
    person = _person(ctx)
    chosen = ctx.request.query_params.get("period", PeriodKind.MONTH.value)
    period = PeriodKind(chosen) if chosen in set(PeriodKind) else PeriodKind.MONTH
    store = ctx.store
    imports = store.evidence_imports(person.id)
    seasons = store.seasons(person.id)
    report = None
    if imports:
        report = relationship_evidence(
            store,
            person.id,
            period=period,
            today=ctx.today,
            seasons=seasons,
            audits=ctx.web.snapshots.relationship(person.id).audits,
        )
    # An import can hold no messages of the two (a group chat where they never answered
    # each other): then there is nothing to read, only what was imported.
    if report is not None and not report.messages:
        report = None
    paragraphs = describe_evidence(report, person.name) if report else []
    shown = len(report.periods) if report else 0
    label = messages.WEB_EVIDENCE_CHART_LABEL.format(name=person.name)
    series = _series(report) if report else []
    return ctx.render(
        "evidence.html",
        {
            "person": person,
            "imports": imports,
            "report": report,
            "period": period,
            "periods": list(PeriodKind),
            "chart": share_chart(
                series,
                seasons,
                today=ctx.today,
                label=label,
                span=(report.periods[0].start, report.periods[-1].end),
            )
            if report and report.periods
            else "",
            "series": series,
            "has_seasons": bool(seasons),
            "rows": _table(report) if report else [],
            # The paragraphs in the order describe_evidence gives them: the rhythm, each
            # period, the difficult stretches; stretches to confirm get a form instead.
            "head": paragraphs[0] if paragraphs else [],
            "period_paragraphs": paragraphs[1 : 1 + shown],
            "crisis": _crisis(report, paragraphs[1 + shown], person) if report else [],
            "candidates": _candidates(report, person) if report else [],
            "import_command": messages.WEB_EVIDENCE_HOW.format(arg=shell_quote(person.name)),
            "errors": errors or {},
        },
        status=status,
    )


def remove_evidence(ctx: Ctx) -> Response:
    """Forget every message imported for a relationship, once the person confirms it."""
    person = _person(ctx)
    if ctx.value("confirm") != "yes":
        return evidence_page(
            ctx, errors={"confirm": messages.WEB_EVIDENCE_CONFIRM_NEEDED}, status=400
        )
    ctx.store.remove_evidence(person.id)
    return ctx.redirect(f"/people/{person.id}/evidence", notice="evidence-removed")


def import_evidence(ctx: Ctx) -> Response:
    """Import an uploaded chat export, asking first which participant is who if need be."""
    person = _person(ctx)
    uploads = ctx.web.uploads
    token = ctx.value("upload")
    if token:
        held = uploads.take(token, person.id)
        if held is None:
            errors = {"file": messages.WEB_EVIDENCE_UPLOAD_GONE}
            return evidence_page(ctx, errors=errors, status=400)
    else:
        upload = ctx.upload("file")
        if upload is None:
            return evidence_page(ctx, errors={"file": messages.WEB_CHOOSE_FILE}, status=400)
        held = uploads.save(upload, person.id)
    asking = False
    try:
        response, asking = _import_held(ctx, person, held)
    except (InvalidFileError, InvalidInputError) as error:
        problems = [p.located(held.name) for p in error.problems]
        return evidence_page(ctx, errors={"file": " ".join(problems)}, status=400)
    finally:
        # Held again only while a question waits for its answer; deleted otherwise,
        # whatever happened.
        if asking:
            uploads.hold(held)
        else:
            uploads.discard(held)
    return response


def _import_held(ctx: Ctx, person: Person, held: Held) -> tuple[Response, bool]:
    """The import, or the question it needs answered first (then True)."""
    reader = choosing.pick_reader(held.path, None, can_name=False)
    chat = ctx.value("chat") or None
    remembered = ctx.store.participant_roles(person.id)
    # Only for a file just sent, not an answer to the question (nor a question sent
    # back unanswered, which would try the whole import again in vain).
    fresh = not any(ctx.value(name) for name in ("me", "them", "asked", "upload"))
    if remembered and chat is None and fresh:
        # Who is who is remembered: import at once, the file read once. Someone new
        # in it (or several chats) stops that with nothing kept, and the whole file's
        # list decides (someone new in a group is someone else, as the terminal does).
        try:
            return _import_as(ctx, person, held, reader, roles=remembered, chat=chat), False
        except (UnknownParticipantError, SeveralChatsError):
            pass
    outline = outline_chat(reader.read(held.path), chat=chat)
    if chat is None and len(outline.chats) > 1:
        return _ask(ctx, person, held, outline, needs=("chat",)), True
    choosing.check_not_alone(outline)
    me = _chosen(ctx, outline, "me") or choosing.remembered_as(outline, remembered, Role.ME)
    them = _chosen(ctx, outline, "them")
    if them is None and me is not None:
        them = choosing.remembered_as(outline, remembered, Role.THEM, exclude=me)
        guessed = None if them is not None else choosing.guess_them(outline, me, person.name)
        earlier = (
            [] if guessed is None else choosing.earlier_others(remembered, guessed, person.name)
        )
        if guessed is not None and earlier:
            # Not the person of the earlier chats: the one who sent the file says who is.
            changed = choosing.other_changed(earlier, guessed, person.name)
            note = messages.WEB_EVIDENCE_OTHER_CHANGED.format(changed=changed, name=person.name)
            errors = {"them": note}
            return _ask(ctx, person, held, outline, needs=("them",), errors=errors, me=me), True
        them = them or guessed
    if me is None or them is None:
        # Between two people, or when one of them has the relationship's name, knowing
        # which one is you is enough.
        named = choosing.named_like(outline, person.name)
        enough = them is None and me is None and (len(outline.participants) == 2 or bool(named))
        needs = ("me",) if enough else ("me", "them")
        return _ask(ctx, person, held, outline, needs=needs), True
    try:
        roles = choosing.roles_for(outline, me, them, field="them")
        choosing.check_roles_kept(
            remembered,
            roles,
            person=person.name,
            forget=messages.WEB_EVIDENCE_FORGET_HINT,
            fields=("me", "them"),
        )
    except InvalidInputError as error:
        problem = error.problems[0]
        errors = {problem.field or "them": problem.message}
        return _ask(ctx, person, held, outline, needs=(), errors=errors), True
    return _import_as(ctx, person, held, reader, roles=roles, chat=chat), False


def _import_as(
    ctx: Ctx,
    person: Person,
    held: Held,
    reader: ChatReader,
    *,
    roles: dict[str, Role],
    chat: str | None,
) -> Response:
    """Import the held file with who is who decided; the page of its patterns, with a notice."""
    outcome = import_file(
        ctx.store,
        person.id,
        reader,
        held.path,
        ChatSource(held.name, reader.name),
        roles=roles,
        keep_text=ctx.value("keep_text") == "yes",
        chat=chat,
        zone=remembered_zone(ctx.store.evidence_imports(person.id), file_name=held.name),
    )
    notice = "evidence-imported" if outcome.record.messages_added else "evidence-nothing-new"
    return ctx.redirect(f"/people/{person.id}/evidence", notice=notice)


def _chosen(ctx: Ctx, outline: ChatOutline, field: str) -> str | None:
    """A participant picked in the form, if it is one of this chat's."""
    raw = ctx.form.get(field) if ctx.form is not None else None
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return choosing.participant(raw, outline, field)
    except InvalidInputError:
        return None


def _ask(
    ctx: Ctx,
    person: Person,
    held: Held,
    outline: ChatOutline,
    *,
    needs: tuple[str, ...],
    errors: FieldErrors | None = None,
    me: str | None = None,
) -> Response:
    """The question the import needs answered: which conversation, or who is who.

    Asked again after an answer left a choice out, it says so at that choice (a 400).
    """
    errors = dict(errors or {})
    asked = ctx.value("asked").split()
    for field in needs:
        if field in asked and not ctx.value(field):
            # What was said at the field already (why it is asked) stays.
            errors.setdefault(field, messages.WEB_CHOOSE_ONE)
    choose_chat = "chat" in needs
    return ctx.render(
        "evidence_choose.html",
        {
            "person": person,
            "held": held,
            "chats": list(outline.chats) if choose_chat else [],
            "chat": ctx.value("chat"),
            "me": ctx.value("me") or me or "",
            "participants": [
                (name, messages.counted(outline.participants[name], "message"))
                for name in choosing.likely_you_first(outline, person.name)
            ],
            "keep_text": ctx.value("keep_text") == "yes",
            "asked": " ".join(needs),
            "errors": errors,
        },
        status=400 if errors else 200,
    )
