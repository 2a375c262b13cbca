"""Command-line help."""

from __future__ import annotations

from typing import Final

# --- Command-line help ------------------------------------------------------------------
HELP_APP: Final = (
    "See whether your closest relationships flow both ways, and what to do when they "
    "don't. Patterns over time, never a ledger."
)
HELP_DB: Final = "The database file (or a database URL). Default: in your user data folder."
HELP_VERSION: Final = "Show the version."
HELP_AUDIT_NAME: Final = "The relationship to look at."
HELP_ANSWERS: Final = (
    "Read the answers from a TOML file instead of asking (docs/answers-format.md)."
)
HELP_AUDIT_DATE: Final = "The day the audit is for (YYYY-MM-DD); today if left out."
HELP_EDIT: Final = (
    "Revise the audit of this date (YYYY-MM-DD) with the answers file; the earlier "
    "revision is kept."
)
HELP_DEMO_FORCE: Final = "Replace the file if it already exists."
HELP_DEMO_OUTPUT: Final = "Where to write the demo database."
HELP_EXPORT_FORMAT: Final = "json round-trips everything; csv is for spreadsheets."
HELP_EXPORT_OUTPUT: Final = "Write here, not to stdout."
HELP_IMPORT_FILE: Final = "A JSON export of reciprocity."
HELP_PERSON_GROUP: Final = "Add, list, rename and remove the relationships you look at."
HELP_PERSON_NAME: Final = "What you call them."
HELP_PERSON_KIND: Final = "What they are to you."
HELP_CURRENT_NAME: Final = "The current name."
HELP_NEW_NAME: Final = "The new name."
HELP_REMOVE_NAME: Final = "The relationship to remove."
HELP_YES: Final = "Do not ask for confirmation."
HELP_RELATIONSHIP: Final = "The relationship."
HELP_SHOW_DATE: Final = "Show the audit of this date."
HELP_CMD_STATUS: Final = (
    "Show where each relationship stands over time, and why."
    "\n\n"
    "One state per relationship and per dimension, with the audits and seasons behind it "
    "(docs/patterns.md)."
)
HELP_STATUS_NAME: Final = "One relationship (all of them if left out)."
HELP_CMD_SETTINGS: Final = "Show or change your settings, such as the pattern thresholds."
HELP_SETTING_KEY: Final = "The setting, for example patterns.chronic_min_days."
HELP_SETTING_VALUE: Final = "The new value."
HELP_JSON: Final = "Print JSON for scripts instead of text."

HELP_CMD_AUDIT: Final = (
    "Audit one relationship, guided or from an answers file."
    "\n\n"
    "Four dimensions, a look at yourself, and an overall rating with its explanation."
)
HELP_CMD_DEMO: Final = (
    "Write a demo data set to a file of its own."
    "\n\n"
    "Three relationships with two years of quarterly audits, never in your own database."
)
HELP_CMD_EXPORT: Final = (
    "Export everything as versioned JSON or as CSV."
    "\n\n"
    "The formats are described in docs/export-format.md."
)
HELP_CMD_IMPORT: Final = (
    "Import a JSON export, all or nothing."
    "\n\n"
    "The whole file is checked first; importing the same file twice changes nothing."
)
HELP_CMD_PERSON_ADD: Final = "Add a relationship to look at."
HELP_CMD_PERSON_LIST: Final = "List your relationships with their number of audits."
HELP_CMD_PERSON_RENAME: Final = "Rename a relationship; its audits stay with it."
HELP_CMD_PERSON_REMOVE: Final = "Remove a relationship and all its audits, after confirmation."
HELP_CMD_SHOW: Final = "Show the latest audit and how its rating was proposed."
HELP_CMD_HISTORY: Final = "List every audit of a relationship, oldest first."
HELP_SEASON_GROUP: Final = (
    "Mark seasons: times when one of you is going through something (illness, grief, a move "
    "...)."
    "\n\n"
    "Low scores leaning towards the person in a season are read as temporary, not as a "
    "problem to fix."
)
HELP_CMD_SEASON_ADD: Final = "Mark a season in a relationship: whose it is, what, and since when."
HELP_CMD_SEASON_LIST: Final = "List the seasons, earliest first."
HELP_CMD_SEASON_END: Final = "Say that an ongoing season has ended."
HELP_CMD_SEASON_EDIT: Final = "Change a season; only what you give changes."
HELP_CMD_SEASON_REMOVE: Final = "Remove a season, after confirmation."
HELP_SEASON_NAME: Final = "The relationship the season belongs to."
HELP_SEASON_LIST_NAME: Final = "Only the seasons of this relationship."
HELP_SEASON_ID: Final = (
    "The season's id, or its first 4 characters or more (see `reciprocity season list`)."
)
HELP_SEASON_WHOSE: Final = "Whose season it is: yours (me), theirs (them) or both of yours."
HELP_SEASON_KIND: Final = "What the season is."
HELP_SEASON_FROM: Final = "When it began (YYYY-MM-DD)."
HELP_SEASON_TO: Final = "When it ended (YYYY-MM-DD); leave out while it goes on."
HELP_SEASON_ONGOING: Final = "It is still going on (the same as leaving out --to)."
HELP_SEASON_NOTE: Final = "A few words for yourself about it."
HELP_SEASON_END_ON: Final = "The day it ended (YYYY-MM-DD); today if left out."
HELP_SEASON_EDIT_TO: Final = "A new end (YYYY-MM-DD)."
HELP_SEASON_EDIT_ONGOING: Final = "Make it ongoing again (no end)."
