"""Search speed on a million claims (faker-generated, cached), beside a naive LIKE scan.

Run: pytest tests/benchmarks/test_search_speed.py --benchmark-only
(first run builds the cached database, ~2 minutes; see million_db.py). With
CLAIMS_BENCH_POSTGRES_URL (or CLAIMS_TEST_DATABASE_URL) set to a PostgreSQL URL, the
same searches run there too, on a copy built once into its own schema. Figures go to
docs/lookup.md and docs/benchmarks.md. Nothing here asserts a time.

Each benchmark cycles through a fixed list of queries of one class, so its median is
the p50 over that class:
- common: one word of faker's lorem vocabulary (each in ~1.4% of claims, ~14,000)
- two words: two such words (all must match: a few hundred claims)
- domain: surplus, forces, alliance... (also in metric keys: up to 16% of claims)
- miss: misspellings that match nothing
"""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from faker.providers.lorem.en_US import Provider
from million_db import million_claims_db, million_claims_postgres
from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from claims.db import open_database
from claims.db.reading import open_sqlite_reader
from claims.models import Claim
from claims.search import search, terms

_rnd = random.Random(75)
_WORDS = sorted(w for w in Provider.word_list if len(w) > 3)
QUERIES = {
    "common": _rnd.sample(_WORDS, 25),
    "two-words": [" ".join(_rnd.sample(_WORDS, 2)) for _ in range(25)],
    "domain": ["surplus", "forces", "alliance", "budget", "Okinawa bases", "troops Japan"],
    "miss": ["surplsu", "allaince", "okinwa", "qwertyuiop"],
}
QUERIES["mixed"] = [q for group in ("common", "two-words", "domain", "miss")
                    for q in QUERIES[group][:6]]


@pytest.fixture(scope="module")
def million_session():  # type: ignore[no-untyped-def]
    engine = open_database(f"sqlite:///{million_claims_db()}")
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def million_reader(million_session):  # type: ignore[no-untyped-def]
    """What `claims search` reads through on SQLite: stdlib sqlite3 (claims.db.reading)."""
    reader = open_sqlite_reader(f"sqlite:///{million_claims_db()}")
    assert reader is not None
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def million_postgres():  # type: ignore[no-untyped-def]
    """The same million claims in PostgreSQL (CLAIMS_BENCH_POSTGRES_URL or
    CLAIMS_TEST_DATABASE_URL names the server; built once into its own schema)."""
    base = os.environ.get("CLAIMS_BENCH_POSTGRES_URL") or os.environ.get(
        "CLAIMS_TEST_DATABASE_URL")
    if not base or not base.startswith("postgresql"):
        pytest.skip("set CLAIMS_BENCH_POSTGRES_URL to a PostgreSQL URL")
    engine = open_database(million_claims_postgres(base))
    with Session(engine) as session:
        yield session
    engine.dispose()


def naive_like(session: Session, words: str, ranked: bool, limit: int = 20) -> list[str]:
    """The baseline: every word as a LIKE '%word%' over the sentence.

    ``ranked=False`` takes the first ``limit`` rows (may stop early); ``ranked=True``
    orders by sentence length, a crude relevance that makes it read every row, as a
    ranked search must.
    """
    conditions = [col(Claim.sentence).ilike(f"%{term}%") for term in terms(words)]
    statement = select(Claim.id).where(and_(*conditions))
    if ranked:
        statement = statement.order_by(func.length(Claim.sentence), col(Claim.id))
    return list(session.exec(statement.limit(limit)).all())


# The databases search is benchmarked on: fixture name -> what reads it.
ENGINES = {
    "million_reader": "claims.search (FTS5 bm25, sqlite3 reader: what the CLI uses)",
    "million_session": "claims.search (FTS5 bm25, SQLAlchemy session)",
    "million_postgres": "claims.search (PostgreSQL ts_rank, ranking window)",
}


@pytest.mark.parametrize("group", list(QUERIES))
@pytest.mark.parametrize("engine", list(ENGINES))
def test_search_fts(benchmark, request, engine: str, group: str) -> None:  # type: ignore[no-untyped-def]
    database = request.getfixturevalue(engine)
    queries = itertools.cycle(QUERIES[group])
    benchmark.group = f"search-{group}"
    benchmark.extra_info["engine"] = ENGINES[engine]
    hits = benchmark(lambda: search(database, next(queries)))
    assert isinstance(hits, list)


@pytest.mark.parametrize("group", list(QUERIES))
@pytest.mark.parametrize("ranked", [False, True], ids=["like-first20", "like-ranked"])
def test_search_naive_like(benchmark, million_session, group: str, ranked: bool) -> None:  # type: ignore[no-untyped-def]
    queries = itertools.cycle(QUERIES[group])
    benchmark.group = f"search-{group}"
    rows = benchmark.pedantic(lambda: naive_like(million_session, next(queries), ranked),
                              rounds=len(QUERIES[group]), iterations=1)
    assert isinstance(rows, list)


FILTERS = [
    {"kind": "money", "min_value": 1e10},
    {"topic": "trade"},
    {"source": "src-05000"},
    {"words": "surplus", "kind": "money", "min_value": 1e10},
    {"words": "government", "year_from": 1990, "year_to": 1999},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "-".join(f"{k}={v}" for k, v in f.items()))
@pytest.mark.parametrize("engine", ["million_reader", "million_postgres"])
def test_search_filters(benchmark, request, engine: str, filters) -> None:  # type: ignore[no-untyped-def]
    database = request.getfixturevalue(engine)
    filters = dict(filters)
    words = filters.pop("words", None)
    benchmark.group = "search-filters" + ("-postgresql" if "postgres" in engine else "")
    benchmark.extra_info["engine"] = ENGINES[engine]
    benchmark.pedantic(lambda: search(database, words, **filters), rounds=5, iterations=1)


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claims.ingest.corpus import build_bundled

    path = tmp_path_factory.mktemp("bundled") / "claims.db"
    engine = open_database(f"sqlite:///{path}")
    build_bundled(engine)
    engine.dispose()
    return path


@pytest.mark.parametrize("argv", [["search", "surplus", "--format", "json"], ["--help"]],
                         ids=["search", "help"])
def test_fresh_process(benchmark, bundled_db: Path, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A new `claims` process each round, as a user at a shell runs it."""
    command = [str(Path(sys.executable).with_name("claims")), "--db", str(bundled_db), *argv]
    benchmark.group = "fresh-process"
    done = benchmark.pedantic(
        lambda: subprocess.run(command, capture_output=True, text=True, check=True),
        rounds=10, iterations=1, warmup_rounds=1,
    )
    assert done.returncode == 0
