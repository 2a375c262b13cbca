"""Shared fixtures: real SQLite files in a temp dir, a fresh PostgreSQL schema per test, the CLI."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reciprocity.cli import main
from reciprocity.store import Store, create_store_engine, migrate, open_store

PG_URL = os.environ.get(
    "RECIPROCITY_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TODAY = dt.date.today()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite database lives (not created yet)."""
    return tmp_path / "reciprocity.db"


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def pg_store(schema: str) -> Store:
    """A migrated store in one PostgreSQL schema."""
    engine = create_store_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    migrate(engine, "postgres")
    return Store(engine, where="postgres")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A real, migrated store: a SQLite file, or a schema on the real PostgreSQL."""
    if request.param == "sqlite":
        opened = open_store(tmp_path / "store.db")
    else:
        opened = pg_store(request.getfixturevalue("pg_schema"))
    try:
        yield opened
    finally:
        opened.close()


@dataclass
class Result:
    """What one CLI run did."""

    code: int
    out: str
    err: str


@dataclass
class Cli:
    """Runs ``reciprocity`` through ``main(argv)`` against one database file."""

    db: Path
    capsys: pytest.CaptureFixture[str]

    def __call__(self, *args: str, db: bool = True) -> Result:
        self.capsys.readouterr()
        argv = ["--db", str(self.db), *args] if db else list(args)
        code = main(argv)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The CLI against a fresh database file."""
    return Cli(db_path, capsys)
