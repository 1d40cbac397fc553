"""Shared fixtures: a fresh database per test (SQLite file, or a PostgreSQL schema when
CLAIMS_TEST_DATABASE_URL is set), a session-wide built corpus for read-only tests, and
a CLI runner that never touches the user's real database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "CLAIMS_TEST_DATABASE_URL"
REPO = Path(__file__).resolve().parent.parent


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # Benchmarks stay out of the default run: collected only with --benchmark-enable/-only.
    if "benchmarks" in collection_path.parts:
        if not (config.getoption("benchmark_enable") or config.getoption("benchmark_only")):
            return True
    return None


def _postgres_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _fresh_postgres_schema(base_url: str, name: str) -> str:
    """Create an empty schema ``name`` and return a URL whose search_path is it."""
    from sqlalchemy import create_engine

    engine = create_engine(base_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        connection.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    engine.dispose()
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{name}"


def _drop_postgres_schema(base_url: str, name: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(base_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    engine.dispose()


def make_db_url(tmp_path: Path, label: str) -> tuple[str, str | None]:
    """A new empty database: (url, postgres schema to drop afterwards or None)."""
    base = _postgres_url()
    if base:
        schema = f"t_{label}_{uuid.uuid4().hex[:10]}"
        return _fresh_postgres_schema(base, schema), schema
    return f"sqlite:///{tmp_path / (label + '.db')}", None


@pytest.fixture(autouse=True)
def _isolate_user_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real database or config."""
    monkeypatch.setenv("CLAIMS_DB", f"sqlite:///{tmp_path / 'user-default.db'}")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty (not yet migrated) database for one test."""
    url, schema = make_db_url(tmp_path, "fresh")
    yield url
    if schema:
        _drop_postgres_schema(_postgres_url() or "", schema)


def _opened(url: str):  # type: ignore[no-untyped-def]
    """An engine on ``url`` (migrated to head), disposed afterwards."""
    from claims.db import open_database

    eng = open_database(url)
    yield eng
    eng.dispose()


def _session_on(engine):  # type: ignore[no-untyped-def]
    from sqlmodel import Session

    with Session(engine) as s:
        yield s


@pytest.fixture
def engine(db_url: str):  # type: ignore[no-untyped-def]
    """A fresh database, migrated to head, with nothing in it."""
    yield from _opened(db_url)


@pytest.fixture
def session(engine):  # type: ignore[no-untyped-def]
    yield from _session_on(engine)


def _built_database(folder: Path, label: str) -> Iterator[str]:
    """A new database with the bundled corpus built in it; dropped afterwards on PostgreSQL."""
    from claims.db import open_database
    from claims.ingest.corpus import build_bundled

    url, schema = make_db_url(folder, label)
    eng = open_database(url)
    build_bundled(eng)
    eng.dispose()
    yield url
    if schema:
        _drop_postgres_schema(_postgres_url() or "", schema)


@pytest.fixture(scope="session")
def built_db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled corpus, built once per test session. Read-only: do not write to it."""
    yield from _built_database(tmp_path_factory.mktemp("built"), "built")


@pytest.fixture
def built_engine(built_db_url: str):  # type: ignore[no-untyped-def]
    yield from _opened(built_db_url)


@pytest.fixture
def built_session(built_engine):  # type: ignore[no-untyped-def]
    yield from _session_on(built_engine)


@pytest.fixture
def built_copy_url(tmp_path: Path) -> Iterator[str]:
    """A freshly built corpus this test may change (costs a build)."""
    yield from _built_database(tmp_path, "copy")


class Cli:
    """Runs the real Typer app in-process, like a user at a shell."""

    def __init__(self, db: str | None) -> None:
        from typer.testing import CliRunner

        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, db: bool = True):  # type: ignore[no-untyped-def]
        from cli.main import app

        argv = (["--db", self.db] if db and self.db else []) + list(args)
        return self.runner.invoke(app, argv, input=input, catch_exceptions=False)


@pytest.fixture
def make_cli() -> type[Cli]:
    """``make_cli(url)``: a CLI bound to any database URL (import-free access to Cli)."""
    return Cli


@pytest.fixture
def cli(built_db_url: str) -> Cli:
    """CLI bound to the shared built corpus (read-only commands)."""
    return Cli(built_db_url)


@pytest.fixture
def cli_rw(built_copy_url: str) -> Cli:
    """CLI bound to a private built corpus (commands that write)."""
    return Cli(built_copy_url)


@pytest.fixture
def cli_empty(db_url: str) -> Cli:
    """CLI bound to a fresh database; the first command builds the bundled corpus."""
    return Cli(db_url)


@pytest.fixture
def requires_postgres() -> str:
    url = _postgres_url()
    if not url:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run this test")
    return url
