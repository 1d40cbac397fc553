"""Study mode: flashcards from claims, teacher-like answer checking, FSRS scheduling.

``cards`` makes and syncs cards, ``answers`` checks answers, ``scheduler`` wraps fsrs,
``queue`` picks the next card, ``session`` records answers and runs quizzes, ``stats``
summarises, ``anki`` and ``export`` take cards elsewhere, and ``api`` is what the CLI calls.
"""

from __future__ import annotations

from claims.study.answers import AnswerCheck, check_answer
from claims.study.cards import ensure_cards, sync_cards
from claims.study.queue import Deck, next_card, resolve_deck
from claims.study.session import Outcome, answer_card, quiz_cards

__all__ = [
    "Deck",
    "Outcome",
    "AnswerCheck",
    "answer_card",
    "check_answer",
    "ensure_cards",
    "next_card",
    "quiz_cards",
    "resolve_deck",
    "sync_cards",
]
