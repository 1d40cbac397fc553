"""The database layer: engines, where the database is, the raw read path, and all SQL text.

- ``engine``: engines, sessions and migrations (SQLAlchemy, Alembic), the PRAGMAs and
  the integrity check; its public names are re-exported here (``claims.db.open_database``).
- ``location``: where the database is (``--db``/``CLAIMS_DB``), SQLite's busy timeout.
- ``reading``: read-only queries through a session or a bare ``sqlite3`` connection.
- ``search_sql``: the SQL of ``claims search`` (FTS5, PostgreSQL full text, filters).
- ``migrations``: Alembic's script folder; the schema's head revision, read without Alembic.

This module imports nothing: ``claims search`` reads a current SQLite database through
``location`` and ``reading`` without loading SQLAlchemy, so ``engine``'s names are
looked up on first use (PEP 562), not at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.db.engine import (
        current_revision,
        drop_everything,
        integrity_problems,
        is_sqlite,
        known_revisions,
        make_engine,
        migrate,
        open_database,
        session_scope,
        table_names,
    )

__all__ = [
    "current_revision",
    "drop_everything",
    "integrity_problems",
    "is_sqlite",
    "known_revisions",
    "make_engine",
    "migrate",
    "open_database",
    "session_scope",
    "table_names",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from claims.db import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
