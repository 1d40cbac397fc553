"""Which card comes next: due cards first (oldest due first), then new ones within the daily limit.

Everything is per learner: a learner's reviewed cards are their ``card_state`` rows,
picked by one probe of a partial index on (learner_id, due); a card with no such row
is new to them, taken in (priority, id) order. A deck narrows either to a topic or to
a source.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, true, tuple_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from claims.models import Card, CardState, CardTag, ClaimTopic, Learner, Meta, Source, Topic
from claims.names import unknown
from claims.study.learners import LearnerRef, learner_id
from claims.study.scheduler import day_start, require_utc

DAILY_NEW_LIMIT = 20  # new cards introduced per UTC day, across decks

Statement = TypeVar("Statement", bound=Select[*tuple[Any, ...]])  # any select over cards


@dataclass(frozen=True, slots=True)
class Deck:
    """All cards, or those of one topic, or of one source; and, if ``tag``, of one tag."""

    topic: str | None = None
    source: str | None = None
    tag: str | None = None

    @property
    def name(self) -> str:
        base = self.topic or self.source
        if self.tag:
            return f"{base} #{self.tag}" if base else f"#{self.tag}"
        return base or "all"

    def narrow(self, statement: Statement) -> Statement:
        """``statement`` (a select over cards) kept to this deck's cards."""
        if self.topic:
            in_topic = select(ClaimTopic.claim_id).where(ClaimTopic.topic_key == self.topic)
            statement = statement.where(col(Card.claim_id).in_(in_topic))
        if self.source:
            statement = statement.where(col(Card.source_slug) == self.source)
        if self.tag:
            tagged = select(CardTag.card_id).where(CardTag.tag == self.tag)
            statement = statement.where(col(Card.id).in_(tagged))
        return statement


ALL_CARDS = Deck()


def resolve_deck(session: Session, name: str | None, tag: str | None = None) -> Deck:
    """A deck named by a topic key or a source slug (topic first), narrowed to ``tag``
    if given; NotFound otherwise."""
    if tag:
        from dataclasses import replace

        from claims.study.tags import require_tag

        return replace(resolve_deck(session, name), tag=require_tag(session, tag))
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
    raise unknown("deck", name, topics=topics, sources=slugs)


def active() -> SelectOfScalar[Card]:
    return select(Card).where(Card.retired == false())


def _state_of(learner_id: int) -> ColumnElement[bool]:
    """Joins a card to this learner's state of it."""
    return and_(col(CardState.card_id) == col(Card.id), col(CardState.learner_id) == learner_id)


def _not_buried(now: datetime) -> ColumnElement[bool]:
    return or_(col(CardState.buried_until).is_(None), col(CardState.buried_until) <= now)


def learned_due(learner_id: int, deck: Deck, now: datetime) -> SelectOfScalar[Card]:
    """The learner's reviewed cards due at ``now``, most overdue first (not suspended,
    not buried)."""
    statement = (
        active().join(CardState, _state_of(learner_id))
        .where(col(CardState.introduced_at).is_not(None), col(CardState.suspended) == false(),
               col(CardState.due) <= now, _not_buried(now))
    )
    return deck.narrow(statement).order_by(col(CardState.due))


def _started(learner_id: int, now: datetime) -> ColumnElement[bool]:
    """The learner has a state for the card that keeps it out of the new queue: reviewed,
    suspended, or buried until later."""
    return (
        select(CardState.card_id).where(
            _state_of(learner_id),
            or_(col(CardState.introduced_at).is_not(None), col(CardState.suspended) == true(),
                col(CardState.buried_until) > now),
        ).exists()
    )


def new_cards(learner_id: int, deck: Deck, now: datetime,
              frontier: tuple[int, str] | None = None) -> SelectOfScalar[Card]:
    """Cards this learner never reviewed, in introduction order (curated first), from
    ``frontier`` on (every card before it is known to be started)."""
    statement = active().where(~_started(learner_id, now))
    if frontier is not None:
        statement = statement.where(tuple_(col(Card.priority), col(Card.id)) >= tuple_(*frontier))
    return deck.narrow(statement).order_by(col(Card.priority), col(Card.id))


# --- the new-card frontier ------------------------------------------------------------
# A learner introduces new cards in (priority, id) order, so the cards they started are
# mostly a prefix of that order. Looking for the first card without a state from the
# start would step over every started card (60,000 probes for a learner 60,000 cards
# in); each learner's frontier remembers where the unstarted cards begin.

_ALL_STARTED = "all-started"


def _cards_fingerprint(session: Session) -> str | None:
    from claims.study.cards import FINGERPRINT_KEY  # the sync's fingerprint of the cards

    meta = session.get(Meta, FINGERPRINT_KEY)
    return meta.value if meta else None


def frontier(session: Session, lid: int) -> tuple[int, str] | None | Literal[False]:
    """The learner's frontier (priority, id); None when unknown (cards changed since, or
    never computed); False when every card is started."""
    learner = session.get(Learner, lid)
    saved = learner.new_frontier if learner else None
    if not saved or saved.get("cards") != _cards_fingerprint(session):
        return None
    if saved.get(_ALL_STARTED):
        return False
    return int(saved["priority"]), str(saved["id"])


def advance_frontier(session: Session, lid: int) -> None:
    """Move the learner's frontier to their first unstarted card (flushes; the caller
    commits). Called when an answer starts a card; steps only over started cards."""
    learner = session.get(Learner, lid)
    if learner is None:
        return
    known = frontier(session, lid)
    if known is False:
        return
    introduced = select(CardState.card_id).where(
        _state_of(lid), col(CardState.introduced_at).is_not(None)).exists()
    statement = active().where(~introduced)
    if known is not None:
        statement = statement.where(
            tuple_(col(Card.priority), col(Card.id)) >= tuple_(known[0], known[1]))
    first = session.exec(statement.order_by(col(Card.priority), col(Card.id)).limit(1)).first()
    cards = _cards_fingerprint(session)
    learner.new_frontier = (
        {_ALL_STARTED: True, "cards": cards} if first is None
        else {"priority": first.priority, "id": first.id, "cards": cards}
    )
    session.add(learner)
    session.flush()


def forget_frontier(session: Session, lid: int) -> None:
    """A started card became new again (an undo): the frontier is no longer sure."""
    learner = session.get(Learner, lid)
    if learner is not None and learner.new_frontier is not None:
        learner.new_frontier = None
        session.add(learner)


def _introduced_today(learner_id: int, now: datetime) -> ColumnElement[bool]:
    start = day_start(now)
    introduced = col(CardState.introduced_at)
    return and_(col(CardState.learner_id) == learner_id, introduced.is_not(None),
                introduced >= start, introduced < start + timedelta(days=1))


def new_introduced_today(session: Session, learner_id: int, now: datetime) -> int:
    return session.exec(
        select(func.count()).select_from(CardState).where(_introduced_today(learner_id, now))
    ).one()


def next_card(
    session: Session, now: datetime, deck: Deck = ALL_CARDS,
    new_limit: int = DAILY_NEW_LIMIT, exclude: Collection[str] = (), *,
    learner: LearnerRef = None,
) -> Card | None:
    """The card to show ``learner`` now: a due card, else a new card while under
    ``new_limit`` today. ``exclude`` skips card ids (e.g. those already shown)."""
    now = require_utc(now)
    lid = learner_id(session, learner, create=False)
    due = learned_due(lid, deck, now)
    if exclude:
        due = due.where(col(Card.id).not_in(exclude))
    card = session.exec(due.limit(1)).first()
    if card is not None:
        return card
    if new_introduced_today(session, lid, now) >= new_limit:
        return None
    start = frontier(session, lid)
    if start is False:
        return None  # every card is started
    # Siblings wait: a claim already introduced today does not bring a second new card
    # (its multiple choice would give away its cloze).
    started = select(Card.claim_id).join(CardState, _state_of(lid)).where(
        _introduced_today(lid, now))
    after = start if isinstance(start, tuple) else None
    fresh = new_cards(lid, deck, now, after).where(col(Card.claim_id).not_in(started))
    if exclude:
        fresh = fresh.where(col(Card.id).not_in(exclude))
    return session.exec(fresh.limit(1)).first()


def counts(session: Session, now: datetime, deck: Deck = ALL_CARDS,
           new_limit: int = DAILY_NEW_LIMIT, *, learner: LearnerRef = None) -> dict[str, int]:
    """How many cards are due now for ``learner`` and how many new ones they may still
    start today."""
    lid = learner_id(session, learner, create=False)
    due = session.exec(
        select(func.count()).select_from(learned_due(lid, deck, now).order_by(None).subquery())
    ).one()
    new_total = session.exec(
        select(func.count()).select_from(new_cards(lid, deck, now).order_by(None).subquery())
    ).one()
    allowed = max(0, new_limit - new_introduced_today(session, lid, now))
    return {"due": due, "new": min(new_total, allowed), "new_total": new_total}
