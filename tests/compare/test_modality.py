"""Targets and forecasts are compared only with their like, and chart as their own series."""

from __future__ import annotations

from claims.compare import ComparedClaim, _pairs
from claims.domain import Modality


def _claim(cid: str, value: float, modality: str) -> ComparedClaim:
    return ComparedClaim(
        id=cid, source=cid, authors="", date="2023", as_of=2027, year=2027, kind="percent",
        surface=f"{value}%", value=value, value_max=None, unit="percent", qualifier="exact",
        subject="Japan", metric="defense-budget", proposition=None, stance=None,
        origin="extracted", modality=modality)


def test_a_target_is_not_paired_with_a_fact() -> None:
    fact, target = _claim("a", 1.0, Modality.FACT), _claim("b", 2.0, Modality.TARGET)
    assert _pairs([fact, target]) == []


def test_two_targets_are_compared() -> None:
    pairs = _pairs([_claim("a", 2.0, Modality.TARGET), _claim("b", 2.0, Modality.TARGET)])
    assert [p.verdict for p in pairs] == ["agree"]
