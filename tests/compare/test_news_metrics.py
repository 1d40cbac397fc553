"""Two new articles on the same quantity line up in compare without editing YAML: by a
synonym of the vocabulary (data/metrics.yaml) or by an open metric made of the noun phrase."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from claims.compare import compare_metric, list_metrics
from claims.ingest.store import SourceOverrides, ingest_files


def _ingest(engine, tmp_path: Path, name: str, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ingest_files(engine, [path], SourceOverrides(date=date))


def test_two_articles_line_up_by_synonym_and_open_metric(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ingest(engine, tmp_path, "a.txt",
            "Japan agreed to pay 1.05 trillion yen in cost-sharing over five years. "
            "Tokyo will spend $5 billion for missile defense.", "2022-01")
    _ingest(engine, tmp_path, "b.txt",
            "Japan's host-nation support will total 1.05 trillion yen. "
            "Tokyo budgeted $5.2 billion for missile defense.", "2022-02")
    with Session(engine) as session:
        hns = compare_metric(session, "host-nation-support")
        assert sorted(c.source for c in hns.claims) == ["a", "b"]
        assert [p.verdict for p in hns.pairs] == ["agree"]
        missile = compare_metric(session, "missile-defense")
        assert sorted(c.surface for c in missile.claims) == ["$5 billion", "$5.2 billion"]
        origins = {m.key: m.origin for m in list_metrics(session)}
    assert origins["host-nation-support"] == "vocabulary"
    assert origins["missile-defense"] == "open"
