"""``claims extract``: files and stdin, formats, offsets, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.resources import seeds_dir


def run(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    from cli.main import app

    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def test_json_on_a_seed_lists_its_figures_with_exact_offsets() -> None:
    path = seeds_dir() / "000_54ff378301ead43e.txt"
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    text = path.read_text("utf-8")
    assert all(text[r["start"]:r["end"]] == r["surface"] for r in rows)
    by_surface = {r["surface"]: r for r in rows}
    surplus = by_surface["$49-billion"]
    assert (surplus["kind"], surplus["value"], surplus["unit"], surplus["as_of"]) == (
        "money", 49e9, "USD", 1992)
    assert surplus["metric"] == "trade-surplus"
    assert "trade" in surplus["topics"]
    assert set(rows[0]) >= {"kind", "surface", "start", "end", "value", "value_max", "unit",
                            "qualifier", "as_of", "subject", "metric", "sentence_start",
                            "sentence_end", "topics"}


def test_stdin_jsonl_offsets_skip_the_bom() -> None:
    result = run("extract", "-", "--format", "jsonl",
                 input="\ufeffabout 80 percent of Okinawa".encode())
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [{
        "kind": "percent", "surface": "about 80 percent", "start": 0, "end": 16, "value": 80.0,
        "value_max": None, "unit": "percent", "qualifier": "approximately", "as_of": None,
        "subject": "Okinawa", "metric": None, "sentence_start": 0, "sentence_end": 27,
        "topics": ["okinawa", "public-opinion"], "note": None,
        "modality": "fact", "same_as": None}]


def test_table_names_the_columns(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Japan pursued an 11-nation version of the TPP.\n", "utf-8")
    result = run("extract", str(doc))
    assert result.exit_code == 0
    assert "11-nation" in result.stdout and "nation" in result.stdout
    assert "surface" in result.stdout


def test_no_figures_is_an_empty_json_list_and_a_note_on_table(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Nothing to count here.\n", "utf-8")
    assert json.loads(run("extract", str(doc), "--format", "json").stdout) == []
    result = run("extract", str(doc))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No figures found." in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["extract", "missing.txt"], "Error: missing.txt: no such file (hint: check the path)\n"),
])
def test_missing_file_is_one_line_and_exit_1(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr == expected


def test_missing_file_in_json_mode_is_a_json_error() -> None:
    result = run("extract", "missing.txt", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stderr) == {"error": "missing.txt: no such file",
                                         "hint": "check the path"}


def test_empty_stdin_is_an_input_error() -> None:
    result = run("extract", "-", input=b"")
    assert result.exit_code == 1
    assert result.stderr == "Error: <stdin>: file is empty (hint: give a file with text in it)\n"


def test_bad_format_is_a_usage_error() -> None:
    result = run("extract", "-", "--format", "xml", input=b"5 percent")
    assert result.exit_code == 2


def test_date_dates_relative_phrases(tmp_path: Path) -> None:
    doc = tmp_path / "brief.txt"
    doc.write_text("Some 45,000 troops were there last November.\n", "utf-8")
    undated = json.loads(run("extract", str(doc), "--format", "json").stdout)
    dated = json.loads(run("extract", str(doc), "--format", "json", "--date", "1996-05").stdout)
    assert [r["as_of"] for r in undated] == [None]
    assert [(r["surface"], r["as_of"]) for r in dated] == [("Some 45,000 troops", 1995)]


@pytest.mark.parametrize("bad", ["May 1996", "1996-13", "96"])
def test_a_malformed_date_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    doc = tmp_path / "brief.txt"
    doc.write_text("It fell 5 percent last year.\n", "utf-8")
    result = CliRunner().invoke(__import__("cli.main").main.app,
                                ["extract", str(doc), "--date", bad])
    assert result.exit_code == 2
    assert f"--date {bad}" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""
