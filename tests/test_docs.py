"""Docs coverage: every command has help with an example and is documented in docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from cli.main import app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands() -> list[tuple[str, object]]:
    root = get_command(app)
    found = []

    def walk(group: object, prefix: str) -> None:
        for name, command in getattr(group, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            if getattr(command, "commands", None):
                if getattr(command, "invoke_without_command", False):
                    found.append((path, command))  # a group that is a command too
                walk(command, path)
            else:
                found.append((path, command))

    walk(root, "")
    return found


COMMANDS = _commands()


def test_there_are_commands() -> None:
    assert {"build", "ingest", "sources"} <= {name for name, _ in COMMANDS}


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_help_with_an_example(name: str, command: object) -> None:
    help_text = getattr(command, "help", "") or ""
    assert help_text.strip(), f"`claims {name}` has no help text"
    assert "Example:" in help_text, f"`claims {name}` help has no 'Example:' line"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_is_documented(name: str, command: object) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    assert re.search(rf"claims {re.escape(name)}\b", text), f"`claims {name}` is not in docs/"


def test_every_output_format_is_documented() -> None:
    from cli.output import OutputFormat

    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    for fmt in OutputFormat:
        assert fmt.value in readme


def test_cli_reference_is_current() -> None:
    """docs/cli-reference.md is generated from --help; regenerate it when this fails:
    typer cli.main utils docs --name claims --title "CLI reference" --output docs/cli-reference.md
    """
    import subprocess
    import sys

    generated = subprocess.run(
        [sys.executable, "-m", "typer", "cli.main", "utils", "docs", "--name", "claims",
         "--title", "CLI reference"],
        capture_output=True, text=True, check=True, env={"COLUMNS": "100", "PATH": ""},
    ).stdout
    committed = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    assert generated.strip() == committed.strip(), "docs/cli-reference.md is stale"


# A ```pycon block right after an "<!-- doctest -->" line is run as a doctest.
_DOCTEST_BLOCK = re.compile(r"<!-- doctest -->\n```pycon\n(.*?)```", re.DOTALL)


def _doc_examples() -> list[tuple[str, str]]:
    return [(f"{page.name}#{i}", block) for page in sorted(DOCS.glob("*.md"))
            for i, block in enumerate(_DOCTEST_BLOCK.findall(page.read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("where", "block"), _doc_examples(), ids=lambda v: v[:30])
def test_doc_examples_run(where: str, block: str) -> None:
    import doctest

    test = doctest.DocTestParser().get_doctest(block, {}, where, where, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0, f"{where}: {runner.failures} example(s) failed (see output)"


def test_some_doc_examples_are_run() -> None:
    assert _doc_examples(), "no <!-- doctest --> blocks found in docs/"
