"""The overview (or the welcome, on the first run) and adding, renaming and removing people."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from markupsafe import Markup
from starlette.responses import Response

from reciprocity import messages
from reciprocity.core.memory import upcoming
from reciprocity.core.model import Person, RelationshipKind
from reciprocity.core.rhythm import MAX_RHYTHM_MONTHS
from reciprocity.core.status_text import role_words
from reciprocity.errors import DuplicatePersonError, InvalidInputError
from reciprocity.web.charts import sparkline
from reciprocity.web.context import Ctx, FieldErrors, problems_by_field
from reciprocity.web.tables import overall_rows

__all__ = ["add_person", "home", "remove_person", "rename_person", "set_rhythm"]

# How far ahead the overview looks for dates and follow-ups.
UPCOMING_DAYS = 30


@lru_cache(maxsize=256)
def _sparkline(points: tuple[tuple[dt.date, int], ...], label: str) -> Markup:
    # The same twelve ratings draw the same line: drawn once, not on every overview.
    return sparkline(points, label=label)


def home(ctx: Ctx, *, errors: FieldErrors | None = None, status: int = 200) -> Response:
    """The overview of every relationship, or the welcome when there are none yet."""
    overview = ctx.web.snapshots.overview(ctx.today)
    values = ctx.form_values() if errors else {}
    if not overview.rows:
        return ctx.render(
            "welcome.html",
            {"errors": errors or {}, "values": values, "kinds": list(RelationshipKind)},
            status=status,
        )
    due = {d.person_id: d for d in overview.due}
    drafted = ctx.store.people_with_drafts()
    names = {r.person.id: r.person.name for r in overview.rows}
    remembered = ctx.web.snapshots.remembered()
    soon = upcoming(
        remembered.dates,
        remembered.things,
        today=ctx.today,
        within_days=UPCOMING_DAYS,
    )
    rows = [
        {
            "row": row,
            "due": due.get(row.person.id),
            "spark": _sparkline(
                row.overall[-12:], messages.WEB_SPARK_LABEL.format(name=row.person.name)
            ),
            "recent": row.overall[-12:],
            "recent_rows": overall_rows(row.overall[-12:]),
            "drafted": row.person.id in drafted,
            "role": role_words(row.status.role) if row.status.role else None,
        }
        for row in overview.rows
    ]
    return ctx.render(
        "overview.html",
        {
            "rows": rows,
            "guidance": overview.guidance,
            "soon": soon,
            "names": names,
            "errors": errors or {},
            "values": values,
            "kinds": list(RelationshipKind),
            "upcoming_days": UPCOMING_DAYS,
        },
        status=status,
    )


def add_person(ctx: Ctx) -> Response:
    """Add a relationship from the welcome or the overview."""
    name = ctx.value("name")
    try:
        kind = RelationshipKind(ctx.value("kind"))
    except ValueError:
        return home(ctx, errors={"kind": messages.WEB_CHOOSE_KIND}, status=400)
    try:
        ctx.store.add_person(name, kind)
    except InvalidInputError as error:
        return home(ctx, errors=problems_by_field(error.problems, {"name": "name"}), status=400)
    except DuplicatePersonError as error:
        return home(ctx, errors={"name": error.message}, status=409)
    return ctx.redirect("/", notice="person-added")


def _person(ctx: Ctx) -> Person:
    return ctx.store.person_by_id(ctx.path_param("person_id"))


def rename_person(ctx: Ctx) -> Response:
    """Give a relationship another name."""
    from reciprocity.web.pages.relationship import relationship

    person = _person(ctx)
    try:
        ctx.store.rename_person(person.name, ctx.value("name"))
    except InvalidInputError as error:
        errors = problems_by_field(error.problems, {"new_name": "name", "name": "name"})
        return relationship(ctx, errors=errors, status=400, open_section="manage")
    except DuplicatePersonError as error:
        return relationship(ctx, errors={"name": error.message}, status=409, open_section="manage")
    return ctx.redirect(f"/people/{person.id}", notice="renamed")


def set_rhythm(ctx: Ctx) -> Response:
    """Set how often a relationship is audited."""
    from reciprocity.web.pages.relationship import relationship

    person = _person(ctx)
    raw = ctx.value("rhythm")
    months: int | None
    if raw in ("", "default"):
        months = None
    else:
        try:
            months = int(raw)
        except ValueError:
            months = 0
        if not 1 <= months <= MAX_RHYTHM_MONTHS:
            error = messages.ERR_RHYTHM.format(maximum=MAX_RHYTHM_MONTHS)
            return relationship(ctx, errors={"rhythm": error}, status=400, open_section="manage")
    ctx.store.set_rhythm(person.name, months)
    return ctx.redirect(f"/people/{person.id}", notice="rhythm-set")


def remove_person(ctx: Ctx) -> Response:
    """Remove a relationship and everything kept about it, once confirmed by its name."""
    from reciprocity.web.pages.relationship import relationship

    person = _person(ctx)
    if ctx.value("confirm").casefold() != person.name.casefold():
        error = messages.WEB_CONFIRM_REMOVE_NAME.format(name=person.name)
        return relationship(ctx, errors={"confirm": error}, status=400, open_section="manage")
    ctx.store.remove_person(person.name)
    return ctx.redirect("/", notice="person-removed")
