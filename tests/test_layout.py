"""The layout of claims/: what may import what (read from the source with ``ast``)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "claims"


def _modules() -> Iterator[tuple[str, Path]]:
    """Every module of claims/, as (dotted name, path)."""
    for path in sorted(LIBRARY.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imported_names(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, module) for every absolute import anywhere in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def test_the_library_never_imports_the_command_line() -> None:
    """claims/ raises exceptions and returns values; typer, rich and cli/ are cli/'s.

    (ruff's banned-api cannot say this: cli/ must import typer, and a per-file ignore
    of TID251 would lift the sqlite3 and text() bans there too.)"""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for _, path in _modules()
        for line, name in _imported_names(ast.parse(path.read_text("utf-8")))
        if name.split(".")[0] in {"typer", "rich", "cli"}
    ]
    assert found == []


def test_sql_is_run_only_in_claims_db() -> None:
    """Raw SQL strings reach the driver only in claims/db/ (ruff bans sqlite3 and text())."""
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for base in (LIBRARY, ROOT / "cli")
        for path in sorted(base.rglob("*.py"))
        if LIBRARY / "db" not in path.parents
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in {"exec_driver_sql", "executescript"}
    ]
    assert found == []
