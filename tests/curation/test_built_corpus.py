"""Curated claims in the built bundled corpus: each once, never doubled by extraction."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from claims.curation import load_curated, locate_quote, same_figure
from claims.models import Claim, ClaimTopic, Source


def test_every_curated_claim_is_stored_once(built_session: Any) -> None:
    curated = {c.id: c for c in load_curated()}
    stored = {c.id: c for c in built_session.exec(select(Claim)).all()}
    assert set(curated) <= set(stored)
    assert {stored[i].origin for i in curated} <= {"curated", "both"}
    assert {c.id for c in stored.values() if c.origin in ("curated", "both")} == set(curated)


def test_a_curated_figure_is_one_claim_not_two(built_session: Any) -> None:
    """No extracted claim repeats a curated figure inside the curated quote."""
    rows = built_session.exec(select(Claim, Source).join(Source)).all()
    extracted = [(c, s) for c, s in rows if c.origin == "extracted"]
    doubled = []
    for claim, source in rows:
        if claim.origin == "extracted" or claim.kind == "statement" or claim.quote is None:
            continue
        q_start, q_end = locate_quote(source.text, claim.quote)
        doubled += [
            (claim.id, other.id) for other, other_source in extracted
            if other_source.id == source.id and q_start <= other.start < other.end <= q_end
            and same_figure(claim.kind, claim.value, other.kind, other.value, claim.unit,
                            other.unit)
        ]
    assert doubled == []


def test_statements_keep_quote_proposition_stance_and_topics(built_session: Any) -> None:
    claim = built_session.get(Claim, "glosserman-2003-lap-dog")
    assert claim is not None
    assert (claim.kind, claim.origin, claim.stance) == ("statement", "curated", "reports")
    assert claim.proposition == "Japan is a junior, dependent partner of the United States"
    source = built_session.get(Source, claim.source_id)
    assert "a lap dog" in source.text[claim.start : claim.end] == claim.surface
    topics = built_session.exec(
        select(ClaimTopic.topic_key).where(ClaimTopic.claim_id == claim.id)
    ).all()
    assert {"alliance-partnership", "public-opinion"} <= set(topics)
