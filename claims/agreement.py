"""The agreement rule: do two figures say the same thing? One rule, used everywhere.

``claims compare``, ``claims timeline``, the compare flashcards and the answer checker
all call :func:`judge`; nothing else decides whether two figures agree. Pure rules, no
database.

A figure becomes an interval on a common scale (ratios become percent points, so
"one-fifth" is "20 percent"; durations become years), widened by its qualifier
(:data:`BANDS`: "about 80 percent" is 72-88). Then, for two figures:

1. different scales (units, currencies) -> ``differ``;
2. different years -> ``changed``, with the direction and size of the change: a change
   over time is neither agreement nor conflict;
3. overlapping intervals -> ``agree``;
4. one figure is open-ended ("more than 45,000") and the other lies on its open side,
   beyond what it plausibly means -> ``differ``: consistent, but not the same figure;
5. otherwise -> ``conflict``.

Every reason says how far apart the figures are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from claims.domain import Kind, Qualifier, Stance, Verdict

# kind -> (scale, factor): the value times factor is on that scale. Money's scale is its
# currency (the claim's unit). Ratios are compared as percent points.
SCALES: dict[str, tuple[str, float]] = {
    Kind.MONEY: ("money", 1.0),
    Kind.PERCENT: ("percent", 1.0),
    Kind.RATIO: ("percent", 100.0),
    Kind.COUNT: ("count", 1.0),
    Kind.DURATION: ("year", 1.0),
    Kind.DATE: ("year", 1.0),
    Kind.RANK: ("rank", 1.0),
}
# The unit of a percent figure that is a change in points (the extractor's PERCENT_UNITS).
POINTS_UNIT = "percentage point"
# Durations may be stored in other units than years: unit -> years.
DURATION_UNITS = {
    "year": 1.0, "years": 1.0, "month": 1 / 12, "months": 1 / 12,
    "week": 1 / 52, "weeks": 1 / 52, "day": 1 / 365, "days": 1 / 365,
}
# Kinds whose figures are whole by nature (a rank, a year): the widths below are
# absolute for them (a fraction of 1), so an exact rank or year allows nothing else.
WHOLE_KINDS = frozenset({Kind.RANK, Kind.DATE})

ROUNDING = 0.005  # a figure printed without a qualifier is rounded: +-0.5 %
NEAR = 0.10  # "about 80 percent" is 72-88; "nearly 30 percent" is 27-30
OPEN_REACH = 0.10  # "more than 45,000" plausibly means 45,000-49,500: not 50,000


@dataclass(frozen=True)
class Band:
    """What a qualifier allows, as fractions of the value: ``below`` it and ``above`` it
    (above ``value_max`` for a range). ``open`` names the side the words leave open:
    "more than 45,000" is consistent with any larger number, but only a number within
    the band is taken as the same figure."""

    below: float
    above: float
    open: Literal["above", "below"] | None = None


# qualifier -> band. Every qualifier of claims.domain.Qualifier has a row (a test checks).
BANDS: dict[str, Band] = {
    Qualifier.EXACT: Band(ROUNDING, ROUNDING),
    Qualifier.APPROXIMATELY: Band(NEAR, NEAR),
    Qualifier.ALMOST: Band(NEAR, 0.0),
    Qualifier.MORE_THAN: Band(0.0, OPEN_REACH, open="above"),
    Qualifier.AT_LEAST: Band(0.0, OPEN_REACH, open="above"),
    Qualifier.LESS_THAN: Band(OPEN_REACH, 0.0, open="below"),
    Qualifier.AT_MOST: Band(OPEN_REACH, 0.0, open="below"),
    Qualifier.RANGE: Band(ROUNDING, ROUNDING),
}
# How a qualifier reads in a description ("about 80 percent").
QUALIFIER_WORDS = {
    Qualifier.APPROXIMATELY: "about", Qualifier.ALMOST: "almost",
    Qualifier.MORE_THAN: "more than", Qualifier.LESS_THAN: "less than",
    Qualifier.AT_LEAST: "at least", Qualifier.AT_MOST: "at most",
}
# Scales that are not a currency; any other scale is a currency code.
SCALE_NAMES = frozenset({"percent", "count", "year", "rank", POINTS_UNIT})


@dataclass(frozen=True)
class Figure:
    """A figure on its common scale: ``low``-``high`` is what its qualifier allows."""

    scale: str  # "percent", "count", "year", "rank", or a currency code for money
    value: float
    value_max: float | None
    low: float
    high: float
    year: int | None  # the year the figure refers to, when known
    qualifier: str
    open: Literal["above", "below"] | None = None

    @property
    def middle(self) -> float:
        """The figure's central value (the middle of a range)."""
        return self.value if self.value_max is None else (self.value + self.value_max) / 2

    def describe(self) -> str:
        """Human words for the normalized figure.

        >>> figure("ratio", 0.2).describe()
        '20 percent'
        >>> figure("count", 45000, qualifier="more than").describe()
        'more than 45,000'
        >>> figure("money", 49e9, unit="USD").describe()
        'USD 49 billion'
        >>> figure("percent", 2, unit="percentage point").describe()
        '2 percentage points'
        """
        words = QUALIFIER_WORDS.get(self.qualifier)  # type: ignore[call-overload]
        number = _number(self.value, self.scale)
        if self.value_max is not None:
            number += f"-{_number(self.value_max, self.scale)}"
        if self.scale == "percent":
            text = f"{number} percent"
        elif self.scale == "rank":
            text = f"#{number}"
        elif self.scale == "year":
            text = number if self.value > 999 else f"{number} years"
        elif self.scale == "count":
            text = number
        elif self.scale == POINTS_UNIT:
            text = f"{number} percentage points"
        else:
            text = f"{self.scale} {number}"
        return f"{words} {text}" if words else text


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
    qualifier: str = Qualifier.EXACT, year: int | None = None,
) -> Figure:
    """Put a claim's figure on its common scale, with the interval its qualifier allows.

    >>> f = figure("percent", 80, qualifier="approximately"); (f.low, f.high)
    (72.0, 88.0)
    >>> f = figure("count", 45000, qualifier="more than"); (f.low, f.high, f.open)
    (45000.0, 49500.0, 'above')
    >>> figure("ratio", 0.2).value
    20.0
    >>> figure("percent", 2, unit="percentage point").scale
    'percentage point'
    """
    scale, factor = SCALES.get(kind, (kind, 1.0))
    if kind == Kind.MONEY:
        scale = (unit or "money").upper()
    if kind == Kind.DURATION:
        factor = DURATION_UNITS.get((unit or "year").lower(), 1.0)
    if kind == Kind.PERCENT and unit == POINTS_UNIT:
        scale = POINTS_UNIT  # a change in points is no share: "2 percentage points" != 2%
    v = value * factor
    vmax = value_max * factor if value_max is not None else None
    band = BANDS.get(qualifier, BANDS[Qualifier.EXACT])
    top = vmax if vmax is not None else v
    magnitude_low, magnitude_high = (1.0, 1.0) if kind in WHOLE_KINDS else (abs(v), abs(top))
    low = v - band.below * magnitude_low
    high = top + band.above * magnitude_high
    # A date's year is its value, not a year it refers to: two dates for one event that
    # differ are a conflict, not a change over time.
    dated = None if kind == Kind.DATE else year
    return Figure(scale, v, vmax, float(low), float(high), dated, qualifier, band.open)


@dataclass(frozen=True)
class Judgement:
    """A verdict with its reason, in words a reader can check."""

    verdict: Verdict
    reason: str


def _overlap(a: Figure, b: Figure) -> bool:
    # a relative epsilon: bands that touch (as floating-point sums) still overlap
    eps = 1e-9 * max(abs(a.low), abs(a.high), abs(b.low), abs(b.high), 1.0)
    return a.low <= b.high + eps and b.low <= a.high + eps


def _open_toward(a: Figure, b: Figure) -> bool:
    """Does ``b`` lie on the side ``a`` leaves open ("more than 45,000" and 50,000)?"""
    return (a.open == "above" and b.low > a.high) or (a.open == "below" and b.high < a.low)


def gap(a: Figure, b: Figure, relative: bool = False) -> str:
    """How far ``b`` is from ``a``, in the words of its scale (``relative``: "above" and
    "below" instead of "higher" and "lower").

    >>> gap(figure("count", 45000), figure("count", 50000))
    '11% higher'
    >>> gap(figure("percent", 30), figure("percent", 28))
    '2 points lower'
    >>> gap(figure("date", 1996), figure("date", 2001))
    '5 years later'
    """
    diff = b.middle - a.middle
    if math.isclose(diff, 0.0, abs_tol=1e-12):
        return "the same"
    up, down = ("above", "below") if relative else ("higher", "lower")
    if a.scale == "year" and min(abs(a.middle), abs(b.middle)) > 999:
        up, down = ("later", "earlier")
    elif a.scale == "rank":
        up, down = down, up  # rank 5 is lower than rank 2
    direction = up if diff > 0 else down
    if a.scale in ("percent", POINTS_UNIT):
        return f"{_trim(abs(diff))} points {direction}"
    if a.scale == "year" and min(abs(a.middle), abs(b.middle)) > 999:
        return f"{_trim(abs(diff))} years {direction}"
    if a.scale == "rank":
        return f"{_trim(abs(diff))} places {direction}"
    if a.middle == 0:
        return direction
    return f"{_trim(abs(diff) / abs(a.middle) * 100)}% {direction}"


def _trim(number: float) -> str:
    rounded = round(number) if number >= 10 else round(number, 1)
    return f"{rounded:g}" if rounded else f"{number:.2g}"


Trend = Literal["up", "down", "same"]


def trend(a: Figure, b: Figure) -> Trend:
    """Which way a figure moved from ``a`` to ``b``: ``same`` when either one's central
    value lies in the other's band (wide bands alone, "more than 45,000" and "about
    54,000", do not make a rise of a fifth "the same").

    >>> trend(figure("count", 45000, qualifier="more than"), figure("count", 54000))
    'up'
    >>> trend(figure("count", 45000, qualifier="more than"), figure("count", 46000))
    'same'
    >>> trend(figure("percent", 80, qualifier="approximately"), figure("percent", 78))
    'same'
    """
    if _holds(a, b.middle) or _holds(b, a.middle):
        return "same"
    return "up" if b.middle > a.middle else "down"


def _holds(f: Figure, value: float) -> bool:
    eps = 1e-9 * max(abs(f.low), abs(f.high), 1.0)
    return f.low - eps <= value <= f.high + eps


def judge(a: Figure, b: Figure) -> Judgement:
    """The verdict on two figures of one metric (see the module docstring).

    >>> str(judge(figure("ratio", 0.2, year=1996), figure("percent", 20, year=1996)).verdict)
    'agree'
    >>> judge(figure("count", 45000, qualifier="more than"), figure("count", 40000)).reason
    'more than 45,000 vs 40,000 (11% lower)'
    >>> judge(figure("count", 45000, qualifier="more than", year=1996),
    ...       figure("count", 54000, qualifier="approximately", year=2021)).reason
    'more than 45,000 in 1996; about 54,000 in 2021 (20% higher)'
    """
    if a.scale != b.scale:
        return Judgement(Verdict.DIFFER, f"different units ({a.scale} vs {b.scale})")
    if a.year is not None and b.year is not None and a.year != b.year:
        change = "about the same" if trend(a, b) == "same" else gap(a, b)
        return Judgement(
            Verdict.CHANGED,
            f"{a.describe()} in {a.year}; {b.describe()} in {b.year} ({change})",
        )
    when = f" in {a.year}" if a.year is not None else ""
    if _overlap(a, b):
        if a.qualifier == b.qualifier == Qualifier.EXACT and math.isclose(a.value, b.value):
            return Judgement(Verdict.AGREE, f"same figure ({a.describe()})")
        return Judgement(Verdict.AGREE, f"consistent ({a.describe()}; {b.describe()})")
    for x, y in ((a, b), (b, a)):
        if _open_toward(x, y):
            return Judgement(
                Verdict.DIFFER,
                f"{y.describe()} is {gap(x, y, relative=True)} {x.describe()}: "
                f"consistent, not the same figure{when}",
            )
    return Judgement(Verdict.CONFLICT, f"{a.describe()} vs {b.describe()}{when} ({gap(a, b)})")


def agrees(a: Figure, b: Figure) -> bool:
    """Shorthand: does :func:`judge` say ``agree``?"""
    return judge(a, b).verdict == Verdict.AGREE


# --- stances on a proposition ----------------------------------------------------

# Which way each stance leans on its proposition: for it (+1), against it (-1), or
# neither: "reports" relays others' views and "warns" names a risk.
STANCE_LEAN: dict[str, int] = {
    Stance.AFFIRMS: 1, Stance.URGES: 1, Stance.DENIES: -1, Stance.REPORTS: 0, Stance.WARNS: 0,
}


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

    >>> [str(judge_stances(*pair).verdict) for pair in (("affirms", "urges"),
    ...     ("affirms", "denies"), ("reports", "affirms"))]
    ['agree', 'conflict', 'differ']
    """
    lean_a, lean_b = STANCE_LEAN.get(a or "", 0), STANCE_LEAN.get(b or "", 0)
    words = f"{a or 'states'} vs {b or 'states'}"
    if lean_a and lean_a == lean_b:
        return Judgement(
            Verdict.AGREE, f"same stance ({a})" if a == b else f"both hold it ({a}, {b})"
        )
    if lean_a and lean_b:
        return Judgement(Verdict.CONFLICT, words)
    if a == b:
        return Judgement(Verdict.AGREE, f"same stance ({a or 'states'})")
    return Judgement(Verdict.DIFFER, words)


# The overall verdict of several pairs is the worst: a conflict is never hidden.
VERDICT_ORDER = {Verdict.AGREE: 0, Verdict.CHANGED: 1, Verdict.DIFFER: 2, Verdict.CONFLICT: 3}


def worst(verdicts: list[str]) -> str:
    """The row verdict of several pairs: conflict beats differ beats changed beats agree.

    >>> worst(["agree", "changed"]), worst([])
    ('changed', 'single')
    """
    if not verdicts:
        return "single"
    return str(max(verdicts, key=lambda v: VERDICT_ORDER[Verdict(v)]))
