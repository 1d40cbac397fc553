"""FSRS scheduling through the ``fsrs`` package: no hand-written intervals here.

A learner's :class:`claims.models.CardState` row stores the fields of an ``fsrs.Card``;
this module converts between the two, applies one review (card state + an appended
``Review`` row), reports retrievability, and optionally fits FSRS parameters to one
learner's own review log with ``fsrs.Optimizer`` (the ``optimizer`` extra, which needs
torch). Parameters are per learner (``Learner.fsrs_parameters``).

All datetimes are timezone-aware UTC, as fsrs requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
from sqlmodel import Session, col, select

from claims.errors import ClaimsError, UsageError
from claims.models import CardState, Learner, Review

DESIRED_RETENTION = 0.9
# The optimiser needs a history: FSRS's authors suggest several hundred reviews.
MIN_REVIEWS_TO_OPTIMIZE = 400


def require_utc(moment: datetime) -> datetime:
    """``moment`` itself if it is timezone-aware; raises ValueError otherwise."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware and set to UTC")
    return moment.astimezone(UTC)


def saved_parameters(session: Session, learner_id: int) -> list[float] | None:
    """The learner's optimised FSRS parameters, or None."""
    learner = session.get(Learner, learner_id)
    return list(learner.fsrs_parameters) if learner and learner.fsrs_parameters else None


def make_scheduler(session: Session | None = None, learner_id: int | None = None, *,
                   fuzz: bool = False) -> fsrs.Scheduler:
    """An FSRS scheduler with the learner's optimised parameters when there are any.

    ``fuzz`` spreads due dates a little (FSRS fuzzing, which uses the global random
    generator); off by default so results are reproducible.
    """
    parameters = (saved_parameters(session, learner_id)
                  if session is not None and learner_id is not None else None)
    if parameters:
        return fsrs.Scheduler(parameters=parameters, desired_retention=DESIRED_RETENTION,
                              enable_fuzzing=fuzz)
    return fsrs.Scheduler(desired_retention=DESIRED_RETENTION, enable_fuzzing=fuzz)


def to_fsrs(card: CardState) -> fsrs.Card:
    """The ``fsrs.Card`` for a row (card_id given, so fsrs does not sleep to invent one)."""
    return fsrs.Card(
        card_id=0, state=fsrs.State(card.state), step=card.step, stability=card.stability,
        difficulty=card.difficulty, due=card.due, last_review=card.last_review,
    )


STATE_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review",
                "introduced_at", "suspended", "buried_until")
# The learner's own decisions about a card, not its schedule: undoing an answer puts the
# schedule back but keeps these as they are now (a card suspended since stays suspended).
CONTROL_FIELDS = ("suspended", "buried_until")


def snapshot(card: CardState) -> dict[str, Any]:
    """The state's fields as JSON values (what an undo puts back)."""
    out: dict[str, Any] = {}
    for name in STATE_FIELDS:
        value = getattr(card, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def restore(card: CardState, saved: dict[str, Any], keep_controls: bool = False) -> None:
    """Put back the fields :func:`snapshot` saved (with ``keep_controls``, all but
    :data:`CONTROL_FIELDS`, which keep their current values)."""
    for name in STATE_FIELDS:
        if keep_controls and name in CONTROL_FIELDS:
            continue
        value = saved.get(name)
        if name in ("due", "last_review", "introduced_at", "buried_until") and value:
            value = datetime.fromisoformat(value)
        setattr(card, name, value)


def apply_fsrs(card: CardState, scheduled: fsrs.Card) -> None:
    card.state = int(scheduled.state)
    card.step = scheduled.step
    card.stability = scheduled.stability
    card.difficulty = scheduled.difficulty
    card.due = scheduled.due
    card.last_review = scheduled.last_review


def review(
    scheduler: fsrs.Scheduler, card: CardState, rating: int, now: datetime, *,
    given: str | None = None, correct: bool | None = None, duration_ms: int | None = None,
) -> Review:
    """Apply one rating to ``card`` (in place) and return the new ``Review`` row.

    The caller adds the row to the session; nothing is deleted or rewritten.
    """
    now = require_utc(now)
    if rating not in (1, 2, 3, 4):
        raise ValueError(f"rating must be 1-4 (Again, Hard, Good, Easy), not {rating!r}")
    before = snapshot(card) if card.introduced_at is not None else None
    scheduled, _log = scheduler.review_card(to_fsrs(card), fsrs.Rating(rating), now)
    apply_fsrs(card, scheduled)
    if card.introduced_at is None:
        card.introduced_at = now
    card.buried_until = None  # answering a buried card unburies it
    return Review(learner_id=card.learner_id, card_id=card.card_id, reviewed_at=now,
                  rating=rating, given=given, correct=correct, duration_ms=duration_ms,
                  state_before=before)


def retrievability(scheduler: fsrs.Scheduler, card: CardState | None,
                   now: datetime) -> float | None:
    """Probability of recall now, from FSRS; None for a card never reviewed."""
    if card is None or card.last_review is None:
        return None
    return float(scheduler.get_card_retrievability(to_fsrs(card), require_utc(now)))


def preview_due(scheduler: fsrs.Scheduler, card: CardState, now: datetime) -> dict[str, datetime]:
    """When the card would next be due after each rating (for showing the choice)."""
    out = {}
    for rating in fsrs.Rating:
        scheduled, _ = scheduler.review_card(to_fsrs(card), rating, require_utc(now))
        out[rating.name] = scheduled.due
    return out


# --- optimisation ---------------------------------------------------------------


def effective_reviews(learner_id: int) -> Any:
    """The learner's answers that stand: reversals and the answers they undo left out."""
    undone = select(Review.undoes).where(col(Review.undoes).is_not(None),
                                         Review.learner_id == learner_id)
    return select(Review).where(Review.learner_id == learner_id,
                                col(Review.undoes).is_(None), col(Review.id).not_in(undone))


def _review_logs(session: Session, learner_id: int) -> list[Any]:
    ids: dict[str, int] = {}
    logs = []
    for review_row in session.exec(effective_reviews(learner_id).order_by(col(Review.id))).all():
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


def optimize(session: Session, learner_id: int,
             min_reviews: int = MIN_REVIEWS_TO_OPTIMIZE) -> list[float]:
    """Fit FSRS parameters to one learner's review log and save them as theirs.

    Raises ClaimsError when the optimiser is not installed or the log is too short.
    """
    logs = _review_logs(session, learner_id)
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
    save_parameters(session, learner_id, parameters)
    return parameters


def save_parameters(session: Session, learner_id: int, parameters: Sequence[float]) -> None:
    """Save FSRS parameters as the learner's (validated by fsrs first)."""
    fsrs.Scheduler(parameters=parameters)  # validates them (raises ValueError if out of range)
    learner = session.get(Learner, learner_id)
    if learner is None:
        raise ValueError(f"no learner with id {learner_id}")
    learner.fsrs_parameters = [float(p) for p in parameters]
    session.add(learner)
    session.flush()


def day_start(now: datetime) -> datetime:
    """Midnight UTC of ``now``'s day: the study day starts and ends in UTC."""
    now = require_utc(now)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def next_day(now: datetime) -> datetime:
    return day_start(now) + timedelta(days=1)
