"""The quick start-up check knows the newest migration."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from reciprocity.store.engine import SCHEMA_HEAD, alembic_config


def test_the_schema_head_constant_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [SCHEMA_HEAD]
