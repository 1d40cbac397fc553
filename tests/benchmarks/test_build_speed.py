"""Building the bundled corpus, and ingesting 1,000 faker-generated documents.

Run: pytest tests/benchmarks/test_build_speed.py --benchmark-only
Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from faker import Faker

from claims.db import drop_everything, open_database
from claims.ingest.corpus import build_bundled
from claims.ingest.store import ingest_files

N_DOCUMENTS = 1_000


def _documents(folder: Path, count: int) -> list[Path]:
    fake = Faker("en_US")
    Faker.seed(1993)
    paths = []
    for index in range(count):
        paragraphs = [
            f"{fake.sentence(nb_words=12)} The surplus reached ${fake.random_int(1, 200)}-billion "
            f"in {fake.random_int(1950, 2024)}, about {fake.random_int(1, 99)} percent of trade. "
            f"{fake.paragraph(nb_sentences=4)}"
            for _ in range(6)
        ]
        path = folder / f"doc-{index:04d}.txt"
        path.write_text(f"{fake.catch_phrase()}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def test_build_bundled_corpus(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def setup():  # type: ignore[no-untyped-def]
        engine = open_database(f"sqlite:///{tmp_path / 'b.db'}")
        drop_everything(engine)
        engine.dispose()
        return (open_database(f"sqlite:///{tmp_path / 'b.db'}"),), {}

    report = benchmark.pedantic(build_bundled, setup=setup, rounds=5)
    assert len(report.results) == 5


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _documents(tmp_path_factory.mktemp("faker"), N_DOCUMENTS)


def test_ingest_1000_documents(benchmark, corpus_files: list[Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter = iter(range(100))

    def setup():  # type: ignore[no-untyped-def]
        return (open_database(f"sqlite:///{tmp_path / f'i{next(counter)}.db'}"), corpus_files), {}

    results = benchmark.pedantic(ingest_files, setup=setup, rounds=2)
    assert len(results) == N_DOCUMENTS and {r.status for r in results} == {"added"}
    size = sum(p.stat().st_size for p in corpus_files)
    benchmark.extra_info["documents"] = N_DOCUMENTS
    benchmark.extra_info["megabytes"] = round(size / 1e6, 2)
