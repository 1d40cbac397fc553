"""One writer for every ingest path: the same cases give the same statuses and refusals.

``ingest_files`` (the library's call for a few files, all or nothing) and ``ingest_paths``
(``claims ingest``: batches, refusals reported and the rest stored) both store through
``claims.ingest.writer``. Each runs the same table of steps on its own database, and
each step's outcome and what is then stored must be what the table says. Runs on
PostgreSQL too when CLAIMS_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlmodel import Session, select

from claims.errors import InputError
from claims.extract import Extraction
from claims.ingest.inputs import iter_inputs
from claims.ingest.pipeline import ingest_paths, prepare_input
from claims.ingest.prepare import Refusal, Rows, prepare
from claims.ingest.store import SourceOverrides, ingest_files, prepare_document
from claims.ingest.writer import store_batch, store_batches
from claims.models import Claim, Source

MEMO = "Memo\n\nJapan's defense spending rose 3 percent last year.\n"
MEMO_2 = "Memo\n\nJapan's defense spending rose 5 percent in 2019.\n"
SEED = "Seed\n\nU.S. forces in Japan numbered more than 45,000 in 1996.\n"
NONE = SourceOverrides()


class Step(NamedTuple):
    why: str
    file: str  # written into the test's folder, then ingested alone
    text: str
    overrides: SourceOverrides
    outcome: str  # a status, or "refused: REASON (HINT)"
    memo: tuple[Any, ...]  # then, the stored memo: (publisher, date, claims' (surface, as_of))


TWIN_HINT = "nothing to do; or pass `overrides.slug=memo` to update that source"
BUNDLED_HINT = "rename the file, or pass another `overrides.slug`"
UNDATED = (None, None, [("3 percent", None)])
# a new version of the document: its metadata is the new file's, as for a new document
REPLACED = (None, None, [("5 percent", 2019), ("2019", 2019)])
STEPS = [
    Step("a new document", "memo.txt", MEMO, NONE, "added", UNDATED),
    Step("the same text again: left alone", "memo.txt", MEMO, NONE, "unchanged", UNDATED),
    Step("the same text with new metadata: saved", "memo.txt", MEMO,
         SourceOverrides(publisher="Wire"), "updated", ("Wire", None, [("3 percent", None)])),
    # the publisher given before stays: only what is given changes
    Step("a new date: the claims are dated anew ('last year')", "memo.txt", MEMO,
         SourceOverrides(date="2011"), "updated", ("Wire", "2011", [("3 percent", 2010)])),
    Step("new text under the same slug: its claims replaced", "memo.txt", MEMO_2, NONE,
         "replaced", REPLACED),
    Step("a twin text under another slug", "copy.txt", MEMO_2, NONE,
         f"refused: the same text is already in the database as 'memo' ({TWIN_HINT})",
         REPLACED),
    Step("a user file with a bundled slug", "seed.txt", MEMO, NONE,
         f"refused: slug 'seed' belongs to the bundled corpus ({BUNDLED_HINT})", REPLACED),
]


def _via_ingest_files(engine: Any, path: Path, overrides: SourceOverrides) -> str:
    try:
        [result] = ingest_files(engine, [path], overrides)
    except InputError as exc:
        return f"refused: {exc.message.removeprefix(f'{path.name}: ')} ({exc.hint})"
    return result.status


def _via_ingest_paths(engine: Any, path: Path, overrides: SourceOverrides) -> str:
    report = ingest_paths(engine, [path], workers=1, overrides=overrides)
    if report.refused:
        [refusal] = report.refused
        return f"refused: {refusal.reason} ({refusal.hint})"
    [result] = report.results
    return result.status


ENTRY_POINTS: dict[str, Callable[[Any, Path, SourceOverrides], str]] = {
    "ingest_files": _via_ingest_files,
    "ingest_paths": _via_ingest_paths,
}


def _memo(engine: Any) -> tuple[Any, ...]:
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.slug == "memo")).one()
        claims = session.exec(select(Claim).where(Claim.source_id == source.id)
                              .order_by(Claim.start)).all()
        return source.publisher, source.date, [(c.surface, c.as_of) for c in claims]


def _store_bundled_seed(engine: Any, folder: Path) -> None:
    path = folder / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    [rows] = [prepare_input(item, origin="bundled") for item in iter_inputs([path])]
    assert [r.status for r in store_batch(engine, [rows], "bundled")] == ["added"]  # type: ignore[union-attr]
    path.unlink()


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_entry_point_sorts_the_same_cases_the_same_way(  # type: ignore[no-untyped-def]
    engine, tmp_path: Path, entry: str
) -> None:
    ingest = ENTRY_POINTS[entry]
    _store_bundled_seed(engine, tmp_path)
    with Session(engine) as session:
        memo_id = None
        for step in STEPS:
            path = tmp_path / step.file
            path.write_text(step.text, encoding="utf-8")
            assert (step.why, ingest(engine, path, step.overrides)) == (step.why, step.outcome)
            assert (step.why, _memo(engine)) == (step.why, step.memo)
            path.unlink()
            # a replaced or re-dated document keeps its source row (cards hang off its claims)
            source = session.exec(select(Source.id).where(Source.slug == "memo")).one()
            memo_id = memo_id or source
            assert source == memo_id, step.why
            session.rollback()  # next step: read afresh
        slugs = session.exec(select(Source.slug, Source.origin).order_by(Source.slug)).all()
        assert [tuple(row) for row in slugs] == [("memo", "user"), ("seed", "bundled")]


def test_ingest_files_writes_nothing_when_one_file_is_refused(  # type: ignore[no-untyped-def]
    engine, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MEMO, encoding="utf-8")
    with pytest.raises(InputError, match=r"^b\.txt: the same text as a\.txt$"):
        ingest_files(engine, [tmp_path])
    with Session(engine) as session:
        assert session.exec(select(Source)).all() == []


def _digits(text: str) -> list[Extraction]:
    """A stand-in for an older rule set: "3" found, as a count, nothing else."""
    start = text.index("3")
    return [Extraction(kind="count", surface="3", start=start, end=start + 1, value=3.0,
                       sentence_start=0, sentence_end=len(text))]


def _rows(path: Path, origin: str = "user", **options: Any) -> Rows:
    [rows] = [prepare_input(item, origin=origin, **options) for item in iter_inputs([path])]
    assert isinstance(rows, Rows)
    return rows


def _surfaces(engine: Any) -> list[str]:
    with Session(engine) as session:
        return sorted(session.exec(select(Claim.surface)).all())


def test_refresh_rewrites_an_unchanged_document_in_place(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    [added] = next(store_batches(engine, [[_rows(path, extractor=_digits)]]))
    assert not isinstance(added, Refusal) and added.status == "added"
    with Session(engine) as session:
        source_id = session.exec(select(Source.id)).one()
    # new rules, same text: left alone without refresh, rewritten with it
    assert [r.status for r in store_batch(engine, [_rows(path)])] == ["unchanged"]  # type: ignore[union-attr]
    assert _surfaces(engine) == ["3"]
    assert [r.status for r in store_batch(engine, [_rows(path)], refresh=True)] == [  # type: ignore[union-attr]
        "unchanged"]
    assert _surfaces(engine) == ["3 percent"]
    with Session(engine) as session:
        assert session.exec(select(Source.id)).all() == [source_id]


def test_replace_bundled_lets_a_user_document_take_a_bundled_slug(  # type: ignore[no-untyped-def]
    engine, tmp_path: Path
) -> None:
    _store_bundled_seed(engine, tmp_path)
    path = tmp_path / "seed.txt"
    path.write_text(MEMO, encoding="utf-8")
    [refused] = store_batch(engine, [_rows(path)])
    assert isinstance(refused, Refusal)
    assert refused.reason == "slug 'seed' belongs to the bundled corpus"
    [result] = store_batch(engine, [_rows(path)], replace_bundled=True)
    assert not isinstance(result, Refusal) and result.status == "replaced"
    with Session(engine) as session:
        source = session.exec(select(Source)).one()
        assert (source.slug, source.origin, source.text) == ("seed", "user", MEMO)


def test_curated_claims_come_through_prepare_with_their_paragraph(tmp_path: Path) -> None:
    """The bundled build's hook, now in ``prepare``: a curated claim merged in, numbered."""
    from claims.ingest.metadata import SourceMeta
    from claims.ingest.textio import DecodedText
    from claims.models import ClaimDraft

    def curation(slug: str, text: str, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
        start = text.index("defense spending")
        return [*drafts, ClaimDraft(id=f"{slug}-curated", origin="curated", kind="statement",
                                    surface="defense spending", start=start,
                                    end=start + len("defense spending"))]

    doc = prepare_document(DecodedText(MEMO, "utf-8"),
                           SourceMeta(slug="memo", title="Memo"), "memo.txt")
    rows = prepare(doc, "bundled", curation=curation)
    assert [(c["id"], c["origin"], c["paragraph"]) for c in rows.claims] == [
        ("memo-percent-3-percent", "extracted", 1), ("memo-curated", "curated", 1)]
