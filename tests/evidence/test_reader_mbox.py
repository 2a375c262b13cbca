"""An mbox archive of one correspondence: From, Date, the plain text without quotes."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.mbox import MboxReader

from .support import INSTANTS, SHARED_TMP, read_all, reads_or_rejects, sniffs

READER = MboxReader()
AT = datetime(2024, 1, 12, 9, 15, tzinfo=timezone(timedelta(hours=1)))


def mail(at: datetime, sender: str, text: str, *, attachment: bytes | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Sam <sam@example.org>"
    message["Subject"] = "Re: this weekend"
    message["Date"] = format_datetime(at)
    message.set_content(text)
    if attachment is not None:
        message.add_attachment(attachment, maintype="image", subtype="jpeg", filename="photo.jpg")
    return message


def write_mbox(path: Path, mails: list[EmailMessage]) -> Path:
    """Written by the standard library's mbox writer, as mail programs write them."""
    box = mailbox.mbox(path, create=True)
    try:
        for message in mails:
            box.add(message)
        box.flush()
    finally:
        box.close()
    return path


def test_a_correspondence_with_quotes_and_an_attachment(tmp_path: Path) -> None:
    reply = (
        "Of course, I'd love that.\n\nOn Fri, 12 Jan 2024, Alex wrote:\n"
        "> Could we talk this weekend?\n> It's been a hard week.\n"
    )
    path = write_mbox(
        tmp_path / "alex.mbox",
        [
            mail(AT, "Alex Doe <Alex@Example.org>", "Could we talk this weekend?"),
            mail(AT, '"Sam" <sam@example.org>', reply),
            mail(AT, "sam@example.org", "Here we are 😊", attachment=b"\xff\xd8\xff"),
        ],
    )
    assert sniffs(READER, path)
    read = read_all(READER, path)
    assert [(m.at, m.sender, m.text, m.media, m.chat) for m in read] == [
        (AT, "alex@example.org", "Could we talk this weekend?", False, None),
        (AT, "sam@example.org", "Of course, I'd love that.", False, None),
        (AT, "sam@example.org", "Here we are 😊", True, None),
    ]
    assert read[0].line == 1
    assert all(message.at.tzinfo is not None for message in read)


def test_latin1_and_quoted_printable_bodies_are_decoded(tmp_path: Path) -> None:
    raw = (
        b"From alex@example.org Fri Jan 12 09:15:00 2024\n"
        b"From: =?iso-8859-1?q?Zo=EB?= <zoe@example.org>\n"
        b"Date: Fri, 12 Jan 2024 09:15:00 -0000\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"=C7a va tr=E8s bien\n\n"
        b">From the start I knew.\n\n"
    )
    path = tmp_path / "mail"
    path.write_bytes(raw)
    assert read_all(READER, path) == [
        ChatMessage(
            datetime(2024, 1, 12, 9, 15, tzinfo=UTC),
            "zoe@example.org",
            "Ça va très bien\n\nFrom the start I knew.",
            line=1,
        )
    ]


@SHARED_TMP
@given(
    st.lists(
        st.tuples(
            INSTANTS,
            st.sampled_from(["alex@example.org", "sam@example.org"]),
            st.text(
                st.characters(exclude_categories=["Cs", "Cc"], exclude_characters=">"),
                max_size=80,
            ).map(str.strip),
        ),
        max_size=8,
    )
)
def test_round_trip(tmp_path: Path, sent: list[tuple[datetime, str, str]]) -> None:
    path = tmp_path / "box.mbox"
    path.unlink(missing_ok=True)
    write_mbox(path, [mail(at, sender, text) for at, sender, text in sent])
    if not sent:
        return
    assert [(m.at, m.sender, m.text) for m in read_all(READER, path)] == sent


def test_a_mail_without_a_from_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(
        b"From a@b Fri Jan 12 09:15:00 2024\nFrom: a@b\nDate: Fri, 12 Jan 2024 09:15:00 +0000\n"
        b"\nhi\n\nFrom x@y Fri Jan 12 09:16:00 2024\nSubject: no sender\n\nhello\n"
    )
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].line == 7


def test_a_bad_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(b"From a@b Fri Jan 12 09:15:00 2024\nFrom: a@b\nDate: someday\n\nhi\n")
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].line == 1
    assert raised.value.problems[0].field == "Date"


def test_text_that_is_not_mail_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("From Alex: see you soon\nThanks!\n", encoding="utf-8")
    assert not sniffs(READER, path)


@SHARED_TMP
@given(st.binary(max_size=400))
def test_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(b"From a@b Fri Jan 12 09:15:00 2024\nFrom: a@b\n" + noise)
    reads_or_rejects(READER, path)
    path.write_bytes(b"From a@b Fri Jan 12 09:15:00 2024\nDate: x\n\n\n" + noise)
    reads_or_rejects(READER, path)
