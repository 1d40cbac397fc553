"""What every card is made of: its draft, its stable id, and how its source is named.

Shared by the card kinds (:mod:`claims.study.cards`) and the Anki export; no database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from claims.domain import year_of
from claims.models import Source

# New cards are introduced in (priority, id) order: curated figures first, then curated
# statements (who said it, where sources part: priority 1), then what the extractor found.
PRIORITY = {"curated": 0, "both": 0, "extracted": 2}

def card_id(claim_id: str, kind: str, variant: str = "") -> str:
    """Stable card id: a hash of claim id, kind and variant, then the kind.

    The hash comes first so that new cards, introduced in id order, mix kinds.

    >>> card_id("c-123", "cloze")
    '7d0fbd6717-cloze'
    """
    digest = hashlib.sha1(f"{claim_id}|{kind}|{variant}".encode()).hexdigest()
    return f"{digest[:10]}-{kind}"


def claim_key(claim: Any) -> str:
    """What a claim's card ids are made from: the id the claim had when its cards were
    first made. An extracted claim's ``x-`` alias (claims.ingest.ids) keeps its cards,
    their states and review history, now that its id is readable."""
    return str(claim.alias or claim.id)


@dataclass
class CardDraft:
    """A card as generated, before it meets the database."""

    id: str
    claim_id: str
    source_slug: str | None
    kind: str
    question: str
    answer: str
    spec: dict[str, Any]
    choices: list[str] | None = None
    priority: int = 1


# --- describing sources --------------------------------------------------------


def _names(source: Source) -> list[str]:
    return [a["name"] for a in source.authors or [] if a.get("name")]


def _surname(name: str) -> str:
    parts = [p for p in name.replace(",", " ").split() if p.rstrip(".").lower() not in (
        "jr", "sr", "ii", "iii", "phd")]
    return parts[-1] if parts else name


def source_label(source: Source, with_year: bool = True) -> str:
    """Short label: ``Cronin (1996)``; a source without authors goes by outlet or title."""
    names = _names(source)
    who = " and ".join(_surname(n) for n in names) if names else (
        source.publisher or source.title)
    year = year_of(source.date)
    return f"{who} ({year})" if year and with_year else who


def source_accepts(source: Source) -> list[str]:
    """What counts as naming this source: surnames, full names, slug, outlet, series."""
    names = _names(source)
    accepted = [_surname(n) for n in names] + names + [source.slug]
    accepted += [x for x in (source.publisher, source.container) if x]
    if not names:
        accepted.append(source.title)
    return accepted


def citation(source: Source) -> str:
    """A one-line citation for the back of a card: authors, title, where, when."""
    names = _names(source)
    where = source.container or source.publisher
    if source.container and source.number:
        where = f"{source.container} No. {source.number}"
    parts = [", ".join(names)] if names else []
    parts.append(f"\u201c{source.title}\u201d")
    parts += [x for x in (where, source.date) if x]
    return ", ".join(parts) + "."
