"""The language signals: their names, the command's help, and what it says about input."""

from __future__ import annotations

from typing import Final

# --- Help ---------------------------------------------------------------------------------
HELP_CMD_SIGNALS: Final = (
    "Read language signals in chat messages: disclosure, support, shallow replies, "
    "check-ins, thanks and distress."
    "\n\n"
    "Offline and in English only. Evidence for a pattern over many messages, not a "
    "verdict on one message or on anyone (docs/signals.md)."
)
HELP_CMD_SIGNALS_CLASSIFY: Final = (
    "Read the signals of each line of a file, or of standard input."
    "\n\n"
    "One message a line; each line gets the signals it shows, with how confident the "
    "reading is (0 to 1)."
)
HELP_SIGNALS_FILE: Final = "A UTF-8 text file, one message a line (standard input if left out)."

# --- Names, as a person reads them ----------------------------------------------------
SIGNAL_NAMES: Final[dict[str, str]] = {
    "disclosure": "disclosure",
    "support": "support",
    "shallow": "shallow reply",
    "check_in": "check-in",
    "gratitude": "thanks",
    "distress": "distress",
}
SIGNAL_KIND_NAMES: Final[dict[str, str]] = {
    "emotional": "emotional",
    "informational": "informational",
    "practical": "practical",
}

# --- Output ---------------------------------------------------------------------------
SIGNALS_NONE: Final = "no signal"
SIGNALS_NOT_READ: Final = "not read: only English is supported so far"
SIGNALS_TYPE_HINT: Final = "Type or paste messages, one a line; press Ctrl-D when done."
SIGNALS_NOTHING_TO_READ: Final = "There were no messages to read: give one message a line."
SIGNALS_EMPTY_SKIPPED: Final = "Left out {lines}."
SIGNALS_LONG_LINE: Final = (
    "line {line} is long ({length:,} characters): only its first {limit:,} were read."
)
SIGNALS_LONG_LINES: Final = (
    "{count} lines were longer than {limit:,} characters: only the start of each was read."
)
SIGNALS_CAUTION: Final = (
    "These readings come from small models and rules: useful across many messages and "
    "weeks, easily wrong about any single one."
)

# --- Input that cannot be read --------------------------------------------------------
ERR_SIGNALS_BINARY: Final = (
    "this looks like binary data, not text: give a UTF-8 text file with one message a line"
)
ERR_SIGNALS_NOT_UTF8: Final = "not UTF-8 text (save the file as UTF-8 and try again)"
ERR_SIGNALS_MORE_LINES: Final = "and {lines} more like these"
