"""Errors: what went wrong, in plain words."""

from __future__ import annotations

from typing import Final

# --- Errors (what went wrong, in plain words) ---------------------------------------------

ERR_SCORE_RANGE: Final = "must be a whole number from 1 to 5 (got {value})"
ERR_SCORE_NEEDED: Final = "needs a score from 1 to 5"
ERR_LEAN_ON_FIVE: Final = "a 5 means roughly mutual, so it cannot lean one way; use 'mutual'"
ERR_LEAN_NEEDED: Final = "a score of {score} leans one way; say which: 'i-carry' or 'they-carry'"
ERR_LEAN_UNKNOWN: Final = "unknown lean {value!r}; use 'i-carry', 'they-carry' or 'mutual'"
ERR_EXAMPLE_NEEDED: Final = (
    "needs a concrete example of what actually happened, or no_recent_example = true"
)
ERR_DIMENSION_MISSING: Final = "missing: give score, lean and example, or no_recent_example = true"
ERR_NO_EXAMPLE_WITH_SCORE: Final = (
    "no_recent_example = true cannot have a score or lean; remove one or the other"
)
ERR_OVERALL_NEEDED: Final = "nothing was rated, so give the overall score yourself"
ERR_REFLECTION_NEEDED: Final = (
    "an overall rating of {score} asks for a reflection: kind ('picture' or 'boundary'), "
    "text and first_step"
)
ERR_REFLECTION_TEXT: Final = "describe the pattern you want or the boundary you need"
ERR_FIRST_STEP: Final = "name one small first step"
ERR_DATE_IN_FUTURE: Final = "{date} is in the future; an audit looks back at what happened"
ERR_UNKNOWN_PERSON: Final = "no relationship called {name!r}; see `reciprocity person list`"
ERR_DUPLICATE_PERSON: Final = "there is already a relationship called {name!r}"
ERR_EMPTY_NAME: Final = "a name cannot be empty"
ERR_NAME_TOO_LONG: Final = "a name can be at most {limit} characters"
ERR_NAME_CONTROL: Final = "a name cannot contain control characters"
ERR_TEXT_CONTROL: Final = "cannot contain a NUL character"
ERR_DUPLICATE_AUDIT: Final = (
    "there is already an audit of {name} on {date}; to revise it, add --edit {date}"
)
ERR_NO_AUDIT_ON: Final = "no audit of {name} on {date}"
HINT_AUDIT_DATES: Final = "; the latest audits are on {dates}"
ERR_UNKNOWN_KIND: Final = "unknown kind {value!r}; use one of {choices}"
HINT_DID_YOU_MEAN: Final = " (did you mean {word}?)"
ERR_FILE_UNWRITABLE: Final = "cannot write the file: {detail}"
DETAIL_IS_A_FOLDER: Final = "that is a folder; give a file name"
DETAIL_NO_FOLDER: Final = "the folder {folder} does not exist"
ERR_EMPTY_DATABASE: Final = "the database path is empty; leave out --db to use your usual database"
ERR_LOCK_TIMEOUT: Final = "RECIPROCITY_LOCK_TIMEOUT must be a number of seconds (got {value!r})"
ERR_EDIT_NEEDS_REVISION: Final = (
    "to revise, add revision = {current} to the file: the revision your changes start from "
    "(`reciprocity show {name} --date {date} --json` shows it)"
)
ERR_EDIT_OTHER_DATE: Final = (
    "the file is dated {found}, but the audit being revised is of {date}; "
    "make them the same (an audit keeps its date)"
)
ERR_GUIDED_DATE_TAKEN: Final = (
    "there is already an audit of {name} on {date}. Choose another day with --date, "
    "or revise that one from a file: --answers FILE.toml --edit {date}"
)
ERR_SAVED_MEANWHILE_NAME: Final = (
    "another relationship with that name was saved at the same moment; nothing was changed"
)
ERR_SAVED_MEANWHILE_DATE: Final = (
    "there is already an audit of this relationship on that date; nothing was changed"
)
ERR_PERSON_GONE: Final = "that relationship no longer exists; nothing was changed"
ERR_AUDIT_DIVERGED: Final = (
    "audit {audit_id} was edited both here and in the file since they were last the same; "
    "nothing was imported"
)
ERR_NAME_TWICE: Final = "the name {name!r} is used by two relationships in this file"
ERR_STALE: Final = (
    "this audit was changed elsewhere since you opened it (now revision {current}, you "
    "started from {expected}); nothing was saved. Look at it again and redo your change."
)
ERR_NOT_WHOLE_NUMBER: Final = "must be a whole number"
ERR_NOT_TRUE_FALSE: Final = "must be true or false"
ERR_NOT_TEXT: Final = "must be text (in quotes)"
ERR_NOT_DATE: Final = "must be a date like 2026-11-01"
ERR_NOT_DATETIME: Final = "must be a date and time like 2026-11-01T20:00:00+00:00"
ERR_EMPTY_VALUE: Final = "cannot be empty"
ERR_TOO_LONG: Final = "can be at most {max_length} characters"
ERR_BAD_CHARACTERS: Final = "contains characters that are not allowed here"
ERR_NOT_ONE_OF: Final = "must be one of {expected}"
ERR_NOT_TABLE: Final = "must be a table of keys and values"
ERR_NOT_LIST: Final = "must be a list"
ERR_TOO_SMALL: Final = "must be at least {ge}"
ERR_INVALID_VALUE: Final = "is not a valid value here"
ERR_DUPLICATE_ID: Final = "the id {id!r} appears more than once in this file"
ERR_UNKNOWN_KEY: Final = "unknown key (check the spelling; see docs/answers-format.md)"
ERR_MISSING: Final = "is missing"
ERR_UNKNOWN_REFLECTION_KIND: Final = "unknown kind {value!r}; use 'picture' or 'boundary'"
ERR_REFLECTION_KIND_NEEDED: Final = "say whether this is a picture or a boundary"
ERR_EDIT_NEEDS_ANSWERS: Final = "--edit needs --answers FILE.toml"
ERR_NO_AUDIT_ID: Final = "no audit with id {audit_id}"
ERR_TOML_SYNTAX: Final = "not valid TOML: {detail}"
TOML_AT_COLUMN: Final = "column {column}: {reason}"
TOML_HINT_UNCLOSED_QUOTE: Final = "a quote is not closed on this line"
TOML_HINT_ONE_PER_LINE: Final = (
    "one key = value per line; text goes in quotes and dates are written 2026-11-01"
)
TOML_HINT_VALUE: Final = (
    "a key has no value, or the value is not a number, text in quotes or a date"
)
TOML_HINT_TWICE: Final = "the same key or table is given twice"
ERR_JSON_SYNTAX: Final = "not valid JSON: {detail}"
ERR_FILE_UNREADABLE: Final = "cannot read the file: {detail}"
ERR_IMPORT_CSV: Final = (
    "import reads the JSON export; CSV is for spreadsheets. Export as JSON to move your data"
)
ERR_NOT_AN_EXPORT: Final = "not a reciprocity export (no format = 'reciprocity-export')"
ERR_NEWER_EXPORT: Final = (
    "written by a newer version of reciprocity (schema {found}; this version reads up to "
    "{supported}); upgrade reciprocity to import it"
)
ERR_UNKNOWN_PERSON_ID: Final = "refers to person id {person_id!r}, which is not in the file"
ERR_NAME_TAKEN: Final = (
    "relationship {name!r} already exists here as a different person; rename one of them first"
)
ERR_AUDIT_CONFLICT: Final = (
    "audit {audit_id} is already stored with different answers at the same revision; "
    "nothing was imported"
)
ERR_DATE_FORMAT: Final = "{value!r} is not a date; use YYYY-MM-DD"
ERR_DB_UNREADABLE: Final = "cannot open the database: {detail}"
ERR_DB_NOT_DATABASE: Final = "this file is not a reciprocity database"
ERR_DB_LOCKED: Final = (
    "the database is busy: another program (perhaps another reciprocity window) is writing "
    "to it. Try again in a moment; nothing was changed."
)
ERR_DB_NEWER: Final = (
    "this database was written by a newer version of reciprocity (schema {found}); "
    "upgrade reciprocity to open it. Nothing was changed."
)
ERR_DEMO_WOULD_REPLACE: Final = (
    "{path} already exists; choose another file, or add --force to replace it"
)
ERR_DEMO_IS_USER_DB: Final = (
    "the demo would overwrite your own database; choose another file with -o"
)
ERR_PREFIX: Final = "error: "
ERR_NO_ANSWER_NEEDS_YES: Final = (
    "no answer came to the question (the input ended); nothing was changed. "
    "Pass --yes to go ahead without being asked"
)
STOPPED: Final = "Stopped; nothing was changed."
