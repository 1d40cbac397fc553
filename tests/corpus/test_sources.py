"""Sources that can be fixed: `claims sources edit|remove`, `ingest --kind`, re-ingest with
new metadata, dates that are dates, special files refused -- library and CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from claims.errors import InputError, NotFound, UsageError
from claims.models import Card, Claim, Paragraph, Review, Source
from claims.sources import SourceEdit, edit_source, remove_source

DOC = "Alliance costs\n\nJapan paid $4.4 billion for U.S. forces in 2020.\n"
NOW = "2026-11-23T09:00:00Z"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "costs.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr or result.stdout
    return json.loads(result.stdout)


def _source(cli_rw: Any, slug: str) -> dict[str, Any]:
    return next(s for s in _json(cli_rw("sources", "--format", "json")) if s["slug"] == slug)


# --- edit ------------------------------------------------------------------------


def test_edit_changes_only_the_fields_given(cli_rw, doc: Path) -> None:  # type: ignore[no-untyped-def]
    _json(cli_rw("ingest", str(doc), "--author", "Ann Lee", "--format", "json"))
    shown = _json(cli_rw("sources", "edit", "costs", "--author", "Isabel van Brugen",
                         "--author", "Jane Doe", "--date", "2020-12", "--kind", "news-article",
                         "--publisher", "Kyodo News", "--url", "https://example.com/costs",
                         "--format", "json"))
    assert {k: shown[k] for k in ("title", "authors", "date", "date_precision", "kind",
                                  "publisher", "url")} == {
        "title": "Alliance costs", "authors": ["Isabel van Brugen", "Jane Doe"],
        "date": "2020-12", "date_precision": "month", "kind": "news-article",
        "publisher": "Kyodo News", "url": "https://example.com/costs"}
    assert _source(cli_rw, "costs")["authors"] == ["Isabel van Brugen", "Jane Doe"]
    cited = cli_rw("cite", "--source", "costs", "--style", "apa").stdout
    assert cited == ("van Brugen, I., & Doe, J. (2020, December). Alliance costs. Kyodo News. "
                     "https://example.com/costs\n")


EDIT_ERRORS = [
    # (arguments after "sources edit", exit code, the whole stderr)
    (["costs"], 2,
     "Error: nothing to change (hint: give --title, --author, --date, --publisher, --url or "
     "--kind)\n"),
    (["costs", "--date", "1999-13-45"], 2,
     "Error: --date: '1999-13-45' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a real "
     "month and day) (hint: see claims sources edit --help)\n"),
    (["cost", "--title", "X"], 1,
     "Error: unknown source 'cost' (hint: did you mean costs? sources are: andrews-2017, "
     "costs, cronin-1996, glosserman-2003, manning-1993, new-alliance-2007)\n"),
    (["manning-1993", "--title", "X"], 1,
     "Error: 'manning-1993' is a bundled source: a build would undo the edit (hint: edit its "
     "entry in data/sources.yaml, then rebuild with claims build)\n"),
]


@pytest.mark.parametrize(("args", "code", "stderr"), EDIT_ERRORS,
                         ids=["nothing", "bad-date", "unknown", "bundled"])
def test_edit_errors(cli_rw, doc: Path, args: list[str], code: int, stderr: str) -> None:  # type: ignore[no-untyped-def]
    _json(cli_rw("ingest", str(doc), "--format", "json"))
    result = cli_rw("sources", "edit", *args)
    assert (result.exit_code, result.stderr) == (code, stderr)


def test_edit_with_an_unknown_kind_is_a_usage_error(cli_rw) -> None:  # type: ignore[no-untyped-def]
    result = cli_rw("sources", "edit", "costs", "--kind", "news")
    assert result.exit_code == 2 and "'news' is not one of" in result.stderr


def test_library_edit_validates_like_ingest(engine, doc: Path) -> None:  # type: ignore[no-untyped-def]
    from claims.ingest.store import ingest_files

    ingest_files(engine, [doc])
    with Session(engine) as session:
        with pytest.raises(UsageError, match=r"^`edit.kind`: unknown kind 'news'"):
            edit_source(session, "costs", SourceEdit(kind="news"))
        with pytest.raises(NotFound):
            edit_source(session, "nope", SourceEdit(title="x"))
        source = edit_source(session, "costs", SourceEdit(date="2003"))
        assert (source.date, source.date_precision) == ("2003", "year")


# --- remove ----------------------------------------------------------------------


def test_remove_retires_cards_and_keeps_review_history(cli_rw, built_copy_url, doc: Path) -> None:  # type: ignore[no-untyped-def]
    from claims.db import open_database

    _json(cli_rw("ingest", str(doc), "--format", "json"))
    cards = _json(cli_rw("cards", "list", "--format", "json", "--now", NOW))
    engine = open_database(built_copy_url)
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.slug == "costs")).one()
        claim_ids = set(session.exec(select(Claim.id).where(Claim.source_id == source.id)).all())
    mine = [c for c in cards if c["claim_id"] in claim_ids]
    assert mine, "the ingested figure makes a card"
    answered = _json(cli_rw("cards", "answer", mine[0]["id"], mine[0]["answer"],
                            "--format", "json", "--now", NOW))
    assert answered["correct"] is True

    removal = _json(cli_rw("sources", "remove", "costs", "--format", "json"))
    assert removal["slug"] == "costs" and removal["claims"] == len(claim_ids)
    assert removal["cards_retired"] >= len(mine)
    with Session(engine) as session:
        assert session.exec(select(Source).where(Source.slug == "costs")).first() is None
        assert not session.exec(select(Claim).where(Claim.source_id == source.id)).all()
        assert not session.exec(select(Paragraph).where(Paragraph.source_id == source.id)).all()
        card = session.get(Card, mine[0]["id"])
        assert card is not None and card.retired
        assert [r.card_id for r in session.exec(select(Review)).all()] == [mine[0]["id"]]
    engine.dispose()
    listed = [c["id"] for c in _json(cli_rw("cards", "list", "--format", "json", "--now", NOW))]
    assert mine[0]["id"] not in listed
    # ingested again, the card comes back with its history
    _json(cli_rw("ingest", str(doc), "--format", "json"))
    listed = [c["id"] for c in _json(cli_rw("cards", "list", "--format", "json", "--now", NOW))]
    assert mine[0]["id"] in listed


REMOVE_ERRORS = [
    (["sources", "remove", "nope-2020"], 1,
     "Error: unknown source 'nope-2020' (hint: sources are: andrews-2017, cronin-1996, "
     "glosserman-2003, manning-1993, new-alliance-2007)\n"),
    (["sources", "remove", "cronin-1996"], 1,
     "Error: 'cronin-1996' is a bundled source: a build would bring it back (hint: edit its "
     "entry in data/sources.yaml, then rebuild with claims build)\n"),
    (["sources", "remove"], 2, None),
]


@pytest.mark.parametrize(("args", "code", "stderr"), REMOVE_ERRORS,
                         ids=["unknown", "bundled", "no-slug"])
def test_remove_errors(cli_rw, args: list[str], code: int, stderr: str | None) -> None:  # type: ignore[no-untyped-def]
    result = cli_rw(*args)
    assert result.exit_code == code
    assert stderr is None and "Missing argument 'SLUG'" in result.stderr or (
        result.stderr == stderr)


def test_library_remove_refuses_bundled_sources(built_session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="bundled source"):
        remove_source(built_session, "manning-1993")


# --- ingest: --kind, re-ingest with new metadata, dates, special files ----------------


def test_ingest_kind_shapes_the_citation(cli_rw, doc: Path) -> None:  # type: ignore[no-untyped-def]
    _json(cli_rw("ingest", str(doc), "--kind", "op-ed", "--publisher", "Japan Times",
                 "--date", "2020-12-21", "--format", "json"))
    assert _source(cli_rw, "costs")["kind"] == "op-ed"
    assert cli_rw("cite", "--source", "costs", "--style", "mla").stdout == (
        "“Alliance Costs.” Japan Times, 21 Dec. 2020.\n")


def test_reingest_with_new_metadata_updates_it(cli_rw, doc: Path) -> None:  # type: ignore[no-untyped-def]
    first = _json(cli_rw("ingest", str(doc), "--format", "json"))
    assert first[0]["status"] == "added"
    again = _json(cli_rw("ingest", str(doc), "--format", "json"))
    assert again[0]["status"] == "unchanged"
    result = cli_rw("ingest", str(doc), "--author", "Ann Lee", "--kind", "report",
                    "--format", "json")
    updated = _json(result)
    assert (updated[0]["status"], updated[0]["claims"]) == ("updated", first[0]["claims"])
    assert result.stderr.endswith(
        "0 added, 0 changed, 1 updated (metadata only), 0 unchanged, 0 refused.\n")
    source = _source(cli_rw, "costs")
    assert (source["authors"], source["kind"]) == (["Ann Lee"], "report")
    # an edit survives a plain re-ingest: only flags given change metadata
    _json(cli_rw("sources", "edit", "costs", "--publisher", "Pacific Forum", "--format", "json"))
    assert _json(cli_rw("ingest", str(doc), "--format", "json"))[0]["status"] == "unchanged"
    assert _source(cli_rw, "costs")["publisher"] == "Pacific Forum"
    # a new date re-dates the claims: they are extracted again
    dated = _json(cli_rw("ingest", str(doc), "--date", "2021-01", "--format", "json"))
    assert dated[0]["status"] == "updated"
    assert _source(cli_rw, "costs")["date"] == "2021-01"


INGEST_ERRORS = [
    # (arguments, exit code, the start of stderr); FILE exists unless named otherwise
    (["{doc}", "--date", "1999-13-45"], 2,
     "Error: --date: '1999-13-45' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["{tmp}/missing.txt", "--date", "1999-02-30"], 2, "Error: --date: '1999-02-30' is not"),
    (["{doc}", "--kind", "newspaper"], 2, "Usage: claims ingest"),
    # one document refused is one error line naming the file (as each "Refused:" line of many)
    (["{fifo}"], 1, "Error: pipe.txt: is a FIFO (named pipe), not a regular file (hint: give a "
     "document file)"),
]


@pytest.mark.parametrize(("args", "code", "stderr"), INGEST_ERRORS,
                         ids=["impossible-date", "date-before-file", "unknown-kind", "fifo"])
def test_ingest_errors(cli_rw, doc: Path, tmp_path: Path, args: list[str], code: int,  # type: ignore[no-untyped-def]
                       stderr: str) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # before the fix, ingest blocked here forever
    names = {"doc": doc, "tmp": tmp_path, "fifo": fifo}
    result = cli_rw("ingest", *[a.format(**names) for a in args])
    assert result.exit_code == code
    assert result.stderr.startswith(stderr.format(**names)), result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_pdf_and_docx_store_the_extracted_text(cli_rw, built_copy_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from corpus.documents import tiny_docx, tiny_pdf

    from claims.db import open_database

    (tmp_path / "brief.pdf").write_bytes(tiny_pdf([["Alliance brief"],
                                                   ["Japan hosts more than 45,000 U.S. troops."]]))
    tiny_docx(tmp_path / "memo.docx", ["Memo", "Japan paid $4.4 billion in 2020."])
    rows = _json(cli_rw("ingest", str(tmp_path / "brief.pdf"), str(tmp_path / "memo.docx"),
                        "--format", "json"))
    assert [(r["slug"], r["status"]) for r in rows] == [("brief", "added"), ("memo", "added")]
    engine = open_database(built_copy_url)
    with Session(engine) as session:
        for slug, surface in [("brief", "more than 45,000"), ("memo", "$4.4 billion")]:
            source = session.exec(select(Source).where(Source.slug == slug)).one()
            assert not source.text.startswith(("%PDF", "PK"))
            claim = session.exec(select(Claim).where(Claim.source_id == source.id,
                                                     Claim.surface == surface)).one()
            assert source.text[claim.start:claim.end] == surface  # offsets index that text
    engine.dispose()


def test_editing_the_date_re_dates_relative_figures(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from claims.ingest.store import SourceOverrides, ingest_files

    path = tmp_path / "memo.txt"
    path.write_text("Memo\n\nJapan's defense spending rose 3 percent last year.\n",
                    encoding="utf-8")
    ingest_files(engine, [path], SourceOverrides(date="2020-06"))

    def years() -> list[int | None]:
        with Session(engine) as session:
            return list(session.exec(select(Claim.as_of).where(Claim.surface == "3 percent"))
                        .all())

    assert years() == [2019]
    with Session(engine) as session:
        edit_source(session, "memo", SourceEdit(date="2011"))
        session.commit()
    assert years() == [2010]
