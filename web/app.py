"""The FastAPI application: the database, the templates, one error shape, the routers.

``create_app(db)`` opens (and migrates) the database once, builds the bundled corpus if it
is missing (as every ``claims`` command does on first use) and reads the site's signing key.
Each request gets its own session: browsing reads (``read_session``: rolled back, never
committed); studying writes one transaction (``write_session``: committed at the end, or
rolled back on any error, so nothing is half-written).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from claims import __version__
from claims.errors import ClaimsError, Conflict, DatabaseError, NotFound, plain_validation_message
from claims.suggest import suggested_names
from web.words import in_web_words

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["version"] = __version__

API_DESCRIPTION = """JSON over a claims database. Every page of the site has a JSON twin here
with the same data, in the shapes `claims ... --format json` prints (docs/web.md). Browsing
claims is public and read-only; the study routes (`/api/cards`, `/api/learners/...`,
`/api/class`) need `Authorization: Bearer TOKEN` (`claims learner token NAME`). Errors are
`{"error": ..., "hint": ...}` with status 400 (bad input), 401 (no or a wrong token), 403
(not yours, or not a teacher), 404 (unknown id, slug, topic or metric), 409 (a stale
answer) or 503 (database unavailable)."""


def create_app(db: str | None = None, *, ensure_corpus: bool = True) -> FastAPI:
    """The application over the database ``db`` (a path or URL; default ``CLAIMS_DB`` or
    the per-user file), opened and migrated now."""
    from claims.db import open_database

    engine = open_database(db)
    if ensure_corpus:
        from claims.ingest.corpus import ensure_corpus as build_if_needed

        build_if_needed(engine)
    app = FastAPI(title="claims", version=__version__, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.secret_key = _secret_key(engine)
    from web.auth import SignInThrottles, csrf_cookie_middleware

    app.state.throttles = SignInThrottles()
    app.middleware("http")(csrf_cookie_middleware)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _add_error_handlers(app)
    from web import api, pages, study_api, study_pages

    app.include_router(api.router)
    app.include_router(study_api.router)
    app.include_router(pages.router)
    app.include_router(study_pages.router)
    app.router.add_event_handler("shutdown", engine.dispose)
    return app


def _secret_key(engine: Engine) -> str:
    """``CLAIMS_SECRET_KEY``, else the key kept in the database (made on first use)."""
    from sqlmodel import Session

    from claims.accounts import site_secret

    if os.environ.get("CLAIMS_SECRET_KEY"):
        return os.environ["CLAIMS_SECRET_KEY"]
    with Session(engine) as session:
        key = site_secret(session)
        session.commit()
    return key


def app_from_env() -> FastAPI:
    """``uvicorn --factory web.app:app_from_env``: the app over ``CLAIMS_DB``."""
    return create_app(os.environ.get("CLAIMS_DB") or None)


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    """A session for one request; whatever happens, nothing is committed."""
    with _session(request, commit=False) as session:
        yield session


@contextmanager
def write_session(request: Request) -> Iterator[Session]:
    """A session for one request that changes something: committed when the block ends
    without an error, rolled back otherwise (nothing half-written)."""
    with _session(request, commit=True) as session:
        yield session


@contextmanager
def _session(request: Request, commit: bool) -> Iterator[Session]:
    from sqlalchemy.exc import DataError, OperationalError
    from sqlmodel import Session

    from claims.errors import UsageError, database_error

    engine: Engine = request.app.state.engine
    with Session(engine) as session:
        try:
            yield session
            if commit:
                session.commit()
        except OperationalError as exc:
            raise database_error(str(exc.orig or exc)) from None
        except DataError as exc:  # a value the database refuses, e.g. NUL on PostgreSQL
            reason = str(exc.orig or exc).splitlines()[0]
            raise UsageError(f"the database cannot read a value of this request: {reason}",
                             hint="names, ids and words never contain control characters"
                             ) from None
        finally:
            session.rollback()


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


HEADINGS = {404: "Not found", 503: "Database unavailable", 401: "Sign-in required",
            403: "Not allowed", 409: "Already done", 429: "Too many attempts"}

# --- errors: one shape --------------------------------------------------------------


def error_response(request: Request, status: int, error: str, hint: str | None,
                   suggestions: list[str] | None = None) -> Response:
    """``{"error", "hint"}`` under /api/, else the error page with suggestions."""
    hint = in_web_words(hint)
    if wants_json(request):
        return JSONResponse({"error": error, "hint": hint}, status_code=status)
    links = [(name, suggestion_url(request.url.path, name)) for name in suggestions or []]
    return render(request, "error.html", status_code=status, status=status, error=error,
                  heading=HEADINGS.get(status, "Cannot do that"),
                  hint=hint, suggestions=links,
                  query=_asked_for(request))


def _asked_for(request: Request) -> str:
    """The name a page was asked for (to search for it instead)."""
    for name in ("key", "metric", "claim_id", "slug"):
        if request.path_params.get(name):
            return str(request.path_params[name])
    return request.query_params.get("topic") or request.query_params.get("q") or ""


def suggestion_url(path: str, name: str) -> str:
    """Where a suggested name leads, from the page that was asked for.

    >>> suggestion_url("/compare", "okinawa"), suggestion_url("/claims/x-1", "x-2")
    ('/compare?topic=okinawa', '/claims/x-2')
    """
    from urllib.parse import quote

    section = path.strip("/").split("/")[0]
    if section == "compare" and path.rstrip("/") == "/compare":
        return "/compare?topic=" + quote(name)
    if section in ("claims", "compare", "timeline", "sources"):
        return f"/{section}/{quote(name)}"
    return "/search?q=" + quote(name)


def _status(error: ClaimsError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict):
        return 409
    if isinstance(error, DatabaseError):
        return 503
    return 400


def _add_error_handlers(app: FastAPI) -> None:
    async def claims_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ClaimsError)
        return error_response(request, _status(exc), exc.message, exc.hint,
                              suggestions=suggested_names(exc.hint))

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = []
        for item in exc.errors():
            where = ".".join(str(p) for p in item.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {plain_validation_message(item.get('msg', 'invalid'))}")
        return error_response(request, 400, "; ".join(problems) or "invalid request",
                              "see /openapi.json for the parameters each route takes")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return error_response(request, 404, f"no page {request.url.path!r}",
                                  "start from the search page (/search)")
        return error_response(request, exc.status_code, str(exc.detail), None)

    async def denied(request: Request, exc: Exception) -> Response:
        from web.auth import Denied

        assert isinstance(exc, Denied)
        response = error_response(request, exc.status, exc.error, exc.hint)
        response.headers.update(exc.headers)
        return response

    async def sign_in_first(request: Request, exc: Exception) -> Response:
        from urllib.parse import quote

        from fastapi.responses import RedirectResponse

        from web.auth import SignInFirst

        assert isinstance(exc, SignInFirst)
        return RedirectResponse("/login?next=" + quote(exc.wanted, safe="/"), status_code=303)

    from web.auth import Denied, SignInFirst

    app.add_exception_handler(Denied, denied)
    app.add_exception_handler(SignInFirst, sign_in_first)
    app.add_exception_handler(ClaimsError, claims_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)


# Static assets served with the page, for templates.
templates.env.globals["static"] = lambda name: f"/static/{name}?v={__version__}"
