"""``claims export anki|csv|json``: take the claims and their cards elsewhere."""


import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.output import message
from cli.state import state

DeckOption = Annotated[
    str | None, typer.Option("--deck", help="Only cards of this topic key or source slug.")
]
NowOption = Annotated[
    str | None, typer.Option("--now", help="Pretend it is this UTC time (ISO 8601).")
]


def export_anki(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .apkg file to write.")],
    deck: DeckOption = None,
    history: Annotated[
        bool, typer.Option("--history", help="Include your progress: each card's schedule "
                           "and your review log (Anki's revlog), to carry on in Anki.")
    ] = False,
    now: NowOption = None,
) -> None:
    """Write the cards as an Anki package (Basic and Cloze notes, one deck per source).

    Re-importing a newer export updates the notes (GUIDs follow claim ids). With
    --history, import it in Anki with its learning progress.

    Example: claims export anki --out claims.apkg
    """
    from claims.study.api import export_anki as run
    from claims.study.api import parse_now

    with state(ctx).session() as session:
        report = run(session, str(out), deck=deck, now=parse_now(now), history=history,
                     learner=state(ctx).learner)
    message(f"Wrote {report['notes']} notes ({report['cloze']} cloze, {report['basic']} basic) "
            f"in {report['decks']} decks to {report['path']}"
            + (f", with {report['reviews']} reviews." if history else "."))


def export_csv(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")
    ] = None,
    deck: DeckOption = None,
    header: Annotated[
        bool, typer.Option("--header", help="Start with a front,back,tags header row.")
    ] = False,
    now: NowOption = None,
) -> None:
    """Write the cards as CSV rows front,back,tags (Anki and Quizlet import this).

    Like every export, --out creates the folders it names.

    Example: claims export csv --out cards.csv
    """
    from claims.outfile import open_out
    from claims.study.api import export_csv as run
    from claims.study.api import parse_now

    with state(ctx).session() as session:
        if out is None:
            run(session, sys.stdout, deck=deck, header=header, now=parse_now(now))
            return
        with open_out(out) as stream:
            count = run(session, stream, deck=deck, header=header, now=parse_now(now))
    message(f"Wrote {count} cards to {out}.")


def export_json(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")
    ] = None,
    cards: Annotated[
        bool, typer.Option("--cards/--no-cards", help="Include the study cards.")
    ] = True,
    now: NowOption = None,
) -> None:
    """Write the claims with their sources (and cards) as one JSON object.

    Like every export, --out creates the folders it names.

    Example: claims export json --out claims.json
    """
    from claims.outfile import open_out
    from claims.study.api import export_json as run
    from claims.study.api import parse_now

    with state(ctx).session() as session:
        data = run(session, cards=cards, now=parse_now(now), learner=state(ctx).learner)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    with open_out(out) as stream:
        stream.write(text)
    message(f"Wrote {len(data['claims'])} claims from {len(data['sources'])} sources to {out}.")


def register(app: typer.Typer) -> None:
    """Add the export group to the root app."""
    export_app = typer.Typer(help="Export cards to Anki or CSV, claims to JSON.",
                             no_args_is_help=True)
    export_app.command("anki")(export_anki)
    export_app.command("csv")(export_csv)
    export_app.command("json")(export_json)
    app.add_typer(export_app, name="export")
