"""Plain exports: cards as CSV for Anki and Quizlet, and claims with their sources as JSON.

CSV rows are ``front,back,tags`` with no header row: Anki's "Import File" maps the
three columns to Front, Back and Tags (tags separated by spaces); Quizlet's import
takes the first two columns as term and definition when "Between term and definition"
is set to Comma. Choices are written on the front, one per line (a) b) ...), and the
citation is on the back.
"""

from __future__ import annotations

import csv
from datetime import datetime
from typing import Any, TextIO

from sqlmodel import Session, col, select

from claims.models import Card, CardState, Claim, Source
from claims.study import queue
from claims.study.anki import topics_by_claim
from claims.study.cards import citation
from claims.study.session import card_to_public


def _front(card: Card) -> str:
    lines = [card.question]
    lines += [f"{letter}) {choice}" for letter, choice in zip("abcdefgh", card.choices or [],
                                                              strict=False)]
    return "\n".join(lines)


def csv_rows(session: Session, deck: queue.Deck = queue.ALL_CARDS) -> list[list[str]]:
    """``[front, back, tags]`` for every active card of ``deck``."""
    sources = {s.slug: s for s in session.exec(select(Source)).all()}
    topics = topics_by_claim(session)
    rows = []
    cards = session.exec(deck.narrow(queue.active()).order_by(Card.source_slug, Card.id)).all()
    for card in cards:
        source = sources.get(card.source_slug or "")
        back = card.answer + (f"\n\n{citation(source)}" if source else "")
        tags = [f"topic::{t}" for t in topics.get(card.claim_id, [])]
        tags += [f"source::{card.source_slug}"] if card.source_slug else []
        tags.append(f"kind::{card.kind}")
        rows.append([_front(card), back, " ".join(tags)])
    return rows


def write_csv(rows: list[list[str]], stream: TextIO, header: bool = False) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    if header:
        writer.writerow(["front", "back", "tags"])
    writer.writerows(rows)


def json_export(session: Session, now: datetime, with_cards: bool = True,
                learner_id: int = 0) -> dict[str, Any]:
    """``{exported_at, sources: [...], claims: [...], cards: [...]}`` in the contract shapes;
    each card's state and due date are ``learner_id``'s (new for a learner not stored)."""
    from claims.serialize import claim_to_public, source_to_public

    sources = session.exec(select(Source).order_by(Source.date, Source.slug)).all()
    slugs = {s.id: s.slug for s in sources}
    topics = topics_by_claim(session)
    claims = session.exec(
        select(Claim).order_by(col(Claim.source_id), col(Claim.start), col(Claim.id))
    ).all()
    data: dict[str, Any] = {
        "exported_at": now.isoformat(timespec="seconds"),
        "sources": [source_to_public(s) for s in sources],
        "claims": [claim_to_public(c, slugs.get(c.source_id, ""), topics.get(c.id, []))
                   for c in claims],
    }
    if with_cards:
        cards = session.exec(queue.active().order_by(Card.id)).all()
        states = {state.card_id: state for state in session.exec(
            select(CardState).where(CardState.learner_id == learner_id))}
        data["cards"] = [card_to_public(c, states.get(c.id)) for c in cards]
    return data
