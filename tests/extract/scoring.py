"""Scoring extractions against gold annotations (exact span and kind), for test_gold.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claims.extract import Extraction

FIELDS = ("value", "value_max", "unit", "qualifier", "as_of")


@dataclass
class Score:
    """Counts of one comparison; ``by_kind`` holds the same counts per kind."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    field_errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, pred, match]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: Sequence[Extraction], gold: Iterable[dict[str, Any]], name: str = "",
          into: Score | None = None) -> Score:
    """Match predictions to gold figures on (start, end, kind); compare their fields."""
    result = into or Score()
    by_span = {(g["start"], g["end"], g["kind"]): g for g in gold}
    seen = set()
    for g in by_span.values():
        result.by_kind.setdefault(g["kind"], [0, 0, 0])[0] += 1
    result.gold += len(by_span)
    for e in predicted:
        result.predicted += 1
        result.by_kind.setdefault(e.kind, [0, 0, 0])[1] += 1
        key = (e.start, e.end, e.kind)
        g = by_span.get(key)
        if g is None:
            result.false_positives.append(f"{name} {e.start} {e.kind} {e.surface!r}")
            continue
        seen.add(key)
        result.matched += 1
        result.by_kind[e.kind][2] += 1
        for f in FIELDS:
            want, got = g.get(f), getattr(e, f)
            if want != got and not (isinstance(want, float | int) and isinstance(got, float)
                                    and abs(want - got) <= 1e-9 * max(1.0, abs(want))):
                result.field_errors.append(f"{name} {e.surface!r} {f}: {got!r} != {want!r}")
    for key, g in by_span.items():
        if key not in seen:
            result.misses.append(f"{name} {g['start']} {g['kind']} {g['surface']!r}")
    return result
