"""Migration 0002 on a database written by the previous release (git commit 9f6a447).

The previous release's own code writes the database (tests/study/previous_release/
write_database.py, run from a ``git archive`` of that commit), on SQLite and, when
CLAIMS_TEST_DATABASE_URL is set, on PostgreSQL. Opening it with this version migrates
it; nothing may be lost: every review, every card state (a retired card's too) and
the saved FSRS parameters belong to the default learner afterwards.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from claims.db import current_revision, open_database
from claims.db.migrations import head_revision
from claims.errors import UsageError
from claims.models import CardState, Learner, Meta, Review
from claims.study import controls, queue
from claims.study.cards import card_id
from claims.study.learners import default_learner_name
from claims.study.session import answer_card, get_state

PREVIOUS_RELEASE = "9f6a447"
REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve().parent / "previous_release" / "write_database.py"
ARCHIVED = ["claims", "data", "seeds", "tests/study/__init__.py", "tests/study/helpers.py"]


@pytest.fixture(scope="module")
def previous_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The previous release's code, unpacked from git (skips if history is missing)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot get the previous release's code")
    found = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{PREVIOUS_RELEASE}^{{commit}}"],
                           capture_output=True)
    if found.returncode != 0:
        pytest.skip(f"commit {PREVIOUS_RELEASE} (the previous release) is not in this clone's "
                    "history: fetch the full history to run the migration test")
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar",
                              PREVIOUS_RELEASE, *ARCHIVED], capture_output=True, check=True)
    folder = tmp_path_factory.mktemp("previous-release")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def old_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL of each kind (PostgreSQL: a schema of its own)."""
    from conftest import _drop_postgres_schema, _fresh_postgres_schema, _postgres_url

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'previous.db'}"
        return
    base = _postgres_url()
    if not base:
        pytest.skip("set CLAIMS_TEST_DATABASE_URL to a PostgreSQL URL to run this test")
    schema = f"t_prev_{uuid.uuid4().hex[:10]}"
    yield _fresh_postgres_schema(base, schema)
    _drop_postgres_schema(base, schema)


def _write_with_previous_release(code: Path, url: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), str(code / "tests")])}
    done = subprocess.run([sys.executable, str(WRITER), url], cwd=code, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    written: dict[str, Any] = json.loads(done.stdout)
    return written


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def test_migration_keeps_every_review_and_state_for_the_default_learner(
    previous_release: Path, old_url: str
) -> None:
    old = _write_with_previous_release(previous_release, old_url)
    assert len(old["reviews"]) == 5  # the writer did write a history

    engine = open_database(old_url)  # migrates 0001 -> head
    try:
        assert current_revision(engine) == head_revision()  # 0001 -> every later one
        with Session(engine) as session:
            learners = session.exec(select(Learner)).all()
            assert [learner.name for learner in learners] == [default_learner_name()]
            me = learners[0]
            assert me.fsrs_parameters is not None and me.fsrs_parameters[0] == 1.0
            assert session.get(Meta, "study.fsrs_parameters") is None  # moved, not copied

            reviews = session.exec(select(Review).order_by(Review.id)).all()
            assert [
                {"id": r.id, "card_id": r.card_id, "reviewed_at": r.reviewed_at.isoformat(),
                 "rating": r.rating, "given": r.given, "correct": r.correct}
                for r in reviews
            ] == old["reviews"]
            assert {r.learner_id for r in reviews} == {me.id}

            started = {cid: c for cid, c in old["cards"].items() if c["introduced_at"]}
            states = {s.card_id: s for s in session.exec(select(CardState))}
            assert set(states) == set(started)
            for cid, before in started.items():
                after = states[cid]
                assert after.learner_id == me.id
                assert (after.state, after.step, after.stability, after.difficulty) == (
                    before["state"], before["step"], before["stability"], before["difficulty"])
                assert (after.due, after.last_review, after.introduced_at) == (
                    _moment(before["due"]), _moment(before["last_review"]),
                    _moment(before["introduced_at"]))
                assert not after.suspended and after.buried_until is None

            retired = card_id("budget", "cloze")
            assert old["cards"][retired]["retired"] and retired in states  # history kept

            # The migrated learner carries on where they were; a new learner starts afresh.
            later = datetime.fromisoformat(old["reviews"][-1]["reviewed_at"]) + timedelta(days=30)
            due = queue.next_card(session, later, new_limit=0)
            assert due is not None and due.id in started and due.id != retired
            answer_card(session, due.id, "x", later)
            assert queue.next_card(session, later, new_limit=0, learner="newcomer") is None
            session.commit()
            state = get_state(session, me.id or 0, due.id)
            assert state is not None and state.last_review == later
            # the answer just given can be undone; one logged by the old release kept no
            # earlier state, so undoing it is refused with a reason
            controls.undo_last(session, later)
            with pytest.raises(UsageError, match="logged before this version"):
                controls.undo_last(session, later)
    finally:
        engine.dispose()


def test_downgrade_to_0001_puts_the_first_learners_progress_back_in_card(
    old_url: str,
) -> None:
    """The way back: head -> 0001 keeps the first learner's states and reviews (every
    migration after 0001 has a downgrade)."""
    from alembic import command

    from claims.db.engine import _alembic_config
    from claims.study.cards import sync_cards
    from claims.study.session import answer_card as answer
    from study.helpers import NOW, build_mini_corpus

    engine = open_database(old_url)
    try:
        with Session(engine) as session:
            build_mini_corpus(session)
            sync_cards(session, NOW)
            answer(session, card_id("surplus", "cloze"), "$49B", NOW, learner="ana")
            answer(session, card_id("forces", "cloze"), "12", NOW, learner="bo")
            session.commit()
        with engine.begin() as connection:
            command.downgrade(_alembic_config(connection), "0001")
        with engine.connect() as connection:
            started = connection.exec_driver_sql(
                "SELECT id FROM card WHERE introduced_at IS NOT NULL").all()
            reviews = connection.exec_driver_sql("SELECT card_id, given FROM review").all()
        assert [row[0] for row in started] == [card_id("surplus", "cloze")]
        assert [tuple(row) for row in reviews] == [(card_id("surplus", "cloze"), "$49B")]
    finally:
        engine.dispose()
    again = open_database(old_url)  # and up again
    try:
        assert current_revision(again) == head_revision()
    finally:
        again.dispose()
