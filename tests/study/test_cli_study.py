"""The study commands in-process: scriptable cards, quiz from stdin, stats, errors."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from claims.models import CardState, Review
from claims.study.cards import card_id

NOW = "2026-11-23T09:00:00Z"


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr or result.stdout
    return json.loads(result.stdout)


def test_cards_list_json_has_the_contract_shape(study_cli: Any) -> None:
    cards = _json(study_cli("cards", "list", "--format", "json", "--now", NOW))
    assert len(cards) == 21
    first = cards[0]
    assert {"id", "claim_id", "kind", "question", "answer", "choices", "due"} <= set(first)
    assert first["state"] == "new" and first["due"] == "2026-11-23T09:00:00+00:00"
    assert [c["id"] for c in cards][:3] == sorted(c["id"] for c in cards if c["id"] in
                                                  {x["id"] for x in cards[:3]})


def test_cards_answer_records_and_returns_the_verdict(study_cli: Any, engine: Any) -> None:
    cid = card_id("surplus", "cloze")
    verdict = _json(study_cli("cards", "answer", cid, "$49B", "--format", "json", "--now", NOW))
    assert verdict == {
        "card_id": cid, "given": "$49B", "correct": True, "expected": "$49-billion",
        "rating": "Good", "due": "2026-11-23T09:10:00+00:00", "partial": False, "note": None,
        "recorded": True, "context": {
            "claim_id": "surplus", "citation": "Manning (1993)", "source": "manning-1993",
            "sentence": verdict["context"]["sentence"]},
    }
    assert "$49-billion surplus" in verdict["context"]["sentence"]
    with Session(engine) as session:
        reviews = session.exec(select(Review)).all()
        assert [(r.card_id, r.rating, r.correct, r.given) for r in reviews] == [
            (cid, 3, True, "$49B")]


def test_cards_answer_rating_override(study_cli: Any) -> None:
    cid = card_id("forces", "cloze")
    verdict = _json(study_cli("cards", "answer", cid, "45,000 troops", "--rating", "easy",
                              "--format", "json", "--now", NOW))
    assert verdict["correct"] is True and verdict["rating"] == "Easy"
    assert verdict["due"] == "2026-12-01T09:00:00+00:00"


def test_cards_answer_unknown_card(study_cli: Any) -> None:
    result = study_cli("cards", "answer", "nope", "x", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stderr) == {
        "error": "no card with id 'nope'",
        "hint": "list card ids with: claims cards list --format json",
    }
    result = study_cli("cards", "answer", "nope", "x")
    assert result.stderr == (
        "Error: no card with id 'nope' "
        "(hint: list card ids with: claims cards list --format json)\n"
    )


def test_bad_now_is_a_usage_error(study_cli: Any) -> None:
    result = study_cli("cards", "list", "--now", "yesterday")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --now 'yesterday' is not an ISO date or time (hint: e.g. --now "
        "2026-11-23T09:00:00Z)\n"
    )


def test_unknown_deck(study_cli: Any) -> None:
    result = study_cli("cards", "list", "--deck", "bananas")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown deck 'bananas' (hint: topics are:")
    assert "; sources are: " in result.stderr


def test_a_whole_session_through_scriptable_commands(study_cli: Any, engine: Any) -> None:
    """List due cards, answer each right, until nothing is due: the schedule moves on."""
    answered = 0
    for _ in range(40):
        due = _json(study_cli("cards", "list", "--due", "--format", "json", "--now", NOW))
        new = _json(study_cli("cards", "list", "--new", "--limit", "1", "--format", "json",
                              "--now", NOW))
        todo = due or new
        if not todo or answered >= 5:
            break
        card = todo[0]
        verdict = _json(study_cli("cards", "answer", card["id"], card["answer"],
                                  "--format", "json", "--now", NOW))
        assert verdict["correct"], card
        answered += 1
    assert answered == 5
    stats = _json(study_cli("stats", "--format", "json", "--now", NOW))
    assert stats["reviews_total"] == 5
    assert stats["cards"]["new"] == 16 and stats["cards"]["learning"] == 5
    assert stats["retention"]["rate"] == 1.0
    assert stats["forecast"][0] == {"date": "2026-11-23", "due": 5}


def test_quiz_non_interactive_scores_without_touching_the_schedule(
    study_cli: Any, engine: Any
) -> None:
    preview = _json(study_cli("quiz", "--mode", "choice", "--count", "3", "--seed", "7",
                              "--non-interactive", "--format", "json", input=""))
    answers = "\n".join(json.dumps({"answer": q["answer"]}) for q in preview["questions"][:2])
    answers += '\n"1800"\n'
    result = _json(study_cli("quiz", "--mode", "choice", "--count", "3", "--seed", "7",
                             "--non-interactive", "--format", "json", input=answers))
    assert [q["id"] for q in result["questions"]] == [q["id"] for q in preview["questions"]]
    assert [q["correct"] for q in result["questions"]] == [True, True, False]
    assert result["score"] == {"answered": 3, "correct": 2, "percent": 67, "questions": 3}
    with Session(engine) as session:
        assert session.exec(select(Review)).all() == []


def test_quiz_record_writes_reviews(study_cli: Any, engine: Any) -> None:
    result = _json(study_cli("quiz", "--mode", "cloze", "--count", "2", "--seed", "1", "--record",
                             "--non-interactive", "--format", "json", "--now", NOW,
                             input='"x"\n"y"\n'))
    assert result["score"]["correct"] == 0
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == 2
        ids = {q["id"] for q in result["questions"]}
        states = [session.get(CardState, (1, i)) for i in ids]
        assert all(c is not None and c.introduced_at is not None for c in states)


def test_quiz_bad_stdin_line(study_cli: Any) -> None:
    result = study_cli("quiz", "--non-interactive", input="{not json\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: stdin line 1 is not JSON")


def test_quiz_unknown_topic(study_cli: Any) -> None:
    result = study_cli("quiz", "--topic", "nope", "--non-interactive", input="")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown topic 'nope' (hint: topics are: alliance,")


def test_quiz_table_prints_score(study_cli: Any) -> None:
    result = study_cli("quiz", "--mode", "source", "--count", "2", "--seed", "2",
                       "--non-interactive", input='"cronin"\n"manning"\n')
    assert result.exit_code == 0
    assert "Score: " in result.stderr


def test_review_in_process_until_end_of_input(study_cli: Any, engine: Any) -> None:
    result = study_cli("review", "--now", NOW, "--limit", "2", "--no-rate", input="x\ny\n")
    assert result.exit_code == 0, result.stdout
    assert "Reviewed 2 card(s): 0 right (0%)." in result.stdout
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == 2


def test_review_eof_mid_session_keeps_answers(study_cli: Any, engine: Any) -> None:
    result = study_cli("review", "--now", NOW, input="a\n\nb\n")
    assert result.exit_code == 0
    assert "Reviewed 2 card(s)" in result.stdout
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == 2


def test_stats_table(study_cli: Any) -> None:
    result = study_cli("stats", "--now", NOW, "--days", "3", "--forecast", "3")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Deck all: 21 new, 0 learning, 0 review, 0 relearning, 0 retired, 0 suspended; 0 due now."
    )
    assert "Due forecast" in result.stdout


def test_optimize_refuses_a_short_log(study_cli: Any) -> None:
    result = study_cli("cards", "optimize")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: only 0 reviews in the log; optimising needs at least 400 (hint: keep reviewing "
        "with the default parameters, then try again)\n"
    )


def test_interactive_quiz_shows_a_score(study_cli: Any) -> None:
    result = study_cli("quiz", "--mode", "choice", "--count", "2", "--seed", "3",
                       input="a\n1800\n")
    assert result.exit_code == 0, result.stderr
    assert "Score: " in result.stdout and "/2 (" in result.stdout


def test_interactive_quiz_eof_keeps_the_score_so_far(study_cli: Any, engine: Any) -> None:
    result = study_cli("quiz", "--mode", "cloze", "--count", "3", "--record", input="x\n")
    assert result.exit_code == 0
    assert "Answered 1 card(s): 0 right (0%)." in result.stdout
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == 1
