"""Read-only SQL on either driver: a SQLAlchemy session, or a bare ``sqlite3`` connection.

``claims search`` is the command people run most, often from scripts, and a new
process that imports SQLAlchemy, SQLModel and pydantic spends about 0.6 s on that
before its first query; the search itself takes milliseconds. So search's queries
(``claims.db.search_sql``) are plain SQL text with ``:name`` parameters, which
SQLAlchemy's ``text()`` and ``sqlite3`` both accept, and they run through a
:class:`Reader`. :func:`open_sqlite_reader` opens an existing SQLite database at
this version's schema with the standard library alone; anything else (no file yet,
an older or newer schema, PostgreSQL) goes the full way through ``claims.db``,
which creates, migrates or refuses it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from claims.db.location import busy_timeout_ms, sqlite_file
from claims.db.migrations import head_revision
from claims.errors import database_error

if TYPE_CHECKING:
    from sqlmodel import Session

Params = Mapping[str, Any]


class Reader(Protocol):
    """Runs a read-only query; ``dialect`` is "sqlite" or "postgresql"."""

    @property
    def dialect(self) -> str: ...

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]: ...


@dataclass
class SessionReader:
    """Queries through a SQLAlchemy/SQLModel session (any database, inside its transaction)."""

    session: Session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        from sqlalchemy import text

        result = self.session.connection().execute(text(sql), dict(params or {}))
        return [tuple(row) for row in result] if result.returns_rows else []


@dataclass
class SQLiteReader:
    """Queries through the standard library's ``sqlite3`` (no SQLAlchemy import)."""

    connection: sqlite3.Connection
    dialect: str = "sqlite"

    def rows(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        try:
            return self.connection.execute(sql, dict(params or {})).fetchall()
        except sqlite3.DatabaseError as exc:  # locked, malformed: the same words as claims.db
            raise database_error(str(exc)) from None

    def close(self) -> None:
        self.connection.close()


def as_reader(source: Reader | Session | sqlite3.Connection) -> Reader:
    """A :class:`Reader` for a session, a ``sqlite3`` connection, or a reader (kept)."""
    if isinstance(source, SessionReader | SQLiteReader):
        return source
    if isinstance(source, sqlite3.Connection):
        return SQLiteReader(source)
    return SessionReader(source)  # type: ignore[arg-type]


def open_sqlite_reader(url: str) -> SQLiteReader | None:
    """A read-only ``sqlite3`` reader on the database at ``url``, or None to go the full way.

    None unless ``url`` is an existing SQLite file stamped with this version's schema
    head: a new file must be created, an old one migrated, a newer or broken one refused
    with the right message, and ``claims.db.open_database`` does all of those.
    """
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        # mode=ro: never create the file, never write to it (temp tables still work,
        # which the "did you mean" vocabulary needs; PRAGMA query_only would forbid them)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=busy_timeout_ms() / 1000)
    except sqlite3.Error:
        return None
    try:
        stamped = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:  # not a database, no schema yet, locked: the full path says which
        connection.close()
        return None
    if stamped != [(head_revision(),)]:
        connection.close()
        return None
    return SQLiteReader(connection)


def meta_value(reader: Reader, key: str) -> str | None:
    """A value from the ``meta`` table (e.g. the bundled corpus fingerprint), or None."""
    found = reader.rows("SELECT value FROM meta WHERE key = :key", {"key": key})
    return found[0][0] if found else None
