"""`claims search` and `claims show` as a user runs them, on the sample corpus."""

from __future__ import annotations

import json

import pytest

from lookup.imports import run_and_list_modules


def test_search_json_is_a_list_of_contract_claims(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "surplus", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [c["id"] for c in data][:2] == ["m1", "m3"]
    assert data[0]["source"] == "manning-1993" and data[0]["rank"] == 1


def test_search_filters_from_the_command_line(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "--kind", "money", "--min", "1e10", "--from", "1990",
                        "--to", "1999", "--format", "json")
    assert [c["id"] for c in json.loads(result.stdout)] == ["m1", "m3", "c3"]
    result = sample_cli("search", "japan", "--topic", "forces", "--source", "andrews-2017",
                        "--origin", "extracted", "--metric", "us-forces-japan", "--max", "1e5",
                        "--limit", "1", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a3"]


def test_search_table_shows_the_sentence(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "surplus", "world")
    assert result.exit_code == 0
    assert "m3" in result.stdout and "$125-billion" in result.stdout
    assert "manning-1993" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_search_csv_and_md(sample_cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "stationed", "--format", fmt)
    first = result.stdout.splitlines()[0]
    assert first == ("id,source,kind,surface,value,unit,as_of,sentence" if fmt == "csv"
                     else "| id | source | kind | surface | value | unit | as_of | sentence |")
    assert "c1" in result.stdout


def test_nothing_found_is_an_empty_list_and_a_suggestion(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "surplsu", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr.startswith("No claims found for 'surplsu'. Try --metric trade-surplus")
    assert "or the words: surplu" in result.stderr


def test_an_unknown_topic_is_an_error_naming_the_nearest(sample_cli) -> None:  # type: ignore[no-untyped-def]
    # as in every command that takes a topic (claims.names; tests/errors/test_unknown_names.py)
    result = sample_cli("search", "--topic", "trde")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "Error: unknown topic 'trde' (hint: did you mean trade? topics are: ")


@pytest.mark.parametrize("argv", [
    ["--", "-surplus"], ['"surplus'], ["surplus AND"], ["'"], ["NEAR(a b)"], ["*"], ["🇯🇵"],
    ["x:y"], ["(", ")"], ["--", "--"],
], ids=repr)
def test_hostile_words_never_fail(sample_cli, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("search", "--format", "json", *argv)
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_bad_options_are_usage_errors(sample_cli) -> None:  # type: ignore[no-untyped-def]
    assert sample_cli("search", "--kind", "gold").exit_code == 2
    result = sample_cli("search", "x", "--limit", "0")
    assert result.exit_code == 2
    assert result.stderr == ("Error: limit must be between 1 and 10000, not 0 "
                             "(hint: pass --limit 20, for example)\n")


def test_show_json_object(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("show", "c1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"claim", "source", "paragraph", "citation", "related", "cards"}
    assert data["claim"]["id"] == "c1" and data["paragraph"]["number"] == 3
    assert data["source"]["authors"] == ["Patrick M. Cronin"]


def test_show_table(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("show", "c1")
    assert result.exit_code == 0, result.stderr
    for text in ("More than 45,000", "cronin-1996, paragraph 3", "(Cronin, 1996, para. 3)",
                 "related (same metric): a3", "card card-c1 (cloze)"):
        assert text in result.stdout, text


def test_show_unknown_id_exits_1_with_a_hint(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("show", "m")
    assert result.exit_code == 1
    assert result.stderr == ("Error: no claim with id 'm' (hint: did you mean m1, m2, m3? "
                             "find ids with `claims search WORDS`)\n")
    result = sample_cli("show", "zz", "--format", "json")
    assert json.loads(result.stderr) == {
        "error": "no claim with id 'zz'", "hint": "find ids with `claims search WORDS`"}


def test_cli_choices_are_the_domain_vocabulary() -> None:
    from claims import domain
    from cli import lookup, study

    assert (lookup.Kind, lookup.Origin, study.QuizMode) == (
        domain.Kind, domain.Origin, domain.QuizMode)
    assert [m.value for m in domain.QuizMode] == [*(k.value for k in domain.CardKind), "mixed"]


# claims serve's packages: no other command may load them (start-up time)
WEB_PACKAGES = ("web", "fastapi", "starlette", "uvicorn", "jinja2")


def test_help_does_not_import_the_database_layer() -> None:
    code = (
        "from typer.testing import CliRunner\n"
        "import cli.main\n"
        "for args in (['--help'], ['search', '--help'], ['cite', '--help'],"
        " ['serve', '--help']):\n"
        "    result = CliRunner().invoke(cli.main.app, args)\n"
        "    assert result.exit_code == 0, result.output\n"
    )
    _, loaded = run_and_list_modules(code, ("sqlalchemy", "sqlmodel", "citeproc",
                                            "bibtexparser", "alembic", *WEB_PACKAGES))
    assert loaded == []


def test_opening_a_database_at_head_does_not_import_alembic(engine, db_url: str) -> None:  # type: ignore[no-untyped-def]
    # engine: already migrated; a second open takes the fast path (startup time)
    code = f"from claims.db import open_database\nopen_database({db_url!r}).dispose()\n"
    _, loaded = run_and_list_modules(code, ("alembic",))
    assert loaded == []


def test_search_45000_and_troops_find_the_us_forces_in_japan(cli) -> None:  # type: ignore[no-untyped-def]
    for words in ("45000", "troops"):
        found = json.loads(cli("search", words, "--format", "json").stdout)
        assert "cronin-1996-forces-45000" in [claim["id"] for claim in found], words
    first = json.loads(cli("search", "45000", "--format", "json").stdout)[0]
    assert (first["id"], first["surface"]) == ("cronin-1996-forces-45000", "more than 45,000")
