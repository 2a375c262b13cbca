"""Android texts saved by SMS Backup & Restore (``sms-<date>.xml``): SMS and MMS, streamed.

The app writes ``<smses><sms .../><mms ...><parts><part .../></parts><addrs>...</addrs>
</mms></smses>``. We read it with expat's callbacks, not a tree: of the XML, nothing
is kept but the message being read, and expat tells the line each message starts on.
The messages themselves are held until the end and sorted, since the app's order is
not documented (see ``SmsBackupReader.read``).

Two repairs happen on the bytes before expat sees them. The app writes an emoji as
two numeric references to UTF-16 surrogates (``&#55357;&#56832;``), which XML
forbids; each such pair becomes the one reference it stands for (``&#128512;``),
and a surrogate left without its partner becomes U+FFFD. Expat 2.4 and later refuse
entity-expansion bombs on their own, and the app never writes a DTD, so a file that
declares entities is refused outright: no defusedxml is needed for that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import from_epoch_ms, head_text, invalid, open_export
from reciprocity.evidence.readers._order import oldest_first

__all__ = ["SmsBackupReader", "repair_surrogate_references"]

_CHUNK = 1 << 16
_REFERENCE = re.compile(rb"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
# The longest surrogate pair written in decimal or hex fits well inside this.
_HOLD_BACK = 40
_RECEIVED, _SENT = "1", "2"
# Names the app writes when the phone has no contact for the number.
_NO_NAME = frozenset({"", "null", "(Unknown)"})
# MMS parts that are the envelope, not something sent.
_NOT_MEDIA = frozenset({"text/plain", "application/smil"})
_MMS_FROM = "137"


def repair_surrogate_references(data: bytes) -> bytes:
    """Join ``&#55357;&#56832;`` pairs into ``&#128512;``; a lone surrogate becomes U+FFFD."""
    out: list[bytes] = []
    done = 0
    found = list(_REFERENCE.finditer(data))
    skip_next = False
    for index, match in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        value = _value(match)
        if not 0xD800 <= value <= 0xDFFF:
            continue
        out.append(data[done : match.start()])
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            value <= 0xDBFF
            and following is not None
            and following.start() == match.end()
            and 0xDC00 <= _value(following) <= 0xDFFF
        ):
            joined = 0x10000 + ((value - 0xD800) << 10) + (_value(following) - 0xDC00)
            out.append(b"&#%d;" % joined)
            done = following.end()
            skip_next = True
        else:
            out.append(b"&#65533;")
            done = match.end()
    out.append(data[done:])
    return b"".join(out)


def _value(match: re.Match[bytes]) -> int:
    decimal, hexadecimal = match.groups()
    return int(decimal) if decimal is not None else int(hexadecimal, 16)


class _EntityDeclaredError(Exception):
    """Raised from inside expat's callbacks to stop at a declared entity."""


class SmsBackupReader:
    """SMS Backup & Restore's XML: received and sent SMS and MMS, per conversation."""

    name = "sms-backup"
    label = messages.LABEL_SMS_BACKUP

    def sniff(self, path: Path, head: bytes) -> bool:
        """An XML file whose root is ``<smses``."""
        text = head_text(head).lstrip()
        return text.startswith("<") and re.search(r"<smses[\s>]", text) is not None

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Received and sent messages, oldest first; drafts and failed sends are skipped.

        The app does not say in what order it writes a backup, and it gathers SMS and
        MMS from the phone's two separate stores, so the whole file is read before the
        first message is given, and sorted by time. Memory grows with the backup's
        messages (bare ``ChatMessage`` tuples); a backup is one phone's texts.

        Raises:
            InvalidFileError: The XML is broken (with its line), is not a backup, or a
                message has no readable date.
        """
        with open_export(path) as handle:
            held = list(_Parse(path, self.label).messages(handle))
        yield from oldest_first(held)


class _Parse:
    """One pass of expat over a backup, collecting messages as their elements end."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label
        self.ready: list[ChatMessage] = []
        self.depth = 0
        self.root_seen = False
        self.mms: dict[str, str] | None = None
        self.mms_line = 0
        self.texts: list[str] = []
        self.media = False
        self.sender_address = ""
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.EntityDeclHandler = self._entity

    def messages(self, handle: BinaryIO) -> Iterator[ChatMessage]:
        pending = b""
        try:
            while chunk := handle.read(_CHUNK):
                data = pending + chunk
                # Keep a possibly split reference (or half a pair) for the next chunk.
                cut = data.find(b"&", max(0, len(data) - _HOLD_BACK))
                ready, pending = (data, b"") if cut < 0 else (data[:cut], data[cut:])
                self.parser.Parse(repair_surrogate_references(ready), False)
                yield from self._drain()
            self.parser.Parse(repair_surrogate_references(pending), True)
            yield from self._drain()
        except expat.ExpatError as error:
            detail = expat.ErrorString(error.code) if error.code else str(error)
            raise invalid(
                self.path, messages.ERR_XML_BROKEN.format(detail=detail), line=error.lineno
            ) from None
        except _EntityDeclaredError:
            raise invalid(
                self.path,
                messages.ERR_XML_BROKEN.format(detail="it declares entities"),
                line=self.parser.CurrentLineNumber,
            ) from None
        if not self.root_seen:
            raise invalid(self.path, messages.ERR_XML_NOT_BACKUP)

    def _drain(self) -> Iterator[ChatMessage]:
        ready, self.ready = self.ready, []
        yield from ready

    def _entity(self, *_: object) -> None:
        raise _EntityDeclaredError

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        line = self.parser.CurrentLineNumber
        if self.depth == 1:
            if tag != "smses":
                raise invalid(self.path, messages.ERR_XML_NOT_BACKUP, line=line)
            self.root_seen = True
        elif self.depth == 2 and tag == "sms":
            self._sms(attributes, line)
        elif self.depth == 2 and tag == "mms":
            self.mms, self.mms_line = attributes, line
            self.texts, self.media, self.sender_address = [], False, ""
        elif self.mms is not None and tag == "part":
            kind = attributes.get("ct", "")
            if kind == "text/plain":
                self.texts.append(attributes.get("text", ""))
            elif kind not in _NOT_MEDIA:
                self.media = True
        elif self.mms is not None and tag == "addr" and attributes.get("type") == _MMS_FROM:
            self.sender_address = attributes.get("address", "")

    def _end(self, tag: str) -> None:
        self.depth -= 1
        if self.depth == 1 and tag == "mms" and self.mms is not None:
            self._finish_mms(self.mms, self.mms_line)
            self.mms = None

    def _sms(self, attributes: dict[str, str], line: int) -> None:
        kind = attributes.get("type")
        if kind not in (_RECEIVED, _SENT):
            return
        chat = _conversation(attributes)
        self.ready.append(
            ChatMessage(
                at=self._at(attributes, line),
                sender=chat if kind == _RECEIVED else messages.SENDER_ME,
                text=attributes.get("body", ""),
                chat=chat,
                line=line,
            )
        )

    def _finish_mms(self, attributes: dict[str, str], line: int) -> None:
        box = attributes.get("msg_box")
        if box not in (_RECEIVED, _SENT):
            return
        chat = _conversation(attributes)
        group = "~" in attributes.get("address", "")
        # In a group the contact name lists everyone; the sender is the "from" address.
        sender = self.sender_address if group and self.sender_address else chat
        self.ready.append(
            ChatMessage(
                at=self._at(attributes, line),
                sender=sender if box == _RECEIVED else messages.SENDER_ME,
                text="\n".join(self.texts),
                media=self.media,
                chat=chat,
                line=line,
            )
        )

    def _at(self, attributes: dict[str, str], line: int) -> datetime:
        if "date" not in attributes:
            raise invalid(
                self.path,
                messages.ERR_FIELD_MISSING.format(field="date", label=self.label),
                line=line,
            )
        return from_epoch_ms(self.path, attributes["date"], field="date", line=line)


def _conversation(attributes: dict[str, str]) -> str:
    name = attributes.get("contact_name", "")
    return name if name not in _NO_NAME else attributes.get("address", "")
