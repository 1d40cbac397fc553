"""What a learner can do to their own cards: suspend, bury until tomorrow, undo an answer.

All of it is one learner's: suspending a card hides it from that learner's queue only.
The review log stays append-only: :func:`undo_last` appends a reversal (a ``Review``
whose ``undoes`` names the answer) and puts back the state saved with that answer.
Nothing here commits: the caller does (docs/design.md, "Transactions").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import true
from sqlmodel import Session, col, select

from claims.errors import NotFound, UsageError
from claims.models import CardState, Review
from claims.study import queue, scheduler
from claims.study.learners import LearnerRef, learner_id
from claims.study.session import card_to_public, lock_state


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def set_suspended(session: Session, card_id: str, suspended: bool, now: datetime, *,
                  learner: LearnerRef = None) -> dict[str, Any]:
    """Suspend (or unsuspend) one card for ``learner``: a suspended card is never shown
    in review, its schedule kept for when it comes back. Returns the card's shape."""
    now = scheduler.require_utc(now)
    lid = learner_id(session, learner)
    card, state = lock_state(session, lid, card_id, now)
    state.suspended = suspended
    session.add(state)
    session.flush()
    return card_to_public(card, state)


def bury(session: Session, card_id: str, now: datetime, *,
         learner: LearnerRef = None) -> dict[str, Any]:
    """Hide one card from ``learner`` until the next UTC day starts (Anki's "bury")."""
    now = scheduler.require_utc(now)
    lid = learner_id(session, learner)
    card, state = lock_state(session, lid, card_id, now)
    state.buried_until = scheduler.next_day(now)
    session.add(state)
    session.flush()
    return card_to_public(card, state)


@dataclass(frozen=True, slots=True)
class Undone:
    """An answer taken back: the reversal row and the card as it is again."""

    review_id: int
    reversal_id: int
    card: dict[str, Any]

    def to_public(self) -> dict[str, Any]:
        return {"undone": self.review_id, "reversal": self.reversal_id, "card": self.card}


def last_answer(session: Session, lid: int) -> Review | None:
    """The learner's latest answer that stands (not undone, not itself a reversal)."""
    statement = scheduler.effective_reviews(lid).order_by(col(Review.id).desc()).limit(1)
    found: Review | None = session.exec(statement).first()
    return found


def undo_last(session: Session, now: datetime, *, learner: LearnerRef = None) -> Undone:
    """Take back ``learner``'s last answer: append a reversal, restore the schedule
    before it. Suspending and burying are the learner's own later decisions: they stay.

    An answer logged before per-learner states (schema 0002) kept no earlier state, so
    only a card's first answer can be undone then (the card becomes new again).
    """
    now = scheduler.require_utc(now)
    lid = learner_id(session, learner)
    answer = last_answer(session, lid)
    if answer is None:
        raise NotFound("no answer to undo", hint="answers are undone newest first")
    card, state = lock_state(session, lid, answer.card_id, now)
    if answer.state_before is not None:
        before = scheduler.snapshot(state)
        scheduler.restore(state, answer.state_before, keep_controls=True)
    else:
        earlier = session.exec(
            scheduler.effective_reviews(lid)
            .where(Review.card_id == answer.card_id, col(Review.id) < (answer.id or 0))
        ).first()
        if earlier is not None:
            raise UsageError(f"the answer to card {answer.card_id!r} was logged before this "
                             "version of claims and kept no earlier state to go back to")
        before = scheduler.snapshot(state)
        fresh = CardState(learner_id=lid, card_id=card.id, due=card.created_at or now)
        scheduler.restore(state, scheduler.snapshot(fresh), keep_controls=True)
    if state.introduced_at is None:
        queue.forget_frontier(session, lid)  # the card is new again
    reversal = Review(learner_id=lid, card_id=answer.card_id, reviewed_at=now,
                      rating=answer.rating, given=answer.given, correct=answer.correct,
                      undoes=answer.id, state_before=before)
    session.add(state)
    session.add(reversal)
    session.flush()
    assert answer.id is not None and reversal.id is not None
    return Undone(answer.id, reversal.id, card_to_public(card, state))


def suspended_cards(session: Session, *, learner: LearnerRef = None) -> list[str]:
    """Ids of the cards ``learner`` suspended."""
    lid = learner_id(session, learner)
    return list(session.exec(
        select(CardState.card_id).where(CardState.learner_id == lid,
                                        col(CardState.suspended) == true())
        .order_by(col(CardState.card_id))
    ).all())
