"""Bad input never gets a traceback: one line on stderr, exit 1 (failure) or 2 (usage),
and nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claims import __version__
from claims.errors import UsageError, plain_validation_message
from claims.study.answers import MAX_ANSWER_LENGTH, check_answer


def _card(cli: Any) -> str:
    return str(json.loads(cli("cards", "list", "--format", "json").stdout)[0]["id"])


def test_an_argument_that_is_not_utf8_is_a_usage_error(cli: Any) -> None:
    # what a shell passes for $'\xff' reaches Python as a lone surrogate
    result = cli("cards", "answer", "074ebb2a66-choice", "\udcff", "--dry-run")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("Error: the argument '\\xff' is not valid UTF-8 text "
                             "(hint: type it again, or set the terminal to UTF-8)\n")


def test_a_5000_digit_answer_is_a_usage_error(cli_rw: Any) -> None:
    result = cli_rw("cards", "answer", _card(cli_rw), "9" * 5000)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("Error: the answer is 5,000 characters long; an answer has at "
                             "most 500 (hint: type the answer itself)\n")


def test_the_library_refuses_what_no_person_typed() -> None:
    spec = {"type": "text", "text": "x"}
    assert check_answer(spec, "x", "9" * MAX_ANSWER_LENGTH).correct is False
    with pytest.raises(UsageError, match="an answer has at most 500"):
        check_answer(spec, "x", "9" * (MAX_ANSWER_LENGTH + 1))
    with pytest.raises(UsageError, match=r"the answer '\\xff' is not valid UTF-8 text"):
        check_answer(spec, "x", "\udcff")


@pytest.mark.parametrize(("argv", "stderr"), [
    (["search", "x", "--from", "99999999999999999999"],
     "Error: --from 99999999999999999999 is not a year (hint: give a year from -9999 to "
     "9999, such as --from 1996)\n"),
    (["search", "--to", "-100000"],
     "Error: --to -100000 is not a year (hint: give a year from -9999 to 9999, such as "
     "--from 1996)\n"),
    (["cards", "list", "--limit", "99999999999999999999"],
     "Error: limit must be between 1 and 10000, not 99999999999999999999 (hint: pass "
     "--limit 20, for example)\n"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_huge_numbers_are_usage_errors(cli: Any, argv: list[str], stderr: str) -> None:
    result = cli(*argv)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_a_huge_year_in_json_mode_is_the_error_shape(cli: Any) -> None:
    result = cli("search", "x", "--from", "99999999999999999999", "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stderr) == {
        "error": "--from 99999999999999999999 is not a year",
        "hint": "give a year from -9999 to 9999, such as --from 1996"}


@pytest.mark.parametrize("kind", ["json", "csv", "anki"])
def test_every_export_creates_the_folders_of_out(cli: Any, tmp_path: Path, kind: str) -> None:
    out = tmp_path / "missing" / "dir" / f"x.{'apkg' if kind == 'anki' else kind}"
    result = cli("export", kind, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0
    assert result.stderr.endswith(f" to {out}.\n")
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize("kind", ["json", "csv", "anki"])
def test_a_folder_is_not_an_out_file(cli: Any, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / f"x.{'apkg' if kind == 'anki' else kind}"
    folder.mkdir()
    result = cli("export", kind, "--out", str(folder))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: {folder} is a folder (hint: give --out a file name, "
                             "such as cards.csv)\n")


def test_a_failed_export_leaves_no_file(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "cards.csv"
    result = cli("export", "csv", "--deck", "nope", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown deck 'nope'")
    assert list(tmp_path.iterdir()) == []


def test_pydantic_wording_stays_out_of_usage_errors(cli_rw: Any, tmp_path: Path) -> None:
    document = tmp_path / "note.txt"
    document.write_text("Japan had a $49-billion surplus in 1992.\n", encoding="utf-8")
    result = cli_rw("ingest", str(document), "--slug", "Bad Slug")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("Error: --slug: use lower-case letters, digits and hyphens, "
                             "e.g. 'smith-2020' (hint: see claims ingest --help)\n")
    assert plain_validation_message("Value error, 'monye' is not one of op-ed") == (
        "'monye' is not one of op-ed")
    for option in ("--workers", "--batch"):  # bounds in our words too
        bounded = cli_rw("ingest", str(document), option, "0")
        assert (bounded.exit_code, bounded.stderr.splitlines()[-1]) == (
            2, f"Error: Invalid value for '{option}': must be at least 1")


def test_version(cli: Any) -> None:
    result = cli("--version", db=False)
    assert (result.exit_code, result.stdout) == (0, f"claims {__version__}\n")
