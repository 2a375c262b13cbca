"""The WhatsApp reader on exports built as the app writes them: several locales, both layouts."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers import READERS, CsvReader, WhatsAppReader
from reciprocity.evidence.readers._whatsapp_parse import _message
from reciprocity.evidence.readers.whatsapp import HEAD_LINES
from tests.evidence.exports import LOCALES, LRM, NBSP, NNBSP, SPANISH_SPACINGS, Locale, write_zip

READER = WhatsAppReader()
# Every locale as the app writes it, and the Spanish day period in every spacing.
ALL_LOCALES = {**LOCALES, **SPANISH_SPACINGS}


def read(path: Path) -> list[ChatMessage]:
    return list(READER.read(path))


def sniff(path: Path) -> bool:
    with path.open("rb") as stream:
        return READER.sniff(path, stream.read(4096))


def a_chat(locale: Locale) -> list[ChatMessage]:
    """A short chat with a multi-line message, media, and afternoon and morning times."""
    seconds = 3 if locale.seconds else 0
    return [
        ChatMessage(datetime(2024, 1, 13, 9, 15, seconds), "Sam", "Hi! Are you free later?"),
        ChatMessage(
            datetime(2024, 1, 13, 12, 5, seconds), "Alex Okafor", "Yes: after work.\nCall me"
        ),
        ChatMessage(datetime(2024, 1, 13, 21, 40, seconds), "Sam", "", media=True),
        ChatMessage(datetime(2024, 1, 14, 0, 2, seconds), "Alex Okafor", "night 🌙"),
    ]


def with_lines(chat: list[ChatMessage], first: int = 2) -> list[ChatMessage]:
    """``chat`` with the line each message starts on, after the notice on line 1."""
    out, line = [], first
    for message in chat:
        out.append(ChatMessage(message.at, message.sender, message.text, message.media, None, line))
        line += message.text.count("\n") + 1
    return out


@pytest.mark.parametrize("locale", ALL_LOCALES.values(), ids=list(ALL_LOCALES))
def test_each_locale_reads_back_exactly(tmp_path: Path, locale: Locale) -> None:
    chat = a_chat(locale)
    path = tmp_path / "chat.txt"
    path.write_bytes(locale.render(chat))
    assert sniff(path)
    assert read(path) == with_lines(chat)


@pytest.mark.parametrize("locale", ALL_LOCALES.values(), ids=list(ALL_LOCALES))
def test_each_locale_reads_the_same_from_the_zip_the_app_makes(
    tmp_path: Path, locale: Locale
) -> None:
    chat = a_chat(locale)
    path = tmp_path / "WhatsApp Chat with Sam.zip"
    write_zip(path, locale.render(chat), ios=locale.ios)
    assert sniff(path)
    assert read(path) == with_lines(chat)


def test_the_exact_bytes_of_a_spanish_android_export_are_read(tmp_path: Path) -> None:
    # As reported from real exports: U+202F before the day period, U+00A0 inside it.
    raw = (
        "20/6/17, 8:27\u202fp.\u00a0m. - Los mensajes y las llamadas están cifrados.\n"
        "20/6/17, 8:28\u202fp.\u00a0m. - Michelle: test\n"
        "21/6/17, 12:01\u202fa.\u00a0m. - Sam: <Multimedia omitido>\n"
    ).encode()
    path = tmp_path / "WhatsApp Chat with Michelle.txt"
    path.write_bytes(raw)
    assert sniff(path)
    assert read(path) == [
        ChatMessage(datetime(2017, 6, 20, 20, 28), "Michelle", "test", line=2),
        ChatMessage(datetime(2017, 6, 21, 0, 1), "Sam", "", media=True, line=3),
    ]


def test_the_exact_bytes_of_an_ios_export_are_read(tmp_path: Path) -> None:
    raw = (
        "\ufeff[1/13/24, 9:15:03\u202fAM] Sam: \u200eMessages and calls are end-to-end "
        "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to "
        "them.\r\n"
        "[1/13/24, 9:16:10\u202fAM] Sam: Morning!\r\n"
        "\u200e[1/13/24, 9:17:00\u202fAM] Alex: \u200eaudio omitted\r\n"
        "[1/13/24, 1:05:59\u202fPM] \u202a+44\u00a07700\u00a0900123\u202c: who is this?\r\n"
        "[1/13/24, 1:06:30\u202fPM] Sam: it's me, new number\r\n"
        "second line \u200e<This message was edited>\r\n"
        "[1/13/24, 1:07:00\u202fPM] Sam: \u200eThis message was deleted.\r\n"
        "[1/13/24, 1:08:00\u202fPM] Alex: \u200eLocation: https://maps.google.com/?q=51.5,-0.1\r\n"
        "[1/13/24, 1:09:00\u202fPM] Alex: \u200eMissed voice call, \u200eTap to call back\r\n"
    ).encode()
    path = tmp_path / "_chat.txt"
    path.write_bytes(raw)
    assert read(path) == [
        ChatMessage(datetime(2024, 1, 13, 9, 16, 10), "Sam", "Morning!", line=2),
        ChatMessage(datetime(2024, 1, 13, 9, 17), "Alex", "", media=True, line=3),
        ChatMessage(
            datetime(2024, 1, 13, 13, 5, 59), "+44\u00a07700\u00a0900123", "who is this?", line=4
        ),
        ChatMessage(
            datetime(2024, 1, 13, 13, 6, 30), "Sam", "it's me, new number\nsecond line", line=5
        ),
        ChatMessage(datetime(2024, 1, 13, 13, 8), "Alex", "", media=True, line=8),
    ]


def test_android_system_lines_are_skipped_and_media_flagged(tmp_path: Path) -> None:
    raw = (
        b"12/01/2024, 09:15 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        b'12/01/2024, 09:15 - Sam created group "Weekend"\n'
        b"12/01/2024, 09:16 - Sam added Alex\n"
        b'12/01/2024, 09:17 - Sam changed the subject from "Trip" to "Trip: Spain"\n'
        b"12/01/2024, 09:18 - Alex joined using this group's invite link\n"
        b"12/01/2024, 09:19 - Alex: IMG-20240112-WA0001.jpg (file attached)\n"
        b"12/01/2024, 09:20 - Alex: <Media omitted>\n"
        b"12/01/2024, 09:21 - Alex left\n"
        b"12/01/2024, 09:22 - \xe2\x80\x8e: says nobody\n"
        b"13/01/2024, 10:00 - Sam: ok\n"
    )
    path = tmp_path / "chat.txt"
    path.write_bytes(raw)
    assert read(path) == [
        ChatMessage(datetime(2024, 1, 12, 9, 19), "Alex", "", media=True, line=6),
        ChatMessage(datetime(2024, 1, 12, 9, 20), "Alex", "", media=True, line=7),
        ChatMessage(datetime(2024, 1, 13, 10, 0), "Sam", "ok", line=10),
    ]


def test_what_android_writes_in_a_senders_name_is_not_taken_as_their_words(
    tmp_path: Path,
) -> None:
    # Found by a new user: deletions, view-once photos ("null"), messages that never
    # arrived and Android's edit mark were stored as written messages.
    raw = (
        b"12/01/2024, 09:15 - Sam: hello\n"
        b"12/01/2024, 09:16 - Sam: This message was deleted\n"
        b"12/01/2024, 09:17 - Alex: You deleted this message\n"
        b"12/01/2024, 09:18 - Sam: null\n"
        b"12/01/2024, 09:19 - Alex: Waiting for this message\n"
        b"12/01/2024, 09:20 - Sam: see you at 7 <This message was edited>\n"
        b"12/01/2024, 09:21 - Alex: two lines\n"
        b"and the second <This message was edited>\n"
    )
    path = tmp_path / "chat.txt"
    path.write_bytes(raw)
    assert read(path) == [
        ChatMessage(datetime(2024, 1, 12, 9, 15), "Sam", "hello", line=1),
        ChatMessage(datetime(2024, 1, 12, 9, 18), "Sam", "", media=True, line=4),
        ChatMessage(datetime(2024, 1, 12, 9, 19), "Alex", "", line=5),
        ChatMessage(datetime(2024, 1, 12, 9, 20), "Sam", "see you at 7", line=6),
        ChatMessage(datetime(2024, 1, 12, 9, 21), "Alex", "two lines\nand the second", line=7),
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("13/01/2024, 21:05 - ", datetime(2024, 1, 13, 21, 5)),  # en-GB
        ("1/13/24, 9:05 PM - ", datetime(2024, 1, 13, 21, 5)),  # en-US, older
        (f"1/13/24, 9:05{NNBSP}PM - ", datetime(2024, 1, 13, 21, 5)),  # en-US, recent
        ("13.01.24, 21:05 - ", datetime(2024, 1, 13, 21, 5)),  # de
        ("13/1/24, 9:05 p. m. - ", datetime(2024, 1, 13, 21, 5)),  # es, plain spaces
        (f"13/1/24, 9:05{NNBSP}p.{NBSP}m. - ", datetime(2024, 1, 13, 21, 5)),  # es, CLDR
        (f"13/1/24, 9:05 P.{NBSP}M. - ", datetime(2024, 1, 13, 21, 5)),  # es, capitals
        (f"13/1/24, 9:05{NNBSP}p.{NNBSP}m. - ", datetime(2024, 1, 13, 21, 5)),  # es
        (f"[13/1/24, 9:05:09{NNBSP}a.{NBSP}m.] ", datetime(2024, 1, 13, 9, 5, 9)),  # iOS es
        ("13/1/24, 9:05 p.m. - ", datetime(2024, 1, 13, 21, 5)),  # es-419
        (f"13/1/2024, 9:05 μ.{NBSP}μ. - ", datetime(2024, 1, 13, 21, 5)),  # el, spaced
        ("2024-01-13 21 h 05 - ", datetime(2024, 1, 13, 21, 5)),  # fr-CA
        ("13/01/2024 à 21:05 - ", datetime(2024, 1, 13, 21, 5)),  # fr
        ("2024-01-13, 21:05 - ", datetime(2024, 1, 13, 21, 5)),  # sv
        ("2024/01/13 21:05 - ", datetime(2024, 1, 13, 21, 5)),  # ja, zh
        ("13/01/2024, 9:05 nachm. - ", datetime(2024, 1, 13, 21, 5)),  # de-AT, 12-hour
        ("13/1/2024, 9:05 م - ", datetime(2024, 1, 13, 21, 5)),  # ar
        ("2024. 1. 13. 오후 9:05 - ", datetime(2024, 1, 13, 21, 5)),  # ko
        ("13/01/2024, 12:05 a.m. - ", datetime(2024, 1, 13, 0, 5)),  # en-CA midnight
        ("13/1/2024, 9:05 μ.μ. - ", datetime(2024, 1, 13, 21, 5)),  # el
        ("13.1.2024 klo 21.05 - ", datetime(2024, 1, 13, 21, 5)),  # fi
        ("[13/01/2024, 21:05:09] ", datetime(2024, 1, 13, 21, 5, 9)),  # iOS en-GB
        ("[13.01.24, 21:05:09] ", datetime(2024, 1, 13, 21, 5, 9)),  # iOS de
        ("[2024/01/13 午後9:05:09] ", datetime(2024, 1, 13, 21, 5, 9)),  # iOS ja
        (f"{LRM}[1/13/24, 12:05:09{NNBSP}PM] ", datetime(2024, 1, 13, 12, 5, 9)),  # iOS en-US
    ],
)
def test_every_documented_header_shape(tmp_path: Path, header: str, expected: datetime) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(f"{header}Sam: hello\n", encoding="utf-8")
    assert sniff(path)
    assert read(path) == [ChatMessage(expected, "Sam", "hello", line=1)]


def test_the_date_order_comes_from_a_later_date_when_the_first_ones_fit_both(
    tmp_path: Path,
) -> None:
    lines = [f"0{d}/02/2024, 10:00 - Sam: day {d}\n" for d in range(1, 10)]
    lines.append("25/02/2024, 10:00 - Sam: settles it\n")
    path = tmp_path / "chat.txt"
    path.write_text("".join(lines), encoding="utf-8")
    assert [m.at.date().isoformat() for m in read(path)][:2] == ["2024-02-01", "2024-02-02"]


def test_a_date_beyond_the_head_settles_the_order_on_a_second_pass(tmp_path: Path) -> None:
    ambiguous = "01/02/2024, 10:00 - Sam: hi\n" * (HEAD_LINES + 10)
    path = tmp_path / "chat.txt"
    path.write_text(ambiguous + "02/25/2024, 10:00 - Sam: settles it\n", encoding="utf-8")
    found = read(path)
    assert len(found) == HEAD_LINES + 11
    assert found[0].at == datetime(2024, 1, 2, 10, 0)
    assert found[-1].at == datetime(2024, 2, 25, 10, 0)
    assert found[-1].line == HEAD_LINES + 11


def test_a_header_like_line_with_no_real_date_settles_nothing(tmp_path: Path) -> None:
    # Read year first, 45/13/2024 is no date either: it must not decide the order.
    path = tmp_path / "chat.txt"
    path.write_text(
        "01/02/2024, 10:00 - Sam: the code was\n"
        "45/13/2024, 10:00 - Sam: oops\n"
        "02/02/2024, 10:00 - Alex: ok\n",
        encoding="utf-8",
    )
    assert [(m.at, m.text) for m in read(path)] == [
        (datetime(2024, 2, 1, 10, 0), "the code was\n45/13/2024, 10:00 - Sam: oops"),
        (datetime(2024, 2, 2, 10, 0), "ok"),
    ]


def test_when_no_date_settles_it_time_order_does(tmp_path: Path) -> None:
    # Read day first, 01/02 then 02/01 goes back a month; month first it goes forward.
    path = tmp_path / "chat.txt"
    path.write_text(
        "01/02/2024, 10:00 - Sam: a\n02/01/2024, 10:00 - Sam: b\n03/01/2024, 10:00 - Sam: c\n",
        encoding="utf-8",
    )
    assert [m.at.month for m in read(path)] == [1, 2, 3]


@pytest.mark.parametrize(
    ("line", "month"),
    [("01/02/2024, 10:00 - Sam: a\n", 2), ("01/02/24, 10:00 AM - Sam: a\n", 1)],
)
def test_a_lone_ambiguous_date_follows_the_locale_habit(
    tmp_path: Path, line: str, month: int
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(line, encoding="utf-8")
    assert read(path)[0].at.month == month


def test_a_line_that_only_looks_broken_continues_the_message(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "13/01/2024, 10:00 - Sam: the list:\n"
        "31/02/2024, 10:00 - not a real date\n"
        "13/01/2024, 25:00 - nor a real time\n"
        "\n"
        "[broken\n"
        "13/01/2024, 10:01 - Alex: ok\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert first.text.splitlines()[1:] == [
        "31/02/2024, 10:00 - not a real date",
        "13/01/2024, 25:00 - nor a real time",
        "",
        "[broken",
    ]
    assert (second.line, second.sender) == (6, "Alex")


def test_an_empty_file_has_no_messages(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"")
    assert not sniff(path)
    assert read(path) == []


@pytest.mark.parametrize(
    "content",
    [
        "timestamp,sender,text\n2024-01-13T10:00:00,Sam,hi\n",
        "Dear Sam,\nthank you for the flowers.\n",
        '{"messages": []}\n',
        "\n\nhello 13/01/2024, 10:00 - Sam: hi\n",
    ],
)
def test_other_files_are_not_taken_for_whatsapp(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.txt"
    path.write_text(content, encoding="utf-8")
    assert not sniff(path)
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.file == str(path)
    assert caught.value.problems[0].line is not None


def test_whatsapp_is_tried_before_csv() -> None:
    kinds = [type(reader) for reader in READERS]
    assert kinds.index(WhatsAppReader) < kinds.index(CsvReader)


def test_bytes_that_are_not_utf8_are_reported_at_their_line(tmp_path: Path) -> None:
    good = "".join(f"13/01/2024, 10:{m:02d} - Sam: message {m}\n" for m in range(40))
    path = tmp_path / "chat.txt"
    path.write_bytes(good.encode() + b"13/01/2024, 11:00 - Sam: caf\xe9\n" + good.encode())
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.problems[0].line == 41
    assert str(caught.value).startswith(f"{path}:41: ")


def test_a_file_cut_in_the_middle_of_a_character_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes("13/01/2024, 10:00 - Sam: hi\n13/01/2024, 10:01 - Sam: 🌙".encode()[:-2])
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.problems[0].line == 2


def test_a_truncated_zip_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Sam.zip"
    chat = LOCALES["ios-en-GB"].render(a_chat(LOCALES["ios-en-GB"]) * 50)
    write_zip(path, chat, ios=True)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert sniff(path)  # the chat's name is in the zip's first bytes
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.file == str(path)
    assert "incomplete or damaged" in str(caught.value)


def test_damaged_compressed_data_is_reported_with_the_line_reached(tmp_path: Path) -> None:
    path = tmp_path / "chat.zip"
    locale = LOCALES["android-en-GB"]
    write_zip(path, locale.render(a_chat(locale) * 2000), ios=False, with_media=False)
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(64)
    path.write_bytes(bytes(raw))
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.file == str(path)
    assert caught.value.problems[0].line is not None


def test_a_zip_without_a_chat_says_so(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("IMG-20240112-WA0001.jpg", b"\xff\xd8")
        archive.writestr("notes/a.txt", b"hello")
    assert not sniff(path)
    with pytest.raises(InvalidFileError) as caught:
        read(path)
    assert caught.value.file == str(path)
    assert "no WhatsApp chat" in str(caught.value)


def test_a_zip_of_one_text_file_with_another_name_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Chat.txt", "13/01/2024, 10:00 - Sam: hi\n")
    assert [m.text for m in read(path)] == ["hi"]


def test_a_file_that_cannot_be_opened_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidFileError) as caught:
        read(tmp_path / "missing.txt")
    assert caught.value.file == str(tmp_path / "missing.txt")


def test_the_fast_message_builder_makes_the_same_message_as_the_constructor() -> None:
    # The reader builds ChatMessage straight from a tuple of its fields, in order, for
    # speed; a field added to the model must be added there too. This test says so.
    assert list(ChatMessage._fields) == [
        "at",
        "sender",
        "text",
        "media",
        "chat",
        "line",
    ], "ChatMessage changed: update _message and messages_of in _whatsapp_parse.py"
    at = datetime(2024, 1, 13, 9, 15)
    built = _message(at, "Sam", "hi", True, 7)
    assert built == ChatMessage(at, "Sam", "hi", True, None, 7)
    assert hash(built) == hash(ChatMessage(at, "Sam", "hi", True, None, 7))


@pytest.mark.parametrize("locale", LOCALES.values(), ids=list(LOCALES))
def test_a_chat_comes_out_oldest_first_as_the_app_writes_it(tmp_path: Path, locale: Locale) -> None:
    # WhatsApp writes a chat as it shows it, oldest first; the reader keeps the file's order.
    chat = a_chat(locale)
    path = tmp_path / "chat.txt"
    path.write_bytes(locale.render(chat))
    read_back = read(path)
    assert [m.at for m in read_back] == sorted(m.at for m in chat)
    assert [m.text for m in read_back] == [m.text for m in chat]
