"""What every face decides before an import: which reader, and who in the chat is who.

The terminal asks its questions and the browser shows a form, but the rules are the
same: a format given by name or recognised from the file; you and the other person
from what was given, then what was remembered, then (for them) a guess only when the
export leaves no doubt.
"""

from __future__ import annotations

import re
from pathlib import Path

from reciprocity import messages
from reciprocity.core.evidence import Role
from reciprocity.core.people import name_key
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.evidence.importer import ChatOutline
from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.readers._common import looks_like_html

__all__ = [
    "HEAD_BYTES",
    "check_not_alone",
    "check_roles_kept",
    "earlier_others",
    "guess_them",
    "likely_you_first",
    "listed",
    "named_like",
    "other_changed",
    "participant",
    "pick_reader",
    "remembered_as",
    "roles_for",
]

# Enough of a file for every reader to recognise its format.
HEAD_BYTES = 8192


def _readers() -> tuple[ChatReader, ...]:
    # Looked up at each call, so a reader registered later (or by a test) is found.
    from reciprocity.evidence import readers

    return readers.READERS


_BOM = b"\xef\xbb\xbf"
_ADDRESS_PARTS = re.compile(r"[._+-]+")


def _choices(readers: tuple[ChatReader, ...]) -> str:
    return ", ".join(r.name for r in readers) or "-"


def pick_reader(
    path: Path, wanted: str | None, *, field: str = "--format", can_name: bool = True
) -> ChatReader:
    """The reader for a file: the one named, or the first that recognises it.

    ``can_name`` says whether the person can name a format (the command's ``--format``);
    the message for a file nobody recognises only suggests it then.

    Raises:
        InvalidInputError: No reader has that name (at ``field``).
        InvalidFileError: The file cannot be read, is empty, or no reader recognises it.
    """
    readers = _readers()
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError as error:
        detail = error.strerror or str(error)
        problem = Problem(messages.ERR_EVIDENCE_UNREADABLE.format(detail=detail))
        raise InvalidFileError([problem], file=str(path)) from error
    if len(head) < HEAD_BYTES and not head.removeprefix(_BOM).strip():
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_EMPTY)], file=str(path))
    if wanted is not None:
        for reader in readers:
            if reader.name == wanted.strip().lower():
                return reader
        message = messages.ERR_EVIDENCE_UNKNOWN_FORMAT.format(
            value=wanted, choices=_choices(readers)
        )
        raise InvalidInputError([Problem(message, field)])
    for reader in readers:
        if reader.sniff(path, head):
            return reader
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte order marks
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_UTF16, line=1)], file=str(path))
    if not readers:
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_NO_FORMATS)], file=str(path))
    if looks_like_html(head):
        # A page to look at (signal-export writes one beside its chat.md), not an export.
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_HTML, line=1)], file=str(path))
    from reciprocity.evidence.readers.csv_generic import CsvReader

    table = CsvReader().unnamed_columns(head)
    if table is not None:  # a table of messages, most likely, with its own column names
        names, missing = table
        wording = (
            messages.ERR_EVIDENCE_CSV_NAMES if can_name else messages.ERR_EVIDENCE_CSV_NAMES_RENAME
        )
        text = wording.format(
            columns=", ".join(repr(n) for n in names),
            missing=" or ".join(
                [", ".join(missing[:-1]), missing[-1]] if missing[:-1] else missing
            ),
        )
        raise InvalidFileError([Problem(text, line=1)], file=str(path))
    unknown = (
        messages.ERR_EVIDENCE_FORMAT_UNKNOWN if can_name else messages.ERR_EVIDENCE_NOT_AN_EXPORT
    )
    problem = Problem(unknown.format(choices=_choices(readers)))
    raise InvalidFileError([problem], file=str(path))


def listed(outline: ChatOutline) -> str:
    """The participants as a message lists them."""
    return ", ".join(repr(name) for name in outline.participants)


def participant(value: str, outline: ChatOutline, field: str) -> str:
    """The participant a name given by the person means (case and accents aside).

    Raises:
        InvalidInputError: Nobody in the chat has that name (at ``field``).
    """
    for name in outline.participants:
        if name == value or name_key(name) == name_key(value):
            return name
    message = messages.ERR_EVIDENCE_NOT_A_PARTICIPANT.format(
        value=value, participants=listed(outline)
    )
    raise InvalidInputError([Problem(message, field)])


def remembered_as(
    outline: ChatOutline, remembered: dict[str, Role], role: Role, exclude: str | None = None
) -> str | None:
    """The participant of this chat remembered in ``role`` from an earlier import."""
    known = [n for n in outline.participants if remembered.get(n) is role and n != exclude]
    return known[0] if known else None


def _named_like(name: str, person: str) -> bool:
    """Whether a participant's first name is the relationship's ("Sam Taylor" for Sam).

    An address counts by what comes before its @, in words: "sam.taylor@example.com"
    is named like Sam.
    """
    local, at, _ = name.partition("@")
    if at and local:
        name = _ADDRESS_PARTS.sub(" ", local)
    return name_key(name).split()[:1] == name_key(person).split()[:1]


def named_like(outline: ChatOutline, person: str, *, besides: str | None = None) -> str | None:
    """The one participant (``besides`` aside) named like the relationship, if only one is."""
    named = [n for n in outline.participants if n != besides and _named_like(n, person)]
    return named[0] if len(named) == 1 else None


def guess_them(outline: ChatOutline, me: str, person: str) -> str | None:
    """The other person when the export leaves no doubt: the only one left, or their name."""
    others = [name for name in outline.participants if name != me]
    if len(others) == 1:
        return others[0]
    return named_like(outline, person, besides=me)


def earlier_others(remembered: dict[str, Role], them: str, person: str) -> list[str]:
    """Who this relationship's chats were with so far, when ``them`` is someone new.

    Empty when nothing was remembered, when ``them`` was remembered in some role, or
    when ``them`` has the relationship's name (a contact renamed, "Jo Parker" now "Jo"). Otherwise
    the other person found in this chat may not be this relationship's at all (a file
    chosen by mistake), and a face should ask rather than add it.
    """
    earlier = [name for name, role in remembered.items() if role is Role.THEM]
    # Someone remembered as you is refused elsewhere (a turn-round); someone remembered
    # only as another member of a group chat is new as the other person.
    if not earlier or remembered.get(them) in (Role.THEM, Role.ME) or _named_like(them, person):
        return []
    return earlier


def other_changed(earlier: list[str], them: str, person: str) -> str:
    """The words for a chat whose other person is not the one of the earlier chats."""
    return messages.EVIDENCE_OTHER_CHANGED.format(
        name=person,
        earlier=" and ".join(repr(name) for name in earlier),
        participant=repr(them),
    )


def likely_you_first(outline: ChatOutline, person: str) -> list[str]:
    """The participants to choose "you" from: those named like the relationship last.

    A question lists them in this order and a terminal's list starts on the first, so
    the other person, whose name is the relationship's, is not the answer at hand.
    """
    return sorted(outline.participants, key=lambda name: _named_like(name, person))


def roles_for(
    outline: ChatOutline, me: str, them: str, *, field: str = "--them"
) -> dict[str, Role]:
    """Everyone in the chat with their role: you, them, or someone else in a group.

    Raises:
        InvalidInputError: You and they are the same participant (at ``field``).
    """
    if them == me:
        raise InvalidInputError([Problem(messages.ERR_EVIDENCE_SAME_PARTICIPANT, field)])
    roles = dict.fromkeys(outline.participants, Role.OTHER)
    roles[me] = Role.ME
    roles[them] = Role.THEM
    return roles


def check_not_alone(outline: ChatOutline) -> None:
    """Refuse a chat with fewer than two people in it.

    Raises:
        InvalidInputError: Only one participant (or none) writes in it.
    """
    if len(outline.participants) < 2:
        message = messages.ERR_EVIDENCE_ALONE.format(participants=listed(outline))
        raise InvalidInputError([Problem(message)])


def check_roles_kept(
    remembered: dict[str, Role],
    chosen: dict[str, Role],
    *,
    person: str,
    forget: str,
    fields: tuple[str, str] = ("--me", "--them"),
) -> None:
    """Refuse to turn you and the other person round over the chats already stored.

    The stored messages carry who wrote them (you or the other) and keys made from it,
    so a participant remembered as you taken as the other person, or the reverse,
    would have their messages stored again, counted the other way round. (Someone
    remembered as you or them and now someone else in a group is fine: others'
    messages are not stored.)

    Args:
        remembered: Who is who, as remembered from earlier imports.
        chosen: Who is who for this import.
        person: The relationship's name.
        forget: How this face forgets what was imported (a command, a button).
        fields: Where to say it: the choice of you, the choice of the other person.

    Raises:
        InvalidInputError: The two are turned round (at the field of the new role).
    """
    pair = (Role.ME, Role.THEM)
    for role in pair:  # the choice of you first: the one the person made
        for name, now in chosen.items():
            was = remembered.get(name)
            if now is not role or was not in pair or was is now:
                continue
            words = {r: w.format(name=person) for r, w in messages.ROLE_WORDS.items()}
            text = messages.ERR_EVIDENCE_ROLE_CHANGED.format(
                participant=name,
                was=words[was.value],
                now=words[now.value],
                name=person,
                forget=forget,
            )
            raise InvalidInputError([Problem(text, fields[now is Role.THEM])])
