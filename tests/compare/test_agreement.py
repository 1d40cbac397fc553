"""The verdict rules on pairs of figures (pure, no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.agreement import Figure, figure, judge, proposition_verdict

# (a, b, verdict, why)
PAIRS = [
    (figure(kind="ratio", value=0.2, year=1996), figure(kind="percent", value=20, year=1996),
     "agree", "one-fifth is 20 percent (file 004 says both)"),
    (figure(kind="percent", value=80, qualifier="approximately"), figure(kind="percent", value=78),
     "agree", "about 80 percent allows 78"),
    (figure(kind="percent", value=80, qualifier="approximately"), figure(kind="percent", value=70),
     "conflict", "about 80 percent does not stretch to 70"),
    (figure(kind="count", value=45000, qualifier="more than"), figure(kind="count", value=47000),
     "agree", "more than 45,000 includes 47,000"),
    (figure(kind="count", value=45000, qualifier="more than"), figure(kind="count", value=40000),
     "conflict", "more than 45,000 excludes 40,000"),
    (figure(kind="count", value=45000, qualifier="more than", year=1996),
     figure(kind="count", value=40000, year=2000), "changed", "different years: a change"),
    (figure(kind="money", value=49e9, unit="USD"), figure(kind="money", value=6e12, unit="JPY"),
     "differ", "different currencies are not compared"),
    (figure(kind="money", value=49e9, unit="USD"), figure(kind="money", value=49.3e9, unit="USD"),
     "agree", "printed figures are rounded: 1 percent tolerance"),
    (figure(kind="money", value=49e9, unit="USD"), figure(kind="money", value=52e9, unit="USD"),
     "conflict", "beyond rounding"),
    (figure(kind="rank", value=3), figure(kind="rank", value=2), "conflict",
     "ranks have no tolerance"),
    (figure(kind="duration", value=5, value_max=7, unit="year", qualifier="range"),
     figure(kind="duration", value=72, unit="months"), "agree", "72 months is 6 years, in 5-7"),
    (figure(kind="percent", value=40, qualifier="less than"), figure(kind="percent", value=39),
     "agree", "less than 40 allows 39"),
    (figure(kind="percent", value=40, qualifier="at most"), figure(kind="percent", value=45),
     "conflict", "at most 40 excludes 45"),
]


@pytest.mark.parametrize("a, b, verdict, why", PAIRS, ids=[p[3] for p in PAIRS])
def test_judge(a: Figure, b: Figure, verdict: str, why: str) -> None:
    assert judge(a, b).verdict == verdict, (a, b)
    assert judge(b, a).verdict == verdict, "verdicts are symmetric"


def test_reasons_are_readable() -> None:
    same = judge(figure("ratio", 0.2, year=1996), figure("percent", 20, year=1996))
    assert same.reason == "same figure (20 percent)"
    years = judge(figure("count", 40000, year=2000), figure("count", 47000, year=1996))
    assert years.reason == "40,000 in 2000; 47,000 in 1996 (18% higher)"
    units = judge(figure("money", 49e9, unit="USD"), figure("money", 6e12, unit="JPY"))
    assert units.reason == "different units (USD vs JPY)"
    conflict = judge(figure("percent", 80, qualifier="approximately", year=1996),
                     figure("percent", 60, year=1996))
    assert conflict.reason == "about 80 percent vs 60 percent in 1996 (20 points lower)"


@pytest.mark.parametrize("stances, verdict", [
    (["affirms"], "single"),
    (["affirms", "urges"], "shared"),
    (["affirms", "denies"], "split"),
    (["urges", "reports", "denies"], "split"),
    (["reports", "warns"], "shared"),
])
def test_proposition_verdict(stances: list[str], verdict: str) -> None:
    assert proposition_verdict(stances) == verdict


kinds = st.sampled_from(["money", "percent", "ratio", "count", "duration", "rank", "date"])
qualifiers = st.sampled_from(
    ["exact", "approximately", "more than", "less than", "at least", "at most"]
)
values = st.floats(min_value=0.001, max_value=1e12, allow_nan=False)
years = st.one_of(st.none(), st.integers(1950, 2030))


@given(kinds, values, qualifiers, years, kinds, values, qualifiers, years)
def test_verdicts_are_symmetric_and_a_figure_agrees_with_itself(
    ka: str, va: float, qa: str, ya: int | None, kb: str, vb: float, qb: str, yb: int | None
) -> None:
    a = figure(ka, va, unit="USD", qualifier=qa, year=ya)
    b = figure(kb, vb, unit="USD", qualifier=qb, year=yb)
    assert judge(a, b).verdict == judge(b, a).verdict
    assert a.low <= a.value <= a.high
    assert judge(a, a).verdict == "agree"
