"""macOS Messages' chat.db: the real schema, typedstream bodies, read-only and untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity import messages
from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.imessage import IMessageReader, attributed_body_text

from .support import INSTANTS, SHARED_TMP, TEXTS, read_all, reads_or_rejects, sniffs

READER = IMessageReader()
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
AT = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)

# The tables as macOS 14 creates them (columns the reader does not use kept, so the
# SELECT meets the real shape; some late additions left out for length).
SCHEMA = """
CREATE TABLE _SqliteDatabaseProperties (key TEXT, value TEXT, UNIQUE(key));
CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL,
  country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT,
  person_centric_id TEXT, UNIQUE (id, service) );
CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  style INTEGER, state INTEGER, account_id TEXT, properties BLOB, chat_identifier TEXT,
  service_name TEXT, room_name TEXT, account_login TEXT, is_archived INTEGER DEFAULT 0,
  last_addressed_handle TEXT, display_name TEXT, group_id TEXT, is_filtered INTEGER DEFAULT 0,
  successful_query INTEGER, engram_id TEXT, server_change_token TEXT,
  ck_sync_state INTEGER DEFAULT 0, original_group_id TEXT, last_read_message_timestamp
  INTEGER DEFAULT 0, cloudkit_record_id TEXT, last_addressed_sim_id TEXT,
  is_blackholed INTEGER DEFAULT 0, syndication_date INTEGER DEFAULT 0,
  syndication_type INTEGER DEFAULT 0, is_recovered INTEGER DEFAULT 0,
  is_deleting_incoming_messages INTEGER DEFAULT 0);
CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  text TEXT, replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0,
  subject TEXT, country TEXT, attributedBody BLOB, version INTEGER DEFAULT 0,
  type INTEGER DEFAULT 0, service TEXT, account TEXT, account_guid TEXT,
  error INTEGER DEFAULT 0, date INTEGER, date_read INTEGER, date_delivered INTEGER,
  is_delivered INTEGER DEFAULT 0, is_finished INTEGER DEFAULT 0, is_emote INTEGER DEFAULT 0,
  is_from_me INTEGER DEFAULT 0, is_empty INTEGER DEFAULT 0, is_delayed INTEGER DEFAULT 0,
  is_auto_reply INTEGER DEFAULT 0, is_prepared INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0,
  is_system_message INTEGER DEFAULT 0, is_sent INTEGER DEFAULT 0,
  has_dd_results INTEGER DEFAULT 0, is_service_message INTEGER DEFAULT 0,
  is_forward INTEGER DEFAULT 0, was_downgraded INTEGER DEFAULT 0,
  is_archive INTEGER DEFAULT 0, cache_has_attachments INTEGER DEFAULT 0,
  cache_roomnames TEXT, was_data_detected INTEGER DEFAULT 0,
  was_deduplicated INTEGER DEFAULT 0, is_audio_message INTEGER DEFAULT 0,
  is_played INTEGER DEFAULT 0, date_played INTEGER, item_type INTEGER DEFAULT 0,
  other_handle INTEGER DEFAULT 0, group_title TEXT, group_action_type INTEGER DEFAULT 0,
  share_status INTEGER DEFAULT 0, share_direction INTEGER DEFAULT 0,
  is_expirable INTEGER DEFAULT 0, expire_state INTEGER DEFAULT 0,
  message_action_type INTEGER DEFAULT 0, message_source INTEGER DEFAULT 0,
  associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0,
  balloon_bundle_id TEXT, payload_data BLOB, expressive_send_style_id TEXT,
  associated_message_range_location INTEGER DEFAULT 0,
  associated_message_range_length INTEGER DEFAULT 0, time_expressive_send_played INTEGER,
  message_summary_info BLOB, ck_sync_state INTEGER DEFAULT 0, ck_record_id TEXT DEFAULT NULL,
  ck_record_change_tag TEXT DEFAULT NULL, destination_caller_id TEXT DEFAULT NULL,
  is_corrupt INTEGER DEFAULT 0, reply_to_guid TEXT DEFAULT NULL, sort_id INTEGER,
  is_spam INTEGER DEFAULT 0, has_unseen_mention INTEGER DEFAULT 0,
  thread_originator_guid TEXT DEFAULT NULL, thread_originator_part TEXT DEFAULT NULL,
  syndication_ranges TEXT DEFAULT NULL, synced_syndication_ranges TEXT DEFAULT NULL,
  was_delivered_quietly INTEGER DEFAULT 0, did_notify_recipient INTEGER DEFAULT 0,
  date_retracted INTEGER DEFAULT 0, date_edited INTEGER DEFAULT 0,
  was_detonated INTEGER DEFAULT 0, part_count INTEGER, is_stewie INTEGER DEFAULT 0,
  is_kt_verified INTEGER DEFAULT 0, is_sos INTEGER DEFAULT 0, is_critical INTEGER DEFAULT 0,
  bia_reference_id TEXT DEFAULT NULL, fallback_hash TEXT DEFAULT NULL);
CREATE TABLE chat_message_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE,
  message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
CREATE TABLE chat_handle_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  handle_id INTEGER REFERENCES handle (ROWID) ON DELETE CASCADE, UNIQUE(chat_id, handle_id));
CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL,
  created_date INTEGER DEFAULT 0, start_date INTEGER DEFAULT 0, filename TEXT, uti TEXT,
  mime_type TEXT, transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0,
  user_info BLOB, transfer_name TEXT, total_bytes INTEGER DEFAULT 0);
CREATE TABLE message_attachment_join (message_id INTEGER REFERENCES message (ROWID)
  ON DELETE CASCADE, attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE,
  UNIQUE(message_id, attachment_id));
CREATE INDEX chat_message_join_idx_message_date_id_chat_id
  ON chat_message_join(chat_id, message_date, message_id);
"""

# An NSAttributedString as NSArchiver writes it, around the string's UTF-8 bytes.
TYPEDSTREAM_HEAD = (
    b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00"
    b"\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+"
)
TYPEDSTREAM_TAIL = (
    b"\x92\x84\x84\x84\x0cNSDictionary\x00\x94\x84\x01i\x01\x92\x84\x96\x96"
    b"\x1d__kIMMessagePartAttributeName\x86\x92\x84\x84\x84\x08NSNumber\x00"
    b"\x84\x84\x07NSValue\x00\x94\x84\x01*\x84\x99\x99\x00\x86\x86\x86"
)


def typedstream_int(value: int) -> bytes:
    if value < 0x80:
        return bytes([value])
    if value < 0x8000:
        return b"\x81" + value.to_bytes(2, "little")
    return b"\x82" + value.to_bytes(4, "little")


def attributed_body(text: str) -> bytes:
    data = text.encode("utf-8")
    utf16_length = len(text.encode("utf-16-le")) // 2
    runs = b"\x86\x84\x02iI\x01" + typedstream_int(utf16_length)
    return TYPEDSTREAM_HEAD + typedstream_int(len(data)) + data + runs + TYPEDSTREAM_TAIL


def apple_date(at: datetime, *, nanoseconds: bool = True) -> int:
    delta = at - APPLE_EPOCH
    seconds = delta.days * 86_400 + delta.seconds
    return seconds * 1_000_000_000 + delta.microseconds * 1000 if nanoseconds else seconds


class ChatDb:
    """A chat.db built row by row, as Messages fills it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection = sqlite3.connect(path)
        # Test files need no crash safety; skipping fsync keeps hypothesis fast.
        self.connection.execute("PRAGMA synchronous = OFF")
        self.connection.executescript(SCHEMA)
        self.count = 0

    def chat(self, identifier: str, *handles: str) -> int:
        cursor = self.connection.execute(
            "INSERT INTO chat (guid, style, chat_identifier, service_name) VALUES (?, ?, ?, ?)",
            (f"iMessage;-;{identifier}", 45 if len(handles) == 1 else 43, identifier, "iMessage"),
        )
        chat_id = cursor.lastrowid
        for handle in handles:
            self.connection.execute(
                "INSERT OR IGNORE INTO handle (id, service) VALUES (?, 'iMessage')", (handle,)
            )
            self.connection.execute(
                "INSERT INTO chat_handle_join (chat_id, handle_id) "
                "SELECT ?, ROWID FROM handle WHERE id = ?",
                (chat_id, handle),
            )
        assert chat_id is not None
        return chat_id

    def message(
        self,
        chat_id: int,
        at: datetime,
        *,
        sender: str | None,
        text: str | None,
        body: bytes | None = None,
        nanoseconds: bool = True,
        **columns: object,
    ) -> None:
        self.count += 1
        handle = self.connection.execute(
            "SELECT ROWID FROM handle WHERE id = ?", (sender,)
        ).fetchone()
        values: dict[str, object] = {
            "guid": hashlib.md5(str(self.count).encode()).hexdigest().upper(),
            "text": text,
            "attributedBody": body,
            "handle_id": handle[0] if handle else 0,
            "service": "iMessage",
            "date": apple_date(at, nanoseconds=nanoseconds),
            "is_from_me": int(sender is None),
            **columns,
        }
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.connection.execute(
            f"INSERT INTO message ({names}) VALUES ({marks})",
            tuple(values.values()),
        )
        self.connection.execute(
            "INSERT INTO chat_message_join (chat_id, message_id, message_date) VALUES (?, ?, ?)",
            (chat_id, cursor.lastrowid, values["date"]),
        )

    def close(self) -> Path:
        self.connection.commit()
        self.connection.close()
        return self.path


def test_text_attributed_bodies_tapbacks_and_attachments(tmp_path: Path) -> None:
    db = ChatDb(tmp_path / "chat.db")
    alex = db.chat("+15551234567", "+15551234567")
    db.message(alex, AT, sender="+15551234567", text="are you around? 🌧️")
    db.message(
        alex,
        AT + timedelta(minutes=1),
        sender=None,
        text=None,
        body=attributed_body("always, what's up?"),
    )
    db.message(
        alex,
        AT + timedelta(minutes=2),
        sender="+15551234567",
        text='Loved "always"',
        associated_message_type=2000,
        associated_message_guid="p:0/X",
    )
    db.message(alex, AT + timedelta(minutes=3), sender=None, text="\ufffc", cache_has_attachments=1)
    db.message(
        alex,
        AT + timedelta(minutes=4),
        sender="+15551234567",
        text=None,
        item_type=2,
        group_title="Us",
    )
    db.message(
        alex, AT + timedelta(minutes=5), sender="+15551234567", text="old mac", nanoseconds=False
    )
    path = db.close()
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(AT, "+15551234567", "are you around? 🌧️", chat="+15551234567"),
        ChatMessage(
            AT + timedelta(minutes=1), messages.SENDER_ME, "always, what's up?", chat="+15551234567"
        ),
        ChatMessage(
            AT + timedelta(minutes=3), messages.SENDER_ME, "", media=True, chat="+15551234567"
        ),
        ChatMessage(AT + timedelta(minutes=5), "+15551234567", "old mac", chat="+15551234567"),
    ]


def test_the_database_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    db = ChatDb(tmp_path / "chat.db")
    chat = db.chat("a@example.org", "a@example.org")
    db.message(chat, AT, sender="a@example.org", text="hi")
    path = db.close()
    before = path.read_bytes()
    path.chmod(0o444)
    assert len(read_all(READER, path)) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chat.db"]


def test_long_attributed_bodies_use_the_wider_lengths() -> None:
    for text in ("x" * 127, "y" * 128, "é" * 300, "z" * 40_000):
        assert attributed_body_text(attributed_body(text)) == text
    assert attributed_body_text(b"\x04\x0bstreamtyped nothing here") is None
    assert attributed_body_text(TYPEDSTREAM_HEAD + b"\x81\xff") is None


@settings(parent=SHARED_TMP, max_examples=25)
@given(
    st.lists(
        st.tuples(INSTANTS, st.booleans(), TEXTS.map(str.strip).filter(bool), st.booleans()),
        max_size=8,
    )
)
def test_round_trip(tmp_path: Path, sent: list[tuple[datetime, bool, str, bool]]) -> None:
    path = tmp_path / "chat.db"
    path.unlink(missing_ok=True)
    db = ChatDb(path)
    chat = db.chat("chat123456", "+1555", "+1666")
    # Rows stored in any order of date (a row's ROWID says when it reached this Mac).
    moments = [at.replace(year=2020) + timedelta(days=index) for index, (at, *_) in enumerate(sent)]
    for moment, (_, mine, text, archived) in zip(moments, sent, strict=True):
        db.message(
            chat,
            moment,
            sender=None if mine else "+1555",
            text=None if archived else text,
            body=attributed_body(text) if archived else None,
        )
    db.close()
    by_date = sorted(zip(moments, sent, strict=True), key=lambda stored: stored[0])
    assert [(m.sender, m.text, m.chat) for m in read_all(READER, path)] == [
        (messages.SENDER_ME if mine else "+1555", text.replace("\ufffc", "").strip(), "chat123456")
        for _, (_, mine, text, _) in by_date
        if text.replace("\ufffc", "").strip()
    ]


def test_messages_come_out_by_when_they_were_sent_not_as_stored(tmp_path: Path) -> None:
    db = ChatDb(tmp_path / "chat.db")
    alex = db.chat("+15551234567", "+15551234567")
    # Rows reach chat.db in the order they reach the Mac: here the answer was stored
    # first, and the hard news came later from iCloud; one old row counts in seconds.
    db.message(alex, AT + timedelta(minutes=3), sender=None, text="I'm so sorry, I'm here")
    db.message(
        alex, AT + timedelta(minutes=9), sender="+15551234567", text="thank you", nanoseconds=False
    )
    db.message(alex, AT, sender="+15551234567", text="Mum is in hospital, I'm scared")
    db.message(alex, AT + timedelta(minutes=3), sender=None, text="want me to come?")
    db.close()
    assert [(m.at, m.text) for m in read_all(READER, tmp_path / "chat.db")] == [
        (AT, "Mum is in hospital, I'm scared"),
        (AT + timedelta(minutes=3), "I'm so sorry, I'm here"),
        (AT + timedelta(minutes=3), "want me to come?"),
        (AT + timedelta(minutes=9), "thank you"),
    ]


def test_an_sqlite_file_of_another_app_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE message (id INTEGER)")
    connection.commit()
    connection.close()
    assert not sniffs(READER, path)
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert "handle" in raised.value.problems[0].message


def test_a_corrupt_database_is_refused(tmp_path: Path) -> None:
    db = ChatDb(tmp_path / "chat.db")
    chat = db.chat("a", "a")
    for n in range(400):
        db.message(chat, AT, sender="a", text=f"message {n} " * 20)
    path = db.close()
    whole = bytearray(path.read_bytes())
    whole[8192:16384] = b"\xa5" * 8192
    path.write_bytes(bytes(whole))
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.file == str(path)


@settings(parent=SHARED_TMP, max_examples=25)
@given(st.binary(max_size=400), st.integers(min_value=100, max_value=20000))
def test_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes, at: int) -> None:
    path = tmp_path / "chat.db"
    if not path.exists():
        db = ChatDb(path)
        chat = db.chat("a", "a")
        db.message(chat, AT, sender="a", text="hi", body=attributed_body("hi"))
        db.close()
        (tmp_path / "pristine").write_bytes(path.read_bytes())
    whole = (tmp_path / "pristine").read_bytes()
    cut = at % len(whole)
    path.write_bytes(whole[:cut] + noise + whole[cut + len(noise) :])
    reads_or_rejects(READER, path)


@given(st.binary(max_size=300))
def test_any_blob_gives_text_or_none(blob: bytes) -> None:
    for candidate in (blob, TYPEDSTREAM_HEAD + blob):
        result = attributed_body_text(candidate)
        assert result is None or isinstance(result, str)
