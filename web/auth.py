"""Who is asking: browser sessions, bearer tokens, CSRF tokens and sign-in throttles.

* A browser signs in at /login and gets a session cookie (``claims_session``: HttpOnly,
  SameSite=Lax, Secure when the request came over HTTPS) holding a random token; the
  database keeps its SHA-256 only (claims.accounts), so signing out ends it for good.
* Scripts send ``Authorization: Bearer TOKEN`` (``claims learner token NAME``). A
  missing or wrong token on a study route of /api/ is a 401 in the one error shape.
  GET routes of /api/ also accept the session cookie (a page's JSON twin); a POST to
  /api/ needs the bearer token, which a browser never sends on its own, so it needs no
  CSRF token.
* Every form carries a CSRF token: the value of the ``claims_csrf`` cookie signed with
  the site's key by itsdangerous (a signed double-submit cookie, OWASP's stateless
  pattern). A form from another site cannot know it; an old one expires.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import Response

from claims.throttle import ADDRESS_LIMIT, NAME_LIMIT, Throttle

if TYPE_CHECKING:
    from sqlmodel import Session

SESSION_COOKIE = "claims_session"
CSRF_COOKIE = "claims_csrf"
CSRF_FIELD = "csrf"
CSRF_MAX_AGE = 12 * 3600  # seconds a form stays valid
CSRF_SALT = "claims.csrf"


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking, read once per request (no database object leaves the session)."""

    id: int
    name: str
    teacher: bool


def _viewer(learner: Any) -> Viewer | None:
    """A claims.models.Learner (or None) as a Viewer."""
    if learner is None or learner.id is None:
        return None
    return Viewer(learner.id, learner.name, bool(learner.teacher))


class Denied(Exception):
    """A request that may not go on: 401, 403, 429 (or a redirect to /login)."""

    def __init__(self, status: int, error: str, hint: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.hint, self.headers = status, error, hint, headers or {}


class SignInFirst(Exception):
    """A study page asked for without a session: the browser goes to /login."""

    def __init__(self, wanted: str) -> None:
        super().__init__(wanted)
        self.wanted = wanted


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int | None = None) -> None:
    """A cookie scripts cannot read, not sent by other sites' forms, HTTPS-only on HTTPS."""
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True,
                        samesite="lax", secure=is_https(request))


# --- CSRF ----------------------------------------------------------------------------


def _signer(request: Request) -> Any:
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(request.app.state.secret_key, salt=CSRF_SALT)


def csrf_cookie_value(request: Request) -> str:
    """This browser's CSRF cookie (made by the middleware on its first visit)."""
    value: str = getattr(request.state, "csrf", None) or request.cookies.get(CSRF_COOKIE, "")
    return value


def csrf_token(request: Request) -> str:
    """The token a form of this page carries."""
    token: str = _signer(request).dumps(csrf_cookie_value(request))
    return token


def check_csrf(request: Request, token: str | None) -> None:
    """Refuse a form that does not carry this browser's CSRF token (403)."""
    from itsdangerous import BadData

    cookie = request.cookies.get(CSRF_COOKIE)
    refused = Denied(403, "this form was not sent from this site's page, or has expired",
                     "reload the page and send the form again")
    if not cookie or not token or len(token) > 500:
        raise refused
    try:
        value = _signer(request).loads(token, max_age=CSRF_MAX_AGE)
    except BadData:
        raise refused from None
    if not secrets.compare_digest(str(value), cookie):
        raise refused


async def csrf_cookie_middleware(request: Request, call_next: Any) -> Response:
    """Give each browser a CSRF cookie on its first visit; add the security headers."""
    fresh = None
    if not request.cookies.get(CSRF_COOKIE):
        fresh = secrets.token_urlsafe(32)
        request.state.csrf = fresh
    response: Response = await call_next(request)
    if fresh is not None and not request.url.path.startswith(("/api/", "/static/")):
        set_cookie(request, response, CSRF_COOKIE, fresh)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


# --- who is asking -------------------------------------------------------------------


def page_learner(request: Request, session: Session) -> Viewer | None:
    """The learner signed in with this browser's session cookie, if any."""
    from claims.accounts import SESSION, learner_for_token

    return _viewer(learner_for_token(session, request.cookies.get(SESSION_COOKIE),
                                     kind=SESSION))


def require_page_learner(request: Request, session: Session) -> Viewer:
    """The signed-in learner; anonymous visitors are sent to /login (SignInFirst)."""
    learner = page_learner(request, session)
    if learner is None:
        wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        # after a form (POST), come back to its page: /review/answer -> /review
        section = "/" + request.url.path.strip("/").split("/")[0]
        raise SignInFirst(wanted if request.method == "GET" else section)
    return learner


def api_learner(request: Request, session: Session) -> Viewer:
    """The learner of the bearer token (or, for a GET, of the session cookie); 401 JSON
    without one."""
    from claims.accounts import API, learner_for_token

    header = request.headers.get("authorization")
    challenge = {"WWW-Authenticate": 'Bearer realm="claims"'}
    if header is not None:
        scheme, _, token = header.partition(" ")
        learner = None
        if scheme.lower() == "bearer":
            learner = _viewer(learner_for_token(session, token.strip(), kind=API))
        if learner is None:
            raise Denied(401, "the bearer token is missing, malformed or not valid",
                         "send `Authorization: Bearer TOKEN`, a token from "
                         "claims learner token NAME", challenge)
        return learner
    if request.method == "GET":
        learner = page_learner(request, session)
        if learner is not None:
            return learner
    raise Denied(401, "sign-in required", "send `Authorization: Bearer TOKEN`, a token "
                 "from claims learner token NAME", challenge)


def require_teacher(viewer: Viewer) -> None:
    if not viewer.teacher:
        raise Denied(403, "only a teacher sees the class",
                     "a teacher is added with claims learner add NAME --teacher")


def may_see(viewer: Viewer, name: str) -> None:
    """A learner sees their own statistics; a teacher sees everyone's (403 otherwise)."""
    if viewer.name != name.strip() and not viewer.teacher:
        raise Denied(403, "you may see only your own progress",
                     f"your statistics are at /stats (you are {viewer.name})")


# --- sign-in throttles ---------------------------------------------------------------


class SignInThrottles:
    """Failed sign-ins counted per name and per address (claims.throttle)."""

    def __init__(self) -> None:
        self.by_name = Throttle(NAME_LIMIT)
        self.by_address = Throttle(ADDRESS_LIMIT)

    @staticmethod
    def keys(request: Request, name: str) -> tuple[str, str]:
        address = request.client.host if request.client else "unknown"
        return name.strip().casefold()[:100], address

    def wait(self, request: Request, name: str) -> float:
        who, where = self.keys(request, name)
        now = time.monotonic()
        return max(self.by_name.wait(who, now), self.by_address.wait(where, now))

    def failed(self, request: Request, name: str) -> None:
        who, where = self.keys(request, name)
        now = time.monotonic()
        self.by_name.fail(who, now)
        self.by_address.fail(where, now)

    def passed(self, request: Request, name: str) -> None:
        self.by_name.clear(self.keys(request, name)[0])
