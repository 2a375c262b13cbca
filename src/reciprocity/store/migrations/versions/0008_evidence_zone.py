"""Evidence zone: the time zone an import read the export's zoneless times in.

Remembered so the next import of the same relationship reads them in the same zone:
read in another, the same messages would be stored again at other moments.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_imports") as batch:
        batch.add_column(sa.Column("zone", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence_imports") as batch:
        batch.drop_column("zone")
