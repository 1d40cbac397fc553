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
    render_rows(rows, fmt, ["name", "cards", "reviews", "last_review", "optimized"],
                empty_message="No learners yet: the first answer makes one.")


def learner_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The learner's name.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add a learner (answering as a new --learner NAME also adds one).

    Example: claims learner add ana
    """
    from claims.study.learners import add_learner

    with state(ctx).session() as session:
        learner = add_learner(session, name)
        session.flush()
        shown = {"id": learner.id, "name": learner.name}
    render_object(shown, fmt)


def register(app: typer.Typer) -> None:
    """Add the learner group to the root app."""
    learner_app = typer.Typer(help="Learners: each has their own schedule, reviews and stats.",
                              no_args_is_help=True)
    learner_app.command("list")(learner_list)
    learner_app.command("add")(learner_add)
    app.add_typer(learner_app, name="learner")
