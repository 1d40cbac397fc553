"""The citation styles ``claims cite`` knows (a light module: the CLI imports it for --help)."""

from __future__ import annotations

from enum import StrEnum


class CitationStyle(StrEnum):
    apa = "apa"
    mla = "mla"
    chicago = "chicago"
    bibtex = "bibtex"
    csl_json = "csl-json"
    markdown = "markdown"
