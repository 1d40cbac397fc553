"""Shared CLI plumbing: the ``--format`` option, renderers, and the error printer.

Data goes to stdout; messages and errors go to stderr. Every listing command
renders a list of flat dicts; a one-object command renders one dict.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer

from claims.errors import ClaimsError, reword

FORMAT_META_KEY = "claims.format"
_NO_WRAP = frozenset({"id", "slug", "source", "date", "status", "as_of", "due", "card_id",
                      "claims", "value", "start", "kind", "state", "origin", "verdict"})


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


def _remember_format(ctx: typer.Context, value: OutputFormat) -> OutputFormat:
    # ctx.meta is shared by the whole context chain, so the root group's error
    # handler can print errors as JSON when the command was asked for JSON.
    ctx.meta[FORMAT_META_KEY] = value
    return value


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", help="Output format: table, json, jsonl, csv or md.",
        callback=_remember_format, case_sensitive=False,
    ),
]

NowOption = Annotated[
    str | None,
    typer.Option("--now", help="Pretend it is this UTC time (ISO 8601), for tests and replays."),
]


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout_console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def message(text: str) -> None:
    """A note for the human (stderr, so it never mixes with data)."""
    stderr_console().print(text, markup=False)


# The library names its arguments and functions in backquotes (see claims.errors):
# `limit=20`, `url`, `claims.search.search()`. Here is what a CLI user types instead.
CLI_WORDS: dict[str, str] = {
    # arguments -> options
    "url": "--db/CLAIMS_DB",
    "limit": "--limit",
    "count": "--count",
    "now": "--now",
    "out": "--out",
    "mode": "--mode",
    "topic": "--topic",
    "metric": "--metric",
    "source": "--source",
    "ids": "ID...",
    "year_from": "--from",
    "year_to": "--to",
    "overrides.title": "--title",
    "overrides.authors": "--author",
    "overrides.date": "--date",
    "date": "--date",
    "overrides.publisher": "--publisher",
    "overrides.url": "--url",
    "overrides.slug": "--slug",
    "overrides.kind": "--kind",
    "edit.title": "--title",
    "edit.authors": "--author",
    "edit.date": "--date",
    "edit.publisher": "--publisher",
    "edit.url": "--url",
    "edit.kind": "--kind",
    "learner": "--learner",
    "question": "--question",
    "answer": "--answer",
    "tags": "TAG...",
    # functions -> commands
    "claims.ingest.corpus.build_bundled()": "claims build",
    "claims.ingest.corpus.list_sources()": "`claims sources`",
    "claims.search.search()": "`claims search WORDS`",
    "claims.study.api.list_cards()": "claims cards list --format json",
    "claims.study.learners.list_learners()": "claims learner list",
    "claims.compare.list_metrics()": "'claims metrics'",
    "claims.compare.list_topics()": "'claims topics'",
    "claims.ingest.SourceOverrides": "claims ingest --help",
    "claims.sources.SourceEdit": "claims sources edit --help",
}


def in_cli_words(text: str) -> str:
    """A library message or hint as a CLI user reads it (unknown names stay as they are).

    >>> in_cli_words("pass `limit=20`, or see `claims.search.search()`; `x` is kept")
    'pass --limit 20, or see `claims search WORDS`; `x` is kept'
    """

    def swap(name: str, value: str | None) -> str | None:
        words = CLI_WORDS.get(name)
        if words is None:
            return None
        return words if value is None else f"{words} {value}"

    return reword(text, swap)


def print_error(error: ClaimsError, fmt: OutputFormat | None) -> None:
    """One stderr line (or a JSON object) for a library error, in the CLI's words."""
    text = in_cli_words(error.message)
    hint = in_cli_words(error.hint) if error.hint else error.hint
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        shown = {**error.to_dict(), "error": text, "hint": hint}
        sys.stderr.write(json.dumps(shown, ensure_ascii=False) + "\n")
        return
    line = f"Error: {text}"
    if hint:
        line += f" (hint: {hint})"
    sys.stderr.write(line + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return str(value)


def render_rows(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    empty_message: str = "Nothing found.",
) -> None:
    """Print ``rows``: JSON keeps every key; table, csv and md show ``columns``."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows([[csv_cell(row.get(c)) for c in cols] for row in rows])
        sys.stdout.write(buffer.getvalue())
        return
    if not rows:
        message(empty_message)
        return
    if fmt is OutputFormat.md:
        sys.stdout.write(markdown_table(rows, cols))
        return
    from rich.text import Text

    print_table([[Text(_cell(row.get(c))) for c in cols] for row in rows], cols, title=title)


# A table for people (tests/output/test_tables.py runs these at 80 and 60 columns):
# short columns (ids, slugs, dates, numbers) are never cut; prose columns share the rest
# of the width, wrapped at spaces, never inside a word. When the terminal is too narrow
# to give each prose column PROSE_MIN characters, the rows are printed as stacked
# records instead: the short fields on one line, then each prose field below.
PROSE_MIN = 24
PROSE_LINES = 4  # in a table, a prose cell longer than this many lines ends in "…"
SHORT = 12  # a column whose cells are all this narrow is never wrapped
_TABLE_OVERHEAD = 3  # a column's border and padding, in a rich table


def print_table(rows: Sequence[Sequence[Any]], cols: Sequence[str], *, title: str | None = None,
                fixed: Iterable[str] = (), wrap: Iterable[str] = (),
                prose_min: int = PROSE_MIN) -> None:
    """Print ``rows`` (rich ``Text`` cells, one per column) as a table that fits the
    terminal, or as stacked records when it is too narrow (see above). ``fixed`` names
    more columns to keep whole, besides :data:`_NO_WRAP` and those :data:`SHORT` wide;
    ``wrap`` names columns to wrap all the same."""
    console = stdout_console()
    kept = (set(fixed) | _NO_WRAP) - set(wrap)
    natural = [max([len(col)] + [row[i].cell_len for row in rows]) for i, col in enumerate(cols)]
    short = [col in kept or (natural[i] <= SHORT and col not in wrap)
             for i, col in enumerate(cols)]
    prose = [i for i in range(len(cols)) if not short[i]]
    overhead = _TABLE_OVERHEAD * len(cols) + 1
    room = console.width - overhead - sum(n for n, s in zip(natural, short, strict=True) if s)
    if sum(natural) + overhead <= console.width:
        room = sum(natural[i] for i in prose)  # everything fits as it is
    elif not prose or room < prose_min * len(prose):
        _print_stacked(console, rows, cols, short, title)
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for i, col in enumerate(cols):
        table.add_column(col, no_wrap=short[i], ratio=None if short[i] else 1,
                         overflow="ellipsis")
    each = room // max(len(prose), 1)
    for row in rows:
        table.add_row(*(cell if short[i] else shorten(cell, each * PROSE_LINES)
                        for i, cell in enumerate(row)))
    console.print(table)


def shorten(cell: Any, most: int) -> Any:
    """``cell`` (a rich Text) cut at a space to at most ``most`` characters, with "…"."""
    if cell.cell_len <= most:
        return cell
    cut = str(cell).rfind(" ", 0, most - 1)
    kept = cell[: cut if cut > most // 2 else most - 1]
    kept.rstrip()
    return kept.append("…")


def _print_stacked(console: Any, rows: Sequence[Sequence[Any]], cols: Sequence[str],
                   short: Sequence[bool], title: str | None) -> None:
    from rich.text import Text

    if title:
        console.print(Text(title, style="bold"))
    for number, row in enumerate(rows):
        if number:
            console.print()
        head = Text()  # the short fields, a new line where the next would not fit
        for i, cell in enumerate(row):
            if short[i] and cell.cell_len:
                field = Text(f"{cols[i]} ", style="dim").append_text(cell)
                if head and head.cell_len % console.width + 2 + field.cell_len > console.width:
                    head.append("\n")
                elif head:
                    head.append("  ")
                head.append_text(field)
        if head:
            console.print(head, overflow="ellipsis")
        for i, cell in enumerate(row):
            if not short[i] and cell.cell_len:
                line = Text(f"{cols[i]}: ", style="dim").append_text(cell)
                for part in line.wrap(console, max(console.width - 2, 20)):
                    part.rstrip()
                    console.print(Text("  ").append_text(part), soft_wrap=True)


def csv_cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def markdown_table(rows: Iterable[dict[str, Any]], cols: Sequence[str]) -> str:
    return markdown_header(cols) + "".join(markdown_row(row, cols) for row in rows)


def markdown_header(cols: Sequence[str]) -> str:
    return "| " + " | ".join(cols) + " |\n|" + "|".join("---" for _ in cols) + "|\n"


def markdown_row(row: dict[str, Any], cols: Sequence[str]) -> str:
    cells = (_cell(row.get(c)).replace("|", "\\|").replace("\n", " ") for c in cols)
    return "| " + " | ".join(cells) + " |\n"


def render_object(obj: dict[str, Any], fmt: OutputFormat, title: str | None = None) -> None:
    """Print one object: JSON as an object, other formats as a field/value listing."""
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        indent = 2 if fmt is OutputFormat.json else None
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")
        return
    rows = [{"field": k, "value": _cell(v)} for k, v in obj.items()]
    if fmt is not OutputFormat.table:
        render_rows(rows, fmt, ["field", "value"], title=title)
        return
    from rich.text import Text

    print_table([[Text(row["field"]), Text(row["value"])] for row in rows], ["field", "value"],
                title=title, fixed={"field"}, wrap={"value"})
