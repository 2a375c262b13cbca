"""The generic CSV reader: headers found by name or mapping, timestamps read, errors located."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers import READERS, CsvColumns, CsvReader, WhatsAppReader
from reciprocity.evidence.readers.csv_generic import parse_timestamp

READER = CsvReader()


def write(tmp_path: Path, content: str, name: str = "messages.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def sniff(path: Path, reader: CsvReader = READER) -> bool:
    return reader.sniff(path, path.read_bytes()[:4096])


def test_a_plain_file_is_read_with_its_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,sender,text\r\n"
        "2024-01-13T09:15:00,Sam,Morning!\r\n"
        '2024-01-13T09:16:00+01:00,Alex,"two\r\nlines, with a comma"\r\n'
        "\r\n"
        "1705137420,Sam,\r\n",
    )
    assert sniff(path)
    # Oldest first; a time without an offset is placed as if it were UTC among those with one.
    assert list(READER.read(path)) == [
        ChatMessage(
            datetime(2024, 1, 13, 9, 16, tzinfo=timezone(timedelta(hours=1))),
            "Alex",
            "two\r\nlines, with a comma",
            line=3,
        ),
        ChatMessage(datetime(2024, 1, 13, 9, 15), "Sam", "Morning!", line=2),
        ChatMessage(datetime(2024, 1, 13, 9, 17, tzinfo=UTC), "Sam", "", line=6),
    ]


def test_a_table_sorted_newest_first_comes_out_oldest_first(tmp_path: Path) -> None:
    # As a spreadsheet or a phone app shows a chat: latest on top. Two answers share a minute.
    path = write(
        tmp_path,
        "Date,From,Message\n"
        "2024-01-13 09:40,Sam,on my way\n"
        "2024-01-13 09:20,Sam,want me to come over?\n"
        '2024-01-13 09:20,Sam,"oh no, I\'m so sorry"\n'
        "2024-01-13 09:15,Alex,the biopsy came back and I'm scared\n",
    )
    assert [(m.at.minute, m.text, m.line) for m in READER.read(path)] == [
        (15, "the biopsy came back and I'm scared", 5),
        (20, "oh no, I'm so sorry", 4),
        (20, "want me to come over?", 3),
        (40, "on my way", 2),
    ]


def test_rows_in_no_order_come_out_by_time(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,sender,text\n"
        "2024-01-13T09:20:00Z,Sam,b\n"
        "2024-01-13T09:15:00Z,Alex,a\n"
        "2024-01-13T10:20:00+01:00,Alex,same instant as b\n"
        "2024-01-13T09:30:00Z,Sam,c\n",
    )
    assert [m.text for m in READER.read(path)] == ["a", "b", "same instant as b", "c"]


@pytest.mark.parametrize(
    "header",
    [
        "Date,From,Message",
        "\ufefftime;author;body",
        "Name\tContent\tTimestamp",
        " Timestamp , Sender , Text ,extra",
    ],
)
def test_usual_column_names_are_found_in_any_order_and_separator(
    tmp_path: Path, header: str
) -> None:
    delimiter = max((",", ";", "\t"), key=header.count)
    names = [name.strip().lstrip("\ufeff").lower() for name in header.split(delimiter)]
    values = {
        "date": "2024-01-13 09:15",
        "time": "2024-01-13 09:15",
        "timestamp": "2024-01-13 09:15",
    }
    values |= dict.fromkeys(("from", "author", "name", "sender"), "Sam")
    values |= dict.fromkeys(("message", "body", "content", "text"), "hi")
    row = delimiter.join(values.get(name, "x") for name in names)
    path = write(tmp_path, f"{header}\n{row}\n")
    assert sniff(path)
    assert list(READER.read(path)) == [
        ChatMessage(datetime(2024, 1, 13, 9, 15), "Sam", "hi", line=2)
    ]


def test_a_mapping_names_unusual_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "id,when,who,what,to\n1,2024-01-13T09:15:00Z,Sam,hi,Alex\n")
    assert not sniff(path)
    reader = CsvReader(CsvColumns(timestamp="When", sender="who", text="WHAT"))
    assert sniff(path, reader)
    assert list(reader.read(path)) == [
        ChatMessage(datetime(2024, 1, 13, 9, 15, tzinfo=UTC), "Sam", "hi", line=2)
    ]


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "date,from,subject\n2024-01-13,Sam,hi\n")
    with pytest.raises(InvalidFileError) as caught:
        list(READER.read(path))
    assert str(caught.value).startswith(f"{path}:1: text: no text column; the header has 'date'")


def test_a_mapped_column_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "date,from,text\n2024-01-13,Sam,hi\n")
    reader = CsvReader(CsvColumns(sender="author"))
    with pytest.raises(InvalidFileError) as caught:
        list(reader.read(path))
    assert str(caught.value).startswith(f"{path}:1: sender: there is no column called 'author'")


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ("2024-01-13T09:15:00,Sam,hi\nyesterday,Sam,hi\n", ":3: Date: 'yesterday' is not"),
        ('2024-01-13,Sam,"a\nb"\n2024-02-30,Sam,hi\n', ":4: Date: '2024-02-30' is not"),
        ("2024-01-13,Sam,hi\n2024-01-14,Sam\n", ":3: this row has 2 columns, but the header"),
        ("2024-01-13,  ,hi\n", ":2: From: the sender is empty"),
    ],
)
def test_bad_rows_are_reported_at_their_line_and_column(
    tmp_path: Path, rows: str, where: str
) -> None:
    path = write(tmp_path, "Date,From,Text\n" + rows)
    with pytest.raises(InvalidFileError) as caught:
        list(READER.read(path))
    assert str(caught.value).startswith(f"{path}{where}")


def test_an_empty_file_is_explained(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert not sniff(path)
    with pytest.raises(InvalidFileError) as caught:
        list(READER.read(path))
    assert caught.value.problems[0].line == 1


def test_bytes_that_are_not_utf8_are_reported_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    rows = b"".join(b"2024-01-13T09:%02d:00,Sam,hi\n" % m for m in range(30))
    path.write_bytes(b"timestamp,sender,text\n" + rows + b"2024-01-13,Sam,caf\xe9\n")
    with pytest.raises(InvalidFileError) as caught:
        list(READER.read(path))
    assert caught.value.problems[0].line == 32


@pytest.mark.parametrize(
    "content",
    [
        "13/01/2024, 10:00 - Sam: hi\n",
        "[13/01/2024, 10:00:00] Sam: hi\n",
        '{"timestamp": 1, "sender": "Sam", "text": "hi"}\n',
        "a,b,c\n1,2,3\n",
        "timestamp,sender\n2024-01-13,Sam\n",
        "Dear Sam, thank you, really\n",
    ],
)
def test_other_files_are_not_taken_for_csv(tmp_path: Path, content: str) -> None:
    assert not sniff(write(tmp_path, content, "file.txt"))


def test_a_whatsapp_export_goes_to_the_whatsapp_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "13/01/2024, 10:00 - Sam: hi\n", "chat.txt")
    head = path.read_bytes()
    chosen = next(reader for reader in READERS if reader.sniff(path, head))
    assert isinstance(chosen, WhatsAppReader)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-13T09:15:00", datetime(2024, 1, 13, 9, 15)),
        ("2024-01-13 09:15:00.250", datetime(2024, 1, 13, 9, 15, 0, 250000)),
        ("2024-01-13T09:15:00Z", datetime(2024, 1, 13, 9, 15, tzinfo=UTC)),
        (
            "2024-01-13T09:15-05:00",
            datetime(2024, 1, 13, 9, 15, tzinfo=timezone(-timedelta(hours=5))),
        ),
        ("1705137300", datetime(2024, 1, 13, 9, 15, tzinfo=UTC)),
        ("1705137300.5", datetime(2024, 1, 13, 9, 15, 0, 500000, tzinfo=UTC)),
        (" 1705137300 ", datetime(2024, 1, 13, 9, 15, tzinfo=UTC)),
        ("13/01/2024", None),
        ("99999999999999999999", None),
        ("", None),
    ],
)
def test_timestamps(value: str, expected: datetime | None) -> None:
    assert parse_timestamp(value) == expected


# --- properties ---------------------------------------------------------------------------

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_MOMENTS = st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)).map(
    lambda at: at.replace(microsecond=0)
)
_ZONES = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
)
_SENDERS = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=20).filter(
    lambda name: name.strip() == name and name != ""
)
_TEXTS = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r"), max_size=60)


@_SETTINGS
@given(
    rows=st.lists(st.tuples(_MOMENTS, _ZONES, _SENDERS, _TEXTS), max_size=15),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_messages_written_as_csv_read_back(
    rows: list[tuple[datetime, timezone | None, str, str]], delimiter: str
) -> None:
    expected, buffer = [], io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["timestamp", "sender", "text"])
    line = 2
    for at, zone, sender, text in rows:
        moment = at.replace(tzinfo=zone)
        writer.writerow([moment.isoformat(), sender, text])
        expected.append(ChatMessage(moment, sender, text, line=line))
        line += text.count("\n") + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        assert sniff(path)
        read = list(READER.read(path))
    # The same messages, by time (those without an offset placed as if in UTC).
    assert sorted(read, key=repr) == sorted(expected, key=repr)
    instants = [as_utc(message.at) for message in read]
    assert instants == sorted(instants)


def as_utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


@_SETTINGS
@given(raw=st.binary(max_size=400), header=st.booleans())
def test_garbage_is_refused_cleanly(raw: bytes, header: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.csv"
        path.write_bytes((b"timestamp,sender,text\n" if header else b"") + raw)
        assert isinstance(sniff(path), bool)
        try:
            for message in READER.read(path):
                assert message.line is not None
        except InvalidFileError as error:
            refused, where = error.file, error.problems[0].line
            assert refused == str(path)
            assert where is not None


def test_only_a_first_row_of_names_is_taken_for_a_header_with_other_names() -> None:
    from reciprocity.evidence.readers import CsvReader

    reader = CsvReader()
    assert reader.unnamed_columns(b"When,Who,What\n2024-01-01,Sam,hi\n") == (
        ["When", "Who", "What"],
        ["timestamp", "sender", "text"],
    )
    # Prose and a table without a header row are not tables with other column names.
    assert reader.unnamed_columns(b"Dear Sam, thanks for the note, see you soon\n") is None
    assert reader.unnamed_columns(b"2024-01-01 10:00,Sam,hi\n") is None
