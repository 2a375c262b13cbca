"""The first tables: people, audits with their dimensions and revisions, drafts.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from reciprocity.store.schema import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("name_key", name="uq_people_name_key"),
    )
    op.create_table(
        "audits",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("audit_date", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("self_giving", sa.Integer(), nullable=False),
        sa.Column("self_giving_note", sa.Text(), nullable=False),
        sa.Column("self_receiving", sa.Integer(), nullable=False),
        sa.Column("self_receiving_note", sa.Text(), nullable=False),
        sa.Column("overall_score", sa.Integer(), nullable=False),
        sa.Column("overall_proposed", sa.Integer(), nullable=True),
        sa.Column("overall_reason", sa.Text(), nullable=False),
        sa.Column("reflection_kind", sa.String(20), nullable=True),
        sa.Column("reflection_text", sa.Text(), nullable=True),
        sa.Column("reflection_first_step", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_audits_person_id_people", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audits"),
        sa.UniqueConstraint("person_id", "audit_date", name="uq_audits_person_date"),
    )
    op.create_table(
        "audit_dimensions",
        sa.Column("audit_id", sa.String(36), nullable=False),
        sa.Column("dimension", sa.String(20), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("lean", sa.String(20), nullable=True),
        sa.Column("example", sa.Text(), nullable=False),
        sa.Column("no_recent_example", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name="fk_audit_dimensions_audit_id_audits",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audit_id", "dimension", name="pk_audit_dimensions"),
    )
    op.create_table(
        "audit_revisions",
        sa.Column("audit_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name="fk_audit_revisions_audit_id_audits",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audit_id", "revision", name="pk_audit_revisions"),
    )
    op.create_table(
        "drafts",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_drafts_person_id_people", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", name="pk_drafts"),
    )


def downgrade() -> None:
    op.drop_table("drafts")
    op.drop_table("audit_revisions")
    op.drop_table("audit_dimensions")
    op.drop_table("audits")
    op.drop_table("people")
