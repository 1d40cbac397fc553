"""``claims extract``: figures of any text file, no database needed."""


from pathlib import Path
from typing import Annotated

import typer

from cli.output import FormatOption, OutputFormat

TABLE_COLUMNS = ("start", "kind", "surface", "value", "value_max", "unit", "qualifier", "as_of",
                 "metric")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("extract")(extract_command)


def extract_command(
    file: Annotated[str, typer.Argument(help="A text, Markdown or HTML file, or - for stdin.")],
    fmt: FormatOption = OutputFormat.table,
    date: Annotated[str | None, typer.Option(
        "--date", help="The document's own date (YYYY, YYYY-MM or YYYY-MM-DD): dates "
        "relative phrases such as 'last year' and 'last November'.")] = None,
) -> None:
    """Extract figures (money, percentages, counts, durations, dates, ranks, ratios) from FILE.

    Page furniture is set aside first (HTML is parsed), exactly as `claims ingest` does;
    offsets index the decoded text (UTF-8, a leading byte-order mark dropped). With
    --date, a figure "last November" in a May 1996 text gets as_of 1995.

    Example: claims extract seeds/000_54ff378301ead43e.txt --format json --date 1993-04
    """
    import sys

    from claims.ingest.store import extract_document
    from claims.ingest.textio import decode_bytes, read_document
    from cli.output import message, render_rows

    if file == "-":
        decoded = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    else:
        decoded = read_document(Path(file))
    if decoded.warning:
        message(decoded.warning)
    rows = [e.to_dict() for e in extract_document(decoded, file, date)]
    render_rows(rows, fmt, TABLE_COLUMNS, empty_message="No figures found.")
