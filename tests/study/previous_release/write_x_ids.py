# mypy: ignore-errors
"""Build the bundled corpus and study it with the code of commit 6e8f88b, the last one
whose extracted claims had ``x-`` ids (claims.ingest.ids before readable ids).

Run by tests/study/test_readable_ids.py in a subprocess whose PYTHONPATH is a
``git archive 6e8f88b`` of the repository.

    python write_x_ids.py URL   # prints what it wrote, as JSON, on stdout
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from claims.db import open_database
from claims.ingest.corpus import build_bundled
from claims.models import Card, CardState, Review
from claims.study.cards import ensure_cards
from claims.study.session import answer_card

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def main(url: str) -> None:
    engine = open_database(url)
    build_bundled(engine)
    with Session(engine) as session:
        ensure_cards(session, NOW)
        session.commit()
        cards = session.exec(select(Card).where(Card.claim_id.startswith("x-"))
                             .order_by(Card.id)).all()[:3]
        for minutes, card in enumerate(cards):
            answer_card(session, card.id, card.answer, NOW + timedelta(minutes=minutes))
            session.commit()
        written = {
            "cards": {card.id: card.claim_id for card in cards},
            "reviews": [[r.card_id, r.given] for r in session.exec(select(Review).order_by(Review.id))],
            "states": {s.card_id: s.stability for s in session.exec(select(CardState))},
        }
    engine.dispose()
    json.dump(written, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
