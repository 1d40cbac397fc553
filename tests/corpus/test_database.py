"""The database layer: migrations, version guard, bad paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import claims.models  # noqa: F401
from claims.db import current_revision, make_engine, migrate, open_database
from claims.db.location import database_url
from claims.errors import DatabaseError


def test_migrations_match_the_models(engine) -> None:  # type: ignore[no-untyped-def]
    """Alembic's migrations must create exactly what models.py declares (none stale)."""
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    # the search index (FTS5 table / tsvector column) is outside the models on purpose
    diff = [d for d in diff if "claim_fts" not in str(d) and "search" not in str(d)]
    assert diff == []


def test_schema_version_is_recorded(engine) -> None:  # type: ignore[no-untyped-def]
    assert current_revision(engine) == "0005"


def test_newer_database_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer version of claims") as info:
        migrate(engine)
    assert info.value.hint and "upgrade claims" in info.value.hint


def test_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="cannot create the database folder"):
        make_engine(database_url(blocker / "sub" / "claims.db"))


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="not a claims database"):
        open_database(str(path))


def test_url_or_path() -> None:
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("rel.db").startswith("sqlite:////")


def test_postgres_gets_the_same_schema(requires_postgres: str, db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("the fresh database is SQLite in this run")
    engine = open_database(db_url)
    assert current_revision(engine) == "0005"
    engine.dispose()
