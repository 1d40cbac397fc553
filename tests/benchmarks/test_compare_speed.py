"""Curation and comparison speed.

Run: pytest tests/benchmarks/test_compare_speed.py --benchmark-only
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from claims.compare import compare_metric, compare_topic
from claims.curation import load_curated, locate_all, merge_curated
from claims.ingest.metadata import load_sources
from claims.ingest.textio import read_document
from claims.models import Claim, Source
from claims.resources import seeds_dir

N_CLAIMS = 200  # claims on one metric: 19,900 pairs judged


def _texts() -> dict[str, str]:
    return {s.slug: read_document(seeds_dir() / str(s.file)).text for s in load_sources()}


def test_load_and_verify_every_curated_quote(benchmark: Any) -> None:
    texts = _texts()

    def run() -> int:
        claims = load_curated()
        assert locate_all(claims, texts) == []
        return len(claims)

    assert benchmark(run) >= 100


def test_merge_curated_into_every_seed(benchmark: Any) -> None:
    texts, claims = _texts(), load_curated()

    def run() -> int:
        return sum(len(merge_curated(slug, text, [], claims)) for slug, text in texts.items())

    assert benchmark(run) == len(claims)


def test_compare_a_metric_with_many_claims(benchmark: Any, session: Session) -> None:
    source = Source(slug="s", title="S", filename="s.txt", content_hash="h", text="x",
                    date="2000")
    session.add(source)
    session.flush()
    for i in range(N_CLAIMS):
        session.add(Claim(id=f"c{i}", source_id=source.id, kind="count", surface="x",
                          value=40000 + 50 * i, qualifier="approximately" if i % 3 else "exact",
                          metric="us-forces-in-japan", as_of=1990 + i % 10, start=0, end=1))
    session.commit()
    result = benchmark(compare_metric, session, "us-forces-in-japan")
    assert len(result.pairs) == N_CLAIMS * (N_CLAIMS - 1) // 2


def test_compare_topic_on_the_bundled_corpus(benchmark: Any, built_session: Session) -> None:
    matrix = benchmark(compare_topic, built_session, "alliance-partnership")
    assert len(matrix.sources) == 5
