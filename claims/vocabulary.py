"""The metric vocabulary (``data/metrics.yaml``): what a figure measures, by key."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from claims.errors import DataError
from claims.resources import data_dir
from claims.yamlfile import load_yaml, validate_entries

CLAIM_KINDS = ("money", "percent", "count", "duration", "date", "rank", "ratio", "statement")
NUMERIC_KINDS = CLAIM_KINDS[:-1]


class MetricSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    kinds: list[str] = Field(default_factory=list)
    heads: list[str] = Field(default_factory=list)


def load_metrics(path: Path | None = None) -> list[MetricSpec]:
    """The metric vocabulary, validated; keys must be unique and kinds known."""
    path = path or data_dir() / "metrics.yaml"
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
    return specs
