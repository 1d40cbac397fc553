"""Fixing sources: edit a source's metadata, or remove a source.

A user's own sources can be corrected after ingest (``claims sources edit``) or
removed (``claims sources remove``). Removing a source deletes its paragraphs and
claims and *retires* the cards made from them (``claims.study.cards.sync_cards``):
review history stays, and the cards come back with it if the source is ingested again.

Bundled sources are described by ``data/sources.yaml`` and rebuilt from it, so an edit
here would be lost at the next build: they are refused, with that file as the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, delete, select

from claims.errors import InputError, UsageError
from claims.models import Claim, ClaimTopic, Paragraph, Source
from claims.names import unknown_source


@dataclass(frozen=True)
class SourceEdit:
    """New values for a source's fields; None (or no authors) leaves a field as it is."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None

    def fields(self) -> dict[str, Any]:
        from claims.ingest.store import USER_FIELDS

        changes: dict[str, Any] = {
            key: getattr(self, key) for key in USER_FIELDS
            if key != "authors" and getattr(self, key) is not None
        }
        if self.authors:
            changes["authors"] = [{"name": name} for name in self.authors]
        return changes


@dataclass(frozen=True)
class Removal:
    """What ``remove_source`` did."""

    slug: str
    claims: int
    cards_retired: int

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "claims": self.claims, "cards_retired": self.cards_retired}


def find_source(session: Session, slug: str) -> Source:
    """The source with this slug; NotFound (:func:`claims.names.unknown_source`) if none."""
    source = session.exec(select(Source).where(Source.slug == slug)).first()
    if source is None:
        raise unknown_source(session, slug)
    return source


def _refuse_bundled(source: Source, action: str) -> None:
    if source.origin == "bundled":
        raise InputError(
            f"{source.slug!r} is a bundled source: a build would {action}",
            hint="edit its entry in data/sources.yaml, then rebuild with "
                 "`claims.ingest.corpus.build_bundled()`",
        )


def edit_source(session: Session, slug: str, edit: SourceEdit) -> Source:
    """Change a user source's metadata (validated like ingest's); flushes, caller commits."""
    from pydantic import ValidationError

    from claims.ingest.metadata import SourceMeta

    changes = edit.fields()
    if not changes:
        raise UsageError("nothing to change",
                         hint="give `edit.title`, `edit.authors`, `edit.date`, "
                              "`edit.publisher`, `edit.url` or `edit.kind`")
    source = find_source(session, slug)
    _refuse_bundled(source, "undo the edit")
    current = source.model_dump(include=set(SourceMeta.model_fields) - {"file"})
    current.pop("date_precision", None)  # worked out again from the date
    try:
        meta = SourceMeta(**{**current, **changes})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "source"
        error = (first.get("ctx") or {}).get("error")
        raise UsageError(f"`edit.{field}`: {error or first['msg']}",
                         hint="see `claims.sources.SourceEdit`") from None
    redate = "date" in changes and meta.date != source.date
    for key in (*changes, "date_precision"):
        value = getattr(meta, key)
        setattr(source, key, [a.model_dump() for a in value] if key == "authors" else value)
    session.add(source)
    session.flush()
    if redate:
        _extract_again(session, source, meta)
    return source


def _extract_again(session: Session, source: Source, meta: Any) -> None:
    """Re-extract a source's claims in place, through the one writer (its row and id
    stay): its date dates "last year", "in May"."""
    from claims.ingest.prepare import prepare
    from claims.ingest.store import prepare_document
    from claims.ingest.textio import DecodedText
    from claims.ingest.writer import all_stored, write_batch

    doc = prepare_document(DecodedText(source.text, source.encoding), meta, source.filename)
    all_stored(write_batch(session, [prepare(doc, source.origin)], source.origin,
                           refresh=True))
    session.refresh(source)  # the writer updated its row (ingested_at) past the ORM


def remove_source(session: Session, slug: str) -> Removal:
    """Delete a user source with its paragraphs and claims; retire its cards (review
    history is kept). Flushes, caller commits."""
    from claims.study.cards import sync_cards

    source = find_source(session, slug)
    _refuse_bundled(source, "bring it back")
    claim_ids = list(session.exec(select(Claim.id).where(Claim.source_id == source.id)).all())
    if claim_ids:
        session.exec(delete(ClaimTopic).where(col(ClaimTopic.claim_id).in_(claim_ids)))
    session.exec(delete(Claim).where(col(Claim.source_id) == source.id))
    session.exec(delete(Paragraph).where(col(Paragraph.source_id) == source.id))
    session.delete(source)
    session.flush()
    report = sync_cards(session)
    return Removal(slug=slug, claims=len(claim_ids), cards_retired=report.retired)
