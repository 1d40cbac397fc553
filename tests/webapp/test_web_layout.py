"""web/ obeys the law of cli/: parse, call the library, render. No SQL, no ORM queries, no
rules; importing the package loads nothing."""

from __future__ import annotations

import ast
from pathlib import Path

from lookup.imports import run_and_list_modules

WEB = Path(__file__).resolve().parents[2] / "web"
# what a route may take from the database layer: a session to hand to the library and
# the driver error to turn into claims' DatabaseError
ALLOWED_DB_NAMES = {"sqlmodel.Session", "sqlalchemy.exc.OperationalError",
                    "sqlalchemy.exc.DataError",
                    "sqlalchemy.engine.Engine", "claims.db.open_database",
                    "claims.db.reading.as_reader"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_web_runs_no_sql_and_builds_no_queries() -> None:
    found = [
        f"{path.name}: {name}"
        for path in sorted(WEB.glob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in {"sqlmodel", "sqlalchemy", "sqlite3"}
        or name.startswith(("claims.db", "claims.models"))
        if name not in ALLOWED_DB_NAMES
    ]
    assert found == []


def test_importing_web_loads_nothing() -> None:
    _, loaded = run_and_list_modules("import web\n", ("fastapi", "starlette", "uvicorn",
                                                      "jinja2", "sqlalchemy", "sqlmodel"))
    assert loaded == []


def test_templates_and_static_files_ship_with_the_package() -> None:
    assert (WEB / "static" / "htmx.min.js").stat().st_size > 40_000
    assert {p.name for p in (WEB / "templates").glob("*.html")} >= {
        "base.html", "search.html", "claim.html", "error.html", "timeline.html"}
