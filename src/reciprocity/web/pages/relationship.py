"""A relationship's page and the forms on it.

The page shows the four dimensions over time, their states with their reasons, the
history, the reflection, the seasons and what to remember.
"""

from __future__ import annotations

import datetime as dt

from starlette.responses import Response

from reciprocity import messages
from reciprocity.core.memory import CarePreferences, CareWay, ImportantDate, SharedThing
from reciprocity.core.model import Dimension, Person
from reciprocity.core.rhythm import DEFAULT_RHYTHM_MONTHS, next_due
from reciprocity.core.seasons import Season, SeasonKind, Whose, make_season
from reciprocity.core.status_text import describe_season, explain_reading, guidance, state_label
from reciprocity.errors import InvalidInputError, ReciprocityError
from reciprocity.store import new_id
from reciprocity.web.charts import dimension_chart, dimension_series
from reciprocity.web.context import Ctx, FieldErrors, NotFound, problems_by_field
from reciprocity.web.tables import audit_rows

__all__ = [
    "add_date",
    "add_season",
    "add_thing",
    "edit_season",
    "end_season",
    "relationship",
    "remove_memory",
    "remove_season",
    "set_care",
    "thing_done",
]


def _person(ctx: Ctx) -> Person:
    return ctx.store.person_by_id(ctx.path_param("person_id"))


def relationship(
    ctx: Ctx,
    *,
    errors: FieldErrors | None = None,
    status: int = 200,
    open_section: str = "",
) -> Response:
    """The page of one relationship."""
    store = ctx.store
    person = _person(ctx)
    kept = ctx.web.snapshots.relationship(person.id)
    audits, seasons, reading = kept.audits, kept.seasons, kept.status
    remembered = ctx.web.snapshots.remembered()
    latest = audits[-1] if audits else None
    reflected = next((a for a in reversed(audits) if a.reflection), None)
    every = person.rhythm_months or DEFAULT_RHYTHM_MONTHS
    due = next_due(person.id, latest.date if latest else None, every, ctx.today)
    label = messages.WEB_CHART_LABEL.format(name=person.name)
    newest_first = list(reversed(audits))
    proposed = _proposed_season(ctx)
    dimensions = [
        {
            "name": messages.DIMENSION_NAMES[d],
            "state": state_label(r),
            "state_key": r.state.value,
            "lines": explain_reading(r),
        }
        for d, r in reading.dimensions
    ]
    return ctx.render(
        "relationship.html",
        {
            "person": person,
            "audits": newest_first,
            "chart_rows": audit_rows(newest_first),
            "history_rows": audit_rows(newest_first, person_id=person.id),
            "chart": kept.derived(
                ("chart", ctx.today, label),
                lambda: dimension_chart(audits, seasons, today=ctx.today, label=label),
            ),
            "series": dimension_series(audits),
            "dimension_order": list(Dimension),
            "overall_state": state_label(reading.overall, reading.role),
            "overall_key": reading.overall.state.value,
            "overall_lines": explain_reading(reading.overall),
            "dimensions": dimensions,
            "guidance": guidance(reading),
            "reflected": reflected,
            "seasons": [(s, describe_season(s)) for s in reversed(seasons)],
            "season_kinds": list(SeasonKind),
            "whose_choices": list(Whose),
            "dates": [d for d in remembered.dates if d.person_id == person.id],
            "things": [t for t in remembered.things if t.person_id == person.id],
            "care": store.care_preferences(person.id),
            "care_ways": list(CareWay),
            "draft": store.draft(person.id),
            "evidence_imports": store.evidence_imports(person.id),
            "due": due,
            "every": every,
            "errors": errors or {},
            "values": ctx.form_values() if errors else proposed,
            "open_section": open_section or ("seasons" if proposed else ""),
        },
        status=status,
    )


def _proposed_season(ctx: Ctx) -> dict[str, str]:
    """A season the evidence page proposes (whose and when), to fill the form with."""
    query = ctx.request.query_params
    if query.get("propose") != "season":
        return {}
    wanted = ("whose", "start", "end")
    return {k: query[k] for k in wanted if k in query} | {"back": "evidence"}


def _date(ctx: Ctx, name: str, errors: FieldErrors, *, required: bool = True) -> dt.date | None:
    raw = ctx.value(name)
    if not raw:
        if required:
            errors[name] = messages.WEB_DATE_NEEDED
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        errors[name] = messages.WEB_DATE_FORMAT.format(value=raw)
        return None


def _season_fields(ctx: Ctx, person: Person, season_id: str, section: str) -> Season | Response:
    """The season a form describes, or the page again with what is wrong at the fields."""
    errors: FieldErrors = {}
    try:
        whose = Whose(ctx.value("whose"))
    except ValueError:
        errors["whose"] = messages.WEB_CHOOSE_ONE
    try:
        kind = SeasonKind(ctx.value("kind"))
    except ValueError:
        errors["kind"] = messages.WEB_CHOOSE_ONE
    start = _date(ctx, "start", errors)
    end = _date(ctx, "end", errors, required=False)
    if errors or start is None:
        return relationship(ctx, errors=errors, status=400, open_section=section)
    try:
        return make_season(
            season_id=season_id,
            person_id=person.id,
            whose=whose,
            kind=kind,
            start=start,
            end=end,
            today=ctx.today,
            note=ctx.value("note"),
        )
    except InvalidInputError as error:
        fields = {"from": "start", "to": "end", "note": "note"}
        errors = problems_by_field(error.problems, fields)
        return relationship(ctx, errors=errors, status=400, open_section=section)


def add_season(ctx: Ctx) -> Response:
    """Mark a season: a stretch of legitimate, temporary asymmetry."""
    person = _person(ctx)
    season = _season_fields(ctx, person, new_id(), "seasons")
    if not isinstance(season, Season):
        return season
    ctx.store.add_season(season)
    if ctx.value("back") == "evidence":  # marked from a stretch the chats showed
        return ctx.redirect(f"/people/{person.id}/evidence", notice="season-added")
    return ctx.redirect(f"/people/{person.id}#seasons", notice="season-added")


def edit_season(ctx: Ctx) -> Response:
    """Change what a season says: whose, what, when, the note."""
    person = _person(ctx)
    stored = _season_of(ctx, person)
    season = _season_fields(ctx, person, stored.id, f"season-{stored.id}")
    if not isinstance(season, Season):
        return season
    ctx.store.update_season(season)
    return ctx.redirect(f"/people/{person.id}#seasons", notice="season-changed")


def _season_of(ctx: Ctx, person: Person) -> Season:
    season = next(
        (s for s in ctx.store.seasons(person.id) if s.id == ctx.path_param("season_id")), None
    )
    if season is None:
        raise NotFound
    return season


def end_season(ctx: Ctx) -> Response:
    """End an ongoing season on the day given (today by default)."""
    from dataclasses import replace

    person = _person(ctx)
    season = _season_of(ctx, person)
    errors: FieldErrors = {}
    end = _date(ctx, "end", errors, required=False) or ctx.today
    if errors:
        return relationship(ctx, errors=errors, status=400, open_section="seasons")
    try:
        checked = make_season(
            season_id=season.id,
            person_id=season.person_id,
            whose=season.whose,
            kind=season.kind,
            start=season.start,
            end=end,
            today=ctx.today,
            note=season.note,
        )
    except InvalidInputError as error:
        errors = problems_by_field(error.problems, {"to": "end"})
        return relationship(ctx, errors=errors, status=400, open_section="seasons")
    ctx.store.update_season(replace(season, end=checked.end))
    return ctx.redirect(f"/people/{person.id}#seasons", notice="season-ended")


def remove_season(ctx: Ctx) -> Response:
    """Remove a season marked by mistake."""
    person = _person(ctx)
    season = _season_of(ctx, person)
    ctx.store.remove_season(season.id)
    return ctx.redirect(f"/people/{person.id}#seasons", notice="season-removed")


def add_date(ctx: Ctx) -> Response:
    """Remember an important date."""
    person = _person(ctx)
    errors: FieldErrors = {}
    day = _date(ctx, "day", errors)
    label = ctx.value("label")
    if not label:
        errors["label"] = messages.ERR_MEMORY_TEXT_EMPTY
    if errors or day is None:
        return relationship(ctx, errors=errors, status=400, open_section="memory")
    item = ImportantDate(new_id(), person.id, label, day, yearly=not ctx.value("once"))
    return _remember(ctx, person, item)


def add_thing(ctx: Ctx) -> Response:
    """Remember something they shared, with a follow-up date if wanted."""
    person = _person(ctx)
    errors: FieldErrors = {}
    follow_up = _date(ctx, "follow_up", errors, required=False)
    text = ctx.value("text")
    if not text:
        errors["text"] = messages.ERR_MEMORY_TEXT_EMPTY
    if errors:
        return relationship(ctx, errors=errors, status=400, open_section="memory")
    return _remember(ctx, person, SharedThing(new_id(), person.id, text, follow_up))


def _remember(ctx: Ctx, person: Person, item: ImportantDate | SharedThing) -> Response:
    try:
        if isinstance(item, ImportantDate):
            ctx.store.add_important_date(item)
        else:
            ctx.store.add_shared_thing(item)
    except InvalidInputError as error:
        fields = {"label": "label", "text": "text", "day": "day"}
        errors = problems_by_field(error.problems, fields)
        return relationship(ctx, errors=errors, status=400, open_section="memory")
    return ctx.redirect(f"/people/{person.id}#memory", notice="remembered")


def set_care(ctx: Ctx) -> Response:
    """Keep how each of you likes to receive care."""
    person = _person(ctx)
    try:
        theirs = frozenset(CareWay(v) for v in ctx.values("theirs"))
        mine = frozenset(CareWay(v) for v in ctx.values("mine"))
    except ValueError:
        errors = {"care": messages.WEB_CHOOSE_ONE}
        return relationship(ctx, errors=errors, status=400, open_section="memory")
    try:
        ctx.store.set_care_preferences(
            CarePreferences(person.id, theirs, mine, ctx.value("care_note"))
        )
    except InvalidInputError as error:
        errors = problems_by_field(error.problems, {"note": "care_note"})
        return relationship(ctx, errors=errors, status=400, open_section="memory")
    return ctx.redirect(f"/people/{person.id}#memory", notice="care-kept")


def _owned_item(ctx: Ctx, person: Person) -> ImportantDate | SharedThing:
    item_id = ctx.path_param("item_id")
    items: list[ImportantDate | SharedThing] = [
        *ctx.store.important_dates(person.id),
        *ctx.store.shared_things(person.id),
    ]
    for item in items:
        if item.id == item_id:
            return item
    raise NotFound


def thing_done(ctx: Ctx) -> Response:
    """Mark a shared thing as followed up."""
    person = _person(ctx)
    item = _owned_item(ctx, person)
    if not isinstance(item, SharedThing):
        raise NotFound
    ctx.store.complete_shared_thing(item.id)
    return ctx.redirect(f"/people/{person.id}#memory", notice="followed-up")


def remove_memory(ctx: Ctx) -> Response:
    """Forget a date or a shared thing."""
    person = _person(ctx)
    item = _owned_item(ctx, person)
    try:
        ctx.store.remove_memory_item(item.id)
    except ReciprocityError as error:
        raise NotFound from error
    return ctx.redirect(f"/people/{person.id}#memory", notice="forgotten")
