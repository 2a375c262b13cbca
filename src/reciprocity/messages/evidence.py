"""Evidence: what the chat readers say about the exports a person gives them."""

from __future__ import annotations

from typing import Final

# --- What each format is called ----------------------------------------------------------

LABEL_WHATSAPP: Final = "a WhatsApp chat export"
LABEL_CSV: Final = "a CSV file of messages"

# --- Reading a file ----------------------------------------------------------------------

ERR_NOT_UTF8: Final = (
    "this line is not readable text (UTF-8): the file may have been saved again in another "
    "encoding by some program, or cut short or damaged on the way. Exporting it again from "
    "the app usually helps"
)

# --- WhatsApp ----------------------------------------------------------------------------

ERR_WHATSAPP_NOT_A_CHAT: Final = (
    "this does not look like a WhatsApp chat export: a message starts with its date and "
    "time, like '12/01/2024, 09:15 - Sam: hello' or '[12/01/2024, 09:15:03] Sam: hello'"
)
ERR_WHATSAPP_ZIP_DAMAGED: Final = (
    "the zip file is incomplete or damaged ({detail}); exporting the chat again, or "
    "copying the file again, usually helps"
)
ERR_WHATSAPP_ZIP_NO_CHAT: Final = (
    "this zip holds no WhatsApp chat: there is no _chat.txt or 'WhatsApp Chat with ….txt' "
    "inside. Export the chat from WhatsApp and give the zip it makes, or the .txt in it"
)

# --- CSV ---------------------------------------------------------------------------------

ERR_CSV_EMPTY: Final = (
    "the file is empty; a CSV of messages starts with a header row naming its columns, "
    "like 'timestamp,sender,text'"
)
ERR_CSV_MISSING_COLUMN: Final = (
    "no {role} column; the header has {columns}. Say which column holds the {role} "
    "with a column mapping ({role}=NAME)"
)
ERR_CSV_UNKNOWN_COLUMN: Final = "there is no column called {name!r}; the header has {columns}"
ERR_CSV_BAD_TIMESTAMP: Final = (
    "{value!r} is not a date and time; use ISO 8601 (2024-01-12T09:15:00, with or "
    "without an offset like +01:00) or Unix seconds (1705050900)"
)
ERR_CSV_SHORT_ROW: Final = "this row has {found} columns, but the header has {expected}"
ERR_CSV_EMPTY_SENDER: Final = "the sender is empty; each message needs who sent it"
ERR_CSV_UNREADABLE_LINE: Final = "this line cannot be read as CSV ({detail})"
