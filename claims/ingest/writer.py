"""The one writer: every ingest path stores its prepared rows here.

``claims ingest`` (``claims.ingest.pipeline``), the Dask engine, ``ingest_files``, the
bundled build (``claims.ingest.corpus``) and a source's re-extraction after its date is
edited (``claims.sources``) all prepare rows (``claims.ingest.prepare``) and store them
with ``write_batch``, so one set of rules sorts a document against the database.

``write_batch`` sorts a batch against what is stored (one query): new documents go in
by bulk insert (COPY on PostgreSQL, ``claims.db.bulk``), unchanged ones are left alone
(or only their metadata updated, when the user gave new values), changed ones (same
slug, new text) have their claims replaced in place (the source keeps its row and id),
and a document that cannot go in (the same text under another slug, a bundled slug, two
of one slug or one text in the batch) becomes a ``Refusal``. ``store_batch`` runs it in
one transaction, which commits whole or not at all, so a killed ingest leaves whole
documents only; a batch written twice (a retry, two writers at once) stores each
document once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claims.errors import InputError
from claims.ingest.prepare import Prepared, Refusal, Rows
from claims.ingest.store import IngestResult, Status

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

Stored = IngestResult | Refusal


def store_batch(engine: Engine, batch: Sequence[Prepared], origin: str = "user", *,
                refresh: bool = False, replace_bundled: bool = False) -> list[Stored]:
    """Write one batch in one transaction; a result (or the refusal) per document, in order
    (``write_batch`` says what ``refresh`` and ``replace_bundled`` do)."""
    from claims.db import session_scope

    with session_scope(engine) as session:
        return write_batch(session, batch, origin, refresh=refresh,
                           replace_bundled=replace_bundled)


def store_batches(engine: Engine, batches: Iterable[Sequence[Prepared]], origin: str = "user",
                  *, refresh: bool = False, replace_bundled: bool = False
                  ) -> Iterator[list[Stored]]:
    """Write each batch in its own transaction as it comes (``iter_prepared`` feeds it);
    yields each batch's results once it is committed. Topics are synced first."""
    from claims.db import session_scope
    from claims.ingest.store import sync_topics

    with session_scope(engine) as session:
        sync_topics(session)
    for batch in batches:
        yield store_batch(engine, batch, origin, refresh=refresh,
                          replace_bundled=replace_bundled)


def all_stored(results: Sequence[Stored]) -> list[IngestResult]:
    """``results`` when nothing was refused; else the first refusal as an ``InputError``,
    for the callers that store all or nothing (raised inside their transaction, it rolls
    the batch back)."""
    for result in results:
        if isinstance(result, Refusal):
            raise InputError(f"{result.name}: {result.reason}", hint=result.hint)
    return [result for result in results if isinstance(result, IngestResult)]


def write_batch(session: Session, batch: Sequence[Prepared], origin: str = "user", *,
                refresh: bool = False, replace_bundled: bool = False) -> list[Stored]:
    """Sort ``batch`` against the database and write it in ``session`` (the caller commits).

    ``origin`` is ``"user"`` or ``"bundled"``. ``refresh`` rewrites a stored document even
    when its text is unchanged (a rebuild: the rules or the curated data may have changed;
    its status stays "unchanged", or "updated" with new metadata). ``replace_bundled`` lets
    a document that is not bundled write over a bundled slug, which is refused otherwise.
    """
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
        refusal = _clash(item, seen_slugs, seen_hashes, by_slug, by_hash,
                         may_replace_bundled=replace_bundled or origin == "bundled")
        seen_slugs.setdefault(item.slug, item.name)
        seen_hashes.setdefault(item.content_hash, item.name)
        if refusal is not None:
            results[index] = refusal
            continue
        existing = by_slug.get(item.slug)
        if existing is None:
            fresh.append(item)
            continue
        same = existing[1] == item.content_hash and existing[2] == origin
        changes = _metadata_changes(session, existing[0], item) if same else {}
        if same and not refresh and "date" not in changes:
            _save_metadata(session, existing[0], changes)
            statuses[item.slug] = "updated" if changes else "unchanged"
            continue
        # new text, a new date (it dates "last year" anew) or a rebuild: the document's
        # rows are written again in place, keeping its source row (and id). A new date
        # alone changes only what was given: metadata given before (a publisher) stays.
        fields = changes if same and not refresh else item.source
        clear_source(session, existing[0], fields | {"ingested_at": now})
        ids[item.slug] = existing[0]
        statuses[item.slug] = ("updated" if changes else "unchanged") if same else "replaced"
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
    """The metadata the user gave (``item.given``) that differs from the stored source's."""
    from claims.models import Source

    if not item.given:
        return {}
    source = session.get(Source, source_id)
    assert source is not None
    return given_changes(source, item.source, item.given)


def _save_metadata(session: Session, source_id: int, changes: dict[str, Any]) -> None:
    from claims.models import Source

    if changes:
        source = session.get(Source, source_id)
        assert source is not None
        for key, value in changes.items():
            setattr(source, key, value)


def given_changes(source: Any, new: dict[str, Any], given: frozenset[str]) -> dict[str, Any]:
    """The ``given`` fields whose ``new`` value (a column's, as stored) differs from the
    stored ``source``'s; a new date brings its precision."""
    changes = {key: new[key] for key in given if key in new and getattr(source, key) != new[key]}
    if "date" in changes:
        changes["date_precision"] = new["date_precision"]
    return changes


def _clash(item: Rows, seen_slugs: dict[str, str], seen_hashes: dict[str, str],
           by_slug: dict[str, tuple[int, str, str]], by_hash: dict[str, str],
           may_replace_bundled: bool) -> Refusal | None:
    """Why ``item`` cannot be stored, or None."""
    if item.slug in seen_slugs:
        return Refusal(item.name, f"{seen_slugs[item.slug]} has the same slug {item.slug!r}",
                       "rename one of them, or ingest them separately", item.slug)
    if item.content_hash in seen_hashes:
        return Refusal(item.name, f"the same text as {seen_hashes[item.content_hash]}",
                       "nothing to do: it is ingested once", item.slug)
    existing = by_slug.get(item.slug)
    if existing is not None and existing[2] == "bundled" and not may_replace_bundled:
        return Refusal(item.name, f"slug {item.slug!r} belongs to the bundled corpus",
                       "rename the file, or pass another `overrides.slug`", item.slug)
    twin = by_hash.get(item.content_hash)
    if twin is not None and twin != item.slug:
        return Refusal(item.name, f"the same text is already in the database as {twin!r}",
                       f"nothing to do; or pass `overrides.slug={twin}` to update that "
                       "source", item.slug)
    return None
