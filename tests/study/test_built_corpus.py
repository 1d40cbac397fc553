"""Study mode on the bundled corpus, as a new user meets it right after install."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from claims.models import Card, Claim
from claims.study.session import check

NOW = "2026-11-23T09:00:00Z"


def test_every_card_accepts_its_own_answer_and_no_distractor(built_session: Session) -> None:
    cards = built_session.exec(select(Card).where(Card.retired == False)).all()  # noqa: E712
    assert cards, "the build syncs cards"
    for card in cards:
        verdict = check(card, card.answer)
        assert verdict.correct and not verdict.partial, f"{card.id}: {card.answer!r}"
        for choice in card.choices or []:
            if choice != card.answer:
                assert not check(card, choice).correct, f"{card.id}: {choice!r}"


def test_every_claim_with_a_figure_in_its_sentence_gets_a_cloze(built_session: Session) -> None:
    claims = built_session.exec(select(Claim)).all()
    cloze = {c.claim_id for c in built_session.exec(select(Card).where(Card.kind == "cloze"))}
    missing = [c.id for c in claims
               if c.value is not None and c.surface in (c.sentence or "") and c.id not in cloze]
    assert missing == []


def test_a_new_user_can_review_right_after_install(cli_empty: Any) -> None:
    result = cli_empty("review", "--now", NOW, "--limit", "3", "--no-rate", input="1\n2\n3\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Deck all: 0 due, 20 new today.")
    assert "Reviewed 3 card(s)" in result.stdout
    stats = json.loads(cli_empty("stats", "--format", "json", "--now", NOW).stdout)
    assert stats["reviews_total"] == 3
    assert stats["cards"]["learning"] + stats["cards"]["review"] == 3


def test_scriptable_commands_drive_a_whole_session(cli_rw: Any) -> None:
    """Answer every card offered today through `cards list` / `cards answer`, until none is left."""
    answered, wrong_on_purpose = [], 0
    for _ in range(100):
        listing = cli_rw("cards", "list", "--due", "--format", "json", "--now", NOW)
        todo = json.loads(listing.stdout)
        if not todo:
            todo = json.loads(cli_rw("cards", "list", "--new", "--limit", "1", "--format", "json",
                                     "--now", NOW).stdout)
        if not todo or len(answered) == 20:
            break
        card = todo[0]
        given = card["answer"] if len(answered) % 4 else "I don't know"
        wrong_on_purpose += given != card["answer"]
        result = cli_rw("cards", "answer", card["id"], given, "--rating",
                        "good" if given == card["answer"] else "again",
                        "--format", "json", "--now", NOW)
        verdict = json.loads(result.stdout)
        assert verdict["correct"] is (given == card["answer"]), verdict
        answered.append(verdict)
    assert len(answered) == 20  # the daily limit of new cards
    assert json.loads(cli_rw("cards", "list", "--due", "--format", "json", "--now", NOW).stdout) == []
    stats = json.loads(cli_rw("stats", "--format", "json", "--now", NOW).stdout)
    assert stats["reviews_total"] == 20
    assert stats["retention"]["recalled"] == 20 - wrong_on_purpose
    assert stats["cards"]["new"] > 0  # the rest wait for tomorrow
