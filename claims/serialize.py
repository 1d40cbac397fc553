"""The public JSON shapes of the product contract (PRODUCT.md, "JSON shapes").

Keys listed in the contract are never renamed; new keys may be added. Every
command that prints a claim or a source goes through these two functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.models import Claim, Source
    from claims.search import ClaimRow

CLAIM_KEYS = (
    "id", "source", "origin", "kind", "surface", "value", "value_max", "unit", "qualifier",
    "subject", "metric", "as_of", "sentence", "topics", "start", "end",
)
SOURCE_KEYS = (
    "id", "slug", "title", "authors", "publisher", "date", "date_precision", "date_inferred",
    "kind", "url",
)


def claim_to_public(
    claim: Claim | ClaimRow, source_slug: str, topics: Iterable[str]
) -> dict[str, Any]:
    """A claim as the contract's JSON object; ``source`` is the source's slug."""
    data: dict[str, Any] = {
        "id": claim.id,
        "source": source_slug,
        "origin": claim.origin,
        "kind": claim.kind,
        "surface": claim.surface,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "subject": claim.subject,
        "metric": claim.metric,
        "as_of": claim.as_of,
        "sentence": claim.sentence,
        "topics": sorted(topics),
        "start": claim.start,
        "end": claim.end,
        # additions beyond the contract
        "modality": claim.modality,
        "same_as": claim.same_as,
        "alias": claim.alias,  # the x- id of an earlier version (claims.ingest.ids)
        "paragraph": claim.paragraph,
        "quote": claim.quote,
        "proposition": claim.proposition,
        "stance": claim.stance,
        "note": claim.note,
    }
    return data


def source_to_public(source: Source, claim_count: int | None = None) -> dict[str, Any]:
    """A source as the contract's JSON object (authors as a list of names)."""
    data: dict[str, Any] = {
        "id": source.id,
        "slug": source.slug,
        "title": source.title,
        "authors": [author.get("name") for author in source.authors or []],
        "publisher": source.publisher,
        "date": source.date,
        "date_precision": source.date_precision,
        "date_inferred": source.date_inferred,
        "kind": source.kind,
        "url": source.url,
        # additions beyond the contract
        "subtitle": source.subtitle,
        "affiliations": [author.get("affiliation") for author in source.authors or []],
        "container": source.container,
        "number": source.number,
        "origin": source.origin,
        "filename": source.filename,
    }
    if claim_count is not None:
        data["claims"] = claim_count
    return data
