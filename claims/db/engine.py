"""Engines, sessions and migrations (SQLAlchemy), and the raw SQL they need.

Search's SQL lives in ``claims.db.search_sql`` and runs without SQLAlchemy when it can
(``claims.db.reading``); where the database is comes from ``claims.db.location``.

SQLite is the embedded default (a file under the user's data dir); any
SQLAlchemy URL works, PostgreSQL above all. The schema is created and upgraded
by Alembic (``claims/db/migrations``); a database stamped with a revision this
version does not know was made by a newer ``claims`` and is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from claims.db.location import busy_timeout_ms, database_url, sqlite_file
from claims.db.migrations import MIGRATIONS_DIR, head_revision
from claims.errors import DatabaseError, database_error


def is_sqlite(engine_or_session: Engine | Session) -> bool:
    if isinstance(engine_or_session, Session):
        return engine_or_session.get_bind().dialect.name == "sqlite"
    bind = engine_or_session
    return bind.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder must exist or be creatable."""
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the database folder {path.parent}: {exc.strerror}",
                hint="pass a writable path as `url`",
            ) from None
        if path.exists() and not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseError(
                f"the database {path} is not writable",
                hint="pass a writable path as `url`",
            )
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(
            f"cannot use database URL {url!r}: {exc}",
            hint="give a file path or a SQLAlchemy URL such as postgresql+psycopg://user@host/db",
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _at_head(engine: Engine) -> bool:
    """True when the database is stamped with this version's head (no Alembic needed)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            stamped = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return [row[0] for row in stamped] == [head]
    except DBAPIError:
        return False  # no alembic_version yet, or a problem the full path will report


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to this version's head; refuse a newer database."""
    # Fast path: importing and running Alembic costs ~0.2 s a command, and a database
    # already at head (the usual case) needs neither.
    if _at_head(engine):
        return
    from alembic import command

    try:
        revision = current_revision(engine)
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                f"the database was made by a newer version of claims (schema {revision})",
                hint="upgrade claims (pip install -U claims) or use another `url`",
            )
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    except DBAPIError as exc:  # locked, not a database, server down
        raise _operational_error(exc) from None


def _operational_error(exc: DBAPIError) -> DatabaseError:
    return database_error(str(exc.orig) if exc.orig is not None else str(exc))


def open_database(url: str | None = None) -> Engine:
    """Engine for ``url`` (default: ``CLAIMS_DB`` or the per-user file), migrated to head."""
    engine = make_engine(database_url(url))
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()  # no pooled connection outlives a refused database
        raise
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise _operational_error(exc) from None
        except BaseException:
            session.rollback()
            raise


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


def integrity_problems(session: Session) -> list[str]:
    """SQLite's ``PRAGMA integrity_check`` findings ([] when sound). Other databases: []."""
    if not is_sqlite(session):
        return []
    rows = session.connection().exec_driver_sql("PRAGMA integrity_check").all()
    return [str(row[0]) for row in rows if str(row[0]).lower() != "ok"]


def drop_everything(engine: Engine) -> None:
    """Drop all tables, Alembic's included (tests use it on a shared PostgreSQL)."""
    from sqlmodel import SQLModel

    import claims.models  # noqa: F401  (registers the tables)

    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TABLE IF EXISTS claim_fts")
        SQLModel.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
