"""Telegram Desktop's result.json: one chat or the whole account, read as a stream."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.telegram import TelegramReader

from .support import INSTANTS, NAMES, SHARED_TMP, TEXTS, read_all, reads_or_rejects, sniffs

READER = TelegramReader()


def telegram_message(
    number: int, at: datetime, sender: str, text: Any, **extra: Any
) -> dict[str, Any]:
    """One message as Telegram Desktop writes it (local wall clock in ``date``)."""
    return {
        "id": number,
        "type": "message",
        "date": at.astimezone().replace(tzinfo=None).isoformat(),
        "date_unixtime": str(int(at.timestamp())),
        "from": sender,
        "from_id": f"user{abs(hash(sender)) % 10**9}",
        "text": text,
        "text_entities": [{"type": "plain", "text": text}] if isinstance(text, str) else [],
        **extra,
    }


def one_chat(name: str, messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "type": "personal_chat", "id": 4242, "messages": messages}


def write_export(path: Path, document: dict[str, Any]) -> Path:
    # Telegram Desktop indents by one space and writes UTF-8 as is, not \u escapes.
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_chat_with_formatting_media_and_service_lines(tmp_path: Path) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    path = write_export(
        tmp_path / "result.json",
        one_chat(
            "Alex",
            [
                {
                    "id": 1,
                    "type": "service",
                    "date": "2024-01-12T09:00:00",
                    "date_unixtime": "1705050000",
                    "actor": "Alex",
                    "actor_id": "user1",
                    "action": "phone_call",
                    "text": "",
                },
                telegram_message(
                    2,
                    at,
                    "Alex",
                    ["Are you ", {"type": "bold", "text": "okay"}, "? 🫶"],
                ),
                telegram_message(3, at, "Sam", "", photo="photos/photo_1@12-01-2024_09-15-00.jpg"),
                telegram_message(
                    4, at, "Sam", "", file="voice_messages/audio_1.ogg", media_type="voice_message"
                ),
                {
                    **telegram_message(5, at, "x", "from a deleted account"),
                    "from": None,
                    "from_id": "user99",
                },
            ],
        ),
    )
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(at=at, sender="Alex", text="Are you okay? 🫶"),
        ChatMessage(at=at, sender="Sam", text="", media=True),
        ChatMessage(at=at, sender="Sam", text="", media=True),
        ChatMessage(at=at, sender="user99", text="from a deleted account"),
    ]


def test_without_date_unixtime_the_wall_clock_is_read(tmp_path: Path) -> None:
    record = telegram_message(1, datetime(2024, 1, 12, 9, 15, tzinfo=UTC), "Alex", "hi")
    del record["date_unixtime"]
    record["date"] = "2024-01-12T10:15:00"
    path = write_export(tmp_path / "result.json", one_chat("Alex", [record]))
    [message] = read_all(READER, path)
    assert message.at == datetime(2024, 1, 12, 10, 15)


def test_a_whole_account_names_each_chat(tmp_path: Path) -> None:
    at = datetime(2024, 3, 1, 18, 0, tzinfo=UTC)
    account = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Sam"},
        "chats": {
            "about": "This page lists all chats from this export.",
            "list": [
                one_chat("Alex", [telegram_message(1, at, "Alex", "hi Sam")]),
                {
                    **one_chat("Book club", [telegram_message(2, at, "Sam", "see you")]),
                    "type": "private_group",
                },
            ],
        },
        "left_chats": {"about": "", "list": [one_chat("Old group", [])]},
    }
    path = write_export(tmp_path / "result.json", account)
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(at=at, sender="Alex", text="hi Sam", chat="Alex"),
        ChatMessage(at=at, sender="Sam", text="see you", chat="Book club"),
    ]


@SHARED_TMP
@given(st.lists(st.tuples(INSTANTS, NAMES, TEXTS, st.booleans()), max_size=12))
def test_messages_written_as_telegram_does_read_back_the_same(
    tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]
) -> None:
    records = [
        telegram_message(number, at, sender, text, **({"photo": "photos/p.jpg"} if media else {}))
        for number, (at, sender, text, media) in enumerate(sent)
    ]
    path = write_export(tmp_path / "result.json", one_chat("Alex", records))
    assert read_all(READER, path) == [
        ChatMessage(at=at, sender=sender, text=text, media=media)
        for at, sender, text, media in sent
    ]


def test_a_cut_short_export_says_where(tmp_path: Path) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    whole = json.dumps(one_chat("Alex", [telegram_message(n, at, "Alex", "hi") for n in range(5)]))
    path = tmp_path / "result.json"
    path.write_text(whole[: len(whole) * 2 // 3], encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.file == str(path)
    assert raised.value.problems[0].field is not None
    assert raised.value.problems[0].field.startswith("messages[")


def test_a_message_without_a_date_is_named(tmp_path: Path) -> None:
    record = telegram_message(1, datetime(2024, 1, 12, tzinfo=UTC), "Alex", "hi")
    del record["date"], record["date_unixtime"]
    path = write_export(tmp_path / "result.json", one_chat("Alex", [record, record]))
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].field == "messages[0]"
    assert "date" in raised.value.problems[0].message


def test_json_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "x", "type": "personal_chat", "date_unixtime": 1}', "utf-8")
    with pytest.raises(InvalidFileError):
        read_all(READER, path)


def test_other_json_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "x", "version": "1.0", "messages": []}', "utf-8")
    assert not sniffs(READER, path)


@SHARED_TMP
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=2000))
def test_garbage_in_an_export_is_refused_cleanly(tmp_path: Path, noise: bytes, cut: int) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    document = one_chat("Alex", [telegram_message(n, at, "Alex", "hé 🫶") for n in range(4)])
    whole = json.dumps(document, indent=1, ensure_ascii=False).encode()
    path = tmp_path / "result.json"
    path.write_bytes(whole[: cut % len(whole)] + noise + whole[cut % len(whole) :][:40])
    reads_or_rejects(READER, path)


@SHARED_TMP
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
        max_leaves=8,
    )
)
def test_odd_values_in_a_message_are_refused_cleanly(tmp_path: Path, odd: Any) -> None:
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    for key in ("date_unixtime", "date", "text", "from", "photo"):
        record = telegram_message(1, at, "Alex", "hi")
        record[key] = odd
        path = write_export(tmp_path / "result.json", one_chat("Alex", [record, odd]))
        reads_or_rejects(READER, path)


def test_an_export_from_before_date_unixtime_is_claimed_and_read(tmp_path: Path) -> None:
    record = telegram_message(1, datetime(2019, 5, 1, tzinfo=UTC), "Alex", "hi")
    del record["date_unixtime"]
    path = write_export(tmp_path / "result.json", one_chat("Alex", [record]))
    assert sniffs(READER, path)
    [message] = read_all(READER, path)
    assert message.at.tzinfo is None


def test_a_large_account_export_is_read_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    at = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    filler = "a long message about the week, " * 8
    # Written piece by piece so the test itself never holds the document.
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"personal_information": {"user_id": 1}, "chats": {"list": [')
        for chat in range(4):
            handle.write(("," if chat else "") + f'{{"name": "chat {chat}", "messages": [')
            for number in range(2500):
                record = telegram_message(number, at, "Alex", filler)
                handle.write(("," if number else "") + json.dumps(record, ensure_ascii=False))
            handle.write("]}")
        handle.write("]}}")
    assert path.stat().st_size > 3_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in READER.read(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    # Under a third of the file, and independent of its size: one message at a time.
    assert peak < 1_000_000


def test_a_chat_comes_out_oldest_first_as_telegram_writes_it(tmp_path: Path) -> None:
    # Telegram Desktop writes a chat by message id, which grows with each message sent:
    # oldest first. The reader keeps that order.
    start = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
    sent = [
        (start, "Zoë", "I didn't get the job. I feel awful"),
        (start.replace(minute=17), "Sam", "oh no, I'm so sorry"),
        (start.replace(minute=17), "Sam", "their loss. call later?"),
        (start.replace(minute=40), "Zoë", "yes please"),
    ]
    path = write_export(
        tmp_path / "result.json",
        one_chat(
            "Zoë",
            [telegram_message(n, at, who, text) for n, (at, who, text) in enumerate(sent, 1)],
        ),
    )
    assert [(m.at, m.sender, m.text) for m in read_all(READER, path)] == sent


def test_a_text_file_read_as_telegram_is_said_not_to_be_json(tmp_path: Path) -> None:
    # Found by a new user: notes given --format telegram were called a cut-short export.
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\nand more\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        list(TelegramReader().read(notes))
    assert str(raised.value) == (
        f"{notes}:1: this is not a JSON file, so it is not a Telegram Desktop export (result.json)"
    )


def test_a_parser_error_is_given_in_words_not_as_bytes(tmp_path: Path) -> None:
    broken = tmp_path / "result.json"
    broken.write_bytes(b'{"messages": [\xff\xfe garbage\n')
    with pytest.raises(InvalidFileError) as raised:
        list(TelegramReader().read(broken))
    text = str(raised.value)
    assert "the JSON stops making sense here (lexical error: invalid char in json text.)" in text
    assert "b'" not in text
    assert "\\n" not in text


def test_the_html_export_is_told_to_be_exported_again_as_json(tmp_path: Path) -> None:
    # Found by a new user: Telegram's and Meta's HTML exports were given Signal's advice.
    page = tmp_path / "messages.html"
    page.write_text("<!DOCTYPE html>\n<html>\n<head><meta charset='utf-8'/>", encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        list(TelegramReader().read(page))
    text = str(raised.value)
    assert text.startswith(f"{page}:1: this is a web page (HTML)")
    assert "Telegram Desktop: choose JSON, then import result.json" in text
