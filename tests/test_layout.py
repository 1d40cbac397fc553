"""The layout of claims/: every module imports alone, imports form no cycle, modules stay
short, the package ``__init__`` files stay light, and the library never reaches for the
command line or for raw SQL outside claims/db/ (read from the source with ``ast``)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from lookup.imports import run_and_list_modules

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "claims"
MAX_LINES = 600
# Over MAX_LINES for now, each being split by another change; take a file off this list
# once it is short again. Nothing else may grow past the limit.
ALLOWED_LONG: set[str] = set()
# Alembic loads these by path, inside its own context; they are not importable modules.
ALEMBIC_SCRIPTS = ("claims.db.migrations.env", "claims.db.migrations.versions.")
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "pydantic", "citeproc", "bibtexparser",
         "fsrs", "genanki", "yaml", "claims.models")


@cache
def modules() -> dict[str, Path]:
    """Every module of claims/, by dotted name."""
    found = {}
    for path in sorted(LIBRARY.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _importable() -> list[str]:
    return [name for name in modules() if not name.startswith(ALEMBIC_SCRIPTS)]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(nodes: list[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run when the module is imported: not those in functions,
    nor those under ``if TYPE_CHECKING:`` (class bodies and ``try`` blocks do run)."""
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node):
            yield from _imports(list(node.orelse))
        else:
            yield from _imports(list(ast.iter_child_nodes(node)))


def _targets(name: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The modules an import statement in module ``name`` names (any package)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: from the package of ``name``
        package = name.split(".")
        is_package = modules().get(name, Path()).name == "__init__.py"
        package = package[: len(package) - node.level + is_package]
        base = ".".join([*package, base] if base else package)
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in modules() else base


@cache
def import_graph() -> dict[str, set[str]]:
    """claims module -> the claims modules it imports when it is imported.

    An import of ``a.b.c`` runs ``a/b/__init__.py`` first; that implicit edge is left out
    (a package's ``__init__`` importing its own submodules is the usual shape)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules().items():
        tree = ast.parse(path.read_text("utf-8"))
        graph[name] = {
            target for node in _imports(list(tree.body))
            for target in _targets(name, node) if target in modules() and target != name
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


# --- imports -----------------------------------------------------------------------

def test_module_level_imports_form_no_cycle() -> None:
    assert _cycles(import_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_graph_reads_module_level_imports_only() -> None:
    graph = import_graph()
    assert "claims.db.engine" not in graph["claims.db"]  # lazy (PEP 562), not imported
    assert graph["claims.db.engine"] >= {"claims.db.location", "claims.db.migrations"}
    assert "claims.models" not in graph["claims.ingest.bundle"]  # inside a function


# Imports each module named on the command line in a forked child of one new interpreter,
# so that each starts with no claims module loaded. The parent loads the heavy third-party
# packages first (not ours, and the same whatever the order) to save each child the time.
_IMPORT_EACH_ALONE = """
import importlib, json, os, sys, traceback
for warm in ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "alembic.op", "citeproc",
             "bibtexparser", "fsrs", "genanki", "yaml", "platformdirs", "charset_normalizer"):
    importlib.import_module(warm)
assert not any(m.split(".")[0] == "claims" for m in sys.modules)
failed = {}
for name in sys.argv[1:]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
        except BaseException:
            os.write(write, traceback.format_exc().encode())
            os._exit(1)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        error = pipe.read().strip()
    if os.waitpid(pid, 0)[1]:
        failed[name] = error.splitlines()[-1] if error else "crashed"
print(json.dumps(failed))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_every_module_imports_alone_in_a_new_interpreter() -> None:
    """Each module first, on its own: none relies on another having been imported before."""
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH_ALONE, *_importable()],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(done.stdout) == {}


@pytest.mark.parametrize("name", [
    "claims", "claims.db", "claims.ingest", "claims.cite",
    # the quick search path and the CLI's --help
    "claims.db.location", "claims.db.reading", "claims.db.search_sql", "claims.db.migrations",
    "claims.ingest.bundle", "claims.cite.styles",
])
def test_light_modules_load_nothing_heavy(name: str) -> None:
    _, loaded = run_and_list_modules(f"import {name}\n", HEAVY)
    assert loaded == []


@pytest.mark.parametrize("package", ["claims.db", "claims.ingest"])
def test_lazy_reexports_resolve(package: str) -> None:
    """Every name a light package re-exports exists (and ``from package import *`` works)."""
    code = (
        f"import {package} as package\n"
        f"from {package} import *\n"
        "assert sorted(package.__all__) == package.__all__, package.__all__\n"
        "for name in package.__all__:\n"
        "    assert getattr(package, name) is globals()[name], name\n"
        "    assert name in dir(package), name\n"
        "try:\n"
        "    package.no_such_name\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('no AttributeError')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


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
        for path in modules().values()
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


# --- size --------------------------------------------------------------------------

def _line_counts() -> dict[str, int]:
    return {path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
            for path in modules().values()}


def test_modules_stay_short() -> None:
    too_long = {path: lines for path, lines in _line_counts().items()
                if lines > MAX_LINES and path not in ALLOWED_LONG}
    assert too_long == {}, f"split these modules (at most {MAX_LINES} lines): {too_long}"


def test_the_long_module_allowance_names_real_files() -> None:
    assert ALLOWED_LONG <= set(_line_counts())


# --- docs --------------------------------------------------------------------------

_DOC_PATH = re.compile(r"\bclaims/[\w/]+(?:\.py)?")
_DOC_NAME = re.compile(r"(?:(?<=`)|(?<=from )|(?<=import ))claims(?:\.\w+)+")


def _top_level_names(path: Path) -> set[str]:
    """What ``from module import name`` can name: its definitions, imports and ``__all__``."""
    names: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                names.update(ast.literal_eval(node.value))  # type: ignore[arg-type]
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _stale_reference(name: str) -> bool:
    """True when ``claims.a.b.c`` names no module, or no name in the module it reaches."""
    parts = name.split(".")
    known = max(i for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in modules())
    if known == len(parts):
        return False
    return parts[known] not in _top_level_names(modules()[".".join(parts[:known])])


def test_docs_name_modules_that_exist() -> None:
    """Paths (claims/db/engine.py) and names (claims.db.search_sql.RANK_WINDOW) in the docs
    point at modules and names that exist, so a move cannot leave the docs behind."""
    stale = set()
    for doc in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        text = doc.read_text("utf-8")
        for path in _DOC_PATH.findall(text):
            if not (ROOT / path).exists() and not path.startswith("claims/_bundled"):
                stale.add(f"{doc.name}: {path}")
        stale.update(f"{doc.name}: {name}" for name in _DOC_NAME.findall(text)
                     if _stale_reference(name))
    assert stale == set()
