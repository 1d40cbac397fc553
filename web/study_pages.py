"""The study pages: sign in and out, review, quiz, statistics and a teacher's class.

Each works with plain HTML forms (no JavaScript needed; site.js only adds keys: Enter,
1-4, u); each form carries a CSRF token (web.auth) and each POST answers with a redirect
(303) or a page, so reloading never sends an answer twice (an answer carries its card's
mark, claims.study.api.review_mark: a replayed form is a 409, nothing recorded).
Anonymous visitors asking for a study page are sent to /login.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from claims.errors import UsageError
from web.app import read_session, render, templates, write_session
from web.auth import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    Denied,
    check_csrf,
    csrf_token,
    may_see,
    page_learner,
    require_page_learner,
    require_teacher,
    set_cookie,
)

router = APIRouter(include_in_schema=False)
templates.env.globals["csrf_token"] = csrf_token

MAX_ANSWER = 2_000
Field = Annotated[str, Form(max_length=MAX_ANSWER)]
Small = Annotated[str, Form(max_length=200)]
Token = Annotated[str, Form(max_length=500)]
QUIZ_MAX = 20
RATINGS = [("1", "again", "Again"), ("2", "hard", "Hard"), ("3", "good", "Good"),
           ("4", "easy", "Easy")]


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only.

    >>> _safe_next("/review?deck=trade"), _safe_next("//evil.example/"), _safe_next(None)
    ('/review?deck=trade', '/review', '/review')
    """
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target[:500]
    return "/review"


def _typed(value: str) -> str:
    """Text from a form, refused if the browser sent bytes that are not UTF-8 (they arrive
    as U+FFFD): an answer is recorded as typed or not at all."""
    if "\ufffd" in value:
        raise UsageError("the form sent text that is not valid UTF-8",
                         hint="type the answer again; nothing was recorded")
    return value


def _deck(value: str | None) -> str | None:
    text = (value or "").strip()
    return text[:200] or None


# --- signing in and out --------------------------------------------------------------


@router.get("/login")
def login_page(request: Request) -> Response:
    with read_session(request) as session:
        viewer = page_learner(request, session)
        name = viewer.name if viewer is not None else None
    return render(request, "login.html", signed_in=name,
                  next=_safe_next(request.query_params.get("next")), error=None, name="")


@router.post("/login")
def login(request: Request, name: Small, password: Field, csrf: Token = "",
          next: Small = "/review") -> Response:
    """Sign in: a session cookie, or the same page with "wrong name or password" (401);
    too many failures for a name or from an address: 429."""
    from claims.accounts import SESSION, authenticate, issue_token

    check_csrf(request, csrf)
    throttles = request.app.state.throttles
    wait = throttles.wait(request, name)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        raise Denied(429, "too many failed sign-ins; wait before trying again",
                     f"try again in {minutes} minute{'s' if minutes > 1 else ''}",
                     {"Retry-After": str(int(wait) + 1)})
    with write_session(request) as session:
        learner = authenticate(session, name, password)
        token = issue_token(session, learner, kind=SESSION) if learner is not None else None
        # (the Learner row stays in this block: only the token leaves it)
    if token is None:
        throttles.failed(request, name)
        return render(request, "login.html", status_code=401, signed_in=None,
                      next=_safe_next(next), name=name[:100],
                      error="Wrong name or password.")
    throttles.passed(request, name)
    response = _redirect(_safe_next(next))
    set_cookie(request, response, SESSION_COOKIE, token, max_age=14 * 24 * 3600)
    set_cookie(request, response, CSRF_COOKIE, secrets.token_urlsafe(32))  # a new one
    return response


@router.post("/logout")
def logout(request: Request, csrf: Token = "") -> Response:
    from claims.accounts import revoke_token

    check_csrf(request, csrf)
    with write_session(request) as session:
        revoke_token(session, request.cookies.get(SESSION_COOKIE))
    response = _redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- review ----------------------------------------------------------------------------


def _review_context(request: Request, session: Any, learner: Any, deck: str | None) -> dict[
        str, Any]:
    from claims.study.api import last_undoable, next_for_review

    step = next_for_review(session, deck=deck, learner=learner.id)
    return {"me": learner, "deck": deck or "", "card": step["card"],
            "remaining": step["remaining"], "undo": last_undoable(session, learner=learner.id),
            "verdict": None, "ratings": RATINGS}


@router.get("/review")
def review_page(request: Request) -> Response:
    """The next due card with a typed answer (Enter checks it)."""
    deck = _deck(request.query_params.get("deck"))
    with write_session(request) as session:  # the card sync may write
        learner = require_page_learner(request, session)
        context = _review_context(request, session, learner, deck)
    return render(request, "review.html", **context)


@router.post("/review/check")
def review_check(request: Request, card_id: Small, given: Field, mark: Small,
                 csrf: Token = "", deck: Small = "") -> Response:
    """The verdict, the claim's sentence and citation, and the four ratings (1-4); the
    answer is recorded only when a rating is chosen."""
    from claims.study.answers import RATING_NAMES
    from claims.study.api import answer, card_view, last_undoable

    check_csrf(request, csrf)
    with read_session(request) as session:
        learner = require_page_learner(request, session)
        outcome = answer(session, card_id, _typed(given), dry_run=True, learner=learner.id)
        cards = card_view(session, card_id, learner=learner.id)
        undo = last_undoable(session, learner=learner.id)
    verdict = outcome.to_public()
    return render(request, "review.html", me=learner, deck=_deck(deck) or "", card=cards,
                  mark=mark, remaining=None, undo=undo, verdict=verdict, ratings=RATINGS,
                  suggested=RATING_NAMES[outcome.rating])


@router.post("/review/answer")
def review_answer(request: Request, card_id: Small, given: Field, mark: Small,
                  rating: Small, csrf: Token = "", deck: Small = "") -> Response:
    """Record the answer with the chosen rating, then the next card."""
    from claims.study.api import answer

    check_csrf(request, csrf)
    with write_session(request) as session:
        learner = require_page_learner(request, session)
        answer(session, card_id, _typed(given), rating=rating, seen=mark, learner=learner.id)
    return _redirect(_review_url(deck))


def _review_url(deck: str | None) -> str:
    chosen = _deck(deck)
    return "/review" + ("?" + urlencode({"deck": chosen}) if chosen else "")


@router.post("/review/undo")
def review_undo(request: Request, answer_id: Small, csrf: Token = "",
                deck: Small = "") -> Response:
    """Take back the last answer (once: a second send of the form is a 409)."""
    from claims.study.api import undo

    check_csrf(request, csrf)
    if not answer_id.isdigit():
        raise UsageError("answer_id must be a number")
    with write_session(request) as session:
        learner = require_page_learner(request, session)
        undo(session, learner=learner.id, expect=int(answer_id[:18]))
    return _redirect(_review_url(deck))


@router.post("/review/suspend")
def review_suspend(request: Request, card_id: Small, csrf: Token = "",
                   deck: Small = "") -> Response:
    from claims.study.api import suspend

    return _set_aside(request, suspend, card_id, csrf, deck)


@router.post("/review/bury")
def review_bury(request: Request, card_id: Small, csrf: Token = "",
                deck: Small = "") -> Response:
    from claims.study.api import bury

    return _set_aside(request, bury, card_id, csrf, deck)


def _set_aside(request: Request, control: Callable[..., Any], card_id: str, csrf: str,
               deck: str) -> Response:
    """Suspend or bury the signed-in learner's card, then the next card."""
    check_csrf(request, csrf)
    with write_session(request) as session:
        learner = require_page_learner(request, session)
        control(session, card_id, learner=learner.id)
    return _redirect(_review_url(deck))


@router.get("/review/edit")
def edit_page(request: Request) -> Response:
    from claims.study.api import card_view

    card_id = (request.query_params.get("card_id") or "")[:200]
    with read_session(request) as session:
        learner = require_page_learner(request, session)
        card = card_view(session, card_id, learner=learner.id)
    return render(request, "edit.html", me=learner, card=card,
                  deck=_deck(request.query_params.get("deck")) or "")


@router.post("/review/edit")
def edit_card(request: Request, card_id: Small, question: Field, answer: Field,
              csrf: Token = "", deck: Small = "") -> Response:
    """Edit the card's question and answer (for the whole class, as `claims cards edit`)."""
    from claims.study.api import edit

    check_csrf(request, csrf)
    with write_session(request) as session:
        learner = require_page_learner(request, session)
        edit(session, card_id, question=_typed(question).strip() or None,
             answer=_typed(answer).strip() or None, learner=learner.id)
    return _redirect(_review_url(deck))


# --- quiz ------------------------------------------------------------------------------


def _quiz_params(params: Any) -> dict[str, Any]:
    from claims.domain import QuizMode

    count_text = (params.get("count") or "10").strip()
    if not count_text.isdigit() or not 1 <= int(count_text[:4]) <= QUIZ_MAX:
        raise UsageError(f"count must be between 1 and {QUIZ_MAX}", hint="`count=10`")
    mode = (params.get("mode") or "mixed").strip()[:40]
    if mode not in {m.value for m in QuizMode}:
        raise UsageError(f"unknown quiz mode {mode!r}",
                         hint="one of " + ", ".join(m.value for m in QuizMode))
    seed_text = (params.get("seed") or "").strip()
    return {"topic": _deck(params.get("topic")), "source": _deck(params.get("source")),
            "mode": mode, "count": int(count_text),
            "seed": int(seed_text[:9]) if seed_text.isdigit() else None}


@router.get("/quiz")
def quiz_page(request: Request) -> Response:
    """Pick a topic or source and a mode; then the questions, answered in one form."""
    from claims.compare import list_topics
    from claims.domain import QuizMode
    from claims.ingest.corpus import list_sources
    from claims.study.api import start_quiz
    from claims.study.session import card_to_public

    chosen = _quiz_params(request.query_params)
    with write_session(request) as session:
        learner = require_page_learner(request, session)
        topics = [t.key for t in list_topics(session) if t.claims]
        sources = [source.slug for source, _ in list_sources(session)]
        questions = None
        if "start" in request.query_params:
            if chosen["seed"] is None:
                query = {**{k: v for k, v in chosen.items() if v is not None},
                         "seed": secrets.randbelow(10**6), "start": "1"}
                return _redirect("/quiz?" + urlencode(query))
            cards = start_quiz(session, topic=chosen["topic"], source=chosen["source"],
                               count=chosen["count"], mode=chosen["mode"], seed=chosen["seed"])
            questions = [card_to_public(card) for card in cards]
    return render(request, "quiz.html", me=learner, chosen=chosen, topics=topics,
                  sources=sources, modes=[m.value for m in QuizMode], questions=questions,
                  result=None)


@router.post("/quiz")
async def quiz_answers(request: Request) -> Response:
    """Check every answer of the quiz (practice: nothing recorded)."""
    from starlette.concurrency import run_in_threadpool

    form = await request.form(max_files=0, max_fields=QUIZ_MAX + 10)
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    if any(len(value) > MAX_ANSWER for value in values.values()):
        raise UsageError(f"an answer has at most {MAX_ANSWER} characters")
    for value in values.values():
        _typed(value)
    return await run_in_threadpool(_check_quiz, request, values)


def _check_quiz(request: Request, values: dict[str, str]) -> Response:
    from claims.study.api import quiz_from_answers

    check_csrf(request, values.get("csrf"))
    chosen = _quiz_params(values)
    if chosen["seed"] is None:
        raise UsageError("this quiz form has no seed", hint="start the quiz again at /quiz")
    replies = [{"answer": values.get(f"a{i}", "")} for i in range(chosen["count"])]
    with read_session(request) as session:
        learner = require_page_learner(request, session)
        result = quiz_from_answers(session, replies, **chosen, record=False,
                                   learner=learner.id)
    return render(request, "quiz.html", me=learner, chosen=chosen, topics=[], sources=[],
                  modes=[], questions=None, result=result)


# --- statistics and the class ----------------------------------------------------------


@router.get("/stats")
def stats_page(request: Request) -> Response:
    """Reviews and retention per day, a review heatmap, the due forecast, per deck (SVG);
    a teacher may add ``?learner=NAME``."""
    from claims.accounts import find_account
    from claims.study.api import show_stats
    from web.statcharts import forecast_svg, heatmap_svg, reviews_svg

    wanted = (request.query_params.get("learner") or "").strip()[:100]
    deck = _deck(request.query_params.get("deck"))
    with write_session(request) as session:
        me = require_page_learner(request, session)
        who, who_id = me.name, me.id
        if wanted and wanted != me.name:
            may_see(me, wanted)
            found = find_account(session, wanted)
            who, who_id = found.name, found.id or 0
        data = show_stats(session, deck=deck, days=28, forecast_days=14, learner=who_id)
        year = show_stats(session, deck=deck, days=84, forecast_days=1, learner=who_id)
    charts = {"reviews": reviews_svg(data["reviews_per_day"]),
              "heatmap": heatmap_svg(year["reviews_per_day"]),
              "forecast": forecast_svg(data["forecast"])}
    return render(request, "stats.html", me=me, who=who, data=data, charts=charts,
                  deck=deck or "", json_url="/api/learners/" + quote(who) + "/stats")


@router.get("/class")
def class_page(request: Request) -> Response:
    """A teacher's class: each learner's reviews, retention, due cards, weakest cards."""
    from claims.study.api import class_view

    with write_session(request) as session:
        me = require_page_learner(request, session)
        require_teacher(me)
        data = class_view(session)
    return render(request, "class.html", me=me, data=data)
