"""Reminders and the calendar file, export and import, and the settings."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import fields
from urllib.parse import urlencode

from starlette.responses import Response

from reciprocity import messages
from reciprocity.core.memory import upcoming
from reciprocity.core.patterns import DEFAULT_SETTINGS, SETTING_KEYS
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.exchange import archive_to_csv, archive_to_json, parse_archive
from reciprocity.store.importer import ImportReport
from reciprocity.web.context import Ctx, FieldErrors, problems_by_field
from reciprocity.web.files import download, read_upload

__all__ = ["calendar_file", "exchange_page", "export", "import_file", "reminders", "settings"]

# How far ahead the reminders page and the calendar file look.
WITHIN_DAYS = 60


def reminders(ctx: Ctx) -> Response:
    """The audits that are due and the dates and follow-ups coming up."""
    overview = ctx.web.snapshots.overview(ctx.today)
    names = {r.person.id: r.person.name for r in overview.rows}
    remembered = ctx.web.snapshots.remembered()
    soon = upcoming(
        remembered.dates,
        remembered.things,
        today=ctx.today,
        within_days=WITHIN_DAYS,
    )
    return ctx.render(
        "reminders.html",
        {"due": overview.due, "names": names, "soon": soon, "within": WITHIN_DAYS},
    )


def calendar_file(ctx: Ctx) -> Response:
    """The reminders as an .ics file for the calendar the person already uses."""
    from reciprocity.formats.calendar import CalendarFile, build_calendar

    snapshots = ctx.web.snapshots

    def make() -> CalendarFile:
        overview = snapshots.overview(ctx.today)
        remembered = snapshots.remembered()
        earlier = snapshots.last_made("calendar")
        return build_calendar(
            names={r.person.id: r.person.name for r in overview.rows},
            audits=list(overview.due),
            dates=list(remembered.dates),
            things=list(remembered.things),
            today=ctx.today,
            within=WITHIN_DAYS,
            stamp=dt.datetime.now(dt.UTC).replace(microsecond=0),
            # Only the events that changed since the last file are made again.
            pieces=earlier.pieces if isinstance(earlier, CalendarFile) else None,
        )

    # The file is the same until the data (or the day) changes.
    built = snapshots.made("calendar", ctx.today, make)
    return download(built.data, "reciprocity.ics", "text/calendar; charset=utf-8")


def exchange_page(
    ctx: Ctx, *, problems: list[Problem] | None = None, file: str = "", status: int = 200
) -> Response:
    """Export and import; after an import, what it did (from the redirect's query)."""
    report = ""
    query = ctx.request.query_params
    if problems is None and "imported" in query:
        counts = {f.name: query.get(f.name, "0") for f in fields(ImportReport)}
        if all(re.fullmatch(r"[0-9]+", value) for value in counts.values()):
            done = ImportReport(**{key: int(value) for key, value in counts.items()})
            report = " ".join(done.summary(query["imported"]))
    context = {"problems": problems or [], "file": file, "report": report}
    return ctx.render("exchange.html", context, status=status)


def export(ctx: Ctx) -> Response:
    """Everything, as the versioned JSON (or the CSV for spreadsheets)."""
    archive = ctx.store.archive()
    stamp = ctx.today.isoformat()
    if ctx.request.query_params.get("format") == "csv":
        return download(
            archive_to_csv(archive), f"reciprocity-{stamp}.csv", "text/csv; charset=utf-8"
        )
    text = archive_to_json(archive, exported_at=dt.datetime.now(dt.UTC))
    return download(text, f"reciprocity-{stamp}.json", "application/json")


def import_file(ctx: Ctx) -> Response:
    """Read an export back, all or nothing."""
    upload = ctx.upload("file")
    if upload is None:
        return exchange_page(ctx, problems=[Problem(messages.WEB_CHOOSE_FILE, "file")], status=400)
    name = upload.filename or "import.json"
    try:
        archive = parse_archive(read_upload(upload, name), file=name, today=ctx.today)
        report = ctx.store.import_archive(archive, file=name)
    except InvalidFileError as error:
        return exchange_page(ctx, problems=error.problems, file=name, status=400)
    # Redirect after the import, so reloading the page never sends the file again.
    counts = {f.name: getattr(report, f.name) for f in fields(ImportReport)}
    return ctx.redirect(f"/exchange?{urlencode({'imported': name, **counts})}")


def _default(key: str) -> object:
    return getattr(DEFAULT_SETTINGS, SETTING_KEYS[key][0])


def settings(ctx: Ctx) -> Response:
    """Show the thresholds of the pattern rules (GET) or change them (POST)."""
    errors: FieldErrors = {}
    if ctx.form is not None:
        current = ctx.store.pattern_settings()
        changes: dict[str, object] = {}
        resets = [key for key in SETTING_KEYS if ctx.value(f"reset-{key}")]
        for key, (name, *_) in SETTING_KEYS.items():
            raw = ctx.value(key)
            if key in resets or not raw:
                continue
            value: object = raw
            with contextlib.suppress(ValueError):
                value = json.loads(raw)
            if value != getattr(current, name):
                changes[key] = value
        try:
            # All or nothing: one refused value keeps every other one unsaved too.
            ctx.store.set_settings(changes, resets=resets)
        except InvalidInputError as error:
            errors = problems_by_field(error.problems, {key: key for key in SETTING_KEYS})
        else:
            return ctx.redirect("/settings", notice="settings-saved")
    current = ctx.store.pattern_settings()
    rows = [
        {
            "key": key,
            # A refused form comes back as typed, every field of it.
            "value": ctx.value(key) if errors else f"{getattr(current, name):g}",
            "default": f"{_default(key):g}",
            "label": messages.WEB_SETTING_LABELS[key],
            "help": messages.WEB_SETTING_HELP.get(key, ""),
        }
        for key, (name, *_) in SETTING_KEYS.items()
    ]
    return ctx.render(
        "settings.html", {"rows": rows, "errors": errors}, status=400 if errors else 200
    )
