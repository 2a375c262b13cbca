"""Evidence from the person's own chats: the import, its questions, and what it reports."""

from __future__ import annotations

from typing import Final

# --- Help ---------------------------------------------------------------------------------
HELP_CMD_EVIDENCE: Final = (
    "Evidence from your own chat exports: patterns per month or quarter, next to your ratings."
    "\n\n"
    "Everything stays on this computer. By default only when, who and how long each "
    "message was is kept, with the language signals read from it, not what was written "
    "(docs/evidence.md)."
)
HELP_CMD_EVIDENCE_IMPORT: Final = (
    "Import a chat export (WhatsApp, CSV, ...) as evidence about one relationship."
    "\n\n"
    "Asks once which participant is you and which is the other person, and remembers. "
    "Importing the same or an overlapping export again adds only what is new."
)
HELP_CMD_EVIDENCE_SHOW: Final = (
    "Show the patterns in a relationship's imported chats, per month or quarter, with "
    "the seasons and your ratings next to them."
)
HELP_CMD_EVIDENCE_REMOVE: Final = "Forget everything imported from chats for one relationship."
HELP_EVIDENCE_FILE: Final = "The chat export file."
HELP_EVIDENCE_PERSON: Final = "The relationship the chat is evidence about."
HELP_EVIDENCE_NAME: Final = "The relationship (its name, any case)."
HELP_EVIDENCE_ME: Final = "Which participant of the export is you (for scripts: no question)."
HELP_EVIDENCE_THEM: Final = (
    "Which participant is the other person, in a group chat or when the name differs."
)
HELP_EVIDENCE_FORMAT: Final = (
    "The export's format, when it is not recognised (its short name, such as whatsapp)."
)
HELP_EVIDENCE_KEEP_TEXT: Final = (
    "Keep what was written too (by default only when, who and how long, and the signals)."
)
HELP_EVIDENCE_CHAT: Final = "In an export holding several conversations, the one to import."
HELP_EVIDENCE_COLUMNS: Final = (
    "For a CSV file whose header names its columns in other words: which column holds "
    "each part, as timestamp=NAME,sender=NAME,text=NAME (any of the three)."
)
HELP_EVIDENCE_TIMEZONE: Final = (
    "The time zone of the export's times when they carry none, such as Europe/London "
    "(by default the zone of this relationship's earlier imports, else this computer's)."
)
HELP_EVIDENCE_PERIOD: Final = "Show the patterns per month or per quarter."
HELP_EVIDENCE_YES: Final = "Do not ask for confirmation."

# --- Questions ----------------------------------------------------------------------------
ASK_WHO_IS_ME: Final = "Which of these is you?"
ASK_WHO_IS_THEM: Final = "And which is {name}?"
EVIDENCE_PARTICIPANT_CHOICE: Final = "{participant} ({count} messages)"
ASK_REMOVE_EVIDENCE: Final = (
    "Forget everything imported from chats for {name}? Your audits and seasons stay."
)

# --- What the import says -----------------------------------------------------------------
EVIDENCE_READING: Final = "Reading {file} ({format})"
# Beside the bar while a file without lines is read (the count with thousands separated).
EVIDENCE_READ_SO_FAR: Final = "{count} messages read"
EVIDENCE_IMPORTED: Final = (
    "Imported {file} for {name}: {added} new messages of {read} read (the rest were already here)."
)
EVIDENCE_IMPORTED_ALL_NEW: Final = "Imported {file} for {name}: {added} messages."
EVIDENCE_NOTHING_NEW: Final = (
    "Nothing new in {file}: its {read} messages were already imported for {name}."
)
ERR_EVIDENCE_ZONE_DIFFERS: Final = (
    "this chat was imported before with its times read in {before}; read in {given}, the "
    "messages this export shares with it would be stored again, at other moments. Leave out "
    "--timezone to read it as before. To read everything in {given}, forget {name}'s chats "
    "first (reciprocity evidence remove {arg}) and import them again with --timezone"
)
EVIDENCE_ZONE_CHANGED: Final = (
    "Note: this export's times were read in {given}, and earlier imports of this chat in "
    "{earlier}; messages already imported from an overlapping export were not recognised "
    "and count twice. To undo it: reciprocity evidence remove {arg} (it forgets every chat "
    "imported for {name}), then import them again, this one without --timezone."
)
EVIDENCE_NOT_ENGLISH: Final = (
    "Most of this chat does not look English. Who starts conversations, and who is in touch "
    "during hard times, still show; what the messages say (hard news, support, check-ins, "
    "thanks) is read in English only, so those parts will mostly stay empty."
)
EVIDENCE_NOTHING_READ: Final = "{file} holds no messages between you and {name}."
EVIDENCE_GROUP_NOTICE: Final = (
    "This is a group chat. Only your exchanges with {name} count: messages where one of "
    "you answers the other. The others' messages, and what the two of you wrote to the "
    "rest of the group, were left out and not kept. Read these patterns loosely: a reply "
    "in a group may still be meant for everyone."
)
EVIDENCE_TEXT_KEPT: Final = "The text of the messages was kept, as asked (--keep-text)."
# Some of the messages were stored by an earlier import, which did not keep their text.
EVIDENCE_TEXT_KEPT_NEW: Final = (
    "The text of the new messages was kept, as asked (--keep-text); the messages imported "
    "before keep only what their import kept."
)
EVIDENCE_TEXT_NOT_KEPT: Final = (
    "Only when, who and how long each message was, and its signals, were kept; not the text."
)
EVIDENCE_ROLES_REMEMBERED: Final = "Remembered: you are {me}, {name} is {them}."
EVIDENCE_INTERRUPTED: Final = (
    "Stopped. Nothing from {file} was kept; import it again when you like."
)
EVIDENCE_SEE_SHOW: Final = "See the patterns: reciprocity evidence show {arg}"
EVIDENCE_REMOVED: Final = "Forgot everything imported from chats for {name} ({count} messages)."
EVIDENCE_NOTHING_TO_REMOVE: Final = "Nothing was imported from chats for {name}."
EVIDENCE_REMOVE_KEPT: Final = "Nothing was forgotten."

# --- Errors -------------------------------------------------------------------------------
ERR_EVIDENCE_NO_FILE: Final = "no such file"
ERR_EVIDENCE_FOLDER: Final = (
    "this is a folder; name the export file inside it (a WhatsApp chat's .txt or .zip, "
    "Telegram's result.json, ...)"
)
ERR_EVIDENCE_UNREADABLE: Final = "cannot read the file: {detail}"
ERR_EVIDENCE_FORMAT_UNKNOWN: Final = (
    "not a chat export reciprocity recognises; give its format with --format ({choices})"
)
ERR_EVIDENCE_NOT_AN_EXPORT: Final = (
    "not a chat export reciprocity can read; choose the file your chat app made when you "
    "exported the chat (the list above says which)"
)
ERR_EVIDENCE_CSV_NAMES: Final = (
    "this looks like a table of messages, but its first row ({columns}) names no {missing} "
    "column; say which column holds each with --columns timestamp=NAME,sender=NAME,text=NAME"
)
ERR_EVIDENCE_CSV_NAMES_RENAME: Final = (
    "this looks like a table of messages, but its first row ({columns}) names no {missing} "
    "column; rename the columns timestamp, sender and text in the file's first row and "
    "choose it again"
)
ERR_EVIDENCE_NO_FORMATS: Final = "no chat export formats are available in this version"
ERR_EVIDENCE_UNKNOWN_FORMAT: Final = "unknown format {value!r}; use one of {choices}"
ERR_EVIDENCE_UNKNOWN_PARTICIPANT: Final = (
    "{participant!r} writes in this chat, but it is not known who they are; "
    "import again and say who is you with --me"
)
ERR_EVIDENCE_NOT_A_PARTICIPANT: Final = (
    "nobody called {value!r} writes in this chat; the participants are {participants}"
)
ERR_EVIDENCE_NEEDS_ME: Final = "which participant is you? Pass --me with one of: {participants}"
ERR_EVIDENCE_NEEDS_THEM: Final = (
    "which participant is {name}? Pass --them with one of: {participants}"
)
ERR_EVIDENCE_ROLE_CHANGED: Final = (
    "in the chats already imported for {name}, {participant} is {was}; taking them as {now} "
    "now would store their messages again, the other way round. To change who is who, "
    "forget what was imported for {name} first ({forget}), then import again"
)
EVIDENCE_FORGET_COMMAND: Final = "reciprocity evidence remove {arg}"
# The other person of a chat, found because nobody else is in it, is not the one this
# relationship's chats were with so far: perhaps the file is someone else's chat.
EVIDENCE_OTHER_CHANGED: Final = (
    "{name}'s chats so far were with {earlier}; this one is with {participant}"
)
ERR_EVIDENCE_ME_NAMED_LIKE_THEM: Final = (
    "{participant} has the name of the relationship ({name}), and --me is you. If that is "
    "right, say who {name} is with --them too (one of: {others}); if not, give your own name"
)
ERR_EVIDENCE_OTHER_CHANGED: Final = (
    "{changed}. If {participant} is {name} under another name, say so with --them {arg}; "
    "if this is someone else's chat, import it for them with --person"
)
ASK_EVIDENCE_SAME_OTHER: Final = "{changed}. Is {participant} {name}?"
ROLE_WORDS: Final[dict[str, str]] = {"me": "you", "them": "{name}"}
ERR_EVIDENCE_SAME_PARTICIPANT: Final = (
    "you and they are the same participant; choose a different one for each"
)
ERR_EVIDENCE_ALONE: Final = (
    "only one person writes in this chat ({participants}), so it shows nothing about "
    "how the two of you meet"
)
ERR_EVIDENCE_SEVERAL_CHATS: Final = (
    "this export holds several conversations ({first}, {second}, ...); choose one with --chat"
)
ERR_EVIDENCE_HELPER_STOPPED: Final = (
    "the process reading the export stopped before the end (exit code {code}); nothing of "
    "this import was kept. Try again, perhaps with other programs closed"
)
ERR_EVIDENCE_CHATS_LISTED: Final = (
    "this export holds several conversations; choose one with --chat: {chats}"
)
ERR_EVIDENCE_NO_SUCH_CHAT: Final = "no conversation called {value!r}; the export holds {chats}"
ERR_EVIDENCE_ONE_CHAT: Final = (
    "this export holds a single conversation, so there is none to choose: leave out --chat"
)
ERR_EVIDENCE_TIMEZONE: Final = "unknown time zone {value!r}; use a name like Europe/London"
ERR_EVIDENCE_EMPTY: Final = "the file is empty: there is nothing in it to import"
ERR_EVIDENCE_HTML: Final = (
    "this is a web page (HTML), made to be looked at, not an export to read. Export the chat "
    "again as JSON (Facebook and Instagram: choose JSON when you ask for your information, "
    "then import message_1.json; Telegram Desktop: choose JSON, then import result.json), "
    "or, for a Signal chat exported with signal-export, import the chat.md or data.json in "
    "the same folder"
)
ERR_EVIDENCE_UTF16: Final = (
    "this file is UTF-16 text, which chat apps do not write: some program saved it again. "
    "Export the chat again, or save this file as UTF-8 and import it again"
)
ERR_EVIDENCE_COLUMNS: Final = (
    "{value!r} is not a column mapping; write timestamp=NAME,sender=NAME,text=NAME, "
    "each part at most once (any of the three), with NAME as the header writes it"
)
ERR_EVIDENCE_COLUMNS_NOT_CSV: Final = (
    "a column mapping is for a CSV file, and {format!r} is another format; leave out "
    "--format or give --format csv"
)
ERR_EVIDENCE_NOT_INTERACTIVE: Final = (
    "cannot ask who is who without a terminal; pass --me with one of: {participants}"
)

# --- The indicators, in words -------------------------------------------------------------
EVIDENCE_TITLE: Final = "Patterns in your chats with {name}, per {period}"
EVIDENCE_SPAN: Final = "From {first} to {last}, {messages} messages imported."
EVIDENCE_NOTHING_YET: Final = (
    "Nothing imported from chats for {name} yet. Import an export with: "
    "reciprocity evidence import FILE --person {arg}"
)
EVIDENCE_RHYTHM: Final = (
    "A conversation starts after a quiet spell of more than {silence} (fitted to the "
    "rhythm of your own chat); a long quiet is more than {long_quiet}."
)
EVIDENCE_SHARE: Final = "about {tenths} in 10"
EVIDENCE_SHARE_ALL: Final = "all or nearly all"
EVIDENCE_SHARE_NONE: Final = "none or nearly none"
EVIDENCE_AS_USUAL: Final = "as usual"
EVIDENCE_TOO_FEW_TO_COMPARE: Final = "too few to compare with the usual"
EVIDENCE_MORE_YOU: Final = "more of it came from you than usual"
EVIDENCE_MORE_THEM: Final = "more of it came from {name} than usual"
EVIDENCE_SHARE_LINE: Final = (
    "{what}: you {mine}, {name} {theirs}, of {basis} ({compared}; usually you {usual})."
)
# What each share is a share of, counted (see messages.plural).
EVIDENCE_BASIS: Final[dict[str, str]] = {
    "started": "conversation",
    "reached_out": "conversation after a long quiet",
    "check_ins": "check-in",
    "thanks": "message of thanks",
}
EVIDENCE_USUAL_MEANS: Final = (
    'Each share is of its period alone; "usually" is the same share over everything '
    "imported, which is what each period is compared with."
)
EVIDENCE_WHAT: Final[dict[str, str]] = {
    "started": "Who started conversations after a quiet spell",
    "reached_out": "Who reached out after a long quiet",
    "check_ins": "Who checked in",
    "thanks": "Who thanked the other or showed appreciation",
}
EVIDENCE_TOO_LITTLE: Final = "{what}: too little in this period to say."
# Before each line of a period: the audit's dimension it is evidence for.
EVIDENCE_DIMENSION_TAG: Final = "{dimension} \u2014 "
# A first or last period the chats cover only part of, so its shares are not read as
# the whole month's.
EVIDENCE_PERIOD_PART: Final = "{label} (the chats cover only {start} to {end} of it)"
EVIDENCE_DEPTH_THEIRS: Final = (
    "When you shared something hard ({shared}), {name} answered {answered} of those "
    "within a day{timing}{support}."
)
EVIDENCE_DEPTH_MINE: Final = (
    "When {name} shared something hard ({shared}), you answered {answered} of those "
    "within a day{timing}{support}."
)
# The same for something hard shared once: said as what happened, not as a share.
EVIDENCE_DEPTH_ONCE_THEIRS: Final[dict[bool, str]] = {
    True: "When you shared something hard (once), {name} answered within a day{timing}{support}.",
    False: "When you shared something hard (once), no answer from {name} came within a day.",
}
EVIDENCE_DEPTH_ONCE_MINE: Final[dict[bool, str]] = {
    True: "When {name} shared something hard (once), you answered within a day{timing}{support}.",
    False: "When {name} shared something hard (once), no answer from you came within a day.",
}
# Something hard shared twice: said as what happened (by how many were answered).
EVIDENCE_DEPTH_TWICE_THEIRS: Final[dict[int, str]] = {
    0: "When you shared something hard (twice), no answer from {name} came within a day.",
    1: "When you shared something hard (twice), {name} answered within a day once"
    "{timing}{support}.",
    2: "When you shared something hard (twice), {name} answered within a day both times"
    "{timing}{support}.",
}
EVIDENCE_DEPTH_TWICE_MINE: Final[dict[int, str]] = {
    0: "When {name} shared something hard (twice), no answer from you came within a day.",
    1: "When {name} shared something hard (twice), you answered within a day once"
    "{timing}{support}.",
    2: "When {name} shared something hard (twice), you answered within a day both times"
    "{timing}{support}.",
}
# How many of the answers (one or two) read as support, by (answers, supportive).
EVIDENCE_DEPTH_FEW_SUPPORT: Final[dict[tuple[int, int], str]] = {
    (1, 0): "; the answer did not read as support",
    (2, 0): "; neither answer read as support",
    (1, 1): "; the answer read as support",
    (2, 1): "; one of the answers read as support",
    (2, 2): "; both answers read as support",
}
EVIDENCE_SHARED_TIMES: Final[dict[bool, str]] = {True: "once", False: "{count} times"}
# The answerer's own usual reply to anything, by whether the answerer is you.
EVIDENCE_DEPTH_TIMING: Final[dict[bool, str]] = {
    True: ", after about {reply} (your usual reply: about {usual})",
    False: ", after about {reply} (their usual reply: about {usual})",
}
EVIDENCE_DEPTH_SUPPORT: Final = "; the answers read as support {share} (usually {usual})"
EVIDENCE_SEASONS: Final = "Seasons in this period: {seasons}."
EVIDENCE_SEASON_ITEM: Final = "{owner} ({kind}, {start} to {end})"
EVIDENCE_SEASON_ONGOING: Final = "ongoing"
# The audit's own scale beside the chats' shares, so the two are not read as one.
EVIDENCE_FELT: Final = "How your audit of {date} felt (1 one-way to 5 mutual): {ratings}."
EVIDENCE_FELT_ITEM: Final = "{dimension} {score}"
EVIDENCE_FELT_LEANING: Final = "{dimension} {score}, {lean}"
EVIDENCE_FELT_NONE: Final = "no recent example"
EVIDENCE_REMEMBERED: Final = "{label} ({day}): {who}."
EVIDENCE_REMEMBERED_WHO: Final[dict[str, str]] = {
    "both": "you both wrote",
    "me": "you wrote",
    "them": "{name} wrote",
    "neither": "neither of you wrote that day",
}
EVIDENCE_CRISIS_TITLE: Final = "Crisis response \u2014 presence in difficult stretches"
EVIDENCE_CRISIS_THEM: Final = (
    "In {season}: {name} was in touch on {share} of its {days} days, against {usual} of "
    "ordinary days."
)
EVIDENCE_CRISIS_ME: Final = (
    "In {season}: you were in touch on {share} of its {days} days, against {usual} of "
    "ordinary days."
)
EVIDENCE_CRISIS_NONE: Final = (
    "No season overlaps the imported chat. Mark difficult stretches as seasons to see "
    "presence in them: reciprocity season add {arg} ..."
)
EVIDENCE_CANDIDATES_TITLE: Final = "Stretches where distress shows (not marked as seasons)"
EVIDENCE_CANDIDATE: Final = (
    "{owner} messages often read as distress from {start} to {end}. If it was a hard "
    "stretch, you can mark it: reciprocity season add {arg} --whose {whose} --kind other "
    "--from {start} --to {end}"
)
EVIDENCE_CANDIDATE_OWNER: Final[dict[str, str]] = {"me": "Your", "them": "{name}'s"}
EVIDENCE_CAUTION: Final = (
    "These are patterns in messages, not a verdict: chats miss calls and time together, "
    "and one side writing more for a while is what seasons are for. More in docs/evidence.md."
)
EVIDENCE_DURATION: Final[dict[str, str]] = {
    "minutes": "{n} min",
    "hours": "{h} h",
    "hours minutes": "{h} h {m} min",
    "day": "1 day",
    "days": "{d} days",
    "day hours": "1 day {h} h",
    "days hours": "{d} days {h} h",
}
