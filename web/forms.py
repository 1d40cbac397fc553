"""Query strings in, library arguments out: the search form's fields, parsed leniently.

A plain HTML form sends every field, empty ones as ``topic=``; an empty field means "no
filter". A value that cannot be one (``min=abc``, ``kind=cheese``) is a UsageError,
shown as a 400 with a hint, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from claims.domain import Kind
from claims.errors import UsageError

MAX_QUERY = 5_000  # characters of a search string kept (claims.search reads 16 words)
MAX_LIMIT = 200  # a page of results
FIELDS = ("q", "topic", "source", "kind", "metric", "from", "to", "min", "max")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", " ").strip()
    return value or None


def _number(name: str, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise UsageError(f"{name} must be a number, not {value[:40]!r}",
                         hint=f"`{name}=1e10` is ten billion") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise UsageError(f"{name} must be a finite number", hint=f"`{name}=1e10`")
    return number


def _year(name: str, value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or len(value) > 4:
        raise UsageError(f"{name} must be a year such as 1996, not {value[:40]!r}",
                         hint=f"`{name}=1996`")
    return int(value)


@dataclass
class SearchForm:
    """The fields of /search and /api/search, as typed (for the form) and as parsed."""

    q: str = ""
    topic: str | None = None
    source: str | None = None
    kind: str | None = None
    metric: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_value: float | None = None
    max_value: float | None = None
    limit: int = 20
    raw: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, params: dict[str, str], limit: str | None = None) -> SearchForm:
        raw = {name: (params.get(name) or "")[:MAX_QUERY] for name in FIELDS}
        kind = _clean(raw["kind"])
        if kind is not None and kind not in {k.value for k in Kind}:
            raise UsageError(f"unknown kind {kind[:40]!r}",
                             hint="one of " + ", ".join(k.value for k in Kind))
        text = _clean(limit) or "20"
        size = int(text) if text.isdigit() and len(text) < 6 else 0
        if not 1 <= size <= MAX_LIMIT:
            raise UsageError(f"limit must be between 1 and {MAX_LIMIT}", hint="`limit=20`")
        return cls(
            q=_clean(raw["q"]) or "", topic=_clean(raw["topic"]), source=_clean(raw["source"]),
            kind=kind, metric=_clean(raw["metric"]),
            year_from=_year("from", _clean(raw["from"])), year_to=_year("to", _clean(raw["to"])),
            min_value=_number("min", _clean(raw["min"])),
            max_value=_number("max", _clean(raw["max"])), limit=size, raw=raw,
        )

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``claims.search.search`` (and ``claims.browse.facets``)."""
        return {"topic": self.topic, "source": self.source, "kind": self.kind,
                "metric": self.metric, "year_from": self.year_from, "year_to": self.year_to,
                "min_value": self.min_value, "max_value": self.max_value}

    def is_empty(self) -> bool:
        return not self.q and not any(v is not None for v in self.filters().values())

    def url(self, **changes: str | None) -> str:
        """This search's shareable URL with some fields changed (None drops a field)."""
        params = {name: value for name, value in self.raw.items() if value}
        for name, value in changes.items():
            name = name.rstrip("_")  # from_ -> from
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return "/search" + ("?" + urlencode(params) if params else "")
