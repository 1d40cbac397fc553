"""Targets and forecasts are compared only with their like; an amount and its conversion
into another currency (``same_as``) are one figure, never "differ (different units)"."""

from __future__ import annotations

from claims.compare import ComparedClaim, _pairs
from claims.domain import Modality


def _claim(cid: str, value: float, modality: str = Modality.FACT, unit: str = "percent",
           kind: str = "percent", same_as: str | None = None) -> ComparedClaim:
    return ComparedClaim(
        id=cid, source=cid, authors="", date="2023", as_of=2027, year=2027,
        surface=f"{value}", value=value, value_max=None, unit=unit, qualifier="exact",
        subject="Japan", metric="defense-budget", proposition=None, stance=None,
        origin="extracted", kind=kind, modality=modality, same_as=same_as,
        scale=unit if kind == "money" else kind)


def test_a_target_is_not_paired_with_a_fact() -> None:
    fact, target = _claim("a", 1.0, Modality.FACT), _claim("b", 2.0, Modality.TARGET)
    assert _pairs([fact, target]) == []


def test_two_targets_are_compared() -> None:
    pairs = _pairs([_claim("a", 2.0, Modality.TARGET), _claim("b", 2.0, Modality.TARGET)])
    assert [p.verdict for p in pairs] == ["agree"]


def test_an_amount_and_its_conversion_are_not_paired() -> None:
    yen = _claim("a", 8.7e12, unit="JPY", kind="money")
    usd = _claim("b", 54.8e9, unit="USD", kind="money", same_as="a")
    other = _claim("c", 55e9, unit="USD", kind="money")
    # the yen reading is not set against another article's dollars: its dollar reading is
    assert [(p.a, p.b) for p in _pairs([yen, usd, other])] == [("b", "c")]
