"""``claims learner``: the people studying on this database, with their counts."""


from typing import Annotated

import typer

from cli.output import FormatOption, OutputFormat, render_object, render_rows
from cli.state import state


def learner_list(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List learners: cards started, answers given, last answer.

    Example: claims learner list --format json
    """
    from claims.study.learners import list_learners

    with state(ctx).session() as session:
        rows = list_learners(session)
    render_rows(rows, fmt, ["name", "cards", "reviews", "last_review", "optimized", "teacher",
                            "can_sign_in"],
                empty_message="No learners yet: the first answer makes one.")


def _read_password(teacher: bool) -> str | None:
    """A password from a prompt on a terminal, else stdin's first line (none: no sign-in)."""
    import sys

    from claims.errors import UsageError

    if sys.stdin is not None and sys.stdin.isatty():
        typed: str = typer.prompt("Password (empty: this learner cannot sign in)",
                                  default="", hide_input=True, show_default=False)
        if typed:
            again: str = typer.prompt("Again", hide_input=True)
            if again != typed:
                raise UsageError("the two passwords differ", hint="type the same one twice")
        password = typed or None
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n") or None
    if password is None and teacher:
        raise UsageError("a teacher needs a password to sign in",
                         hint="give one on stdin, e.g. printf '%s\\n' \"$PASSWORD\" | "
                              "claims learner add NAME --teacher")
    return password


def learner_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The learner's name.")],
    teacher: Annotated[bool, typer.Option(
        "--teacher", help="A teacher: sees the class in `claims serve` (/class).")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add a learner, with the password they sign in to `claims serve` with: read from
    stdin's first line, or asked for on a terminal. Without one the learner studies from
    the CLI only (answering as a new --learner NAME also adds one, without password).
    The password is stored as an argon2 hash only.

    Example: printf '%s\\n' "$PASSWORD" | claims learner add ana
    """
    from claims.accounts import add_account

    password = _read_password(teacher)
    with state(ctx).session() as session:
        learner = add_account(session, name, password, teacher=teacher)
        shown = {"id": learner.id, "name": learner.name, "teacher": learner.teacher,
                 "password": password is not None}
    render_object(shown, fmt)


def learner_token(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The learner's name.")],
) -> None:
    """Print a new API token for NAME (shown once; scripts send it as
    `Authorization: Bearer TOKEN` to `claims serve`'s /api/cards and friends).

    Example: claims learner token ana
    """
    from claims.accounts import token_for

    with state(ctx).session() as session:
        token = token_for(session, name)
    typer.echo(token)


def learner_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The learner's name.")],
    purge: Annotated[bool, typer.Option(
        "--purge", help="Delete their card states and reviews too (default: keep them, "
                        "anonymised).")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Remove a learner: password, tokens and name go; their history stays under
    `removed-ID` for the class statistics, unless --purge.

    Example: claims learner remove ana --purge
    """
    from claims.accounts import remove_learner

    with state(ctx).session() as session:
        shown = remove_learner(session, name, purge=purge)
    render_object(shown, fmt)


def register(app: typer.Typer) -> None:
    """Add the learner group to the root app."""
    learner_app = typer.Typer(help="Learners: each has their own schedule, reviews and stats.",
                              no_args_is_help=True)
    learner_app.command("list")(learner_list)
    learner_app.command("add")(learner_add)
    learner_app.command("token")(learner_token)
    learner_app.command("remove")(learner_remove)
    app.add_typer(learner_app, name="learner")
