"""Lookup commands: ``search`` (ranked full-text search with filters) and ``show`` (one claim)."""


import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claims.domain import Kind, Origin
from cli.output import (
    FormatOption,
    OutputFormat,
    in_cli_words,
    message,
    render_object,
    render_rows,
)
from cli.state import state

if TYPE_CHECKING:
    from claims.search import Excerpt
    from claims.show import ClaimView


SEARCH_COLUMNS = ["id", "source", "kind", "surface", "value", "unit", "as_of", "sentence"]
TABLE_COLUMNS = ["id", "source", "kind", "surface", "sentence"]  # JSON has every key
SENTENCE_MIN_WIDTH = 40
SURFACE_WIDTH = 24  # a statement's surface is its sentence: the table shows its start
HIGHLIGHT = "bold yellow"  # the words searched for
FIGURE = "underline"  # the claim's figure in its sentence


def search(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None, typer.Argument(help="Words to find (all must match); any text is safe.")
    ] = None,
    topic: Annotated[
        str | None, typer.Option(help="Only claims tagged with this topic key.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Only claims from this source slug.")] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only claims of this kind.")] = None,
    metric: Annotated[str | None, typer.Option(help="Only claims of this metric key.")] = None,
    origin: Annotated[Origin | None, typer.Option(help="extracted, curated (or both).")] = None,
    year_from: Annotated[
        int | None, typer.Option("--from", help="Figures for this year or later.")
    ] = None,
    year_to: Annotated[int | None, typer.Option("--to", help="Figures up to this year.")] = None,
    min_value: Annotated[
        float | None, typer.Option("--min", help="Normalized value at least this (1e10 = 10 bn).")
    ] = None,
    max_value: Annotated[
        float | None, typer.Option("--max", help="Normalized value at most this.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many claims.")] = 20,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find claims: ranked full-text search over sentences, quotes, subjects and metrics.

    Filters combine; with no words, the filters alone list claims in document order.

    Example: claims search surplus --kind money --min 1e10
    """
    from claims.search import search as run_search
    from claims.search import suggest

    text = " ".join(words or [])
    with state(ctx).reader() as reader:
        hits = run_search(reader, text, limit=limit, topic=topic, source=source,
                          kind=kind.value if kind else None, metric=metric,
                          origin=origin.value if origin else None, year_from=year_from,
                          year_to=year_to, min_value=min_value, max_value=max_value)
        hint = "" if hits else in_cli_words(suggest(reader, text, topic=topic, metric=metric,
                                                    source=source).to_text())
    rows = [hit.to_dict() for hit in hits]
    excerpts = [hit.excerpt() for hit in hits]
    if not rows:
        render_rows([], fmt, SEARCH_COLUMNS) if fmt is not OutputFormat.table else None
        what = f" for {text!r}" if text.strip() else ""
        message(f"No claims found{what}." + (f" {hint[0].upper()}{hint[1:]}." if hint else ""))
        return
    if fmt is OutputFormat.table:
        _print_hits(rows, excerpts)
        return
    render_rows(rows, fmt, SEARCH_COLUMNS)


def _print_hits(rows: list[dict[str, Any]], excerpts: "list[Excerpt]") -> None:
    from rich.text import Text

    from cli.output import _cell, print_table, shorten

    cells = []
    for row, part in zip(rows, excerpts, strict=True):
        sentence = Text(part.text)
        if part.figure:
            sentence.stylize(FIGURE, *part.figure)
        for start, end in part.matches:
            sentence.stylize(HIGHLIGHT, start, end)
        cells.append([*(Text(_cell(row[c])) for c in TABLE_COLUMNS[:-2]),
                      shorten(Text(row["surface"]), SURFACE_WIDTH), sentence])
    # too narrow for a SENTENCE_MIN_WIDTH sentence column: one stacked record per claim
    print_table(cells, TABLE_COLUMNS, fixed={"surface"}, prose_min=SENTENCE_MIN_WIDTH)


def show(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Read one claim in context: its paragraph, source, citation, related claims and cards.

    Example: claims show cronin-1996-forces-45000
    """
    from claims.show import show_claim

    with state(ctx).session() as session:
        view = show_claim(session, claim_id)
        data = view.to_dict()
    if fmt is OutputFormat.table:
        _print_view(view, data)
    elif fmt is OutputFormat.jsonl:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        render_object(data, fmt)


def _print_view(view: "ClaimView", data: dict[str, Any]) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from cli.output import _cell, stdout_console

    console = stdout_console()
    claim = data["claim"]
    fields = Text()
    for key in ("id", "source", "origin", "kind", "surface", "value", "value_max", "unit",
                "qualifier", "subject", "metric", "as_of", "topics"):
        if claim.get(key) not in (None, [], ""):
            fields.append(f"{key}: ", style="bold").append(_cell(claim[key]) + "\n")
    fields.rstrip()
    console.print(Panel(fields, title="Claim"))
    paragraph = Text(view.paragraph.text)
    paragraph.stylize("bold reverse", *view.paragraph.highlight)
    number = view.paragraph.number
    console.print(Panel(paragraph, title=f"{claim['source']}, paragraph {number or '?'}"))
    citation = data["citation"]
    console.print(Panel(Text(f"“{citation['quote']}” {citation['in_text']}\n"
                             f"{citation['reference']}"), title="Citation (APA)"))
    for item in data["related"]:
        console.print(Text(f"related ({item['relation']}): {item['id']} [{item['source']}] "
                           f"{item['surface']} — {item['sentence']}"))
    for card in data["cards"]:
        console.print(Text(f"card {card['id']} ({card['kind']}): {card['question']}"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("search")(search)
    app.command("show")(show)
