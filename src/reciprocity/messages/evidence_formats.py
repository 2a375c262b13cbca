"""Chat export formats: what a person reads when one of their exports cannot be read."""

from __future__ import annotations

from typing import Final

# --- Labels (how each format is named in sentences) ---------------------------------------

LABEL_TELEGRAM: Final = "a Telegram Desktop export (result.json)"
LABEL_SIGNAL_MARKDOWN: Final = "a Signal chat exported by signal-export (chat.md)"
LABEL_SIGNAL_JSON: Final = "a Signal chat exported by signal-export (data.json)"
LABEL_MESSENGER: Final = "a Facebook Messenger or Instagram chat (message_1.json)"
LABEL_IMESSAGE: Final = "the Messages database of a Mac (chat.db)"
LABEL_DISCORD_JSON: Final = "a Discord chat exported by DiscordChatExporter (JSON)"
LABEL_DISCORD_CSV: Final = "a Discord chat exported by DiscordChatExporter (CSV)"
LABEL_SMS_BACKUP: Final = "an SMS Backup & Restore file (sms-….xml)"
LABEL_MBOX: Final = "an mbox mail archive"

# --- Errors (what is wrong with the file, in plain words) ---------------------------------

ERR_EXPORT_UNREADABLE: Final = "this file cannot be opened: {detail}"
ERR_EXPORT_NOT_UTF8: Final = (
    "this part of the file is not readable text (UTF-8 was expected); "
    "was the export saved again by another program?"
)
ERR_JSON_BROKEN: Final = (
    "the JSON stops making sense here ({detail}); the file may be cut short or edited. "
    "Exporting the chat again usually gives a whole file"
)
ERR_JSON_NOT_EXPORT: Final = "this JSON file has no list of messages where {label} keeps them"
ERR_NOT_JSON: Final = "this is not a JSON file, so it is not {label}"
ERR_FIELD_MISSING: Final = "this message has no {field}; {label} writes one for every message"
ERR_FIELD_WRONG: Final = "this message's {field} is {value}, which is not {expected}"
ERR_DATE_UNREADABLE: Final = "the date {value} is not one this export writes ({expected})"
ERR_DATE_NOT_IN_ORDER: Final = (
    "the date {value} is not a real date when read as {order}, the order this file's "
    "other dates are written in"
)
ERR_DATE_NOT_DISCORD_YEAR: Final = (
    "the date {value} is in the year {year}, outside the years of Discord; the exporter may "
    "have written another calendar's years (Thai, Persian or Hijri). Exporting again in "
    "another language, or as JSON, gives dates that can be read"
)
DATE_ORDER_NAMES: Final = {
    "d/m/y": "day/month/year",
    "m/d/y": "month/day/year",
    "y-m-d": "year-month-day",
}
"""How each date order is named in sentences, by ``DateOrder`` value."""
DISCORD_CSV_DATES: Final = (
    "a date and time written in the exporter's language, like 1/12/2024 9:15 AM, "
    "12/01/2024 09:15, 12.01.2024 09:15 or 2024-01-12 09:15"
)
"""What DiscordChatExporter's CSV writes in its Date column, for errors quoting a bad one."""
ERR_LINE_UNREADABLE: Final = (
    "this line does not start like a message of {label} ([date time] name: text)"
)
ERR_CSV_HEADER: Final = "the first line should be the column names {expected}; found {found}"
ERR_CSV_COLUMNS: Final = "this row has {found} columns where the header has {expected}"
ERR_CSV_BROKEN: Final = "this row cannot be read as CSV: {detail}"
ERR_XML_BROKEN: Final = (
    "the XML stops making sense here ({detail}); the backup may be cut short. "
    "Making the backup again usually gives a whole file"
)
ERR_XML_NOT_BACKUP: Final = "this XML file is not an SMS Backup & Restore file (no <smses> list)"
ERR_DATABASE_UNREADABLE: Final = (
    "this Messages database cannot be read ({detail}). Quit Messages, copy "
    "~/Library/Messages/chat.db somewhere else and give that copy"
)
ERR_DATABASE_NOT_MESSAGES: Final = (
    "this SQLite file is not a Messages database: it has no {table} table"
)
ERR_MBOX_NOT_MAIL: Final = "this does not start like a mail in an mbox archive (a 'From ' line)"
ERR_MBOX_NO_PAIRS: Final = (
    "no mail in this file is between two people: its {mails} each went to several people "
    "(or to nobody else), and only an exchange between you and one other is read"
)
ERR_MAIL_NO_SENDER: Final = "this mail has no From header, so who wrote it is unknown"
ERR_MAIL_NO_DATE: Final = "this mail has no Date header, so it cannot be placed in time"
ERR_MAIL_DATE: Final = "this mail's date {value} cannot be read"

# --- Stand-ins (what a reader puts where the export names nobody) -------------------------

SENDER_ME: Final = "me"
"""Who sent a message the export marks as the person's own (iMessage, SMS backups)."""
SENDER_UNKNOWN: Final = "someone unnamed"
"""Who sent a message when the export keeps no name (a deleted account)."""
