"""An mbox archive: mail between two, oldest first; From, Date, the plain text without quotes."""

from __future__ import annotations

import json
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
from tests.conftest import Cli

from .mail_archives import ALEX, JO, ROBIN, SAM, Mail, gmail_takeout, thunderbird
from .support import INSTANTS, SHARED_TMP, read_all, reads_or_rejects, sniffs

READER = MboxReader()
AT = datetime(2024, 1, 12, 9, 15, tzinfo=timezone(timedelta(hours=1)))


def mail(
    at: datetime, sender: str, text: str, *, attachment: bytes | None = None, to: str = ""
) -> EmailMessage:
    """A mail between Alex and Sam (to the other of the two, unless ``to`` says)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to or (ALEX if "sam@" in sender.lower() else SAM)
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
        b"To: sam@example.org\n"
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
    read = read_all(READER, path)
    assert [(m.at, m.sender, m.text) for m in read] == sorted(sent, key=lambda m: m[0])
    assert all(m.chat is None for m in read)  # one pair: no conversation to choose


PEOPLE = ("alex@example.org", "sam@example.org", "robin@work.example")


@SHARED_TMP
@given(
    st.lists(
        st.tuples(
            INSTANTS,
            st.sampled_from(PEOPLE),
            st.lists(st.sampled_from([*PEOPLE, "Alex@Example.org"]), min_size=1, max_size=3),
        ),
        max_size=8,
    )
)
def test_only_mail_between_two_is_read_each_in_its_pair_s_conversation(
    tmp_path: Path, sent: list[tuple[datetime, str, list[str]]]
) -> None:
    path = tmp_path / "box.mbox"
    path.unlink(missing_ok=True)
    mails = [mail(at, sender, str(n), to=", ".join(to)) for n, (at, sender, to) in enumerate(sent)]
    write_mbox(path, mails)
    if not sent:
        return
    between_two = [
        (at, sender, str(n), " and ".join(sorted(people)))
        for n, (at, sender, to) in enumerate(sent)
        if len(people := {sender, *(address.lower() for address in to)}) == 2
    ]
    pairs = {chat for *_, chat in between_two}
    expected = [
        (at, sender, text, chat if len(pairs) > 1 else None)
        for at, sender, text, chat in sorted(between_two, key=lambda m: m[0])
    ]
    if not expected:  # every mail among three or more (or to nobody else): said so
        with pytest.raises(InvalidFileError, match="no mail in this file is between two"):
            list(READER.read(path))
        return
    assert [(m.at, m.sender, m.text, m.chat) for m in read_all(READER, path)] == expected


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
    path.write_bytes(
        b"From a@b Fri Jan 12 09:15:00 2024\nFrom: a@b\nTo: c@d\nDate: someday\n\nhi\n"
    )
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].line == 1
    assert raised.value.problems[0].field == "Date"
    assert str(raised.value) == f"{path}:1: Date: this mail's date 'someday' cannot be read"


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
    path.write_bytes(b"From a@b Fri Jan 12 09:15:00 2024\nFrom: a@b\nTo: c@d\n" + noise)
    reads_or_rejects(READER, path)


def at(day: int, hour: int, minute: int = 0, offset: int = 0) -> datetime:
    return datetime(2024, 1, day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


SAMS_REPLY = (
    "Of course, I'd love that. Saturday morning, at the café by the river, around ten?\n"
    "From the start of this week I thought you sounded tired.\n\n"
    "On 12/01/2024 09:15, Alex Doe wrote:\n"
    "> Could we talk this weekend? It's been a hard week.\n"
)

# A folder of Alex's in Thunderbird, mails in the order they were moved there.
THUNDERBIRD = [
    Mail(at(14, 10), "Zoë Sam Taylor <Sam@Example.org>", [ALEX], "Here we are 😊", photo=b"\xff"),
    Mail(at(12, 9, 15, 1), ALEX, [SAM], "Could we talk this weekend? It's been a hard week."),
    Mail(at(13, 8), ALEX, [SAM], "Jo, Sam: dinner on Friday?", cc=[JO]),
    Mail(at(12, 20, 0, -5), SAM, [ALEX, SAM], SAMS_REPLY, cc=['"Doe, Alex" <ALEX@example.org>']),
]
THUNDERBIRD_READ = [  # oldest first; the mail with Jo is not between two
    (at(12, 9, 15, 1), "alex@example.org", "Could we talk this weekend? It's been a hard week."),
    (
        at(12, 20, 0, -5),
        "sam@example.org",
        "Of course, I'd love that. Saturday morning, at the café by the river, around ten?\n"
        "From the start of this week I thought you sounded tired.",
    ),
    (at(14, 10), "sam@example.org", "Here we are 😊"),
]

# Alex's whole Gmail account from Takeout, mails by thread, not by date.
TAKEOUT = [
    Mail(at(12, 9, 15, 1), ALEX, [SAM], "Could we talk this weekend? It's been a hard week."),
    Mail(at(13, 7, 30), SAM, [ALEX], SAMS_REPLY, subject="Re: this weekend ☕"),
    Mail(at(11, 18), ALEX, [ROBIN], "I'll be off on Friday, it's been a hard week."),
    Mail(at(10, 12), ROBIN, [ALEX], "Team lunch on Friday!", cc=[SAM]),
    Mail(at(10, 13), ALEX, [SAM], "Lunch with Robin's team Friday?", bcc=[JO]),
    Mail(at(10, 8), SAM, [ALEX], "The photos from the café", photo=b"\xff\xd8\xff" * 40),
]
SAM_AND_ALEX = "alex@example.org and sam@example.org"
ROBIN_AND_ALEX = "alex@example.org and robin@work.example"


def test_a_thunderbird_folder_is_read_oldest_first_between_two(tmp_path: Path) -> None:
    path = thunderbird(tmp_path / "Sam", THUNDERBIRD)
    assert sniffs(READER, path)
    read = read_all(READER, path)
    assert [(m.at, m.sender, m.text) for m in read] == THUNDERBIRD_READ
    assert [m.media for m in read] == [False, False, True]
    assert [m.chat for m in read] == [None, None, None]  # one pair: nothing to choose
    lines = path.read_bytes().split(b"\n")
    starts = [number for number, line in enumerate(lines, 1) if line.startswith(b"From - ")]
    assert [m.line for m in read] == [starts[1], starts[3], starts[0]]


def test_a_gmail_takeout_holds_a_conversation_for_each_pair(tmp_path: Path) -> None:
    path = gmail_takeout(tmp_path / "All mail Including Spam and Trash.mbox", TAKEOUT)
    assert path.read_bytes().count(b"\r\n") == path.read_bytes().count(b"\n")
    assert sniffs(READER, path)
    read = read_all(READER, path)
    assert [(m.at, m.sender, m.text, m.media, m.chat) for m in read] == [
        (at(10, 8), "sam@example.org", "The photos from the café", True, SAM_AND_ALEX),
        (at(11, 18), "alex@example.org", TAKEOUT[2].text, False, ROBIN_AND_ALEX),
        (at(12, 9, 15, 1), "alex@example.org", TAKEOUT[0].text, False, SAM_AND_ALEX),
        (at(13, 7, 30), "sam@example.org", THUNDERBIRD_READ[1][2], False, SAM_AND_ALEX),
    ]
    lines = path.read_bytes().split(b"\r\n")
    starts = [number for number, line in enumerate(lines, 1) if line.startswith(b"From 1788")]
    assert [m.line for m in read] == [starts[5], starts[2], starts[0], starts[1]]


def test_mails_of_the_same_instant_stay_in_file_order(tmp_path: Path) -> None:
    same = [Mail(at(12, 9), ALEX, [SAM], "first"), Mail(at(12, 9), SAM, [ALEX], "second")]
    path = thunderbird(tmp_path / "Sam", [Mail(at(12, 10), SAM, [ALEX], "later"), *same])
    assert [m.text for m in read_all(READER, path)] == ["first", "second", "later"]


def test_a_broken_date_in_mail_among_three_does_not_stop_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(
        b"From - Fri Jan 12 09:15:00 2024\nFrom: a@b\nTo: c@d, e@f\nDate: someday\n\nhi all\n\n"
        b"From - Fri Jan 12 09:16:00 2024\nFrom: a@b\nTo: c@d\n"
        b"Date: Fri, 12 Jan 2024 09:16:00 +0000\n\nhi\n"
    )
    assert [(m.text, m.line) for m in read_all(READER, path)] == [("hi", 8)]


def test_a_file_with_no_mail_between_two_says_so(tmp_path: Path) -> None:
    # Found by a review: it once ended in "only one person writes in this chat ()".
    start = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    mails = [Mail(start + timedelta(hours=n), ALEX, [SAM, JO], "hi both") for n in range(3)]
    path = thunderbird(tmp_path / "Group", mails)
    with pytest.raises(InvalidFileError) as raised:
        list(READER.read(path))
    assert str(raised.value) == (
        f"{path}: no mail in this file is between two people: its 3 mails each went to "
        "several people (or to nobody else), and only an exchange between you and one other "
        "is read"
    )


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam", "--kind", "friend").code == 0
    return cli


def test_a_folder_of_one_correspondence_is_imported_without_a_question(
    sam: Cli, tmp_path: Path
) -> None:
    path = thunderbird(tmp_path / "Sam", THUNDERBIRD)
    result = sam("evidence", "import", str(path), "--person", "Sam", "--me", "alex@example.org")
    assert result.code == 0, result.err
    assert "Imported Sam for Sam: 3 messages." in result.out  # not the mail with Jo
    assert "you are alex@example.org, Sam is sam@example.org" in result.out
    shown = json.loads(sam("evidence", "show", "Sam", "--json").out)
    assert (shown["first_day"], shown["last_day"]) == ("2024-01-12", "2024-01-14")
    assert shown["imports"][0]["chat"] is None


def test_a_whole_account_lists_its_pairs_and_imports_the_one_chosen(
    sam: Cli, tmp_path: Path
) -> None:
    path = gmail_takeout(tmp_path / "All mail Including Spam and Trash.mbox", TAKEOUT)
    args = ["evidence", "import", str(path), "--person", "Sam", "--me", "alex@example.org"]
    listed = sam(*args)
    assert listed.code == 2
    assert f"choose one with --chat: '{SAM_AND_ALEX}', '{ROBIN_AND_ALEX}'" in listed.err

    chosen = sam(*args, "--chat", "Alex@Example.org and  Sam@example.org")
    assert chosen.code == 0, chosen.err
    # The mail to Robin is not one of the messages with Sam, nor are those with three.
    assert "Imported All mail Including Spam and Trash.mbox for Sam: 3 messages." in chosen.out
    assert "you are alex@example.org, Sam is sam@example.org" in chosen.out
    assert json.loads(sam("evidence", "show", "Sam", "--json").out)["messages"] == 3
