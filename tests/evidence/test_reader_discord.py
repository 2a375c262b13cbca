"""DiscordChatExporter's JSON (streamed) and CSV exports of one channel."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.discord import DiscordCsvReader, DiscordJsonReader

from .support import (
    MILLI_INSTANTS,
    NAMES,
    SHARED_TMP,
    TEXTS,
    read_all,
    reads_or_rejects,
    sniffs,
)

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


def write_csv(
    path: Path, rows: list[tuple[str, str, str, str, str]], *, newline: str = "\r\n"
) -> Path:
    # As DiscordChatExporter's CSV writer does: the header as is, every field quoted,
    # UTF-8 without a byte order mark, the system's line end (CRLF on Windows, LF
    # elsewhere) after each row; a line break inside a message stays as Discord has it.
    lines = ["AuthorID,Author,Date,Content,Attachments,Reactions"]
    for author_id, author, date, content, attachments in rows:
        cells = (author_id, author, date, content, attachments, "")
        lines.append(",".join(csv_cell(cell) for cell in cells))
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return path


def _h12(at: datetime) -> int:
    return at.hour % 12 or 12


# The CSV's Date as .NET writes it with the general short pattern ("g") in each
# culture (locale data from ICU, so CLDR's; .NET widens two-digit years to four).
DOTNET_G: dict[str, Callable[[datetime], str]] = {
    "en-US": lambda at: f"{at.month}/{at.day}/{at.year} {_h12(at)}:{at:%M} {at:%p}",
    "en-US ICU 72": lambda at: f"{at.month}/{at.day}/{at.year} {_h12(at)}:{at:%M}\u202f{at:%p}",
    "en-GB": lambda at: f"{at:%d/%m/%Y %H:%M}",
    "en-AU": lambda at: f"{at.day}/{at:%m/%Y} {_h12(at)}:{at:%M} {at:%p}".lower(),
    "en-CA": lambda at: f"{at:%Y-%m-%d} {_h12(at)}:{at:%M} " + ("a.m." if at.hour < 12 else "p.m."),
    "de-DE": lambda at: f"{at:%d.%m.%Y %H:%M}",
    "fr-FR": lambda at: f"{at:%d/%m/%Y %H:%M}",
    "fr-CA": lambda at: f"{at:%Y-%m-%d %H} h {at:%M}",
    "es-ES": lambda at: f"{at.day}/{at.month}/{at.year} {at.hour}:{at:%M}",
    "es-MX": lambda at: (
        f"{at:%d/%m/%Y} {_h12(at)}:{at:%M}\u202f" + ("a.\u00a0m." if at.hour < 12 else "p.\u00a0m.")
    ),
    "nl-NL": lambda at: f"{at:%d-%m-%Y %H:%M}",
    "sv-SE": lambda at: f"{at:%Y-%m-%d %H:%M}",
    "fi-FI": lambda at: f"{at.day}.{at.month}.{at.year} {at.hour}.{at:%M}",
    "pl-PL": lambda at: f"{at:%d.%m.%Y %H:%M}",
    "ru-RU": lambda at: f"{at:%d.%m.%Y} {at.hour}:{at:%M}",
    "hu-HU": lambda at: f"{at:%Y. %m. %d.} {at.hour}:{at:%M}",
    "ja-JP": lambda at: f"{at:%Y/%m/%d} {at.hour}:{at:%M}",
    "zh-CN": lambda at: f"{at.year}/{at.month}/{at.day} {at.hour}:{at:%M}",
    "ko-KR": lambda at: (
        f"{at.year}. {at.month}. {at.day}. "
        + ("오전" if at.hour < 12 else "오후")
        + f" {_h12(at)}:{at:%M}"
    ),
    "ar-EG": lambda at: (
        f"{at.day}\u200f/{at.month}\u200f/{at.year} {_h12(at)}:{at:%M} "
        + ("ص" if at.hour < 12 else "م")
    ),
}


def a_channel(start: datetime) -> list[tuple[datetime, str, str, str]]:
    """A short channel: morning, noon, evening and past midnight, a multi-line message."""
    return [
        (start.replace(hour=9, minute=15), "alex", "morning!", ""),
        (start.replace(hour=12, minute=5), "sam", "lunch?\nat 1", ""),
        (start.replace(hour=21, minute=40), "alex", "", "https://cdn.discordapp.com/a.png"),
        (start.replace(hour=0, minute=2) + timedelta(days=1), "sam", "night 🌙", ""),
    ]


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


@pytest.mark.parametrize("newline", ["\r\n", "\n"], ids=["windows", "linux-macos"])
@pytest.mark.parametrize("culture", list(DOTNET_G))
def test_each_exporter_locale_reads_back_as_the_wall_clock(
    tmp_path: Path, culture: str, newline: str
) -> None:
    sent = a_channel(datetime(2024, 1, 13))
    rows = [("7", name, DOTNET_G[culture](at), text, files) for at, name, text, files in sent]
    path = write_csv(tmp_path / "Direct Messages - alex [1].csv", rows, newline=newline)
    assert sniffs(CSV_READER, path)
    assert [(m.at, m.sender, m.text, m.media, m.line) for m in read_all(CSV_READER, path)] == [
        (datetime(2024, 1, 13, 9, 15), "alex", "morning!", False, 2),
        (datetime(2024, 1, 13, 12, 5), "sam", "lunch?\nat 1", False, 3),
        (datetime(2024, 1, 13, 21, 40), "alex", "", True, 5),
        (datetime(2024, 1, 14, 0, 2), "sam", "night 🌙", False, 6),
    ]


@pytest.mark.parametrize(
    ("culture", "month"), [("en-GB", 2), ("de-DE", 2), ("en-US", 1), ("en-AU", 2)]
)
def test_the_date_order_comes_from_a_later_date_when_the_first_ones_fit_both(
    tmp_path: Path, culture: str, month: int
) -> None:
    # The 1st to the 9th of February, or of January to September: only the last says.
    fits_both = [datetime(2024, 2, day, 10) for day in range(1, 10)]
    if month == 1:
        fits_both = [datetime(2024, m, 2, 10) for m in range(1, 10)]
    settles = datetime(2024, 2, 25, 10) if month == 2 else datetime(2024, 9, 25, 10)
    rows = [("7", "alex", DOTNET_G[culture](at), "hi", "") for at in [*fits_both, settles]]
    read = read_all(CSV_READER, write_csv(tmp_path / "c.csv", rows))
    assert [m.at for m in read] == [*fits_both, settles]


@pytest.mark.parametrize(
    ("date", "month"),
    [("01/02/2024 10:00", 2), ("01.02.2024 10:00", 2), ("01/02/2024 10:00 AM", 1)],
)
def test_when_no_date_settles_the_order_the_locale_habit_does(
    tmp_path: Path, date: str, month: int
) -> None:
    # Day first, except slashes with a 12-hour clock (the United States' way).
    path = write_csv(tmp_path / "c.csv", [("7", "alex", date, "hi", "")])
    assert read_all(CSV_READER, path)[0].at.month == month


def test_a_date_that_breaks_the_files_order_names_its_line(tmp_path: Path) -> None:
    rows = [
        ("7", "alex", "25/01/2024 10:00", "day first, settled", ""),
        ("7", "alex", "26/01/2024 10:00", "hi", ""),
        ("7", "sam", "01/30/2024 10:00", "written month first", ""),
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    with pytest.raises(InvalidFileError) as raised:
        read_all(CSV_READER, path)
    assert raised.value.problems[0].line == 4
    assert "day/month/year" in str(raised.value)
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    "date", ["yesterday", "12/01/2024", "12/01/2024 25:00", "1/12/2024 13:15 PM", "12/01/2024 9"]
)
def test_an_unreadable_date_names_the_file_and_line(tmp_path: Path, date: str) -> None:
    rows = [("7", "alex", "12/01/2024 09:15", "hi", ""), ("7", "sam", date, "hey", "")]
    path = write_csv(tmp_path / "c.csv", rows)
    with pytest.raises(InvalidFileError) as raised:
        read_all(CSV_READER, path)
    assert raised.value.problems[0].line == 3
    assert raised.value.file == str(path)
    assert repr(date) in str(raised.value)


@pytest.mark.parametrize(
    ("date", "year"),
    [("1402/10/22 09:15", 1402), ("13/1/2567 9:15", 2567), ("01/07/1445 09:15 ص", 1445)],
)
def test_a_year_of_another_calendar_is_refused_rather_than_misread(
    tmp_path: Path, date: str, year: int
) -> None:
    path = write_csv(tmp_path / "c.csv", [("7", "alex", date, "hi", "")])
    with pytest.raises(InvalidFileError) as raised:
        read_all(CSV_READER, path)
    assert raised.value.problems[0].line == 2
    assert str(year) in str(raised.value)


@pytest.mark.parametrize("cut", [-3, -20, -40])
def test_a_cut_off_csv_names_the_file_and_line(tmp_path: Path, cut: int) -> None:
    sent = a_channel(datetime(2024, 1, 13))
    rows = [("7", name, DOTNET_G["en-GB"](at), text, files) for at, name, text, files in sent]
    whole = write_csv(tmp_path / "whole.csv", rows).read_bytes()
    path = tmp_path / "c.csv"
    path.write_bytes(whole[:cut])
    with pytest.raises(InvalidFileError) as raised:
        read_all(CSV_READER, path)
    assert raised.value.file == str(path)
    assert raised.value.problems[0].line == 6


# Wall-clock minutes in Discord's years.
DISCORD_CLOCKS = st.datetimes(datetime(2015, 5, 13), datetime(2034, 12, 1)).map(
    lambda at: at.replace(second=0, microsecond=0)
)


@SHARED_TMP
@given(
    st.sampled_from(list(DOTNET_G)),
    st.lists(st.tuples(DISCORD_CLOCKS, NAMES, TEXTS), min_size=1, max_size=10),
)
def test_any_channel_in_any_exporter_locale_round_trips(
    tmp_path: Path, culture: str, sent: list[tuple[datetime, str, str]]
) -> None:
    # A channel in time order whose first day is past the 12th, as a month of talk is.
    first = sent[0][0].replace(day=max(13, sent[0][0].day))
    moments = sorted(at for at, _, _ in sent)
    moments = [first + (at - moments[0]) for at in moments]
    rows = [
        ("7", name, DOTNET_G[culture](at), text, "")
        for at, (_, name, text) in zip(moments, sent, strict=True)
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    assert [(m.at, m.sender, m.text) for m in read_all(CSV_READER, path)] == [
        (at, name, text) for at, (_, name, text) in zip(moments, sent, strict=True)
    ]


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
