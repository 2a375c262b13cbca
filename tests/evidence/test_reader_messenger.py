"""Facebook Messenger and Instagram JSON: mojibake repaired, both layouts, system lines skipped."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import repair_mojibake
from reciprocity.evidence.readers.messenger import MessengerReader

from .support import MILLI_INSTANTS, NAMES, SHARED_TMP, TEXTS, read_all, reads_or_rejects, sniffs

READER = MessengerReader()
AT = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)


def garble(text: str) -> str:
    """What Meta's exporter does: every UTF-8 byte becomes a character of its own."""
    return text.encode("utf-8").decode("latin-1")


def older_message(at: datetime, sender: str, content: str | None, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "sender_name": garble(sender),
        "timestamp_ms": round(at.timestamp() * 1000),
    }
    if content is not None:
        record["content"] = garble(content)
    record.update(extra)
    record["is_geoblocked_for_viewer"] = False
    return record


def write_older(path: Path, sent: list[dict[str, Any]]) -> Path:
    """An older-layout file holding ``sent`` (oldest first), written newest first as Meta does."""
    document = {
        "participants": [{"name": garble("Zoë")}, {"name": "Sam"}],
        "messages": sent[::-1],
        "title": garble("Zoë"),
        "is_still_participant": True,
        "thread_path": "inbox/zoe_10158432",
        "magic_words": [],
    }
    # Meta escapes every non-ASCII character, which is where the bytes-as-\u00XX come from.
    path.write_text(json.dumps(document, indent=2, ensure_ascii=True), encoding="ascii")
    return path


def newer_message(at: datetime, sender: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "isUnsent": False,
        "media": [],
        "reactions": [],
        "senderName": sender,
        "text": text,
        "timestamp": round(at.timestamp() * 1000),
        "type": "text",
        **extra,
    }


def write_newer(path: Path, sent: list[dict[str, Any]]) -> Path:
    """A file of the encrypted layout holding ``sent`` (oldest first), written newest first."""
    document = {"participants": ["Zoë", "Sam"], "threadName": "Zoë", "messages": sent[::-1]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_bytes_written_as_latin1_escapes_come_back_as_the_words(tmp_path: Path) -> None:
    path = write_older(
        tmp_path / "message_1.json",
        [older_message(AT, "Zoë", "ça va? 😊 — très bien")],
    )
    assert b"\\u00c3\\u00a7a va" in path.read_bytes()
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(at=AT, sender="Zoë", text="ça va? 😊 — très bien")
    ]


def test_the_older_layout_marks_media_and_skips_calls_joins_and_unsent(tmp_path: Path) -> None:
    photo = {"uri": "messages/inbox/zoe/photos/1.jpg", "creation_timestamp": 1705050900}
    path = write_older(
        tmp_path / "message_2.json",
        [
            older_message(AT, "Sam", None, photos=[photo]),
            older_message(AT, "Sam", None, sticker={"uri": "s.png"}),
            older_message(AT, "Zoë", "Zoë started a call.", type="Call", call_duration=60),
            older_message(AT, "Zoë", "Zoë added Sam to the group.", type="Subscribe"),
            older_message(AT, "Sam", None, is_unsent=True),
            older_message(AT, "Sam", "look", share={"link": "https://example.org"}),
            older_message(AT, "Sam", "hi"),
        ],
    )
    assert read_all(READER, path) == [
        ChatMessage(at=AT, sender="Sam", text="", media=True),
        ChatMessage(at=AT, sender="Sam", text="", media=True),
        ChatMessage(at=AT, sender="Sam", text="look", media=True),
        ChatMessage(at=AT, sender="Sam", text="hi"),
    ]


def test_the_newer_encrypted_layout_is_read(tmp_path: Path) -> None:
    path = write_newer(
        tmp_path / "zoe_1.json",
        [
            newer_message(AT, "Zoë", "thinking of you"),
            newer_message(AT, "Sam", "", media=[{"uri": "./media/1.jpg"}]),
            newer_message(AT, "Sam", "", isUnsent=True),
        ],
    )
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(at=AT, sender="Zoë", text="thinking of you"),
        ChatMessage(at=AT, sender="Sam", text="", media=True),
    ]


def hard_news(start: datetime, count: int) -> list[tuple[datetime, str, str]]:
    """A conversation as it was sent, oldest first: Zoë shares something hard, Sam answers.

    Sam's two answers are sent in the same millisecond, to show they keep their order.
    """
    script = [
        (0, "Zoë", "Dad's scan came back. It's cancer and I'm so scared"),
        (120, "Sam", "Oh Zoë, I'm so sorry. I'm here for you"),
        (120, "Sam", "Do you want me to come over tonight?"),
        (300, "Zoë", "yes please"),
        (900, "Sam", "on my way"),
    ]
    sent = [(start + timedelta(seconds=at), who, text) for at, who, text in script]
    return (sent * (count // len(sent) + 1))[:count]


def test_a_file_written_newest_first_comes_out_oldest_first(tmp_path: Path) -> None:
    sent = hard_news(AT, 5)
    path = write_older(
        tmp_path / "message_1.json", [older_message(at, who, text) for at, who, text in sent]
    )
    assert json.loads(path.read_text())["messages"][0]["content"] == "on my way"
    assert read_all(READER, path) == [ChatMessage(at, who, text) for at, who, text in sent]


def test_an_encrypted_chat_written_newest_first_comes_out_oldest_first(tmp_path: Path) -> None:
    sent = hard_news(AT, 5)
    path = write_newer(
        tmp_path / "zoe_1.json", [newer_message(at, who, text) for at, who, text in sent]
    )
    assert json.loads(path.read_text())["messages"][0]["text"] == "on my way"
    assert read_all(READER, path) == [ChatMessage(at, who, text) for at, who, text in sent]


def write_split(folder: Path, sent: list[dict[str, Any]], per_file: int) -> list[Path]:
    """A long conversation as Meta splits it: ``message_1.json`` holds the newest messages."""
    folder.mkdir(parents=True)
    newest_first = sent[::-1]
    parts = [newest_first[at : at + per_file] for at in range(0, len(newest_first), per_file)]
    return [
        write_older(folder / f"message_{number}.json", part[::-1])
        for number, part in enumerate(parts, start=1)
    ]


def test_a_conversation_split_in_several_files_is_read_whole_oldest_first(
    tmp_path: Path,
) -> None:
    sent = [
        (at + timedelta(days=day), who, text)
        for day in range(3)
        for at, who, text in hard_news(AT, 5)
    ]
    inbox = tmp_path / "your_activity_across_facebook" / "messages" / "inbox"
    files = write_split(
        inbox / "zoe_10158432", [older_message(at, who, text) for at, who, text in sent], 4
    )
    assert [path.name for path in files] == [f"message_{n}.json" for n in (1, 2, 3, 4)]
    # Another conversation beside it is not part of this one.
    write_split(inbox / "alex_20231", [older_message(AT, "Alex", "hello")], 4)
    expected = [ChatMessage(at, who, text) for at, who, text in sent]
    for part in files:
        assert sniffs(READER, part)
        assert read_all(READER, part) == expected


def test_the_tenth_file_is_older_than_the_ninth(tmp_path: Path) -> None:
    sent = [
        older_message(AT + timedelta(minutes=minute), "Sam", f"note {minute}")
        for minute in range(11)
    ]
    files = write_split(tmp_path / "sam_1", sent, 1)
    assert files[-1].name == "message_11.json"
    assert [message.text for message in read_all(READER, files[0])] == [
        f"note {minute}" for minute in range(11)
    ]


def test_a_broken_message_in_an_older_file_names_that_file_and_message(tmp_path: Path) -> None:
    sent = [older_message(AT + timedelta(minutes=n), "Sam", f"m{n}") for n in range(6)]
    del sent[1]["timestamp_ms"]
    files = write_split(tmp_path / "sam_1", sent, 3)
    # message_2.json holds m0..m2 newest first: m2, m1 (the broken one), m0.
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, files[0])
    assert raised.value.file == str(files[1])
    assert raised.value.problems[0].field == "messages[1]"


def test_repair_leaves_good_text_alone() -> None:
    assert repair_mojibake("café 😊") == "café 😊"
    assert repair_mojibake(garble("café 😊")) == "café 😊"
    assert repair_mojibake("plain") == "plain"


@SHARED_TMP
@given(st.lists(st.tuples(MILLI_INSTANTS, NAMES, TEXTS, st.booleans()), max_size=10))
def test_older_layout_round_trip(
    tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]
) -> None:
    sent = sorted(sent, key=lambda message: message[0])
    records = [
        older_message(at, name, text, **({"videos": [{"uri": "v.mp4"}]} if media else {}))
        for at, name, text, media in sent
    ]
    path = write_older(tmp_path / "message_1.json", records)
    assert read_all(READER, path) == [
        ChatMessage(at=at, sender=name, text=text, media=media)
        for at, name, text, media in sent
        if text or media
    ]


@SHARED_TMP
@given(st.lists(st.tuples(MILLI_INSTANTS, NAMES, TEXTS, st.booleans()), max_size=10))
def test_newer_layout_round_trip(
    tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]
) -> None:
    # The one known limit of the repair: good text that is itself valid mojibake.
    assume(all(repair_mojibake(text) == text for _, _, text, _ in sent))
    sent = sorted(sent, key=lambda message: message[0])
    records = [
        newer_message(at, name, text, media=[{"uri": "m.jpg"}] if media else [])
        for at, name, text, media in sent
    ]
    path = write_newer(tmp_path / "t.json", records)
    assert read_all(READER, path) == [
        ChatMessage(at=at, sender=name, text=text, media=media)
        for at, name, text, media in sent
        if text or media
    ]


def test_a_message_without_a_time_is_named(tmp_path: Path) -> None:
    broken = older_message(AT, "Sam", "hi")
    del broken["timestamp_ms"]
    # Written newest first: the message sent last comes first in the file.
    path = write_older(tmp_path / "message_1.json", [broken, older_message(AT, "Sam", "a")])
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].field == "messages[1]"
    assert "timestamp_ms" in raised.value.problems[0].message


def test_a_cut_short_file_says_where(tmp_path: Path) -> None:
    path = write_older(tmp_path / "message_1.json", [older_message(AT, "S", "hi")] * 5)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert (raised.value.problems[0].field or "").startswith("messages[")


@SHARED_TMP
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=3000))
def test_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes, cut: int) -> None:
    path = write_older(tmp_path / "message_1.json", [older_message(AT, "Zoë", "hé")] * 3)
    whole = path.read_bytes()
    path.write_bytes(whole[: cut % len(whole)] + noise)
    reads_or_rejects(READER, path)


@SHARED_TMP
@given(st.none() | st.integers() | st.floats() | TEXTS | st.lists(st.integers(), max_size=2))
def test_odd_values_are_refused_cleanly(tmp_path: Path, odd: Any) -> None:
    for key in ("timestamp_ms", "sender_name", "content", "type", "is_unsent"):
        record = older_message(AT, "Sam", "hi")
        record[key] = odd
        path = write_older(tmp_path / "message_1.json", [record, odd])
        reads_or_rejects(READER, path)
    for key in ("timestamp", "senderName", "text", "media", "isUnsent"):
        newer = newer_message(AT, "Sam", "hi")
        newer[key] = odd
        path = write_newer(tmp_path / "t.json", [newer, odd])
        reads_or_rejects(READER, path)
