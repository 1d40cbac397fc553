"""Engines, sessions, migrations, and every piece of raw SQL in the project.

SQLite is the embedded default (a file under the user's data dir); any
SQLAlchemy URL works, PostgreSQL above all. The schema is created and upgraded
by Alembic (``claims/migrations``); a database stamped with a revision this
version does not know was made by a newer ``claims`` and is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from claims.errors import DatabaseError

ENV_VAR = "CLAIMS_DB"
_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another; CLAIMS_BUSY_TIMEOUT_MS


def default_path() -> Path:
    """The per-user database file (platformdirs), e.g. ~/.local/share/claims/claims.db."""
    from platformdirs import user_data_path

    return user_data_path("claims", appauthor=False) / "claims.db"


def database_url(value: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``/``CLAIMS_DB``: a URL is kept, a path becomes sqlite.

    >>> database_url("postgresql+psycopg://u@h/db")
    'postgresql+psycopg://u@h/db'
    >>> database_url("/tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    if value is None:
        value = os.environ.get(ENV_VAR) or default_path()
    text = str(value)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(engine_or_session: Engine | Session) -> bool:
    if isinstance(engine_or_session, Session):
        return engine_or_session.get_bind().dialect.name == "sqlite"
    bind = engine_or_session
    return bind.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    timeout = int(os.environ.get("CLAIMS_BUSY_TIMEOUT_MS", SQLITE_BUSY_TIMEOUT_MS))
    cursor.execute(f"PRAGMA busy_timeout={timeout}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder must exist or be creatable."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the database folder {path.parent}: {exc.strerror}",
                hint="pass a writable path with --db or CLAIMS_DB",
            ) from None
        if path.exists() and not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseError(
                f"the database {path} is not writable",
                hint="pass a writable path with --db or CLAIMS_DB",
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
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to this version's head; refuse a newer database."""
    from alembic import command

    try:
        revision = current_revision(engine)
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                f"the database was made by a newer version of claims (schema {revision})",
                hint="upgrade claims (pip install -U claims) or use another --db",
            )
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    except DBAPIError as exc:  # locked, not a database, server down
        raise _operational_error(exc) from None


def _operational_error(exc: DBAPIError) -> DatabaseError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in text:
        return DatabaseError(
            "the database is locked by another process",
            hint="wait for the other claims command to finish, then try again",
        )
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseError(
            "the --db file is not a claims database (not SQLite)",
            hint="point --db at a new path or an existing claims database",
        )
    first_line = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return DatabaseError(
        f"cannot open the database: {first_line}",
        hint="check --db / CLAIMS_DB, and that the server is running",
    )


def open_database(url: str | None = None) -> Engine:
    """Engine for ``url`` (default: ``CLAIMS_DB`` or the per-user file), migrated to head."""
    engine = make_engine(database_url(url))
    migrate(engine)
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
