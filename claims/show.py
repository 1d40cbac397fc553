"""One claim in context: its paragraph, source, citation, related claims and flashcards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from claims.citation import attribution, cite_claims, load_claims, paragraph_of
from claims.citation_styles import CitationStyle
from claims.models import Card, Claim, Paragraph, Source
from claims.search import public_claim, topics_of

RELATED_LIMIT = 10


@dataclass
class ParagraphView:
    """The paragraph a claim stands in; ``highlight`` is the figure's span within ``text``."""

    number: int | None
    start: int
    end: int
    text: str
    highlight: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "start": self.start, "end": self.end,
                "text": self.text, "highlight": list(self.highlight)}


@dataclass
class RelatedClaim:
    claim: Claim
    source_slug: str
    topics: list[str]
    relation: str  # "same metric" (another source) | "same sentence"

    def to_dict(self) -> dict[str, Any]:
        return {**public_claim(self.claim, self.source_slug, self.topics),
                "relation": self.relation}


@dataclass
class ClaimView:
    claim: Claim
    source: Source
    topics: list[str]
    paragraph: ParagraphView
    citation: dict[str, Any]  # style, reference, in_text, quote, locator, attribution
    related: list[RelatedClaim] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": public_claim(self.claim, self.source.slug, self.topics),
            "source": public_source(self.source),
            "paragraph": self.paragraph.to_dict(),
            "citation": self.citation,
            "related": [r.to_dict() for r in self.related],
            "cards": [card_to_public(card) for card in self.cards],
        }


def public_source(source: Source) -> dict[str, Any]:
    """The contract JSON shape of a source (claims.serialize, the one serializer)."""
    from claims.serialize import source_to_public

    return source_to_public(source)


def card_to_public(card: Card) -> dict[str, Any]:
    """The contract's card shape (the study module's serializer)."""
    from claims.study.session import card_to_public as study_card_to_public

    return study_card_to_public(card)


def show_claim(
    session: Session, claim_id: str, style: CitationStyle | str = CitationStyle.apa
) -> ClaimView:
    """Everything about one claim; unknown id -> NotFound with nearby ids as a hint."""
    [(claim, source)] = load_claims(session, [claim_id])
    bibliography = cite_claims(session, [claim_id], style)
    cited = bibliography.claims[0]
    return ClaimView(
        claim=claim, source=source, topics=topics_of(session, [claim.id]).get(claim.id, []),
        paragraph=_paragraph(session, claim, source),
        citation={
            "style": CitationStyle(style).value,
            "reference": bibliography.references[0].text,
            "in_text": cited.in_text, "quote": cited.quote, "locator": cited.locator,
            "attribution": attribution(source),
        },
        related=_related(session, claim),
        cards=list(session.exec(
            select(Card).where(Card.claim_id == claim.id).order_by(col(Card.id))
        ).all()),
    )


def _paragraph(session: Session, claim: Claim, source: Source) -> ParagraphView:
    number = paragraph_of(session, claim)
    row = None
    if number is not None:
        row = session.exec(select(Paragraph).where(
            Paragraph.source_id == source.id, Paragraph.number == number)).first()
    if row is None or not row.start <= claim.start <= claim.end <= row.end:
        # no paragraph table row: the sentence is the context
        start, end = claim.sentence_start, claim.sentence_end
        if not start <= claim.start <= claim.end <= end:
            start, end = claim.start, claim.end
    else:
        start, end = row.start, row.end
    return ParagraphView(number=number, start=start, end=end, text=source.text[start:end],
                         highlight=(claim.start - start, claim.end - start))


def _related(session: Session, claim: Claim) -> list[RelatedClaim]:
    queries = []
    if claim.metric:
        queries.append(("same metric", select(Claim, Source.slug)
                        .join(Source, col(Source.id) == Claim.source_id)
                        .where(Claim.metric == claim.metric, Claim.source_id != claim.source_id)
                        .order_by(col(Source.date), col(Claim.start))))
    queries.append(("same sentence", select(Claim, Source.slug)
                    .join(Source, col(Source.id) == Claim.source_id)
                    .where(Claim.source_id == claim.source_id, Claim.id != claim.id,
                           Claim.sentence_start == claim.sentence_start,
                           Claim.sentence_end == claim.sentence_end)
                    .order_by(col(Claim.start))))
    related: list[RelatedClaim] = []
    for relation, query in queries:
        for other, slug in session.exec(query.limit(RELATED_LIMIT)).all():
            related.append(RelatedClaim(other, slug, [], relation))
    topics = topics_of(session, [r.claim.id for r in related])
    for item in related:
        item.topics = topics.get(item.claim.id, [])
    return related
