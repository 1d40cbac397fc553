"""The bundled corpus: build it, rebuild it, and build it on first use.

``build_bundled`` ingests every seed listed in ``data/sources.yaml`` with its curated
claims. It is idempotent: the same seeds give the same claim ids and counts. The
database remembers a fingerprint of the bundled data, so an upgrade that ships new
data or rules rebuilds it on the next command, and review history is kept (cards
follow stable claim ids and are retired, never deleted).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, func, select

from claims.db import session_scope
from claims.errors import DataError
from claims.extract import Extractor
from claims.ingest.bundle import FINGERPRINT_KEY, bundle_fingerprint, corpus_is_current, set_meta
from claims.ingest.metadata import load_sources
from claims.ingest.prepare import prepare
from claims.ingest.store import CurationHook, IngestResult, prepare_document, sync_topics
from claims.ingest.textio import read_document
from claims.ingest.writer import all_stored, write_batch
from claims.models import Claim, Source
from claims.resources import seeds_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildReport:
    results: list[IngestResult]
    fingerprint: str

    @property
    def claims(self) -> int:
        return sum(result.claims for result in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"sources": [r.to_dict() for r in self.results], "claims": self.claims,
                "fingerprint": self.fingerprint}


def _curation_hook(texts: dict[str, str]) -> CurationHook:
    """Merge curated claims (data/curated) into each bundled source's extracted claims.

    Every curated quote is located in its source *before* anything is written, so a
    bad quote stops the build with the database as it was.
    """
    from claims import curation

    curated = curation.load_curated()
    problems = curation.locate_all(curated, texts)
    if problems:
        raise problems[0]

    def hook(slug: str, text: str, drafts: list[Any]) -> list[Any]:
        return curation.merge_curated(slug, text, drafts, curated)

    return hook


def build_bundled(
    engine: Engine,
    progress: ProgressCallback | None = None,
    extractor: Extractor | None = None,
) -> BuildReport:
    """(Re)build the bundled corpus, all of it in one transaction, through the one writer
    (``claims.ingest.writer``): every source is rewritten in place (``refresh``: the rules
    or the curated data may have changed), keeping its row and its claims' ids, so the
    study cards that follow those ids keep their history (``_after_build``).

    Every seed is read, its curated quotes located and its claims prepared before anything
    is written; ``progress`` is told of each source prepared (extraction is the slow part).
    """
    sources = load_sources()
    docs = []
    for meta in sources:
        path = seeds_dir() / (meta.file or "")
        if not meta.file or not path.is_file():
            raise DataError(f"data/sources.yaml: source {meta.slug!r}: file {meta.file!r} "
                            "is not in seeds/", hint="fix the file name")
        docs.append(prepare_document(read_document(path), meta, path.name))
    hook = _curation_hook({doc.meta.slug: doc.decoded.text for doc in docs})
    rows = []
    for done, doc in enumerate(docs, start=1):
        rows.append(prepare(doc, "bundled", extractor, curation=hook))
        if progress:
            progress(done, len(docs), doc.meta.slug)
    fingerprint = bundle_fingerprint()
    with session_scope(engine) as session:
        sync_topics(session)
        results = all_stored(write_batch(session, rows, "bundled", refresh=True,
                                         replace_bundled=True))
        set_meta(session, FINGERPRINT_KEY, fingerprint)
        _after_build(session)
    return BuildReport(results, fingerprint)


def _after_build(session: Session) -> None:
    """Let features refresh what they derive from claims (study cards)."""
    try:
        from claims.study.cards import sync_cards
    except ImportError:
        return
    sync_cards(session)


def ensure_corpus(engine: Engine, progress: ProgressCallback | None = None) -> BuildReport | None:
    """Build the bundled corpus if this database lacks it or has an older one."""
    if corpus_is_current(engine):
        return None
    return build_bundled(engine, progress)


def list_sources(session: Session) -> list[tuple[Source, int]]:
    """Every source with its number of claims, oldest first (undated last)."""
    counts: dict[int | None, int] = dict(
        session.exec(select(Claim.source_id, func.count()).group_by(col(Claim.source_id))).all()
    )
    sources = session.exec(select(Source)).all()
    ordered = sorted(sources, key=lambda s: (s.date is None, s.date or "", s.slug))
    return [(source, counts.get(source.id, 0)) for source in ordered]
