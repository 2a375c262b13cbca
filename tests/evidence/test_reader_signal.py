"""signal-export's chat.md (Markdown blocks) and data.json (JSON lines)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.signal import HEADER, SignalJsonReader, SignalMarkdownReader

from .support import NAMES, SHARED_TMP, TEXTS, WALL_CLOCKS, read_all, reads_or_rejects, sniffs

MARKDOWN = SignalMarkdownReader()
JSON_LINES = SignalJsonReader()
AT = datetime(2024, 1, 12, 9, 15, 30)


def to_md(
    at: datetime,
    sender: str,
    body: str,
    *,
    quote: str = "",
    reactions: tuple[tuple[str, str], ...] = (),
    attachments: tuple[str, ...] = (),
    sticker: str = "",
) -> str:
    """One message as signal-export's Message.to_md writes it (then print adds a newline)."""
    body = body.replace("`", "") + "  "
    if reactions:
        body += "\n(- " + ", ".join(f"{name}: {emoji}" for name, emoji in reactions) + " -)"
    if sticker:
        body += "\n(( " + sticker + " ))"
    for name in attachments:
        body += ("!" if name.endswith(".jpg") else "") + f"[{name}](./media/{name})  "
    if quote:
        quote = "\n\n> " + quote.replace("\n", "\n> ") + "\n\n"
    return f"[{at.strftime('%Y-%m-%d %H:%M:%S')}] {sender}: {quote}{body}\n"


def write_md(path: Path, blocks: list[str], newline: str = "\n") -> Path:
    path.write_bytes("".join(block + "\n" for block in blocks).replace("\n", newline).encode())
    return path


def test_a_chat_with_quotes_reactions_media_calls_and_deletions(tmp_path: Path) -> None:
    path = write_md(
        tmp_path / "chat.md",
        [
            to_md(AT, "Alex", "Missed voice call"),
            to_md(AT, "Alex", "are you free tonight?\nI could use a walk"),
            to_md(AT, "Me", "yes!", quote="are you free tonight?", reactions=(("Alex", "❤️"),)),
            to_md(AT, "Me", "", attachments=("2024-01-12_photo.jpg", "notes.pdf")),
            to_md(AT, "Alex", "", sticker="🐻"),
            to_md(AT, "Alex", "(This message was deleted)"),
            to_md(AT, "Me", "Outgoing video call (accepted, 3m 2s)"),
        ],
        newline="\r\n",
    )
    assert sniffs(MARKDOWN, path)
    assert read_all(MARKDOWN, path) == [
        ChatMessage(AT, "Alex", "are you free tonight?\nI could use a walk", line=3),
        ChatMessage(AT, "Me", "yes!", line=6),
        ChatMessage(AT, "Me", "", media=True, line=13),
        ChatMessage(AT, "Alex", "", media=True, line=15),
    ]


def test_the_older_minute_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("[2019-05-29, 15:04] Me: How is everyone?  \n\n", encoding="utf-8")
    assert sniffs(MARKDOWN, path)
    assert read_all(MARKDOWN, path) == [
        ChatMessage(datetime(2019, 5, 29, 15, 4), "Me", "How is everyone?", line=1)
    ]


def plain_markdown_text(text: str) -> bool:
    """Texts signal-export cannot write unambiguously are left out of the round trip."""
    return (
        "`" not in text
        and not any(HEADER.match(line) for line in text.split("\n"))
        and not text.startswith("\n\n> ")
        and not re.search(r"(\n\(- .* -\)|\n\(\( .* \)\)|\]\(\.\.?/.*\)  )$", text)
        and text not in ("(This message was deleted)",)
        and not re.match(r"^(Incoming|Outgoing|Missed) (\w+ )?call", text)
        and "\r" not in text
    )


@SHARED_TMP
@given(st.lists(st.tuples(WALL_CLOCKS, NAMES, TEXTS, st.booleans()), max_size=10))
def test_markdown_round_trip(tmp_path: Path, sent: list[tuple[datetime, str, str, bool]]) -> None:
    assume(all(plain_markdown_text(text) for _, _, text, _ in sent))
    blocks = [
        to_md(at, name, text, attachments=("a.jpg",) if media else ())
        for at, name, text, media in sent
    ]
    path = write_md(tmp_path / "chat.md", blocks)
    assert [(m.at, m.sender, m.text, m.media) for m in read_all(MARKDOWN, path)] == sent


def test_a_file_that_does_not_start_with_a_message_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("\n# Alex\n[2024-01-12 09:15:00] Me: hi\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as raised:
        read_all(MARKDOWN, path)
    assert raised.value.problems[0].line == 2


def test_a_bad_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("[2024-01-12 09:15:00] Me: hi\n\n[2024-13-40 09:15:00] Me: x\n", "utf-8")
    with pytest.raises(InvalidFileError) as raised:
        read_all(MARKDOWN, path)
    assert raised.value.problems[0].line == 3


def test_other_markdown_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Notes\n[2024-01-12 09:15:00] Me: hi\n", encoding="utf-8")
    assert not sniffs(MARKDOWN, path)
    txt = tmp_path / "chat.txt"
    txt.write_text("[2024-01-12 09:15:00] Me: hi\n", encoding="utf-8")
    assert not sniffs(MARKDOWN, txt)


@SHARED_TMP
@given(st.binary(max_size=300))
def test_markdown_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "chat.md"
    path.write_bytes(b"[2024-01-12 09:15:00] Me: hi  \n\n" + noise)
    reads_or_rejects(MARKDOWN, path)


def json_line(at: datetime, sender: str, body: str, **extra: Any) -> str:
    """One line as Message.dict_str writes it: asdict with the date in ISO form."""
    record: dict[str, Any] = {
        "date": at.isoformat(),
        "sender": sender,
        "body": body.replace("`", "") + "  ",
        "quote": "",
        "sticker": None,
        "reactions": [],
        "attachments": [],
        "deleted": False,
        "call": False,
        "missed": False,
    }
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


def test_json_lines_are_read_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    lines = [
        json_line(AT, "Alex", "hi 👋"),
        json_line(AT, "Me", "", attachments=[{"name": "a.jpg", "path": "media/a.jpg"}]),
        json_line(AT, "Me", "Outgoing call", call=True),
        json_line(AT, "Alex", "(This message was deleted)", deleted=True),
        json_line(AT, "Alex", "bye", reactions=[["Me", "❤️"]]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert sniffs(JSON_LINES, path)
    assert not sniffs(MARKDOWN, path)
    assert read_all(JSON_LINES, path) == [
        ChatMessage(AT, "Alex", "hi 👋", line=1),
        ChatMessage(AT, "Me", "", media=True, line=2),
        ChatMessage(AT, "Alex", "bye", line=5),
    ]


@SHARED_TMP
@given(st.lists(st.tuples(WALL_CLOCKS, NAMES, TEXTS), max_size=10))
def test_json_lines_round_trip(tmp_path: Path, sent: list[tuple[datetime, str, str]]) -> None:
    assume(all(plain_markdown_text(text) for _, _, text in sent))
    path = tmp_path / "data.json"
    path.write_text("".join(json_line(*message) + "\n" for message in sent), encoding="utf-8")
    assert [(m.at, m.sender, m.text) for m in read_all(JSON_LINES, path)] == sent


def test_a_broken_json_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json_line(AT, "A", "x") + "\n" + json_line(AT, "A", "y")[:30], "utf-8")
    with pytest.raises(InvalidFileError) as raised:
        read_all(JSON_LINES, path)
    assert raised.value.problems[0].line == 2


@SHARED_TMP
@given(st.binary(max_size=300))
def test_json_lines_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(json_line(AT, "A", "x").encode() + b"\n" + noise)
    reads_or_rejects(JSON_LINES, path)


@SHARED_TMP
@given(st.none() | st.integers() | st.booleans() | TEXTS | st.lists(st.integers(), max_size=2))
def test_odd_json_values_are_refused_cleanly(tmp_path: Path, odd: Any) -> None:
    for key in ("date", "sender", "body", "attachments", "deleted"):
        path = tmp_path / "data.json"
        record = json.loads(json_line(AT, "A", "y"))
        record[key] = odd
        path.write_text(json_line(AT, "A", "x") + "\n" + json.dumps(record) + "\n", "utf-8")
        reads_or_rejects(JSON_LINES, path)


def test_both_files_come_out_oldest_first_as_signal_export_writes_them(tmp_path: Path) -> None:
    # signal-export selects a chat's messages ORDER BY sent_at, and sorts by date again
    # when it merges with an earlier export: oldest first. The readers keep that order.
    sent = [
        (AT, "Zoë", "Mum's in hospital again, I'm scared"),
        (AT.replace(minute=20), "Me", "I'm so sorry. Want me to come?"),
        (AT.replace(minute=20), "Me", "I can drive you"),
        (AT.replace(minute=45), "Zoë", "thank you"),
    ]
    markdown = write_md(tmp_path / "chat.md", [to_md(at, who, text) for at, who, text in sent])
    lines = tmp_path / "data.json"
    lines.write_text("".join(json_line(at, who, text) + "\n" for at, who, text in sent))
    for reader, path in ((MARKDOWN, markdown), (JSON_LINES, lines)):
        assert [(m.at, m.sender, m.text) for m in read_all(reader, path)] == sent
