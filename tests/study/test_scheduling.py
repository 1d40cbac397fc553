"""FSRS through our tables: golden intervals, the append-only log, the queue and its limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select

from claims.models import Card, Review
from claims.study import queue, scheduler
from claims.study.cards import card_id, sync_cards
from claims.study.learners import learner_id
from claims.study.session import answer_card, check, get_state, quiz_cards
from study.helpers import NOW, MiniCorpus


@pytest.fixture
def synced(session: Session, mini: MiniCorpus) -> Session:
    sync_cards(session, NOW)
    session.commit()
    return session


def test_golden_intervals_good_good_good_good_again_good(synced: Session) -> None:
    """Fuzz off, UTC: the intervals py-fsrs 6 gives with its default parameters."""
    cid = card_id("surplus", "cloze")
    moment, seen = NOW, []
    for rating in (3, 3, 3, 3, 1, 3):
        outcome = answer_card(synced, cid, "x", moment, rating=rating)
        assert outcome.due is not None
        state = get_state(synced, learner_id(synced, None), cid)
        assert state is not None
        seen.append((rating, state.state, outcome.due - moment))
        moment = outcome.due
    assert seen == [
        (3, 1, timedelta(minutes=10)),
        (3, 2, timedelta(days=2)),
        (3, 2, timedelta(days=11)),
        (3, 2, timedelta(days=46)),
        (1, 3, timedelta(minutes=10)),
        (3, 2, timedelta(days=3)),
    ]
    log = synced.exec(select(Review).where(Review.card_id == cid).order_by(Review.id)).all()
    assert [r.rating for r in log] == [3, 3, 3, 3, 1, 3]
    assert log[0].reviewed_at == NOW


def test_retrievability_comes_from_fsrs(synced: Session) -> None:
    cid = card_id("forces", "cloze")
    answer_card(synced, cid, "45,000", NOW, rating=3)
    answer_card(synced, cid, "45,000", NOW + timedelta(minutes=10), rating=3)
    lid = learner_id(synced, None)
    state = get_state(synced, lid, cid)
    assert state is not None
    sched = scheduler.make_scheduler(synced, lid)
    assert scheduler.retrievability(sched, state, NOW + timedelta(minutes=20)) == 1.0
    later = scheduler.retrievability(sched, state, NOW + timedelta(days=30))
    assert later is not None and 0.5 < later < 0.9
    new = get_state(synced, lid, card_id("budget", "cloze"))
    assert new is None and scheduler.retrievability(sched, new, NOW) is None


def test_naive_datetimes_are_refused(synced: Session) -> None:
    with pytest.raises(ValueError, match="datetime must be timezone-aware and set to UTC"):
        answer_card(synced, card_id("surplus", "cloze"), "x", datetime(2026, 11, 23))


def test_queue_due_first_then_new_within_the_daily_limit(synced: Session) -> None:
    first = queue.next_card(synced, NOW, new_limit=2)
    assert first is not None and get_state(synced, learner_id(synced, None), first.id) is None
    answer_card(synced, first.id, "wrong", NOW)  # Again: due in a minute
    second = queue.next_card(synced, NOW, new_limit=2)
    assert second is not None and second.id != first.id
    answer_card(synced, second.id, "wrong", NOW + timedelta(seconds=30))
    assert queue.next_card(synced, NOW, new_limit=2) is None  # limit reached, nothing due
    later = queue.next_card(synced, NOW + timedelta(minutes=5), new_limit=2)
    assert later is not None and later.id == first.id  # due cards come back, oldest first
    tomorrow = NOW + timedelta(days=1)
    assert queue.counts(synced, tomorrow, new_limit=2) == {"due": 2, "new": 2, "new_total": 19}


def test_new_cards_come_curated_first_and_siblings_wait(synced: Session) -> None:
    shown = []
    for _ in range(20):
        card = queue.next_card(synced, NOW, new_limit=100)
        if card is None:
            break
        shown.append(card)
        answer_card(synced, card.id, card.answer, NOW, rating=4)  # Easy: out for days
    claims = [c.claim_id for c in shown]
    assert len(claims) == len(set(claims)), "one new card per claim per day"
    assert len(shown) == 12  # thirteen claims; equal-1996 only shares junior-1993's compare card
    priorities = [c.priority for c in shown]
    assert priorities == sorted(priorities)


def test_decks_by_topic_and_by_source(synced: Session) -> None:
    deck = queue.resolve_deck(synced, "okinawa")
    assert deck == queue.Deck(topic="okinawa")
    card = queue.next_card(synced, NOW, deck)
    assert card is not None and card.claim_id in {"acreage", "decrease", "returns-1972"}
    by_source = queue.resolve_deck(synced, "manning-1993")
    assert by_source == queue.Deck(source="manning-1993")
    card = queue.next_card(synced, NOW, by_source)
    assert card is not None and card.source_slug == "manning-1993"


def test_retired_cards_are_never_picked(synced: Session) -> None:
    for card in synced.exec(select(Card)).all():
        card.retired = card.claim_id != "support"
    synced.commit()
    picked = queue.next_card(synced, NOW)
    assert picked is not None and picked.claim_id == "support"


def test_quiz_draw_is_seeded(synced: Session) -> None:
    one = [c.id for c in quiz_cards(synced, count=5, seed=42)]
    two = [c.id for c in quiz_cards(synced, count=5, seed=42)]
    other = [c.id for c in quiz_cards(synced, count=5, seed=43)]
    assert one == two and one != other
    assert {c.kind for c in quiz_cards(synced, count=50, mode="year", seed=1)} == {"year"}
    assert len(quiz_cards(synced, count=50, mode="year", seed=1)) == 1  # one date: 1972


def test_optimize_says_clearly_when_torch_is_absent(synced: Session) -> None:
    from claims.errors import ClaimsError

    if scheduler.optimizer_available():
        pytest.skip("torch is installed here")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(3):
        answer_card(synced, card_id("surplus", "cloze"), "x", start + timedelta(days=i))
    with pytest.raises(ClaimsError) as info:
        scheduler.optimize(synced, learner_id(synced, None), min_reviews=3)
    assert info.value.message == "the FSRS optimiser is not installed (it needs torch)"
    assert info.value.hint == "pip install 'claims[optimizer]'"


def test_saved_parameters_are_used(synced: Session) -> None:
    import fsrs

    params = list(fsrs.Scheduler().parameters)
    params[0] = 1.0  # a different initial stability for Again
    ana, bo = learner_id(synced, "ana"), learner_id(synced, "bo")
    scheduler.save_parameters(synced, ana, params)
    assert scheduler.make_scheduler(synced, ana).parameters[0] == 1.0
    assert scheduler.make_scheduler(synced, bo).parameters[0] != 1.0  # parameters are per learner


def _plan(session: Session, statement: Any) -> str:
    from sqlalchemy.dialects import sqlite

    sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
    return " | ".join(row[-1] for row in rows)


def test_next_card_queries_use_the_partial_indexes(synced: Session) -> None:
    """The speed of next-card selection rests on these plans (see the benchmark)."""
    if synced.get_bind().dialect.name != "sqlite":
        pytest.skip("query plans checked on SQLite")
    due = _plan(synced, queue.learned_due(1, queue.ALL_CARDS, NOW).limit(1))
    assert "USING INDEX ix_card_state_due" in due and "TEMP B-TREE" not in due
    new = _plan(synced, queue.new_cards(1, queue.ALL_CARDS, NOW).limit(1))
    assert "USING INDEX ix_card_new_order" in new and "TEMP B-TREE" not in new


def test_migration_matches_the_card_and_review_models(engine: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    ours = [d for d in diff if "card" in str(d) or "review" in str(d)]
    assert ours == []


def test_a_review_run_brings_a_missed_card_back_before_it_ends(synced: Session) -> None:
    from claims.study.session import ReviewRun

    run = ReviewRun(synced, lambda: NOW, new_limit=1)
    card = run.next_card()
    assert card is not None
    run.record(card, "wrong", check(card, "wrong"))  # Again: due in a minute
    again = run.next_card()
    assert again is not None and again.id == card.id  # shown early: nothing else is due
    run.record(again, again.answer, check(again, again.answer), rating=3)  # Good: 10 minutes
    third = run.next_card()
    assert third is not None and third.id == card.id
    run.record(third, third.answer, check(third, third.answer), rating=3)  # graduates: days
    assert run.next_card() is None
    assert run.summary() == {"answered": 3, "correct": 2, "percent": 67}
