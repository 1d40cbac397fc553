"""The ``cards`` group's controls: suspend, bury, undo, tags, edits and imports.

Each is one learner's (``--learner``) except tags, edits and imported cards, which
are the cards' content and so shared by every learner of the database.
"""


from pathlib import Path
from typing import Annotated

import typer

from cli.output import FormatOption, NowOption, OutputFormat, render_object, render_rows
from cli.state import state

CardArgument = Annotated[str, typer.Argument(metavar="CARD", help="Card id (claims cards list).")]


def cards_suspend(ctx: typer.Context, card_id: CardArgument, now: NowOption = None,
                  fmt: FormatOption = OutputFormat.table) -> None:
    """Suspend a card: review never shows it to you until you unsuspend it.

    Example: claims cards suspend 7d0fbd6717-cloze
    """
    _control(ctx, "suspend", card_id, now, fmt)


def cards_unsuspend(ctx: typer.Context, card_id: CardArgument, now: NowOption = None,
                    fmt: FormatOption = OutputFormat.table) -> None:
    """Bring a suspended card back, with its schedule as it was.

    Example: claims cards unsuspend 7d0fbd6717-cloze
    """
    _control(ctx, "unsuspend", card_id, now, fmt)


def cards_bury(ctx: typer.Context, card_id: CardArgument, now: NowOption = None,
               fmt: FormatOption = OutputFormat.table) -> None:
    """Hide a card until tomorrow (UTC); its schedule is kept.

    Example: claims cards bury 7d0fbd6717-cloze
    """
    _control(ctx, "bury", card_id, now, fmt)


def _control(ctx: typer.Context, action: str, card_id: str, now: str | None,
             fmt: OutputFormat) -> None:
    from claims.study import api

    moment, who = api.parse_now(now), state(ctx).learner
    with state(ctx).session() as session:
        if action == "bury":
            card = api.bury(session, card_id, now=moment, learner=who)
        else:
            card = api.suspend(session, card_id, suspended=action == "suspend", now=moment,
                               learner=who)
    render_object(card, fmt)


def cards_tag(
    ctx: typer.Context,
    card_id: CardArgument,
    names: Annotated[list[str], typer.Argument(metavar="TAG...", help="Tags (one word each).")],
    remove: Annotated[bool, typer.Option("--remove", help="Take these tags off.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Tag a card (shared with every learner); study a tag with: claims review --tag TAG.

    Example: claims cards tag 7d0fbd6717-cloze exam week-3
    """
    from claims.study.api import tag_card

    with state(ctx).session() as session:
        result = tag_card(session, card_id, names, remove=remove)
    render_object(result, fmt)


def cards_tags(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List tags with their number of cards.

    Example: claims cards tags --format json
    """
    from claims.study.api import list_tags

    with state(ctx).session() as session:
        rows = list_tags(session)
    render_rows(rows, fmt, ["tag", "cards"], empty_message="No tags yet.")


def cards_undo(ctx: typer.Context, now: NowOption = None,
               fmt: FormatOption = OutputFormat.table) -> None:
    """Take back your last answer: the card's schedule goes back to what it was.

    The review log keeps both the answer and a reversal (it is append-only). Run it
    again to undo the answer before.

    Example: claims cards undo --format json
    """
    from claims.study.api import parse_now, undo

    with state(ctx).session() as session:
        result = undo(session, now=parse_now(now), learner=state(ctx).learner)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(result, fmt)
        return
    card = result["card"]  # a flat listing for people: the card's fields beside the ids
    render_object({"undone": result["undone"], "reversal": result["reversal"],
                   **{f"card.{k}": card.get(k) for k in ("id", "state", "due", "suspended")}},
                  fmt)


def cards_edit(
    ctx: typer.Context,
    card_id: CardArgument,
    question: Annotated[
        str | None, typer.Option("--question", help="The new question text.")
    ] = None,
    answer: Annotated[str | None, typer.Option("--answer", help="The new answer text.")] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Drop the edit: back to the generated text.")
    ] = False,
    now: NowOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Reword a card's question or answer for everyone; a rebuild keeps the edit.

    Example: claims cards edit 7d0fbd6717-cloze --question "Japan's 1992 surplus with the U.S.?"
    """
    from claims.study.api import edit, parse_now

    with state(ctx).session() as session:
        result = edit(session, card_id, question=question, answer=answer, clear=clear,
                      now=parse_now(now), learner=state(ctx).learner)
    render_object(result, fmt)


def cards_import(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV file, or - for stdin.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Import your own cards from CSV: front,back[,source[,tags]] per row.

    A back that is one figure ("$49 billion") is checked like a claim's figure.

    Example: claims cards import my-cards.csv
    """
    import sys

    from claims.errors import UsageError
    from claims.study.api import import_cards

    if str(path) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {path}: {exc}") from None
    with state(ctx).session() as session:
        report = import_cards(session, lines)
    render_object(report, fmt)


def add_card_commands(cards_app: typer.Typer) -> None:
    """Add the controls to the ``cards`` group."""
    for name, command in (("suspend", cards_suspend), ("unsuspend", cards_unsuspend),
                          ("bury", cards_bury), ("undo", cards_undo), ("tag", cards_tag),
                          ("tags", cards_tags), ("edit", cards_edit),
                          ("import", cards_import)):
        cards_app.command(name)(command)
