"""Rule-based extraction of figures from text (the extractor interface).

``extract(text)`` returns :class:`Extraction` objects whose ``start``/``end``
index ``text`` so that ``text[start:end] == surface``. Ingest calls it once per
document on the cleaned text and maps offsets back to the original.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("money", "percent", "count", "duration", "date", "rank", "ratio", "statement")
QUALIFIERS = (
    "exact", "approximately", "more than", "less than", "at least", "at most", "range",
)


@dataclass(frozen=True, slots=True)
class Extraction:
    kind: str
    surface: str
    start: int
    end: int
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    as_of: int | None = None
    subject: str | None = None
    metric: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    topics: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["topics"] = list(self.topics)
        return data


Extractor = Callable[[str], Sequence[Extraction]]


def extract(text: str) -> list[Extraction]:
    """All figures in ``text``, in order of position (placeholder until the rules land)."""
    return []
