"""Memory: important dates, things shared that deserve a follow-up, and care preferences.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from reciprocity.store.schema import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _person_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["person_id"], ["people.id"], name=f"fk_{table}_person_id_people", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "important_dates",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        _person_fk("important_dates"),
        sa.PrimaryKeyConstraint("id", name="pk_important_dates"),
    )
    op.create_index("ix_important_dates_person_id", "important_dates", ["person_id"])
    op.create_table(
        "shared_things",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        _person_fk("shared_things"),
        sa.PrimaryKeyConstraint("id", name="pk_shared_things"),
    )
    op.create_index("ix_shared_things_person_id", "shared_things", ["person_id"])
    op.create_table(
        "care_preferences",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("theirs", sa.String(200), nullable=False),
        sa.Column("mine", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _person_fk("care_preferences"),
        sa.PrimaryKeyConstraint("person_id", name="pk_care_preferences"),
    )


def downgrade() -> None:
    op.drop_table("care_preferences")
    op.drop_index("ix_shared_things_person_id", table_name="shared_things")
    op.drop_table("shared_things")
    op.drop_index("ix_important_dates_person_id", table_name="important_dates")
    op.drop_table("important_dates")
