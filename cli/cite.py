"""``claims cite``: citations of claims (with quote and paragraph) or of a source."""


import sys
from typing import Annotated

import typer

from claims.cite.styles import CitationStyle
from cli.output import FormatOption, OutputFormat, render_object
from cli.state import state


def cite(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...", help="Claim ids.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Cite this source (slug) instead.")
    ] = None,
    style: Annotated[
        CitationStyle,
        typer.Option(help="Citation style: APA 7th edition, MLA 9th edition, Chicago 18th "
                     "edition (notes and bibliography), BibTeX, CSL-JSON, or Markdown (APA).",
                     case_sensitive=False)
    ] = CitationStyle.apa,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Cite claims (their exact quote, paragraph and a reference) or a whole source.

    Several ids give one bibliography, each source listed once.

    Example: claims cite cronin-1996-forces-45000 --style mla
    """
    from claims.cite.citation import cite as run_cite

    with state(ctx).session() as session:
        bibliography = run_cite(session, ids or [], source, style)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(bibliography.to_dict(), fmt)
    else:
        sys.stdout.write(bibliography.to_text())


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("cite")(cite)
