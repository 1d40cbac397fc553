"""Every doctest in claims/, cli/ and web/ runs (the small pure helpers carry them; STYLE.md §6).

Modules are found by walking the packages, so a new module's doctests run without
being listed here. Alembic's migration scripts only run inside Alembic: skipped.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import claims
import cli
import web

SKIP = ("claims.db.migrations",)


def _modules() -> list[str]:
    names = []
    for package in (claims, cli, web):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
            if not info.name.startswith(SKIP):
                names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_the_walk_finds_the_modules() -> None:
    assert {"claims.suggest", "claims.study.numerals", "claims.extract._scan",
            "cli.output", "web.markup"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctest(s) failed in {name}"
