"""``claims review`` in a real pseudo-terminal (pexpect), and two processes answering at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from claims.db import open_database
from claims.models import CardState, Learner, Review
from claims.study.cards import card_id, sync_cards
from study.helpers import NOW, build_mini_corpus

pexpect = pytest.importorskip("pexpect")
CLAIMS = Path(sys.executable).parent / "claims"


def _with_mini_corpus_and_cards(url: str) -> str:
    """Put the mini corpus and its cards in the database at ``url``; return ``url``."""
    engine = open_database(url)
    with Session(engine) as session:
        build_mini_corpus(session)
        sync_cards(session, NOW)
        session.commit()
    engine.dispose()
    return url


@pytest.fixture
def study_db(tmp_path: Path) -> str:
    """A SQLite file with the mini corpus and its cards."""
    return _with_mini_corpus_and_cards(f"sqlite:///{tmp_path / 'study.db'}")


def _reviews(url: str) -> list[Review]:
    engine = open_database(url)
    with Session(engine) as session:
        rows = list(session.exec(select(Review).order_by(Review.id)).all())
    engine.dispose()
    return rows


@pytest.mark.skipif(not CLAIMS.exists(), reason="the claims script is not installed in the venv")
def test_review_in_a_pty_then_ctrl_c_keeps_answers(study_db: str) -> None:
    child = pexpect.spawn(
        str(CLAIMS), ["--db", study_db, "review", "--now", NOW.isoformat()],
        encoding="utf-8", timeout=90, dimensions=(40, 160),
    )
    child.expect(r"Deck all: 0 due, 20 new today\.")
    child.expect("Answer: ")
    first_question = child.before
    child.sendline("a")
    child.expect(r"(Right|Wrong)\.")
    child.expect(r"Rating: again, hard, good, easy \[Enter = (again|hard|good|easy)\]: ")
    child.sendline("hard")
    child.expect(r"Next due \d{4}-\d\d-\d\d \d\d:\d\d UTC\.")
    child.expect("Answer: ")
    child.sendline("1996")
    child.expect("Rating")
    child.sendline("")
    child.expect("Answer: ")
    child.sendcontrol("c")
    child.expect(r"Reviewed 2 card\(s\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, first_question
    reviews = _reviews(study_db)
    assert [r.given for r in reviews] == ["a", "1996"]
    assert reviews[0].rating == 2  # the override typed at the prompt


@pytest.mark.skipif(not CLAIMS.exists(), reason="the claims script is not installed in the venv")
def test_review_ctrl_c_at_the_rating_prompt_keeps_the_answer(study_db: str) -> None:
    child = pexpect.spawn(
        str(CLAIMS), ["--db", study_db, "review", "--now", NOW.isoformat()],
        encoding="utf-8", timeout=90, dimensions=(40, 160),
    )
    child.expect("Answer: ")
    child.sendline("zzz")
    child.expect(r"Rating: again, hard, good, easy \[Enter = again\]: ")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    reviews = _reviews(study_db)
    assert [(r.given, r.rating, r.correct) for r in reviews] == [("zzz", 1, False)]


@pytest.mark.skipif(not CLAIMS.exists(), reason="the claims script is not installed in the venv")
def test_recorded_quiz_ctrl_c_keeps_the_answers_given(study_db: str) -> None:
    child = pexpect.spawn(
        str(CLAIMS), ["--db", study_db, "quiz", "--record", "--count", "3", "--seed", "1",
                      "--now", NOW.isoformat()],
        encoding="utf-8", timeout=90, dimensions=(40, 160),
    )
    child.expect("Answer: ")
    child.sendline("first")
    child.expect(r"(Right|Wrong)\.")
    child.expect("Answer: ")
    child.sendcontrol("c")
    child.expect(r"Answered 1 card\(s\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert [r.given for r in _reviews(study_db)] == ["first"]

WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from sqlmodel import Session
    from claims.db import open_database
    from claims.study.session import answer_card

    url, learner, name, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    cards = sys.argv[5:]
    engine = open_database(url)
    start = datetime(2026, 11, 23, 9, tzinfo=UTC)
    for i in range(rounds):
        with Session(engine) as session:
            for card in cards:
                answer_card(session, card, f"{name}-{i}", start + timedelta(minutes=i),
                            learner=learner)
                session.commit()  # this worker opened the session: it commits each answer
    print("done", name)
    """
)


def test_two_learners_in_four_processes_answering_at_once_lose_no_review(
    tmp_path: Path, db_url: str
) -> None:
    """Two processes per learner, all on the same two cards: every answer is logged under
    its learner, and each learner's state of a card is their own."""
    _with_mini_corpus_and_cards(db_url)
    shared = [card_id("surplus", "cloze"), card_id("forces", "cloze")]
    rounds = 10
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    workers = [("ana", "ana-left"), ("ana", "ana-right"), ("bo", "bo-left"), ("bo", "bo-right")]
    procs = [
        subprocess.Popen([sys.executable, str(script), db_url, learner, name, str(rounds),
                          *shared], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for learner, name in workers
    ]
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    engine = open_database(db_url)
    with Session(engine) as session:
        names = dict(session.exec(select(Learner.id, Learner.name)).all())
        per_learner_card = {
            (names[lid], cid): n for lid, cid, n in session.exec(
                select(Review.learner_id, Review.card_id, func.count())
                .group_by(Review.learner_id, Review.card_id)).all()
        }
        givens = {r.given for r in session.exec(select(Review)).all()}
        states = session.exec(select(CardState)).all()
    engine.dispose()
    assert per_learner_card == {
        (who, cid): 2 * rounds for who in ("ana", "bo") for cid in shared
    }
    assert len(givens) == 4 * rounds
    assert sorted((names[s.learner_id], s.card_id) for s in states) == sorted(
        (who, cid) for who in ("ana", "bo") for cid in shared)
    assert all(s.introduced_at is not None for s in states)


@pytest.mark.skipif(not CLAIMS.exists(), reason="the claims script is not installed in the venv")
def test_review_asks_again_for_an_answer_no_person_typed(study_db: str) -> None:
    child = pexpect.spawn(
        str(CLAIMS), ["--db", study_db, "review", "--now", NOW.isoformat()],
        encoding="utf-8", timeout=90, dimensions=(40, 160),
    )
    child.expect("Answer: ")
    child.sendline("9" * 600)
    child.expect(r"the answer is 600 characters long; an answer has at most 500: type the "
                 r"answer itself")
    child.expect("Answer: ")  # the same card, asked again; nothing recorded
    child.sendintr()
    child.expect(pexpect.EOF)
    assert _reviews(study_db) == []
