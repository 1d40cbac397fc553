"""Next-card selection with 100,000 cards and 1,000,000 reviews (pytest-benchmark).

The database is built once with bulk inserts and cached under the system temp dir
(``claims-bench/``), keyed by the schema, so later runs start at once. 60 % of the
cards have been reviewed (due dates spread from a month ago to a year ahead), 40 %
are new; the reviews are spread over the reviewed cards.

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
from claims.models import Card, Review
from claims.study import queue

CARDS = 100_000
REVIEWS = 1_000_000
REVIEWED_SHARE = 0.6
SOURCES = 20
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
KINDS = ("cloze", "choice", "source", "year", "compare")


def _schema_key() -> str:
    migration = Path(__file__).resolve().parents[2] / "claims/db/migrations/versions/0001_initial.py"
    return hashlib.sha1(migration.read_bytes()).hexdigest()[:10]


def _build(path: Path) -> None:
    engine = open_database(f"sqlite:///{path}")
    rng = random.Random(6)
    reviewed = int(CARDS * REVIEWED_SHARE)
    cards = []
    for i in range(CARDS):
        seen = i < reviewed
        due = NOW + timedelta(minutes=rng.randint(-30 * 1440, 365 * 1440)) if seen else NOW
        cards.append({
            "id": f"{i:010x}-{KINDS[i % 5]}", "claim_id": f"claim-{i // 3}",
            "source_slug": f"source-{i % SOURCES}", "kind": KINDS[i % 5],
            "question": f"Question {i}?", "answer": f"{i}", "choices": None,
            "spec": {"type": "text", "text": str(i)}, "priority": i % 2,
            "state": 2 if seen else 1, "step": None if seen else 0,
            "stability": rng.uniform(1, 100) if seen else None,
            "difficulty": rng.uniform(1, 10) if seen else None,
            "due": due, "last_review": NOW - timedelta(days=1) if seen else None,
            "introduced_at": NOW - timedelta(days=rng.randint(1, 400)) if seen else None,
            "retired": i % 97 == 0, "created_at": NOW - timedelta(days=400),
        })
    with engine.begin() as connection:
        connection.execute(insert(Card), cards)
        batch = []
        for n in range(REVIEWS):
            batch.append({
                "card_id": cards[n % reviewed]["id"],
                "reviewed_at": NOW - timedelta(minutes=n % (400 * 1440)),
                "rating": 1 + n % 4, "given": None, "correct": n % 4 != 0, "duration_ms": None,
            })
            if len(batch) == 100_000:
                connection.execute(insert(Review), batch)
                batch = []
        if batch:
            connection.execute(insert(Review), batch)
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()


@pytest.fixture(scope="module")
def big_session() -> Iterator[Session]:
    folder = Path(tempfile.gettempdir()) / "claims-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"study-{CARDS}-{REVIEWS}-{_schema_key()}.db"
    if not path.exists():
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        _build(partial)
        partial.rename(path)
    engine = open_database(f"sqlite:///{path}")
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Card)).one() == CARDS
        assert session.exec(select(func.count()).select_from(Review)).one() == REVIEWS
        yield session
    engine.dispose()


def test_next_due_card(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    card = benchmark(queue.next_card, big_session, NOW)
    assert card is not None and card.introduced_at is not None and card.due <= NOW


def test_next_new_card_when_nothing_is_due(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    early = NOW - timedelta(days=500)  # before every due date: only new cards qualify
    card = benchmark(queue.next_card, big_session, early)
    assert card is not None and card.introduced_at is None and not card.retired


def test_next_card_in_a_source_deck(benchmark, big_session: Session) -> None:  # type: ignore[no-untyped-def]
    deck = queue.Deck(source="source-7")
    card = benchmark(queue.next_card, big_session, NOW, deck)
    assert card is not None and card.source_slug == "source-7"
