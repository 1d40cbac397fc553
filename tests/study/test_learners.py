"""Several learners on one database, and the controls a learner expects: suspend, bury,
undo, check without recording. Runs on SQLite, and on PostgreSQL when
CLAIMS_TEST_DATABASE_URL is set (the fixtures pick the database)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, func, select

from claims.errors import NotFound, UsageError
from claims.models import Card, CardState, Learner, Review
from claims.study import api, controls, queue, stats
from claims.study.cards import card_id, sync_cards
from claims.study.learners import default_learner_name, get_learner, learner_id, list_learners
from claims.study.session import answer_card, get_state
from study.helpers import NOW, MiniCorpus

SURPLUS = card_id("surplus", "cloze")
FORCES = card_id("forces", "cloze")


@pytest.fixture
def synced(session: Session, mini: MiniCorpus) -> Session:
    sync_cards(session, NOW)
    session.commit()
    return session


def _reviews(session: Session, learner: str) -> list[Review]:
    lid = learner_id(session, learner)
    return list(session.exec(select(Review).where(Review.learner_id == lid)
                             .order_by(Review.id)).all())


# --- learners ------------------------------------------------------------------------


def test_learners_are_made_on_first_use_and_found_by_name_or_id(synced: Session) -> None:
    ana = get_learner(synced, "ana")
    assert ana.id is not None and get_learner(synced, ana.id).name == "ana"
    assert get_learner(synced, " ana ").id == ana.id
    assert get_learner(synced, None).name == default_learner_name()
    with pytest.raises(NotFound, match="no learner with id 999"):
        get_learner(synced, 999)
    with pytest.raises(NotFound) as info:
        get_learner(synced, "anna", create=False)
    assert info.value.hint is not None and "ana" in info.value.hint
    with pytest.raises(UsageError, match="a learner name cannot be empty"):
        get_learner(synced, "  ")


def test_each_learner_has_their_own_due_cards(synced: Session) -> None:
    answer_card(synced, SURPLUS, "wrong", NOW, learner="ana")  # Again: due in a minute
    synced.commit()
    later = NOW + timedelta(minutes=5)
    assert queue.next_card(synced, later, learner="ana", new_limit=0) is not None
    assert queue.next_card(synced, later, learner="bo", new_limit=0) is None
    assert queue.counts(synced, later, learner="ana")["due"] == 1
    assert queue.counts(synced, later, learner="bo") == {"due": 0, "new": 20, "new_total": 21}
    # bo's first new card is the one ana already started: it is new to bo
    assert get_state(synced, learner_id(synced, "bo"), SURPLUS) is None


def test_stats_are_per_learner(synced: Session) -> None:
    for minutes, given in enumerate(("$49 billion", "49 billion dollars")):
        answer_card(synced, SURPLUS, given, NOW + timedelta(minutes=minutes * 10),
                    learner="ana")
    answer_card(synced, FORCES, "12", NOW, learner="bo")
    synced.commit()
    later = NOW + timedelta(minutes=30)
    ana = stats.study_stats(synced, later, learner="ana", days=1)
    bo = stats.study_stats(synced, later, learner="bo", days=1)
    assert (ana["reviews_total"], bo["reviews_total"]) == (2, 1)
    assert ana["retention"]["rate"] == 1.0 and bo["retention"]["rate"] == 0.0
    assert ana["cards"]["review"] == 1 and bo["cards"]["relearning"] + bo["cards"]["learning"] == 1
    assert bo["lapsed_today"] == 1 and ana["lapsed_today"] == 0
    # right after failing, bo has no card in review: no flattering "100 %" retrievability
    assert bo["retrievability"] is None
    assert {d["deck"]: d["started"] for d in bo["decks"]}["us-forces"] == 1


def test_recorded_quiz_moves_only_its_learners_schedule(synced: Session) -> None:
    result = api.quiz_from_answers(synced, [{"answer": "x"}], mode="cloze", count=1, seed=3,
                                   record=True, now=NOW, learner="ana")
    synced.commit()
    asked = result["questions"][0]["id"]
    assert get_state(synced, learner_id(synced, "ana"), asked) is not None
    assert get_state(synced, learner_id(synced, "bo"), asked) is None
    assert [r.card_id for r in _reviews(synced, "ana")] == [asked]
    assert _reviews(synced, "bo") == []


def test_list_learners_counts(synced: Session) -> None:
    answer_card(synced, SURPLUS, "$49 billion", NOW, learner="ana")
    answer_card(synced, FORCES, "45,000", NOW, learner="ana")
    get_learner(synced, "bo")
    synced.commit()
    rows = {r["name"]: r for r in list_learners(synced)}
    assert (rows["ana"]["cards"], rows["ana"]["reviews"]) == (2, 2)
    assert rows["ana"]["last_review"] == "2026-11-23T09:00:00+00:00"
    assert (rows["bo"]["cards"], rows["bo"]["reviews"], rows["bo"]["last_review"]) == (0, 0, None)


# --- controls ------------------------------------------------------------------------


def test_suspended_cards_are_not_shown_until_unsuspended(synced: Session) -> None:
    answer_card(synced, SURPLUS, "wrong", NOW, learner="ana")
    controls.set_suspended(synced, SURPLUS, True, NOW, learner="ana")
    synced.commit()
    later = NOW + timedelta(minutes=5)
    assert queue.next_card(synced, later, learner="ana", new_limit=0) is None
    shown = api.list_cards(synced, now=later, learner="ana", due=True)
    assert shown == []
    card = controls.set_suspended(synced, SURPLUS, False, later, learner="ana")
    assert card["suspended"] is False and card["state"] == "learning"
    picked = queue.next_card(synced, later, learner="ana", new_limit=0)
    assert picked is not None and picked.id == SURPLUS


def test_a_suspended_new_card_is_skipped_by_the_new_queue(synced: Session) -> None:
    first = queue.next_card(synced, NOW, learner="ana")
    assert first is not None
    controls.set_suspended(synced, first.id, True, NOW, learner="ana")
    second = queue.next_card(synced, NOW, learner="ana")
    assert second is not None and second.id != first.id
    assert queue.next_card(synced, NOW, learner="bo") == first  # bo did not suspend it


def test_a_buried_card_comes_back_tomorrow(synced: Session) -> None:
    answer_card(synced, SURPLUS, "wrong", NOW, learner="ana")
    card = controls.bury(synced, SURPLUS, NOW + timedelta(minutes=1), learner="ana")
    assert card["buried_until"] == "2026-11-24T00:00:00+00:00"
    assert queue.next_card(synced, NOW + timedelta(hours=2), learner="ana", new_limit=0) is None
    back = queue.next_card(synced, NOW + timedelta(days=1), learner="ana", new_limit=0)
    assert back is not None and back.id == SURPLUS


def test_undo_appends_a_reversal_and_restores_the_state_before(synced: Session) -> None:
    lid = learner_id(synced, "ana")
    first = answer_card(synced, SURPLUS, "$49 billion", NOW, learner="ana")
    before = get_state(synced, lid, SURPLUS)
    assert before is not None
    saved = (before.state, before.step, before.stability, before.difficulty, before.due)
    answer_card(synced, SURPLUS, "wrong", NOW + timedelta(minutes=10), learner="ana")
    undone = controls.undo_last(synced, NOW + timedelta(minutes=11), learner="ana")
    state = get_state(synced, lid, SURPLUS)
    assert state is not None
    assert (state.state, state.step, state.stability, state.difficulty, state.due) == saved
    assert state.due == first.due
    log = _reviews(synced, "ana")
    assert [(r.rating, r.undoes) for r in log] == [(3, None), (1, None), (1, log[1].id)]
    assert undone.to_public()["undone"] == log[1].id
    # undo again: the first answer goes too, and the card is new again
    controls.undo_last(synced, NOW + timedelta(minutes=12), learner="ana")
    state = get_state(synced, lid, SURPLUS)
    assert state is not None and state.introduced_at is None
    assert len(_reviews(synced, "ana")) == 4  # nothing deleted: two answers, two reversals
    assert stats.study_stats(synced, NOW + timedelta(hours=1), learner="ana")[
        "reviews_total"] == 0
    with pytest.raises(NotFound, match="no answer to undo"):
        controls.undo_last(synced, NOW + timedelta(minutes=13), learner="ana")


def test_undo_keeps_a_suspension_made_after_the_answer(synced: Session) -> None:
    lid = learner_id(synced, "ana")
    first = answer_card(synced, SURPLUS, "$49 billion", NOW, learner="ana")
    answer_card(synced, SURPLUS, "wrong", NOW + timedelta(minutes=10), learner="ana")
    controls.set_suspended(synced, SURPLUS, True, NOW + timedelta(minutes=11), learner="ana")
    controls.undo_last(synced, NOW + timedelta(minutes=12), learner="ana")
    state = get_state(synced, lid, SURPLUS)
    assert state is not None and state.due == first.due  # the schedule goes back
    assert state.suspended  # the learner's later decision stays


def test_undo_takes_back_only_its_learners_answer(synced: Session) -> None:
    answer_card(synced, SURPLUS, "$49 billion", NOW, learner="ana")
    answer_card(synced, SURPLUS, "$49 billion", NOW + timedelta(minutes=1), learner="bo")
    controls.undo_last(synced, NOW + timedelta(minutes=2), learner="ana")
    assert get_state(synced, learner_id(synced, "bo"), SURPLUS) is not None
    bo_state = get_state(synced, learner_id(synced, "bo"), SURPLUS)
    assert bo_state is not None and bo_state.introduced_at is not None


def test_dry_run_checks_and_records_nothing(synced: Session) -> None:
    outcome = api.answer(synced, SURPLUS, "$49B", now=NOW, learner="ana", dry_run=True)
    assert outcome.correct and not outcome.recorded and outcome.due is None
    assert outcome.context is not None and outcome.context["citation"] == "Manning (1993)"
    assert synced.exec(select(func.count()).select_from(Review)).one() == 0
    assert synced.exec(select(func.count()).select_from(CardState)).one() == 0


# --- the CLI -------------------------------------------------------------------------


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_learner_option_and_environment(study_cli: Any, engine: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    now = NOW.isoformat()
    _json(study_cli("--learner", "ana", "cards", "answer", SURPLUS, "$49B", "--format", "json",
                    "--now", now))
    monkeypatch.setenv("CLAIMS_LEARNER", "bo")
    _json(study_cli("cards", "answer", FORCES, "12", "--format", "json", "--now", now))
    rows = _json(study_cli("learner", "list", "--format", "json"))
    assert [(r["name"], r["cards"], r["reviews"]) for r in rows] == [("ana", 1, 1), ("bo", 1, 1)]
    with Session(engine) as session:
        names = dict(session.exec(select(Learner.id, Learner.name)).all())
        log = [(names[r.learner_id], r.card_id) for r in session.exec(select(Review))]
    assert log == [("ana", SURPLUS), ("bo", FORCES)]


def test_cli_learner_add_twice_is_refused(study_cli: Any) -> None:
    assert _json(study_cli("learner", "add", "ana", "--format", "json"))["name"] == "ana"
    result = study_cli("learner", "add", "ana")
    assert result.exit_code == 2
    assert result.stderr == "Error: a learner named 'ana' already exists\n"


def test_cli_dry_run_suspend_bury_undo(study_cli: Any, engine: Any) -> None:
    now = NOW.isoformat()
    dry = _json(study_cli("cards", "answer", SURPLUS, "$49B", "--dry-run", "--format", "json",
                          "--now", now))
    assert dry["recorded"] is False and dry["due"] is None and dry["correct"] is True
    card = _json(study_cli("cards", "suspend", SURPLUS, "--format", "json", "--now", now))
    assert card["suspended"] is True and card["state"] == "new"
    card = _json(study_cli("cards", "unsuspend", SURPLUS, "--format", "json", "--now", now))
    assert card["suspended"] is False
    card = _json(study_cli("cards", "bury", SURPLUS, "--format", "json", "--now", now))
    assert card["buried_until"] == "2026-11-24T00:00:00+00:00"
    _json(study_cli("cards", "answer", FORCES, "45,000", "--format", "json", "--now", now))
    undone = _json(study_cli("cards", "undo", "--format", "json", "--now", now))
    assert undone["card"]["id"] == FORCES and undone["card"]["state"] == "new"
    result = study_cli("cards", "undo", "--now", now)
    assert result.exit_code == 1
    assert result.stderr == "Error: no answer to undo (hint: answers are undone newest first)\n"
    with Session(engine) as session:
        assert [(r.card_id, r.undoes is not None) for r in session.exec(select(Review))] == [
            (FORCES, False), (FORCES, True)]


def test_cli_review_shows_the_claim_and_its_citation_after_each_answer(study_cli: Any) -> None:
    result = study_cli("--learner", "ana", "review", "--now", NOW.isoformat(), "--limit", "1",
                       "--no-rate", input="a\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    verdict = next(i for i, line in enumerate(lines) if "Right." in line or "Wrong." in line)
    assert lines[verdict + 1].startswith("\u201c")
    assert "\u2014 " in " ".join(lines[verdict + 1:verdict + 4])


def test_the_new_card_frontier_follows_answers_undo_and_card_changes(synced: Session) -> None:
    """The frontier only ever skips started cards (see claims.study.queue)."""
    lid = learner_id(synced, "ana")
    order = [c.id for c in synced.exec(queue.new_cards(lid, queue.ALL_CARDS, NOW)).all()]
    for cid in order[:2]:
        answer_card(synced, cid, "x", NOW, learner=lid)
    assert queue.frontier(synced, lid) == (synced.get(Card, order[2]).priority, order[2])
    first_new = synced.exec(queue.new_cards(lid, queue.ALL_CARDS, NOW,
                                            (0, order[0])).limit(1)).first()
    assert first_new is not None and first_new.id == order[2]
    controls.undo_last(synced, NOW, learner=lid)  # order[1] is new again
    assert queue.frontier(synced, lid) is None
    assert queue.next_card(synced, NOW, learner=lid, new_limit=100).id == order[1]
    # a frontier saved before the cards changed (a build, an ingest) is not trusted
    learner = synced.get(Learner, lid)
    assert learner is not None
    learner.new_frontier = {"priority": 9, "id": "zzz", "cards": "an older fingerprint"}
    assert queue.frontier(synced, lid) is None
    assert queue.next_card(synced, NOW, learner=lid, new_limit=100) is not None


# --- tags ----------------------------------------------------------------------------


def test_tags_are_decks_of_their_own(synced: Session) -> None:
    from claims.study import tags

    assert tags.tag_card(synced, SURPLUS, ["Exam", "week-3"]) == ["exam", "week-3"]
    tags.tag_card(synced, FORCES, ["exam"])
    assert tags.tag_card(synced, SURPLUS, ["week-3"], remove=True) == ["exam"]
    assert tags.list_tags(synced) == [{"tag": "exam", "cards": 2}]
    deck = queue.resolve_deck(synced, None, "exam")
    assert deck == queue.Deck(tag="exam") and deck.name == "#exam"
    assert {c.id for c in synced.exec(queue.new_cards(1, deck, NOW))} == {SURPLUS, FORCES}
    narrowed = queue.resolve_deck(synced, "trade", "exam")
    assert [c.id for c in synced.exec(queue.new_cards(1, narrowed, NOW))] == [SURPLUS]
    with pytest.raises(NotFound) as info:
        queue.resolve_deck(synced, None, "exams")
    assert info.value.message == "no card is tagged 'exams'"
    with pytest.raises(UsageError, match="is not a tag"):
        tags.tag_card(synced, SURPLUS, ["two words"])


def test_cli_tag_then_review_and_list_by_tag(study_cli: Any) -> None:
    now = NOW.isoformat()
    tagged = _json(study_cli("cards", "tag", FORCES, "exam", "--format", "json"))
    assert tagged == {"card_id": FORCES, "tags": ["exam"]}
    rows = _json(study_cli("cards", "list", "--tag", "exam", "--format", "json", "--now", now))
    assert [(r["id"], r["tags"]) for r in rows] == [(FORCES, ["exam"])]
    result = study_cli("review", "--tag", "exam", "--now", now, "--no-rate", input="45,000\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Deck #exam: 0 due, 1 new today."
    assert "Reviewed 1 card(s): 1 right (100%)." in result.stdout
    assert _json(study_cli("cards", "tags", "--format", "json")) == [{"tag": "exam", "cards": 1}]
    result = study_cli("review", "--tag", "nope", "--now", now)
    assert result.exit_code == 1
    assert result.stderr == "Error: no card is tagged 'nope' (hint: tags are: exam)\n"


# --- edits ---------------------------------------------------------------------------


def test_an_edit_survives_a_rebuild_and_is_flagged_when_the_claim_changes(
    synced: Session,
) -> None:
    from claims.models import Claim
    from claims.study import edits

    generated = synced.get(Card, SURPLUS)
    assert generated is not None
    original = generated.question
    shown = api.edit(synced, SURPLUS, question="Japan's 1992 surplus with the U.S.?", now=NOW,
                     learner="teacher")
    assert shown["question"] == "Japan's 1992 surplus with the U.S.?" and not shown["stale"]
    sync_cards(synced, NOW)  # what a rebuild does: the generated text comes back ...
    assert synced.get(Card, SURPLUS).question == original  # type: ignore[union-attr]
    rows = api.list_cards(synced, now=NOW, learner="ana")  # ... and the edit is laid over it
    row = next(r for r in rows if r["id"] == SURPLUS)
    assert row["question"] == "Japan's 1992 surplus with the U.S.?"
    assert row["edited"] == {"stale": False}
    # the answer is still checked by the figure's rule
    assert api.answer(synced, SURPLUS, "$49B", now=NOW, dry_run=True).correct
    claim = synced.get(Claim, "surplus")
    assert claim is not None
    claim.sentence = claim.sentence + " (revised)"
    synced.add(claim)
    assert edits.edits_of(synced, [SURPLUS]) == {SURPLUS: {"stale": True}}
    cleared = api.edit(synced, SURPLUS, clear=True, now=NOW)
    assert cleared["question"] == original and cleared["edited"] is False


def test_an_edited_answer_of_a_word_card_is_what_is_checked(synced: Session) -> None:
    words = next(c for c in synced.exec(select(Card)).all()
                 if (c.spec or {}).get("type") == "text")
    api.edit(synced, words.id, answer="my own words", now=NOW)
    assert api.answer(synced, words.id, "my own words", now=NOW, dry_run=True).correct


def test_cli_edit_errors(study_cli: Any) -> None:
    result = study_cli("cards", "edit", SURPLUS)
    assert result.exit_code == 2
    assert result.stderr == "Error: nothing to edit (hint: give --question or --answer (or both))\n"
    result = study_cli("cards", "edit", SURPLUS, "--clear")
    assert result.exit_code == 2
    assert result.stderr == f"Error: card {SURPLUS!r} has no edit to clear\n"


# --- your own cards from CSV ---------------------------------------------------------

OWN_CSV = [
    "front,back,source,tags",
    "What was Japan's trade surplus with the U.S. in 1992?,$49 billion,manning-1993,exam trade",
    "Which alliance is the cornerstone of security in Asia?,the U.S.-Japan alliance,"
    "My lecture notes,exam",
    "When was the SACO final report?,1996",
]


def test_imported_cards_are_checked_like_claims_and_survive_a_sync(synced: Session) -> None:
    from claims.study.imports import own_card_id

    report = api.import_cards(synced, OWN_CSV, now=NOW)
    assert (report["created"], report["figures"]) == (3, 2)
    surplus = own_card_id("What was Japan's trade surplus with the U.S. in 1992?")
    for given, right in (("49bn", True), ("$49B", True), ("49 million", False)):
        assert api.answer(synced, surplus, given, now=NOW, dry_run=True).correct is right, given
    words = own_card_id("Which alliance is the cornerstone of security in Asia?")
    outcome = api.answer(synced, words, "The U.S.-Japan alliance", now=NOW, learner="ana")
    assert outcome.correct and outcome.context == {
        "claim_id": None, "sentence": None, "citation": "My lecture notes", "source": None}
    cited = api.answer(synced, surplus, "$49B", now=NOW, dry_run=True).context
    assert cited is not None and cited["citation"] == "Manning (1993)"
    sync_cards(synced, NOW)  # a rebuild does not retire them
    card = synced.get(Card, surplus)
    assert card is not None and not card.retired and card.source_slug == "manning-1993"
    assert {t["tag"]: t["cards"] for t in api.list_tags(synced)} == {"exam": 2, "trade": 1}
    again = api.import_cards(synced, OWN_CSV, now=NOW)  # the same file: nothing doubled
    assert (again["created"], again["unchanged"]) == (0, 3)
    assert len(api.start_quiz(synced, mode="own", count=10, now=NOW)) == 3


def test_a_bad_csv_row_is_refused_with_its_line(synced: Session) -> None:
    with pytest.raises(UsageError) as info:
        api.import_cards(synced, ["front,back", "only a front"], now=NOW)
    assert info.value.message == "CSV line 2 is not front,back[,source[,tags]]"


def test_cli_import(study_cli: Any, tmp_path: Any) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("\n".join(OWN_CSV) + "\n", encoding="utf-8")
    report = _json(study_cli("cards", "import", str(path), "--format", "json"))
    assert (report["created"], report["figures"], len(report["cards"])) == (3, 2, 3)
    rows = _json(study_cli("cards", "list", "--kind", "own", "--format", "json",
                           "--now", NOW.isoformat()))
    assert {r["kind"] for r in rows} == {"own"} and len(rows) == 3
    review = study_cli("--learner", "ana", "review", "--tag", "exam", "--limit", "2",
                       "--no-rate", "--now", NOW.isoformat(), input="49bn\nthe alliance\n")
    assert review.exit_code == 0, review.output
    assert "\u2014 Manning (1993)" in review.stdout and "\u2014 My lecture notes" in review.stdout
    result = study_cli("cards", "import", str(tmp_path / "missing.csv"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: cannot read ")


def test_looking_does_not_store_a_learner(synced: Session) -> None:
    stats.study_stats(synced, NOW, learner="visitor")
    api.list_cards(synced, now=NOW, learner="visitor", limit=1)
    assert queue.next_card(synced, NOW, learner="visitor") is not None
    assert [r["name"] for r in list_learners(synced)] == []
    answer_card(synced, SURPLUS, "$49B", NOW, learner="visitor")  # answering does
    assert [r["name"] for r in list_learners(synced)] == ["visitor"]


def test_per_deck_stats_forecast_a_week(synced: Session) -> None:
    answer_card(synced, SURPLUS, "$49B", NOW, learner="ana", rating=3)  # Good: in 10 minutes
    rows = {d["deck"]: d for d in stats.per_deck(synced, learner_id(synced, "ana"), NOW)}
    assert (rows["trade"]["started"], rows["trade"]["due"], rows["trade"]["due_week"]) == (
        1, 0, 1)
