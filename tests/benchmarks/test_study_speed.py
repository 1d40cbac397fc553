"""Next-card selection with 100,000 cards, 1,000,000 reviews and 50 learners (pytest-benchmark).

The database is built once with bulk inserts and cached under the system temp dir
(``claims-bench/``), keyed by the schema, so later runs start at once. The measured
learner has reviewed 60 % of the cards (the first ones in introduction order, as a
learner who takes new cards in order would; due dates spread from a month ago to a
year ahead); 49 other learners have reviewed 1,000 random cards each. The reviews are
spread over the learners' reviewed cards, four in five the measured learner's.

Run: .venv/bin/pytest tests/benchmarks/test_study_speed.py --benchmark-only
"""

from __future__ import annotations

import hashlib
import random
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlmodel import Session, func, select

from claims.db import open_database
from claims.models import Card, CardState, Learner, Review
from claims.study import queue
from claims.study.session import get_state

CARDS = 100_000
REVIEWS = 1_000_000
LEARNERS = 50
OTHERS_REVIEWED = 1_000  # cards each other learner has started
REVIEWED_SHARE = 0.6
SOURCES = 20
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
KINDS = ("cloze", "choice", "source", "year", "compare")
ME = 1  # the measured learner's id


def _schema_key() -> str:
    versions = Path(__file__).resolve().parents[2] / "claims/db/migrations/versions"
    digest = hashlib.sha1()
    for migration in sorted(versions.glob("*.py")):
        digest.update(migration.read_bytes())
    return digest.hexdigest()[:10]


def _state(rng: random.Random, learner: int, card: str) -> dict[str, object]:
    return {
        "learner_id": learner, "card_id": card, "state": 2, "step": None,
        "stability": rng.uniform(1, 100), "difficulty": rng.uniform(1, 10),
        "due": NOW + timedelta(minutes=rng.randint(-30 * 1440, 365 * 1440)),
        "last_review": NOW - timedelta(days=1),
        "introduced_at": NOW - timedelta(days=rng.randint(1, 400)),
        "suspended": False, "buried_until": None,
    }


def _build(path: Path) -> None:
    engine = open_database(f"sqlite:///{path}")
    rng = random.Random(6)
    reviewed = int(CARDS * REVIEWED_SHARE)
    cards = [{
        "id": f"{i:010x}-{KINDS[i % 5]}", "claim_id": f"claim-{i // 3}",
        "source_slug": f"source-{i % SOURCES}", "kind": KINDS[i % 5],
        "question": f"Question {i}?", "answer": f"{i}", "choices": None,
        "spec": {"type": "text", "text": str(i)}, "priority": i % 2,
        "retired": i % 97 == 0, "created_at": NOW - timedelta(days=400),
    } for i in range(CARDS)]
    ids = [card["id"] for card in cards]
    started = {ME: ids[:reviewed]}
    for learner in range(2, LEARNERS + 1):
        started[learner] = rng.sample(ids, OTHERS_REVIEWED)
    with engine.begin() as connection:
        connection.execute(insert(Learner), [
            {"id": n, "name": "me" if n == ME else f"learner-{n}", "created_at": NOW}
            for n in range(1, LEARNERS + 1)])
        connection.execute(insert(Card), cards)
        connection.execute(insert(CardState), [
            _state(rng, learner, card) for learner, chosen in started.items() for card in chosen])
        batch = []
        for n in range(REVIEWS):
            learner = ME if n % 5 else 2 + n % (LEARNERS - 1)
            chosen = started[learner]
            batch.append({
                "learner_id": learner, "card_id": chosen[n % len(chosen)],
                "reviewed_at": NOW - timedelta(minutes=n % (400 * 1440)),
                "rating": 1 + n % 4, "given": None, "correct": n % 4 != 0, "duration_ms": None,
            })
            if len(batch) == 100_000:
                connection.execute(insert(Review), batch)
                batch = []
        if batch:
            connection.execute(insert(Review), batch)
        connection.exec_driver_sql("ANALYZE")
    with Session(engine) as session:  # as the measured learner's answers would have left it
        for learner in range(1, LEARNERS + 1):
            queue.advance_frontier(session, learner)
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def big_session() -> Iterator[Session]:
    folder = Path(tempfile.gettempdir()) / "claims-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"study-{CARDS}-{REVIEWS}-{LEARNERS}-{_schema_key()}.db"
    if not path.exists():
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        _build(partial)
        partial.rename(path)
    engine = open_database(f"sqlite:///{path}")
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Card)).one() == CARDS
        assert session.exec(select(func.count()).select_from(Review)).one() == REVIEWS
        assert session.exec(select(func.count()).select_from(Learner)).one() == LEARNERS
        yield session
    engine.dispose()


def test_next_due_card(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    card = benchmark(queue.next_card, big_session, NOW, learner=ME)
    state = get_state(big_session, ME, card.id) if card else None
    assert state is not None and state.introduced_at is not None and state.due <= NOW


def test_next_new_card_when_nothing_is_due(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    early = NOW - timedelta(days=500)  # before every due date: only new cards qualify
    card = benchmark(queue.next_card, big_session, early, learner=ME)
    assert card is not None and get_state(big_session, ME, card.id) is None and not card.retired


def test_next_card_in_a_source_deck(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    deck = queue.Deck(source="source-7")
    card = benchmark(queue.next_card, big_session, NOW, deck, learner=ME)
    assert card is not None and card.source_slug == "source-7"


def test_next_card_of_a_learner_with_few_reviews(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    card = benchmark(queue.next_card, big_session, NOW, learner=7)
    assert card is not None
