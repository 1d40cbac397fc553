"""Study statistics: reviews per day, retention, cards by state, the due forecast.

Days are UTC days. Retention is the share of reviews in the window the user recalled
(rated Hard, Good or Easy); accuracy is the share of answers checked right.
Retrievability is FSRS's predicted probability of recall now, averaged over the cards
already reviewed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, false, func, true
from sqlmodel import Session, col, select

from claims.models import Card, Review
from claims.study import queue, scheduler
from claims.study.session import STATE_NAMES

ALL_CARDS = queue.Deck()


def _day(value: Any) -> str:
    """SQLite's date() gives a string, PostgreSQL's a date: both become 'YYYY-MM-DD'."""
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _days(start: date, count: int) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range(count)]


def cards_by_state(session: Session, deck: queue.Deck) -> dict[str, int]:
    counts = {"new": 0, "learning": 0, "review": 0, "relearning": 0}
    statement = deck.narrow(
        select(Card.state, col(Card.introduced_at).is_(None), func.count())
        .where(Card.retired == false())
        .group_by(col(Card.state), col(Card.introduced_at).is_(None))
    )
    for state, is_new, count in session.exec(statement).all():
        key = "new" if is_new else STATE_NAMES.get(state, "learning")
        counts[key] += count
    retired = session.exec(
        deck.narrow(select(func.count()).select_from(Card).where(Card.retired == true()))
    ).one()
    counts["retired"] = retired
    return counts


def reviews_per_day(session: Session, now: datetime, days: int,
                    deck: queue.Deck) -> list[dict[str, Any]]:
    first = scheduler.day_start(now) - timedelta(days=days - 1)
    day = func.date(Review.reviewed_at)
    statement = (
        select(day, func.count(), func.sum(case((col(Review.rating) > 1, 1), else_=0)),
               func.sum(case((col(Review.correct) == true(), 1), else_=0)))
        .where(Review.reviewed_at >= first, Review.reviewed_at <= now)
        .group_by(day)
    )
    if deck.topic or deck.source:
        statement = statement.where(
            col(Review.card_id).in_(deck.narrow(select(Card.id)))
        )
    found = {_day(d): (n, int(r or 0), int(c or 0)) for d, n, r, c in session.exec(statement)}
    return [
        {"date": d, "reviews": found.get(d, (0, 0, 0))[0], "recalled": found.get(d, (0, 0, 0))[1],
         "correct": found.get(d, (0, 0, 0))[2]}
        for d in _days(first.date(), days)
    ]


def forecast(session: Session, now: datetime, days: int, deck: queue.Deck) -> list[dict[str, Any]]:
    """Cards due each day from today; overdue cards count for today."""
    today = scheduler.day_start(now)
    end = today + timedelta(days=days)
    day = func.date(Card.due)
    statement = deck.narrow(
        select(day, func.count())
        .where(Card.retired == false(), col(Card.introduced_at).is_not(None), col(Card.due) < end)
        .group_by(day)
    )
    counts: dict[str, int] = {}
    today_key = today.date().isoformat()
    for d, n in session.exec(statement).all():
        key = max(_day(d), today_key)
        counts[key] = counts.get(key, 0) + n
    return [{"date": d, "due": counts.get(d, 0)} for d in _days(today.date(), days)]


def mean_retrievability(session: Session, now: datetime, deck: queue.Deck) -> float | None:
    sched = scheduler.make_scheduler(session)
    statement = deck.narrow(queue.active().where(col(Card.introduced_at).is_not(None)))
    values = [scheduler.retrievability(sched, card, now) for card in session.exec(statement)]
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def study_stats(
    session: Session, now: datetime, *, days: int = 14, forecast_days: int = 14,
    deck: queue.Deck = ALL_CARDS,
) -> dict[str, Any]:
    """Everything ``claims stats`` shows, as one JSON-ready dict."""
    now = scheduler.require_utc(now)
    per_day = reviews_per_day(session, now, days, deck)
    reviews = sum(d["reviews"] for d in per_day)
    recalled = sum(d["recalled"] for d in per_day)
    correct = sum(d["correct"] for d in per_day)
    total_reviews = session.exec(select(func.count()).select_from(Review)).one()
    return {
        "now": now.isoformat(timespec="seconds"),
        "deck": deck.name,
        "cards": cards_by_state(session, deck),
        "due_now": queue.counts(session, now, deck)["due"],
        "reviews_total": total_reviews,
        "reviews_per_day": per_day,
        "retention": {
            "days": days, "reviews": reviews, "recalled": recalled, "correct": correct,
            "rate": round(recalled / reviews, 4) if reviews else None,
            "accuracy": round(correct / reviews, 4) if reviews else None,
        },
        "retrievability": mean_retrievability(session, now, deck),
        "forecast": forecast(session, now, forecast_days, deck),
        "optimized": scheduler.saved_parameters(session) is not None,
    }
