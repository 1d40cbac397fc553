"""Library errors speak the library's language; the CLI translates (docs/design.md, "Layers").

Every message and hint given to a ``ClaimsError`` in claims/ is read from the source (so
no error has to be raised to be checked): none may name a CLI option (``--limit``) or a
command (``claims build``), and every name in backquotes (`limit=20`,
`claims.search.search()`) must be one the CLI knows how to say (``cli.output.CLI_WORDS``).
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

import claims.errors
from cli.main import app
from cli.output import CLI_WORDS, in_cli_words

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "claims"
ERRORS = {name for name, obj in vars(claims.errors).items()
          if inspect.isclass(obj) and issubclass(obj, claims.errors.ClaimsError)}
ERRORS.add("database_error")  # builds a DatabaseError from a driver's message
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
FLAG_RE = re.compile(r"(?<![\w-])--[a-z]")
COMMAND_RE = re.compile(rf"\bclaims (?:{'|'.join(map(re.escape, COMMANDS))})\b")
LIBRARY_WORD_RE = re.compile(r"`(?P<name>[\w.(){}]+)(?:=[^`]*)?`")

# Being rewritten on another branch right now; its owner moves its hints to library words.
NOT_YET: dict[str, str] = {}


def _text(node: ast.expr) -> str:
    """A string expression as text, ``{}`` standing for each interpolated value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(part) if isinstance(part, ast.Constant) else "{}"
                       for part in node.values)
    if isinstance(node, ast.BinOp):  # "a" + "b"
        return _text(node.left) + _text(node.right)
    if isinstance(node, ast.IfExp):  # "a" if x else "b": both
        return _text(node.body) + " | " + _text(node.orelse)
    return "{}"


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def error_texts(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every message and hint handed to a library error, and of the
    strings a ``*_hint`` helper returns."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            if _called(node) in ERRORS and node.args:
                yield node.lineno, _text(node.args[0])
            for keyword in node.keywords:
                if keyword.arg == "hint":
                    yield node.lineno, _text(keyword.value)
        elif isinstance(node, ast.FunctionDef) and node.name.endswith("_hint"):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    yield inner.lineno, _text(inner.value)


def _known(name: str) -> bool:
    if "{}" in name:  # `overrides.{field}`: some translation must fit the pattern
        pattern = re.escape(name).replace(r"\{\}", r"\w+")
        return any(re.fullmatch(pattern, key) for key in CLI_WORDS)
    return name in CLI_WORDS


def problems_in(source: str, label: str) -> list[str]:
    found = []
    for line, text in error_texts(source):
        where = f"{label}:{line}: {text!r}"
        if FLAG_RE.search(text) or COMMAND_RE.search(text):
            found.append(f"{where} names a CLI option or command; name the argument "
                         "or function in backquotes instead")
        for match in LIBRARY_WORD_RE.finditer(text):
            if not _known(match["name"]):
                found.append(f"{where}: the CLI has no words for `{match['name']}` "
                             "(add it to cli.output.CLI_WORDS)")
    return found


def _params() -> list[object]:
    params: list[object] = []
    for path in sorted(LIBRARY.rglob("*.py")):
        name = str(path.relative_to(LIBRARY))
        marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[name])] if name in NOT_YET else []
        params.append(pytest.param(path, id=name, marks=marks))
    return params


@pytest.mark.parametrize("path", _params())
def test_library_errors_name_no_cli_option_or_command(path: Path) -> None:
    problems = problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not problems, "\n".join(problems)


def test_the_scan_finds_each_kind_of_problem() -> None:
    source = """
raise UsageError("--count must be at least 1")
raise NotFound("x", hint="list them with claims sources")
raise NotFound("x", hint=f"use `nonsense={value}`")
def _id_hint(): return "see claims build"
raise NotFound("fine", hint=f"pass `limit=20`, `overrides.{field}` or `claims.search.search()`")
"""
    found = problems_in(source, "x.py")
    assert sorted(problem.split(":")[1] for problem in found) == ["2", "3", "4", "5"], found


def test_every_library_word_reads_as_cli_words() -> None:
    assert in_cli_words("pass `limit=20` or `url`") == "pass --limit 20 or --db/CLAIMS_DB"
    for name in CLI_WORDS:
        assert "`" + name + "`" not in in_cli_words(f"`{name}`")
