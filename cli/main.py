"""The ``claims`` command: the root Typer app, its global options and error handling.

Each command group lives in its own module and registers itself here. Command
modules import the library inside the command functions, so ``claims --help``
never loads the database layer. They do not use ``from __future__ import annotations``:
Typer reads each command's signature three times, and string annotations would be
evaluated each time (docs/benchmarks.md, "Start-up"). Help is Click's plain formatter
(``rich_markup_mode=None``), which does not import rich.
"""


import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from cli.output import FORMAT_META_KEY, print_error
from cli.state import AppState

# Modules under cli/ that each define ``register(app)``; order is the --help order.
COMMAND_MODULES = (
    "corpus", "extract", "lookup", "cite", "compare", "study", "learner", "export", "check",
    "serve",
)


class ClaimsGroup(TyperGroup):
    """Turns a library ``ClaimsError`` into one stderr line and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from claims.errors import UsageError

        bad = next((arg for arg in args if not _is_utf8(arg)), None)
        if bad is not None:  # bytes the shell passed that are not UTF-8 ($'\xff')
            shown = bad.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            print_error(UsageError(f"the argument '{shown}' is not valid UTF-8 text",
                                   hint="type it again, or set the terminal to UTF-8"), None)
            raise typer.Exit(2)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        from claims.errors import ClaimsError, UsageError

        try:
            return super().invoke(ctx)
        except ClaimsError as error:
            print_error(error, ctx.meta.get(FORMAT_META_KEY))
            raise typer.Exit(error.exit_code) from None
        except typer.BadParameter as error:  # Typer converts options with pydantic
            from claims.errors import plain_validation_message

            error.message = plain_validation_message(error.message)
            raise
        except OverflowError:  # a number no database column holds (--seed 1e30 digits)
            usage = UsageError("a number given is too large",
                               hint="give numbers below 9,223,372,036,854,775,807")
            print_error(usage, ctx.meta.get(FORMAT_META_KEY))
            raise typer.Exit(2) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # registration order, not alphabetical


def _is_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _print_version(value: bool) -> None:
    if value:
        from claims import __version__

        sys.stdout.write(f"claims {__version__}\n")
        raise typer.Exit()


app = typer.Typer(
    rich_markup_mode=None,
    cls=ClaimsGroup,
    name="claims",
    help="A database of cited claims: look figures up, cite them, compare sources, study them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="CLAIMS_DB", metavar="PATH-OR-URL",
            help="Database: a SQLite file path or a SQLAlchemy URL "
            "(postgresql+psycopg://user@host/db). Default: a file in the user data folder.",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars or notes on stderr.")
    ] = False,
    learner: Annotated[
        str | None,
        typer.Option(
            "--learner", envvar="CLAIMS_LEARNER", metavar="NAME",
            help="Who is studying: each learner has their own schedule, reviews and stats "
            "(created on first use). Default: the operating-system user name.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True,
                           help="Print the version of claims and exit.")
    ] = False,
) -> None:
    """Turn documents into a database of cited claims, then search, cite, compare and study them.

    Example: claims search surplus --format json
    """
    ctx.obj = AppState(db=db, quiet=quiet, learner=learner)
    ctx.call_on_close(ctx.obj.close)


for _name in COMMAND_MODULES:
    importlib.import_module(f"cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())  # typer exits itself; this keeps the exit code if it returns
