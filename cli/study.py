"""Study commands: ``review``, ``quiz``, ``stats`` and the scriptable ``cards`` group.

Interactive sessions use rich. The command opened the session, so it commits: the card
sync before the first question (no write lock is held while a person thinks), then
every answer when given, so Ctrl-C (exit 130) or the end of input (exit 0) stops a
session without losing anything.
"""


import sys
import time
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claims.domain import QuizMode
from cli.cards import add_card_commands
from cli.output import FormatOption, NowOption, OutputFormat, message, render_object, render_rows
from cli.state import state

if TYPE_CHECKING:
    from claims.models import Card
    from claims.study.session import ReviewRun

EXIT_INTERRUPTED = 130


class RatingName(StrEnum):
    again = "again"
    hard = "hard"
    good = "good"
    easy = "easy"


SeedOption = Annotated[
    int | None, typer.Option("--seed", help="Seed for the random draw (same seed, same quiz).")
]
DeckOption = Annotated[
    str | None, typer.Option("--deck", help="Only cards of this topic key or source slug.")
]
TagOption = Annotated[
    str | None, typer.Option("--tag", help="Only cards with this tag (claims cards tag).")
]


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def _show_card(console: Any, card: "Card", number: int) -> None:
    from rich.markup import escape

    console.rule(f"[bold]{number}[/]  {card.kind}  [dim]{card.id}[/]")
    console.print(escape(card.question))
    for letter, choice in zip("abcdefgh", card.choices or [], strict=False):
        console.print(f"  [bold]{letter})[/] {escape(choice)}")


def _ask(console: Any, prompt: str) -> tuple[str, int]:
    """An answer typed at the prompt; one the library refuses (5,000 digits) is asked again."""
    from claims.errors import UsageError
    from claims.study.answers import require_answer_text

    started = time.monotonic()
    while True:
        text = console.input(prompt)
        try:
            require_answer_text(text)
        except UsageError as error:
            console.print(f"[yellow]{error.message}: {error.hint}[/]", markup=True)
            continue
        return text, int((time.monotonic() - started) * 1000)


def _show_verdict(console: Any, verdict: Any, context: dict[str, Any] | None = None) -> None:
    from rich.markup import escape

    if verdict.correct:
        line = "[green]Right.[/]" + (" (partly)" if verdict.partial else "")
    else:
        line = "[red]Wrong.[/]"
    line += f" Answer: [bold]{escape(verdict.expected)}[/]"
    if verdict.note:
        line += f" [dim]({escape(verdict.note)})[/]"
    console.print(line)
    if context:  # the claim's own words and where they stand: learning needs context
        quoted = f"\u201c{escape(context['sentence'])}\u201d " if context["sentence"] else ""
        console.print(f"[dim]{quoted}\u2014 {escape(context['citation'])}[/]")


def _ask_rating(console: Any, suggested: int) -> int:
    from claims.study.answers import RATING_NAMES, parse_rating

    while True:
        text = console.input(
            f"Rating: again, hard, good, easy [Enter = {RATING_NAMES[suggested].lower()}]: "
        )
        if not text.strip():
            return suggested
        try:
            return parse_rating(text)
        except ValueError as exc:
            console.print(f"[yellow]{exc}[/]")


def _summary(console: Any, summary: dict[str, Any], label: str = "Reviewed") -> None:
    console.print(
        f"{label} {summary['answered']} card(s): {summary['correct']} right "
        f"({summary['percent']}%)."
    )


def review(
    ctx: typer.Context,
    deck: DeckOption = None,
    tag: TagOption = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Stop after N answers.")] = None,
    new_limit: Annotated[
        int, typer.Option("--new-limit", help="New cards introduced per day (UTC).")
    ] = 20,
    now: NowOption = None,
    no_rate: Annotated[
        bool, typer.Option("--no-rate", help="Take the suggested rating without asking.")
    ] = False,
) -> None:
    """Review due cards, then new ones within the daily limit (FSRS spaced repetition).

    Type the answer (a letter picks a choice), then Enter to accept the suggested
    rating or type again/hard/good/easy. Ctrl-C or Ctrl-D stops; answers given are kept.

    Example: claims review --deck trade --limit 10
    """
    from claims.study.api import parse_now, start_review

    fixed = parse_now(now)
    console = _console()
    with state(ctx).session() as session:
        run = start_review(session, deck=deck, limit=limit, new_limit=new_limit, now=fixed,
                           learner=state(ctx).learner, tag=tag)
        session.commit()
        left = run.remaining()
        console.print(
            f"Deck {run.deck.name}: {left['due']} due, {left['new']} new today."
        )
        try:
            _review_loop(console, run, no_rate)
        except (KeyboardInterrupt, EOFError) as stop:
            console.print()
            _summary(console, run.summary())
            if isinstance(stop, KeyboardInterrupt):
                raise typer.Exit(EXIT_INTERRUPTED) from None
            return
        if run.outcomes:
            _summary(console, run.summary())
        else:
            console.print("Nothing to review now. Come back later, or try: claims quiz")


def _review_loop(console: Any, run: "ReviewRun", no_rate: bool) -> None:
    """Ask, check, rate, record until no card is left; an interrupted rating keeps the answer."""
    number = 0
    while (card := run.next_card()) is not None:
        number += 1
        _show_card(console, card, number)
        given, duration = _ask(console, "Answer: ")
        verdict = run.check(card, given)
        _show_verdict(console, verdict, run.context(card))
        suggested = verdict.suggested_rating(duration, new=run.is_new(card))
        try:
            rating = suggested if no_rate else _ask_rating(console, suggested)
        except (KeyboardInterrupt, EOFError):
            run.record(card, given, verdict, None, duration)  # the answer was given: keep it
            run.session.commit()
            raise
        outcome = run.record(card, given, verdict, rating, duration)
        run.session.commit()
        console.print(f"[dim]Next due {outcome.due:%Y-%m-%d %H:%M} UTC.[/]")


def quiz(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", help="Only this topic key.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this source slug.")] = None,
    count: Annotated[int, typer.Option("--count", "-n", help="Number of questions.")] = 10,
    mode: Annotated[QuizMode, typer.Option("--mode", help="Kind of questions.")] = QuizMode.MIXED,
    record: Annotated[
        bool, typer.Option("--record", help="Also record the answers in the FSRS schedule.")
    ] = False,
    non_interactive: Annotated[
        bool,
        typer.Option("--non-interactive", help="Read answers as JSON lines on stdin "
                     '("49 billion" or {"answer": "49 billion"}), one per question.'),
    ] = False,
    seed: SeedOption = None,
    now: NowOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """A practice round with a score at the end; the schedule is untouched unless --record.

    Example: claims quiz --topic okinawa --count 5 --mode choice
    """
    from claims.study import api

    fixed = api.parse_now(now)
    with state(ctx).session() as session:
        if non_interactive:
            replies = api.parse_replies(sys.stdin.read().splitlines())
            result = api.quiz_from_answers(
                session, replies, topic=topic, source=source, count=count, mode=mode.value,
                seed=seed, record=record, now=fixed, learner=state(ctx).learner,
            )
            _render_quiz(result, fmt)
            return
        cards = api.start_quiz(session, topic=topic, source=source, count=count,
                               mode=mode.value, seed=seed, now=fixed)
        session.commit()
        _interactive_quiz(session, cards, record, fixed, state(ctx).learner)


def _render_quiz(result: dict[str, Any], fmt: OutputFormat) -> None:
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        render_object(result, fmt)
        return
    render_rows(result["questions"], fmt, ["id", "kind", "given", "correct", "expected"])
    total = result["score"]
    message(f"Score: {total['correct']}/{total['questions']} ({total['percent']}%)")


def _interactive_quiz(session: Any, cards: "list[Card]", record: bool, fixed: Any,
                      learner: str | None) -> None:
    from claims.study.api import clock
    from claims.study.session import quiz_answer, score

    console, tick, outcomes = _console(), clock(fixed), []
    try:
        for number, card in enumerate(cards, start=1):
            _show_card(console, card, number)
            given, duration = _ask(console, "Answer: ")
            outcome = quiz_answer(session, card, given, tick(), record=record,
                                  duration_ms=duration, learner=learner)
            session.commit()  # a recorded answer is kept if the quiz is stopped
            outcomes.append(outcome)
            _show_verdict(console, outcome.verdict, outcome.context)
    except (KeyboardInterrupt, EOFError) as stop:
        console.print()
        _summary(console, score(outcomes), "Answered")
        if isinstance(stop, KeyboardInterrupt):
            raise typer.Exit(EXIT_INTERRUPTED) from None
        return
    total = score(outcomes)
    console.print(f"Score: {total['correct']}/{len(cards)} ({total['percent']}%)")


def stats(
    ctx: typer.Context,
    deck: DeckOption = None,
    tag: TagOption = None,
    days: Annotated[int, typer.Option("--days", help="Days of history to show.")] = 14,
    forecast_days: Annotated[
        int, typer.Option("--forecast", help="Days of due forecast to show.")
    ] = 14,
    now: NowOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Reviews per day, retention, cards by state and the due forecast.

    Example: claims stats --format json
    """
    from claims.study.api import parse_now, show_stats

    with state(ctx).session() as session:
        result = show_stats(session, deck=deck, days=days, forecast_days=forecast_days,
                            now=parse_now(now), learner=state(ctx).learner, tag=tag)
    if fmt is not OutputFormat.table:
        render_object(result, fmt)
        return
    _render_stats(result)


def _bars(rows: list[dict[str, Any]], key: str, title: str) -> Any:
    from rich.table import Table

    table = Table(title=title, show_header=False, box=None, pad_edge=False)
    peak = max((r[key] for r in rows), default=0) or 1
    for row in rows:
        width = round(30 * row[key] / peak)
        cells = [row["date"], f"{row[key]:>4}", "[cyan]" + "\u2588" * width + "[/]"]
        if "retention" in row:  # reviews per day: the share recalled, day by day
            cells.append("" if row["retention"] is None else f"{row['retention']:.0%} recalled")
        table.add_row(*cells)
    return table


def _render_stats(result: dict[str, Any]) -> None:
    console = _console()
    cards, retention = result["cards"], result["retention"]
    console.print(
        f"Deck {result['deck']}: " + ", ".join(f"{v} {k}" for k, v in cards.items())
        + f"; {result['due_now']} due now."
    )
    rate = retention["rate"]
    rate_text = f"{rate:.0%}" if rate is not None else "n/a"
    console.print(
        f"Last {retention['days']} days: {retention['reviews']} reviews, retention {rate_text}"
        + (f" ({retention['recalled']} of {retention['reviews']} recalled)"
           if retention["reviews"] else "") + "."
    )
    recall, lapsed = result["retrievability"], result["lapsed_today"]
    if lapsed:
        console.print(f"Failed today: {lapsed} card(s), back in minutes; "
                      "answer them again before you stop.")
    if recall is not None:
        console.print(f"{cards['review']} card(s) in review: FSRS expects you to recall "
                      f"{recall:.0%} of them now ({result['desired_retention']:.0%} by the time "
                      "each is due).")
    console.print(_bars(result["reviews_per_day"], "reviews", "Reviews per day"))
    console.print(_bars(result["forecast"], "due", "Due forecast"))
    started = [d for d in result["decks"] if d["started"]]
    if started:
        render_rows(started, OutputFormat.table, ["deck", "cards", "started", "due", "due_week"],
                    title="Per deck (topics started)")


def cards_list(
    ctx: typer.Context,
    deck: DeckOption = None,
    tag: TagOption = None,
    due: Annotated[bool, typer.Option("--due", help="Only cards due now.")] = False,
    new: Annotated[bool, typer.Option("--new", help="Only cards never reviewed.")] = False,
    kind: Annotated[QuizMode | None, typer.Option("--kind", help="Only this kind.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most N cards.")] = None,
    include_retired: Annotated[
        bool, typer.Option("--all", help="Include retired cards (their claim is gone).")
    ] = False,
    now: NowOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List cards: due ones first (by due date), then new ones.

    Example: claims cards list --due --format json
    """
    from claims.study.api import list_cards, parse_now

    kind_value = None if kind is None or kind is QuizMode.MIXED else kind.value
    with state(ctx).session() as session:
        rows = list_cards(session, deck=deck, due=due, new=new, kind=kind_value, limit=limit,
                          include_retired=include_retired, now=parse_now(now),
                          learner=state(ctx).learner, tag=tag)
    render_rows(rows, fmt, ["id", "kind", "state", "due", "question"],
                empty_message="No cards.")


def cards_answer(
    ctx: typer.Context,
    card_id: Annotated[str, typer.Argument(metavar="CARD", help="Card id (claims cards list).")],
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="Your answer (a letter picks a choice).")
    ],
    rating: Annotated[
        RatingName | None, typer.Option("--rating", help="Override the suggested rating.")
    ] = None,
    duration_ms: Annotated[
        int | None, typer.Option("--duration-ms", help="Time taken, for the suggested rating.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only check the answer: record nothing.")
    ] = False,
    now: NowOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Check an answer, record it, and print the verdict with the next due date.

    Example: claims cards answer 7d0fbd6717-cloze "49 billion" --format json
    """
    from claims.study.api import answer, parse_now

    with state(ctx).session() as session:
        outcome = answer(session, card_id, text, rating=rating.value if rating else None,
                         duration_ms=duration_ms, now=parse_now(now),
                         learner=state(ctx).learner, dry_run=dry_run)
    render_object(outcome.to_public(), fmt)


def cards_optimize(
    ctx: typer.Context,
    min_reviews: Annotated[
        int, typer.Option("--min-reviews", help="Refuse with fewer reviews than this.")
    ] = 400,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fit FSRS parameters to your own review log (needs: pip install 'claims[optimizer]').

    Example: claims cards optimize
    """
    from claims.study.api import optimize

    with state(ctx).session() as session:
        parameters = optimize(session, min_reviews, learner=state(ctx).learner)
    render_object({"parameters": parameters}, fmt)


def register(app: typer.Typer) -> None:
    """Add review, quiz, stats and the cards group to the root app."""
    app.command("review")(review)
    app.command("quiz")(quiz)
    app.command("stats")(stats)
    cards_app = typer.Typer(
        help="Scriptable cards: list them, answer one (JSON in, JSON out).",
        no_args_is_help=True,
    )
    cards_app.command("list")(cards_list)
    cards_app.command("answer")(cards_answer)
    cards_app.command("optimize")(cards_optimize)
    add_card_commands(cards_app)
    app.add_typer(cards_app, name="cards")
