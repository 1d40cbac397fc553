"""`claims build`, `claims ingest`, `claims sources` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SLUGS = ["manning-1993", "cronin-1996", "glosserman-2003", "new-alliance-2007", "andrews-2017"]


def test_first_use_builds_the_corpus_and_lists_five_sources(cli_empty) -> None:  # type: ignore[no-untyped-def]
    result = cli_empty("sources", "--format", "json")
    assert result.exit_code == 0, result.stderr
    sources = json.loads(result.stdout)
    assert [s["slug"] for s in sources] == SLUGS
    cronin = sources[1]
    assert cronin["title"] == "The U.S.-Japan Alliance Redefined"
    assert cronin["authors"] == ["Patrick M. Cronin"]
    assert cronin["publisher"].startswith("National Defense University")
    assert (cronin["date"], cronin["date_precision"], cronin["date_inferred"]) == (
        "1996-05", "month", False)
    assert sources[2]["date_inferred"] is True
    for source in sources:  # the contract keys
        assert {"id", "slug", "title", "authors", "publisher", "date", "date_precision",
                "date_inferred", "kind", "url"} <= source.keys()


@pytest.mark.parametrize("fmt", ["csv", "md", "table", "jsonl"])
def test_sources_formats(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("sources", "--format", fmt)
    assert result.exit_code == 0
    assert "cronin-1996" in result.stdout
    if fmt == "csv":
        assert result.stdout.splitlines()[0] == "slug,date,kind,claims,authors,title"
    if fmt == "md":
        assert result.stdout.startswith("| slug | date |")
    if fmt == "jsonl":
        assert len(result.stdout.splitlines()) == 5


def test_build_reports_each_source(cli_rw) -> None:  # type: ignore[no-untyped-def]
    result = cli_rw("build", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["slug"] for r in rows] == SLUGS
    assert {r["status"] for r in rows} == {"unchanged"}


def test_ingest_a_user_file(cli_rw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "my-notes.md"
    doc.write_text("# Notes\n\nJapan's surplus was $49 billion in 1992.\n", encoding="utf-8")
    result = cli_rw("ingest", str(doc), "--title", "My notes", "--author", "Ann Lee",
                    "--date", "2024-02-03", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0] | {"claims": 0} == {
        "slug": "my-notes", "status": "added", "claims": 0, "file": "my-notes.md",
        "warning": None}
    listed = json.loads(cli_rw("sources", "--format", "json").stdout)
    mine = next(s for s in listed if s["slug"] == "my-notes")
    assert (mine["title"], mine["authors"], mine["date_precision"]) == (
        "My notes", ["Ann Lee"], "day")


@pytest.mark.parametrize(
    ("make", "args", "code", "message"),
    [
        (None, ["ingest", "{tmp}/missing.txt"], 1, "missing.txt: no such file"),
        ("empty.txt", ["ingest", "{tmp}/empty.txt"], 1, "empty.txt: file is empty"),
        ("blob.txt", ["ingest", "{tmp}/blob.txt"], 1, "looks like a binary file"),
        (None, ["ingest", "{tmp}"], 1, ".pdf, .docx, .jsonl or .ndjson files in this folder"),
        ("ok.txt", ["ingest", "{tmp}/ok.txt", "--date", "May 1996"], 2, "--date:"),
        (None, ["ingest"], 2, "Missing argument"),
        (None, ["sources", "--format", "xml"], 2, "Invalid value"),
    ],
    ids=["missing", "empty", "binary", "empty-folder", "bad-date", "no-args", "bad-format"],
)
def test_bad_input_is_one_line_and_exit_code(  # type: ignore[no-untyped-def]
    cli_rw, tmp_path: Path, make: str | None, args: list[str], code: int, message: str
) -> None:
    contents = {"empty.txt": b"", "blob.txt": b"\x00\x01\x02PK\x03\x04" * 100,
                "ok.txt": b"Some text with 3 figures."}
    if make:
        (tmp_path / make).write_bytes(contents[make])
    result = cli_rw(*[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if code == 1:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_json_mode_errors_are_json(cli_rw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli_rw("ingest", str(tmp_path / "nope.txt"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stderr) == {"error": f"{tmp_path / 'nope.txt'}: no such file",
                                         "hint": "check the path"}


def test_newer_database_is_refused_by_the_cli(cli_rw) -> None:  # type: ignore[no-untyped-def]
    from claims.db import make_engine

    engine = make_engine(cli_rw.db)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    engine.dispose()
    result = cli_rw("sources")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the database was made by a newer version of claims (schema ffff) "
        "(hint: upgrade claims (pip install -U claims) or use another --db/CLAIMS_DB)\n")


def test_locked_database_is_one_line(cli_rw, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if not cli_rw.db.startswith("sqlite"):
        pytest.skip("SQLite file locking")
    import sqlite3

    monkeypatch.setenv("CLAIMS_BUSY_TIMEOUT_MS", "100")
    doc = tmp_path / "note.txt"
    doc.write_text("A note with 3 figures.", encoding="utf-8")
    holder = sqlite3.connect(cli_rw.db.removeprefix("sqlite:///"))
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli_rw("ingest", str(doc))
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1
    assert result.stderr == ("Error: the database is locked by another process "
                             "(hint: wait for the other claims command to finish, then try again)\n")
