"""The pure step of ingest: a prepared document in, the rows to store out.

``prepare`` opens no session and reads no database: it runs the extractor over a
document's cleaned text and returns plain rows (a source, its paragraphs, its claims
and their topic links), so any process can run it (a worker of ``claims.ingest.pipeline``,
a task on a distributed engine) and one writer stores the rows
(``claims.ingest.writer``), whichever path they came by: ``claims ingest``, ``ingest_files``,
the bundled build (with its curated claims, the ``curation`` hook) or a source's
re-extraction after its date is edited. A document that cannot be prepared becomes a
``Refusal`` with the reason and the fix, not an exception, so one bad file among a
million does not stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claims.extract import Extractor
from claims.ingest.store import CurationHook, PreparedDocument, draft_claims, readable_ids
from claims.models import Claim, Source


@dataclass(frozen=True)
class Rows:
    """One document ready to store: column values, without database ids.

    ``paragraphs`` and ``claims`` lack their ``source_id`` (the writer knows it once the
    source row is in); ``topics`` are ``{"claim_id", "topic_key"}`` links, kept by the
    writer only for topics the database knows.
    """

    slug: str
    name: str  # the file name, or "archive.jsonl:12" for a line of a JSONL file
    content_hash: str
    source: dict[str, Any]
    paragraphs: list[dict[str, int]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, str]] = field(default_factory=list)
    warning: str | None = None
    # the source fields the user set (``store.given_fields``): on a stored document with
    # the same text they update its metadata (status "updated")
    given: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Refusal:
    """A document left out, with why (``reason``) and what to do about it (``hint``)."""

    name: str
    reason: str
    hint: str | None = None
    slug: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, "slug": self.slug, "reason": self.reason, "hint": self.hint}


Prepared = Rows | Refusal

# ingested_at is the writer's (the time of the write): the rows of a document stay pure
_SOURCE_COLUMNS = tuple(c.name for c in Source.__table__.columns  # type: ignore[attr-defined]
                        if c.name not in ("id", "ingested_at"))
# A column the metadata does not set takes the model's default (one ORM object, built once:
# building one per document cost 1.4 ms of the ~15 ms a document takes)
_SOURCE_DEFAULTS = Source(slug="-", title="-", filename="-", content_hash="-",
                          text="-").model_dump()
_CLAIM_COLUMNS = tuple(c.name for c in Claim.__table__.columns  # type: ignore[attr-defined]
                       if c.name != "source_id")


def prepare(doc: PreparedDocument, origin: str = "user", extractor: Extractor | None = None,
            given: frozenset[str] = frozenset(), curation: CurationHook | None = None) -> Rows:
    """The rows of one document: its source, paragraphs, claims and topic links.

    The claims are the extracted ones, with ``curation`` (the bundled build's hook,
    ``claims.ingest.corpus``) merging curated claims into them first. Pure: no session,
    no database; the same document gives the same rows (claim ids are stable,
    ``claims.ingest.ids``), so storing them twice is harmless.
    """
    meta, decoded = doc.meta, doc.decoded
    fields = meta.model_dump(exclude={"file"})
    fields["authors"] = [a.model_dump() for a in meta.authors]
    fields |= {"filename": doc.filename, "content_hash": decoded.sha256,
               "text": decoded.text, "encoding": decoded.encoding, "origin": origin}
    paragraphs = [{"number": number, "start": start, "end": end}
                  for number, (start, end) in enumerate(doc.clean.paragraphs, start=1)]
    drafts = draft_claims(meta.slug, doc.clean, extractor, meta.date)
    if curation is not None:
        drafts = curation(meta.slug, decoded.text, drafts)
        for draft in drafts:  # curated claims get their paragraph like extracted ones
            if draft.paragraph is None:
                draft.paragraph = doc.clean.paragraph_number(draft.start)
    claims: list[dict[str, Any]] = []
    topics: list[dict[str, str]] = []
    # readable_ids numbers a repeated id (-2, -3), so every draft's id is its own (after
    # curation: an extracted id that a curated claim has is numbered, the curated one kept)
    for draft in readable_ids(drafts):
        values = vars(draft)  # the fields' values (model_dump copied them, per claim)
        claims.append({name: values.get(name) for name in _CLAIM_COLUMNS})
        topics += [{"claim_id": draft.id, "topic_key": key} for key in dict.fromkeys(draft.topics)]
    return Rows(
        slug=meta.slug, name=doc.filename, content_hash=decoded.sha256,
        source={name: fields.get(name, _SOURCE_DEFAULTS.get(name)) for name in _SOURCE_COLUMNS},
        paragraphs=paragraphs, claims=claims, topics=topics, warning=decoded.warning,
        given=given,
    )
