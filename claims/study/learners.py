"""Learners: who is studying. Each owns card states, reviews and FSRS parameters.

Library functions take ``learner`` explicitly: a name (created on first use), a
learner id, or None for :func:`default_learner_name` (the operating-system user,
which is also the CLI's default and whom the 0002 migration gave the old history).
"""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claims.errors import NotFound, UsageError
from claims.models import CardState, Learner, Review
from claims.suggest import did_you_mean

LearnerRef = str | int | None  # a name, an id, or None for the default learner
MAX_NAME = 100


def default_learner_name() -> str:
    """The operating-system user name (``default`` when there is none)."""
    try:
        return getpass.getuser() or "default"
    except (OSError, KeyError):
        return "default"


def clean_name(name: str) -> str:
    """A learner name, stripped; empty or over-long names are refused.

    >>> clean_name("  ana ")
    'ana'
    """
    text = name.strip()
    if not text:
        raise UsageError("a learner name cannot be empty", hint="e.g. `learner='ana'`")
    if len(text) > MAX_NAME:
        raise UsageError(f"a learner name has at most {MAX_NAME} characters")
    return text


def get_learner(session: Session, learner: LearnerRef, *, create: bool = True) -> Learner:
    """The learner named (or numbered) ``learner``; a new name is created unless ``create``
    is False. None means :func:`default_learner_name`."""
    if isinstance(learner, int) and not isinstance(learner, bool):
        found = session.get(Learner, learner)
        if found is None:
            raise NotFound(f"no learner with id {learner}",
                           hint="list learners with: `claims.study.learners.list_learners()`")
        return found
    name = clean_name(default_learner_name() if learner is None else str(learner))
    found = session.exec(select(Learner).where(Learner.name == name)).first()
    if found is not None:
        return found
    if not create:
        names = list(session.exec(select(Learner.name).order_by(Learner.name)).all())
        near = did_you_mean(name, names)
        listing = f"learners are: {', '.join(names) or 'none yet'}"
        raise NotFound(f"no learner named {name!r}",
                       hint=f"{near} {listing}" if near else listing)
    try:
        with session.begin_nested():  # another process may create the same name at once
            created = Learner(name=name)
            session.add(created)
    except IntegrityError:
        return session.exec(select(Learner).where(Learner.name == name)).one()
    return created


NOBODY = 0  # the id reads use for a learner not stored yet: no state, no review is theirs


def learner_id(session: Session, learner: LearnerRef, *, create: bool = True) -> int:
    """The id of ``learner`` (see :func:`get_learner`). Reads pass ``create=False``, so
    looking does not store a learner: a name not stored yet gives :data:`NOBODY`."""
    if not create and isinstance(learner, int) and not isinstance(learner, bool):
        return learner  # an id (NOBODY included) is taken as it is for a read
    if not create:
        name = clean_name(default_learner_name() if learner is None else str(learner))
        found_id = session.exec(select(Learner.id).where(Learner.name == name)).first()
        return found_id if found_id is not None else NOBODY
    found = get_learner(session, learner)
    assert found.id is not None
    return found.id


def list_learners(session: Session) -> list[dict[str, Any]]:
    """Every learner with counts: cards started, reviews, and when they last studied."""
    started = dict(session.exec(
        select(CardState.learner_id, func.count())
        .where(col(CardState.introduced_at).is_not(None)).group_by(col(CardState.learner_id))
    ).all())
    undone = select(Review.undoes).where(col(Review.undoes).is_not(None))
    reviews = {  # answers that stand: reversals and the answers they undo left out
        lid: (count, last) for lid, count, last in session.exec(
            select(Review.learner_id, func.count(), func.max(Review.reviewed_at))
            .where(col(Review.undoes).is_(None), col(Review.id).not_in(undone))
            .group_by(col(Review.learner_id))
        ).all()
    }
    rows = []
    for learner in session.exec(select(Learner).order_by(Learner.name)).all():
        count, last = reviews.get(learner.id or 0, (0, None))
        rows.append({
            "id": learner.id, "name": learner.name, "cards": started.get(learner.id or 0, 0),
            "reviews": count,
            "last_review": _iso(last),
            "optimized": learner.fsrs_parameters is not None,
            "created_at": _iso(learner.created_at),
            "teacher": bool(learner.teacher), "can_sign_in": learner.password_hash is not None,
            "removed": learner.removed_at is not None,
        })
    return rows


def add_learner(session: Session, name: str) -> Learner:
    """Create a learner; UsageError if the name is taken."""
    name = clean_name(name)
    if session.exec(select(Learner).where(Learner.name == name)).first() is not None:
        raise UsageError(f"a learner named {name!r} already exists")
    return get_learner(session, name)


def _iso(moment: Any) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, str):  # max() over SQLite's naive text
        return moment
    from datetime import UTC

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return str(moment.isoformat(timespec="seconds"))
