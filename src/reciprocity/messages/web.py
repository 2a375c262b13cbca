"""The web app: its pages, forms, notices and refusals."""

from __future__ import annotations

from typing import Final

# --- Refusals made before any page (the guard) ------------------------------------------

WEB_BAD_HOST: Final = (
    "This address is not one reciprocity answers to. Open it at http://127.0.0.1 "
    "with the port it printed when it started."
)
WEB_NEEDS_PASSWORD: Final = "reciprocity asks for the password it was started with."
WEB_CROSS_SITE: Final = (
    "This request came from another site, so nothing was changed. Use reciprocity's own pages."
)
WEB_STALE_FORM: Final = (
    "This form could not be checked, so it was not sent: it was opened before reciprocity "
    "last started, or it did not come from one of reciprocity's own pages. Go back, reload "
    "the page and send it again; nothing you saved earlier is lost."
)
WEB_NO_FORM_CHECK: Final = (
    "This form came without reciprocity's check, so it was not sent. Send it from "
    "reciprocity's own page; nothing you saved earlier is lost."
)
WEB_NOT_FOUND: Final = "There is nothing here. It may have been removed in another window."
WEB_ERROR_TITLE: Final = "Something needs a look"
WEB_ERROR_TITLES: Final[dict[int, str]] = {
    400: "That could not be used",
    403: "Not sent",
    404: "Not found",
    503: "The database is busy",
}
WEB_BACK_TO_OVERVIEW: Final = "Back to the overview"

# --- Frame and navigation ---------------------------------------------------------------

WEB_SKIP: Final = "Skip to the content"
WEB_NAV_LABEL: Final = "Main"
WEB_NAV_OVERVIEW: Final = "Overview"
WEB_NAV_REMINDERS: Final = "Reminders"
WEB_NAV_EXCHANGE: Final = "Export and import"
WEB_NAV_SETTINGS: Final = "Settings"
WEB_NOTICES: Final[dict[str, str]] = {
    "person-added": "Added. When you're ready, start an audit from the relationship's card.",
    "person-removed": "Removed, with everything kept about them.",
    "renamed": "Renamed.",
    "rhythm-set": "The audit rhythm is set.",
    "season-added": "Season marked. Low scores inside it are read as temporary.",
    "evidence-removed": "Forgotten: nothing imported from these chats is kept any more.",
    "evidence-imported": (
        "Imported. What was new in the file is part of the patterns below; the list of "
        "imports at the end of the page says how many messages that was."
    ),
    "evidence-nothing-new": (
        "Nothing new in that file: every message in it was already imported, so nothing changed."
    ),
    "season-ended": "Season ended.",
    "season-changed": "Season changed.",
    "season-removed": "Season removed.",
    "remembered": "Kept.",
    "care-kept": "Kept how care lands for each of you.",
    "followed-up": "Marked as followed up.",
    "forgotten": "Removed.",
    "audit-saved": "Audit saved. The reading below includes it.",
    "audit-revised": "Your changes are saved; the earlier version is kept too.",
    "draft-discarded": "The unfinished audit was thrown away.",
    "response-imported": "Their answers are here; see them beside yours below.",
    "settings-saved": "Settings saved.",
}

# --- First run and the overview ---------------------------------------------------------

WEB_WELCOME_TITLE: Final = "Welcome to reciprocity"
WEB_WELCOME_SENTENCES: Final = (
    "reciprocity helps you see whether your closest relationships flow both ways: it looks "
    "at patterns over months, not a tally of favours.",
    "Different kinds of giving count: one of you may listen while the other shows up with "
    "practical help, and that can be just as mutual.",
    "A hard stretch is not a verdict: illness, grief and big changes are seasons, and the "
    "tool reads them as such.",
)
WEB_FIRST_PEOPLE_TITLE: Final = "Who matters most to you?"
WEB_FIRST_PEOPLE_HELP: Final = (
    "Start with a few relationships. Many people begin with three: a partner, a close "
    "friend and someone in their family. Everything stays on this computer."
)
WEB_PERSON_NAME: Final = "Their name"
WEB_PERSON_NAME_HELP: Final = "The name you call them by; only you see it."
WEB_PERSON_KIND: Final = "What kind of relationship is it?"
WEB_ADD_PERSON: Final = "Add this relationship"
WEB_CHOOSE_KIND: Final = "Choose what kind of relationship this is."
WEB_ADD_ANOTHER: Final = "Add another relationship"
WEB_OVERVIEW_TITLE: Final = "Your relationships"
WEB_SPARK_LABEL: Final = "Overall ratings of {name} over time"
WEB_TREND_TABLE: Final = "The ratings as a table"
WEB_COL_DATE: Final = "Date"
WEB_COL_OVERALL: Final = "Overall"
WEB_COL_DIMENSION: Final = "Dimension"
WEB_COL_YOU: Final = "You"
WEB_COL_TALK: Final = "To talk about"
WEB_NO_AUDIT_YET: Final = "No audit yet."
WEB_DUE_FIRST: Final = "The first audit is whenever you are ready."
WEB_DUE_NOW: Final = "An audit is due."
WEB_DUE_ON: Final = "Next audit due on {date}."
WEB_START_AUDIT: Final = "Start an audit"
WEB_CONTINUE_AUDIT: Final = "Continue the unfinished audit"
# Today's audit is done; another one needs another date.
WEB_AUDIT_ANOTHER_DAY: Final = "Audit another day"
WEB_OF_NAME: Final = "of {name}"
WEB_ACROSS_TITLE: Final = "Across your relationships"
WEB_SOON_TITLE: Final = "Coming up in the next {days} days"
WEB_FOLLOW_UP_ON: Final = "follow up on {text}"
WEB_NOTHING_SOON: Final = "Nothing coming up."
WEB_ALL_REMINDERS: Final = "All reminders and the calendar file"
WEB_NO_PEOPLE: Final = "No relationships yet."

# --- A relationship's page --------------------------------------------------------------

WEB_GUIDE_LINK: Final = "Guide for the conversation"
WEB_COMPARE_LINK: Final = "Their view beside yours"
WEB_RHYTHM_IS: Final = "Audits every {every}."
WEB_STATE_TITLE: Final = "Where it stands"
WEB_GUIDANCE_TITLE: Final = "What might help"
WEB_OVER_TIME_TITLE: Final = "The four dimensions over time"
WEB_CHART_LABEL: Final = "The four dimensions of {name} over time, 1 to 5, seasons shaded"
WEB_CHART_TABLE: Final = "The same figures as a table"
WEB_LEGEND_SEASON: Final = "a season"
WEB_DASH: Final = "-"
WEB_DIMENSIONS_TITLE: Final = "Each dimension, and why"
WEB_REFLECTION_TITLE: Final = "The pattern you want, or the boundary you need"
WEB_FROM_AUDIT_OF: Final = "From your audit of {date}."
WEB_HISTORY_TITLE: Final = "Audits"
WEB_DRAFT_WAITING: Final = "An unfinished audit is waiting; continue it from the button above."
WEB_SEASONS_TITLE: Final = "Seasons"
WEB_SEASONS_HELP: Final = (
    "When one of you is going through something (illness, grief, a new baby, a move), mark "
    "it as a season: a stretch where leaning one way is expected and temporary."
)
WEB_END_SEASON: Final = "It has ended"
WEB_REMOVE: Final = "Remove"
WEB_CHANGE_SEASON: Final = "Change"
WEB_SAVE_SEASON: Final = "Save the season"
WEB_ADD_SEASON: Final = "Mark a season"
WEB_SEASON_WHOSE: Final = "Whose season is it?"
WEB_WHOSE_CHOICES: Final[dict[str, str]] = {
    "me": "Mine",
    "them": "{name}'s",
    "both": "Both of ours",
}
WEB_SEASON_KIND: Final = "What is it?"
WEB_CHOOSE: Final = "Choose ..."
WEB_SEASON_FROM: Final = "Since"
WEB_SEASON_TO: Final = "Until"
WEB_SEASON_TO_HELP: Final = "Leave empty while it is still going on."
WEB_SEASON_NOTE: Final = "A note (optional)"
WEB_CHOOSE_ONE: Final = "Choose one of the options."
WEB_DATE_NEEDED: Final = "Give a date."
WEB_DATE_FORMAT: Final = "{value!r} is not a date; write it as YYYY-MM-DD, for example 2026-03-01."
WEB_MEMORY_TITLE: Final = "What to remember about {name}"
WEB_MEMORY_HELP: Final = (
    "A memory aid for small gestures: dates, things they shared, how care lands for each "
    "of you. It is never a record of who did what."
)
WEB_DATES_TITLE: Final = "Important dates"
WEB_YEARLY: Final = "every year"
WEB_ADD_DATE: Final = "Add a date"
WEB_DATE_LABEL: Final = "What is it?"
WEB_DATE_LABEL_HELP: Final = "A birthday, an anniversary, the day their father died ..."
WEB_DATE_DAY: Final = "The date"
WEB_DATE_ONCE: Final = "Only once, not every year"
WEB_THINGS_TITLE: Final = "Things they shared"
WEB_FOLLOW_UP_BY: Final = "ask about it around {date}"
WEB_FOLLOWED_UP: Final = "followed up"
WEB_MARK_DONE: Final = "Followed up"
WEB_ADD_THING: Final = "Add something they shared"
WEB_THING_TEXT: Final = "What did they share?"
WEB_THING_TEXT_HELP: Final = "A job interview, a worry about their mother, a trip they planned ..."
WEB_THING_FOLLOW_UP: Final = "When to ask how it went (optional)"
WEB_CARE_TITLE: Final = "How care lands"
WEB_CARE_THEIRS: Final = "How {name} likes to receive care"
WEB_CARE_MINE: Final = "How you like to receive care"
WEB_CARE_NOTE: Final = "A note (optional)"
WEB_KEEP_CARE: Final = "Keep"
CARE_WAY_LABELS: Final[dict[str, str]] = {
    "words": "words",
    "time": "time together",
    "practical-help": "practical help",
    "presence": "presence",
    "gifts": "gifts",
    "touch": "touch",
}
WEB_OTHER_SIDE_TITLE: Final = "Their side"
WEB_INVITE_HELP: Final = (
    "Make an invitation file and send it to {name} in any way you like. They open it in a "
    "browser, answer the same four questions from their side without seeing yours, and send "
    "back the small file it makes. Nothing goes over the internet from here."
)
WEB_MAKE_INVITATION: Final = "Make an invitation file"
WEB_MANAGE_TITLE: Final = "Name, rhythm, removal"
WEB_MANAGE_SUMMARY: Final = "Change the name, the audit rhythm, or remove"
WEB_NEW_NAME: Final = "Name"
WEB_RENAME: Final = "Rename"
WEB_RHYTHM_LABEL: Final = "Months between audits"
WEB_RHYTHM_HELP: Final = "1 to 24; leave empty for the usual every 3 months."
WEB_SET_RHYTHM: Final = "Set the rhythm"
WEB_CONFIRM_REMOVE: Final = "To remove, type the name {name} here"
WEB_REMOVE_PERSON: Final = "Remove {name} and everything kept about them"
WEB_CONFIRM_REMOVE_NAME: Final = "Type {name} to confirm; nothing was removed."

# --- The audit --------------------------------------------------------------------------

WEB_AUDIT_TITLE: Final = "Audit of {name}"
WEB_STEPS_LABEL: Final = "Steps of the audit"
WEB_STEP_NAMES: Final[dict[str, str]] = {
    "date": "When",
    "initiation": "Initiation",
    "depth": "Depth",
    "crisis": "Crisis response",
    "maintenance": "Maintenance",
    "self": "You",
    "overall": "Overall",
    "reflection": "Picture or boundary",
    "review": "Look it over",
}
WEB_STEP_OF: Final = "Step {number} of {total}"
WEB_DRAFT_KEPT: Final = "Your answers are kept as you go; you can close this page and come back."
AUDIT_INTRO_WEB: Final = (
    "Four questions about how things flow between you and {name}, a little about yourself, "
    "then an overall rating. Answer from what actually happened, not from what should have."
)
WEB_AUDIT_DATE: Final = "The day this audit is for"
WEB_AUDIT_DATE_HELP: Final = "Usually today; an audit can be for an earlier day, not a later one."
WEB_AUDIT_DATE_TAKEN_HELP: Final = (
    "Today's audit is done, so choose an earlier day (an audit cannot be for a later one)."
)
WEB_LEAN_NEEDED: Final = (
    'this score leans one way; choose "I carry more of it" or "They carry more of it"'
)
WEB_LEAN_ON_FIVE: Final = (
    'a 5 means roughly mutual, so choose "Neither; it moves both ways" as its direction'
)
WEB_DATE_TAKEN: Final = (
    "There is already an audit of {name} on {date}; choose another day, or edit that one "
    "from the relationship's page."
)
WEB_LEAN_RULES: Final = "From 1 to 3 choose a direction; at 4 either is fine; 5 is mutual."
WEB_EXAMPLE_OPTIONAL_IF_NONE: Final = "With no recent example, a note here is optional."
WEB_PROPOSAL_SO_FAR: Final = "The overall rating so far"
WEB_PROPOSAL_VALUE: Final = "Proposed: {value} of 5."
WEB_PROPOSAL_NONE: Final = "Nothing to propose yet."
WEB_PROPOSAL_WAITING: Final = (
    "Choose which way {dimensions} leans to see the proposal: a low score means something "
    "different depending on who carries it."
)
WEB_PROPOSED_MARK: Final = " (proposed)"
WEB_OVERRIDE_REASON: Final = "If you chose differently from the proposal, why? (optional)"
WEB_OVERRIDE_REASON_HELP: Final = "A few words for your future self."
WEB_REFLECTION_TEXT: Final = "In concrete terms"
WEB_REFLECTION_TEXT_HELP: Final = (
    "Describe what you want to build, or the boundary that protects you, as something you "
    "could see happening; not what the other person does wrong."
)
WEB_PHRASING_CHOICE: Final = "Change the wording above if you like, or keep it as it is."
WEB_BACK: Final = "Back"
WEB_NEXT: Final = "Next"
WEB_REVIEW_PROBLEMS: Final = "A few answers still need a look before this can be saved:"
WEB_SAVE_AUDIT: Final = "Save this audit"
WEB_DISCARD_DRAFT: Final = "Throw this unfinished audit away"
WEB_BACK_TO_PERSON: Final = "Back to {name}"
WEB_EDIT_AUDIT: Final = "Change this audit"
WEB_EDIT_TITLE: Final = "Change the audit of {name} from {date}"
WEB_EDIT_REFLECTION_HELP: Final = "Needed when the overall rating is 1 or 2; otherwise optional."
WEB_EDIT_STALE: Final = (
    "This audit was changed in another window or tab since you opened it here (you started "
    "from version {revision}). Nothing was overwritten: open it again to see the newer "
    "version, then make your change there. What you typed is still below."
)
WEB_CANCEL: Final = "Cancel"
WEB_SAVE_CHANGES: Final = "Save the changes"

# --- The conversation -------------------------------------------------------------------

WEB_GUIDE_TITLE: Final = "A guide for talking with {name}"
WEB_GUIDE_NONE: Final = (
    "A guide is made from a picture of the pattern you want, or a boundary, which an audit "
    "asks for when a relationship feels one-way. There is none for {name} yet."
)
WEB_GUIDE_DOWNLOAD: Final = "Download it as a Markdown file"
WEB_COMPARE_TITLE: Final = "{name}'s view beside yours"
WEB_COMPARE_NO_RESPONSE: Final = (
    "No answers from {name} yet. Make an invitation file, send it to them, and bring the "
    "file they send back here."
)
WEB_COMPARE_NO_AUDIT: Final = "Their answers are here; audit {name} yourself to see both views."
WEB_IMPORT_RESPONSE_TITLE: Final = "Bring in their answers"
WEB_RESPONSE_FILE: Final = "The response file they sent you"
WEB_IMPORT_RESPONSE: Final = "Bring in their answers"
WEB_RESPONSE_OTHER_PERSON: Final = (
    "this response answers an invitation for another relationship, not {name}; bring it in "
    "from that relationship's page"
)
WEB_FILE_PROBLEMS: Final = "{file} could not be used; nothing was saved:"
WEB_CHOOSE_FILE: Final = "Choose a file first."
WEB_NOT_TEXT: Final = "this is not a text file (unreadable byte at position {position})"

# --- Reminders, export and import, settings ---------------------------------------------

WEB_REMINDERS_TITLE: Final = "Reminders"
WEB_REMINDERS_HELP: Final = (
    "A memory aid for small gestures and for the next look at each relationship."
)
WEB_AUDITS_DUE_TITLE: Final = "Audits"
WEB_CALENDAR_TITLE: Final = "In your own calendar"
WEB_CALENDAR_HELP: Final = (
    "Download a calendar file of the coming audits, dates and follow-ups and open it with the "
    "calendar you already use. Downloading it again later updates the same entries."
)
WEB_CALENDAR_DOWNLOAD: Final = "Download the calendar file (.ics)"
WEB_EXCHANGE_TITLE: Final = "Export and import"
WEB_EXPORT_TITLE: Final = "Export"
WEB_EXPORT_HELP: Final = (
    "Everything you have kept, as one file: a backup, a move to another computer, or your "
    "data in other tools. Keep it somewhere private."
)
WEB_EXPORT_JSON: Final = "Download everything (JSON)"
WEB_EXPORT_CSV: Final = "Download the audits as a spreadsheet (CSV)"
WEB_IMPORT_TITLE: Final = "Import"
WEB_IMPORT_HELP: Final = (
    "Read an export back in. The whole file is checked first and nothing is saved unless all "
    "of it can be; importing the same file twice changes nothing."
)
WEB_IMPORT_FILE: Final = "The export file"
WEB_IMPORT_BUTTON: Final = "Import"
WEB_SETTINGS_TITLE: Final = "Settings"
WEB_SETTINGS_HELP: Final = (
    "The thresholds the pattern reading uses. The defaults are chosen to read a pattern only "
    "from several audits over months; change them only if they do not fit how you audit."
)
WEB_SETTINGS_PROBLEMS: Final = "Some values could not be used; they are marked below."
WEB_SETTING_DEFAULT: Final = "Default: {default}."
WEB_SETTING_RESET: Final = "Back to the default"
WEB_SAVE_SETTINGS: Final = "Save the settings"
WEB_SETTING_LABELS: Final[dict[str, str]] = {
    "patterns.min_audits": "Audits before a pattern",
    "patterns.chronic_min_audits": "Low audits that make it chronic",
    "patterns.chronic_min_days": "Days a chronic pattern spans",
    "patterns.low_at_or_below": "Leaning score",
    "patterns.mutual_at_or_above": "Mutual score",
    "patterns.trend_window": "Audits a trend compares",
    "patterns.trend_min_change": "Change that makes a trend",
    "patterns.dip_history": "Mutual audits before a dip",
    "patterns.receiving_low_at_or_below": "Low openness to receiving",
    "patterns.role_min_dimensions": "Dimensions that make a role",
}
WEB_SETTING_HELP: Final[dict[str, str]] = {
    "patterns.min_audits": "How many audits it takes before any pattern is read.",
    "patterns.chronic_min_audits": "Low audits leaning the same way before it is chronic.",
    "patterns.chronic_min_days": "Days those low audits must span, outside seasons.",
    "patterns.low_at_or_below": "A score at or below this leans one way.",
    "patterns.mutual_at_or_above": "A score at or above this is mutual or nearly so.",
    "patterns.trend_window": "How many recent audits a trend compares with those before.",
    "patterns.trend_min_change": "How far the means must move to call it a trend.",
    "patterns.dip_history": "Mutual audits before a single low one counts as a dip.",
    "patterns.receiving_low_at_or_below": "Openness to receiving at or below this is low.",
    "patterns.role_min_dimensions": "Dimensions leaning the same way before a role is named.",
}

# --- Starting the web app ---------------------------------------------------------------

HELP_CMD_SERVE: Final = "Open reciprocity in your browser (a local web app over the same data)."
HELP_SERVE_HOST: Final = "The address to listen on; this computer only unless you say otherwise."
HELP_SERVE_PORT: Final = "The port to listen on."
HELP_SERVE_ALLOW_NETWORK: Final = (
    "Allow an address other computers can reach; a password is then required "
    "(from RECIPROCITY_PASSWORD, or asked for)."
)
HELP_SERVE_ALLOW_HOST: Final = "Another host name the app may be reached by (repeatable)."
ERR_SERVE_NOT_LOCAL: Final = (
    "{host} can be reached from other computers, so your relationships would be too; "
    "reciprocity stays on 127.0.0.1 unless you add --allow-network (a password is then required)"
)
ERR_SERVE_PASSWORD: Final = (
    "serving beyond this computer needs a password of at least 8 characters; set {env} or "
    "run it in a terminal to be asked"
)
ASK_SERVE_PASSWORD: Final = "A password for the web app"
SERVE_RUNNING: Final = "reciprocity is open at {url}  (press Ctrl-C to stop)"

# --- Evidence from the person's chats ------------------------------------------------------

WEB_EVIDENCE_SECTION_TITLE: Final = "Evidence from your chats"
WEB_EVIDENCE_TITLE: Final = "Your chats with {name}"
WEB_EVIDENCE_INTRO: Final = (
    "What your own chat exports show, per period, next to how the audits felt. They are "
    "patterns over time, read on this computer; a quiet month is not a verdict, and nobody "
    "has to match anybody message for message."
)
WEB_EVIDENCE_NONE: Final = "Nothing is imported from your chats with {name} yet."
WEB_EVIDENCE_HOW: Final = (
    "Exports larger than 20 MB are imported from the terminal: "
    "reciprocity evidence import FILE --person {arg}"
)
WEB_EVIDENCE_IMPORT_TITLE: Final = "Import a chat export"
WEB_EVIDENCE_FILE: Final = "The export"
WEB_EVIDENCE_FILE_HELP: Final = (
    "What your chat app exports: WhatsApp (.txt or .zip), Telegram (result.json), Signal, "
    "Messenger or Instagram (.json), iMessage (chat.db), Discord, an SMS backup (.xml), "
    "email (.mbox) or a CSV of time, sender and text. It is read here, on this computer, and "
    "deleted once imported. Importing the same or a newer export again adds only what is new."
)
WEB_EVIDENCE_KEEP_TEXT: Final = (
    "Keep what was written too (otherwise only when, who, how long and the signals read "
    "from each message are kept)"
)
WEB_EVIDENCE_IMPORT: Final = "Import"
WEB_EVIDENCE_UPLOAD_GONE: Final = (
    "That file is no longer here (the server restarted, or it was already used); choose it again."
)
WEB_EVIDENCE_WHO_TITLE: Final = "Who is who in {file}"
WEB_EVIDENCE_WHO_HELP: Final = (
    "Asked once: the answer is remembered for the next export of this chat. In a group chat, "
    "only what the two of you say to each other counts."
)
WEB_EVIDENCE_WHO_ME: Final = "Which one is you?"
WEB_EVIDENCE_WHO_THEM: Final = "Which one is {name}?"
WEB_EVIDENCE_WHICH_CHAT: Final = (
    "This export holds several conversations. Which one is with {name}?"
)
WEB_EVIDENCE_CONTINUE: Final = "Go on with the import"
WEB_EVIDENCE_IMPORTED: Final = "{messages} kept from {files}; the latest on {date}."
WEB_EVIDENCE_NO_MESSAGES: Final = (
    "The imports hold no messages between you and {name} (in a group chat, only what the two "
    "of you said to each other counts), so there is nothing to read yet."
)
WEB_EVIDENCE_CAUTION: Final = (
    "Chats miss calls, visits and time together, so read these as one view among others, "
    "next to how the audits felt."
)
WEB_EVIDENCE_CRISIS_NONE: Final = (
    "No season overlaps the imported chats. Mark difficult stretches as seasons on {name}'s "
    "page to see how present each of you was in them."
)
WEB_EVIDENCE_LINK: Final = "See the patterns in your chats"
WEB_EVIDENCE_PER: Final = "Per"
WEB_EVIDENCE_PERIOD_NAMES: Final[dict[str, str]] = {"month": "month", "quarter": "quarter"}
WEB_EVIDENCE_CHART_TITLE: Final = "Who reaches out, over time"
WEB_EVIDENCE_CHART_LABEL: Final = (
    "Your part of starting conversations, reaching out after a long quiet and checking in "
    "with {name}, per period, with seasons shaded"
)
WEB_EVIDENCE_SERIES: Final[dict[str, str]] = {
    "started": "You started after a quiet spell",
    "reached_out": "You reached out after a long quiet",
    "check_ins": "Your check-ins",
}
WEB_SHARE_TICKS: Final[dict[float, str]] = {0.0: "0 in 10", 0.5: "5 in 10", 1.0: "10 in 10"}
WEB_EVIDENCE_TABLE: Final = "The same figures as a table"
WEB_COL_PERIOD: Final = "Period"
WEB_EVIDENCE_PERIODS_TITLE: Final = "Period by period"
WEB_EVIDENCE_IMPORTS_TITLE: Final = "What was imported"
WEB_EVIDENCE_IMPORT_ROW: Final = "{date}: {file} ({format}), {added} new of {read}{kept}{group}"
WEB_EVIDENCE_KEPT_TEXT: Final = "; the text was kept"
WEB_EVIDENCE_GROUP: Final = "; a group chat, only the two of you counted"
WEB_EVIDENCE_REMOVE_TITLE: Final = "Forget these chats"
WEB_EVIDENCE_REMOVE_HELP: Final = (
    "Removes every message imported for {name} and who was who; your audits and seasons "
    "(those marked from the chats too) stay as they are."
)
WEB_EVIDENCE_REMOVE_CONFIRM: Final = "Yes, forget every message imported for {name}"
WEB_EVIDENCE_REMOVE: Final = "Forget the chats"
WEB_EVIDENCE_FORGET_HINT: Final = "with the Forget the chats button on the page of the chats"
WEB_EVIDENCE_OTHER_CHANGED: Final = (
    "{changed}. If that is {name} under another name, choose them here; if this is someone "
    "else's chat, import it on their page instead."
)
WEB_EVIDENCE_CONFIRM_NEEDED: Final = "Tick the box to say you mean it; nothing was removed."
WEB_EVIDENCE_MARK_SEASON: Final = "Mark it as a season"
WEB_EVIDENCE_CHART_EMPTY: Final = (
    "Too little in these chats yet to draw: no period holds enough conversations to say who "
    "started them or who checked in. The periods below say what there is."
)
WEB_EVIDENCE_CANDIDATE: Final = (
    "{owner} messages often read as distress from {start} to {end}. If it was a hard "
    "stretch, you can mark it as a season."
)
