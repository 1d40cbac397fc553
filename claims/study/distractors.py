"""Wrong answers for multiple-choice cards: plausible, formatted like the answer, never right.

Candidates come first from other claims measuring the same metric, then from claims of
the same kind and unit, then from perturbations of the answer (``PERTURBATIONS``).
Each is written in the answer's style (:func:`claims.study.numerals.format_like`) and
dropped when it falls within the answer's tolerance or repeats another choice.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claims.models import Claim
from claims.study import answers
from claims.study.numerals import format_like, simple_fraction

COUNT = 3  # distractors per card
MAX_PEERS = 2  # at most this many drawn from other claims; the rest are perturbations
# A distractor must differ from the answer by more than this share, whatever the qualifier.
MIN_GAP = 0.15

# Kind -> how to perturb the answer's value. ("x", f) multiplies, ("+", d) adds.
PERTURBATIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "money": (("x", 0.5), ("x", 2), ("x", 10), ("x", 0.1), ("x", 3)),
    "count": (("x", 0.5), ("x", 2), ("x", 10), ("x", 0.1), ("x", 3)),
    "duration": (("x", 0.5), ("x", 2), ("x", 3), ("+", 1), ("+", -1)),
    "percent": (("x", 0.5), ("x", 2), ("+", -20), ("+", 15), ("+", 25), ("+", -30), ("x", 0.25)),
    "ratio": (("x", 0.5), ("x", 2), ("+", 0.1), ("+", -0.1), ("x", 3)),
    "date": (("+", -1), ("+", 1), ("+", -2), ("+", 2), ("+", 5), ("+", -5)),
    "rank": (("+", 1), ("+", -1), ("+", 2), ("+", 3)),
}
# Kinds whose values must stay within bounds (percent <= 100, fractions < 1, rank >= 1; a
# count of one reads as no count at all: "a 1-nation version of the TPP").
BOUNDS: dict[str, tuple[float, float]] = {
    "percent": (0, 100), "ratio": (0, 1), "rank": (1, 10), "date": (1000, 2100),
    "count": (2, float("inf")),
}


@dataclass
class Peers:
    """Values of other claims, by metric and by (kind, unit)."""

    by_metric: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)
    by_unit: dict[tuple[str, str | None], list[tuple[str, str, float]]] = field(
        default_factory=dict
    )

    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> Peers:
        by_metric: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
        by_unit: dict[tuple[str, str | None], list[tuple[str, str, float]]] = defaultdict(list)
        for claim in claims:
            if claim.value is None:
                continue
            entry = (claim.id, claim.kind, float(claim.value))
            if claim.metric:
                by_metric[claim.metric].append(entry)
            by_unit[(claim.kind, claim.unit)].append(entry)
        return cls(dict(by_metric), dict(by_unit))

    def for_claim(self, claim: Claim) -> list[float]:
        """Values of other claims comparable with ``claim``, in its own units."""
        seen: list[float] = []
        pools = [self.by_metric.get(claim.metric or "", []),
                 self.by_unit.get((claim.kind, claim.unit), [])]
        for pool in pools:
            for other_id, kind, value in pool:
                if other_id == claim.id:
                    continue
                converted = _convert(value, kind, claim.kind)
                if converted is not None and converted not in seen:
                    seen.append(converted)
        return seen


def _convert(value: float, from_kind: str, to_kind: str) -> float | None:
    if from_kind == to_kind:
        return value
    if (from_kind, to_kind) == ("percent", "ratio"):
        return value / 100
    if (from_kind, to_kind) == ("ratio", "percent") and value <= 1:
        return value * 100
    return None


def _perturbed(kind: str, value: float) -> list[float]:
    out = []
    for op, amount in PERTURBATIONS.get(kind, PERTURBATIONS["count"]):
        new = value * amount if op == "x" else value + amount
        if kind in ("date", "rank") or (kind == "count" and float(value).is_integer()):
            new = round(new)
        low, high = BOUNDS.get(kind, (0, float("inf")))
        if low <= new <= high and new > 0 and (kind != "ratio" or new < 1):
            out.append(new)
    return out


def _fits(kind: str, value: float) -> bool:
    """A ratio written in words needs a simple fraction; others anything in bounds."""
    low, high = BOUNDS.get(kind, (0, float("inf")))
    return low <= value <= high and value > 0


def _far_enough(spec: dict[str, Any], value: float) -> bool:
    answer = float(spec["value"])
    if answers.accepts(spec, value):
        return False
    if spec.get("kind") in ("date", "rank"):
        return round(value) != round(answer)
    return abs(value - answer) > MIN_GAP * abs(answer)


def pick(spec: dict[str, Any], peer_values: list[float], rng: random.Random,
         latest: int | None = None) -> list[str]:
    """Up to ``COUNT`` distractors for a figure spec, as display strings. ``latest``: for a
    date, the year its source was written; a past date gets no distractor after it (a
    1996 text cannot date the start of Okinawa returns to 2009)."""
    kind, surface = spec["kind"], spec["surface"]
    answer = float(spec["value"])

    def plausible(value: float) -> bool:
        return kind != "date" or latest is None or answer > latest or value <= latest

    peers = [v for v in peer_values if _fits(kind, v) and plausible(v)]
    rng.shuffle(peers)
    perturbed = [v for v in _perturbed(kind, answer) if plausible(v)]
    rng.shuffle(perturbed)
    if kind == "ratio" and simple_fraction(answer):
        perturbed.sort(key=lambda v: simple_fraction(v) is None)  # words read best
    chosen: list[str] = []
    taken = {format_like(answer, surface, kind) or surface}
    for pool, limit in ((peers, MAX_PEERS), (perturbed, COUNT)):
        used = 0
        for value in pool:
            if len(chosen) == COUNT or used == limit:
                break
            text = format_like(value, surface, kind)
            if text is None or text in taken or text == surface or not _far_enough(spec, value):
                continue
            taken.add(text)
            chosen.append(text)
            used += 1
    return chosen
