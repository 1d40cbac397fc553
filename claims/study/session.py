"""Answering cards: check, rate, schedule, log.

:func:`answer_card` is what ``claims cards answer`` and the review loop call. It
locks the card row first (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite a
no-op ``UPDATE`` takes the database write lock, waiting out the busy timeout), so
two processes answering at once serialise and no review is lost or overwritten.
:class:`ReviewRun` drives an interactive session; :func:`quiz_cards` draws a
practice round that leaves the schedule alone unless asked to record.

Nothing here commits: whoever opened the session does (docs/design.md, "Transactions").
An interactive front end commits after each answer, so a session stopped at any point
keeps every answer given; until then the card stays locked.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claims.db import is_sqlite
from claims.domain import CardKind, QuizMode
from claims.errors import NotFound, UsageError
from claims.models import Card, CardState, Claim, Source
from claims.names import require_source, require_topic
from claims.study import queue, scheduler
from claims.study.answers import RATING_NAMES, AnswerCheck, check_answer
from claims.study.learners import LearnerRef, learner_id
from claims.suggest import did_you_mean

LEARN_AHEAD = timedelta(minutes=20)

# Quiz mode -> the card kinds it draws from.
QUIZ_MODES: dict[str, tuple[str, ...]] = {
    **{str(kind): (str(kind),) for kind in CardKind},
    QuizMode.MIXED: tuple(str(kind) for kind in CardKind),
}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def card_to_public(card: Card, state: CardState | None = None) -> dict[str, Any]:
    """The contract's card shape ``{id, claim_id, kind, question, answer, choices, due}``
    plus ``source``, ``state`` (new/learning/review/relearning), ``retired``,
    ``suspended`` and ``buried_until``, for one learner's ``state`` of the card (None:
    new to them, due since the card was made)."""
    return {
        "id": card.id, "claim_id": card.claim_id, "kind": card.kind,
        "question": card.question, "answer": card.answer, "choices": card.choices,
        "due": _iso(state.due if state else card.created_at), "source": card.source_slug,
        "state": state_name(state), "retired": card.retired,
        "suspended": bool(state and state.suspended),
        "buried_until": _iso(state.buried_until) if state else None,
    }


STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def state_name(state: CardState | None) -> str:
    """``new`` (never reviewed by this learner), ``learning``, ``review`` or ``relearning``."""
    if state is None or state.introduced_at is None:
        return "new"
    return STATE_NAMES.get(state.state, "learning")


def get_state(session: Session, learner_id: int, card_id: str) -> CardState | None:
    """One learner's state of one card (None while the card is new to them)."""
    return session.get(CardState, (learner_id, card_id))


def context(session: Session, card: Card) -> dict[str, Any] | None:
    """What to show after an answer: the claim's sentence and a short citation
    (``Cronin (1996), para. 4``); None for a card without a claim in the database."""
    from claims.study.cards import source_label

    row = session.exec(
        select(Claim, Source).join(Source).where(Claim.id == card.claim_id)
    ).first()
    if row is None:  # an imported card: its source, if the CSV named one
        source = session.exec(select(Source).where(Source.slug == card.source_slug)).first()
        cited = source_label(source) if source else (card.spec or {}).get("source")
        return {"claim_id": None, "sentence": None, "citation": cited,
                "source": card.source_slug} if cited else None
    claim, source = row
    where = f", para. {claim.paragraph}" if claim.paragraph else ""
    return {"claim_id": claim.id, "sentence": claim.sentence,
            "citation": f"{source_label(source)}{where}", "source": source.slug}


@dataclass(frozen=True, slots=True)
class Outcome:
    """A checked (and maybe recorded) answer: the contract's verdict plus notes."""

    card_id: str
    given: str
    verdict: AnswerCheck
    rating: int
    due: datetime | None = None  # the next due date once recorded; None if not recorded
    recorded: bool = False
    context: dict[str, Any] | None = None  # the claim's sentence and citation

    @property
    def correct(self) -> bool:
        return self.verdict.correct

    def to_public(self) -> dict[str, Any]:
        """``{card_id, given, correct, expected, rating, due}`` plus ``partial``, ``note``,
        ``recorded`` and ``context`` (the claim's sentence and a short citation)."""
        return {
            "card_id": self.card_id, "given": self.given, "correct": self.verdict.correct,
            "expected": self.verdict.expected, "rating": RATING_NAMES[self.rating],
            "due": _iso(self.due), "partial": self.verdict.partial, "note": self.verdict.note,
            "recorded": self.recorded, "context": self.context,
        }


def get_card(session: Session, card_id: str) -> Card:
    card = session.get(Card, card_id)
    if card is None:
        raise NotFound(f"no card with id {card_id!r}",
                       hint="list card ids with: `claims.study.api.list_cards()`")
    return card


def check(card: Card, given: str) -> AnswerCheck:
    """Check an answer against a card (no database change)."""
    return check_answer(card.spec or {}, card.answer, given, card.choices)


def _select_state(session: Session, lid: int, card_id: str) -> CardState | None:
    return session.exec(
        select(CardState).where(CardState.learner_id == lid, CardState.card_id == card_id)
        .with_for_update().execution_options(populate_existing=True)
    ).first()


def lock_state(session: Session, lid: int, card_id: str, now: datetime) -> tuple[Card, CardState]:
    """The card and the learner's state of it, locked until the caller commits; a state
    row is made for a card new to the learner. Other learners' states stay unlocked on
    PostgreSQL; SQLite has one write lock for the whole database."""
    if is_sqlite(session):
        # Takes SQLite's write lock before reading, so the read below is current and a
        # concurrent writer waits (busy timeout) instead of failing or being overwritten.
        session.execute(
            update(Card).where(col(Card.id) == card_id).values(id=col(Card.id))
            .execution_options(synchronize_session=False)
        )
    card = get_card(session, card_id)
    state = _select_state(session, lid, card_id)
    if state is None:
        try:
            with session.begin_nested():  # another process may start the same card at once
                state = CardState(learner_id=lid, card_id=card_id, due=now)
                session.add(state)
        except IntegrityError:
            state = _select_state(session, lid, card_id)
            assert state is not None
    return card, state


def answer_card(
    session: Session, card_id: str, given: str, now: datetime, *,
    rating: int | None = None, duration_ms: int | None = None, fuzz: bool = False,
    verdict: AnswerCheck | None = None, learner: LearnerRef = None,
) -> Outcome:
    """Check ``learner``'s answer ``given``, rate it (``rating`` overrides the
    suggestion), schedule their state of the card, log.

    The answer is flushed, not committed: the caller commits it (and so releases the
    lock on the learner's card state), at once if a stop must not lose it.
    """
    now = scheduler.require_utc(now)
    lid = learner_id(session, learner)
    card, state = lock_state(session, lid, card_id, now)
    _refuse_retired(card)
    verdict = verdict or check(card, given)
    starts = state.introduced_at is None  # the learner's first answer to this card
    final = rating if rating is not None else verdict.suggested_rating(duration_ms, new=starts)
    sched = scheduler.make_scheduler(session, lid, fuzz=fuzz)
    log = scheduler.review(sched, state, final, now, given=given, correct=verdict.correct,
                           duration_ms=duration_ms)
    session.add(state)
    session.add(log)
    session.flush()
    if starts:
        queue.advance_frontier(session, lid)
    return Outcome(card.id, given, verdict, final, state.due, recorded=True,
                   context=context(session, card))


def _refuse_retired(card: Card) -> None:
    if card.retired:
        raise NotFound(f"card {card.id!r} is retired (its claim is gone)",
                       hint="list current cards with: `claims.study.api.list_cards()`")


def check_only(session: Session, card_id: str, given: str, *,
               duration_ms: int | None = None) -> Outcome:
    """Check an answer without recording it (a dry run): no state or log changes."""
    card = get_card(session, card_id)
    _refuse_retired(card)
    verdict = check(card, given)
    return Outcome(card.id, given, verdict, verdict.suggested_rating(duration_ms),
                   context=context(session, card))


# --- interactive review ------------------------------------------------------------


@dataclass
class ReviewRun:
    """One review session: hands out cards, checks and records answers as they come.

    :meth:`record` does not commit; commit ``session`` after each one to keep every
    answer when the session is stopped (``claims review`` does).
    """

    session: Session
    clock: Callable[[], datetime]
    deck: queue.Deck = field(default_factory=queue.Deck)
    limit: int | None = None
    new_limit: int = queue.DAILY_NEW_LIMIT
    fuzz: bool = False
    # When nothing is due, cards in learning due within this time are shown early (as
    # Anki does), so a card missed in this session comes back before it ends.
    learn_ahead: timedelta = LEARN_AHEAD
    outcomes: list[Outcome] = field(default_factory=list)
    learner: LearnerRef = None  # stored on the first answer, not when the run starts

    def next_card(self) -> Card | None:
        if self.limit is not None and len(self.outcomes) >= self.limit:
            return None
        now, who = self.clock(), self.learner
        card = queue.next_card(self.session, now, self.deck, self.new_limit, learner=who)
        if card is not None or not self.learn_ahead:
            return card
        last = [self.outcomes[-1].card_id] if self.outcomes else []
        ahead = now + self.learn_ahead
        card = queue.next_card(self.session, ahead, self.deck, new_limit=0, exclude=last,
                               learner=who)
        if card is None and last:  # the card just answered is the only one left
            card = queue.next_card(self.session, ahead, self.deck, new_limit=0, learner=who)
        return card

    def check(self, card: Card, given: str) -> AnswerCheck:
        return check(card, given)

    def context(self, card: Card) -> dict[str, Any] | None:
        """The claim's sentence and short citation, to show after an answer."""
        return context(self.session, card)

    def is_new(self, card: Card) -> bool:
        """Is ``card`` new to this run's learner (never answered)? A quick right answer
        to a new card is suggested Good, not Easy."""
        lid = learner_id(self.session, self.learner, create=False)
        state = get_state(self.session, lid, card.id)
        return state is None or state.introduced_at is None

    def record(self, card: Card, given: str, verdict: AnswerCheck, rating: int | None = None,
               duration_ms: int | None = None) -> Outcome:
        outcome = answer_card(self.session, card.id, given, self.clock(), rating=rating,
                              duration_ms=duration_ms, fuzz=self.fuzz, verdict=verdict,
                              learner=self.learner)
        self.outcomes.append(outcome)
        return outcome

    def remaining(self) -> dict[str, int]:
        return queue.counts(self.session, self.clock(), self.deck, self.new_limit,
                            learner=self.learner)

    def summary(self) -> dict[str, Any]:
        return score(self.outcomes)


def score(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """``{answered, correct, percent}`` for a list of outcomes."""
    answered = len(outcomes)
    correct = sum(o.correct for o in outcomes)
    percent = round(100 * correct / answered) if answered else 0
    return {"answered": answered, "correct": correct, "percent": percent}


# --- quizzes -------------------------------------------------------------------------


def _then(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def quiz_cards(
    session: Session, *, topic: str | None = None, source: str | None = None,
    count: int = 10, mode: str = "mixed", seed: int | None = None,
) -> list[Card]:
    """A practice round: ``count`` random cards of ``mode``'s kinds (seeded by ``seed``)."""
    if mode not in QUIZ_MODES:
        listing = f"one of {', '.join(QUIZ_MODES)}"
        raise UsageError(f"unknown quiz mode {mode!r}",
                         hint=_then(did_you_mean(mode, QUIZ_MODES), listing))
    if count < 1:
        raise UsageError("`count` must be at least 1")
    require_topic(session, topic)
    require_source(session, source)
    deck = queue.Deck(topic=topic, source=source)
    statement = deck.narrow(
        queue.active().where(col(Card.kind).in_(QUIZ_MODES[mode]))
    ).order_by(Card.id)
    cards = list(session.exec(statement).all())
    if not cards:
        raise NotFound(
            f"no {mode} cards for this quiz" + (f" (topic {topic})" if topic else "")
            + (f" (source {source})" if source else ""),
            hint="try `mode=mixed`, or another `topic` or `source`",
        )
    return random.Random(seed).sample(cards, min(count, len(cards)))


def quiz_answer(
    session: Session, card: Card, given: str, now: datetime, *, record: bool = False,
    duration_ms: int | None = None, learner: LearnerRef = None,
) -> Outcome:
    """Check a quiz answer; with ``record`` it also goes into ``learner``'s schedule and
    the log."""
    if record:
        return answer_card(session, card.id, given, now, duration_ms=duration_ms,
                           learner=learner)
    return check_only(session, card.id, given, duration_ms=duration_ms)


def run_quiz(
    session: Session, answers: Sequence[dict[str, Any]], now: datetime, *,
    topic: str | None = None, source: str | None = None, count: int = 10,
    mode: str = "mixed", seed: int | None = None, record: bool = False,
    learner: LearnerRef = None,
) -> dict[str, Any]:
    """A whole quiz without a terminal: ``answers[i]`` answers question ``i``.

    Each answer is ``{"answer": TEXT}`` (optionally with ``card_id``, which must then
    be the card asked, and ``duration_ms``). Questions left unanswered count as wrong.
    Returns ``{questions: [...], score: {...}}``. With ``record``, the answers go in
    when the caller commits: all of them, or none if one is refused.
    """
    cards = quiz_cards(session, topic=topic, source=source, count=count, mode=mode, seed=seed)
    lid = learner_id(session, learner, create=record)
    results, outcomes = [], []
    for index, card in enumerate(cards):
        entry = card_to_public(card, get_state(session, lid, card.id))
        reply = answers[index] if index < len(answers) else None
        if reply is None:
            entry.update(given=None, correct=False, expected=card.answer, rating=None)
            results.append(entry)
            continue
        if reply.get("card_id") not in (None, card.id):
            raise UsageError(
                f"answer {index + 1} is for card {reply['card_id']!r}, but question "
                f"{index + 1} is card {card.id!r}",
                hint="answer in the order asked, or leave card_id out",
            )
        outcome = quiz_answer(session, card, str(reply.get("answer", "")), now, record=record,
                              duration_ms=reply.get("duration_ms"), learner=lid)
        outcomes.append(outcome)
        verdict = outcome.to_public()
        if not outcome.recorded:
            verdict.pop("due")  # the schedule did not move: keep the card's own due date
        entry.update(verdict)
        results.append(entry)
    total = score(outcomes)
    total["questions"] = len(cards)
    total["percent"] = round(100 * total["correct"] / len(cards))
    return {"questions": results, "score": total}
