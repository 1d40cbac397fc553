"""The metric vocabulary (``data/metrics.yaml``): what a figure measures, by key.

Loaded in one place, validated every time, and read once per file version: compare,
flashcards, curation and the extractor all call :func:`load_metrics`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from claims.domain import NUMERIC_KINDS
from claims.errors import DataError
from claims.resources import data_dir
from claims.yamlfile import load_yaml, validate_entries


class MetricSpec(BaseModel):
    """One metric: its key, its label, the kinds of figure it takes, and the head nouns
    that name it in a sentence (a trailing ``*`` matches any ending)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    kinds: list[str] = Field(default_factory=list)
    heads: list[str] = Field(default_factory=list)


def load_metrics(path: Path | None = None) -> tuple[MetricSpec, ...]:
    """The metric vocabulary, validated; keys must be unique and kinds known. Read once
    per version of the file (its path and modification time)."""
    path = path or data_dir() / "metrics.yaml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1  # missing: let load_yaml raise its own one-line error
    return _load(path, stamp)


@lru_cache(maxsize=8)
def _load(path: Path, stamp: int) -> tuple[MetricSpec, ...]:
    specs = validate_entries(path, load_yaml(path), MetricSpec, "metric")
    seen: set[str] = set()
    for spec in specs:
        if spec.key in seen:
            raise DataError(f"{path}: duplicate metric key {spec.key!r}", hint="make it unique")
        seen.add(spec.key)
        unknown = [kind for kind in spec.kinds if kind not in NUMERIC_KINDS]
        if unknown:
            raise DataError(
                f"{path}: metric {spec.key!r}: unknown kind {unknown[0]!r}",
                hint=f"use one of {', '.join(NUMERIC_KINDS)}",
            )
    return tuple(specs)
