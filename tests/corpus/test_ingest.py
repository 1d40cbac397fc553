"""Ingest and build: stable ids, offsets into the original, one transaction per document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from claims.errors import InputError, UsageError
from claims.extract import Extraction
from claims.ingest.corpus import build_bundled, ensure_corpus, list_sources
from claims.ingest.store import SourceOverrides, ingest_files
from claims.models import Claim, Paragraph, Source

_FIGURE = re.compile(r"\$?\d+(?:[,.]\d+)*(?:-billion| percent)?")


def digits_extractor(text: str) -> list[Extraction]:
    """A stand-in extractor: every run of digits, with its sentence."""
    found = []
    for match in _FIGURE.finditer(text):
        s_start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        s_end = text.find(". ", match.end())
        s_end = len(text) if s_end < 0 else s_end + 1
        found.append(Extraction(kind="count", surface=match.group(), start=match.start(),
                                end=match.end(), value=1.0, sentence_start=s_start,
                                sentence_end=s_end, topics=("trade",)))
    return found


def _claims(engine) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        rows = session.exec(select(Claim.id, Claim.surface, Claim.start, Claim.end)).all()
    return sorted(rows)


def test_build_twice_gives_identical_ids_and_counts(engine) -> None:  # type: ignore[no-untyped-def]
    first = build_bundled(engine, extractor=digits_extractor)
    ids_first = _claims(engine)
    second = build_bundled(engine, extractor=digits_extractor)
    assert [r.status for r in second.results] == ["unchanged"] * 5
    assert _claims(engine) == ids_first
    assert first.claims == second.claims == len(ids_first) > 50


def test_offsets_index_the_original_seed_text(engine) -> None:  # type: ignore[no-untyped-def]
    build_bundled(engine, extractor=digits_extractor)
    with Session(engine) as session:
        for claim in session.exec(select(Claim)).all():
            source = session.get(Source, claim.source_id)
            assert source is not None
            assert source.text[claim.start:claim.end] == claim.surface
        # furniture never reaches the extractor: the paywall's "$9" and the report code
        surfaces = {c.surface for c in session.exec(select(Claim)).all()}
        assert "$9" not in surfaces and "20011001" not in surfaces


def test_paragraphs_are_numbered_and_point_at_text(engine) -> None:  # type: ignore[no-untyped-def]
    build_bundled(engine, extractor=digits_extractor)
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.slug == "cronin-1996")).one()
        paragraphs = session.exec(
            select(Paragraph).where(Paragraph.source_id == source.id).order_by(Paragraph.number)
        ).all()
        assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
        assert all(source.text[p.start:p.end].strip() for p in paragraphs)
        numbered = session.exec(
            select(Claim).where(Claim.source_id == source.id, Claim.paragraph != None)  # noqa: E711
        ).all()
        assert any("45,000" in claim.surface for claim in numbered)
        for claim in numbered:
            paragraph = paragraphs[claim.paragraph - 1]
            assert paragraph.start <= claim.start < paragraph.end, claim.surface


def test_ensure_corpus_builds_once(engine) -> None:  # type: ignore[no-untyped-def]
    assert ensure_corpus(engine) is not None
    assert ensure_corpus(engine) is None
    with Session(engine) as session:
        assert [s.slug for s, _ in list_sources(session)] == [
            "manning-1993", "cronin-1996", "glosserman-2003", "new-alliance-2007", "andrews-2017"]


HTML_DOC = """<!DOCTYPE html><html><head><title>Alliance costs</title>
<style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> Subscribe: try 3 months for $9</nav>
<article><h1>Alliance costs</h1>
<p>Japan paid $4.4 billion in host-nation support in 2016, about 75 percent of the cost.</p>
<p>Japan&rsquo;s 2017 budget rose 1.4&nbsp;percent.</p></article>
<footer>Contact: (202) 555-0100</footer></body></html>
"""


def test_html_ingest_offsets_index_the_original_file(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "costs.html"
    path.write_text(HTML_DOC, encoding="utf-8")
    [result] = ingest_files(engine, [path], SourceOverrides(authors=("Jane Doe",), date="2017-03"),
                            extractor=digits_extractor)
    assert (result.slug, result.status) == ("costs", "added")
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.slug == "costs")).one()
        assert source.title == "Alliance costs" and source.date_precision == "month"
        claims = session.exec(select(Claim).where(Claim.source_id == source.id)).all()
        surfaces = [c.surface for c in claims]
        assert "$4.4" in surfaces and "$9" not in surfaces and "555" not in " ".join(surfaces)
        for claim in claims:
            assert HTML_DOC[claim.start:claim.end] == claim.surface


def test_reingest_same_is_noop_and_changed_replaces(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "note.txt"
    path.write_text("The deficit was 12 percent in 2001.\n", encoding="utf-8")
    assert ingest_files(engine, [path], extractor=digits_extractor)[0].status == "added"
    assert ingest_files(engine, [path], extractor=digits_extractor)[0].status == "unchanged"
    path.write_text("The deficit was 14 percent in 2002.\n", encoding="utf-8")
    [result] = ingest_files(engine, [path], extractor=digits_extractor)
    assert result.status == "replaced"
    assert {s for _, s, _, _ in _claims(engine)} == {"14 percent", "2002"}


def test_same_text_under_another_name_is_refused(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Same words, 3 times.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words, 3 times.", encoding="utf-8")
    ingest_files(engine, [tmp_path / "a.txt"])
    with pytest.raises(InputError, match="already in the database as 'a'"):
        ingest_files(engine, [tmp_path / "b.txt"])


def test_bad_files_write_nothing(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("Fine text with 5 figures.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: file is empty"):
        ingest_files(engine, [good, empty])
    with Session(engine) as session:
        assert session.exec(select(Source)).all() == []


def test_folder_without_documents(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match=r"no .txt, .md, .markdown, .html, .htm, .pdf, .docx, "
                                         r".jsonl or .ndjson files in this folder"):
        ingest_files(engine, [tmp_path])


def test_bad_date_is_a_usage_error(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.txt"
    path.write_text("Some text.", encoding="utf-8")
    with pytest.raises(UsageError, match="`overrides.date`"):
        ingest_files(engine, [path], SourceOverrides(date="April 1996"))


def test_a_bad_curated_quote_stops_the_build_before_any_write(  # type: ignore[no-untyped-def]
    engine, tmp_path: Path, monkeypatch
) -> None:
    import shutil

    from claims.errors import DataError
    from claims.resources import bundled_dir

    data = tmp_path / "data"
    shutil.copytree(bundled_dir("data"), data)
    curated = data / "curated" / "andrews-2017.yaml"  # the last source built
    text = curated.read_text(encoding="utf-8")
    curated.write_text(text.replace("cornerstone of American", "keystone of American", 1),
                       encoding="utf-8")
    monkeypatch.setenv("CLAIMS_DATA_DIR", str(data))
    with pytest.raises(DataError, match="andrews-2017.yaml"):
        build_bundled(engine)
    with Session(engine) as session:
        assert session.exec(select(Source)).all() == []
