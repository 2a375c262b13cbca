"""Auto-detection: each export is taken by its own reader, the first in READERS to claim it.

The looser sniffs (WhatsApp's header lines, a CSV header naming a time, a sender and a
text) come after the formats that know their own first bytes, so a Signal chat.md or
a Discord CSV is never read as one of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.readers import READERS

from . import test_reader_discord as discord
from . import test_reader_imessage as imessage
from . import test_reader_mbox as mbox
from . import test_reader_messenger as messenger
from . import test_reader_signal as signal
from . import test_reader_sms_backup as sms
from . import test_reader_telegram as telegram
from .support import head_of

AT = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
WALL = datetime(2024, 1, 12, 9, 15)


def telegram_chat(folder: Path) -> Path:
    record = telegram.telegram_message(1, AT, "Alex", "hi")
    return telegram.write_export(folder / "result.json", telegram.one_chat("Alex", [record]))


def telegram_account(folder: Path) -> Path:
    account = {
        "about": "",
        "personal_information": {"user_id": 1},
        "chats": {"about": "", "list": []},
    }
    return telegram.write_export(folder / "result.json", account)


def discord_json(folder: Path) -> Path:
    return discord.write_json(
        folder / "dm.json", discord.dce_export([discord.dce_message(AT, "a", "hi")])
    )


def discord_csv(folder: Path) -> Path:
    return discord.write_csv(folder / "dm.csv", [("1", "a", AT.isoformat(), "hi", "")])


def messenger_older(folder: Path) -> Path:
    return messenger.write_older(
        folder / "message_1.json", [messenger.older_message(AT, "Sam", "hi")]
    )


def messenger_newer(folder: Path) -> Path:
    return messenger.write_newer(folder / "sam_1.json", [messenger.newer_message(AT, "Sam", "hi")])


def signal_markdown(folder: Path) -> Path:
    return signal.write_md(folder / "chat.md", [signal.to_md(WALL, "Alex", "hi")])


def signal_json(folder: Path) -> Path:
    path = folder / "data.json"
    path.write_text(signal.json_line(WALL, "Alex", "hi") + "\n", encoding="utf-8")
    return path


def sms_backup(folder: Path) -> Path:
    return sms.write_backup(
        folder / "sms-20240112.xml", [sms.sms(AT, 1, "hi", address="+1", name="A")]
    )


def chat_db(folder: Path) -> Path:
    db = imessage.ChatDb(folder / "chat.db")
    db.message(db.chat("a", "a"), AT, sender="a", text="hi")
    return db.close()


def mailbox(folder: Path) -> Path:
    return mbox.write_mbox(folder / "alex.mbox", [mbox.mail(AT, "a@example.org", "hi")])


def writes(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def detected(path: Path) -> str | None:
    """The format auto-detection picks: the first reader that claims the file."""
    head = head_of(path)
    return next((reader.name for reader in READERS if reader.sniff(path, head)), None)


EXPORTS: dict[str, Callable[[Path], Path]] = {
    "telegram": telegram_chat,
    "telegram account": telegram_account,
    "discord": discord_json,
    "discord-csv": discord_csv,
    "messenger": messenger_older,
    "messenger e2ee": messenger_newer,
    "signal": signal_markdown,
    "signal-json": signal_json,
    "sms-backup": sms_backup,
    "imessage": chat_db,
    "mbox": mailbox,
    "whatsapp ios": writes(
        "_chat.txt", b"[12/01/2024, 09:15:00] Alex: hi\r\n[12/01/2024, 09:16:00] Sam: hey\r\n"
    ),
    "whatsapp android": writes("WhatsApp Chat with Alex.txt", b"12/01/2024, 09:15 - Alex: hi\n"),
    "csv": writes("messages.csv", b"date,sender,text\n2024-01-12 09:15,Alex,hi\n"),
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_each_export_is_detected_as_its_own_format(tmp_path: Path, kind: str) -> None:
    path = EXPORTS[kind](tmp_path)
    assert detected(path) == kind.split(" ", maxsplit=1)[0]


OTHER_FILES = {
    "notes.md": b"# Notes\n\n- call Alex\n",
    "package.json": json.dumps({"name": "x", "messages": []}).encode(),
    "empty.json": b"",
    "reciprocity.db": b"SQLite format 3\x00" + bytes(84),
    "calls.xml": b"<?xml version='1.0'?>\n<calls count=\"0\"></calls>\n",
}


@pytest.mark.parametrize("name", OTHER_FILES)
def test_files_of_other_formats_are_not_claimed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OTHER_FILES[name])
    assert detected(path) is None


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40, deadline=None
)
@given(noise=st.binary(max_size=600), suffix=st.sampled_from([".json", ".md", ".csv", ".db", ""]))
def test_any_reader_forced_on_garbage_refuses_it_cleanly(
    tmp_path: Path, noise: bytes, suffix: str
) -> None:
    # A format given by name skips the sniff: read() alone must still refuse cleanly.
    path = tmp_path / f"export{suffix}"
    path.write_bytes(noise)
    for reader in READERS:
        refusal: InvalidFileError | None = None
        try:
            list(reader.read(path))
        except InvalidFileError as error:
            refusal = error
        assert refusal is None or refusal.file == str(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_export_saved_again_as_utf16_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    from reciprocity.evidence.choosing import pick_reader

    text = "12/01/2024, 09:15 - Alex: hi\n12/01/2024, 09:16 - Sam: hello\n"
    body = text.encode(encoding)
    if encoding == "utf-16-be":
        body = b"\xfe\xff" + body  # with its byte order mark, as editors write it
    path = tmp_path / "WhatsApp Chat with Sam.txt"
    path.write_bytes(body)
    with pytest.raises(InvalidFileError) as caught:
        pick_reader(path, None)
    assert "UTF-16" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:1: ")


@pytest.mark.parametrize(
    "page",
    [
        b"<!DOCTYPE html>\n<html lang='en'><head><title>Sam</title></head><body>",
        b"\xef\xbb\xbf  <html>\n<head><meta charset='utf-8'></head>",
    ],
)
def test_a_web_page_is_named_as_one_with_where_the_export_is(tmp_path: Path, page: bytes) -> None:
    # signal-export writes an index.html beside the chat.md it is made from.
    from reciprocity.evidence.choosing import pick_reader

    path = tmp_path / "index.html"
    path.write_bytes(page + b"<div class='msg'>hi</div></body></html>\n")
    with pytest.raises(InvalidFileError) as caught:
        pick_reader(path, None)
    assert str(caught.value).startswith(f"{path}:1: this is a web page (HTML)")
    assert "chat.md or data.json" in str(caught.value)
