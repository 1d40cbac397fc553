"""The study API: a learner's cards and answers, their statistics, a teacher's class.

Every route needs a learner (web.auth.api_learner: a bearer token, or the session
cookie for a GET) and acts for that learner only: no route takes another learner's
name except /api/learners/{name}/stats, which only oneself or a teacher may read.
Answers are recorded through claims.study.api.answer, as ``claims cards answer`` does.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from web.app import write_session
from web.auth import api_learner, may_see, require_teacher

router = APIRouter(prefix="/api", tags=["study"])

MAX_ANSWER = 2_000  # characters of a typed answer
MAX_CARDS = 1_000
Obj = dict[str, Any]
Rows = list[dict[str, Any]]
Short = Annotated[str | None, Query(max_length=200)]


class AnswerIn(BaseModel):
    """``{"given": "..."}``, optionally with a rating (again, hard, good, easy or 1-4)."""

    model_config = ConfigDict(extra="forbid")
    given: str = Field(max_length=MAX_ANSWER)
    rating: str | None = Field(default=None, max_length=10)
    duration_ms: int | None = Field(default=None, ge=0, le=86_400_000)


def _limit(text: str | None, default: int) -> int:
    from claims.errors import UsageError

    value = (text or "").strip() or str(default)
    if not value.isdigit() or not 1 <= int(value[:7]) <= MAX_CARDS:
        raise UsageError(f"limit must be between 1 and {MAX_CARDS}", hint="`limit=20`")
    return int(value)


@router.get("/cards", summary="Your cards in review order, with your state of each",
            response_model=Rows)
def api_cards(request: Request, deck: Short = None, due: bool = False,
              limit: Short = None) -> JSONResponse:
    """The signed-in learner's cards (due first, then new), in the shape of
    `claims cards list --format json`; `due=true` keeps the cards due now."""
    from claims.study.api import list_cards

    size = _limit(limit, 100)
    with write_session(request) as session:  # the card sync may write
        learner = api_learner(request, session)
        rows = list_cards(session, deck=deck, due=due, limit=size, learner=learner.id)
    return JSONResponse(rows)


@router.post("/cards/{card_id}/answer", summary="Answer one of your cards",
             response_model=Obj)
def api_answer(request: Request, card_id: str, body: Annotated[AnswerIn, Body()]) -> JSONResponse:
    """Check, record and schedule the answer `given` (as `claims cards answer`): the
    verdict `{card_id, given, correct, expected, rating, due}` plus `partial`, `note`,
    `recorded` and `context`."""
    from claims.study.api import answer

    with write_session(request) as session:
        learner = api_learner(request, session)
        outcome = answer(session, card_id[:200], body.given, rating=body.rating,
                         duration_ms=body.duration_ms, learner=learner.id)
        verdict = outcome.to_public()
    return JSONResponse(verdict)


@router.get("/learners/{name}/stats", summary="A learner's statistics (oneself, or a teacher)",
            response_model=Obj)
def api_learner_stats(request: Request, name: str, deck: Short = None) -> JSONResponse:
    """As `claims stats --format json`: reviews and retention per day, the due forecast,
    per deck. A student may read only their own; a teacher anyone's."""
    from claims.accounts import find_account
    from claims.study.api import show_stats

    with write_session(request) as session:
        viewer = api_learner(request, session)
        may_see(viewer, name)
        learner = find_account(session, name)
        data = {"learner": learner.name, **show_stats(session, deck=deck, learner=learner.id)}
    return JSONResponse(data)


@router.get("/class", summary="The class: each learner's progress (teachers only)",
            response_model=Obj)
def api_class(request: Request) -> JSONResponse:
    """Learners with their reviews, retention (30 days), cards due now and weakest
    cards; the class's weakest cards."""
    from claims.study.api import class_view

    with write_session(request) as session:
        require_teacher(api_learner(request, session))
        data = class_view(session)
    return JSONResponse(data)

