"""Building the bundled corpus (placeholder)."""

from __future__ import annotations

from typing import Any


def ensure_corpus(engine: Any, progress: Any = None) -> None:
    """Build the bundled corpus if this database has never had it."""
