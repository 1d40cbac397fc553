"""Throughput of ``claims.extract.extract`` beside quantulum3 on the same text, and linear
time on adversarial inputs.

Run: .venv/bin/pytest tests/benchmarks/test_extract_speed.py --benchmark-only
Each benchmark stores its throughput (MB/s of UTF-8 input) in ``extra_info``; the summary
test prints both and the ratio. No wall-clock assertion (timings depend on the machine).
"""

from __future__ import annotations

import warnings

import pytest

from claims.extract import extract
from claims.ingest.textio import read_document
from claims.resources import seeds_dir

DOCS = [read_document(p).text for p in sorted(seeds_dir().glob("*.txt"))]
SIZE = sum(len(d.encode("utf-8")) for d in DOCS)
PARAGRAPHS = [p for d in DOCS for p in d.split("\n\n") if p.strip()]
RESULTS: dict[str, float] = {}


def _mb_per_s(benchmark, size: int) -> float:  # type: ignore[no-untyped-def]
    return size / benchmark.stats.stats.min / 1e6


def test_extract_seeds(benchmark) -> None:  # type: ignore[no-untyped-def]
    """The five seeds, one document per call (no cache carries over between calls)."""
    found = benchmark(lambda: [extract(d) for d in DOCS])
    assert sum(map(len, found)) >= 50
    RESULTS["claims"] = benchmark.extra_info["MB/s"] = _mb_per_s(benchmark, SIZE)


def test_quantulum3_seeds_by_paragraph(benchmark) -> None:  # type: ignore[no-untyped-def]
    """quantulum3 0.10 on the same text, fed one paragraph at a time (its fastest use)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up 5 km")
        found = benchmark.pedantic(lambda: [parser.parse(p) for p in PARAGRAPHS],
                                   rounds=3, iterations=1)
    assert sum(map(len, found)) > 0
    RESULTS["quantulum3"] = benchmark.extra_info["MB/s"] = _mb_per_s(benchmark, SIZE)


def _dense_news() -> list[str]:
    """News-like articles dense with figures: the sentences of the news case tables
    (tests/extract/test_news.py), a dozen to a paragraph, four paragraphs to an article,
    repeated to about 200 KB."""
    from tests.extract.test_news import NEWS_PAGE, TABLES

    sentences = [text for rows in TABLES.values() for _, text, _ in rows]
    paragraphs = [" ".join(sentences[i:i + 12]) for i in range(0, len(sentences), 12)]
    articles = [NEWS_PAGE] + ["\n\n".join(paragraphs[i:i + 4])
                              for i in range(0, len(paragraphs), 4)]
    size = sum(len(a.encode("utf-8")) for a in articles)
    return articles * max(1, 200_000 // size)


NEWS = _dense_news()
NEWS_SIZE = sum(len(a.encode("utf-8")) for a in NEWS)


def test_extract_dense_news(benchmark) -> None:  # type: ignore[no-untyped-def]
    """Dense news text (about one figure per 40 bytes), one article per call."""
    found = benchmark.pedantic(lambda: [extract(a, date="2023-09") for a in NEWS],
                               rounds=3, iterations=1)
    assert sum(map(len, found)) > 1000
    RESULTS["dense news"] = benchmark.extra_info["MB/s"] = _mb_per_s(benchmark, NEWS_SIZE)


def _wire_news() -> list[str]:
    """News at the density of wire copy, a figure every 100-150 characters: the sentences of
    the news case tables, each followed by sentences of the seeds that hold no figure, a
    dozen sentences to a paragraph, four paragraphs to an article, repeated to about 200 KB."""
    import re

    from tests.extract.test_news import TABLES

    plain = [" ".join(s.split()) for d in DOCS for para in d.split("\n\n")
             for s in re.split(r"(?<=[.!?])\s+", para)
             if 60 < len(s) < 300 and not re.search(r"\d", s) and not extract(s)]
    figures = [text for rows in TABLES.values() for _, text, _ in rows]
    sentences: list[str] = []
    for i, text in enumerate(figures):
        sentences += [text, plain[i % len(plain)]]
    paragraphs = [" ".join(sentences[i:i + 12]) for i in range(0, len(sentences), 12)]
    articles = ["\n\n".join(paragraphs[i:i + 4]) for i in range(0, len(paragraphs), 4)]
    size = sum(len(a.encode("utf-8")) for a in articles)
    return articles * max(1, 200_000 // size)


WIRE = _wire_news()
WIRE_SIZE = sum(len(a.encode("utf-8")) for a in WIRE)


def test_extract_wire_news(benchmark) -> None:  # type: ignore[no-untyped-def]
    """News at wire density (a figure every 100-150 characters), one article per call."""
    found = benchmark.pedantic(lambda: [extract(a, date="2023-09") for a in WIRE],
                               rounds=3, iterations=1)
    RESULTS["wire news bytes/figure"] = WIRE_SIZE / sum(map(len, found))
    RESULTS["wire news"] = benchmark.extra_info["MB/s"] = _mb_per_s(benchmark, WIRE_SIZE)


ADVERSARIAL = {
    "digits": "7",
    "dollar signs": "$",
    "one one one": "one ",
    "dollar amounts": "$1 ",
    "long line": "about 80 percent of 45,000 troops in 1992 ",
    "no spaces": "a1b2c3$4%",
}


@pytest.mark.parametrize("size", [250_000, 1_000_000])
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_linear(benchmark, name: str, size: int) -> None:  # type: ignore[no-untyped-def]
    """A quarter megabyte and a megabyte of each: the time per byte should stay flat."""
    unit = ADVERSARIAL[name]
    text = unit * (size // len(unit))
    benchmark.pedantic(extract, args=(text,), rounds=1, iterations=1)
    benchmark.extra_info["MB/s"] = _mb_per_s(benchmark, len(text.encode("utf-8")))
    RESULTS[f"{name} {size}"] = benchmark.extra_info["MB/s"]


def test_summary(capsys, benchmark) -> None:  # type: ignore[no-untyped-def]
    benchmark(lambda: None)
    with capsys.disabled():
        for key, value in RESULTS.items():
            unit = "" if "/" in key else " MB/s"
            print(f"\n{key:28} {value:8.3f}{unit}", end="")
        if "claims" in RESULTS and "quantulum3" in RESULTS:
            print(f"\nclaims / quantulum3 = {RESULTS['claims'] / RESULTS['quantulum3']:.0f}x")
