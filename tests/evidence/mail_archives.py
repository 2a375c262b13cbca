"""Mbox archives built the way Thunderbird and Gmail Takeout write them, byte for byte.

Thunderbird keeps a folder as one mbox file: a ``From - <asctime>`` separator, its own
``X-Mozilla-*`` headers first, the mail as it came (LF line ends on Linux), body lines
starting "From " escaped as ">From ", a blank line after each mail. Gmail Takeout
writes ``From <thread id>@xxx <asctime with zone>`` separators, ``X-GM-THRID`` and
``X-Gmail-Labels`` first, CRLF line ends, and escapes the mboxrd way (">From " becomes
">>From "). Gmail's own mails are multipart/alternative (plain and HTML, quoted-
printable) and put attachments beside them in a multipart/mixed.
"""

from __future__ import annotations

import base64
import quopri
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ALEX = "Alex Doe <alex@example.org>"
SAM = "Sam Taylor <sam@example.org>"
ROBIN = "Robin Grey <robin@work.example>"
JO = "Jo Park <jo@example.net>"


@dataclass(frozen=True)
class Mail:
    """One mail as its writer sent it."""

    at: datetime
    sender: str
    to: Sequence[str]
    text: str
    cc: Sequence[str] = ()
    bcc: Sequence[str] = ()  # kept in the sender's own copy only
    subject: str = "Re: this weekend"
    photo: bytes | None = None


def _word(text: str, *, b: bool) -> str:
    """Text as an RFC 2047 encoded word when not ASCII: Gmail's are B, Thunderbird's Q."""
    if text.isascii():
        return text
    data = text.encode()
    if b:
        return f"=?UTF-8?B?{base64.b64encode(data).decode()}?="
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/"
    quoted = "".join(chr(c) if c in safe else "_" if c == 0x20 else f"={c:02x}" for c in data)
    return f"=?UTF-8?Q?{quoted}?="


def _address(value: str, *, b: bool) -> str:
    name, _, address = value.rpartition(" <")
    return f"{_word(name, b=b)} <{address}" if name else value


def _addresses(field: str, values: Sequence[str], *, b: bool) -> list[str]:
    """An address header folded one address a line, as both writers fold long lists."""
    if not values:
        return []
    parts = [_address(value, b=b) for value in values]
    return [f"{field}: {parts[0]}" + ("," if len(parts) > 1 else "")] + [
        f" {part}" + ("," if index < len(parts) - 1 else "")
        for index, part in enumerate(parts[1:], start=1)
    ]


def _asctime(at: datetime) -> str:
    return at.strftime("%a %b %d %H:%M:%S")


def _escaped_mboxo(lines: list[str]) -> list[str]:
    """Thunderbird's escaping: a line starting "From " gets a ">"."""
    return [">" + line if line.startswith("From ") else line for line in lines]


def _escaped_mboxrd(lines: list[str]) -> list[str]:
    """Gmail's: any number of ">" before "From " gets one more, so it can be undone."""
    return [">" + line if re.match(r">*From ", line) else line for line in lines]


def thunderbird(path: Path, mails: Sequence[Mail]) -> Path:
    """A Thunderbird folder file (``Local Folders/Sam``), mails in the order given."""
    written: list[str] = []
    for number, mail in enumerate(mails, start=1):
        separator = f"From - {_asctime(mail.at.astimezone(UTC))} {mail.at.year}"
        lines: list[str] = [
            "X-Mozilla-Status: 0001",
            "X-Mozilla-Status2: 00000000",
            "X-Mozilla-Keys:" + " " * 80,
            f"Message-ID: <{number:08x}-tb@example.org>",
            f"Date: {format_datetime(mail.at)}",
            "MIME-Version: 1.0",
            "User-Agent: Mozilla Thunderbird",
            "Content-Language: en-GB",
            *_addresses("To", mail.to, b=False),
            *_addresses("Cc", mail.cc, b=False),
            *_addresses("Bcc", mail.bcc, b=False),
            f"From: {_address(mail.sender, b=False)}",
            f"Subject: {_word(mail.subject, b=False)}",
        ]
        body = mail.text.split("\n")
        plain = ["Content-Type: text/plain; charset=UTF-8; format=flowed"]
        plain.append("Content-Transfer-Encoding: 8bit")
        if mail.photo is None:
            lines += [*plain, "", *body]
        else:
            boundary = f"------------tb{number:022d}"
            lines += [
                f'Content-Type: multipart/mixed; boundary="{boundary}"',
                "",
                "This is a multi-part message in MIME format.",
                f"--{boundary}",
                *plain,
                "",
                *body,
                f"--{boundary}",
                'Content-Type: image/jpeg; name="photo.jpg"',
                'Content-Disposition: attachment; filename="photo.jpg"',
                "Content-Transfer-Encoding: base64",
                "",
                *base64.encodebytes(mail.photo).decode().splitlines(),
                "",
                f"--{boundary}--",
            ]
        # The blank line after each mail.
        written += [separator, *_escaped_mboxo(lines), ""]
    path.write_bytes(("\n".join(written) + "\n").encode("utf-8"))
    return path


def gmail_takeout(path: Path, mails: Sequence[Mail], *, account: str = ALEX) -> Path:
    """A Takeout ``All mail Including Spam and Trash.mbox``, mails in the order given."""
    own = account.rpartition("<")[2].rstrip(">")
    written: list[str] = []
    for number, mail in enumerate(mails, start=1):
        thread = 1788093373419874000 + number
        sent = own in mail.sender
        labels = "Sent" if sent else "Inbox,Opened,Category Personal"
        separator = f"From {thread}@xxx {_asctime(mail.at.astimezone(UTC))} +0000 {mail.at.year}"
        lines: list[str] = [
            f"X-GM-THRID: {thread}",
            f"X-Gmail-Labels: {labels}",
        ]
        if not sent:
            lines += [
                f"Delivered-To: {own}",
                "Received: by 2002:a05:7300:5b8d:b0:f2:1e0c:1a2b with SMTP id r13csp1234567dyb;",
                f"        {format_datetime(mail.at)}",
            ]
        boundary = f"000000000000{number:016x}"
        lines += [
            "MIME-Version: 1.0",
            f"From: {_address(mail.sender, b=True)}",
            f"Date: {format_datetime(mail.at)}",
            f"Message-ID: <CAB{number:020d}@mail.gmail.com>",
            f"Subject: {_word(mail.subject, b=True)}",
            *_addresses("To", mail.to, b=True),
            *_addresses("Cc", mail.cc, b=True),
            *_addresses("Bcc", mail.bcc, b=True),
        ]
        plain = quopri.encodestring(mail.text.encode()).decode()
        html = quopri.encodestring(f'<div dir="ltr">{mail.text}</div>'.encode()).decode()
        alternative = [
            f'Content-Type: multipart/alternative; boundary="{boundary}"',
            "",
            f"--{boundary}",
            'Content-Type: text/plain; charset="UTF-8"',
            "Content-Transfer-Encoding: quoted-printable",
            "",
            *plain.split("\n"),
            f"--{boundary}",
            'Content-Type: text/html; charset="UTF-8"',
            "Content-Transfer-Encoding: quoted-printable",
            "",
            *html.split("\n"),
            f"--{boundary}--",
        ]
        if mail.photo is None:
            lines += alternative
        else:
            mixed = f"000000000000{number + 1000:016x}"
            lines += [
                f'Content-Type: multipart/mixed; boundary="{mixed}"',
                "",
                f"--{mixed}",
                *alternative,
                f"--{mixed}",
                'Content-Type: image/jpeg; name="photo.jpg"',
                'Content-Disposition: attachment; filename="photo.jpg"',
                "Content-Transfer-Encoding: base64",
                f"Content-ID: <f_lr{number:08d}>",
                f"X-Attachment-Id: f_lr{number:08d}",
                "",
                *base64.encodebytes(mail.photo).decode().splitlines(),
                f"--{mixed}--",
            ]
        written += [separator, *_escaped_mboxrd(lines), ""]
    path.write_bytes(("\r\n".join(written) + "\r\n").encode("utf-8"))
    return path
