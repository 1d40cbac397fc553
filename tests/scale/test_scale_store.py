"""Ingest at scale, the library: prepare -> iter_prepared -> store_batches.

Runs on SQLite, and on PostgreSQL (COPY into staging tables) when
CLAIMS_TEST_DATABASE_URL is set: the same cases against both writers.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlmodel import Session, select

from claims.ingest.inputs import Input, iter_inputs
from claims.ingest.pipeline import ingest_paths, iter_prepared, prepare_input
from claims.ingest.prepare import Refusal, Rows
from claims.ingest.store import ingest_files
from claims.ingest.writer import store_batch, store_batches
from claims.models import Claim, ClaimTopic, Paragraph, Source

ARTICLE = ("Alliance costs {n}\n\nJapan paid $4.4 billion in host-nation support in 2016, "
           "about 75 percent of the cost.\n\nU.S. forces in Japan numbered more than "
           "{troops} in {year}, and trade with Japan was $49 billion.\n")


def write_docs(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"doc-{n:03d}.txt"
        path.write_text(ARTICLE.format(n=n, troops=40_000 + n, year=1990 + n % 30),
                        encoding="utf-8")
        paths.append(path)
    return paths


def stored(engine) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        sources = session.exec(select(Source)).all()
        claims = session.exec(select(Claim)).all()
        texts = {s.id: s.text for s in sources}
        return {
            "sources": sorted(s.slug for s in sources),
            "claims": len(claims),
            "claim_ids": len({c.id for c in claims}),
            "paragraphs": len(session.exec(select(Paragraph)).all()),
            "links": len(session.exec(select(ClaimTopic)).all()),
            "offsets_ok": all(texts[c.source_id][c.start:c.end] == c.surface for c in claims),
        }


def inputs_of(paths: list[Path]) -> list[Input]:
    return list(iter_inputs(paths))


def test_prepare_gives_the_rows_ingest_files_stores(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [path] = write_docs(tmp_path / "a", 1)
    [rows] = [prepare_input(item) for item in inputs_of([path])]
    assert isinstance(rows, Rows)
    assert (rows.slug, rows.name, rows.source["title"]) == ("doc-000", "doc-000.txt",
                                                          "Alliance costs 0")
    assert [p["number"] for p in rows.paragraphs] == [1, 2]
    surfaces = [c["surface"] for c in rows.claims]
    assert "$4.4 billion" in surfaces and "$49 billion" in surfaces
    # ingest_files, all files in one transaction, stores exactly the same claims
    ingest_files(engine, [path])
    with Session(engine) as session:
        old = {(c.id, c.surface, c.start, c.end, c.paragraph)
               for c in session.exec(select(Claim)).all()}
    assert old == {(c["id"], c["surface"], c["start"], c["end"], c["paragraph"])
                   for c in rows.claims}


def test_iter_prepared_keeps_order_with_workers_and_batches(tmp_path: Path) -> None:
    paths = write_docs(tmp_path / "docs", 7)
    one = list(iter_prepared(inputs_of(paths), workers=1, batch_size=3))
    two = list(iter_prepared(inputs_of(paths), workers=2, batch_size=3))
    assert [len(batch) for batch in one] == [3, 3, 1]
    assert one == two  # same rows, same order, whatever the number of processes
    assert [r.slug for batch in two for r in batch] == [f"doc-{n:03d}" for n in range(7)]


def test_store_batches_adds_then_a_repeat_adds_nothing(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = write_docs(tmp_path / "docs", 5)
    batches = list(iter_prepared(inputs_of(paths), workers=1, batch_size=2))
    first = [r.status for results in store_batches(engine, batches) for r in results]  # type: ignore[union-attr]
    after_first = stored(engine)
    assert first == ["added"] * 5
    assert after_first["sources"] == [f"doc-{n:03d}" for n in range(5)]
    assert after_first["offsets_ok"] and after_first["claims"] == after_first["claim_ids"] > 0
    assert after_first["paragraphs"] == 10 and after_first["links"] > 0
    again = [r.status for results in store_batches(engine, batches) for r in results]  # type: ignore[union-attr]
    assert again == ["unchanged"] * 5
    assert stored(engine) == after_first


def test_changed_text_replaces_its_claims(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [path] = write_docs(tmp_path / "docs", 1)
    store_batch(engine, [prepare_input(item) for item in inputs_of([path])])
    path.write_text("Alliance costs\n\nThe deficit was 12 percent in 2001.\n", encoding="utf-8")
    [result] = store_batch(engine, [prepare_input(item) for item in inputs_of([path])])
    assert not isinstance(result, Refusal) and result.status == "replaced"
    with Session(engine) as session:
        assert sorted(c.surface for c in session.exec(select(Claim)).all()) == [
            "12 percent", "2001"]
        assert len(session.exec(select(Paragraph)).all()) == 1
    assert stored(engine)["offsets_ok"]


def test_refusals_name_the_document_and_the_reason(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    [a] = write_docs(folder, 1)
    (folder / "copy.txt").write_text(a.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x00\x01PK" * 100)
    results = [r for batch in store_batches(engine, iter_prepared(iter_inputs([folder]), 1))
               for r in batch]
    refused = {r.name: r.reason for r in results if isinstance(r, Refusal)}
    assert refused == {
        "blob.txt": "looks like a binary file, not text",
        "doc-000.txt": "the same text as copy.txt",
        "empty.txt": "file is empty",
    }
    assert stored(engine)["sources"] == ["copy"]
    # a later run refuses the twin against the database, and stores nothing
    [again] = store_batch(engine, [prepare_input(item) for item in inputs_of([a])])
    assert isinstance(again, Refusal)
    assert again.reason == "the same text is already in the database as 'copy'"


def test_jsonl_records_carry_their_metadata(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        {"slug": "lat-1993", "title": "Japan's surplus", "authors": ["Ann Lee"],
         "date": "1993-04-11", "publisher": "Los Angeles Times", "kind": "op-ed",
         "text": "Japan's surplus with the United States was $49 billion in 1992."},
        {"id": "Wire 7", "text": "<html><body><p>Troops: 45,000 in 1996.</p></body></html>"},
        {"text": ""},
        "not an object",
        {"text": "A bad date, 3 times.", "date": "May 1996"},
    ]
    archive = tmp_path / "archive.jsonl"
    archive.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    report = ingest_paths(engine, [archive], workers=1, batch_size=2)
    assert [(r.slug, r.status, r.filename) for r in report.results] == [
        ("lat-1993", "added", "archive.jsonl:1"), ("wire-7", "added", "archive.jsonl:2")]
    assert [(r.name, r.reason) for r in report.refused] == [
        ("archive.jsonl:3", 'no "text" in this record'),
        ("archive.jsonl:4", "not a JSON object"),
        ("archive.jsonl:5", '"date": \'May 1996\' is not a date: use YYYY, '
                                "YYYY-MM or YYYY-MM-DD (a real month and day)"),
            ("archive.jsonl:6", "not a JSON object (Expecting property name enclosed in "
                            "double quotes)"),
    ]
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.slug == "lat-1993")).one()
        assert (source.title, source.authors, source.publisher, source.date_precision,
                source.kind) == ("Japan's surplus", [{"name": "Ann Lee", "affiliation": None}],
                                 "Los Angeles Times", "day", "op-ed")
        wire = session.exec(select(Source).where(Source.slug == "wire-7")).one()
        claims = session.exec(select(Claim).where(Claim.source_id == wire.id)).all()
        assert {c.surface for c in claims} >= {"45,000"}
        assert all(wire.text[c.start:c.end] == c.surface for c in claims)


def test_resume_skips_stored_documents_without_reading_them(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    write_docs(folder, 3)
    ingest_paths(engine, [folder], workers=1, batch_size=2)
    write_docs(folder, 2, start=3)
    (folder / "doc-000.txt").write_bytes(b"\x00binary now")  # resume never reads it
    report = ingest_paths(engine, [folder], workers=1, batch_size=2, resume=True)
    assert (report.skipped, report.summary()["added"], report.refused) == (3, 2, [])
    assert stored(engine)["sources"] == [f"doc-{n:03d}" for n in range(5)]


def test_glob_and_patterns_choose_the_files(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    write_docs(folder, 3)
    (folder / "notes.md").write_text("# Notes\n\n12 percent.\n", encoding="utf-8")
    assert [i.name for i in iter_inputs([folder], glob="*.md")] == ["notes.md"]
    assert [i.name for i in iter_inputs([folder / "doc-00[12].txt"])] == [
        "doc-001.txt", "doc-002.txt"]
    report = ingest_paths(engine, [folder], glob="doc-*", workers=1)
    assert report.summary()["added"] == 3


def test_two_writers_of_one_batch_store_it_once(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A retried task (or two at once) writing the same batch: every document once."""
    paths = write_docs(tmp_path / "docs", 6)
    batch = [prepare_input(item) for item in inputs_of(paths)]
    store_batch(engine, batch[:1])  # the topics and one document are there already
    outcomes: list[list[str]] = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            outcomes.append([r.status for r in store_batch(engine, batch)])  # type: ignore[union-attr]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(s for statuses in outcomes for s in statuses).count("added") == 5
    after = stored(engine)
    assert after["sources"] == [f"doc-{n:03d}" for n in range(6)]
    assert after["claims"] == after["claim_ids"] == 6 * len(batch[0].claims)  # type: ignore[union-attr]
    assert after["paragraphs"] == 12


def test_first_load_builds_postgres_indexes_after_the_data(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from claims.db.bulk import drop_secondary_indexes, missing_secondary_indexes

    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's index-after-data path")
    paths = write_docs(tmp_path / "docs", 4)
    report = ingest_paths(engine, paths, workers=1, first_load=True)
    assert report.indexes_after_data and report.summary()["added"] == 4
    assert missing_secondary_indexes(engine) == []
    # a load killed between dropping and rebuilding: the next run repairs the indexes
    assert "ix_claim_search" in drop_secondary_indexes(engine)
    assert "ix_claim_search" in missing_secondary_indexes(engine)
    ingest_paths(engine, paths, workers=1)
    assert missing_secondary_indexes(engine) == []


def test_batched_claims_are_in_the_full_text_index(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """SQLite indexes a batch's claims in one statement after them (claims.db.bulk):
    every claim is found by its words, and the per-row trigger is back for other writers."""
    from claims.search import search

    paths = write_docs(tmp_path / "docs", 6)
    for _ in store_batches(engine, iter_prepared(inputs_of(paths), workers=1, batch_size=4)):
        pass
    with Session(engine) as session:
        claims = session.exec(select(Claim)).all()
        found = {hit.claim.id for hit in search(session, "host-nation support", limit=100)}
        assert found == {c.id for c in claims if "host-nation" in c.sentence}
        assert len(found) == 3 * 6  # $4.4 billion, 2016, 75 percent in each document
        if engine.dialect.name == "sqlite":
            connection = session.connection()
            connection.exec_driver_sql(  # raises if the index and the claims differ
                "INSERT INTO claim_fts(claim_fts, rank) VALUES ('integrity-check', 1)")
            triggers = {row[0] for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert {"claim_fts_ai", "claim_fts_ad", "claim_fts_au"} <= triggers


def test_a_failed_batch_leaves_the_full_text_trigger(engine) -> None:  # type: ignore[no-untyped-def]
    """The trigger is set aside inside the batch's transaction: a failure rolls it back."""
    from sqlalchemy.exc import IntegrityError

    from claims.db import session_scope
    from claims.db.bulk import insert_rows

    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's full-text column is generated: no trigger")
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        insert_rows(session, Claim, [{"id": "c-1", "source_id": 999, "surface": None}])
    with engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "claim_fts_ai" in names


def test_a_run_can_keep_counts_only_and_hand_over_each_batch(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What `claims ingest` does: no list that grows with the corpus, each batch's results
    handed over once committed."""
    paths = write_docs(tmp_path / "docs", 5)
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    batches: list[list[str]] = []
    report = ingest_paths(engine, [tmp_path / "docs"], workers=1, batch_size=2,
                          keep_results=False,
                          on_batch=lambda results: batches.append(
                              [getattr(r, "status", "refused") for r in results]))
    assert report.results == []
    assert (report.count("added"), report.stored, len(report.refused), report.done) == (5, 5, 1, 6)
    assert batches == [["added", "added"], ["added", "added"], ["added", "refused"]]
    assert [p.stem for p in paths] == stored(engine)["sources"]
