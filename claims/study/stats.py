"""Study statistics: reviews per day, retention, cards by state, the due forecast.

Days are UTC days. Retention is the share of reviews in the window the user recalled
(rated Hard, Good or Easy); accuracy is the share of answers checked right.
Retrievability is FSRS's predicted probability of recall now, averaged over the cards
in the review state: a card just failed (relearning) or just learnt was answered a
minute ago, so its retrievability is near 100 % and would only flatter the mean; those
cards are counted as ``lapsed_today`` (failed today) instead. Everything is one
learner's.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, false, func, true
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claims.models import Card, CardState, Review
from claims.study import queue, scheduler
from claims.study.learners import LearnerRef, learner_id
from claims.study.session import STATE_NAMES

ALL_CARDS = queue.Deck()
REVIEW_STATE = 2  # fsrs.State.Review


def _day(value: Any) -> str:
    """SQLite's date() gives a string, PostgreSQL's a date: both become 'YYYY-MM-DD'."""
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _days(start: date, count: int) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range(count)]


def _joined(lid: int) -> Any:
    return and_(col(CardState.card_id) == col(Card.id), col(CardState.learner_id) == lid)


def cards_by_state(session: Session, lid: int, deck: queue.Deck) -> dict[str, int]:
    counts = {"new": 0, "learning": 0, "review": 0, "relearning": 0}
    introduced = col(CardState.introduced_at).is_not(None)
    statement = deck.narrow(
        select(CardState.state, func.count()).select_from(Card).join(CardState, _joined(lid))
        .where(Card.retired == false(), introduced).group_by(col(CardState.state))
    )
    for state, count in session.exec(statement).all():
        counts[STATE_NAMES.get(state, "learning")] += count
    active = session.exec(
        deck.narrow(select(func.count()).select_from(Card).where(Card.retired == false()))
    ).one()
    counts["new"] = active - sum(counts.values())
    retired = session.exec(
        deck.narrow(select(func.count()).select_from(Card).where(Card.retired == true()))
    ).one()
    counts["retired"] = retired
    suspended = session.exec(deck.narrow(
        select(func.count()).select_from(Card).join(CardState, _joined(lid))
        .where(Card.retired == false(), col(CardState.suspended) == true())
    )).one()
    counts["suspended"] = suspended
    return counts


def reviews_per_day(session: Session, lid: int, now: datetime, days: int,
                    deck: queue.Deck) -> list[dict[str, Any]]:
    first = scheduler.day_start(now) - timedelta(days=days - 1)
    day = func.date(Review.reviewed_at)
    standing = scheduler.effective_reviews(lid).subquery()
    statement = (
        select(day, func.count(), func.sum(case((col(Review.rating) > 1, 1), else_=0)),
               func.sum(case((col(Review.correct) == true(), 1), else_=0)))
        .where(col(Review.id).in_(select(standing.c.id)),
               Review.reviewed_at >= first, Review.reviewed_at <= now)
        .group_by(day)
    )
    if deck.topic or deck.source:
        statement = statement.where(
            col(Review.card_id).in_(deck.narrow(select(Card.id)))
        )
    found = {_day(d): (n, int(r or 0), int(c or 0)) for d, n, r, c in session.exec(statement)}
    rows = []
    for d in _days(first.date(), days):
        n, recalled, correct = found.get(d, (0, 0, 0))
        rows.append({"date": d, "reviews": n, "recalled": recalled, "correct": correct,
                     "retention": round(recalled / n, 4) if n else None})
    return rows


def forecast(session: Session, lid: int, now: datetime, days: int,
             deck: queue.Deck) -> list[dict[str, Any]]:
    """Cards due each day from today; overdue cards count for today (suspended left out)."""
    today = scheduler.day_start(now)
    end = today + timedelta(days=days)
    day = func.date(CardState.due)
    statement = deck.narrow(
        select(day, func.count()).select_from(Card).join(CardState, _joined(lid))
        .where(Card.retired == false(), col(CardState.introduced_at).is_not(None),
               col(CardState.suspended) == false(), col(CardState.due) < end)
        .group_by(day)
    )
    counts: dict[str, int] = {}
    today_key = today.date().isoformat()
    for d, n in session.exec(statement).all():
        key = max(_day(d), today_key)
        counts[key] = counts.get(key, 0) + n
    return [{"date": d, "due": counts.get(d, 0)} for d in _days(today.date(), days)]


def mean_retrievability(session: Session, lid: int, now: datetime,
                        deck: queue.Deck) -> float | None:
    """FSRS's recall probability now, averaged over the cards in the review state."""
    sched = scheduler.make_scheduler(session, lid)
    statement = deck.narrow(
        select(CardState).join(Card, _joined(lid))
        .where(Card.retired == false(), col(CardState.introduced_at).is_not(None),
               col(CardState.state) == REVIEW_STATE, col(CardState.suspended) == false())
    )
    values = [scheduler.retrievability(sched, state, now) for state in session.exec(statement)]
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def lapsed_today(session: Session, lid: int, now: datetime, deck: queue.Deck) -> int:
    """Cards the learner failed (rated Again) today and has not passed since."""
    statement = deck.narrow(
        select(func.count()).select_from(Card).join(CardState, _joined(lid))
        .where(Card.retired == false(), col(CardState.state) != REVIEW_STATE,
               col(CardState.last_review) >= scheduler.day_start(now),
               col(Card.id).in_(
                   select(Review.card_id).where(Review.learner_id == lid, Review.rating == 1,
                                                Review.reviewed_at >= scheduler.day_start(now),
                                                col(Review.undoes).is_(None))))
    )
    return int(session.exec(statement).one())


def per_deck(session: Session, lid: int, now: datetime,
             week: int = 7) -> list[dict[str, Any]]:
    """For each topic deck: cards, cards the learner started, due now, due within
    ``week`` days (the deck's due forecast)."""
    from claims.models import ClaimTopic

    def due_by(moment: datetime) -> Any:
        return func.sum(case((and_(col(CardState.suspended) == false(),
                                   col(CardState.due) <= moment), 1), else_=0))

    rows = session.exec(  # type: ignore[call-overload]  # five columns: past sqlmodel's select()
        sa_select(col(ClaimTopic.topic_key), func.count(col(Card.id)),
                  func.count(col(CardState.card_id)), due_by(now),
                  due_by(now + timedelta(days=week)))
        .select_from(Card).join(ClaimTopic, col(ClaimTopic.claim_id) == col(Card.claim_id))
        .outerjoin(CardState, and_(_joined(lid), col(CardState.introduced_at).is_not(None)))
        .where(col(Card.retired) == false())
        .group_by(col(ClaimTopic.topic_key)).order_by(col(ClaimTopic.topic_key))
    ).all()
    return [{"deck": key, "cards": total, "started": started, "due": int(due or 0),
             "due_week": int(soon or 0)} for key, total, started, due, soon in rows]


def study_stats(
    session: Session, now: datetime, *, days: int = 14, forecast_days: int = 14,
    deck: queue.Deck = ALL_CARDS, learner: LearnerRef = None,
) -> dict[str, Any]:
    """Everything ``claims stats`` shows for ``learner``, as one JSON-ready dict."""
    now = scheduler.require_utc(now)
    lid = learner_id(session, learner, create=False)
    per_day = reviews_per_day(session, lid, now, days, deck)
    reviews = sum(d["reviews"] for d in per_day)
    recalled = sum(d["recalled"] for d in per_day)
    correct = sum(d["correct"] for d in per_day)
    standing = scheduler.effective_reviews(lid).subquery()
    total_reviews = session.exec(select(func.count()).select_from(standing)).one()
    return {
        "now": now.isoformat(timespec="seconds"),
        "deck": deck.name,
        "cards": cards_by_state(session, lid, deck),
        "due_now": queue.counts(session, now, deck, learner=lid)["due"],
        "lapsed_today": lapsed_today(session, lid, now, deck),
        "decks": per_deck(session, lid, now),
        "reviews_total": total_reviews,
        "reviews_per_day": per_day,
        "retention": {
            "days": days, "reviews": reviews, "recalled": recalled, "correct": correct,
            "rate": round(recalled / reviews, 4) if reviews else None,
            "accuracy": round(correct / reviews, 4) if reviews else None,
        },
        "retrievability": mean_retrievability(session, lid, now, deck),
        "desired_retention": scheduler.DESIRED_RETENTION,
        "forecast": forecast(session, lid, now, forecast_days, deck),
        "optimized": scheduler.saved_parameters(session, lid) is not None,
    }
