"""`claims ingest` at scale as a user runs it: workers, batches, a summary, Ctrl-C, a kill,
and --resume. The stops are real: a `claims` process and a real signal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.scale.test_scale_store import write_docs

CLAIMS = Path(sys.executable).with_name("claims")


def test_folder_with_workers_then_reingest_adds_nothing(make_cli, db_url: str,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    cli = make_cli(db_url)
    write_docs(tmp_path / "docs", 5)
    first = cli("ingest", str(tmp_path / "docs"), "--workers", "2", "--batch", "2",
                "--format", "json")
    assert first.exit_code == 0, first.stderr
    assert [(r["slug"], r["status"]) for r in json.loads(first.stdout)] == [
        (f"doc-{n:03d}", "added") for n in range(5)]
    assert first.stderr.endswith("5 added, 0 changed, 0 unchanged, 0 refused.\n")
    again = cli("ingest", str(tmp_path / "docs"), "--format", "json")
    assert {r["status"] for r in json.loads(again.stdout)} == {"unchanged"}
    assert again.stderr.endswith("0 added, 0 changed, 5 unchanged, 0 refused.\n")
    resumed = cli("ingest", str(tmp_path / "docs"), "--resume")
    assert resumed.stderr.endswith(
        "0 added, 0 changed, 0 unchanged, 0 refused, 5 skipped (stored already).\n")


def test_refusals_are_listed_and_the_rest_stored(make_cli, db_url: str,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    cli = make_cli(db_url)
    write_docs(tmp_path / "docs", 2)
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    result = cli("ingest", str(tmp_path / "docs"), "--format", "json")
    assert result.exit_code == 1
    assert [r["slug"] for r in json.loads(result.stdout)] == ["doc-000", "doc-001"]
    assert result.stderr == (
        "Refused: empty.txt: file is empty (hint: give a file with text in it)\n"
        "2 added, 0 changed, 0 unchanged, 1 refused.\n")


def test_a_large_run_prints_its_summary_not_a_table(make_cli, db_url: str,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    """Over 100 documents the table is left out (nobody reads it); jsonl lists them all."""
    from cli.corpus import TABLE_ROWS_MAX

    cli = make_cli(db_url)
    lines = [json.dumps({"slug": f"note-{n}", "text": f"Exports rose {n} percent."})
             for n in range(TABLE_ROWS_MAX + 1)]
    (tmp_path / "notes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = cli("ingest", str(tmp_path / "notes.jsonl"), "--workers", "1")
    assert table.exit_code == 0, table.stderr
    assert table.stdout == ""
    assert table.stderr == ("101 documents stored: list them with --format jsonl "
                            "(or csv, json).\n101 added, 0 changed, 0 unchanged, 0 refused.\n")
    listed = cli("ingest", str(tmp_path / "notes.jsonl"), "--workers", "1", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["slug"], r["status"]) for r in rows] == [
        (f"note-{n}", "unchanged") for n in range(TABLE_ROWS_MAX + 1)]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--workers", "0", "Invalid value for '--workers'"),
    ("--batch", "0", "Invalid value for '--batch'"),
])
def test_bad_numbers_are_usage_errors(make_cli, db_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      option: str, value: str, message: str) -> None:
    write_docs(tmp_path / "docs", 1)
    result = make_cli(db_url)("ingest", str(tmp_path / "docs"), option, value)
    assert result.exit_code == 2 and message in result.stderr


def _user_sources(url: str) -> tuple[int, int, int]:
    """(sources, claims, paragraphs) of user documents; (0, 0, 0) before the schema."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT (SELECT count(*) FROM source WHERE origin = 'user'), "
                "(SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id "
                "WHERE s.origin = 'user'), "
                "(SELECT count(*) FROM paragraph p JOIN source s ON s.id = p.source_id "
                "WHERE s.origin = 'user')").one()
            return int(row[0]), int(row[1]), int(row[2])
    except Exception:  # the first command is still creating the schema
        return (0, 0, 0)
    finally:
        engine.dispose()


def _stop_mid_run(db_url: str, folder: Path, sig: int) -> subprocess.CompletedProcess[str]:
    """Start `claims ingest` like a user at a terminal, and send ``sig`` to its whole
    process group (what Ctrl-C does) once some batches are stored."""
    env = {**os.environ, "CLAIMS_DB": db_url}
    process = subprocess.Popen(
        [str(CLAIMS), "ingest", str(folder), "--workers", "2", "--batch", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)
    deadline = time.monotonic() + 120
    while _user_sources(db_url)[0] < 5 and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    os.killpg(process.pid, sig)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_a_stopped_ingest_is_consistent_and_resume_completes_it(  # type: ignore[no-untyped-def]
    db_url: str, tmp_path: Path, sig: int
) -> None:
    from claims.ingest.inputs import iter_inputs
    from claims.ingest.pipeline import prepare_input

    folder = tmp_path / "docs"
    write_docs(folder, 400)
    per_doc = len(prepare_input(next(iter_inputs([folder]))).claims)  # type: ignore[union-attr]
    stopped = _stop_mid_run(db_url, folder, sig)
    sources, claims, paragraphs = _user_sources(db_url)
    assert 5 <= sources < 400, "stopped before the end"
    # whole batches only: every stored document has all its claims and paragraphs
    assert sources % 5 == 0 and claims == sources * per_doc and paragraphs == sources * 2
    if sig == signal.SIGINT:
        assert stopped.returncode == 130
        assert "Traceback" not in stopped.stderr
        assert stopped.stderr.rstrip().endswith(
            "finished batches are stored. Run the same command with --resume to finish.")
    resumed = subprocess.run(
        [str(CLAIMS), "ingest", str(folder), "--resume", "--batch", "50"],
        capture_output=True, text=True, env={**os.environ, "CLAIMS_DB": db_url}, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.endswith(
        f"{400 - sources} added, 0 changed, 0 unchanged, 0 refused, "
        f"{sources} skipped (stored already).\n")
    assert _user_sources(db_url) == (400, 400 * per_doc, 400 * 2)


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_rows_written_batch_by_batch_read_as_one_listing(make_cli, db_url: str,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path, fmt: str) -> None:
    """Streamed across batches, md, csv and json print what one listing of the rows prints."""
    import contextlib
    import io

    from cli.output import OutputFormat, render_rows

    cli = make_cli(db_url)
    write_docs(tmp_path / "docs", 3)
    streamed = cli("ingest", str(tmp_path / "docs"), "--workers", "1", "--batch", "2",
                   "--format", fmt)
    assert streamed.exit_code == 0, streamed.stderr
    listed = make_cli(f"sqlite:///{tmp_path}/other.db")(
        "ingest", str(tmp_path / "docs"), "--workers", "1", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 3
    whole = io.StringIO()
    with contextlib.redirect_stdout(whole):
        render_rows(rows, OutputFormat(fmt), ["slug", "status", "claims", "file"])
    assert streamed.stdout == whole.getvalue()
