"""``claims check``: validate curated data, source metadata and the database."""


import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from cli.output import (
    FormatOption,
    OutputFormat,
    in_cli_words,
    message,
    render_object,
    render_rows,
)
from cli.state import state


def check(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option("--data", metavar="DIR",
                     help="A data folder to check (sources.yaml, curated/, ...); "
                     "default: the bundled data. Seeds are read from DIR/../seeds if present."),
    ] = None,
    no_db: Annotated[
        bool, typer.Option("--no-db", help="Check the data only, not the database.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Check the data: every curated quote is in its source, every reference exists, and
    the database's claims point at their exact text. Exits 1 when anything is wrong.

    Never builds the database: a database file that does not exist is skipped.

    Example: claims check --data ./data
    """
    from claims.check import run_check

    report = run_check(data, state(ctx).db, use_database=not no_db)
    report.problems = [  # in the CLI's words: options and commands, not arguments
        replace(p, message=in_cli_words(p.message), hint=p.hint and in_cli_words(p.hint))
        for p in report.problems
    ]
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(report.to_dict(), fmt)
    elif fmt is OutputFormat.table:  # one line per problem, like a linter
        sys.stdout.write("".join(f"{problem}\n" for problem in report.problems))
    else:
        render_rows([{"area": p.area, "problem": p.message, "hint": p.hint}
                     for p in report.problems], fmt, ["area", "problem", "hint"])
    for note in report.notes:
        message(f"Note: {note}")
    checked = ", ".join(f"{n} {what}" for what, n in report.checked.items())
    message(f"{'OK' if report.ok else f'{len(report.problems)} problems'} ({checked})")
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("check")(check)
