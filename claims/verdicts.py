"""Comparing two figures on one metric: a common scale, a tolerance, a verdict.

Pure rules, no database: ``claims.compare`` feeds them claims. A figure becomes an
interval on its scale (ratios become percent points, so "one-fifth" is "20 percent"),
widened by its qualifier ("about 80 percent" is 72-88); two figures *agree* when their
intervals overlap, *differ* when they refer to different years or are measured in
different units, and *conflict* otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["agree", "differ", "conflict"]

# kind -> (scale, factor): the value times factor is on that scale. Money's scale is its
# currency (the claim's unit). Ratios are compared as percent points.
SCALES: dict[str, tuple[str, float]] = {
    "money": ("money", 1.0),
    "percent": ("percent", 1.0),
    "ratio": ("percent", 100.0),
    "count": ("count", 1.0),
    "duration": ("year", 1.0),
    "date": ("year", 1.0),
    "rank": ("rank", 1.0),
}
# Durations may be stored in other units than years.
DURATION_UNITS = {
    "year": 1.0, "years": 1.0, "month": 1 / 12, "months": 1 / 12,
    "week": 1 / 52, "weeks": 1 / 52, "day": 1 / 365, "days": 1 / 365,
}

# Relative tolerance of a figure printed without a qualifier: printed figures are rounded.
EXACT_TOLERANCE = 0.01
# Kinds whose exact figures are whole by nature: no rounding tolerance.
WHOLE_KINDS = frozenset({"rank", "date"})
# Relative half-width of an "approximately" figure: "about 80 percent" is 72-88.
APPROXIMATE_TOLERANCE = 0.10

# qualifier -> (lower bound, upper bound) as functions of (value, value_max, tolerance).
# Order does not matter. "more than 45,000" is [45,000, inf): 47,000 agrees, 40,000 does not.
BOUNDS = {
    "exact": lambda v, vmax, t: (v - t, v + t),
    "approximately": lambda v, vmax, t: (
        v - max(t, abs(v) * APPROXIMATE_TOLERANCE), v + max(t, abs(v) * APPROXIMATE_TOLERANCE)
    ),
    "more than": lambda v, vmax, t: (v, math.inf),
    "at least": lambda v, vmax, t: (v, math.inf),
    "less than": lambda v, vmax, t: (-math.inf, v),
    "at most": lambda v, vmax, t: (-math.inf, v),
    "range": lambda v, vmax, t: (v - t, (vmax if vmax is not None else v) + t),
}
QUALIFIER_WORDS = {
    "approximately": "about", "more than": "more than", "less than": "less than",
    "at least": "at least", "at most": "at most",
}


@dataclass(frozen=True)
class Figure:
    """A figure on its common scale: ``low``-``high`` is what it allows."""

    scale: str  # "percent", "count", "year", "rank", or a currency code for money
    value: float
    value_max: float | None
    low: float
    high: float
    year: int | None
    qualifier: str

    def describe(self) -> str:
        """Human words for the normalized figure.

        >>> figure("ratio", 0.2).describe()
        '20 percent'
        >>> figure("count", 45000, qualifier="more than").describe()
        'more than 45,000'
        >>> figure("money", 49e9, unit="USD").describe()
        'USD 49 billion'
        """
        words = QUALIFIER_WORDS.get(self.qualifier)
        number = _number(self.value, self.scale)
        if self.value_max is not None:
            number += f"-{_number(self.value_max, self.scale)}"
        text = {
            "percent": f"{number} percent",
            "rank": f"#{number}",
            "year": number if self.scale == "year" and self.value > 999 else f"{number} years",
        }.get(self.scale, number)
        if self.scale not in SCALE_NAMES:
            text = f"{self.scale} {number}"
        return f"{words} {text}" if words else text


SCALE_NAMES = frozenset({"percent", "count", "year", "rank"})


def _number(value: float, scale: str) -> str:
    if scale not in SCALE_NAMES:  # money
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{value / size:g} {word}"
    if float(value).is_integer():
        return f"{value:,.0f}" if scale != "year" else f"{value:.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(
    kind: str, value: float, value_max: float | None = None, unit: str | None = None,
    qualifier: str = "exact", year: int | None = None,
) -> Figure:
    """Put a claim's figure on its common scale, with its tolerance interval.

    >>> f = figure("percent", 80, qualifier="approximately"); (f.low, f.high)
    (72.0, 88.0)
    >>> figure("ratio", 0.2).value
    20.0
    """
    scale, factor = SCALES.get(kind, (kind, 1.0))
    if kind == "money":
        scale = (unit or "money").upper()
    if kind == "duration":
        factor = DURATION_UNITS.get((unit or "year").lower(), 1.0)
    v = value * factor
    vmax = value_max * factor if value_max is not None else None
    tolerance = 0.0 if kind in WHOLE_KINDS else abs(v) * EXACT_TOLERANCE
    bounds = BOUNDS.get(qualifier, BOUNDS["exact"])
    low, high = bounds(v, vmax, tolerance)
    return Figure(scale, v, vmax, low, high, year, qualifier)


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    reason: str


def judge(a: Figure, b: Figure) -> Judgement:
    """The verdict on two figures of one metric.

    >>> judge(figure("ratio", 0.2, year=1996), figure("percent", 20, year=1996)).verdict
    'agree'
    >>> judge(figure("count", 45000, qualifier="more than"), figure("count", 40000)).reason
    'more than 45,000 vs 40,000'
    """
    if a.scale != b.scale:
        return Judgement("differ", f"different units ({a.scale} vs {b.scale})")
    if a.low <= b.high and b.low <= a.high:
        if a.qualifier == b.qualifier == "exact" and math.isclose(a.value, b.value):
            reason = f"same figure ({a.describe()})"
        else:
            reason = f"consistent ({a.describe()}; {b.describe()})"
        if a.year is not None and b.year is not None and a.year != b.year:
            reason += f", in {a.year} and {b.year}"
        return Judgement("agree", reason)
    if a.year is not None and b.year is not None and a.year != b.year:
        return Judgement(
            "differ", f"different years ({a.year}: {a.describe()}; {b.year}: {b.describe()})"
        )
    when = f" in {a.year}" if a.year is not None else ""
    return Judgement("conflict", f"{a.describe()} vs {b.describe()}{when}")


# Stances, and which way each leans on its proposition (urges counts as affirming).
STANCE_LEAN = {"affirms": 1, "urges": 1, "denies": -1, "reports": 0, "warns": 0}


def proposition_verdict(stances: list[str | None]) -> str:
    """``split`` when one source affirms what another denies, ``shared`` when several
    sources hold it without a split, ``single`` for one claim.

    >>> proposition_verdict(["affirms", "denies"]), proposition_verdict(["affirms", "reports"])
    ('split', 'shared')
    """
    if len(stances) < 2:
        return "single"
    leans = {STANCE_LEAN.get(s or "", 0) for s in stances}
    return "split" if {1, -1} <= leans else "shared"


def judge_stances(a: str | None, b: str | None) -> Judgement:
    """Two stances on one proposition: the same lean agrees, opposite leans conflict,
    a neutral one (reports, warns) differs.

    >>> judge_stances("affirms", "urges").verdict, judge_stances("affirms", "denies").verdict
    ('agree', 'conflict')
    >>> judge_stances("reports", "affirms")
    Judgement(verdict='differ', reason='reports vs affirms')
    """
    lean_a, lean_b = STANCE_LEAN.get(a or "", 0), STANCE_LEAN.get(b or "", 0)
    words = f"{a or 'states'} vs {b or 'states'}"
    if lean_a and lean_a == lean_b:
        return Judgement("agree", f"same stance ({a})" if a == b else f"both hold it ({a}, {b})")
    if lean_a and lean_b:
        return Judgement("conflict", words)
    if a == b:
        return Judgement("agree", f"same stance ({a or 'states'})")
    return Judgement("differ", words)


VERDICT_ORDER = {"agree": 0, "differ": 1, "conflict": 2}


def worst(verdicts: list[Verdict]) -> str:
    """The row verdict of several pairs: conflict beats differ beats agree."""
    if not verdicts:
        return "single"
    return max(verdicts, key=VERDICT_ORDER.__getitem__)
