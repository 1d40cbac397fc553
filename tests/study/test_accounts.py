"""Accounts (claims.accounts, claims learner add/token/remove): argon2 hashes only, tokens
stored as digests, the same answer for an unknown name and a wrong password, removal that
keeps an anonymised history (or purges it), and the sign-in throttle."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select

from claims.accounts import (
    SESSION,
    add_account,
    authenticate,
    issue_token,
    learner_for_token,
    remove_learner,
    revoke_token,
    set_password,
    site_secret,
    token_for,
)
from claims.errors import NotFound, UsageError
from claims.models import AccessToken, Learner, Review
from claims.study.api import answer
from claims.throttle import Throttle

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


def test_password_is_stored_as_an_argon2_hash_only(session: Session) -> None:
    learner = add_account(session, "ana", PASSWORD)
    assert learner.password_hash is not None
    assert learner.password_hash.startswith("$argon2id$")
    assert PASSWORD not in learner.password_hash
    assert authenticate(session, "ana", PASSWORD) is learner
    assert authenticate(session, " ana ", PASSWORD) is learner  # the name as typed


@pytest.mark.parametrize("name, password", [
    ("ana", "wrong password"),     # a wrong password
    ("nobody", PASSWORD),          # a name that does not exist
    ("cli-only", PASSWORD),        # a learner without a password (CLI only)
    ("", PASSWORD),                # no name
    ("ana", "x" * 5000),           # an oversized password
    ("ana\x00", PASSWORD),         # a control character
], ids=["wrong", "unknown", "no-password", "empty", "oversized", "nul"])
def test_failed_sign_ins_all_look_the_same(session: Session, name: str, password: str) -> None:
    add_account(session, "ana", PASSWORD)
    add_account(session, "cli-only", None)
    assert authenticate(session, name, password) is None


@pytest.mark.parametrize("password, error", [
    ("short", "a password has at least 8 characters"),
    ("x" * 1025, "a password has at most 1024 characters"),
    ("eight\x00chars", "a password cannot contain a NUL character"),
])
def test_bad_passwords_are_refused_and_nothing_is_stored(session: Session, password: str,
                                                          error: str) -> None:
    with pytest.raises(UsageError) as caught:
        add_account(session, "ana", password)
    assert caught.value.message == error
    assert session.exec(select(Learner)).all() == []


def test_tokens_are_stored_as_digests_and_name_their_learner(session: Session) -> None:
    add_account(session, "ana", PASSWORD)
    token = token_for(session, "ana", now=NOW)
    assert len(token) >= 40
    stored = session.exec(select(AccessToken)).one()
    assert stored.digest != token and token not in stored.digest and len(stored.digest) == 64
    found = learner_for_token(session, token, now=NOW)
    assert found is not None and found.name == "ana"
    for wrong in ["", None, token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 5000]:
        assert learner_for_token(session, wrong, now=NOW) is None
    assert learner_for_token(session, token, kind=SESSION, now=NOW) is None  # not a session
    with pytest.raises(NotFound):
        token_for(session, "nobody")


def test_sessions_expire_and_end_at_sign_out_and_password_change(session: Session) -> None:
    learner = add_account(session, "ana", PASSWORD)
    token = issue_token(session, learner, kind=SESSION, now=NOW)
    assert learner_for_token(session, token, kind=SESSION, now=NOW) is learner
    assert learner_for_token(session, token, kind=SESSION, now=NOW + timedelta(days=15)) is None
    revoke_token(session, token)
    assert learner_for_token(session, token, kind=SESSION, now=NOW) is None
    again = issue_token(session, learner, kind=SESSION, now=NOW)
    set_password(session, "ana", "another good password")
    assert learner_for_token(session, again, kind=SESSION, now=NOW) is None
    assert authenticate(session, "ana", "another good password") is learner


def test_remove_keeps_an_anonymised_history(session: Session, mini: Any) -> None:
    from claims.study.api import list_cards

    learner = add_account(session, "ana", PASSWORD)
    token = token_for(session, "ana")
    card_id = list_cards(session, now=NOW, learner="ana", limit=1)[0]["id"]
    answer(session, card_id, "wrong", now=NOW, learner="ana")
    lid = learner.id
    shown = remove_learner(session, "ana", now=NOW)
    assert shown == {"id": lid, "name": "ana", "removed": "anonymised",
                     "now_named": f"removed-{lid}"}
    row = session.get(Learner, lid)
    assert row is not None and row.name == f"removed-{lid}" and row.password_hash is None
    assert [r.learner_id for r in session.exec(select(Review))] == [lid]  # history kept
    assert learner_for_token(session, token) is None
    assert session.exec(select(AccessToken)).all() == []
    assert authenticate(session, f"removed-{lid}", PASSWORD) is None
    add_account(session, "ana", PASSWORD)  # the name is free again, with no history
    with pytest.raises(NotFound):
        remove_learner(session, f"removed-{lid}")


def test_remove_with_purge_deletes_the_history(session: Session, mini: Any) -> None:
    from claims.study.api import list_cards, undo

    add_account(session, "ana", PASSWORD)
    add_account(session, "bo", PASSWORD)
    card_id = list_cards(session, now=NOW, learner="ana", limit=1)[0]["id"]
    answer(session, card_id, "wrong", now=NOW, learner="ana")
    undo(session, now=NOW, learner="ana")  # a reversal refers to an answer: both go
    answer(session, card_id, "wrong", now=NOW, learner="ana")
    answer(session, card_id, "wrong", now=NOW, learner="bo")
    assert remove_learner(session, "ana", purge=True)["removed"] == "purged"
    session.flush()
    names = {r.learner_id for r in session.exec(select(Review))}
    bo = session.exec(select(Learner).where(Learner.name == "bo")).one()
    assert names == {bo.id}
    assert [learner.name for learner in session.exec(select(Learner))] == ["bo"]


def test_the_site_secret_is_made_once(session: Session) -> None:
    first = site_secret(session)
    assert len(first) >= 48 and site_secret(session) == first


def test_throttle_window_slides() -> None:
    throttle = Throttle(limit=3, window=60)
    for moment in (0, 10, 20):
        assert throttle.wait("ana", moment) == 0.0
        throttle.fail("ana", moment)
    assert throttle.wait("ana", 30) == 30.0  # the first failure leaves the window at 60
    assert throttle.wait("bo", 30) == 0.0  # per key
    assert throttle.wait("ana", 60) == 0.0
    throttle.fail("ana", 61)
    assert throttle.wait("ana", 62) == 8.0
    throttle.clear("ana")
    assert throttle.wait("ana", 62) == 0.0


# --- the CLI ---------------------------------------------------------------------------


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_learner_add_reads_the_password_from_stdin(study_cli: Any, engine: Any) -> None:
    shown = _json(study_cli("learner", "add", "tess", "--teacher", "--format", "json",
                            input=PASSWORD + "\n"))
    assert shown == {"id": shown["id"], "name": "tess", "teacher": True, "password": True}
    with Session(engine) as session:
        assert authenticate(session, "tess", PASSWORD) is not None
        stored = session.exec(select(Learner.password_hash)).one()
    assert stored is not None and PASSWORD not in stored
    plain = _json(study_cli("learner", "add", "bo", "--format", "json"))
    assert plain["password"] is False and plain["teacher"] is False


@pytest.mark.parametrize("args, stdin, code, error", [
    (["--teacher"], None, 2, "Error: a teacher needs a password to sign in"),
    ([], "short\n", 2, "Error: a password has at least 8 characters"),
], ids=["teacher-without-password", "short"])
def test_cli_learner_add_refusals(study_cli: Any, engine: Any, args: list[str],
                                  stdin: str | None, code: int, error: str) -> None:
    result = study_cli("learner", "add", "tess", *args, input=stdin)
    assert result.exit_code == code
    assert result.stderr.startswith(error)
    assert "Traceback" not in result.output
    with Session(engine) as session:
        assert session.exec(select(Learner).where(Learner.name == "tess")).first() is None


def test_cli_learner_token_and_remove(study_cli: Any, engine: Any) -> None:
    _json(study_cli("learner", "add", "ana", "--format", "json", input=PASSWORD + "\n"))
    result = study_cli("learner", "token", "ana")
    assert result.exit_code == 0
    token = result.stdout.strip()
    with Session(engine) as session:
        found = learner_for_token(session, token)
        assert found is not None and found.name == "ana"
    missing = study_cli("learner", "token", "nobody")
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no learner named 'nobody'")
    shown = _json(study_cli("learner", "remove", "ana", "--format", "json"))
    assert shown["removed"] == "anonymised" and shown["now_named"].startswith("removed-")
    with Session(engine) as session:
        assert learner_for_token(session, token) is None
    _json(study_cli("learner", "add", "bo", "--format", "json"))
    assert _json(study_cli("learner", "remove", "bo", "--purge", "--format",
                           "json"))["removed"] == "purged"


def test_class_overview_counts_each_learner_and_the_weakest_cards(session: Session,
                                                                   mini: Any) -> None:
    from claims.study.api import class_view, list_cards, show_stats, undo
    from claims.study.classview import weakest_cards

    for name in ("ana", "bo", "chen", "dee"):
        add_account(session, name, None)
    add_account(session, "tess", PASSWORD, teacher=True)
    cards = [row["id"] for row in list_cards(session, now=NOW, learner="ana", limit=3)]
    for name in ("ana", "bo", "chen"):
        answer(session, cards[0], "zzz", now=NOW, learner=name)  # all miss the first
    answer(session, cards[1], "zzz", now=NOW, learner="ana")
    answer(session, cards[2], "zzz", now=NOW, learner="dee")
    undo(session, now=NOW, learner="dee")  # an undone answer does not count
    view = class_view(session, now=NOW + timedelta(minutes=1))
    rows = {row["name"]: row for row in view["learners"]}
    assert sorted(rows) == ["ana", "bo", "chen", "dee", "tess"]
    assert [rows[n]["reviews_total"] for n in ("ana", "bo", "chen", "dee", "tess")] == [
        2, 1, 1, 0, 0]
    own = show_stats(session, now=NOW + timedelta(minutes=1), days=30, learner="ana")
    assert rows["ana"]["retention"] == own["retention"]["rate"]  # the student's own figure
    assert rows["ana"]["due_now"] == own["due_now"]
    assert rows["dee"]["retention"] is None
    assert rows["tess"]["teacher"] is True and rows["ana"]["teacher"] is False
    assert [(c["card_id"], c["wrong"], c["answers"]) for c in view["weakest"]] == [
        (cards[0], 3, 3), (cards[1], 1, 1)]
    assert [c["card_id"] for c in rows["ana"]["weakest"]] == sorted(cards[:2], key=lambda c: (
        c != cards[0], c))
    assert weakest_cards(session, []) == []
    remove_learner(session, "bo")
    assert "bo" not in {row["name"] for row in class_view(session, now=NOW)["learners"]}
