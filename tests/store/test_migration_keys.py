"""Schema 0009 makes every stored message's key again without its text.

A database imported into by an older version must, once migrated, recognise the same
messages when they are imported again: the keys the migration makes are those a new
import makes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text

from reciprocity.core.evidence import Role
from reciprocity.evidence.importer import ChatSource, import_chat
from reciprocity.evidence.model import ChatMessage
from reciprocity.store import Store, create_store_engine, migrate
from reciprocity.store.engine import alembic_config
from tests.conftest import PG_URL

ROLES = {"Alex": Role.ME, "Sam": Role.THEM}
PERSON = "p-1"


def old_key(sent_at: int, from_me: bool, text: str, media: bool, occurrence: int) -> int:
    """The key as schema 0008's import made it: with the text."""
    data = f"{sent_at}\x1f{int(from_me)}\x1f{int(media)}\x1f{occurrence}\x1f{text}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def a_chat(minutes: int) -> list[ChatMessage]:
    """Messages with every kind of neighbour in one second: twins, same length, media."""
    start = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    # "0" twice: a text of digits once made an old key's data a new key's (a reviewer).
    texts = ["haha", "haha", "ok", "no", "", "hello there", "0", "0", "1"]
    out = []
    for minute in range(minutes):
        at = start + dt.timedelta(minutes=minute)
        for i, words in enumerate(texts):
            sender = "Alex" if (minute + i // 2) % 2 else "Sam"
            out.append(ChatMessage(at, sender, words, media=not words))
    return out


def old_rows(messages: list[ChatMessage]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    seen: dict[tuple[bool, str, bool], int] = {}
    second = None
    for message in messages:
        sent_at = int(message.at.timestamp())
        from_me = ROLES[message.sender] is Role.ME
        if sent_at != second:
            second, seen = sent_at, {}
        which = (from_me, message.text, message.media)
        occurrence = seen.get(which, 0)
        seen[which] = occurrence + 1
        rows.append(
            {
                "person": PERSON,
                "sent_at": sent_at,
                "key": old_key(sent_at, from_me, message.text, message.media, occurrence),
                "from_me": from_me,
                "length": len(message.text),
                "media": message.media,
            }
        )
    return rows


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "sqlite":
        return create_store_engine(f"sqlite:///{tmp_path / 'old.db'}")
    schema = request.getfixturevalue("pg_schema")
    return create_store_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})


def test_messages_stored_by_an_older_version_are_recognised_after_the_migration(
    engine: Engine,
) -> None:
    # 27,000 rows: the migration's pages of 20,000 end inside a second (nine a second).
    messages = a_chat(3000)
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
        connection.execute(
            text(
                "INSERT INTO people (id, name, name_key, kind, created_at)"
                " VALUES (:id, 'Sam', 'sam', 'friend', '2026-01-01 10:00:00')"
            ),
            {"id": PERSON},
        )
        connection.execute(
            text(
                'INSERT INTO evidence_messages (person_id, sent_at, "key", from_me, length, '
                "media, signals) VALUES (:person, :sent_at, :key, :from_me, :length, :media, 1)"
            ),
            old_rows(messages),
        )
    migrate(engine, "test")
    store = Store(engine, where="test")
    try:
        again = import_chat(store, PERSON, messages, ChatSource("chat.txt", "t"), roles=ROLES)
        assert again.record.messages_read == len(messages) == 27_000
        assert again.record.messages_added == 0
        assert store.count_evidence(PERSON) == 27_000
        # The same keys as a new import of the same messages makes.
        fresh = store.add_person("Fresh", store.person("Sam").kind).id
        import_chat(store, fresh, messages, ChatSource("chat.txt", "t"), roles=ROLES)
        with engine.connect() as connection:
            keys = {
                person: sorted(
                    row[0]
                    for row in connection.execute(
                        text('SELECT "key" FROM evidence_messages WHERE person_id = :p'),
                        {"p": person},
                    )
                )
                for person in (PERSON, fresh)
            }
        assert keys[PERSON] == keys[fresh]
    finally:
        store.close()
