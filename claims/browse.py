"""What a browser front end needs beyond the CLI's calls: search facets, one source with
its claims marked in place, and which figures of a timeline are targets, not facts.

Like the rest of the library these take a session (or a reader) and return plain values;
``web/`` renders them. Nothing here writes to the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claims.domain import Modality
from claims.search import search

if TYPE_CHECKING:
    from sqlmodel import Session

    from claims.compare import ComparedClaim, Timeline
    from claims.models import Claim, Source
    from claims.search import Database

# Facets count the best FACET_WINDOW matches: exact for any corpus of a few thousand claims,
# a sample of the best matches on a large one (the page says so when the window is full).
FACET_WINDOW = 1_000


@dataclass
class Facets:
    """How many of the matches fall in each topic, source, kind and year (most first)."""

    topics: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    kinds: list[tuple[str, int]] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)  # newest first
    counted: int = 0  # matches counted
    complete: bool = True  # False when more than FACET_WINDOW claims matched

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[Any, int]]) -> list[dict[str, Any]]:
            return [{"key": key, "count": count} for key, count in items]

        return {"topics": pairs(self.topics), "sources": pairs(self.sources),
                "kinds": pairs(self.kinds), "years": pairs(self.years),
                "counted": self.counted, "complete": self.complete}


def facets(database: Database, words: str | None = None, **filters: Any) -> Facets:
    """Counts by topic, source, kind and year over the matches of
    ``claims.search.search(database, words, **filters)`` (its best ``FACET_WINDOW``)."""
    filters.pop("limit", None)
    hits = search(database, words, limit=FACET_WINDOW, **filters)
    topics: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    years: Counter[int] = Counter()
    for hit in hits:
        topics.update(hit.topics)
        sources[hit.source_slug] += 1
        kinds[hit.claim.kind] += 1
        if hit.claim.as_of is not None:
            years[hit.claim.as_of] += 1
    return Facets(
        topics=_most(topics), sources=_most(sources), kinds=_most(kinds),
        years=sorted(years.items(), reverse=True), counted=len(hits),
        complete=len(hits) < FACET_WINDOW,
    )


def _most(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def target_ids(entries: list[ComparedClaim]) -> set[str]:
    """The ids of the entries of a comparison or timeline that are targets or forecasts
    (their modality, ``claims.domain.effective_modality``), not facts."""
    return {e.id for e in entries if e.modality != Modality.FACT}


def timeline_targets(line: Timeline) -> set[str]:
    """The claim ids of a timeline's targets."""
    return target_ids(line.entries)


# --- one source with its claims in place ------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text; ``claim_id`` is set when the run is a claim's figure."""

    text: str
    claim_id: str | None = None


@dataclass
class SourceParagraph:
    number: int | None
    start: int
    end: int
    segments: list[Segment]


@dataclass
class SourceView:
    source: Source
    claims: list[Claim]  # in document order
    topics: dict[str, list[str]]
    paragraphs: list[SourceParagraph]

    def to_dict(self) -> dict[str, Any]:
        from claims.serialize import claim_to_public, source_to_public

        slug = self.source.slug
        return {
            "source": source_to_public(self.source, len(self.claims)),
            "claims": [claim_to_public(c, slug, self.topics.get(c.id, [])) for c in self.claims],
            "paragraphs": [
                {"number": p.number, "start": p.start, "end": p.end,
                 "text": "".join(s.text for s in p.segments),
                 "claims": [s.claim_id for s in p.segments if s.claim_id]}
                for p in self.paragraphs
            ],
        }


def mark_spans(text: str, offset: int, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """``text`` (which starts at ``offset`` in its document) cut into plain runs and the
    claims' spans (document offsets); a span overlapping an earlier one is left unmarked.

    >>> [(s.text, s.claim_id) for s in mark_spans("a $5 b 6%", 10,
    ...                                         [(12, 14, "x"), (17, 19, "y"), (13, 18, "z")])]
    [('a ', None), ('$5', 'x'), (' b ', None), ('6%', 'y')]
    """
    segments: list[Segment] = []
    at = 0
    for start, end, claim_id in sorted(spans):
        a, b = start - offset, end - offset
        if a < at or a < 0 or b > len(text) or a >= b:
            continue
        if a > at:
            segments.append(Segment(text[at:a]))
        segments.append(Segment(text[a:b], claim_id))
        at = b
    if at < len(text) or not segments:
        segments.append(Segment(text[at:]))
    return segments


def show_source(session: Session, slug: str) -> SourceView:
    """A source's metadata, its claims and its paragraphs with the claims marked in place;
    an unknown slug raises NotFound with the nearest slugs as a hint."""
    from sqlmodel import col, select

    from claims.models import Claim, Paragraph, Source
    from claims.search import topics_of

    source = session.exec(select(Source).where(Source.slug == slug)).first()
    if source is None:
        from claims.names import unknown_source

        raise unknown_source(session, slug)
    claims = list(session.exec(select(Claim).where(Claim.source_id == source.id)
                               .order_by(col(Claim.start), col(Claim.id))).all())
    rows = list(session.exec(select(Paragraph).where(Paragraph.source_id == source.id)
                             .order_by(col(Paragraph.number))).all())
    spans = [(c.start, c.end, c.id) for c in claims]
    bounds: list[tuple[int | None, int, int]]
    if rows:
        bounds = [(p.number, p.start, p.end) for p in rows]
    else:  # no paragraph table: the whole text is one block
        bounds = [(None, 0, len(source.text))]
    paragraphs = [
        SourceParagraph(number, start, end, mark_spans(
            source.text[start:end], start, [s for s in spans if start <= s[0] and s[1] <= end]))
        for number, start, end in bounds
    ]
    return SourceView(source, claims, topics_of(session, [c.id for c in claims]), paragraphs)

