"""Speed of `claims serve`: /api/search beside the library call it wraps, on the million-claim
database, and page renders on the bundled corpus.

Run: CLAIMS_BENCH_CACHE=/some/folder pytest tests/benchmarks/test_web_speed.py --benchmark-only
(first run builds the cached million-claim database; see million_db.py). Requests go through
FastAPI's TestClient: the whole ASGI stack (routing, validation, JSON) without a socket.
Figures go to docs/web.md, "Speed". Two targets are asserted, from medians measured here:
/api/search within 2x the library call, and a page under 50 ms.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest
from million_db import million_claims_db
from test_search_speed import QUERIES

MIXED = QUERIES["mixed"]
PAGES = ["/search?q=surplus", "/claims/cronin-1996-forces-45000",
         "/compare/us-forces-in-japan", "/compare?topic=okinawa", "/timeline/okinawa",
         "/sources/cronin-1996", "/sources"]


def _client(url: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from web.app import create_app

    app = create_app(url, ensure_corpus=False)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def million_client() -> Iterator[Any]:
    yield from _client(f"sqlite:///{million_claims_db()}")


@pytest.fixture(scope="module")
def million_session() -> Iterator[Any]:
    from sqlmodel import Session

    from claims.db import open_database

    engine = open_database(f"sqlite:///{million_claims_db()}")
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def corpus_client(built_db_url: str) -> Iterator[Any]:
    yield from _client(built_db_url)


def _cycle(call: Callable[[str], Any], queries: list[str]) -> Callable[[], Any]:
    items = itertools.cycle(queries)
    return lambda: call(next(items))


def _library(session: Any) -> Callable[[str], Any]:
    from claims.db.reading import as_reader
    from claims.search import search

    return lambda q: [hit.to_dict() for hit in search(as_reader(session), q)]


def _api(client: Any) -> Callable[[str], Any]:
    def call(q: str) -> Any:
        answer = client.get(f"/api/search?q={quote(q)}")
        assert answer.status_code == 200
        return answer.json()

    return call


def test_library_search_million(benchmark, million_session) -> None:  # type: ignore[no-untyped-def]
    benchmark(_cycle(_library(million_session), MIXED))


def test_api_search_million(benchmark, million_client) -> None:  # type: ignore[no-untyped-def]
    benchmark(_cycle(_api(million_client), MIXED))


def _timed(call: Callable[[str], Any], q: str) -> float:
    started = time.perf_counter()
    call(q)
    return time.perf_counter() - started


def test_api_search_within_twice_the_library_call(  # type: ignore[no-untyped-def]
    benchmark, million_session, million_client
) -> None:
    """Each query through the library, then through /api/search, in turn (so a busy
    machine slows both alike); the p50 of each over five rounds of the mixed queries."""
    library, api = _library(million_session), _api(million_client)
    for q in MIXED:  # warm both
        library(q), api(q)
    lib_times: list[float] = []
    api_times: list[float] = []

    def rounds() -> None:
        for _ in range(5):
            for q in MIXED:
                lib_times.append(_timed(library, q))
                api_times.append(_timed(api, q))

    benchmark.pedantic(rounds, rounds=1, iterations=1)
    lib_ms = statistics.median(lib_times) * 1000
    api_ms = statistics.median(api_times) * 1000
    print(f"\np50 library search {lib_ms:.2f} ms, /api/search {api_ms:.2f} ms "
          f"({api_ms / lib_ms:.2f}x)")
    assert api_ms <= 2 * lib_ms


@pytest.mark.parametrize("url", PAGES)
def test_page_render(benchmark, corpus_client, url: str) -> None:  # type: ignore[no-untyped-def]
    def render() -> None:
        answer = corpus_client.get(url)
        assert answer.status_code == 200

    benchmark(render)
    assert benchmark.stats.stats.median < 0.050
