"""People, and showing audits."""

from __future__ import annotations

from typing import Final

# --- People ------------------------------------------------------------------------------

PERSON_ADDED: Final = "Added {name} ({kind})."
PERSON_ADDED_NEXT: Final = (
    "When you're ready, look at how things flow with: reciprocity audit {name}"
)
PERSON_RENAMED: Final = "Renamed {old} to {new}."
PERSON_REMOVED: Final = "Removed {name} and everything kept about them ({audits})."
ASK_CONFIRM_REMOVE: Final = (
    "Remove {name} and everything kept about them ({audits})? This cannot be undone"
)
NOTHING_REMOVED: Final = "Nothing removed."
NO_PEOPLE_YET: Final = "No relationships yet."
PEOPLE_HEADER: Final = ("Name", "Kind", "Audits", "Latest")

# --- Showing audits ----------------------------------------------------------------------

NO_AUDITS_YET: Final = "No audits of {name} yet. Start one with: reciprocity audit {arg}"
SHOW_TITLE: Final = "{name} ({kind}), audit of {date}"
SHOW_REVISION: Final = "revision {revision}"
SHOW_NO_EXAMPLE: Final = "no recent example"
SHOW_SELF: Final = (
    "You: your own care reaching them, {giving} of 5; open to receiving, {receiving} of 5"
)
SHOW_OVERALL: Final = "Overall: {score} of 5"
SHOW_OVERALL_OVERRIDDEN: Final = "Overall: {score} of 5 (proposed {proposed})"
SHOW_REASON: Final = "Why: {reason}"
SHOW_REFLECTION: Final[dict[str, str]] = {
    "picture": "The pattern you want to build: {text}",
    "boundary": "The boundary you need: {text}",
}
SHOW_FIRST_STEP: Final = "First step: {text}"
SHOW_HOW_PROPOSED: Final = "How the proposal came about:"
SHOW_EARLIER: Final = (
    "You revised this audit; the earlier versions are kept too ({count}, in the export)."
)
HISTORY_KEY: Final = (
    "A dash: no recent example. Overall in brackets: the proposal, where you chose differently. "
    "Rev: how many times the audit was saved."
)
NO_AUDITS_DRAFT_WAITING: Final = (
    "An unfinished audit is waiting; pick it up with: reciprocity audit {name}"
)
HISTORY_HEADER: Final = ("Date", "Initiation", "Depth", "Crisis", "Maintenance", "Overall", "Rev")
