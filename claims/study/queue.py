"""Which card comes next: due cards first (oldest due first), then new ones within the daily limit.

Two partial indexes on ``card`` (see claims.models) make each pick one index probe,
whatever the size of the collection: reviewed cards by due date, new cards in
(priority, id) order. A deck narrows either to a topic or to a source.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from claims.errors import NotFound
from claims.models import Card, ClaimTopic, Source, Topic
from claims.study.scheduler import day_start, require_utc
from claims.suggest import did_you_mean

DAILY_NEW_LIMIT = 20  # new cards introduced per UTC day, across decks

Statement = TypeVar("Statement", bound=Select[*tuple[Any, ...]])  # any select over cards


@dataclass(frozen=True, slots=True)
class Deck:
    """All cards, or those of one topic, or of one source."""

    topic: str | None = None
    source: str | None = None

    @property
    def name(self) -> str:
        return self.topic or self.source or "all"

    def narrow(self, statement: Statement) -> Statement:
        """``statement`` (a select over cards) kept to this deck's cards."""
        if self.topic:
            in_topic = select(ClaimTopic.claim_id).where(ClaimTopic.topic_key == self.topic)
            statement = statement.where(col(Card.claim_id).in_(in_topic))
        if self.source:
            statement = statement.where(col(Card.source_slug) == self.source)
        return statement


ALL_CARDS = Deck()


def resolve_deck(session: Session, name: str | None) -> Deck:
    """A deck named by a topic key or a source slug (topic first); NotFound otherwise."""
    if not name:
        return Deck()
    if session.get(Topic, name) is not None:
        return Deck(topic=name)
    if session.exec(select(Source.id).where(Source.slug == name)).first() is not None:
        return Deck(source=name)
    if session.exec(select(Card.id).where(Card.source_slug == name)).first() is not None:
        return Deck(source=name)
    topics = session.exec(select(Topic.key).order_by(Topic.key)).all()
    slugs = session.exec(select(Source.slug).order_by(Source.slug)).all()
    return _unknown_deck(name, list(topics), list(slugs))


def _unknown_deck(name: str, topics: list[str], slugs: list[str]) -> Deck:
    known = ", ".join(topics[:8] + slugs[:8]) or "none yet"
    near = did_you_mean(name, topics + slugs)
    raise NotFound(f"no topic or source named {name!r}",
                   hint=f"{near} decks are: {known}" if near else f"decks are: {known}")


def active() -> SelectOfScalar[Card]:
    return select(Card).where(Card.retired == false())


def learned_due(deck: Deck, now: datetime) -> SelectOfScalar[Card]:
    """Reviewed cards due at ``now``, most overdue first."""
    statement = active().where(col(Card.introduced_at).is_not(None), col(Card.due) <= now)
    return deck.narrow(statement).order_by(col(Card.due))


def new_cards(deck: Deck) -> SelectOfScalar[Card]:
    """Cards never reviewed, in introduction order (curated first)."""
    statement = active().where(col(Card.introduced_at).is_(None))
    return deck.narrow(statement).order_by(col(Card.priority), col(Card.id))


def _introduced_today(now: datetime) -> ColumnElement[bool]:
    start = day_start(now)
    introduced = col(Card.introduced_at)
    return and_(introduced >= start, introduced < start + timedelta(days=1))


def new_introduced_today(session: Session, now: datetime) -> int:
    return session.exec(select(func.count()).select_from(Card).where(_introduced_today(now))).one()


def next_card(
    session: Session, now: datetime, deck: Deck = ALL_CARDS,
    new_limit: int = DAILY_NEW_LIMIT, exclude: Collection[str] = (),
) -> Card | None:
    """The card to show now: a due card, else a new card while under ``new_limit`` today.

    ``exclude`` skips card ids (e.g. those already shown in this session).
    """
    now = require_utc(now)
    due = learned_due(deck, now)
    if exclude:
        due = due.where(col(Card.id).not_in(exclude))
    card = session.exec(due.limit(1)).first()
    if card is not None:
        return card
    if new_introduced_today(session, now) >= new_limit:
        return None
    # Siblings wait: a claim already introduced today does not bring a second new card
    # (its multiple choice would give away its cloze).
    started = select(Card.claim_id).where(_introduced_today(now))
    fresh = new_cards(deck).where(col(Card.claim_id).not_in(started))
    if exclude:
        fresh = fresh.where(col(Card.id).not_in(exclude))
    return session.exec(fresh.limit(1)).first()


def counts(session: Session, now: datetime, deck: Deck = ALL_CARDS,
           new_limit: int = DAILY_NEW_LIMIT) -> dict[str, int]:
    """How many cards are due now and how many new ones may still be introduced today."""
    due = session.exec(
        select(func.count()).select_from(learned_due(deck, now).order_by(None).subquery())
    ).one()
    new_total = session.exec(
        select(func.count()).select_from(new_cards(deck).order_by(None).subquery())
    ).one()
    allowed = max(0, new_limit - new_introduced_today(session, now))
    return {"due": due, "new": min(new_total, allowed), "new_total": new_total}
