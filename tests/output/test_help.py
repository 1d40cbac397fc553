"""--help for people: paragraphs flow to the terminal's width (no hard line breaks from
docstrings), flags show no "<bool>", and square brackets are text, not markup."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from cli.main import app


def _commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        paths += [[name, sub] for sub in getattr(command, "commands", {})]
    return paths


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "claims")
def test_help_has_no_bool_metavar_and_fits(cli: Any, monkeypatch: pytest.MonkeyPatch,
                                           path: list[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*path, "--help", db=False)
    assert result.exit_code == 0, result.stderr
    assert "<bool>" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_optimizer_extra_is_shown(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("cards", "optimize", "--help", db=False)
    assert "pip install 'claims[optimizer]'" in " ".join(result.stdout.split())


def test_paragraphs_are_reflowed_not_broken_where_the_source_breaks(
        cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # the docstring breaks after "verdict per" and "a topic's metrics": the help flows
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("compare", "--help", db=False).stdout.splitlines()
    assert lines[2:5] == [
        "  Compare what sources say: claims on one metric side by side, with a verdict",
        "  per pair (agree, differ, conflict); or, with --topic, sources against a",
        "  topic's metrics and propositions.",
    ]


def test_usage_errors_do_not_speak_pydantic(cli: Any) -> None:
    result = cli("search", "--limit", "abc", db=False)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for '--limit': not a whole number"
    result = cli("search", "--kind", "gold", db=False)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--kind': 'gold' is not one of 'money', 'percent', 'count', "
        "'duration', 'date', 'rank', 'ratio', 'statement'.")
