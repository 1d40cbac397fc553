"""Storing prepared rows: one transaction per batch, a repeated batch harmless.

``store_batch`` sorts a batch against what is stored (one query): new documents go in
by bulk insert (COPY on PostgreSQL, ``claims.db.bulk``), unchanged ones are left alone,
changed ones (same slug, new text) have their claims replaced, and a document that
cannot go in (the same text under another slug, a bundled slug, two of one slug in the
batch) becomes a ``Refusal``. The batch commits whole or not at all, so a killed ingest
leaves whole documents only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claims.ingest.prepare import Prepared, Refusal, Rows
from claims.ingest.store import IngestResult, Status

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

Stored = IngestResult | Refusal


def store_batch(engine: Engine, batch: Sequence[Prepared], origin: str = "user"
                ) -> list[Stored]:
    """Write one batch in one transaction; a result (or the refusal) per document, in order."""
    from claims.db import session_scope

    with session_scope(engine) as session:
        return _store(session, batch, origin)


def store_batches(engine: Engine, batches: Iterable[Sequence[Prepared]], origin: str = "user"
                  ) -> Iterator[list[Stored]]:
    """Write each batch in its own transaction as it comes (``iter_prepared`` feeds it);
    yields each batch's results once it is committed. Topics are synced first."""
    from claims.db import session_scope
    from claims.ingest.store import sync_topics

    with session_scope(engine) as session:
        sync_topics(session)
    for batch in batches:
        yield store_batch(engine, batch, origin)


def _store(session: Session, batch: Sequence[Prepared], origin: str) -> list[Stored]:
    from claims.db.bulk import (
        clear_source,
        insert_rows,
        insert_sources,
        known_topics,
        stored_sources,
    )
    from claims.models import Claim, ClaimTopic, Paragraph, utcnow

    rows = [item for item in batch if isinstance(item, Rows)]
    now = utcnow()
    stored = stored_sources(session, [r.slug for r in rows], [r.content_hash for r in rows])
    # one query sorts the batch: new, unchanged, changed, or a twin of a stored text
    by_slug = {slug: (id_, digest, made_by) for id_, slug, digest, made_by in stored}
    by_hash = {digest: slug for _, slug, digest, _ in stored}
    results: dict[int, Stored] = {}
    ids: dict[str, int] = {}
    statuses: dict[str, Status] = {}
    fresh: list[Rows] = []
    changed: list[Rows] = []
    seen_slugs: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for index, item in enumerate(batch):
        if isinstance(item, Refusal):
            results[index] = item
            continue
        refusal = _clash(item, seen_slugs, seen_hashes, by_slug, by_hash, origin)
        seen_slugs.setdefault(item.slug, item.name)
        seen_hashes.setdefault(item.content_hash, item.name)
        if refusal is not None:
            results[index] = refusal
            continue
        existing = by_slug.get(item.slug)
        if existing is None:
            fresh.append(item)
        elif existing[1] == item.content_hash and existing[2] == origin:
            changes = _metadata_changes(session, existing[0], item)
            statuses[item.slug] = "updated" if changes else "unchanged"
            if "date" in changes:  # a new date dates "last year" anew: re-extracted rows
                clear_source(session, existing[0], item.source | {"ingested_at": now})
                ids[item.slug] = existing[0]
                changed.append(item)
        else:  # same slug, new text: replace its claims, keep its row (and id)
            clear_source(session, existing[0], item.source | {"ingested_at": now})
            ids[item.slug] = existing[0]
            statuses[item.slug] = "replaced"
            changed.append(item)
    inserted = insert_sources(session, [item.source | {"ingested_at": now} for item in fresh])
    for item in fresh:  # a slug not inserted was stored meanwhile by another writer
        statuses[item.slug] = "added" if item.slug in inserted else "unchanged"
    ids.update(inserted)
    writing = changed + [item for item in fresh if item.slug in inserted]
    topics = known_topics(session) if any(item.topics for item in writing) else set()
    insert_rows(session, Paragraph, [{**p, "source_id": ids[item.slug]}
                                     for item in writing for p in item.paragraphs],
                skip_existing=False)
    insert_rows(session, Claim, [{**c, "source_id": ids[item.slug]}
                                 for item in writing for c in item.claims])
    insert_rows(session, ClaimTopic, [link for item in writing for link in item.topics
                                      if link["topic_key"] in topics])
    for index, item in enumerate(batch):
        if index not in results and isinstance(item, Rows):
            results[index] = IngestResult(item.slug, statuses[item.slug], len(item.claims),
                                          item.name, item.warning)
    return [results[index] for index in range(len(batch))]


def _metadata_changes(session: Session, source_id: int, item: Rows) -> dict[str, Any]:
    """The metadata the user gave (``item.given``) that differs from the stored source's;
    saved here unless the date changed (then the caller replaces the document)."""
    from claims.ingest.store import given_changes
    from claims.models import Source

    if not item.given:
        return {}
    source = session.get(Source, source_id)
    assert source is not None
    changes = given_changes(source, item.source, item.given)
    if "date" not in changes:
        for key, value in changes.items():
            setattr(source, key, value)
    return changes


def _clash(item: Rows, seen_slugs: dict[str, str], seen_hashes: dict[str, str],
           by_slug: dict[str, tuple[int, str, str]], by_hash: dict[str, str], origin: str
           ) -> Refusal | None:
    """Why ``item`` cannot be stored, or None."""
    if item.slug in seen_slugs:
        return Refusal(item.name, f"{seen_slugs[item.slug]} has the same slug {item.slug!r}",
                       "rename one of them, or ingest them separately", item.slug)
    if item.content_hash in seen_hashes:
        return Refusal(item.name, f"the same text as {seen_hashes[item.content_hash]}",
                       "nothing to do: it is ingested once", item.slug)
    existing = by_slug.get(item.slug)
    if existing is not None and existing[2] == "bundled" and origin != "bundled":
        return Refusal(item.name, f"slug {item.slug!r} belongs to the bundled corpus",
                       "rename the file", item.slug)
    twin = by_hash.get(item.content_hash)
    if twin is not None and twin != item.slug:
        return Refusal(item.name, f"the same text is already in the database as {twin!r}",
                       "nothing to do", item.slug)
    return None
