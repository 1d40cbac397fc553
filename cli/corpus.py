"""Corpus commands: build, ingest, sources (placeholder, filled in next)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
