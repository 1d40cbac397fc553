"""Study mode on the bundled corpus, as a new user meets it right after install."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlmodel import Session, select

from claims.models import Card, Claim, Source
from claims.study import cards as cardgen
from claims.study.distractors import Peers
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


def test_every_figure_gets_a_recall_card_or_a_reason(built_session: Session) -> None:
    """A figure gets a recall card (``cloze``, or ``year`` for a date) unless it is a
    byline, a trivial count or a duplicate of a card that is there."""
    pairs = built_session.exec(select(Claim, Source).join(Source)).all()
    cards = built_session.exec(select(Card).where(Card.retired == False)).all()  # noqa: E712
    recall = {c.claim_id for c in cards if c.kind in ("cloze", "year")}
    kept = {key for c in cards for key in cardgen._duplicate_keys(c)}  # type: ignore[arg-type]
    reasons: dict[str, str] = {}
    for claim, source in pairs:
        if claim.kind == "statement" or claim.id in recall:
            continue
        reason = cardgen.skip_reason(claim, source)
        if reason is None:
            drafts = cardgen.cards_for_claim(claim, source, Peers(), [source])
            recall_drafts = [d for d in drafts if d.kind in ("cloze", "year")]
            assert recall_drafts, claim.id
            assert kept.intersection(cardgen._duplicate_keys(recall_drafts[0])), claim.id
            reason = "duplicate"
        reasons[claim.id] = reason
    assert set(reasons.values()) == {"byline", "trivial count", "duplicate"}
    # Manning's byline ("... from 1989 through last month") and Andrews's note (2008-13)
    bylines = sorted(c.surface for c, _ in pairs if reasons.get(c.id) == "byline")
    assert bylines == ["1989", "2008-13"]


# (kind, the most cards of that kind): a deck of figures first, not of "who said it?".
def test_the_deck_is_figures_first(built_session: Session) -> None:
    cards = built_session.exec(select(Card).where(Card.retired == False)).all()  # noqa: E712
    kinds = Counter(c.kind for c in cards)
    figures = kinds["cloze"] + kinds["choice"] + kinds["year"]
    assert figures > len(cards) / 2, kinds
    assert kinds["source"] < len(cards) / 5, kinds
    asked = [(c.kind, c.question) for c in cards]
    assert len(asked) == len(set(asked)), "the same question twice"


def test_no_card_shows_its_answer_or_asks_when_the_source_was_written(
    built_session: Session,
) -> None:
    for card in built_session.exec(select(Card).where(Card.retired == False)):  # noqa: E712
        assert not check(card, card.question.split("\n")[0]).correct, card.question
        assert not card.question.startswith("In what year did"), card.question


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
