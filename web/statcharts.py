"""Study charts as SVG text, drawn in Python like the timelines (web.charts): reviews and
retention per day, a review heatmap (weeks by weekdays) and the due forecast. Each is an
``<svg role="img">`` with a title and a description, so a screen reader reads the totals;
the numbers are in a table beside each chart as well."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 40, 12, 28
BAR = "#1f4e99"
LINE = "#a33a00"
HEAT = ["#eef1f6", "#c6d7f0", "#8fb0e0", "#4f7fc4", "#1f4e99"]  # none .. many reviews


def _frame(chart_id: str, title: str, desc: str, body: list[str],
           width: int = WIDTH, height: int = HEIGHT) -> str:
    return (f'<svg class="chart" id="{chart_id}" role="img" viewBox="0 0 {width} {height}" '
            f'style="max-width: {width * 1.25:.0f}px" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>' + "".join(body) + "</svg>")


def _bars(values: list[float], labels: list[str], colour: str) -> list[str]:
    """Bars for ``values`` on a common scale, with a label under every 7th."""
    top = max(values + [1.0])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(values), 1)
    out = [f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
           'stroke="#444"/>',
           f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end" font-size="11">'
           f'{top:g}</text>']
    for i, value in enumerate(values):
        h = plot_h * value / top
        x = LEFT + i * step
        out.append(f'<rect x="{x + 1:.1f}" y="{TOP + plot_h - h:.1f}" width="{step - 2:.1f}" '
                   f'height="{h:.1f}" fill="{colour}"/>')
        if i % 7 == 0:
            out.append(f'<text x="{x:.1f}" y="{HEIGHT - 8}" font-size="11">'
                       f'{escape(labels[i][5:])}</text>')
    return out


def reviews_svg(per_day: list[dict[str, Any]]) -> str:
    """Reviews per day (bars) and retention per day (dots, right scale 0-100 %).

    >>> "<rect" in reviews_svg([{"date": "2026-11-30", "reviews": 3, "retention": 0.5}])
    True
    """
    counts = [float(d["reviews"]) for d in per_day]
    body = _bars(counts, [d["date"] for d in per_day], BAR)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(per_day), 1)
    body.append(f'<text x="{WIDTH - RIGHT + 4}" y="{TOP + 10}" font-size="11">100%</text>')
    for i, d in enumerate(per_day):
        if d["retention"] is not None:
            y = TOP + plot_h * (1 - d["retention"])
            body.append(f'<circle cx="{LEFT + (i + .5) * step:.1f}" cy="{y:.1f}" r="3.5" '
                        f'fill="{LINE}"/>')
    total = int(sum(counts))
    kept = [d["retention"] for d in per_day if d["retention"] is not None]
    desc = (f"{total} reviews in {len(per_day)} days" +
            (f"; retention from {min(kept):.0%} to {max(kept):.0%}" if kept else ""))
    return _frame("reviews-chart", "Reviews and retention per day", desc, body)


def forecast_svg(forecast: list[dict[str, Any]]) -> str:
    """Cards due each day from today."""
    counts = [float(d["due"]) for d in forecast]
    body = _bars(counts, [d["date"] for d in forecast], BAR)
    desc = f"{int(sum(counts))} cards due in the next {len(forecast)} days"
    return _frame("forecast-chart", "Cards due per day", desc, body)


def heatmap_svg(per_day: list[dict[str, Any]]) -> str:
    """One square a day, a column a week (Monday at the top), darker for more reviews."""
    cell, gap, left, top = 14, 3, 30, 6
    weeks = (len(per_day) + 13) // 7 + 1
    width, height = left + weeks * (cell + gap) + 8, top + 7 * (cell + gap) + 4
    most = max([d["reviews"] for d in per_day] + [1])
    body = [f'<text x="0" y="{top + (cell + gap) * i + 11}" font-size="10">{name}</text>'
            for i, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))]
    first = date.fromisoformat(per_day[0]["date"]) if per_day else date.today()
    offset = first.weekday()
    for i, d in enumerate(per_day):
        slot = i + offset
        shade = HEAT[0] if not d["reviews"] else HEAT[min(4, 1 + 3 * d["reviews"] // most)]
        body.append(f'<rect x="{left + (slot // 7) * (cell + gap)}" '
                    f'y="{top + (slot % 7) * (cell + gap)}" width="{cell}" height="{cell}" '
                    f'rx="2" fill="{shade}"><title>{d["date"]}: {d["reviews"]} reviews'
                    '</title></rect>')
    active = sum(1 for d in per_day if d["reviews"])
    desc = f"reviews on {active} of the last {len(per_day)} days"
    return _frame("heatmap-chart", "Review heatmap", desc, body, width, height)
