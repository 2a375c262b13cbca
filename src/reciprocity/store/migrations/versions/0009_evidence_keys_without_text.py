"""Evidence keys without the text: each stored message's key made again from its facts.

A message's key was a hash of its time, who wrote it, whether it carried media, its
text, and how many identical messages came before it in that second. A hash of a
short text ("ok", "love you") beside its time and length could be guessed back, so
the text, which is not kept unless asked, was kept in effect. The key is now a hash of
the time, who, media, the length, and how many messages alike in all of these came
before it in that second: everything already stored in the row, so every key can be
made again here, exactly as a new import of the same messages makes it.

Messages alike in all of these are told apart only by their order within the second,
which the stored rows no longer hold; the new keys of such a group are its
occurrences 0, 1, 2..., the same set an import of those messages gives, whichever
row gets which.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import hashlib
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHUNK = 20_000


def _key(sent_at: int, from_me: bool, length: int, media: bool, occurrence: int) -> int:
    # As reciprocity.evidence._prepare.dedupe_key made it at this revision; written out
    # here so that a later change of the import's keys cannot change this migration.
    # "k2" first: no new key's data is an old key's ("0" then "0" in a second would be).
    data = f"k2\x1f{sent_at}\x1f{int(from_me)}\x1f{int(media)}\x1f{length}\x1f{occurrence}"
    return int.from_bytes(
        hashlib.blake2b(data.encode(), digest_size=8).digest(), "big", signed=True
    )


_PAGE = (
    "SELECT person_id, sent_at, from_me, media, length, key FROM evidence_messages "
    "WHERE person_id > :person OR (person_id = :person AND sent_at > :sent_at) "
    "ORDER BY person_id, sent_at, from_me, media, length, key"
)
_SECOND = (
    "SELECT person_id, sent_at, from_me, media, length, key FROM evidence_messages "
    "WHERE person_id = :person AND sent_at = :sent_at "
    "ORDER BY from_me, media, length, key"
)
_UPDATE = (
    "UPDATE evidence_messages SET key = :new "
    "WHERE person_id = :person AND sent_at = :sent_at AND key = :old"
)


def upgrade() -> None:
    """Rekey a page of whole seconds at a time, so memory stays flat however many rows.

    A key changes only within its row's second, and each page starts after the last
    second already done, so no row is read after it was changed.
    """
    connection = op.get_bind()
    person, sent_at = "", -(2**62)
    while True:
        page = connection.execute(
            sa.text(_PAGE + f" LIMIT {_CHUNK}"), {"person": person, "sent_at": sent_at}
        ).all()
        if not page:
            return
        last = (page[-1][0], page[-1][1])
        if len(page) == _CHUNK:
            # The page may end inside a second: leave that second to the next page,
            # unless it is the whole page (a second of more rows than a page holds).
            whole = [row for row in page if (row[0], row[1]) != last]
            if whole:
                page = whole
                last = (page[-1][0], page[-1][1])
            else:
                query = sa.text(_SECOND)
                page = connection.execute(query, {"person": last[0], "sent_at": last[1]}).all()
        _rekey(connection, page)
        person, sent_at = last


def _rekey(connection: sa.Connection, rows: Sequence[Any]) -> None:
    changes: list[dict[str, object]] = []
    group: tuple[object, ...] | None = None
    occurrence = 0
    for person, sent_at, from_me, media, length, old in rows:
        alike = (person, sent_at, bool(from_me), bool(media), length)
        occurrence = occurrence + 1 if alike == group else 0
        group = alike
        new = _key(sent_at, bool(from_me), length, bool(media), occurrence)
        if new != old:
            changes.append({"new": new, "person": person, "sent_at": sent_at, "old": old})
    if changes:
        connection.execute(sa.text(_UPDATE), changes)


def downgrade() -> None:
    # The keys with the text cannot be made again without it (the text is not kept):
    # the rows keep the new keys, and an older version would store a message it finds
    # again as new. Nothing else changed.
    pass
