"""Study over HTTP (TestClient): signing in and out, cookies, CSRF, throttling, bearer
tokens, the authorization matrix over every route (anonymous, learner A, learner B,
teacher), replayed forms and bad input: a clear 4xx, never a 500, nothing written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlmodel import Session, func, select

from claims.models import Review
from webapp.conftest import PASSWORDS, csrf_of, sign_in

ROLES = ("anon", "ana", "bob", "tess")


@pytest.fixture(scope="module")
def clients(study_app: Any) -> dict[str, Any]:
    made = {role: sign_in(study_app, None if role == "anon" else role) for role in ROLES}
    yield made
    for client in made.values():
        client.close()


@pytest.fixture(scope="module")
def tokens(study_app: Any) -> dict[str, str]:
    from claims.accounts import token_for

    with Session(study_app.state.engine) as session:
        made = {name: token_for(session, name) for name in PASSWORDS}
        session.commit()
    return made


def _reviews(app: Any, name: str | None = None) -> int:
    from claims.models import Learner

    with Session(app.state.engine) as session:
        statement = select(func.count()).select_from(Review)
        if name is not None:
            statement = statement.join(Learner, Learner.id == Review.learner_id).where(
                Learner.name == name)
        return int(session.exec(statement).one())


def _first_card(client: Any, **params: str) -> dict[str, Any]:
    page = client.get("/review", params=params)
    assert page.status_code == 200, page.text[:300]
    card_id = re.search(r'name="card_id" value="([^"]+)"', page.text)
    mark = re.search(r'name="mark" value="([^"]+)"', page.text)
    assert card_id and mark, page.text[:2000]
    return {"card_id": card_id[1], "mark": mark[1], "csrf": csrf_of(page.text)}


# --- signing in -----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(clients: dict[str, Any]) -> None:
    for path in ("/review", "/quiz", "/stats", "/class", "/review/edit?card_id=x"):
        answer = clients["anon"].get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=/")


def test_a_form_sent_after_the_session_ended_leads_back_to_its_page(study_app: Any) -> None:
    client = sign_in(study_app, None)
    token = csrf_of(client.get("/login").text)
    answer = client.post("/review/answer", data={"csrf": token, "card_id": "x", "mark": "new",
                                                 "given": "1", "rating": "good"},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login?next=/review"


def test_session_cookie_flags(study_app: Any) -> None:
    from fastapi.testclient import TestClient

    for base, secure in [("http://testserver", False), ("https://testserver", True)]:
        with TestClient(study_app, base_url=base) as client:
            token = csrf_of(client.get("/login").text)
            answer = client.post("/login", data={"name": "ana", "password": PASSWORDS["ana"],
                                                 "csrf": token}, follow_redirects=False)
            assert answer.status_code == 303 and answer.headers["location"] == "/review"
            cookie = next(c for c in answer.headers.get_list("set-cookie")
                          if c.startswith("claims_session="))
            flags = {part.strip().lower() for part in cookie.split(";")[1:]}
            assert {"httponly", "samesite=lax", "path=/"} <= flags
            assert ("secure" in flags) is secure, base


def test_wrong_password_and_unknown_name_get_the_same_page(study_app: Any) -> None:
    client = sign_in(study_app, None)
    pages = []
    for name, password in [("ana", "not-her-password"), ("nobody-here", "whatever-123")]:
        token = csrf_of(client.get("/login").text)
        answer = client.post("/login", data={"name": name, "password": password,
                                             "csrf": token})
        assert answer.status_code == 401
        assert "Wrong name or password." in answer.text
        assert "claims_session" not in answer.headers.get("set-cookie", "")
        pages.append(answer.text.replace(name, "NAME"))
    assert re.sub(r'value="[^"]{40,}"', "", pages[0]) == re.sub(r'value="[^"]{40,}"', "",
                                                                 pages[1])


def test_sign_in_is_throttled_per_name_and_per_address(study_app: Any) -> None:
    from claims.throttle import ADDRESS_LIMIT, NAME_LIMIT
    from web.auth import SignInThrottles

    kept = study_app.state.throttles
    study_app.state.throttles = SignInThrottles()
    try:
        client = sign_in(study_app, None)

        def attempt(name: str, password: str = "wrong-password") -> Any:
            token = csrf_of(client.get("/login").text)  # a sign-in changes the CSRF cookie
            return client.post("/login", data={"name": name, "password": password,
                                               "csrf": token}, follow_redirects=False)

        assert [attempt("bob").status_code for _ in range(NAME_LIMIT)] == [401] * NAME_LIMIT
        refused = attempt("bob", PASSWORDS["bob"])  # even the right password now
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 0
        assert "too many failed sign-ins" in refused.text
        assert attempt("Bob").status_code == 429  # names are compared case-blind
        assert attempt("ana", PASSWORDS["ana"]).status_code == 303  # another name goes on
        for number in range(ADDRESS_LIMIT - NAME_LIMIT):
            attempt(f"someone-{number}")
        assert attempt("ana", PASSWORDS["ana"]).status_code == 429  # this address is done
    finally:
        study_app.state.throttles = kept


def test_forms_need_the_csrf_token(clients: dict[str, Any], study_app: Any) -> None:
    client = clients["ana"]
    card = _first_card(client)
    before = _reviews(study_app)
    for token in ["", "forged", card["csrf"][:-2] + "xx"]:
        answer = client.post("/review/answer", data={**card, "csrf": token,
                                                     "given": "1", "rating": "good"})
        assert answer.status_code == 403
        assert "this form was not sent from this site" in answer.text
    other = sign_in(study_app, "bob")  # bob's token is not valid with ana's cookie
    bob_token = csrf_of(other.get("/review").text)
    answer = client.post("/review/answer", data={**card, "csrf": bob_token, "given": "1",
                                                 "rating": "good"})
    assert answer.status_code == 403
    login = sign_in(study_app, None).post("/login", data={"name": "ana", "password": "x"})
    assert login.status_code == 403
    assert _reviews(study_app) == before


def test_logout_ends_the_session(study_app: Any) -> None:
    client = sign_in(study_app, "bob")
    cookie = client.cookies.get("claims_session")
    page = client.get("/review")
    assert page.status_code == 200 and "Signed in as" in page.text
    answer = client.post("/logout", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    replayed = sign_in(study_app, None)
    replayed.cookies.set("claims_session", cookie)  # the old cookie, replayed
    assert replayed.get("/review", follow_redirects=False).status_code == 303


def test_next_only_leads_within_the_site(study_app: Any) -> None:
    client = sign_in(study_app, None)
    for wanted, goes in [("/stats", "/stats"), ("//evil.example/", "/review"),
                         ("https://evil.example/", "/review")]:
        token = csrf_of(client.get("/login").text)
        answer = client.post("/login", data={"name": "ana", "password": PASSWORDS["ana"],
                                             "csrf": token, "next": wanted},
                             follow_redirects=False)
        assert answer.headers["location"] == goes


# --- bearer tokens ----------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic YW5hOng=",
                                    "bearer " + "x" * 5000])
def test_a_missing_or_wrong_token_is_a_401_json(study_app: Any, header: str | None) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(study_app, raise_server_exceptions=False)
    headers = {"Authorization": header} if header is not None else {}
    for method, path in [("get", "/api/cards"), ("post", "/api/cards/x/answer"),
                         ("get", "/api/learners/ana/stats"), ("get", "/api/class")]:
        answer = client.request(method.upper(), path, headers=headers, json={"given": "1"})
        assert answer.status_code == 401, (path, answer.text)
        assert answer.headers["www-authenticate"].startswith("Bearer")
        body = answer.json()
        assert set(body) == {"error", "hint"} and "Bearer" in body["hint"]


def test_api_answer_records_once_for_the_token_holder(study_app: Any,
                                                      tokens: dict[str, str]) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(study_app, raise_server_exceptions=False)
    ana = {"Authorization": f"Bearer {tokens['ana']}"}
    bob = {"Authorization": f"Bearer {tokens['bob']}"}
    cards = client.get("/api/cards?limit=400", headers=bob).json()
    fresh = next(c for c in cards if c["state"] == "new" and not c["choices"])
    before = (_reviews(study_app, "ana"), _reviews(study_app, "bob"))
    verdict = client.post(f"/api/cards/{fresh['id']}/answer", headers=ana,
                          json={"given": "no idea"})
    assert verdict.status_code == 200
    body = verdict.json()
    assert {"card_id", "given", "correct", "expected", "rating", "due"} <= set(body)
    assert body["card_id"] == fresh["id"] and body["recorded"] is True
    assert (_reviews(study_app, "ana"), _reviews(study_app, "bob")) == (before[0] + 1,
                                                                        before[1])
    again = {c["id"]: c for c in client.get("/api/cards?limit=400", headers=bob).json()}
    assert again[fresh["id"]]["state"] == "new"  # bob's state of it did not move
    mine = {c["id"]: c for c in client.get("/api/cards?limit=400", headers=ana).json()}
    assert mine[fresh["id"]]["state"] != "new"


@pytest.mark.parametrize("body, status, error", [
    ({"given": "x" * 2001}, 400, "given: String should have at most 2000 characters"),
    ({"given": 12}, 400, "given: Input should be a valid string"),
    ({}, 400, "given: Field required"),
    ({"given": "1", "rating": "superb"}, 400, None),
    ({"given": "1", "learner": "bob"}, 400, "learner: Extra inputs are not permitted"),
    ({"given": "1", "duration_ms": -5}, 400, None),
], ids=["oversized", "number", "missing", "bad-rating", "other-learner", "negative-time"])
def test_bad_answers_are_refused_and_nothing_is_written(
        study_app: Any, tokens: dict[str, str], body: dict[str, Any], status: int,
        error: str | None) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(study_app, raise_server_exceptions=False)
    ana = {"Authorization": f"Bearer {tokens['ana']}"}
    card = client.get("/api/cards?limit=1", headers=ana).json()[0]["id"]
    before = _reviews(study_app)
    answer = client.post(f"/api/cards/{card}/answer", headers=ana, json=body)
    assert answer.status_code == status, answer.text
    assert set(answer.json()) == {"error", "hint"}
    if error:
        assert answer.json()["error"] == error
    assert _reviews(study_app) == before


@pytest.mark.parametrize("raw, content_type", [
    (b'{"given": "\xff\xfe"}', "application/json"),  # invalid UTF-8
    (b'{"given": ', "application/json"),  # truncated JSON
    (b"given=1", "application/x-www-form-urlencoded"),  # not JSON
], ids=["invalid-utf8", "truncated", "form"])
def test_undecodable_bodies_are_400(study_app: Any, tokens: dict[str, str], raw: bytes,
                                    content_type: str) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(study_app, raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {tokens['ana']}", "Content-Type": content_type}
    before = _reviews(study_app)
    answer = client.post("/api/cards/x/answer", headers=headers, content=raw)
    assert answer.status_code == 400, answer.text
    assert "error" in answer.json()
    assert _reviews(study_app) == before


@pytest.mark.parametrize("card_id", ["no-such-card", "x" * 300, "%00", "..%2F..%2Fetc",
                                     "' OR 1=1 --"])
def test_forged_card_ids_are_404(study_app: Any, tokens: dict[str, str], card_id: str) -> None:
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    client = TestClient(study_app, raise_server_exceptions=False)
    ana = {"Authorization": f"Bearer {tokens['ana']}"}
    before = _reviews(study_app)
    answer = client.post(f"/api/cards/{quote(card_id, safe='%')}/answer", headers=ana,
                         json={"given": "1"})
    assert answer.status_code in (400, 404), answer.text
    assert set(answer.json()) == {"error", "hint"}
    assert _reviews(study_app) == before


# --- replayed forms -----------------------------------------------------------------------


def test_a_replayed_answer_form_is_recorded_once(clients: dict[str, Any], study_app: Any) -> None:
    client = clients["tess"]
    card = _first_card(client)
    form = {**card, "given": "1996", "rating": "good"}
    before = _reviews(study_app, "tess")
    first = client.post("/review/answer", data=form, follow_redirects=False)
    assert first.status_code == 303
    again = client.post("/review/answer", data=form, follow_redirects=False)
    assert again.status_code == 409
    assert "was answered since this question was shown" in again.text
    assert _reviews(study_app, "tess") == before + 1
    page = client.get("/review")
    undo_id = re.search(r'name="answer_id" value="(\d+)"', page.text)
    assert undo_id
    undo = {"csrf": csrf_of(page.text), "answer_id": undo_id[1]}
    assert client.post("/review/undo", data=undo, follow_redirects=False).status_code == 303
    assert client.post("/review/undo", data=undo, follow_redirects=False).status_code == 409


def test_the_review_page_checks_then_rates(clients: dict[str, Any], study_app: Any) -> None:
    client = clients["bob"]
    card = _first_card(client)
    before = _reviews(study_app, "bob")
    checked = client.post("/review/check", data={**card, "given": "no idea"})
    assert checked.status_code == 200
    assert re.search(r'id="verdict"', checked.text)
    assert "the answer is <strong>" in checked.text
    for key, label in [("1", "Again"), ("2", "Hard"), ("3", "Good"), ("4", "Easy")]:
        assert f'data-key="{key}"' in checked.text and label in checked.text
    assert _reviews(study_app, "bob") == before  # checking records nothing
    rated = client.post("/review/answer", data={**card, "given": "no idea", "rating": "again"},
                        follow_redirects=False)
    assert rated.status_code == 303 and rated.headers["location"] == "/review"
    assert _reviews(study_app, "bob") == before + 1


@pytest.mark.parametrize("path", ["/review/check", "/review/answer"])
def test_form_answers_that_are_not_utf8_are_400(clients: dict[str, Any], study_app: Any,
                                                path: str) -> None:
    from urllib.parse import urlencode

    client = clients["ana"]
    card = _first_card(client)
    before = _reviews(study_app)
    body = urlencode({**card, "rating": "good"}).encode() + b"&given=%ff%fe"
    answer = client.post(path, content=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 400
    assert "not valid UTF-8" in answer.text
    assert _reviews(study_app) == before


def test_oversized_form_answers_are_400(clients: dict[str, Any], study_app: Any) -> None:
    client = clients["ana"]
    card = _first_card(client)
    before = _reviews(study_app)
    answer = client.post("/review/answer", data={**card, "given": "9" * 2001, "rating": "good"})
    assert answer.status_code == 400
    assert "at most 2000 characters" in answer.text
    assert _reviews(study_app) == before


# --- the authorization matrix ----------------------------------------------------------

PUBLIC_PAGES = ["/", "/search", "/claims/cronin-1996-forces-45000", "/compare",
                "/compare/us-forces-in-japan", "/timeline", "/timeline/okinawa", "/sources",
                "/sources/cronin-1996", "/cite?ids=cronin-1996-forces-45000", "/login",
                "/openapi.json"]
PUBLIC_API = ["/api/search?q=surplus", "/api/facets?q=surplus",
              "/api/claims/cronin-1996-forces-45000", "/api/compare/us-forces-in-japan",
              "/api/compare?topic=okinawa", "/api/timeline/okinawa", "/api/sources",
              "/api/sources/cronin-1996", "/api/cite?ids=cronin-1996-forces-45000",
              "/api/metrics", "/api/topics"]
OK = dict.fromkeys(ROLES, 200)
SIGNED_IN = {"anon": 303, "ana": 200, "bob": 200, "tess": 200}
REDIRECTS = {"anon": 303, "ana": 303, "bob": 303, "tess": 303}
TEACHER_PAGE = {"anon": 303, "ana": 403, "bob": 403, "tess": 200}
API = {"anon": 401, "ana": 200, "bob": 200, "tess": 200}

# (method, route template) -> [(url, form or JSON, expected status per role)]
MATRIX: dict[tuple[str, str], list[tuple[str, Any, dict[str, int]]]] = {
    ("GET", "/review"): [("/review", None, SIGNED_IN)],
    ("POST", "/review/check"): [("/review/check", "card", SIGNED_IN)],
    ("POST", "/review/answer"): [("/review/answer", "card", REDIRECTS)],
    ("POST", "/review/undo"): [("/review/undo", "undo-bob", {
        "anon": 303, "ana": 409, "bob": 303, "tess": 409})],  # only bob's own answer
    ("POST", "/review/suspend"): [("/review/suspend", "card", REDIRECTS)],
    ("POST", "/review/bury"): [("/review/bury", "card", REDIRECTS)],
    ("GET", "/review/edit"): [("/review/edit?card_id={card}", None, SIGNED_IN)],
    ("POST", "/review/edit"): [("/review/edit", "edit", REDIRECTS)],
    ("GET", "/quiz"): [("/quiz", None, SIGNED_IN),
                       ("/quiz?start=1&count=2&seed=7", None, SIGNED_IN)],
    ("POST", "/quiz"): [("/quiz", "quiz", SIGNED_IN)],
    ("GET", "/stats"): [("/stats", None, SIGNED_IN),
                        ("/stats?learner=bob", None, {"anon": 303, "ana": 403, "bob": 200,
                                                      "tess": 200}),
                        ("/stats?learner=nobody", None, {"anon": 303, "ana": 403,
                                                         "bob": 403, "tess": 404})],
    ("GET", "/class"): [("/class", None, TEACHER_PAGE)],
    ("GET", "/login"): [("/login", None, OK)],
    ("POST", "/login"): [("/login", "wrong-login", dict.fromkeys(ROLES, 401))],
    ("POST", "/logout"): [("/logout", "plain", REDIRECTS)],
    ("GET", "/api/cards"): [("/api/cards?limit=5", None, API)],
    ("POST", "/api/cards/{card_id}/answer"): [("/api/cards/{card}/answer", "json", API)],
    ("GET", "/api/learners/{name}/stats"): [
        ("/api/learners/ana/stats", None, {"anon": 401, "ana": 200, "bob": 403, "tess": 200}),
        ("/api/learners/bob/stats", None, {"anon": 401, "ana": 403, "bob": 200, "tess": 200}),
        ("/api/learners/nobody/stats", None, {"anon": 401, "ana": 403, "bob": 403,
                                              "tess": 404})],
    ("GET", "/api/class"): [("/api/class", None, {"anon": 401, "ana": 403, "bob": 403,
                                                  "tess": 200})],
}
for _url in PUBLIC_PAGES + PUBLIC_API:
    MATRIX.setdefault(("GET", "?"), []).append((_url, None, OK))


def _routes(app: Any) -> set[tuple[str, str]]:
    from starlette.routing import Mount

    found = set()
    routes = []
    for route in app.routes:  # FastAPI keeps an included router as one entry
        routes += getattr(getattr(route, "original_router", None), "routes", [route])
    for route in routes:
        if isinstance(route, Mount):
            continue
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD":
                found.add((method, route.path))
    return found


def test_the_matrix_covers_every_route(study_app: Any) -> None:
    public = {("GET", url.split("?")[0]) for url in PUBLIC_PAGES + PUBLIC_API}
    templates = {
        "/claims/cronin-1996-forces-45000": "/claims/{claim_id}",
        "/compare/us-forces-in-japan": "/compare/{metric}",
        "/timeline/okinawa": "/timeline/{key}", "/sources/cronin-1996": "/sources/{slug}",
        "/api/claims/cronin-1996-forces-45000": "/api/claims/{claim_id}",
        "/api/compare/us-forces-in-japan": "/api/compare/{metric}",
        "/api/timeline/okinawa": "/api/timeline/{key}",
        "/api/sources/cronin-1996": "/api/sources/{slug}"}
    public = {(m, templates.get(p, p)) for m, p in public}
    covered = public | {key for key in MATRIX if key[1] != "?"}
    assert _routes(study_app) == covered


def _body(kind: str, client: Any, role: str, study_app: Any, bob_answer: int) -> Any:
    token = csrf_of(client.get("/login").text)
    if kind == "plain":
        return {"csrf": token}
    if kind == "wrong-login":
        return {"csrf": token, "name": "ana", "password": "not the password"}
    if kind == "undo-bob":
        return {"csrf": token, "answer_id": str(bob_answer)}
    if kind == "quiz":
        return {"csrf": token, "mode": "mixed", "count": "2", "seed": "7", "a0": "1996"}
    card = _matrix_card(study_app, role)
    if kind == "edit":
        return {"csrf": token, "card_id": card["id"], "question": card["question"],
                "answer": card["answer"]}
    return {"csrf": token, "card_id": card["id"], "mark": card["mark"], "given": "1",
            "rating": "good"}


def _matrix_card(study_app: Any, role: str) -> dict[str, Any]:
    from claims.study.api import card_view

    with Session(study_app.state.engine) as session:
        return card_view(session, MATRIX_CARD, learner=None if role == "anon" else role)


MATRIX_CARD = "0b776b2ada-cloze"  # the cloze card of cronin-1996-forces-45000


def _bob_last_answer(study_app: Any, tokens: dict[str, str]) -> int:
    from fastapi.testclient import TestClient

    from claims.study.api import last_undoable

    client = TestClient(study_app)
    client.post(f"/api/cards/{MATRIX_CARD}/answer", json={"given": "45,000"},
                headers={"Authorization": f"Bearer {tokens['bob']}"})
    with Session(study_app.state.engine) as session:
        found = last_undoable(session, learner="bob")
    assert found is not None
    return found


@pytest.mark.parametrize("route", sorted(MATRIX, key=str), ids=lambda r: f"{r[0]} {r[1]}")
def test_authorization_matrix(study_app: Any, tokens: dict[str, str],
                              route: tuple[str, str]) -> None:
    method = route[0]
    seen: dict[str, dict[str, int]] = {}
    for url, body, expected in MATRIX[route]:
        url = url.replace("{card}", MATRIX_CARD)
        got = {}
        for role in ROLES:
            if route[1].startswith("/api/") and method == "POST":
                client = sign_in(study_app, None)  # a POST to the API: bearer tokens only
                headers = {"Authorization": f"Bearer {tokens[role]}"} if role != "anon" else {}
                answer = client.post(url, json={"given": "45,000"}, headers=headers)
            elif route[1].startswith("/api/") and role != "anon":
                answer = sign_in(study_app, None).get(
                    url, headers={"Authorization": f"Bearer {tokens[role]}"})
            else:
                client = sign_in(study_app, None if role == "anon" else role)
                if method == "GET":
                    answer = client.get(url, follow_redirects=False)
                else:
                    bob_answer = _bob_last_answer(study_app, tokens) if body == "undo-bob" else 0
                    answer = client.post(url, data=_body(body, client, role, study_app,
                                                         bob_answer), follow_redirects=False)
            got[role] = answer.status_code
            assert answer.status_code != 500, (url, role, answer.text[:500])
            if answer.status_code in (401, 403) and url.startswith("/api/"):
                assert set(answer.json()) == {"error", "hint"}
        seen[url] = got
        assert got == expected, (url, got)


def test_api_reads_also_accept_the_session_cookie(clients: dict[str, Any]) -> None:
    assert clients["ana"].get("/api/cards?limit=2").status_code == 200
    assert clients["ana"].get("/api/class").status_code == 403
    assert clients["tess"].get("/api/class").status_code == 200
    posted = clients["ana"].post("/api/cards/x/answer", json={"given": "1"})
    assert posted.status_code == 401  # a cookie never writes through the API (no CSRF)


def test_class_view_lists_every_learner(clients: dict[str, Any]) -> None:
    data = clients["tess"].get("/api/class").json()
    assert [row["name"] for row in data["learners"]] == ["ana", "bob", "tess"]
    row = data["learners"][0]
    assert {"reviews_total", "reviews", "retention", "due_now", "started", "weakest",
            "last_review", "teacher"} <= set(row)
    page = clients["tess"].get("/class")
    assert page.status_code == 200
    for name in ("ana", "bob", "tess"):
        assert f'href="/stats?learner={name}"' in page.text


def test_stats_page_draws_svg_charts(clients: dict[str, Any]) -> None:
    page = clients["ana"].get("/stats")
    assert page.status_code == 200
    for chart in ("reviews-chart", "heatmap-chart", "forecast-chart"):
        assert re.search(rf'<svg class="chart" id="{chart}" role="img"', page.text), chart
    assert "/api/learners/ana/stats" in page.text


@pytest.mark.parametrize("name", ["ana\x00", "\x00", "a" * 5000, "'; DROP TABLE learner; --",
                                  "ána", " "], ids=["nul-suffix", "nul", "oversized", "sql",
                                                    "accent", "blank"])
def test_hostile_names_are_refused_plainly(study_app: Any, tokens: dict[str, str],
                                           name: str) -> None:
    from urllib.parse import quote

    client = sign_in(study_app, None)
    token = csrf_of(client.get("/login").text)
    answer = client.post("/login", data={"name": name, "password": "whatever-123",
                                         "csrf": token})
    assert answer.status_code in (400, 401), answer.text[:300]
    teacher = {"Authorization": f"Bearer {tokens['tess']}"}
    stats = client.get(f"/api/learners/{quote(name)}/stats", headers=teacher)
    assert stats.status_code in (400, 404), stats.text[:300]
    assert set(stats.json()) == {"error", "hint"}


def test_a_removed_learner_is_signed_out_everywhere(study_app: Any) -> None:
    from fastapi.testclient import TestClient

    from claims.accounts import add_account, remove_learner, token_for

    with Session(study_app.state.engine) as session:
        add_account(session, "dan", "dan-password-1")
        token = token_for(session, "dan")
        session.commit()
    browser = sign_in(study_app, None)
    login = browser.post("/login", data={"name": "dan", "password": "dan-password-1",
                                         "csrf": csrf_of(browser.get("/login").text)},
                         follow_redirects=False)
    assert login.status_code == 303
    script = TestClient(study_app, raise_server_exceptions=False)
    bearer = {"Authorization": f"Bearer {token}"}
    assert browser.get("/review").status_code == 200
    assert script.get("/api/cards?limit=1", headers=bearer).status_code == 200
    with Session(study_app.state.engine) as session:
        remove_learner(session, "dan")
        session.commit()
    assert browser.get("/review", follow_redirects=False).status_code == 303
    assert script.get("/api/cards?limit=1", headers=bearer).status_code == 401
    again = browser.post("/login", data={"name": "dan", "password": "dan-password-1",
                                         "csrf": csrf_of(browser.get("/login").text)})
    assert again.status_code == 401
