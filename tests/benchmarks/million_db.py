"""A faker-generated database of 1,000,000 claims over 10,000 sources, built once and cached.

The file lives in the user cache folder (``platformdirs``), or under
``$CLAIMS_BENCH_CACHE`` when set, named by :data:`VERSION`: bump it whenever the
generator or the schema changes and the next run builds a fresh one. Never committed.
:func:`million_claims_postgres` puts the same claims in a PostgreSQL schema.

Sentences draw from faker's English lorem vocabulary (971 common words) plus a
small domain vocabulary (surplus, forces, alliance...), so a word search matches
about 1% of claims, like a common word in real text; each claim gets a kind, a
normalized value, a metric, a year and a topic the way extraction would give them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from faker import Faker

VERSION = "1"
N_SOURCES = 10_000
CLAIMS_PER_SOURCE = 100
DOMAIN_WORDS = ("surplus", "deficit", "forces", "troops", "alliance", "budget", "bases",
                "Okinawa", "Japan", "trade", "yen", "percent", "billion", "acreage")
KINDS = ("money", "percent", "count", "date", "rank", "duration", "ratio", "money")
METRICS = ("trade-surplus", "trade-deficit", "defense-budget", "us-forces-japan",
           "alliance-support", "okinawa-acreage", "gdp", "imports")
TOPICS = ("trade", "economy", "defense-spending", "us-forces", "okinawa", "alliance")


def cache_path() -> Path:
    from platformdirs import user_cache_path

    folder = Path(os.environ.get("CLAIMS_BENCH_CACHE") or user_cache_path("claims"))
    return folder / f"bench-million-v{VERSION}.db"


def million_claims_db() -> Path:
    """The cached database file, built first if missing (about a minute)."""
    path = cache_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    _build(partial)
    partial.rename(path)
    print(f"built {path} in {time.perf_counter() - started:.0f} s")
    return path


PG_SCHEMA = f"bench_million_v{VERSION}"
PG_BUILT_KEY = "bench_million_built"


def million_claims_postgres(base_url: str) -> str:
    """A URL to the same million claims in PostgreSQL schema ``bench_million_v<VERSION>``.

    Built on first use (several minutes) and kept in the server; a row in ``meta`` marks
    a finished build, so an interrupted one starts again.
    """
    from sqlalchemy import create_engine, text

    separator = "&" if "?" in base_url else "?"
    url = f"{base_url}{separator}options=-csearch_path%3D{PG_SCHEMA}"
    engine = create_engine(base_url)
    with engine.begin() as connection:
        built = connection.execute(text(
            "SELECT to_regclass(:table) IS NOT NULL"), {"table": f"{PG_SCHEMA}.meta"}).scalar()
        if built:
            built = connection.execute(text(
                f"SELECT count(*) FROM {PG_SCHEMA}.meta WHERE key = :key"),
                {"key": PG_BUILT_KEY}).scalar()
        if not built:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE")
            connection.exec_driver_sql(f"CREATE SCHEMA {PG_SCHEMA}")
    engine.dispose()
    if not built:
        started = time.perf_counter()
        _build(url)
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.execute(text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
                               {"key": PG_BUILT_KEY, "value": VERSION})
        engine.dispose()
        print(f"built PostgreSQL schema {PG_SCHEMA} in {time.perf_counter() - started:.0f} s")
    return url


def _build(path_or_url: Path | str) -> None:
    from sqlalchemy import insert

    from claims.db import open_database
    from claims.models import Claim, ClaimTopic, Source, Topic

    fake = Faker("en_US")
    Faker.seed(1996)
    rnd = fake.random
    from faker.providers.lorem.en_US import Provider

    vocabulary = list(Provider.word_list) + list(DOMAIN_WORDS) * 3
    url = path_or_url if isinstance(path_or_url, str) else f"sqlite:///{path_or_url}"
    engine = open_database(url)
    with engine.begin() as connection:
        connection.execute(insert(Topic), [{"key": k, "label": k.title()} for k in TOPICS])
        sources = []
        for index in range(N_SOURCES):
            year = rnd.randint(1950, 2024)
            sources.append({
                "id": index + 1, "slug": f"src-{index:05d}", "title": fake.catch_phrase(),
                "authors": [{"name": fake.name(), "affiliation": fake.company()}],
                "publisher": fake.company(), "date": f"{year}-{rnd.randint(1, 12):02d}",
                "date_precision": "month", "date_inferred": False, "kind": "report",
                "filename": f"src-{index:05d}.txt", "content_hash": f"h{index}",
                "text": "synthetic", "encoding": "utf-8", "origin": "user",
            })
        connection.execute(insert(Source), sources)
        claims, links = [], []
        for source in sources:
            year = int(source["date"][:4])
            for n in range(CLAIMS_PER_SOURCE):
                claim_id = f"{source['slug']}-{n:03d}"
                kind = rnd.choice(KINDS)
                value = rnd.choice((rnd.uniform(1, 100), rnd.uniform(1e3, 1e5),
                                    rnd.uniform(1e9, 5e11)))
                words = rnd.choices(vocabulary, k=rnd.randint(8, 20))
                surface = f"${value / 1e9:.0f} billion" if kind == "money" else f"{value:,.0f}"
                words.insert(rnd.randrange(len(words)), surface)
                sentence = " ".join(words).capitalize() + "."
                start = n * 200
                claims.append({
                    "id": claim_id, "source_id": source["id"], "origin": "extracted",
                    "kind": kind, "surface": surface, "value": value, "unit": None,
                    "qualifier": "exact", "subject": None, "metric": rnd.choice(METRICS),
                    "as_of": year - rnd.randint(0, 3), "sentence": sentence,
                    "start": start, "end": start + len(surface), "sentence_start": start,
                    "sentence_end": start + len(sentence), "paragraph": n // 5 + 1,
                })
                if n % 4 == 0:
                    links.append({"claim_id": claim_id, "topic_key": rnd.choice(TOPICS)})
            if len(claims) >= 50_000:
                connection.execute(insert(Claim), claims)
                claims.clear()
        if claims:
            connection.execute(insert(Claim), claims)
        connection.execute(insert(ClaimTopic), links)
    engine.dispose()
