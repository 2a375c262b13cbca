"""DiscordChatExporter's JSON (streamed) and CSV exports of one channel."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.discord import DiscordCsvReader, DiscordJsonReader

from .support import MILLI_INSTANTS, NAMES, SHARED_TMP, TEXTS, read_all, reads_or_rejects, sniffs

JSON_READER = DiscordJsonReader()
CSV_READER = DiscordCsvReader()


def dce_timestamp(at: datetime) -> str:
    # DiscordChatExporter writes the exporting machine's offset and milliseconds.
    return at.isoformat(timespec="milliseconds")


def dce_message(at: datetime, name: str, content: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "1195336520000000000",
        "type": "Default",
        "timestamp": dce_timestamp(at),
        "timestampEdited": None,
        "callEndedTimestamp": None,
        "isPinned": False,
        "content": content,
        "author": {
            "id": "81384788765712384",
            "name": name,
            "discriminator": "0000",
            "nickname": name,
            "color": None,
            "isBot": False,
            "roles": [],
            "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png",
        },
        "attachments": [],
        "embeds": [],
        "stickers": [],
        "reactions": [],
        "mentions": [],
        **extra,
    }


def dce_export(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "guild": {"id": "0", "name": "Direct Messages", "iconUrl": ""},
        "channel": {
            "id": "1",
            "type": "DirectTextChat",
            "categoryId": None,
            "category": "Private",
            "name": "alex",
            "topic": None,
        },
        "dateRange": {"after": None, "before": None},
        "exportedAt": "2024-02-01T10:00:00.000+00:00",
        "messages": messages,
        "messageCount": len(messages),
    }


def write_json(path: Path, document: dict[str, Any]) -> Path:
    # DiscordChatExporter's JSON writer indents by two and writes UTF-8 unescaped.
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def write_csv(path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    # Every field quoted, Windows line endings, as the .NET writer does on Windows.
    lines = ["AuthorID,Author,Date,Content,Attachments,Reactions"]
    for author_id, author, date, content, attachments in rows:
        cells = (author_id, author, date, content, attachments, "")
        lines.append(",".join(csv_cell(cell) for cell in cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_a_direct_message_export_skips_what_is_not_written_by_people(tmp_path: Path) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    path = write_json(
        tmp_path / "Direct Messages - alex [1].json",
        dce_export(
            [
                dce_message(at, "alex", "", type="Call", callEndedTimestamp=dce_timestamp(at)),
                dce_message(at, "alex", "how did it go?"),
                dce_message(at, "sam", "", attachments=[{"id": "2", "url": "a.png"}]),
                dce_message(at, "sam", "pinned", type="ChannelPinnedMessage"),
                {**dce_message(at, "sam", "thanks"), "type": "Reply"},
            ]
        ),
    )
    assert sniffs(JSON_READER, path)
    assert not sniffs(CSV_READER, path)
    assert read_all(JSON_READER, path) == [
        ChatMessage(at=at, sender="alex", text="how did it go?"),
        ChatMessage(at=at, sender="sam", text="", media=True),
        ChatMessage(at=at, sender="sam", text="thanks"),
    ]


def test_the_nickname_is_preferred_and_the_name_is_the_fallback(tmp_path: Path) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    named = dce_message(at, "alex_92", "hi")
    named["author"]["nickname"] = "Alex"
    plain = dce_message(at, "sam", "hey")
    plain["author"]["nickname"] = None
    path = write_json(tmp_path / "c.json", dce_export([named, plain]))
    assert [message.sender for message in read_all(JSON_READER, path)] == ["Alex", "sam"]


@SHARED_TMP
@given(st.lists(st.tuples(MILLI_INSTANTS, NAMES, TEXTS, st.booleans()), max_size=10))
def test_json_round_trip(tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]) -> None:
    records = [
        dce_message(at, name, text, attachments=[{"id": "9", "url": "f.png"}] if media else [])
        for at, name, text, media in sent
    ]
    path = write_json(tmp_path / "c.json", dce_export(records))
    assert read_all(JSON_READER, path) == [
        ChatMessage(at=at, sender=name, text=text, media=media) for at, name, text, media in sent
    ]


def test_a_cut_short_json_export_says_which_message(tmp_path: Path) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    whole = json.dumps(dce_export([dce_message(at, "alex", "hi") for _ in range(6)]), indent=2)
    path = tmp_path / "c.json"
    path.write_text(whole[: len(whole) - 900], encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        read_all(JSON_READER, path)
    assert raised.value.problems[0].field is not None
    assert raised.value.problems[0].field.startswith("messages[")


@SHARED_TMP
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=3000))
def test_garbage_in_a_json_export_is_refused_cleanly(
    tmp_path: Path, noise: bytes, cut: int
) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    whole = json.dumps(dce_export([dce_message(at, "alex", "hé") for _ in range(3)])).encode()
    path = tmp_path / "c.json"
    path.write_bytes(whole[: cut % len(whole)] + noise)
    reads_or_rejects(JSON_READER, path)


@SHARED_TMP
@given(st.none() | st.integers() | TEXTS | st.lists(st.integers(), max_size=2))
def test_odd_values_in_a_json_message_are_refused_cleanly(tmp_path: Path, odd: Any) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    for key in ("timestamp", "author", "content", "type", "attachments"):
        record = dce_message(at, "alex", "hi")
        record[key] = odd
        path = write_json(tmp_path / "c.json", dce_export([record, odd]))
        reads_or_rejects(JSON_READER, path)


def test_a_csv_export_with_multiline_content_counts_lines(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "Direct Messages - alex [1].csv",
        [
            ("1", "alex", "2024-01-12T09:15:00.000+01:00", "first line\nsecond line", ""),
            ("2", "sam", "2024-01-12T09:16:00.000+01:00", 'she said "yes" 🎉', ""),
            ("2", "sam", "2024-01-12T09:17:00.000+01:00", "", "https://cdn/a.png"),
        ],
    )
    assert sniffs(CSV_READER, path)
    assert not sniffs(JSON_READER, path)
    read = read_all(CSV_READER, path)
    assert [(m.sender, m.text, m.media, m.line) for m in read] == [
        ("alex", "first line\nsecond line", False, 2),
        ("sam", 'she said "yes" 🎉', False, 4),
        ("sam", "", True, 5),
    ]
    assert read[0].at == datetime.fromisoformat("2024-01-12T09:15:00+01:00")


def test_an_older_csv_date_is_read_as_the_wall_clock(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [("1", "alex", "12-Jan-24 09:15 AM", "hi", "")])
    [message] = read_all(CSV_READER, path)
    assert message.at == datetime(2024, 1, 12, 9, 15)


@SHARED_TMP
@given(st.lists(st.tuples(MILLI_INSTANTS, NAMES, TEXTS, st.booleans()), max_size=10))
def test_csv_round_trip(tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]) -> None:
    rows = [
        ("7", name, dce_timestamp(at), text, "https://cdn/f.png" if media else "")
        for at, name, text, media in sent
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    assert [(m.at, m.sender, m.text, m.media) for m in read_all(CSV_READER, path)] == [
        (at, name, text, media) for at, name, text, media in sent
    ]


def test_a_bad_csv_date_names_its_line(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        [("1", "a", "2024-01-12T09:15:00+00:00", "hi", ""), ("1", "a", "yesterday", "x", "")],
    )
    with pytest.raises(InvalidFileError) as raised:
        read_all(CSV_READER, path)
    assert raised.value.problems[0].line == 3
    assert str(path) in str(raised.value)


@SHARED_TMP
@given(st.binary(max_size=300))
def test_garbage_after_a_csv_header_is_refused_cleanly(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"AuthorID,Author,Date,Content,Attachments,Reactions\r\n" + noise)
    reads_or_rejects(CSV_READER, path)


def test_a_channel_comes_out_oldest_first_as_discordchatexporter_writes_it(
    tmp_path: Path,
) -> None:
    # DiscordChatExporter writes messages in the order Discord shows them, oldest first
    # (its author: "The order is the same as it appears on Discord"). The readers keep it.
    start = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    sent = [
        (start, "Zoë", "my exam went so badly, I'm gutted"),
        (start.replace(minute=16), "Sam", "ugh, I'm sorry. you worked so hard"),
        (start.replace(minute=16), "Sam", "want to talk tonight?"),
        (start.replace(minute=30), "Zoë", "yes"),
    ]
    path = write_json(
        tmp_path / "dm.json", dce_export([dce_message(at, who, text) for at, who, text in sent])
    )
    assert [(m.at, m.sender, m.text) for m in read_all(JSON_READER, path)] == sent
    rows = [("1", who, dce_timestamp(at), text, "") for at, who, text in sent]
    table = write_csv(tmp_path / "dm.csv", rows)
    assert [(m.at, m.sender, m.text) for m in read_all(CSV_READER, table)] == sent
