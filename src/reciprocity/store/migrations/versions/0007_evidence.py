"""Evidence from chat exports: the imports, who is who, and each message's derived facts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from reciprocity.store.schema import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _person_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["person_id"], ["people.id"], name=f"fk_{table}_person_id_people", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "evidence_imports",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(40), nullable=False),
        sa.Column("chat", sa.Text(), nullable=True),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("messages_read", sa.Integer(), nullable=False),
        sa.Column("messages_added", sa.Integer(), nullable=False),
        sa.Column("kept_text", sa.Boolean(), nullable=False),
        sa.Column("group_chat", sa.Boolean(), nullable=False),
        _person_fk("evidence_imports"),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_imports"),
    )
    op.create_index("ix_evidence_imports_person_id", "evidence_imports", ["person_id"])
    op.create_table(
        "evidence_participants",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        _person_fk("evidence_participants"),
        sa.PrimaryKeyConstraint("person_id", "name", name="pk_evidence_participants"),
    )
    op.create_table(
        "evidence_messages",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("sent_at", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("from_me", sa.Boolean(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("media", sa.Boolean(), nullable=False),
        sa.Column("signals", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        _person_fk("evidence_messages"),
        sa.PrimaryKeyConstraint("person_id", "sent_at", "key", name="pk_evidence_messages"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("evidence_messages")
    op.drop_table("evidence_participants")
    op.drop_index("ix_evidence_imports_person_id", table_name="evidence_imports")
    op.drop_table("evidence_imports")
