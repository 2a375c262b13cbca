"""Signal chats exported by signal-export (``sigexport``): ``chat.md`` and ``data.json``.

signal-export writes one folder per chat, holding ``chat.md`` (Markdown, one message
per block) and, unless ``--no-json``, ``data.json`` (despite the name, JSON *lines*:
one object per message). A Markdown message is::

    [2024-01-12 09:15:00] Alex: <quote><text>  <![attachment](./media/...)  ...>
    (- Sam: ❤️ -)                      <- reactions, when there are any
    <blank line>

Older versions wrote ``[2019-05-29, 15:04]``. The quoted message a reply shows
(``> ...`` lines), reactions, stickers and attachment links are not the message's
own words: they are removed from the text, and attachments and stickers mark it
as media. Calls ("Missed voice call") and deleted messages are skipped. Times are
the exporting computer's wall clock, so they are read as naive datetimes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import (
    first_json_line,
    head_text,
    invalid,
    open_export_text,
    parsed_date,
    shown,
)

__all__ = ["SignalJsonReader", "SignalMarkdownReader"]

HEADER = re.compile(
    r"^\[(?P<date>\d{4}-\d{2}-\d{2}),? (?P<time>\d{2}:\d{2}(?::\d{2})?)\] "
    r"(?P<sender>[^\n]*?): (?P<rest>.*)$"
)
_ATTACHMENTS = re.compile(r"(?:!?\[[^\[\]\n]*\]\(\./[^)\n]*\)  )+$")
_STICKER = re.compile(r"(?:\n\(\( [^\n]* \)\)|\[[^\[\]\n]*\]\(\.\./[^)\n]*\)  )$")
_REACTIONS = re.compile(r"\n\(- [^\n]* -\)$")
_QUOTE = re.compile(r"^\n\n> [^\n]*(?:\n> [^\n]*)*\n\n")
_CALL = re.compile(r"^(?:Incoming|Outgoing|Missed) (?:\w+ )?call(?: \([^\n]*\))?$")
_DELETED = "(This message was deleted)"
# signal-export ends every body with two spaces, Markdown's line break.
_HARD_BREAK = "  "


def _skipped(text: str) -> bool:
    """Calls and deletions: signal-export writes them as messages, but nobody wrote them."""
    return text == _DELETED or _CALL.match(text) is not None


class SignalMarkdownReader:
    """signal-export's ``chat.md``."""

    name = "signal"
    label = messages.LABEL_SIGNAL_MARKDOWN

    def sniff(self, path: Path, head: bytes) -> bool:
        """A ``.md`` file whose first line is ``[YYYY-MM-DD HH:MM:SS] Name: ``."""
        if path.suffix.lower() != ".md":
            return False
        first = head_text(head).lstrip("\r\n").split("\n", 1)[0].rstrip("\r")
        return HEADER.match(first) is not None

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message in file order, with the line it starts on.

        Lines are split at line feeds only: a carriage return inside a message is its text.

        Raises:
            InvalidFileError: The file does not start with a message or is not UTF-8.
        """
        with open_export_text(path, newline="\n") as handle:
            number = 0
            try:
                start: tuple[int, re.Match[str]] | None = None
                lines: list[str] = []
                for number, raw in enumerate(handle, start=1):
                    line = raw.rstrip("\r\n")
                    header = HEADER.match(line)
                    if header is not None:
                        if start is not None:
                            message = self._message(path, *start, lines)
                            if message is not None:
                                yield message
                        start, lines = (number, header), []
                    elif start is None:
                        if line.strip():
                            raise invalid(
                                path,
                                messages.ERR_LINE_UNREADABLE.format(label=self.label),
                                line=number,
                            )
                    else:
                        lines.append(line)
                if start is not None:
                    message = self._message(path, *start, lines)
                    if message is not None:
                        yield message
            except UnicodeDecodeError:
                raise invalid(path, messages.ERR_EXPORT_NOT_UTF8, line=number + 1) from None

    def _message(
        self, path: Path, number: int, header: re.Match[str], lines: list[str]
    ) -> ChatMessage | None:
        stamp = f"{header['date']} {header['time']}"
        at = parsed_date(
            path, stamp, datetime.fromisoformat, expected="2024-01-12 09:15:00", line=number
        )
        # The block ends with the blank line signal-export puts between messages.
        body = "\n".join([header["rest"], *lines])
        if body.endswith("\n"):
            body = body[:-1]
        text, media = _own_words(body)
        if _skipped(text):
            return None
        return ChatMessage(at=at, sender=header["sender"], text=text, media=media, line=number)


def _own_words(body: str) -> tuple[str, bool]:
    """The text the sender wrote, and whether the message carried media."""
    media = False
    if found := _ATTACHMENTS.search(body):
        body, media = body[: found.start()], True
    if found := _STICKER.search(body):
        body, media = body[: found.start()], True
    if found := _REACTIONS.search(body):
        body = body[: found.start()]
    body = body.removesuffix(_HARD_BREAK)
    if found := _QUOTE.match(body):
        body = body[found.end() :]
    return body, media


class SignalJsonReader:
    """signal-export's ``data.json``: one JSON object per line."""

    name = "signal-json"
    label = messages.LABEL_SIGNAL_JSON

    def sniff(self, path: Path, head: bytes) -> bool:
        """A ``.json``/``.jsonl`` file whose first line is an object with date, sender, body."""
        if path.suffix.lower() not in (".json", ".jsonl"):
            return False
        first = first_json_line(head)
        return first is not None and {"date", "sender", "body"} <= first.keys()

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message in file order, with its line.

        Raises:
            InvalidFileError: A line is not a JSON object of the format.
        """
        with open_export_text(path, newline="\n") as handle:
            number = 0
            try:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    message = self._message(path, number, line)
                    if message is not None:
                        yield message
            except UnicodeDecodeError:
                raise invalid(path, messages.ERR_EXPORT_NOT_UTF8, line=number + 1) from None

    def _message(self, path: Path, number: int, line: str) -> ChatMessage | None:
        try:
            record = json.loads(line)
        except ValueError as error:
            raise invalid(
                path, messages.ERR_JSON_BROKEN.format(detail=str(error)[:120]), line=number
            ) from None
        if not isinstance(record, Mapping):
            raise invalid(
                path,
                messages.ERR_FIELD_WRONG.format(
                    field="line", value=shown(record), expected="a message"
                ),
                line=number,
            )
        if record.get("deleted") is True or record.get("call") is True:
            return None
        text = self._field(path, number, record, "body").removesuffix(_HARD_BREAK)
        if _skipped(text):
            return None
        stamp = self._field(path, number, record, "date")
        at = parsed_date(
            path,
            stamp,
            datetime.fromisoformat,
            expected="2024-01-12T09:15:00",
            line=number,
            field="date",
        )
        return ChatMessage(
            at=at,
            sender=self._field(path, number, record, "sender"),
            text=text,
            media=bool(record.get("attachments")) or bool(record.get("sticker")),
            line=number,
        )

    def _field(self, path: Path, number: int, record: Mapping[str, Any], key: str) -> str:
        value = record.get(key)
        if isinstance(value, str):
            return value
        if key not in record:
            message = messages.ERR_FIELD_MISSING.format(field=key, label=self.label)
        else:
            message = messages.ERR_FIELD_WRONG.format(
                field=key, value=shown(value), expected="text"
            )
        raise invalid(path, message, line=number, field=key)
