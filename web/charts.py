"""Timeline charts as SVG text, drawn in Python: no JavaScript, readable by a screen reader
(``role="img"`` with a title and a description), scaled to any width by its viewBox.

A fact is a filled circle; a target or forecast (``claims.domain.effective_modality``:
what the source aims at or expects, or a figure for a year after it was written) a hollow
diamond; the band a qualifier allows ("about", "more than") a vertical line through it.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.compare import Series

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 16, 40
FACT_COLOUR = "#1f4e99"
TARGET_COLOUR = "#a33a00"
AXIS_COLOUR = "#444"


def _ticks(low: float, high: float, count: int = 5, whole: bool = False) -> list[float]:
    """Round tick values covering ``low``..``high`` (whole numbers only if ``whole``).

    >>> _ticks(0, 45000)
    [0.0, 10000.0, 20000.0, 30000.0, 40000.0, 50000.0]
    >>> _ticks(1971, 1972, whole=True)
    [1971.0, 1972.0]
    """
    if high <= low:
        return [low]
    raw = (high - low) / count
    if whole:
        raw = max(raw, 1.0)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(float(round(value, 10)))
        value += step
    return ticks


def _label(value: float, scale: str) -> str:
    """A tick label: 45,000; 1.2 bn; 80%.

    >>> _label(4.9e10, "USD"), _label(45000, "count"), _label(80, "percent")
    ('49 bn', '45,000', '80%')
    """
    if scale == "percent":
        return f"{value:g}%"
    if scale == "year":
        return f"{value:.0f}"
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def series_svg(series: Series, targets: set[str], chart_id: str) -> str:
    """One series (a metric on one scale) as an SVG chart of value against year."""
    points = [p for p in series.points if p.year is not None]
    if not points:
        return ""
    years = [p.year for p in points if p.year is not None]
    lows = [p.low if p.low is not None else p.value for p in points]
    highs = [p.high if p.high is not None else p.value for p in points]
    is_year = series.scale == "year"
    y_low = min(0.0, min(lows)) if not is_year else min(lows) - 2
    y_high = max(highs) + (2 if is_year else 0)
    ticks = _ticks(y_low, y_high if y_high > y_low else y_low + 1, whole=is_year)
    y_min, y_max = ticks[0], ticks[-1] if ticks[-1] > ticks[0] else ticks[0] + 1
    x_min, x_max = min(years) - 1, max(years) + 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - x_min) / (x_max - x_min) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (value - y_min) / (y_max - y_min) * plot_h

    title = f"{series.label} ({series.scale}) by year"
    facts = sum(1 for p in points if p.claim_id not in targets)
    desc = (f"{len(points)} figures from {min(years)} to {max(years)}: {facts} reported, "
            f"{len(points) - facts} targets. The table below lists them.")
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<g stroke="{AXIS_COLOUR}" stroke-width="1">'
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/></g>',
        f'<g font-size="12" fill="{AXIS_COLOUR}" font-family="sans-serif">',
    ]
    for tick in ticks:
        ty = y(tick)
        out.append(f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
                   f'{escape(_label(tick, series.scale))}</text>')
    step = max(1, math.ceil((x_max - x_min) / 8))
    for year in range(x_min + 1, x_max, step):
        out.append(f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                   f'text-anchor="middle">{year}</text>')
    out.append("</g>")
    for p in points:
        px, py = x(p.year or 0), y(p.value)
        target = p.claim_id in targets
        colour = TARGET_COLOUR if target else FACT_COLOUR
        label = escape(f"{p.year}: {p.display} ({p.source}{', target' if target else ''})")
        out.append(f'<g><title>{label}</title>')
        if p.low is not None and p.high is not None and p.high > p.low:
            out.append(f'<line x1="{px:.1f}" y1="{y(p.low):.1f}" x2="{px:.1f}" '
                       f'y2="{y(p.high):.1f}" stroke="{colour}" stroke-width="2"/>')
        if target:
            out.append(f'<path d="M{px:.1f} {py - 7:.1f} L{px + 7:.1f} {py:.1f} L{px:.1f} '
                       f'{py + 7:.1f} L{px - 7:.1f} {py:.1f} Z" fill="white" '
                       f'stroke="{colour}" stroke-width="2.5"/>')
        else:
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6" fill="{colour}"/>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
