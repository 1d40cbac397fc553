"""The small pure helpers of claims.study carry doctests; run them."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["numerals", "answers", "cards", "distractors", "scheduler", "queue", "session"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"claims.study.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
