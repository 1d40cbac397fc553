"""Hand-curated source metadata (``data/sources.yaml``), validated with pydantic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claims.domain import SourceKind, year_of
from claims.errors import DataError
from claims.resources import data_dir
from claims.yamlfile import load_yaml, validate_entries

SOURCE_KINDS = tuple(kind.value for kind in SourceKind)
Precision = Literal["day", "month", "year", "unknown"]
_DATE_BY_PRECISION: dict[Precision, re.Pattern[str]] = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def check_date(value: str) -> str:
    """``value`` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD, else ValueError.

    >>> check_date("1996-05")
    '1996-05'
    >>> check_date("1999-13-45")
    Traceback (most recent call last):
    ValueError: '1999-13-45' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a real month and day)
    """
    from datetime import date

    shape = next((p for p, rx in _DATE_BY_PRECISION.items() if rx.match(value)), None)
    parts = [int(part) for part in value.split("-")] if shape else []
    try:
        if shape is None:
            raise ValueError(value)
        date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD "
                         "(a real month and day)") from None
    return value


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    affiliation: str | None = None


class SourceMeta(BaseModel):
    """What a citation needs to know about a document."""

    model_config = ConfigDict(extra="forbid")

    file: str | None = None
    slug: str
    title: str = Field(min_length=1)
    subtitle: str | None = None
    authors: list[Author] = Field(default_factory=list)
    publisher: str | None = None
    container: str | None = None
    number: str | None = None
    date: str | None = None
    date_precision: Precision = "unknown"
    date_inferred: bool = False
    date_evidence: str | None = None
    kind: str = "document"
    url: str | None = None
    note: str | None = None

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError("use lower-case letters, digits and hyphens, e.g. 'smith-2020'")
        return value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in SOURCE_KINDS:
            raise ValueError(f"unknown kind {value!r}; one of {', '.join(SOURCE_KINDS)}")
        return value

    @field_validator("date")
    @classmethod
    def _date_format(cls, value: str | None) -> str | None:
        if value is not None:
            check_date(value)
        return value

    @model_validator(mode="after")
    def _date_matches_precision(self) -> SourceMeta:
        if self.date is None:
            self.date_precision = "unknown"
            return self
        if self.date_precision == "unknown":
            self.date_precision = next(
                (p for p, rx in _DATE_BY_PRECISION.items() if rx.match(self.date)), "unknown"
            )
        pattern = _DATE_BY_PRECISION.get(self.date_precision)
        if pattern is None or not pattern.match(self.date):
            raise ValueError(
                f"date {self.date!r} does not match precision {self.date_precision!r} "
                "(YYYY-MM-DD for day, YYYY-MM for month, YYYY for year)"
            )
        return self

    @property
    def year(self) -> int | None:
        return year_of(self.date)


def load_sources(path: Path | None = None) -> list[SourceMeta]:
    """The bundled sources' metadata, validated; slugs and files must be unique."""
    path = path or data_dir() / "sources.yaml"
    entries = validate_entries(path, load_yaml(path), SourceMeta, "source")
    for attr in ("slug", "file"):
        seen: set[str] = set()
        for entry in entries:
            value = getattr(entry, attr)
            if value in seen:
                raise DataError(f"{path}: duplicate {attr} {value!r}", hint="make it unique")
            if value is not None:
                seen.add(value)
    return entries
