"""The quick read path: search through stdlib ``sqlite3`` gives what the ORM session gives.

``claims search`` reads a current SQLite database without importing SQLAlchemy
(claims.db.reading); these tests hold the two paths to the same answers and check
when the quick path steps aside for the full one. SQLite only: PostgreSQL always
takes the session path, which the rest of tests/lookup runs on both databases.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claims.db.reading import SQLiteReader, open_sqlite_reader
from claims.search import CLAIM_ROW_COLUMNS, search, suggest
from lookup.imports import run_and_list_modules


@pytest.fixture(scope="module")
def sqlite_built(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled corpus in a SQLite file (whatever database the suite runs on)."""
    from claims.db import open_database
    from claims.ingest.corpus import build_bundled

    url = f"sqlite:///{tmp_path_factory.mktemp('quick') / 'claims.db'}"
    engine = open_database(url)
    build_bundled(engine)
    engine.dispose()
    return url


@pytest.fixture
def quick(sqlite_built: str):  # type: ignore[no-untyped-def]
    reader = open_sqlite_reader(sqlite_built)
    assert isinstance(reader, SQLiteReader)
    yield reader
    reader.close()


@pytest.fixture
def orm_session(sqlite_built: str):  # type: ignore[no-untyped-def]
    from sqlmodel import Session

    from claims.db import open_database

    engine = open_database(sqlite_built)
    with Session(engine) as session:
        yield session
    engine.dispose()


SEARCHES = [
    ("surplus", {}),
    ("U.S. forces in Japan", {}),
    ("the", {}),
    ('"surplus" AND (Japan*) -trade:', {}),
    (None, {"kind": "money", "min_value": 1e10}),
    (None, {"topic": "trade"}),
    (None, {"origin": "curated", "limit": 200}),
    (None, {"source": "cronin-1996", "year_from": 1990, "year_to": 1996}),
    ("percent", {"max_value": 50}),
    ("surplus", {"kind": "money", "limit": 1}),
    ("qwertyuiop", {}),
]


@pytest.mark.parametrize(("words", "filters"), SEARCHES, ids=lambda v: repr(v))
def test_quick_reader_finds_what_the_session_finds(quick, orm_session, words, filters) -> None:  # type: ignore[no-untyped-def]
    through_orm = [hit.to_dict() for hit in search(orm_session, words, **filters)]
    through_sqlite3 = [hit.to_dict() for hit in search(quick, words, **filters)]
    assert through_sqlite3 == through_orm
    if words != "qwertyuiop":
        assert through_orm, "every case but the miss finds something"


def test_quick_reader_suggests_what_the_session_suggests(quick, orm_session) -> None:  # type: ignore[no-untyped-def]
    expected = suggest(orm_session, "surplsu", topic="trad", metric="forces")
    assert suggest(quick, "surplsu", topic="trad", metric="forces") == expected
    assert "surplus" in expected.words and "trade" in expected.topics


def test_search_accepts_a_bare_sqlite3_connection(sqlite_built: str) -> None:
    connection = sqlite3.connect(sqlite_built.removeprefix("sqlite:///"))
    try:
        found = [hit.claim.surface for hit in search(connection, "surplus", limit=2)]
    finally:
        connection.close()
    assert found == ["$49-billion", "$125-billion"]


def test_claim_rows_read_claim_columns_and_serialize_like_the_model(orm_session) -> None:  # type: ignore[no-untyped-def]
    from claims.models import Claim
    from claims.serialize import claim_to_public

    assert set(CLAIM_ROW_COLUMNS) <= set(Claim.__table__.columns.keys())  # type: ignore[attr-defined]
    for hit in search(orm_session, "surplus", limit=5):
        stored = orm_session.get(Claim, hit.claim.id)
        extra = {"rank", "score", "highlights"}
        got = {k: v for k, v in hit.to_dict().items() if k not in extra}
        assert got == claim_to_public(stored, hit.source_slug, hit.topics)


# --- when the quick path steps aside -------------------------------------------

def _stamped(path: Path, revision: str | None) -> str:
    connection = sqlite3.connect(path)
    if revision is not None:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


@pytest.mark.parametrize(("make_url", "why"), [
    (lambda tmp: "postgresql+psycopg://postgres@127.0.0.1:5432/test", "not SQLite"),
    (lambda tmp: "sqlite:///:memory:", "in memory"),
    (lambda tmp: f"sqlite:///{tmp / 'missing.db'}", "no file yet: the full path creates it"),
    (lambda tmp: (tmp / "notes.txt").write_text("hello " * 200) and
     f"sqlite:///{tmp / 'notes.txt'}", "not a database: the full path says so"),
    (lambda tmp: _stamped(tmp / "empty.db", None), "no schema: the full path migrates"),
    (lambda tmp: _stamped(tmp / "newer.db", "ffff"), "newer schema: the full path refuses"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_quick_reader_steps_aside(tmp_path: Path, make_url, why: str) -> None:  # type: ignore[no-untyped-def]
    assert open_sqlite_reader(make_url(tmp_path)) is None, why
    assert not (tmp_path / "missing.db").exists()  # never creates a file


def test_quick_reader_opens_a_relative_sqlite_url(sqlite_built: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copy(sqlite_built.removeprefix("sqlite:///"), tmp_path / "odd name #1.db")
    monkeypatch.chdir(tmp_path)
    reader = open_sqlite_reader("sqlite:///odd name #1.db")
    assert reader is not None
    assert [hit.claim.surface for hit in search(reader, "surplus", limit=1)] == ["$49-billion"]
    reader.close()


def test_quick_reader_opens_a_database_at_head(tmp_path: Path) -> None:
    from claims.db.migrations import head_revision

    reader = open_sqlite_reader(_stamped(tmp_path / "head.db", head_revision()))
    assert reader is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.connection.execute("CREATE TABLE t (x)")  # read-only: mode=ro
    reader.close()


# --- the command ------------------------------------------------------------------

def test_search_process_imports_no_orm(sqlite_built: str) -> None:
    """A new `claims search` on a current SQLite database never loads the ORM (startup)."""
    code = (
        "import sys\n"
        "from cli.main import main\n"
        f"sys.argv = ['claims', '--db', {sqlite_built!r}, 'search', 'surplus', '--format',"
        " 'json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
    )
    hits, loaded = run_and_list_modules(code, ("sqlalchemy", "sqlmodel", "alembic",
                                               "claims.models", "web", "fastapi", "starlette",
                                               "uvicorn", "jinja2"))
    assert loaded == []
    assert [hit["surface"] for hit in json.loads(hits)[:2]] == ["$49-billion", "$125-billion"]


def test_search_rebuilds_a_stale_corpus_first(tmp_path: Path, make_cli) -> None:  # type: ignore[no-untyped-def]
    from claims.ingest.bundle import FINGERPRINT_KEY, bundle_fingerprint

    path = tmp_path / "claims.db"
    cli = make_cli(f"sqlite:///{path}")
    assert cli("sources", "--format", "json").exit_code == 0  # builds
    with sqlite3.connect(path) as connection:  # as an older claims would have left it
        connection.execute("UPDATE meta SET value = 'old' WHERE key = ?", (FINGERPRINT_KEY,))
    connection.close()
    stale = open_sqlite_reader(f"sqlite:///{path}")
    assert stale is not None  # at head, but stale: the command must not read it as it is
    stale.close()
    result = cli("search", "surplus", "--format", "json", "--limit", "1")
    assert result.exit_code == 0, result.stderr
    assert [hit["surface"] for hit in json.loads(result.stdout)] == ["$49-billion"]
    with sqlite3.connect(path) as connection:
        stored = connection.execute("SELECT value FROM meta WHERE key = ?",
                                    (FINGERPRINT_KEY,)).fetchall()
    connection.close()
    assert stored == [(bundle_fingerprint(),)]


def test_search_refuses_a_newer_database(tmp_path: Path, make_cli) -> None:  # type: ignore[no-untyped-def]
    cli = make_cli(_stamped(tmp_path / "newer.db", "ffff"))
    result = cli("search", "surplus")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the database was made by a newer version of claims")


def test_search_reads_while_another_process_writes(sqlite_built: str, tmp_path: Path,
                                                   make_cli) -> None:  # type: ignore[no-untyped-def]
    import shutil

    path = tmp_path / "copy.db"
    shutil.copy(sqlite_built.removeprefix("sqlite:///"), path)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN EXCLUSIVE")  # WAL: readers go on
    try:
        result = make_cli(f"sqlite:///{path}")("search", "surplus", "--format", "json")
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["surface"] == "$49-billion"
