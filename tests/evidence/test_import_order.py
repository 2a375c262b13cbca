"""A friend shares hard news on Messenger: the answers count as answers, whatever Meta's order.

Meta writes the newest message first, and the import decides from the order of the
stream which replies answer hard news. These tests import a Messenger export as Meta
writes it and the same conversation from a chronological CSV, and compare what is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from reciprocity.core import RelationshipKind
from reciprocity.core.evidence import EvidenceFacts, SignalFlag
from reciprocity.evidence.importer import ChatSource, import_file
from reciprocity.evidence.model import ChatReader
from reciprocity.evidence.readers import CsvReader
from reciprocity.evidence.readers.messenger import MessengerReader
from reciprocity.store import Store
from tests.evidence.chats import ME, ROLES, START, THEM

from . import test_reader_messenger as messenger

# (minutes after START, sender, text), in the order they were sent.
CONVERSATION = [
    (0, ME, "how was your day?"),
    (5, THEM, "my mum died last night. I can't stop crying"),
    (6, ME, "oh Sam, I'm so sorry. I'm coming over"),
    (6, ME, "do you want me to bring food?"),
    (30, THEM, "yes please"),
    (31, ME, "leaving now"),
]
HARD, ANSWERS = 1, (2, 3)


def sent() -> list[tuple[dt.datetime, str, str]]:
    return [(START + dt.timedelta(minutes=at), who, text) for at, who, text in CONVERSATION]


def imported(store: Store, name: str, reader: ChatReader, path: Path) -> EvidenceFacts:
    person = store.add_person(name, RelationshipKind.FRIEND).id
    source = ChatSource(path.name, reader.name)
    import_file(store, person, reader, path, source, roles=ROLES, helper=False)
    return store.evidence_facts(person)


def write_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "sender", "text"])
        for at, who, text in sent():
            writer.writerow([at.isoformat(timespec="milliseconds"), who, text])
    return path


def test_the_answers_to_hard_news_on_messenger_are_read_as_support(
    store: Store, tmp_path: Path
) -> None:
    # One conversation split as Meta splits a long one: the hard news is the newest
    # message of message_2.json, the answers the oldest of message_1.json.
    records = [messenger.older_message(at, who, text) for at, who, text in sent()]
    folder = tmp_path / "inbox" / "sam_10158432"
    files = messenger.write_split(folder, records, 4)
    assert [path.name for path in files] == ["message_1.json", "message_2.json"]

    from_messenger = imported(store, "Sam", MessengerReader(), files[0])
    from_csv = imported(store, "Sam from CSV", CsvReader(), write_csv(tmp_path / "chat.csv"))

    flags = [SignalFlag(value) for value in from_messenger.signals]
    assert SignalFlag.DISTRESS in flags[HARD]
    assert all(SignalFlag.READ in flags[index] for index in ANSWERS)
    assert SignalFlag.SUPPORT in flags[ANSWERS[0]]
    assert from_messenger == from_csv
