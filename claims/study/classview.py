"""A teacher's view of the class: each learner's reviews, retention and due cards, and
the cards the class finds hardest. Built from the same per-learner statistics as
``claims stats`` (claims.study.stats), so a student's own page and the teacher's row
for them agree. Removed learners are left out (their anonymised reviews stay in the
database)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, false, func
from sqlmodel import Session, col, select

from claims.models import Card, Learner, Review
from claims.study import queue, scheduler, stats

WINDOW_DAYS = 30  # the retention window of the class view
WEAKEST = 5  # cards listed per learner and for the class


def weakest_cards(session: Session, lids: list[int], limit: int = WEAKEST) -> list[dict[str, Any]]:
    """The cards answered wrong (checked not correct) most often by ``lids`` (answers that
    stand), worst first:
    ``{card_id, question, answers, wrong, share_wrong}``."""
    if not lids:
        return []
    undone = select(Review.undoes).where(col(Review.undoes).is_not(None))
    ids = select(Review.id).where(col(Review.learner_id).in_(lids),
                                  col(Review.undoes).is_(None), col(Review.id).not_in(undone))
    wrong = func.sum(case((col(Review.correct) == false(), 1), else_=0))
    statement = (
        select(Review.card_id, Card.question, func.count(), wrong)
        .join(Card, col(Card.id) == col(Review.card_id))
        .where(col(Review.id).in_(ids))
        .group_by(col(Review.card_id), col(Card.question))
        .having(wrong > 0)
        .order_by(wrong.desc(), func.count().desc(), col(Review.card_id))
        .limit(limit)
    )
    return [{"card_id": card_id, "question": question, "answers": answers,
             "wrong": int(missed), "share_wrong": round(int(missed) / answers, 4)}
            for card_id, question, answers, missed in session.exec(statement).all()]


def _date(moment: Any) -> str | None:
    """The day of a time read from either database (a datetime, or SQLite's text).

    >>> _date("2026-11-28 09:06:00"), _date(None)
    ('2026-11-28', None)
    """
    if moment is None:
        return None
    return moment.date().isoformat() if isinstance(moment, datetime) else str(moment)[:10]


def class_overview(session: Session, now: datetime) -> dict[str, Any]:
    """``{now, window_days, learners: [...], weakest: [...]}``: per learner (not removed)
    their name, teacher flag, reviews (all time and in the window), retention in the
    window, cards due now, cards started, last review and weakest cards."""
    now = scheduler.require_utc(now)
    learners = session.exec(select(Learner).where(col(Learner.removed_at).is_(None))
                            .order_by(col(Learner.name))).all()
    rows = []
    for learner in learners:
        lid = learner.id or 0
        per_day = stats.reviews_per_day(session, lid, now, WINDOW_DAYS, stats.ALL_CARDS)
        reviews = sum(d["reviews"] for d in per_day)
        recalled = sum(d["recalled"] for d in per_day)
        standing = scheduler.effective_reviews(lid).subquery()
        total, last = session.exec(select(func.count(), func.max(standing.c.reviewed_at))).one()
        cards = stats.cards_by_state(session, lid, stats.ALL_CARDS)
        rows.append({
            "name": learner.name, "teacher": bool(learner.teacher),
            "reviews_total": int(total), "reviews": reviews,
            "retention": round(recalled / reviews, 4) if reviews else None,
            "due_now": queue.counts(session, now, learner=lid)["due"],
            "started": sum(cards[k] for k in ("learning", "review", "relearning")),
            "last_review": _date(last),
            "weakest": weakest_cards(session, [lid]),
        })
    everyone = [learner.id or 0 for learner in learners if not learner.teacher]
    return {"now": now.isoformat(timespec="seconds"), "window_days": WINDOW_DAYS,
            "learners": rows, "weakest": weakest_cards(session, everyone)}


def is_teacher(learner: Learner) -> bool:
    """May ``learner`` see the class? (a teacher who was not removed)"""
    return bool(learner.teacher) and learner.removed_at is None

