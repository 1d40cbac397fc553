"""Edited cards: a person's own wording of a card's question or answer.

Edits are shared, like the card: the natural reading of "edit a card" on a class
database is a teacher fixing it for everyone, and a card's text is the same for all
learners (their progress is what is personal). An edit is stored apart from the
generated text (``card_edit``), by card id, and laid over the card after every sync
(:func:`apply_edits`), so a rebuild that regenerates the text keeps the edit. When the
claim's sentence changes, the edit is kept but flagged (``stale``) for a person to look
at again. On a card checked as words (``text`` spec), an edited answer is what is
checked; on a figure, year, source or yes/no card the answer is still checked by its
rule (the agreement rule for figures), and the edit changes the words shown.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from claims.errors import UsageError
from claims.models import Card, CardEdit, Claim
from claims.study.learners import LearnerRef, learner_id
from claims.study.session import get_card


def _claim_sentence(session: Session, card: Card) -> str | None:
    claim = session.get(Claim, card.claim_id)
    return claim.sentence if claim else None


def _lay_over(card: Card, edit: CardEdit) -> bool:
    """Put the edit's texts on the card; True if anything changed."""
    changed = False
    if edit.question is not None and card.question != edit.question:
        edit.generated_question = card.question
        card.question = edit.question
        changed = True
    if edit.answer is not None and card.answer != edit.answer:
        edit.generated_answer = card.answer
        card.answer = edit.answer
        changed = True
    if edit.answer is not None and (card.spec or {}).get("type") == "text" \
            and card.spec.get("text") != edit.answer:  # type: ignore[union-attr]
        card.spec = {**(card.spec or {}), "text": edit.answer}
        changed = True
    return changed


def edit_card(session: Session, card_id: str, now: datetime, *, question: str | None = None,
              answer: str | None = None, learner: LearnerRef = None) -> dict[str, Any]:
    """Set a card's question and/or answer (shared by every learner); returns the edit."""
    if question is None and answer is None:
        raise UsageError("nothing to edit", hint="give `question` or `answer` (or both)")
    for name, text in (("question", question), ("answer", answer)):
        if text is not None and not text.strip():
            raise UsageError(f"an edited {name} cannot be empty")
    card = get_card(session, card_id)
    edit = session.get(CardEdit, card.id) or CardEdit(card_id=card.id)
    if question is not None:
        edit.question = question.strip()
    if answer is not None:
        edit.answer = answer.strip()
    edit.claim_sentence = _claim_sentence(session, card)
    edit.edited_by = learner_id(session, learner)
    edit.edited_at = now
    _lay_over(card, edit)
    session.add_all([edit, card])
    session.flush()
    return describe(session, card, edit)


def clear_edit(session: Session, card_id: str) -> dict[str, Any]:
    """Drop a card's edit and put the generated texts back."""
    card = get_card(session, card_id)
    edit = session.get(CardEdit, card.id)
    if edit is None:
        raise UsageError(f"card {card.id!r} has no edit to clear")
    if edit.question is not None and edit.generated_question is not None:
        card.question = edit.generated_question
    if edit.answer is not None and edit.generated_answer is not None:
        card.answer = edit.generated_answer
        if (card.spec or {}).get("type") == "text":
            card.spec = {**(card.spec or {}), "text": edit.generated_answer}
    session.delete(edit)
    session.add(card)
    session.flush()
    return {"card_id": card.id, "question": card.question, "answer": card.answer,
            "edited": False}


def apply_edits(session: Session) -> int:
    """Lay every edit over its card again (after a sync rewrote the generated text);
    returns how many cards changed. Cheap when nothing did: one query over the edits."""
    changed = 0
    rows = session.exec(select(CardEdit, Card).join(Card, col(Card.id) == col(CardEdit.card_id)))
    for edit, card in rows.all():
        if _lay_over(card, edit):
            session.add_all([edit, card])
            changed += 1
    if changed:
        session.flush()
    return changed


def describe(session: Session, card: Card, edit: CardEdit) -> dict[str, Any]:
    """An edit as JSON: the texts, who and when, and ``stale`` when the claim changed."""
    return {
        "card_id": card.id, "question": card.question, "answer": card.answer, "edited": True,
        "stale": edit.claim_sentence != _claim_sentence(session, card),
        "edited_at": edit.edited_at.isoformat(timespec="seconds") if edit.edited_at else None,
    }


def edits_of(session: Session, card_ids: list[str]) -> dict[str, dict[str, Any]]:
    """``{card_id: {"stale": bool}}`` for the edited cards among ``card_ids``."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(card_ids), 500):
        rows = session.exec(
            select(CardEdit, Claim.sentence)
            .join(Card, col(Card.id) == col(CardEdit.card_id))
            .outerjoin(Claim, col(Claim.id) == col(Card.claim_id))
            .where(col(CardEdit.card_id).in_(card_ids[start:start + 500]))
        ).all()
        for edit, sentence in rows:
            out[edit.card_id] = {"stale": edit.claim_sentence != sentence}
    return out
