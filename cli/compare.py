"""Comparison commands: ``compare``, ``timeline``, ``metrics``, ``topics``."""


import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cli.output import FormatOption, OutputFormat, message, render_object, render_rows
from cli.state import state

if TYPE_CHECKING:
    from claims.compare import MetricComparison, Timeline, TopicMatrix

# Outside JSON, "normalized" shows the normalized figure in words ("20 percent").
CLAIM_COLUMNS = ["id", "source", "authors", "date", "as_of", "surface", "normalized", "qualifier"]
TABLE_CLAIM_COLUMNS = ["source", "authors", "date", "as_of", "surface", "normalized"]
STATEMENT_COLUMNS = ["source", "authors", "date", "year", "stance", "surface"]
CLIP = 80  # characters of a quote shown in a table cell
PAIR_COLUMNS = ["a", "b", "verdict", "reason"]
TIMELINE_COLUMNS = ["year", "source", "surface", "normalized", "metric", "proposition", "stance"]
KEY_COLUMNS = ["key", "label", "claims", "sources"]
CHART_WIDTH = 40


def compare(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(help="A metric key (see `claims metrics`) or words naming one."),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option("--topic", "-t", help="Compare the sources on a topic instead."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Compare what sources say: claims on one metric side by side, with a verdict per
    pair (agree, differ, conflict); or, with --topic, sources against a topic's metrics
    and propositions.

    Example: claims compare okinawa acreage
    """
    from claims.compare import compare_metric, compare_topic
    from claims.errors import UsageError

    if bool(words) == bool(topic):
        raise UsageError("give a metric (or words) or --topic, not both",
                         hint="e.g. claims compare trade-surplus, or claims compare --topic trade")
    with state(ctx).session() as session:
        if topic:
            _render_matrix(compare_topic(session, topic), fmt)
        else:
            _render_comparison(compare_metric(session, " ".join(words or [])), fmt)


def timeline(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(help="A topic key, a metric key, or words naming a metric.")
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Claims in order of the year they refer to, with a chart of the numeric series.

    Example: claims timeline us-forces-in-japan
    """
    from claims.compare import timeline as build_timeline

    with state(ctx).session() as session:
        line = build_timeline(session, key)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(line.to_dict(), fmt)
        return
    rows = [{**e.to_dict(), "normalized": e.display} for e in line.entries]
    render_rows(rows, fmt, TIMELINE_COLUMNS, title=f"Timeline: {line.label}")
    if fmt in (OutputFormat.table, OutputFormat.md) and line.series:
        _print_chart(line, fenced=fmt is OutputFormat.md)


def metrics(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the metric keys (what figures measure) with how many claims use each.

    Example: claims metrics --format json
    """
    from claims.compare import list_metrics

    with state(ctx).session() as session:
        rows = [m.to_dict() for m in list_metrics(session)]
    render_rows(rows, fmt, [*KEY_COLUMNS, "kinds", "origin"], title="Metrics")


def topics(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the topic keys with how many claims and sources are tagged with each.

    Example: claims topics --format md
    """
    from claims.compare import list_topics

    with state(ctx).session() as session:
        rows = [t.to_dict() for t in list_topics(session)]
    render_rows(rows, fmt, KEY_COLUMNS, title="Topics")


# --- rendering -------------------------------------------------------------------


def _render_comparison(result: "MetricComparison", fmt: OutputFormat) -> None:
    if result.alternatives:
        message(f"Note: also matched {', '.join(result.alternatives)}; "
                f"showing {result.metric}.")
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(result.to_dict(), fmt)
        return
    rows = [{**c.to_dict(), "normalized": c.display} for c in result.claims]
    if fmt is OutputFormat.csv:  # one flat table: each claim with its verdicts
        for row in rows:
            row["verdicts"] = "; ".join(
                f"{p.verdict} with {p.b if p.a == row['id'] else p.a}"
                for p in result.pairs if row["id"] in (p.a, p.b)
            )
        render_rows(rows, fmt, [*CLAIM_COLUMNS, "verdicts"])
        return
    key = result.metric or "proposition"
    title = f"{result.label} ({key}): {result.verdict}"
    if fmt is OutputFormat.md:
        sys.stdout.write(f"### {title}\n\n")
    columns = TABLE_CLAIM_COLUMNS if fmt is OutputFormat.table else CLAIM_COLUMNS
    if result.proposition:
        columns = STATEMENT_COLUMNS
        for row in rows:
            row["surface"] = _clip(row["surface"])
    render_rows(rows, fmt, columns, title=title,
                empty_message=f"No claims on {key} yet.")
    if result.pairs:
        if fmt is OutputFormat.md:
            sys.stdout.write("\n")
        # in a table, name each claim by its source and figure: ids are long
        names = _short_names(result)
        pairs = [{**p.to_dict(), "a": names[p.a], "b": names[p.b]} for p in result.pairs]
        render_rows(pairs, fmt, PAIR_COLUMNS, title="Verdicts")


def _short_names(result: "MetricComparison") -> dict[str, str]:
    """``source: surface`` for each claim, numbered when two would read the same."""
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for c in result.claims:
        name = f"{c.source}: {_clip(c.surface, 40)}"
        seen[name] = seen.get(name, 0) + 1
        names[c.id] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return names


def _clip(text: str, limit: int = CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _render_matrix(matrix: "TopicMatrix", fmt: OutputFormat) -> None:
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(matrix.to_dict(), fmt)
        return
    slugs = [s.slug for s in matrix.sources]
    rows: list[dict[str, Any]] = []
    for row in matrix.rows:
        cells = {slug: "; ".join(c.text for c in row.cells.get(slug, [])) for slug in slugs}
        rows.append({"key": row.label, "type": row.type, "verdict": row.verdict, **cells})
    render_rows(rows, fmt, ["key", "verdict", *slugs],
                title=f"{matrix.label}: {len(slugs)} sources in date order",
                empty_message=f"No claims on topic {matrix.topic} yet.")
    if fmt is OutputFormat.table and matrix.other_claims:
        message(f"{matrix.other_claims} more claims on this topic have no metric or proposition.")


def _print_chart(line: "Timeline", fenced: bool) -> None:
    """A horizontal bar per point, scaled per series; ``+`` marks an open upper bound.

    Years (dates) are drawn from just before the earliest, so that they differ visibly.
    """
    out = ["```"] if fenced else []
    for series in line.series:
        out.append(f"{series.label} ({series.scale})")
        values = [p.value for p in series.points]
        floor = min(values) - 1 if series.scale == "year" and min(values) > 999 else 0.0
        top = max((abs(v - floor) for v in values), default=0) or 1
        for p in series.points:
            bar = "█" * max(1, round(CHART_WIDTH * abs(p.value - floor) / top))
            open_end = "+" if p.open == "above" else ""
            year = str(p.year) if p.year is not None else "????"
            out.append(f"  {year} {bar}{open_end} {p.display}  ({p.source})")
    if fenced:
        out.append("```")
    sys.stdout.write("\n" + "\n".join(out) + "\n")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("compare")(compare)
    app.command("timeline")(timeline)
    app.command("metrics")(metrics)
    app.command("topics")(topics)
