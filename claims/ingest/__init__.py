"""Ingest: documents in, sources with their paragraphs and cited claims in the database.

The pipeline, in order:

1. ``textio``: read a file and decode its bytes to text, refusing what is not text.
2. ``clean``: split into blocks and drop furniture and markup, keeping a map back to
   the original offsets.
3. ``furniture``: the rules for the blocks of a captured page that are not the document.
4. ``ids``: stable claim ids and slugs (a claim keeps its id across rebuilds).
5. ``store``: extract claims from the cleaned text as drafts with stable ids, and
   describe a user's file (``ingest_files`` for the user's own documents).
   5a. ``prepare``: a document's rows (source, paragraphs, claims with any curated ones
   merged in, topic links); pure, no session.
   5b, 5c. ``inputs``, ``pipeline``: files, folders, globs and JSONL prepared in worker
   processes, a batch at a time (``claims ingest``).
   5d. ``writer``: the one writer. Every path stores its rows through it (``claims
   ingest``, ``ingest_files``, the bundled build, a source re-extracted after an edit),
   so one set of rules says added, unchanged, updated, replaced or refused.
   5e. ``distributed``: prepare and write on a Dask cluster.
6. ``metadata``: the hand-curated source metadata of ``data/sources.yaml``.
7. ``bundle``: whether a database holds the current bundled corpus (cheap: the quick
   search path calls it with no ORM loaded).
8. ``corpus``: build the bundled corpus from ``data/`` and ``seeds/``, or rebuild it.
9. ``selfdesc``: what a document says about itself (``<meta>``, JSON-LD, bylines); the
   byline rule that ``clean`` uses to leave a byline unnumbered.

This module imports nothing (``bundle`` is on the quick search path); the names that
``claims.ingest`` offered before it became a package are looked up in ``store`` on
first use (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.ingest.store import (
        CurationHook,
        IngestResult,
        SourceOverrides,
        extract_document,
        ingest_files,
        prepare_document,
        sync_topics,
    )

__all__ = [
    "CurationHook",
    "IngestResult",
    "SourceOverrides",
    "extract_document",
    "ingest_files",
    "prepare_document",
    "sync_topics",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from claims.ingest import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
