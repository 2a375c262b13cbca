"""The tables reciprocity stores, as SQLAlchemy Core metadata (Alembic migrates them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

__all__ = [
    "audit_dimensions",
    "audit_revisions",
    "audits",
    "care_preferences",
    "drafts",
    "evidence_imports",
    "evidence_messages",
    "evidence_participants",
    "important_dates",
    "invitations",
    "metadata",
    "people",
    "responses",
    "seasons",
    "settings",
    "shared_things",
]


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime, stored in UTC on every backend.

    SQLite has no timezone type, so values are normalised to UTC on the way in
    and given their UTC zone back on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware one")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

people = Table(
    "people",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    # Names are looked up without regard to case: "sam" finds "Sam".
    Column("name_key", String(200), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    # Months between audits; NULL means the default rhythm.
    Column("rhythm_months", Integer, nullable=True),
)

audits = Table(
    "audits",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("person_id", String(36), ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("audit_date", Date, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("self_giving", Integer, nullable=False),
    Column("self_giving_note", Text, nullable=False),
    Column("self_receiving", Integer, nullable=False),
    Column("self_receiving_note", Text, nullable=False),
    Column("overall_score", Integer, nullable=False),
    Column("overall_proposed", Integer, nullable=True),
    Column("overall_reason", Text, nullable=False),
    Column("reflection_kind", String(20), nullable=True),
    Column("reflection_text", Text, nullable=True),
    Column("reflection_first_step", Text, nullable=True),
    UniqueConstraint("person_id", "audit_date", name="uq_audits_person_date"),
)

audit_dimensions = Table(
    "audit_dimensions",
    metadata,
    Column("audit_id", String(36), ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("dimension", String(20), primary_key=True),
    Column("score", Integer, nullable=True),
    Column("lean", String(20), nullable=True),
    Column("example", Text, nullable=False),
    Column("no_recent_example", Boolean, nullable=False),
)

# Earlier versions of an edited audit, as the JSON of the answers-file shape.
audit_revisions = Table(
    "audit_revisions",
    metadata,
    Column("audit_id", String(36), ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("saved_at", UTCDateTime(), nullable=False),
    Column("content", Text, nullable=False),
)

# An unfinished guided audit: at most one per relationship, never part of the history.
drafts = Table(
    "drafts",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("content", Text, nullable=False),
)

# Periods of legitimate, temporary asymmetry in a relationship (see core.seasons).
seasons = Table(
    "seasons",
    metadata,
    Column("id", String(36), primary_key=True),
    Column(
        "person_id",
        String(36),
        ForeignKey("people.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("whose", String(10), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start_date", Date, nullable=False),
    # NULL while the season is ongoing.
    Column("end_date", Date, nullable=True),
    Column("note", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# The person's own settings (pattern thresholds ...), one JSON value per dotted key.
settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)


def _person_id() -> Column[str]:
    """The indexed column naming whose a row is; it goes when the relationship goes."""
    return Column(
        "person_id",
        String(36),
        ForeignKey("people.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


# What to remember about each person (see core.memory): a memory aid, never a ledger.
important_dates = Table(
    "important_dates",
    metadata,
    Column("id", String(36), primary_key=True),
    _person_id(),
    Column("label", Text, nullable=False),
    Column("day", Date, nullable=False),
    Column("yearly", Boolean, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

shared_things = Table(
    "shared_things",
    metadata,
    Column("id", String(36), primary_key=True),
    _person_id(),
    Column("text", Text, nullable=False),
    Column("follow_up", Date, nullable=True),
    Column("done", Boolean, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# One row per relationship; the ways are comma-separated CareWay values.
care_preferences = Table(
    "care_preferences",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("theirs", String(200), nullable=False),
    Column("mine", String(200), nullable=False),
    Column("note", Text, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

# Invitations to the other person to audit from their side (see core.invitation); the
# secret makes each invitation's integrity code and never leaves the database.
invitations = Table(
    "invitations",
    metadata,
    Column("id", String(36), primary_key=True),
    _person_id(),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("secret", String(64), nullable=False),
)

# The answers that came back, one per invitation, the dimensions as JSON in the user's frame.
responses = Table(
    "responses",
    metadata,
    Column("id", String(36), primary_key=True),
    Column(
        "invitation_id",
        String(36),
        ForeignKey("invitations.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    _person_id(),
    Column("response_date", Date, nullable=False),
    Column("dimensions", Text, nullable=False),
    Column("received_at", UTCDateTime(), nullable=False),
)


# Evidence from the person's own chat exports (see reciprocity.evidence): what each import
# was, who is who in the exports, and the derived facts of each message.
evidence_imports = Table(
    "evidence_imports",
    metadata,
    Column("id", String(36), primary_key=True),
    _person_id(),
    Column("file_name", Text, nullable=False),
    Column("format", String(40), nullable=False),
    Column("chat", Text, nullable=True),
    Column("imported_at", UTCDateTime(), nullable=False),
    Column("messages_read", Integer, nullable=False),
    Column("messages_added", Integer, nullable=False),
    Column("kept_text", Boolean, nullable=False),
    Column("group_chat", Boolean, nullable=False),
    # The zone the export's zoneless times were read in (NULL: every time had its own).
    Column("zone", String(64), nullable=True),
)

# Who each participant of an export is (me, them, or someone else in a group chat),
# remembered so the next import of the same chat asks nothing.
evidence_participants = Table(
    "evidence_participants",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(200), primary_key=True),
    Column("role", String(10), nullable=False),
)

# One row per message between the two: when, who, how long, the signals read from it.
# The key is a hash of (sent_at, who, text, occurrence), so importing an overlapping
# export adds only what is new; the primary key orders a relationship's messages in
# time, the one index the indicators read. ``text`` is NULL unless asked to be kept.
evidence_messages = Table(
    "evidence_messages",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    # Seconds since 1970-01-01 UTC: compact, ordered, the same on every backend.
    Column("sent_at", BigInteger, primary_key=True, autoincrement=False),
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("from_me", Boolean, nullable=False),
    Column("length", Integer, nullable=False),
    Column("media", Boolean, nullable=False),
    Column("signals", Integer, nullable=False),
    Column("text", Text, nullable=True),
    # One b-tree in SQLite (the primary key) instead of a table and an index: imports
    # write half as much.
    sqlite_with_rowid=False,
)
