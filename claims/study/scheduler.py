"""FSRS scheduling through the ``fsrs`` package: no hand-written intervals here.

Our :class:`claims.models.Card` row stores the fields of an ``fsrs.Card``; this module
converts between the two, applies one review (card state + an appended ``Review``
row), reports retrievability, and optionally fits FSRS parameters to the user's own
review log with ``fsrs.Optimizer`` (the ``optimizer`` extra, which needs torch).

All datetimes are timezone-aware UTC, as fsrs requires.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
from sqlmodel import Session, col, select

from claims.errors import ClaimsError, UsageError
from claims.models import Card, Meta, Review

PARAMETERS_KEY = "study.fsrs_parameters"
DESIRED_RETENTION = 0.9
# The optimiser needs a history: FSRS's authors suggest several hundred reviews.
MIN_REVIEWS_TO_OPTIMIZE = 400


def require_utc(moment: datetime) -> datetime:
    """``moment`` itself if it is timezone-aware; raises ValueError otherwise."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware and set to UTC")
    return moment.astimezone(UTC)


def saved_parameters(session: Session) -> list[float] | None:
    meta = session.get(Meta, PARAMETERS_KEY)
    return json.loads(meta.value) if meta else None


def make_scheduler(session: Session | None = None, *, fuzz: bool = False) -> fsrs.Scheduler:
    """An FSRS scheduler with the user's optimised parameters when there are any.

    ``fuzz`` spreads due dates a little (FSRS fuzzing, which uses the global random
    generator); off by default so results are reproducible.
    """
    parameters = saved_parameters(session) if session is not None else None
    if parameters:
        return fsrs.Scheduler(parameters=parameters, desired_retention=DESIRED_RETENTION,
                              enable_fuzzing=fuzz)
    return fsrs.Scheduler(desired_retention=DESIRED_RETENTION, enable_fuzzing=fuzz)


def to_fsrs(card: Card) -> fsrs.Card:
    """The ``fsrs.Card`` for a row (card_id given, so fsrs does not sleep to invent one)."""
    return fsrs.Card(
        card_id=0, state=fsrs.State(card.state), step=card.step, stability=card.stability,
        difficulty=card.difficulty, due=card.due, last_review=card.last_review,
    )


def apply_fsrs(card: Card, scheduled: fsrs.Card) -> None:
    card.state = int(scheduled.state)
    card.step = scheduled.step
    card.stability = scheduled.stability
    card.difficulty = scheduled.difficulty
    card.due = scheduled.due
    card.last_review = scheduled.last_review


def review(
    scheduler: fsrs.Scheduler, card: Card, rating: int, now: datetime, *,
    given: str | None = None, correct: bool | None = None, duration_ms: int | None = None,
) -> Review:
    """Apply one rating to ``card`` (in place) and return the new ``Review`` row.

    The caller adds the row to the session; nothing is deleted or rewritten.
    """
    now = require_utc(now)
    if rating not in (1, 2, 3, 4):
        raise ValueError(f"rating must be 1-4 (Again, Hard, Good, Easy), not {rating!r}")
    scheduled, _log = scheduler.review_card(to_fsrs(card), fsrs.Rating(rating), now)
    apply_fsrs(card, scheduled)
    if card.introduced_at is None:
        card.introduced_at = now
    return Review(card_id=card.id, reviewed_at=now, rating=rating, given=given,
                  correct=correct, duration_ms=duration_ms)


def retrievability(scheduler: fsrs.Scheduler, card: Card, now: datetime) -> float | None:
    """Probability of recall now, from FSRS; None for a card never reviewed."""
    if card.last_review is None:
        return None
    return float(scheduler.get_card_retrievability(to_fsrs(card), require_utc(now)))


def preview_due(scheduler: fsrs.Scheduler, card: Card, now: datetime) -> dict[str, datetime]:
    """When the card would next be due after each rating (for showing the choice)."""
    out = {}
    for rating in fsrs.Rating:
        scheduled, _ = scheduler.review_card(to_fsrs(card), rating, require_utc(now))
        out[rating.name] = scheduled.due
    return out


# --- optimisation ---------------------------------------------------------------


def _review_logs(session: Session) -> list[Any]:
    ids: dict[str, int] = {}
    logs = []
    for review_row in session.exec(select(Review).order_by(col(Review.id))).all():
        number = ids.setdefault(review_row.card_id, len(ids) + 1)
        logs.append(
            fsrs.ReviewLog(
                card_id=number, rating=fsrs.Rating(review_row.rating),
                review_datetime=review_row.reviewed_at, review_duration=review_row.duration_ms,
            )
        )
    return logs


def optimizer_available() -> bool:
    """True when ``fsrs[optimizer]`` (torch, pandas) is installed."""
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def optimize(session: Session, min_reviews: int = MIN_REVIEWS_TO_OPTIMIZE) -> list[float]:
    """Fit FSRS parameters to this database's review log and save them.

    Raises ClaimsError when the optimiser is not installed or the log is too short.
    """
    logs = _review_logs(session)
    if len(logs) < min_reviews:
        raise UsageError(
            f"only {len(logs)} reviews in the log; optimising needs at least {min_reviews}",
            hint="keep reviewing with the default parameters, then try again",
        )
    if not optimizer_available():
        raise ClaimsError(
            "the FSRS optimiser is not installed (it needs torch)",
            hint="pip install 'claims[optimizer]'",
        )
    from fsrs.optimizer import Optimizer

    parameters = [float(p) for p in Optimizer(logs).compute_optimal_parameters()]
    save_parameters(session, parameters)
    return parameters


def save_parameters(session: Session, parameters: Sequence[float]) -> None:
    fsrs.Scheduler(parameters=parameters)  # validates them (raises ValueError if out of range)
    value = json.dumps(list(parameters))
    meta = session.get(Meta, PARAMETERS_KEY)
    if meta is None:
        session.add(Meta(key=PARAMETERS_KEY, value=value))
    else:
        meta.value = value


def day_start(now: datetime) -> datetime:
    """Midnight UTC of ``now``'s day: the study day starts and ends in UTC."""
    now = require_utc(now)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def next_day(now: datetime) -> datetime:
    return day_start(now) + timedelta(days=1)
