"""One call per study command: what ``cli/study.py`` runs after parsing its options.

Each function first brings the cards in step with the claims (:func:`ensure_cards`),
so a new user can review right after install, and a rebuild's new claims show up as
new cards at the next study command. None commits: the caller, who opened the session,
does; an interactive one commits before it waits for a person (the card sync may hold
the database's write lock) and after each answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, true
from sqlmodel import Session, col, select

from claims.errors import UsageError
from claims.models import Card, CardState
from claims.study import controls, queue, scheduler, stats, tags
from claims.study.answers import parse_rating
from claims.study.cards import ensure_cards
from claims.study.edits import apply_edits, clear_edit, edit_card, edits_of
from claims.study.learners import LearnerRef, learner_id
from claims.study.session import (
    Outcome,
    ReviewRun,
    answer_card,
    card_to_public,
    check_only,
    quiz_cards,
    run_quiz,
)


def _ready(session: Session, now: datetime) -> None:
    """Cards in step with the claims (a sync when they changed), edits laid over them."""
    ensure_cards(session, now)
    apply_edits(session)  # after a sync here or in `claims build`; cheap otherwise


def parse_now(text: str | None) -> datetime | None:
    """``--now`` as an aware UTC datetime (a date or naive time is taken as UTC).

    >>> parse_now("2026-11-23T09:00").isoformat()
    '2026-11-23T09:00:00+00:00'
    """
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"`now` {text!r} is not an ISO date or time",
                         hint="e.g. `now=2026-11-23T09:00:00Z`") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def clock(fixed: datetime | None) -> Callable[[], datetime]:
    """A clock: always ``fixed`` if given (tests, --now), else the real UTC time."""
    if fixed is not None:
        return lambda: fixed
    return lambda: datetime.now(UTC)


def start_review(
    session: Session, *, deck: str | None = None, limit: int | None = None,
    new_limit: int = queue.DAILY_NEW_LIMIT, now: datetime | None = None,
    fuzz: bool | None = None, learner: LearnerRef = None, tag: str | None = None,
) -> ReviewRun:
    """``learner``'s review session over ``deck`` (topic key or source slug), cards
    synced first.

    FSRS fuzzing (a little spread in due dates, as Anki does) is on for real time and
    off when ``now`` is fixed, unless ``fuzz`` says otherwise.
    """
    fuzz = now is None if fuzz is None else fuzz
    tick = clock(now)
    _ready(session, tick())
    if limit is not None and limit < 1:
        raise UsageError("`limit` must be at least 1")
    return ReviewRun(session, tick, queue.resolve_deck(session, deck, tag), limit, new_limit, fuzz,
                     learner=learner)


def list_cards(
    session: Session, *, deck: str | None = None, due: bool = False, new: bool = False,
    kind: str | None = None, limit: int | None = None, include_retired: bool = False,
    now: datetime | None = None, learner: LearnerRef = None, tag: str | None = None,
) -> list[dict[str, Any]]:
    """Cards as the contract's JSON shape with ``learner``'s state of each and the
    card's ``tags``, in review order (due first, then new)."""
    if limit is not None:
        from claims.search import check_limit

        check_limit(limit)
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    lid = learner_id(session, learner, create=False)
    chosen = queue.resolve_deck(session, deck, tag)
    base: Any = select(Card, CardState).outerjoin(
        CardState, and_(col(CardState.card_id) == col(Card.id), col(CardState.learner_id) == lid))
    if not include_retired:
        base = base.where(Card.retired == False)  # noqa: E712
    statement = chosen.narrow(base)
    started = col(CardState.introduced_at).is_not(None)
    if due:
        statement = statement.where(started, col(CardState.due) <= moment,
                                    or_(col(CardState.suspended).is_(None),
                                        col(CardState.suspended) != true()))
    if new:
        statement = statement.where(~started)
    if kind:
        statement = statement.where(Card.kind == kind)
    statement = statement.order_by(
        ~started, col(CardState.due), col(Card.priority), col(Card.id)
    )
    if limit is not None:
        statement = statement.limit(limit)
    sched = scheduler.make_scheduler(session, lid)
    rows = []
    for card, state in session.exec(statement).all():
        row = card_to_public(card, state)
        r = scheduler.retrievability(sched, state, moment)
        row["retrievability"] = round(r, 4) if r is not None else None
        rows.append(row)
    tagged = tags.tags_of(session, (row["id"] for row in rows))
    edited = edits_of(session, [row["id"] for row in rows])
    for row in rows:
        row["tags"] = tagged.get(row["id"], [])
        row["edited"] = edited.get(row["id"])  # None, or {"stale": ...}
    return rows


def edit(session: Session, card_id: str, *, question: str | None = None,
         answer: str | None = None, clear: bool = False, now: datetime | None = None,
         learner: LearnerRef = None) -> dict[str, Any]:
    """Edit a card's question and/or answer for everyone (``clear``: back to generated)."""
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    if clear:
        return clear_edit(session, card_id)
    return edit_card(session, card_id, moment, question=question, answer=answer,
                     learner=learner)


def answer(
    session: Session, card_id: str, given: str, *, rating: str | None = None,
    duration_ms: int | None = None, now: datetime | None = None, learner: LearnerRef = None,
    dry_run: bool = False, seen: str | None = None,
) -> Outcome:
    """Check, record and schedule ``learner``'s answer (``rating`` overrides the
    suggestion); with ``dry_run``, only check it (nothing recorded). ``seen`` is the
    card's :func:`review_mark` when the question was shown: if the card was answered
    since (a form sent twice), a Conflict is raised and nothing is recorded."""
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    if dry_run:
        return check_only(session, card_id, given, duration_ms=duration_ms)
    if seen is not None:
        _refuse_replay(session, card_id, seen, moment, learner)
    chosen = None
    if rating is not None:
        try:
            chosen = parse_rating(rating)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    return answer_card(session, card_id, given, moment, rating=chosen, duration_ms=duration_ms,
                       fuzz=now is None, learner=learner)


def start_quiz(
    session: Session, *, topic: str | None = None, source: str | None = None, count: int = 10,
    mode: str = "mixed", seed: int | None = None, now: datetime | None = None,
) -> list[Card]:
    _ready(session, now or datetime.now(UTC))
    return quiz_cards(session, topic=topic, source=source, count=count, mode=mode, seed=seed)


def quiz_from_answers(
    session: Session, replies: Sequence[dict[str, Any]], *, topic: str | None = None,
    source: str | None = None, count: int = 10, mode: str = "mixed", seed: int | None = None,
    record: bool = False, now: datetime | None = None, learner: LearnerRef = None,
) -> dict[str, Any]:
    """A non-interactive quiz (see :func:`claims.study.session.run_quiz`)."""
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return run_quiz(session, replies, moment, topic=topic, source=source, count=count,
                    mode=mode, seed=seed, record=record, learner=learner)


def show_stats(
    session: Session, *, deck: str | None = None, days: int = 14, forecast_days: int = 14,
    now: datetime | None = None, learner: LearnerRef = None, tag: str | None = None,
) -> dict[str, Any]:
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return stats.study_stats(session, moment, days=days, forecast_days=forecast_days,
                             deck=queue.resolve_deck(session, deck, tag), learner=learner)


def optimize(session: Session, min_reviews: int = scheduler.MIN_REVIEWS_TO_OPTIMIZE, *,
             learner: LearnerRef = None) -> list[float]:
    """Fit FSRS parameters to ``learner``'s own log and save them as theirs."""
    return scheduler.optimize(session, learner_id(session, learner), min_reviews)


def suspend(session: Session, card_id: str, *, suspended: bool = True,
            now: datetime | None = None, learner: LearnerRef = None) -> dict[str, Any]:
    """Suspend (``suspended=False``: unsuspend) a card for ``learner``."""
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return controls.set_suspended(session, card_id, suspended, moment, learner=learner)


def bury(session: Session, card_id: str, *, now: datetime | None = None,
         learner: LearnerRef = None) -> dict[str, Any]:
    """Hide a card from ``learner`` until tomorrow (UTC)."""
    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return controls.bury(session, card_id, moment, learner=learner)


def tag_card(session: Session, card_id: str, names: Sequence[str], *, remove: bool = False,
             now: datetime | None = None) -> dict[str, Any]:
    """Tag a card (``remove``: untag it); returns ``{card_id, tags}``."""
    _ready(session, now or datetime.now(UTC))
    return {"card_id": card_id, "tags": tags.tag_card(session, card_id, names, remove=remove)}


def import_cards(session: Session, lines: Sequence[str] | Any, *,
                 now: datetime | None = None) -> dict[str, Any]:
    """Your own cards from CSV lines (``front,back[,source[,tags]]``); returns the report."""
    from claims.study.imports import import_csv

    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return import_csv(session, lines, moment).to_dict()


def list_tags(session: Session) -> list[dict[str, Any]]:
    """Every tag with its number of cards."""
    return tags.list_tags(session)


def undo(session: Session, *, now: datetime | None = None,
         learner: LearnerRef = None, expect: int | None = None) -> dict[str, Any]:
    """Take back ``learner``'s last answer (a reversal is logged; the state goes back).
    With ``expect`` (the answer's id, :func:`last_undoable`), a Conflict is raised when
    that is no longer the last answer (an undo sent twice)."""
    if expect is not None and last_undoable(session, learner=learner) != expect:
        from claims.errors import Conflict

        raise Conflict("that answer was already undone",
                       hint="nothing else was undone: go on with the next card")
    return controls.undo_last(session, now or datetime.now(UTC), learner=learner).to_public()


def parse_replies(lines: Sequence[str]) -> list[dict[str, Any]]:
    """Quiz answers from JSON lines: each a string or ``{"answer": ..., "card_id": ...}``.

    >>> parse_replies(['"49 billion"', '{"answer": "1996"}', ''])
    [{'answer': '49 billion'}, {'answer': '1996'}]
    """
    import json

    replies = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"stdin line {number} is not JSON: {exc.msg}",
                             hint='one answer per line, e.g. "49 billion" or '
                                  '{"answer": "49 billion"}') from None
        if isinstance(value, str | int | float):
            value = {"answer": str(value)}
        if not isinstance(value, dict) or "answer" not in value:
            raise UsageError(f"stdin line {number} has no answer",
                             hint='write {"answer": "..."} or a JSON string')
        replies.append(value)
    return replies


def export_anki(session: Session, out: str, *, deck: str | None = None,
                now: datetime | None = None, history: bool = False,
                learner: LearnerRef = None) -> dict[str, Any]:
    """Write an .apkg of the deck's cards (with ``history``, ``learner``'s scheduling and
    review log too); returns what was written."""
    from pathlib import Path

    from claims.study.anki import export_anki as write_apkg

    moment = now or datetime.now(UTC)
    _ready(session, moment)
    chosen = queue.resolve_deck(session, deck)
    return write_apkg(session, Path(out), moment, chosen, history=history,
                      learner=learner).to_dict()


def export_csv(session: Session, stream: Any, *, deck: str | None = None, header: bool = False,
               now: datetime | None = None) -> int:
    """Write ``front,back,tags`` rows to ``stream``; returns the number of cards."""
    from claims.study.export import csv_rows, write_csv

    _ready(session, now or datetime.now(UTC))
    rows = csv_rows(session, queue.resolve_deck(session, deck))
    write_csv(rows, stream, header)
    return len(rows)


def export_json(session: Session, *, cards: bool = True, now: datetime | None = None,
                learner: LearnerRef = None) -> dict[str, Any]:
    """Claims, sources and (``cards``) the cards with ``learner``'s state of each."""
    from claims.study.export import json_export

    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return json_export(session, moment, cards, learner_id(session, learner, create=False))


def review_mark(session: Session, card_id: str, *, learner: LearnerRef = None) -> str:
    """Where ``learner`` stands on a card: its last answer's time, or ``new``. A form
    carries it so that sending the same answer twice records it once."""
    from claims.study.session import get_state

    state = get_state(session, learner_id(session, learner, create=False), card_id)
    last = state.last_review if state is not None else None
    return last.isoformat(timespec="microseconds") if last is not None else "new"


def _refuse_replay(session: Session, card_id: str, seen: str, now: datetime,
                   learner: LearnerRef) -> None:
    from claims.errors import Conflict
    from claims.study.session import lock_state

    lock_state(session, learner_id(session, learner), card_id, now)  # held until commit
    if review_mark(session, card_id, learner=learner) != seen:
        raise Conflict(f"card {card_id!r} was answered since this question was shown",
                       hint="nothing was recorded twice: go on with the next card")


def next_for_review(session: Session, *, deck: str | None = None, now: datetime | None = None,
                    learner: LearnerRef = None) -> dict[str, Any]:
    """The card ``learner`` reviews next (``card``: its JSON shape with ``mark``, or None
    when nothing is due) and ``remaining`` (due and new counts), for one page."""
    run = start_review(session, deck=deck, now=now, learner=learner)
    card = run.next_card()
    shown = None
    if card is not None:
        lid = learner_id(session, learner, create=False)
        from claims.study.session import get_state

        shown = card_to_public(card, get_state(session, lid, card.id))
        shown["mark"] = review_mark(session, card.id, learner=learner)
    return {"card": shown, "remaining": run.remaining()}


def last_undoable(session: Session, *, learner: LearnerRef = None) -> int | None:
    """The id of ``learner``'s answer an undo would take back (None: nothing to undo)."""
    found = controls.last_answer(session, learner_id(session, learner, create=False))
    return found.id if found is not None else None


def class_view(session: Session, *, now: datetime | None = None) -> dict[str, Any]:
    """Every learner's progress and the class's weakest cards (a teacher's view)."""
    from claims.study.classview import class_overview

    moment = now or datetime.now(UTC)
    _ready(session, moment)
    return class_overview(session, moment)


def card_view(session: Session, card_id: str, *, learner: LearnerRef = None) -> dict[str, Any]:
    """One card's JSON shape with ``learner``'s state of it and its ``mark``."""
    from claims.study.session import get_card, get_state

    card = get_card(session, card_id)
    row = card_to_public(card, get_state(session, learner_id(session, learner, create=False),
                                         card.id))
    row["mark"] = review_mark(session, card.id, learner=learner)
    return row
