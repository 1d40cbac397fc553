# mypy: ignore-errors
"""Write a study database with the PREVIOUS release's code (git commit 9f6a447).

Run by tests/study/test_migration.py in a subprocess whose PYTHONPATH is a
``git archive 9f6a447`` of the repository (its ``claims`` package and its
``tests/study/helpers.py``), so every row is written by that release: the schema at
revision 0001, FSRS state in the ``card`` row, reviews without a learner.

    python write_database.py URL   # prints what it wrote, as JSON, on stdout

It writes the study test corpus, answers five times on three cards (one card twice,
one failed), saves FSRS parameters, then removes a claim that has a reviewed card, so
that card is retired with its history.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta

import fsrs
from sqlmodel import Session, select

from claims.db import open_database
from claims.models import Card, Claim, Review
from claims.study import scheduler
from claims.study.cards import card_id, sync_cards
from claims.study.session import answer_card
from study.helpers import NOW, build_mini_corpus

ANSWERS = [  # (claim, card kind, answer, minutes after NOW)
    ("surplus", "cloze", "$49 billion", 0),
    ("forces", "cloze", "12", 1),
    ("budget", "cloze", "$33 billion", 2),
    ("surplus", "cloze", "49 billion dollars", 10),
    ("forces", "cloze", "45,000", 11),
]
RETIRED_CLAIM = "budget"
PARAMETERS_FIRST = 1.0


def _iso(moment):
    return moment.isoformat() if moment is not None else None


def main(url: str) -> None:
    engine = open_database(url)
    with Session(engine) as session:
        build_mini_corpus(session)
        sync_cards(session, NOW)
        session.commit()
        for claim, kind, given, minutes in ANSWERS:
            answer_card(session, card_id(claim, kind), given, NOW + timedelta(minutes=minutes))
            session.commit()
        parameters = list(fsrs.Scheduler().parameters)
        parameters[0] = PARAMETERS_FIRST
        scheduler.save_parameters(session, parameters)
        session.delete(session.get(Claim, RETIRED_CLAIM))
        session.commit()
        sync_cards(session, NOW)
        session.commit()
        reviews = [
            {"id": r.id, "card_id": r.card_id, "reviewed_at": _iso(r.reviewed_at),
             "rating": r.rating, "given": r.given, "correct": r.correct}
            for r in session.exec(select(Review).order_by(Review.id))
        ]
        cards = {
            c.id: {"state": c.state, "step": c.step, "stability": c.stability,
                   "difficulty": c.difficulty, "due": _iso(c.due),
                   "last_review": _iso(c.last_review), "introduced_at": _iso(c.introduced_at),
                   "retired": c.retired}
            for c in session.exec(select(Card).order_by(Card.id))
        }
    engine.dispose()
    json.dump({"reviews": reviews, "cards": cards, "parameters": parameters}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
