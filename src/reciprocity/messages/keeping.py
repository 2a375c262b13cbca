"""Keeping track: export, import and demo, rhythm, seasons, what to remember, the calendar."""

from __future__ import annotations

from typing import Final

# --- Export, import, demo ----------------------------------------------------------------

EXPORTED: Final = "Wrote {people} and {audits} to {path}."
IMPORTED: Final = (
    "Imported {file}: {people_added} added ({people_unchanged} already here); "
    "{audits_added} added, {audits_updated} updated ({audits_unchanged} already here); "
    "{seasons_added} added ({seasons_unchanged} already here)."
)
DEMO_WRITTEN: Final = (
    "Wrote a demo data set to {path}: three relationships with two years of quarterly audits.\n"
    "It is separate from your own data. Look around with:\n"
    "  reciprocity --db {path} person list\n"
    "  reciprocity --db {path} history {name}\n"
    "  reciprocity --db {path} show {name}"
)


# --- Rhythm ------------------------------------------------------------------------------

ERR_RHYTHM: Final = "the rhythm is a whole number of months from 1 to {maximum}"
RHYTHM_SET: Final = "{name} will be due for an audit every {every}."
RHYTHM_DEFAULT: Final = "{name} is back to the usual rhythm, every {months} months."
DUE_NOW: Final = "{name}: an audit is due{since} (every {every})."
DUE_SINCE: Final = " since {date}"
DUE_FIRST: Final = "{name}: no audit yet; the first one is whenever you are ready."
DUE_SOON: Final = "{name}: the next audit is due on {date}, in {days}."
DUE_NOTHING: Final = "Nothing due in the next {days} days. The next audit is {name}'s, on {date}."
DUE_NO_PEOPLE: Final = "No relationships yet. Add one with: reciprocity person add NAME"
HELP_CMD_DUE: Final = "List the audits that are due, and those coming up."
HELP_DUE_WITHIN: Final = "Also list what falls due within this many days."
HELP_CMD_PERSON_RHYTHM: Final = "Set how often a relationship is audited (in months)."
HELP_RHYTHM_MONTHS: Final = "Months between audits (1 to 24); 'default' for every 3 months."

# --- Seasons ------------------------------------------------------------------------------

SEASON_KIND_LABELS: Final[dict[str, str]] = {
    "illness": "illness",
    "grief": "grief",
    "caregiving": "caregiving",
    "new-baby": "a new baby",
    "move": "a move",
    "job-loss": "a job loss",
    "other": "another transition",
}
WHOSE_LABELS: Final[dict[str, str]] = {"me": "yours", "them": "theirs", "both": "both of yours"}
ERR_SEASON_STARTS_LATER: Final = (
    "{date} is in the future; add a season once it has begun (it can be ongoing)"
)
ERR_SEASON_ENDS_FIRST: Final = "the season cannot end ({end}) before it starts ({start})"
SEASON_OWNERS: Final[dict[str, str]] = {
    "me": "your season with {name}",
    "them": "{name}'s season",
    "both": "the season you and {name} share",
}
SEASON_SPAN: Final = "from {start} to {end}"
SEASON_SPAN_ONGOING: Final = "from {start}, ongoing"
SEASON_DESCRIBED: Final = "{owner}, marked by {kind} ({span})"
# In someone's season the other one carries more; that lean is read as part of the season.
SEASON_READING: Final[dict[str, str]] = {
    "me": (
        "While it lasts, low scores where {name} carries more will be read as temporary, "
        "not as a problem to fix."
    ),
    "them": (
        "While it lasts, low scores where you carry more will be read as temporary, "
        "not as a problem to fix."
    ),
    "both": (
        "While it lasts, low scores leaning either way will be read as temporary, "
        "not as a problem to fix."
    ),
}
SEASON_ADDED: Final = "Added {season}. {reading}"
SEASON_ENDED: Final = "Ended {season}."
SEASON_CHANGED: Final = "Updated {season}."
SEASON_REMOVED: Final = "Removed {season}."
ASK_CONFIRM_REMOVE_SEASON: Final = "Remove {season}? This cannot be undone"
NO_SEASONS_YET: Final = (
    "No seasons marked yet. When one of you is going through something (illness, grief, a "
    "move ...), mark it, so that a hard stretch is read as a season:\n"
    "  reciprocity season add NAME --whose them --kind grief --from DATE"
)
NO_SEASONS_FOR: Final = "No seasons marked for {name}."
SEASONS_HEADER: Final = ("Person", "Id", "Whose", "Kind", "From", "To", "Note")
SEASON_ONGOING: Final = "ongoing"
ERR_UNKNOWN_WHOSE: Final = "unknown {value!r}; say whose season it is with one of {choices}"
ERR_SEASON_TO_AND_ONGOING: Final = "give either --to DATE or --ongoing, not both"
ERR_SEASON_NOTHING_TO_EDIT: Final = (
    "nothing to change; give one or more of --whose, --kind, --from, --to, --ongoing, --note"
)
ERR_SEASON_ALREADY_ENDED: Final = (
    "this season already ended on {end}; to change when it ended, use "
    "`reciprocity season edit {id} --to DATE`"
)
ERR_NO_SEASON: Final = "no season with an id starting {prefix!r}; see `reciprocity season list`"
ERR_SEASON_AMBIGUOUS: Final = (
    "more than one season has an id starting {prefix!r}; give more of it "
    "(see `reciprocity season list`)"
)
ERR_SEASON_ID_SHORT: Final = (
    "give at least {minimum} characters of the season's id (got {prefix!r}); "
    "see `reciprocity season list`"
)

# --- What to remember about each person (a memory aid, never a ledger) -------------------

HELP_REMEMBER_GROUP: Final = (
    "Keep what you want to remember about someone: important dates, things they shared "
    "that deserve a follow-up, and how each of you likes to receive care."
)
HELP_CMD_REMEMBER_DATE: Final = "Remember an important date (yearly unless --once)."
HELP_CMD_REMEMBER_SHARED: Final = (
    "Remember something they shared, with a follow-up date if you like."
)
HELP_CMD_REMEMBER_CARE: Final = "Note how they like to receive care, and how you do."
HELP_CMD_REMEMBER_LIST: Final = "Show what you keep in mind about someone."
HELP_CMD_REMEMBER_DONE: Final = "Mark a follow-up as done."
HELP_CMD_REMEMBER_REMOVE: Final = "Forget a remembered date or shared thing."
HELP_REMEMBER_NAME: Final = "The relationship it is about."
HELP_REMEMBER_LABEL: Final = "What the date is, e.g. 'birthday'."
HELP_REMEMBER_DATE: Final = "The date, YYYY-MM-DD (for a birthday, any year will do)."
HELP_REMEMBER_ONCE: Final = "The date happens once rather than every year."
HELP_REMEMBER_TEXT: Final = "What they shared, in a few words."
HELP_REMEMBER_FOLLOW_UP: Final = "When to come back to it, YYYY-MM-DD."
HELP_REMEMBER_THEIRS: Final = "How they like to receive care, comma-separated: {ways}."
HELP_REMEMBER_MINE: Final = "How you like to receive care, comma-separated: {ways}."
HELP_REMEMBER_NOTE: Final = "A free note about care (replaces the earlier one)."
HELP_REMEMBER_ID: Final = "The item's id, or its first 4 or more characters (see remember list)."
ERR_MEMORY_TEXT_EMPTY: Final = "cannot be empty; say in a few words what to remember"
ERR_UNKNOWN_CARE_WAY: Final = "unknown way of receiving care {value!r}; use one of {choices}"
ERR_NO_MEMORY: Final = (
    "nothing remembered with an id starting {prefix!r}; see `reciprocity remember list NAME`"
)
ERR_MEMORY_AMBIGUOUS: Final = (
    "more than one remembered item has an id starting {prefix!r}; give more of the id"
)
ERR_MEMORY_ID_SHORT: Final = (
    "give at least {minimum} characters of the id (got {prefix!r}); "
    "see `reciprocity remember list NAME`"
)
ERR_NOT_A_FOLLOW_UP: Final = (
    "{id} is an important date, not a follow-up; only things shared can be marked done"
)
ERR_REMEMBER_CARE_NOTHING: Final = "give --theirs, --mine or --note to say what to keep"
REMEMBERED_DATE: Final = "Remembered for {name}: {label} on {day}{yearly}."
REMEMBERED_YEARLY: Final = ", every year"
REMEMBERED_SHARED: Final = "Remembered for {name}: {text}{follow_up}."
REMEMBERED_FOLLOW_UP: Final = " (to come back to on {date})"
REMEMBERED_CARE: Final = "Noted how care lands for you and {name}."
FOLLOW_UP_DONE: Final = "Marked as followed up: {text}."
REMEMBERED_REMOVED: Final = "Forgotten: {what}."
NOTHING_REMEMBERED: Final = (
    "Nothing kept for {name} yet. Try: reciprocity remember date {quoted} birthday YYYY-MM-DD"
)
REMEMBER_HEAD_DATES: Final = "Important dates"
REMEMBER_HEAD_SHARED: Final = "Things {name} shared"
REMEMBER_HEAD_CARE: Final = "How care lands"
REMEMBER_DATE_LINE: Final = "  {id}  {day}  {label}{yearly}"
REMEMBER_DATE_YEARLY: Final = " (every year)"
REMEMBER_SHARED_LINE: Final = "  {id}  {text}{follow_up}{done}"
REMEMBER_SHARED_FOLLOW_UP: Final = " (follow up on {date})"
REMEMBER_SHARED_DONE: Final = " (followed up)"
REMEMBER_CARE_THEIRS: Final = "  {name}: {ways}"
REMEMBER_CARE_MINE: Final = "  You: {ways}"
REMEMBER_CARE_NOTE: Final = "  Note: {note}"
REMEMBER_CARE_UNSET: Final = "not noted yet"
DUE_DATE: Final = "{name}: {label} on {date}{when}."
DUE_FOLLOW_UP: Final = "{name}: a follow-up on what they shared, {text!r}{when}."
DUE_TODAY: Final = ", today"
DUE_IN_DAYS: Final = ", in {days}"
DUE_SINCE_DAY: Final = ", waiting since {date}"
IMPORTED_REMEMBERED: Final = "What to remember: {added} added, {unchanged} already here."
IMPORTED_CONVERSATION: Final = (
    "Invitations: {invitations_added} added ({invitations_unchanged} already here); "
    "answers they brought back: {responses_added} added ({responses_unchanged} already here)."
)

# --- The calendar file ------------------------------------------------------------------

HELP_CMD_CALENDAR: Final = (
    "Write a calendar file (.ics) of due audits, important dates and follow-ups, "
    "for the calendar you already use."
)
HELP_CALENDAR_OUTPUT: Final = "The .ics file to write."
HELP_CALENDAR_WITHIN: Final = "Include follow-ups and audits due within this many days."
CALENDAR_NAME: Final = "reciprocity: people to keep in mind"
CAL_AUDIT_SUMMARY: Final = "A moment to reflect on your relationship with {name}"
CAL_AUDIT_DESCRIPTION: Final = (
    "Your audit of how things flow between you and {name} is due. Run: reciprocity audit {quoted}"
)
CAL_DATE_SUMMARY: Final = "{name}: {label}"
CAL_DATE_DESCRIPTION: Final = "A date you wanted to remember for {name}."
CAL_FOLLOW_UP_SUMMARY: Final = "Ask {name} about: {text}"
CAL_FOLLOW_UP_DESCRIPTION: Final = (
    "Something {name} shared that you wanted to come back to. "
    "When you have, run: reciprocity remember done {id}"
)
CALENDAR_WRITTEN: Final = (
    "Wrote {reminders} to {path}. Import it into your calendar; "
    "importing it again updates what is there rather than adding twice."
)
