"""Auto-detection: each export is claimed by its own reader and by no other."""

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
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_each_export_is_claimed_by_its_reader_alone(tmp_path: Path, kind: str) -> None:
    path = EXPORTS[kind](tmp_path)
    claimed = [reader.name for reader in READERS if reader.sniff(path, head_of(path))]
    assert claimed == [kind.split(" ", maxsplit=1)[0]]


OTHER_FILES = {
    # The WhatsApp and generic CSV readers are someone else's; ours must leave them be.
    "_chat.txt": b"[12/01/2024, 09:15:00] Alex: hi\r\n[12/01/2024, 09:16:00] Sam: hey\r\n",
    "WhatsApp Chat with Alex.txt": b"12/01/2024, 09:15 - Alex: hi\n",
    "messages.csv": b"date,sender,text\n2024-01-12 09:15,Alex,hi\n",
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
    assert [reader.name for reader in READERS if reader.sniff(path, head_of(path))] == []


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
