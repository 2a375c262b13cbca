"""Mail between the person and one other, as an mbox archive (Thunderbird, Gmail Takeout).

We split the archive ourselves rather than through ``mailbox.mbox``: one pass that
keeps only the current raw mail in memory and knows the line each mail starts on, where
``mailbox`` first indexes the whole file and then seeks back to each mail. A mail
starts at a ``From `` line that opens the file or follows a blank line, which is how
mbox writers separate mails; a body line "From ..." mid-paragraph does not split.

A mail's people are its From address and the addresses it went to (To, Cc, Bcc),
lower-cased, each once. Only a mail between exactly two people is an exchange between
two: it belongs to the conversation of that pair, named by the two addresses in
alphabetical order ("alex@example.org and sam@example.org"). A mail among three or more
(or to nobody else) is left out. When the archive holds one pair only, its mails name
no conversation, so nobody has to choose one.

Archives are not in date order (Gmail Takeout's are not; Thunderbird keeps mail in the
order it arrived or was moved), while the import reads a conversation oldest first.
So the mails are given oldest first, mails of the same instant in file order, after
the whole file is read: until then each kept mail's facts are held (time, sender,
text, media, conversation, line; never the raw mail). That is a few megabytes for
years of one correspondence, and grows with the text of every mail between two in
a whole-account archive.

The sender is the From address (the display name can change between mails, the
address does not); the time is the Date header, timezone-aware. The text is the
first text/plain part, without the quoted reply (``>`` lines and the "On ... wrote:"
line before them); a mail with attachments counts as media.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.errors import MessageError
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import head_text, invalid, open_export, shown
from reciprocity.evidence.readers._order import oldest_first

__all__ = ["MboxReader"]

_SEPARATOR = re.compile(rb"^From \S*")
_HEADER_LINE = re.compile(r"^[!-9;-~]+:")
_ESCAPED_FROM = re.compile(r"^>+From ")
# Bcc too: a mail also sent to a third person, unseen, was not between two.
_RECIPIENT_HEADERS = ("To", "Cc", "Bcc")
_ATTRIBUTION = re.compile(r"wrote:\s*$|schrieb:\s*$|a écrit\s*:\s*$")


class MboxReader:
    """An mbox archive of one correspondence."""

    name = "mbox"
    label = messages.LABEL_MBOX

    def sniff(self, path: Path, head: bytes) -> bool:
        """A ``From `` separator line followed by a mail header line."""
        lines = head_text(head).split("\n", 2)
        return (
            len(lines) >= 2
            and _SEPARATOR.match(lines[0].encode()) is not None
            and _HEADER_LINE.match(lines[1]) is not None
        )

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every mail between two people, oldest first, each with its ``From `` line.

        Raises:
            InvalidFileError: The file does not start with a mail, a mail has no From,
                a mail between two has no readable Date, or no mail is between two.
        """
        kept: list[ChatMessage] = []
        chats: dict[frozenset[str], str] = {}
        left_out = 0
        for line, raw in self._mails(path):
            message = self._message(path, line, raw, chats)
            if message is not None:
                kept.append(message)
            else:
                left_out += 1
        if not kept and left_out:
            # Otherwise "only one person writes in this chat ()": say why nothing is left.
            text = messages.ERR_MBOX_NO_PAIRS.format(mails=messages.counted(left_out, "mail"))
            raise invalid(path, text)
        oldest_first(kept, newest_first=False)  # the same instant stays in file order
        one_pair = len(chats) == 1
        for message in kept:
            yield message._replace(chat=None) if one_pair else message

    def _mails(self, path: Path) -> Iterator[tuple[int, list[bytes]]]:
        with open_export(path) as handle:
            start, blank_before = 0, True
            lines: list[bytes] = []
            for number, line in enumerate(handle, start=1):
                if blank_before and _SEPARATOR.match(line):
                    if start:
                        yield start, lines
                    start, lines = number, [line]
                elif not start:
                    if line.strip():
                        raise invalid(path, messages.ERR_MBOX_NOT_MAIL, line=number)
                else:
                    lines.append(line)
                blank_before = not line.strip()
            if start:
                yield start, lines
            else:
                raise invalid(path, messages.ERR_MBOX_NOT_MAIL, line=1)

    def _message(
        self, path: Path, line: int, raw: list[bytes], chats: dict[frozenset[str], str]
    ) -> ChatMessage | None:
        """The mail as a message of its pair's conversation; None when not between two.

        ``chats`` gathers each pair met with its conversation's name (one string for
        all the pair's mails).
        """
        # Writers leave the blank separator line at the end of the mail before.
        mail = message_from_bytes(b"".join(raw[1:]).rstrip(b"\r\n") + b"\n")
        sender = _sender(mail.get("From", ""))
        if not sender:
            raise invalid(path, messages.ERR_MAIL_NO_SENDER, line=line)
        pair = frozenset({sender, *_recipients(mail)})
        if len(pair) != 2:
            # Among three or more, or to nobody else: not an exchange between two. Its
            # date and body are not read, so a broken one does not stop the import.
            return None
        chat = chats.get(pair)
        if chat is None:
            chat = chats[pair] = " and ".join(sorted(pair))
        text, media = _body(mail)
        return ChatMessage(
            at=self._at(path, line, mail.get("Date"), raw[0]),
            sender=sender,
            text=text,
            media=media,
            chat=chat,
            line=line,
        )

    def _at(self, path: Path, line: int, header: str | None, separator: bytes) -> datetime:
        # Without a Date header, the separator's own timestamp (mbox writers add one).
        value = str(header) if header else separator.decode("latin-1").split(" ", 2)[-1]
        try:
            at = parsedate_to_datetime(value.strip())
        except (ValueError, TypeError, IndexError):
            if header is None:
                raise invalid(path, messages.ERR_MAIL_NO_DATE, line=line) from None
            raise invalid(
                path, messages.ERR_MAIL_DATE.format(value=shown(value)), line=line, field="Date"
            ) from None
        # "-0000" means "zone unknown"; the instant is still given in UTC.
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _recipients(mail: Message) -> set[str]:
    """The addresses a mail went to, lower-cased (group names and empty entries aside)."""
    values = [str(value) for name in _RECIPIENT_HEADERS for value in mail.get_all(name, [])]
    return {address.lower() for _, address in getaddresses(values) if address}


def _sender(header: object) -> str:
    name, address = parseaddr(str(header))
    if address:
        return address.lower()
    try:
        return str(make_header(decode_header(name))).strip()
    except (MessageError, UnicodeError, LookupError):
        return name.strip()


def _body(mail: Message) -> tuple[str, bool]:
    text: str | None = None
    media = False
    for part in mail.walk():
        if part.is_multipart():
            continue
        attached = part.get_content_disposition() == "attachment"
        if not attached and part.get_content_type() == "text/plain" and text is None:
            text = _decoded(part)
        elif attached or part.get_content_maintype() != "text":
            media = True
    return _without_quotes(text or ""), media


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        # A charset Python does not know: UTF-8 is the likeliest truth today.
        return payload.decode("utf-8", errors="replace")


def _without_quotes(text: str) -> str:
    """The new words of a reply: quoted lines and the attribution line before them go."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        # mbox writers escape a body line starting "From " as ">From ": not a quote.
        if _ESCAPED_FROM.match(line):
            kept.append(line[1:])
            continue
        if line.startswith(">"):
            continue
        if _ATTRIBUTION.search(line):
            following = next((later for later in lines[index + 1 :] if later.strip()), "")
            if following.startswith(">"):
                continue
        kept.append(line)
    return "\n".join(kept).strip()
