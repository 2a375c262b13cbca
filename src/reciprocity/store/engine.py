"""Open a database: build the engine, set SQLite up for safety, migrate, translate errors.

A later encrypted store (SQLCipher) only needs another ``creator`` here; the
repository and the core do not change.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, text

from reciprocity import messages
from reciprocity.store.basics import DEFAULT_LOCK_TIMEOUT, SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config
from reciprocity.errors import (
    DatabaseLockedError,
    DatabaseUnreadableError,
    DuplicateAuditError,
    DuplicatePersonError,
    NewerDatabaseError,
    NotADatabaseError,
    PersonNotFoundError,
)

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "SCHEMA_HEAD",
    "alembic_config",
    "create_store_engine",
    "database_url",
    "describe_target",
    "migrate",
    "translate_errors",
]


_MIGRATIONS = "reciprocity.store:migrations"


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a file path, or the URL itself if one is given."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def describe_target(url: str) -> str:
    """What to call the database in messages: the file path, or the URL without a password."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return re.sub(r"://([^:@/]+):[^@/]*@", r"://\1:***@", url)


def _configure_sqlite(engine: Engine, lock_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide when a transaction starts (pysqlite
        # would otherwise start its own, deferred, at the first write).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed audit survives a power cut, not just a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # What a person removes (a relationship, imported chats) is overwritten on disk,
        # not left readable in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the lock up front, so a write never fails half-way on a busy file.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not a reciprocity database.

    Looked at read-only before the engine sets WAL mode, which would rewrite the
    header of whatever file it was given.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return
    where = str(path)
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error).lower():
            raise NotADatabaseError(messages.ERR_DB_NOT_DATABASE, file=where) from error
        detail = " ".join(str(error).split())
        raise DatabaseUnreadableError(
            messages.ERR_DB_UNREADABLE.format(detail=detail), file=where
        ) from error
    if names and "alembic_version" not in names:
        raise NotADatabaseError(messages.ERR_DB_NOT_DATABASE, file=where)


def create_store_engine(
    url: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, **engine_options: Any
) -> Engine:
    """Create the engine for a database URL, with SQLite set up for safety.

    Raises:
        DatabaseUnreadableError: The folder of a SQLite file does not exist.
        NotADatabaseError: The SQLite file exists but is not a reciprocity database.
    """
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        folder = path.parent
        if path.is_dir():
            detail = messages.DETAIL_IS_A_FOLDER
            raise DatabaseUnreadableError(
                messages.ERR_DB_UNREADABLE.format(detail=detail), file=str(path)
            )
        if not folder.is_dir():
            detail = f"the folder {folder} does not exist"
            raise DatabaseUnreadableError(messages.ERR_DB_UNREADABLE.format(detail=detail))
        _check_sqlite_file(path)
        engine = create_engine(url, **engine_options)
        _configure_sqlite(engine, lock_timeout)
        return engine
    return create_engine(url, pool_pre_ping=True, **engine_options)


@contextmanager
def translate_errors(where: str) -> Iterator[None]:
    """Turn the database driver's errors about the file into reciprocity's named errors."""
    try:
        yield
    except exc.OperationalError as error:
        text = str(error.orig).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLockedError(messages.ERR_DB_LOCKED, file=where) from error
        if "not a database" in text:
            raise NotADatabaseError(messages.ERR_DB_NOT_DATABASE, file=where) from error
        # Drivers spread their messages over several lines; a person gets one.
        detail = " ".join(str(error.orig).split()) or type(error.orig).__name__
        raise DatabaseUnreadableError(
            messages.ERR_DB_UNREADABLE.format(detail=detail), file=where
        ) from error
    except exc.IntegrityError as error:
        # The checks before each write give the precise messages; these catch a
        # concurrent writer that slipped in between the check and the write.
        text = str(error.orig).lower()
        if "name_key" in text:
            raise DuplicatePersonError(messages.ERR_SAVED_MEANWHILE_NAME) from error
        if "audit_date" in text or "uq_audits_person_date" in text:
            raise DuplicateAuditError(messages.ERR_SAVED_MEANWHILE_DATE) from error
        if "foreign key" in text:
            raise PersonNotFoundError(messages.ERR_PERSON_GONE) from error
        raise
    except exc.DatabaseError as error:
        if "not a database" in str(error.orig).lower():
            raise NotADatabaseError(messages.ERR_DB_NOT_DATABASE, file=where) from error
        raise


def _current_revisions(connection: Connection) -> set[str]:
    if "alembic_version" not in inspect(connection).get_table_names():
        return set()
    rows = connection.execute(text("SELECT version_num FROM alembic_version"))
    return {row[0] for row in rows}


def migrate(engine: Engine, where: str) -> None:
    """Bring the schema up to date, or refuse a database from a newer version.

    A database already at ``SCHEMA_HEAD`` (the usual case) is recognised without
    loading Alembic, which keeps every command quick to start.

    Raises:
        NewerDatabaseError: The database carries a schema revision this version
            does not know.
        NotADatabaseError: A database server's schema holds another program's tables.
    """
    with translate_errors(where), engine.connect() as plain:
        connection = plain.execution_options(sqlite_begin="IMMEDIATE")
        with connection.begin():
            current = _current_revisions(connection)
            if current == {SCHEMA_HEAD}:
                return
            if not current and inspect(connection).get_table_names():
                # Tables but no schema version: another program's database (on a server;
                # SQLite files were looked at before opening). Leave it alone.
                raise NotADatabaseError(messages.ERR_DB_NOT_DATABASE, file=where)
            _upgrade(connection, current, where)


def _upgrade(connection: Connection, current: set[str], where: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    if unknown := current - known:
        found = ", ".join(sorted(unknown))
        raise NewerDatabaseError(messages.ERR_DB_NEWER.format(found=found), file=where)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def alembic_config() -> Config:
    """Alembic's configuration for the migrations shipped in the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _MIGRATIONS)
    return config
