"""Corpus commands: ``build``, ``ingest``, ``sources``."""


from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claims.domain import SourceKind
from cli.output import FormatOption, OutputFormat, message, render_object, render_rows
from cli.state import state

if TYPE_CHECKING:
    from claims.ingest.pipeline import IngestReport
    from claims.ingest.prepare import Refusal
    from claims.ingest.store import IngestResult
    from cli.rowstream import RowStream

SOURCE_COLUMNS = ["slug", "date", "kind", "claims", "authors", "title"]
# A table of more documents than this is read by nobody and took longer to draw than
# to store them (1.6 s for 1,000 rows): larger runs print the summary, and the
# machine formats list every document.
TABLE_ROWS_MAX = 100
INGEST_COLUMNS = ["slug", "status", "claims", "file"]
# options that ingest and sources edit share
DateOption = Annotated[
    str | None, typer.Option(help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
PublisherOption = Annotated[str | None, typer.Option(help="Publisher or outlet.")]
UrlOption = Annotated[str | None, typer.Option(help="Where the document was published.")]
KindOption = Annotated[
    SourceKind | None,
    typer.Option("--kind", metavar="KIND",
                 help="What the document is; citations take their form from it: "
                      + ", ".join(kind.value for kind in SourceKind) + "."),
]


def build(
    ctx: typer.Context,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Build (or rebuild) the bundled corpus: seeds, their claims and curated data.

    Review history and curated claims survive: cards follow stable claim ids.

    Example: claims build
    """
    from claims.ingest.corpus import build_bundled
    from cli.progress import rich_progress

    app_state = state(ctx)
    engine = app_state.engine(ensure_corpus=False)
    with rich_progress("Building") as report:
        result = build_bundled(engine, progress=None if app_state.quiet else report)
    render_rows([r.to_dict() for r in result.results], fmt,
                ["slug", "status", "claims", "file"], title="Bundled corpus")
    if fmt is OutputFormat.table:
        message(f"{len(result.results)} sources, {result.claims} claims.")


def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(
        help="Files (.txt, .md, .html, .pdf, .docx), folders, quoted globs ('news/*.html') "
             "or JSONL files (one document per line).")],
    title: Annotated[str | None, typer.Option(help="Title (one file only).")] = None,
    author: Annotated[
        list[str] | None, typer.Option("--author", help="An author's name; repeat for several.")
    ] = None,
    date: DateOption = None,
    publisher: PublisherOption = None,
    url: UrlOption = None,
    slug: Annotated[
        str | None, typer.Option(help="Short id for the source (default: from the file name).")
    ] = None,
    kind: KindOption = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Processes preparing documents (default: the number of cores).")] = None,
    batch: Annotated[int, typer.Option(
        min=1, help="Documents written per transaction.")] = 100,
    glob: Annotated[str | None, typer.Option(
        help="Which files of a folder to read, e.g. '*.html' (default: .txt, .md, .html, "
             ".jsonl).")] = None,
    resume: Annotated[bool, typer.Option(
        help="Skip documents already stored (by slug) without reading them: finish a "
             "stopped run.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add your own documents: clean them, extract their figures, store them.

    What a document says about itself (HTML meta tags, JSON-LD, a "By NAME" byline) fills
    the fields not given as options. Documents are prepared in worker processes and written
    in batches, one transaction each. Re-ingesting the same file is a no-op unless options
    give new metadata (status "updated"); a changed file replaces its claims. Ctrl-C stops
    cleanly: finished batches stay, and --resume skips them. A run of more than 100
    documents prints its summary, not a table (--format jsonl lists every document).

    Example: claims ingest article.html --title "Alliance at 60" --author "Jane Doe" --date 2020-01

    Example: claims ingest archive/ news.jsonl --workers 2 --batch 500 --resume
    """
    from claims.ingest.workers import start_workers_early

    # first: the workers load the extractor while this process imports the rest
    start_workers_early(files, workers, batch)
    from claims.ingest.pipeline import ingest_paths
    from claims.ingest.store import SourceOverrides
    from cli.progress import rich_progress
    from cli.rowstream import row_stream

    overrides = SourceOverrides(title=title, authors=tuple(author or ()), date=date,
                                publisher=publisher, url=url, slug=slug,
                                kind=kind.value if kind else None)
    app_state = state(ctx)
    engine = app_state.engine()
    with rich_progress("Ingesting", rate=True) as report, \
            row_stream(fmt, INGEST_COLUMNS, keep=TABLE_ROWS_MAX) as rows:
        done = ingest_paths(engine, files, workers=workers, batch_size=batch, glob=glob,
                            resume=resume, overrides=overrides,
                            progress=None if app_state.quiet else report,
                            keep_results=False, on_batch=lambda results: _show(results, rows))
        _refuse_a_single_document(done)  # an error, with nothing on stdout
    render_ingest(done, fmt, rows)


def _refuse_a_single_document(done: "IngestReport") -> None:
    from claims.errors import InputError

    if done.total == 1 and len(done.refused) == 1:
        refusal = done.refused[0]
        raise InputError(f"{refusal.name}: {refusal.reason}", hint=refusal.hint)


def _show(results: "list[IngestResult | Refusal]", rows: "RowStream") -> None:
    """One committed batch: its warnings (stderr), its rows (stdout, or kept for the table)."""
    from claims.ingest.prepare import Refusal

    stored = [result for result in results if not isinstance(result, Refusal)]
    for result in stored:
        if result.warning:
            message(f"Warning: {result.warning}")
    rows.write([result.to_dict() for result in stored])


def render_ingest(done: "IngestReport", fmt: OutputFormat, rows: "RowStream") -> None:
    """The table (stdout; the other formats were written batch by batch), the refusals
    and a summary (stderr), the exit code."""
    if fmt is OutputFormat.table and rows.overflow:
        message(f"{done.stored} documents stored: list them with --format jsonl "
                "(or csv, json).")
    elif fmt is OutputFormat.table:
        render_rows(rows.kept, fmt, INGEST_COLUMNS, empty_message="No document stored.")
    for refusal in done.refused:
        hint = f" (hint: {refusal.hint})" if refusal.hint else ""
        message(f"Refused: {refusal.name}: {refusal.reason}{hint}")
    counts = done.summary()
    skipped = f", {counts['skipped']} skipped (stored already)" if counts["skipped"] else ""
    updated = f" {counts['updated']} updated (metadata only)," if counts["updated"] else ""
    message(f"{counts['added']} added, {counts['changed']} changed,{updated} "
            f"{counts['unchanged']} unchanged, {counts['refused']} refused{skipped}.")
    if done.interrupted:
        message(f"Stopped: {done.done} of {done.total} documents done; finished batches are "
                "stored. Run the same command with --resume to finish.")
        raise typer.Exit(code=130)
    if done.refused:
        raise typer.Exit(code=1)


def sources(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the sources in the database with their metadata and claim counts;
    fix one with `claims sources edit SLUG`, drop one with `claims sources remove SLUG`.

    Example: claims sources --format json
    """
    if ctx.invoked_subcommand:
        return
    from claims.ingest.corpus import list_sources
    from claims.serialize import source_to_public

    with state(ctx).session() as session:
        rows = [source_to_public(source, count) for source, count in list_sources(session)]
    render_rows(rows, fmt, SOURCE_COLUMNS, title="Sources")


def sources_edit(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="The source to fix.")],
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    author: Annotated[
        list[str] | None,
        typer.Option("--author", help="An author's name; repeat for several (replaces all)."),
    ] = None,
    date: DateOption = None,
    publisher: PublisherOption = None,
    url: UrlOption = None,
    kind: KindOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fix the metadata of one of your sources; fields not given stay as they are.

    Example: claims sources edit budget-2020 --author "Isabel van Brugen" --kind news-article
    """
    from claims.serialize import source_to_public
    from claims.sources import SourceEdit, edit_source

    edit = SourceEdit(title=title, authors=tuple(author or ()), date=date, publisher=publisher,
                      url=url, kind=kind.value if kind else None)
    with state(ctx).session() as session:
        source = edit_source(session, slug, edit)
        row = source_to_public(source)
    render_object(row, fmt, title=f"Source {slug}")


def sources_remove(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="The source to remove.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Remove one of your sources and its claims; its cards are retired, reviews kept.

    Example: claims sources remove budget-2020
    """
    from claims.sources import remove_source

    with state(ctx).session() as session:
        removal = remove_source(session, slug)
    render_object(removal.to_dict(), fmt, title=f"Removed {slug}")


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(ingest)
    sources_app = typer.Typer(invoke_without_command=True, subcommand_metavar="[COMMAND]")
    sources_app.callback()(sources)
    sources_app.command("edit")(sources_edit)
    sources_app.command("remove")(sources_remove)
    app.add_typer(sources_app, name="sources")
