"""Throughput of ``claims.ingest.clean.clean_document`` on the seeds and on a news page.

Run: .venv/bin/pytest tests/benchmarks/test_clean_speed.py --benchmark-only
Each benchmark stores its throughput (MB/s of UTF-8 input) in ``extra_info``; the summary
prints them. No wall-clock assertion (timings depend on the machine).
"""

from __future__ import annotations

from claims.ingest.clean import clean_document
from claims.ingest.textio import read_document
from claims.resources import seeds_dir

DOCS = [read_document(p).text for p in sorted(seeds_dir().glob("*.txt"))]
SIZE = sum(len(d.encode("utf-8")) for d in DOCS)
RESULTS: dict[str, float] = {}


def _news_pages() -> list[str]:
    """The news page of the case tables (bylines, captions, sign-up boxes) and the dense
    news articles of the extraction benchmark, about 200 KB."""
    from tests.benchmarks.test_extract_speed import NEWS

    return NEWS


NEWS = _news_pages()
NEWS_SIZE = sum(len(d.encode("utf-8")) for d in NEWS)


def test_clean_seeds(benchmark) -> None:  # type: ignore[no-untyped-def]
    cleaned = benchmark(lambda: [clean_document(d) for d in DOCS])
    assert all(c.text for c in cleaned)
    RESULTS["clean seeds"] = benchmark.extra_info["MB/s"] = SIZE / benchmark.stats.stats.min / 1e6


def test_clean_news(benchmark) -> None:  # type: ignore[no-untyped-def]
    cleaned = benchmark.pedantic(lambda: [clean_document(d) for d in NEWS], rounds=5,
                                 iterations=1)
    assert all(c.text for c in cleaned)
    RESULTS["clean news"] = benchmark.extra_info["MB/s"] = \
        NEWS_SIZE / benchmark.stats.stats.min / 1e6


def test_summary(capsys, benchmark) -> None:  # type: ignore[no-untyped-def]
    benchmark(lambda: None)
    with capsys.disabled():
        for key, value in RESULTS.items():
            print(f"\n{key:28} {value:8.3f} MB/s", end="")
