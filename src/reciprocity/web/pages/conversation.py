"""The conversation guide, the invitation file, the other person's response and the comparison."""

from __future__ import annotations

from starlette.responses import Response

from reciprocity import messages, phrasing_rules
from reciprocity.core.comparison import closest_audit, compare, side_text
from reciprocity.core.guide import build_guide, guide_markdown
from reciprocity.core.model import Person
from reciprocity.errors import InvalidFileError, Problem
from reciprocity.formats.invitation_page import invitation_html
from reciprocity.formats.response import parse_response
from reciprocity.web.context import Ctx
from reciprocity.web.files import download, read_upload

__all__ = ["compare_page", "guide_page", "import_response", "invite"]


def _person(ctx: Ctx) -> Person:
    return ctx.store.person_by_id(ctx.path_param("person_id"))


def guide_page(ctx: Ctx) -> Response:
    """The guide for the conversation, from the latest picture or boundary (or how to get one)."""
    person = _person(ctx)
    audits = ctx.web.snapshots.relationship(person.id).audits
    source = next((a for a in reversed(audits) if a.reflection), None)
    built = build_guide(person, source, phrasing_rules.default_rules()) if source else None
    if built is not None and ctx.request.query_params.get("format") == "md":
        name = f"guide-{person.name}.md"
        return download(guide_markdown(built), name, "text/markdown; charset=utf-8")
    return ctx.render("guide.html", {"person": person, "guide": built, "source": source})


def invite(ctx: Ctx) -> Response:
    """Make an invitation and hand over its page as a file to send."""
    person = _person(ctx)
    invitation = ctx.store.add_invitation(person.id)
    return download(
        invitation_html(invitation),
        f"reciprocity-invitation-{person.name}.html",
        "text/html; charset=utf-8",
    )


def compare_page(ctx: Ctx, *, error: InvalidFileError | None = None, status: int = 200) -> Response:
    """Both views side by side, per dimension, each difference as a question."""
    person = _person(ctx)
    response = ctx.store.latest_response(person.id)
    comparison = None
    audit = None
    if response is not None:
        audit = closest_audit(ctx.web.snapshots.relationship(person.id).audits, response.date)
        if audit is not None:
            comparison = compare(person, audit, response)
    return ctx.render(
        "compare.html",
        {
            "person": person,
            "response": response,
            "audit": audit,
            "comparison": comparison,
            "problems": error.problems if error else [],
            "error_file": error.file if error else "",
            "side": side_text,
        },
        status=status,
    )


def import_response(ctx: Ctx) -> Response:
    """Attach the response file the other person sent back."""
    person = _person(ctx)
    upload = ctx.upload("file")
    if upload is None:
        error = InvalidFileError([Problem(messages.WEB_CHOOSE_FILE, "file")], file="")
        return compare_page(ctx, error=error, status=400)
    name = upload.filename or "response.json"
    try:
        _attach(ctx, person, read_upload(upload, name), name)
    except InvalidFileError as error:
        return compare_page(ctx, error=error, status=400)
    return ctx.redirect(f"/people/{person.id}/compare", notice="response-imported")


def _attach(ctx: Ctx, person: Person, text: str, name: str) -> None:
    received = parse_response(text, file=name, today=ctx.today)
    if received.response.person_id != person.id:
        problem = Problem(messages.WEB_RESPONSE_OTHER_PERSON.format(name=person.name), "person")
        raise InvalidFileError([problem], file=name)
    ctx.store.import_response(received.response, received.code, file=name)
